/**
 * The payload validation `validatePayload` replaced, kept as the oracle of the differential test: the JSON Schemas
 * of `buildPayloadSchema` compiled with ajv + ajv-errors, the top level with nested structures left open and each
 * nested structure on its own (so the problems come in the order users have seen), ajv's errors turned into problems.
 */
import { createRequire } from 'node:module';
import { buildPayloadSchema, type JsonValue, type ParameterFields, type ParameterSpec, type Path, type PayloadForm, type PayloadProblem } from '../../src/index.js';

interface AjvError {
  keyword: string;
  instancePath: string;
  message?: string;
  params: { [key: string]: unknown; errors?: AjvError[] };
}

type Validator = ((data: unknown) => boolean) & { errors?: AjvError[] | null };
type Schema = { [key: string]: any };

const require = createRequire(import.meta.url);
const Ajv = require('ajv').default as new (options: object) => { compile(schema: object): Validator };
const addErrors = require('ajv-errors').default as (ajv: object) => void;
const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
addErrors(ajv);

function isDeep(spec: ParameterSpec): boolean {
  return spec.type === 'structure' || (spec.type === 'list' && spec.items.type === 'structure');
}

/** The validator of a payload with these top-level fields, as it was: one per API and form. */
export function ajvPayloadValidator(fields: ParameterFields, form: PayloadForm): (payload: JsonValue) => PayloadProblem[] {
  const root: ParameterSpec = { type: 'structure', fields, doc: '' };
  const full = buildPayloadSchema(fields, form) as Schema;
  const object: Schema = form === 'Arguments' ? full.else : full;
  const properties: Schema = { ...object.properties };
  const nested = new Map<string, Validator>();
  for (const [name, spec] of Object.entries(fields)) {
    if (!isDeep(spec)) continue;
    nested.set(name, ajv.compile(properties[name]));
    properties[name] = {};
  }
  const shallow = { ...object, properties };
  const top = ajv.compile(form === 'Arguments' ? { ...full, else: shallow } : shallow);
  return (payload) => {
    const problems = top(payload) ? [] : toProblems(top.errors ?? [], payload, [], root, form);
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return problems;
    for (const [name, validate] of nested) {
      if (!Object.hasOwn(payload, name)) continue;
      const value = payload[name];
      if (!validate(value)) problems.push(...toProblems(validate.errors ?? [], value, [name], fields[name], form));
    }
    return problems;
  };
}

/** Turns ajv errors on `data` (found at `base` in the payload, described by `spec`) into problems. */
function toProblems(errors: readonly AjvError[], data: JsonValue, base: Path, spec: ParameterSpec, form: PayloadForm): PayloadProblem[] {
  const problems: PayloadProblem[] = [];
  const seen = new Set<string>();
  const add = (problem: PayloadProblem): void => {
    const key = `${problem.kind}\u0000${JSON.stringify(problem.path)}\u0000${'key' in problem ? problem.key : ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push(problem);
  };
  for (const error of errors) {
    const relative = toPath(error.instancePath, data);
    const path = [...base, ...relative];
    switch (error.keyword) {
      case 'required': {
        const missing = String(error.params.missingProperty);
        add({ kind: 'missing', path, key: missing.endsWith('.$') ? missing.slice(0, -2) : missing });
        break;
      }
      case 'additionalProperties':
        add({ kind: 'unknown', path, key: String(error.params.additionalProperty), known: knownKeys(spec, relative, form) });
        break;
      case 'errorMessage': {
        const original = error.params.errors?.[0];
        if (!original || isTemplateValue(valueAt(data, relative))) break;
        if (original.keyword === 'type') add({ kind: 'type', path, expected: (error.message ?? '').replace(/^must be /, '') });
        else if (original.keyword === 'enum') add({ kind: 'enum', path, allowed: (original.params.allowedValues as string[]) ?? [] });
        else add({ kind: 'constraint', path, message: error.message ?? '' });
        break;
      }
      default:
        // `if` (JSONata alternatives) and `anyOf` (the `Key`/`Key.$` pair) only restate the errors above.
        break;
    }
  }
  return problems;
}

/** Names the object at `path` (under `spec`) accepts, `.$` variants included in `Parameters`. */
function knownKeys(spec: ParameterSpec, path: readonly (string | number)[], form: PayloadForm): string[] {
  let current: ParameterSpec | undefined = spec;
  for (const segment of path) {
    if (current?.type === 'list') current = current.items;
    else if (current?.type === 'map') current = current.values;
    else if (current?.type === 'structure' && typeof segment === 'string') current = Object.hasOwn(current.fields, segment) ? current.fields[segment] : undefined;
    else current = undefined;
  }
  if (current?.type !== 'structure') return [];
  return Object.keys(current.fields).flatMap((name) => (form === 'Parameters' ? [name, `${name}.$`] : [name]));
}

function valueAt(root: JsonValue, path: readonly (string | number)[]): unknown {
  let current: unknown = root;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

function isTemplateValue(value: unknown): boolean {
  if (typeof value === 'string') return /\$\{[^}]+\}/.test(value);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'));
}

/** JSON Pointer → document path; numeric segments become indices only where the data is an array. */
function toPath(pointer: string, payload: JsonValue): (string | number)[] {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  let current: unknown = payload;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) {
      const index = Number(segment);
      path.push(index);
      current = current[index];
    } else {
      path.push(segment);
      current = typeof current === 'object' && current !== null ? (current as Record<string, unknown>)[segment] : undefined;
    }
  }
  return path;
}
