import { INTERNAL_ERROR, UNUSED_SUPPRESSION } from '@asl-lint/core';
import type { CodeAction, CodeActionContext, CodeActionKind, Diagnostic, Range, TextEdit } from 'vscode-languageserver';
import type { Analysis } from './analysis.js';
import { isDiagnosticData, SOURCE, type FixData } from './diagnostics.js';
import { suppressionsFor } from './suppress.js';

export const QUICK_FIX_KIND: CodeActionKind = 'quickfix';
/** Applies every safe fix of the document, e.g. on save with `editor.codeActionsOnSave`. */
export const FIX_ALL_KIND: CodeActionKind = 'source.fixAll.asl-lint';

/** Findings a directive cannot sensibly silence: a directive about directives, text that does not parse, our own bugs. */
const UNSUPPRESSIBLE = new Set([UNUSED_SUPPRESSION, 'asl/parse', INTERNAL_ERROR]);

/** `only` asks for a kind when it names the kind or one of its parents (`source.fixAll` covers `source.fixAll.asl-lint`). */
function wanted(kind: string, only: readonly string[] | undefined): boolean {
  return !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

export function codeActions(analysis: Analysis, _range: Range, requested: CodeActionContext | null | undefined): CodeAction[] {
  // Clients are not all careful: a missing context asks for every kind about no particular diagnostic.
  const context: CodeActionContext = { diagnostics: Array.isArray(requested?.diagnostics) ? requested.diagnostics : [], ...(Array.isArray(requested?.only) ? { only: requested.only } : {}) };
  const actions: CodeAction[] = [];
  const { uri } = analysis;
  if (wanted(QUICK_FIX_KIND, context.only)) {
    // Several findings of one rule on one line need one "disable" action, not one each.
    const offered = new Set<string>();
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== SOURCE || typeof diagnostic.code !== 'string') continue;
      const current = currentDiagnostic(analysis, diagnostic);
      if (!current) continue;
      const fixes = isDiagnosticData(current.data) ? current.data.fixes ?? [] : [];
      fixes.forEach((fix, index) => {
        actions.push({ title: fix.title, kind: QUICK_FIX_KIND, diagnostics: [diagnostic], isPreferred: fix.safe && index === 0, edit: { changes: { [uri]: fix.edits } } });
      });
      const suppressions = UNSUPPRESSIBLE.has(current.code as string) ? [] : suppressionsFor(analysis, current.code as string, analysis.lines.offsetAt(current.range.start));
      for (const suppression of suppressions) {
        const key = `${suppression.title}\u0000${suppression.edit.start}\u0000${suppression.edit.text}`;
        if (offered.has(key)) continue;
        offered.add(key);
        const { edit } = suppression;
        const textEdit: TextEdit = { range: { start: analysis.lines.positionAt(edit.start), end: analysis.lines.positionAt(edit.end) }, newText: edit.text };
        actions.push({ title: suppression.title, kind: QUICK_FIX_KIND, diagnostics: [diagnostic], edit: { changes: { [uri]: [textEdit] } } });
      }
    }
  }
  if (wanted(FIX_ALL_KIND, context.only)) {
    const edits = fixAllEdits(analysis);
    if (edits.length > 0) actions.push({ title: 'Fix all safely fixable asl-lint problems', kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits } } });
  }
  return actions;
}

/**
 * The diagnostic as computed for the analysed version. Its `data` holds the fixes when the client's copy is current;
 * a client that sends a diagnostic of an older version gets the fixes of the matching current finding, if any.
 */
function currentDiagnostic(analysis: Analysis, diagnostic: Diagnostic): Diagnostic | undefined {
  if (isDiagnosticData(diagnostic.data) && diagnostic.data.version === analysis.version) return diagnostic;
  return analysis.diagnostics.find(
    (candidate) => candidate.code === diagnostic.code && candidate.message === diagnostic.message && samePosition(candidate.range, diagnostic.range),
  );
}

function samePosition(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** Every safe fix whose edits do not overlap an earlier one, in document order (one pass, as ESLint does). */
export function fixAllEdits(analysis: Analysis): TextEdit[] {
  const fixes: { fix: FixData; start: number; end: number }[] = [];
  for (const diagnostic of analysis.diagnostics) {
    if (!isDiagnosticData(diagnostic.data)) continue;
    for (const fix of diagnostic.data.fixes ?? []) {
      if (!fix.safe || fix.edits.length === 0) continue;
      const offsets = fix.edits.map((edit) => [analysis.lines.offsetAt(edit.range.start), analysis.lines.offsetAt(edit.range.end)]);
      fixes.push({ fix, start: Math.min(...offsets.map(([start]) => start)), end: Math.max(...offsets.map(([, end]) => end)) });
    }
  }
  fixes.sort((a, b) => a.start - b.start || a.end - b.end);
  const edits: TextEdit[] = [];
  let covered = -1;
  for (const { fix, start, end } of fixes) {
    if (start < covered) continue;
    edits.push(...fix.edits);
    covered = end;
  }
  return edits;
}
