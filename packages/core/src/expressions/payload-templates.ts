/**
 * Where a state's expressions live. JSONPath states: every `Key.$` of the payload templates (Parameters,
 * ResultSelector, ItemSelector, ItemReader/ResultWriter Parameters, ItemBatcher BatchInput, Credentials, Assign)
 * and the path fields (InputPath, ResultPath, `…Path`, Choice `Variable`). JSONata states: every string of the
 * fields Step Functions evaluates (Arguments, Output, Assign, Items, Condition, the scalar fields…).
 * All walks are iterative; the parser bounds the depth of documents.
 */
import type { JsonValue, Path } from '../ast.js';
import { hasTemplatePlaceholder } from '../extract/template-values.js';
import { isObjectValue } from '../ast.js';
import { isJsonataExpression } from '../dynamic-values.js';
import type { State, StateMachine } from '../model.js';
import type { PathKind } from './jsonpath.js';

/** Where in a state a template or field sits. */
export type FieldOwner = 'state' | 'Catch' | 'Choices' | 'ItemReader' | 'ResultWriter' | 'ItemBatcher';

export interface TemplateRoot {
  readonly state: State;
  /** Display name relative to the state: `Parameters`, `ItemReader.Parameters`, `Catch[0].Assign`. */
  readonly field: string;
  /** The field's own name: `Parameters`, `Assign`, `Output`… */
  readonly fieldName: string;
  readonly owner: FieldOwner;
  /** Document path of the field's value. */
  readonly path: Path;
  readonly value: JsonValue;
}

/** A `Key.$` entry of a JSONPath payload template. */
export interface DollarKey {
  readonly root: TemplateRoot;
  /** Document path of the property (report `at: 'key'` for the key). */
  readonly path: Path;
  /** The key with its `.$` suffix. */
  readonly key: string;
  /** The key without `.$`. */
  readonly name: string;
  readonly value: JsonValue;
  /** The object that holds the key, to look at its siblings. */
  readonly container: { readonly [key: string]: JsonValue };
  /** Display of where the key sits: `Parameters.Job.metadata`. */
  readonly where: string;
}

/** A string at a position a JSONata state evaluates; `expression` tells whether it is `{% … %}`. */
export interface JsonataString {
  readonly root: TemplateRoot;
  readonly path: Path;
  readonly value: string;
  readonly expression: boolean;
  readonly where: string;
}

/** A path-valued field of a JSONPath state. */
export interface PathField {
  readonly state: State;
  readonly field: string;
  readonly path: Path;
  readonly value: JsonValue;
  readonly kind: PathKind;
  /** Intrinsic functions the field accepts: none, or only those returning strings (ErrorPath, CausePath). */
  readonly intrinsics: 'none' | 'string';
}

const JSONPATH_STATE_TEMPLATES = ['Parameters', 'ResultSelector', 'ItemSelector', 'Credentials', 'Assign'] as const;

/** JSONata fields evaluated as a whole (any string inside may be an expression). */
const JSONATA_STATE_FIELDS = [
  'Arguments',
  'Output',
  'Assign',
  'Items',
  'ItemSelector',
  'Credentials',
  'TimeoutSeconds',
  'HeartbeatSeconds',
  'Seconds',
  'Timestamp',
  'MaxConcurrency',
  'ToleratedFailurePercentage',
  'ToleratedFailureCount',
  'Error',
  'Cause',
] as const;

const REFERENCE_PATH_FIELDS = [
  'ItemsPath',
  'TimeoutSecondsPath',
  'HeartbeatSecondsPath',
  'SecondsPath',
  'TimestampPath',
  'MaxConcurrencyPath',
  'ToleratedFailurePercentagePath',
  'ToleratedFailureCountPath',
] as const;

/** Choice comparison operators whose value is a path. */
const CHOICE_PATH_OPERATORS = [
  'StringEqualsPath',
  'StringLessThanPath',
  'StringGreaterThanPath',
  'StringLessThanEqualsPath',
  'StringGreaterThanEqualsPath',
  'NumericEqualsPath',
  'NumericLessThanPath',
  'NumericGreaterThanPath',
  'NumericLessThanEqualsPath',
  'NumericGreaterThanEqualsPath',
  'BooleanEqualsPath',
  'TimestampEqualsPath',
  'TimestampLessThanPath',
  'TimestampGreaterThanPath',
  'TimestampLessThanEqualsPath',
  'TimestampGreaterThanEqualsPath',
] as const;

