import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const bin = join(repo, 'packages/cli/dist/bin.js');

const GOOD = '{\n  "StartAt": "A",\n  "States": { "A": { "Type": "Succeed" } }\n}\n';
const BAD = '{\n  "StartAt": "A",\n  "States": {\n    "A": { "Type": "Pass", "Next": "B" }\n  }\n}\n';

let dir: string;

function run(args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: dir,
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...options.env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  execFileSync(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-b'], { cwd: repo });
  dir = mkdtempSync(join(tmpdir(), 'asl-lint-cli-'));
  mkdirSync(join(dir, 'flows'));
  writeFileSync(join(dir, 'flows', 'good.asl.json'), GOOD);
  writeFileSync(join(dir, 'flows', 'bad.asl.json'), BAD);
  writeFileSync(join(dir, 'flows', 'other.json'), '{"not": "a state machine"}');
});

describe('asl-lint CLI', () => {
  it('exits 0 on a clean file and prints nothing', () => {
    expect(run(['flows/good.asl.json'])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('exits 1 with stylish output on errors', () => {
    const { code, stdout } = run(['flows/bad.asl.json']);
    expect(code).toBe(1);
    expect(stdout).toBe(
      '\nflows/bad.asl.json\n  4:36  error  State "A": Next "B" names no state in the state machine  asl/transitions\n\n✖ 1 problem (1 error, 0 warnings)\n',
    );
  });

  it('finds *.asl.json in directories, skipping other JSON', () => {
    const { code, stdout } = run(['--format', 'json', 'flows']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.map((r: { filePath: string }) => r.filePath).sort()).toEqual(['flows/bad.asl.json', 'flows/good.asl.json']);
  });

  it('writes ESLint-compatible JSON', () => {
    const { stdout } = run(['-f', 'json', 'flows/bad.asl.json']);
    expect(JSON.parse(stdout)).toEqual([
      {
        filePath: 'flows/bad.asl.json',
        messages: [{ ruleId: 'asl/transitions', severity: 2, message: 'State "A": Next "B" names no state in the state machine', line: 4, column: 36, endLine: 4, endColumn: 39 }],
        errorCount: 1,
        warningCount: 0,
        fixableErrorCount: 0,
        fixableWarningCount: 0,
      },
    ]);
  });

  it('lints stdin with --stdin-filename choosing the language', () => {
    const { code, stdout } = run(['--stdin', '--stdin-filename', 'flow.asl.yaml', '-f', 'json'], { input: 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: B\n' });
    expect(code).toBe(1);
    const [result] = JSON.parse(stdout);
    expect(result.filePath).toBe('flow.asl.yaml');
    expect(result.messages.map((m: { ruleId: string; line: number; column: number }) => [m.ruleId, m.line, m.column])).toEqual([['asl/transitions', 5, 11]]);
  });

  it('turns a rule off with --rule', () => {
    expect(run(['--rule', 'asl/transitions=off', 'flows/bad.asl.json']).code).toBe(0);
  });

  it('exits 2 for an unknown rule, naming the closest one', () => {
    const { code, stderr } = run(['--rule', 'asl/transition=off', 'flows/good.asl.json']);
    expect(code).toBe(2);
    expect(stderr).toBe('asl-lint: Unknown rule "asl/transition" (did you mean "asl/transitions"?)\n');
  });

  it('exits 2 for an unreadable file but still lints the others', () => {
    const { code, stdout, stderr } = run(['-f', 'json', 'flows/missing.asl.json', 'flows/bad.asl.json']);
    expect(code).toBe(2);
    expect(stderr).toBe('asl-lint: cannot read flows/missing.asl.json: no such file\n');
    expect(JSON.parse(stdout)[0].errorCount).toBe(1);
  });

  it('exits 2 on a usage error', () => {
    const { code, stderr } = run(['--no-such-flag']);
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toMatch(/^asl-lint: Unknown option '--no-such-flag'/);
  });

  it('prints the version and the rule list', () => {
    expect(run(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const list = run(['--list-rules']).stdout;
    expect(list).toMatch(/^asl\/no-terminal\s+error\s+/m);
    expect(list).toMatch(/^asl\/transitions\s+error\s+/m);
  });
});
