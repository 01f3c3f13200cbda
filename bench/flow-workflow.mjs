// Generates a workflow of about `size` states for the flow analysis: a chain of segments, each creating and deleting
// EKS resources in a polling loop, in Parallel branches or in a Map, with Catch-to-cleanup chains. Every
// `leakEvery`-th segment forgets the Catch on its Job, so the cleanup rule has leaks to find (one cluster and one node
// group per such segment). `held` clusters are created at the start and deleted only at the end, so that every
// state carries that many live resources (the analysis is linear in states × live resources).

const SUBNETS = ['subnet-0aacf887d9f00e6a7', 'subnet-0e5fc41e7507194ab'];
const ROLE = 'arn:aws:iam::111122223333:role/eks-cluster';
const NODE_ROLE = 'arn:aws:iam::111122223333:role/eks-nodes';
const ALL = ['States.ALL'];

const catchTo = (next) => [{ ErrorEquals: ALL, ResultPath: '$.error', Next: next }];
const retry = [{ ErrorEquals: ['States.TaskFailed'], IntervalSeconds: 30, MaxAttempts: 2, BackoffRate: 2 }];
const named = (key, value) => (value.startsWith('$') ? { [`${key}.$`]: value } : { [key]: value });

const createCluster = (name, next, extra = {}) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::eks:createCluster.sync',
  Parameters: { ...named('Name', name), RoleArn: ROLE, ResourcesVpcConfig: { SubnetIds: SUBNETS } },
  ResultPath: '$.eks',
  Retry: retry,
  ...extra,
  ...(next ? { Next: next } : { End: true }),
});
const createNodes = (cluster, nodegroup, next, extra = {}) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::eks:createNodegroup.sync',
  Parameters: { ...named('ClusterName', cluster), NodegroupName: nodegroup, NodeRole: NODE_ROLE, Subnets: SUBNETS },
  ResultPath: null,
  ...extra,
  ...(next ? { Next: next } : { End: true }),
});
const runJob = (cluster, next, extra = {}) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::eks:runJob.sync',
  Parameters: {
    ...named('ClusterName', cluster),
    'CertificateAuthority.$': '$.eks.Cluster.CertificateAuthority.Data',
    'Endpoint.$': '$.eks.Cluster.Endpoint',
    Job: { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'step' }, spec: { backoffLimit: 0, template: { spec: { containers: [{ name: 'step', image: 'step:1' }], restartPolicy: 'Never' } } } },
  },
  ResultPath: null,
  ...extra,
  ...(next ? { Next: next } : { End: true }),
});
const poll = (cluster, next, extra = {}) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::eks:call',
  Parameters: {
    ...named('ClusterName', cluster),
    'CertificateAuthority.$': '$.eks.Cluster.CertificateAuthority.Data',
    'Endpoint.$': '$.eks.Cluster.Endpoint',
    Method: 'GET',
    Path: '/apis/batch/v1/namespaces/default/jobs/step',
  },
  ResultPath: '$.poll',
  ...extra,
  Next: next,
});
const deleteNodes = (cluster, nodegroup, next) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::eks:deleteNodegroup.sync',
  Parameters: { ...named('ClusterName', cluster), NodegroupName: nodegroup },
  ResultPath: null,
  Retry: retry,
  ...(next ? { Next: next } : { End: true }),
});
const deleteCluster = (name, next) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::eks:deleteCluster.sync',
  Parameters: named('Name', name),
  ResultPath: null,
  Retry: retry,
  ...(next ? { Next: next } : { End: true }),
});

/** A polling loop on a cluster with a node group: 10 states. */
function loopSegment(states, k, next, leaks) {
  const c = `loop-${k}`;
  const p = (s) => `${s} ${k}`;
  states[p('Create cluster')] = createCluster(c, p('Create nodes'), { Catch: catchTo(p('Failed')) });
  states[p('Create nodes')] = createNodes(c, 'workers', p('Start job'), { Catch: catchTo(p('Cleanup cluster')) });
  states[p('Start job')] = runJob(c, p('Poll'), leaks ? {} : { Catch: catchTo(p('Cleanup nodes')) });
  states[p('Poll')] = poll(c, p('Finished?'), { Catch: catchTo(p('Cleanup nodes')) });
  states[p('Finished?')] = { Type: 'Choice', Choices: [{ Variable: '$.poll.ResponseBody.status.succeeded', NumericGreaterThan: 0, Next: p('Delete nodes') }], Default: p('Wait') };
  states[p('Wait')] = { Type: 'Wait', Seconds: 60, Next: p('Poll') };
  states[p('Delete nodes')] = deleteNodes(c, 'workers', p('Delete cluster'));
  states[p('Delete cluster')] = deleteCluster(c, next);
  states[p('Cleanup nodes')] = deleteNodes(c, 'workers', p('Cleanup cluster'));
  states[p('Cleanup cluster')] = deleteCluster(c, p('Failed'));
  states[p('Failed')] = { Type: 'Fail', Error: 'Segment.Failed' };
}

