import { INTRINSIC_FUNCTIONS, defineRule, dollarKeys, findNode, getProperty, isObjectValue, locatePath, literalStrings, looksLikeIntrinsic, parseIntrinsic, parsePath, pathFields, type AstNode, type FixSpec, type JsonValue, type Path, type PathKind, type State } from '@asl-lint/core';

const KIND_TEXT: Readonly<Record<PathKind, string>> = { path: 'path', reference: 'reference path', result: 'reference path' };

/** A value short enough for a message. */
function shown(value: string): string {
  return value.length > 60 ? `${value.slice(0, 59)}…` : value;
}

export default defineRule({
  meta: {
    id: 'asl/paths',
    description: 'JSONPath fields and `.$` values must be well-formed paths (or intrinsic function calls where allowed)',
    severity: 'error',
    fix: 'suggestion',
    locality: 'state',
    appliesTo: 'any',
    messages: {
      malformed: 'State "{{state}}": {{field}} "{{value}}" is not a valid {{kind}}: {{problem}} (character {{column}})',
      notPathOrIntrinsic:
        'State "{{state}}": "{{key}}" in {{where}} must be a path starting with "$" or an intrinsic function call, not "{{value}}"; to send the text as it is, remove ".$" from the key',
      collision: 'State "{{state}}": {{where}} has both "{{name}}" and "{{key}}"; once ".$" is removed the two keys collide',
      literalPath:
        'State "{{state}}": "{{key}}" in {{where}} is the text "{{value}}", sent as it is because the key does not end in ".$"; name the key "{{key}}.$" to use the {{what}}',
      statesVariable:
        'State "{{state}}": {{field}} "{{value}}" reads the variable $states, which exists only in JSONata states; in JSONPath write $ for the input and $$ for the context object',
      staticResult:
        'State "{{state}}": "{{key}}" in {{where}} holds "{{value}}", but a Pass state\'s Result is static and never evaluated; build the value in Parameters instead',
    },
    docs: {
      fixSafety:
        'For a path or intrinsic call under a plain key, the editor offers to rename `Key` to `Key.$`. That changes what the state sends (the data at the path instead of the text), so it is a suggestion, never applied by `--fix`.',
      whatItDoes:
        'Parses every path of JSONPath states: `InputPath`, `OutputPath`, `ResultPath` (also in `Catch`), `ItemsPath`, the `…Path` fields (`TimeoutSecondsPath`, `SecondsPath`, `MaxConcurrencyPath`, `ErrorPath`…), Choice `Variable` and `…Path` comparisons, and every `Key.$` value of the payload templates (`Parameters`, `ResultSelector`, `ItemSelector`, ItemReader/ResultWriter `Parameters`, ItemBatcher `BatchInput`, `Credentials`, `Assign`) at any depth. Reference paths (`ResultPath`, `ItemsPath` and the `…Path` fields) must select one node: no `..`, `*`, filters, slices or unions. `ResultPath` must not write into the context object (`$$`) nor name a variable, and no path may read `$states`, which exists only in JSONata states. A `Key.$` value must be a path (`$…`, `$$…`, `$variable…`) or an intrinsic function call, and a template must not hold both `Key` and `Key.$`. Intrinsic calls themselves are checked by `asl/intrinsic-functions`. A plain key whose value is a path or an intrinsic call (`"Endpoint": "$.endpoint"`) sends that text as it is: this is reported as a warning, as Step Functions\' own validator does (`NO_DOLLAR`); a lone `$`, a `$word` (a price, a variable-like name) and keys such as `InputPath` (paths meant for another service, such as an EventBridge target\'s `InputPath`) are not reported. A path or intrinsic call in a Pass state\'s `Result`, which is never evaluated, is also a warning (`PASS_RESULT_IS_STATIC`).',
      whyItMatters:
        'Step Functions rejects a definition with a malformed path (`SCHEMA_VALIDATION_FAILED`), and a path that parses but selects several nodes where one is needed fails the execution at run time (`States.ParameterPathFailure`, `States.ResultPathMatchFailure`). A `.$` value that is not a path is a typo of a path or a key that should not end in `.$`.',
      examples: {
        invalid: [
          {
            title: 'A trailing dot and a ResultPath with a wildcard',
            code: '{\n  "StartAt": "Prepare",\n  "States": {\n    "Prepare": {\n      "Type": "Pass",\n      "Parameters": { "job.$": "$.job." },\n      "ResultPath": "$.results[*]",\n      "End": true\n    }\n  }\n}\n',
          },
          {
            title: 'A `.$` key whose value is not a path',
            code: '{\n  "StartAt": "Prepare",\n  "States": {\n    "Prepare": {\n      "Type": "Pass",\n      "Parameters": { "namespace.$": "batch-jobs" },\n      "End": true\n    }\n  }\n}\n',
          },
        ],
        valid: [
          {
            code: '{\n  "StartAt": "Prepare",\n  "States": {\n    "Prepare": {\n      "Type": "Pass",\n      "Parameters": {\n        "namespace": "batch-jobs",\n        "job.$": "$.jobs[0]",\n        "execution.$": "$$.Execution.Id",\n        "labels.$": "$[\'pod labels\']"\n      },\n      "ResultPath": "$.prepared",\n      "End": true\n    }\n  }\n}\n',
          },
        ],
      },
    },
  },
  check(context) {
    const parse = pathParser();
    for (const state of context.machine.states) {
      for (const field of pathFields(state)) {
        if (typeof field.value !== 'string' || looksLikeIntrinsic(field.value)) continue;
        const parsed = parse(field.value, field.kind);
        if (!parsed.ok) {
          context.report({
            path: field.path,
            messageId: 'malformed',
            data: { state: state.name, field: field.field, value: shown(field.value), kind: KIND_TEXT[field.kind], problem: parsed.error.message, column: parsed.error.offset + 1 },
          });
        } else if (parsed.path.variable === 'states') {
          context.report({ path: field.path, messageId: 'statesVariable', data: { state: state.name, field: field.field, value: shown(field.value) } });
        }
      }
      for (const entry of staticResultPaths(state, parse)) {
        context.report({ path: entry.path, severity: 'warning', messageId: 'staticResult', data: { state: state.name, key: entry.key, where: entry.where, value: shown(entry.value) } });
      }
      for (const entry of literalStrings(state)) {
        // A key named like `InputPath` carries a path for another service (an EventBridge target, a nested definition).
        if (entry.key.endsWith('Path') && /.Path$/.test(entry.key)) continue;
        const what = literalExpression(entry.value, parse);
        if (what) {
          const rename = renameToDollarKey(context.definition.root, context.text, entry.path, entry.key);
          context.report({
            path: entry.path,
            severity: 'warning',
            messageId: 'literalPath',
            data: { state: state.name, key: entry.key, where: entry.where, value: shown(entry.value), what },
            ...(rename ? { suggestions: [rename] } : {}),
          });
        }
      }
      for (const entry of dollarKeys(state)) {
        if (Object.hasOwn(entry.container, entry.name)) {
          context.report({ path: entry.path, at: 'key', messageId: 'collision', data: { state: state.name, where: entry.where, name: entry.name, key: entry.key } });
        }
        if (typeof entry.value !== 'string') continue;
        if (entry.value.startsWith('$')) {
          const parsed = parse(entry.value, 'path');
          if (!parsed.ok) {
            context.report({
              path: entry.path,
              messageId: 'malformed',
              data: { state: state.name, field: `"${entry.key}" in ${entry.where}`, value: shown(entry.value), kind: 'path', problem: parsed.error.message, column: parsed.error.offset + 1 },
            });
          } else if (parsed.path.variable === 'states') {
            context.report({ path: entry.path, messageId: 'statesVariable', data: { state: state.name, field: `"${entry.key}" in ${entry.where}`, value: shown(entry.value) } });
          }
        } else if (!looksLikeIntrinsic(entry.value)) {
          context.report({ path: entry.path, messageId: 'notPathOrIntrinsic', data: { state: state.name, key: entry.key, where: entry.where, value: shown(entry.value) } });
        }
      }
    }
  },
});

