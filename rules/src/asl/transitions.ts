import { closestMatch, defineRule, findNode, type State } from '@asl-lint/core';

const NEEDS_NEXT_OR_END = new Set(['Task', 'Pass', 'Wait', 'Parallel', 'Map']);
const MAX_SUGGESTIONS = 50;

export default defineRule({
  meta: {
    id: 'asl/transitions',
    description: 'StartAt, Next, Default and Catch Next must name a state of the same scope; a state needs exactly one of Next and End',
    severity: 'error',
    fix: 'none',
    messages: {
      unknownStartAt: 'StartAt "{{target}}" names no state in {{scope}}{{hint}}',
      unknownTarget: 'State "{{state}}": {{field}} "{{target}}" names no state in {{scope}}{{hint}}',
      otherScope: 'State "{{state}}": {{field}} "{{target}}" is a state of another scope; a state can only transition to states of its own {{scopeKind}}',
      nextAndEnd: 'State "{{state}}" has both "Next" and "End": true; keep exactly one',
      neither: 'State "{{state}}" of type {{type}} needs "Next" or "End": true',
    },
    docs: {
      whatItDoes: 'Checks every transition: `StartAt`, `Next`, Choice `Default` and `Choices[].Next`, and `Catch[].Next` must name a state in the same scope (the top level, one Parallel branch, or one Map item processor). A Task, Pass, Wait, Parallel or Map state must have exactly one of `Next` and `End: true`.',
      whyItMatters: 'Step Functions rejects a definition whose transitions point nowhere (`MISSING_TRANSITION_TARGET`). States inside a branch cannot jump out of it, and a state with neither `Next` nor `End` has no defined successor.',
      examples: {
        invalid: [
          {
            title: 'A typo in a Catch target',
            code: '{\n  "StartAt": "Start",\n  "States": {\n    "Start": {\n      "Type": "Task",\n      "Resource": "arn:aws:states:::lambda:invoke",\n      "Catch": [{ "ErrorEquals": ["States.ALL"], "Next": "Handel" }],\n      "Next": "Handle"\n    },\n    "Handle": { "Type": "Succeed" }\n  }\n}\n',
          },
          { title: 'Neither Next nor End', code: '{\n  "StartAt": "Start",\n  "States": {\n    "Start": { "Type": "Pass" }\n  }\n}\n' },
        ],
        valid: [{ code: '{\n  "StartAt": "Start",\n  "States": {\n    "Start": { "Type": "Pass", "Next": "Finish" },\n    "Finish": { "Type": "Succeed" }\n  }\n}\n' }],
      },
    },
  },
  check(context) {
    const { machine } = context;
    // Each suggestion scans every state name: past a few dozen broken targets, hints stop paying for themselves.
    let suggestionsLeft = MAX_SUGGESTIONS;
    const suggest = (target: string, scope: State['scope']): string => {
      if (suggestionsLeft <= 0) return '';
      suggestionsLeft--;
      const suggestion = closestMatch(target, [...scope.states.keys()]);
      return suggestion ? ` (did you mean "${suggestion}"?)` : '';
    };
    // Every state's name, only needed once some transition names no state of its own scope.
    let stateNames: Set<string> | undefined;
    const isStateName = (name: string): boolean => (stateNames ??= new Set(machine.states.map((state) => state.name))).has(name);

    for (const scope of machine.scopes) {
      // With States of the wrong type there is nothing to name: asl/schema reports States itself.
      if (scope.startAt !== undefined && !scope.states.has(scope.startAt) && findNode(context.definition.root, [...scope.path, 'States'])?.kind === 'object') {
        context.report({ path: [...scope.path, 'StartAt'], messageId: 'unknownStartAt', data: { target: scope.startAt, scope: describeScope(scope), hint: suggest(scope.startAt, scope) } });
      }
      for (const state of scope.states.values()) {
        for (const transition of state.transitions) {
          if (scope.states.has(transition.target)) continue;
          const field = transition.kind === 'Choice' ? `Choices[${transition.index}].Next` : transition.kind === 'Catch' ? `Catch[${transition.index}].Next` : transition.kind;
          const data = { state: state.name, field, target: transition.target };
          if (isStateName(transition.target)) {
            context.report({ path: transition.path, messageId: 'otherScope', data: { ...data, scopeKind: scope.kind === 'root' ? 'scope' : scope.kind === 'branch' ? 'branch' : 'item processor' } });
          } else {
            context.report({ path: transition.path, messageId: 'unknownTarget', data: { ...data, scope: describeScope(scope), hint: suggest(transition.target, scope) } });
          }
        }
        if (!state.type || !NEEDS_NEXT_OR_END.has(state.type)) continue;
        const hasNext = state.fields.Next !== undefined;
        const hasEnd = state.fields.End === true;
        if (hasNext && hasEnd) context.report({ path: [...state.path, 'End'], at: 'key', messageId: 'nextAndEnd', data: { state: state.name } });
        else if (!hasNext && (state.fields.End === undefined || state.fields.End === false)) context.report({ path: state.path, at: 'key', messageId: 'neither', data: { state: state.name, type: state.type } });
      }
    }
  },
});

/** How messages name a scope (built only for a finding). */
function describeScope(scope: State['scope']): string {
  return scope.owner ? `the ${scope.kind === 'branch' ? 'branch' : 'item processor'} of "${scope.owner.name}"` : 'the state machine';
}
