/**
 * Where the cursor is, in document terms: the path of the property being typed and whether the cursor is on its key
 * or its value. Works on half-written text, which is what an editor asks about: JSON through jsonc-parser's tolerant
 * scanner, YAML through the indentation of the lines above (block style; flow style is read as JSON-like text).
 */
import { getLocation } from 'jsonc-parser';
import type { SourceLanguage } from '@asl-lint/core';

export type PathSegment = string | number;

export interface CursorLocation {
  /** From the document root. On a key, the last segment is the key as typed so far (possibly empty). */
  readonly path: PathSegment[];
  readonly atKey: boolean;
  /** The token a completion replaces, as offsets. */
  readonly replace: { readonly start: number; readonly end: number };
  /** What is typed of the token before the cursor, without quotes. */
  readonly prefix: string;
}

export function cursorLocation(text: string, offset: number, language: SourceLanguage): CursorLocation | undefined {
  return language === 'yaml' ? yamlLocation(text, offset) : jsonLocation(text, offset);
}

function jsonLocation(text: string, offset: number): CursorLocation | undefined {
  const location = getLocation(text, offset);
  const path = [...location.path];
  const node = location.previousNode;
  let replace = { start: offset, end: offset };
  let prefix = '';
  if (node && node.offset <= offset && offset <= node.offset + node.length && node.type !== 'object' && node.type !== 'array') {
    replace = { start: node.offset, end: node.offset + node.length };
    const raw = text.slice(node.offset, offset);
    prefix = raw.startsWith('"') ? raw.slice(1) : raw;
  }
  return { path, atKey: location.isAtPropertyKey, replace, prefix };
}

