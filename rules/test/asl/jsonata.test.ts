import rule from '../../src/asl/jsonata.js';
import { ruleTester } from '../../../test-support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'multi-line expressions, no spaces, $states and variables',
      code: `{
  "QueryLanguage": "JSONata",
  "StartAt": "Run",
  "States": {
    "Run": {
      "Type": "Task",
      "Resource": "arn:aws:states:::eks:runJob.sync",
      "Comment": "{% not evaluated",
      "Arguments": {
        "ClusterName": "{%$states.input.cluster%}",
        "Namespace": "batch",
        "Note": " {% literal text: blanks on both sides %} ",
        "Job": "{% $merge([\\n  $jobTemplate,\\n  { 'metadata': { 'name': 'job-' & $states.context.Execution.Name } }\\n]) %}"
      },
      "Output": "{% $states.result.logs %}",
      "Assign": { "status": "{% $states.result.status %}" },
      "TimeoutSeconds": "{% $states.input.timeout %}",
      "Catch": [{ "ErrorEquals": ["States.ALL"], "Output": "{% $states.errorOutput %}", "Next": "Pick" }],
      "Next": "Pick"
    },
    "Pick": { "Type": "Choice", "Choices": [{ "Condition": "{% $status = 'done' %}", "Next": "Done" }], "Default": "Done" },
    "Done": { "Type": "Succeed" }
  }
}`,
    },
    {
      name: 'JSONPath states are not JSONata',
      code: `{
  "StartAt": "A",
  "States": { "A": { "Type": "Pass", "Parameters": { "x": "{% broken", "y.$": "$.y" }, "Comment": "{% not a field %}", "End": true } }
}`,
    },
  ],
  invalid: [
    {
      name: 'an expression that does not parse, with the full message',
      code: `{
  "QueryLanguage": "JSONata",
  "StartAt": "A",
  "States": {
    "A": { "Type": "Pass", "Output": "{% $sum($states.input.sizes %}", "End": true }
  }
}`,
      errors: [
        {
          messageId: 'syntax',
          message: 'State "A": the JSONata expression in Output does not parse: Expected ")" before end of expression (S0203, at character 28)',
          line: 5,
          column: 38,
          endLine: 5,
          endColumn: 70,
        },
      ],
    },
    {
      name: 'malformed delimiters',
      code: `{
  "QueryLanguage": "JSONata",
  "StartAt": "A",
  "States": {
    "A": {
      "Type": "Pass",
      "Output": { "a": "{% 10 %", "b": "10 %}", "c": " {% 10 %}", "d": "{%}" },
      "End": true
    }
  }
}`,
      errors: [
        {
          messageId: 'delimiters',
          message: 'State "A": Output.a "{% 10 %" starts with "{%" but does not end with "%}"; a JSONata expression must start with "{%" and end with "%}", with nothing around them',
          line: 7,
          column: 24,
          endLine: 7,
          endColumn: 33,
        },
        { messageId: 'delimiters', message: 'State "A": Output.b "10 %}" ends with "%}" but does not start with "{%"; a JSONata expression must start with "{%" and end with "%}", with nothing around them', line: 7, column: 40, endLine: 7, endColumn: 47 },
        { messageId: 'delimiters', message: 'State "A": Output.c " {% 10 %}" has blanks around its "{%" … "%}" delimiters; a JSONata expression must start with "{%" and end with "%}", with nothing around them', line: 7, column: 54, endLine: 7, endColumn: 65 },
        { messageId: 'delimiters', message: 'State "A": Output.d "{%}" is not a complete expression; a JSONata expression must start with "{%" and end with "%}", with nothing around them', line: 7, column: 72, endLine: 7, endColumn: 77 },
      ],
    },
    {
      name: 'constructs Step Functions forbids, in a Parallel branch and a Map item processor',
      code: `{
  "QueryLanguage": "JSONata",
  "StartAt": "Fan out",
  "States": {
    "Fan out": {
      "Type": "Parallel",
      "Branches": [
        { "StartAt": "B", "States": { "B": { "Type": "Pass", "Output": { "a": "{% $$.x %}", "b": "{% $.x %}" }, "End": true } } }
      ],
      "Next": "Each"
    },
    "Each": {
      "Type": "Map",
      "Items": "{% items %}",
      "ItemProcessor": {
        "StartAt": "M",
        "States": { "M": { "Type": "Pass", "Output": "{% $eval('1') %}", "End": true } }
      },
      "End": true
    }
  }
}`,
      errors: [
        {
          messageId: 'rootDollar',
          message: 'State "B": the JSONata expression in Output.a uses "$$", which Step Functions does not support; use $states.input or $states.context',
          line: 8,
          column: 79,
          endLine: 8,
          endColumn: 91,
        },
        {
          messageId: 'contextRoot',
          message: 'State "B": the JSONata expression in Output.b uses "$" at its top level, which Step Functions does not support; use $states.input',
          line: 8,
          column: 98,
          endLine: 8,
          endColumn: 109,
        },
        {
          messageId: 'bareField',
          message: 'State "Each": the JSONata expression in Items reads the field "items" of the input directly, which Step Functions does not support; write $states.input.items',
          line: 14,
          column: 16,
          endLine: 14,
          endColumn: 29,
        },
        { messageId: 'eval', message: 'State "M": the JSONata expression in Output calls $eval, which Step Functions does not support', line: 17, column: 54, endLine: 17, endColumn: 72 },
      ],
    },
    {
      name: '$states.result and $states.errorOutput out of place',
      code: `{
  "QueryLanguage": "JSONata",
  "StartAt": "Run",
  "States": {
    "Run": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Arguments": { "Payload": "{% $states.result %}" },
      "Output": "{% $states.errorOutput %}",
      "Assign": { "input": "{% $states.inputs %}", "odd": "{% $states.foo & $states.foo %}" },
      "Catch": [{ "ErrorEquals": ["States.ALL"], "Output": "{% $states.result.Payload %}", "Next": "Done" }],
      "Next": "Done"
    },
    "Done": { "Type": "Succeed" }
  }
}`,
      errors: [
        {
          messageId: 'resultScope',
          message: 'State "Run": Arguments.Payload uses $states.result, which exists only in the Output and Assign of a Task, Map or Parallel state',
          line: 8,
          column: 33,
          endLine: 8,
          endColumn: 55,
        },
        { messageId: 'errorOutputScope', message: 'State "Run": Output uses $states.errorOutput, which exists only in the Output and Assign of a Catch', line: 9, column: 17, endLine: 9, endColumn: 44 },
        {
          messageId: 'unknownStatesMember',
          message: 'State "Run": the JSONata expression in Assign.input reads $states.inputs, which does not exist: $states has input, context, result and errorOutput (did you mean $states.input?)',
          line: 10,
          column: 28,
          endLine: 10,
          endColumn: 50,
        },
        { messageId: 'unknownStatesMember', data: { state: 'Run', field: 'Assign.odd', member: 'foo', suggestion: '' }, line: 10, column: 59, endLine: 10, endColumn: 92 },
        { messageId: 'resultScope', line: 11, column: 60, endLine: 11, endColumn: 90 },
      ],
    },
    {
      name: 'an expression in a JSONPath state is only text',
      code: `{
  "StartAt": "Run",
  "States": {
    "Run": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Parameters": { "FunctionName": "resize", "Payload": { "size": "{% $states.input.size %}" } },
      "End": true
    }
  }
}`,
      errors: [
        {
          messageId: 'inJsonPathState',
          message:
            'State "Run": Parameters.Payload.size is a JSONata expression, but the state uses JSONPath, so it is sent as the text "{% $states.input.size %}"; add "QueryLanguage": "JSONata" to the state (or the top level)',
          line: 7,
          column: 70,
          endLine: 7,
          endColumn: 96,
        },
      ],
    },
    {
      name: 'YAML, a state that switches to JSONata',
      code: `StartAt: A
States:
  A:
    Type: Wait
    QueryLanguage: JSONata
    Seconds: "{% 10 + * 2 %}"
    Next: B
  B:
    Type: Succeed
`,
      errors: [{ messageId: 'syntax', message: 'State "A": the JSONata expression in Seconds does not parse: Syntax error: 2 (S0201, at character 11)', line: 6, column: 14, endLine: 6, endColumn: 30 }],
    },
  ],
});
