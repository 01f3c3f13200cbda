// Runs the CLI in-process on one file, then reports the heavy modules it loaded and the time to the report.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const { main } = await import(new URL('../packages/cli/dist/main.js', import.meta.url).href);
let output = '';
const io = { cwd: process.cwd(), stdout: { write: (s) => (output += s) }, stderr: { write: () => {} }, env: {}, stdin: undefined };
await main(['-f', 'json', process.argv[2]], io);
const firstDiagnosticMs = performance.now();
const heavy = ['jsonata', '@typescript-eslint/typescript-estree', 'typescript', 'ajv', 'ajv-errors', 'fast-glob', 'yaml'];
const loaded = Object.keys(require.cache);
// The precompiled validators need two small helpers of ajv's runtime (ajv/dist/runtime/*), not ajv itself.
const found = heavy.filter((name) => loaded.some((path) => path.includes(`/node_modules/${name}/`) && !(name === 'ajv' && path.includes('/node_modules/ajv/dist/runtime/'))));
process.stdout.write(JSON.stringify({ firstDiagnosticMs, loadedHeavy: found, messages: JSON.parse(output)[0]?.messages.length ?? 0 }) + '\n');
