import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  analyzeEksFlow,
  buildFlowGraph,
  buildStateMachine,
  dispatchError,
  LineIndex,
  locatePath,
  parseJson,
  witnessRelated,
  witnessText,
  type Definition,
  type ErrorClass,
} from '../../src/index.js';
// The generator is plain JavaScript shared with bench/flow-scaling.mjs.
// @ts-expect-error -- no declaration file for the .mjs generator
import { generateFlowWorkflow } from '../../../../bench/flow-workflow.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

function machineOf(text: string) {
  const definition: Definition = { kind: 'state-machine', root: parseJson(text).root!, host: 'asl', editable: true };
  return buildStateMachine(definition);
}

describe('dispatchError: which catcher takes which error', () => {
  const task: ErrorClass = { kind: 'task' };
  const timeout: ErrorClass = { kind: 'named', name: 'States.Timeout' };
  const custom: ErrorClass = { kind: 'named', name: 'Job.Failed' };
  const unknown: ErrorClass = { kind: 'unknown' };
  const catchers = (...lists: string[][]) => lists.map((errorEquals, index) => ({ index, target: `T${index}`, errorEquals }));
  const summary = (error: ErrorClass, list: ReturnType<typeof catchers>, wildcards?: string[]) => {
    const { caught, escapes } = dispatchError(error, list, wildcards);
    return { caught: caught.map((c) => `${c.catcher.target}:${c.error}:${c.whole ? 'whole' : 'part'}`), escapes };
  };

  it.each([
    ['States.ALL takes a task error', task, catchers(['States.ALL']), { caught: ['T0:States.TaskFailed:whole'], escapes: false }],
    ['States.TaskFailed takes a task error', task, catchers(['States.TaskFailed']), { caught: ['T0:States.TaskFailed:whole'], escapes: false }],
    ['States.TaskFailed does not take States.Timeout', timeout, catchers(['States.TaskFailed']), { caught: [], escapes: true }],
    ['a named service error takes part of a task error', task, catchers(['EKS.401']), { caught: ['T0:EKS.401:part'], escapes: true }],
    ['a part, then the rest', task, catchers(['EKS.401'], ['States.ALL']), { caught: ['T0:EKS.401:part', 'T1:States.TaskFailed:whole'], escapes: false }],
    ['the first whole catcher wins', task, catchers(['States.TaskFailed'], ['States.ALL']), { caught: ['T0:States.TaskFailed:whole'], escapes: false }],
    ['States.Timeout takes a timeout', timeout, catchers(['States.Timeout']), { caught: ['T0:States.Timeout:whole'], escapes: false }],
    ['a Fail state\'s error by name', custom, catchers(['Job.Failed']), { caught: ['T0:Job.Failed:whole'], escapes: false }],
    ['States.TaskFailed takes any known name but States.Timeout', custom, catchers(['States.TaskFailed']), { caught: ['T0:Job.Failed:whole'], escapes: false }],
    ['a non-task States error never matches a task error', task, catchers(['States.NoChoiceMatched']), { caught: [], escapes: true }],
    ['an unnamed error: only States.ALL takes all of it', unknown, catchers(['Job.Failed'], ['States.ALL']), { caught: ['T0:Job.Failed:part', 'T1:an unnamed error:whole'], escapes: false }],
  ])('%s', (_title, error, list, expected) => {
    expect(summary(error, list)).toEqual(expected);
  });

  it('States.BranchFailed takes every branch failure of a Parallel state', () => {
    expect(summary(unknown, catchers(['States.BranchFailed']), ['States.BranchFailed'])).toEqual({ caught: ['T0:an unnamed error:whole'], escapes: false });
  });
});

