import { ruleTester } from '../../../test-support/rule-tester.js';
import rule from '../../src/eks/kubernetes-access.js';
import { call, choice, createCluster, deleteCluster, fieldValue, parallel, runJob, scope, sdk, workflow } from './flow-workflows.js';

const ALL = ['States.ALL'];
const NO_ADMIN = { AccessConfig: { AuthenticationMode: 'API_AND_CONFIG_MAP', BootstrapClusterCreatorAdminPermissions: false } };
const ROLE = 'arn:aws:iam::111122223333:role/etl-workflow';

const jobWithoutAccess = workflow({
  'Create cluster': createCluster('etl', { extra: NO_ADMIN, next: 'Run job' }),
  'Run job': runJob('etl', { next: 'Delete cluster', catch: [[ALL, 'Delete cluster']] }),
  'Delete cluster': deleteCluster('etl'),
});

const accessOnOneBranch = workflow({
  'Create cluster': createCluster('$.name', { extra: NO_ADMIN, next: 'Grant?' }),
  'Grant?': choice([['$.grant', 'Grant access']], 'Run job'),
  'Grant access': sdk('createAccessEntry', { 'ClusterName.$': '$.name', PrincipalArn: ROLE }, { next: 'Run job' }),
  'Run job': runJob('$.name', { next: 'Delete cluster', catch: [[ALL, 'Delete cluster']] }),
  'Delete cluster': deleteCluster('$.name'),
});

const awsAuthFirst = workflow({
  'Create cluster': createCluster('etl', { extra: NO_ADMIN, next: 'Map role' }),
  'Map role': call('etl', 'POST', '/api/v1/namespaces/kube-system/configmaps', { next: 'Run job', catch: [[ALL, 'Delete cluster']] }),
  'Run job': runJob('etl', { next: 'Delete cluster', catch: [[ALL, 'Delete cluster']] }),
  'Delete cluster': deleteCluster('etl'),
});

