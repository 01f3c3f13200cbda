import { ruleTester } from '../../../test-support/rule-tester.js';
import rule from '../../src/eks/delete-order.js';
import {
  choice,
  createCluster,
  createFargateProfile,
  createNodegroup,
  deleteCluster,
  deleteFargateProfile,
  deleteNodegroup,
  fieldValue,
  lambda,
  parallel,
  runJob,
  scope,
  workflow,
} from './flow-workflows.js';

const ALL = ['States.ALL'];

const inOrder = workflow({
  'Create cluster': createCluster('etl', { next: 'Create nodes' }),
  'Create nodes': createNodegroup('etl', 'workers', { next: 'Run job', catch: [[ALL, 'Delete cluster']] }),
  'Run job': runJob('etl', { next: 'Delete nodes', catch: [[ALL, 'Delete nodes']] }),
  'Delete nodes': deleteNodegroup('etl', 'workers', { next: 'Delete cluster' }),
  'Delete cluster': deleteCluster('etl'),
});

const catchSkipsNodegroup = workflow({
  'Create cluster': createCluster('etl', { next: 'Create nodes' }),
  'Create nodes': createNodegroup('etl', 'workers', { next: 'Run job', catch: [[ALL, 'Delete cluster']] }),
  'Run job': runJob('etl', { next: 'Delete nodes', catch: [[ALL, 'Delete cluster']] }),
  'Delete nodes': deleteNodegroup('etl', 'workers', { next: 'Delete cluster' }),
  'Delete cluster': deleteCluster('etl'),
});

const profileOnOneBranch = workflow({
  'Create cluster': createCluster('$.name', { next: 'Need Fargate?' }),
  'Need Fargate?': choice([['$.fargate', 'Create profile']], 'Delete cluster'),
  'Create profile': createFargateProfile('$.name', 'jobs', { next: 'Delete cluster', catch: [[ALL, 'Delete cluster']] }),
  'Delete cluster': deleteCluster('$.name'),
});

const deletedInParallel = workflow({
  'Create cluster': createCluster('etl', { next: 'Create nodes' }),
  'Create nodes': createNodegroup('etl', 'workers', { next: 'Cleanup', catch: [[ALL, 'Delete cluster']] }),
  Cleanup: parallel([scope({ 'Delete nodes': deleteNodegroup('etl', 'workers') }), scope({ Notify: lambda() })], { next: 'Delete cluster', catch: [[ALL, 'Delete cluster']] }),
  'Delete cluster': deleteCluster('etl'),
});

ruleTester(rule, {
  valid: [
    { name: 'node group first, then the cluster', code: inOrder },
    {
      name: 'Fargate profile first, then the cluster',
      code: workflow({
        'Create cluster': createCluster('etl', { next: 'Create profile' }),
        'Create profile': createFargateProfile('etl', 'jobs', { next: 'Delete profile', catch: [[ALL, 'Delete cluster']] }),
        'Delete profile': deleteFargateProfile('etl', 'jobs', { next: 'Delete cluster' }),
        'Delete cluster': deleteCluster('etl'),
      }),
    },
    { name: 'a node group of another cluster', code: workflow({ 'Create nodes': createNodegroup('other', 'workers', { next: 'Delete cluster' }), 'Delete cluster': deleteCluster('etl') }) },
    { name: 'a node group not created by the workflow', code: workflow({ 'Delete cluster': deleteCluster('etl') }) },
  ],
  invalid: [
    {
      name: 'a Catch that goes straight to deleteCluster',
      code: catchSkipsNodegroup,
      errors: [
        {
          messageId: 'childAlive',
          message:
            '"Delete cluster" deletes cluster "etl" while node group "workers" created by "Create nodes" may still exist: Create nodes → Run job --(States.TaskFailed, Catch[0])→ Delete cluster. EKS refuses to delete a cluster that still has node groups or Fargate profiles; delete them first',
          ...fieldValue(catchSkipsNodegroup, 'Delete cluster', 'Name'),
        },
      ],
    },
    {
      name: 'a Fargate profile on one Choice branch, dynamic names',
      code: profileOnOneBranch,
      errors: [
        {
          messageId: 'childAlive',
          message:
            '"Delete cluster" deletes cluster named by $.name while Fargate profile "jobs" created by "Create profile" may still exist: Create profile → Delete cluster. EKS refuses to delete a cluster that still has node groups or Fargate profiles; delete them first',
          ...fieldValue(profileOnOneBranch, 'Delete cluster', 'Name.$'),
        },
      ],
    },
    {
      name: 'the Parallel that deletes the node group can fail in its other branch',
      code: deletedInParallel,
      errors: [
        {
          messageId: 'childAlive',
          message:
            '"Delete cluster" deletes cluster "etl" while node group "workers" created by "Create nodes" may still exist: Create nodes → Cleanup → Notify --(States.TaskFailed, no Catch)→ Cleanup fails --(States.TaskFailed, Catch[0])→ Delete cluster. EKS refuses to delete a cluster that still has node groups or Fargate profiles; delete them first',
          ...fieldValue(deletedInParallel, 'Delete cluster', 'Name'),
        },
      ],
    },
  ],
});
