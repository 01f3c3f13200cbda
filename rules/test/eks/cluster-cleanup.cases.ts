/** Workflows of every shape the flow analysis handles, shared by the cluster-cleanup tests. */
import {
  call,
  choice,
  createCluster,
  createFargateProfile,
  createNodegroup,
  deleteCluster,
  deleteFargateProfile,
  deleteNodegroup,
  fail,
  lambda,
  map,
  parallel,
  pass,
  runJob,
  scope,
  sdk,
  succeed,
  wait,
  workflow,
} from './flow-workflows.js';

const ALL = ['States.ALL'];

export const leaking = {
  normalEnd: workflow({
    'Create cluster': createCluster('etl', { next: 'Run job' }),
    'Run job': runJob('etl', { next: 'Done', catch: [[ALL, 'Delete cluster']] }),
    Done: succeed(),
    'Delete cluster': deleteCluster('etl'),
  }),
  uncaught: workflow({
    'Create cluster': createCluster('etl', { next: 'Run job' }),
    'Run job': runJob('etl', { next: 'Delete cluster', retry: true }),
    'Delete cluster': deleteCluster('etl'),
  }),
  choiceDefault: workflow({
    'Create cluster': createCluster('etl', { next: 'Run job' }),
    'Run job': runJob('etl', { next: 'Check', catch: [[ALL, 'Delete cluster']] }),
    Check: choice([['$.ok', 'Delete cluster']], 'Report'),
    Report: pass({ next: 'Done' }),
    Done: succeed(),
    'Delete cluster': deleteCluster('etl'),
  }),
  choiceWithoutDefault: workflow({
    'Create cluster': createCluster('etl', { next: 'Check' }),
    Check: choice([['$.ok', 'Delete cluster']]),
    'Delete cluster': deleteCluster('etl'),
  }),
  failState: workflow({
    'Create cluster': createCluster('etl', { next: 'Run job' }),
    'Run job': runJob('etl', { next: 'Delete cluster', catch: [[ALL, 'Job failed']] }),
    'Job failed': fail('Job.Failed'),
    'Delete cluster': deleteCluster('etl'),
  }),
  partialCatch: workflow({
    'Create cluster': createCluster('etl', { next: 'Run job' }),
    'Run job': runJob('etl', { next: 'Delete cluster', catch: [[['EKS.401'], 'Delete cluster']] }),
    'Delete cluster': deleteCluster('etl'),
  }),
  taskFailedLeavesTimeout: workflow({
    'Create cluster': createCluster('etl', { next: 'Run job' }),
    'Run job': runJob('etl', { next: 'Delete cluster', catch: [[['States.TaskFailed'], 'Delete cluster']] }),
    'Delete cluster': deleteCluster('etl'),
  }),
  wrongName: workflow({
    'Create cluster': createCluster('etl', { next: 'Run job' }),
    'Run job': runJob('etl', { next: 'Delete cluster', catch: [[ALL, 'Delete cluster']] }),
    'Delete cluster': deleteCluster('etl-old'),
  }),
  unknownNameDelete: workflow({
    'Create cluster': createCluster('etl', { next: 'Run job' }),
    'Run job': runJob('etl', { next: 'Delete cluster', catch: [[ALL, 'Delete cluster']] }),
    'Delete cluster': deleteCluster('$.clusterName'),
  }),
  loop: workflow({
    'Create cluster': createCluster('$.name', { next: 'Wait' }),
    Wait: wait(60, { next: 'Poll' }),
    Poll: call('$.name', 'GET', '/apis/batch/v1/namespaces/default/jobs/report', { next: 'Done?', catch: [[ALL, 'Delete cluster']] }),
    'Done?': choice([['$.done', 'Finish']], 'Wait'),
    Finish: succeed(),
    'Delete cluster': deleteCluster('$.name'),
  }),
  nodegroupLeft: workflow({
    'Create cluster': createCluster('etl', { next: 'Create nodes' }),
    'Create nodes': createNodegroup('etl', 'workers', { next: 'Run job', catch: [[ALL, 'Delete cluster']] }),
    'Run job': runJob('etl', { next: 'Delete nodes', catch: [[ALL, 'Delete nodes']] }),
    'Delete nodes': deleteNodegroup('etl', 'spare', { next: 'Delete cluster' }),
    'Delete cluster': deleteCluster('etl'),
  }),
  parallelBranchCreates: workflow({
    'Fan out': parallel(
      [
        scope({ 'Create cluster': createCluster('a', { next: 'Run job' }), 'Run job': runJob('a') }),
        scope({ Notify: lambda() }),
      ],
      { next: 'Done', catch: [[ALL, 'Delete cluster']] },
    ),
    Done: succeed(),
    'Delete cluster': deleteCluster('a'),
  }),
  parallelSiblingFails: workflow({
    'Fan out': parallel([
      scope({
        'Create cluster': createCluster('a', { next: 'Run job' }),
        'Run job': runJob('a', { next: 'Delete cluster', catch: [[ALL, 'Cleanup']] }),
        Cleanup: deleteCluster('a', { next: 'Failed' }),
        Failed: fail('Job.Failed'),
        'Delete cluster': deleteCluster('a'),
      }),
      scope({ Notify: lambda() }),
    ]),
  }),
  mapIteration: workflow({
    'Per item': map(
      scope({
        'Create cluster': createCluster('$.name', { next: 'Run job' }),
        'Run job': runJob('$.name', { next: 'Delete cluster' }),
        'Delete cluster': deleteCluster('$.name'),
      }),
      { next: 'Done' },
    ),
    Done: succeed(),
  }),
  mapOtherIterationFails: workflow({
    'Per item': map(
      scope({
        'Create cluster': createCluster('$.name', { next: 'Run job' }),
        'Run job': runJob('$.name', { next: 'Delete cluster', catch: [[ALL, 'Cleanup']] }),
        Cleanup: deleteCluster('$.name', { next: 'Failed' }),
        Failed: fail('Job.Failed'),
        'Delete cluster': deleteCluster('$.name'),
      }),
    ),
  }),
  mapTolerated: workflow({
    'Per item': map(
      scope({
        'Create cluster': createCluster('$.name', { next: 'Run job' }),
        'Run job': runJob('$.name', { next: 'Delete cluster' }),
        'Delete cluster': deleteCluster('$.name'),
      }),
      { next: 'Done', catch: [[ALL, 'Done']], extra: { MaxConcurrency: 1, ToleratedFailurePercentage: 10 } },
    ),
    Done: succeed(),
  }),
  fargate: workflow({
    'Create cluster': createCluster('etl', { next: 'Create profile' }),
    'Create profile': createFargateProfile('etl', 'jobs', { next: 'Run job', catch: [[ALL, 'Delete cluster']] }),
    'Run job': runJob('etl', { next: 'Delete cluster', catch: [[ALL, 'Delete cluster']] }),
    'Delete cluster': deleteCluster('etl'),
  }),
  sdkCreate: workflow({
    'Create cluster': sdk('createCluster', { Name: 'etl', RoleArn: 'arn:aws:iam::111122223333:role/eks-cluster', ResourcesVpcConfig: { SubnetIds: ['subnet-0aacf887d9f00e6a7'] } }, { next: 'Notify' }),
    Notify: pass(),
  }),
};

