/**
 * Structural problems of a state machine: the ASL schemas applied state by state (the model picks each
 * state's type and query language), with ajv's errors turned into findings that name the state and
 * point at the narrowest node. One problem is reported once: a container of the wrong type is not
 * descended into.
 */
import type { JsonValue, Path } from '../ast.js';
import { isObjectValue } from '../ast.js';
import type { QueryLanguage } from '../dynamic-values.js';
import { isJsonataExpression } from '../dynamic-values.js';
import type { State, StateMachine, StateType } from '../model.js';
import { STATE_TYPES } from '../model.js';
import { closestMatch } from '../settings.js';
import { commonDefinition, ROOT_SCHEMA_ID, rootSchema, stateSchema, stateSchemaId, type Schema } from './asl-schemas.js';
import { isRfc3339Timestamp } from './timestamps.js';
import { aslValidators, type SchemaError, type SchemaValidator } from './validators.js';

export type StructureMessageId =
  | 'missingField'
  | 'unknownField'
  | 'wrongLanguage'
  | 'wrongType'
  | 'jsonataInJsonPath'
  | 'emptyArray'
  | 'notObject'
  | 'missingType'
  | 'unknownType'
  | 'bothFields'
  | 'waitNeedsOne'
  | 'batcherNeedsLimit'
  | 'jsonPathInJsonata'
  | 'writerNeedsTarget'
  | 'outOfRange'
  | 'notAUri'
  | 'badTimestamp'
  | 'badVariableName';

export interface StructureProblem {
  readonly messageId: StructureMessageId;
  readonly path: Path;
  readonly at?: 'key' | 'value';
  readonly data: Readonly<Record<string, string>>;
}

const OTHER: Record<QueryLanguage, QueryLanguage> = { JSONPath: 'JSONata', JSONata: 'JSONPath' };

/** Static fields and their `…Path` twins, never together (reference §7.6, §7.10). Wait has its own check. */
const TWINS: readonly (readonly [string, string])[] = [
  ['TimeoutSeconds', 'TimeoutSecondsPath'],
  ['HeartbeatSeconds', 'HeartbeatSecondsPath'],
  ['MaxConcurrency', 'MaxConcurrencyPath'],
  ['ToleratedFailurePercentage', 'ToleratedFailurePercentagePath'],
  ['ToleratedFailureCount', 'ToleratedFailureCountPath'],
  ['Error', 'ErrorPath'],
  ['Cause', 'CausePath'],
  ['ItemProcessor', 'Iterator'],
  ['ItemSelector', 'Parameters'],
];
const NESTED_TWINS: readonly { readonly at: readonly string[]; readonly pairs: readonly (readonly [string, string])[] }[] = [
  { at: ['ItemReader', 'ReaderConfig'], pairs: [['MaxItems', 'MaxItemsPath']] },
  { at: ['ItemBatcher'], pairs: [['MaxItemsPerBatch', 'MaxItemsPerBatchPath'], ['MaxInputBytesPerBatch', 'MaxInputBytesPerBatchPath']] },
];
/** Numeric ranges of literal values (reference §7.10; SDK S15 schema minimums). Types are the schema's. */
const RANGES: readonly { readonly at: readonly string[]; readonly field: string; readonly min: number; readonly max?: number; readonly integer: boolean }[] = [
  { at: [], field: 'MaxConcurrency', min: 0, integer: true },
  { at: [], field: 'ToleratedFailurePercentage', min: 0, max: 100, integer: false },
  { at: [], field: 'ToleratedFailureCount', min: 0, integer: true },
  { at: [], field: 'Seconds', min: 0, max: 99_999_999, integer: true },
  { at: ['ItemBatcher'], field: 'MaxItemsPerBatch', min: 1, integer: true },
  { at: ['ItemBatcher'], field: 'MaxInputBytesPerBatch', min: 1, integer: true },
  { at: ['ItemReader', 'ReaderConfig'], field: 'MaxItems', min: 0, integer: true },
];
/**
 * Fields naming an integration: a URI (the spec's word; AWS wants an ARN, but other validators and
 * their test suites use URIs such as `foo:bar`), or a template placeholder that becomes one.
 */
