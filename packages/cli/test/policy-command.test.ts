/**
 * `asl-lint policy`, run as users run it (the built bin), against reviewed golden files in `fixtures/iam/`.
 * To regenerate after a deliberate change: ASL_LINT_UPDATE_GOLDEN=1, then review the diff like code.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const bin = join(repo, 'packages/cli/dist/bin.js');
const fixtures = join(repo, 'fixtures/iam');
const update = process.env.ASL_LINT_UPDATE_GOLDEN === '1';

function run(args: string[], cwd = fixtures) {
  const result = spawnSync(process.execPath, [bin, 'policy', ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function golden(name: string, actual: string): void {
  const file = join(fixtures, name);
  if (update || !existsSync(file)) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

beforeAll(() => {
  try {
    execFileSync(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-b', 'packages/cli'], { cwd: repo, stdio: 'pipe' });
  } catch {
    // A type error elsewhere still emits the bin (the typecheck is `pnpm typecheck`'s to report); only a missing bin stops these tests.
  }
  expect(existsSync(bin)).toBe(true);
}, 120_000);

const AWS_ENV = ['--region', 'sa-east-1', '--account', '444455556666'];

describe('asl-lint policy: golden files', () => {
  it.each(['create-cluster', 'create-nodegroup', 'delete-cluster', 'delete-nodegroup'])("%s reproduces AWS's template with --aws-template", (name) => {
    const result = run([`${name}.asl.json`, ...AWS_ENV, '--aws-template']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    golden(`${name}.aws-template.golden.json`, result.stdout);
  });

  it.each(['create-cluster', 'create-nodegroup'])('%s narrows to the example names by default', (name) => {
    const result = run([`${name}.asl.json`, ...AWS_ENV]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    golden(`${name}.golden.json`, result.stdout);
  });

  it('nightly-batch: placeholders in JSON, the explanation on stderr', () => {
    const result = run(['nightly-batch.asl.yaml', '--explain']);
    expect(result.code).toBe(0);
    golden('nightly-batch.golden.json', result.stdout);
    golden('nightly-batch.explain.golden.txt', result.stderr);
  });

  it('nightly-batch: YAML ready for a CloudFormation PolicyDocument', () => {
    const result = run(['nightly-batch.asl.yaml', '--format', 'yaml']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    golden('nightly-batch.golden.yaml', result.stdout);
  });

  it('fan-out: Map, Parallel, JSONata, dynamic names, Lambda, DynamoDB and SNS', () => {
    const result = run(['fan-out.asl.json', '--region', 'eu-west-1', '--account', '111122223333', '--explain']);
    expect(result.code).toBe(0);
    golden('fan-out.golden.json', result.stdout);
    golden('fan-out.explain.golden.txt', result.stderr);
  });

  it('a template with two state machines prints one policy per state machine', () => {
    const result = run(['two-machines.template.yaml', '--partition', 'aws-us-gov']);
    expect(result).toMatchObject({ code: 0, stderr: 'asl-lint policy: 1 warning about this policy; run with --explain to read it\n' });
    golden('two-machines.golden.json', result.stdout);
  });

  it('says how many warnings --explain would show', () => {
    const dir = mkdtempSync(join(tmpdir(), 'asl-lint-policy-'));
    writeFileSync(join(dir, 'sdk.asl.json'), '{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:s3:listObjectsV2","Parameters":{"Bucket":"b"},"End":true}}}');
    const result = run(['sdk.asl.json'], dir);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).Statement).toEqual([{ Sid: 'AwsSdkS3ListObjectsV2', Effect: 'Allow', Action: ['s3:ListBucket'], Resource: '*' }]);
    expect(result.stderr).toBe('asl-lint policy: 1 warning about this policy; run with --explain to read it\n');
  });
});

describe('asl-lint policy: errors', () => {
  it('exits 2 with the position when the file does not parse', () => {
    const dir = mkdtempSync(join(tmpdir(), 'asl-lint-policy-'));
    writeFileSync(join(dir, 'broken.asl.json'), '{\n  "StartAt": "A",\n  "States": {\n');
    expect(run(['broken.asl.json'], dir)).toEqual({ code: 2, stdout: '', stderr: 'asl-lint policy: broken.asl.json:4:1: cannot parse the file: Closing brace "}" expected\n' });
  });

  it('exits 2 for a missing file, a bad option or no file', () => {
    expect(run(['missing.asl.json'])).toEqual({ code: 2, stdout: '', stderr: 'asl-lint policy: cannot read missing.asl.json: no such file\n' });
    expect(run(['delete-cluster.asl.json', '--account', '12345'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'asl-lint policy: --account expects a 12-digit account id; got "12345"\nRun "asl-lint policy --help" for usage.\n',
    });
    expect(run(['delete-cluster.asl.json', '--format', 'xml']).stderr).toBe('asl-lint policy: --format expects json or yaml; got "xml"\nRun "asl-lint policy --help" for usage.\n');
    expect(run([]).stderr).toBe('asl-lint policy: policy needs a file\nRun "asl-lint policy --help" for usage.\n');
  });

  it('prints its help', () => {
    const result = run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: asl-lint policy <file> [options]');
  });
});
