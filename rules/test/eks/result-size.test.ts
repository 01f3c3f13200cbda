import { ruleTester } from '../../../test-support/rule-tester.js';
import rule from '../../src/eks/result-size.js';
import { CLUSTER, JOB, machine, runJob } from './definitions.js';

const withLogs = (logOptions: unknown) => ({ ...CLUSTER, LogOptions: logOptions, Job: JOB });
const call = (method: string, path: string, extra: Record<string, unknown> = {}) => ({ Resource: 'arn:aws:states:::eks:call', Parameters: { ...CLUSTER, Method: method, Path: path, ...extra } });

ruleTester(rule, {
  valid: [
    { name: 'tailLines', code: machine(runJob(withLogs({ RetrieveLogs: true, LogParameters: { tailLines: ['100'] } }))) },
    { name: 'limitBytes at the quota', code: machine(runJob(withLogs({ RetrieveLogs: true, LogParameters: { limitBytes: ['262144'] } }))) },
    { name: 'a bound by path', code: machine(runJob(withLogs({ RetrieveLogs: true, LogParameters: { 'tailLines.$': '$.lines' } }))) },
    { name: 'LogParameters by path', code: machine(runJob(withLogs({ RetrieveLogs: true, 'LogParameters.$': '$.logs' }))) },
    { name: 'logs not retrieved', code: machine(runJob(withLogs({ RetrieveLogs: false }))) },
    { name: 'a selector', code: machine(call('GET', '/api/v1/namespaces/default/pods', { QueryParameters: { labelSelector: ['job-name=report'] } })) },
    { name: 'a limit, JSONata, in a Map', code: machine({ Resource: 'arn:aws:states:::eks:call', Arguments: { ...CLUSTER, Method: 'GET', Path: '/apis/batch/v1/namespaces/default/jobs', QueryParameters: { limit: ['20'] } } }, { jsonata: true, placement: 'map' }) },
    { name: 'one object', code: machine(call('GET', '/apis/batch/v1/namespaces/default/jobs/report')) },
    { name: 'one namespace', code: machine(call('GET', '/api/v1/namespaces/default')) },
    { name: 'a POST to a collection', code: machine(call('POST', '/api/v1/namespaces/kube-system/configmaps', { RequestBody: { kind: 'ConfigMap' } })) },
    { name: 'a DELETE of a collection', code: machine(call('DELETE', '/apis/batch/v1/namespaces/default/jobs')) },
    { name: 'a path by expression', code: machine({ Resource: 'arn:aws:states:::eks:call', Arguments: { ...CLUSTER, Method: 'GET', Path: '{% $path %}' } }, { jsonata: true }) },
    { name: 'query parameters by path', code: machine(call('GET', '/api/v1/namespaces/default/pods', { 'QueryParameters.$': '$.query' })) },
    { name: 'a bounded pod log', code: machine(call('GET', '/api/v1/namespaces/default/pods/web-0/log', { QueryParameters: { tailLines: ['50'] } })) },
    { name: 'a pod log limited to the quota', code: machine(call('GET', '/api/v1/namespaces/default/pods/web-0/log', { QueryParameters: { limitBytes: ['262144'] } })) },
    { name: 'a path that is not a Kubernetes API path', code: machine(call('GET', '/healthz')) },
  ],
  invalid: [
    {
      name: 'logs without a bound',
      code: machine(runJob(withLogs({ RetrieveLogs: true }))),
      errors: [
        {
          messageId: 'unboundedLogs',
          message:
            'State "Run" retrieves the Job\'s logs without "tailLines" or "limitBytes": a chatty Job can return more than the 256 KiB a task result may hold, and the state then fails with States.DataLimitExceeded, which States.ALL does not catch; add "LogParameters": {"tailLines": ["100"]}',
          line: 12,
          column: 27,
          endLine: 12,
          endColumn: 31,
        },
      ],
    },
    {
      name: 'limitBytes above the quota',
      code: machine(runJob(withLogs({ RetrieveLogs: true, LogParameters: { limitBytes: ['1000000'] } }))),
      errors: [
        {
          messageId: 'limitTooLarge',
          message: 'State "Run": limitBytes 1000000 is above the 256 KiB (262144 bytes) task result quota; use a smaller limit',
          line: 15,
          column: 15,
          endLine: 15,
          endColumn: 24,
        },
      ],
    },
    {
      name: 'every pod of a namespace',
      code: machine(call('GET', '/api/v1/namespaces/default/pods')),
      errors: [
        {
          messageId: 'unboundedList',
          message:
            'State "Run": GET /api/v1/namespaces/default/pods lists every pod without "limit" or a selector; the response can exceed the 256 KiB task result quota — add QueryParameters "limit" (e.g. ["50"]), "labelSelector" or "fieldSelector"',
          line: 12,
          column: 17,
          endLine: 12,
          endColumn: 50,
        },
      ],
    },
    {
      name: 'every Job of the cluster, JSONata',
      code: machine({ Resource: 'arn:aws:states:::eks:call', Arguments: { ...CLUSTER, Method: 'GET', Path: '/apis/batch/v1/jobs' } }, { jsonata: true }),
      errors: [{ messageId: 'unboundedList', data: { state: 'Run', path: '/apis/batch/v1/jobs', resource: 'job' }, line: 13, column: 17, endLine: 13, endColumn: 38 }],
    },
    {
      name: 'a whole pod log, in a Map',
      code: machine(call('GET', '/api/v1/namespaces/default/pods/web-0/log'), { placement: 'map' }),
      errors: [
        {
          messageId: 'unboundedPodLog',
          message: 'State "Run": GET /api/v1/namespaces/default/pods/web-0/log reads a whole pod log; add QueryParameters "tailLines" or "limitBytes" to stay under the 256 KiB task result quota',
          line: 17,
          column: 23,
          endLine: 17,
          endColumn: 66,
        },
      ],
    },
    {
      name: 'log parameters that do not bound the size, in a Parallel branch',
      code: machine(runJob(withLogs({ RetrieveLogs: true, LogParameters: { container: ['main'] } })), { placement: 'parallel' }),
      errors: [{ messageId: 'unboundedLogs', line: 18, column: 35, endLine: 18, endColumn: 39 }],
    },
  ],
});
