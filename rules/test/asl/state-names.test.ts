import rule from '../../src/asl/state-names.js';
import { ruleTester } from '../../../test-support/rule-tester.js';

const long = 'x'.repeat(81);

ruleTester(rule, {
  valid: [
    '{"StartAt":"Run job: step 1","States":{"Run job: step 1":{"Type":"Succeed"}}}',
    { name: 'exactly 80 characters, and non-ASCII', code: `{"StartAt":"${'é'.repeat(80)}","States":{"${'é'.repeat(80)}":{"Type":"Succeed"}}}` },
    { name: '__proto__ is an ordinary name', code: '{"StartAt":"__proto__","States":{"__proto__":{"Type":"Succeed"}}}' },
  ],
  invalid: [
    {
      name: 'too long',
      code: `{"StartAt":"${long}","States":{"${long}":{"Type":"Succeed"}}}`,
      errors: [{ messageId: 'tooLong', message: `State name "${'x'.repeat(30)}…" is 81 characters long; the limit is 80`, line: 1, column: 106, endLine: 1, endColumn: 189 }],
    },
    {
      name: 'duplicate across a branch (full message)',
      code: `{
  "StartAt": "P",
  "States": {
    "P": {
      "Type": "Parallel",
      "Branches": [{ "StartAt": "Done", "States": { "Done": { "Type": "Succeed" } } }],
      "Next": "Done"
    },
    "Done": { "Type": "Succeed" }
  }
}`,
      errors: [{ messageId: 'duplicate', message: 'State name "Done" is already used by another state (in a branch of "P"); names must be unique across the whole state machine, nested branches included', line: 9, column: 5, endLine: 9, endColumn: 11 }],
    },
    {
      name: 'control character and empty name',
      code: '{"StartAt":"a\\tb","States":{"a\\tb":{"Type":"Pass","Next":""},"":{"Type":"Succeed"}}}',
      errors: [
        { messageId: 'control', message: 'State name "a\\tb" contains a control character', line: 1, column: 29, endLine: 1, endColumn: 35 },
        { messageId: 'empty', line: 1, column: 62, endLine: 1, endColumn: 64 },
      ],
    },
  ],
});
