import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLanguageService } from '../src/service/index.js';
import { LspClient, repo } from './lsp-client.js';

// More with ASL_LINT_LSP_EDITS=20000 for a longer local run; CI keeps the default bounded in time.
const EDITS = Number(process.env.ASL_LINT_LSP_EDITS) || 3000;

/** Deterministic, so a failure replays: mulberry32. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SNIPPETS = ['{', '}', '[', ']', '"', ':', ',', ' ', '\n', '\r\n', '\t', '- ', '# x', '//', '"Next": "', '"Type": "Task"', 'States', '.sync', '.$', '{% $x %}', 'arn:aws:states:::eks:', '😀', '\u0000', '\\', 'null', '-1e999', '__proto__', '!Ref', '&a', '*a'];

function workflow(states: number): string {
  const entries: string[] = [];
  for (let i = 0; i < states; i++) {
    const last = i === states - 1;
    entries.push(
      i % 3 === 0
        ? `    "S${i}": { "Type": "Task", "Resource": "arn:aws:states:::eks:runJob${i % 2 ? '.sync' : ''}", "Parameters": { "ClusterName": "c", "CertificateAuthority": "x", "Endpoint": "https://a.eks.amazonaws.com", "Job": { "apiVersion": "batch/v1", "kind": "Job", "metadata": { "name": "j${i}" }, "spec": { "template": { "spec": { "restartPolicy": "Never", "containers": [{ "name": "c", "image": "i" }] } } } } }, ${last ? '"End": true' : `"Next": "S${i + 1}"`} }`
        : `    "S${i}": { "Type": "Pass", ${last ? '"End": true' : `"Next": "S${i + 1}"`} }`,
    );
  }
  return `{\n  "StartAt": "S0",\n  "States": {\n${entries.join(',\n')}\n  }\n}\n`;
}

let client: LspClient;

beforeAll(async () => {
  execFileSync(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-b', 'packages/lsp'], { cwd: repo });
  client = (await LspClient.start({})).client;
}, 120_000);

afterAll(() => {
  if (client.process.exitCode === null) client.process.kill();
});

describe('a long random editing session', () => {
  it(`survives ${EDITS} random edits in JSON and YAML, keeps answering, and does not grow without bound`, async () => {
    const next = random(20261126);
    const initialYaml = 'StartAt: A\nStates:\n  A:\n    Type: Task\n    Resource: arn:aws:states:::eks:call\n    Parameters:\n      Method: GET\n      Path: /api/v1/pods\n    Next: B\n  B:\n    Type: Succeed\n';
    const documents = [
      TextDocument.create('file:///random/flow.asl.json', 'json', 1, workflow(30)),
      TextDocument.create('file:///random/flow.asl.yaml', 'yaml', 1, initialYaml),
    ];
    for (const document of documents) await client.open(document.uri, document.getText());
    const started = Date.now();
    let middle: number | undefined;

    for (let edit = 1; edit <= EDITS; edit++) {
      const index = Math.floor(next() * documents.length);
      const document = documents[index];
      const text = document.getText();
      const start = Math.floor(next() * (text.length + 1));
      const end = next() < 0.5 ? start : Math.min(text.length, start + Math.floor(next() * 12));
      // Keep documents small enough that the session measures the server, not the document.
      const insert = text.length > 20_000 ? '' : SNIPPETS[Math.floor(next() * SNIPPETS.length)];
      const range = { start: document.positionAt(start), end: document.positionAt(end) };
      const version = document.version + 1;
      if (edit % 250 === 0) {
        // Random edits break a document within a few steps: start over from valid text now and then, so the
        // rules (not only the parser) see thousands of near-valid versions.
        const fresh = index === 0 ? workflow(30 + (edit % 7)) : initialYaml;
        documents[index] = TextDocument.update(document, [{ text: fresh }], version);
        await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: document.uri, version }, contentChanges: [{ text: fresh }] });
      } else {
        documents[index] = TextDocument.update(document, [{ range, text: insert }], version);
        await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: document.uri, version }, contentChanges: [{ range, text: insert }] });
      }

      if (edit % 5 === 0) {
        // Every feature on the latest version, at a random position: each must answer.
        const current = documents[index];
        const position = current.positionAt(Math.floor(next() * (current.getText().length + 1)));
        const textDocument = { uri: current.uri };
        await client.connection.sendRequest('textDocument/hover', { textDocument, position });
        const completion = await client.connection.sendRequest('textDocument/completion', { textDocument, position });
        expect(completion).not.toBeNull();
        const actions = await client.connection.sendRequest('textDocument/codeAction', { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } });
        expect(Array.isArray(actions)).toBe(true);
      }
      if (edit === EDITS / 2) middle = client.residentBytes();
    }

    // The last version of each document is linted and published once typing stops: the same findings as a fresh
    // service linting that text from scratch (the server got there version by version, incrementally).
    for (const document of documents) {
      const diagnostics = await client.diagnosticsFor(document.uri, document.version);
      expect(diagnostics.every((d) => d.source === 'asl-lint' && typeof d.code === 'string')).toBe(true);
      expect(diagnostics).toEqual(createLanguageService().validate(document));
    }
    const end = client.residentBytes();
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(90_000);
    if (middle !== undefined && end !== undefined) {
      expect(end).toBeLessThan(512 * 1024 * 1024);
      // Half the session again must not cost more than a bounded amount: caches hold open documents only.
      expect(end - middle).toBeLessThan(96 * 1024 * 1024);
    }
    console.log(`${EDITS} edits in ${elapsed} ms; resident ${Math.round((middle ?? 0) / 2 ** 20)} MiB at the middle, ${Math.round((end ?? 0) / 2 ** 20)} MiB at the end`);
    expect(client.messages.filter((message) => /failed|unexpected/.test(message))).toEqual([]);
    expect(client.stderr).toBe('');
    expect(await client.stop()).toBe(0);
  }, 120_000);
});