const RESOURCE_FIELDS: readonly (readonly string[])[] = [['Resource'], ['ItemReader', 'Resource'], ['ResultWriter', 'Resource']];
const RESOURCE = /^[A-Za-z][A-Za-z0-9+.-]*:|\$\{[^{}]+\}/;
const TOP_LEVEL_FIELDS = new Set(['StartAt', 'Comment', 'Version', 'TimeoutSeconds', 'QueryLanguage']);
const WAIT_FIELDS = ['Seconds', 'SecondsPath', 'Timestamp', 'TimestampPath'];
const TYPE_LIST = STATE_TYPES.join(', ');
const BATCH_LIMITS = ['MaxItemsPerBatch', 'MaxItemsPerBatchPath', 'MaxInputBytesPerBatch', 'MaxInputBytesPerBatchPath'];

/** Checks the structure of every part of a state machine (or of a lone state). */
export function checkStructure(machine: StateMachine): StructureProblem[] {
  const problems: StructureProblem[] = [];
  const { validators } = aslValidators();
  const root = machine.value;
  if (machine.definition.kind === 'state-machine' && !isObjectValue(root)) {
    // `definition: ${file(machine.asl.yaml)}` in a template: the definition lives elsewhere.
    if (!(typeof root === 'string' && root.includes('${'))) {
      problems.push({ messageId: 'notObject', path: [], data: { where: 'The state machine', actual: Array.isArray(root) ? 'an array' : describeValue(root), hint: '' } });
    }
    return problems;
  }
  if (machine.definition.kind === 'state-machine') {
    const validate = validators.get(ROOT_SCHEMA_ID)!;
    if (!validate(machine.value)) {
      const owner: Owner = { where: 'The state machine', ownerWithType: 'The state machine', basePath: [], schema: rootSchema, sibling: () => undefined, language: 'JSONPath' };
      for (const error of validate.errors ?? []) problems.push(...fromSchemaError(error, machine.value, owner));
    }
  }
  const validatorOf = stateValidators(validators);
  for (const state of machine.states) checkState(state, machine, validatorOf, problems);
  if (machine.queryLanguage === 'JSONata') {
    // A branch or item processor may name a language too; JSONPath is as forbidden there as on a state.
    for (const scope of machine.scopes) {
      if (!scope.owner || scope.queryLanguage !== 'JSONPath' || insideDistributedMap(scope.owner, scope)) continue;
      const where = scope.kind === 'branch' ? `${formatSubPath(scope.path.slice(scope.owner.path.length))} of state "${scope.owner.name}"` : `The item processor of state "${scope.owner.name}"`;
      problems.push({ messageId: 'jsonPathInJsonata', path: [...scope.path, 'QueryLanguage'], data: { where } });
    }
  }
  return problems;
}

interface Owner {
  /** `State "A"` or `The state machine`. */
  readonly where: string;
  /** `State "A" of type Task`. */
  readonly ownerWithType: string;
  readonly basePath: Path;
  /** Schema objects are only needed to explain an unknown field, so they are built on demand. */
  readonly schema: () => Schema;
  /** The same part in the other query language, to tell a misplaced field from an unknown one. */
  readonly sibling: () => Schema | undefined;
  readonly language: QueryLanguage;
  readonly type?: StateType;
}

type StateValidatorOf = (type: StateType, language: QueryLanguage) => SchemaValidator;
let stateValidatorCache: { readonly validators: ReadonlyMap<string, SchemaValidator>; readonly lookup: StateValidatorOf } | undefined;

/**
 * The validator of each state type and language, looked up without building the schema id for every state; made
 * once per set of validators (once per process), not per definition.
 */
function stateValidators(validators: ReadonlyMap<string, SchemaValidator>): StateValidatorOf {
  if (stateValidatorCache?.validators !== validators) {
    const byType = new Map<StateType, Record<QueryLanguage, SchemaValidator>>();
    for (const type of STATE_TYPES) {
      byType.set(type, { JSONPath: validators.get(stateSchemaId(type, 'JSONPath'))!, JSONata: validators.get(stateSchemaId(type, 'JSONata'))! });
    }
    stateValidatorCache = { validators, lookup: (type, language) => byType.get(type)![language] };
  }
  return stateValidatorCache.lookup;
}

