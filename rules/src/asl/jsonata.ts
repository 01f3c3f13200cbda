import { closestMatch, defineRule, isJsonataExpression, jsonataBody, jsonataFacts, jsonataStrings, literalStrings, parseJsonata, type JsonataString } from '@asl-lint/core';

function shown(value: string): string {
  const flat = value.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}

/** The members of the reserved `$states` variable. */
const STATES_MEMBERS: readonly string[] = ['input', 'context', 'result', 'errorOutput'];

/** `$states.result` is the task's result: only the state's own Output and Assign of Task, Map and Parallel see it. */
function allowsResult(entry: JsonataString): boolean {
  const { state } = entry.root;
  return entry.root.owner === 'state' && (entry.root.fieldName === 'Output' || entry.root.fieldName === 'Assign') && (state.type === 'Task' || state.type === 'Map' || state.type === 'Parallel');
}

/** `$states.errorOutput` exists only in a Catcher's Output and Assign. */
function allowsErrorOutput(entry: JsonataString): boolean {
  return entry.root.owner === 'Catch' && (entry.root.fieldName === 'Output' || entry.root.fieldName === 'Assign');
}

export default defineRule({
  meta: {
    id: 'asl/jsonata',
    description: 'JSONata expressions (`{% … %}`) must parse and use only what Step Functions allows',
    severity: 'error',
    fix: 'none',
    locality: 'state',
    appliesTo: 'any',
    messages: {
      syntax: 'State "{{state}}": the JSONata expression in {{field}} does not parse: {{problem}} ({{code}}{{at}})',
      delimiters: 'State "{{state}}": {{field}} "{{value}}" {{problem}}; a JSONata expression must start with "{%" and end with "%}", with nothing around them',
      rootDollar: 'State "{{state}}": the JSONata expression in {{field}} uses "$$", which Step Functions does not support; use $states.input or $states.context',
      contextRoot: 'State "{{state}}": the JSONata expression in {{field}} uses "$" at its top level, which Step Functions does not support; use $states.input',
      bareField: 'State "{{state}}": the JSONata expression in {{field}} reads the field "{{name}}" of the input directly, which Step Functions does not support; write $states.input.{{name}}',
      eval: 'State "{{state}}": the JSONata expression in {{field}} calls $eval, which Step Functions does not support',
      resultScope: 'State "{{state}}": {{field}} uses $states.result, which exists only in the Output and Assign of a Task, Map or Parallel state',
      errorOutputScope: 'State "{{state}}": {{field}} uses $states.errorOutput, which exists only in the Output and Assign of a Catch',
      unknownStatesMember: 'State "{{state}}": the JSONata expression in {{field}} reads $states.{{member}}, which does not exist: $states has input, context, result and errorOutput{{suggestion}}',
      inJsonPathState:
        'State "{{state}}": {{field}} is a JSONata expression, but the state uses JSONPath, so it is sent as the text "{{value}}"; add "QueryLanguage": "JSONata" to the state (or the top level)',
    },
    docs: {
      whatItDoes:
        'Parses every `{% … %}` string of JSONata states (Arguments, Output, Assign, Items, ItemSelector, Condition, the scalar fields such as TimeoutSeconds, ItemReader/ResultWriter/ItemBatcher fields, Catch and Choice rule Output/Assign) with the `jsonata` package, without evaluating anything. Multi-line expressions and `{%expr%}` without spaces are valid. It reports a string in those fields that starts with `{%` but does not end with `%}` (or the reverse, or has blanks around the delimiters), and the constructs Step Functions forbids: `$$`, `$` or a bare field name at the top level of an expression (the input is `$states.input`), `$eval`, `$states.result` outside the Output and Assign of Task, Map and Parallel states, `$states.errorOutput` outside a Catch, and `$states` members that do not exist (`$states.inputs`). In JSONPath states, a `{% … %}` string in a payload template is only text: that is reported as a warning (the state most likely lacks `"QueryLanguage": "JSONata"`).',
      whyItMatters:
        'Step Functions rejects a definition whose JSONata does not parse or whose delimiters are malformed; the forbidden constructs are refused at validation or fail the execution with `States.QueryEvaluationError`. Either way the mistake is found late: at deployment or in a running workflow.',
      examples: {
        invalid: [
          {
            title: 'A missing parenthesis and a bare field name',
            code: '{\n  "QueryLanguage": "JSONata",\n  "StartAt": "Count",\n  "States": {\n    "Count": {\n      "Type": "Pass",\n      "Output": {\n        "total": "{% $sum($states.input.sizes %}",\n        "team": "{% team %}"\n      },\n      "End": true\n    }\n  }\n}\n',
          },
        ],
        valid: [
          {
            code: '{\n  "QueryLanguage": "JSONata",\n  "StartAt": "Count",\n  "States": {\n    "Count": {\n      "Type": "Pass",\n      "Output": {\n        "total": "{%$sum($states.input.sizes)%}",\n        "team": "{% $states.input.team %}",\n        "names": "{% $states.input.jobs.(\\n  name & \'-\' & $string(attempt)\\n) %}"\n      },\n      "End": true\n    }\n  }\n}\n',
          },
        ],
      },
    },
  },
  check(context) {
    for (const state of context.machine.states) {
      for (const entry of literalStrings(state)) {
        if (!isJsonataExpression(entry.value)) continue;
        const field = `${entry.where}.${entry.key}`;
        context.report({ path: entry.path, severity: 'warning', messageId: 'inJsonPathState', data: { state: state.name, field, value: shown(entry.value) } });
      }
      for (const entry of jsonataStrings(state)) {
        const base = { state: state.name, field: entry.where };
        if (!entry.expression) {
          const problem = delimiterProblem(entry.value);
          if (problem) context.report({ path: entry.path, messageId: 'delimiters', data: { ...base, value: shown(entry.value), problem } });
          continue;
        }
        const parsed = parseJsonata(jsonataBody(entry.value));
        if (!parsed.ok) {
          const at = parsed.error.position !== undefined ? `, at character ${parsed.error.position + 2}` : '';
          context.report({ path: entry.path, messageId: 'syntax', data: { ...base, problem: parsed.error.message, code: parsed.error.code, at } });
          continue;
        }
        const facts = jsonataFacts(parsed.ast);
        for (const restriction of facts.restrictions) {
          switch (restriction.kind) {
            case 'root-dollar':
              context.report({ path: entry.path, messageId: 'rootDollar', data: base });
              break;
            case 'context-root':
              context.report({ path: entry.path, messageId: 'contextRoot', data: base });
              break;
            case 'bare-field':
              context.report({ path: entry.path, messageId: 'bareField', data: { ...base, name: restriction.text } });
              break;
            case 'eval':
              context.report({ path: entry.path, messageId: 'eval', data: base });
              break;
          }
        }
        const members = new Set(facts.statesReferences.map((reference) => reference.member));
        for (const member of members) {
          if (STATES_MEMBERS.includes(member)) continue;
          const suggestion = closestMatch(member, STATES_MEMBERS);
          context.report({ path: entry.path, messageId: 'unknownStatesMember', data: { ...base, member, suggestion: suggestion ? ` (did you mean $states.${suggestion}?)` : '' } });
        }
        if (members.has('result') && !allowsResult(entry)) context.report({ path: entry.path, messageId: 'resultScope', data: base });
        if (members.has('errorOutput') && !allowsErrorOutput(entry)) context.report({ path: entry.path, messageId: 'errorOutputScope', data: base });
      }
    }
  },
});

/**
 * Why a string that is not an expression is a broken one, or undefined for plain text. Step Functions looks at the
 * raw string: one delimiter without the other is an error; text with neither (even " {% x %} ") is a literal.
 */
function delimiterProblem(value: string): string | undefined {
  const opens = value.startsWith('{%');
  const closes = value.endsWith('%}');
  if (!opens && !closes) return undefined;
  const trimmed = value.trim();
  const blanks = trimmed !== value && trimmed.startsWith('{%') && trimmed.endsWith('%}');
  if (blanks) return 'has blanks around its "{%" … "%}" delimiters';
  if (opens && !closes) return 'starts with "{%" but does not end with "%}"';
  if (!opens && closes) return 'ends with "%}" but does not start with "{%"';
  return 'is not a complete expression';
}
