/** The path part of eks/public-endpoint: calls to a cluster this workflow created with a private endpoint. */
import { ruleTester } from '../../../test-support/rule-tester.js';
import rule from '../../src/eks/public-endpoint.js';
import { call, choice, createCluster, deleteCluster, fieldValue, map, runJob, scope, sdk, workflow } from './flow-workflows.js';

const ALL = ['States.ALL'];
const PRIVATE = { EndpointPublicAccess: false, EndpointPrivateAccess: true };

const jobOnPrivate = workflow({
  'Create cluster': createCluster('etl', { vpc: PRIVATE, next: 'Run job' }),
  'Run job': runJob('etl', { next: 'Delete cluster', catch: [[ALL, 'Delete cluster']] }),
  'Delete cluster': deleteCluster('etl'),
});

const privateOnOneBranch = workflow({
  'Private?': choice([['$.private', 'Create private']], 'Create public'),
  'Create private': createCluster('$.name', { vpc: PRIVATE, next: 'Read pods' }),
  'Create public': createCluster('$.name', { next: 'Read pods' }),
  'Read pods': call('$.name', 'GET', '/api/v1/namespaces/default/pods', { next: 'Delete cluster', catch: [[ALL, 'Delete cluster']] }),
  'Delete cluster': deleteCluster('$.name'),
});

const endpointFromResult = workflow({
  'Create cluster': createCluster('$.name', { vpc: PRIVATE, next: 'Run job' }),
  'Run job': runJob('$.clusterName', { next: 'Delete cluster', catch: [[ALL, 'Delete cluster']] }),
  'Delete cluster': deleteCluster('$.name'),
});

ruleTester(rule, {
  valid: [
    {
      name: 'public access on (the default)',
      code: workflow({
        'Create cluster': createCluster('etl', { vpc: { EndpointPublicAccess: true, EndpointPrivateAccess: true }, next: 'Run job' }),
        'Run job': runJob('etl', { next: 'Delete cluster', catch: [[ALL, 'Delete cluster']] }),
        'Delete cluster': deleteCluster('etl'),
      }),
    },
    {
      name: 'an updateClusterConfig may turn public access on',
      code: workflow({
        'Create cluster': createCluster('etl', { vpc: PRIVATE, next: 'Open endpoint' }),
        'Open endpoint': sdk('updateClusterConfig', { Name: 'etl', ResourcesVpcConfig: { EndpointPublicAccess: true } }, { next: 'Run job' }),
        'Run job': runJob('etl', { next: 'Delete cluster', catch: [[ALL, 'Delete cluster']] }),
        'Delete cluster': deleteCluster('etl'),
      }),
    },
    {
      name: 'another cluster',
      code: workflow({
        'Create cluster': { ...createCluster('etl', { vpc: PRIVATE, next: 'Run job' }), ResultPath: null },
        'Run job': runJob('batch', { next: 'Delete cluster' }),
        'Delete cluster': deleteCluster('etl'),
      }),
    },
    {
      name: 'the result was overwritten before the Endpoint is read',
      code: workflow({
        'Create cluster': createCluster('$.name', { vpc: PRIVATE, next: 'Describe other' }),
        'Describe other': { ...sdk('describeCluster', { Name: 'public-cluster' }), ResultPath: '$.eks', Next: 'Run job' },
        'Run job': runJob('$.clusterName', { next: 'Delete cluster', catch: [[ALL, 'Delete cluster']] }),
        'Delete cluster': deleteCluster('$.name'),
      }),
    },
    {
      name: 'inside a Map iteration, $.eks is the item\'s',
      code: workflow({
        'Create cluster': createCluster('$.name', { vpc: PRIVATE, next: 'Per item' }),
        'Per item': map(scope({ 'Run job': runJob('$.clusterName') }), { next: 'Delete cluster', catch: [[ALL, 'Delete cluster']] }),
        'Delete cluster': deleteCluster('$.name'),
      }),
    },
  ],
  invalid: [
    {
      name: 'the Endpoint read from the private create\'s result',
      code: endpointFromResult,
      errors: [
        {
          messageId: 'privateEndpointResult',
          message:
            'State "Run job" calls the Endpoint at $.eks.Cluster.Endpoint, the result of "Create cluster", which creates a cluster with ResourcesVpcConfig.EndpointPublicAccess false: Create cluster → Run job. Step Functions reaches only clusters with a public endpoint; enable public access (restrict it with PublicAccessCidrs if needed)',
          ...fieldValue(endpointFromResult, 'Run job', 'Endpoint.$'),
        },
      ],
    },
    {
      name: 'a Job on a cluster created with a private endpoint',
      code: jobOnPrivate,
      errors: [
        {
          messageId: 'privateCluster',
          message:
            'State "Run job" calls cluster "etl", which "Create cluster" created with ResourcesVpcConfig.EndpointPublicAccess false: Create cluster → Run job. Step Functions reaches only clusters with a public endpoint; enable public access (restrict it with PublicAccessCidrs if needed)',
          ...fieldValue(jobOnPrivate, 'Run job', 'ClusterName'),
        },
      ],
    },
    {
      name: 'private on one Choice branch',
      code: privateOnOneBranch,
      errors: [
        {
          messageId: 'privateCluster',
          message:
            'State "Read pods" calls cluster named by $.name, which "Create private" created with ResourcesVpcConfig.EndpointPublicAccess false: Create private → Read pods. Step Functions reaches only clusters with a public endpoint; enable public access (restrict it with PublicAccessCidrs if needed)',
          ...fieldValue(privateOnOneBranch, 'Read pods', 'ClusterName.$'),
        },
      ],
    },
  ],
});
