#!/usr/bin/env node
/**
 * The root `postinstall` script. Under pnpm (the workspace): build the packages and precompile the schema
 * validators. Under npm — how pre-commit installs this repository as a hook (`npm install`, then
 * `npm pack`, then `npm install -g` of the tarball) — the `workspace:` packages cannot be linked, so build
 * what the bundle needs instead: the core package (for the schema validators) and
 * `dist-bundle/asl-lint.cjs`, the root `bin`. Installed from the tarball, there is nothing to build.
 *
 * Why `postinstall` and not `prepare`: `npm pack` runs `prepare` and prints its banner on stdout, where
 * pre-commit reads the tarball's name; it does not run `postinstall`. Nothing here writes to stdout under npm.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const underPnpm = (process.env.npm_config_user_agent ?? '').startsWith('pnpm');
// Installed from the packed tarball (only dist-bundle and this script): nothing to build.
if (!existsSync(join(root, 'packages', 'core', 'tsconfig.json'))) process.exit(0);
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
    process.stderr.write('postinstall: packages/core did not build\n');
    process.exit(1);
  }
  run([join(root, 'scripts/build-schema-validators.mjs')]);
  run([join(root, 'scripts/bundle.mjs')]);
}
