import { defineRule, EKS_INLINE_DOCUMENTS, eksTaskOf, isObjectValue, type JsonValue, type Path } from '@asl-lint/core';

/** Step Functions' payload quota: 256 KiB of UTF-8 (reference §5). */
const PAYLOAD_LIMIT_BYTES = 262_144;
/** The definition quota: 1,048,576 characters (`definition` in the API model, reference §5). */
const DEFINITION_LIMIT_CHARS = 1_048_576;

/** Inline payload fields whose literal text Step Functions passes on as a state's input or output. */
const PAYLOAD_FIELDS = ['Parameters', 'Arguments', 'Result', 'ItemSelector', 'Output', 'Assign'] as const;

/** UTF-8 length of a string without allocating the encoded bytes. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * UTF-8 size of the value's JSON text when it may exceed the payload quota, else 0. A UTF-16 unit is at most 3 UTF-8
 * bytes, so text of at most a third of the quota is under it without counting (nearly every payload).
 */
function oversizedBytes(value: JsonValue): number {
  const text = JSON.stringify(value);
  if (text.length * 3 <= PAYLOAD_LIMIT_BYTES) return 0;
  const bytes = utf8Length(text);
  return bytes > PAYLOAD_LIMIT_BYTES ? bytes : 0;
}

/**
 * A whole number with thousands separators (`1,815,895`), as `toLocaleString('en-US')` writes it, without loading
 * the ICU number formatter (about 9 ms on its first use in a process).
 */
function grouped(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const NO_NAMES: ReadonlySet<string> = new Set();

/**
 * The definition's length as compact JSON (what `JSON.stringify` gives), measured one top-level state at a time, and
 * the top-level states whose own text is too short for any payload inside them (their nested states' included) to
 * exceed the quota: one serialisation of the definition instead of two (the whole, then every payload).
 */
/**
 * JSON lengths of state values already measured. Editors keep the values of unchanged states from one version to
 * the next (see toValue), so a keystroke measures one state, not the whole definition. Values are never modified.
 */
const measured = new WeakMap<object, number>();

function jsonLength(value: JsonValue): number {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value).length;
  let length = measured.get(value);
  if (length === undefined) {
    length = JSON.stringify(value).length;
    measured.set(value, length);
  }
  return length;
}

