import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { CONFIG_SCHEMA, isPlainValidConfig, matchesGlob, validateWithSchema } from '@asl-lint/config';
import { parseCliArgs } from '../src/args.js';
import { runCli } from './helpers/run-cli.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** asl/transitions (error) on line 5; asl/unused-suppression (warning) would need a directive. */
const BAD = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: B\n';
const STALE_DIRECTIVE = 'StartAt: A\nStates:\n  # asl-lint-disable-next-line asl/transitions\n  A:\n    Type: Succeed\n';

let dir: string;

function write(path: string, text: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

async function lintJson(args: string[]) {
  const run = await runCli(['-f', 'json', ...args], { cwd: dir });
  const report = run.stdout ? (JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string; severity: number }[] }[]) : [];
  return { code: run.code, stderr: run.stderr, files: Object.fromEntries(report.map((file) => [file.filePath, file.messages.map((m) => `${m.ruleId}:${m.severity}`)])) };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'asl-lint-config-'));
});

describe('config files', () => {
  it('without a config every rule runs at its default severity', async () => {
    write('a.asl.yaml', BAD);
    expect(await lintJson(['a.asl.yaml'])).toEqual({ code: 1, stderr: '', files: { 'a.asl.yaml': ['asl/transitions:2'] } });
  });

  it('the nearest config above each file wins, JSON or YAML', async () => {
    write('asl-lint.config.json', '{ "rules": { "asl/transitions": "warn" } }');
    write('team/asl-lint.config.yaml', 'rules:\n  asl/transitions: "off"\n');
    write('a.asl.yaml', BAD);
    write('team/deep/b.asl.yaml', BAD);
    expect(await lintJson(['.'])).toEqual({ code: 0, stderr: '', files: { 'a.asl.yaml': ['asl/transitions:1'], 'team/deep/b.asl.yaml': [] } });
  });

  it('--stdin uses the config found from --stdin-filename', async () => {
    write('team/asl-lint.config.yaml', 'rules:\n  asl/transitions: warn\n');
    const run = await runCli(['--stdin', '--stdin-filename', 'team/flow.asl.yaml', '-f', 'json'], { cwd: dir, input: BAD });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)[0].messages.map((m: { ruleId: string; severity: number }) => `${m.ruleId}:${m.severity}`)).toEqual(['asl/transitions:1']);
  });

  it('--config applies one file to everything and skips the search', async () => {
    write('team/asl-lint.config.yaml', 'rules:\n  asl/transitions: "off"\n');
    write('ci.yaml', 'rules:\n  asl/transitions: warn\n');
    write('team/b.asl.yaml', BAD);
    expect(await lintJson(['--config', 'ci.yaml', 'team/b.asl.yaml'])).toEqual({ code: 0, stderr: '', files: { 'team/b.asl.yaml': ['asl/transitions:1'] } });
  });

  it('--rule wins over the config', async () => {
    write('asl-lint.config.json', '{ "rules": { "asl/transitions": "off" } }');
    write('a.asl.yaml', BAD);
    expect((await lintJson(['--rule', 'asl/transitions=error', 'a.asl.yaml'])).files).toEqual({ 'a.asl.yaml': ['asl/transitions:2'] });
  });

  it('overrides apply by glob relative to the config, later ones winning', async () => {
    write(
      'asl-lint.config.json',
      JSON.stringify({
        overrides: [
          { files: 'legacy/**', rules: { 'asl/transitions': 'warn' } },
          { files: ['*.draft.asl.yaml'], rules: { 'asl/transitions': 'off' } },
        ],
      }),
    );
    write('legacy/x/a.asl.yaml', BAD);
    write('legacy/b.draft.asl.yaml', BAD);
    write('c.asl.yaml', BAD);
    expect((await lintJson(['.'])).files).toEqual({
      'c.asl.yaml': ['asl/transitions:2'],
      'legacy/b.draft.asl.yaml': [],
      'legacy/x/a.asl.yaml': ['asl/transitions:1'],
    });
  });

  it('ignore skips matching files and directories, even when named explicitly', async () => {
    write('asl-lint.config.yaml', 'ignore:\n  - generated\n  - "**/*.tmp.asl.yaml"\n');
    write('generated/a.asl.yaml', BAD);
    write('x.tmp.asl.yaml', BAD);
    write('kept.asl.yaml', BAD);
    expect((await lintJson(['.'])).files).toEqual({ 'kept.asl.yaml': ['asl/transitions:2'] });
    expect(await lintJson(['generated/a.asl.yaml'])).toEqual({ code: 0, stderr: '', files: {} });
  });

  it('extends strict raises warnings to errors', async () => {
    write('asl-lint.config.json', '{ "extends": ["strict"] }');
    write('a.asl.yaml', STALE_DIRECTIVE);
    expect(await lintJson(['a.asl.yaml'])).toEqual({ code: 1, stderr: '', files: { 'a.asl.yaml': ['asl/unused-suppression:2'] } });
  });

  it('workflowType in the config and in an override, and --workflow-type over both', async () => {
    write('asl-lint.config.yaml', 'workflowType: express\noverrides:\n  - files: std/**\n    workflowType: standard\n');
    write('std/a.asl.yaml', BAD);
    write('b.asl.yaml', BAD);
    const printed = async (file: string, extra: string[] = []) => JSON.parse((await runCli(['--print-config', file, ...extra], { cwd: dir })).stdout).workflowType;
    expect(await printed('b.asl.yaml')).toBe('express');
    expect(await printed('std/a.asl.yaml')).toBe('standard');
    expect(await printed('b.asl.yaml', ['--workflow-type', 'standard'])).toBe('standard');
  });

  it('--print-config shows the effective configuration of a file', async () => {
    write('asl-lint.config.yaml', 'rules:\n  asl/transitions: warn\n  asl/no-terminal: "off"\n');
    const run = await runCli(['--print-config', 'flows/a.asl.yaml'], { cwd: dir });
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout);
    expect(printed).toMatchObject({ file: 'flows/a.asl.yaml', configFile: 'asl-lint.config.yaml', ignored: false, workflowType: 'standard' });
    expect(printed.rules['asl/transitions']).toBe('warning');
    expect(printed.rules['asl/no-terminal']).toBeUndefined();
    expect(printed.rules['asl/parse']).toBe('error');
  });
});

