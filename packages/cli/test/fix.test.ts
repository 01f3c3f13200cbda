import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { writeFixedFile } from '../src/fix-writer.js';
import { unifiedDiff } from '../src/unified-diff.js';
import { runCli } from './helpers/run-cli.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

const JOB = `{ "apiVersion": "batch/v1", "kind": "Job", "metadata": { "name": "report" }, "spec": { "backoffLimit": 1, "template": { "spec": { "containers": [{ "name": "report", "image": "report:1.4" }], "restartPolicy": "Never" } } } }`;
const PARAMETERS = `"ClusterName": "batch", "CertificateAuthority": "LS0tLS1CRUdJTg==", "Endpoint": "https://EXAMPLE.gr7.us-east-1.eks.amazonaws.com", "Job": ${JOB}`;

/** eks:runJob without .sync (eks/run-job-sync, a safe fix), with comments-free JSON formatting to keep. */
const RUN_JOB_JSON = `{
    "Comment":   "nightly",
    "StartAt": "Report",
    "States": {
        "Report": {
            "Type": "Task",
            "Resource":    "arn:aws:states:::eks:runJob",
            "Parameters": { ${PARAMETERS} },
            "End": true
        }
    }
}
`;
const RUN_JOB_YAML = `# The nightly report
StartAt: Report
States:
  Report:
    Type: Task
    Resource: arn:aws:states:::eks:runJob   # wait for it
    Parameters: { ${PARAMETERS} }
    End: true
`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'asl-lint-fix-'));
});

const read = (name: string) => readFileSync(join(dir, name), 'utf8');

