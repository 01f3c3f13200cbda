import { createScanner, visit, printParseErrorCode, type ParseErrorCode } from 'jsonc-parser';
import { createRequire } from 'node:module';
import type { Document, Node as YamlNode } from 'yaml';
import type { ArrayNode, AstNode, ObjectNode, PropertyNode, Range } from './ast.js';

/** `javascript` (TypeScript or JavaScript, for AWS CDK code) is not parsed here: the CDK extractor reads the text. */
export type SourceLanguage = 'json' | 'yaml' | 'javascript';

export type ParseProblemKind = 'syntax' | 'duplicate-key' | 'comment' | 'trailing-comma' | 'too-deep' | 'too-large' | 'yaml11-boolean';

/** Plain scalars that YAML 1.2 reads as strings but YAML 1.1 (PyYAML, CloudFormation) reads as booleans. */
const YAML11_BOOLEAN = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;

export interface ParseProblem {
  readonly kind: ParseProblemKind;
  readonly message: string;
  readonly range: Range;
}

export interface Comment {
  readonly range: Range;
  /** The comment text without its `//`, `/*` or `#` markers. */
  readonly text: string;
}

export interface ParsedDocument {
  readonly language: SourceLanguage;
  readonly root: AstNode | undefined;
  readonly problems: ParseProblem[];
  readonly comments: Comment[];
}

/** Beyond this depth a document is reported, not walked: no rule has to guard its own recursion. */
export const MAX_DEPTH = 512;
/** Nodes an aliased YAML document may expand to; stops "billion laughs". */
export const MAX_YAML_NODES = 500_000;

class TooDeep extends Error {
  constructor(readonly offset: number) {
    super('too deep');
  }
}

/** A BOM becomes a space: same length, so every offset still indexes the original text. */
function maskBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
}

export function languageOf(filePath: string, text?: string): SourceLanguage {
  if (/\.ya?ml$/i.test(filePath)) return 'yaml';
  if (/\.(json|jsonc|json5)$/i.test(filePath)) return 'json';
  if (/\.[cm]?[jt]sx?$/i.test(filePath)) return 'javascript';
  const first = text?.trimStart().charAt(text.charCodeAt(0) === 0xfeff ? 1 : 0);
  return first === '{' || first === '[' ? 'json' : 'yaml';
}

export function parseText(text: string, language: SourceLanguage): ParsedDocument {
  if (language === 'javascript') return { language, root: undefined, problems: [], comments: [] };
  const conflicts = conflictMarkers(text);
  if (conflicts.length > 0) return { language, root: undefined, problems: conflicts, comments: [] };
  return language === 'yaml' ? parseYaml(text) : parseJson(text);
}

const CONFLICT_MARKER = /^(<{7}|={7}|>{7})(?=[ \t]|\r?$)/gm;

/** Git merge-conflict markers: one clear message each, instead of the parser's confusion after them. */
function conflictMarkers(text: string): ParseProblem[] {
  if (!text.includes('<<<<<<<')) return [];
  const problems: ParseProblem[] = [];
  for (const match of text.matchAll(CONFLICT_MARKER)) {
    const start = match.index ?? 0;
    problems.push({ kind: 'syntax', message: `Merge conflict marker "${match[1]}": resolve the conflict before linting`, range: { start, end: start + 7 } });
  }
  return problems;
}

export function parseJson(source: string): ParsedDocument {
  return parsePlainJson(source) ?? parseJsonWithRecovery(source);
}

function duplicateKey(key: string, keyRange: Range): ParseProblem {
  return { kind: 'duplicate-key', message: `Duplicate key "${key}": the later value silently replaces the earlier one`, range: keyRange };
}

// jsonc-parser's SyntaxKind and ScanError values (its const enums do not survive esbuild's per-file transpiling).
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const COMMA = 5;
const COLON = 6;
const NULL_KEYWORD = 7;
const TRUE_KEYWORD = 8;
const FALSE_KEYWORD = 9;
const STRING_LITERAL = 10;
const NUMERIC_LITERAL = 11;
const EOF = 17;
const SCAN_ERROR_NONE = 0;

