/**
 * Bytes on disk that are not plain UTF-8 text, read through the CLI: NUL bytes are diagnostics at their
 * position; invalid UTF-8 and UTF-16 files are a one-line error naming the file, the encoding and the position,
 * and the other files are still linted. Never a crash, never a screen of parse errors about mojibake.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../packages/cli/src/read-text.js';
import { runCli } from '../packages/cli/test/helpers/run-cli.js';
import { buildCli } from './support/cli-bin.js';

const SUCCEED = '{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}\n';

function write(dir: string, name: string, bytes: Buffer): string {
  writeFileSync(join(dir, name), bytes);
  return name;
}

/** A valid definition whose Comment holds `inside` as raw bytes. */
const withComment = (inside: number[]) => Buffer.concat([Buffer.from('{"StartAt":"A","States":{"A":{"Type":"Succeed","Comment":"x'), Buffer.from(inside), Buffer.from('y"}}}\n')]);

const cases: { name: string; file: string; bytes: Buffer; code: number; stdout: string; stderr: string }[] = [
  {
    name: 'a NUL byte inside a JSON string',
    file: 'nul-string.asl.json',
    bytes: withComment([0x00]),
    code: 1,
    stdout: '\nnul-string.asl.json\n  1:58  error  Invalid character in string (control characters must be escaped)  asl/parse\n\n✖ 1 problem (1 error, 0 warnings)\n',
    stderr: '',
  },
  {
    name: 'a NUL byte between JSON tokens',
    file: 'nul-token.asl.json',
    bytes: Buffer.from('{"StartAt":"A",\u0000"States":{"A":{"Type":"Succeed"}}}\n'),
    code: 1,
    stdout: '\nnul-token.asl.json\n  1:16  error  Invalid symbol  asl/parse\n\n✖ 1 problem (1 error, 0 warnings)\n',
    stderr: '',
  },
  {
    // YAML keeps the NUL as a character of the string; the JSON that Step Functions receives escapes it.
    name: 'a NUL byte inside a YAML plain scalar',
    file: 'nul.asl.yaml',
    bytes: Buffer.from('StartAt: A\nStates:\n  A:\n    Type: Succeed\n    Comment: a\u0000b\n'),
    code: 0,
    stdout: '',
    stderr: '',
  },
  {
    name: 'an invalid UTF-8 byte inside a JSON string',
    file: 'latin1.asl.json',
    bytes: withComment([0xe9]),
    code: 2,
    stdout: '',
    stderr: 'asl-lint: cannot read latin1.asl.json: not UTF-8 text (byte E9 at line 1, column 60 starts no valid character); save it as UTF-8\n',
  },
  {
    name: 'a truncated UTF-8 sequence in a YAML state name',
    file: 'truncated.asl.yaml',
    bytes: Buffer.concat([Buffer.from('StartAt: A\nStates:\n  A'), Buffer.from([0xe2, 0x82]), Buffer.from(':\n    Type: Succeed\n')]),
    code: 2,
    stdout: '',
    stderr: 'asl-lint: cannot read truncated.asl.yaml: not UTF-8 text (byte E2 at line 3, column 4 starts no valid character); save it as UTF-8\n',
  },
  {
    name: 'a UTF-16 little-endian file with a byte order mark',
    file: 'utf16le.asl.json',
    bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SUCCEED, 'utf16le')]),
    code: 2,
    stdout: '',
    stderr: 'asl-lint: cannot read utf16le.asl.json: UTF-16 (little-endian) text (byte order mark FF FE); save it as UTF-8\n',
  },
  {
    name: 'a UTF-16 big-endian YAML file with a byte order mark',
    file: 'utf16be.asl.yaml',
    bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('StartAt: A\nStates:\n  A:\n    Type: Succeed\n', 'utf16le').swap16()]),
    code: 2,
    stdout: '',
    stderr: 'asl-lint: cannot read utf16be.asl.yaml: UTF-16 (big-endian) text (byte order mark FE FF); save it as UTF-8\n',
  },
  {
    name: 'a UTF-16 file without a byte order mark',
    file: 'utf16-no-bom.asl.json',
    bytes: Buffer.from(SUCCEED, 'utf16le'),
    code: 2,
    stdout: '',
    stderr: 'asl-lint: cannot read utf16-no-bom.asl.json: UTF-16 (little-endian) text; save it as UTF-8\n',
  },
  {
    name: 'a UTF-8 byte order mark',
    file: 'bom.asl.json',
    bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SUCCEED)]),
    code: 0,
    stdout: '',
    stderr: '',
  },
];