function fieldOf(object: JsonValue | undefined, key: string): JsonValue | undefined {
  return isObjectValue(object) && Object.hasOwn(object, key) ? object[key] : undefined;
}

function objectArray(value: JsonValue | undefined): { index: number; value: { [key: string]: JsonValue } }[] {
  if (!Array.isArray(value)) return [];
  const out: { index: number; value: { [key: string]: JsonValue } }[] = [];
  value.forEach((item, index) => {
    if (isObjectValue(item)) out.push({ index, value: item });
  });
  return out;
}

/** The payload templates of a state in its query language (JSONPath: `.$` templates; JSONata: evaluated fields). */
export function templateRoots(state: State): TemplateRoot[] {
  const roots: TemplateRoot[] = [];
  const { fields } = state;
  const add = (owner: FieldOwner, field: string, fieldName: string, path: Path, value: JsonValue | undefined): void => {
    if (value !== undefined) roots.push({ state, field, fieldName, owner, path, value });
  };
  const canCatch = state.type === 'Task' || state.type === 'Map' || state.type === 'Parallel';
  if (state.queryLanguage === 'JSONPath') {
    for (const name of JSONPATH_STATE_TEMPLATES) add('state', name, name, [...state.path, name], fieldOf(fields, name));
    add('ItemReader', 'ItemReader.Parameters', 'Parameters', [...state.path, 'ItemReader', 'Parameters'], fieldOf(fields.ItemReader, 'Parameters'));
    add('ResultWriter', 'ResultWriter.Parameters', 'Parameters', [...state.path, 'ResultWriter', 'Parameters'], fieldOf(fields.ResultWriter, 'Parameters'));
    add('ItemBatcher', 'ItemBatcher.BatchInput', 'BatchInput', [...state.path, 'ItemBatcher', 'BatchInput'], fieldOf(fields.ItemBatcher, 'BatchInput'));
    if (canCatch) {
      for (const { index, value } of objectArray(fields.Catch)) add('Catch', `Catch[${index}].Assign`, 'Assign', [...state.path, 'Catch', index, 'Assign'], fieldOf(value, 'Assign'));
    }
    if (state.type === 'Choice') {
      for (const { index, value } of objectArray(fields.Choices)) add('Choices', `Choices[${index}].Assign`, 'Assign', [...state.path, 'Choices', index, 'Assign'], fieldOf(value, 'Assign'));
    }
    return roots;
  }
  for (const name of JSONATA_STATE_FIELDS) add('state', name, name, [...state.path, name], fieldOf(fields, name));
  for (const name of ['Arguments', 'ReaderConfig']) add('ItemReader', `ItemReader.${name}`, name, [...state.path, 'ItemReader', name], fieldOf(fields.ItemReader, name));
  for (const name of ['Arguments', 'WriterConfig']) add('ResultWriter', `ResultWriter.${name}`, name, [...state.path, 'ResultWriter', name], fieldOf(fields.ResultWriter, name));
  for (const name of ['MaxItemsPerBatch', 'MaxInputBytesPerBatch', 'BatchInput']) add('ItemBatcher', `ItemBatcher.${name}`, name, [...state.path, 'ItemBatcher', name], fieldOf(fields.ItemBatcher, name));
  if (canCatch) {
    for (const { index, value } of objectArray(fields.Catch)) {
      for (const name of ['Output', 'Assign']) add('Catch', `Catch[${index}].${name}`, name, [...state.path, 'Catch', index, name], fieldOf(value, name));
    }
  }
  if (state.type === 'Choice') {
    for (const { index, value } of objectArray(fields.Choices)) {
      for (const name of ['Condition', 'Output', 'Assign']) add('Choices', `Choices[${index}].${name}`, name, [...state.path, 'Choices', index, name], fieldOf(value, name));
    }
  }
  return roots;
}

interface Frame {
  readonly value: JsonValue;
  readonly path: Path;
  readonly where: string;
}

