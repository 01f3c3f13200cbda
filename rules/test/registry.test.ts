import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintText, resolveRules } from '@asl-lint/core';
import { allRules } from '../src/index.js';
import { renderRuleDoc } from '../src/docs.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('rule registry', () => {
  it('is generated from the rule files', () => {
    expect(() => execFileSync(process.execPath, [join(repo, 'scripts/generate-registry.mjs'), '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  it('has unique ids that match each file path', () => {
    const ids = allRules.map((rule) => rule.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^(asl|eks|iam)\/[a-z0-9-]+$/);
      expect(existsSync(join(repo, 'rules/src', `${id}.ts`))).toBe(true);
    }
  });

  describe.each(allRules.map((rule) => [rule.meta.id, rule] as const))('%s', (id, rule) => {
    it('has docs, a test file and fixtures', () => {
      const { docs } = rule.meta;
      expect(rule.meta.description.length).toBeGreaterThan(10);
      expect(docs.whatItDoes.length).toBeGreaterThan(20);
      expect(docs.whyItMatters.length).toBeGreaterThan(20);
      expect(docs.examples.invalid.length).toBeGreaterThan(0);
      expect(docs.examples.valid.length).toBeGreaterThan(0);
      expect(existsSync(join(repo, 'rules/test', `${id}.test.ts`))).toBe(true);
      const fixtureDir = join(repo, 'fixtures/rules', id);
      expect(existsSync(fixtureDir) && readdirSync(fixtureDir).length > 0).toBe(true);
    });

    it('declares every message it can use and a fix policy', () => {
      expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
      expect(['safe', 'suggestion', 'none']).toContain(rule.meta.fix);
    });

    const active = resolveRules([rule], []);
    rule.meta.docs.examples.invalid.forEach((example, index) => {
      it(`invalid docs example ${index + 1} raises exactly this rule`, () => {
        const result = lintWithAll(example.code, example.language, example.workflowType);
        const ids = new Set(result.map((d) => d.ruleId));
        expect([...ids]).toEqual([id]);
        const own = lintText(example.code, { filePath: `example.asl.${example.language ?? guess(example.code)}`, rules: active, settings: { workflowType: example.workflowType } });
        expect(own.diagnostics.length).toBeGreaterThan(0);
      });
    });
    rule.meta.docs.examples.valid.forEach((example, index) => {
      it(`valid docs example ${index + 1} raises nothing at all`, () => {
        expect(lintWithAll(example.code, example.language, example.workflowType)).toEqual([]);
      });
    });

    it('renders its docs page', () => {
      expect(renderRuleDoc(rule)).toContain(`# ${id}`);
    });
  });

  it('docs/rules is current', () => {
    expect(() => execFileSync(process.execPath, [join(repo, 'scripts/generate-docs.mjs'), '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});

function guess(code: string): 'json' | 'yaml' {
  return code.trimStart().startsWith('{') ? 'json' : 'yaml';
}

function lintWithAll(code: string, language: 'json' | 'yaml' | undefined, workflowType: 'STANDARD' | 'EXPRESS' | undefined) {
  const result = lintText(code, { filePath: `example.asl.${language ?? guess(code)}`, rules: resolveRules(allRules, []), settings: { workflowType } });
  return result.diagnostics.filter((d) => !d.suppressed).map((d) => ({ ruleId: d.ruleId, message: d.message }));
}
