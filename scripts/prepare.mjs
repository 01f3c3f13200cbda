#!/usr/bin/env node
/**
 * The root `prepare` script. Under pnpm (the workspace): build the packages and precompile the schema
 * validators. Under npm — how pre-commit installs this repository as a hook (`npm install`, then
 * `npm pack`) — the `workspace:` packages cannot be linked, so build what the bundle needs instead:
 * the core package (for the schema validators) and `dist-bundle/asl-lint.cjs`, the root `bin`.
 * Under npm nothing is written to stdout: pre-commit reads the tarball's name from `npm pack`'s stdout.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const underPnpm = (process.env.npm_config_user_agent ?? '').startsWith('pnpm');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');

function run(args, { allowFailure = false } = {}) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: underPnpm ? 'inherit' : ['ignore', 2, 2] });
  if (result.status !== 0 && !allowFailure) process.exit(result.status ?? 1);
  return result.status;
}

if (underPnpm) {
  run([tsc, '-b']);
  run([join(root, 'scripts/build-schema-validators.mjs')]);
} else {
  // Type errors from packages npm cannot see (the CDK parser's types) do not stop the emit.
  run([tsc, '-p', join(root, 'packages/core/tsconfig.json')], { allowFailure: true });
  if (!existsSync(join(root, 'packages/core/dist/index.js'))) {
    process.stderr.write('prepare: packages/core did not build\n');
    process.exit(1);
  }
  run([join(root, 'scripts/build-schema-validators.mjs')]);
  run([join(root, 'scripts/bundle.mjs')]);
}
