import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionList, Hover } from 'vscode-languageserver';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LspClient, repo, serverPath } from './lsp-client.js';

const RUN_JOB = `{
  "StartAt": "Run",
  "States": {
    "Run": {
      "Type": "Task",
      "Resource": "arn:aws:states:::eks:runJob",
      "Parameters": {
        "ClusterName": "batch",
        "CertificateAuthority": "Q0E=",
        "Endpoint": "https://ABC.gr7.us-east-1.eks.amazonaws.com",
        "Job": { "apiVersion": "batch/v1", "kind": "Job", "metadata": { "name": "pi" }, "spec": { "backoffLimit": 1, "template": { "spec": { "restartPolicy": "Never", "containers": [{ "name": "pi", "image": "perl" }] } } } }
      },
      "Next": "Done"
    },
    "Done": { "Type": "Succeed" }
  }
}
`;

let dir: string;
let clients: LspClient[] = [];

beforeAll(() => {
  execFileSync(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-b', 'packages/lsp'], { cwd: repo });
  dir = mkdtempSync(join(tmpdir(), 'asl-lint-lsp-'));
}, 120_000);

afterEach(() => {
  for (const client of clients) if (client.process.exitCode === null) client.process.kill();
  clients = [];
});

async function start(options: Parameters<typeof LspClient.start>[0] = {}) {
  const started = await LspClient.start({ rootUri: pathToFileURL(dir).href, ...options });
  clients.push(started.client);
  return started;
}

const position = (text: string, needle: string, delta = 0) => TextDocument.create('x', 'json', 1, text).positionAt(text.indexOf(needle) + delta);

describe('asl-lint-lsp over stdio', () => {
  it('runs a whole editor session: diagnostics, quick fix, hover, completion, re-lint, settings, policy, shutdown', async () => {
    const { client, initialize } = await start({ settings: { rules: {} } });
    expect(initialize.capabilities).toMatchObject({
      textDocumentSync: { openClose: true, change: 2 },
      codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.asl-lint'] },
      hoverProvider: true,
      definitionProvider: true,
      executeCommandProvider: { commands: ['asl-lint.derivePolicy'] },
    });
    expect(initialize.capabilities.diagnosticProvider).toBeUndefined();
    await client.until('settings request and config-file watcher', () =>
      client.requests.includes('workspace/configuration') && client.requests.includes('register workspace/didChangeWatchedFiles') ? true : undefined,
    );

    const uri = pathToFileURL(join(dir, 'session.asl.json')).href;
    await client.open(uri, RUN_JOB);
    const [diagnostic] = await client.diagnosticsFor(uri, 1);
    expect(diagnostic).toMatchObject({
      code: 'eks/run-job-sync',
      codeDescription: { href: 'https://github.com/asl-lint/asl-lint/blob/main/docs/rules/eks/run-job-sync.md' },
      source: 'asl-lint',
      severity: 2,
      range: { start: { line: 5, character: 18 }, end: { line: 5, character: 47 } },
    });

    // The quick fix, applied as the editor would, then sent back as an incremental change.
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    })) as CodeAction[];
    expect(actions.map((action) => action.title)).toEqual(['Append .sync', 'Disable eks/run-job-sync for state "Run"']);
    const [edit] = actions[0].edit!.changes![uri];
    expect(edit.newText).toBe('"arn:aws:states:::eks:runJob.sync"');
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: edit.range, text: edit.newText }] });
    expect(await client.diagnosticsFor(uri, 2)).toEqual([]);

    const definition = await client.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: position(RUN_JOB, '"Next": "Done"', 10) });
    expect(definition).toEqual([{ uri, range: { start: { line: 14, character: 4 }, end: { line: 14, character: 10 } } }]);
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: position(RUN_JOB, 'arn:aws:states:::eks:runJob', 3) })) as Hover;
    expect((hover.contents as { value: string }).value).toMatch(/^\*\*eks:runJob\*\* · `\.sync` \(run a job\) — Runs a Kubernetes `batch\/v1` Job on an EKS cluster\./);

    // Completion after "Next": on a new state typed with a full-document change.
    const withNewState = RUN_JOB.replace('eks:runJob"', 'eks:runJob.sync"').replace('"Next": "Done"', '"Next": ""').replace('"Done": { "Type": "Succeed" }', '"Done": { "Type": "Succeed" },\n    "Failed": { "Type": "Fail" }');
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: withNewState }] });
    const completion = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: position(withNewState, '"Next": ""', 9) })) as CompletionList;
    expect(completion.items.map((item) => item.label)).toEqual(['Done', 'Failed']);
    const afterCompletion = await client.diagnosticsFor(uri, 3);
    expect(afterCompletion.map((d) => d.code)).toEqual(['asl/transitions', 'asl/unreachable-state', 'asl/unreachable-state']);

    // A settings change re-lints open documents with the new rule levels.
    client.settings = { rules: { 'asl/unreachable-state': 'off' } };
    const before = client.publishedCount(uri);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    expect((await client.nextDiagnostics(uri, before)).map((d) => d.code)).toEqual(['asl/transitions']);

    const policies = (await client.connection.sendRequest('workspace/executeCommand', { command: 'asl-lint.derivePolicy', arguments: [uri, { region: 'eu-west-1', account: '123456789012' }] })) as { policy: { Statement: unknown[] }; kubernetes: { state: string }[] }[];
    expect(policies).toHaveLength(1);
    expect(policies[0].policy.Statement).toEqual([]);
    expect(policies[0].kubernetes.map((access) => access.state)).toEqual(['Run']);

    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    expect(await client.until('cleared diagnostics', () => client.published.at(-1)?.diagnostics.length === 0 ? true : undefined)).toBe(true);
    expect(await client.stop()).toBe(0);
    expect(client.stderr).toBe('');
  });

  it('re-lints open documents when a watched config file changes', async () => {
    const { client } = await start();
    const project = mkdtempSync(join(dir, 'project-'));
    const uri = pathToFileURL(join(project, 'flow.asl.json')).href;
    await client.open(uri, RUN_JOB);
    expect((await client.diagnosticsFor(uri, 1)).map((d) => d.code)).toEqual(['eks/run-job-sync']);

    writeFileSync(join(project, 'asl-lint.config.json'), JSON.stringify({ rules: { 'eks/run-job-sync': 'error' } }));
    const before = client.publishedCount(uri);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(project, 'asl-lint.config.json')).href, type: 1 }] });
    expect((await client.nextDiagnostics(uri, before)).map((d) => [d.code, d.severity])).toEqual([['eks/run-job-sync', 1]]);

    writeFileSync(join(project, 'asl-lint.config.json'), '{ "rules": { "eks/run-job-sinc": "off" } }');
    const again = client.publishedCount(uri);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(project, 'asl-lint.config.json')).href, type: 2 }] });
    // An invalid config is shown to the user, and linting goes on with the default rules.
    expect((await client.nextDiagnostics(uri, again)).map((d) => [d.code, d.severity])).toEqual([['eks/run-job-sync', 2]]);
    expect(await client.until('a warning about the config', () => client.messages.find((message) => message.includes('eks/run-job-sinc')))).toMatch(/^asl-lint: /);
    expect(await client.stop()).toBe(0);
  });

  it('takes settings from initializationOptions when the client has no asl-lint section (Helix, glspc)', async () => {
    const { client } = await start({ settings: null, initializationOptions: { 'asl-lint': { rules: { 'eks/run-job-sync': 'off' } } } });
    const uri = pathToFileURL(join(dir, 'init-options.asl.json')).href;
    await client.open(uri, RUN_JOB);
    expect(await client.diagnosticsFor(uri, 1)).toEqual([]);
    await client.until('the settings request', () => (client.requests.includes('workspace/configuration') ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(client.published.filter((p) => p.uri === uri).every((p) => p.diagnostics.length === 0)).toBe(true);
    expect(await client.stop()).toBe(0);
  });

  it('serves pull diagnostics when the client asks for them, with unchanged reports for unchanged versions', async () => {
    const { client, initialize } = await start({ pull: true });
    expect(initialize.capabilities.diagnosticProvider).toEqual({ identifier: 'asl-lint', interFileDependencies: false, workspaceDiagnostics: false });
    const uri = pathToFileURL(join(dir, 'pull.asl.yaml')).href;
    await client.open(uri, 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: Nowhere\n');
    const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { kind: string; resultId: string; items: { code: string; range: unknown }[] };
    expect(report.kind).toBe('full');
    expect(report.items.map((d) => [d.code, d.range])).toEqual([['asl/transitions', { start: { line: 4, character: 10 }, end: { line: 4, character: 17 } }]]);
    expect(await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId: report.resultId })).toEqual({ kind: 'unchanged', resultId: report.resultId });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(client.published).toEqual([]);
    expect(await client.stop()).toBe(0);
  });

  it('lints a CloudFormation template at host positions and completes inside its definition', async () => {
    const { client } = await start();
    const uri = pathToFileURL(join(dir, 'template.yaml')).href;
    const template = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Machine:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      Definition:\n        StartAt: Run\n        States:\n          Run:\n            Type: Task\n            Resource: arn:aws:states:::eks:deleteCluster\n            Parameters:\n              Name: batch\n            Next: \n          Done:\n            Type: Succeed\n";
    await client.open(uri, template);
    const diagnostics = await client.diagnosticsFor(uri, 1);
    expect(diagnostics.map((d) => [d.code, d.range.start.line])).toContainEqual(['asl/schema', 13]);
    const completion = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 13, character: 18 } })) as CompletionList;
    expect(completion.items.map((item) => item.label)).toEqual(['Done']);
    expect(await client.stop()).toBe(0);
  });

  it('prints usage without a transport and exits 2', () => {
    let status = 0;
    let stderr = '';
    try {
      execFileSync(process.execPath, [serverPath], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      status = (error as { status: number }).status;
      stderr = (error as { stderr: string }).stderr;
    }
    expect(status).toBe(2);
    expect(stderr).toContain('asl-lint-lsp: give a transport, e.g. --stdio');
  });
});
