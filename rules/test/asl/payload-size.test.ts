import rule from '../../src/asl/payload-size.js';
import { ruleTester } from '../../../test-support/rule-tester.js';

const ascii = (n: number) => 'x'.repeat(n);

/** A machine with one state (as JSON text on line 4) after the given top-level fields. */
function machine(state: string, top = ''): string {
  return `{\n  ${top}"StartAt": "A",\n  "States": {\n    "A": ${state}\n  }\n}\n`;
}

/** Many short states (none near the payload quota) with escapes and non-ASCII names, and fields around States. */
const manyShortStates = `{
  "Comment": "a \\"quoted\\" \\u00e9 comment",
  "StartAt": "S0",
  "States": {
    ${Array.from({ length: 6_000 }, (_, i) => `"S${i} \\u2028é": { "Type": "Pass", "Result": { "text": "é\\n${ascii(150)}", "n": 1e2 }, "End": true }`).join(',\n    ')}
  },
  "TimeoutSeconds": 60
}
`;

const sixStates = Array.from({ length: 6 }, (_, i) => `"S${i}": { "Type": "Pass", "Result": "${ascii(200_000)}", ${i < 5 ? `"Next": "S${i + 1}"` : '"End": true'} }`).join(',\n    ');

ruleTester(rule, {
  valid: [
    { name: 'a Result just under 256 KiB', code: machine(`{ "Type": "Pass", "Result": "${ascii(262_000)}", "End": true }`) },
    { name: 'multi-byte text under the limit in bytes', code: machine(`{ "Type": "Pass", "Result": "${'€'.repeat(80_000)}", "End": true }`) },
    {
      name: 'a large Job given by a path is unknown at lint time',
      code: machine(`{ "Type": "Task", "Resource": "arn:aws:states:::eks:runJob.sync", "Parameters": { "Job.$": "$.job" }, "End": true }`),
    },
  ],
  invalid: [
    {
      name: 'a Pass Result over 256 KiB, with the full message',
      code: machine(`{ "Type": "Pass", "Result": "${ascii(300_000)}", "End": true }`),
      errors: [
        {
          messageId: 'payloadTooLarge',
          message:
            'State "A": Result is 293.0 KiB (300,002 bytes) as JSON; Step Functions limits a state\'s input and output to 256 KiB (262,144 bytes), so the state fails with States.DataLimitExceeded — keep large data in S3 and pass a reference',
          line: 4,
          column: 28,
          endLine: 4,
          endColumn: 36,
        },
      ],
    },
    {
      name: 'UTF-8 bytes count, not characters',
      code: machine(`{ "Type": "Pass", "Result": "${'€'.repeat(90_000)}", "End": true }`),
      errors: [{ messageId: 'payloadTooLarge', data: { state: 'A', field: 'Result', size: '263.7 KiB', bytes: '270,002' }, line: 4, column: 28, endLine: 4, endColumn: 36 }],
    },
    {
      name: 'an inline Job manifest of eks:runJob is reported once, on Job',
      code: machine(
        `{ "Type": "Task", "Resource": "arn:aws:states:::eks:runJob.sync", "Parameters": { "ClusterName": "batch", "Job": { "apiVersion": "batch/v1", "data": "${ascii(270_000)}" } }, "End": true }`,
      ),
      errors: [
        {
          messageId: 'eksDocumentTooLarge',
          message:
            'State "A": the inline Job of eks:runJob is 263.7 KiB (270,035 bytes) as JSON; the task input cannot exceed 256 KiB (262,144 bytes), so the task fails with States.DataLimitExceeded — shrink it or build it from a smaller template',
          line: 4,
          column: 116,
          endLine: 4,
          endColumn: 121,
        },
      ],
    },
    {
      name: 'a RequestBody string of eks:call in a JSONata state',
      code: machine(`{ "Type": "Task", "Resource": "arn:aws:states:::eks:call", "Arguments": { "Method": "POST", "RequestBody": "${ascii(263_000)}" }, "End": true }`, '"QueryLanguage": "JSONata",\n  '),
      errors: [{ messageId: 'eksDocumentTooLarge', data: { state: 'A', field: 'RequestBody', api: 'call', size: '256.8 KiB', bytes: '263,002' }, line: 5, column: 102, endLine: 5, endColumn: 115 }],
    },
    {
      name: 'Parameters and ItemSelector of states nested in a Map and a Parallel',
      code: `{
  "StartAt": "Each",
  "States": {
    "Each": {
      "Type": "Map",
      "ItemSelector": { "seed": "${ascii(263_000)}" },
      "ItemProcessor": {
        "StartAt": "Fan out",
        "States": {
          "Fan out": {
            "Type": "Parallel",
            "Branches": [{ "StartAt": "B", "States": { "B": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": { "Payload": "${ascii(263_000)}" }, "End": true } } }],
            "End": true
          }
        }
      },
      "End": true
    }
  }
}`,
      errors: [
        { messageId: 'payloadTooLarge', data: { state: 'Each', field: 'ItemSelector', size: '256.8 KiB', bytes: '263,011' }, line: 6, column: 7, endLine: 6, endColumn: 21 },
        { messageId: 'payloadTooLarge', data: { state: 'B', field: 'Parameters', size: '256.8 KiB', bytes: '263,014' }, line: 12, column: 125, endLine: 12, endColumn: 137 },
      ],
    },
    {
      name: 'the length of a definition measured state by state is its compact JSON length',
      code: manyShortStates,
      errors: [{ messageId: 'definitionTooLarge', data: { chars: JSON.stringify(JSON.parse(manyShortStates)).length.toLocaleString('en-US') }, line: 1, column: 1, endLine: 1, endColumn: 2 }],
    },
    {
      name: 'a definition over 1,048,576 characters',
      code: `{\n  "StartAt": "S0",\n  "States": {\n    ${sixStates}\n  }\n}\n`,
      errors: [
        {
          messageId: 'definitionTooLarge',
          message: 'The definition is 1,200,296 characters even without blanks; Step Functions accepts definitions of at most 1,048,576 characters — move large literals out of the definition',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 2,
        },
      ],
    },
  ],
});
