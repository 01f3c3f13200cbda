import { describe, expect, it } from 'vitest';
import {
  applyFixes,
  defineRule,
  findNode,
  fixUntilStable,
  lintText,
  parseText,
  resolveRules,
  valueEditText,
  type JsonValue,
  type Rule,
  type SourceLanguage,
} from '../src/index.js';

describe('valueEditText keeps the scalar style of YAML', () => {
  const table: { name: string; language: SourceLanguage; text: string; value: JsonValue; expected: string }[] = [
    { name: 'JSON string', language: 'json', text: '{"R": "a:b"}', value: 'a:b.sync', expected: '"a:b.sync"' },
    { name: 'JSON object', language: 'json', text: '{"R": 1}', value: { x: [1, 'y'] }, expected: '{"x":[1,"y"]}' },
    { name: 'YAML plain stays plain', language: 'yaml', text: 'R: arn:aws:states:::eks:runJob\n', value: 'arn:aws:states:::eks:runJob.sync', expected: 'arn:aws:states:::eks:runJob.sync' },
    { name: 'YAML single-quoted stays single-quoted', language: 'yaml', text: "R: 'it''s'\n", value: "it's here", expected: "'it''s here'" },
    { name: 'YAML double-quoted stays double-quoted', language: 'yaml', text: 'R: "x"\n', value: 'say "hi"', expected: '"say \\"hi\\""' },
    { name: 'YAML plain that cannot stay plain is quoted', language: 'yaml', text: 'R: x\n', value: 'a: b # c', expected: '"a: b # c"' },
    { name: 'YAML plain in flow context with a comma', language: 'yaml', text: 'R: { k: x }\n', value: 'a,b', expected: '"a,b"' },
    { name: 'YAML plain that would read as a number', language: 'yaml', text: 'R: x\n', value: '123', expected: '"123"' },
    { name: 'YAML tag is kept', language: 'yaml', text: 'R: !Sub arn:${AWS::Partition}:states:::eks:runJob\n', value: 'arn:${AWS::Partition}:states:::eks:runJob.sync', expected: 'arn:${AWS::Partition}:states:::eks:runJob.sync' },
    { name: 'YAML plain with braces in flow context is quoted', language: 'yaml', text: 'R: { k: x }\n', value: 'a${b}', expected: '"a${b}"' },
    { name: 'YAML plain with braces in block context stays plain', language: 'yaml', text: 'R: x\n', value: 'a${b}', expected: 'a${b}' },
    { name: 'YAML block scalar becomes a JSON string', language: 'yaml', text: 'R: |\n  x\n', value: 'y', expected: '"y"' },
    { name: 'YAML number stays a JSON literal', language: 'yaml', text: 'R: 1\n', value: 2, expected: '2' },
  ];
  it.each(table)('$name', ({ language, text, value, expected }) => {
    const document = parseText(text, language);
    let node = findNode(document.root, ['R']);
    if (node?.kind === 'object' && node.properties.length === 1 && node.properties[0].key === 'k') node = findNode(node, ['k']);
    if (node?.kind === 'object' && node.properties[0]?.key === 'Fn::Sub') node = findNode(node, ['Fn::Sub']);
    expect(node).toBeDefined();
    const edited = valueEditText(text, node!, value, language);
    expect(edited).toBe(expected);
    // The edited text parses back to the value.
    const output = text.slice(0, node!.range.start) + edited + text.slice(node!.range.end);
    const reparsed = parseText(output, language);
    expect(reparsed.problems).toEqual([]);
  });
});

describe('applyFixes', () => {
  it('applies whole fixes in order and leaves an overlapping one for the next pass', () => {
    const text = 'abcdef';
    const result = applyFixes(text, [
      { message: 'second', edits: [{ range: { start: 3, end: 4 }, text: 'D' }] },
      { message: 'first', edits: [{ range: { start: 0, end: 1 }, text: 'A' }, { range: { start: 5, end: 6 }, text: 'F' }] },
      { message: 'overlaps first', edits: [{ range: { start: 0, end: 2 }, text: 'xx' }] },
    ]);
    expect(result).toEqual({ output: 'AbcdeF', applied: 1 });
    const separate = applyFixes(text, [
      { message: 'a', edits: [{ range: { start: 0, end: 1 }, text: 'A' }] },
      { message: 'd', edits: [{ range: { start: 3, end: 4 }, text: 'D' }] },
    ]);
    expect(separate).toEqual({ output: 'AbcDef', applied: 2 });
  });
});

