import rule from '../../src/asl/intrinsic-functions.js';
import { ruleTester } from '../../../test-support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'a template placeholder inside a call is left to the host',
      code: '{"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"Name.$":"States.Format(\'{}\', ${Path})"},"End":true}}}',
    },
    {
      name: 'well-formed calls in every field that takes them',
      code: `{
  "StartAt": "Run",
  "States": {
    "Run": {
      "Type": "Task",
      "Resource": "arn:aws:states:::eks:runJob.sync",
      "Parameters": {
        "ClusterName.$": "States.ArrayGetItem(States.StringSplit($.cluster, '/'), 1)",
        "Job": { "metadata": { "name.$": "States.Format('job-{}-{}', $.team, $$.Execution.Name)" } },
        "Hash.$": "States.Hash($.spec, 'SHA-256')",
        "Merged.$": "States.JsonMerge($.a, $.b, false)",
        "Range.$": "States.ArrayRange(1, 9, 2)",
        "Escaped.$": "States.Format('\\\\{\\\\} {} \\\\'quoted\\\\' \\\\\\\\', $.x)",
        "Path.$": "$.notAnIntrinsic"
      },
      "ResultSelector": { "id.$": "States.UUID()" },
      "Assign": { "attempts.$": "States.MathAdd($attempts, 1)" },
      "Next": "Stop"
    },
    "Stop": { "Type": "Fail", "ErrorPath": "States.Format('{}', $.error)", "CausePath": "$.cause" }
  }
}`,
    },
    {
      name: 'JSONata states with JSONata functions and plain text',
      code: `{
  "QueryLanguage": "JSONata",
  "StartAt": "A",
  "States": {
    "A": { "Type": "Pass", "Output": { "id": "{% $uuid() %}", "note": "States are listed here", "f": "{% $states.input.States %}" }, "End": true }
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'an unknown function, with the full message',
      code: `{
  "StartAt": "A",
  "States": {
    "A": { "Type": "Pass", "Parameters": { "id.$": "States.UUId()" }, "End": true }
  }
}`,
      errors: [
        {
          messageId: 'unknownFunction',
          message: 'State "A": "id.$" in Parameters calls States.UUId, which is not an intrinsic function (did you mean States.UUID?)',
          line: 4,
          column: 52,
          endLine: 4,
          endColumn: 67,
        },
      ],
    },
    {
      name: 'arity, argument types and values, in a Parallel branch and a Map item processor',
      code: `{
  "StartAt": "Fan out",
  "States": {
    "Fan out": {
      "Type": "Parallel",
      "Branches": [
        {
          "StartAt": "B",
          "States": {
            "B": {
              "Type": "Pass",
              "Parameters": {
                "a.$": "States.ArrayLength($.a, $.b)",
                "b.$": "States.Format('{}-{}', $.x)",
                "c.$": "States.JsonMerge($.a, $.b, true)"
              },
              "End": true
            }
          }
        }
      ],
      "Next": "Each"
    },
    "Each": {
      "Type": "Map",
      "ItemProcessor": {
        "StartAt": "M",
        "States": {
          "M": { "Type": "Pass", "Parameters": { "h.$": "States.Hash($, 'SHA256')", "r.$": "States.ArrayRange(1, 5, 0)", "n.$": "States.MathAdd($.n, '1')" }, "End": true }
        }
      },
      "End": true
    }
  }
}`,
      errors: [
        { messageId: 'problem', message: 'State "B": "a.$" in Parameters: States.ArrayLength takes 1 argument, not 2', line: 13, column: 24, endLine: 13, endColumn: 54 },
        { messageId: 'problem', message: 'State "B": "b.$" in Parameters: the template of States.Format has 2 {} placeholders but 1 value follows', line: 14, column: 24, endLine: 14, endColumn: 53 },
        { messageId: 'problem', message: 'State "B": "c.$" in Parameters: States.JsonMerge supports only a shallow merge: its third argument must be false', line: 15, column: 24, endLine: 15, endColumn: 58 },
        {
          messageId: 'problem',
          message: `State "M": "h.$" in Parameters: 'SHA256' is not a hash algorithm of States.Hash (MD5, SHA-1, SHA-256, SHA-384, SHA-512); did you mean 'SHA-256'?`,
          line: 29,
          column: 57,
          endLine: 29,
          endColumn: 83,
        },
        { messageId: 'problem', message: 'State "M": "r.$" in Parameters: the step of States.ArrayRange must not be 0', line: 29, column: 92, endLine: 29, endColumn: 120 },
        { messageId: 'problem', message: `State "M": "n.$" in Parameters: argument 2 of States.MathAdd must be a number, but '1' is a string`, line: 29, column: 129, endLine: 29, endColumn: 155 },
      ],
    },
    {
      name: 'malformed calls',
      code: `{
  "StartAt": "A",
  "States": {
    "A": {
      "Type": "Pass",
      "Parameters": {
        "a.$": "States.Format('it's')",
        "b.$": "States.Format(\\"x\\")",
        "c.$": " States.UUID()"
      },
      "End": true
    }
  }
}`,
      errors: [
        {
          messageId: 'syntax',
          message: `State "A": "a.$" in Parameters "States.Format('it's')" is not a well-formed intrinsic function call: expected "," or ")" after an argument, found "s" (character 19)`,
          line: 7,
          column: 16,
          endLine: 7,
          endColumn: 39,
        },
        { messageId: 'syntax', line: 8, column: 16, endLine: 8, endColumn: 38 },
        { messageId: 'syntax', line: 9, column: 16, endLine: 9, endColumn: 32 },
      ],
    },
    {
      name: 'intrinsics where only a path is accepted, and ErrorPath with a non-string function',
      code: `{
  "StartAt": "A",
  "States": {
    "A": { "Type": "Pass", "InputPath": "States.Format('{} xyz {}', 1, 'def')", "Next": "Stop" },
    "Stop": { "Type": "Fail", "ErrorPath": "States.MathAdd(1, 2)", "CausePath": "States.JsonToString($.cause)" }
  }
}`,
      errors: [
        {
          messageId: 'notAccepted',
          message: `State "A": InputPath takes a path, not an intrinsic function call ("States.Format('{} xyz {}', 1, 'def')")`,
          line: 4,
          column: 41,
          endLine: 4,
          endColumn: 79,
        },
        {
          messageId: 'stringOnly',
          message: 'State "Stop": ErrorPath accepts only intrinsic functions that return a string (Format, JsonToString, ArrayGetItem, Base64Encode, Base64Decode, Hash, UUID), not States.MathAdd',
          line: 5,
          column: 44,
          endLine: 5,
          endColumn: 66,
        },
      ],
    },
    {
      name: 'intrinsics in JSONata states',
      code: `{
  "QueryLanguage": "JSONata",
  "StartAt": "Run",
  "States": {
    "Run": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Arguments": { "FunctionName": "resize", "Payload": { "id": "States.UUID()", "name": "{% States.Format('job-{}', $states.input.team) %}" } },
      "End": true
    }
  }
}`,
      errors: [
        {
          messageId: 'literalInJsonata',
          message: 'State "Run": Arguments.Payload.id is the text "States.UUID()": intrinsic functions do not run in JSONata states; write a JSONata expression such as "{% … %}" with $uuid()',
          line: 8,
          column: 67,
          endLine: 8,
          endColumn: 82,
        },
        {
          messageId: 'callInJsonata',
          message: 'State "Run": the JSONata expression in Arguments.Payload.name calls States.Format; intrinsic functions do not exist in JSONata, use string concatenation with &',
          line: 8,
          column: 92,
          endLine: 8,
          endColumn: 143,
        },
      ],
    },
    {
      name: 'YAML',
      code: `StartAt: A
States:
  A:
    Type: Pass
    Parameters:
      n.$: States.MathRandom(1)
    End: true
`,
      errors: [{ messageId: 'problem', message: 'State "A": "n.$" in Parameters: States.MathRandom takes 2 or 3 arguments, not 1', line: 6, column: 12, endLine: 6, endColumn: 32 }],
    },
  ],
});
