/**
 * Linting on several threads: the same output as one thread, byte for byte, with real worker threads running the
 * built CLI.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { lintInParallel, threadCount, type FileOutcome } from '../src/parallel.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const bin = join(repo, 'packages/cli/dist/bin.js');
let dir: string;

const GOOD = '{\n  "StartAt": "A",\n  "States": { "A": { "Type": "Succeed" } }\n}\n';
const BAD = (n: number) => `{\n  "StartAt": "A",\n  "States": {\n    "A": { "Type": "Pass", "Next": "B${n}" }\n  }\n}\n`;
const YAML = (n: number) => `StartAt: A\nStates:\n  A:\n    Type: Task\n    Resource: arn:aws:states:::eks:runJob\n    Parameters: { ClusterName: c${n} }\n    End: true\n`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'asl-lint-parallel-'));
  mkdirSync(join(dir, 'flows'));
  for (let i = 0; i < 70; i++) {
    const name = String(i).padStart(2, '0');
    if (i % 3 === 0) writeFileSync(join(dir, 'flows', `f${name}.asl.json`), GOOD);
    else if (i % 3 === 1) writeFileSync(join(dir, 'flows', `f${name}.asl.json`), BAD(i));
    else writeFileSync(join(dir, 'flows', `f${name}.asl.yaml`), YAML(i));
  }
  // Unreadable as text: reported in its place in the order, from whichever thread read it.
  writeFileSync(join(dir, 'flows', 'f33.asl.json'), Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
  writeFileSync(join(dir, 'flows', 'f50.asl.json'), Buffer.from([0x7b, 0xc3, 0x28, 0x7d]));
  // A config that ignores some files and turns a rule off for others.
  writeFileSync(join(dir, 'asl-lint.config.json'), JSON.stringify({ ignore: ['flows/f1*.asl.json'], overrides: [{ files: ['flows/f2*'], rules: { 'asl/transitions': 'off' } }] }));
});

const run = (args: string[]) => {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};

describe('--concurrency', () => {
  it('gives the same report, errors and exit code on several threads as on one', () => {
    const single = run(['--concurrency', 'off', 'flows']);
    expect(single.status).toBe(2);
    expect(single.stderr).toBe(
      'asl-lint: cannot read flows/f33.asl.json: not UTF-8 text (byte FF at line 1, column 2 starts no valid character); save it as UTF-8\n' +
        'asl-lint: cannot read flows/f50.asl.json: not UTF-8 text (byte C3 at line 1, column 2 starts no valid character); save it as UTF-8\n',
    );
    expect(single.stdout).toContain('flows/f04.asl.json\n  4:36  error  State "A": Next "B4" names no state in the state machine  asl/transitions');
    expect(single.stdout).not.toContain('flows/f13.asl.json');
    expect(single.stdout).not.toContain('"B22"');
    for (const threads of ['2', '3']) expect(run(['--concurrency', threads, 'flows'])).toEqual(single);
    const json = run(['--concurrency', 'off', '--format', 'json', 'flows']);
    expect(run(['--concurrency', '2', '--format', 'json', 'flows'])).toEqual(json);
    expect(JSON.parse(json.stdout)).toHaveLength(62);
  });

  it('rejects a count that is not a positive whole number', () => {
    for (const value of ['0', '-1', '1.5', 'many']) {
      expect(run([`--concurrency=${value}`, 'flows'])).toEqual({
        status: 2,
        stdout: '',
        stderr: `asl-lint: --concurrency expects a number of threads, auto or off; got "${value}"\nRun "asl-lint --help" for usage.\n`,
      });
    }
  });

  it('uses a worker only when each thread gets a fair share of the files', () => {
    expect(threadCount(10, 4)).toBe(1);
    expect(threadCount(48, 4)).toBe(2);
    expect(threadCount(1000, 3)).toBe(3);
    expect(threadCount(1000, 1)).toBe(1);
    // auto: half the cores, so V8's background threads keep a core.
    expect(threadCount(1000, 'auto', 2)).toBe(1);
    expect(threadCount(1000, 'auto', 8)).toBe(4);
    expect(threadCount(1000, 'auto', 64)).toBe(8);
    expect(threadCount(30, 'auto', 8)).toBe(1);
  });

  it('lints the other shares in real worker threads, in file order', async () => {
    const files = ['f00.asl.json', 'f01.asl.json', 'f03.asl.json', 'f04.asl.json', 'f05.asl.yaml'].map((file) => ({ file: `flows/${file}`, absolute: join(dir, 'flows', file) }));
    const here: string[] = [];
    const lintHere = (share: readonly { file: string }[]): FileOutcome[] => {
      here.push(...share.map(({ file }) => file));
      return share.map(({ file }) => ({ kind: 'unreadable', file, error: 'linted on the main thread' }));
    };
    const outcomes = await lintInParallel({ cwd: dir, config: undefined, rules: {}, workflowType: undefined }, files, 2, bin, lintHere);
    // The main thread took every other file; a worker linted the rest.
    expect(here).toEqual(['flows/f00.asl.json', 'flows/f03.asl.json', 'flows/f05.asl.yaml']);
    expect(outcomes.map((outcome) => (outcome.kind === 'linted' ? [outcome.result.filePath, outcome.result.diagnostics.map((d) => d.message)] : outcome.file))).toEqual([
      'flows/f00.asl.json',
      ['flows/f01.asl.json', ['State "A": Next "B1" names no state in the state machine']],
      'flows/f03.asl.json',
      ['flows/f04.asl.json', ['State "A": Next "B4" names no state in the state machine']],
      'flows/f05.asl.yaml',
    ]);
    const linted = outcomes[1];
    // Line starts are rebuilt on this side from the text that came back.
    expect(linted.kind === 'linted' && linted.result.lines.positionAt(linted.result.diagnostics[0].range.start)).toEqual({ line: 3, character: 35 });
  });
});