function checkState(state: State, machine: StateMachine, validatorOf: StateValidatorOf, problems: StructureProblem[]): void {
  const where = `State "${state.name}"`;
  if (state.node.kind !== 'object') {
    const actual = state.node.kind === 'array' ? 'an array' : describeValue(state.node.value);
    // `"States": { "QueryLanguage": "JSONata", … }`: a top-level field put one level too deep.
    const hint = state.scope.kind === 'root' && TOP_LEVEL_FIELDS.has(state.name) ? ` ("${state.name}" belongs beside "States", not inside it)` : '';
    problems.push({ messageId: 'notObject', path: state.path, data: { where, actual, hint } });
    return;
  }
  const fields = state.fields;
  const typeValue = fields.Type;
  const types = TYPE_LIST;
  if (typeValue === undefined) {
    problems.push({ messageId: 'missingType', path: [...state.path, 'Type'], data: { where, types } });
    return;
  }
  if (!state.type) {
    const text = JSON.stringify(typeValue);
    const suggestion = typeof typeValue === 'string' ? suggestStateType(typeValue) : undefined;
    problems.push({ messageId: 'unknownType', path: [...state.path, 'Type'], data: { where, value: text, hint: suggestion ? ` (did you mean "${suggestion}"?)` : '', types } });
    return;
  }
  const type = state.type;
  const language = machine.definition.kind === 'state' && fields.QueryLanguage === undefined ? loneStateLanguage(fields) : state.queryLanguage;
  const validate = validatorOf(type, language);
  if (!validate(fields)) {
    const owner: Owner = {
      where,
      ownerWithType: `${where} of type ${type}`,
      basePath: state.path,
      schema: () => stateSchema(type, language),
      sibling: () => stateSchema(type, OTHER[language]),
      language,
      type,
    };
    // `"States": { "QueryLanguage": "JSONata", … }` is reported once, on that entry: fields that moving it
    // to the top level would make valid are not reported again.
    const misplaced = misplacedLanguage(machine);
    const inherits = fields.QueryLanguage === undefined && state.scope.queryLanguage === machine.queryLanguage;
    for (const error of validate.errors ?? []) {
      for (const problem of fromSchemaError(error, fields, owner)) {
        if (problem.messageId === 'wrongLanguage' && inherits && problem.data.language === misplaced) continue;
        problems.push(problem);
      }
    }
  }

  if (machine.queryLanguage === 'JSONata' && fields.QueryLanguage === 'JSONPath' && !insideDistributedMap(state)) {
    problems.push({ messageId: 'jsonPathInJsonata', path: [...state.path, 'QueryLanguage'], data: { where } });
  }
  checkCrossFieldRules(state, fields, where, machine.definition.host === 'asl', problems);
}

/**
 * `Assign` keys name whole variables (reference §7.9): not `states`, at most 80 characters, no `.`/`[`
 * (a JSONPath key may end in `.$`). Only certain breaches are reported; Unicode identifier classes are not.
 */
function checkAssign(state: State, fields: { readonly [key: string]: JsonValue }, where: string, problems: StructureProblem[]): void {
  // Most states assign nothing: look before building any place.
  if (isObjectValue(fields.Assign)) checkAssignKeys(state, fields.Assign, ASSIGN_AT_STATE, where, problems);
  for (const list of ASSIGN_LISTS) {
    const items = fields[list];
    if (!Array.isArray(items)) continue;
    items.forEach((item, index) => {
      if (isObjectValue(item) && isObjectValue(item.Assign)) checkAssignKeys(state, item.Assign, [list, index, 'Assign'], where, problems);
    });
  }
}

const ASSIGN_AT_STATE: Path = ['Assign'];
const ASSIGN_LISTS = ['Catch', 'Choices'] as const;

function checkAssignKeys(state: State, assign: { readonly [key: string]: JsonValue }, at: Path, where: string, problems: StructureProblem[]): void {
  for (const key of Object.keys(assign)) {
    const name = state.queryLanguage === 'JSONPath' && key.endsWith('.$') ? key.slice(0, -2) : key;
    const problem =
      name === 'states' ? '"states" is reserved for $states'
      : name.length > 80 && [...name].length > 80 ? 'it is longer than 80 characters' // UTF-16 length ≥ characters
      : name === '' || /[.[\]\s]/.test(name) ? 'assign whole variables only (no ".", "[" or blanks)'
      : undefined;
    if (problem) problems.push({ messageId: 'badVariableName', path: [...state.path, ...at, key], at: 'key', data: { where, name: JSON.stringify(name), location: formatSubPath(at), problem } });
  }
}

/**
 * A lone state (CDK `CustomState`) inherits the language of a machine we cannot see: it is taken to be
 * JSONata when it uses JSONata's fields or expressions, so neither language's states are misreported.
 */
