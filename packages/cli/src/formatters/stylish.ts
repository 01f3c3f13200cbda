import { toLineColumn } from '@asl-lint/core';
import { activeDiagnostics, countDiagnostics } from './counts.js';
import type { Formatter } from './types.js';

const paint = (enabled: boolean, code: string) => (text: string) => (enabled ? `\u001b[${code}m${text}\u001b[0m` : text);

/** ESLint's stylish layout: a block per file, then a summary line. */
export const formatStylish: Formatter = (results, context) => {
  const red = paint(context.color, '31');
  const yellow = paint(context.color, '33');
  const blue = paint(context.color, '34');
  const dim = paint(context.color, '2');
  const underline = paint(context.color, '4');
  const bold = paint(context.color, '1');
  let output = '';
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let fixable = 0;
  for (const result of results) {
    const diagnostics = activeDiagnostics(result);
    if (diagnostics.length === 0) continue;
    const counts = countDiagnostics(diagnostics);
    errors += counts.errorCount;
    warnings += counts.warningCount;
    infos += counts.infoCount;
    fixable += counts.fixableErrorCount + counts.fixableWarningCount;
    const rows = diagnostics.map((d) => {
      const { line, column } = toLineColumn(result.lines, d.range);
      const label = d.severity === 'error' ? red('error') : d.severity === 'warning' ? yellow('warning') : blue('info');
      return { position: `${line}:${column}`, label, plainLabel: d.severity, message: d.message.replace(/\s*\n\s*/g, ' '), rule: d.ruleId };
    });
    const positionWidth = Math.max(...rows.map((r) => r.position.length));
    const labelWidth = Math.max(...rows.map((r) => r.plainLabel.length));
    output += `\n${underline(result.filePath)}\n`;
    for (const row of rows) {
      output += `  ${dim(row.position.padEnd(positionWidth))}  ${row.label}${' '.repeat(labelWidth - row.plainLabel.length)}  ${row.message}  ${dim(row.rule)}\n`;
    }
  }
  const total = errors + warnings + infos;
  if (total === 0) return '';
  const summary = `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${infos ? `, ${infos} info` : ''})`;
  output += `\n${bold(errors ? red(summary) : yellow(summary))}\n`;
  if (fixable) output += `  ${fixable} ${fixable === 1 ? 'problem is' : 'problems are'} fixable with --fix.\n`;
  return output;
};