/** Test-only rules: `Type: Wait0` → `Wait1` → `Wait2` takes two passes; `Breaker` offers a fix that breaks the text. */
const stepRule: Rule = defineRule({
  meta: {
    id: 'asl/test-step',
    description: 'test',
    severity: 'warning',
    fix: 'safe',
    messages: { step: 'step {{from}}' },
    docs: { whatItDoes: 'test', whyItMatters: 'test', examples: { invalid: [], valid: [] } },
  },
  check(context) {
    for (const state of context.machine.states) {
      const comment = state.fields.Comment;
      if (typeof comment !== 'string') continue;
      const match = /^Wait(\d)$/.exec(comment);
      if (match && Number(match[1]) < 2) {
        const path = [...state.path, 'Comment'];
        context.report({ path, messageId: 'step', data: { from: comment }, fix: { message: 'step', changes: [{ kind: 'replace-value', path, value: `Wait${Number(match[1]) + 1}` }] } });
      }
      if (comment === 'Breaker') {
        const node = findNode(context.definition.root, [...state.path, 'Comment'])!;
        context.report({ path: [...state.path, 'Comment'], messageId: 'step', data: { from: comment }, fix: { message: 'break', changes: [{ kind: 'text', range: node.range, text: '{{{' }] } });
      }
      if (comment === 'Forever') {
        const node = findNode(context.definition.root, [...state.path, 'Comment'])!;
        context.report({ path: [...state.path, 'Comment'], messageId: 'step', data: { from: comment }, fix: { message: 'grow', changes: [{ kind: 'text', range: { start: node.range.end, end: node.range.end }, text: ' ' }] } });
      }
    }
  },
});
const rules = resolveRules([stepRule], []);
const lintWith = (filePath: string) => (text: string) => lintText(text, { filePath, rules });

describe('fixUntilStable', () => {
  it('repeats until no fix is left, keeping everything else', () => {
    const text = '# keep me\nStartAt: A\nStates:\n  A:\n    Comment: Wait0   # and me\n    Type: Succeed\n';
    const outcome = fixUntilStable(text, lintWith('a.asl.yaml'));
    expect(outcome.output).toBe('# keep me\nStartAt: A\nStates:\n  A:\n    Comment: Wait2   # and me\n    Type: Succeed\n');
    expect(outcome.passes).toBe(2);
    expect(outcome.fixCount).toBe(2);
    expect(outcome.result.diagnostics).toEqual([]);
    // Idempotent: fixing the output changes nothing.
    expect(fixUntilStable(outcome.output, lintWith('a.asl.yaml')).output).toBe(outcome.output);
  });

  it('never keeps a fix that makes the text unparsable', () => {
    const text = '{"StartAt": "A", "States": {"A": {"Type": "Succeed", "Comment": "Breaker"}}}';
    const outcome = fixUntilStable(text, lintWith('a.asl.json'));
    expect(outcome.output).toBe(text);
    expect(outcome.passes).toBe(0);
  });

  it('never fixes a text that does not parse', () => {
    const text = '{"StartAt": "A", "States": {"A": {"Comment": "Wait0",}';
    expect(fixUntilStable(text, lintWith('a.asl.json')).output).toBe(text);
  });

  it('stops after a bounded number of passes', () => {
    const text = 'StartAt: A\nStates:\n  A:\n    Comment: Forever\n    Type: Succeed\n';
    const outcome = fixUntilStable(text, lintWith('a.asl.yaml'), 3);
    expect(outcome.passes).toBe(3);
    expect(outcome.output).toBe('StartAt: A\nStates:\n  A:\n    Comment: Forever   \n    Type: Succeed\n');
  });

  it('does not apply the fix of a suppressed finding', () => {
    const text = 'StartAt: A\nStates:\n  A:\n    # asl-lint-disable-next-line asl/test-step -- on purpose\n    Comment: Wait0\n    Type: Succeed\n';
    expect(fixUntilStable(text, lintWith('a.asl.yaml')).output).toBe(text);
  });
});