function loneStateLanguage(fields: { readonly [key: string]: JsonValue }): QueryLanguage {
  const jsonata = ['Arguments', 'Output', 'Items'].some((key) => Object.hasOwn(fields, key)) || Object.values(fields).some(isJsonataExpression);
  return jsonata ? 'JSONata' : 'JSONPath';
}

/** The language named by a `QueryLanguage` entry put inside the top-level `States` by mistake. */
function misplacedLanguage(machine: StateMachine): string | undefined {
  const states = isObjectValue(machine.value) ? machine.value.States : undefined;
  const value = isObjectValue(states) ? states.QueryLanguage : undefined;
  return value === 'JSONata' || value === 'JSONPath' ? value : undefined;
}

/**
 * A Distributed Map runs its item processor as child executions; whether the JSONata-only rule binds
 * them is not documented, so their states are given the benefit of the doubt.
 */
function insideDistributedMap(state: State, scope: State['scope'] = state.scope): boolean {
  for (let current: State['scope'] | undefined = scope; current?.owner; current = current.owner.scope) {
    const processor = current.owner.fields.ItemProcessor;
    const config = isObjectValue(processor) ? processor.ProcessorConfig : undefined;
    if (current.kind === 'item-processor' && isObjectValue(config) && config.Mode === 'DISTRIBUTED') return true;
  }
  return false;
}

/** The closest state type; swapped letters (`Taks`) count as a typo too. */
function suggestStateType(value: string): string | undefined {
  const letters = (text: string) => [...text.toLowerCase()].sort().join('');
  return closestMatch(value, STATE_TYPES) ?? STATE_TYPES.find((type) => letters(type) === letters(value));
}

/**
 * What a JSON Schema says poorly: fields that exclude or require each other, numeric ranges, resource
 * URIs, Wait timestamps and Assign names.
 */
function checkCrossFieldRules(state: State, fields: { readonly [key: string]: JsonValue }, where: string, standalone: boolean, problems: StructureProblem[]): void {
  const both = (object: { readonly [key: string]: JsonValue }, base: Path, first: string, second: string, location: string) => {
    if (Object.hasOwn(object, first) && Object.hasOwn(object, second)) {
      problems.push({ messageId: 'bothFields', path: [...base, second], at: 'key', data: { where, first, second, location } });
    }
  };
  for (const [first, second] of TWINS) both(fields, state.path, first, second, '');
  for (const nested of NESTED_TWINS) {
    let object: JsonValue | undefined = fields;
    for (const key of nested.at) object = isObjectValue(object) ? object[key] : undefined;
    if (!isObjectValue(object)) continue;
    for (const [first, second] of nested.pairs) both(object, [...state.path, ...nested.at], first, second, ` in ${nested.at.join('.')}`);
  }
  if (state.type === 'Wait') {
    const present = WAIT_FIELDS.filter((key) => Object.hasOwn(fields, key));
    if (present.length === 0) problems.push({ messageId: 'waitNeedsOne', path: state.path, at: 'key', data: { where } });
    for (const extra of present.slice(1)) problems.push({ messageId: 'bothFields', path: [...state.path, extra], at: 'key', data: { where, first: present[0], second: extra, location: '' } });
  }
  checkAssign(state, fields, where, problems);
  const timestamp = fields.Timestamp;
  if (state.type === 'Wait' && typeof timestamp === 'string' && !isJsonataExpression(timestamp) && !/\$\{[^{}]+\}/.test(timestamp) && !isRfc3339Timestamp(timestamp)) {
    problems.push({ messageId: 'badTimestamp', path: [...state.path, 'Timestamp'], data: { where, value: JSON.stringify(timestamp) } });
  }
  if (state.type === 'Map' && fields.ItemProcessor === undefined && fields.Iterator === undefined) {
    problems.push({ messageId: 'missingField', path: [...state.path, 'ItemProcessor'], data: { owner: `${where} of type Map`, field: 'ItemProcessor' } });
  }
  if (state.type === 'Map' && isObjectValue(fields.ItemBatcher) && !BATCH_LIMITS.some((key) => Object.hasOwn(fields.ItemBatcher as object, key))) {
    problems.push({ messageId: 'batcherNeedsLimit', path: [...state.path, 'ItemBatcher'], at: 'key', data: { where } });
  }
  if (state.type === 'Map' && isObjectValue(fields.ResultWriter) && fields.ResultWriter.Resource === undefined && fields.ResultWriter.WriterConfig === undefined) {
    problems.push({ messageId: 'writerNeedsTarget', path: [...state.path, 'ResultWriter'], at: 'key', data: { where } });
  }
  for (const range of RANGES) {
    const object = valueAt(fields, range.at);
    const value = isObjectValue(object) ? object[range.field] : undefined;
    if (typeof value !== 'number' || (range.integer && !Number.isInteger(value))) continue;
    if (value >= range.min && (range.max === undefined || value <= range.max)) continue;
    const expected = range.max === undefined ? `at least ${range.min}` : `between ${range.min} and ${range.max}`;
    problems.push({ messageId: 'outOfRange', path: [...state.path, ...range.at, range.field], data: { where, field: formatSubPath([...range.at, range.field]), expected, value: String(value) } });
  }
  // Template hosts rewrite resources (logical ids, custom placeholders) before deployment.
  if ((state.type === 'Task' || state.type === 'Map') && standalone) {
    for (const at of RESOURCE_FIELDS) {
      const value = valueAt(fields, at);
      if (typeof value === 'string' && !RESOURCE.test(value)) {
        problems.push({ messageId: 'notAUri', path: [...state.path, ...at], data: { where, field: formatSubPath(at), value: JSON.stringify(value) } });
      }
    }
  }
}

