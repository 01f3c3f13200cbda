import {
  analyzeEksFlow,
  defineRule,
  describeFact,
  describeIdentity,
  eksTaskOf,
  fieldIdentity,
  isObjectValue,
  readEksField,
  witnessRelated,
  witnessText,
  type EksFact,
  type FixSpec,
  type State,
  type StateMachine,
} from '@asl-lint/core';

const SUBNETS = '["subnet-0aacf887d9f00e6a7", "subnet-0e5fc41e7507194ab"]';
/** A cluster created without `.sync`, then a node group on it, with or without a wait in between. */
const example = (waits: boolean) => `{
  "StartAt": "Create cluster",
  "States": {
    "Create cluster": {
      "Type": "Task",
      "Resource": "arn:aws:states:::eks:createCluster",
      "Parameters": {
        "Name": "etl",
        "RoleArn": "arn:aws:iam::111122223333:role/eks-cluster",
        "ResourcesVpcConfig": { "SubnetIds": ${SUBNETS} }
      },
      "ResultPath": null,
      "Next": "${waits ? 'Wait for cluster' : 'Create nodes'}"
    },${
  waits
    ? `
    "Wait for cluster": { "Type": "Wait", "Seconds": 900, "Next": "Create nodes" },`
    : ''
}
    "Create nodes": {
      "Type": "Task",
      "Resource": "arn:aws:states:::eks:createNodegroup.sync",
      "Parameters": {
        "ClusterName": "etl",
        "NodegroupName": "workers",
        "NodeRole": "arn:aws:iam::111122223333:role/eks-nodes",
        "Subnets": ${SUBNETS}
      },
      "ResultPath": null,
      "Catch": [{ "ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Delete cluster" }],
      "Next": "Delete nodes"
    },
    "Delete nodes": {
      "Type": "Task",
      "Resource": "arn:aws:states:::eks:deleteNodegroup.sync",
      "Parameters": { "ClusterName": "etl", "NodegroupName": "workers" },
      "ResultPath": null,
      "Next": "Delete cluster"
    },
    "Delete cluster": {
      "Type": "Task",
      "Resource": "arn:aws:states:::eks:deleteCluster.sync",
      "Parameters": { "Name": "etl" },
      "End": true
    }
  }
}
`;

/** APIs that need the cluster ACTIVE. */
const NEEDS_ACTIVE_CLUSTER: ReadonlySet<string> = new Set(['createNodegroup', 'createFargateProfile', 'runJob', 'call']);

