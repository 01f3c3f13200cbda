import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { findFiles } from '../src/files.js';
import { runCli } from './helpers/run-cli.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const templates = join(repo, 'fixtures/templates');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'asl-lint-discovery-'));
  cpSync(join(templates, 'sam-definition-uri'), join(dir, 'app'), { recursive: true });
  cpSync(join(templates, 'cfn-sub-block.yaml'), join(dir, 'infra', 'jobs.template'), { recursive: true });
  cpSync(join(templates, 'serverless.yml'), join(dir, 'serverless.yml'));
  mkdirSync(join(dir, 'lib'));
  cpSync(join(templates, 'cdk', 'from-string.ts'), join(dir, 'lib', 'stack.ts'));
  writeFileSync(join(dir, 'lib', 'util.ts'), 'export const x = 1;\n');
  writeFileSync(join(dir, 'package.json'), '{ "name": "app", "version": "1.0.0" }\n');
  writeFileSync(join(dir, 'config.yaml'), 'retries: 3\n');
  writeFileSync(join(dir, 'bucket.yaml'), 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B:\n    Type: AWS::S3::Bucket\n');
  mkdirSync(join(dir, 'cdk.out'));
  cpSync(join(templates, 'cfn-join.json'), join(dir, 'cdk.out', 'Stack.template.json'));
});

describe('discovery', () => {
  it('finds definitions by name and templates by content; skips other JSON/YAML, code and generated output', async () => {
    const { files } = await findFiles([], dir);
    expect(files).toEqual(['app/statemachine/flow.asl.json', 'app/template.yaml', 'infra/jobs.template', 'serverless.yml']);
  });

  it('adds CDK sources that mention a state machine with --cdk', async () => {
    const { files } = await findFiles(['.'], dir, { cdk: true });
    expect(files).toContain('lib/stack.ts');
    expect(files).not.toContain('lib/util.ts');
  });

  it('takes a named file as it is', async () => {
    expect((await findFiles(['lib/util.ts'], dir)).files).toEqual(['lib/util.ts']);
  });
});

describe('linked definitions', () => {
  it('lints a DefinitionUri file once, with its template\'s substitutions and workflow type', async () => {
    const run = await runCli(['--format', 'json'], { cwd: dir });
    const results = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number }[] }[];
    const flow = results.filter((r) => r.filePath.endsWith('flow.asl.json'));
    expect(flow).toHaveLength(1);
    expect(flow[0].messages.filter((m) => m.ruleId.startsWith('asl/')).map((m) => [m.ruleId, m.line, m.column])).toEqual([
      ['asl/substitutions', 4, 44],
      ['asl/express-patterns', 5, 43],
    ]);
  });

  it('lints the linked file when only the template is named', async () => {
    const run = await runCli(['--format', 'json', 'app/template.yaml'], { cwd: dir });
    const results = JSON.parse(run.stdout) as { filePath: string }[];
    expect(results.map((r) => r.filePath.replace(/\\/g, '/'))).toEqual(expect.arrayContaining([expect.stringMatching(/app\/template\.yaml$/), expect.stringMatching(/app\/statemachine\/flow\.asl\.json$/)]));
    expect(run.code).toBe(1);
  });

  it('says when a DefinitionUri file is missing', async () => {
    writeFileSync(join(dir, 'missing.yaml'), 'Transform: AWS::Serverless-2016-10-31\nResources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: nowhere.asl.json\n');
    const run = await runCli(['missing.yaml'], { cwd: dir });
    expect(run.stderr).toBe('asl-lint: missing.yaml: cannot read the definition "nowhere.asl.json": no such file\n');
  });
});