describe('invalid configs: one clear line each, exit 2', () => {
  const cases: { name: string; file: string; text: string; stderr: string[] }[] = [
    {
      name: 'an unknown key, with the closest one',
      file: 'asl-lint.config.json',
      text: '{\n  "rule": { "asl/transitions": "warn" }\n}\n',
      stderr: ['asl-lint: asl-lint.config.json:2:3: rule is not a configuration key; allowed: $schema, extends, rules, ignore, overrides, workflowType (did you mean "rules"?)'],
    },
    {
      name: 'a wrong severity',
      file: 'asl-lint.config.json',
      text: '{\n  "rules": { "asl/transitions": "fatal" }\n}\n',
      stderr: ['asl-lint: asl-lint.config.json:2:33: rules["asl/transitions"] must be "off", "info", "warn" or "error", or ["<severity>", { options }]'],
    },
    {
      name: 'an unknown rule id, with the closest one',
      file: 'asl-lint.config.yaml',
      text: 'rules:\n  asl/transition: warn\n',
      stderr: ['asl-lint: asl-lint.config.yaml:2:3: rules["asl/transition"]: Unknown rule "asl/transition" (did you mean "asl/transitions"?)'],
    },
    {
      name: 'options for a rule that takes none',
      file: 'asl-lint.config.yaml',
      text: 'overrides:\n  - files: "*.yaml"\n    rules:\n      asl/transitions: [warn, { strict: true }]\n',
      stderr: ['asl-lint: asl-lint.config.yaml:4:7: overrides[0].rules["asl/transitions"]: Rule "asl/transitions": invalid options: the rule takes no options'],
    },
    {
      name: 'a preset that does not exist and an override without files',
      file: 'asl-lint.config.json',
      text: '{\n  "extends": "eslint:recommended",\n  "overrides": [{ "rules": {} }],\n  "workflowType": "batch"\n}\n',
      stderr: [
        'asl-lint: asl-lint.config.json:2:14: extends must be "recommended" or "strict", or a list of them',
        'asl-lint: asl-lint.config.json:3:17: overrides[0] needs "files": a glob or a list of globs',
        'asl-lint: asl-lint.config.json:4:19: workflowType must be "standard" or "express"',
      ],
    },
    {
      name: 'broken YAML',
      file: 'asl-lint.config.yaml',
      text: 'rules:\n  asl/transitions: [warn\n',
      stderr: ['asl-lint: asl-lint.config.yaml:3:1: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    },
    {
      name: 'not an object',
      file: 'asl-lint.config.json',
      text: '["recommended"]\n',
      stderr: ['asl-lint: asl-lint.config.json:1:1: the config must be an object'],
    },
  ];
  for (const testCase of cases) {
    it(testCase.name, async () => {
      write(testCase.file, testCase.text);
      write('a.asl.yaml', BAD);
      const run = await runCli(['a.asl.yaml'], { cwd: dir });
      expect({ code: run.code, stdout: run.stdout, stderr: run.stderr.split('\n').filter(Boolean) }).toEqual({ code: 2, stdout: '', stderr: testCase.stderr });
    });
  }

  it('a --config that does not exist', async () => {
    expect(await runCli(['--config', 'nope.json', '.'], { cwd: dir })).toEqual({ code: 2, stdout: '', stderr: 'asl-lint: nope.json: no such config file\n' });
  });
});

describe('the fast path for valid configs', () => {
  const severity = fc.constantFrom('off', 'info', 'warn', 'warning', 'error', 'fatal', 2, '');
  const ruleId = fc.constantFrom('asl/transitions', 'eks/run-job-sync', 'internal-error', 'Asl/x', 'nope', 'a/b/c');
  const entry = fc.oneof(severity, fc.tuple(severity), fc.tuple(severity, fc.anything()), fc.array(severity, { maxLength: 3 }), fc.anything());
  const rules = fc.oneof(fc.dictionary(ruleId, entry, { maxKeys: 3 }), fc.anything());
  const workflow = fc.constantFrom('standard', 'EXPRESS', 'Express', 'batch', 1);
  const globs = fc.oneof(fc.array(fc.constantFrom('a/**', '', 'x'), { maxLength: 3 }), fc.constantFrom('a/**', ''), fc.anything());
  const override = fc.oneof(
    fc.record({ files: globs, rules, workflowType: workflow, extra: fc.anything() }, { requiredKeys: [] }),
    fc.anything(),
  );
  const config = fc.oneof(
    fc.record(
      {
        $schema: fc.oneof(fc.string(), fc.integer()),
        extends: fc.oneof(fc.constantFrom('recommended', 'strict', 'lax'), fc.array(fc.constantFrom('recommended', 'strict', 'lax'), { maxLength: 2 })),
        rules,
        ignore: globs,
        overrides: fc.oneof(fc.array(override, { maxLength: 3 }), fc.anything()),
        workflowType: workflow,
        rulez: fc.anything(),
      },
      { requiredKeys: [] },
    ),
    fc.anything(),
  );

  it('never accepts a config the schema rejects', () => {
    let accepted = 0;
    fc.assert(
      fc.property(config, (value) => {
        if (!isPlainValidConfig(value)) return;
        accepted++;
        expect(validateWithSchema(value)).toEqual([]);
      }),
      { numRuns: 3000, seed: 20261126 },
    );
    expect(accepted).toBeGreaterThan(20);
  });

  it('accepts the configs of the README', () => {
    expect(
      isPlainValidConfig({
        $schema: 'https://example.com/schema.json',
        extends: ['recommended'],
        rules: { 'eks/run-job-sync': 'error', 'asl/unused-suppression': 'off', 'eks/result-size': ['warn', { maxBytes: 1 }] },
        ignore: ['generated', '**/*.draft.asl.json'],
        workflowType: 'standard',
        overrides: [{ files: 'express/**', workflowType: 'express' }, { files: ['legacy/*.asl.json'], rules: { 'eks/log-options': 'warn' } }],
      }),
    ).toBe(true);
  });
});

describe('the published JSON Schema', () => {
  it('is the schema the CLI validates with (run `node scripts/generate-config-schema.mjs` after changing it)', () => {
    const published = readFileSync(join(repo, 'packages/config/schema/asl-lint.config.schema.json'), 'utf8');
    expect(published).toBe(JSON.stringify(CONFIG_SCHEMA, null, 2) + '\n');
  });
});

describe('glob matching', () => {
  const table: [string, string, boolean][] = [
    ['*.asl.yaml', 'a.asl.yaml', true],
    ['*.asl.yaml', 'deep/dir/a.asl.yaml', true],
    ['generated', 'generated/x/a.asl.json', true],
    ['generated', 'src/generated/a.asl.json', true],
    ['generated', 'src/generatedx/a.asl.json', false],
    ['/legacy/*.json', 'legacy/a.json', true],
    ['legacy/*.json', 'legacy/deep/a.json', false],
    ['legacy/**/*.json', 'legacy/a.json', true],
    ['legacy/**/*.json', 'legacy/x/y/a.json', true],
    ['legacy/**', 'legacy/x/a.json', true],
    ['**/*.{yaml,yml}', 'a/b.yml', true],
    ['flows/[ab].asl.json', 'flows/b.asl.json', true],
    ['flows/[!ab].asl.json', 'flows/b.asl.json', false],
    ['flows/?.asl.json', 'flows/c.asl.json', true],
    ['a.asl.json', 'a_asl.json', false],
    ['**/**/x/**', 'a/b/x/c.json', true],
    ['{legacy,old}/**/*.asl.{json,yaml}', 'old/q/a.asl.yaml', true],
    ['{legacy,old}/**/*.asl.{json,yaml}', 'new/q/a.asl.yaml', false],
    ['flows/[a-c]*.json', 'flows/beta.json', true],
    ['flows/[a-c]*.json', 'flows/delta.json', false],
    ['./generated/', 'generated/a.json', true],
    ['[', '[', true],
  ];
  it.each(table)('%s ~ %s → %s', (pattern, path, expected) => {
    expect(matchesGlob(pattern, path)).toBe(expected);
  });

  it('does not backtrack for ever on hostile patterns', () => {
    const started = performance.now();
    expect(matchesGlob('*a*a*a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(5000))).toBe(false);
    expect(matchesGlob('**/**/**/**/**/**/**/**/x', Array.from({ length: 200 }, () => 'd').join('/'))).toBe(false);
    expect(matchesGlob('{a,{b,{c,{d,{e,f}}}}}{a,b,c,d}{a,b,c,d}{a,b,c,d}{a,b,c,d}{a,b,c,d}', 'zzz')).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('--format / --output-file pairing', () => {
  it('pairs each --output-file with the --format before it', () => {
    expect(parseCliArgs(['-f', 'sarif', '-o', 'asl.sarif', '-f', 'stylish']).outputs).toEqual([
      { format: 'sarif', file: 'asl.sarif' },
      { format: 'stylish', file: undefined },
    ]);
    expect(parseCliArgs(['-o', 'report.json', '-f', 'json']).outputs).toEqual([{ format: 'json', file: 'report.json' }]);
    expect(parseCliArgs([]).outputs).toEqual([{ format: 'stylish', file: undefined }]);
  });

  it('refuses two reports on stdout and two files for one format', () => {
    expect(() => parseCliArgs(['-f', 'sarif', '-f', 'json'])).toThrow('formats sarif and json would both write to stdout: give all but one an --output-file');
    expect(() => parseCliArgs(['-f', 'sarif', '-o', 'a', '-o', 'b'])).toThrow('--output-file b: give one --output-file per --format (-f sarif -o asl.sarif -f stylish)');
  });

  it('writes several formats from one run', async () => {
    write('a.asl.yaml', BAD);
    const run = await runCli(['-f', 'sarif', '-o', 'reports/asl.sarif', '-f', 'junit', '-o', 'reports/junit.xml', '-f', 'stylish', 'a.asl.yaml'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('5:11  error  State "A": Next "B" names no state in the state machine  asl/transitions');
    expect(JSON.parse(readFileSync(join(dir, 'reports/asl.sarif'), 'utf8')).runs[0].results).toHaveLength(1);
    expect(readFileSync(join(dir, 'reports/junit.xml'), 'utf8')).toContain('<testcase classname="a.asl.yaml" name="asl/transitions"');
  });

  it('makes paths relative to GITHUB_WORKSPACE when run in a subdirectory of the checkout', async () => {
    write('infra/a.asl.yaml', BAD);
    const run = await runCli(['-f', 'github', '-f', 'sarif', '-o', 'asl.sarif', 'a.asl.yaml'], { cwd: join(dir, 'infra'), env: { GITHUB_WORKSPACE: dir } });
    expect(run.stdout).toMatch(/^::error file=infra\/a\.asl\.yaml,line=5,/);
    const sarif = JSON.parse(readFileSync(join(dir, 'infra/asl.sarif'), 'utf8'));
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('infra/a.asl.yaml');
  });

  it('appends a job summary when GITHUB_STEP_SUMMARY is set', async () => {
    write('a.asl.yaml', BAD);
    write('summary.md', '# Earlier step\n');
    const run = await runCli(['-f', 'github', 'a.asl.yaml'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: join(dir, 'summary.md') } });
    expect(run.stdout).toBe('::error file=a.asl.yaml,line=5,endLine=5,col=11,endColumn=12,title=asl/transitions::State "A": Next "B" names no state in the state machine\n');
    const summary = readFileSync(join(dir, 'summary.md'), 'utf8');
    expect(summary.startsWith('# Earlier step\n## asl-lint\n\n1 error, 0 warnings in 1 file.\n')).toBe(true);
  });
});