function measureDefinition(value: JsonValue): { readonly total: number; readonly small: ReadonlySet<string> } {
  const states = isObjectValue(value) ? value.States : undefined;
  if (!isObjectValue(value) || !isObjectValue(states)) return { total: JSON.stringify(value).length, small: NO_NAMES };
  const small = new Set<string>();
  const names = Object.keys(states);
  // `{` `}`, a comma between entries, and `"name":value` for each.
  let statesLength = 2 + Math.max(0, names.length - 1);
  for (const name of names) {
    const length = jsonLength(states[name]);
    if (length <= PAYLOAD_LIMIT_BYTES / 3) small.add(name); // a UTF-16 unit is at most 3 UTF-8 bytes
    statesLength += JSON.stringify(name).length + 1 + length;
  }
  const rest: { [key: string]: JsonValue } = Object.create(null);
  for (const key of Object.keys(value)) if (key !== 'States') rest[key] = value[key];
  const restLength = JSON.stringify(rest).length;
  // `{…rest}` gains `"States":{…}`, after a comma unless it is `{}`.
  return { total: restLength + (restLength > 2 ? 1 : 0) + '"States":'.length + statesLength, small };
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

export default defineRule({
  meta: {
    id: 'asl/payload-size',
    description: 'Inline payloads (Parameters, Arguments, Result, Job manifests…) must fit the 256 KiB payload quota, and the definition the 1 MB quota',
    severity: 'error',
    fix: 'none',
    locality: 'state',
    appliesTo: 'any',
    messages: {
      payloadTooLarge:
        'State "{{state}}": {{field}} is {{size}} ({{bytes}} bytes) as JSON; Step Functions limits a state\'s input and output to 256 KiB (262,144 bytes), so the state fails with States.DataLimitExceeded — keep large data in S3 and pass a reference',
      eksDocumentTooLarge:
        'State "{{state}}": the inline {{field}} of eks:{{api}} is {{size}} ({{bytes}} bytes) as JSON; the task input cannot exceed 256 KiB (262,144 bytes), so the task fails with States.DataLimitExceeded — shrink it or build it from a smaller template',
      definitionTooLarge:
        'The definition is {{chars}} characters even without blanks; Step Functions accepts definitions of at most 1,048,576 characters — move large literals out of the definition',
    },
    docs: {
      whatItDoes:
        'Measures the inline payloads of every state as compact JSON in UTF-8 bytes: `Parameters`/`Arguments`, a Pass state\'s `Result`, `ItemSelector`, `Output` and `Assign`, and the inline `Job` manifest of `eks:runJob` or `RequestBody` of `eks:call` (object or string). Reports any over 256 KiB (262,144 bytes), the Step Functions payload quota; a too large EKS document is reported once, on the document rather than on the whole payload. Also reports a definition longer than 1,048,576 characters in compact form, the definition quota. Values given by paths or expressions are unknown at lint time and count only by their text.',
      whyItMatters:
        'Payloads over 256 KiB fail the state with `States.DataLimitExceeded`, which `States.ALL` does not catch: the execution fails outright, and an EKS cluster created earlier in the workflow is left running. A definition over the quota cannot be created at all.',
      examples: {
        invalid: [
          {
            title: 'A Result that YAML aliases expand to over 300 KiB',
            language: 'yaml',
            code: [
              'StartAt: Seed',
              'States:',
              '  Seed:',
              '    Type: Pass',
              '    Result:',
              `      a: &a "${'0123456789abcdef'.repeat(4)}"`,
              '      b: &b [*a, *a, *a, *a, *a, *a, *a, *a]',
              '      c: &c [*b, *b, *b, *b, *b, *b, *b, *b]',
              '      d: &d [*c, *c, *c, *c, *c, *c, *c, *c]',
              '      e: [*d, *d, *d, *d, *d, *d, *d, *d]',
              '    End: true',
              '',
            ].join('\n'),
          },
        ],
        valid: [
          {
            code: '{\n  "StartAt": "Seed",\n  "States": {\n    "Seed": {\n      "Type": "Pass",\n      "Result": { "bucket": "batch-inputs", "key": "seed/manifest.json" },\n      "End": true\n    }\n  }\n}\n',
          },
        ],
      },
    },
  },
  check(context) {
    const { machine } = context;
    // Every payload is at most the definition's size: one measure of the whole skips all others for small definitions.
    const { total, small } = measureDefinition(machine.value);
    if (context.definition.kind === 'state-machine' && total > DEFINITION_LIMIT_CHARS) {
      const start = context.definition.root.range.start;
      context.report({ path: [], range: { start, end: start + 1 }, messageId: 'definitionTooLarge', data: { chars: grouped(total) } });
    }
    if (total <= PAYLOAD_LIMIT_BYTES / 3) return; // a UTF-16 unit is at most 3 UTF-8 bytes
    for (const state of machine.states) {
      const topLevel = state.path[0] === 'States' ? state.path[1] : undefined;
      if (typeof topLevel === 'string' && small.has(topLevel)) continue;
      // The payload field whose EKS document was reported already (no second finding for it).
      let reported: string | undefined;
      const eks = eksTaskOf(state);
      const documentKey = eks ? EKS_INLINE_DOCUMENTS.get(eks.apiName) : undefined;
      if (eks && documentKey && isObjectValue(eks.payload) && Object.hasOwn(eks.payload, documentKey)) {
        const bytes = oversizedBytes(eks.payload[documentKey]);
        if (bytes > 0) {
          reported = eks.form;
          const path: Path = [...eks.payloadPath, documentKey];
          context.report({ path, at: 'key', messageId: 'eksDocumentTooLarge', data: { state: state.name, field: documentKey, api: eks.apiName, size: kib(bytes), bytes: grouped(bytes) } });
        }
      }
      for (const field of PAYLOAD_FIELDS) {
        if (field === reported || !Object.hasOwn(state.fields, field)) continue;
        const bytes = oversizedBytes(state.fields[field]);
        if (bytes > 0) {
          context.report({ path: [...state.path, field], at: 'key', messageId: 'payloadTooLarge', data: { state: state.name, field, size: kib(bytes), bytes: grouped(bytes) } });
        }
      }
    }
  },
});
