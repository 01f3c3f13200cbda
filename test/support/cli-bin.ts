/** The built CLI bin, for end-to-end tests that spawn it as users do. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cliBin = join(repo, 'packages/cli/dist/bin.js');

/** Builds the CLI (`tsc -b`) and returns the bin's path. */
export function buildCli(): string {
  try {
    execFileSync(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-b', 'packages/cli'], { cwd: repo, stdio: 'pipe' });
  } catch {
    // A type error elsewhere still emits the bin (the typecheck is `pnpm typecheck`'s to report); only a missing bin stops the tests.
  }
  if (!existsSync(cliBin)) throw new Error(`the CLI was not built: ${cliBin}`);
  return cliBin;
}

/** `node --require` this to make every network API throw (see no-network.cjs). */
export const noNetworkPreload = join(repo, 'test/support/no-network.cjs');
