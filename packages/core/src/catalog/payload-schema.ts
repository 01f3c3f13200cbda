/**
 * JSON Schemas for an integration's payload, generated from its parameter specs, in the two forms a state can use:
 * `Parameters` (JSONPath: `Key.$` takes a path or intrinsic instead of the value) and `Arguments` (JSONata: any value
 * may be a `{% … %}` expression). Validated with ajv + ajv-errors, compiled once per API and form, on first use.
 */
import { createRequire } from 'node:module';
import type { JsonValue, Path } from '../ast.js';
import type { ParameterFields, ParameterSpec } from './parameter-spec.js';
import { describeSpec } from './parameter-spec.js';

export type PayloadForm = 'Parameters' | 'Arguments';

export type PayloadProblem =
  /** A required key is absent from the object at `path`. */
  | { readonly kind: 'missing'; readonly path: Path; readonly key: string }
  /** `key` is not a parameter of the object at `path`; `known` are the names it has. */
  | { readonly kind: 'unknown'; readonly path: Path; readonly key: string; readonly known: readonly string[] }
  /** The value at `path` has the wrong type; `expected` reads "a list of strings". */
  | { readonly kind: 'type'; readonly path: Path; readonly expected: string }
  | { readonly kind: 'enum'; readonly path: Path; readonly allowed: readonly string[] }
  /** A length, count, range or pattern constraint; `message` reads "must have at most 5 items". */
  | { readonly kind: 'constraint'; readonly path: Path; readonly message: string };

type Schema = { [key: string]: unknown };

const JSONATA_STRING: Schema = { type: 'string', pattern: '^\\{%[\\s\\S]*%\\}$' };
const DYNAMIC_VALUE: Schema = { type: 'string', errorMessage: { type: 'must be a string holding a path or an intrinsic function' } };

/** The JSON Schema of a payload with these top-level fields. */
export function buildPayloadSchema(fields: ParameterFields, form: PayloadForm): Schema {
  const schema = objectSchema(fields, form);
  return form === 'Arguments' ? allowJsonata(schema) : schema;
}

/**
 * Nested structures are the bulk of a schema and of its compile time (createCluster: ~300 ms whole), while a payload
 * uses few of them. Validation therefore compiles the top level with these left open, and each of them on first use.
 */
function isDeep(spec: ParameterSpec): boolean {
  return spec.type === 'structure' || (spec.type === 'list' && spec.items.type === 'structure');
}

function objectSchema(fields: ParameterFields, form: PayloadForm, shallow = false): Schema {
  const properties: Schema = {};
  const allOf: Schema[] = [];
  for (const [name, spec] of Object.entries(fields)) {
    properties[name] = shallow && isDeep(spec) ? {} : valueSchema(spec, form);
    if (form === 'Parameters') {
      // `X` and `X.$` together are reported by the generic payload-template check (asl/paths), not here.
      properties[`${name}.$`] = DYNAMIC_VALUE;
      if (spec.required) allOf.push({ anyOf: [{ required: [name] }, { required: [`${name}.$`] }] });
    }
  }
  const schema: Schema = { type: 'object', properties, additionalProperties: false, errorMessage: { type: 'must be an object' } };
  if (form === 'Arguments') {
    const required = Object.keys(fields).filter((name) => fields[name].required);
    if (required.length > 0) schema.required = required;
  } else if (allOf.length > 0) {
    schema.allOf = allOf;
  }
  return schema;
}

function valueSchema(spec: ParameterSpec, form: PayloadForm): Schema {
  const schema = baseSchema(spec, form);
  return form === 'Arguments' ? allowJsonata(schema) : schema;
}

function baseSchema(spec: ParameterSpec, form: PayloadForm): Schema {
  const messages: Schema = { type: `must be ${describeSpec(spec)}` };
  const schema: Schema = {};
  switch (spec.type) {
    case 'string':
      schema.type = 'string';
      if (spec.enum) {
        schema.enum = spec.enum;
        messages.enum = `must be one of ${spec.enum.join(', ')}`;
      }
      if (spec.minLength !== undefined) {
        schema.minLength = spec.minLength;
        messages.minLength = `must have at least ${spec.minLength} character${spec.minLength === 1 ? '' : 's'}`;
      }
      if (spec.maxLength !== undefined) {
        schema.maxLength = spec.maxLength;
        messages.maxLength = `must have at most ${spec.maxLength} characters`;
      }
      if (spec.pattern !== undefined) {
        schema.pattern = spec.pattern;
        messages.pattern = `must contain only ${spec.patternDescription ?? `text matching ${spec.pattern}`}`;
      }
      break;
    case 'boolean':
      schema.type = 'boolean';
      break;
    case 'integer':
      schema.type = 'integer';
      if (spec.minimum !== undefined) {
        schema.minimum = spec.minimum;
        messages.minimum = `must be at least ${spec.minimum}`;
      }
      if (spec.maximum !== undefined) {
        schema.maximum = spec.maximum;
        messages.maximum = `must be at most ${spec.maximum}`;
      }
      break;
    case 'list':
      schema.type = 'array';
      schema.items = valueSchema(spec.items, form);
      if (spec.minItems !== undefined) {
        schema.minItems = spec.minItems;
        messages.minItems = `must have at least ${spec.minItems} items`;
      }
      if (spec.maxItems !== undefined) {
        schema.maxItems = spec.maxItems;
        messages.maxItems = `must have at most ${spec.maxItems} item${spec.maxItems === 1 ? '' : 's'}`;
      }
      break;
    case 'structure':
      return objectSchema(spec.fields, form);
    case 'map':
      schema.type = 'object';
      schema.additionalProperties = valueSchema(spec.values, form);
      // In JSONPath a map entry may also be dynamic: `"tailLines.$": "$.lines"`.
      if (form === 'Parameters') schema.patternProperties = { '\\.\\$$': DYNAMIC_VALUE };
      if (spec.minEntries !== undefined) {
        schema.minProperties = spec.minEntries;
        messages.minProperties = `must have at least ${spec.minEntries} entr${spec.minEntries === 1 ? 'y' : 'ies'}`;
      }
      if (spec.maxEntries !== undefined) {
        schema.maxProperties = spec.maxEntries;
        messages.maxProperties = `must have at most ${spec.maxEntries} entries`;
      }
      break;
    case 'json':
      schema.type = spec.accepts.length === 1 ? spec.accepts[0] : [...spec.accepts];
      break;
  }
  schema.errorMessage = messages;
  return schema;
}