describe('--fix', () => {
  it('appends .sync in JSON, touching nothing else, and is idempotent', async () => {
    writeFileSync(join(dir, 'flow.asl.json'), RUN_JOB_JSON);
    const first = await runCli(['--fix', 'flow.asl.json'], { cwd: dir });
    expect(first).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(read('flow.asl.json')).toBe(RUN_JOB_JSON.replace('"arn:aws:states:::eks:runJob"', '"arn:aws:states:::eks:runJob.sync"'));
    const before = statSync(join(dir, 'flow.asl.json')).mtimeMs;
    const second = await runCli(['--fix', 'flow.asl.json'], { cwd: dir });
    expect(second).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(statSync(join(dir, 'flow.asl.json')).mtimeMs).toBe(before);
    expect(readdirSync(dir)).toEqual(['flow.asl.json']);
  });

  it('keeps a YAML plain scalar plain and its comment in place', async () => {
    writeFileSync(join(dir, 'flow.asl.yaml'), RUN_JOB_YAML);
    expect((await runCli(['--fix', 'flow.asl.yaml'], { cwd: dir })).code).toBe(0);
    expect(read('flow.asl.yaml')).toBe(RUN_JOB_YAML.replace('eks:runJob   # wait', 'eks:runJob.sync   # wait'));
  });

  it('leaves a suppressed finding unfixed', async () => {
    const suppressed = RUN_JOB_YAML.replace('    Resource:', '    # asl-lint-disable-next-line eks/run-job-sync -- polled with eks:call\n    Resource:');
    writeFileSync(join(dir, 'flow.asl.yaml'), suppressed);
    expect(await runCli(['--fix', 'flow.asl.yaml'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(read('flow.asl.yaml')).toBe(suppressed);
  });

  it('never writes a file that does not parse, and reports it', async () => {
    const broken = RUN_JOB_JSON.replace('"End": true', '"End": true,,');
    writeFileSync(join(dir, 'flow.asl.json'), broken);
    const run = await runCli(['--fix', '-f', 'json', 'flow.asl.json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)[0].messages[0].ruleId).toBe('asl/parse');
    expect(read('flow.asl.json')).toBe(broken);
  });

  it('reports what is left after fixing', async () => {
    const withError = RUN_JOB_YAML.replace('    End: true\n', '    Next: Missing\n');
    writeFileSync(join(dir, 'flow.asl.yaml'), withError);
    const run = await runCli(['--fix', '-f', 'json', 'flow.asl.yaml'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId)).toEqual(['asl/transitions']);
    expect(read('flow.asl.yaml')).toContain('eks:runJob.sync');
  });

  it('fixes a definition embedded in a SAM template, but not one built with !Sub (the fix would drop the intrinsic)', async () => {
    const template = (resource: string) =>
      `Transform: AWS::Serverless-2016-10-31\nResources:\n  Nightly:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      Definition:\n        StartAt: Report\n        States:\n          Report:\n            Type: Task\n            Resource: ${resource}\n            Parameters: { ${PARAMETERS} }\n            End: true\n`;
    writeFileSync(join(dir, 'template.yaml'), template('arn:aws:states:::eks:runJob'));
    writeFileSync(join(dir, 'sub.template.yaml'), template('!Sub arn:${AWS::Partition}:states:::eks:runJob'));
    expect((await runCli(['--fix', 'template.yaml', 'sub.template.yaml'], { cwd: dir })).code).toBe(0);
    expect(read('template.yaml')).toBe(template('arn:aws:states:::eks:runJob.sync'));
    expect(read('sub.template.yaml')).toBe(template('!Sub arn:${AWS::Partition}:states:::eks:runJob'));
  });

  it('keeps file permissions and writes through a symbolic link', async () => {
    writeFileSync(join(dir, 'target.asl.yaml'), RUN_JOB_YAML);
    chmodSync(join(dir, 'target.asl.yaml'), 0o640);
    symlinkSync('target.asl.yaml', join(dir, 'link.asl.yaml'));
    expect((await runCli(['--fix', 'link.asl.yaml'], { cwd: dir })).code).toBe(0);
    expect(read('target.asl.yaml')).toContain('eks:runJob.sync');
    expect(statSync(join(dir, 'target.asl.yaml')).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).sort()).toEqual(['link.asl.yaml', 'target.asl.yaml']);
  });

  it('refuses --fix with --stdin and with --fix-dry-run', async () => {
    expect((await runCli(['--fix', '--stdin'], { cwd: dir })).stderr).toBe(
      'asl-lint: --fix writes files; with --stdin use --fix-dry-run to print the fixed text\nRun "asl-lint --help" for usage.\n',
    );
    expect((await runCli(['--fix', '--fix-dry-run', 'x'], { cwd: dir })).code).toBe(2);
  });
});

describe('writeFixedFile', () => {
  it('refuses a file that changed since it was read', () => {
    const path = join(dir, 'flow.asl.yaml');
    writeFileSync(path, 'edited by someone else\n');
    expect(writeFixedFile(path, 'what asl-lint read\n', 'fixed\n')).toBe('the file changed while asl-lint was fixing it; run again');
    expect(readFileSync(path, 'utf8')).toBe('edited by someone else\n');
  });

  it('reports a file that vanished', () => {
    expect(writeFixedFile(join(dir, 'gone.asl.yaml'), 'a', 'b')).toMatch(/ENOENT/);
  });
});

describe('--fix-dry-run', () => {
  it('prints a diff for files and writes nothing; the report goes to stderr', async () => {
    writeFileSync(join(dir, 'flow.asl.yaml'), RUN_JOB_YAML);
    const run = await runCli(['--fix-dry-run', 'flow.asl.yaml'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        '--- a/flow.asl.yaml',
        '+++ b/flow.asl.yaml',
        '@@ -3,6 +3,6 @@',
        ' States:',
        '   Report:',
        '     Type: Task',
        '-    Resource: arn:aws:states:::eks:runJob   # wait for it',
        '+    Resource: arn:aws:states:::eks:runJob.sync   # wait for it',
        `     Parameters: { ${PARAMETERS} }`,
        '     End: true',
        '',
      ].join('\n'),
    );
    expect(run.stderr).toBe('');
    expect(read('flow.asl.yaml')).toBe(RUN_JOB_YAML);
  });

  it('prints the fixed text for --stdin', async () => {
    const run = await runCli(['--stdin', '--stdin-filename', 'flow.asl.yaml', '--fix-dry-run'], { cwd: dir, input: RUN_JOB_YAML });
    expect(run).toEqual({ code: 0, stdout: RUN_JOB_YAML.replace('runJob   #', 'runJob.sync   #'), stderr: '' });
  });

  it('prints the text unchanged when nothing is fixable, with the findings on stderr', async () => {
    const text = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: B\n';
    const run = await runCli(['--stdin', '--stdin-filename', 'flow.asl.yaml', '--fix-dry-run'], { cwd: dir, input: text });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(text);
    expect(run.stderr).toContain('5:11  error  State "A": Next "B" names no state in the state machine  asl/transitions');
  });
});

describe('unifiedDiff', () => {
  it('makes separate hunks for distant changes and marks a missing final newline', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n');
    const after = before.replace('line 2\n', 'line two\n').replace('line 18\n', 'line eighteen\n') + '\n';
    expect(unifiedDiff('f.txt', before, after)).toBe(
      [
        '--- a/f.txt',
        '+++ b/f.txt',
        '@@ -1,5 +1,5 @@',
        ' line 1',
        '-line 2',
        '+line two',
        ' line 3',
        ' line 4',
        ' line 5',
        '@@ -15,6 +15,6 @@',
        ' line 15',
        ' line 16',
        ' line 17',
        '-line 18',
        '+line eighteen',
        ' line 19',
        '-line 20',
        '\\ No newline at end of file',
        '+line 20',
        '',
      ].join('\n'),
    );
    expect(unifiedDiff('f.txt', 'same\n', 'same\n')).toBe('');
  });

  it('handles insertions into an empty file', () => {
    expect(unifiedDiff('f', '', 'a\n')).toBe('--- a/f\n+++ b/f\n@@ -0,0 +1,1 @@\n+a\n');
  });
});

describe('the built CLI as a real process', () => {
  const bin = join(repo, 'packages/cli/dist/bin.js');
  const run = (args: string[], input?: string) => spawnSync(process.execPath, [bin, ...args], { cwd: dir, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it('fixes a real file, then finds nothing left', () => {
    writeFileSync(join(dir, 'flow.asl.json'), RUN_JOB_JSON);
    const first = run(['flow.asl.json']);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('1 problem is fixable with --fix.');
    expect(run(['--fix', 'flow.asl.json']).status).toBe(0);
    expect(read('flow.asl.json')).toContain('"arn:aws:states:::eks:runJob.sync"');
    expect(run(['--max-warnings', '0', 'flow.asl.json'])).toMatchObject({ status: 0, stdout: '' });
  });

  it('writes SARIF and a readable log in one run, exit code from the findings', () => {
    writeFileSync(join(dir, 'flow.asl.yaml'), 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: B\n');
    const result = run(['-f', 'sarif', '-o', 'asl.sarif', '-f', 'stylish', 'flow.asl.yaml']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('asl/transitions');
    const sarif = JSON.parse(read('asl.sarif'));
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'flow.asl.yaml', uriBaseId: '%SRCROOT%' });
  });
});
