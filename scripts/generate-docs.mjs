#!/usr/bin/env node
// Writes docs/rules/<category>/<name>.md and docs/rules/README.md from rule metadata (`pnpm run docs`).
// With --check, exits 1 when the committed docs differ from what the metadata generates.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { renderRuleDoc, renderRuleIndex } = await import(pathToFileURL(join(root, 'rules/dist/docs.js')).href);
const { allRules } = await import(pathToFileURL(join(root, 'rules/dist/index.js')).href);

const check = process.argv.includes('--check');
const outputs = new Map();
for (const rule of allRules) outputs.set(join(root, 'docs/rules', `${rule.meta.id}.md`), renderRuleDoc(rule));
outputs.set(join(root, 'docs/rules/README.md'), renderRuleIndex(allRules));

let stale = 0;
for (const [file, text] of outputs) {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (current === text) continue;
  if (check) {
    console.error(`stale: ${file.slice(root.length + 1)}`);
    stale++;
  } else {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}
if (stale) {
  console.error('Run `pnpm run docs` to regenerate the rule docs.');
  process.exit(1);
}