/** Up to this many keys an object checks duplicates by a linear scan; beyond, by a Set (a `States` object of 60,000). */
const LINEAR_KEY_CHECK = 12;

/** Thrown by the fast path at the first thing that is not plain JSON; one instance, so abandoning costs nothing. */
const NOT_PLAIN_JSON = new Error('not plain JSON');

/** A value inside a document, parsed on its own (incremental re-parse): its offsets, parent and nesting depth. */
export interface PlainJsonRegion {
  readonly start: number;
  readonly end: number;
  readonly parent: ObjectNode | ArrayNode | undefined;
  /** The depth of `parent` (the root object is at depth 1). */
  readonly depth: number;
}

/**
 * @internal The fast path of `parseJson`: a syntactically valid JSON document, read straight from jsonc-parser's
 * scanner. Anything unusual (a scan error, an unexpected token, a comment, a trailing comma, nesting beyond
 * MAX_DEPTH) returns undefined, and the recovering parser reads the whole text, so its problems and positions stay
 * the only ones. The result is identical to `parseJsonWithRecovery`'s (test/parse-json-fast-path.test.ts): same
 * node shapes, same property insertion order, same ranges, same duplicate-key problems.
 */
export function parsePlainJson(source: string, region?: PlainJsonRegion): ParsedDocument | undefined {
  const text = region ? source : maskBom(source);
  const scanner = createScanner(text, false);
  if (region) scanner.setPosition(region.start);
  const problems: ParseProblem[] = [];

  // Blanks are skipped here: the scanner would build a string of each run of them as a trivia token.
  const next = (): number => {
    let position = scanner.getPosition();
    let c = text.charCodeAt(position);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
      do c = text.charCodeAt(++position);
      while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09);
      scanner.setPosition(position);
    }
    const token = scanner.scan();
    if (scanner.getTokenError() !== SCAN_ERROR_NONE) throw NOT_PLAIN_JSON;
    return token;
  };

  const tokenRange = (): Range => ({ start: scanner.getTokenOffset(), end: scanner.getPosition() });

  const value = (token: number, parent: ObjectNode | ArrayNode | undefined, depth: number): AstNode => {
    switch (token) {
      case OPEN_BRACE:
        return object(parent, depth + 1);
      case OPEN_BRACKET:
        return array(parent, depth + 1);
      case STRING_LITERAL:
        return { kind: 'string', value: scanner.getTokenValue(), range: tokenRange(), parent };
      case NUMERIC_LITERAL: {
        const number = Number(scanner.getTokenValue());
        // A number token the scanner accepts always converts; should one not, the recovering parser reports it.
        if (Number.isNaN(number)) throw NOT_PLAIN_JSON;
        return { kind: 'number', value: number, range: tokenRange(), parent };
      }
      case TRUE_KEYWORD:
      case FALSE_KEYWORD:
        return { kind: 'boolean', value: token === TRUE_KEYWORD, range: tokenRange(), parent };
      case NULL_KEYWORD:
        return { kind: 'null', value: null, range: tokenRange(), parent };
      default:
        throw NOT_PLAIN_JSON;
    }
  };

  const object = (parent: ObjectNode | ArrayNode | undefined, depth: number): ObjectNode => {
    if (depth > MAX_DEPTH) throw NOT_PLAIN_JSON;
    const start = scanner.getTokenOffset();
    const range = { start, end: start + 1 };
    const properties: PropertyNode[] = [];
    const node: ObjectNode = { kind: 'object', properties, range, parent };
    let token = next();
    if (token === CLOSE_BRACE) {
      range.end = scanner.getPosition();
      return node;
    }
    let seen: Set<string> | undefined;
    for (;;) {
      if (token !== STRING_LITERAL) throw NOT_PLAIN_JSON;
      const key = scanner.getTokenValue();
      const keyRange = tokenRange();
      if (seen === undefined) {
        const count = properties.length;
        for (let i = 0; i < count; i++) {
          if (properties[i].key === key) {
            problems.push(duplicateKey(key, keyRange));
            break;
          }
        }
        if (count === LINEAR_KEY_CHECK) {
          seen = new Set();
          for (let i = 0; i < count; i++) seen.add(properties[i].key);
          seen.add(key);
        }
      } else {
        if (seen.has(key)) problems.push(duplicateKey(key, keyRange));
        else seen.add(key);
      }
      if (next() !== COLON) throw NOT_PLAIN_JSON;
      properties.push({ key, keyRange, value: value(next(), node, depth) });
      token = next();
      if (token === COMMA) token = next();
      else if (token === CLOSE_BRACE) break;
      else throw NOT_PLAIN_JSON;
    }
    range.end = scanner.getPosition();
    return node;
  };

  const array = (parent: ObjectNode | ArrayNode | undefined, depth: number): ArrayNode => {
    if (depth > MAX_DEPTH) throw NOT_PLAIN_JSON;
    const start = scanner.getTokenOffset();
    const range = { start, end: start + 1 };
    const items: AstNode[] = [];
    const node: ArrayNode = { kind: 'array', items, range, parent };
    let token = next();
    if (token === CLOSE_BRACKET) {
      range.end = scanner.getPosition();
      return node;
    }
    for (;;) {
      items.push(value(token, node, depth));
      token = next();
      if (token === COMMA) token = next();
      else if (token === CLOSE_BRACKET) break;
      else throw NOT_PLAIN_JSON;
    }
    range.end = scanner.getPosition();
    return node;
  };

  try {
    if (region) {
      // One value, exactly filling the region, at the depth of its place in the document.
      const node = value(next(), region.parent, region.depth);
      if (scanner.getPosition() !== region.end) return undefined;
      return { language: 'json', root: node, problems, comments: [] };
    }
    const root = value(next(), undefined, 0);
    if (next() !== EOF) return undefined;
    // The recovering parser gives the root no parent property at all; deleting the last-added one keeps its shape fast.
    delete root.parent;
    return { language: 'json', root, problems, comments: [] };
  } catch (error) {
    if (error === NOT_PLAIN_JSON || error instanceof RangeError) return undefined;
    throw error;
  }
}

