import { toLineColumn, type Diagnostic } from '@asl-lint/core';
import { activeDiagnostics } from './counts.js';
import type { Formatter } from './types.js';

/** Characters XML 1.0 cannot carry at all (controls other than tab, LF, CR; lone surrogates; U+FFFE/U+FFFF). */
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function escapeXml(value: string): string {
  return value
    .replace(INVALID_XML, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Attribute values also keep their line breaks (a parser would fold raw ones into spaces). */
function escapeAttribute(value: string): string {
  return escapeXml(value).replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/**
 * JUnit XML as CI servers read it: one testsuite per file, one testcase per rule that reported in that file
 * (its findings as one failure), and a passing `asl-lint` testcase for a clean file so it still counts.
 */
export const formatJunit: Formatter = (results) => {
  let body = '';
  let totalTests = 0;
  let totalFailures = 0;
  for (const result of results) {
    const byRule = new Map<string, Diagnostic[]>();
    for (const diagnostic of activeDiagnostics(result)) {
      const list = byRule.get(diagnostic.ruleId);
      if (list) list.push(diagnostic);
      else byRule.set(diagnostic.ruleId, [diagnostic]);
    }
    const file = escapeAttribute(result.filePath);
    let cases = '';
    for (const [ruleId, diagnostics] of byRule) {
      const lines = diagnostics.map((d) => {
        const { line, column } = toLineColumn(result.lines, d.range);
        return `${result.filePath}:${line}:${column}: ${d.severity}: ${d.message}`;
      });
      const worst = diagnostics.some((d) => d.severity === 'error') ? 'error' : diagnostics.some((d) => d.severity === 'warning') ? 'warning' : 'info';
      const summary = `${diagnostics.length} ${diagnostics.length === 1 ? 'finding' : 'findings'}: ${diagnostics[0].message}`;
      cases += `    <testcase classname="${file}" name="${escapeAttribute(ruleId)}" time="0">\n`;
      cases += `      <failure message="${escapeAttribute(summary)}" type="${worst}">${escapeXml(lines.join('\n'))}</failure>\n`;
      cases += '    </testcase>\n';
    }
    const tests = Math.max(1, byRule.size);
    if (byRule.size === 0) cases += `    <testcase classname="${file}" name="asl-lint" time="0" />\n`;
    totalTests += tests;
    totalFailures += byRule.size;
    body += `  <testsuite name="${file}" tests="${tests}" failures="${byRule.size}" errors="0" skipped="0" time="0">\n${cases}  </testsuite>\n`;
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="asl-lint" tests="${totalTests}" failures="${totalFailures}" errors="0" time="0">\n${body}</testsuites>\n`;
};
