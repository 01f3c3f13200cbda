/**
 * An integration's payload checked against its parameter specs, in the two forms a state can use: `Parameters`
 * (JSONPath: `Key.$` takes a path or intrinsic instead of the value) and `Arguments` (JSONata: any value may be a
 * `{% … %}` expression). `validatePayload` walks the specs directly; `buildPayloadSchema` states the same rules as a
 * JSON Schema (with ajv-errors messages) for editors and external validators, and a differential test keeps the two
 * in agreement.
 */
import type { JsonValue, Path } from '../ast.js';
import { isJsonataExpression } from '../dynamic-values.js';
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
/** What a structure must be, and a `Key.$` value (JSONPath). */
const OBJECT_EXPECTED = 'an object';
const DYNAMIC_EXPECTED = 'a string holding a path or an intrinsic function';
const DYNAMIC_VALUE: Schema = { type: 'string', errorMessage: { type: `must be ${DYNAMIC_EXPECTED}` } };

/** The texts of constraint problems, shared by the schemas' ajv-errors messages and `validatePayload`. */
const MESSAGES = {
  minLength: (n: number) => `must have at least ${n} character${n === 1 ? '' : 's'}`,
  maxLength: (n: number) => `must have at most ${n} characters`,
  pattern: (pattern: string, description: string | undefined) => `must contain only ${description ?? `text matching ${pattern}`}`,
  minimum: (n: number) => `must be at least ${n}`,
  maximum: (n: number) => `must be at most ${n}`,
  minItems: (n: number) => `must have at least ${n} items`,
  maxItems: (n: number) => `must have at most ${n} item${n === 1 ? '' : 's'}`,
  minEntries: (n: number) => `must have at least ${n} entr${n === 1 ? 'y' : 'ies'}`,
  maxEntries: (n: number) => `must have at most ${n} entries`,
};

/** The JSON Schema of a payload with these top-level fields. */
export function buildPayloadSchema(fields: ParameterFields, form: PayloadForm): Schema {
  const schema = objectSchema(fields, form);
  return form === 'Arguments' ? allowJsonata(schema) : schema;
}