export const clean = {
  normal: workflow({
    'Create cluster': createCluster('etl', { next: 'Run job' }),
    'Run job': runJob('etl', { next: 'Delete cluster', catch: [[ALL, 'Delete cluster']] }),
    'Delete cluster': deleteCluster('etl'),
  }),
  failAfterCleanup: workflow({
    'Create cluster': createCluster('etl', { next: 'Run job' }),
    'Run job': runJob('etl', { next: 'Delete cluster', catch: [[ALL, 'Cleanup']] }),
    Cleanup: deleteCluster('etl', { next: 'Failed' }),
    Failed: fail('Job.Failed'),
    'Delete cluster': deleteCluster('etl'),
  }),
  choiceBothWays: workflow({
    'Create cluster': createCluster('etl', { next: 'Run job' }),
    'Run job': runJob('etl', { next: 'Check', catch: [[ALL, 'Delete cluster']] }),
    Check: choice([['$.ok', 'Delete cluster']], 'Report'),
    Report: pass({ next: 'Delete cluster' }),
    'Delete cluster': deleteCluster('etl'),
  }),
  partialThenAll: workflow({
    'Create cluster': createCluster('etl', { next: 'Run job' }),
    'Run job': runJob('etl', {
      next: 'Delete cluster',
      catch: [
        [['EKS.401'], 'Delete cluster'],
        [['States.Timeout'], 'Delete cluster'],
        [ALL, 'Delete cluster'],
      ],
    }),
    'Delete cluster': deleteCluster('etl'),
  }),
  dynamicNames: workflow({
    'Create cluster': createCluster('$.name', { next: 'Create nodes' }),
    'Create nodes': createNodegroup('$.name', '$.pool', { next: 'Run job', catch: [[ALL, 'Delete cluster']] }),
    'Run job': runJob('$.name', { next: 'Delete nodes', catch: [[ALL, 'Delete nodes']] }),
    'Delete nodes': deleteNodegroup('$.name', '$.pool', { next: 'Delete cluster' }),
    'Delete cluster': deleteCluster('$.name'),
  }),
  fargate: workflow({
    'Create cluster': createCluster('etl', { next: 'Create profile' }),
    'Create profile': createFargateProfile('etl', 'jobs', { next: 'Run job', catch: [[ALL, 'Delete cluster']] }),
    'Run job': runJob('etl', { next: 'Delete profile', catch: [[ALL, 'Delete profile']] }),
    'Delete profile': deleteFargateProfile('etl', 'jobs', { next: 'Delete cluster' }),
    'Delete cluster': deleteCluster('etl'),
  }),
  loopWithCleanup: workflow({
    'Create cluster': createCluster('$.name', { next: 'Wait' }),
    Wait: wait(60, { next: 'Poll' }),
    Poll: call('$.name', 'GET', '/apis/batch/v1/namespaces/default/jobs/report', { next: 'Done?', catch: [[ALL, 'Delete cluster']] }),
    'Done?': choice([['$.done', 'Delete cluster']], 'Wait'),
    'Delete cluster': deleteCluster('$.name'),
  }),
  recreateInLoop: workflow({
    'Create cluster': createCluster('etl', { next: 'Run job' }),
    'Run job': runJob('etl', { next: 'Delete cluster', catch: [[ALL, 'Delete cluster']] }),
    'Delete cluster': deleteCluster('etl', { next: 'Again?' }),
    'Again?': choice([['$.again', 'Create cluster']], 'Done'),
    Done: succeed(),
  }),
  createdInBranchDeletedAfter: workflow({
    'Fan out': parallel([scope({ 'Create cluster': createCluster('a') }), scope({ 'Create other': createCluster('b') })], {
      next: 'Run job',
      catch: [[ALL, 'Delete a']],
    }),
    'Run job': runJob('a', { next: 'Delete a', catch: [[ALL, 'Delete a']] }),
    'Delete a': deleteCluster('a', { next: 'Delete b' }),
    'Delete b': deleteCluster('b'),
  }),
  createdOutsideDeletedInBranch: workflow({
    'Create cluster': createCluster('etl', { next: 'Finish' }),
    Finish: parallel([scope({ 'Delete cluster': deleteCluster('etl') }), scope({ Notify: lambda() })], { catch: [[ALL, 'Cleanup']] }),
    Cleanup: deleteCluster('etl'),
  }),
  mapPerItem: workflow({
    'Per item': map(
      scope({
        'Create cluster': createCluster('$.name', { next: 'Run job', catch: [[ALL, 'Skipped']] }),
        Skipped: pass(),
        'Run job': runJob('$.name', { next: 'Delete cluster', catch: [[ALL, 'Delete cluster']] }),
        'Delete cluster': deleteCluster('$.name'),
      }),
      { next: 'Done' },
    ),
    Done: succeed(),
  }),
  sharedClusterForMap: workflow({
    'Create cluster': createCluster('etl', { next: 'Per item' }),
    'Per item': map(scope({ 'Run job': runJob('etl') }), { next: 'Delete cluster', catch: [[ALL, 'Delete cluster']] }),
    'Delete cluster': deleteCluster('etl'),
  }),
  sdkCreateOptimizedDelete: workflow({
    'Create cluster': sdk('createCluster', { Name: 'etl', RoleArn: 'arn:aws:iam::111122223333:role/eks-cluster', ResourcesVpcConfig: { SubnetIds: ['subnet-0aacf887d9f00e6a7'] } }, { next: 'Delete cluster' }),
    'Delete cluster': deleteCluster('etl'),
  }),
  mapCreatesDeletedAfter: workflow({
    'Per item': map(scope({ 'Create cluster': createCluster('etl', { next: 'Run job' }), 'Run job': runJob('etl', { catch: [[ALL, 'Cleanup']] }), Cleanup: deleteCluster('etl') }), {
      next: 'Delete cluster',
      catch: [[ALL, 'Delete cluster']],
      extra: { MaxConcurrency: 1 },
    }),
    'Delete cluster': deleteCluster('etl'),
  }),
  mapDeletesCreatedBefore: workflow({
    'Create cluster': createCluster('etl', { next: 'Per item' }),
    'Per item': map(scope({ 'Delete cluster': deleteCluster('etl') }), { next: 'Done', catch: [[ALL, 'Cleanup']] }),
    Done: succeed(),
    Cleanup: deleteCluster('etl'),
  }),
  unreachableCreate: workflow({
    Start: pass(),
    'Create cluster': createCluster('etl'),
  }),
};
