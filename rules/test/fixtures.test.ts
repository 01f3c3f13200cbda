/**
 * Runs the rule fixtures: `fixtures/rules/<category>/<name>/valid/*` must produce nothing with every rule enabled;
 * `invalid/*` must produce exactly the findings of `<file>.expected.json` (this rule only), reviewed like code.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintText, resolveRules, toLineColumn, type Rule } from '@asl-lint/core';
import { allRules } from '../src/index.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const everyRule = resolveRules(allRules, []);

function findings(text: string, filePath: string, rules = everyRule) {
  const result = lintText(text, { filePath, rules });
  // A suppressed finding is kept for SARIF but is not a finding of the fixture.
  return result.diagnostics.filter((d) => !d.suppressed).map((d) => ({ ruleId: d.ruleId, message: d.message, ...toLineColumn(result.lines, d.range) }));
}

const isDefinition = (file: string) => /\.(json|ya?ml)$/.test(file) && !file.endsWith('.expected.json');

for (const rule of allRules as Rule[]) {
  const base = join(repo, 'fixtures/rules', rule.meta.id);
  if (!existsSync(base)) continue;
  describe(`fixtures of ${rule.meta.id}`, () => {
    const validDir = join(base, 'valid');
    for (const file of existsSync(validDir) ? readdirSync(validDir).filter(isDefinition) : []) {
      it(`valid/${file} produces nothing`, () => {
        expect(findings(readFileSync(join(validDir, file), 'utf8'), file)).toEqual([]);
      });
    }
    const invalidDir = join(base, 'invalid');
    for (const file of existsSync(invalidDir) ? readdirSync(invalidDir).filter(isDefinition) : []) {
      it(`invalid/${file} produces the expected findings`, () => {
        const expected = JSON.parse(readFileSync(join(invalidDir, `${file}.expected.json`), 'utf8'));
        const own = resolveRules([rule], []);
        expect(findings(readFileSync(join(invalidDir, file), 'utf8'), file, own)).toEqual(expected);
      });
    }
  });
}
