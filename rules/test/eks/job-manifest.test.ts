import { describe, expect, it } from 'vitest';
import { lintText, resolveRules } from '@asl-lint/core';
import { ruleTester } from '../../../test-support/rule-tester.js';
import rule from '../../src/eks/job-manifest.js';
import { CLUSTER, JOB, machine, runJob } from './definitions.js';

const withJob = (job: unknown, extra: Record<string, unknown> = {}) => ({ ...CLUSTER, Job: job, ...extra });
const podSpec = (spec: Record<string, unknown>) => ({ ...JOB, spec: { backoffLimit: 0, template: { spec } } });
const container = { name: 'report', image: 'report:1.4' };

ruleTester(rule, {
  valid: [
    { name: 'the AWS example Job', code: machine(runJob(withJob(JOB))) },
    { name: 'OnFailure and generateName', code: machine(runJob(withJob({ ...podSpec({ containers: [container], restartPolicy: 'OnFailure' }), metadata: { generateName: 'report-' } }))) },
    { name: 'the Job as a JSON string', code: machine(runJob(withJob(JSON.stringify(JOB)))) },
    { name: 'the whole Job by path', code: machine(runJob({ ...CLUSTER, 'Job.$': '$.job' })) },
    {
      name: 'parts of the Job by path',
      code: machine(runJob(withJob({ ...JOB, metadata: { 'name.$': '$.jobName' }, spec: { 'backoffLimit.$': '$.retries', template: { spec: { 'containers.$': '$.containers', restartPolicy: 'Never' } } } }))),
    },
    {
      name: 'parts of the Job by JSONata expression, in a Map',
      code: machine(
        runJob(withJob({ ...JOB, metadata: { name: '{% $name %}' }, spec: { backoffLimit: 0, template: { spec: { containers: '{% $containers %}', restartPolicy: 'Never' } } } }), 'arn:aws:states:::eks:runJob.sync', 'Arguments'),
        { jsonata: true, placement: 'map' },
      ),
    },
    { name: 'a long TTL', code: machine(runJob(withJob({ ...JOB, spec: { ...JOB.spec, ttlSecondsAfterFinished: 600 } }))) },
    { name: 'a short TTL without .sync: nothing polls the Job', code: machine(runJob(withJob({ ...JOB, spec: { ...JOB.spec, ttlSecondsAfterFinished: 0 } }), 'arn:aws:states:::eks:runJob')) },
    { name: 'a string that is not JSON text is not judged (its format is undocumented)', code: machine(runJob(withJob('apiVersion: batch/v1'))) },
    { name: 'eks:call bodies are not Jobs', code: machine({ Resource: 'arn:aws:states:::eks:call', Parameters: { ...CLUSTER, Method: 'POST', Path: '/api/v1/namespaces/default/configmaps', RequestBody: { kind: 'ConfigMap' } } }) },
  ],
  invalid: [
    {
      name: 'no restartPolicy',
      code: machine(runJob(withJob(podSpec({ containers: [container] })))),
      errors: [
        {
          messageId: 'restartPolicyMissing',
          message: 'State "Run": the Job\'s pod template sets no restartPolicy, so Kubernetes takes "Always", which a Job cannot have and the API server rejects; set "Never" or "OnFailure"',
          line: 20,
          column: 15,
          endLine: 20,
          endColumn: 21,
        },
      ],
    },
    {
      name: 'restartPolicy Always',
      code: machine(runJob(withJob(podSpec({ containers: [container], restartPolicy: 'Always' })))),
      errors: [
        {
          messageId: 'restartPolicyAlways',
          message: 'State "Run": the Job\'s pods use restartPolicy "Always", but a Job completes only when its pods end, so Kubernetes rejects it; use "Never" (retry with new pods up to backoffLimit) or "OnFailure" (restart in place)',
          line: 27,
          column: 34,
          endLine: 27,
          endColumn: 42,
        },
      ],
    },
    {
      name: 'a restartPolicy that does not exist',
      code: machine(runJob(withJob(podSpec({ containers: [container], restartPolicy: 'Sometimes' })))),
      errors: [{ messageId: 'restartPolicyInvalid', message: 'State "Run": restartPolicy "Sometimes" is not a policy a Job accepts; use "Never" or "OnFailure"', line: 27, column: 34, endLine: 27, endColumn: 45 }],
    },
    {
      name: 'not a batch/v1 Job, JSONata',
      code: machine(runJob(withJob({ ...JOB, apiVersion: 'batch/v1beta1', kind: 'CronJob' }), 'arn:aws:states:::eks:runJob.sync', 'Arguments'), { jsonata: true }),
      errors: [
        { messageId: 'apiVersion', message: 'State "Run": the Job has apiVersion "batch/v1beta1"; eks:runJob runs only "batch/v1" Jobs (use eks:call for other objects)', line: 13, column: 25, endLine: 13, endColumn: 40 },
        { messageId: 'kind', message: 'State "Run": the Job has kind "CronJob"; eks:runJob runs only kind "Job" (use eks:call for other objects)', line: 14, column: 19, endLine: 14, endColumn: 28 },
      ],
    },
    {
      name: 'no name, containers without name or image, in a Parallel branch',
      code: machine(runJob(withJob({ ...podSpec({ containers: [{ name: 'report' }, { image: 'sidecar:1' }], restartPolicy: 'Never' }), metadata: { labels: { team: 'data' } } })), { placement: 'parallel' }),
      errors: [
        { messageId: 'missing', message: 'State "Run": the Job is missing metadata.name; name the Job in metadata.name (or set metadata.generateName)', line: 20, column: 19, endLine: 20, endColumn: 29 },
        { messageId: 'container', message: 'State "Run": container 0 of the Job has no "image"; every container needs a name and an image', line: 30, column: 27, endLine: 32, endColumn: 28 },
        { messageId: 'container', data: { state: 'Run', index: 1, field: 'name' }, line: 33, column: 27, endLine: 35, endColumn: 28 },
      ],
    },
    {
      name: 'a Job given as a JSON string reports on the string, in a Map',
      code: machine(runJob(withJob(JSON.stringify({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'r' }, spec: { template: { spec: { containers: [{ name: 'r', image: 'r:1' }], restartPolicy: 'Always' } } } }))), { placement: 'map' }),
      errors: [
        { messageId: 'restartPolicyAlways', line: 16, column: 22, endLine: 16, endColumn: 218 },
        { messageId: 'backoffLimit', line: 16, column: 22, endLine: 16, endColumn: 218 },
      ],
    },
    {
      name: 'a Job string that is not JSON',
      code: machine(runJob(withJob('{apiVersion: batch/v1}'))),
      errors: [{ messageId: 'notJson', message: 'State "Run": the Job string is not valid JSON; give the Job as an object or as JSON text', line: 11, column: 16, endLine: 11, endColumn: 40 }],
    },
    {
      name: 'no backoffLimit and a TTL shorter than the polls',
      code: machine(runJob(withJob({ ...JOB, spec: { ttlSecondsAfterFinished: 30, template: JOB.spec.template } }))),
      errors: [
        { messageId: 'backoffLimit', message: 'State "Run": the Job sets no spec.backoffLimit, so Kubernetes retries failed pods up to 6 times before the Job fails; set it explicitly (AWS examples use 0)', line: 17, column: 11, endLine: 17, endColumn: 17 },
        {
          messageId: 'shortTtl',
          message: 'State "Run": spec.ttlSecondsAfterFinished is 30, so Kubernetes may delete the finished Job before eks:runJob.sync sees it (it polls about every 60 seconds at first, slowing to every 300); use at least 300',
          line: 18,
          column: 40,
          endLine: 18,
          endColumn: 42,
        },
      ],
    },
    {
      name: 'no spec',
      code: machine(runJob(withJob({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'r' } }))),
      errors: [{ messageId: 'missing', message: 'State "Run": the Job is missing spec.template; add the pod template that runs the Job\'s containers', line: 11, column: 9, endLine: 11, endColumn: 14 }],
    },
    {
      name: 'an empty container list',
      code: machine(runJob(withJob(podSpec({ containers: [], restartPolicy: 'Never' })))),
      errors: [{ messageId: 'missing', data: { state: 'Run', field: 'spec.template.spec.containers', advice: 'add at least one container with a name and an image' }, line: 21, column: 17, endLine: 21, endColumn: 29 }],
    },
    {
      name: 'no apiVersion, containers not a list',
      code: machine(runJob(withJob({ kind: 'Job', metadata: { generateName: 'r-' }, spec: { backoffLimit: 0, template: { spec: { containers: 'report', restartPolicy: 'OnFailure' } } } }))),
      errors: [
        { messageId: 'missing', data: { state: 'Run', field: 'apiVersion', advice: 'set it to "batch/v1"' }, line: 11, column: 9, endLine: 11, endColumn: 14 },
        { messageId: 'notArray', message: 'State "Run": spec.template.spec.containers of the Job must be a list', line: 20, column: 31, endLine: 20, endColumn: 39 },
      ],
    },
    {
      name: 'names Kubernetes rejects, and a long one',
      code: machine(runJob(withJob({ ...podSpec({ containers: [{ name: 'Report_Main', image: 'report:1.4' }], restartPolicy: 'Never' }), metadata: { name: 'Nightly_Report' } }))),
      errors: [
        {
          messageId: 'badName',
          message: 'State "Run": the Job name "Nightly_Report" is not a valid Kubernetes name; use lowercase letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters',
          line: 15,
          column: 21,
          endLine: 15,
          endColumn: 37,
        },
        {
          messageId: 'badContainerName',
          message: 'State "Run": container name "Report_Main" is not a valid Kubernetes name; use at most 63 lowercase letters, digits and "-", starting and ending with a letter or digit',
          line: 23,
          column: 29,
          endLine: 23,
          endColumn: 42,
        },
      ],
    },
    {
      name: 'a name over 63 characters',
      code: machine(runJob(withJob({ ...JOB, metadata: { name: `report-${'x'.repeat(60)}` } }))),
      errors: [{ messageId: 'longName', data: { state: 'Run', value: JSON.stringify(`report-${'x'.repeat(60)}`), length: 67 }, line: 15, column: 21 }],
    },
  ],
});

describe('eks/job-manifest severities', () => {
  it('reports advice (backoffLimit, TTL) as warnings and defects as errors', () => {
    const code = machine(runJob(withJob({ ...JOB, spec: { ttlSecondsAfterFinished: 30, template: { spec: { containers: [container] } } } })));
    const result = lintText(code, { filePath: 'job.asl.json', rules: resolveRules([rule], []) });
    expect(result.diagnostics.map((d) => [d.messageId, d.severity])).toEqual([
      ['backoffLimit', 'warning'],
      ['shortTtl', 'warning'],
      ['restartPolicyMissing', 'error'],
    ]);
  });
});
