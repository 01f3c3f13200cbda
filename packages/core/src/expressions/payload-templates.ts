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

/**
 * A field of an object value, in one lookup: callers name ASL fields, never members of `Object.prototype`, and a
 * present field is never `undefined`.
 */
function fieldOf(object: JsonValue | undefined, key: string): JsonValue | undefined {
  return isObjectValue(object) ? object[key] : undefined;
}

function objectArray(value: JsonValue | undefined): { index: number; value: { [key: string]: JsonValue } }[] {
  if (!Array.isArray(value)) return [];
  const out: { index: number; value: { [key: string]: JsonValue } }[] = [];
  value.forEach((item, index) => {
    if (isObjectValue(item)) out.push({ index, value: item });
  });
  return out;
}

const JSONATA_ITEM_READER_FIELDS = ['Arguments', 'ReaderConfig'] as const;
const JSONATA_RESULT_WRITER_FIELDS = ['Arguments', 'WriterConfig'] as const;
const JSONATA_ITEM_BATCHER_FIELDS = ['MaxItemsPerBatch', 'MaxInputBytesPerBatch', 'BatchInput'] as const;
const JSONATA_CATCH_FIELDS = ['Output', 'Assign'] as const;
const JSONATA_CHOICE_FIELDS = ['Condition', 'Output', 'Assign'] as const;
// Where a field sits below the state, as constants: the lookups run for every state, the paths are built for few.
const AT_STATE: Path = [];
const AT_ITEM_READER: Path = ['ItemReader'];
const AT_RESULT_WRITER: Path = ['ResultWriter'];
const AT_ITEM_BATCHER: Path = ['ItemBatcher'];
const AT_READER_CONFIG: Path = ['ItemReader', 'ReaderConfig'];

/** The payload templates of a state in its query language (JSONPath: `.$` templates; JSONata: evaluated fields). */
export function templateRoots(state: State): TemplateRoot[] {
  const roots: TemplateRoot[] = [];
  const { fields } = state;
  // Most candidate fields are absent: look the value up before building the field's path and label.
  const add = (owner: FieldOwner, parent: JsonValue | undefined, parentPath: Path, parentLabel: string, name: string): void => {
    const value = fieldOf(parent, name);
    if (value !== undefined) roots.push({ state, field: parentLabel ? `${parentLabel}.${name}` : name, fieldName: name, owner, path: [...state.path, ...parentPath, name], value });
  };
  const canCatch = state.type === 'Task' || state.type === 'Map' || state.type === 'Parallel';
  if (state.queryLanguage === 'JSONPath') {
    for (const name of JSONPATH_STATE_TEMPLATES) add('state', fields, AT_STATE, '', name);
    add('ItemReader', fields.ItemReader, AT_ITEM_READER, 'ItemReader', 'Parameters');
    add('ResultWriter', fields.ResultWriter, AT_RESULT_WRITER, 'ResultWriter', 'Parameters');
    add('ItemBatcher', fields.ItemBatcher, AT_ITEM_BATCHER, 'ItemBatcher', 'BatchInput');
    if (canCatch) {
      for (const { index, value } of objectArray(fields.Catch)) add('Catch', value, ['Catch', index], `Catch[${index}]`, 'Assign');
    }
    if (state.type === 'Choice') {
      for (const { index, value } of objectArray(fields.Choices)) add('Choices', value, ['Choices', index], `Choices[${index}]`, 'Assign');
    }
    return roots;
  }
  for (const name of JSONATA_STATE_FIELDS) add('state', fields, AT_STATE, '', name);
  for (const name of JSONATA_ITEM_READER_FIELDS) add('ItemReader', fields.ItemReader, AT_ITEM_READER, 'ItemReader', name);
  for (const name of JSONATA_RESULT_WRITER_FIELDS) add('ResultWriter', fields.ResultWriter, AT_RESULT_WRITER, 'ResultWriter', name);
  for (const name of JSONATA_ITEM_BATCHER_FIELDS) add('ItemBatcher', fields.ItemBatcher, AT_ITEM_BATCHER, 'ItemBatcher', name);
  if (canCatch) {
    for (const { index, value } of objectArray(fields.Catch)) {
      for (const name of JSONATA_CATCH_FIELDS) add('Catch', value, ['Catch', index], `Catch[${index}]`, name);
    }
  }
  if (state.type === 'Choice') {
    for (const { index, value } of objectArray(fields.Choices)) {
      for (const name of JSONATA_CHOICE_FIELDS) add('Choices', value, ['Choices', index], `Choices[${index}]`, name);
    }
  }
  return roots;
}

