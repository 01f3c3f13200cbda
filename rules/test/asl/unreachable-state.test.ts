import rule from '../../src/asl/unreachable-state.js';
import { ruleTester } from '../../../test-support/rule-tester.js';

ruleTester(rule, {
  valid: [
    '{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Succeed"}}}',
    { name: 'reached only through a Catch', code: '{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Catch":[{"ErrorEquals":["States.ALL"],"Next":"F"}],"End":true},"F":{"Type":"Fail"}}}' },
    { name: 'a broken StartAt is left to asl/transitions', code: '{"StartAt":"Z","States":{"A":{"Type":"Succeed"}}}' },
  ],
  invalid: [
    {
      name: 'an orphan state',
      code: `{
  "StartAt": "A",
  "States": {
    "A": { "Type": "Succeed" },
    "Orphan": { "Type": "Pass", "End": true }
  }
}`,
      errors: [{ messageId: 'unreachable', message: 'State "Orphan" is never reached from StartAt "A"', line: 5, column: 5, endLine: 5, endColumn: 13 }],
    },
    {
      name: 'a cycle that nothing enters is unreachable',
      code: `{
  "StartAt": "A",
  "States": {
    "A": { "Type": "Succeed" },
    "X": { "Type": "Pass", "Next": "Y" },
    "Y": { "Type": "Pass", "Next": "X" }
  }
}`,
      errors: [
        { messageId: 'unreachable', line: 5, column: 5, endLine: 5, endColumn: 8 },
        { messageId: 'unreachable', line: 6, column: 5, endLine: 6, endColumn: 8 },
      ],
    },
    {
      name: 'inside a Map item processor, in YAML',
      code: `StartAt: M
States:
  M:
    Type: Map
    ItemProcessor:
      StartAt: In
      States:
        In:
          Type: Succeed
        Lost:
          Type: Succeed
    End: true
`,
      errors: [{ messageId: 'unreachable', message: 'State "Lost" is never reached from StartAt "In"', line: 10, column: 9, endLine: 10, endColumn: 13 }],
    },
  ],
});

ruleTester(rule, {
  valid: [
    { name: 'a Next of the wrong type leaves reachability unknown', code: '{"StartAt":"A","States":{"A":{"Type":"Pass","Next":7},"B":{"Type":"Succeed"}}}' },
    { name: 'a Catch of the wrong type leaves reachability unknown', code: '{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Catch":{"Next":"B"},"End":true},"B":{"Type":"Succeed"}}}' },
    { name: 'an entry of States that is not an object is not a state', code: '{"StartAt":"A","States":{"QueryLanguage":"JSONata","A":{"Type":"Succeed"}}}' },
  ],
  invalid: [],
});
