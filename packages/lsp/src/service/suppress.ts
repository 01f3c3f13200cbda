import { getProperty, type ObjectNode, type State } from '@asl-lint/core';
import type { Analysis } from './analysis.js';
import { nodeAt } from './node-at.js';
import { stateContext } from './state-context.js';

/** A `Comment` field directive, as core's suppressions read it: ids and reason follow `asl-lint-disable`. */
const FIELD_DIRECTIVE = /(?:^|\s)asl-lint-disable(?=\s|$)(.*)$/s;

/** The reason left in a new suppression; the user replaces it with theirs. */
export const REASON_PLACEHOLDER = 'reason';

export interface OffsetEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface Suppressing {
  readonly title: string;
  readonly edit: OffsetEdit;
}

/**
 * The innermost state at `offset`, its name included (an unreachable state is reported on its name), as core's
 * `Comment` directives count it. Found by descending the document to the offset: no scan over every state.
 */
export function stateAt(analysis: Analysis, offset: number): State | undefined {
  const at = nodeAt(analysis.result.document.root, offset);
  return at ? stateContext(at.path, analysis)?.state : undefined;
}

/**
 * How to silence `ruleId` at `offset`: in YAML a `# asl-lint-disable-next-line` comment above the finding's line;
 * in both languages the enclosing state's `Comment` field (`asl-lint-disable <id> -- reason`), which keeps the file
 * valid ASL and covers the whole state.
 */
export function suppressionsFor(analysis: Analysis, ruleId: string, offset: number): Suppressing[] {
  const { text } = analysis;
  const yaml = analysis.result.language === 'yaml';
  const found: Suppressing[] = [];
  if (yaml) {
    const line = analysis.lines.positionAt(offset).line;
    const lineStart = analysis.lines.lineStart(line);
    const indent = /^[ \t]*(?:- )*/.exec(text.slice(lineStart, lineStart + 200))?.[0] ?? '';
    const comment = `${indent.replace(/-/g, ' ')}# asl-lint-disable-next-line ${ruleId} -- ${REASON_PLACEHOLDER}${lineBreakOf(text)}`;
    found.push({ title: `Disable ${ruleId} for this line`, edit: { start: lineStart, end: lineStart, text: comment } });
  }
  const state = stateAt(analysis, offset);
  if (state?.node.kind === 'object') {
    const edit = commentDirectiveEdit(text, state.node, ruleId, yaml);
    if (edit) found.push({ title: `Disable ${ruleId} for state "${state.name}"`, edit });
  }
  return found;
}

function commentDirectiveEdit(text: string, node: ObjectNode, ruleId: string, yaml: boolean): OffsetEdit | undefined {
  const directive = `asl-lint-disable ${ruleId} -- ${REASON_PLACEHOLDER}`;
  const existing = getProperty(node, 'Comment');
  if (existing) {
    if (existing.value?.kind !== 'string') return undefined;
    const value = existing.value.value.trim();
    const present = FIELD_DIRECTIVE.exec(value);
    let combined: string;
    if (present) {
      // One directive per Comment: add the id to its list (`asl-lint-disable a, b -- reason`).
      const bodyStart = present.index + present[0].length - present[1].length;
      const separator = value.indexOf('--', bodyStart);
      const idsEnd = separator >= 0 ? separator : value.length;
      const ids = value.slice(bodyStart, idsEnd).trim();
      if (ids === '' || ids.split(/[\s,]+/).includes(ruleId)) return undefined;
      combined = `${value.slice(0, bodyStart)} ${ids}, ${ruleId}${separator >= 0 ? ` ${value.slice(separator)}` : ` -- ${REASON_PLACEHOLDER}`}`;
    } else {
      combined = value === '' ? directive : `${value} ${directive}`;
    }
    return { start: existing.value.range.start, end: existing.value.range.end, text: JSON.stringify(combined) };
  }
  const first = node.properties[0];
  if (yaml) {
    // A block mapping: a new first line, indented like the first key. Flow mappings (`{ … }`) are left alone.
    if (!first) return undefined;
    const lineStart = Math.max(text.lastIndexOf('\n', first.keyRange.start - 1), text.lastIndexOf('\r', first.keyRange.start - 1)) + 1;
    const indent = text.slice(lineStart, first.keyRange.start);
    if (!/^[ ]*$/.test(indent)) return undefined;
    return { start: lineStart, end: lineStart, text: `${indent}Comment: ${JSON.stringify(directive)}${lineBreakOf(text)}` };
  }
  const property = `"Comment": ${JSON.stringify(directive)}`;
  if (!first) return { start: node.range.start + 1, end: node.range.start + 1, text: property };
  // Repeat the whitespace that precedes the first key, so the new line is indented like its siblings.
  const gap = text.slice(node.range.start + 1, first.keyRange.start);
  return { start: first.keyRange.start, end: first.keyRange.start, text: `${property},${gap.includes('\n') || gap.includes('\r') ? gap.slice(gap.search(/[\r\n]/)) : ' '}` };
}

function lineBreakOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}
