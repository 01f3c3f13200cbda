import { ruleTester } from '../../../test-support/rule-tester.js';
import rule from '../../src/eks/run-job-sync.js';
import { CLUSTER, JOB, machine, runJob } from './definitions.js';

const payload = { ...CLUSTER, Job: JOB };

ruleTester(rule, {
  valid: [
    { name: 'runJob.sync', code: machine(runJob(payload)) },
    { name: 'runJob.sync in JSONata', code: machine(runJob(payload, 'arn:aws:states:::eks:runJob.sync', 'Arguments'), { jsonata: true }) },
    { name: 'Express workflows only have request-response', code: machine(runJob(payload, 'arn:aws:states:::eks:runJob')), workflowType: 'EXPRESS' },
    { name: 'eks:call is request-response by design', code: machine({ Resource: 'arn:aws:states:::eks:call', Parameters: {} }) },
    { name: 'a callback is eks/integration-pattern\'s', code: machine(runJob(payload, 'arn:aws:states:::eks:runJob.waitForTaskToken')) },
  ],
  invalid: [
    {
      name: 'runJob without .sync',
      code: machine(runJob(payload, 'arn:aws:states:::eks:runJob')),
      errors: [
        {
          messageId: 'requestResponse',
          message:
            'State "Run" uses eks:runJob without .sync: Step Functions starts the Job and moves on; it neither waits for the Job to finish nor returns its logs. Use "arn:aws:states:::eks:runJob.sync" to wait',
          line: 6,
          column: 19,
          endLine: 6,
          endColumn: 48,
        },
      ],
      output: machine(runJob(payload, 'arn:aws:states:::eks:runJob.sync')),
    },
    {
      name: 'JSONata, in a Parallel branch',
      code: machine(runJob(payload, 'arn:aws:states:::eks:runJob', 'Arguments'), { jsonata: true, placement: 'parallel' }),
      errors: [{ messageId: 'requestResponse', line: 13, column: 27, endLine: 13, endColumn: 56 }],
      output: machine(runJob(payload, 'arn:aws:states:::eks:runJob.sync', 'Arguments'), { jsonata: true, placement: 'parallel' }),
    },
    {
      name: 'in a Map, with a Region and account in the ARN',
      code: machine(runJob(payload, 'arn:aws:states:eu-west-1:123456789012:eks:runJob'), { placement: 'map' }),
      errors: [{ messageId: 'requestResponse', data: { state: 'Run', fixed: 'arn:aws:states:eu-west-1:123456789012:eks:runJob.sync' }, line: 11, column: 25 }],
      output: machine(runJob(payload, 'arn:aws:states:eu-west-1:123456789012:eks:runJob.sync'), { placement: 'map' }),
    },
    {
      name: 'YAML keeps its style',
      code: 'StartAt: Run\nStates:\n  Run:\n    Type: Task\n    Resource: arn:aws:states:::eks:runJob # start the nightly job\n    Parameters: {}\n    End: true\n',
      errors: [{ messageId: 'requestResponse', line: 5, column: 15, endLine: 5, endColumn: 42 }],
      output: 'StartAt: Run\nStates:\n  Run:\n    Type: Task\n    Resource: arn:aws:states:::eks:runJob.sync # start the nightly job\n    Parameters: {}\n    End: true\n',
    },
  ],
});
