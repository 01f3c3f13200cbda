import { describe, expect, it } from 'vitest';
import { lintText, resolveRules } from '@asl-lint/core';
import rule from '../../src/asl/paths.js';
import { ruleTester } from '../../../test-support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'template placeholders stand for values the host fills in',
      code: '{"StartAt":"A","States":{"A":{"Type":"Pass","InputPath":"${InputPath}","ResultPath":"$.${Key}","Parameters":{"Payload.$":"${PayloadPath}"},"Next":"C"},"C":{"Type":"Choice","Choices":[{"Variable":"${Var}","IsPresent":true,"Next":"D"}],"Default":"D"},"D":{"Type":"Succeed"}}}',
    },
    {
      name: 'every kind of valid path, context paths and variables',
      code: `{
  "StartAt": "Pick",
  "States": {
    "Pick": {
      "Type": "Choice",
      "InputPath": "$.in",
      "OutputPath": "$$.Execution.Input",
      "Choices": [{ "Not": { "Variable": "$.jobs[?(@.state == 'FAILED')]", "IsPresent": true }, "Next": "Run" }],
      "Default": "Run"
    },
    "Run": {
      "Type": "Task",
      "Resource": "arn:aws:states:::eks:runJob.sync",
      "Parameters": {
        "ClusterName.$": "$cluster.name",
        "Endpoint.$": "$.endpoint",
        "Namespace.$": "$['k8s namespace']",
        "Job": { "metadata": { "name.$": "States.Format('job-{}', $$.Execution.Name)", "labels.$": "$..labels" } },
        "Count.$": 3
      },
      "ResultSelector": { "status.$": "$.status", "first.$": "$.logs[0]" },
      "ResultPath": "$.result",
      "TimeoutSecondsPath": "$$.Execution.Input.timeout",
      "Catch": [{ "ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Done" }],
      "Next": "Done"
    },
    "Done": { "Type": "Pass", "InputPath": null, "End": true }
  }
}`,
    },
    {
      name: 'JSONata states have no paths',
      code: `{
  "QueryLanguage": "JSONata",
  "StartAt": "A",
  "States": { "A": { "Type": "Pass", "Output": { "x.$": "not a path" }, "End": true } }
}`,
    },
    {
      name: 'a Pass Result is static: its .$ keys are data',
      code: `{
  "StartAt": "A",
  "States": { "A": { "Type": "Pass", "Result": { "x.$": "not a path", "x": 1 }, "End": true } }
}`,
    },
  ],
  invalid: [
    {
      name: 'a malformed .$ value, with the full message',
      code: `{
  "StartAt": "A",
  "States": {
    "A": { "Type": "Pass", "Parameters": { "job.$": "$.job." }, "End": true }
  }
}`,
      errors: [
        {
          messageId: 'malformed',
          message: 'State "A": "job.$" in Parameters "$.job." is not a valid path: a path must not end with "." (character 6)',
          line: 4,
          column: 53,
          endLine: 4,
          endColumn: 61,
        },
      ],
    },
    {
      name: 'ResultPath into the context object, a variable in a Catch ResultPath, a wildcard ItemsPath',
      code: `{
  "StartAt": "Run",
  "States": {
    "Run": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "ResultPath": "$$.Execution.Id",
      "Catch": [{ "ErrorEquals": ["States.ALL"], "ResultPath": "$err", "Next": "Each" }],
      "Next": "Each"
    },
    "Each": {
      "Type": "Map",
      "ItemsPath": "$.items[*]",
      "ItemProcessor": { "StartAt": "P", "States": { "P": { "Type": "Pass", "End": true } } },
      "End": true
    }
  }
}`,
      errors: [
        {
          messageId: 'malformed',
          message: 'State "Run": ResultPath "$$.Execution.Id" is not a valid reference path: ResultPath cannot write into the context object ("$$") (character 1)',
          line: 7,
          column: 21,
          endLine: 7,
          endColumn: 38,
        },
        {
          messageId: 'malformed',
          message: 'State "Run": Catch[0].ResultPath "$err" is not a valid reference path: ResultPath cannot reference a variable; use Assign to set variables (character 1)',
          line: 8,
          column: 64,
          endLine: 8,
          endColumn: 70,
        },
        {
          messageId: 'malformed',
          message: 'State "Each": ItemsPath "$.items[*]" is not a valid reference path: a reference path must select a single node; wildcard "*" is not allowed (character 9)',
          line: 13,
          column: 20,
          endLine: 13,
          endColumn: 32,
        },
      ],
    },
    {
      name: 'states nested in a Parallel branch and a Map item processor',
      code: `{
  "StartAt": "Fan out",
  "States": {
    "Fan out": {
      "Type": "Parallel",
      "Branches": [
        {
          "StartAt": "B",
          "States": {
            "B": { "Type": "Pass", "InputPath": "$.a b", "End": true }
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
          "M": { "Type": "Pass", "Parameters": { "deep": [{ "v.$": "$.values[x]" }] }, "End": true }
        }
      },
      "End": true
    }
  }
}`,
      errors: [
        { messageId: 'malformed', message: `State "B": InputPath "$.a b" is not a valid path: a name with a blank needs bracket notation, e.g. $['a …'] (character 4)`, line: 10, column: 49, endLine: 10, endColumn: 56 },
        { messageId: 'malformed', message: 'State "M": "v.$" in Parameters.deep[0] "$.values[x]" is not a valid path: expected an index, a quoted name, "*" or a filter inside "[…]" (character 10)', line: 21, column: 68, endLine: 21, endColumn: 81 },
      ],
    },
    {
      name: 'a .$ value that is neither a path nor an intrinsic, and a key given twice',
      code: `{
  "StartAt": "Run",
  "States": {
    "Run": {
      "Type": "Task",
      "Resource": "arn:aws:states:::eks:call",
      "Parameters": {
        "Method": "GET",
        "Method.$": "$.method",
        "Path.$": "/api/v1/namespaces"
      },
      "End": true
    }
  }
}`,
      errors: [
        {
          messageId: 'collision',
          message: 'State "Run": Parameters has both "Method" and "Method.$"; once ".$" is removed the two keys collide',
          line: 9,
          column: 9,
          endLine: 9,
          endColumn: 19,
        },
        {
          messageId: 'notPathOrIntrinsic',
          message: 'State "Run": "Path.$" in Parameters must be a path starting with "$" or an intrinsic function call, not "/api/v1/namespaces"; to send the text as it is, remove ".$" from the key',
          line: 10,
          column: 19,
          endLine: 10,
          endColumn: 39,
        },
      ],
    },
    {
      name: 'Choice rules nested in And, and Assign in a Choice rule',
      code: `{
  "StartAt": "Pick",
  "States": {
    "Pick": {
      "Type": "Choice",
      "Choices": [
        {
          "And": [{ "Variable": "$.a", "StringEqualsPath": "$.b." }, { "Variable": "a", "IsPresent": true }],
          "Assign": { "picked.$": "yes" },
          "Next": "Done"
        }
      ],
      "Default": "Done"
    },
    "Done": { "Type": "Succeed" }
  }
}`,
      errors: [
        { messageId: 'malformed', line: 8, column: 60, endLine: 8, endColumn: 66 },
        { messageId: 'malformed', message: 'State "Pick": Choices[0].And[1].Variable "a" is not a valid path: a path must start with "$", not "a" (character 1)', line: 8, column: 84, endLine: 8, endColumn: 87 },
        { messageId: 'notPathOrIntrinsic', line: 9, column: 35, endLine: 9, endColumn: 40 },
      ],
    },
    {
      name: 'a path or an intrinsic call under a plain key is sent as text (AWS NO_DOLLAR)',
      code: `{
  "StartAt": "Run",
  "States": {
    "Run": {
      "Type": "Task",
      "Resource": "arn:aws:states:::eks:call",
      "Parameters": {
        "Endpoint": "$.cluster.endpoint",
        "Path": "$$.Execution.Input.path",
        "Query": { "labelSelector": "States.Format('team={}', $.team)" },
        "Price": "$5",
        "Currency": "$",
        "Note": "$team",
        "Target": { "InputPath": "$.detail" }
      },
      "End": true
    }
  }
}`,
      errors: [
        {
          messageId: 'literalPath',
          message: 'State "Run": "Endpoint" in Parameters is the text "$.cluster.endpoint", sent as it is because the key does not end in ".$"; name the key "Endpoint.$" to use the path',
          line: 8,
          column: 21,
          endLine: 8,
          endColumn: 41,
        },
        { messageId: 'literalPath', data: { state: 'Run', key: 'Path', where: 'Parameters', value: '$$.Execution.Input.path', what: 'context object path' }, line: 9, column: 17, endLine: 9, endColumn: 42 },
        { messageId: 'literalPath', data: { state: 'Run', key: 'labelSelector', where: 'Parameters.Query', value: "States.Format('team={}', $.team)", what: 'intrinsic function' }, line: 10, column: 37, endLine: 10, endColumn: 71 },
      ],
    },
    {
      name: '$states, the JSONata variable, in a JSONPath state',
      code: `{
  "StartAt": "A",
  "States": {
    "A": { "Type": "Pass", "InputPath": "$states.input", "Parameters": { "id.$": "$states.context.Execution.Id" }, "End": true }
  }
}`,
      errors: [
        {
          messageId: 'statesVariable',
          message: 'State "A": InputPath "$states.input" reads the variable $states, which exists only in JSONata states; in JSONPath write $ for the input and $$ for the context object',
          line: 4,
          column: 41,
          endLine: 4,
          endColumn: 56,
        },
        { messageId: 'statesVariable', line: 4, column: 82, endLine: 4, endColumn: 112 },
      ],
    },
    {
      name: 'paths in a Pass Result are never evaluated (AWS PASS_RESULT_IS_STATIC)',
      code: `{
  "StartAt": "Seed",
  "States": {
    "Seed": {
      "Type": "Pass",
      "Result": { "job.$": "$.job", "items": [{ "name": "$$.Execution.Name", "id.$": "States.UUID()", "note.$": "plain" }] },
      "End": true
    }
  }
}`,
      errors: [
        {
          messageId: 'staticResult',
          message: 'State "Seed": "job.$" in Result holds "$.job", but a Pass state\'s Result is static and never evaluated; build the value in Parameters instead',
          line: 6,
          column: 28,
          endLine: 6,
          endColumn: 35,
        },
        { messageId: 'staticResult', data: { state: 'Seed', key: 'name', where: 'Result.items[0]', value: '$$.Execution.Name' }, line: 6, column: 57, endLine: 6, endColumn: 76 },
        { messageId: 'staticResult', data: { state: 'Seed', key: 'id.$', where: 'Result.items[0]', value: 'States.UUID()' }, line: 6, column: 86, endLine: 6, endColumn: 101 },
      ],
    },
    {
      name: 'YAML',
      code: `StartAt: A
States:
  A:
    Type: Pass
    Parameters:
      value.$: $.a.
    OutputPath: "$[0"
    End: true
`,
      errors: [
        { messageId: 'malformed', line: 6, column: 16, endLine: 6, endColumn: 20 },
        { messageId: 'malformed', message: 'State "A": OutputPath "$[0" is not a valid path: unclosed "[" (character 2)', line: 7, column: 17, endLine: 7, endColumn: 22 },
      ],
    },
  ],
});