/** Two branches, each creating and deleting its own cluster: 10 states. */
function parallelSegment(states, k, next) {
  const branch = (b) => {
    const c = `par-${k}-${b}`;
    return {
      StartAt: `Create ${k}.${b}`,
      States: {
        [`Create ${k}.${b}`]: createCluster(c, `Run ${k}.${b}`),
        [`Run ${k}.${b}`]: runJob(c, `Delete ${k}.${b}`, { Catch: catchTo(`Delete ${k}.${b}`) }),
        [`Delete ${k}.${b}`]: deleteCluster(c),
      },
    };
  };
  states[`Fan out ${k}`] = { Type: 'Parallel', Branches: [branch('a'), branch('b')], ResultPath: null, Catch: catchTo(`Cleanup ${k}.a`), Next: next };
  states[`Cleanup ${k}.a`] = deleteCluster(`par-${k}-a`, `Cleanup ${k}.b`);
  states[`Cleanup ${k}.b`] = deleteCluster(`par-${k}-b`, `Failed ${k}`);
  states[`Failed ${k}`] = { Type: 'Fail', Error: 'Segment.Failed' };
}

/** A Map creating one cluster per item: 6 states. */
function mapSegment(states, k, next) {
  states[`Per item ${k}`] = {
    Type: 'Map',
    ItemsPath: '$.items',
    MaxConcurrency: 1,
    ItemProcessor: {
      StartAt: `Item create ${k}`,
      States: {
        [`Item create ${k}`]: createCluster('$.name', `Item run ${k}`, { Catch: catchTo(`Item skipped ${k}`) }),
        [`Item skipped ${k}`]: { Type: 'Pass', End: true },
        [`Item run ${k}`]: runJob('$.name', `Item delete ${k}`, { Catch: catchTo(`Item delete ${k}`) }),
        [`Item delete ${k}`]: deleteCluster('$.name'),
      },
    },
    ResultPath: null,
    Next: next,
  };
  states[`After map ${k}`] = { Type: 'Pass', Next: next };
}

/**
 * `size`: about how many states. Returns `{ definition, states, expectedLeaks }` where `expectedLeaks` is the number of
 * eks/cluster-cleanup findings the workflow must produce.
 */
export function generateFlowWorkflow(size, { leakEvery = 10, held = 0 } = {}) {
  const states = {};
  const segments = Math.max(1, Math.round((size - 2 * held - 1) / 9));
  const first = held > 0 ? 'Hold 0' : 'Segment 0';
  for (let h = 0; h < held; h++) {
    states[`Hold ${h}`] = createCluster(`held-${h}`, h + 1 < held ? `Hold ${h + 1}` : 'Segment 0', { ResultPath: null, Catch: catchTo('Release 0') });
  }
  let leaks = 0;
  for (let k = 0; k < segments; k++) {
    const next = k + 1 < segments ? `Segment ${k + 1}` : held > 0 ? 'Release 0' : 'Done';
    const kind = k % 3;
    const entry = kind === 0 ? `Create cluster ${k}` : kind === 1 ? `Fan out ${k}` : `Per item ${k}`;
    states[`Segment ${k}`] = { Type: 'Pass', Next: entry };
    if (kind === 0) {
      const leaking = leakEvery > 0 && k % leakEvery === 0;
      if (leaking) leaks += 2;
      loopSegment(states, k, next, leaking);
    } else if (kind === 1) parallelSegment(states, k, next);
    else mapSegment(states, k, next);
  }
  for (let h = 0; h < held; h++) states[`Release ${h}`] = deleteCluster(`held-${h}`, h + 1 < held ? `Release ${h + 1}` : 'Done');
  states.Done = { Type: 'Succeed' };
  // The Fail states of the segments end the execution while the held clusters exist: each held cluster leaks there.
  if (held > 0) leaks += held;
  const definition = { Comment: `Generated flow workload (${segments} segments)`, StartAt: first, States: states };
  return { definition, states: countStates(definition), expectedLeaks: leaks };
}

function countStates(definition) {
  let count = 0;
  const pending = [definition];
  while (pending.length > 0) {
    const scope = pending.pop();
    for (const state of Object.values(scope.States ?? {})) {
      count += 1;
      for (const branch of state.Branches ?? []) pending.push(branch);
      if (state.ItemProcessor) pending.push(state.ItemProcessor);
    }
  }
  return count;
}
