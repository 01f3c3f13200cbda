import type { AstNode, JsonValue, ObjectNode, Path } from './ast.js';
import { getValueNode, isObjectValue, toValue } from './ast.js';
import type { Definition } from './definition.js';
import type { QueryLanguage } from './dynamic-values.js';
import { parseTaskResource, type TaskResource } from './resource.js';

export type StateType = 'Task' | 'Pass' | 'Choice' | 'Wait' | 'Succeed' | 'Fail' | 'Parallel' | 'Map';

export const STATE_TYPES: readonly StateType[] = ['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map'];

export type TransitionKind = 'Next' | 'Default' | 'Choice' | 'Catch';

export interface Transition {
  readonly kind: TransitionKind;
  readonly target: string;
  /** Path of the string that names the target. */
  readonly path: Path;
  /** For `Catch`: the catcher's index and its error names; for `Choice`: the rule's index. */
  readonly index?: number;
  readonly errorEquals?: readonly string[];
}

export interface Scope {
  readonly kind: 'root' | 'branch' | 'item-processor';
  /** Path of the object that holds `StartAt` and `States`. */
  readonly path: Path;
  readonly startAt: string | undefined;
  readonly states: Map<string, State>;
  /** The Parallel or Map state that owns a nested scope. */
  readonly owner: State | undefined;
  readonly queryLanguage: QueryLanguage;
}

export interface State {
  readonly name: string;
  readonly path: Path;
  readonly scope: Scope;
  /** The state's node; may be any JSON type in a broken definition. */
  readonly node: AstNode;
  /** The state's fields as plain data (null-prototype); empty when the state is not an object. */
  readonly fields: { readonly [key: string]: JsonValue };
  /** `Type` when it is a known state type. */
  readonly type: StateType | undefined;
  readonly queryLanguage: QueryLanguage;
  readonly transitions: Transition[];
  readonly isEnd: boolean;
  /** Parsed `Resource` of a Task whose Resource is a string. */
  readonly resource: TaskResource | undefined;
  /** Parallel branches and the Map item processor. */
  readonly children: Scope[];
}

export interface StateMachine {
  readonly definition: Definition;
  /** The definition as plain data (null-prototype objects). */
  readonly value: JsonValue;
  readonly queryLanguage: QueryLanguage;
  readonly root: Scope;
  readonly scopes: Scope[];
  /** Every state of every scope, in document order. */
  readonly states: State[];
}

function languageOf(value: JsonValue | undefined, inherited: QueryLanguage): QueryLanguage {
  return value === 'JSONata' ? 'JSONata' : value === 'JSONPath' ? 'JSONPath' : inherited;
}

/**
 * Builds the model of a definition. Never throws on wrong types: a field of the wrong type is simply absent.
 * `values`: plain values of containers kept from the previous version of the document (see `toValue`).
 */
export function buildStateMachine(definition: Definition, values?: WeakMap<AstNode, JsonValue>): StateMachine {
  const value = toValue(definition.root, values);
  const rootFields = isObjectValue(value) ? value : Object.create(null);
  const machineLanguage = languageOf(rootFields.QueryLanguage, 'JSONPath');
  const scopes: Scope[] = [];
  const states: State[] = [];

  const addScope = (kind: Scope['kind'], path: Path, node: AstNode | undefined, data: JsonValue, owner: State | undefined, language: QueryLanguage): Scope => {
    const fields = isObjectValue(data) ? data : undefined;
    const scopeLanguage = languageOf(fields?.QueryLanguage, language);
    const scope: Scope = {
      kind,
      path,
      startAt: typeof fields?.StartAt === 'string' ? fields.StartAt : undefined,
      states: new Map(),
      owner,
      queryLanguage: scopeLanguage,
    };
    scopes.push(scope);
    const statesNode = getValueNode(node, 'States');
    const statesData = fields?.States;
    if (statesNode?.kind === 'object' && isObjectValue(statesData)) {
      for (const property of statesNode.properties) {
        if (!property.value || scope.states.has(property.key)) continue;
        const state = addState(scope, [...path, 'States', property.key], property.key, property.value, statesData[property.key], scopeLanguage);
        scope.states.set(property.key, state);
      }
    }
    return scope;
  };

  const addState = (scope: Scope, path: Path, name: string, node: AstNode, data: JsonValue, inherited: QueryLanguage): State => {
    const fields: { [key: string]: JsonValue } = isObjectValue(data) ? data : Object.create(null);
    const type = typeof fields.Type === 'string' && (STATE_TYPES as string[]).includes(fields.Type) ? (fields.Type as StateType) : undefined;
    const queryLanguage = languageOf(fields.QueryLanguage, inherited);
    const transitions = collectTransitions(path, fields, type);
    const resource = type === 'Task' && typeof fields.Resource === 'string' ? parseTaskResource(fields.Resource) : undefined;
    const state: State = {
      name,
      path,
      scope,
      node,
      fields,
      type,
      queryLanguage,
      transitions,
      isEnd: fields.End === true,
      resource,
      children: [],
    };
    states.push(state);
    // Nested scopes inherit the machine's language, not the owner's (ASL spec).
    if (type === 'Parallel' && Array.isArray(fields.Branches)) {
      const branchesNode = getValueNode(node, 'Branches');
      fields.Branches.forEach((branch, index) => {
        const branchNode = branchesNode?.kind === 'array' ? branchesNode.items[index] : undefined;
        state.children.push(addScope('branch', [...path, 'Branches', index], branchNode, branch, state, machineLanguage));
      });
    } else if (type === 'Map') {
      const key = fields.ItemProcessor !== undefined ? 'ItemProcessor' : fields.Iterator !== undefined ? 'Iterator' : undefined;
      if (key && isObjectValue(fields[key])) {
        state.children.push(addScope('item-processor', [...path, key], getValueNode(node, key), fields[key], state, machineLanguage));
      }
    }
    return state;
  };

  if (definition.kind === 'state') {
    // A lone state (CDK CustomState): one scope holding it, no StartAt, no graph.
    const scope: Scope = { kind: 'root', path: [], startAt: undefined, states: new Map(), owner: undefined, queryLanguage: 'JSONPath' };
    scopes.push(scope);
    const name = definition.name ?? 'State';
    scope.states.set(name, addState(scope, [], name, definition.root, value, 'JSONPath'));
    return { definition, value, queryLanguage: 'JSONPath', root: scope, scopes, states };
  }
  const root = addScope('root', [], definition.root, value, undefined, 'JSONPath');
  return { definition, value, queryLanguage: machineLanguage, root, scopes, states };
}