/**
 * @internal The recovering parser, built on jsonc-parser's `visit`: every document the fast path declines comes
 * here, and the differential test compares the two. Use `parseJson`.
 */
export function parseJsonWithRecovery(source: string): ParsedDocument {
  const text = maskBom(source);
  const problems: ParseProblem[] = [];
  const comments: Comment[] = [];
  const containers: (ObjectNode | ArrayNode)[] = [];
  const keysSeen: Set<string>[] = [];
  let pendingProperty: PropertyNode | undefined;
  let root: AstNode | undefined;
  let lastSeparator = -1;
  let tokenAfterSeparator = false;

  const attach = (node: AstNode): void => {
    const parent = containers[containers.length - 1];
    if (!parent) {
      root ??= node;
      return;
    }
    node.parent = parent;
    if (parent.kind === 'array') parent.items.push(node);
    else if (pendingProperty) {
      pendingProperty.value = node;
      pendingProperty = undefined;
    }
  };
  const open = (node: ObjectNode | ArrayNode, offset: number): void => {
    attach(node);
    containers.push(node);
    if (node.kind === 'object') keysSeen.push(new Set());
    if (containers.length > MAX_DEPTH) throw new TooDeep(offset);
  };
  const close = (offset: number, length: number): void => {
    if (lastSeparator >= 0 && !tokenAfterSeparator) {
      problems.push({ kind: 'trailing-comma', message: 'Trailing commas are not allowed in JSON', range: { start: lastSeparator, end: lastSeparator + 1 } });
    }
    lastSeparator = -1;
    const node = containers.pop();
    if (!node) return;
    if (node.kind === 'object') keysSeen.pop();
    (node as { range: Range }).range = { start: node.range.start, end: offset + length };
    pendingProperty = undefined;
  };
  const token = (): void => {
    tokenAfterSeparator = true;
  };

  try {
    visit(
      text,
      {
        onObjectBegin: (offset) => {
          token();
          lastSeparator = -1;
          open({ kind: 'object', properties: [], range: { start: offset, end: offset + 1 } }, offset);
        },
        onObjectProperty: (key, offset, length) => {
          token();
          const object = containers[containers.length - 1];
          if (object?.kind !== 'object') return;
          const keyRange = { start: offset, end: offset + length };
          const seen = keysSeen[keysSeen.length - 1];
          if (seen.has(key)) problems.push(duplicateKey(key, keyRange));
          seen.add(key);
          pendingProperty = { key, keyRange, value: undefined };
          object.properties.push(pendingProperty);
        },
        onObjectEnd: (offset, length) => close(offset, length),
        onArrayBegin: (offset) => {
          token();
          lastSeparator = -1;
          open({ kind: 'array', items: [], range: { start: offset, end: offset + 1 } }, offset);
        },
        onArrayEnd: (offset, length) => close(offset, length),
        onLiteralValue: (value: unknown, offset, length) => {
          token();
          const range = { start: offset, end: offset + length };
          if (typeof value === 'string') attach({ kind: 'string', value, range });
          else if (typeof value === 'number') attach({ kind: 'number', value, range });
          else if (typeof value === 'boolean') attach({ kind: 'boolean', value, range });
          else attach({ kind: 'null', value: null, range });
        },
        onSeparator: (character, offset) => {
          if (character === ',') {
            lastSeparator = offset;
            tokenAfterSeparator = false;
          }
        },
        onComment: (offset, length) => {
          const raw = text.slice(offset, offset + length);
          const body = raw.startsWith('//') ? raw.slice(2) : raw.slice(2, raw.endsWith('*/') ? -2 : undefined);
          comments.push({ range: { start: offset, end: offset + length }, text: body.trim() });
        },
        onError: (error: ParseErrorCode, offset, length) => {
          problems.push({ kind: 'syntax', message: describeJsonError(printParseErrorCode(error)), range: { start: offset, end: offset + Math.max(length, 0) } });
        },
      },
      { disallowComments: false, allowTrailingComma: true, allowEmptyContent: false },
    );
  } catch (error) {
    if (error instanceof TooDeep || error instanceof RangeError) {
      const offset = error instanceof TooDeep ? error.offset : 0;
      problems.push({ kind: 'too-deep', message: `Nesting deeper than ${MAX_DEPTH} levels: asl-lint does not analyse this document`, range: { start: offset, end: offset + 1 } });
      return { language: 'json', root: undefined, problems, comments };
    }
    throw error;
  }
  // Unterminated containers: extend them to the end of the text.
  for (const node of containers) (node as { range: Range }).range = { start: node.range.start, end: text.length };
  for (const comment of comments) {
    problems.push({ kind: 'comment', message: 'Comments are not allowed in JSON: Step Functions rejects this definition', range: comment.range });
  }
  problems.sort((a, b) => a.range.start - b.range.start);
  // The scanner reports "expected }" one past the end of a truncated text: keep every range inside it.
  const clamped = problems.map((p) => (p.range.end > text.length ? { ...p, range: { start: Math.min(p.range.start, text.length), end: text.length } } : p));
  return { language: 'json', root, problems: clamped, comments };
}

