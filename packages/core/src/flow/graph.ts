/**
 * The control-flow graph of a state machine, failure edges included. Linear in the size of the definition.
 *
 * Nodes: one per state; for each Parallel/Map state a `join` (every branch or iteration finished), a `branch-end`
 * per branch, a `hub` (resources created by concurrent branches or iterations) and `raise` nodes (an error escaping
 * a branch or iteration into its owner, one per error class); and two exits of the whole execution.
 *
 * What each kind of state can do (documented assumptions, reference §7.7, §7.10):
 * - Task: succeeds, or fails with any task error or `States.Timeout`. Retry never removes a failure edge.
 * - Pass, Wait: always succeed. Their only failures are data-shape errors (path or JSONata evaluation failures,
 *   `States.Runtime`) that no Catch on these types can handle, like `States.Runtime` elsewhere; modelling them would
 *   make every state a failure point.
 * - Choice: takes a rule or `Default`; without `Default` it can fail with `States.NoChoiceMatched`.
 * - Parallel: starts every branch; joins when all end; any branch failure fails the state (and Step Functions stops
 *   the other branches), into the state's Catch.
 * - Map: runs the item processor (assumed at least once); an iteration failure fails the state unless a tolerated
 *   failure threshold is set, in which case it may also be tolerated; `ItemReader`/`ResultWriter` can fail.
 * - Fail: fails its scope with its `Error`. Succeed and `End` end their scope.
 */
import type { State, StateMachine, Scope, Transition } from '../model.js';
import {
  BRANCH_FAILED,
  dispatchError,
  errorClassKey,
  EXCEED_TOLERATED_FAILURE_THRESHOLD,
  ITEM_READER_FAILED,
  NO_CHOICE_MATCHED,
  RESULT_WRITER_FAILED,
  TASK_ERRORS,
  type Catcher,
  type ErrorClass,
} from './errors.js';

export type FlowNode =
  | { readonly kind: 'state'; readonly id: number; readonly state: State }
  | { readonly kind: 'join'; readonly id: number; readonly owner: State; readonly mode: 'all' | 'any'; readonly sources: number }
  | { readonly kind: 'branch-end'; readonly id: number; readonly owner: State; readonly branch: number }
  | { readonly kind: 'hub'; readonly id: number; readonly owner: State }
  | { readonly kind: 'raise'; readonly id: number; readonly owner: State; readonly error: ErrorClass }
  | { readonly kind: 'exit'; readonly id: number; readonly outcome: 'succeeds' | 'fails' };

/** Why control moves along an edge; witnesses print it. */
export type EdgeLabel =
  | { readonly kind: 'next' }
  | { readonly kind: 'choice'; readonly index: number }
  | { readonly kind: 'default' }
  /** End: true or a Succeed state: the scope ends normally. */
  | { readonly kind: 'end' }
  | { readonly kind: 'catch'; readonly error: string; readonly index: number }
  /** An error nothing in this state catches. `noDefault`: a Choice without Default. */
  | { readonly kind: 'uncaught'; readonly error: string; readonly hasCatch: boolean; readonly noDefault?: boolean }
  /** A Fail state fails its scope. */
  | { readonly kind: 'fail-state'; readonly error: string }
  | { readonly kind: 'enter'; readonly branch: number }
  | { readonly kind: 'join' }
  /** A Map iteration failure below the tolerated threshold. */
  | { readonly kind: 'tolerated'; readonly error: string }
  /** A resource created by a concurrent branch or iteration, seen from another. */
  | { readonly kind: 'concurrent' };

export interface FlowEdge {
  readonly from: number;
  readonly to: number;
  readonly label: EdgeLabel;
  /** `success`/`failure`: the source state's effect applies; `none`: control only. */
  readonly effect: 'success' | 'failure' | 'none';
}

export interface ConcurrentScope {
  readonly owner: State;
  readonly hub: number;
  /** Branch index of the owner's scope that holds a state. */
  readonly branch: number;
}

