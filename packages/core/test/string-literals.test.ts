import { describe, expect, it } from 'vitest';
import { parseJson, parseYaml, type AstNode, type StringNode } from '../src/index.js';
import { decodeJsonString, decodeJsString, decodeYamlScalar } from '../src/extract/string-literals.js';
import type { MappedText } from '../src/extract/mapped-text.js';

function firstString(node: AstNode | undefined): StringNode {
  if (node?.kind === 'object') return firstString(node.properties[0].value);
  if (node?.kind === 'string') return node;
  throw new Error('no string');
}

/** Each decoded character maps to host text that produced it: itself, or an escape/line break. */
function expectFaithful(host: string, mapped: MappedText): void {
  for (let i = 0; i < mapped.text.length; i++) {
    const source = host.slice(mapped.starts[i], mapped.ends[i]);
    if (source.length === 1 && !/\s/.test(source)) expect(source).toBe(mapped.text[i]);
    if (i > 0) expect(mapped.starts[i]).toBeGreaterThanOrEqual(mapped.starts[i - 1]);
  }
}

const YAML_SCALARS: [string, string][] = [
  ['literal block', 'a: |\n  {\n    "x": "y",\n\n    "z": 1\n  }\nb: 1\n'],
  ['literal block, strip', 'a: |-\n   x\n   y\n'],
  ['literal block, keep', 'a: |+\n  k\n\n'],
  ['literal block with indentation indicator', 'a: |2\n    indented\n  less\n'],
  ['folded block', 'a: >\n  {"a":\n    1,\n  "b": 2}\n\n  next\n'],
  ['folded block, CRLF', 'a: >\r\n  one\r\n  two\r\n'],
  ['double quoted with escapes and folding', 'a: "x \\"q\\" \\u00e9 \\t b\n  c\\n  d\n\n  e"\n'],
  ['double quoted with an escaped line break', 'a: "one\\\n   two"\n'],
  ['single quoted', "a: 'it''s\n  folded'\n"],
  ['plain multi-line', 'a: plain\n  folded\n\n  para\n'],
  ['tagged', 'a: !Sub |\n  {"A": "${B}"}\n'],
];

describe('YAML scalar decoding', () => {
  for (const [name, host] of YAML_SCALARS) {
    it(`${name}: the value of the YAML parser, every character mapped`, () => {
      const node = firstString(parseYaml(host).root);
      const mapped = decodeYamlScalar(host, node.range, node.value);
      expect(mapped.text).toBe(node.value);
      // Not the coarse fallback: characters have their own ranges.
      expect(new Set(mapped.starts).size).toBeGreaterThan(Math.min(2, mapped.text.length - 1));
      expectFaithful(host, mapped);
    });
  }

  it('maps a token inside a block scalar to its host position', () => {
    const host = 'a: >-\n  {"StartAt":\n   "Go"}\n';
    const node = firstString(parseYaml(host).root);
    const mapped = decodeYamlScalar(host, node.range, node.value);
    const at = mapped.text.indexOf('"Go"');
    expect(host.slice(mapped.starts[at], mapped.ends[at + 3])).toBe('"Go"');
  });
});

describe('JSON and JavaScript string decoding', () => {
  it('JSON escapes, \\u and surrogate pairs', () => {
    const host = '{"k": "a\\"b\\\\c\\n\\u00e9 😀 \\ud83d\\ude00"}';
    const node = firstString(parseJson(host).root);
    const mapped = decodeJsonString(host, node.range, node.value);
    expect(mapped.text).toBe(node.value);
    expectFaithful(host, mapped);
    expect(host.slice(mapped.starts[1], mapped.ends[1])).toBe('\\"');
  });

  it('JavaScript escapes: \\x, \\u{…}, \\\' and line continuations', () => {
    const host = "'a\\'b\\x41\\u{1F600}c\\\nd'";
    const value = "a'bA\u{1F600}cd";
    const mapped = decodeJsString(host, { start: 0, end: host.length }, value);
    expect(mapped.text).toBe(value);
    expect(host.slice(mapped.starts[4], mapped.ends[4])).toBe('\\u{1F600}');
  });

  it('falls back to the whole literal when its value is not what the decoder reads', () => {
    const mapped = decodeJsonString('"abc"', { start: 0, end: 5 }, 'xyz');
    expect(mapped.text).toBe('xyz');
    expect(mapped.starts).toEqual([0, 0, 0]);
    expect(mapped.ends).toEqual([5, 5, 5]);
  });
});