describe('buildFlowGraph', () => {
  it('gives a Choice without Default a States.NoChoiceMatched failure, and a Choice with one none', () => {
    const machine = machineOf(
      JSON.stringify({
        StartAt: 'A',
        States: {
          A: { Type: 'Choice', Choices: [{ Variable: '$.x', BooleanEquals: true, Next: 'B' }] },
          B: { Type: 'Choice', Choices: [{ Variable: '$.x', BooleanEquals: true, Next: 'C' }], Default: 'C' },
          C: { Type: 'Succeed' },
        },
      }),
    );
    const graph = buildFlowGraph(machine);
    const labels = (name: string) => graph.edges[graph.stateNodes.get(machine.root.states.get(name)!)!]!.map((edge) => edge.label);
    expect(labels('A')).toEqual([{ kind: 'choice', index: 0 }, { kind: 'uncaught', error: 'States.NoChoiceMatched', hasCatch: false, noDefault: true }]);
    expect(labels('B')).toEqual([{ kind: 'default' }, { kind: 'choice', index: 0 }]);
  });

  it('lets a Map with a tolerated failure threshold finish after a failed iteration, or fail beyond it', () => {
    const machine = machineOf(
      JSON.stringify({
        StartAt: 'M',
        States: {
          M: { Type: 'Map', ToleratedFailurePercentage: 5, ItemProcessor: { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } } }, End: true },
        },
      }),
    );
    const graph = buildFlowGraph(machine);
    const task = machine.states.find((state) => state.name === 'T')!;
    const targets = graph.edges[graph.stateNodes.get(task)!]!.map((edge) => {
      const node = graph.nodes[edge.to]!;
      return `${edge.label.kind}→${node.kind === 'raise' ? `raise ${node.error.kind === 'named' ? node.error.name : node.error.kind}` : node.kind}`;
    });
    expect(targets).toEqual(['end→branch-end', 'tolerated→join', 'uncaught→raise States.ExceedToleratedFailureThreshold', 'tolerated→join', 'uncaught→raise States.ExceedToleratedFailureThreshold']);
  });
});

describe('analyzeEksFlow on AWS\'s sample (sample-eks-cluster.md)', () => {
  const text = readFileSync(join(repo, '..', 'shared', 'corpus', 'eks', 'awsdocs__aws-step-functions-developer-guide__doc_source__sample-eks-cluster.md__block1.asl.json'), 'utf8');
  const machine = machineOf(text);
  const flow = analyzeEksFlow(machine);
  const lines = new LineIndex(text);
  const lineOf = (path: readonly (string | number)[]) => lines.positionAt(locatePath(machine.definition.root, path, 'key').range.start).line + 1;

  it('finds the cluster and the node group, each with the nearest exit that leaves it running', () => {
    expect(flow.leaks().map((leak) => [leak.fact.family, leak.creator.name, witnessText(leak.witness, flow.graph.nodes)])).toEqual([
      ['cluster', 'Create an EKS cluster', 'Create an EKS cluster → Create a node group --(States.TaskFailed, no Catch)→ execution fails'],
      ['nodegroup', 'Create a node group', 'Create a node group → Run a job on EKS --(States.TaskFailed, no Catch)→ execution fails'],
    ]);
  });

  it('lists every exit of the cluster: each state that can fail before the cleanup', () => {
    const leak = flow.leaks()[0]!;
    const exits = leak.exits.map((exit) => witnessText(flow.dataflow.witnessOf(exit), flow.graph.nodes));
    expect(exits).toContain(
      'Create an EKS cluster → Create a node group → Run a job on EKS → Examine output --(Default)→ Send unexpected result → Delete job --(States.TaskFailed, no Catch)→ execution fails',
    );
    // Deletes are assumed to succeed: "Delete node group" and "Delete cluster" are no exits.
    expect(exits.some((exit) => exit.includes('Delete node group --'))).toBe(false);
    expect(new Set(leak.exits.map((exit) => exit.link.from)).size).toBe(5);
  });

  it('gives the witness as related locations, one per state, in order', () => {
    const leak = flow.leaks()[1]!;
    const related = witnessRelated(leak.witness, flow.graph.nodes, 'Create a node group creates node group "ExampleNodegroup"');
    expect(related.map((item) => ({ line: lineOf(item.path), message: item.message }))).toEqual([
      { line: 31, message: '1. Create a node group creates node group "ExampleNodegroup" → Run a job on EKS' },
      { line: 56, message: '2. Run a job on EKS --(States.TaskFailed, no Catch)→ execution fails' },
    ]);
  });

  it('knows what holds where: the node group is live at the Job, gone at the cluster delete', () => {
    const state = (name: string) => machine.root.states.get(name)!;
    expect(flow.factsAt(state('Run a job on EKS')).map((fact) => fact.family)).toEqual(['cluster', 'nodegroup']);
    expect(flow.factsAt(state('Delete cluster')).map((fact) => fact.family)).toEqual(['cluster']);
  });
});

