import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AstNode } from '../src/ast.js';
import { MAX_DEPTH, parseJson, parseJsonWithRecovery, parsePlainJson, type ParsedDocument } from '../src/parse.js';
import { generateDefinition } from '../../../bench/generate-definition.mjs';

// parseJson reads plain JSON on a fast path and hands everything else to the recovering parser. These tests hold
// the two to the same output: node shapes (own keys in order), kinds, values, ranges, keys, key ranges, parent
// identity, problems and comments.

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const corpus = join(repo, '..', 'shared', 'corpus');

/** The first difference between two trees, as a path and a reason; undefined when they are the same. */
function treeDifference(fast: AstNode | undefined, slow: AstNode | undefined): string | undefined {
  const stack: { a: AstNode | undefined; b: AstNode | undefined; pa: AstNode | undefined; pb: AstNode | undefined; at: string }[] = [
    { a: fast, b: slow, pa: undefined, pb: undefined, at: '$' },
  ];
  while (stack.length > 0) {
    const { a, b, pa, pb, at } = stack.pop()!;
    if (a === undefined || b === undefined) {
      if (a !== b) return `${at}: ${a === undefined ? 'missing on the fast path' : 'missing in the recovering parser'}`;
      continue;
    }
    const keysA = Object.keys(a).join(',');
    const keysB = Object.keys(b).join(',');
    if (keysA !== keysB) return `${at}: own keys ${keysA} vs ${keysB}`;
    if (a.kind !== b.kind) return `${at}: kind ${a.kind} vs ${b.kind}`;
    if (a.range.start !== b.range.start || a.range.end !== b.range.end || Object.keys(a.range).join() !== Object.keys(b.range).join()) {
      return `${at}: range ${JSON.stringify(a.range)} vs ${JSON.stringify(b.range)}`;
    }
    if (a.parent !== pa) return `${at}: the fast path's parent is not the containing node`;
    if (b.parent !== pb) return `${at}: the recovering parser's parent is not the containing node`;
    if (a.kind === 'object' && b.kind === 'object') {
      if (a.properties.length !== b.properties.length) return `${at}: ${a.properties.length} vs ${b.properties.length} properties`;
      a.properties.forEach((p, i) => {
        const q = b.properties[i];
        if (Object.keys(p).join() !== Object.keys(q).join()) throw new Error(`${at}.properties[${i}]: own keys differ`);
        if (p.key !== q.key) throw new Error(`${at}.properties[${i}]: key ${JSON.stringify(p.key)} vs ${JSON.stringify(q.key)}`);
        if (p.keyRange.start !== q.keyRange.start || p.keyRange.end !== q.keyRange.end) throw new Error(`${at}.properties[${i}]: keyRange differs`);
        stack.push({ a: p.value, b: q.value, pa: a, pb: b, at: `${at}[${JSON.stringify(p.key)}]` });
      });
    } else if (a.kind === 'array' && b.kind === 'array') {
      if (a.items.length !== b.items.length) return `${at}: ${a.items.length} vs ${b.items.length} items`;
      a.items.forEach((item, i) => stack.push({ a: item, b: b.items[i], pa: a, pb: b, at: `${at}[${i}]` }));
    } else if (!Object.is((a as { value: unknown }).value, (b as { value: unknown }).value)) {
      return `${at}: value ${String((a as { value: unknown }).value)} vs ${String((b as { value: unknown }).value)}`;
    }
  }
  return undefined;
}

function expectSameDocument(fast: ParsedDocument, slow: ParsedDocument, label: string): void {
  let difference: string | undefined;
  try {
    difference = treeDifference(fast.root, slow.root);
  } catch (error) {
    difference = (error as Error).message;
  }
  expect(difference, label).toBeUndefined();
  expect(fast.language).toBe(slow.language);
  expect(fast.problems, label).toEqual(slow.problems);
  expect(fast.comments, label).toEqual(slow.comments);
}

/** Whether JSON.parse accepts the text (after a BOM, which JSON.parse itself refuses), within the depth limit. */
function isPlainJson(text: string): boolean {
  try {
    JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return false;
  }
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (++depth > MAX_DEPTH) return false;
    } else if (c === '}' || c === ']') depth--;
  }
  return true;
}

/** Both parsers on one text; the fast path must take exactly the texts JSON.parse accepts. */
function check(text: string, label = JSON.stringify(text.slice(0, 200))): void {
  const slow = parseJsonWithRecovery(text);
  const fast = parsePlainJson(text);
  expect(fast !== undefined, `fast path taken for ${label}`).toBe(isPlainJson(text));
  if (fast) expectSameDocument(fast, slow, label);
  expectSameDocument(parseJson(text), slow, label);
}

