import { describe, expect, it } from 'vitest';
import { defineRule, lintText, resolveRules, toLineColumn, type Rule } from '../src/index.js';

/** Test-only rules: one finding per state (at its key), and one per `Next` value. */
const everyState: Rule = defineRule({
  meta: {
    id: 'asl/test-state',
    description: 'test',
    severity: 'error',
    fix: 'none',
    messages: { state: 'state {{name}}' },
    docs: { whatItDoes: 'test', whyItMatters: 'test', examples: { invalid: [], valid: [] } },
  },
  check(context) {
    for (const state of context.machine.states) context.report({ path: state.path, at: 'key', messageId: 'state', data: { name: state.name } });
  },
});
const everyNext: Rule = defineRule({
  meta: {
    id: 'asl/test-next',
    description: 'test',
    severity: 'warning',
    fix: 'none',
    messages: { next: 'next {{name}}' },
    docs: { whatItDoes: 'test', whyItMatters: 'test', examples: { invalid: [], valid: [] } },
  },
  check(context) {
    for (const state of context.machine.states) if (typeof state.fields.Next === 'string') context.report({ path: [...state.path, 'Next'], messageId: 'next', data: { name: state.name } });
  },
});
const unusedRule: Rule = defineRule({
  meta: {
    id: 'asl/unused-suppression',
    description: 'test',
    severity: 'warning',
    fix: 'none',
    messages: { unused: 'unused {{directive}} {{ruleId}}', 'unused-all': 'unused {{directive}}' },
    docs: { whatItDoes: 'test', whyItMatters: 'test', examples: { invalid: [], valid: [] } },
  },
});

function lint(text: string, filePath = 'a.asl.yaml') {
  const result = lintText(text, { filePath, rules: resolveRules([everyState, everyNext, unusedRule], []) });
  return result.diagnostics.map((d) => {
    const { line, column } = toLineColumn(result.lines, d.range);
    const suppressed = d.suppressed ? ` suppressed(${d.suppressed.kind}${d.suppressed.justification ? `: ${d.suppressed.justification}` : ''})` : '';
    return `${line}:${column} ${d.ruleId} ${d.message}${suppressed}`;
  });
}

