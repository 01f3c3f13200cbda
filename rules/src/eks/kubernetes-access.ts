import { analyzeEksFlow, defineRule, describeIdentity, eksTaskOf, readEksField, witnessRelated, witnessText } from '@asl-lint/core';

/** A cluster created without cluster-admin for the workflow's role, then a Job on it, with or without an access entry first. */
const example = (grantsAccess: boolean) => `{
  "StartAt": "Create cluster",
  "States": {
    "Create cluster": {
      "Type": "Task",
      "Resource": "arn:aws:states:::eks:createCluster.sync",
      "Parameters": {
        "Name": "etl",
        "RoleArn": "arn:aws:iam::111122223333:role/eks-cluster",
        "ResourcesVpcConfig": { "SubnetIds": ["subnet-0aacf887d9f00e6a7", "subnet-0e5fc41e7507194ab"] },
        "AccessConfig": { "AuthenticationMode": "API", "BootstrapClusterCreatorAdminPermissions": false }
      },
      "ResultPath": "$.eks",
      "Next": "${grantsAccess ? 'Grant access' : 'Run job'}"
    },${
  grantsAccess
    ? `
    "Grant access": {
      "Type": "Task",
      "Resource": "arn:aws:states:::aws-sdk:eks:createAccessEntry",
      "Parameters": { "ClusterName": "etl", "PrincipalArn": "arn:aws:iam::111122223333:role/etl-workflow" },
      "ResultPath": null,
      "Catch": [{ "ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Delete cluster" }],
      "Next": "Run job"
    },`
    : ''
}
    "Run job": {
      "Type": "Task",
      "Resource": "arn:aws:states:::eks:runJob.sync",
      "Parameters": {
        "ClusterName": "etl",
        "CertificateAuthority.$": "$.eks.Cluster.CertificateAuthority.Data",
        "Endpoint.$": "$.eks.Cluster.Endpoint",
        "Job": {
          "apiVersion": "batch/v1",
          "kind": "Job",
          "metadata": { "name": "etl" },
          "spec": { "backoffLimit": 0, "template": { "spec": { "containers": [{ "name": "etl", "image": "etl:2.0" }], "restartPolicy": "Never" } } }
        }
      },
      "ResultPath": null,
      "Catch": [{ "ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Delete cluster" }],
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

export default defineRule({
  meta: {
    id: 'eks/kubernetes-access',
    description: '`eks:runJob`/`eks:call` on a cluster the workflow created without cluster-admin for its role need an access entry or `aws-auth` step first',
    severity: 'warning',
    fix: 'none',
    messages: {
      noAccess:
        '"{{state}}" calls the Kubernetes API of cluster {{cluster}}, which "{{creator}}" created with AccessConfig.BootstrapClusterCreatorAdminPermissions false, and no access entry or aws-auth step runs before it: {{witness}}. The call fails with EKS.401; grant the workflow\'s role access first (eks:createAccessEntry and eks:associateAccessPolicy)',
    },
    docs: {
      whatItDoes:
        'Follows the workflow\'s paths and reports an `eks:runJob` or `eks:call` on a cluster that this workflow created with `AccessConfig.BootstrapClusterCreatorAdminPermissions: false` when some path reaches it without a step that grants access first: an AWS SDK `eks:createAccessEntry` or `eks:associateAccessPolicy` on the same cluster, or an `eks:call` that writes a ConfigMap in `kube-system` (the `aws-auth` map; it does not count when the cluster was created with `AuthenticationMode: API`, because EKS then ignores the map). Clusters are matched by literal name or by the same path/expression text.\n\n' +
        'An `eks:call` that writes `aws-auth` is itself reported when nothing granted access before it: without cluster-admin, the workflow\'s role cannot write the map either. Only an access entry (an EKS API call, authorized by IAM) can bootstrap access.',
      whyItMatters:
        'Kubernetes authorizes `eks:runJob` and `eks:call`, not IAM. A cluster created through Step Functions normally makes the state machine\'s role its administrator; with `BootstrapClusterCreatorAdminPermissions: false` nobody has access until an access entry or `aws-auth` mapping exists, and every call fails with `EKS.401` (Unauthorized).',
      examples: {
        invalid: [{ title: 'The Job runs on a cluster that gives the workflow no access', code: example(false) }],
        valid: [{ title: 'An access entry for the workflow\'s role first', code: example(true) }],
      },
    },
  },
  check(context) {
    const flow = analyzeEksFlow(context.machine);
    for (const state of context.machine.states) {
      const task = eksTaskOf(state);
      if (task?.spec?.family !== 'kubernetes') continue;
      const cluster = flow.clusterOf(state);
      if (cluster === undefined) continue;
      const fact = flow.factsAt(state).find((candidate) => candidate.family === 'no-admin' && candidate.cluster === cluster);
      if (!fact) continue;
      const witness = flow.witnessTo(state, fact);
      const creator = witness[0]?.node.kind === 'state' ? witness[0].node.state : undefined;
      if (!creator) continue;
      context.report({
        path: readEksField(task, task.spec.identifiers.cluster)?.path ?? task.payloadPath,
        messageId: 'noAccess',
        data: { state: state.name, cluster: describeIdentity(cluster), creator: creator.name, witness: witnessText(witness, flow.graph.nodes) },
        related: witnessRelated(witness, flow.graph.nodes, `${creator.name} creates cluster ${describeIdentity(cluster)} without cluster-admin for the workflow's role`),
      });
    }
  },
});
