import { analyzeEksFlow, defineRule, describeFact, describeIdentity, eksTaskOf, readEksField, witnessRelated, witnessText } from '@asl-lint/core';

const SUBNETS = '["subnet-0aacf887d9f00e6a7", "subnet-0e5fc41e7507194ab"]';
/** A cluster with a node group, cleaned up node group first (`right`) or cluster first. */
const example = (right: boolean) => `{
  "StartAt": "Create cluster",
  "States": {
    "Create cluster": {
      "Type": "Task",
      "Resource": "arn:aws:states:::eks:createCluster.sync",
      "Parameters": {
        "Name": "etl",
        "RoleArn": "arn:aws:iam::111122223333:role/eks-cluster",
        "ResourcesVpcConfig": { "SubnetIds": ${SUBNETS} }
      },
      "ResultPath": null,
      "Next": "Create nodes"
    },
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
      "Next": "${right ? 'Delete nodes' : 'Delete cluster'}"
    },
    "Delete nodes": {
      "Type": "Task",
      "Resource": "arn:aws:states:::eks:deleteNodegroup.sync",
      "Parameters": { "ClusterName": "etl", "NodegroupName": "workers" },
      "ResultPath": null,
      ${right ? '"Next": "Delete cluster"' : '"End": true'}
    },
    "Delete cluster": {
      "Type": "Task",
      "Resource": "arn:aws:states:::eks:deleteCluster.sync",
      "Parameters": { "Name": "etl" },
      "ResultPath": null,
      ${right ? '"End": true' : '"Next": "Delete nodes"'}
    }
  }
}
`;

export default defineRule({
  meta: {
    id: 'eks/delete-order',
    description: '`eks:deleteCluster` must not run while node groups or Fargate profiles the workflow created on that cluster still exist',
    severity: 'warning',
    fix: 'none',
    messages: {
      childAlive:
        '"{{state}}" deletes cluster {{cluster}} while {{child}} created by "{{creator}}" may still exist: {{witness}}. EKS refuses to delete a cluster that still has node groups or Fargate profiles; delete them first',
    },
    docs: {
      whatItDoes:
        'Follows the workflow\'s paths (the same analysis as `eks/cluster-cleanup`) and reports an `eks:deleteCluster` state that some path reaches while a node group or Fargate profile that the workflow created on the same cluster (same literal name, or same path/expression text) has not been deleted. The message shows that path.\n\n' +
        'It only knows about node groups and Fargate profiles created by this workflow, assumes a create that fails created nothing, and assumes deletes succeed.',
      whyItMatters:
        'EKS rejects `DeleteCluster` while managed node groups or Fargate profiles exist (`ResourceInUseException`). The cleanup state fails, and everything the workflow created keeps running.',
      examples: {
        invalid: [{ title: 'The cluster is deleted before its node group', code: example(false) }],
        valid: [{ title: 'Node group first, then the cluster', code: example(true) }],
      },
    },
  },
  check(context) {
    const flow = analyzeEksFlow(context.machine);
    for (const state of context.machine.states) {
      const task = eksTaskOf(state);
      if (task?.spec?.lifecycle?.action !== 'delete' || task.spec.lifecycle.resource !== 'cluster') continue;
      const cluster = flow.clusterOf(state);
      if (cluster === undefined) continue;
      for (const fact of flow.factsAt(state)) {
        if ((fact.family !== 'nodegroup' && fact.family !== 'fargate-profile') || fact.cluster !== cluster) continue;
        const witness = flow.witnessTo(state, fact);
        const creator = witness[0]?.node;
        if (creator?.kind !== 'state') continue;
        const child = describeFact(fact, false);
        context.report({
          path: readEksField(task, task.spec.identifiers.cluster)?.path ?? task.payloadPath,
          messageId: 'childAlive',
          data: { state: state.name, cluster: describeIdentity(cluster), child, creator: creator.state.name, witness: witnessText(witness, flow.graph.nodes) },
          related: witnessRelated(witness, flow.graph.nodes, `${creator.state.name} creates ${child}`),
        });
      }
    }
  },
});
