import { analyzeEksFlow, defineRule, describeFact, witnessRelated, witnessText, type EksFlow, type FlowExit, type RelatedReport, type State, type WitnessStep } from '@asl-lint/core';

interface Options {
  readonly failedSyncCreateMayLeaveResource: boolean;
}

const ROLE_ARN = 'arn:aws:iam::111122223333:role/eks-cluster';
const NODE_ROLE_ARN = 'arn:aws:iam::111122223333:role/eks-nodes';

const createCluster = `    "Create cluster": {
      "Type": "Task",
      "Resource": "arn:aws:states:::eks:createCluster.sync",
      "Parameters": {
        "Name": "nightly",
        "RoleArn": "${ROLE_ARN}",
        "ResourcesVpcConfig": { "SubnetIds": ["subnet-0aacf887d9f00e6a7", "subnet-0e5fc41e7507194ab"] }
      },
      "ResultPath": "$.eks",
      "Next": "Create nodes"
    },
    "Create nodes": {
      "Type": "Task",
      "Resource": "arn:aws:states:::eks:createNodegroup.sync",
      "Parameters": {
        "ClusterName": "nightly",
        "NodegroupName": "workers",
        "NodeRole": "${NODE_ROLE_ARN}",
        "Subnets": ["subnet-0aacf887d9f00e6a7", "subnet-0e5fc41e7507194ab"]
      },
      "ResultPath": null,
      "Next": "Run job"
    },`;
const runJob = (catchers: string) => `    "Run job": {
      "Type": "Task",
      "Resource": "arn:aws:states:::eks:runJob.sync",
      "Parameters": {
        "ClusterName": "nightly",
        "CertificateAuthority.$": "$.eks.Cluster.CertificateAuthority.Data",
        "Endpoint.$": "$.eks.Cluster.Endpoint",
        "Job": {
          "apiVersion": "batch/v1",
          "kind": "Job",
          "metadata": { "name": "report" },
          "spec": { "backoffLimit": 0, "template": { "spec": { "containers": [{ "name": "report", "image": "report:1.4" }], "restartPolicy": "Never" } } }
        }
      },
      "ResultPath": null,${catchers}
      "Next": "Delete nodes"
    },
    "Delete nodes": {
      "Type": "Task",
      "Resource": "arn:aws:states:::eks:deleteNodegroup.sync",
      "Parameters": { "ClusterName": "nightly", "NodegroupName": "workers" },
      "ResultPath": null,
      "Next": "Delete cluster"
    },
    "Delete cluster": {
      "Type": "Task",
      "Resource": "arn:aws:states:::eks:deleteCluster.sync",
      "Parameters": { "Name": "nightly" },
      "End": true
    }`;
const wrap = (body: string) => `{\n  "StartAt": "Create cluster",\n  "States": {\n${body}\n  }\n}\n`;
const createNodesCaught = createCluster.replace(
  '"ResultPath": null,\n      "Next": "Run job"',
  '"ResultPath": null,\n      "Catch": [{ "ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Delete cluster" }],\n      "Next": "Run job"',
);

