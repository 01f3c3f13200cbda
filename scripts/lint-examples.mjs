#!/usr/bin/env node
// `pnpm examples`: lints examples/. eks-mistakes.asl.yaml holds typical mistakes on purpose, so findings (exit 1)
// are the expected outcome here; a usage or internal error (exit 2) still fails the command.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const result = spawnSync(process.execPath, [join(root, 'packages/cli/dist/bin.js'), 'examples', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
if (result.status === 1) {
  process.stdout.write('\nexamples/eks-batch-job.asl.json lints clean; examples/eks-mistakes.asl.yaml shows typical mistakes on purpose.\n');
  process.exit(0);
}
process.exit(result.status ?? 2);
