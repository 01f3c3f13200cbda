import { describe, expect, it } from 'vitest';
import { lintText, resolveRules } from '@asl-lint/core';
import { ruleTester } from '../../../test-support/rule-tester.js';
import rule from '../../src/eks/wait-for-active.js';
import {
  call,
  choice,
  createCluster,
  createFargateProfile,
  createNodegroup,
  deleteCluster,
  deleteFargateProfile,
  deleteNodegroup,
  fieldValue,
  runJob,
  sdk,
  wait,
  workflow,
} from './flow-workflows.js';

const ALL = ['States.ALL'];

const nodesRightAway = workflow({
  'Create cluster': createCluster('etl', { sync: false, next: 'Create nodes' }),
  'Create nodes': createNodegroup('etl', 'workers', { next: 'Delete nodes', catch: [[ALL, 'Delete cluster']] }),
  'Delete nodes': deleteNodegroup('etl', 'workers', { next: 'Delete cluster' }),
  'Delete cluster': deleteCluster('etl'),
});
const nodesRightAwayFixed = nodesRightAway.replace('"arn:aws:states:::eks:createCluster"', '"arn:aws:states:::eks:createCluster.sync"');

const waitOnOneBranch = workflow({
  'Create cluster': createCluster('$.name', { sync: false, next: 'Patient?' }),
  'Patient?': choice([['$.patient', 'Wait']], 'Read pods'),
  Wait: wait(900, { next: 'Read pods' }),
  'Read pods': call('$.name', 'GET', '/api/v1/namespaces/default/pods', { next: 'Delete cluster', catch: [[ALL, 'Delete cluster']] }),
  'Delete cluster': deleteCluster('$.name'),
});

const jobBeforeNodes = workflow({
  'Create cluster': createCluster('etl', { next: 'Create nodes' }),
  'Create nodes': createNodegroup('etl', 'workers', { sync: false, next: 'Run job', catch: [[ALL, 'Delete cluster']] }),
  'Run job': runJob('etl', { next: 'Delete nodes', catch: [[ALL, 'Delete nodes']] }),
  'Delete nodes': deleteNodegroup('etl', 'workers', { next: 'Delete cluster' }),
  'Delete cluster': deleteCluster('etl'),
});