describe('files that are not plain UTF-8, through the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'asl-lint-encoding-'));
  it.each(cases)('$name', async ({ file, bytes, code, stdout, stderr }) => {
    write(dir, file, bytes);
    expect(await runCli([file], { cwd: dir })).toEqual({ code, stdout, stderr });
  });

  it('the built bin reports the unreadable files in one line each and lints the others', () => {
    const bin = buildCli();
    const all = mkdtempSync(join(tmpdir(), 'asl-lint-encoding-all-'));
    for (const c of cases) write(all, c.file, c.bytes);
    const run = spawnSync(process.execPath, [bin, '-f', 'json', '.'], { cwd: all, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n').filter(Boolean).sort()).toEqual(cases.filter((c) => c.code === 2).map((c) => c.stderr.trimEnd()).sort());
    const linted = (JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number }[] }[]).map((r) => [r.filePath, r.messages.map((m) => `${m.ruleId} ${m.line}:${m.column}`)]);
    expect(linted.sort()).toEqual([
      ['bom.asl.json', []],
      ['nul-string.asl.json', ['asl/parse 1:58']],
      ['nul-token.asl.json', ['asl/parse 1:16']],
      ['nul.asl.yaml', []],
    ]);
  });
});

describe('the other ways in: --stdin and policy', () => {
  it('--stdin refuses UTF-16 in one line', () => {
    const bin = buildCli();
    const run = spawnSync(process.execPath, [bin, '--stdin', '--stdin-filename', 'piped.asl.json'], { input: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SUCCEED, 'utf16le')]), encoding: 'utf8' });
    expect({ code: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({ code: 2, stdout: '', stderr: 'asl-lint: cannot read piped.asl.json: UTF-16 (little-endian) text (byte order mark FF FE); save it as UTF-8\n' });
  });

  it('--stdin still reads UTF-8', async () => {
    expect(await runCli(['--stdin'], { cwd: tmpdir(), input: SUCCEED })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('policy refuses invalid UTF-8 in one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asl-lint-encoding-policy-'));
    write(dir, 'latin1.asl.json', withComment([0xe9]));
    expect(await runCli(['policy', 'latin1.asl.json'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'asl-lint policy: cannot read latin1.asl.json: not UTF-8 text (byte E9 at line 1, column 60 starts no valid character); save it as UTF-8\n',
    });
  });
});

describe('decodeUtf8', () => {
  it.each([
    ['an overlong encoding', [0x7b, 0xc0, 0xaf], 'not UTF-8 text (byte C0 at line 1, column 2 starts no valid character); save it as UTF-8'],
    ['a UTF-16 surrogate encoded in UTF-8', [0x0a, 0xed, 0xa0, 0x80], 'not UTF-8 text (byte ED at line 2, column 1 starts no valid character); save it as UTF-8'],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 'not UTF-8 text (byte F4 at line 1, column 1 starts no valid character); save it as UTF-8'],
    ['a UTF-32 little-endian byte order mark', [0xff, 0xfe, 0x00, 0x00], 'UTF-32 (little-endian) text (byte order mark FF FE 00 00); save it as UTF-8'],
    ['a lone continuation byte after non-ASCII text', [...Buffer.from('é😀'), 0x80], 'not UTF-8 text (byte 80 at line 1, column 4 starts no valid character); save it as UTF-8'],
  ])('refuses %s', (_name, bytes, message) => {
    expect(() => decodeUtf8(Buffer.from(bytes))).toThrow(message);
  });

  it('decodes well-formed UTF-8 exactly as Node does, keeping a byte order mark', () => {
    const text = '\ufeff{"Comment":"é 😀 \u2028 \u0000"}';
    expect(decodeUtf8(Buffer.from(text))).toBe(text);
  });
});