/** Turns one ajv error into findings; `data` is the validated value, `owner` says whose it is. */
function fromSchemaError(error: SchemaError, data: JsonValue, owner: Owner): StructureProblem[] {
  const relative = decodePointer(error.instancePath, data);
  const path = [...owner.basePath, ...relative];
  const label = formatSubPath(relative);
  switch (error.keyword) {
    case 'required': {
      const field = String(error.params.missingProperty);
      return [{ messageId: 'missingField', path: [...path, field], data: { owner: relative.length ? `${owner.where}: ${label}` : owner.ownerWithType, field } }];
    }
    case 'additionalProperties':
      return [unknownField(String(error.params.additionalProperty), relative, path, owner)];
    case 'minItems':
      return [{ messageId: 'emptyArray', path, data: { where: owner.where, field: label } }];
    default: {
      const value = valueAt(data, relative);
      const expected = error.keyword === 'type' ? describeType(String(error.params.type)) : error.keyword === 'errorMessage' ? String(error.message) : String(error.message ?? 'valid');
      if (owner.language === 'JSONPath' && isJsonataExpression(value)) {
        return [{ messageId: 'jsonataInJsonPath', path, data: { where: owner.where, field: label } }];
      }
      return [{ messageId: 'wrongType', path, data: { where: owner.where, field: label, expected, actual: describeValue(value) } }];
    }
  }
}

function unknownField(field: string, relative: Path, path: Path, owner: Owner): StructureProblem {
  const allowed = propertiesAt(owner.schema(), relative);
  const sibling = owner.sibling();
  const location = relative.length ? ` in ${formatSubPath(relative)}` : '';
  const fieldPath = [...path, field];
  if (sibling && propertiesAt(sibling, relative).includes(field)) {
    const language = OTHER[owner.language];
    return { messageId: 'wrongLanguage', path: fieldPath, at: 'key', data: { where: owner.where, field, location, language, advice: languageAdvice(field, language, owner.type, relative) } };
  }
  let hint = '';
  const terminal = relative.length === 0 && (owner.type === 'Choice' || owner.type === 'Succeed' || owner.type === 'Fail');
  if (terminal && field === 'Next') {
    hint = owner.type === 'Choice' ? ' (a Choice state moves on through "Choices" and "Default")' : ` (a ${owner.type} state ends the execution)`;
  } else if (terminal && field === 'End') {
    hint = owner.type === 'Choice' ? ' (a Choice state cannot end the execution: point a rule or "Default" at a Succeed state)' : ` (a ${owner.type} state ends the execution)`;
  } else {
    const suggestion = closestMatch(field.endsWith('.$') ? field.slice(0, -2) : field, allowed);
    if (suggestion && suggestion !== field) hint = ` (did you mean "${suggestion}"?)`;
  }
  return { messageId: 'unknownField', path: fieldPath, at: 'key', data: { where: owner.where, field, location, hint } };
}