function objectSchema(fields: ParameterFields, form: PayloadForm): Schema {
  const properties: Schema = {};
  const allOf: Schema[] = [];
  for (const [name, spec] of Object.entries(fields)) {
    properties[name] = valueSchema(spec, form);
    if (form === 'Parameters') {
      // `X` and `X.$` together are reported by the generic payload-template check (asl/paths), not here.
      properties[`${name}.$`] = DYNAMIC_VALUE;
      if (spec.required) allOf.push({ anyOf: [{ required: [name] }, { required: [`${name}.$`] }] });
    }
  }
  const schema: Schema = { type: 'object', properties, additionalProperties: false, errorMessage: { type: `must be ${OBJECT_EXPECTED}` } };
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
  /** A numeric bound of the spec, as a schema keyword with its message. */
  const bound = (keyword: string, value: number | undefined, message: (n: number) => string): void => {
    if (value === undefined) return;
    schema[keyword] = value;
    messages[keyword] = message(value);
  };
  switch (spec.type) {
    case 'string':
      schema.type = 'string';
      if (spec.enum) {
        schema.enum = spec.enum;
        messages.enum = `must be one of ${spec.enum.join(', ')}`;
      }
      bound('minLength', spec.minLength, MESSAGES.minLength);
      bound('maxLength', spec.maxLength, MESSAGES.maxLength);
      if (spec.pattern !== undefined) {
        schema.pattern = spec.pattern;
        messages.pattern = MESSAGES.pattern(spec.pattern, spec.patternDescription);
      }
      break;
    case 'boolean':
      schema.type = 'boolean';
      break;
    case 'integer':
      schema.type = 'integer';
      bound('minimum', spec.minimum, MESSAGES.minimum);
      bound('maximum', spec.maximum, MESSAGES.maximum);
      break;
    case 'list':
      schema.type = 'array';
      schema.items = valueSchema(spec.items, form);
      bound('minItems', spec.minItems, MESSAGES.minItems);
      bound('maxItems', spec.maxItems, MESSAGES.maxItems);
      break;
    case 'structure':
      return objectSchema(spec.fields, form);
    case 'map':
      schema.type = 'object';
      schema.additionalProperties = valueSchema(spec.values, form);
      // In JSONPath a map entry may also be dynamic: `"tailLines.$": "$.lines"`.
      if (form === 'Parameters') schema.patternProperties = { '\\.\\$$': DYNAMIC_VALUE };
      bound('minProperties', spec.minEntries, MESSAGES.minEntries);
      bound('maxProperties', spec.maxEntries, MESSAGES.maxEntries);
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
// Validation: a walk over the specs, with the semantics of the schemas above as ajv + ajv-errors apply them.

/**
 * The problems of a payload with these top-level fields, in a fixed order (the rule tests pin it): at each object,
 * its missing keys (spec order), its unknown keys (payload order), then its members (spec order, `Key` before
 * `Key.$`; a map's entries in payload order, its `.$` entries after them); at each value, the problems inside it
 * before its own type, enum and constraint problems (at most one constraint per value). At the top level, nested
 * structures and lists of them come last, in spec order.
 * Values a template resolves (`{"Ref": …}`, `"${Name}"`) get no type, enum or constraint problem.
 * The walk follows the specs, never deeper than the catalog nests them, whatever the payload's depth.
 */
export function validatePayload(fields: ParameterFields, form: PayloadForm, payload: JsonValue): PayloadProblem[] {
  if (form === 'Arguments' && isJsonataExpression(payload)) return [];
  const walk = new PayloadWalk(form);
  walk.structure(fields, payload, true);
  if (!isObject(payload)) return walk.problems;
  const shape = shapeOf(fields);
  for (let i = 0; i < shape.names.length; i++) {
    const name = shape.names[i];
    if (isDeep(shape.specs[i]) && Object.hasOwn(payload, name)) walk.member(shape.specs[i], payload[name], name);
  }
  return walk.problems;
}

/** Nested structures (and lists of them) are reported after the rest of the top level. */
function isDeep(spec: ParameterSpec): boolean {
  return spec.type === 'structure' || (spec.type === 'list' && spec.items.type === 'structure');
}

type JsonObject = { readonly [key: string]: JsonValue };

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(object: JsonObject, key: string): JsonValue | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** A structure's members as arrays, with their `Key.$` names, made once per structure. */
interface Shape {
  readonly names: readonly string[];
  readonly specs: readonly ParameterSpec[];
  readonly dynamicNames: readonly string[];
  /** The names an `unknown` problem lists, per form (shared by all its problems, frozen). */
  readonly known: { readonly [form in PayloadForm]: readonly string[] };
}

const shapes = new WeakMap<ParameterFields, Shape>();

function shapeOf(fields: ParameterFields): Shape {
  let shape = shapes.get(fields);
  if (!shape) {
    const names = Object.keys(fields);
    const dynamicNames = names.map((name) => `${name}.$`);
    const known = { Parameters: Object.freeze(names.flatMap((name, i) => [name, dynamicNames[i]])), Arguments: Object.freeze([...names]) };
    shape = { names, specs: names.map((name) => fields[name]), dynamicNames, known };
    shapes.set(fields, shape);
  }
  return shape;
}

/** Each pattern of the catalog compiled once, in unicode mode like JSON Schema's `pattern`. */
const patterns = new Map<string, RegExp>();

function patternOf(catalogPattern: string): RegExp {
  let pattern = patterns.get(catalogPattern);
  if (!pattern) {
    // Only the catalog's patterns come here, each reviewed where it is declared (test/regex-safety.test.ts).
    pattern = new RegExp(catalogPattern, 'u');
    patterns.set(catalogPattern, pattern);
  }
  return pattern;
}

/** Length in code points, as JSON Schema counts it (a lone surrogate counts as one). */
function codePointLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    length++;
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
  }
  return length;
}

/** JSON Schema's `integer`: a number without a fractional part (infinities included, NaN not). */
function isInteger(value: number): boolean {
  return !(value % 1) && !Number.isNaN(value);
}

function hasJsonType(value: JsonValue, type: 'object' | 'array' | 'string' | 'number' | 'boolean'): boolean {
  switch (type) {
    case 'object':
      return isObject(value);
    case 'array':
      return Array.isArray(value);
    default:
      return typeof value === type;
  }
}

class PayloadWalk {
  readonly problems: PayloadProblem[] = [];
  /** Path of the value being checked; copied only into problems. */
  private readonly path: (string | number)[] = [];

  constructor(private readonly form: PayloadForm) {}

  /** A member of an object or list: in `Arguments` any value may be a JSONata expression instead. */
  member(spec: ParameterSpec, value: JsonValue, key: string | number): void {
    this.path.push(key);
    if (this.form !== 'Arguments' || !isJsonataExpression(value)) this.value(spec, value);
    this.path.pop();
  }

  structure(fields: ParameterFields, value: JsonValue, topLevel: boolean): void {
    if (!isObject(value)) {
      this.own(value, OBJECT_EXPECTED);
      return;
    }
    const shape = shapeOf(fields);
    const dynamic = this.form === 'Parameters';
    for (let i = 0; i < shape.names.length; i++) {
      if (shape.specs[i].required && own(value, shape.names[i]) === undefined && (!dynamic || own(value, shape.dynamicNames[i]) === undefined)) {
        this.problems.push({ kind: 'missing', path: [...this.path], key: shape.names[i] });
      }
    }
    for (const key of Object.keys(value)) {
      if (Object.hasOwn(fields, key) || (dynamic && key.endsWith('.$') && Object.hasOwn(fields, key.slice(0, -2)))) continue;
      this.problems.push({ kind: 'unknown', path: [...this.path], key, known: shape.known[this.form] });
    }
    for (let i = 0; i < shape.names.length; i++) {
      const member = own(value, shape.names[i]);
      if (member !== undefined && !(topLevel && isDeep(shape.specs[i]))) this.member(shape.specs[i], member, shape.names[i]);
      if (!dynamic) continue;
      const path = own(value, shape.dynamicNames[i]);
      if (path !== undefined) this.dynamic(path, shape.dynamicNames[i]);
    }
  }

