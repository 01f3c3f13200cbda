import { defineRule, type State } from '@asl-lint/core';

const MAX_LENGTH = 80;
// Control characters: U+0000–U+001F and U+007F–U+009F.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export default defineRule({
  meta: {
    id: 'asl/state-names',
    description: 'State names must be 1 to 80 characters, without control characters, and unique in the whole state machine',
    severity: 'error',
    fix: 'none',
    messages: {
      tooLong: 'State name "{{short}}…" is {{length}} characters long; the limit is 80',
      empty: 'A state name must not be empty',
      control: 'State name "{{state}}" contains a control character',
      duplicate: 'State name "{{state}}" is already used by another state ({{where}}); names must be unique across the whole state machine, nested branches included',
    },
    docs: {
      whatItDoes: 'Checks every state name, nested ones included: at most 80 characters, not empty, no control characters, and unique across the whole state machine (Parallel branches and Map processors share one namespace with the top level).',
      whyItMatters: 'Step Functions rejects names over 80 characters and duplicate names (`DUPLICATE_STATE_NAME`, `INVALID_STATE_NAME`). Execution history, metrics and redrive all identify states by name.',
      examples: {
        invalid: [
          {
            title: 'The same name inside a branch',
            code: '{\n  "StartAt": "Fan out",\n  "States": {\n    "Fan out": {\n      "Type": "Parallel",\n      "Branches": [{ "StartAt": "Done", "States": { "Done": { "Type": "Succeed" } } }],\n      "Next": "Done"\n    },\n    "Done": { "Type": "Succeed" }\n  }\n}\n',
          },
        ],
        valid: [{ code: '{\n  "StartAt": "Run job",\n  "States": { "Run job": { "Type": "Succeed" } }\n}\n' }],
      },
    },
  },
  check(context) {
    const firstByName = new Map<string, State>();
    for (const state of context.machine.states) {
      const name = state.name;
      // Characters, not UTF-16 units; counted only when the units could exceed the limit (never fewer than characters).
      const length = name.length > MAX_LENGTH ? [...name].length : name.length;
      if (length === 0) context.report({ path: state.path, at: 'key', messageId: 'empty' });
      else if (length > MAX_LENGTH) context.report({ path: state.path, at: 'key', messageId: 'tooLong', data: { short: [...name].slice(0, 30).join(''), length } });
      if (CONTROL.test(name)) context.report({ path: state.path, at: 'key', messageId: 'control', data: { state: JSON.stringify(name).slice(1, -1) } });
      const first = firstByName.get(name);
      if (first !== undefined) {
        context.report({ path: state.path, at: 'key', messageId: 'duplicate', data: { state: name, where: placeOf(first) } });
      } else {
        firstByName.set(name, state);
      }
    }
  },
});

/** Where a state sits, for the message about a later state of the same name. */
function placeOf(state: State): string {
  return state.scope.owner ? `in ${state.scope.kind === 'branch' ? 'a branch' : 'the item processor'} of "${state.scope.owner.name}"` : 'at the top level';
}