export interface FlowGraph {
  readonly machine: StateMachine;
  readonly nodes: readonly FlowNode[];
  readonly edges: readonly (readonly FlowEdge[])[];
  readonly entry: number | undefined;
  readonly stateNodes: ReadonlyMap<State, number>;
  readonly exits: { readonly succeeds: number; readonly fails: number };
  /** For each state, the Parallel branches and Map processors (with concurrent iterations) that enclose it, innermost first. */
  readonly concurrency: ReadonlyMap<State, readonly ConcurrentScope[]>;
  /** Hub node → the branch entry nodes it feeds, by branch index. */
  readonly hubTargets: ReadonlyMap<number, readonly { readonly branch: number; readonly node: number }[]>;
}

/** Builds the graph. States in unreachable or broken parts are still nodes; the analysis only visits what it reaches. */
export function buildFlowGraph(machine: StateMachine): FlowGraph {
  const nodes: FlowNode[] = [];
  const edges: FlowEdge[][] = [];
  const stateNodes = new Map<State, number>();
  const concurrency = new Map<State, ConcurrentScope[]>();
  const hubTargets = new Map<number, { branch: number; node: number }[]>();
  /** Adds a node made with `id: nodes.length` (the id is its index). */
  const add = <T extends FlowNode>(node: T): T => {
    nodes.push(node);
    edges.push([]);
    return node;
  };
  const link = (from: number, to: number, label: EdgeLabel, effect: FlowEdge['effect']): void => {
    edges[from]!.push({ from, to, label, effect });
  };

  const exits = { succeeds: add({ kind: 'exit', id: nodes.length, outcome: 'succeeds' }).id, fails: add({ kind: 'exit', id: nodes.length, outcome: 'fails' }).id };
  // Indexed loops over the states: the graph is built once per lint, mostly before it is optimized, and `for…of`
  // then allocates an iterator result per step.
  const { states } = machine;
  for (let i = 0; i < states.length; i++) stateNodes.set(states[i]!, add({ kind: 'state', id: nodes.length, state: states[i]! }).id);

  /** Where a normal end of a scope leads. */
  const scopeEnds = new Map<Scope, number>();
  const raises = new Map<string, number>();
  const joins = new Map<State, number>();
  const hubs = new Map<State, number>();

  const raiseNode = (owner: State, error: ErrorClass): number => {
    const key = `${stateNodes.get(owner)}\u0000${errorClassKey(error)}`;
    let id = raises.get(key);
    if (id === undefined) {
      id = add({ kind: 'raise', id: nodes.length, owner, error }).id;
      raises.set(key, id);
      dispatchFrom(id, owner, error, owner.type === 'Parallel' ? PARALLEL_WILDCARDS : NO_WILDCARDS, 'none');
    }
    return id;
  };

  /**
   * Edges for an error leaving `from` as an error of `owner`: its catchers, then the enclosing scope. Recurses through
   * `raiseNode` once per enclosing Parallel/Map, so the depth is the nesting depth (bounded by the parser).
   */
  const catchersByState = new Map<State, Catcher[]>();
  const dispatchFrom = (from: number, owner: State, error: ErrorClass, wildcards: readonly string[], effect: FlowEdge['effect']): void => {
    let catchers = catchersByState.get(owner);
    if (!catchers) catchersByState.set(owner, (catchers = catchersOf(owner)));
    if (catchers.length === 0) {
      // Nothing to match (most states): the error leaves the state.
      escape(from, owner.scope, error, { kind: 'uncaught', error: caughtLabel(error), hasCatch: false }, effect);
      return;
    }
    const { caught, escapes } = dispatchError(error, catchers, wildcards);
    for (const match of caught) {
      const target = owner.scope.states.get(match.catcher.target);
      if (target) link(from, stateNodes.get(target)!, { kind: 'catch', error: match.error, index: match.catcher.index }, effect);
    }
    if (escapes) escape(from, owner.scope, error, { kind: 'uncaught', error: caughtLabel(error), hasCatch: catchers.length > 0 }, effect);
  };

  /** An error escaping `scope`: the execution fails, or the owner of a nested scope receives it. */
  const escape = (from: number, scope: Scope, error: ErrorClass, label: EdgeLabel, effect: FlowEdge['effect']): void => {
    if (!scope.owner) {
      link(from, exits.fails, label, effect);
      return;
    }
    const owner = scope.owner;
    if (owner.type === 'Map' && mayTolerateFailures(owner)) {
      // A failure the threshold tolerates lets the Map finish; one beyond it fails the Map.
      link(from, joinNode(owner), { kind: 'tolerated', error: caughtLabel(error) }, effect);
      link(from, raiseNode(owner, { kind: 'named', name: EXCEED_TOLERATED_FAILURE_THRESHOLD }), label, effect);
      return;
    }
    link(from, raiseNode(owner, error), label, effect);
  };

  const joinNode = (owner: State): number => joins.get(owner)!;

  // Joins, branch ends and hubs first, so that edges can point at them.
  for (let i = 0; i < states.length; i++) {
    const state = states[i]!;
    if ((state.type !== 'Parallel' && state.type !== 'Map') || state.children.length === 0) continue;
    const parallel = state.type === 'Parallel';
    const join = add({ kind: 'join', id: nodes.length, owner: state, mode: parallel ? 'all' : 'any', sources: state.children.length });
    joins.set(state, join.id);
    state.children.forEach((scope, branch) => {
      const end = add({ kind: 'branch-end', id: nodes.length, owner: state, branch });
      scopeEnds.set(scope, end.id);
      link(end.id, join.id, JOIN, 'none');
    });
    const concurrent = parallel ? state.children.length > 1 : state.fields.MaxConcurrency !== 1;
    if (concurrent) {
      const hub = add({ kind: 'hub', id: nodes.length, owner: state });
      hubs.set(state, hub.id);
      // Parallel: the other branches run while the resource exists, from their start (their joins intersect).
      // Map: the other iterations run the same states; when one fails the Map, theirs are stopped with it, so the
      // hub feeds the Map's failures (filled in below, once they exist).
      const targets: { branch: number; node: number }[] = [];
      state.children.forEach((scope, branch) => {
        const start = scope.startAt !== undefined ? scope.states.get(scope.startAt) : undefined;
        if (start && parallel) targets.push({ branch, node: stateNodes.get(start)! });
        for (const inner of statesWithin(scope)) {
          const list = concurrency.get(inner);
          const entry = { owner: state, hub: hub.id, branch };
          if (list) list.push(entry);
          else concurrency.set(inner, [entry]);
        }
      });
      hubTargets.set(hub.id, targets);
    }
  }

  const endOf = (from: number, scope: Scope, effect: FlowEdge['effect']): void => {
    if (!scope.owner) link(from, exits.succeeds, END, effect);
    else {
      const end = scopeEnds.get(scope);
      if (end !== undefined) link(from, end, END, effect);
    }
  };

  const successEdges = (from: number, state: State): void => {
    const { transitions } = state;
    for (let i = 0; i < transitions.length; i++) {
      const transition = transitions[i]!;
      if (transition.kind === 'Catch') continue;
      const target = state.scope.states.get(transition.target);
      if (target) link(from, stateNodes.get(target)!, transitionLabel(transition), 'success');
    }
    if (state.isEnd || state.type === 'Succeed') endOf(from, state.scope, 'success');
  };

  for (let i = 0; i < states.length; i++) {
    const state = states[i]!;
    const id = stateNodes.get(state)!;
    switch (state.type) {
      case 'Task':
        successEdges(id, state);
        for (let e = 0; e < TASK_ERRORS.length; e++) dispatchFrom(id, state, TASK_ERRORS[e]!, NO_WILDCARDS, 'failure');
        break;
      case 'Pass':
      case 'Wait':
      case 'Succeed':
        successEdges(id, state);
        break;
      case 'Choice':
        successEdges(id, state);
        if (!state.transitions.some((t) => t.kind === 'Default')) {
          escape(id, state.scope, { kind: 'named', name: NO_CHOICE_MATCHED }, { kind: 'uncaught', error: NO_CHOICE_MATCHED, hasCatch: false, noDefault: true }, 'failure');
        }
        break;
      case 'Fail': {
        const error: ErrorClass = typeof state.fields.Error === 'string' && !state.fields.Error.startsWith('{%') ? { kind: 'named', name: state.fields.Error } : { kind: 'unknown' };
        escape(id, state.scope, error, { kind: 'fail-state', error: caughtLabel(error) }, 'failure');
        break;
      }
      case 'Parallel':
      case 'Map': {
        const join = joins.get(state);
        if (join === undefined) {
          successEdges(id, state);
          break;
        }
        state.children.forEach((scope, branch) => {
          const start = scope.startAt !== undefined ? scope.states.get(scope.startAt) : undefined;
          if (start) link(id, stateNodes.get(start)!, { kind: 'enter', branch }, 'none');
        });
        successEdges(join, state);
        if (state.type === 'Map' && state.fields.ItemReader !== undefined) dispatchFrom(id, state, { kind: 'named', name: ITEM_READER_FAILED }, NO_WILDCARDS, 'failure');
        if (state.type === 'Map' && state.fields.ResultWriter !== undefined) dispatchFrom(join, state, { kind: 'named', name: RESULT_WRITER_FAILED }, NO_WILDCARDS, 'failure');
        break;
      }
      default:
        // An unknown type: asl/schema reports it; follow its transitions so that the rest is still analysed.
        successEdges(id, state);
    }
  }

  for (const node of nodes) {
    if (node.kind !== 'raise' || node.owner.type !== 'Map') continue;
    const hub = hubs.get(node.owner);
    if (hub !== undefined) hubTargets.get(hub)!.push({ branch: 0, node: node.id });
  }

  const entryState = machine.root.startAt !== undefined ? machine.root.states.get(machine.root.startAt) : undefined;
  return {
    machine,
    nodes,
    edges,
    entry: entryState ? stateNodes.get(entryState) : undefined,
    stateNodes,
    exits,
    concurrency,
    hubTargets,
  };
}