const inParallel = workflow({
  'Create cluster': createCluster('etl', { extra: NO_ADMIN, next: 'Both' }),
  Both: parallel(
    [
      scope({ 'Grant access': sdk('associateAccessPolicy', { ClusterName: 'etl', PrincipalArn: ROLE, PolicyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy', AccessScope: { Type: 'cluster' } }) }),
      scope({ 'Run job': runJob('etl') }),
    ],
    { next: 'Delete cluster', catch: [[ALL, 'Delete cluster']] },
  ),
  'Delete cluster': deleteCluster('etl'),
});

const awsAuthIgnored = workflow({
  'Create cluster': createCluster('etl', { extra: { AccessConfig: { AuthenticationMode: 'API', BootstrapClusterCreatorAdminPermissions: false } }, next: 'Map role' }),
  'Map role': call('etl', 'POST', '/api/v1/namespaces/kube-system/configmaps', { next: 'Run job', catch: [[ALL, 'Delete cluster']] }),
  'Run job': runJob('etl', { next: 'Delete cluster', catch: [[ALL, 'Delete cluster']] }),
  'Delete cluster': deleteCluster('etl'),
});

ruleTester(rule, {
  valid: [
    {
      name: 'an access entry first',
      code: workflow({
        'Create cluster': createCluster('etl', { extra: NO_ADMIN, next: 'Grant access' }),
        'Grant access': sdk('createAccessEntry', { ClusterName: 'etl', PrincipalArn: ROLE }, { next: 'Run job', catch: [[ALL, 'Delete cluster']] }),
        'Run job': runJob('etl', { next: 'Delete cluster', catch: [[ALL, 'Delete cluster']] }),
        'Delete cluster': deleteCluster('etl'),
      }),
    },
    {
      name: 'cluster-admin by default',
      code: workflow({
        'Create cluster': createCluster('etl', { next: 'Run job' }),
        'Run job': runJob('etl', { next: 'Delete cluster', catch: [[ALL, 'Delete cluster']] }),
        'Delete cluster': deleteCluster('etl'),
      }),
    },
    {
      name: 'a Method of the wrong type is no aws-auth write (and no crash)',
      code: workflow({
        'Create cluster': createCluster('etl', { next: 'Map role' }),
        'Map role': { ...call('etl', 'POST', '/api/v1/namespaces/kube-system/configmaps', { next: 'Delete cluster' }), Parameters: { ClusterName: 'etl', Method: {}, Path: '/api/v1/namespaces/kube-system/configmaps' } },
        'Delete cluster': deleteCluster('etl'),
      }),
    },
    {
      name: 'another cluster',
      code: workflow({ 'Create cluster': createCluster('etl', { extra: NO_ADMIN, next: 'Run job' }), 'Run job': runJob('batch', { next: 'Delete cluster' }), 'Delete cluster': deleteCluster('etl') }),
    },
  ],
  invalid: [
    {
      name: 'a Job on a cluster without cluster-admin',
      code: jobWithoutAccess,
      errors: [
        {
          messageId: 'noAccess',
          message:
            '"Run job" calls the Kubernetes API of cluster "etl", which "Create cluster" created with AccessConfig.BootstrapClusterCreatorAdminPermissions false, and no access entry or aws-auth step runs before it: Create cluster → Run job. The call fails with EKS.401; grant the workflow\'s role access first (eks:createAccessEntry and eks:associateAccessPolicy)',
          ...fieldValue(jobWithoutAccess, 'Run job', 'ClusterName'),
        },
      ],
    },
    {
      name: 'the access entry is only on one Choice branch',
      code: accessOnOneBranch,
      errors: [
        {
          messageId: 'noAccess',
          message:
            '"Run job" calls the Kubernetes API of cluster named by $.name, which "Create cluster" created with AccessConfig.BootstrapClusterCreatorAdminPermissions false, and no access entry or aws-auth step runs before it: Create cluster → Grant? --(Default)→ Run job. The call fails with EKS.401; grant the workflow\'s role access first (eks:createAccessEntry and eks:associateAccessPolicy)',
          ...fieldValue(accessOnOneBranch, 'Run job', 'ClusterName.$'),
        },
      ],
    },
    {
      name: 'the aws-auth write itself needs access; the Job after it is fine',
      code: awsAuthFirst,
      errors: [
        {
          messageId: 'noAccess',
          message:
            '"Map role" calls the Kubernetes API of cluster "etl", which "Create cluster" created with AccessConfig.BootstrapClusterCreatorAdminPermissions false, and no access entry or aws-auth step runs before it: Create cluster → Map role. The call fails with EKS.401; grant the workflow\'s role access first (eks:createAccessEntry and eks:associateAccessPolicy)',
          ...fieldValue(awsAuthFirst, 'Map role', 'ClusterName'),
        },
      ],
    },
    {
      name: 'with AuthenticationMode API, EKS ignores aws-auth',
      code: awsAuthIgnored,
      errors: [
        {
          messageId: 'noAccess',
          message:
            '"Map role" calls the Kubernetes API of cluster "etl", which "Create cluster" created with AccessConfig.BootstrapClusterCreatorAdminPermissions false, and no access entry or aws-auth step runs before it: Create cluster → Map role. The call fails with EKS.401; grant the workflow\'s role access first (eks:createAccessEntry and eks:associateAccessPolicy)',
          ...fieldValue(awsAuthIgnored, 'Map role', 'ClusterName'),
        },
        {
          messageId: 'noAccess',
          message:
            '"Run job" calls the Kubernetes API of cluster "etl", which "Create cluster" created with AccessConfig.BootstrapClusterCreatorAdminPermissions false, and no access entry or aws-auth step runs before it: Create cluster → Map role → Run job. The call fails with EKS.401; grant the workflow\'s role access first (eks:createAccessEntry and eks:associateAccessPolicy)',
          ...fieldValue(awsAuthIgnored, 'Run job', 'ClusterName'),
        },
      ],
    },
    {
      name: 'an access entry in a concurrent branch does not come first',
      code: inParallel,
      errors: [
        {
          messageId: 'noAccess',
          message:
            '"Run job" calls the Kubernetes API of cluster "etl", which "Create cluster" created with AccessConfig.BootstrapClusterCreatorAdminPermissions false, and no access entry or aws-auth step runs before it: Create cluster → Both → Run job. The call fails with EKS.401; grant the workflow\'s role access first (eks:createAccessEntry and eks:associateAccessPolicy)',
          ...fieldValue(inParallel, 'Run job', 'ClusterName'),
        },
      ],
    },
  ],
});
