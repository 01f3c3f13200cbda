import { describe, expect, it } from 'vitest';
import { lintText, resolveRules, toLineColumn } from '@asl-lint/core';
import rule from '../../src/asl/unused-suppression.js';
import { allRules } from '../../src/index.js';
import { ruleTester } from '../../../test-support/rule-tester.js';

ruleTester(rule, {
  valid: [
    'StartAt: A\nStates:\n  # an ordinary comment\n  A:\n    Type: Succeed\n',
    '{"StartAt":"A","States":{"A":{"Type":"Succeed","Comment":"runs asl-lint-disabled checks later"}}}',
  ],
  invalid: [
    {
      name: 'next-line comment in YAML, full message',
      code: 'StartAt: A\nStates:\n  # asl-lint-disable-next-line asl/transitions -- later\n  A:\n    Type: Succeed\n',
      errors: [
        {
          messageId: 'unused',
          message: '"asl-lint-disable-next-line asl/transitions" suppresses nothing: there is no asl/transitions finding here; remove it from the directive',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 56,
        },
      ],
    },
    {
      name: 'each unused id of a directive is reported',
      code: 'StartAt: A\nStates:\n  A:\n    # asl-lint-disable-next-line asl/transitions, eks/run-job-sync\n    Type: Succeed\n',
      errors: [
        { messageId: 'unused', data: { directive: 'asl-lint-disable-next-line', ruleId: 'asl/transitions' }, line: 4, column: 5, endLine: 4, endColumn: 67 },
        { messageId: 'unused', data: { directive: 'asl-lint-disable-next-line', ruleId: 'eks/run-job-sync' }, line: 4, column: 5, endLine: 4, endColumn: 67 },
      ],
    },
    {
      name: 'a block without ids that covers nothing',
      code: 'StartAt: A\n# asl-lint-disable\nStates:\n  A:\n    Type: Succeed\n# asl-lint-enable\n',
      errors: [{ messageId: 'unused-all', message: '"asl-lint-disable" suppresses nothing: there is no finding here; remove the directive', line: 2, column: 1, endLine: 2, endColumn: 19 }],
    },
    {
      name: 'Comment field of a state in plain JSON',
      code: '{\n  "StartAt": "A",\n  "States": {\n    "A": { "Type": "Succeed", "Comment": "asl-lint-disable asl/state-names -- legacy" }\n  }\n}\n',
      errors: [{ messageId: 'unused', data: { directive: 'asl-lint-disable', ruleId: 'asl/state-names' }, line: 4, column: 42, endLine: 4, endColumn: 86 }],
    },
    {
      name: 'JSONC comment',
      filename: 'flow.asl.jsonc',
      code: '{\n  "StartAt": "A",\n  // asl-lint-disable-next-line asl/transitions\n  "States": { "A": { "Type": "Succeed" } }\n}\n',
      errors: [{ messageId: 'unused', line: 3, column: 3, endLine: 3, endColumn: 48 }],
    },
  ],
});

describe('asl/unused-suppression with the suppressed rules enabled', () => {
  const rules = resolveRules(allRules, []);
  const lint = (code: string, filePath = 'flow.asl.yaml') => {
    const result = lintText(code, { filePath, rules });
    return result.diagnostics.map((d) => ({ ruleId: d.ruleId, line: toLineColumn(result.lines, d.range).line, suppressed: d.suppressed?.kind ?? null }));
  };

  it('a directive that suppresses a finding is not reported', () => {
    expect(lint('StartAt: A\nStates:\n  A:\n    Type: Pass\n    # asl-lint-disable-next-line asl/transitions -- B comes from another stack\n    Next: B\n')).toEqual([
      { ruleId: 'asl/transitions', line: 6, suppressed: 'comment' },
    ]);
  });

  it('reports only the id that matched nothing', () => {
    expect(lint('StartAt: A\nStates:\n  A:\n    Type: Pass\n    # asl-lint-disable-next-line asl/transitions, asl/state-names\n    Next: B\n')).toEqual([
      { ruleId: 'asl/unused-suppression', line: 5, suppressed: null },
      { ruleId: 'asl/transitions', line: 6, suppressed: 'comment' },
    ]);
  });

  it('names a misspelt rule id and the closest real one, when the caller knows every rule id', () => {
    const text = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    # asl-lint-disable-next-line asl/transitons -- typo\n    Next: B\n';
    const result = lintText(text, { filePath: 'flow.asl.yaml', rules, knownRuleIds: allRules.map((r) => r.meta.id) });
    expect(result.diagnostics.map((d) => [d.ruleId, d.messageId, d.message, toLineColumn(result.lines, d.range).line])).toEqual([
      ['asl/unused-suppression', 'unknown-rule', '"asl-lint-disable-next-line asl/transitons" names no asl-lint rule (did you mean "asl/transitions"?): it suppresses nothing', 5],
      ['asl/transitions', 'unknownTarget', 'State "A": Next "B" names no state in the state machine', 6],
    ]);
  });

  it('directive comments work in .jsonc; in .json a comment is still an asl/parse error (Step Functions rejects it)', () => {
    const text = '{\n  "StartAt": "A",\n  "States": {\n    // asl-lint-disable-next-line asl/transitions -- added later\n    "A": { "Type": "Pass", "Next": "B" }\n  }\n}\n';
    expect(lint(text, 'flow.asl.jsonc')).toEqual([{ ruleId: 'asl/transitions', line: 5, suppressed: 'comment' }]);
    expect(lint(text, 'flow.asl.json')).toEqual([
      { ruleId: 'asl/parse', line: 4, suppressed: null },
      { ruleId: 'asl/transitions', line: 5, suppressed: 'comment' },
    ]);
  });

  it('is silent when switched off', () => {
    const off = resolveRules(allRules, [{ 'asl/unused-suppression': 'off' }]);
    const result = lintText('StartAt: A\nStates:\n  # asl-lint-disable-next-line asl/transitions\n  A:\n    Type: Succeed\n', { filePath: 'f.asl.yaml', rules: off });
    expect(result.diagnostics).toEqual([]);
  });
});