describe('suppression directives', () => {
  it('disable-next-line covers the next line only, for the named rules', () => {
    expect(lint('StartAt: A\nStates:\n  # asl-lint-disable-next-line asl/test-state -- generated\n  A:\n    Type: Pass\n    Next: B\n  B:\n    Type: Succeed\n')).toEqual([
      '4:3 asl/test-state state A suppressed(comment: generated)',
      '6:11 asl/test-next next A',
      '7:3 asl/test-state state B',
    ]);
  });

  it('disable-line covers its own line, for a trailing comment', () => {
    expect(lint('StartAt: A\nStates:\n  A:  # asl-lint-disable-line asl/test-state -- generated\n    Type: Pass\n    Next: B  # asl-lint-disable-line\n  B:\n    Type: Succeed\n')).toEqual([
      '3:3 asl/test-state state A suppressed(comment: generated)',
      '5:11 asl/test-next next A suppressed(comment)',
      '6:3 asl/test-state state B',
    ]);
  });

  it('a trailing comment on a line of code points at the next line too', () => {
    expect(lint('StartAt: A\nStates:  # asl-lint-disable-next-line asl/test-state, asl/test-next\n  A:\n    Type: Succeed\n')).toEqual([
      '2:10 asl/unused-suppression unused asl-lint-disable-next-line asl/test-next',
      '3:3 asl/test-state state A suppressed(comment)',
    ]);
  });

  it('a directive without ids covers every rule', () => {
    expect(lint('StartAt: A\nStates:\n  A:\n    Type: Pass\n    # asl-lint-disable-next-line\n    Next: B\n  B:\n    Type: Succeed\n')).toEqual([
      '3:3 asl/test-state state A',
      '6:11 asl/test-next next A suppressed(comment)',
      '7:3 asl/test-state state B',
    ]);
  });

  it('disable / enable blocks, closed by id or by a bare enable', () => {
    const text = [
      'StartAt: A',
      'States:',
      '  # asl-lint-disable asl/test-state',
      '  # asl-lint-disable asl/test-next -- reviewed',
      '  A:',
      '    Type: Pass',
      '    Next: B',
      '  # asl-lint-enable asl/test-state',
      '  B:',
      '    Type: Pass',
      '    Next: C',
      '  # asl-lint-enable',
      '  C:',
      '    Type: Succeed',
      '',
    ].join('\n');
    expect(lint(text)).toEqual([
      '5:3 asl/test-state state A suppressed(comment)',
      '7:11 asl/test-next next A suppressed(comment: reviewed)',
      '9:3 asl/test-state state B',
      '11:11 asl/test-next next B suppressed(comment: reviewed)',
      '13:3 asl/test-state state C',
    ]);
  });

  it('an unclosed block runs to the end of the file', () => {
    expect(lint('StartAt: A\n# asl-lint-disable asl/test-state\nStates:\n  A:\n    Type: Succeed\n')).toEqual(['4:3 asl/test-state state A suppressed(comment)']);
  });

  it('JSONC line and block comments', () => {
    const text = '{\n  "StartAt": "A",\n  "States": {\n    /* asl-lint-disable-next-line asl/test-state */\n    "A": { "Type": "Pass", "Next": "B" },\n    // asl-lint-disable-next-line asl/test-state -- last\n    "B": { "Type": "Succeed" }\n  }\n}\n';
    expect(lint(text, 'a.asl.jsonc')).toEqual([
      '5:5 asl/test-state state A suppressed(comment)',
      '5:36 asl/test-next next A',
      '7:5 asl/test-state state B suppressed(comment: last)',
    ]);
  });

  it('the Comment field of a state covers that state, its key included', () => {
    const text = '{\n  "StartAt": "A",\n  "States": {\n    "A": { "Type": "Pass", "Comment": "asl-lint-disable asl/test-state asl/test-next -- legacy", "Next": "B" },\n    "B": { "Type": "Succeed" }\n  }\n}\n';
    expect(lint(text, 'a.asl.json')).toEqual([
      '4:5 asl/test-state state A suppressed(comment-field: legacy)',
      '4:106 asl/test-next next A suppressed(comment-field: legacy)',
      '5:5 asl/test-state state B',
    ]);
  });

  it('the Comment field of the state machine covers the whole definition, nested states included', () => {
    const text =
      '{\n  "Comment": "Nightly. asl-lint-disable asl/test-state -- generated by a tool",\n  "StartAt": "P",\n  "States": {\n    "P": { "Type": "Parallel", "End": true, "Branches": [{ "StartAt": "X", "States": { "X": { "Type": "Succeed" } } }] }\n  }\n}\n';
    expect(lint(text, 'a.asl.json')).toEqual([
      '5:5 asl/test-state state P suppressed(comment-field: generated by a tool)',
      '5:88 asl/test-state state X suppressed(comment-field: generated by a tool)',
    ]);
  });

  it('words that merely contain the directive are not directives', () => {
    expect(lint('StartAt: A\nStates:\n  # see asl-lint-disable-next-lines in the docs\n  A:\n    Type: Succeed\n')).toEqual(['4:3 asl/test-state state A']);
  });

  it('a next-line directive on the last line suppresses nothing and says so', () => {
    expect(lint('StartAt: A\nStates:\n  A:\n    Type: Succeed\n# asl-lint-disable-next-line asl/test-state')).toEqual([
      '3:3 asl/test-state state A',
      '5:1 asl/unused-suppression unused asl-lint-disable-next-line asl/test-state',
    ]);
  });

  it('CRLF line endings', () => {
    expect(lint('StartAt: A\r\nStates:\r\n  # asl-lint-disable-next-line asl/test-state\r\n  A:\r\n    Type: Succeed\r\n')).toEqual(['4:3 asl/test-state state A suppressed(comment)']);
  });
});
