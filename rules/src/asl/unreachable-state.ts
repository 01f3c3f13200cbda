import { defineRule, hasMalformedTransition, reachableStates, type State } from '@asl-lint/core';

export default defineRule({
  meta: {
    id: 'asl/unreachable-state',
    description: 'Every state must be reachable from its scope\'s StartAt',
    severity: 'error',
    fix: 'none',
    messages: {
      unreachable: 'State "{{state}}" is never reached from StartAt "{{startAt}}"',
    },
    docs: {
      whatItDoes: 'Follows every transition (Next, Choice rules and Default, Catch) from each scope\'s `StartAt` and reports the states that no path reaches. A cycle of states that nothing enters from `StartAt` is unreachable too.',
      whyItMatters: 'Step Functions rejects definitions with unreachable states. An unreachable state is usually a transition that was renamed or forgotten, so the work it holds never runs.',
      examples: {
        invalid: [{ code: '{\n  "StartAt": "A",\n  "States": {\n    "A": { "Type": "Succeed" },\n    "Orphan": { "Type": "Pass", "End": true }\n  }\n}\n' }],
        valid: [{ code: '{\n  "StartAt": "A",\n  "States": {\n    "A": { "Type": "Pass", "Next": "B" },\n    "B": { "Type": "Succeed" }\n  }\n}\n' }],
      },
    },
  },
  check(context) {
    for (const scope of context.machine.scopes) {
      // Without a valid StartAt, asl/transitions or asl/schema already explains the scope.
      if (scope.startAt === undefined || !scope.states.has(scope.startAt)) continue;
      const reached = reachableStates(scope);
      if (reached.size === scope.states.size) continue; // every state is reached (the usual case)
      // A transition of the wrong type may lead anywhere: asl/schema reports it, and nothing is provably unreachable.
      if (someMalformed(reached)) continue;
      for (const state of scope.states.values()) {
        // An entry of States that is not an object is not a state; asl/schema says so.
        if (state.node.kind !== 'object') continue;
        if (!reached.has(state)) context.report({ path: state.path, at: 'key', messageId: 'unreachable', data: { state: state.name, startAt: scope.startAt } });
      }
    }
  },
});

function someMalformed(states: ReadonlySet<State>): boolean {
  for (const state of states) if (hasMalformedTransition(state)) return true;
  return false;
}
