import type { Range } from '../ast.js';
import { coarse, MappedTextBuilder, verbatim, type MappedText } from './mapped-text.js';

/**
 * Decoders for the string syntaxes a definition can hide in: JSON and JavaScript string literals,
 * YAML scalars of every style. Each returns the decoded value with the host range of every character.
 * When a decoder's result differs from the value the parser produced, the coarse mapping (every
 * character on the whole literal) is used: positions get vaguer, never wrong.
 */

const JSON_ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const JS_ESCAPES: Readonly<Record<string, string>> = { ...JSON_ESCAPES, "'": "'", '`': '`', v: '\v', '0': '\0' };

/** A JSON string literal, `range` including its quotes. */
export function decodeJsonString(host: string, range: Range, expected: string): MappedText {
  return checked(decodeEscaped(host, range.start + 1, range.end - 1, JSON_ESCAPES), expected, range);
}

/** A JavaScript/TypeScript string literal (`'…'`, `"…"`) or a template literal without expressions. */
export function decodeJsString(host: string, range: Range, expected: string): MappedText {
  return checked(decodeEscaped(host, range.start + 1, range.end - 1, JS_ESCAPES), expected, range);
}

/** The raw text of one template-literal chunk (between `` ` ``/`}` and `${`/`` ` ``). */
export function decodeTemplateChunk(host: string, start: number, end: number): MappedText {
  return decodeEscaped(host, start, end, JS_ESCAPES);
}

function decodeEscaped(host: string, start: number, end: number, escapes: Readonly<Record<string, string>>): MappedText {
  const builder = new MappedTextBuilder(start);
  let i = start;
  while (i < end) {
    const c = host[i];
    if (c !== '\\' || i + 1 >= end) {
      // A run up to the next escape; surrogate pairs stay two UTF-16 units on both sides.
      let next = host.indexOf('\\', i + 1);
      if (next < 0 || next > end) next = end;
      builder.pushVerbatim(host.slice(i, next), i);
      i = next;
      continue;
    }
    const next = host[i + 1];
    if (next === 'u' && host[i + 2] === '{') {
      const close = host.indexOf('}', i + 3);
      const code = close > 0 && close < end ? Number.parseInt(host.slice(i + 3, close), 16) : Number.NaN;
      if (Number.isFinite(code) && code <= 0x10ffff) {
        builder.push(String.fromCodePoint(code), i, close + 1);
        i = close + 1;
        continue;
      }
    }
    if (next === 'u' || next === 'x') {
      const width = next === 'u' ? 4 : 2;
      const hex = host.slice(i + 2, i + 2 + width);
      if (hex.length === width && /^[0-9a-fA-F]+$/.test(hex)) {
        builder.push(String.fromCharCode(Number.parseInt(hex, 16)), i, i + 2 + width);
        i += 2 + width;
        continue;
      }
    }
    if (next === '\r' || next === '\n') {
      // A JavaScript line continuation: nothing decoded.
      i += next === '\r' && host[i + 2] === '\n' ? 3 : 2;
      continue;
    }
    const decoded = escapes[next];
    builder.push(decoded ?? next, i, i + 2);
    i += 2;
  }
  return builder.build(end);
}

function checked(mapped: MappedText, expected: string, range: Range): MappedText {
  return mapped.text === expected ? mapped : coarse(expected, range);
}

const YAML_ESCAPES: Readonly<Record<string, string>> = {
  ...JSON_ESCAPES, '0': '\0', a: '\x07', v: '\v', e: '\x1b', ' ': ' ', '\t': '\t', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};

/** A YAML scalar of any style; `range` is the scalar's own range (from the quote or `|`/`>` indicator). */
export function decodeYamlScalar(host: string, range: Range, expected: string): MappedText {
  const first = host[range.start];
  let mapped: MappedText | undefined;
  if (first === '|' || first === '>') mapped = decodeBlockScalar(host, range, first === '>');
  else if (first === '"') mapped = decodeFlowScalar(host, range.start + 1, quotedEnd(host, range, '"'), 'double');
  else if (first === "'") mapped = decodeFlowScalar(host, range.start + 1, quotedEnd(host, range, "'"), 'single');
  else mapped = decodeFlowScalar(host, range.start, range.end, 'plain');
  if (mapped.text === expected) return mapped;
  // A one-line plain scalar is its own text.
  if (host.slice(range.start, range.end) === expected) return verbatim(expected, range.start);
  return coarse(expected, range);
}

function quotedEnd(host: string, range: Range, quote: string): number {
  let end = range.end;
  while (end > range.start + 1 && host[end - 1] !== quote) end--;
  return end - 1;
}

function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

function isBreak(c: string | undefined): boolean {
  return c === '\n' || c === '\r';
}