export default defineRule({
  meta: {
    id: 'eks/wait-for-active',
    description: 'Node groups, Fargate profiles, Jobs and calls on a cluster created with request-response `eks:createCluster` need a wait for ACTIVE first',
    severity: 'warning',
    fix: 'suggestion',
    messages: {
      clusterNotActive:
        '"{{state}}" uses cluster {{cluster}}, which "{{creator}}" created without .sync and nothing waited for: {{witness}}. The cluster is still CREATING and the call fails; use eks:createCluster.sync or poll DescribeCluster until ACTIVE',
      noNodesYet:
        '"{{state}}" runs a Job on cluster {{cluster}} whose only nodes come from {{nodegroup}}, created without .sync by "{{creator}}" and not waited for: {{witness}}. The node group has no nodes yet, so the Job\'s pods stay Pending; use eks:createNodegroup.sync or poll DescribeNodegroup until ACTIVE',
    },
    docs: {
      whatItDoes:
        'Follows the workflow\'s paths and reports `eks:createNodegroup`, `eks:createFargateProfile`, `eks:runJob` and `eks:call` on a cluster that this workflow created with request-response `eks:createCluster` (no `.sync`, or the AWS SDK `aws-sdk:eks:createCluster`, which never waits) when some path reaches them without a wait in between. It also reports an `eks:runJob` on a cluster created by the workflow whose node groups were all created with request-response `eks:createNodegroup` and not waited for, when no Fargate profile of the workflow exists on that cluster and the cluster does not use EKS Auto Mode (`ComputeConfig`).\n\n' +
        'What counts as a wait: a Wait state (the rule cannot tell how long is enough), or an AWS SDK `eks:describeCluster` / `eks:describeNodegroup` on the same name (a polling loop). Clusters are matched by literal name or by the same path/expression text.',
      whyItMatters:
        'Request-response `eks:createCluster` returns as soon as EKS accepts the request; the cluster then takes many minutes to become ACTIVE. Creating a node group or Fargate profile on it fails, and so do Kubernetes calls, since the API server is not up. A node group created without `.sync` has no nodes for a while, so a Job scheduled on it waits with its pods Pending.',
      examples: {
        invalid: [{ title: 'The node group is created right after a request-response createCluster', code: example(false) }],
        valid: [{ title: 'A Wait between the two', code: example(true) }],
      },
      fixSafety: 'Suggestion: switching the create to `.sync` changes how long that state runs (until the cluster is ACTIVE), so review its `TimeoutSeconds`.',
    },
  },
  check(context) {
    const flow = analyzeEksFlow(context.machine);
    const autoMode = autoModeClusters(context.machine);
    for (const state of context.machine.states) {
      const task = eksTaskOf(state);
      if (!task?.spec || !NEEDS_ACTIVE_CLUSTER.has(task.spec.api)) continue;
      const cluster = flow.clusterOf(state);
      if (cluster === undefined) continue;
      const facts = flow.factsAt(state);
      const path = readEksField(task, task.spec.identifiers.cluster)?.path ?? task.payloadPath;
      const creating = facts.find((fact) => fact.family === 'cluster-creating' && fact.cluster === cluster);
      if (creating) {
        const witness = flow.witnessTo(state, creating);
        const creator = witness[0]?.node.kind === 'state' ? witness[0].node.state : undefined;
        if (!creator) continue;
        context.report({
          path,
          messageId: 'clusterNotActive',
          data: { state: state.name, cluster: describeIdentity(cluster), creator: creator.name, witness: witnessText(witness, flow.graph.nodes) },
          related: witnessRelated(witness, flow.graph.nodes, `${creator.name} starts creating cluster ${describeIdentity(cluster)}`),
          suggestions: syncSuggestion(creator),
        });
        continue;
      }
      if (task.spec.api !== 'runJob' || autoMode.has(cluster)) continue;
      const pending = onlyPendingNodegroup(facts, cluster);
      if (!pending) continue;
      const witness = flow.witnessTo(state, pending);
      const creator = witness[0]?.node.kind === 'state' ? witness[0].node.state : undefined;
      if (!creator) continue;
      const nodegroup = describeFact(pending, false);
      context.report({
        path,
        messageId: 'noNodesYet',
        data: { state: state.name, cluster: describeIdentity(cluster), nodegroup, creator: creator.name, witness: witnessText(witness, flow.graph.nodes) },
        related: witnessRelated(witness, flow.graph.nodes, `${creator.name} starts creating ${nodegroup}`),
        suggestions: syncSuggestion(creator),
      });
    }
  },
});

/**
 * A node group still being created, when it is certain that nothing else can run the Job's pods: the cluster was
 * created by the workflow, no Fargate profile of it may exist, and every node group that may exist may still be
 * creating.
 */
function onlyPendingNodegroup(facts: readonly EksFact[], cluster: string): EksFact | undefined {
  let clusterCreated = false;
  const nodegroups = new Set<string>();
  const pending = new Map<string, EksFact>();
  for (const fact of facts) {
    if (fact.cluster !== cluster) continue;
    if (fact.family === 'cluster') clusterCreated = true;
    else if (fact.family === 'fargate-profile') return undefined;
    else if (fact.family === 'nodegroup') nodegroups.add(fact.name ?? '');
    else if (fact.family === 'nodegroup-creating') pending.set(fact.name ?? '', fact);
  }
  if (!clusterCreated || pending.size === 0) return undefined;
  for (const name of nodegroups) if (!pending.has(name)) return undefined;
  return pending.values().next().value;
}

/** Clusters created with EKS Auto Mode (`ComputeConfig`), which brings its own nodes. */
function autoModeClusters(machine: StateMachine): Set<string> {
  const clusters = new Set<string>();
  for (const state of machine.states) {
    const task = eksTaskOf(state);
    if (task?.spec?.lifecycle?.action !== 'create' || task.spec.lifecycle.resource !== 'cluster') continue;
    // `ComputeConfig` is not among the catalog's named parameters; it is a createCluster member (reference §2.6.1).
    const compute = readEksField(task, 'ComputeConfig');
    if (!compute) continue;
    if (compute.kind === 'literal' && isObjectValue(compute.value) && compute.value.Enabled === false) continue;
    const name = fieldIdentity(readEksField(task, task.spec.identifiers.cluster));
    if (name !== undefined) clusters.add(name);
  }
  return clusters;
}

function syncSuggestion(creator: State): FixSpec[] {
  const raw = creator.resource?.raw;
  // Only the optimized integration has .sync; the AWS SDK integration (aws-sdk:eks:createCluster) has none.
  if (!raw || creator.resource?.kind !== 'service' || creator.resource.suffix !== undefined) return [];
  return [{ message: `Use ${raw}.sync in "${creator.name}"`, changes: [{ kind: 'replace-value', path: [...creator.path, 'Resource'], value: `${raw}.sync` }] }];
}
