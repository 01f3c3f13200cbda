import { describe, expect, it } from 'vitest';
import { parseYaml, toValue, type AstNode, type ObjectNode } from '../src/index.js';

const slice = (text: string, node: { start: number; end: number }) => text.slice(node.start, node.end);

describe('CloudFormation short-form tags', () => {
  const text = `A: !GetAtt Role.Arn
B: !If [IsProd, !Ref Big, !Ref "AWS::NoValue"]
C: !Sub [ "a\${x}", { x: 1 } ]
D: !Join
  - ''
  - - x
    - !Ref Y
E: !Condition IsProd
F: !Select [0, !GetAZs ""]
`;
  const root = parseYaml(text).root as ObjectNode;

  it('become the long form', () => {
    expect(toValue(root)).toEqual({
      A: { 'Fn::GetAtt': 'Role.Arn' },
      B: { 'Fn::If': ['IsProd', { Ref: 'Big' }, { Ref: 'AWS::NoValue' }] },
      C: { 'Fn::Sub': ['a${x}', { x: 1 }] },
      D: { 'Fn::Join': ['', ['x', { Ref: 'Y' }]] },
      E: { Condition: 'IsProd' },
      F: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] },
    });
  });

  it('keep the tag as the key range and the tagged value as the object range', () => {
    const value = (key: string): ObjectNode => root.properties.find((p) => p.key === key)!.value as ObjectNode;
    expect(slice(text, value('A').properties[0].keyRange)).toBe('!GetAtt');
    expect(slice(text, value('A').range)).toBe('!GetAtt Role.Arn');
    expect(slice(text, value('B').properties[0].keyRange)).toBe('!If');
    const ref = (value('B').properties[0].value as { items: AstNode[] }).items[1] as ObjectNode;
    expect(slice(text, ref.range)).toBe('!Ref Big');
    expect(slice(text, value('D').properties[0].keyRange)).toBe('!Join');
    expect(slice(text, value('E').properties[0].keyRange)).toBe('!Condition');
  });
});