function describeJsonError(code: string): string {
  switch (code) {
    case 'InvalidSymbol': return 'Invalid symbol';
    case 'InvalidNumberFormat': return 'Invalid number';
    case 'PropertyNameExpected': return 'Property name expected';
    case 'ValueExpected': return 'Value expected';
    case 'ColonExpected': return 'Colon expected';
    case 'CommaExpected': return 'Comma expected';
    case 'CloseBraceExpected': return 'Closing brace "}" expected';
    case 'CloseBracketExpected': return 'Closing bracket "]" expected';
    case 'EndOfFileExpected': return 'End of file expected';
    case 'InvalidCommentToken': return 'Invalid comment';
    case 'UnexpectedEndOfComment': return 'Unterminated comment';
    case 'UnexpectedEndOfString': return 'Unterminated string';
    case 'UnexpectedEndOfNumber': return 'Unterminated number';
    case 'InvalidUnicode': return 'Invalid unicode escape';
    case 'InvalidEscapeCharacter': return 'Invalid escape character';
    case 'InvalidCharacter': return 'Invalid character in string (control characters must be escaped)';
    default: return code;
  }
}

/** CloudFormation short-form tags become the long form, so extractors see one shape. */
function longFormKey(tag: string): string {
  const name = tag.slice(1);
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

export function parseYaml(source: string): ParsedDocument {
  const { parseDocument, isAlias, isMap, isPair, isScalar, isSeq } = loadYaml();
  const text = maskBom(source);
  const problems: ParseProblem[] = [];
  const comments: Comment[] = [];
  // The YAML parser runs out of memory on very deep flow collections: refuse them before it sees them.
  const deepAt = flowDepthExceeded(text, MAX_DEPTH);
  if (deepAt >= 0) {
    problems.push({ kind: 'too-deep', message: `Nesting deeper than ${MAX_DEPTH} levels: asl-lint does not analyse this document`, range: { start: deepAt, end: deepAt + 1 } });
    return { language: 'yaml', root: undefined, problems, comments };
  }
  let document: Document;
  try {
    document = parseDocument(text, { uniqueKeys: false, strict: false, prettyErrors: false, keepSourceTokens: false });
  } catch (error) {
    if (error instanceof RangeError) {
      problems.push({ kind: 'too-deep', message: `Nesting deeper than ${MAX_DEPTH} levels: asl-lint does not analyse this document`, range: { start: 0, end: 1 } });
      return { language: 'yaml', root: undefined, problems, comments };
    }
    throw error;
  }
  // PyYAML, which CloudFormation and SAM use, accepts a flow collection or quoted scalar whose closing line is
  // indented no deeper than its key; the yaml package does not. Re-read such documents leniently.
  let toOriginal: ((offset: number) => number) | undefined;
  if (document.errors.length > 0) {
    const lenient = parseLeniently(text, document, parseDocument);
    if (lenient) {
      document = lenient.document;
      toOriginal = lenient.toOriginal;
    }
  }
  const rangeOfYaml = (node: unknown): Range | undefined => {
    const range = rangeInParsedText(node);
    return range && toOriginal ? { start: toOriginal(range.start), end: toOriginal(range.end) } : range;
  };
  for (const error of document.errors) {
    const [start, end] = error.pos;
    problems.push({ kind: 'syntax', message: error.message.split('\n')[0], range: { start, end: Math.max(end, start) } });
  }
  collectYamlComments(text, comments);
  if (document.contents === null) return { language: 'yaml', root: undefined, problems, comments };

  let budget = MAX_YAML_NODES;
  const convert = (top: YamlNode): AstNode | undefined => {
    // Iterative conversion with an explicit stack; aliases are expanded within the node budget.
    type Frame = { yaml: unknown; attachTo?: (node: AstNode) => void; depth: number; aliasDepth: number };
    let result: AstNode | undefined;
    const stack: Frame[] = [{ yaml: top, attachTo: (node) => (result = node), depth: 0, aliasDepth: 0 }];
    while (stack.length > 0) {
      const frame = stack.pop()!;
      if (--budget < 0) throw new TooLarge();
      if (frame.depth > MAX_DEPTH) throw new TooDeep(rangeOfYaml(frame.yaml)?.start ?? 0);
      let yaml = frame.yaml;
      let aliasDepth = frame.aliasDepth;
      if (isAlias(yaml)) {
        const target = yaml.resolve(document);
        if (!target || aliasDepth > 64) {
          const range = rangeOfYaml(yaml) ?? { start: 0, end: 0 };
          frame.attachTo?.({ kind: 'null', value: null, range });
          continue;
        }
        yaml = target;
        aliasDepth++;
      }
      const range = rangeOfYaml(frame.yaml) ?? rangeOfYaml(yaml) ?? { start: 0, end: 0 };
      const tag = (yaml as { tag?: string } | null)?.tag;
      const shortForm = tag && tag.startsWith('!') && !tag.startsWith('!!') ? tag : undefined;
      let attach = frame.attachTo;
      if (shortForm) {
        // `!Sub x` → { "Fn::Sub": x }, the key's range being the tag itself (the yaml node's range starts after it).
        const tagStart = tagOffset(text, shortForm, range.start);
        const wrapper: ObjectNode = { kind: 'object', properties: [], range: { start: tagStart, end: range.end } };
        attach?.(wrapper);
        const property: PropertyNode = { key: longFormKey(shortForm), keyRange: { start: tagStart, end: tagStart + shortForm.length }, value: undefined };
        wrapper.properties.push(property);
        attach = (node) => {
          node.parent = wrapper;
          property.value = node;
        };
      }
      if (isMap(yaml)) {
        const object: ObjectNode = { kind: 'object', properties: [], range };
        attach?.(object);
        const seen = new Set<string>();
        const pending: Frame[] = [];
        for (const pair of yaml.items) {
          if (!isPair(pair)) continue;
          const keyNode = pair.key as YamlNode | null;
          const key = isScalar(keyNode) ? String(keyNode.value) : keyNode === null ? '' : String(keyNode);
          const keyRange = rangeOfYaml(keyNode) ?? range;
          if (key === '<<' && pair.value) {
            mergeInto(object, pair.value as YamlNode);
            continue;
          }
          if (seen.has(key)) {
            problems.push({ kind: 'duplicate-key', message: `Duplicate key "${key}": the later value silently replaces the earlier one`, range: keyRange });
          }
          seen.add(key);
          const property: PropertyNode = { key, keyRange, value: undefined };
          object.properties.push(property);
          if (pair.value === null || pair.value === undefined) {
            const end = keyRange.end;
            property.value = { kind: 'null', value: null, range: { start: end, end }, parent: object };
            continue;
          }
          pending.push({
            yaml: pair.value,
            depth: frame.depth + 1,
            aliasDepth,
            attachTo: (node) => {
              node.parent = object;
              property.value = node;
            },
          });
        }
        for (let i = pending.length - 1; i >= 0; i--) stack.push(pending[i]);
      } else if (isSeq(yaml)) {
        const array: ArrayNode = { kind: 'array', items: [], range };
        attach?.(array);
        const slots: Frame[] = [];
        yaml.items.forEach((item, index) => {
          array.items.push({ kind: 'null', value: null, range, parent: array });
          slots.push({
            yaml: item,
            depth: frame.depth + 1,
            aliasDepth,
            attachTo: (node) => {
              node.parent = array;
              array.items[index] = node;
            },
          });
        });
        for (let i = slots.length - 1; i >= 0; i--) stack.push(slots[i]);
      } else if (isScalar(yaml)) {
        if (yaml.type === 'PLAIN' && typeof yaml.value === 'string' && YAML11_BOOLEAN.test(yaml.value)) {
          const meaning = /^[yY]|^[oO][nN]$/.test(yaml.value) ? 'true' : 'false';
          problems.push({
            kind: 'yaml11-boolean',
            message: `${yaml.value} is the string "${yaml.value}" here (YAML 1.2), but the boolean ${meaning} for YAML 1.1 parsers such as CloudFormation's and the SAM CLI's: quote it if you mean the string, or write ${meaning}`,
            range,
          });
        }
        attach?.(scalarNode(yaml.value, range, shortForm));
      } else {
        attach?.({ kind: 'null', value: null, range });
      }
    }
    return result;
  };

  const mergeInto = (object: ObjectNode, source: YamlNode): void => {
    const sources = isSeq(source) ? source.items : [source];
    for (let item of sources as YamlNode[]) {
      if (isAlias(item)) item = item.resolve(document) as YamlNode;
      if (!isMap(item)) continue;
      const converted = convert(item);
      if (converted?.kind !== 'object') continue;
      for (const property of converted.properties) {
        if (object.properties.some((p) => p.key === property.key)) continue;
        object.properties.push(property);
        if (property.value) property.value.parent = object;
      }
    }
  };

  try {
    const root = convert(document.contents as YamlNode);
    return { language: 'yaml', root, problems, comments };
  } catch (error) {
    if (error instanceof TooDeep || error instanceof RangeError) {
      const offset = error instanceof TooDeep ? error.offset : 0;
      problems.push({ kind: 'too-deep', message: `Nesting deeper than ${MAX_DEPTH} levels: asl-lint does not analyse this document`, range: { start: offset, end: offset + 1 } });
    } else if (error instanceof TooLarge) {
      problems.push({ kind: 'too-large', message: `YAML aliases expand to more than ${MAX_YAML_NODES} nodes: asl-lint does not analyse this document`, range: { start: 0, end: 1 } });
    } else {
      throw error;
    }
    return { language: 'yaml', root: undefined, problems, comments };
  }
}

class TooLarge extends Error {}

/**
 * Offset of the first `[`/`{` that opens a flow collection deeper than `limit`, or -1. A linear scan that skips
 * quoted scalars and comments; block nesting is bounded by the converter's own depth check.
 */
function flowDepthExceeded(text: string, limit: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x27) {
      // A quote only opens a scalar at the start of a token; inside a plain scalar it is a character.
      const previous = i > 0 ? text.charCodeAt(i - 1) : 0x20;
      if (previous !== 0x20 && previous !== 0x09 && previous !== 0x0a && previous !== 0x0d && previous !== 0x5b && previous !== 0x7b && previous !== 0x2c && previous !== 0x3a) continue;
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (c === 0x22 && d === 0x5c) i++;
        else if (d === c) {
          if (c === 0x27 && text.charCodeAt(i + 1) === 0x27) i++;
          else break;
        }
      }
    } else if (c === 0x23 && (i === 0 || /\s/.test(text[i - 1]))) {
      while (i < text.length && text.charCodeAt(i) !== 0x0a) i++;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return i;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) {
      depth--;
    }
  }
  return -1;
}

