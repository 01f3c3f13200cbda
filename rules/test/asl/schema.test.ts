import rule from '../../src/asl/schema.js';
import { ruleTester } from '../../../test-support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'every JSONPath state type with its optional fields',
      code: `{
  "Comment": "All the JSONPath fields",
  "Version": "1.0",
  "TimeoutSeconds": 3600,
  "QueryLanguage": "JSONPath",
  "StartAt": "Prepare",
  "States": {
    "Prepare": { "Type": "Pass", "InputPath": "$.in", "Parameters": { "a.$": "$.x", "Next": "data" }, "Result": { "End": 1 }, "ResultPath": "$.r", "OutputPath": null, "Assign": { "count": 0 }, "Next": "Pick" },
    "Pick": {
      "Type": "Choice",
      "Choices": [
        { "Variable": "$.n", "NumericGreaterThan": 1, "Next": "Wait a bit", "Assign": { "x": 1 } },
        { "And": [{ "Variable": "$.s", "StringMatches": "a*" }, { "Not": { "Variable": "$.b", "BooleanEquals": true } }], "Next": "Fan out" },
        { "Or": [{ "Variable": "$.t", "TimestampLessThanPath": "$.u" }], "Next": "Each" }
      ],
      "Default": "Done"
    },
    "Wait a bit": { "Type": "Wait", "SecondsPath": "$.delay", "Next": "Work" },
    "Work": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Parameters": { "FunctionName": "f", "Payload.$": "$" },
      "ResultSelector": { "body.$": "$.Payload" },
      "Credentials": { "RoleArn.$": "$.role" },
      "TimeoutSecondsPath": "$.timeout",
      "HeartbeatSeconds": 60,
      "Retry": [{ "ErrorEquals": ["States.Timeout"], "IntervalSeconds": 2, "MaxAttempts": 3, "BackoffRate": 1.5, "MaxDelaySeconds": 30, "JitterStrategy": "FULL", "Comment": "c" }],
      "Catch": [{ "ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Assign": { "failed": true }, "Next": "Failed", "Comment": "c" }],
      "Next": "Done"
    },
    "Fan out": { "Type": "Parallel", "Branches": [{ "Comment": "b", "StartAt": "B1", "States": { "B1": { "Type": "Succeed" } } }], "ResultSelector": {}, "Next": "Done" },
    "Each": {
      "Type": "Map",
      "ItemsPath": "$.items",
      "ItemSelector": { "item.$": "$$.Map.Item.Value" },
      "ItemReader": { "Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": { "InputType": "CSV", "CSVHeaderLocation": "FIRST_ROW", "MaxItemsPath": "$.max" }, "Parameters": { "Bucket": "b", "Key": "k" } },
      "ItemBatcher": { "MaxItemsPerBatchPath": "$.batch", "BatchInput": { "x": 1 } },
      "ResultWriter": { "Resource": "arn:aws:states:::s3:putObject", "Parameters": { "Bucket": "b", "Prefix": "p" }, "WriterConfig": { "OutputType": "JSON", "Transformation": "NONE" } },
      "ItemProcessor": { "ProcessorConfig": { "Mode": "DISTRIBUTED", "ExecutionType": "STANDARD" }, "StartAt": "One", "States": { "One": { "Type": "Pass", "End": true } } },
      "MaxConcurrency": 10,
      "ToleratedFailurePercentage": 5.5,
      "ToleratedFailureCountPath": "$.n",
      "Label": "Each",
      "End": true
    },
    "Failed": { "Type": "Fail", "ErrorPath": "$.error.Error", "Cause": "it failed" },
    "Done": { "Type": "Succeed", "OutputPath": "$.r" }
  }
}`,
    },
    {
      name: 'JSONata fields and expressions where numbers and booleans go',
      code: `{
  "QueryLanguage": "JSONata",
  "StartAt": "Work",
  "States": {
    "Work": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Arguments": { "FunctionName": "f", "Payload": "{% $states.input %}" },
      "Output": "{% $states.result.Payload %}",
      "Assign": { "n": "{% 1 %}" },
      "TimeoutSeconds": "{% $states.input.timeout %}",
      "HeartbeatSeconds": "{%$states.input.beat%}",
      "Catch": [{ "ErrorEquals": ["States.ALL"], "Output": "{% $states.errorOutput %}", "Next": "Pick" }],
      "Next": "Pick"
    },
    "Pick": { "Type": "Choice", "Choices": [{ "Condition": "{% $n > 1 %}", "Next": "Each", "Output": {} }, { "Condition": true, "Next": "Each" }], "Default": "Each" },
    "Each": {
      "Type": "Map",
      "Items": "{% $states.input.items %}",
      "ItemBatcher": { "MaxItemsPerBatch": "{% 2 %}" },
      "MaxConcurrency": "{% 4 %}",
      "ToleratedFailurePercentage": "{% 10 %}",
      "ItemProcessor": { "StartAt": "Sleep", "States": { "Sleep": { "Type": "Wait", "Seconds": "{% 5 %}", "End": true } } },
      "Next": "Stop"
    },
    "Stop": { "Type": "Fail", "Error": "{% 'Oops' %}", "Cause": "done" }
  }
}`,
    },
    {
      name: 'CloudFormation intrinsics and ${Name} substitutions stand for scalars',
      code: `StartAt: Work
States:
  Work:
    Type: Task
    Resource: !GetAtt Worker.Arn
    TimeoutSeconds: !Ref Timeout
    Next: Sleep
  Sleep:
    Type: Wait
    Seconds: \${Delay}
    End: true
`,
    },
    {
      name: 'a nested scope inherits the machine language, not its owner\'s',
      code: `{
  "StartAt": "Each",
  "States": {
    "Each": {
      "Type": "Map",
      "QueryLanguage": "JSONata",
      "Items": "{% $states.input.list %}",
      "ItemProcessor": { "StartAt": "Inner", "States": { "Inner": { "Type": "Pass", "Parameters": { "x.$": "$" }, "End": true } } },
      "End": true
    }
  }
}`,
    },
    {
      name: 'JSONPath states inside a Distributed Map of a JSONata machine are given the benefit of the doubt',
      code: `{
  "QueryLanguage": "JSONata",
  "StartAt": "Each",
  "States": {
    "Each": {
      "Type": "Map",
      "ItemProcessor": {
        "ProcessorConfig": { "Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS" },
        "StartAt": "Inner",
        "States": { "Inner": { "Type": "Pass", "QueryLanguage": "JSONPath", "OutputPath": "$.x", "End": true } }
      },
      "End": true
    }
  }
}`,
    },
    {
      name: 'any URI, ARN or placeholder names a resource',
      code: `{
  "StartAt": "A",
  "States": {
    "A": { "Type": "Task", "Resource": "foo:bar", "Next": "B" },
    "B": { "Type": "Task", "Resource": "\${WorkerArn}", "Next": "C" },
    "C": { "Type": "Task", "Resource": "arn:aws:states:eu-west-1:123456789012:activity:approve", "End": true }
  }
}`,
    },
    {
      name: 'a CDK CustomState that uses JSONata fields is taken as a JSONata state',
      filename: 'stack.ts',
      code: `import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
new sfn.CustomState(this, 'Invoke', {
  stateJson: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Arguments: { FunctionName: 'f' }, TimeoutSeconds: '{% $states.input.t %}' },
});
`,
    },
    {
      name: 'Next and End presence are asl/transitions\' concern',
      code: '{"StartAt":"A","States":{"A":{"Type":"Pass"}}}',
    },
  ],
  invalid: [
    {
      name: 'a missing required field (full message)',
      code: `{
  "StartAt": "Fetch",
  "States": {
    "Fetch": { "Type": "Task", "End": true }
  }
}`,
      errors: [
        { messageId: 'missingField', message: 'State "Fetch" of type Task needs "Resource"', line: 4, column: 5, endLine: 4, endColumn: 12 },
      ],
    },
    {
      name: 'an unknown field with a suggestion (full message)',
      code: `{
  "StartAt": "A",
  "States": {
    "A": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Resourse": "x", "End": true }
  }
}`,
      errors: [
        { messageId: 'unknownField', message: 'State "A": unknown field "Resourse" (did you mean "Resource"?)', line: 4, column: 74, endLine: 4, endColumn: 84 },
      ],
    },
    {
      name: 'Arguments in a JSONPath state (full message)',
      code: `{
  "StartAt": "A",
  "States": {
    "A": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": {}, "End": true }
  }
}`,
      errors: [
        { messageId: 'wrongLanguage', message: 'State "A" uses "Arguments", which only JSONata states accept: add "QueryLanguage": "JSONata" (to the state or the top level) or use "Parameters"', line: 4, column: 74, endLine: 4, endColumn: 85 },
      ],
    },
    {
      name: 'JSONPath fields in a JSONata state (full messages)',
      code: `{
  "QueryLanguage": "JSONata",
  "StartAt": "A",
  "States": {
    "A": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {}, "InputPath": "$.x", "ResultPath": "$.y", "TimeoutSecondsPath": "$.t", "End": true },
    "B": { "Type": "Map", "ItemsPath": "$.items", "Parameters": {}, "ItemProcessor": { "StartAt": "C", "States": { "C": { "Type": "Succeed" } } }, "End": true }
  }
}`,
      errors: [
        { messageId: 'wrongLanguage', message: 'State "A" uses "Parameters", which only JSONPath states accept: use "Arguments"', line: 5, column: 74, endLine: 5, endColumn: 86 },
        { messageId: 'wrongLanguage', message: 'State "A" uses "InputPath", which only JSONPath states accept: read the input through $states.input in "Arguments" or "Output"', line: 5, column: 92, endLine: 5, endColumn: 103 },
        { messageId: 'wrongLanguage', message: 'State "A" uses "ResultPath", which only JSONPath states accept: shape the result with "Output"', line: 5, column: 112, endLine: 5, endColumn: 124 },
        { messageId: 'wrongLanguage', message: 'State "A" uses "TimeoutSecondsPath", which only JSONPath states accept: use "TimeoutSeconds" with a JSONata expression', line: 5, column: 133, endLine: 5, endColumn: 153 },
        { messageId: 'wrongLanguage', message: 'State "B" uses "ItemsPath", which only JSONPath states accept: use "Items"', line: 6, column: 27, endLine: 6, endColumn: 38 },
        { messageId: 'wrongLanguage', message: 'State "B" uses "Parameters", which only JSONPath states accept: use "ItemSelector"', line: 6, column: 51, endLine: 6, endColumn: 63 },
      ],
    },
    {
      name: 'a value of the wrong type points at the value (full message)',
      code: `{
  "StartAt": "A",
  "States": {
    "A": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "TimeoutSeconds": "30", "HeartbeatSeconds": 1.5, "End": "yes" }
  }
}`,
      errors: [
        { messageId: 'wrongType', message: 'State "A": "TimeoutSeconds" must be an integer, not the string "30"', line: 4, column: 92, endLine: 4, endColumn: 96 },
        { messageId: 'wrongType', message: 'State "A": "HeartbeatSeconds" must be an integer, not the number 1.5', line: 4, column: 118, endLine: 4, endColumn: 121 },
        { messageId: 'wrongType', message: 'State "A": "End" must be a boolean, not the string "yes"', line: 4, column: 130, endLine: 4, endColumn: 135 },
      ],
    },
    {
      name: 'a JSONata expression in a JSONPath state (full message)',
      code: `{
  "StartAt": "A",
  "States": {
    "A": { "Type": "Wait", "Seconds": "{% $states.input.delay %}", "End": true }
  }
}`,
      errors: [
        { messageId: 'jsonataInJsonPath', message: 'State "A": "Seconds" is a JSONata expression, which only JSONata states accept: add "QueryLanguage": "JSONata" (to the state or the top level)', line: 4, column: 39, endLine: 4, endColumn: 66 },
      ],
    },
    {
      name: 'a container of the wrong type is reported once, not descended into',
      code: `{
  "StartAt": "A",
  "States": {
    "A": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Retry": { "ErrorEquals": 5 }, "Catch": [["States.ALL"]], "End": true }
  }
}`,
      errors: [
        { messageId: 'wrongType', message: 'State "A": "Retry" must be an array, not an object', line: 4, column: 83, endLine: 4, endColumn: 103 },
        { messageId: 'wrongType', message: 'State "A": "Catch[0]" must be an object, not an array', line: 4, column: 115, endLine: 4, endColumn: 129 },
      ],
    },
    {
      name: 'Retry and Catch fields',
      code: `{
  "StartAt": "A",
  "States": {
    "A": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Retry": [{ "ErrorEquals": "States.ALL", "MaxAttempt": 2, "BackoffRate": "2" }],
      "Catch": [{ "ErrorEquals": [true], "Output": {} }],
      "End": true
    }
  }
}`,
      errors: [
        { messageId: 'wrongType', message: 'State "A": "Retry[0].ErrorEquals" must be an array, not the string "States.ALL"', line: 7, column: 34, endLine: 7, endColumn: 46 },
        { messageId: 'unknownField', message: 'State "A": unknown field "MaxAttempt" in Retry[0] (did you mean "MaxAttempts"?)', line: 7, column: 48, endLine: 7, endColumn: 60 },
        { messageId: 'wrongType', message: 'State "A": "Retry[0].BackoffRate" must be a number, not the string "2"', line: 7, column: 80, endLine: 7, endColumn: 83 },
        { messageId: 'missingField', message: 'State "A": Catch[0] needs "Next"', line: 8, column: 17, endLine: 8, endColumn: 18 },
        { messageId: 'wrongType', message: 'State "A": "Catch[0].ErrorEquals[0]" must be a string, not true', line: 8, column: 35, endLine: 8, endColumn: 39 },
        { messageId: 'wrongLanguage', message: 'State "A" uses "Output" in Catch[0], which only JSONata states accept: add "QueryLanguage": "JSONata" (to the state or the top level) or use "ResultPath"', line: 8, column: 42, endLine: 8, endColumn: 50 },
      ],
    },
    {
      name: 'Next and End where a state type has none (full messages)',
      code: `{
  "StartAt": "A",
  "States": {
    "A": { "Type": "Choice", "Choices": [{ "Variable": "$.x", "IsPresent": true, "Next": "B" }], "Next": "B", "End": true },
    "B": { "Type": "Succeed", "Next": "A" },
    "C": { "Type": "Fail", "End": true }
  }
}`,
      errors: [
        { messageId: 'unknownField', message: 'State "A": unknown field "Next" (a Choice state moves on through "Choices" and "Default")', line: 4, column: 98, endLine: 4, endColumn: 104 },
        { messageId: 'unknownField', message: 'State "A": unknown field "End" (a Choice state cannot end the execution: point a rule or "Default" at a Succeed state)', line: 4, column: 111, endLine: 4, endColumn: 116 },
        { messageId: 'unknownField', message: 'State "B": unknown field "Next" (a Succeed state ends the execution)', line: 5, column: 31, endLine: 5, endColumn: 37 },
        { messageId: 'unknownField', message: 'State "C": unknown field "End" (a Fail state ends the execution)', line: 6, column: 28, endLine: 6, endColumn: 33 },
      ],
    },
    {
      name: 'unknown and missing types (full messages)',
      code: `{
  "StartAt": "A",
  "States": {
    "A": { "Type": "Taks" },
    "B": { "Comment": "no type" },
    "C": { "Type": 7 },
    "D": "oops",
    "QueryLanguage": "JSONata"
  }
}`,
      errors: [
        { messageId: 'unknownType', message: 'State "A": unknown type "Taks" (did you mean "Task"?); the state types are Task, Pass, Choice, Wait, Succeed, Fail, Parallel, Map', line: 4, column: 20, endLine: 4, endColumn: 26 },
        { messageId: 'missingType', message: 'State "B" needs "Type", one of Task, Pass, Choice, Wait, Succeed, Fail, Parallel, Map', line: 5, column: 5, endLine: 5, endColumn: 8 },
        { messageId: 'unknownType', message: 'State "C": unknown type 7; the state types are Task, Pass, Choice, Wait, Succeed, Fail, Parallel, Map', line: 6, column: 20, endLine: 6, endColumn: 21 },
        { messageId: 'notObject', message: 'State "D" must be an object, not the string "oops"', line: 7, column: 10, endLine: 7, endColumn: 16 },
        { messageId: 'notObject', message: 'State "QueryLanguage" must be an object, not the string "JSONata" ("QueryLanguage" belongs beside "States", not inside it)', line: 8, column: 22, endLine: 8, endColumn: 31 },
      ],
    },
    {
      name: 'the top level',
      code: `{
  "Startat": "A",
  "TimeoutSeconds": "1 hour",
  "Version": "2.0",
  "States": {}
}`,
      errors: [
        { messageId: 'missingField', message: 'The state machine needs "StartAt"', line: 1, column: 1, endLine: 1, endColumn: 2 },
        { messageId: 'unknownField', message: 'The state machine: unknown field "Startat" (did you mean "StartAt"?)', line: 2, column: 3, endLine: 2, endColumn: 12 },
        { messageId: 'wrongType', message: 'The state machine: "TimeoutSeconds" must be an integer, not the string "1 hour"', line: 3, column: 21, endLine: 3, endColumn: 29 },
        { messageId: 'wrongType', message: 'The state machine: "Version" must be "1.0", not the string "2.0"', line: 4, column: 14, endLine: 4, endColumn: 19 },
      ],
    },
    {
      name: 'Parallel branches: empty, missing fields, and states inside them',
      code: `{
  "StartAt": "P",
  "States": {
    "P": {
      "Type": "Parallel",
      "Branches": [
        { "States": { "X": { "Type": "Pass", "Reslt": 1, "End": true } } },
        []
      ],
      "End": true
    },
    "Q": { "Type": "Parallel", "Branches": [], "End": true }
  }
}`,
      errors: [
        { messageId: 'missingField', message: 'State "P": Branches[0] needs "StartAt"', line: 7, column: 9, endLine: 7, endColumn: 10 },
        { messageId: 'unknownField', message: 'State "X": unknown field "Reslt" (did you mean "Result"?)', line: 7, column: 46, endLine: 7, endColumn: 53 },
        { messageId: 'wrongType', message: 'State "P": "Branches[1]" must be an object, not an array', line: 8, column: 9, endLine: 8, endColumn: 11 },
        { messageId: 'emptyArray', message: 'State "Q": "Branches" must not be empty', line: 12, column: 44, endLine: 12, endColumn: 46 },
      ],
    },
    {
      name: 'Map: item processor, reader, batcher, writer',
      code: `{
  "StartAt": "M",
  "States": {
    "M": {
      "Type": "Map",
      "ItemProcessor": { "ProcessorConfig": { "Mode": "INLINEX" }, "StartAt": "I", "States": { "I": { "Type": "Pass", "End": true } } },
      "Iterator": { "StartAt": "I", "States": {} },
      "ItemReader": { "ReaderConfig": { "MaxItems": 10, "MaxItemsPath": "$.max" } },
      "ItemBatcher": {},
      "ResultWriter": { "Resource": "arn:aws:states:::s3:putObject", "Arguments": {} },
      "End": true
    },
    "N": { "Type": "Map", "End": true }
  }
}`,
      errors: [
        { messageId: 'wrongType', message: 'State "M": "ItemProcessor.ProcessorConfig.Mode" must be "INLINE" or "DISTRIBUTED", not the string "INLINEX"', line: 6, column: 55, endLine: 6, endColumn: 64 },
        { messageId: 'bothFields', message: 'State "M" has both "ItemProcessor" and "Iterator"; keep one', line: 7, column: 7, endLine: 7, endColumn: 17 },
        { messageId: 'missingField', message: 'State "M": ItemReader needs "Resource"', line: 8, column: 7, endLine: 8, endColumn: 19 },
        { messageId: 'bothFields', message: 'State "M" has both "MaxItems" and "MaxItemsPath" in ItemReader.ReaderConfig; keep one', line: 8, column: 57, endLine: 8, endColumn: 71 },
        { messageId: 'batcherNeedsLimit', message: 'State "M": "ItemBatcher" needs "MaxItemsPerBatch" or "MaxInputBytesPerBatch" (or their "…Path" forms)', line: 9, column: 7, endLine: 9, endColumn: 20 },
        { messageId: 'wrongLanguage', message: 'State "M" uses "Arguments" in ResultWriter, which only JSONata states accept: add "QueryLanguage": "JSONata" (to the state or the top level) or use "Parameters"', line: 10, column: 70, endLine: 10, endColumn: 81 },
        { messageId: 'missingField', message: 'State "N" of type Map needs "ItemProcessor"', line: 13, column: 5, endLine: 13, endColumn: 8 },
      ],
    },
    {
      name: 'static fields with their Path twins, and Wait',
      code: `{
  "StartAt": "A",
  "States": {
    "A": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "TimeoutSeconds": 10, "TimeoutSecondsPath": "$.t", "HeartbeatSeconds": 5, "HeartbeatSecondsPath": "$.h", "Next": "W" },
    "W": { "Type": "Wait", "Seconds": 5, "Timestamp": "2026-01-01T00:00:00Z", "Next": "V" },
    "V": { "Type": "Wait", "Next": "F" },
    "F": { "Type": "Fail", "Error": "E", "ErrorPath": "$.e", "Cause": "C", "CausePath": "$.c" }
  }
}`,
      errors: [
        { messageId: 'bothFields', message: 'State "A" has both "TimeoutSeconds" and "TimeoutSecondsPath"; keep one', line: 4, column: 96, endLine: 4, endColumn: 116 },
        { messageId: 'bothFields', message: 'State "A" has both "HeartbeatSeconds" and "HeartbeatSecondsPath"; keep one', line: 4, column: 148, endLine: 4, endColumn: 170 },
        { messageId: 'bothFields', message: 'State "W" has both "Seconds" and "Timestamp"; keep one', line: 5, column: 42, endLine: 5, endColumn: 53 },
        { messageId: 'waitNeedsOne', message: 'State "V" of type Wait needs one of "Seconds", "SecondsPath", "Timestamp" or "TimestampPath"', line: 6, column: 5, endLine: 6, endColumn: 8 },
        { messageId: 'bothFields', message: 'State "F" has both "Error" and "ErrorPath"; keep one', line: 7, column: 42, endLine: 7, endColumn: 53 },
        { messageId: 'bothFields', message: 'State "F" has both "Cause" and "CausePath"; keep one', line: 7, column: 76, endLine: 7, endColumn: 87 },
      ],
    },
    {
      name: 'a JSONPath state in a JSONata machine (full message)',
      code: `{
  "QueryLanguage": "JSONata",
  "StartAt": "A",
  "States": {
    "A": { "Type": "Pass", "QueryLanguage": "JSONPath", "End": true }
  }
}`,
      errors: [
        { messageId: 'jsonPathInJsonata', message: 'State "A" sets "QueryLanguage": "JSONPath", but the state machine\'s top level is JSONata; a JSONata state machine cannot contain JSONPath states', line: 5, column: 45, endLine: 5, endColumn: 55 },
      ],
    },
    {
      name: 'a JSONPath branch or item processor in a JSONata machine (full messages)',
      code: `{
  "QueryLanguage": "JSONata",
  "StartAt": "P",
  "States": {
    "P": { "Type": "Parallel", "Branches": [{ "QueryLanguage": "JSONPath", "StartAt": "A", "States": { "A": { "Type": "Succeed" } } }], "Next": "M" },
    "M": { "Type": "Map", "ItemProcessor": { "QueryLanguage": "JSONPath", "StartAt": "B", "States": { "B": { "Type": "Succeed" } } }, "End": true }
  }
}`,
      errors: [
        { messageId: 'jsonPathInJsonata', message: 'Branches[0] of state "P" sets "QueryLanguage": "JSONPath", but the state machine\'s top level is JSONata; a JSONata state machine cannot contain JSONPath states', line: 5, column: 64, endLine: 5, endColumn: 74 },
        { messageId: 'jsonPathInJsonata', message: 'The item processor of state "M" sets "QueryLanguage": "JSONPath", but the state machine\'s top level is JSONata; a JSONata state machine cannot contain JSONPath states', line: 6, column: 63, endLine: 6, endColumn: 73 },
      ],
    },
    {
      name: 'Choice rules: field names only',
      code: `{
  "StartAt": "C",
  "States": {
    "C": {
      "Type": "Choice",
      "Choices": [
        { "Variable": "$.x", "StringEquals": "a", "Nxt": "D" },
        { "Not": { "Condition": true }, "Next": "D" },
        { "And": "no", "Next": "D" }
      ]
    },
    "E": { "Type": "Choice", "Choices": [] },
    "D": { "Type": "Succeed" }
  }
}`,
      errors: [
        { messageId: 'unknownField', message: 'State "C": unknown field "Nxt" in Choices[0] (did you mean "Next"?)', line: 7, column: 51, endLine: 7, endColumn: 56 },
        { messageId: 'wrongLanguage', message: 'State "C" uses "Condition" in Choices[1].Not, which only JSONata states accept: add "QueryLanguage": "JSONata" (to the state or the top level) or use "Variable"', line: 8, column: 20, endLine: 8, endColumn: 31 },
        { messageId: 'wrongType', message: 'State "C": "Choices[2].And" must be an array, not the string "no"', line: 9, column: 18, endLine: 9, endColumn: 22 },
        { messageId: 'emptyArray', message: 'State "E": "Choices" must not be empty', line: 12, column: 41, endLine: 12, endColumn: 43 },
      ],
    },
    {
      name: 'JSONata choice rules',
      code: `{
  "QueryLanguage": "JSONata",
  "StartAt": "C",
  "States": {
    "C": { "Type": "Choice", "Choices": [{ "Condition": "yes", "Next": "D", "Nxt": "D" }] },
    "D": { "Type": "Succeed" }
  }
}`,
      errors: [
        { messageId: 'wrongType', message: 'State "C": "Choices[0].Condition" must be a boolean or a JSONata expression, not the string "yes"', line: 5, column: 57, endLine: 5, endColumn: 62 },
        { messageId: 'unknownField', message: 'State "C": unknown field "Nxt" in Choices[0] (did you mean "Next"?)', line: 5, column: 77, endLine: 5, endColumn: 82 },
      ],
    },
    {
      name: 'YAML, nested in a Map item processor',
      code: `StartAt: M
States:
  M:
    Type: Map
    ItemProcessor:
      StartAt: Inner
      States:
        Inner:
          Type: Task
          Resource: arn:aws:states:::lambda:invoke
          Parameter:
            x: 1
          Retry:
            - ErrorEquals: [States.ALL]
              IntervalSecond: 1
          End: true
    End: true
`,
      errors: [
        { messageId: 'unknownField', line: 11, column: 11, endLine: 11, endColumn: 20 },
        { messageId: 'unknownField', line: 15, column: 15, endLine: 15, endColumn: 29 },
      ],
    },
    {
      name: 'Map and Wait numbers out of range, ResultWriter without a target (full messages)',
      code: `{
  "StartAt": "M",
  "States": {
    "M": {
      "Type": "Map",
      "ItemsPath": null,
      "ItemSelector": {},
      "Parameters": {},
      "MaxConcurrency": -1,
      "ToleratedFailurePercentage": 100.5,
      "ToleratedFailureCount": -2,
      "ItemReader": { "Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": { "MaxItems": -1 } },
      "ItemBatcher": { "MaxItemsPerBatch": 0, "MaxInputBytesPerBatch": 0 },
      "ResultWriter": { "Parameters": { "Bucket": "b" } },
      "ItemProcessor": { "StartAt": "W", "States": { "W": { "Type": "Wait", "Seconds": -1, "End": true } } },
      "Next": "N"
    },
    "N": { "Type": "Map", "ResultWriter": { "WriterConfig": { "Transformation": "FLATTEN" } }, "ItemProcessor": { "StartAt": "X", "States": { "X": { "Type": "Succeed" } } }, "End": true }
  }
}`,
      errors: [
        { messageId: 'wrongType', message: 'State "M": "ItemsPath" must be a string, not null', line: 6, column: 20, endLine: 6, endColumn: 24 },
        { messageId: 'bothFields', message: 'State "M" has both "ItemSelector" and "Parameters"; keep one', line: 8, column: 7, endLine: 8, endColumn: 19 },
        { messageId: 'outOfRange', message: 'State "M": "MaxConcurrency" must be at least 0, not -1', line: 9, column: 25, endLine: 9, endColumn: 27 },
        { messageId: 'outOfRange', message: 'State "M": "ToleratedFailurePercentage" must be between 0 and 100, not 100.5', line: 10, column: 37, endLine: 10, endColumn: 42 },
        { messageId: 'outOfRange', message: 'State "M": "ToleratedFailureCount" must be at least 0, not -2', line: 11, column: 32, endLine: 11, endColumn: 34 },
        { messageId: 'outOfRange', message: 'State "M": "ItemReader.ReaderConfig.MaxItems" must be at least 0, not -1', line: 12, column: 98, endLine: 12, endColumn: 100 },
        { messageId: 'outOfRange', message: 'State "M": "ItemBatcher.MaxItemsPerBatch" must be at least 1, not 0', line: 13, column: 44, endLine: 13, endColumn: 45 },
        { messageId: 'outOfRange', message: 'State "M": "ItemBatcher.MaxInputBytesPerBatch" must be at least 1, not 0', line: 13, column: 72, endLine: 13, endColumn: 73 },
        { messageId: 'writerNeedsTarget', message: 'State "M": "ResultWriter" needs "Resource" (with its bucket parameters) or "WriterConfig"', line: 14, column: 7, endLine: 14, endColumn: 21 },
        { messageId: 'outOfRange', message: 'State "W": "Seconds" must be between 0 and 99999999, not -1', line: 15, column: 88, endLine: 15, endColumn: 90 },
        { messageId: 'missingField', message: 'State "N": ResultWriter.WriterConfig needs "OutputType"', line: 18, column: 45, endLine: 18, endColumn: 59 },
      ],
    },
    {
      name: 'a Resource that is not a URI (full message)',
      code: `{
  "StartAt": "A",
  "States": {
    "A": { "Type": "Task", "Resource": "\${lambdaArn", "Next": "B" },
    "B": { "Type": "Task", "Resource": "MyFunction", "End": true }
  }
}`,
      errors: [
        { messageId: 'notAUri', message: 'State "A": "Resource" must be a URI such as an ARN ("arn:aws:states:::…"), not "${lambdaArn"', line: 4, column: 40, endLine: 4, endColumn: 53 },
        { messageId: 'notAUri', message: 'State "B": "Resource" must be a URI such as an ARN ("arn:aws:states:::…"), not "MyFunction"', line: 5, column: 40, endLine: 5, endColumn: 52 },
      ],
    },
    {
      name: 'a QueryLanguage put inside States is reported once, not on every JSONata field',
      code: `{
  "StartAt": "A",
  "States": {
    "QueryLanguage": "JSONata",
    "A": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": { "FunctionName": "f" }, "Output": "{% $states.result %}", "End": true }
  }
}`,
      errors: [
        { messageId: 'notObject', message: 'State "QueryLanguage" must be an object, not the string "JSONata" ("QueryLanguage" belongs beside "States", not inside it)', line: 4, column: 22, endLine: 4, endColumn: 31 },
      ],
    },
    {
      name: 'a Wait timestamp that is not RFC 3339 (full message)',
      code: `{
  "StartAt": "A",
  "States": {
    "A": { "Type": "Wait", "Timestamp": "2026-01-31 09:30", "Next": "B" },
    "B": { "Type": "Wait", "Timestamp": "2026-01-31T09:30:00Z", "Next": "C" },
    "C": { "Type": "Wait", "Timestamp": "\${Deadline}", "End": true }
  }
}`,
      errors: [
        { messageId: 'badTimestamp', message: 'State "A": "Timestamp" "2026-01-31 09:30" is not an RFC 3339 timestamp with uppercase "T" and "Z" (for example "2026-01-31T09:30:00Z")', line: 4, column: 41, endLine: 4, endColumn: 59 },
      ],
    },
    {
      name: 'Assign keys that cannot be variable names (full messages)',
      code: `{
  "StartAt": "A",
  "States": {
    "A": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Assign": { "ok.$": "$.x", "order.id": 1, "states": 2, "items[0]": 3 },
      "Catch": [{ "ErrorEquals": ["States.ALL"], "Assign": { "err.$": "$.Cause", "last error": 1 }, "Next": "B" }],
      "Next": "B"
    },
    "B": { "Type": "Choice", "Choices": [{ "Variable": "$.x", "IsPresent": true, "Assign": { "a.b": 1 }, "Next": "C" }], "Default": "C" },
    "C": { "Type": "Succeed" }
  }
}`,
      errors: [
        { messageId: 'badVariableName', message: 'State "A": "order.id" in Assign is not a variable name: assign whole variables only (no ".", "[" or blanks)', line: 7, column: 34, endLine: 7, endColumn: 44 },
        { messageId: 'badVariableName', message: 'State "A": "states" in Assign is not a variable name: "states" is reserved for $states', line: 7, column: 49, endLine: 7, endColumn: 57 },
        { messageId: 'badVariableName', message: 'State "A": "items[0]" in Assign is not a variable name: assign whole variables only (no ".", "[" or blanks)', line: 7, column: 62, endLine: 7, endColumn: 72 },
        { messageId: 'badVariableName', message: 'State "A": "last error" in Catch[0].Assign is not a variable name: assign whole variables only (no ".", "[" or blanks)', line: 8, column: 82, endLine: 8, endColumn: 94 },
        { messageId: 'badVariableName', message: 'State "B": "a.b" in Choices[0].Assign is not a variable name: assign whole variables only (no ".", "[" or blanks)', line: 11, column: 94, endLine: 11, endColumn: 99 },
      ],
    },
    {
      name: 'an EKS Task with Parameters in a JSONata state machine (full message)',
      code: `{
  "QueryLanguage": "JSONata",
  "StartAt": "Run job",
  "States": {
    "Run job": { "Type": "Task", "Resource": "arn:aws:states:::eks:runJob.sync", "Parameters": { "ClusterName": "ci" }, "End": true }
  }
}`,
      errors: [
        { messageId: 'wrongLanguage', message: 'State "Run job" uses "Parameters", which only JSONPath states accept: use "Arguments"', line: 5, column: 82, endLine: 5, endColumn: 94 },
      ],
    },
    {
      name: 'a CDK CustomState with a misspelt field',
      filename: 'stack.ts',
      code: `import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
new sfn.CustomState(this, 'Invoke', {
  stateJson: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'f' }, TimeoutSecond: 30 },
});
`,
      errors: [
        { messageId: 'unknownField', line: 3, column: 109, endLine: 3, endColumn: 122 },
      ],
    },
    {
      name: 'a key named __proto__ is an unknown field like any other',
      code: '{"StartAt":"A","States":{"A":{"Type":"Succeed","__proto__":{}}}}',
      errors: [
        { messageId: 'unknownField', line: 1, column: 48, endLine: 1, endColumn: 59 },
      ],
    },
  ],
});
