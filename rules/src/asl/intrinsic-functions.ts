import {
  INTRINSIC_FUNCTIONS,
  checkIntrinsic,
  defineRule,
  dollarKeys,
  jsonataBody,
  jsonataFacts,
  jsonataStrings,
  looksLikeIntrinsic,
  parseIntrinsic,
  parseJsonata,
  pathFields,
  type IntrinsicProblem,
  type Path,
  type RuleContext,
  type State,
} from '@asl-lint/core';

const STRING_FUNCTIONS = [...INTRINSIC_FUNCTIONS.values()]
  .filter((fn) => fn.stringResult)
  .map((fn) => fn.name.slice('States.'.length))
  .join(', ');

const PROBLEM_MESSAGE: Readonly<Record<IntrinsicProblem['kind'], string>> = {
  'unknown-function': 'unknownFunction',
  arity: 'problem',
  'argument-type': 'problem',
  'format-placeholders': 'problem',
  'json-merge-deep': 'problem',
  'hash-algorithm': 'problem',
  'argument-value': 'problem',
  'too-deep': 'problem',
};

function shown(value: string): string {
  return value.length > 60 ? `${value.slice(0, 59)}…` : value;
}

export default defineRule({
  meta: {
    id: 'asl/intrinsic-functions',
    description: 'Intrinsic function calls (`States.Format(…)` and the other 17) must name a real function with the right arguments, in a field that accepts them',
    severity: 'error',
    fix: 'none',
    locality: 'state',
    appliesTo: 'any',
    messages: {
      syntax: 'State "{{state}}": {{field}} "{{value}}" is not a well-formed intrinsic function call: {{problem}} (character {{column}})',
      unknownFunction: 'State "{{state}}": {{field}} calls {{function}}, which is not an intrinsic function{{suggestion}}',
      problem: 'State "{{state}}": {{field}}: {{problem}}',
      notAccepted: 'State "{{state}}": {{field}} takes a path, not an intrinsic function call ("{{value}}")',
      stringOnly: 'State "{{state}}": {{field}} accepts only intrinsic functions that return a string ({{functions}}), not {{function}}',
      literalInJsonata:
        'State "{{state}}": {{field}} is the text "{{value}}": intrinsic functions do not run in JSONata states; write a JSONata expression such as "{% … %}" with {{replacement}}',
      callInJsonata: 'State "{{state}}": the JSONata expression in {{field}} calls {{function}}; intrinsic functions do not exist in JSONata, use {{replacement}}',
    },
    docs: {
      whatItDoes:
        'Parses every intrinsic function call of JSONPath states (the `Key.$` values of payload templates and `ErrorPath`/`CausePath` of Fail states) and checks it: a known `States.*` name (with a "did you mean"), the number of arguments, literal arguments of the right type (a nested call counts by what it returns), the `{}` placeholders of `States.Format` against its arguments, `States.JsonMerge` with `false` (Step Functions has no deep merge), a real `States.Hash` algorithm, a non-zero `States.ArrayRange` step, at most 10 nested calls per field, quoting with `\'` and the `\\\'`, `\\{`, `\\}`, `\\\\` escapes. It also reports intrinsic calls in fields that take only a path (`InputPath`, `ResultPath`, `ItemsPath`, Choice `Variable`…), functions that do not return a string in `ErrorPath`/`CausePath`, and intrinsic calls written in JSONata states, where they do not exist.',
      whyItMatters:
        'Step Functions rejects a malformed call when the state machine is created; a wrong argument type or value may only surface at run time, as a `States.IntrinsicFailure` that fails the execution unless a Catch handles it. In JSONata states the text `States.Format(…)` is just a string, or a JSONata error at run time.',
      examples: {
        invalid: [
          {
            title: 'A misspelled function and a placeholder without a value',
            code: '{\n  "StartAt": "Name job",\n  "States": {\n    "Name job": {\n      "Type": "Pass",\n      "Parameters": {\n        "id.$": "States.UUId()",\n        "name.$": "States.Format(\'job-{}-{}\', $.team)"\n      },\n      "End": true\n    }\n  }\n}\n',
          },
        ],
        valid: [
          {
            code: '{\n  "StartAt": "Name job",\n  "States": {\n    "Name job": {\n      "Type": "Pass",\n      "Parameters": {\n        "id.$": "States.UUID()",\n        "name.$": "States.Format(\'job-{}-{}\', $.team, States.ArrayGetItem($.runs, 0))",\n        "merged.$": "States.JsonMerge($.defaults, $.overrides, false)"\n      },\n      "End": true\n    }\n  }\n}\n',
          },
        ],
      },
    },
  },
  check(context) {
    for (const state of context.machine.states) {
      if (state.queryLanguage === 'JSONata') {
        checkJsonataState(context, state);
        continue;
      }
      for (const entry of dollarKeys(state)) {
        if (typeof entry.value !== 'string' || entry.value.startsWith('$') || !looksLikeIntrinsic(entry.value)) continue;
        checkCall(context, state, `"${entry.key}" in ${entry.where}`, entry.path, entry.value, 'any');
      }
      for (const field of pathFields(state)) {
        if (typeof field.value !== 'string' || field.value.startsWith('$') || !looksLikeIntrinsic(field.value)) continue;
        if (field.intrinsics === 'none') {
          context.report({ path: field.path, messageId: 'notAccepted', data: { state: state.name, field: field.field, value: shown(field.value) } });
          continue;
        }
        checkCall(context, state, field.field, field.path, field.value, 'string');
      }
    }
  },
});