interface LineShape {
  /** Columns of the `- ` sequence indicators, outermost first. */
  readonly dashes: number[];
  /** Column where the content after indentation and dashes starts. */
  readonly contentColumn: number;
  /** The mapping key the content starts with, unquoted. */
  readonly key?: string;
  /** Offset in the line where the key's value starts (after `: `). */
  readonly valueColumn?: number;
  readonly blank: boolean;
}

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{[\]}][^#]*?)[ \t]*:(?=[ \t]|$)/;

function shapeOf(line: string): LineShape {
  let column = 0;
  while (line[column] === ' ') column++;
  const dashes: number[] = [];
  while (line[column] === '-' && (line[column + 1] === ' ' || column + 1 === line.length)) {
    dashes.push(column);
    column += 1;
    while (line[column] === ' ') column++;
  }
  const content = line.slice(column);
  const blank = content.trim() === '' || content.startsWith('#') || (column === 0 && /^(---|\.\.\.)\s*$/.test(content));
  const match = blank ? null : KEY.exec(content);
  if (!match) return { dashes, contentColumn: column, blank };
  let valueColumn = column + match[0].length;
  while (line[valueColumn] === ' ' || line[valueColumn] === '\t') valueColumn++;
  return { dashes, contentColumn: column, key: unquote(match[1]), valueColumn, blank };
}

function unquote(key: string): string {
  if (key.startsWith('"')) {
    try {
      return JSON.parse(key) as string;
    } catch {
      return key.slice(1, -1);
    }
  }
  if (key.startsWith("'")) return key.slice(1, -1).replace(/''/g, "'");
  return key.trimEnd();
}

function yamlLocation(text: string, offset: number): CursorLocation | undefined {
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  let lineEnd = text.slice(offset).search(/[\r\n]/);
  lineEnd = lineEnd < 0 ? text.length : offset + lineEnd;
  const line = text.slice(lineStart, lineEnd);
  const column = offset - lineStart;
  const shape = shapeOf(line.slice(0, column) + line.slice(column).replace(/#.*$/, ''));
  const dashesBefore = shape.dashes.filter((dash) => dash < column);

  if (shape.key !== undefined && shape.valueColumn !== undefined && column >= shape.valueColumn) {
    // On a value: `Next: Fo|`. The whole value up to a comment is replaced.
    const valueText = line.slice(shape.valueColumn).replace(/\s+#.*$/, '').trimEnd();
    const typed = line.slice(shape.valueColumn, column);
    const container = containerPath(text, lineStart, shape.contentColumn, dashesBefore);
    if (!container) return undefined;
    return {
      path: [...container, shape.key],
      atKey: false,
      replace: { start: lineStart + shape.valueColumn, end: lineStart + Math.max(shape.valueColumn + valueText.length, column) },
      prefix: typed.replace(/^["']/, ''),
    };
  }
  if (shape.key !== undefined && shape.valueColumn !== undefined && column > shape.contentColumn) {
    // Between the key and its value (`Ne|xt: A`): completing the key.
    const keyEnd = line.indexOf(':', shape.contentColumn);
    const container = containerPath(text, lineStart, shape.contentColumn, dashesBefore);
    if (!container || column > keyEnd) return undefined;
    return { path: [...container, shape.key], atKey: true, replace: { start: lineStart + shape.contentColumn, end: lineStart + keyEnd }, prefix: line.slice(shape.contentColumn, column) };
  }
  // A key being typed (`  Clu|`) or an empty line: the mapping is the one whose keys start at this column.
  const contentColumn = shape.blank && line.trim() === '' ? column : shape.contentColumn;
  const typed = line.slice(contentColumn, column);
  if (/[:#{}[\],]/.test(typed)) return undefined;
  const container = containerPath(text, lineStart, contentColumn, dashesBefore);
  if (!container) return undefined;
  const tokenEnd = column + (/^[^\s:#]*/.exec(line.slice(column))?.[0].length ?? 0);
  return { path: [...container, typed], atKey: true, replace: { start: lineStart + contentColumn, end: lineStart + tokenEnd }, prefix: typed };
}

type Seeking = { kind: 'map'; column: number } | { kind: 'seq'; column: number; count: number };

/**
 * The path of the mapping whose keys start at `column` on the line at `lineStart`, found by walking up the lines:
 * a key at a smaller column owns it, a `- ` owns it as a sequence item (its index counted from the items above).
 * Linear in the lines above the cursor.
 */
function containerPath(text: string, lineStart: number, column: number, dashes: readonly number[]): PathSegment[] | undefined {
  const reversed: PathSegment[] = [];
  let seeking: Seeking = enterLine(dashes, reversed) ?? { kind: 'map', column };
  let end = lineStart;
  while (end > 0) {
    let start = end - 1;
    if (text[start] === '\n' && text[start - 1] === '\r') start--;
    const lineEndOffset = start;
    while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
    const shape = shapeOf(text.slice(start, lineEndOffset));
    end = start;
    if (shape.blank) continue;
    const first = shape.dashes.length > 0 ? shape.dashes[0] : shape.contentColumn;
    if (seeking.kind === 'map') {
      if (shape.contentColumn === seeking.column && shape.dashes.length > 0) {
        // A sibling key on the line that opened this mapping as a sequence item.
        seeking = enterLine(shape.dashes, reversed)!;
      } else if (first < seeking.column && shape.key !== undefined && shape.contentColumn < seeking.column) {
        reversed.push(shape.key);
        seeking = enterLine(shape.dashes, reversed) ?? { kind: 'map', column: shape.contentColumn };
      } else if (first < seeking.column) {
        return undefined;
      }
    } else {
      const dashIndex = shape.dashes.indexOf(seeking.column);
      if (dashIndex >= 0) {
        if (dashIndex === 0) {
          seeking = { ...seeking, count: seeking.count + 1 };
        } else {
          // `- - x`: the sequence starts on this line, as the item of an outer one.
          reversed.push(seeking.count + 1);
          seeking = enterLine(shape.dashes.slice(0, dashIndex), reversed)!;
        }
      } else if (first < seeking.column || (first === seeking.column && shape.dashes.length === 0)) {
        if (shape.key === undefined) return undefined;
        reversed.push(seeking.count, shape.key);
        seeking = enterLine(shape.dashes, reversed) ?? { kind: 'map', column: shape.contentColumn };
      }
    }
  }
  if (seeking.kind === 'seq') reversed.push(seeking.count);
  return reversed.reverse();
}

/** A line that starts with `- ` sequence indicators: inner sequences start here (index 0); the outermost is sought upward. */
function enterLine(dashes: readonly number[], reversed: PathSegment[]): Seeking | undefined {
  if (dashes.length === 0) return undefined;
  for (let i = dashes.length - 1; i > 0; i--) reversed.push(0);
  return { kind: 'seq', column: dashes[0], count: 0 };
}
