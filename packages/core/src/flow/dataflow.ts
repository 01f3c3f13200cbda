/**
 * A forward "may" dataflow analysis over the flow graph: which facts (here: live resources) can hold when control
 * reaches each node, computed to a fixpoint with a worklist of (node, fact) pairs. Every pair enters the worklist at
 * most once, so the work is O((nodes + edges) × facts) and no path is ever enumerated.
 *
 * Each pair keeps the link it was first reached by (predecessor node and edge). The links form a tree rooted at the
 * states that created the fact, so a witness path is read back in time linear in its length.
 *
 * Joins of a Parallel state keep a fact only when every branch lets it through (all branches run); a fact created by
 * one branch reaches the other branches' entries through the owner's hub, because those branches run while it exists.
 * That keeps "created in one branch, deleted in another" and "created outside, deleted in one branch" exact, and it
 * models Step Functions stopping the other branches when one fails. A Map's hub feeds the Map's failures instead
 * (once control can reach them): when one iteration fails the Map, the others are stopped with what they created.
 */
import type { State } from '../model.js';
import type { FlowEdge, FlowGraph, FlowNode } from './graph.js';

/** What running a state does to the facts. Facts are opaque strings chosen by the analysis. */
export interface StateEffect {
  /** Facts that hold after the state succeeds. */
  readonly gen?: readonly string[];
  /** Facts that hold after the state fails (a create that may have created its resource before failing). */
  readonly genOnFailure?: readonly string[];
  /** Facts that no longer hold after the state succeeds. */
  readonly kills?: (fact: string) => boolean;
  /** Do not follow the state's failure edges (the analysis assumes the state does not fail). */
  readonly ignoreFailure?: boolean;
}

export interface PredecessorLink {
  /** The node the fact came from (for a created fact: the creating state). */
  readonly from: number;
  readonly edge: FlowEdge;
  /** The fact was created by the state at `from` on this edge. */
  readonly created: boolean;
  /** The fact came here through a hub: it belongs to a concurrent branch or iteration. */
  readonly concurrent?: boolean;
}

/** A fact that reaches an exit of the execution. */
export interface FlowExit {
  readonly fact: string;
  readonly link: PredecessorLink;
}

export interface WitnessStep {
  readonly node: FlowNode;
  /** The edge taken from this node to the next step (or to the exit); absent on the last step of a path to a state. */
  readonly edge?: FlowEdge;
}

export interface Dataflow {
  readonly graph: FlowGraph;
  /** Facts that may hold when `state` starts. Empty for states the execution never reaches. */
  factsAt(state: State): string[];
  holdsAt(state: State, fact: string): boolean;
  /** Whether the execution can reach the state at all. */
  reaches(state: State): boolean;
  /** Facts that reach an exit of the execution, with the link they arrived by, in discovery order. */
  readonly exits: readonly FlowExit[];
  /** The path from the fact's creation to `state`. */
  witnessTo(state: State, fact: string): WitnessStep[];
  /** The path from the fact's creation to the exit. */
  witnessOf(exit: FlowExit): WitnessStep[];
  /** How many (node, fact) pairs the fixpoint processed: the measure of its work, linear in nodes × facts. */
  readonly work: number;
}

const TOKEN = 0;
const NO_FACTS: readonly number[] = [];
const CONCURRENT: FlowEdge['label'] = { kind: 'concurrent' };

function concurrentEdge(from: number, to: number): FlowEdge {
  return { from, to, label: CONCURRENT, effect: 'none' };
}

function makeLink(from: number, to: number, edge: FlowEdge | undefined, created: boolean, concurrent: boolean | undefined): PredecessorLink {
  return { from, edge: edge ?? concurrentEdge(from, to), created, concurrent };
}

function internAll(facts: readonly string[] | undefined, intern: (fact: string) => number): readonly number[] {
  return facts && facts.length > 0 ? facts.map(intern) : NO_FACTS;
}

