import { describe, expect, it } from 'vitest';
import { toLineColumn } from '@asl-lint/core';
import { hostileInputs } from './support/hostile-inputs.js';
import { lintAll } from './support/invariants.js';

/** The findings each hostile input must produce: rule id, line and column of each. */
const expected: Record<string, [string, number, number][]> = {
  '100,000-deep arrays': [['asl/parse', 1, 513]],
  '100,000-deep objects': [['asl/parse', 1, 2561]],
  '100,000-deep YAML flow sequences': [['asl/parse', 1, 522]],
  // Both are over the 1 MB definition quota as well.
  '60,000 states in one cycle': [['asl/payload-size', 1, 1], ['asl/no-terminal', 1, 12]],
  '60,000 states in a chain': [['asl/payload-size', 1, 1]],
  'a BOM, CRLF and tabs': [['asl/transitions', 4, 34]],
  // Read as YAML 1.2: `No` is a string (the state named No) and `yes` a string where End needs a boolean.
  // CloudFormation and SAM read YAML 1.1, where `No` and `yes` are booleans: asl/parse warns on both values.
  'YAML 1.1 booleans': [['asl/parse', 5, 11], ['asl/unreachable-state', 8, 3], ['asl/parse', 10, 10], ['asl/schema', 10, 10]],
  'merge conflict markers': [['asl/parse', 2, 1], ['asl/parse', 4, 1], ['asl/parse', 6, 1]],
};

describe('hostile inputs', () => {
  for (const input of hostileInputs) {
    it(`${input.name}: no crash, ranges inside the text${expected[input.name] ? ', the expected findings' : ''}`, () => {
      const text = input.text();
      // Linted once here; pnpm fuzz also checks that the output is deterministic.
      const result = lintAll(text, input.filePath);
      expect(result.diagnostics.filter((d) => d.ruleId === 'internal-error')).toEqual([]);
      for (const d of result.diagnostics) {
        expect(d.range.start).toBeGreaterThanOrEqual(0);
        expect(d.range.end).toBeLessThanOrEqual(text.length);
      }
      const want = expected[input.name];
      if (want) {
        const got = result.diagnostics.map((d) => {
          const { line, column } = toLineColumn(result.lines, d.range);
          return [d.ruleId, line, column];
        });
        expect(got).toEqual(want);
      }
    }, 120_000);
  }
});
