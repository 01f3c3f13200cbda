/**
 * The single-file bundle that pre-commit installs (see scripts/bundle.mjs and scripts/test-pre-commit.sh,
 * which runs the real pre-commit). Built into a temp directory and run as a real process.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
let dir: string;
let bundle: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'asl-lint-bundle-'));
  bundle = join(dir, 'asl-lint.cjs');
  execFileSync(process.execPath, [join(repo, 'scripts/bundle.mjs'), bundle], { cwd: repo, stdio: 'pipe' });
}, 60_000);

const run = (args: string[]) => spawnSync(process.execPath, [bundle, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('dist-bundle/asl-lint.cjs', () => {
  it('reports the package version', () => {
    const version = JSON.parse(readFileSync(join(repo, 'packages/cli/package.json'), 'utf8')).version;
    expect(run(['--version'])).toMatchObject({ status: 0, stdout: `${version}\n` });
  });

  it('lints files like the CLI, with exit code 1 on errors', () => {
    writeFileSync(join(dir, 'bad.asl.json'), '{\n  "StartAt": "A",\n  "States": {\n    "A": { "Type": "Pass", "Next": "B" }\n  }\n}\n');
    writeFileSync(join(dir, 'flow.asl.yaml'), 'StartAt: A\nStates:\n  A:\n    Type: Succeed\n');
    const result = run(['bad.asl.json', 'flow.asl.yaml']);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('\nbad.asl.json\n  4:36  error  State "A": Next "B" names no state in the state machine  asl/transitions\n\n✖ 1 problem (1 error, 0 warnings)\n');
  });

  it('carries its dependencies except the TypeScript parser, which stays an optional runtime require', () => {
    expect(readFileSync(bundle, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    const text = readFileSync(join(dir, 'cli.cjs'), 'utf8');
    expect(text).toContain('require("@typescript-eslint/typescript-estree")');
    expect(text).not.toMatch(/require\("(jsonc-parser|yaml|ajv|ajv-errors|jsonata|fast-glob|@asl-lint\/[a-z]+)"\)/);
  });

  it('serves the precompiled ASL schema validators from inside the bundle (no ajv compile per run)', () => {
    expect(readFileSync(join(dir, 'cli.cjs'), 'utf8')).toMatch(/__bundledValidators = require_validators_generated\(/);
  });
});

describe('the V8 code cache of the bundle', () => {
  const cacheDir = () => join(dir, 'v8-cache');
  const cacheFiles = () => readdirSync(cacheDir()).sort();
  const lintYaml = () => {
    writeFileSync(join(dir, 'cached.asl.yaml'), 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: B\n');
    return run(['cached.asl.yaml']);
  };
  const expected = '\ncached.asl.yaml\n  5:11  error  State "A": Next "B" names no state in the state machine  asl/transitions\n\n✖ 1 problem (1 error, 0 warnings)\n';

  it('is written by the training run of the build: the CLI and the YAML parser, named for this build', () => {
    const build = readFileSync(bundle, 'utf8').match(/const BUILD_ID = '([0-9a-f]{16})'/)?.[1];
    expect(build).toBeDefined();
    expect(cacheFiles()).toEqual([`cli.cjs.${build}.bin`, `lazy_yaml.cjs.${build}.bin`]);
  });

  it('is rewritten when V8 rejects it, and the run is unaffected', () => {
    const file = join(cacheDir(), cacheFiles()[0]);
    writeFileSync(file, Buffer.alloc(4096, 7));
    expect(lintYaml()).toMatchObject({ status: 1, stdout: expected });
    const rewritten = readFileSync(file);
    expect(rewritten.length).toBeGreaterThan(4096);
    // Accepted now: the next run leaves it alone.
    const { mtimeMs } = statSync(file);
    expect(lintYaml()).toMatchObject({ status: 1, stdout: expected });
    expect(statSync(file).mtimeMs).toBe(mtimeMs);
  });

  it('is written again when missing, and skipped entirely with NODE_DISABLE_COMPILE_CACHE', () => {
    rmSync(cacheDir(), { recursive: true });
    const disabled = spawnSync(process.execPath, [bundle, 'cached.asl.yaml'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', NODE_DISABLE_COMPILE_CACHE: '1' } });
    expect(disabled).toMatchObject({ status: 1, stdout: expected });
    expect(() => readdirSync(cacheDir())).toThrow();
    expect(lintYaml()).toMatchObject({ status: 1, stdout: expected });
    expect(cacheFiles()).toHaveLength(2);
  });

  it('never fails a run where it cannot be written', () => {
    rmSync(cacheDir(), { recursive: true });
    writeFileSync(cacheDir(), 'not a directory');
    try {
      expect(lintYaml()).toMatchObject({ status: 1, stdout: expected, stderr: '' });
    } finally {
      rmSync(cacheDir());
    }
  });
});
