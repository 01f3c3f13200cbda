import { ruleTester } from '../../../test-support/rule-tester.js';
import rule from '../../src/eks/unknown-api.js';
import { CLUSTER, machine } from './definitions.js';

const nodegroup = { ClusterName: 'batch', NodegroupName: 'workers' };

ruleTester(rule, {
  valid: [
    ...['runJob', 'runJob.sync', 'call', 'createCluster', 'createCluster.sync', 'deleteCluster.sync', 'createNodegroup', 'deleteNodegroup.sync', 'createFargateProfile', 'deleteFargateProfile.sync'].map((api) => ({
      name: `eks:${api}`,
      code: machine({ Resource: `arn:aws:states:::eks:${api}`, Parameters: {} }),
    })),
    { name: 'the AWS SDK integration is another service', code: machine({ Resource: 'arn:aws:states:::aws-sdk:eks:describeCluster', Parameters: { Name: 'batch' } }) },
    { name: 'other services', code: machine({ Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'f' } }) },
    { name: 'an API from a template placeholder', code: machine({ Resource: 'arn:aws:states:::eks:${Api}', Parameters: {} }) },
    { name: 'an API with a templated tail', code: machine({ Resource: 'arn:aws:states:::eks:runJob${Suffix}', Parameters: {} }) },
    { name: 'a partition placeholder', code: machine({ Resource: 'arn:${AWS::Partition}:states:::eks:deleteNodegroup', Parameters: nodegroup }) },
  ],
  invalid: [
    {
      name: 'createNodeGroup with a capital G',
      code: machine({ Resource: 'arn:aws:states:::eks:createNodeGroup.sync', Parameters: nodegroup }),
      errors: [
        {
          messageId: 'unknownApi',
          message: 'State "Run": "eks:createNodeGroup" is not an Amazon EKS integration; did you mean "eks:createNodegroup"?',
          line: 6,
          column: 19,
          endLine: 6,
          endColumn: 62,
        },
      ],
    },
    {
      name: 'runjob in lower case, JSONata',
      code: machine({ Resource: 'arn:aws:states:::eks:runjob.sync', Arguments: CLUSTER }, { jsonata: true }),
      errors: [{ messageId: 'unknownApi', data: { state: 'Run', api: 'runjob', hint: '; did you mean "eks:runJob"?' }, line: 7, column: 19, endLine: 7, endColumn: 53 }],
    },
    {
      name: 'a truncated name inside a Parallel branch',
      code: machine({ Resource: 'arn:aws:states:::eks:createFargateProfil', Parameters: {} }, { placement: 'parallel' }),
      errors: [{ messageId: 'unknownApi', data: { state: 'Run', api: 'createFargateProfil', hint: '; did you mean "eks:createFargateProfile"?' }, line: 12, column: 27, endLine: 12, endColumn: 69 }],
    },
    {
      name: 'no API at all, inside a Map',
      code: machine({ Resource: 'arn:aws:states:::eks:', Parameters: {} }, { placement: 'map' }),
      errors: [
        {
          messageId: 'unknownApi',
          message: 'State "Run": "eks:" is not an Amazon EKS integration; use one of runJob, call, createCluster, deleteCluster, createNodegroup, deleteNodegroup, createFargateProfile, deleteFargateProfile',
          line: 11,
          column: 25,
          endLine: 11,
          endColumn: 48,
        },
      ],
    },
    {
      name: 'nothing close: no suggestion',
      code: machine({ Resource: 'arn:aws-cn:states:cn-north-1::eks:describeAddonVersions', Parameters: {} }),
      errors: [{ messageId: 'unknownApi', data: { state: 'Run', api: 'describeAddonVersions', hint: '; use one of runJob, call, createCluster, deleteCluster, createNodegroup, deleteNodegroup, createFargateProfile, deleteFargateProfile' }, line: 6, column: 19 }],
    },
  ],
});