function jsonFilesUnder(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** A few edits that every parser must survive: cut short, a stray comma, a comment, garbage. */
function mutations(text: string): string[] {
  const brace = text.indexOf('{');
  const at = brace >= 0 ? brace + 1 : 0;
  const middle = Math.floor(text.length / 2);
  return [
    text.slice(0, middle),
    text.slice(0, at) + ',' + text.slice(at),
    text.slice(0, at) + ' // a comment\n' + text.slice(at),
    text.slice(0, middle) + '/* a comment */' + text.slice(middle),
    text.slice(0, middle) + '@' + text.slice(middle),
    text.replace(/("[^"\n]*")(\s*\n\s*[}\]])/, '$1,$2'),
  ];
}

describe('the JSON fast path matches the recovering parser', () => {
  it('on the fixtures and examples, and on edited copies of them', () => {
    const files = [...jsonFilesUnder(join(repo, 'fixtures')), ...jsonFilesUnder(join(repo, 'examples'))];
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      check(text, file);
      for (const [i, mutated] of mutations(text).entries()) check(mutated, `${file} mutation ${i}`);
    }
  });

  it.skipIf(!existsSync(corpus))('on every JSON file of the shared corpus, and on edited copies of them', () => {
    const files = jsonFilesUnder(corpus);
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      check(text, file);
      for (const [i, mutated] of mutations(text).entries()) check(mutated, `${file} mutation ${i}`);
    }
  });

  it('on generated definitions, pretty-printed and compact', () => {
    for (const size of [1, 14, 100, 1000]) {
      const definition = generateDefinition(size);
      check(JSON.stringify(definition, null, 2), `${size} states`);
      check(JSON.stringify(definition), `${size} states, compact`);
      check(JSON.stringify(definition, null, '\t').replace(/\n/g, '\r\n'), `${size} states, tabs and CRLF`);
      check('\ufeff' + JSON.stringify(definition, null, 2), `${size} states after a BOM`);
    }
  });

  it('at the depth limit and one past it', () => {
    for (const depth of [MAX_DEPTH - 1, MAX_DEPTH, MAX_DEPTH + 1]) {
      check('['.repeat(depth) + ']'.repeat(depth), `arrays ${depth} deep`);
      check('{"a":'.repeat(depth) + '1' + '}'.repeat(depth), `objects ${depth} deep`);
    }
    expect(parsePlainJson('['.repeat(MAX_DEPTH) + ']'.repeat(MAX_DEPTH))).toBeDefined();
    expect(parseJson('['.repeat(MAX_DEPTH + 1) + ']'.repeat(MAX_DEPTH + 1)).problems.map((p) => p.kind)).toEqual(['too-deep']);
  });

  it.each([
    ['an empty text', ''],
    ['only blanks', ' \n\t\r\n'],
    ['a top-level string', ' "a\\u00e9\\n\\/" '],
    ['a top-level number', '-0'],
    ['numbers of every form', '[0, -0, 1.5, -2e10, 3E+2, 4e-2, 1e400, 12345678901234567890]'],
    ['keywords', '[true, false, null]'],
    ['an empty object and array', '{"a": {}, "b": []}'],
    ['escaped keys', '{"\\u0041": 1, "A": 2, "\\"": 3}'],
    ['lone surrogates', '{"\\ud800": "\\udc00\ud800"}'],
    ['__proto__ keys', '{"__proto__": {"__proto__": 1}, "constructor": 2}'],
    ['duplicate keys', '{"a": 1, "b": {"a": 2, "a": 3}, "a": 4, "a": [5]}'],
    ['two values', '{} {}'],
    ['a trailing comma', '{"a": 1,}'],
    ['a trailing comma in an array', '[1, 2,]'],
    ['a missing comma', '{"a": 1 "b": 2}'],
    ['a missing colon', '{"a" 1}'],
    ['a missing value', '{"a": }'],
    ['an unquoted key', '{a: 1}'],
    ['a single-quoted string', "{'a': 1}"],
    ['a line comment', '{"a": 1 // note\n}'],
    ['a block comment', '/* note */ {"a": 1}'],
    ['an unterminated comment', '{"a": 1} /* note'],
    ['an unterminated string', '{"a": "b'],
    ['a control character in a string', '{"a": "b\u0001"}'],
    ['a line break in a string', '{"a": "b\nc"}'],
    ['an invalid escape', '{"a": "\\x"}'],
    ['an invalid unicode escape', '{"a": "\\u12"}'],
    ['a leading zero', '[01]'],
    ['a bare minus', '[-]'],
    ['a fraction without digits', '[1.]'],
    ['an exponent without digits', '[1e]'],
    ['a leading dot', '[.5]'],
    ['a plus sign', '[+1]'],
    ['NaN and Infinity', '[NaN, Infinity]'],
    ['a misspelt keyword', '[tru, nul]'],
    ['a non-breaking space', '{\u00a0"a": 1}'],
    ['a form feed', '{\f"a": 1}'],
    ['a BOM inside', '{"a": 1}\ufeff'],
    ['an unclosed object', '{"a": [1, 2'],
    ['a stray closing bracket', '{"a": 1]]'],
    ['a lone comma', ','],
  ])('on %s', (_name, text) => {
    check(text);
  });

  it('reports duplicates among many keys once each, later ones winning, and stays linear', () => {
    const keys = Array.from({ length: 60_000 }, (_, i) => `"S${i % 50_000}": ${i}`);
    const text = `{${keys.join(',\n')}}`;
    const start = performance.now();
    const fast = parsePlainJson(text)!;
    const elapsed = performance.now() - start;
    expect(fast.problems).toHaveLength(10_000);
    expect(fast.problems[0]).toEqual({
      kind: 'duplicate-key',
      message: 'Duplicate key "S0": the later value silently replaces the earlier one',
      range: { start: text.indexOf('"S0"', 10), end: text.indexOf('"S0"', 10) + 4 },
    });
    expectSameDocument(fast, parseJsonWithRecovery(text), '60,000 keys');
    // A quadratic duplicate check would compare 1.8 billion key pairs here.
    expect(elapsed).toBeLessThan(2_000);
  });
});