/** Plain and quoted scalars: escapes (double), `''` (single), and line folding. */
function decodeFlowScalar(host: string, start: number, end: number, style: 'plain' | 'double' | 'single'): MappedText {
  const builder = new MappedTextBuilder(start);
  let pendingBlanks: { chars: string; start: number }[] = [];
  const flushBlanks = (): void => {
    for (const blank of pendingBlanks) builder.pushVerbatim(blank.chars, blank.start);
    pendingBlanks = [];
  };
  let i = start;
  while (i < end) {
    const c = host[i];
    if (isBreak(c)) {
      // Trailing blanks of a line are dropped; the break folds to a space, or to one newline per empty line.
      pendingBlanks = [];
      const breakStart = i;
      let emptyLines = 0;
      i = skipBreak(host, i);
      for (;;) {
        let j = i;
        while (j < end && isBlank(host[j])) j++;
        if (j < end && isBreak(host[j])) {
          emptyLines++;
          i = skipBreak(host, j);
        } else {
          i = j;
          break;
        }
      }
      if (emptyLines === 0) builder.push(' ', breakStart, i);
      else builder.push('\n'.repeat(emptyLines), breakStart, i);
      continue;
    }
    if (isBlank(c)) {
      pendingBlanks.push({ chars: c, start: i });
      i++;
      continue;
    }
    flushBlanks();
    if (style === 'single' && c === "'" && host[i + 1] === "'") {
      builder.push("'", i, i + 2);
      i += 2;
    } else if (style === 'double' && c === '\\' && i + 1 < end) {
      const next = host[i + 1];
      if (isBreak(next)) {
        // An escaped line break joins the lines without a space.
        i = skipBreak(host, i + 1);
        while (i < end && isBlank(host[i])) i++;
      } else if (next === 'x' || next === 'u' || next === 'U') {
        const width = next === 'x' ? 2 : next === 'u' ? 4 : 8;
        const code = Number.parseInt(host.slice(i + 2, i + 2 + width), 16);
        builder.push(Number.isFinite(code) ? String.fromCodePoint(code) : '', i, i + 2 + width);
        i += 2 + width;
      } else {
        builder.push(YAML_ESCAPES[next] ?? next, i, i + 2);
        i += 2;
      }
    } else {
      builder.pushVerbatim(c, i);
      i++;
    }
  }
  if (style !== 'plain') flushBlanks();
  return builder.build(end);
}

function skipBreak(host: string, i: number): number {
  return host[i] === '\r' && host[i + 1] === '\n' ? i + 2 : i + 1;
}

interface Line {
  readonly start: number;
  /** End of the line's content, before its break. */
  readonly end: number;
  /** After the line break (or `end` for the last line without one). */
  readonly next: number;
}

/** `|` and `>` block scalars with chomping (`-`, `+`) and explicit indentation indicators. */
function decodeBlockScalar(host: string, range: Range, folded: boolean): MappedText {
  let i = range.start + 1;
  let chomp: 'clip' | 'strip' | 'keep' = 'clip';
  let explicitIndent = 0;
  while (i < range.end && !isBreak(host[i])) {
    const c = host[i];
    if (c === '-') chomp = 'strip';
    else if (c === '+') chomp = 'keep';
    else if (c >= '1' && c <= '9') explicitIndent = Number(c);
    else if (c === '#') break;
    i++;
  }
  while (i < range.end && !isBreak(host[i])) i++;
  i = skipBreak(host, i);
  const lines: Line[] = [];
  while (i < range.end) {
    let end = i;
    while (end < host.length && !isBreak(host[end])) end++;
    const next = end < host.length ? skipBreak(host, end) : end;
    lines.push({ start: i, end, next });
    i = next;
  }
  let indent = 0;
  if (explicitIndent) {
    // Relative to the parent's indentation, which is the indentation of the line holding the header.
    const lineStart = Math.max(host.lastIndexOf('\n', range.start), host.lastIndexOf('\r', range.start)) + 1;
    let parent = 0;
    while (host[lineStart + parent] === ' ') parent++;
    indent = parent + explicitIndent;
  } else {
    for (const line of lines) {
      let n = 0;
      while (line.start + n < line.end && host[line.start + n] === ' ') n++;
      if (line.start + n < line.end) {
        indent = n;
        break;
      }
    }
  }
  const builder = new MappedTextBuilder(range.start);
  // Break handling is deferred until the next content line shows whether it folds.
  let pending: { breakAt: Line; empties: number } | undefined;
  let lastMoreIndented = false;
  const trailing: Line[] = [];
  for (const line of lines) {
    const contentStart = Math.min(line.start + indent, line.end);
    if (!hasNonBlank(host, line.start, line.end)) {
      if (pending) pending.empties++;
      else builder.push('\n', line.start, line.next);
      trailing.push(line);
      continue;
    }
    const moreIndented = isBlank(host[contentStart]);
    if (pending) {
      const { breakAt, empties } = pending;
      if (folded && !moreIndented && !lastMoreIndented) {
        if (empties === 0) builder.push(' ', breakAt.end, breakAt.next);
        else builder.push('\n'.repeat(empties), breakAt.end, line.start);
      } else {
        builder.push('\n'.repeat(empties + 1), breakAt.end, line.start);
      }
    }
    builder.pushVerbatim(host.slice(contentStart, line.end), contentStart);
    lastMoreIndented = moreIndented;
    pending = { breakAt: line, empties: 0 };
    trailing.length = 0;
  }
  if (pending && chomp !== 'strip') {
    const { breakAt, empties } = pending;
    const hasBreak = breakAt.next > breakAt.end;
    if (hasBreak || chomp === 'keep') builder.push('\n', breakAt.end, breakAt.next);
    if (chomp === 'keep') for (let k = 0; k < empties; k++) builder.push('\n', trailing[k]?.start ?? breakAt.next, trailing[k]?.next ?? breakAt.next);
  }
  return builder.build(range.end);
}

function hasNonBlank(host: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isBlank(host[i])) return true;
  return false;
}
