import type { Diagnostic } from '@asl-lint/core';
import type { LintedFile } from './types.js';

export interface Counts {
  errorCount: number;
  warningCount: number;
  infoCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
}

/** Suppressed findings are kept for SARIF but never counted. */
export function activeDiagnostics(result: LintedFile): Diagnostic[] {
  return result.diagnostics.filter((d) => !d.suppressed);
}

export function countDiagnostics(diagnostics: readonly Diagnostic[]): Counts {
  const counts: Counts = { errorCount: 0, warningCount: 0, infoCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 };
  for (const d of diagnostics) {
    if (d.suppressed) continue;
    if (d.severity === 'error') {
      counts.errorCount++;
      if (d.fix) counts.fixableErrorCount++;
    } else if (d.severity === 'warning') {
      counts.warningCount++;
      if (d.fix) counts.fixableWarningCount++;
    } else counts.infoCount++;
  }
  return counts;
}
