import { defineRule, hasMalformedTransition, reachableStates, type State } from '@asl-lint/core';

export default defineRule({
  meta: {
    id: 'asl/no-terminal',
    description: 'Some path from StartAt must reach a terminal state, and no reachable loop may lack an exit',
    severity: 'error',
    fix: 'none',
    messages: {
      noTerminal: 'No path from StartAt "{{startAt}}" reaches a terminal state (End, Succeed or Fail) in {{scope}}',
      trap: 'State "{{state}}" enters a loop with no way out: no path from it reaches End, Succeed or Fail',
    },
    docs: {
      whatItDoes: 'Reports a scope whose `StartAt` cannot reach any terminal state (`End: true`, `Succeed`, `Fail`), and the entry of every reachable loop from which no path leads to a terminal state.',
      whyItMatters: 'Step Functions rejects a definition without a terminal state (`MISSING_END_STATE`). A loop without an exit runs until the execution hits its time limit or the 25,000-event history quota, billing every transition.',
      examples: {
        invalid: [{ code: '{\n  "StartAt": "A",\n  "States": {\n    "A": { "Type": "Pass", "Next": "B" },\n    "B": { "Type": "Wait", "Seconds": 5, "Next": "A" }\n  }\n}\n' }],
        valid: [
          {
            title: 'A polling loop with an exit',
            code: '{\n  "StartAt": "Wait",\n  "States": {\n    "Wait": { "Type": "Wait", "Seconds": 5, "Next": "Done?" },\n    "Done?": {\n      "Type": "Choice",\n      "Choices": [{ "Variable": "$.done", "BooleanEquals": true, "Next": "Finish" }],\n      "Default": "Wait"\n    },\n    "Finish": { "Type": "Succeed" }\n  }\n}\n',
          },
        ],
      },
    },
  },
  check(context) {
    for (const scope of context.machine.scopes) {
      if (scope.startAt === undefined || !scope.states.has(scope.startAt)) continue;
      const reached = reachableStates(scope);
      // Reverse reachability from every state that can end the scope. A state whose transitions are broken
      // or missing counts as ending: asl/transitions explains it, and this rule must not pile on.
      const predecessors = new Map<State, State[]>();
      const canFinish = new Set<State>();
      const stack: State[] = [];
      for (const state of reached) {
        let ends =
          state.type === undefined ||
          state.type === 'Succeed' ||
          state.type === 'Fail' ||
          state.isEnd ||
          state.transitions.length === 0 ||
          hasMalformedTransition(state);
        for (const transition of state.transitions) {
          const target = scope.states.get(transition.target);
          if (!target) {
            ends = true; // a transition to nowhere
            continue;
          }
          const list = predecessors.get(target);
          if (list) list.push(state);
          else predecessors.set(target, [state]);
        }
        if (ends) {
          canFinish.add(state);
          stack.push(state);
        }
      }
      while (stack.length > 0) {
        const state = stack.pop()!;
        for (const previous of predecessors.get(state) ?? []) {
          if (!canFinish.has(previous)) {
            canFinish.add(previous);
            stack.push(previous);
          }
        }
      }
      // Only reached states are marked, so when all of them can finish (the usual case) there is nothing to report.
      if (canFinish.size === reached.size) continue;
      const start = scope.states.get(scope.startAt)!;
      if (!canFinish.has(start)) {
        const where = scope.owner ? `the ${scope.kind === 'branch' ? 'branch' : 'item processor'} of "${scope.owner.name}"` : 'the state machine';
        context.report({ path: [...scope.path, 'StartAt'], messageId: 'noTerminal', data: { startAt: scope.startAt, scope: where } });
        continue;
      }
      // Report each trapped state entered from a state that could still finish: the loop's entry.
      for (const state of reached) {
        if (!canFinish.has(state)) continue;
        for (const transition of state.transitions) {
          const target = scope.states.get(transition.target);
          if (target && !canFinish.has(target)) {
            context.report({ path: transition.path, messageId: 'trap', data: { state: target.name } });
          }
        }
      }
    }
  },
});