// Random documents: objects as lists of entries, so that keys repeat (few distinct keys, some objects beyond the
// linear duplicate check), scalars printed in every JSON spelling, and random blanks between all tokens.
type Doc = { kind: 'object'; entries: [string, Doc][] } | { kind: 'array'; items: Doc[] } | { kind: 'scalar'; text: string };

const blank = fc.constantFrom('', '', ' ', '\n', '\r\n', '\t', '\n    ', ' \t\r');
const key = fc.oneof(fc.constantFrom('a', 'b', 'Type', 'States', '__proto__', 'é', '\u2028'), fc.string({ maxLength: 4 }), fc.string({ unit: 'binary', maxLength: 3 }));
const spelledString = fc.tuple(fc.oneof(key, fc.string({ unit: 'binary', maxLength: 8 })), fc.boolean()).map(([s, escaped]) =>
  escaped ? `"${[...s].map((ch) => [...ch].map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')).join('')}"` : JSON.stringify(s),
);
const spelledNumber = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
  fc.tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom('e', 'E', 'e+', 'E+')).map(([n, e]) => n.toExponential().replace('e+', e)),
  fc.integer().map(String),
  fc.constantFrom('-0', '0', '1e400', '-1E-400', '0.0', '12345678901234567890123'),
);
const scalar = fc.oneof(spelledString, spelledNumber, fc.constantFrom('true', 'false', 'null')).map((text): Doc => ({ kind: 'scalar', text }));
const { doc } = fc.letrec<{ doc: Doc }>((tie) => ({
  doc: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(fc.tuple(key, tie('doc')), { maxLength: 20 }).map((entries): Doc => ({ kind: 'object', entries })),
    fc.array(tie('doc'), { maxLength: 6 }).map((items): Doc => ({ kind: 'array', items })),
    // Wide objects: past the linear duplicate check.
    fc.array(fc.tuple(key, scalar), { minLength: 10, maxLength: 40 }).map((entries): Doc => ({ kind: 'object', entries })),
  ),
}));

function print(document: Doc, blanks: string[]): string {
  let n = 0;
  const ws = (): string => blanks[n++ % blanks.length];
  const out = (d: Doc): string => {
    if (d.kind === 'scalar') return d.text;
    if (d.kind === 'array') return `[${ws()}${d.items.map((item) => out(item) + ws()).join(`,${ws()}`)}]`;
    return `{${ws()}${d.entries.map(([k, v]) => `${JSON.stringify(k)}${ws()}:${ws()}${out(v)}${ws()}`).join(`,${ws()}`)}}`;
  };
  return ws() + out(document) + ws();
}

const printed = fc.tuple(doc, fc.array(blank, { minLength: 1, maxLength: 12 })).map(([d, blanks]) => print(d, blanks));
const insertion = fc.constantFrom(',', ' , ', '//c\n', '/* c */', '/*', 'x', '"', '\\', '}', ']', '{', '[', ':', '\u0000', '\ufeff', '-', '1.', 'tru', '\u00a0', '"k": 1', '<<<<<<< HEAD\n');
type Mutation = { kind: 'truncate' | 'delete'; at: number } | { kind: 'insert'; at: number; text: string };
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: insertion }),
);

function mutate(text: string, edits: Mutation[]): string {
  let result = text;
  for (const edit of edits) {
    const at = result.length === 0 ? 0 : edit.at % (result.length + 1);
    if (edit.kind === 'truncate') result = result.slice(0, at);
    else if (edit.kind === 'delete') result = result.slice(0, at) + result.slice(at + 1);
    else result = result.slice(0, at) + edit.text + result.slice(at);
  }
  return result;
}

describe('the JSON fast path on random documents', () => {
  it('matches the recovering parser on random valid JSON with random blanks', () => {
    fc.assert(
      fc.property(printed, fc.boolean(), (text, bom) => {
        const source = bom ? '\ufeff' + text : text;
        expect(parsePlainJson(source)).toBeDefined();
        check(source);
      }),
      { numRuns: 2_000 },
    );
  });

  it('matches the recovering parser on random JSON values printed by JSON.stringify', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2, '\t'), (value, indent) => {
        check(JSON.stringify(value, null, indent));
      }),
      { numRuns: 1_000 },
    );
  });

  it('matches the recovering parser, or declines, on randomly edited JSON', () => {
    fc.assert(
      fc.property(printed, fc.array(mutation, { minLength: 1, maxLength: 3 }), (text, edits) => {
        check(mutate(text, edits));
      }),
      { numRuns: 3_000 },
    );
  });
});