/** What to write instead of a field of the other query language. */
function languageAdvice(field: string, language: QueryLanguage, type: StateType | undefined, relative: Path): string {
  if (language === 'JSONata') {
    const instead: Record<string, string> = { Arguments: 'Parameters', Output: relative.length ? 'ResultPath' : 'OutputPath', Items: 'ItemsPath', Condition: 'Variable' };
    const alternative = instead[field] ? ` or use "${instead[field]}"` : '';
    return `add "QueryLanguage": "JSONata" (to the state or the top level)${alternative}`;
  }
  if (field === 'Parameters') return relative.length ? 'use "Arguments"' : type === 'Map' ? 'use "ItemSelector"' : type === 'Pass' ? 'use "Output"' : 'use "Arguments"';
  if (field === 'InputPath') return 'read the input through $states.input in "Arguments" or "Output"';
  if (field === 'OutputPath' || field === 'ResultSelector' || field === 'ResultPath') return 'shape the result with "Output"';
  if (field === 'ItemsPath') return 'use "Items"';
  if (field.endsWith('Path')) return `use "${field.slice(0, -4)}" with a JSONata expression`;
  return 'remove it';
}

/**
 * The property names the schema accepts for the object at an instance path. Nested Choice rules
 * (`And[0]`, `Not`) share their rule's schema, in both query languages.
 */
function propertiesAt(root: Schema, path: Path): string[] {
  let node: unknown = root;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    if (isChoiceRuleRef(node) && (segment === 'And' || segment === 'Or' || segment === 'Not')) {
      if (segment !== 'Not' && typeof path[i + 1] === 'number') i++;
      continue;
    }
    const schema = follow(node, root);
    if (typeof schema !== 'object' || schema === null) return [];
    node = typeof segment === 'number' ? (schema as { items?: unknown }).items : (schema as { properties?: Record<string, unknown> }).properties?.[segment];
  }
  const schema = follow(node, root);
  const properties = typeof schema === 'object' && schema !== null ? (schema as { properties?: object }).properties : undefined;
  return properties ? Object.keys(properties) : [];
}

function isChoiceRuleRef(node: unknown): boolean {
  const ref = typeof node === 'object' && node !== null ? (node as { $ref?: unknown }).$ref : undefined;
  return typeof ref === 'string' && ref.includes('choiceRule');
}

/** Resolves a `$ref`: local (`#/…`) or to a shared part (`asl.retrier`). */
function follow(node: unknown, document: Schema): unknown {
  for (let hops = 0; hops < 8 && typeof node === 'object' && node !== null && typeof (node as { $ref?: unknown }).$ref === 'string'; hops++) {
    const ref = (node as { $ref: string }).$ref;
    if (!ref.startsWith('#')) {
      node = commonDefinition(ref);
      continue;
    }
    let target: unknown = document;
    for (const segment of ref.slice(1).split('/').filter(Boolean).map(unescapePointer)) {
      target = typeof target === 'object' && target !== null ? (target as Record<string, unknown>)[segment] : undefined;
    }
    node = target;
  }
  return node;
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** A JSON pointer into `data` as a document path: array indices become numbers. */
function decodePointer(pointer: string, data: JsonValue): (string | number)[] {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  let value: JsonValue | undefined = data;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = unescapePointer(raw);
    if (Array.isArray(value)) {
      const index = Number(segment);
      path.push(index);
      value = value[index];
    } else {
      path.push(segment);
      value = isObjectValue(value) ? value[segment] : undefined;
    }
  }
  return path;
}

function valueAt(data: JsonValue, path: Path): JsonValue | undefined {
  let value: JsonValue | undefined = data;
  for (const segment of path) {
    if (typeof segment === 'number') value = Array.isArray(value) ? value[segment] : undefined;
    else value = isObjectValue(value) ? value[segment] : undefined;
  }
  return value;
}

/** `Retry[0].ErrorEquals`; a deeply nested place keeps its two ends (`Choices[0].Not.….Not`). */
export function formatSubPath(path: Path): string {
  const format = (segments: Path) => {
    let text = '';
    for (const segment of segments) text += typeof segment === 'number' ? `[${segment}]` : text ? `.${segment}` : segment;
    return text;
  };
  return path.length > 12 ? `${format(path.slice(0, 4))}.….${format(path.slice(-4))}` : format(path);
}

function describeType(type: string): string {
  const names: Record<string, string> = { object: 'an object', array: 'an array', string: 'a string', integer: 'an integer', number: 'a number', boolean: 'a boolean', null: 'null' };
  return type.split(',').map((t) => names[t] ?? t).join(' or ');
}

function describeValue(value: JsonValue | undefined): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') {
    const quoted = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    return isJsonataExpression(value) ? 'a JSONata expression' : `the string ${quoted}`;
  }
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  if (value === undefined) return 'nothing';
  return 'an object';
}