function checkCall(context: RuleContext, state: State, field: string, path: Path, value: string, accepts: 'any' | 'string'): void {
  const parsed = parseIntrinsic(value);
  if (!parsed.ok) {
    context.report({ path, messageId: 'syntax', data: { state: state.name, field, value: shown(value), problem: parsed.error.message, column: parsed.error.offset + 1 } });
    return;
  }
  const problems = checkIntrinsic(parsed.call);
  for (const problem of problems) {
    const messageId = PROBLEM_MESSAGE[problem.kind];
    if (messageId === 'unknownFunction') {
      context.report({ path, messageId, data: { state: state.name, field, function: problem.function, suggestion: problem.suggestion ? ` (did you mean ${problem.suggestion}?)` : '' } });
    } else {
      context.report({ path, messageId, data: { state: state.name, field, problem: problem.message } });
    }
  }
  const outer = INTRINSIC_FUNCTIONS.get(parsed.call.name);
  if (accepts === 'string' && outer && !outer.stringResult) {
    context.report({ path, messageId: 'stringOnly', data: { state: state.name, field, functions: STRING_FUNCTIONS, function: outer.name } });
  }
}

function replacementFor(name: string): string {
  return INTRINSIC_FUNCTIONS.get(name)?.jsonata ?? 'a JSONata function';
}

function checkJsonataState(context: RuleContext, state: State): void {
  for (const entry of jsonataStrings(state)) {
    if (!entry.expression) {
      if (!/^\s*States\./.test(entry.value)) continue;
      const parsed = parseIntrinsic(entry.value);
      if (parsed.ok && INTRINSIC_FUNCTIONS.has(parsed.call.name)) {
        context.report({
          path: entry.path,
          messageId: 'literalInJsonata',
          data: { state: state.name, field: entry.where, value: shown(entry.value), replacement: replacementFor(parsed.call.name) },
        });
      }
      continue;
    }
    if (!/States\s*\./.test(entry.value)) continue;
    const parsed = parseJsonata(jsonataBody(entry.value));
    if (!parsed.ok) continue; // asl/jsonata reports syntax errors
    for (const call of jsonataFacts(parsed.ast).intrinsicCalls) {
      context.report({ path: entry.path, messageId: 'callInJsonata', data: { state: state.name, field: entry.where, function: call.name, replacement: replacementFor(call.name) } });
    }
  }
}
