import { describe, expect, it } from 'vitest';
import { checkIntrinsic, INTRINSIC_FUNCTIONS, looksLikeIntrinsic, parseIntrinsic } from '../../src/expressions/intrinsics.js';

function problems(text: string) {
  const parsed = parseIntrinsic(text);
  if (!parsed.ok) throw new Error(`does not parse: ${parsed.error.message}`);
  return checkIntrinsic(parsed.call).map((p) => [p.kind, p.message, p.offset]);
}

describe('the intrinsic catalog', () => {
  it('holds the 18 functions', () => {
    expect([...INTRINSIC_FUNCTIONS.keys()].sort()).toEqual(
      [
        'Array', 'ArrayContains', 'ArrayGetItem', 'ArrayLength', 'ArrayPartition', 'ArrayRange', 'ArrayUnique', 'Base64Decode', 'Base64Encode',
        'Format', 'Hash', 'JsonMerge', 'JsonToString', 'MathAdd', 'MathRandom', 'StringSplit', 'StringToJson', 'UUID',
      ].map((name) => `States.${name}`),
    );
  });
});

describe('parseIntrinsic', () => {
  it.each([
    "States.Format('Hello, {}', $.name)",
    "States.Format('{} and {}', $.a, States.ArrayGetItem($.b, 0))",
    "States.Format('brace \\{} quote \\' backslash \\\\')",
    'States.Array()',
    "States.Array('a', 1, -2.5e3, null, true, false, $, $$.Execution.Id, $var.x)",
    "States.Format('{}', $.a['x,y'])",
    'States.ArrayGetItem($.a[?(@.x, 1)], 1)',
    'States.JsonToString($.a[(@.length-1)])',
    'States.UUID()   ',
    'States.MathAdd( 1 ,\n 2 )',
  ])('parses %s', (text) => {
    const parsed = parseIntrinsic(text);
    expect(parsed.ok ? [] : [parsed.error]).toEqual([]);
  });

  it.each([
    ["States.Format('x'", 'missing ")" to close States.Format(', 17],
    ['States.Format("x")', "strings in intrinsic functions are quoted with single quotes ('…'), not double quotes", 14],
    ['States.StringToJson($.a) x', 'unexpected "x" after the call', 25],
    ['States.StringToJson $.escaped)', 'expected "(" after States.StringToJson', 20],
    ["States.Format('it's')", 'expected "," or ")" after an argument, found "s"', 18],
    ["States.Format('abc\\')", "unterminated string: a quote inside a string is written \\'", 14],
    ['States.MathAdd(01, 2)', '"01" is not a number', 15],
    ['States.MathAdd(+1, 2)', 'unexpected "+": expected a string, number, path or function call', 15],
    ['States.Array(foo)', '"foo" is not an argument: strings are quoted with single quotes (\'…\'), paths start with "$"', 13],
    ['States.Array(1,)', 'unexpected ")": expected a string, number, path or function call', 15],
    ['States.Format($.template $.firstName)', 'expected "," or ")" after an argument, found "$"', 25],
    ['States.Array($.a.)', 'path $.a.: a path must not end with "."', 16],
    [' States.UUID()', 'blank before the function name', 0],
    ['(1)', 'expected a function name, found "("', 0],
  ] as const)('rejects %s', (text, message, offset) => {
    expect(parseIntrinsic(text)).toEqual({ ok: false, error: { message, offset } });
  });

  it('records nesting depth and offsets', () => {
    const parsed = parseIntrinsic("States.Format('{}', States.UUID())");
    expect(parsed.ok && parsed.call.args[1]).toEqual({
      kind: 'call',
      start: 20,
      end: 33,
      call: { name: 'States.UUID', nameStart: 20, args: [], start: 20, end: 33, depth: 2 },
    });
  });

  it('is linear on long argument lists', () => {
    const call = `States.Array(${Array.from({ length: 100_000 }, (_, i) => (i % 2 ? `$.a${i}` : String(i))).join(', ')})`;
    const start = performance.now();
    const parsed = parseIntrinsic(call);
    expect(parsed.ok && parsed.call.args.length).toBe(100_000);
    expect(performance.now() - start).toBeLessThan(2000);
  });

  it('bounds the parser depth', () => {
    const deep = 'States.Array('.repeat(100) + ')'.repeat(100);
    expect(parseIntrinsic(deep)).toEqual({ ok: false, error: { message: 'more than 64 nested calls', offset: 13 * 64 } });
  });
});