/** Values inside a root in document order, depth-first, with their paths. */
function* walk(root: TemplateRoot): Generator<Frame & { parent?: { [key: string]: JsonValue }; key?: string }> {
  const stack: (Frame & { parent?: { [key: string]: JsonValue }; key?: string })[] = [{ value: root.value, path: root.path, where: root.field }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    yield frame;
    const { value } = frame;
    if (Array.isArray(value)) {
      // Array items matter only as strings (expressions) or containers; skip other scalars without allocating.
      for (let i = value.length - 1; i >= 0; i--) {
        const item = value[i];
        if (typeof item === 'string' || (item !== null && typeof item === 'object')) stack.push({ value: item, path: [...frame.path, i], where: `${frame.where}[${i}]` });
      }
    } else if (isObjectValue(value)) {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i];
        stack.push({ value: value[key], path: [...frame.path, key], where: `${frame.where}.${key}`, parent: value, key });
      }
    }
  }
}

function isPlaceholderString(value: unknown): boolean {
  return typeof value === 'string' && hasTemplatePlaceholder(value);
}

/**
 * What the rules read of a state's templates, computed once per state: asl/paths, asl/intrinsic-functions and
 * asl/jsonata each ask for the same entries, and the walks (a path and a label per value) are most of their cost.
 */
interface StateEntries {
  dollarKeys?: readonly DollarKey[];
  literalStrings?: readonly LiteralString[];
  jsonataStrings?: readonly JsonataString[];
  pathFields?: readonly PathField[];
}
const entries = new WeakMap<State, StateEntries>();

function entriesOf(state: State): StateEntries {
  let found = entries.get(state);
  if (!found) entries.set(state, (found = {}));
  return found;
}

/** `Key.$` entries and plain-key strings of a JSONPath state, from one walk of its templates. */
function jsonPathEntries(state: State): StateEntries {
  const found = entriesOf(state);
  if (found.dollarKeys && found.literalStrings) return found;
  const keys: DollarKey[] = [];
  const strings: LiteralString[] = [];
  if (state.queryLanguage === 'JSONPath') {
    for (const root of templateRoots(state)) {
      for (const frame of walk(root)) {
        if (!frame.parent || frame.key === undefined) continue;
        const where = frame.where.slice(0, frame.where.length - frame.key.length - 1);
        if (frame.key.endsWith('.$')) {
          // A `${…}` value is filled in by the template host: unknown here, never an error by itself.
          if (!isPlaceholderString(frame.value)) keys.push({ root, path: frame.path, key: frame.key, name: frame.key.slice(0, -2), value: frame.value, container: frame.parent, where });
        } else if (typeof frame.value === 'string' && !hasTemplatePlaceholder(frame.value)) {
          strings.push({ root, path: frame.path, key: frame.key, value: frame.value, where });
        }
      }
    }
  }
  found.dollarKeys = keys;
  found.literalStrings = strings;
  return found;
}

/** Every `Key.$` of a JSONPath state's payload templates, at any depth, in document order. */
export function* dollarKeys(state: State): Generator<DollarKey> {
  yield* jsonPathEntries(state).dollarKeys!;
}

/** A string under a plain key (no `.$`) of a JSONPath payload template: data sent as it is. */
export interface LiteralString {
  readonly root: TemplateRoot;
  readonly path: Path;
  readonly key: string;
  readonly value: string;
  readonly where: string;
}

/** Every string value of a plain key in a JSONPath state's payload templates (values of `Key.$` excluded). */
export function* literalStrings(state: State): Generator<LiteralString> {
  yield* jsonPathEntries(state).literalStrings!;
}

/** Every string of a JSONata state's evaluated fields, expressions or not, in document order. */
export function* jsonataStrings(state: State): Generator<JsonataString> {
  const found = entriesOf(state);
  if (!found.jsonataStrings) {
    const strings: JsonataString[] = [];
    if (state.queryLanguage === 'JSONata') {
      for (const root of templateRoots(state)) {
        for (const frame of walk(root)) {
          if (typeof frame.value === 'string') strings.push({ root, path: frame.path, value: frame.value, expression: isJsonataExpression(frame.value), where: frame.where });
        }
      }
    }
    found.jsonataStrings = strings;
  }
  yield* found.jsonataStrings;
}

