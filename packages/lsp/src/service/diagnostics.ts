import { docsUrl, INTERNAL_ERROR, type Diagnostic as LintDiagnostic, type Fix, type LineIndex, type Range as OffsetRange } from '@asl-lint/core';
import type { Diagnostic, DiagnosticSeverity, DiagnosticTag, Range, TextEdit } from 'vscode-languageserver';

export const SOURCE = 'asl-lint';

const SEVERITY: Record<LintDiagnostic['severity'], DiagnosticSeverity> = { error: 1, warning: 2, info: 3 };
const UNNECESSARY: DiagnosticTag = 1;
/** Findings about text that does nothing; editors fade it. */
const UNNECESSARY_RULES = new Set(['asl/unreachable-state', 'asl/unused-suppression']);

/** A fix as it travels in `Diagnostic.data`, already in the positions of the version it was computed for. */
export interface FixData {
  readonly title: string;
  /** Safe fixes join `source.fixAll.asl-lint`; suggestions are offered one by one. */
  readonly safe: boolean;
  readonly edits: TextEdit[];
}

export interface DiagnosticData {
  /** The document version the positions and fixes belong to. */
  readonly version: number;
  readonly fixes?: FixData[];
}

export function toRange(lines: LineIndex, range: OffsetRange): Range {
  return { start: lines.positionAt(range.start), end: lines.positionAt(range.end) };
}

export function toTextEdits(lines: LineIndex, fix: Fix): TextEdit[] {
  return fix.edits.map((edit) => ({ range: toRange(lines, edit.range), newText: edit.text }));
}

/** One lint finding as an LSP diagnostic: code = rule id, a link to the rule's docs, fixes in `data`. */
export function toLspDiagnostic(finding: LintDiagnostic, lines: LineIndex, uri: string, version: number): Diagnostic {
  const fixes: FixData[] = [];
  if (finding.fix) fixes.push({ title: finding.fix.message, safe: true, edits: toTextEdits(lines, finding.fix) });
  for (const suggestion of finding.suggestions ?? []) fixes.push({ title: suggestion.message, safe: false, edits: toTextEdits(lines, suggestion) });
  const data: DiagnosticData = fixes.length ? { version, fixes } : { version };
  const diagnostic: Diagnostic = {
    range: toRange(lines, finding.range),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    source: SOURCE,
    message: finding.definitionName ? `${finding.message} (in ${finding.definitionName})` : finding.message,
    data,
  };
  if (finding.ruleId !== INTERNAL_ERROR) diagnostic.codeDescription = { href: docsUrl(finding.ruleId) };
  if (UNNECESSARY_RULES.has(finding.ruleId)) diagnostic.tags = [UNNECESSARY];
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((item) => ({ location: { uri, range: toRange(lines, item.range) }, message: item.message }));
  }
  return diagnostic;
}

export function isDiagnosticData(value: unknown): value is DiagnosticData {
  return typeof value === 'object' && value !== null && typeof (value as DiagnosticData).version === 'number';
}