// The YAML parser loads on the first YAML document: JSON-only runs never pay for it.
const require = createRequire(import.meta.url);
let yamlModule: typeof import('yaml') | undefined;
function loadYaml(): typeof import('yaml') {
  yamlModule ??= require('yaml') as typeof import('yaml');
  return yamlModule;
}

/** Where a node's tag is written: just before the value, separated by blanks (or an anchor). */
function tagOffset(text: string, tag: string, valueStart: number): number {
  const found = text.lastIndexOf(tag, valueStart);
  if (found < 0) return valueStart;
  const between = text.slice(found + tag.length, valueStart);
  return /^\s*(&\S+\s*)?$/.test(between) ? found : valueStart;
}

function rangeInParsedText(node: unknown): Range | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? { start: range[0], end: range[1] } : undefined;
}

const LENIENT_PASSES = 50;
const LENIENT_INDENT = ' '.repeat(200);
/** Errors that a deeper indentation of the offending line cures: a closing bracket or a quoted continuation. */
const UNDER_INDENTED = /^(Flow (map|sequence) in block collection must be sufficiently indented|Unexpected (flow-map-end|flow-seq-end|double-quoted-scalar|single-quoted-scalar) token)/;

/**
 * Indents each line the yaml package rejects as under-indented (extra blanks are insignificant there) until the
 * document parses, and maps offsets back. Undefined when other errors remain: the original errors then stand.
 */