/** Every `{% … %}` expression of a JSONata state. */
export function* jsonataExpressions(state: State): Generator<JsonataString> {
  for (const entry of jsonataStrings(state)) if (entry.expression) yield entry;
}

/** The path-valued fields of a JSONPath state (values of any type; callers skip non-strings). */
export function pathFields(state: State): readonly PathField[] {
  const found = entriesOf(state);
  return (found.pathFields ??= collectPathFields(state));
}

function collectPathFields(state: State): PathField[] {
  if (state.queryLanguage !== 'JSONPath') return [];
  const out: PathField[] = [];
  const { fields } = state;
  const add = (field: string, path: Path, value: JsonValue | undefined, kind: PathKind, intrinsics: PathField['intrinsics'] = 'none'): void => {
    if (value !== undefined && !isPlaceholderString(value)) out.push({ state, field, path, value, kind, intrinsics });
  };
  add('InputPath', [...state.path, 'InputPath'], fieldOf(fields, 'InputPath'), 'path');
  add('OutputPath', [...state.path, 'OutputPath'], fieldOf(fields, 'OutputPath'), 'path');
  add('ResultPath', [...state.path, 'ResultPath'], fieldOf(fields, 'ResultPath'), 'result');
  for (const name of REFERENCE_PATH_FIELDS) add(name, [...state.path, name], fieldOf(fields, name), 'reference');
  if (state.type === 'Fail') {
    add('ErrorPath', [...state.path, 'ErrorPath'], fieldOf(fields, 'ErrorPath'), 'reference', 'string');
    add('CausePath', [...state.path, 'CausePath'], fieldOf(fields, 'CausePath'), 'reference', 'string');
  }
  for (const name of ['MaxItemsPerBatchPath', 'MaxInputBytesPerBatchPath']) add(`ItemBatcher.${name}`, [...state.path, 'ItemBatcher', name], fieldOf(fields.ItemBatcher, name), 'reference');
  add('ItemReader.ReaderConfig.MaxItemsPath', [...state.path, 'ItemReader', 'ReaderConfig', 'MaxItemsPath'], fieldOf(fieldOf(fields.ItemReader, 'ReaderConfig'), 'MaxItemsPath'), 'reference');
  if (state.type === 'Task' || state.type === 'Map' || state.type === 'Parallel') {
    for (const { index, value } of objectArray(fields.Catch)) add(`Catch[${index}].ResultPath`, [...state.path, 'Catch', index, 'ResultPath'], fieldOf(value, 'ResultPath'), 'result');
  }
  if (state.type === 'Choice') {
    // Choice rules nest through And/Or/Not; walk them with a stack.
    const stack: { rule: JsonValue; path: Path; where: string }[] = [];
    for (const { index, value } of objectArray(fields.Choices).reverse()) stack.push({ rule: value, path: [...state.path, 'Choices', index], where: `Choices[${index}]` });
    while (stack.length > 0) {
      const { rule, path, where } = stack.pop()!;
      if (!isObjectValue(rule)) continue;
      add(`${where}.Variable`, [...path, 'Variable'], fieldOf(rule, 'Variable'), 'path');
      for (const operator of CHOICE_PATH_OPERATORS) add(`${where}.${operator}`, [...path, operator], fieldOf(rule, operator), 'path');
      const nested: { rule: JsonValue; path: Path; where: string }[] = [];
      for (const operator of ['And', 'Or']) {
        for (const { index, value } of objectArray(fieldOf(rule, operator))) nested.push({ rule: value, path: [...path, operator, index], where: `${where}.${operator}[${index}]` });
      }
      const not = fieldOf(rule, 'Not');
      if (isObjectValue(not)) nested.push({ rule: not, path: [...path, 'Not'], where: `${where}.Not` });
      for (let i = nested.length - 1; i >= 0; i--) stack.push(nested[i]);
    }
  }
  return out;
}

/** Every state's `Key.$` entries and JSONata strings, for rules that look at the whole machine. */
export function* machineDollarKeys(machine: StateMachine): Generator<DollarKey> {
  for (const state of machine.states) yield* dollarKeys(state);
}

export function* machineJsonataStrings(machine: StateMachine): Generator<JsonataString> {
  for (const state of machine.states) yield* jsonataStrings(state);
}
