#!/usr/bin/env node
// JSON parsing alone: `parseJson` (fast path, falling back to the recovering parser) against
// `parseJsonWithRecovery` (jsonc-parser's `visit`) and JSON.parse, interleaved, medians after warm-up.
// Needs `npx tsc -b` first. Usage: node bench/parse-json.mjs [--runs N]
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateDefinition } from './generate-definition.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const { parseJson, parseJsonWithRecovery, parseYaml } = await import(join(repo, 'packages/core/dist/parse.js'));
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 41;

const inputs = [
  { name: '1,000 states', texts: [JSON.stringify(generateDefinition(1000), null, 2)] },
  { name: '10,000 states', texts: [JSON.stringify(generateDefinition(10000), null, 2)] },
];
const corpusRoot = join(repo, '..', 'shared', 'corpus');
if (existsSync(join(corpusRoot, 'MANIFEST.tsv'))) {
  const rows = readFileSync(join(corpusRoot, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split('\t'));
  const texts = rows.filter((r) => r[5] === 'asl-json' && r[0].startsWith('real/')).map((r) => readFileSync(join(corpusRoot, r[0]), 'utf8'));
  inputs.push({ name: `corpus (${texts.length} asl-json files)`, texts });
  const yaml = rows.filter((r) => r[5] === 'asl-yaml' && r[0].startsWith('real/')).map((r) => readFileSync(join(corpusRoot, r[0]), 'utf8'));
  inputs.push({ name: `corpus (${yaml.length} asl-yaml files)`, texts: yaml, yaml: true });
}

// Some corpus files are invalid JSON on purpose.
const jsonParse = (text) => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const time = (fn, texts) => {
  const start = performance.now();
  for (const text of texts) fn(text);
  return performance.now() - start;
};

console.log(`| input | JSON.parse | parseJsonWithRecovery | parseJson | speed-up |`);
console.log(`|---|---:|---:|---:|---:|`);
for (const { name, texts, yaml } of inputs) {
  const parsers = yaml ? [(t) => t, parseYaml, parseYaml] : [jsonParse, parseJsonWithRecovery, parseJson];
  const samples = parsers.map(() => []);
  for (let run = 0; run < RUNS + 5; run++) {
    parsers.forEach((fn, i) => {
      const elapsed = time(fn, texts);
      if (run >= 5) samples[i].push(elapsed);
    });
  }
  const [base, visitor, fast] = samples.map(median);
  const label = yaml ? [`—`, `${visitor.toFixed(2)} ms (parseYaml)`, `${fast.toFixed(2)} ms (parseYaml)`] : [`${base.toFixed(2)} ms`, `${visitor.toFixed(2)} ms`, `${fast.toFixed(2)} ms`];
  console.log(`| ${name} | ${label.join(' | ')} | ${(visitor / fast).toFixed(2)}× |`);
}