/** What a plain string would be if its key ended in ".$": a path into the input or context, or an intrinsic call. */
type ParsePath = (text: string, kind: PathKind) => ReturnType<typeof parsePath>;

/** parsePath once per distinct text and kind in a definition: the same few paths recur in many states. */
function pathParser(): ParsePath {
  const byKind = new Map<PathKind, Map<string, ReturnType<typeof parsePath>>>();
  return (text, kind) => {
    let cache = byKind.get(kind);
    if (!cache) byKind.set(kind, (cache = new Map()));
    let parsed = cache.get(text);
    if (!parsed) cache.set(text, (parsed = parsePath(text, kind)));
    return parsed;
  };
}

function literalExpression(value: string, parse: ParsePath): string | undefined {
  // Asked of every plain string of every template: look at the first character before any pattern.
  const first = value.charCodeAt(0);
  if (first !== 36 /* $ */ && first !== 83 /* S */) return undefined;
  if (/^\$(\$?\.|\$?\[)/.test(value) && parse(value, 'path').ok) return value.startsWith('$$') ? 'context object path' : 'path';
  if (value.startsWith('States.')) {
    const parsed = parseIntrinsic(value);
    if (parsed.ok && INTRINSIC_FUNCTIONS.has(parsed.call.name)) return 'intrinsic function';
  }
  return undefined;
}

/** Paths and intrinsic calls written in a JSONPath Pass state's Result, where nothing is evaluated. */
function staticResultPaths(state: State, parse: ParsePath): { path: Path; key: string; value: string; where: string }[] {
  const found: { path: Path; key: string; value: string; where: string }[] = [];
  if (state.type !== 'Pass' || state.queryLanguage !== 'JSONPath' || !Object.hasOwn(state.fields, 'Result')) return found;
  const stack: { value: JsonValue; path: Path; where: string }[] = [{ value: state.fields.Result, path: [...state.path, 'Result'], where: 'Result' }];
  while (stack.length > 0) {
    const { value, path, where } = stack.pop()!;
    if (Array.isArray(value)) {
      // Only objects inside arrays can hold keys; skip scalars without allocating (Results may be huge arrays).
      value.forEach((item, index) => {
        if (item !== null && typeof item === 'object') stack.push({ value: item, path: [...path, index], where: `${where}[${index}]` });
      });
    } else if (isObjectValue(value)) {
      for (const [key, item] of Object.entries(value)) {
        if (typeof item === 'string') {
          const evaluated = key.endsWith('.$') ? item.startsWith('$') || looksLikeIntrinsic(item) : literalExpression(item, parse) !== undefined;
          if (evaluated) found.push({ path: [...path, key], key, value: item, where });
        } else if (item !== null && typeof item === 'object') {
          stack.push({ value: item, path: [...path, key], where: `${where}.${key}` });
        }
      }
    }
  }
  return found;
}

/** The edit that appends ".$" to a key (inside its quotes, if any), unless the object already has that key. */
function renameToDollarKey(root: AstNode, text: string, path: Path, key: string): FixSpec | undefined {
  const parent = findNode(root, path.slice(0, -1));
  if (!parent || getProperty(parent, `${key}.$`)) return undefined;
  const { range, exact } = locatePath(root, path, 'key');
  if (!exact) return undefined;
  const last = text[range.end - 1];
  const at = last === '"' || last === "'" ? range.end - 1 : range.end;
  return { message: `Rename "${key}" to "${key}.$"`, changes: [{ kind: 'text', range: { start: at, end: at }, text: '.$' }] };
}