ruleTester(rule, {
  valid: [
    { name: 'createCluster.sync waits for ACTIVE', code: nodesRightAwayFixed },
    {
      name: 'a polling loop with DescribeCluster',
      code: workflow({
        'Create cluster': createCluster('etl', { sync: false, next: 'Describe' }),
        Describe: sdk('describeCluster', { Name: 'etl' }, { next: 'Active?' }),
        'Active?': choice([['$.active', 'Create nodes']], 'Pause'),
        Pause: wait(60, { next: 'Describe' }),
        'Create nodes': createNodegroup('etl', 'workers', { next: 'Delete nodes', catch: [[ALL, 'Delete cluster']] }),
        'Delete nodes': deleteNodegroup('etl', 'workers', { next: 'Delete cluster' }),
        'Delete cluster': deleteCluster('etl'),
      }),
    },
    { name: 'another cluster', code: workflow({ 'Create cluster': createCluster('etl', { sync: false, next: 'Run job' }), 'Run job': runJob('batch') }) },
    {
      name: 'a Fargate profile may run the Job: not certain',
      code: workflow({
        'Create cluster': createCluster('etl', { next: 'Create profile' }),
        'Create profile': createFargateProfile('etl', 'jobs', { next: 'Create nodes', catch: [[ALL, 'Delete cluster']] }),
        'Create nodes': createNodegroup('etl', 'workers', { sync: false, next: 'Run job', catch: [[ALL, 'Delete profile']] }),
        'Run job': runJob('etl', { next: 'Delete nodes', catch: [[ALL, 'Delete nodes']] }),
        'Delete nodes': deleteNodegroup('etl', 'workers', { next: 'Delete profile' }),
        'Delete profile': deleteFargateProfile('etl', 'jobs', { next: 'Delete cluster' }),
        'Delete cluster': deleteCluster('etl'),
      }),
    },
    {
      name: 'a node group on a cluster the workflow did not create: other nodes may exist',
      code: workflow({ 'Create nodes': createNodegroup('shared', 'extra', { sync: false, next: 'Run job' }), 'Run job': runJob('shared') }),
    },
    {
      name: 'EKS Auto Mode brings its own nodes',
      code: workflow({
        'Create cluster': createCluster('etl', { extra: { ComputeConfig: { Enabled: true } }, next: 'Create nodes' }),
        'Create nodes': createNodegroup('etl', 'workers', { sync: false, next: 'Run job' }),
        'Run job': runJob('etl'),
      }),
    },
  ],
  invalid: [
    {
      name: 'a node group right after a request-response createCluster',
      code: nodesRightAway,
      errors: [
        {
          messageId: 'clusterNotActive',
          message:
            '"Create nodes" uses cluster "etl", which "Create cluster" created without .sync and nothing waited for: Create cluster → Create nodes. The cluster is still CREATING and the call fails; use eks:createCluster.sync or poll DescribeCluster until ACTIVE',
          ...fieldValue(nodesRightAway, 'Create nodes', 'ClusterName'),
        },
      ],
    },
    {
      name: 'the impatient Choice branch skips the Wait',
      code: waitOnOneBranch,
      errors: [
        {
          messageId: 'clusterNotActive',
          message:
            '"Read pods" uses cluster named by $.name, which "Create cluster" created without .sync and nothing waited for: Create cluster → Patient? --(Default)→ Read pods. The cluster is still CREATING and the call fails; use eks:createCluster.sync or poll DescribeCluster until ACTIVE',
          ...fieldValue(waitOnOneBranch, 'Read pods', 'ClusterName.$'),
        },
      ],
    },
    {
      name: 'a Job right after a request-response createNodegroup',
      code: jobBeforeNodes,
      errors: [
        {
          messageId: 'noNodesYet',
          message:
            '"Run job" runs a Job on cluster "etl" whose only nodes come from node group "workers", created without .sync by "Create nodes" and not waited for: Create nodes → Run job. The node group has no nodes yet, so the Job\'s pods stay Pending; use eks:createNodegroup.sync or poll DescribeNodegroup until ACTIVE',
          ...fieldValue(jobBeforeNodes, 'Run job', 'ClusterName'),
        },
      ],
    },
  ],
});

describe('eks/wait-for-active suggestions', () => {
  const suggestionsOf = (code: string) =>
    lintText(code, { filePath: 'test.asl.json', rules: resolveRules([rule], []) }).diagnostics.map((d) => (d.suggestions ?? []).map((fix) => [fix.message, fix.edits.map((edit) => edit.text)]));

  it('offers .sync on the optimized createCluster', () => {
    expect(suggestionsOf(nodesRightAway)).toEqual([[['Use arn:aws:states:::eks:createCluster.sync in "Create cluster"', ['"arn:aws:states:::eks:createCluster.sync"']]]]);
  });

  it('offers nothing for the AWS SDK integration, which has no .sync', () => {
    const code = workflow({
      'Create cluster': sdk('createCluster', { Name: 'etl', RoleArn: 'arn:aws:iam::111122223333:role/eks-cluster', ResourcesVpcConfig: { SubnetIds: ['subnet-0aacf887d9f00e6a7'] } }, { next: 'Create nodes' }),
      'Create nodes': createNodegroup('etl', 'workers', { next: 'Delete nodes', catch: [[ALL, 'Delete cluster']] }),
      'Delete nodes': deleteNodegroup('etl', 'workers', { next: 'Delete cluster' }),
      'Delete cluster': deleteCluster('etl'),
    });
    expect(suggestionsOf(code)).toEqual([[]]);
  });
});
