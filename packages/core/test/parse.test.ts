import { describe, expect, it } from 'vitest';
import { findNode, getProperty, LineIndex, locatePath, parseJson, parseYaml, toValue, type AstNode } from '../src/index.js';

function slice(text: string, node: { start: number; end: number }): string {
  return text.slice(node.start, node.end);
}

describe('parseJson', () => {
  it('builds nodes with value and key ranges', () => {
    const text = '{"a": [1, true, null, "x"], "b": {"c": 2.5}}';
    const { root, problems } = parseJson(text);
    expect(problems).toEqual([]);
    const a = getProperty(root, 'a')!;
    expect(slice(text, a.keyRange)).toBe('"a"');
    expect(slice(text, a.value!.range)).toBe('[1, true, null, "x"]');
    expect(toValue(root!)).toEqual({ a: [1, true, null, 'x'], b: { c: 2.5 } });
    expect(slice(text, findNode(root, ['b', 'c'])!.range)).toBe('2.5');
  });

  it('keeps offsets after a BOM', () => {
    const text = '\ufeff{"a": 1}';
    const { root, problems } = parseJson(text);
    expect(problems).toEqual([]);
    expect(slice(text, findNode(root, ['a'])!.range)).toBe('1');
  });

  it('reports duplicate keys and lets the later one win, as Step Functions does', () => {
    const text = '{"a": 1, "a": 2}';
    const { root, problems } = parseJson(text);
    expect(problems).toEqual([{ kind: 'duplicate-key', message: 'Duplicate key "a": the later value silently replaces the earlier one', range: { start: 9, end: 12 } }]);
    expect(findNode(root, ['a'])).toMatchObject({ kind: 'number', value: 2 });
  });

  it('stops at the depth limit instead of overflowing the stack', () => {
    const text = '['.repeat(100_000) + ']'.repeat(100_000);
    const { root, problems } = parseJson(text);
    expect(root).toBeUndefined();
    expect(problems).toEqual([{ kind: 'too-deep', message: 'Nesting deeper than 512 levels: asl-lint does not analyse this document', range: { start: 512, end: 513 } }]);
  });

  it('keeps __proto__ as data', () => {
    const { root } = parseJson('{"__proto__": {"polluted": true}, "constructor": 1}');
    const value = toValue(root!) as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('parseYaml', () => {
  it('builds the same model as JSON, with ranges', () => {
    const text = 'StartAt: A\nStates:\n  A:\n    Type: Succeed\n';
    const { root, problems } = parseYaml(text);
    expect(problems).toEqual([]);
    expect(toValue(root!)).toEqual({ StartAt: 'A', States: { A: { Type: 'Succeed' } } });
    const a = getProperty(findNode(root, ['States']), 'A')!;
    expect(slice(text, a.keyRange)).toBe('A');
    expect(slice(text, findNode(root, ['States', 'A', 'Type'])!.range)).toBe('Succeed');
  });

  it('turns CloudFormation short-form tags into the long form', () => {
    const text = 'Arn: !GetAtt Fn.Arn\nName: !Sub "${A}-x"\nList: !Split [",", "a,b"]\n';
    const { root } = parseYaml(text);
    expect(toValue(root!)).toEqual({ Arn: { 'Fn::GetAtt': 'Fn.Arn' }, Name: { 'Fn::Sub': '${A}-x' }, List: { 'Fn::Split': [',', 'a,b'] } });
  });

  it('expands aliases and merge keys within a node budget', () => {
    const { root, problems } = parseYaml('base: &b {Type: Pass}\nA:\n  <<: *b\n  End: true\nB: *b\n');
    expect(problems).toEqual([]);
    expect(toValue(root!)).toEqual({ base: { Type: 'Pass' }, A: { End: true, Type: 'Pass' }, B: { Type: 'Pass' } });
  });

  it('refuses a billion-laughs document instead of expanding it', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    const { root, problems } = parseYaml(lines.join('\n') + '\n');
    expect(root).toBeUndefined();
    expect(problems.map((p) => p.kind)).toEqual(['too-large']);
  });

  it('reads flow collections closed at their key\'s indentation, as PyYAML (CloudFormation, SAM) does', () => {
    const text = 'Resources:\n  Key:\n    Policy: {\n      "a": [\n        1\n    ]\n  }\n  Next: x\n';
    const { root, problems } = parseYaml(text);
    expect(problems).toEqual([]);
    expect(toValue(root!)).toEqual({ Resources: { Key: { Policy: { a: [1] } }, Next: 'x' } });
    expect(slice(text, findNode(root, ['Resources', 'Key', 'Policy'])!.range)).toBe('{\n      "a": [\n        1\n    ]\n  }');
    expect(slice(text, findNode(root, ['Resources', 'Next'])!.range)).toBe('x');
  });

  it('keeps the parser\'s errors when leniency does not cure them', () => {
    const { root, problems } = parseYaml('a: {\nb: [\n');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.kind === 'syntax')).toBe(true);
    void root;
  });

  it('collects comments with their ranges, not # inside quotes', () => {
    const text = 'a: "x # y" # real\n# whole line\nb: 1\n';
    const { comments } = parseYaml(text);
    expect(comments.map((c) => c.text)).toEqual(['real', 'whole line']);
    expect(slice(text, comments[0].range)).toBe('# real');
  });
});

describe('LineIndex', () => {
  it('handles LF, CRLF, lone CR and tabs (a tab is one column)', () => {
    const lines = new LineIndex('a\r\n\tb\rc\nd');
    expect(lines.positionAt(0)).toEqual({ line: 0, character: 0 });
    expect(lines.positionAt(4)).toEqual({ line: 1, character: 1 });
    expect(lines.positionAt(6)).toEqual({ line: 2, character: 0 });
    expect(lines.positionAt(8)).toEqual({ line: 3, character: 0 });
    expect(lines.offsetAt({ line: 1, character: 1 })).toBe(4);
    expect(lines.lineCount).toBe(4);
  });
});

describe('locatePath', () => {
  const text = '{"States": {"A": {"Type": "Task"}}}';
  const root = parseJson(text).root as AstNode;

  it('points at a value, or at a key on request', () => {
    expect(slice(text, locatePath(root, ['States', 'A', 'Type']).range)).toBe('"Task"');
    expect(slice(text, locatePath(root, ['States', 'A', 'Type'], 'key').range)).toBe('"Type"');
  });

  it('falls back to the key of the closest existing parent for a missing key', () => {
    const location = locatePath(root, ['States', 'A', 'Resource']);
    expect(location.exact).toBe(false);
    expect(slice(text, location.range)).toBe('"A"');
  });
});
