import { checkStructure, defineRule } from '@asl-lint/core';

export default defineRule({
  meta: {
    id: 'asl/schema',
    description: 'Structure: unknown and missing fields per state type, wrong value types, fields that the state\'s query language does not accept',
    severity: 'error',
    fix: 'none',
    locality: 'state',
    appliesTo: 'any',
    messages: {
      missingField: '{{owner}} needs "{{field}}"',
      unknownField: '{{where}}: unknown field "{{field}}"{{location}}{{hint}}',
      wrongLanguage: '{{where}} uses "{{field}}"{{location}}, which only {{language}} states accept: {{advice}}',
      wrongType: '{{where}}: "{{field}}" must be {{expected}}, not {{actual}}',
      jsonataInJsonPath: '{{where}}: "{{field}}" is a JSONata expression, which only JSONata states accept: add "QueryLanguage": "JSONata" (to the state or the top level)',
      emptyArray: '{{where}}: "{{field}}" must not be empty',
      notObject: '{{where}} must be an object, not {{actual}}{{hint}}',
      missingType: '{{where}} needs "Type", one of {{types}}',
      unknownType: '{{where}}: unknown type {{value}}{{hint}}; the state types are {{types}}',
      bothFields: '{{where}} has both "{{first}}" and "{{second}}"{{location}}; keep one',
      waitNeedsOne: '{{where}} of type Wait needs one of "Seconds", "SecondsPath", "Timestamp" or "TimestampPath"',
      batcherNeedsLimit: '{{where}}: "ItemBatcher" needs "MaxItemsPerBatch" or "MaxInputBytesPerBatch" (or their "…Path" forms)',
      writerNeedsTarget: '{{where}}: "ResultWriter" needs "Resource" (with its bucket parameters) or "WriterConfig"',
      outOfRange: '{{where}}: "{{field}}" must be {{expected}}, not {{value}}',
      notAUri: '{{where}}: "{{field}}" must be a URI such as an ARN ("arn:aws:states:::…"), not {{value}}',
      badTimestamp: '{{where}}: "Timestamp" {{value}} is not an RFC 3339 timestamp with uppercase "T" and "Z" (for example "2026-01-31T09:30:00Z")',
      badVariableName: '{{where}}: {{name}} in {{location}} is not a variable name: {{problem}}',
      jsonPathInJsonata: '{{where}} sets "QueryLanguage": "JSONPath", but the state machine\'s top level is JSONata; a JSONata state machine cannot contain JSONPath states',
    },
    docs: {
      whatItDoes:
        'Validates the structure of the definition against JSON Schemas of the Amazon States Language: the top level, every state type in both query languages, Parallel branches and Map item processors, Retry and Catch, Map `ItemReader`/`ItemBatcher`/`ResultWriter`, and Choice rules. It reports missing required fields (`Resource`, `Branches`, `Choices`, `ItemProcessor`), unknown fields (with the closest known name), values of the wrong type, fields that only the other query language accepts (`Arguments` and `Output` are JSONata; `Parameters` and every `…Path` field are JSONPath), a static field together with its `…Path` twin, unknown state types, resources that are not URIs (ARNs), Wait timestamps that are not RFC 3339, `Assign` keys that cannot be variable names, and Map and Wait numbers out of range (`ToleratedFailurePercentage` 0–100, `MaxConcurrency` and `ToleratedFailureCount` at least 0, batch limits at least 1). Transitions (`Next`/`End` presence and targets) are left to `asl/transitions`; the values of retriers, timeouts and Choice rules to `asl/retry-catch`, `asl/timeouts` and `asl/choice-rules`. A value of the wrong type is reported once, and the container it sits in is not searched further. A lone CDK `CustomState` is taken as JSONata when it uses JSONata fields or expressions, since the machine that holds it is not visible.',
      whyItMatters:
        'Step Functions rejects a definition that breaks the schema (`SCHEMA_VALIDATION_FAILED`) when it is created or updated, so a typo in a field name or a JSONata field in a JSONPath state fails the deployment. Catching it in the editor or at commit time is cheaper than a failed stack update. A CloudFormation intrinsic (`{"Ref": …}`, `{"Fn::…": …}`) is accepted wherever a scalar is expected.',
      examples: {
        invalid: [
          {
            title: 'A misspelt field',
            code: '{\n  "StartAt": "Fetch",\n  "States": {\n    "Fetch": {\n      "Type": "Task",\n      "Resourse": "arn:aws:states:::lambda:invoke",\n      "End": true\n    }\n  }\n}\n',
          },
          {
            title: 'Arguments in a JSONPath state',
            code: '{\n  "StartAt": "Run",\n  "States": {\n    "Run": {\n      "Type": "Task",\n      "Resource": "arn:aws:states:::lambda:invoke",\n      "Arguments": { "FunctionName": "run" },\n      "End": true\n    }\n  }\n}\n',
          },
        ],
        valid: [
          {
            code: '{\n  "QueryLanguage": "JSONata",\n  "StartAt": "Run",\n  "States": {\n    "Run": {\n      "Type": "Task",\n      "Resource": "arn:aws:states:::lambda:invoke",\n      "Arguments": { "FunctionName": "work", "Payload": "{% $states.input %}" },\n      "TimeoutSeconds": "{% $states.input.timeout %}",\n      "End": true\n    }\n  }\n}\n',
          },
        ],
      },
    },
  },
  check(context) {
    for (const problem of checkStructure(context.machine)) {
      context.report({ path: problem.path, ...(problem.at ? { at: problem.at } : {}), messageId: problem.messageId, data: problem.data });
    }
  },
});