export default defineRule<Options>({
  meta: {
    id: 'eks/cluster-cleanup',
    description: 'Every EKS cluster, node group and Fargate profile the workflow creates must be deleted on every way the execution can end',
    severity: 'error',
    fix: 'none',
    options: {
      schema: {
        type: 'object',
        properties: { failedSyncCreateMayLeaveResource: { type: 'boolean' } },
        additionalProperties: false,
      },
      defaults: { failedSyncCreateMayLeaveResource: false },
    },
    messages: {
      leak: '{{resource}} created by "{{creator}}" is left running when {{exit}}: {{witness}}.{{more}} Fix: {{fix}}',
    },
    docs: {
      whatItDoes:
        'Follows every path of the workflow — normal ends, Fail states, and every failure of a state that no Catch handles, inside Parallel branches and Map iterations too — and reports each cluster, node group or Fargate profile created by an `eks:create*` state that some path leaves without its `eks:delete*`. The message shows one such path (the witness) from the creation to the exit; the related locations list its states and every other exit that leaks the same resource.\n\n' +
        'What it assumes:\n\n' +
        '- Creates and deletes are the `eks:create*`/`eks:delete*` integrations and the AWS SDK integration of the same EKS APIs (`aws-sdk:eks:createCluster`…). A cleanup done by another state machine or a Lambda function is invisible to the rule.\n' +
          '- Resources are matched by name: a literal name, or for a dynamic name the same path or expression text (`$.cluster` matches `$.cluster` only). A delete of another or an unknown name does not count.\n' +
        '- Any Task can fail (`States.TaskFailed`, `States.Timeout`); a Retry does not change that, because retries run out. A Catch handles the errors it names: a catcher for `EKS.401` leaves every other error uncaught. Pass and Wait states are assumed not to fail, and `States.Runtime`/`States.DataLimitExceeded` (which no Catch handles) are not followed. A Choice without `Default` can fail with `States.NoChoiceMatched`.\n' +
        '- A failing Parallel branch or Map iteration fails the state and Step Functions stops the other branches or iterations, so a resource another branch created may be left behind. A Map is assumed to run at least one iteration.\n' +
        '- **A create that fails created nothing.** EKS rejects a bad request before creating anything. A `.sync` create can also fail after EKS accepted it (the cluster ends `FAILED`, or the task times out while it is `CREATING`), and Step Functions then makes a best-effort cancel; set `failedSyncCreateMayLeaveResource` to count such a failure as a creation.\n' +
        '- Deletes are assumed to succeed (give them a Retry): the failure of a cleanup step is not reported.\n' +
        '- Stopping the execution, or the state machine\'s own `TimeoutSeconds`, ends it without running any state: nothing in a definition can clean up after that.',
      whyItMatters:
        'Step Functions never deletes what a workflow created. When a Job fails and the failure is not caught, the execution ends with the cluster, its node groups and Fargate profiles still running and billing until someone notices. AWS\'s own sample workflow has this problem: if the Job fails, the cluster stays. A workflow whose purpose is to provision a long-lived cluster is the exception: suppress the finding on its create state.',
      examples: {
        invalid: [{ title: 'A failing Job leaves the cluster and its node group running', code: wrap(`${createCluster}\n${runJob('')}`) }],
        valid: [
          {
            title: 'Every failure leads to the cleanup chain',
            code: wrap(
              `${createNodesCaught}\n${runJob('\n      "Catch": [{ "ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Delete nodes" }],')}`,
            ),
          },
        ],
      },
      options: '`failedSyncCreateMayLeaveResource` (default `false`): treat a failing `.sync` create as having created its resource, so that its Catch must lead to a delete too.',
    },
  },
  check(context) {
    const flow = analyzeEksFlow(context.machine, { failedSyncCreateMayLeaveResource: context.options.failedSyncCreateMayLeaveResource });
    for (const leak of flow.leaks()) {
      const resource = describeFact(leak.fact);
      const exits = distinctExits(flow, leak.exits);
      const first = describeExit(flow, exits[0]!);
      const related: RelatedReport[] = witnessRelated(leak.witness, flow.graph.nodes, `${leak.creator.name} creates ${resource}`);
      for (const exit of exits.slice(1)) {
        const described = describeExit(flow, exit);
        related.push({ path: described.path, at: 'key', message: `${capitalize(resource)} is also left running when ${described.exit}` });
      }
      const others = exits.length - 1;
      context.report({
        path: leak.creator.path,
        at: 'key',
        messageId: 'leak',
        data: {
          resource: capitalize(resource),
          creator: leak.creator.name,
          exit: first.exit,
          witness: witnessText(leak.witness, flow.graph.nodes),
          more: others > 0 ? ` It is also left running at ${others} other exit${others === 1 ? '' : 's'} (see related locations).` : '',
          fix: scopedFix(flow, leak.creator, leak.witness) ?? first.fix,
        },
        related,
      });
    }
  },
});

/** One exit per state it leaves from: a state that can fail several ways is one place to fix. */
function distinctExits(flow: EksFlow, exits: readonly FlowExit[]): FlowExit[] {
  const seen = new Set<unknown>();
  return exits.filter((exit) => {
    const node = flow.graph.nodes[exit.link.from]!;
    const key = node.kind === 'state' ? node.state : node.kind === 'raise' || node.kind === 'join' ? node.owner : node;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function describeExit(flow: EksFlow, exit: FlowExit): { exit: string; fix: string; path: readonly (string | number)[] } {
  const from = flow.graph.nodes[exit.link.from]!;
  const state = from.kind === 'state' ? from.state : from.kind === 'raise' || from.kind === 'join' ? from.owner : undefined;
  const name = state?.name ?? '';
  const path = state?.path ?? [];
  const label = exit.link.edge.label;
  if (label.kind === 'fail-state') return { exit: `Fail state "${name}" ends the execution`, fix: `delete it on the way to "${name}"`, path };
  if (label.kind === 'uncaught') {
    if (label.noDefault) return { exit: `Choice "${name}" matches no rule and has no Default`, fix: `give "${name}" a Default that leads to the cleanup`, path };
    const handled = label.hasCatch ? 'and none of its catchers matches' : 'and no Catch handles it';
    return { exit: `"${name}" fails with ${label.error} ${handled}`, fix: catchFix(name), path };
  }
  return { exit: `the execution succeeds after "${name}"`, fix: 'delete it before the workflow ends', path };
}

function catchFix(name: string): string {
  return `add a Catch with "States.ALL" to "${name}" that leads to a cleanup chain deleting it`;
}

/**
 * Where the fix goes when the witness leaves the creator's scope through a failure: the first state of that scope
 * that lets the error escape (a cleanup outside a Map iteration cannot name a per-item cluster), or the Map whose
 * other iterations a failing one stops.
 */
function scopedFix(flow: EksFlow, creator: State, witness: readonly WitnessStep[]): string | undefined {
  for (const step of witness) {
    const edge = step.edge;
    if (!edge) continue;
    if (edge.label.kind === 'concurrent' && step.node.kind === 'state') {
      const hub = flow.graph.nodes[edge.to];
      if (hub?.kind === 'hub' && hub.owner.type === 'Map') {
        return `catch every failure inside the iterations of "${hub.owner.name}" and clean up there, so that no iteration fails and stops the others (or set MaxConcurrency to 1)`;
      }
      continue;
    }
    if (edge.label.kind !== 'uncaught' || edge.label.noDefault) continue;
    const node = step.node;
    const at = node.kind === 'state' ? node.state : node.kind === 'raise' ? node.owner : undefined;
    if (at && at.scope === creator.scope && creator.scope.owner) return catchFix(at.name);
    return undefined;
  }
  return undefined;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