/**
 * An object or array inside a template root, linked to the one that holds it. Entries keep their place and spell out
 * their path and label only when read: rules read them for the few entries they report, and building them for every
 * value was most of the cost of a walk.
 */
interface Place {
  readonly root: TemplateRoot;
  /** Undefined for the root's own value. */
  readonly parent: Place | undefined;
  /** The key or index under the parent. */
  readonly segment: string | number;
  readonly value: JsonValue;
}

function placeSegments(place: Place): (string | number)[] {
  const segments: (string | number)[] = [];
  for (let at: Place = place; at.parent; at = at.parent) segments.push(at.segment);
  return segments.reverse();
}

function placePath(place: Place, last?: string | number): Path {
  const path = [...place.root.path, ...placeSegments(place)];
  if (last !== undefined) path.push(last);
  return path;
}

/** The label of a place: `Parameters.Job.list[0]`. */
function placeWhere(place: Place, last?: string | number): string {
  let where = place.root.field;
  const segments = placeSegments(place);
  if (last !== undefined) segments.push(last);
  for (const segment of segments) where += typeof segment === 'number' ? `[${segment}]` : `.${segment}`;
  return where;
}

/** A `.$` key or plain-key string of a JSONPath template: `where` names the object that holds the key. */
class KeyEntry {
  #path: Path | undefined;
  #where: string | undefined;
  constructor(
    readonly root: TemplateRoot,
    private readonly place: Place,
    readonly key: string,
    readonly value: JsonValue,
  ) {}
  get path(): Path {
    return (this.#path ??= placePath(this.place, this.key));
  }
  get where(): string {
    return (this.#where ??= placeWhere(this.place));
  }
}

class DollarKeyEntry extends KeyEntry implements DollarKey {
  readonly name: string;
  constructor(
    root: TemplateRoot,
    place: Place,
    key: string,
    value: JsonValue,
    readonly container: { readonly [key: string]: JsonValue },
  ) {
    super(root, place, key, value);
    this.name = key.slice(0, -2);
  }
}

class LiteralStringEntry extends KeyEntry implements LiteralString {
  declare readonly value: string;
}

/** A string of a JSONata state: `where` names the string itself. */
class JsonataStringEntry implements JsonataString {
  #path: Path | undefined;
  #where: string | undefined;
  readonly root: TemplateRoot;
  constructor(
    private readonly place: Place,
    /** Undefined for a root that is itself a string. */
    private readonly segment: string | number | undefined,
    readonly value: string,
    readonly expression: boolean,
  ) {
    this.root = place.root;
  }
  get path(): Path {
    return (this.#path ??= placePath(this.place, this.segment));
  }
  get where(): string {
    return (this.#where ??= placeWhere(this.place, this.segment));
  }
}

/**
 * Visits every value inside a root in document order, depth-first (pre-order), with the place of its container
 * (undefined for the root value) and its key or index. Iterative: three parallel stacks, no object per value.
 */
function walk(root: TemplateRoot, visit: (value: JsonValue, container: Place | undefined, segment: string | number) => void): void {
  const values: JsonValue[] = [root.value];
  const containers: (Place | undefined)[] = [undefined];
  const segments: (string | number)[] = [''];
  while (values.length > 0) {
    const value = values.pop()!;
    const container = containers.pop();
    const segment = segments.pop()!;
    visit(value, container, segment);
    if (value === null || typeof value !== 'object') continue;
    const place: Place = { root, parent: container, segment, value };
    if (Array.isArray(value)) {
      // Array items matter only as strings (expressions) or containers; skip other scalars.
      for (let i = value.length - 1; i >= 0; i--) {
        const item = value[i];
        if (typeof item === 'string' || (item !== null && typeof item === 'object')) {
          values.push(item);
          containers.push(place);
          segments.push(i);
        }
      }
    } else {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) {
        values.push(value[keys[i]]);
        containers.push(place);
        segments.push(keys[i]);
      }
    }
  }
}

function isPlaceholderString(value: unknown): boolean {
  return typeof value === 'string' && hasTemplatePlaceholder(value);
}

/**
 * What the rules read of a state's templates, computed once per state: asl/paths, asl/intrinsic-functions and
 * asl/jsonata each ask for the same entries.
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
      walk(root, (value, container, key) => {
        // Only properties of objects are keys; the root value and array items are not.
        if (!container || typeof key !== 'string') return;
        if (key.endsWith('.$')) {
          // A `${…}` value is filled in by the template host: unknown here, never an error by itself.
          if (!isPlaceholderString(value)) keys.push(new DollarKeyEntry(root, container, key, value, container.value as { [key: string]: JsonValue }));
        } else if (typeof value === 'string' && !hasTemplatePlaceholder(value)) {
          strings.push(new LiteralStringEntry(root, container, key, value));
        }
      });
    }
  }
  found.dollarKeys = keys;
  found.literalStrings = strings;
  return found;
}

/** Every `Key.$` of a JSONPath state's payload templates, at any depth, in document order. */
export function dollarKeys(state: State): readonly DollarKey[] {
  return jsonPathEntries(state).dollarKeys!;
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
export function literalStrings(state: State): readonly LiteralString[] {
  return jsonPathEntries(state).literalStrings!;
}

/** Every string of a JSONata state's evaluated fields, expressions or not, in document order. */
export function jsonataStrings(state: State): readonly JsonataString[] {
  const found = entriesOf(state);
  if (!found.jsonataStrings) {
    const strings: JsonataString[] = [];
    if (state.queryLanguage === 'JSONata') {
      for (const root of templateRoots(state)) {
        const rootPlace: Place = { root, parent: undefined, segment: '', value: root.value };
        walk(root, (value, container, segment) => {
          if (typeof value === 'string') strings.push(new JsonataStringEntry(container ?? rootPlace, container ? segment : undefined, value, isJsonataExpression(value)));
        });
      }
    }
    found.jsonataStrings = strings;
  }
  return found.jsonataStrings;
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

const STATE_PATH_FIELDS: readonly { readonly name: string; readonly kind: PathKind }[] = [
  { name: 'InputPath', kind: 'path' },
  { name: 'OutputPath', kind: 'path' },
  { name: 'ResultPath', kind: 'result' },
  ...REFERENCE_PATH_FIELDS.map((name) => ({ name, kind: 'reference' as const })),
];
const ITEM_BATCHER_PATH_FIELDS = ['MaxItemsPerBatchPath', 'MaxInputBytesPerBatchPath'] as const;
const CHOICE_PATH_FIELDS = ['Variable', ...CHOICE_PATH_OPERATORS] as const;

/** A path field whose document path is spelled out only when read (on a report). */
class PathFieldEntry implements PathField {
  #path: Path | undefined;
  constructor(
    readonly state: State,
    /** Where the field's parent sits below the state. */
    private readonly at: Path,
    private readonly name: string,
    readonly field: string,
    readonly value: JsonValue,
    readonly kind: PathKind,
    readonly intrinsics: PathField['intrinsics'],
  ) {}
  get path(): Path {
    return (this.#path ??= [...this.state.path, ...this.at, this.name]);
  }
}

function collectPathFields(state: State): PathField[] {
  if (state.queryLanguage !== 'JSONPath') return [];
  const out: PathField[] = [];
  const { fields } = state;
  // Most candidate fields are absent: look the value up before building the field's path and label.
  const add = (parent: JsonValue | undefined, parentPath: Path, parentLabel: string, name: string, kind: PathKind, intrinsics: PathField['intrinsics'] = 'none'): void => {
    const value = fieldOf(parent, name);
    if (value !== undefined && !isPlaceholderString(value)) {
      out.push(new PathFieldEntry(state, parentPath, name, parentLabel ? `${parentLabel}.${name}` : name, value, kind, intrinsics));
    }
  };
  for (const field of STATE_PATH_FIELDS) add(fields, AT_STATE, '', field.name, field.kind);
  if (state.type === 'Fail') {
    add(fields, AT_STATE, '', 'ErrorPath', 'reference', 'string');
    add(fields, AT_STATE, '', 'CausePath', 'reference', 'string');
  }
  for (const name of ITEM_BATCHER_PATH_FIELDS) add(fields.ItemBatcher, AT_ITEM_BATCHER, 'ItemBatcher', name, 'reference');
  add(fieldOf(fields.ItemReader, 'ReaderConfig'), AT_READER_CONFIG, 'ItemReader.ReaderConfig', 'MaxItemsPath', 'reference');
  if (state.type === 'Task' || state.type === 'Map' || state.type === 'Parallel') {
    for (const { index, value } of objectArray(fields.Catch)) add(value, ['Catch', index], `Catch[${index}]`, 'ResultPath', 'result');
  }
  if (state.type === 'Choice') {
    // Choice rules nest through And/Or/Not; walk them with a stack.
    const stack: { rule: JsonValue; path: Path; where: string }[] = [];
    for (const { index, value } of objectArray(fields.Choices).reverse()) stack.push({ rule: value, path: ['Choices', index], where: `Choices[${index}]` });
    while (stack.length > 0) {
      const { rule, path, where } = stack.pop()!;
      if (!isObjectValue(rule)) continue;
      for (const operator of CHOICE_PATH_FIELDS) add(rule, path, where, operator, 'path');
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