/** In JSONata states any value may be an expression instead. */
function allowJsonata(schema: Schema): Schema {
  return { if: JSONATA_STRING, else: schema };
}

// ---------------------------------------------------------------------------------------------------------------
// Validation

export interface AjvError {
  keyword: string;
  instancePath: string;
  message?: string;
  params: { [key: string]: unknown; errors?: AjvError[] };
}

export type Validator = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

const require = createRequire(import.meta.url);
let ajvInstance: { compile(schema: object): Validator } | undefined;

/** ajv and ajv-errors load on the first EKS payload, never for definitions without one. */
function ajv(): { compile(schema: object): Validator } {
  if (!ajvInstance) {
    const Ajv = require('ajv').default as new (options: object) => { compile(schema: object): Validator };
    const addErrors = require('ajv-errors').default as (ajv: object) => void;
    const instance = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    addErrors(instance);
    ajvInstance = instance;
  }
  return ajvInstance;
}

/** The schemas validation runs: the top level with nested structures left open, and each nested structure. */
export interface PayloadSchemaParts {
  readonly top: Schema;
  readonly nested: Readonly<Record<string, Schema>>;
}

export function payloadSchemaParts(fields: ParameterFields, form: PayloadForm): PayloadSchemaParts {
  const top = objectSchema(fields, form, true);
  const nested: Record<string, Schema> = {};
  for (const [name, spec] of Object.entries(fields)) if (isDeep(spec)) nested[name] = valueSchema(spec, form);
  return { top: form === 'Arguments' ? allowJsonata(top) : top, nested };
}

/** FNV-1a of the parts' JSON: ties validators generated ahead of time to the schemas they were generated from. */
export function payloadSchemaHash(parts: PayloadSchemaParts): string {
  const text = JSON.stringify(parts);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${text.length.toString(16)}-${hash.toString(16)}`;
}

/** Validators generated ahead of time with ajv's standalone code (scripts/generate-eks-validators.mjs). */
export interface PrecompiledPayloadValidators {
  readonly schemaHash: string;
  readonly top: Validator;
  readonly nested: Readonly<Record<string, Validator>>;
}

/**
 * A payload validator. It uses the validators generated ahead of time when `precompiled` returns ones made from the
 * same schemas; otherwise it compiles the top level on the first call and each nested structure (`ResourcesVpcConfig`,
 * `LogOptions`, `Selectors`…) the first time a payload has it. Keep one per API and form (module-level), so a process
 * compiles each part at most once.
 */
export function createPayloadValidator(
  fields: ParameterFields,
  form: PayloadForm,
  precompiled?: () => PrecompiledPayloadValidators | undefined,
): (payload: JsonValue) => PayloadProblem[] {
  const root: ParameterSpec = { type: 'structure', fields, doc: '' };
  let parts: PayloadSchemaParts | undefined;
  let ready: PrecompiledPayloadValidators | undefined;
  let top: Validator | undefined;
  const nested = new Map<string, Validator>();
  return (payload) => {
    if (!top) {
      // The generated validators are trusted as they are: a test checks their hash against the catalog, so
      // a run does not rebuild every schema just to compare it.
      ready = precompiled?.();
      if (!ready) parts = payloadSchemaParts(fields, form);
      top = ready?.top ?? ajv().compile(parts!.top);
    }
    const problems = top(payload) ? [] : toProblems(top.errors ?? [], payload, [], root, form);
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return problems;
    for (const [name, spec] of Object.entries(fields)) {
      if (!isDeep(spec) || !Object.hasOwn(payload, name)) continue;
      let validate = nested.get(name);
      if (!validate) {
        validate = ready?.nested[name] ?? ajv().compile((parts ??= payloadSchemaParts(fields, form)).nested[name]);
        nested.set(name, validate);
      }
      const value = payload[name];
      if (!validate(value)) problems.push(...toProblems(validate.errors ?? [], value, [name], spec, form));
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

/**
 * Values a template resolves before Step Functions sees them: CloudFormation intrinsics (`{"Ref": …}`,
 * `{"Fn::Sub": …}`) and `${…}` placeholders. Their final type and text are unknown here.
 */
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
