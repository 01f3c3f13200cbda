import { ruleTester } from '../../../test-support/rule-tester.js';
import rule from '../../src/eks/integration-pattern.js';
import { CLUSTER, machine } from './definitions.js';

const call = { ...CLUSTER, Method: 'GET', Path: '/apis/batch/v1/namespaces/default/jobs/report' };

ruleTester(rule, {
  valid: [
    ...['runJob', 'runJob.sync', 'call', 'createCluster.sync', 'deleteCluster', 'createNodegroup.sync', 'deleteNodegroup', 'createFargateProfile.sync', 'deleteFargateProfile'].map((api) => ({
      name: `eks:${api}`,
      code: machine({ Resource: `arn:aws:states:::eks:${api}`, Parameters: {} }),
    })),
    { name: 'an unknown API is eks/unknown-api\'s', code: machine({ Resource: 'arn:aws:states:::eks:runjob.waitForTaskToken', Parameters: {} }) },
    { name: 'a suffix from a template placeholder', code: machine({ Resource: 'arn:aws:states:::eks:runJob.${Pattern}', Parameters: {} }) },
    { name: 'callbacks of other services', code: machine({ Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', Parameters: {} }) },
  ],
  invalid: [
    {
      name: 'runJob with a task token',
      code: machine({ Resource: 'arn:aws:states:::eks:runJob.waitForTaskToken', Parameters: CLUSTER }),
      errors: [
        {
          messageId: 'callback',
          message:
            'State "Run": eks:runJob does not support the callback pattern (.waitForTaskToken); use "arn:aws:states:::eks:runJob.sync" to wait for it to finish, or "arn:aws:states:::eks:runJob" to start it and move on',
          line: 6,
          column: 19,
          endLine: 6,
          endColumn: 65,
        },
      ],
    },
    {
      name: 'eks:call.sync in JSONata',
      code: machine({ Resource: 'arn:aws:states:::eks:call.sync', Arguments: call }, { jsonata: true }),
      errors: [
        {
          messageId: 'noSync',
          message:
            'State "Run": eks:call has no ".sync" pattern: it returns as soon as the Kubernetes API answers; remove ".sync" (to wait for an object, poll it with eks:call in a Wait/Choice loop)',
          line: 7,
          column: 19,
          endLine: 7,
          endColumn: 51,
        },
      ],
    },
    {
      name: 'eks:call with a task token, in a Parallel branch',
      code: machine({ Resource: 'arn:aws:states:::eks:call.waitForTaskToken', Parameters: call }, { placement: 'parallel' }),
      errors: [
        {
          messageId: 'callback',
          data: { state: 'Run', api: 'call', instead: 'use "arn:aws:states:::eks:call"; to wait for an object, poll it with eks:call in a Wait/Choice loop' },
          line: 12,
          column: 27,
          endLine: 12,
          endColumn: 71,
        },
      ],
    },
    {
      name: '.sync:2 is a Step Functions pattern, not an EKS one (in a Map)',
      code: machine({ Resource: 'arn:aws:states:::eks:createCluster.sync:2', Parameters: {} }, { placement: 'map' }),
      errors: [
        {
          messageId: 'unknownSuffix',
          message: 'State "Run": ".sync:2" is not an integration pattern of eks:createCluster; use "arn:aws:states:::eks:createCluster" or "arn:aws:states:::eks:createCluster.sync"',
          line: 11,
          column: 25,
          endLine: 11,
          endColumn: 68,
        },
      ],
    },
    {
      name: 'a misspelled suffix keeps the written partition and Region',
      code: machine({ Resource: 'arn:aws-us-gov:states:us-gov-west-1::eks:deleteNodegroup.synch', Parameters: {} }),
      errors: [
        {
          messageId: 'unknownSuffix',
          data: { state: 'Run', api: 'deleteNodegroup', suffix: 'synch', options: '"arn:aws-us-gov:states:us-gov-west-1::eks:deleteNodegroup" or "arn:aws-us-gov:states:us-gov-west-1::eks:deleteNodegroup.sync"' },
          line: 6,
          column: 19,
        },
      ],
    },
    {
      name: 'eks:call with an unknown suffix',
      code: machine({ Resource: 'arn:aws:states:::eks:call.async', Parameters: call }),
      errors: [{ messageId: 'unknownSuffix', data: { state: 'Run', api: 'call', suffix: 'async', options: '"arn:aws:states:::eks:call"' }, line: 6, column: 19 }],
    },
  ],
});
