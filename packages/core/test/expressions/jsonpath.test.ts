import { describe, expect, it } from 'vitest';
import { parsePath, type PathKind } from '../../src/expressions/jsonpath.js';

const valid: [string, PathKind][] = [
  ['$', 'path'],
  ['$.a.b', 'path'],
  ["$['x y']", 'reference'],
  ['$["x"]', 'reference'],
  ["$.abc.['def ghi']", 'reference'],
  ['$..x', 'path'],
  ['$.a[0]', 'reference'],
  ['$.a[-1]', 'reference'],
  ['$.a[ 2 ]', 'reference'],
  ['$.a[*]', 'path'],
  ['$.*', 'path'],
  ['$.a[1:3]', 'path'],
  ['$.a[:2]', 'path'],
  ['$.a[0,1]', 'path'],
  ["$['a','b']", 'path'],
  ['$.a[?(@.x == 1)]', 'path'],
  ["$.pets[?(@.species == 'cat' && @.age<5)]", 'path'],
  ['$.a[?(@.name =~ /fo\\)o/i)]', 'path'],
  ['$.[?(@.OU > 0)]', 'path'],
  ['$[(@.length-1)].bar', 'reference'],
  ['$.a.length()', 'path'],
  ['$.my-key', 'reference'],
  ['$$', 'path'],
  ['$$.Execution.Id', 'reference'],
  ['$$.Map.Item.Value', 'path'],
  ['$total', 'reference'],
  ['$total.count[0]', 'reference'],
  ['$données.x', 'path'],
  ['$.a ', 'path'],
  ['$.result', 'result'],
  ['$', 'result'],
];

const invalid: [string, PathKind, string, number][] = [
  ['', 'path', 'a path must start with "$"', 0],
  ['abc', 'path', 'a path must start with "$", not "a"', 0],
  ['.guid', 'result', 'a path must start with "$", not "."', 0],
  ['$.a.', 'path', 'a path must not end with "."', 3],
  ['$..', 'path', 'a path must not end with ".."', 1],
  ['$...a', 'path', 'three dots in a row', 3],
  ['$.a..', 'path', 'a path must not end with ".."', 3],
  ['$.a b', 'path', "a name with a blank needs bracket notation, e.g. $['a …']", 3],
  ['$.a[', 'path', 'unclosed "["', 3],
  ['$.a[x]', 'path', 'expected an index, a quoted name, "*" or a filter inside "[…]"', 4],
  ['$.a[]', 'path', 'empty brackets', 4],
  ["$.a['b", 'path', 'unterminated quoted name', 4],
  ["$.a['b' x]", 'path', 'expected "]", found "x"', 8],
  ['$.a[?(@.x == 1]', 'path', 'unclosed "("', 5],
  ['$.a[?()]', 'path', 'empty filter expression', 5],
  ['$.a[?@.x]', 'path', 'a filter is written "[?(…)]"', 3],
  ['$1', 'path', 'expected "." or "[" after "$", found "1"', 1],
  ['$$23', 'path', 'expected "." or "[" after "$$", found "2"', 2],
  ['$.a.length().b', 'path', 'a path function such as length() must end the path', 12],
  ['$..x', 'reference', 'a reference path must select a single node; deep scan ".." is not allowed', 1],
  ['$.a[*]', 'reference', 'a reference path must select a single node; wildcard "*" is not allowed', 4],
  ['$.a[?(@.x)]', 'reference', 'a reference path must select a single node; filter "[?(…)]" is not allowed', 3],
  ['$.a[0:2]', 'reference', 'a reference path must select a single node; slice "[a:b]" is not allowed', 3],
  ['$.a[0,1]', 'reference', 'a reference path must select a single node; union "[a,b]" is not allowed', 3],
  ['$.a.length()', 'reference', 'a reference path must select a single node; function call is not allowed', 4],
  ['$$.Execution.Id', 'result', 'ResultPath cannot write into the context object ("$$")', 0],
  ['$total', 'result', 'ResultPath cannot reference a variable; use Assign to set variables', 0],
];

describe('parsePath', () => {
  it.each(valid)('accepts %s as a %s', (text, kind) => {
    expect(parsePath(text, kind)).toMatchObject({ ok: true });
  });

  it.each(invalid)('rejects %s as a %s', (text, kind, message, offset) => {
    expect(parsePath(text, kind)).toEqual({ ok: false, error: { message, offset } });
  });

  it('tells the root and the variable', () => {
    expect(parsePath('$$.Execution.Id')).toEqual({ ok: true, path: { root: 'context', variable: undefined, features: [] } });
    expect(parsePath('$job.name')).toEqual({ ok: true, path: { root: 'variable', variable: 'job', features: [] } });
    expect(parsePath('$..a[*]')).toEqual({
      ok: true,
      path: { root: 'input', variable: undefined, features: [{ feature: 'descendant', offset: 1 }, { feature: 'wildcard', offset: 5 }] },
    });
  });

  it('is linear on long paths', () => {
    const long = '$' + '.a'.repeat(100_000);
    const start = performance.now();
    expect(parsePath(long, 'reference').ok).toBe(true);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