function collectTransitions(path: Path, fields: { [key: string]: JsonValue }, type: StateType | undefined): Transition[] {
  const transitions: Transition[] = [];
  if (typeof fields.Next === 'string' && type !== 'Choice') transitions.push({ kind: 'Next', target: fields.Next, path: [...path, 'Next'] });
  if (type === 'Choice') {
    if (typeof fields.Default === 'string') transitions.push({ kind: 'Default', target: fields.Default, path: [...path, 'Default'] });
    if (Array.isArray(fields.Choices)) {
      fields.Choices.forEach((choice, index) => {
        if (isObjectValue(choice) && typeof choice.Next === 'string') {
          transitions.push({ kind: 'Choice', target: choice.Next, path: [...path, 'Choices', index, 'Next'], index });
        }
      });
    }
  }
  if ((type === 'Task' || type === 'Parallel' || type === 'Map') && Array.isArray(fields.Catch)) {
    fields.Catch.forEach((catcher, index) => {
      if (isObjectValue(catcher) && typeof catcher.Next === 'string') {
        const errorEquals = Array.isArray(catcher.ErrorEquals) ? catcher.ErrorEquals.filter((e): e is string => typeof e === 'string') : [];
        transitions.push({ kind: 'Catch', target: catcher.Next, path: [...path, 'Catch', index, 'Next'], index, errorEquals });
      }
    });
  }
  return transitions;
}

/**
 * True when a transition field holds the wrong type (`"Next": 7`, `"Catch": {}`): its target is unknown, so graph
 * rules must not conclude anything from the missing edge (asl/schema reports the field).
 */
export function hasMalformedTransition(state: State): boolean {
  const { fields, type } = state;
  if (fields.Next !== undefined && typeof fields.Next !== 'string') return true;
  if (type === 'Choice') {
    if (fields.Default !== undefined && typeof fields.Default !== 'string') return true;
    if (hasMalformedList(fields.Choices)) return true;
  }
  if (type === 'Task' || type === 'Parallel' || type === 'Map') return hasMalformedList(fields.Catch);
  return false;
}

/** `Choices` or `Catch` that is not an array, or holds an item that is not an object or whose `Next` is not a string. */
function hasMalformedList(list: JsonValue | undefined): boolean {
  if (list === undefined) return false;
  if (!Array.isArray(list)) return true;
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (!isObjectValue(item) || (item.Next !== undefined && typeof item.Next !== 'string')) return true;
  }
  return false;
}

/** The payload key a state's language uses for its integration input. */
export function payloadKey(state: State): 'Parameters' | 'Arguments' {
  return state.queryLanguage === 'JSONata' ? 'Arguments' : 'Parameters';
}

const reachable = new WeakMap<Scope, ReadonlySet<State>>();

/**
 * States reachable from `StartAt` within one scope, by every transition kind. Linear in the scope, and computed once
 * per scope: asl/unreachable-state and asl/no-terminal both ask. The set is shared: never change it.
 */
export function reachableStates(scope: Scope): ReadonlySet<State> {
  let found = reachable.get(scope);
  if (!found) reachable.set(scope, (found = findReachable(scope)));
  return found;
}

function findReachable(scope: Scope): Set<State> {
  const seen = new Set<State>();
  const start = scope.startAt !== undefined ? scope.states.get(scope.startAt) : undefined;
  if (!start) return seen;
  const stack = [start];
  seen.add(start);
  while (stack.length > 0) {
    const state = stack.pop()!;
    for (const transition of state.transitions) {
      const target = scope.states.get(transition.target);
      if (target && !seen.has(target)) {
        seen.add(target);
        stack.push(target);
      }
    }
  }
  return seen;
}

export function objectNodeOf(state: State): ObjectNode | undefined {
  return state.node.kind === 'object' ? state.node : undefined;
}
