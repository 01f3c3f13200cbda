/**
 * Table-driven rule tests, as ESLint's RuleTester: each case states the exact findings
 * (rule id, message id, 1-based line/column and end) and, for fixes, the fixed output.
 */
import { describe, expect, it } from 'vitest';
import { lintText, resolveRules, toLineColumn, type Rule, type WorkflowType } from '@asl-lint/core';
import { applyFixes } from './apply-fixes.js';

export interface ExpectedFinding {
  readonly messageId?: string;
  readonly message?: string;
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly data?: Record<string, string | number>;
}

export interface ValidCase {
  readonly name?: string;
  readonly code: string;
  readonly filename?: string;
  readonly options?: unknown;
  readonly workflowType?: WorkflowType;
}

export interface InvalidCase extends ValidCase {
  readonly errors: readonly ExpectedFinding[];
  /** The text after applying the safe fixes; omit when the rule reports no fix here. */
  readonly output?: string;
}

export interface Finding {
  ruleId: string;
  messageId?: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  data?: Record<string, string | number>;
}

/** Lints `code` with only `rule` enabled and returns its findings with 1-based positions. */
export function runRule(rule: Rule, testCase: ValidCase): { findings: Finding[]; fixed: string } {
  const filename = testCase.filename ?? (testCase.code.trimStart().startsWith('{') ? 'test.asl.json' : 'test.asl.yaml');
  const active = resolveRules([rule], [{ [rule.meta.id]: testCase.options === undefined ? rule.meta.severity : [rule.meta.severity, testCase.options] }]);
  const result = lintText(testCase.code, { filePath: filename, rules: active, settings: { workflowType: testCase.workflowType } });
  const findings = result.diagnostics.map((d) => {
    const position = toLineColumn(result.lines, d.range);
    return { ruleId: d.ruleId, messageId: d.messageId, message: d.message, ...position, ...(d.data ? { data: { ...d.data } } : {}) };
  });
  const fixed = applyFixes(testCase.code, result.diagnostics.flatMap((d) => (d.fix ? [d.fix] : [])));
  return { findings, fixed };
}

export function ruleTester(rule: Rule, cases: { valid: readonly (ValidCase | string)[]; invalid: readonly InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    if (cases.valid.length) describe('valid', () => {
      cases.valid.forEach((entry, index) => {
        const testCase = typeof entry === 'string' ? { code: entry } : entry;
        it(testCase.name ?? `valid #${index + 1}`, () => {
          expect(runRule(rule, testCase).findings).toEqual([]);
        });
      });
    });
    if (cases.invalid.length) describe('invalid', () => {
      cases.invalid.forEach((testCase, index) => {
        it(testCase.name ?? `invalid #${index + 1}`, () => {
          const { findings, fixed } = runRule(rule, testCase);
          expect(findings.map((f) => f.ruleId).filter((id) => id !== rule.meta.id)).toEqual([]);
          const actual = findings.map((finding, i) => pick(finding, testCase.errors[i]));
          expect(actual).toEqual(testCase.errors.map((e) => ({ ...e })));
          if (testCase.output !== undefined) expect(fixed).toBe(testCase.output);
          else expect(fixed).toBe(testCase.code);
        });
      });
    });
  });
}

/** Keeps only the fields a case asserts, so tables stay readable; line and column are always asserted. */
function pick(finding: Finding, expected: ExpectedFinding | undefined): Partial<Finding> {
  const keys = expected ? Object.keys(expected) : ['messageId', 'line', 'column'];
  const picked: Record<string, unknown> = {};
  for (const key of keys) picked[key] = (finding as unknown as Record<string, unknown>)[key];
  return picked;
}
