import { describe, expect, it } from 'vitest';
import { jsonataFacts, parseJsonata } from '../../src/expressions/jsonata.js';

function facts(body: string) {
  const parsed = parseJsonata(body);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const result = jsonataFacts(parsed.ast);
  return {
    restrictions: result.restrictions.map((r) => `${r.kind}:${r.text}`),
    states: result.statesReferences.map((r) => r.member),
    intrinsics: result.intrinsicCalls.map((c) => c.name),
  };
}

describe('parseJsonata', () => {
  it('parses without evaluating', () => {
    // Evaluating this would loop forever; parsing returns at once.
    const parsed = parseJsonata('($f := function($n){ $f($n) }; $f(1))');
    expect(parsed.ok).toBe(true);
  });

  it.each([
    ['$sum($states.input.items.numbers', 'S0203', 'Expected ")" before end of expression', 32],
    ['10 + * 2', 'S0201', 'Syntax error: 2', 8],
    ['', 'S0207', 'Unexpected end of expression', 0],
    ['$.store.book[?(@.price < 10)]', 'S0211', 'The symbol "?" cannot be used as a unary operator', 14],
  ] as const)('reports %s', (body, code, message, position) => {
    expect(parseJsonata(body)).toEqual({ ok: false, error: { code, message, position } });
  });

  it('parses multi-line expressions', () => {
    expect(parseJsonata('\n  $states.input.a\n  + 1\n').ok).toBe(true);
  });
});

describe('jsonataFacts', () => {
  it('accepts $states, variables and relative names inside steps, predicates and lambdas', () => {
    expect(facts('$states.input.items[price > 3].name')).toEqual({ restrictions: [], states: ['input'], intrinsics: [] });
    expect(facts('$map($states.input.xs, function($v) { $v.a + b })')).toEqual({ restrictions: [], states: ['input'], intrinsics: [] });
    expect(facts('$states.input.jobs.(name & "-" & $)')).toEqual({ restrictions: [], states: ['input'], intrinsics: [] });
    expect(facts('($x := $states.context.Execution.Id; $x)')).toEqual({ restrictions: [], states: ['context'], intrinsics: [] });
    expect(facts('$states.input{ team: $count(jobs) }')).toEqual({ restrictions: [], states: ['input'], intrinsics: [] });
    expect(facts('$states.input.items^(price)')).toEqual({ restrictions: [], states: ['input'], intrinsics: [] });
    expect(facts('{"a": 1, "b": [true, null, "s"]}')).toEqual({ restrictions: [], states: [], intrinsics: [] });
  });

  it('finds $$, top-level $, bare fields and $eval', () => {
    expect(facts('$$.a')).toEqual({ restrictions: ['root-dollar:$$'], states: [], intrinsics: [] });
    expect(facts('$.a')).toEqual({ restrictions: ['context-root:$'], states: [], intrinsics: [] });
    expect(facts('team')).toEqual({ restrictions: ['bare-field:team'], states: [], intrinsics: [] });
    expect(facts('$states.input.a + b')).toEqual({ restrictions: ['bare-field:b'], states: ['input'], intrinsics: [] });
    expect(facts('{"k": name}')).toEqual({ restrictions: ['bare-field:name'], states: [], intrinsics: [] });
    expect(facts('x ? 1 : 2')).toEqual({ restrictions: ['bare-field:x'], states: [], intrinsics: [] });
    expect(facts('$eval("1 + 1")')).toEqual({ restrictions: ['eval:$eval'], states: [], intrinsics: [] });
    expect(facts('($eval := function($x){$x}; $eval(1))')).toEqual({ restrictions: [], states: [], intrinsics: [] });
    expect(facts('$states.input.items[$$.x > 1]')).toEqual({ restrictions: ['root-dollar:$$'], states: ['input'], intrinsics: [] });
  });

  it('finds intrinsic-style calls and $states members', () => {
    expect(facts("States.Format('{}', $states.input.a)")).toEqual({ restrictions: [], states: ['input'], intrinsics: ['States.Format'] });
    expect(facts('$states.result.Payload & $states.errorOutput.Cause')).toEqual({ restrictions: [], states: ['result', 'errorOutput'], intrinsics: [] });
  });
});
