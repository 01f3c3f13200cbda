import rule from '../../src/asl/choice-rules.js';
import { ruleTester } from '../../../test-support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'every operator family with values of its type',
      code: `{
  "StartAt": "C",
  "States": {
    "C": {
      "Type": "Choice",
      "Choices": [
        { "Variable": "$.s", "StringEquals": "a", "Next": "D" },
        { "Variable": "$.s", "StringMatches": "log-*\\\\*.txt\\\\\\\\", "Next": "D" },
        { "Variable": "$.n", "NumericLessThanEquals": -1.5, "Next": "D" },
        { "Variable": "$.b", "BooleanEquals": false, "Next": "D" },
        { "Variable": "$.t", "TimestampGreaterThan": "2026-02-28T23:59:59.123+05:30", "Next": "D" },
        { "Variable": "$.t", "TimestampEqualsPath": "$.other", "Next": "D" },
        { "Variable": "$.x", "IsPresent": false, "Next": "D" },
        { "Not": { "Variable": "$.x", "IsNull": true }, "Next": "D" },
        { "Or": [{ "Variable": "$.a", "IsString": true }, { "And": [{ "Variable": "$.b", "IsNumeric": true }, { "Variable": "$.c", "IsTimestamp": true }] }], "Next": "D" }
      ],
      "Default": "D"
    },
    "D": { "Type": "Succeed" }
  }
}`,
    },
    {
      name: 'JSONata rules with Condition',
      code: `{
  "QueryLanguage": "JSONata",
  "StartAt": "C",
  "States": {
    "C": {
      "Type": "Choice",
      "Choices": [
        { "Condition": "{% $states.input.n > 1 %}", "Next": "D", "Output": {}, "Assign": { "x": 1 } },
        { "Condition": true, "Next": "D" }
      ],
      "Default": "D"
    },
    "D": { "Type": "Succeed" }
  }
}`,
    },
    {
      name: 'wrong container types are asl/schema\'s concern',
      code: `{
  "StartAt": "C",
  "States": {
    "C": {
      "Type": "Choice",
      "Choices": [
        "not a rule",
        { "And": "no", "Next": "D" },
        { "Not": [], "Next": "D" }
      ],
      "Default": "D"
    },
    "D": { "Type": "Succeed" }
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'more than one operator (full message)',
      code: `{
  "StartAt": "C",
  "States": {
    "C": {
      "Type": "Choice",
      "Choices": [
        { "Variable": "$.s", "StringEquals": "a", "IsPresent": true, "Next": "D" }
      ],
      "Default": "D"
    },
    "D": { "Type": "Succeed" }
  }
}`,
      errors: [
        { messageId: 'tooManyOperators', message: 'State "C": Choices[0] has more than one comparison ("StringEquals", "IsPresent"); a rule takes exactly one, combine rules with "And" or "Or"', line: 7, column: 51, endLine: 7, endColumn: 62 },
      ],
    },
    {
      name: 'no operator (full message)',
      code: `{
  "StartAt": "C",
  "States": {
    "C": {
      "Type": "Choice",
      "Choices": [
        { "Variable": "$.s", "Next": "D" }
      ],
      "Default": "D"
    },
    "D": { "Type": "Succeed" }
  }
}`,
      errors: [
        { messageId: 'noOperator', message: 'State "C": Choices[0] has no comparison operator (such as "StringEquals" or "IsPresent") and no "And", "Or" or "Not"', line: 7, column: 11, endLine: 7, endColumn: 21 },
      ],
    },
    {
      name: 'no Variable (full message)',
      code: `{
  "StartAt": "C",
  "States": {
    "C": {
      "Type": "Choice",
      "Choices": [
        { "NumericEquals": 1, "Next": "D" }
      ],
      "Default": "D"
    },
    "D": { "Type": "Succeed" }
  }
}`,
      errors: [
        { messageId: 'missingVariable', message: 'State "C": Choices[0] compares with "NumericEquals" but has no "Variable" to compare', line: 7, column: 11, endLine: 7, endColumn: 26 },
      ],
    },
    {
      name: 'Next in a nested rule, none at the top (full messages)',
      code: `{
  "StartAt": "C",
  "States": {
    "C": {
      "Type": "Choice",
      "Choices": [
        { "And": [{ "Variable": "$.a", "IsPresent": true, "Next": "D" }] }
      ],
      "Default": "D"
    },
    "D": { "Type": "Succeed" }
  }
}`,
      errors: [
        { messageId: 'missingNext', message: 'State "C": Choices[0] needs "Next", the state to go to when the rule matches', line: 7, column: 9, endLine: 7, endColumn: 10 },
        { messageId: 'nestedNext', message: 'State "C": Choices[0].And[0] is nested inside another rule and cannot have "Next"; only top-level rules transition', line: 7, column: 59, endLine: 7, endColumn: 65 },
      ],
    },
    {
      name: 'empty And and Or (full message)',
      code: `{
  "StartAt": "C",
  "States": {
    "C": {
      "Type": "Choice",
      "Choices": [
        { "And": [], "Next": "D" },
        { "Or": [], "Next": "D" }
      ],
      "Default": "D"
    },
    "D": { "Type": "Succeed" }
  }
}`,
      errors: [
        { messageId: 'emptyCombination', message: 'State "C": Choices[0].And is empty; give it at least one rule', line: 7, column: 18, endLine: 7, endColumn: 20 },
        { messageId: 'emptyCombination', message: 'State "C": Choices[1].Or is empty; give it at least one rule', line: 8, column: 17, endLine: 8, endColumn: 19 },
      ],
    },
    {
      name: 'operator values of the wrong type (full messages)',
      code: `{
  "StartAt": "C",
  "States": {
    "C": {
      "Type": "Choice",
      "Choices": [
        { "Variable": "$.n", "NumericEquals": "5", "Next": "D" },
        { "Variable": "$.b", "BooleanEquals": "true", "Next": "D" },
        { "Variable": "$.s", "StringEquals": 5, "Next": "D" },
        { "Variable": "$.x", "IsPresent": "yes", "Next": "D" },
        { "Variable": "$.x", "StringEqualsPath": 3, "Next": "D" }
      ],
      "Default": "D"
    },
    "D": { "Type": "Succeed" }
  }
}`,
      errors: [
        { messageId: 'wrongValueType', message: 'State "C": Choices[0].NumericEquals must be a number, not the string "5"', line: 7, column: 47, endLine: 7, endColumn: 50 },
        { messageId: 'wrongValueType', message: 'State "C": Choices[1].BooleanEquals must be true or false, not the string "true"', line: 8, column: 47, endLine: 8, endColumn: 53 },
        { messageId: 'wrongValueType', message: 'State "C": Choices[2].StringEquals must be a string, not the number 5', line: 9, column: 46, endLine: 9, endColumn: 47 },
        { messageId: 'wrongValueType', message: 'State "C": Choices[3].IsPresent must be true or false, not the string "yes"', line: 10, column: 43, endLine: 10, endColumn: 48 },
        { messageId: 'wrongValueType', message: 'State "C": Choices[4].StringEqualsPath must be a path string, not the number 3', line: 11, column: 50, endLine: 11, endColumn: 51 },
      ],
    },
    {
      name: 'timestamps that are not RFC 3339 (full message)',
      code: `{
  "StartAt": "C",
  "States": {
    "C": {
      "Type": "Choice",
      "Choices": [
        { "Variable": "$.t", "TimestampEquals": "2026-01-31t09:30:00z", "Next": "D" },
        { "Variable": "$.t", "TimestampLessThan": "2026-01-31 09:30:00Z", "Next": "D" },
        { "Variable": "$.t", "TimestampLessThan": "2026-13-01T00:00:00Z", "Next": "D" },
        { "Variable": "$.t", "TimestampLessThan": "2026-01-31", "Next": "D" }
      ],
      "Default": "D"
    },
    "D": { "Type": "Succeed" }
  }
}`,
      errors: [
        { messageId: 'badTimestamp', message: 'State "C": Choices[0].TimestampEquals "2026-01-31t09:30:00z" is not an RFC 3339 timestamp with uppercase "T" and "Z" (for example "2026-01-31T09:30:00Z")', line: 7, column: 49, endLine: 7, endColumn: 71 },
        { messageId: 'badTimestamp', message: 'State "C": Choices[1].TimestampLessThan "2026-01-31 09:30:00Z" is not an RFC 3339 timestamp with uppercase "T" and "Z" (for example "2026-01-31T09:30:00Z")', line: 8, column: 51, endLine: 8, endColumn: 73 },
        { messageId: 'badTimestamp', message: 'State "C": Choices[2].TimestampLessThan "2026-13-01T00:00:00Z" is not an RFC 3339 timestamp with uppercase "T" and "Z" (for example "2026-01-31T09:30:00Z")', line: 9, column: 51, endLine: 9, endColumn: 73 },
        { messageId: 'badTimestamp', message: 'State "C": Choices[3].TimestampLessThan "2026-01-31" is not an RFC 3339 timestamp with uppercase "T" and "Z" (for example "2026-01-31T09:30:00Z")', line: 10, column: 51, endLine: 10, endColumn: 63 },
      ],
    },
    {
      name: 'StringMatches escapes (full message)',
      code: `{
  "StartAt": "C",
  "States": {
    "C": {
      "Type": "Choice",
      "Choices": [
        { "Variable": "$.s", "StringMatches": "a\\\\.b", "Next": "D" },
        { "Variable": "$.s", "StringMatches": "trailing\\\\", "Next": "D" }
      ],
      "Default": "D"
    },
    "D": { "Type": "Succeed" }
  }
}`,
      errors: [
        { messageId: 'badEscape', message: 'State "C": Choices[0].StringMatches "a\\\\.b" has an invalid escape at character 2: a backslash may only precede "*" or another backslash', line: 7, column: 47, endLine: 7, endColumn: 54 },
        { messageId: 'badEscape', message: 'State "C": Choices[1].StringMatches "trailing\\\\" has an invalid escape at character 9: a backslash may only precede "*" or another backslash', line: 8, column: 47, endLine: 8, endColumn: 59 },
      ],
    },
    {
      name: 'JSONata rules with JSONPath keys or no Condition (full messages)',
      code: `{
  "QueryLanguage": "JSONata",
  "StartAt": "C",
  "States": {
    "C": {
      "Type": "Choice",
      "Choices": [
        { "Variable": "$.s", "StringEquals": "a", "Next": "D" },
        { "Next": "D" },
        { "Condition": true }
      ],
      "Default": "D"
    },
    "D": { "Type": "Succeed" }
  }
}`,
      errors: [
        { messageId: 'jsonPathInJsonata', message: 'State "C": Choices[0] uses "Variable", "StringEquals", which JSONata Choice rules do not accept; write the test as a "Condition" expression, e.g. "{% $states.input.status = \'done\' %}"', line: 8, column: 11, endLine: 8, endColumn: 21 },
        { messageId: 'missingCondition', message: 'State "C": Choices[1] needs "Condition", a JSONata expression or boolean that selects this rule', line: 9, column: 9, endLine: 9, endColumn: 10 },
        { messageId: 'missingNext', message: 'State "C": Choices[2] needs "Next", the state to go to when the rule matches', line: 10, column: 9, endLine: 10, endColumn: 10 },
      ],
    },
    {
      name: 'nested in a Parallel branch',
      code: `{
  "StartAt": "P",
  "States": {
    "P": {
      "Type": "Parallel",
      "Branches": [{
        "StartAt": "C",
        "States": {
          "C": { "Type": "Choice", "Choices": [{ "Not": { "Variable": "$.x", "NumericEquals": true }, "Next": "D" }] },
          "D": { "Type": "Succeed" }
        }
      }],
      "End": true
    }
  }
}`,
      errors: [
        { messageId: 'wrongValueType', line: 9, column: 95, endLine: 9, endColumn: 99 },
      ],
    },
    {
      name: 'YAML, nested in a Map',
      code: `StartAt: M
States:
  M:
    Type: Map
    ItemProcessor:
      StartAt: C
      States:
        C:
          Type: Choice
          Choices:
            - Variable: $.n
              NumericGreaterThan: 1
              NumericLessThan: 9
              Next: D
          Default: D
        D:
          Type: Succeed
    End: true
`,
      errors: [
        { messageId: 'tooManyOperators', line: 13, column: 15, endLine: 13, endColumn: 30 },
      ],
    },
  ],
});

ruleTester(rule, {
  valid: [
    {
      name: 'template placeholders as comparison values',
      code: '{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.x","NumericEquals":"${N}","Next":"D"},{"Variable":"$.y","BooleanEquals":"${B}","Next":"D"},{"Variable":"$.z","TimestampEquals":"${TS}","Next":"D"}],"Default":"D"},"D":{"Type":"Succeed"}}}',
    },
  ],
  invalid: [],
});
