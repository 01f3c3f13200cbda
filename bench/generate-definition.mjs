// Generates a realistic definition of about `size` states: blocks of an EKS create → run → check → fan-out
// → map → delete chain, with Retry/Catch, a Choice, a Parallel and a Map, cleaned up on every path.

const ROLE = 'arn:aws:iam::123456789012:role/eks-cluster';

export function generateDefinition(size) {
  const blocks = Math.max(1, Math.round(size / 14));
  const states = {};
  for (let k = 0; k < blocks; k++) {
    const next = k + 1 < blocks ? `Create ${k + 1}` : 'Done';
    const cluster = `cluster-${k}`;
    const catchAll = (target) => [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: target }];
    states[`Create ${k}`] = {
      Type: 'Task',
      Resource: 'arn:aws:states:::eks:createCluster.sync',
      Parameters: { Name: cluster, RoleArn: ROLE, ResourcesVpcConfig: { SubnetIds: ['subnet-a', 'subnet-b'] } },
      ResultPath: '$.eks',
      Retry: [{ ErrorEquals: ['States.TaskFailed'], IntervalSeconds: 30, MaxAttempts: 2, BackoffRate: 2 }],
      Catch: catchAll(`Failed ${k}`),
      Next: `Run ${k}`,
    };
    states[`Run ${k}`] = {
      Type: 'Task',
      Resource: 'arn:aws:states:::eks:runJob.sync',
      Parameters: {
        ClusterName: cluster,
        'CertificateAuthority.$': '$.eks.Cluster.CertificateAuthority.Data',
        'Endpoint.$': '$.eks.Cluster.Endpoint',
        Namespace: 'jobs',
        Job: {
          apiVersion: 'batch/v1',
          kind: 'Job',
          metadata: { name: `job-${k}` },
          spec: {
            backoffLimit: 0,
            template: { spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'public.ecr.aws/docker/library/busybox:1.36', command: ['true'] }] } },
          },
        },
      },
      ResultPath: '$.job',
      Catch: catchAll(`Delete ${k} after error`),
      Next: `Check ${k}`,
    };
    states[`Check ${k}`] = {
      Type: 'Choice',
      Choices: [{ Variable: '$.job.status', StringEquals: 'SUCCEEDED', Next: `Fan out ${k}` }],
      Default: `Delete ${k}`,
    };
    const branch = (b) => ({
      StartAt: `Prepare ${k}.${b}`,
      States: {
        [`Prepare ${k}.${b}`]: { Type: 'Pass', Result: { branch: b }, Next: `Report ${k}.${b}` },
        [`Report ${k}.${b}`]: { Type: 'Pass', End: true },
      },
    });
    states[`Fan out ${k}`] = { Type: 'Parallel', Branches: [branch(0), branch(1)], ResultPath: null, Catch: catchAll(`Delete ${k} after error`), Next: `Map ${k}` };
    states[`Map ${k}`] = {
      Type: 'Map',
      ItemsPath: '$.items',
      MaxConcurrency: 5,
      ItemProcessor: {
        StartAt: `Notify ${k}`,
        States: {
          [`Notify ${k}`]: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'notify', 'Payload.$': '$' }, Next: `Mark ${k}` },
          [`Mark ${k}`]: { Type: 'Pass', End: true },
        },
      },
      ResultPath: null,
      Catch: catchAll(`Delete ${k} after error`),
      Next: `Delete ${k}`,
    };
    states[`Delete ${k}`] = { Type: 'Task', Resource: 'arn:aws:states:::eks:deleteCluster.sync', Parameters: { Name: cluster }, ResultPath: null, Next: next };
    states[`Delete ${k} after error`] = { Type: 'Task', Resource: 'arn:aws:states:::eks:deleteCluster.sync', Parameters: { Name: cluster }, ResultPath: null, Next: `Failed ${k}` };
    states[`Failed ${k}`] = { Type: 'Fail', Error: 'JobFailed', Cause: `Block ${k} failed` };
  }
  states.Done = { Type: 'Succeed' };
  return { Comment: `Generated: ${blocks} blocks`, StartAt: 'Create 0', States: states };
}

export function countStates(definition) {
  let count = 0;
  const stack = [definition];
  while (stack.length) {
    const scope = stack.pop();
    for (const state of Object.values(scope.States ?? {})) {
      count++;
      for (const branch of state.Branches ?? []) stack.push(branch);
      if (state.ItemProcessor) stack.push(state.ItemProcessor);
    }
  }
  return count;
}