describe('looksLikeIntrinsic', () => {
  it.each([
    ['States.Format(1)', true],
    ['  States.UUID()', true],
    ['States.', true],
    ['Foo.Bar($.x)', true],
    ['$.a', false],
    ['hello world', false],
    ['', false],
  ] as const)('%s → %s', (text, expected) => {
    expect(looksLikeIntrinsic(text)).toBe(expected);
  });
});

describe('checkIntrinsic', () => {
  it('accepts correct calls', () => {
    expect(problems("States.Format('{}-{}', $.a, 3)")).toEqual([]);
    expect(problems('States.JsonMerge($.a, $.b, false)')).toEqual([]);
    expect(problems("States.Hash($.a, 'SHA-256')")).toEqual([]);
    expect(problems('States.ArrayRange(1, 9, 2)')).toEqual([]);
    expect(problems('States.MathRandom($.start, $.end, 7)')).toEqual([]);
    expect(problems('States.ArrayPartition($.a, 0.7)')).toEqual([]);
  });

  it.each([
    ['States.Uuid()', 'unknown-function', 'States.Uuid is not an intrinsic function', 0],
    ['States.UUID(1)', 'arity', 'States.UUID takes no arguments, not 1', 0],
    ['States.Format()', 'arity', 'States.Format takes at least 1 argument, not 0', 0],
    ['States.MathRandom(1)', 'arity', 'States.MathRandom takes 2 or 3 arguments, not 1', 0],
    ['States.ArrayContains($.a)', 'arity', 'States.ArrayContains takes 2 arguments, not 1', 0],
    ["States.MathAdd(1,'-1')", 'argument-type', "argument 2 of States.MathAdd must be a number, but '-1' is a string", 17],
    ["States.ArrayLength('abc')", 'argument-type', "argument 1 of States.ArrayLength must be an array, but 'abc' is a string", 19],
    ["States.ArrayLength(States.Format('x'))", 'argument-type', 'argument 1 of States.ArrayLength must be an array, but States.Format(…) is a string', 19],
    ["States.Format('{}', States.Array(1))", 'argument-type', 'argument 2 of States.Format must be a string, number, boolean or null, but States.Array(…) is an array', 20],
    ['States.JsonMerge($.a, null, false)', 'argument-type', 'argument 2 of States.JsonMerge must be an object, but null is null', 22],
    ["States.Format('a {} {}', $.x)", 'format-placeholders', 'the template of States.Format has 2 {} placeholders but 1 value follows', 14],
    ["States.Format('a \\{} b', $.x)", 'format-placeholders', 'the template of States.Format has 0 {} placeholders but 1 value follows', 14],
    ['States.JsonMerge($.a, $.b, true)', 'json-merge-deep', 'States.JsonMerge supports only a shallow merge: its third argument must be false', 27],
    ["States.Hash($.a, 'SHA256')", 'hash-algorithm', "'SHA256' is not a hash algorithm of States.Hash (MD5, SHA-1, SHA-256, SHA-384, SHA-512); did you mean 'SHA-256'?", 17],
    ['States.ArrayRange(1, 10, 0)', 'argument-value', 'the step of States.ArrayRange must not be 0', 25],
    ['States.ArrayRange(0, 2000, 1)', 'argument-value', 'States.ArrayRange(0, 2000, 1) would return 2001 items; the limit is 1000', 18],
    ['States.ArrayPartition($.a, 0)', 'argument-value', 'the chunk size of States.ArrayPartition must be a positive number', 27],
    ["States.JsonToString('{}')", 'argument-value', 'States.JsonToString takes a path to the data to serialize, not a literal', 20],
    ['States.MathAdd(2147483648, 1)', 'argument-value', '2147483648 is outside the 32-bit integer range States.MathAdd accepts', 15],
  ] as const)('reports %s', (text, kind, message, offset) => {
    expect(problems(text)).toEqual([[kind, message, offset]]);
  });

  it('suggests the closest function', () => {
    const parsed = parseIntrinsic('States.format($.x)');
    expect(parsed.ok && checkIntrinsic(parsed.call)[0].suggestion).toBe('States.Format');
    const bare = parseIntrinsic('JsonToString($.x)');
    expect(bare.ok && checkIntrinsic(bare.call)[0].suggestion).toBe('States.JsonToString');
  });

  it('allows 10 nested calls and reports the 11th once', () => {
    const nest = (n: number) => 'States.Array('.repeat(n) + ')'.repeat(n);
    expect(problems(nest(10))).toEqual([]);
    expect(problems(nest(12))).toEqual([['too-deep', '11 intrinsic functions are nested here; Step Functions allows at most 10 in one field', 130]]);
  });
});