function parseLeniently(
  text: string,
  first: Document,
  parseDocument: typeof import('yaml').parseDocument,
): { document: Document; toOriginal: (offset: number) => number } | undefined {
  const insertedAt: number[] = [];
  let current = text;
  let document = first;
  for (let pass = 0; pass < LENIENT_PASSES && document.errors.length > 0; pass++) {
    const error = document.errors[0];
    if (!UNDER_INDENTED.test(error.message)) return undefined;
    const lineStart = Math.max(current.lastIndexOf('\n', error.pos[0] - 1), current.lastIndexOf('\r', error.pos[0] - 1)) + 1;
    if (!/^[ \t]*[}\]"']/.test(current.slice(lineStart, error.pos[0] + 1))) return undefined;
    const original = toOriginalOffset(insertedAt, lineStart);
    if (insertedAt.includes(original)) return undefined;
    insertedAt.push(original);
    insertedAt.sort((a, b) => a - b);
    current = current.slice(0, lineStart) + LENIENT_INDENT + current.slice(lineStart);
    document = parseDocument(current, { uniqueKeys: false, strict: false, prettyErrors: false, keepSourceTokens: false });
  }
  if (document.errors.length > 0) return undefined;
  return { document, toOriginal: (offset) => toOriginalOffset(insertedAt, offset) };
}

