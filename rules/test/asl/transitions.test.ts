import rule from '../../src/asl/transitions.js';
import { ruleTester } from '../../../test-support/rule-tester.js';

ruleTester(rule, {
  valid: [
    '{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Succeed"}}}',
    {
      name: 'Choice rules, Default and Catch targets in scope',
      code: `{
  "StartAt": "Pick",
  "States": {
    "Pick": { "Type": "Choice", "Choices": [{ "Variable": "$.x", "IsPresent": true, "Next": "Work" }], "Default": "Done" },
    "Work": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Catch": [{ "ErrorEquals": ["States.ALL"], "Next": "Done" }], "End": true },
    "Done": { "Type": "Succeed" }
  }
}`,
    },
    {
      name: 'keys named Next, Default and End inside payloads are data',
      code: `{
  "StartAt": "A",
  "States": {
    "A": { "Type": "Pass", "Parameters": { "Next": "Nowhere", "Default": "x", "End": false }, "Result": { "Next": "Z" }, "End": true }
  }
}`,
    },
    {
      name: 'YAML, nested in a Map',
      code: `StartAt: M
States:
  M:
    Type: Map
    ItemProcessor:
      StartAt: Inner
      States:
        Inner:
          Type: Pass
          End: true
    End: true
`,
    },
  ],
  invalid: [
    {
      name: 'unknown Next with a suggestion (full message)',
      code: `{
  "StartAt": "A",
  "States": {
    "A": { "Type": "Pass", "Next": "Finsh" },
    "Finish": { "Type": "Succeed" }
  }
}`,
      errors: [{ messageId: 'unknownTarget', message: 'State "A": Next "Finsh" names no state in the state machine (did you mean "Finish"?)', line: 4, column: 36, endLine: 4, endColumn: 43 }],
    },
    {
      name: 'StartAt names no state',
      code: '{"StartAt":"Nope","States":{"A":{"Type":"Succeed"}}}',
      errors: [{ messageId: 'unknownStartAt', message: 'StartAt "Nope" names no state in the state machine', line: 1, column: 12, endLine: 1, endColumn: 18 }],
    },
    {
      name: 'a branch state jumping out of its branch',
      code: `{
  "StartAt": "P",
  "States": {
    "P": {
      "Type": "Parallel",
      "Branches": [{ "StartAt": "In", "States": { "In": { "Type": "Pass", "Next": "Out" } } }],
      "Next": "Out"
    },
    "Out": { "Type": "Succeed" }
  }
}`,
      errors: [{ messageId: 'otherScope', message: 'State "In": Next "Out" is a state of another scope; a state can only transition to states of its own branch', line: 6, column: 83, endLine: 6, endColumn: 88 }],
    },
    {
      name: 'Choice rule, Default and Catch targets',
      code: `{
  "StartAt": "C",
  "States": {
    "C": { "Type": "Choice", "Choices": [{ "Variable": "$.x", "IsNull": true, "Next": "X" }], "Default": "Y" },
    "T": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Catch": [{ "ErrorEquals": ["States.ALL"], "Next": "Z" }], "End": true }
  }
}`,
      errors: [
        { messageId: 'unknownTarget', message: 'State "C": Choices[0].Next "X" names no state in the state machine', line: 4, column: 87, endLine: 4, endColumn: 90 },
        { messageId: 'unknownTarget', line: 4, column: 106, endLine: 4, endColumn: 109 },
        { messageId: 'unknownTarget', message: 'State "T": Catch[0].Next "Z" names no state in the state machine', line: 5, column: 125, endLine: 5, endColumn: 128 },
      ],
    },
    {
      name: 'both Next and End',
      code: '{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B","End":true},"B":{"Type":"Succeed"}}}',
      errors: [{ messageId: 'nextAndEnd', message: 'State "A" has both "Next" and "End": true; keep exactly one', line: 1, column: 56, endLine: 1, endColumn: 61 }],
    },
    {
      name: 'neither Next nor End, in YAML',
      code: `StartAt: A
States:
  A:
    Type: Task
    Resource: arn:aws:states:::lambda:invoke
`,
      errors: [{ messageId: 'neither', message: 'State "A" of type Task needs "Next" or "End": true', line: 3, column: 3, endLine: 3, endColumn: 4 }],
    },
  ],
});

ruleTester(rule, {
  valid: [
    { name: 'States of the wrong type is left to asl/schema', code: '{"StartAt":"A","States":[]}' },
    { name: 'a branch whose States is a string', code: '{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"X","States":"none"}],"End":true}}}' },
  ],
  invalid: [],
});