describe('analyzeEksFlow on a generated 10,000-state workflow', () => {
  it('finds exactly the planted leaks', () => {
    const { definition, states, expectedLeaks } = generateFlowWorkflow(10000, { held: 3 });
    expect(states).toBeGreaterThan(10000);
    const flow = analyzeEksFlow(machineOf(JSON.stringify(definition)));
    expect(flow.leaks().length).toBe(expectedLeaks);
  });

  it('does work proportional to its size (pairs of node and live resource, not paths)', () => {
    const work = (size: number) => analyzeEksFlow(machineOf(JSON.stringify(generateFlowWorkflow(size, { held: 5 }).definition))).dataflow.work;
    const ratio = work(10000) / work(1000);
    expect(ratio).toBeGreaterThan(8);
    expect(ratio).toBeLessThan(12);
  });

});

describe('paths are never enumerated', () => {
  it('analyses 500 diamonds in a row (2^500 paths) in work linear in their states', () => {
    const states: Record<string, unknown> = {
      Create: { Type: 'Task', Resource: 'arn:aws:states:::eks:createCluster.sync', Parameters: { Name: 'etl' }, Next: 'Choice 0' },
    };
    const diamonds = 500;
    for (let i = 0; i < diamonds; i++) {
      const next = i + 1 < diamonds ? `Choice ${i + 1}` : 'Delete';
      states[`Choice ${i}`] = { Type: 'Choice', Choices: [{ Variable: '$.left', BooleanEquals: true, Next: `Left ${i}` }], Default: `Right ${i}` };
      states[`Left ${i}`] = { Type: 'Pass', Next: next };
      // The last right branch skips the delete.
      states[`Right ${i}`] = i + 1 < diamonds ? { Type: 'Pass', Next: next } : { Type: 'Succeed' };
    }
    states.Delete = { Type: 'Task', Resource: 'arn:aws:states:::eks:deleteCluster.sync', Parameters: { Name: 'etl' }, End: true };
    const flow = analyzeEksFlow(machineOf(JSON.stringify({ StartAt: 'Create', States: states })));
    // Two facts (the reached-token and the cluster) per node at most, each handled once.
    expect(flow.dataflow.work).toBeLessThanOrEqual(2 * flow.graph.nodes.length);
    const [leak] = flow.leaks();
    expect(leak!.exits.map((exit) => flow.graph.nodes[exit.link.from]!.kind === 'state' && (flow.graph.nodes[exit.link.from] as { state: { name: string } }).state.name)).toEqual(['Right 499']);
    expect(leak!.witness).toHaveLength(1 + 2 * diamonds);
  });
});

describe('witnessText', () => {
  it('keeps the ends of a long witness in the message, every step in the related locations', () => {
    const states: Record<string, unknown> = {
      Create: { Type: 'Task', Resource: 'arn:aws:states:::eks:createCluster.sync', Parameters: { Name: 'etl' }, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Failed' }], Next: 'Step 1' },
      Failed: { Type: 'Fail' },
    };
    for (let i = 1; i <= 15; i++) states[`Step ${i}`] = i < 15 ? { Type: 'Pass', Next: `Step ${i + 1}` } : { Type: 'Pass', End: true };
    const flow = analyzeEksFlow(machineOf(JSON.stringify({ StartAt: 'Create', States: states })));
    const [leak] = flow.leaks();
    expect(witnessText(leak!.witness, flow.graph.nodes)).toBe('Create → Step 1 → Step 2 → Step 3 → … (7 more) … → Step 11 → Step 12 → Step 13 → Step 14 → Step 15 → execution succeeds');
    expect(witnessRelated(leak!.witness, flow.graph.nodes, 'Create creates it')).toHaveLength(16);
  });
});