/** Maps an offset of the indented text back to the original, given the original offsets of the insertions. */
function toOriginalOffset(insertedAt: readonly number[], offset: number): number {
  let shift = 0;
  for (const at of insertedAt) {
    const shifted = at + shift;
    if (offset < shifted) break;
    if (offset < shifted + LENIENT_INDENT.length) return at;
    shift += LENIENT_INDENT.length;
  }
  return offset - shift;
}

function scalarNode(value: unknown, range: Range, tag: string | undefined): AstNode {
  if (typeof value === 'string') return tag ? { kind: 'string', value, range, tag } : { kind: 'string', value, range };
  if (typeof value === 'number') return { kind: 'number', value, range };
  if (typeof value === 'bigint') return { kind: 'number', value: Number(value), range };
  if (typeof value === 'boolean') return { kind: 'boolean', value, range };
  if (value === null || value === undefined) return { kind: 'null', value: null, range };
  return { kind: 'string', value: String(value), range };
}

/** `#` comments outside quoted scalars. A line-based scan: cheap and good enough for directives. */
function collectYamlComments(text: string, comments: Comment[]): void {
  let index = 0;
  while (index < text.length) {
    const hash = text.indexOf('#', index);
    if (hash < 0) break;
    const lineStart = Math.max(text.lastIndexOf('\n', hash), text.lastIndexOf('\r', hash)) + 1;
    let lineEnd = text.indexOf('\n', hash);
    if (lineEnd < 0) lineEnd = text.length;
    if (text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    const before = text.slice(lineStart, hash);
    const startsComment = hash === lineStart || /\s$/.test(before);
    if (startsComment && !insideQuotes(before)) {
      comments.push({ range: { start: hash, end: lineEnd }, text: text.slice(hash + 1, lineEnd).trim() });
      index = lineEnd + 1;
    } else {
      index = hash + 1;
    }
  }
}

function insideQuotes(prefix: string): boolean {
  let single = false;
  let double = false;
  for (let i = 0; i < prefix.length; i++) {
    const c = prefix[i];
    if (c === "'" && !double) single = !single;
    else if (c === '"' && !single && prefix[i - 1] !== '\\') double = !double;
  }
  return single || double;
}
