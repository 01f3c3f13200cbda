import { describe, expect, it } from 'vitest';
import { analyzeEksFlow, buildStateMachine, parseJson, type Definition } from '../../src/index.js';

function machineOf(definition: object) {
  const text = JSON.stringify(definition);
  const root: Definition = { kind: 'state-machine', root: parseJson(text).root!, host: 'asl', editable: true };
  return buildStateMachine(root);
}

describe('analyzeEksFlow on a machine that creates no EKS resource', () => {
  const machine = machineOf({
    StartAt: 'Describe',
    States: {
      Describe: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:eks:describeCluster', Parameters: { Name: 'prod' }, Next: 'Job' },
      Job: { Type: 'Task', Resource: 'arn:aws:states:::eks:runJob.sync', Parameters: { ClusterName: 'prod', CertificateAuthority: 'x', Endpoint: 'https://x', Job: {} }, Next: 'Delete' },
      Delete: { Type: 'Task', Resource: 'arn:aws:states:::eks:deleteCluster', Parameters: { Name: 'prod' }, End: true },
    },
  });
  const [describe_, job, remove] = machine.states;

  it('holds no fact anywhere and leaks nothing, yet still names each call’s cluster', () => {
    const flow = analyzeEksFlow(machine);
    expect(machine.states.map((state) => flow.factsAt(state))).toEqual([[], [], []]);
    expect(flow.leaks()).toEqual([]);
    expect([describe_, job, remove].map((state) => flow.clusterOf(state!))).toEqual([undefined, '=prod', '=prod']);
  });

  it('builds the graph and the fixpoint only when asked, with the same answers', () => {
    const flow = analyzeEksFlow(machine);
    expect(flow.graph.stateNodes.size).toBe(3);
    expect(flow.dataflow.reaches(remove!)).toBe(true);
    expect(flow.dataflow.exits).toEqual([]);
  });
});
