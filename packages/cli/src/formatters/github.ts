import { docsUrl, toLineColumn } from '@asl-lint/core';
import { activeDiagnostics, countDiagnostics } from './counts.js';
import { repoRelativePath } from './locations.js';
import type { Formatter } from './types.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** The Actions toolkit's `escapeData`: command data may not contain raw `%`, CR or LF. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** The Actions toolkit's `escapeProperty`: as data, plus the `:` and `,` that separate properties. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands, one annotation per finding:
 * `::error file=…,line=…,endLine=…,col=…,endColumn=…,title=<rule id>::<message>`.
 * Columns are given only for single-line findings, as GitHub ignores them otherwise.
 */
export const formatGithub: Formatter = (results, context) => {
  let output = '';
  for (const result of results) {
    const file = repoRelativePath(result.filePath, context.cwd, context.pathBase) ?? result.filePath;
    for (const diagnostic of activeDiagnostics(result)) {
      const { line, column, endLine, endColumn } = toLineColumn(result.lines, diagnostic.range);
      const properties = [`file=${escapeProperty(file)}`, `line=${line}`, `endLine=${endLine}`];
      if (line === endLine) properties.push(`col=${column}`, `endColumn=${endColumn}`);
      properties.push(`title=${escapeProperty(diagnostic.ruleId)}`);
      output += `::${COMMAND[diagnostic.severity]} ${properties.join(',')}::${escapeData(diagnostic.message)}\n`;
    }
  }
  return output;
};

const SUMMARY_ROWS = 200;

/**
 * A Markdown job summary for `$GITHUB_STEP_SUMMARY`: GitHub shows at most 10 annotations of each kind per
 * step, so the summary lists every finding (up to a bound) with links to the rule docs.
 */
export const formatGithubSummary: Formatter = (results, context) => {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  const rows: string[] = [];
  let omitted = 0;
  for (const result of results) {
    const diagnostics = activeDiagnostics(result);
    const counts = countDiagnostics(diagnostics);
    errors += counts.errorCount;
    warnings += counts.warningCount;
    infos += counts.infoCount;
    const file = repoRelativePath(result.filePath, context.cwd, context.pathBase) ?? result.filePath;
    for (const diagnostic of diagnostics) {
      if (rows.length >= SUMMARY_ROWS) {
        omitted++;
        continue;
      }
      const { line, column } = toLineColumn(result.lines, diagnostic.range);
      const rule = diagnostic.ruleId.includes('/') ? `[${diagnostic.ruleId}](${docsUrl(diagnostic.ruleId)})` : diagnostic.ruleId;
      rows.push(`| ${cell(`${file}:${line}:${column}`)} | ${diagnostic.severity} | ${cell(diagnostic.message)} | ${rule} |`);
    }
  }
  const files = results.length;
  let summary = '## asl-lint\n\n';
  if (rows.length === 0) return `${summary}No problems in ${files} file${files === 1 ? '' : 's'}.\n`;
  summary += `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${infos ? `, ${infos} info` : ''} in ${files} file${files === 1 ? '' : 's'}.\n\n`;
  summary += '| Location | Severity | Message | Rule |\n| --- | --- | --- | --- |\n';
  summary += rows.join('\n') + '\n';
  if (omitted > 0) summary += `\n…and ${omitted} more; see the annotations or the SARIF report.\n`;
  return summary;
};

/** A Markdown table cell: no line breaks, pipes escaped, HTML-like text kept literal. */
function cell(text: string): string {
  return text.replace(/\r?\n|\r/g, ' ').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/`/g, '\\`');
}
