import rule from '../../src/asl/retry-catch.js';
import { describe, expect, it } from 'vitest';
import { lintText, resolveRules } from '@asl-lint/core';
import { ruleTester } from '../../../test-support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'predefined names, service and user names, numbers in range',
      code: `{
  "StartAt": "A",
  "States": {
    "A": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Retry": [
        { "ErrorEquals": ["States.Timeout", "States.HeartbeatTimeout", "States.Http.Socket"], "IntervalSeconds": 1, "MaxAttempts": 0, "BackoffRate": 1, "MaxDelaySeconds": 31622400, "JitterStrategy": "NONE" },
        { "ErrorEquals": ["EKS.401", "EKS.404", "Lambda.ServiceException", "MyError"], "IntervalSeconds": 99999999, "MaxAttempts": 99999999, "BackoffRate": 1.5 },
        { "ErrorEquals": ["States.ALL"] }
      ],
      "Catch": [
        { "ErrorEquals": ["States.DataLimitExceeded", "States.Runtime"], "Next": "B" },
        { "ErrorEquals": ["States.ALL"], "Next": "B" }
      ],
      "End": true
    },
    "B": { "Type": "Succeed" }
  }
}`,
    },
    {
      name: 'a reserved name that a Fail state of the machine raises',
      code: `{
  "StartAt": "P",
  "States": {
    "P": {
      "Type": "Parallel",
      "Branches": [{ "StartAt": "Quorum", "States": { "Quorum": { "Type": "Fail", "Error": "States.QuorumMet" } } }],
      "Catch": [{ "ErrorEquals": ["States.QuorumMet"], "Next": "Done" }],
      "End": true
    },
    "Done": { "Type": "Succeed" }
  }
}`,
    },
    {
      name: 'wrong types are asl/schema\'s concern',
      code: `{
  "StartAt": "A",
  "States": {
    "A": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Retry": [{ "ErrorEquals": "States.ALL", "IntervalSeconds": 0.5, "MaxAttempts": "3", "BackoffRate": "x", "JitterStrategy": 1 }, "x", { "ErrorEquals": [7] }],
      "Catch": { "ErrorEquals": [] },
      "End": true
    },
    "B": { "Type": "Succeed" }
  }
}`,
    },
    {
      name: 'Retry on a Pass state is not this rule\'s concern',
      code: '{"StartAt":"A","States":{"A":{"Type":"Pass","Retry":[{"ErrorEquals":[]}],"End":true}}}',
    },
  ],
  invalid: [
    {
      name: 'States.ALL not last (full message)',
      code: `{
  "StartAt": "A",
  "States": {
    "A": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Catch": [
        { "ErrorEquals": ["States.ALL"], "Next": "B" },
        { "ErrorEquals": ["States.Timeout"], "Next": "B" }
      ],
      "End": true
    },
    "B": { "Type": "Succeed" }
  }
}`,
      errors: [
        { messageId: 'allNotLast', message: 'State "A": Catch[0] matches "States.ALL" but is not the last catcher; the catchers after it can never match', line: 8, column: 27, endLine: 8, endColumn: 39 },
      ],
    },
    {
      name: 'States.ALL beside other names (full message)',
      code: `{
  "StartAt": "A",
  "States": {
    "A": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Retry": [{ "ErrorEquals": ["States.Timeout", "States.ALL"] }],
      "End": true
    },
    "B": { "Type": "Succeed" }
  }
}`,
      errors: [
        { messageId: 'allNotAlone', message: 'State "A": "States.ALL" in Retry[0] must be the only error name of its ErrorEquals', line: 7, column: 53, endLine: 7, endColumn: 65 },
      ],
    },
    {
      name: 'States.ALL neither alone nor last, in a retrier',
      code: `{
  "StartAt": "A",
  "States": {
    "A": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Retry": [{ "ErrorEquals": ["States.ALL", "MyError"] }, { "ErrorEquals": ["MyError"] }],
      "End": true
    },
    "B": { "Type": "Succeed" }
  }
}`,
      errors: [
        { messageId: 'allNotAlone', message: 'State "A": "States.ALL" in Retry[0] must be the only error name of its ErrorEquals', line: 7, column: 35, endLine: 7, endColumn: 47 },
        { messageId: 'allNotLast', message: 'State "A": Retry[0] matches "States.ALL" but is not the last retrier; the retriers after it can never match', line: 7, column: 35, endLine: 7, endColumn: 47 },
        { messageId: 'shadowed', message: 'State "A": "MyError" in Retry[1] never matches: Retry[0] already matches it, and the first matching retrier wins', line: 7, column: 81, endLine: 7, endColumn: 90 },
      ],
    },
    {
      name: 'unknown States.* names (full messages)',
      code: `{
  "StartAt": "A",
  "States": {
    "A": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Retry": [{ "ErrorEquals": ["States.Timout", "States.MyOwnError"] }],
      "Catch": [{ "ErrorEquals": ["States.TaskFailed", "States.all"], "Next": "B" }],
      "End": true
    },
    "B": { "Type": "Succeed" }
  }
}`,
      errors: [
        { messageId: 'unknownStatesError', message: 'State "A": "States.Timout" in Retry[0] is not a predefined error name (did you mean "States.Timeout"?) and no Fail state raises it, so it never matches; names starting with "States." are reserved for Step Functions', line: 7, column: 35, endLine: 7, endColumn: 50 },
        { messageId: 'unknownStatesError', message: 'State "A": "States.MyOwnError" in Retry[0] is not a predefined error name and no Fail state raises it, so it never matches; names starting with "States." are reserved for Step Functions', line: 7, column: 52, endLine: 7, endColumn: 71 },
        { messageId: 'unknownStatesError', message: 'State "A": "States.all" in Catch[0] is not a predefined error name (did you mean "States.ALL"?) and no Fail state raises it, so it never matches; names starting with "States." are reserved for Step Functions', line: 8, column: 56, endLine: 8, endColumn: 68 },
      ],
    },
    {
      name: 'names an earlier retrier or catcher already matches (full messages)',
      code: `{
  "StartAt": "A",
  "States": {
    "A": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Retry": [
        { "ErrorEquals": ["Lambda.ServiceException"], "MaxAttempts": 2 },
        { "ErrorEquals": ["Lambda.ServiceException", "Lambda.TooManyRequestsException"], "MaxAttempts": 5 }
      ],
      "Catch": [
        { "ErrorEquals": ["States.TaskFailed"], "Next": "B" },
        { "ErrorEquals": ["EKS.404", "States.Timeout"], "Next": "B" }
      ],
      "End": true
    },
    "B": { "Type": "Succeed" }
  }
}`,
      errors: [
        { messageId: 'shadowed', message: 'State "A": "Lambda.ServiceException" in Retry[1] never matches: Retry[0] already matches it, and the first matching retrier wins', line: 9, column: 27, endLine: 9, endColumn: 52 },
        { messageId: 'shadowed', message: 'State "A": "EKS.404" in Catch[1] never matches: Catch[0] already matches it through "States.TaskFailed", and the first matching catcher wins', line: 13, column: 27, endLine: 13, endColumn: 36 },
      ],
    },
    {
      name: 'empty ErrorEquals (full message)',
      code: `{
  "StartAt": "A",
  "States": {
    "A": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Retry": [{ "ErrorEquals": [] }],
      "Catch": [{ "ErrorEquals": [], "Next": "B" }],
      "End": true
    },
    "B": { "Type": "Succeed" }
  }
}`,
      errors: [
        { messageId: 'emptyErrorEquals', message: 'State "A": Retry[0].ErrorEquals is empty; list at least one error name', line: 7, column: 34, endLine: 7, endColumn: 36 },
        { messageId: 'emptyErrorEquals', message: 'State "A": Catch[0].ErrorEquals is empty; list at least one error name', line: 8, column: 34, endLine: 8, endColumn: 36 },
      ],
    },
    {
      name: 'retrier numbers out of range (full messages)',
      code: `{
  "StartAt": "A",
  "States": {
    "A": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Retry": [{ "ErrorEquals": ["E"], "IntervalSeconds": 0, "MaxAttempts": -1, "BackoffRate": 0.5, "MaxDelaySeconds": 31622401, "JitterStrategy": "PARTIAL" }],
      "End": true
    },
    "B": { "Type": "Succeed" }
  }
}`,
      errors: [
        { messageId: 'badNumber', message: 'State "A": Retry[0].IntervalSeconds must be a positive integer no larger than 99999999, not 0', line: 7, column: 60, endLine: 7, endColumn: 61 },
        { messageId: 'badNumber', message: 'State "A": Retry[0].MaxAttempts must be an integer from 0 to 99999999, not -1', line: 7, column: 78, endLine: 7, endColumn: 80 },
        { messageId: 'badNumber', message: 'State "A": Retry[0].BackoffRate must be a number of at least 1.0, not 0.5', line: 7, column: 97, endLine: 7, endColumn: 100 },
        { messageId: 'badNumber', message: 'State "A": Retry[0].MaxDelaySeconds must be an integer from 1 to 31622400, not 31622401', line: 7, column: 121, endLine: 7, endColumn: 129 },
        { messageId: 'badJitter', message: 'State "A": Retry[0].JitterStrategy must be "FULL" or "NONE", not "PARTIAL"', line: 7, column: 149, endLine: 7, endColumn: 158 },
      ],
    },
    {
      name: 'upper bounds',
      code: `{
  "StartAt": "A",
  "States": {
    "A": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Retry": [{ "ErrorEquals": ["E"], "IntervalSeconds": 100000000, "MaxAttempts": 100000000, "MaxDelaySeconds": 0 }],
      "End": true
    },
    "B": { "Type": "Succeed" }
  }
}`,
      errors: [
        { messageId: 'badNumber', line: 7, column: 60, endLine: 7, endColumn: 69 },
        { messageId: 'badNumber', line: 7, column: 86, endLine: 7, endColumn: 95 },
        { messageId: 'badNumber', line: 7, column: 116, endLine: 7, endColumn: 117 },
      ],
    },
    {
      name: 'JSONata state, nested in a Parallel branch',
      code: `{
  "QueryLanguage": "JSONata",
  "StartAt": "P",
  "States": {
    "P": {
      "Type": "Parallel",
      "Branches": [{
        "StartAt": "Inner",
        "States": {
          "Inner": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Retry": [{ "ErrorEquals": ["States.ALL"] }, { "ErrorEquals": ["States.Timeout"] }], "End": true }
        }
      }],
      "Catch": [{ "ErrorEquals": ["States.BranchFaild"], "Output": "{% $states.errorOutput %}", "Next": "Done" }],
      "Next": "Done"
    },
    "Done": { "Type": "Succeed" }
  }
}`,
      errors: [
        { messageId: 'allNotLast', line: 10, column: 112, endLine: 10, endColumn: 124 },
        { messageId: 'unknownStatesError', line: 13, column: 35, endLine: 13, endColumn: 55 },
      ],
    },
    {
      name: 'YAML, nested in a Map',
      code: `StartAt: M
States:
  M:
    Type: Map
    ItemProcessor:
      StartAt: Work
      States:
        Work:
          Type: Task
          Resource: arn:aws:states:::lambda:invoke
          Retry:
            - ErrorEquals: [States.ALL, States.Timeout]
              BackoffRate: 0
          End: true
    End: true
`,
      errors: [
        { messageId: 'allNotAlone', line: 12, column: 29, endLine: 12, endColumn: 39 },
        { messageId: 'badNumber', line: 13, column: 28, endLine: 13, endColumn: 29 },
      ],
    },
  ],
});

describe('asl/retry-catch severities', () => {
  it('reports a shadowed name as a warning, the rest as errors', () => {
    const code = '{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Retry":[{"ErrorEquals":["E"]},{"ErrorEquals":["E"],"IntervalSeconds":0}],"End":true}}}';
    const result = lintText(code, { filePath: 'a.asl.json', rules: resolveRules([rule], []) });
    expect(result.diagnostics.map((d) => [d.messageId, d.severity])).toEqual([
      ['shadowed', 'warning'],
      ['badNumber', 'error'],
    ]);
  });
});

ruleTester(rule, {
  valid: [
    {
      name: 'a template placeholder as JitterStrategy',
      code: '{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Retry":[{"ErrorEquals":["States.ALL"],"JitterStrategy":"${Jitter}"}],"End":true}}}',
    },
  ],
  invalid: [],
});
