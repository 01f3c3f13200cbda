import rule from '../../src/asl/no-terminal.js';
import { ruleTester } from '../../../test-support/rule-tester.js';

ruleTester(rule, {
  valid: [
    '{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Succeed"}}}',
    {
      name: 'a polling loop with a Choice exit',
      code: '{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":5,"Next":"C"},"C":{"Type":"Choice","Choices":[{"Variable":"$.done","BooleanEquals":true,"Next":"S"}],"Default":"W"},"S":{"Type":"Succeed"}}}',
    },
    {
      name: 'a loop whose only exit is a Catch',
      code: '{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Catch":[{"ErrorEquals":["States.ALL"],"Next":"F"}],"Next":"T"},"F":{"Type":"Fail"}}}',
    },
    { name: 'a broken target is left to asl/transitions', code: '{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Nope"}}}' },
  ],
  invalid: [
    {
      name: 'no terminal state at all',
      code: `{
  "StartAt": "A",
  "States": {
    "A": { "Type": "Pass", "Next": "B" },
    "B": { "Type": "Wait", "Seconds": 5, "Next": "A" }
  }
}`,
      errors: [{ messageId: 'noTerminal', message: 'No path from StartAt "A" reaches a terminal state (End, Succeed or Fail) in the state machine', line: 2, column: 14, endLine: 2, endColumn: 17 }],
    },
    {
      name: 'a reachable trap loop beside an exit',
      code: `{
  "StartAt": "C",
  "States": {
    "C": { "Type": "Choice", "Choices": [{ "Variable": "$.x", "IsNull": true, "Next": "Loop" }], "Default": "Done" },
    "Loop": { "Type": "Wait", "Seconds": 1, "Next": "Again" },
    "Again": { "Type": "Pass", "Next": "Loop" },
    "Done": { "Type": "Succeed" }
  }
}`,
      errors: [{ messageId: 'trap', message: 'State "Loop" enters a loop with no way out: no path from it reaches End, Succeed or Fail', line: 4, column: 87, endLine: 4, endColumn: 93 }],
    },
    {
      name: 'inside a Parallel branch',
      code: `StartAt: P
States:
  P:
    Type: Parallel
    Branches:
      - StartAt: X
        States:
          X:
            Type: Pass
            Next: X
    End: true
`,
      errors: [{ messageId: 'noTerminal', message: 'No path from StartAt "X" reaches a terminal state (End, Succeed or Fail) in the branch of "P"', line: 6, column: 18, endLine: 6, endColumn: 19 }],
    },
  ],
});

ruleTester(rule, {
  valid: [{ name: 'a Next of the wrong type is not a loop', code: '{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Next":7,"Catch":[{"ErrorEquals":["States.ALL"],"Next":"A"}]}}}' }],
  invalid: [],
});
