import rule from '../../src/asl/timeouts.js';
import { ruleTester } from '../../../test-support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'positive timeouts, heartbeat below timeout',
      code: `{
  "TimeoutSeconds": 1,
  "StartAt": "A",
  "States": {
    "A": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "TimeoutSeconds": 99999999, "HeartbeatSeconds": 99999998, "End": true }
  }
}`,
    },
    {
      name: 'a heartbeat alone, a timeout alone',
      code: '{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","HeartbeatSeconds":30,"Next":"B"},"B":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","TimeoutSeconds":30,"End":true}}}',
    },
    {
      name: 'JSONata expressions and paths are known only at run time',
      code: `{
  "QueryLanguage": "JSONata",
  "StartAt": "A",
  "States": {
    "A": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "TimeoutSeconds": "{% $states.input.t %}", "HeartbeatSeconds": 10, "Next": "B" },
    "B": { "Type": "Task", "QueryLanguage": "JSONPath", "Resource": "arn:aws:states:::lambda:invoke", "TimeoutSecondsPath": "$.t", "HeartbeatSeconds": 10, "End": true }
  }
}`,
    },
    {
      name: 'wrong types are asl/schema\'s concern',
      code: `{
  "TimeoutSeconds": { "Ref": "Timeout" },
  "StartAt": "A",
  "States": {
    "A": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "TimeoutSeconds": "0", "HeartbeatSeconds": 1.5, "End": true }
  }
}`,
    },
    {
      name: 'timeouts of other state types are asl/schema\'s concern',
      code: '{"StartAt":"A","States":{"A":{"Type":"Pass","TimeoutSeconds":0,"End":true}}}',
    },
  ],
  invalid: [
    {
      name: 'heartbeat not below timeout (full message)',
      code: `{
  "StartAt": "A",
  "States": {
    "A": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "TimeoutSeconds": 60, "HeartbeatSeconds": 60, "End": true }
  }
}`,
      errors: [
        { messageId: 'heartbeatNotBelow', message: 'State "A": "HeartbeatSeconds" (60) must be smaller than "TimeoutSeconds" (60), or the heartbeat can never time out first', line: 4, column: 116, endLine: 4, endColumn: 118 },
      ],
    },
    {
      name: 'non-positive and too large values (full messages)',
      code: `{
  "TimeoutSeconds": -5,
  "StartAt": "A",
  "States": {
    "A": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "TimeoutSeconds": 0, "HeartbeatSeconds": 100000000, "End": true }
  }
}`,
      errors: [
        { messageId: 'notPositive', message: 'The state machine: "TimeoutSeconds" must be a positive integer, not -5', line: 2, column: 21, endLine: 2, endColumn: 23 },
        { messageId: 'notPositive', message: 'State "A": "TimeoutSeconds" must be a positive integer, not 0', line: 5, column: 92, endLine: 5, endColumn: 93 },
        { messageId: 'tooLarge', message: 'State "A": "HeartbeatSeconds" is 100000000; the maximum is 99999999', line: 5, column: 115, endLine: 5, endColumn: 124 },
      ],
    },
    {
      name: 'nested in a Parallel branch',
      code: `{
  "StartAt": "P",
  "States": {
    "P": {
      "Type": "Parallel",
      "Branches": [{ "StartAt": "Inner", "States": { "Inner": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "TimeoutSeconds": 10, "HeartbeatSeconds": 20, "End": true } } }],
      "End": true
    }
  }
}`,
      errors: [
        { messageId: 'heartbeatNotBelow', line: 6, column: 169, endLine: 6, endColumn: 171 },
      ],
    },
    {
      name: 'YAML, nested in a Map, JSONata state',
      code: `QueryLanguage: JSONata
StartAt: M
States:
  M:
    Type: Map
    ItemProcessor:
      StartAt: Work
      States:
        Work:
          Type: Task
          Resource: arn:aws:states:::lambda:invoke
          HeartbeatSeconds: 0
          End: true
    End: true
`,
      errors: [
        { messageId: 'notPositive', line: 12, column: 29, endLine: 12, endColumn: 30 },
      ],
    },
  ],
});