const NO_WILDCARDS: readonly string[] = [];
/** On a Parallel state, a catcher naming `States.BranchFailed` catches every error its branches raise. */
const PARALLEL_WILDCARDS: readonly string[] = [BRANCH_FAILED];

// Labels without data are shared by every edge that carries them (labels are never changed).
const NEXT: EdgeLabel = { kind: 'next' };
const DEFAULT: EdgeLabel = { kind: 'default' };
const END: EdgeLabel = { kind: 'end' };
const JOIN: EdgeLabel = { kind: 'join' };

function transitionLabel(transition: Transition): EdgeLabel {
  if (transition.kind === 'Choice') return { kind: 'choice', index: transition.index ?? 0 };
  return transition.kind === 'Default' ? DEFAULT : NEXT;
}

function caughtLabel(error: ErrorClass): string {
  return error.kind === 'task' ? 'States.TaskFailed' : error.kind === 'named' ? error.name : 'an unnamed error';
}

export function catchersOf(state: State): Catcher[] {
  const catchers: Catcher[] = [];
  for (const transition of state.transitions) {
    if (transition.kind === 'Catch') catchers.push({ index: transition.index ?? 0, target: transition.target, errorEquals: transition.errorEquals ?? [] });
  }
  return catchers;
}

/** A Map may finish despite failed iterations when a tolerated-failure threshold is set (or given by a path). */
export function mayTolerateFailures(map: State): boolean {
  const { fields } = map;
  const positive = (value: unknown): boolean => (typeof value === 'number' ? value > 0 : value !== undefined);
  return (
    positive(fields.ToleratedFailurePercentage) ||
    positive(fields.ToleratedFailureCount) ||
    fields.ToleratedFailurePercentagePath !== undefined ||
    fields.ToleratedFailureCountPath !== undefined
  );
}

/** Every state of a scope and of the scopes nested in it, without recursion. */
function statesWithin(scope: Scope): State[] {
  const result: State[] = [];
  const pending: Scope[] = [scope];
  while (pending.length > 0) {
    const current = pending.pop()!;
    for (const state of current.states.values()) {
      result.push(state);
      for (const child of state.children) pending.push(child);
    }
  }
  return result;
}
