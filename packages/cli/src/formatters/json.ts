import { toLineColumn, type Diagnostic } from '@asl-lint/core';
import { activeDiagnostics, countDiagnostics } from './counts.js';
import type { Formatter } from './types.js';

/** ESLint's JSON format: tools that read ESLint JSON read ours. Severity 2 = error, 1 = warning or info. */
export const formatJson: Formatter = (results) => {
  const output = results.map((result) => {
    const diagnostics = activeDiagnostics(result);
    const toMessage = (d: Diagnostic) => {
      const position = toLineColumn(result.lines, d.range);
      return {
        ruleId: d.ruleId,
        severity: d.severity === 'error' ? 2 : 1,
        message: d.message,
        ...position,
        ...(d.fix ? { fix: toEslintFix(result.text, d.fix.edits) } : {}),
      };
    };
    const messages = diagnostics.map(toMessage);
    // As ESLint: findings silenced by a directive, with its reason (only when there are any).
    const suppressedMessages = result.diagnostics
      .filter((d) => d.suppressed)
      .map((d) => ({ ...toMessage(d), suppressions: [{ kind: 'directive', justification: d.suppressed!.justification ?? '' }] }));
    const counts = countDiagnostics(diagnostics);
    return {
      filePath: result.filePath,
      messages,
      ...(suppressedMessages.length > 0 ? { suppressedMessages } : {}),
      errorCount: counts.errorCount,
      warningCount: counts.warningCount + counts.infoCount,
      fixableErrorCount: counts.fixableErrorCount,
      fixableWarningCount: counts.fixableWarningCount,
    };
  });
  return JSON.stringify(output) + '\n';
};

/** ESLint fixes are one `range` + `text`; several edits are merged into one covering edit. */
function toEslintFix(text: string, edits: readonly { range: { start: number; end: number }; text: string }[]): { range: [number, number]; text: string } {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start);
  const start = sorted[0].range.start;
  const end = Math.max(...sorted.map((e) => e.range.end));
  let merged = '';
  let cursor = start;
  for (const edit of sorted) {
    merged += text.slice(cursor, edit.range.start) + edit.text;
    cursor = Math.max(cursor, edit.range.end);
  }
  merged += text.slice(cursor, end);
  return { range: [start, end], text: merged };
}