export function runDataflow(graph: FlowGraph, effectOf: (state: State) => StateEffect | undefined): Dataflow {
  const { nodes, edges } = graph;
  const factIds = new Map<string, number>();
  const factNames: string[] = [''];
  const intern = (fact: string): number => {
    let id = factIds.get(fact);
    if (id === undefined) {
      id = factNames.length;
      factIds.set(fact, id);
      factNames.push(fact);
    }
    return id;
  };

  // Effects by node id (state nodes only): the fixpoint looks one up for every (node, fact) pair.
  const effects: ({ effect: StateEffect; gen: readonly number[]; genOnFailure: readonly number[] } | undefined)[] = [];
  for (const state of graph.machine.states) {
    const effect = effectOf(state);
    if (effect) effects[graph.stateNodes.get(state)!] = { effect, gen: internAll(effect.gen, intern), genOnFailure: internAll(effect.genOnFailure, intern) };
  }

  // Facts each Parallel branch creates itself: its own hub never feeds them back to it.
  const createdInside = new Map<string, Set<number>>();
  for (const state of graph.machine.states) {
    const entry = effects[graph.stateNodes.get(state)!];
    const scopes = entry && graph.concurrency.get(state);
    if (!scopes) continue;
    for (const scope of scopes) {
      if (scope.owner.type !== 'Parallel') continue;
      const key = `${scope.hub}:${scope.branch}`;
      let set = createdInside.get(key);
      if (!set) createdInside.set(key, (set = new Set()));
      for (const fact of entry.gen) set.add(fact);
      for (const fact of entry.genOnFailure) set.add(fact);
    }
  }

  // The facts at each node with the link each arrived by; a node's map is made when its first fact arrives.
  const links: (Map<number, PredecessorLink> | undefined)[] = new Array(nodes.length);
  const mapHubs = new Map<State, number>();
  for (const node of nodes) if (node.kind === 'hub' && node.owner.type === 'Map') mapHubs.set(node.owner, node.id);
  const joinCounts = new Map<number, Map<number, { count: number; link: PredecessorLink }>>();
  const exits: FlowExit[] = [];
  const queueNodes: number[] = [];
  const queueFacts: number[] = [];

  /**
   * A fact arrives at `node` from `from` along `edge` (undefined: the concurrent edge between them). Most arrivals
   * find the fact already there, so the link is made only when it is kept.
   */
  const arrive = (node: number, fact: number, from: number, edge: FlowEdge | undefined, created: boolean, concurrent: boolean | undefined): void => {
    const target = nodes[node]!;
    if (target.kind === 'exit') {
      if (fact !== TOKEN) exits.push({ fact: factNames[fact]!, link: makeLink(from, node, edge, created, concurrent) });
      return;
    }
    let known = links[node];
    if (known?.has(fact)) return;
    let link: PredecessorLink;
    if (target.kind === 'join' && target.mode === 'all' && target.sources > 1) {
      let counts = joinCounts.get(node);
      if (!counts) joinCounts.set(node, (counts = new Map()));
      const count = (counts.get(fact)?.count ?? 0) + 1;
      // The witness goes through the branch where the fact is the branch's own, not another branch's.
      const best = counts.get(fact)?.link;
      const chosen = best && (!best.concurrent || concurrent) ? best : makeLink(from, node, edge, created, concurrent);
      counts.set(fact, { count, link: chosen });
      if (count < target.sources) return;
      link = { ...chosen, concurrent: false };
    } else {
      link = makeLink(from, node, edge, created, concurrent);
    }
    if (!known) links[node] = known = new Map();
    known.set(fact, link);
    queueNodes.push(node);
    queueFacts.push(fact);
  };

  if (graph.entry !== undefined) {
    links[graph.entry] = new Map([[TOKEN, { from: graph.entry, edge: concurrentEdge(graph.entry, graph.entry), created: true }]]);
    queueNodes.push(graph.entry);
    queueFacts.push(TOKEN);
  }

  // Indexed loops below: the fixpoint runs once per lint, mostly before it is optimized, and `for…of` then
  // allocates an iterator result per step.
  for (let head = 0; head < queueNodes.length; head++) {
    const node = queueNodes[head]!;
    const fact = queueFacts[head]!;
    const current = nodes[node]!;
    if (current.kind === 'hub') {
      for (const target of graph.hubTargets.get(node) ?? []) {
        if (current.owner.type === 'Parallel' && createdInside.get(`${node}:${target.branch}`)?.has(fact)) continue;
        // A Map's failure carries the other iterations' resources only if some iteration can fail that way.
        if (current.owner.type === 'Map' && !links[target.node]?.has(TOKEN)) continue;
        arrive(target.node, fact, node, undefined, false, true);
      }
      continue;
    }
    if (fact === TOKEN && current.kind === 'raise') {
      // Control reaches this failure of a Map: resources of concurrent iterations that arrived earlier go with it.
      const hub = mapHubs.get(current.owner);
      const arrived = hub !== undefined ? links[hub] : undefined;
      if (arrived) for (const made of arrived.keys()) arrive(node, made, hub!, undefined, false, true);
    }
    const entry = effects[node];
    const effect = entry?.effect;
    if (fact === TOKEN && entry && current.kind === 'state') {
      // The state is reached: its creations start here.
      const out = edges[node]!;
      for (let i = 0; i < out.length; i++) {
        const edge = out[i]!;
        const created = edge.effect === 'success' ? entry.gen : edge.effect === 'failure' && !effect?.ignoreFailure ? entry.genOnFailure : NO_FACTS;
        for (let j = 0; j < created.length; j++) arrive(edge.to, created[j]!, node, edge, true, undefined);
      }
      for (const scope of graph.concurrency.get(current.state) ?? []) {
        for (const made of entry.gen) arrive(scope.hub, made, node, undefined, true, undefined);
        for (const made of entry.genOnFailure) arrive(scope.hub, made, node, undefined, true, undefined);
      }
    }
    const name = factNames[fact]!;
    const concurrent = links[node]!.get(fact)?.concurrent;
    const out = edges[node]!;
    for (let i = 0; i < out.length; i++) {
      const edge = out[i]!;
      if (edge.effect === 'failure' && effect?.ignoreFailure) continue;
      if (edge.effect === 'success' && fact !== TOKEN && effect?.kills?.(name)) continue;
      arrive(edge.to, fact, node, edge, false, concurrent);
    }
  }

  const walkBack = (start: PredecessorLink, fact: number, steps: WitnessStep[]): WitnessStep[] => {
    let link: PredecessorLink | undefined = start;
    // The links form a tree; the bound only guards against a bug turning into a hang.
    for (let guard = 0; link && guard <= nodes.length; guard++) {
      steps.push({ node: nodes[link.from]!, edge: link.edge });
      if (link.created) break;
      link = links[link.from]?.get(fact);
    }
    return steps.reverse();
  };

  return {
    graph,
    exits,
    work: queueNodes.length,
    factsAt(state) {
      const node = graph.stateNodes.get(state);
      if (node === undefined) return [];
      const result: string[] = [];
      for (const fact of links[node]?.keys() ?? []) if (fact !== TOKEN) result.push(factNames[fact]!);
      return result;
    },
    holdsAt(state, fact) {
      const node = graph.stateNodes.get(state);
      const id = factIds.get(fact);
      return node !== undefined && id !== undefined && links[node]?.has(id) === true;
    },
    reaches(state) {
      const node = graph.stateNodes.get(state);
      return node !== undefined && links[node]?.has(TOKEN) === true;
    },
    witnessTo(state, fact) {
      const node = graph.stateNodes.get(state);
      const id = factIds.get(fact);
      const link = node !== undefined && id !== undefined ? links[node]?.get(id) : undefined;
      if (node === undefined || id === undefined || !link) return [];
      return walkBack(link, id, [{ node: nodes[node]! }]);
    },
    witnessOf(exit) {
      const id = factIds.get(exit.fact);
      return id === undefined ? [] : walkBack(exit.link, id, []);
    },
  };
}
