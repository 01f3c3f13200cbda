import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePath } from '../../src/expressions/jsonpath.js';
import { checkIntrinsic, parseIntrinsic } from '../../src/expressions/intrinsics.js';
import { jsonataFacts, parseJsonata } from '../../src/expressions/jsonata.js';

// Strings biased towards the characters the grammars care about.
const grammarChars = fc.constantFrom(...'$.[]()\'"\\,:*?@=~/ {}-0123456789abcSt'.split(''), 'States.', 'States.Format(', '$$', '..');
const grammarText = fc.array(grammarChars, { maxLength: 40 }).map((parts) => parts.join(''));
const anyText = fc.oneof(grammarText, fc.string({ maxLength: 40 }));

describe('the expression parsers never throw', () => {
  it('parsePath returns a result with an offset inside the text', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom('path', 'reference', 'result') as fc.Arbitrary<'path' | 'reference' | 'result'>, (text, kind) => {
        const result = parsePath(text, kind);
        if (!result.ok) {
          expect(result.error.offset).toBeGreaterThanOrEqual(0);
          expect(result.error.offset).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('parseIntrinsic and checkIntrinsic return results with offsets inside the text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = parseIntrinsic(text);
        if (!result.ok) {
          expect(result.error.offset).toBeGreaterThanOrEqual(0);
          expect(result.error.offset).toBeLessThanOrEqual(text.length);
        } else {
          for (const problem of checkIntrinsic(result.call)) expect(problem.offset).toBeLessThan(text.length);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('parseJsonata and jsonataFacts never throw', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = parseJsonata(text);
        if (result.ok) jsonataFacts(result.ast);
      }),
      { numRuns: 1000 },
    );
  });
});
