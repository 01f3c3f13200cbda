import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { allRules } from '@asl-lint/rules';
import { describe, expect, it } from 'vitest';
import { ProjectConfigurations } from '../src/project-config.js';
import { createLanguageService } from '../src/service/index.js';
import { documentOf } from './cursor.js';

const UNREACHABLE = '{\n  "StartAt": "A",\n  "States": {\n    "A": { "Type": "Succeed" },\n    "B": { "Type": "Succeed" }\n  }\n}\n';

function project(config: string, name = 'asl-lint.config.json') {
  const dir = mkdtempSync(join(tmpdir(), 'asl-lint-lsp-config-'));
  mkdirSync(join(dir, 'flows', 'legacy'), { recursive: true });
  writeFileSync(join(dir, name), config);
  const projects = new ProjectConfigurations(allRules, dir);
  const service = createLanguageService({ rules: allRules, projectConfiguration: (filePath) => projects.forFile(filePath) });
  const lint = (relative: string) => service.validate(documentOf(UNREACHABLE, pathToFileURL(join(dir, relative)).href));
  return { dir, projects, service, lint };
}

describe('project configuration (the CLI resolver, seen from the editor)', () => {
  it('applies rules, overrides by glob and ignore patterns of the nearest config file', () => {
    const { lint } = project(JSON.stringify({ rules: { 'asl/unreachable-state': 'warn' }, overrides: [{ files: ['flows/legacy/**'], rules: { 'asl/unreachable-state': 'off' } }], ignore: ['flows/generated.asl.json'] }));
    expect(lint('flows/a.asl.json').map((d) => [d.code, d.severity])).toEqual([['asl/unreachable-state', 2]]);
    expect(lint('flows/legacy/b.asl.json')).toEqual([]);
    expect(lint('flows/generated.asl.json')).toEqual([]);
  });

  it('reads YAML configs and presets, and passes workflowType on', () => {
    const { projects, dir } = project('extends: strict\nworkflowType: express\n', 'asl-lint.config.yaml');
    const config = projects.forFile(join(dir, 'flows', 'a.asl.json'))!;
    expect(config.workflowType).toBe('EXPRESS');
    // strict raises every warning rule to an error.
    expect(config.rules![0]['eks/run-job-sync']).toEqual(['error', undefined]);
  });

  it('names an invalid config and lints with the default rules', () => {
    const { lint, service, dir } = project('{ "rules": { "asl/unreachable-stat": "off" } }');
    expect(lint('flows/a.asl.json').map((d) => [d.code, d.severity])).toEqual([['asl/unreachable-state', 1]]);
    const [problem] = service.configurationProblems(documentOf(UNREACHABLE, pathToFileURL(join(dir, 'flows/a.asl.json')).href));
    expect(problem).toMatch(/^asl-lint\.config\.json:1:\d+: .*Unknown rule "asl\/unreachable-stat" \(did you mean "asl\/unreachable-state"\?\).* \(using the default rules\)$/);
  });

  it('sees a changed config only after clear(), which the server calls when a watched config file changes', () => {
    const { lint, projects, service, dir } = project('{ "rules": { "asl/unreachable-state": "off" } }');
    expect(lint('flows/a.asl.json')).toEqual([]);
    writeFileSync(join(dir, 'asl-lint.config.json'), '{}');
    expect(lint('flows/a.asl.json')).toEqual([]);
    projects.clear();
    service.invalidate();
    expect(lint('flows/a.asl.json').map((d) => d.code)).toEqual(['asl/unreachable-state']);
  });

  it('has nothing to say for documents without a path (untitled buffers)', () => {
    const { projects } = project('{}');
    expect(projects.forFile('untitled:Untitled-1')).toBeUndefined();
  });
});

describe('derivePolicy', () => {
  it('returns the policy of each state machine in the document, with the environment given', () => {
    const text = '{\n  "StartAt": "Del",\n  "States": {\n    "Del": { "Type": "Task", "Resource": "arn:aws:states:::eks:deleteCluster", "Parameters": { "Name": "batch" }, "End": true }\n  }\n}\n';
    const [policy] = createLanguageService().derivePolicy(documentOf(text), { region: 'eu-west-1', account: '123456789012', ignored: true });
    expect(policy.definition).toBeUndefined();
    expect(policy.policy.Statement.map((statement) => [statement.Action, statement.Resource])).toEqual([
      [['eks:DeleteCluster', 'eks:DescribeCluster'], ['arn:aws:eks:eu-west-1:123456789012:cluster/batch']],
    ]);
    expect(createLanguageService().derivePolicy(documentOf('{ "name": "x" }', 'file:///work/package.json'))).toEqual([]);
  });
});