  /** A `Key.$` value: a path or an intrinsic function, as a string. */
  private dynamic(value: JsonValue, key: string): void {
    this.path.push(key);
    if (typeof value !== 'string') this.own(value, DYNAMIC_EXPECTED);
    this.path.pop();
  }

  private value(spec: ParameterSpec, value: JsonValue): void {
    switch (spec.type) {
      case 'structure':
        this.structure(spec.fields, value, false);
        return;
      case 'list': {
        if (!Array.isArray(value)) {
          this.own(value, describeSpec(spec));
          return;
        }
        for (let i = 0; i < value.length; i++) this.member(spec.items, value[i], i);
        if (spec.minItems !== undefined && value.length < spec.minItems) this.own(value, undefined, undefined, MESSAGES.minItems(spec.minItems));
        else if (spec.maxItems !== undefined && value.length > spec.maxItems) this.own(value, undefined, undefined, MESSAGES.maxItems(spec.maxItems));
        return;
      }
      case 'map': {
        if (!isObject(value)) {
          this.own(value, describeSpec(spec));
          return;
        }
        const keys = Object.keys(value);
        const dynamic = this.form === 'Parameters';
        for (const key of keys) if (!dynamic || !key.endsWith('.$')) this.member(spec.values, value[key], key);
        if (dynamic) for (const key of keys) if (key.endsWith('.$')) this.dynamic(value[key], key);
        if (spec.minEntries !== undefined && keys.length < spec.minEntries) this.own(value, undefined, undefined, MESSAGES.minEntries(spec.minEntries));
        else if (spec.maxEntries !== undefined && keys.length > spec.maxEntries) this.own(value, undefined, undefined, MESSAGES.maxEntries(spec.maxEntries));
        return;
      }
      case 'string': {
        const isString = typeof value === 'string';
        const badEnum = spec.enum !== undefined && !spec.enum.includes(value as string);
        let constraint: string | undefined;
        if (isString && (spec.minLength !== undefined || spec.maxLength !== undefined)) {
          const length = codePointLength(value);
          if (spec.minLength !== undefined && length < spec.minLength) constraint = MESSAGES.minLength(spec.minLength);
          else if (spec.maxLength !== undefined && length > spec.maxLength) constraint = MESSAGES.maxLength(spec.maxLength);
        }
        if (isString && constraint === undefined && spec.pattern !== undefined && !patternOf(spec.pattern).test(value)) {
          constraint = MESSAGES.pattern(spec.pattern, spec.patternDescription);
        }
        if (!isString || badEnum || constraint !== undefined) this.own(value, isString ? undefined : describeSpec(spec), badEnum ? spec.enum : undefined, constraint);
        return;
      }
      case 'integer': {
        const isNumber = typeof value === 'number';
        let constraint: string | undefined;
        // Like JSON Schema, limits apply to any number (1.5 is not an integer and may also be below the minimum).
        if (isNumber && spec.minimum !== undefined && (value < spec.minimum || Number.isNaN(value))) constraint = MESSAGES.minimum(spec.minimum);
        else if (isNumber && spec.maximum !== undefined && (value > spec.maximum || Number.isNaN(value))) constraint = MESSAGES.maximum(spec.maximum);
        const integer = isNumber && isInteger(value);
        if (!integer || constraint !== undefined) this.own(value, integer ? undefined : describeSpec(spec), undefined, constraint);
        return;
      }
      case 'boolean':
        if (typeof value !== 'boolean') this.own(value, describeSpec(spec));
        return;
      case 'json':
        if (!spec.accepts.some((type) => hasJsonType(value, type))) this.own(value, describeSpec(spec));
        return;
    }
  }

  /** The value's own problems, in this order; none for a value a template resolves. */
  private own(value: JsonValue, expected: string | undefined, allowed?: readonly string[], constraint?: string): void {
    if (isTemplateValue(value)) return;
    if (expected !== undefined) this.problems.push({ kind: 'type', path: [...this.path], expected });
    if (allowed !== undefined) this.problems.push({ kind: 'enum', path: [...this.path], allowed });
    if (constraint !== undefined) this.problems.push({ kind: 'constraint', path: [...this.path], message: constraint });
  }
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
