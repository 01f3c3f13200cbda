/**
 * Safe fixes as minimal text edits: everything outside an edit (formatting, comments, key order) is kept.
 * `fixUntilStable` re-lints after each pass, because one fix can reveal another, and stops when nothing
 * changes, when a pass would leave the text unparsable, or after a bounded number of passes.
 */
import { createRequire } from 'node:module';
import type { AstNode, JsonValue } from './ast.js';
import type { LintResult } from './lint.js';
import { parseYaml, type SourceLanguage } from './parse.js';
import type { Fix, TextEdit } from './rule.js';

export const MAX_FIX_PASSES = 10;

// YAML loads only when a YAML fix is made: plain lint runs never pay for it.
const require = createRequire(import.meta.url);

/**
 * The text that replaces `node` with `value`. In YAML a string keeps the scalar's style (plain, single- or
 * double-quoted) and its tag, so `Resource: arn:…:runJob` becomes `Resource: arn:…:runJob.sync`, not a quoted
 * string. Anything else is written as a JSON literal, which is valid in JSON and in YAML flow context.
 */
export function valueEditText(text: string, node: AstNode, value: JsonValue, language: SourceLanguage): string {
  const json = JSON.stringify(value);
  if (language !== 'yaml' || typeof value !== 'string' || node.kind !== 'string') return json;
  let source = text.slice(node.range.start, node.range.end);
  let tag = '';
  const tagged = /^(![^\s]*\s+)/.exec(source);
  if (tagged) {
    tag = tagged[1];
    source = source.slice(tag.length);
  }
  const first = source.charAt(0);
  if (first === '"') return tag + json;
  if (first === "'") return tag + (/[\r\n]/.test(value) ? json : `'${value.replace(/'/g, "''")}'`);
  if (first === '|' || first === '>') return tag + json;
  const start = node.range.start + tag.length;
  return tag + (plainReadsBack(text, start, node.range.end, value) ? value : json);
}

/**
 * Whether `value`, written plain in place of the scalar, reads back as that same string. YAML's own
 * stringifier decides for block context; a re-parse settles flow context (`{ a: x }`), where `,[]{}` end a
 * plain scalar. Fixes are rare, so the re-parse costs nothing that matters.
 */
function plainReadsBack(text: string, start: number, end: number, value: string): boolean {
  if (value === '' || /[\r\n]/.test(value) || value !== value.trim()) return false;
  const { stringify } = require('yaml') as typeof import('yaml');
  if (stringify(value, { lineWidth: 0 }).trimEnd() !== value) return false;
  const candidate = parseYaml(text.slice(0, start) + value + text.slice(end));
  if (candidate.problems.some((problem) => problem.kind === 'syntax')) return false;
  const stack: AstNode[] = candidate.root ? [candidate.root] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.range.end < start || node.range.start > start + value.length) continue;
    if (node.kind === 'string' && node.range.start === start) return node.value === value && node.range.end === start + value.length;
    if (node.kind === 'object') for (const property of node.properties) if (property.value) stack.push(property.value);
    if (node.kind === 'array') stack.push(...node.items);
  }
  return false;
}

export interface AppliedFixes {
  readonly output: string;
  /** Fixes applied; a fix overlapping an earlier one waits for the next pass. */
  readonly applied: number;
}

/** Applies whole fixes (all of a fix's edits or none) in document order, skipping overlaps, as ESLint does. */
export function applyFixes(text: string, fixes: readonly Fix[]): AppliedFixes {
  const ordered = fixes
    .filter((fix) => fix.edits.length > 0)
    .map((fix) => ({ fix, edits: [...fix.edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end) }))
    .sort((a, b) => a.edits[0].range.start - b.edits[0].range.start);
  const chosen: TextEdit[] = [];
  let cursor = 0;
  let applied = 0;
  for (const { edits } of ordered) {
    let end = cursor;
    let overlaps = false;
    for (const edit of edits) {
      if (edit.range.start < end || edit.range.end > text.length) overlaps = true;
      end = Math.max(end, edit.range.end);
    }
    if (overlaps) continue;
    chosen.push(...edits);
    cursor = end;
    applied++;
  }
  let output = '';
  let position = 0;
  for (const edit of chosen) {
    output += text.slice(position, edit.range.start) + edit.text;
    position = edit.range.end;
  }
  return { output: output + text.slice(position), applied };
}

/** True when the text parsed well enough that rules ran: only such text is ever fixed or written. */
export function parsedCleanly(result: LintResult): boolean {
  return result.document.root !== undefined && !result.document.problems.some((problem) => problem.kind === 'syntax' || problem.kind === 'too-deep' || problem.kind === 'too-large');
}

export interface FixOutcome {
  readonly output: string;
  /** The lint result of `output`. */
  readonly result: LintResult;
  readonly fixCount: number;
  readonly passes: number;
}

/** Applies safe fixes of unsuppressed findings until the text is stable. `lint` lints a text of the same file. */
export function fixUntilStable(text: string, lint: (text: string) => LintResult, maxPasses = MAX_FIX_PASSES): FixOutcome {
  let current = text;
  let result = lint(current);
  let fixCount = 0;
  let passes = 0;
  while (passes < maxPasses && parsedCleanly(result)) {
    const fixes = result.diagnostics.flatMap((diagnostic) => (diagnostic.fix && !diagnostic.suppressed ? [diagnostic.fix] : []));
    if (fixes.length === 0) break;
    const { output, applied } = applyFixes(current, fixes);
    if (output === current) break;
    const next = lint(output);
    // A fix that breaks parsing is a bug in its rule: keep the last good text rather than write it.
    if (!parsedCleanly(next)) break;
    current = output;
    result = next;
    fixCount += applied;
    passes++;
  }
  return { output: current, result, fixCount, passes };
}