describe('asl/paths suggestions', () => {
  it('offers to rename a key holding a path to Key.$, in JSON and YAML, unless Key.$ exists', () => {
    const suggest = (code: string, filePath: string) =>
      lintText(code, { filePath, rules: resolveRules([rule], []) }).diagnostics.map((d) => [d.messageId, d.fix, d.suggestions?.map((f) => [f.message, f.edits])]);
    const json = '{ "StartAt": "A", "States": { "A": { "Type": "Pass", "Parameters": { "x": "$.x", "y": "$.y", "y.$": "$.z" }, "End": true } } }';
    expect(suggest(json, 'a.asl.json')).toEqual([
      ['literalPath', undefined, [['Rename "x" to "x.$"', [{ range: { start: 71, end: 71 }, text: '.$' }]]]],
      ['literalPath', undefined, undefined],
      ['collision', undefined, undefined],
    ]);
    const yaml = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Parameters:\n      endpoint: $.cluster.endpoint\n    End: true\n';
    expect(suggest(yaml, 'a.asl.yaml')).toEqual([['literalPath', undefined, [['Rename "endpoint" to "endpoint.$"', [{ range: { start: 69, end: 69 }, text: '.$' }]]]]]);
  });
});

describe('asl/paths severities', () => {
  it('reports a path sent as text as a warning, and malformed paths as errors', () => {
    const code = '{ "StartAt": "A", "States": { "A": { "Type": "Pass", "InputPath": "$.", "Parameters": { "x": "$.x" }, "End": true } } }';
    const result = lintText(code, { filePath: 'a.asl.json', rules: resolveRules([rule], []) });
    expect(result.diagnostics.map((d) => [d.messageId, d.severity])).toEqual([
      ['malformed', 'error'],
      ['literalPath', 'warning'],
    ]);
  });
});
