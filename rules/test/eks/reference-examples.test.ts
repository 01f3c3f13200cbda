/**
 * The EKS examples of the AWS documentation (reference §2), as printed and corrected, linted with every rule.
 * Each `<file>` has `<file>.expected.json` beside it: every finding, reviewed like code (see fixtures/eks/README.md).
 * After a deliberate change, `ASL_LINT_UPDATE_EXPECTED=1 pnpm vitest run rules/test/eks` rewrites them; review the diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintText, resolveRules, toLineColumn } from '@asl-lint/core';
import { allRules } from '../../src/index.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const update = process.env.ASL_LINT_UPDATE_EXPECTED === '1';

function lintWithEveryRule(text: string, filePath: string) {
  const result = lintText(text, { filePath, rules: resolveRules(allRules, []) });
  return result.diagnostics.map((d) => ({ ruleId: d.ruleId, severity: d.severity, message: d.message, ...toLineColumn(result.lines, d.range) }));
}

for (const folder of ['as-printed', 'corrected']) {
  describe(`fixtures/eks/${folder}`, () => {
    const dir = join(repo, 'fixtures/eks', folder);
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.asl.json'))) {
      it(file, () => {
        const actual = lintWithEveryRule(readFileSync(join(dir, file), 'utf8'), file);
        const expectedFile = join(dir, `${file}.expected.json`);
        if (update) writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
        expect(existsSync(expectedFile), `${expectedFile} is missing: run with ASL_LINT_UPDATE_EXPECTED=1 and review it`).toBe(true);
        expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
      });
    }
  });
}

describe('the 2024+ examples that use Arguments without QueryLanguage', () => {
  for (const file of readdirSync(join(repo, 'fixtures/eks/as-printed')).filter((name) => name.startsWith('current-') && name.endsWith('.asl.json'))) {
    it(`${file}: the only payload-field finding is asl/schema's, once`, () => {
      const findings = lintWithEveryRule(readFileSync(join(repo, 'fixtures/eks/as-printed', file), 'utf8'), file);
      const aboutArguments = findings.filter((finding) => finding.message.includes('"Arguments"'));
      expect(aboutArguments.map((finding) => finding.ruleId)).toEqual(['asl/schema']);
      expect(aboutArguments[0].message).toContain('only JSONata states accept');
    });
  }
});
