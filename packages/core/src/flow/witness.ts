/**
 * Witness paths as text and as related locations:
 * `Create cluster → Run job --(States.TaskFailed, no Catch)→ execution fails`.
 */
import type { RelatedReport } from '../rule.js';
import type { EdgeLabel, FlowEdge, FlowNode } from './graph.js';
import type { WitnessStep } from './dataflow.js';

/** Longest witness printed whole in a message; longer ones keep their ends (related locations keep every step). */
const MAX_MESSAGE_STEPS = 10;

function nodeText(node: FlowNode): string | undefined {
  switch (node.kind) {
    case 'state':
      return node.state.name;
    case 'join':
      return node.owner.name;
    case 'raise':
      return `${node.owner.name} fails`;
    case 'exit':
      return node.outcome === 'succeeds' ? 'execution succeeds' : 'execution fails';
    case 'hub':
    case 'branch-end':
      return undefined;
  }
}

function arrow(label: EdgeLabel, edge: FlowEdge, nodes: readonly FlowNode[], from: FlowNode): string {
  switch (label.kind) {
    case 'next':
    case 'enter':
    case 'join':
      return ' → ';
    case 'choice':
      return ` --(Choices[${label.index}])→ `;
    case 'default':
      return ' --(Default)→ ';
    case 'end':
      return nodes[edge.to]?.kind === 'branch-end' ? ` --(end of ${from.kind === 'state' && from.state.scope.kind === 'item-processor' ? 'iteration' : 'branch'})→ ` : ' → ';
    case 'catch':
      return ` --(${label.error}, Catch[${label.index}])→ `;
    case 'uncaught':
      return ` --(${label.error}, ${label.noDefault ? 'no Default' : label.hasCatch ? 'no matching Catch' : 'no Catch'})→ `;
    case 'fail-state':
      return ` --(Fail: ${label.error})→ `;
    case 'tolerated':
      return ` --(${label.error}, tolerated)→ `;
    case 'concurrent': {
      const target = nodes[edge.to];
      if (target?.kind !== 'hub') return ' → ';
      return ` --(meanwhile, another ${target.owner.type === 'Map' ? 'iteration' : 'branch'} of ${target.owner.name})→ `;
    }
  }
}

/** Joins the steps into one line. `nodes` are the graph's nodes (to see where each edge leads). */
export function witnessText(steps: readonly WitnessStep[], nodes: readonly FlowNode[]): string {
  const parts: string[] = [];
  steps.forEach((step, index) => {
    const text = nodeText(step.node);
    if (text !== undefined) parts.push(text);
    const edge = step.edge;
    if (!edge) return;
    // Leaving a silent node (hub, branch end), the arrow into it already said where control went.
    if (text === undefined && (edge.label.kind === 'join' || edge.label.kind === 'concurrent')) return;
    parts.push(arrow(edge.label, edge, nodes, step.node));
    if (index === steps.length - 1 && nodes[edge.to]?.kind === 'exit') parts.push(nodeText(nodes[edge.to]!)!);
  });
  return compact(parts);
}

/** Keeps the ends of a long path: `A → B → … (12 more states) … → Y → Z`. */
function compact(parts: string[]): string {
  // parts alternate node, arrow, node, arrow…; a node count above the limit drops the middle nodes.
  const nodeIndexes = parts.map((part, index) => (index % 2 === 0 ? index : -1)).filter((index) => index >= 0);
  if (nodeIndexes.length <= MAX_MESSAGE_STEPS) return parts.join('');
  const head = 4;
  const tail = MAX_MESSAGE_STEPS - head;
  const keepStart = parts.slice(0, head * 2);
  const keepEnd = parts.slice(parts.length - (tail * 2 - 1));
  const dropped = nodeIndexes.length - head - tail;
  return `${keepStart.join('')}… (${dropped} more) … → ${keepEnd.join('')}`;
}

/** One related location per visible step, numbered, each saying where control goes next. */
export function witnessRelated(steps: readonly WitnessStep[], nodes: readonly FlowNode[], first: string): RelatedReport[] {
  const related: RelatedReport[] = [];
  let number = 0;
  steps.forEach((step, index) => {
    const text = nodeText(step.node);
    if (text === undefined) return;
    const path = step.node.kind === 'state' ? step.node.state.path : step.node.kind === 'exit' ? [] : step.node.owner.path;
    number += 1;
    let next = '';
    const edge = step.edge;
    if (edge) {
      const following = nextVisible(steps, index, nodes);
      next = `${arrow(edge.label, edge, nodes, step.node)}${following ?? ''}`.trimEnd();
    }
    related.push({ path, at: 'key', message: `${number}. ${index === 0 ? first : text}${next}` });
  });
  return related;
}

function nextVisible(steps: readonly WitnessStep[], index: number, nodes: readonly FlowNode[]): string | undefined {
  for (let i = index + 1; i < steps.length; i++) {
    const text = nodeText(steps[i]!.node);
    if (text !== undefined) return text;
  }
  const last = steps[steps.length - 1]?.edge;
  return last && nodes[last.to]?.kind === 'exit' ? nodeText(nodes[last.to]!) : undefined;
}
