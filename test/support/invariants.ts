/** What must hold for every input: no throw, no rule crash, ranges inside the text, deterministic output. */
import { lintText, resolveRules, type LintResult } from '@asl-lint/core';
import { allRules } from '@asl-lint/rules';

export const everyRule = resolveRules(allRules, []);

export function lintAll(text: string, filePath: string): LintResult {
  return lintText(text, { filePath, rules: everyRule });
}

export interface Violation {
  readonly problem: string;
  readonly detail?: string;
}

/** `deterministic: false` lints once (for inputs too large to lint twice in the regular suite). */
export function checkInvariants(text: string, filePath: string, { deterministic = true } = {}): Violation | undefined {
  let first: LintResult;
  try {
    first = lintAll(text, filePath);
  } catch (error) {
    return { problem: 'threw', detail: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) };
  }
  const crash = first.diagnostics.find((d) => d.ruleId === 'internal-error');
  if (crash) return { problem: 'a rule crashed', detail: crash.message };
  for (const d of first.diagnostics) {
    if (!(d.range.start >= 0 && d.range.start <= d.range.end && d.range.end <= text.length)) {
      return { problem: 'range outside the document', detail: `${d.ruleId} ${d.range.start}-${d.range.end} of ${text.length}` };
    }
    for (const related of d.related ?? []) {
      if (!(related.range.start >= 0 && related.range.end <= text.length)) return { problem: 'related range outside the document', detail: d.ruleId };
    }
  }
  if (!deterministic) return undefined;
  const again = lintAll(text, filePath);
  const signature = (r: LintResult) => JSON.stringify(r.diagnostics.map((d) => [d.ruleId, d.range, d.message]));
  if (signature(first) !== signature(again)) return { problem: 'not deterministic' };
  return undefined;
}
