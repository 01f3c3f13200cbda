import { defineRule } from '@asl-lint/core';

/**
 * The engine reports this rule: suppressions are matched after every other rule has run
 * (`applySuppressions` in core), so the rule holds the metadata, messages and docs, and no check of its own.
 */
export default defineRule({
  meta: {
    id: 'asl/unused-suppression',
    description: 'A suppression comment or Comment directive must suppress at least one finding',
    severity: 'warning',
    fix: 'none',
    messages: {
      unused: '"{{directive}} {{ruleId}}" suppresses nothing: there is no {{ruleId}} finding here; remove it from the directive',
      'unused-all': '"{{directive}}" suppresses nothing: there is no finding here; remove the directive',
      'unknown-rule': '"{{directive}} {{ruleId}}" names no asl-lint rule{{suggestion}}: it suppresses nothing',
    },
    appliesTo: 'any',
    docs: {
      whatItDoes:
        'Reports each rule id in a suppression that matched no finding: `asl-lint-disable-next-line`, `asl-lint-disable-line` and `asl-lint-disable` comments in YAML and JSONC, and `asl-lint-disable` in the `Comment` field of a state (which covers that state) or of the state machine (which covers all of it). A misspelt or switched-off rule id suppresses nothing, so it is reported too.',
      whyItMatters:
        'A suppression outlives the problem it hid: once the definition is fixed, a stale directive silently hides the next, unrelated finding of that rule in the same place. Removing it keeps every remaining suppression a deliberate, reviewed exception.',
      examples: {
        invalid: [
          {
            title: 'The state the comment points at has no finding',
            code: 'StartAt: Run job\nStates:\n  # asl-lint-disable-next-line asl/transitions -- B is added by a later stack\n  Run job:\n    Type: Succeed\n',
          },
          {
            title: 'A Comment directive in plain JSON that suppresses nothing',
            code: '{\n  "StartAt": "Run job",\n  "States": {\n    "Run job": { "Type": "Succeed", "Comment": "asl-lint-disable asl/transitions -- kept for review" }\n  }\n}\n',
          },
        ],
        valid: [
          {
            title: 'No directive where there is nothing to suppress',
            code: 'StartAt: Run job\nStates:\n  # Runs the nightly export.\n  Run job:\n    Type: Succeed\n',
          },
        ],
      },
      options: 'None. Switch the rule off (`"asl/unused-suppression": "off"`) to keep directives that suppress nothing.',
    },
  },
});
