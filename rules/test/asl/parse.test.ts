import rule from '../../src/asl/parse.js';
import { ruleTester } from '../../../test-support/rule-tester.js';

ruleTester(rule, {
  valid: [
    '{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}',
    { name: 'YAML', code: 'StartAt: A\nStates:\n  A:\n    Type: Succeed\n' },
    { name: 'a BOM and CRLF', code: '\ufeff{\r\n  "StartAt": "A",\r\n  "States": { "A": { "Type": "Succeed" } }\r\n}\r\n' },
  ],
  invalid: [
    {
      name: 'missing comma (full message)',
      code: '{\n  "StartAt": "A"\n  "States": { "A": { "Type": "Succeed" } }\n}\n',
      errors: [{ messageId: 'syntax', message: 'Comma expected', line: 3, column: 3, endLine: 3, endColumn: 11 }],
    },
    {
      name: 'duplicate key',
      code: '{\n  "StartAt": "A",\n  "States": { "A": { "Type": "Pass", "Type": "Succeed" } }\n}\n',
      errors: [{ messageId: 'duplicate-key', message: 'Duplicate key "Type": the later value silently replaces the earlier one', line: 3, column: 38, endLine: 3, endColumn: 44 }],
    },
    {
      name: 'comment and trailing comma in JSON',
      code: '{\n  // note\n  "StartAt": "A",\n  "States": { "A": { "Type": "Succeed", } }\n}\n',
      errors: [
        { messageId: 'comment', message: 'Comments are not allowed in JSON: Step Functions rejects this definition', line: 2, column: 3, endLine: 2, endColumn: 10 },
        { messageId: 'trailing-comma', message: 'Trailing commas are not allowed in JSON', line: 4, column: 39, endLine: 4, endColumn: 40 },
      ],
    },
    {
      name: 'YAML 1.1 booleans as plain values (a warning; quoted values are fine)',
      code: 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Comment: "yes"\n    Next: No\n  No:\n    Type: Succeed\n',
      errors: [{ messageId: 'yaml11-boolean', message: 'No is the string "No" here (YAML 1.2), but the boolean false for YAML 1.1 parsers such as CloudFormation\'s and the SAM CLI\'s: quote it if you mean the string, or write false', line: 6, column: 11, endLine: 6, endColumn: 13 }],
    },
    {
      name: 'merge conflict markers, one message each',
      code: '{\n<<<<<<< HEAD\n  "StartAt": "A",\n=======\n  "StartAt": "B",\n>>>>>>> feature\n  "States": {}\n}\n',
      errors: [
        { messageId: 'syntax', message: 'Merge conflict marker "<<<<<<<": resolve the conflict before linting', line: 2, column: 1, endLine: 2, endColumn: 8 },
        { messageId: 'syntax', line: 4, column: 1 },
        { messageId: 'syntax', line: 6, column: 1 },
      ],
    },
    {
      name: 'YAML duplicate key',
      code: 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Type: Succeed\n',
      errors: [{ messageId: 'duplicate-key', line: 5, column: 5, endLine: 5, endColumn: 9 }],
    },
    {
      name: 'YAML syntax error',
      code: 'StartAt: A\nStates: [\n',
      errors: [{ messageId: 'syntax', line: 3, column: 1 }],
    },
    {
      name: 'empty file',
      code: '',
      filename: 'empty.asl.json',
      errors: [{ messageId: 'syntax', line: 1, column: 1 }],
    },
  ],
});
