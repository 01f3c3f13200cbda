import { ruleTester } from '../../../test-support/rule-tester.js';
import rule from '../../src/eks/log-options.js';
import { CLUSTER, JOB, machine, runJob } from './definitions.js';

const withLogs = (logOptions: unknown) => ({ ...CLUSTER, LogOptions: logOptions, Job: JOB });

ruleTester(rule, {
  valid: [
    { name: 'the documented form', code: machine(runJob(withLogs({ RetrieveLogs: true, RawLogs: false, LogParameters: { tailLines: ['100'], limitBytes: ['65536'], container: ['main'] } }))) },
    { name: 'a value by path', code: machine(runJob(withLogs({ RetrieveLogs: true, LogParameters: { 'tailLines.$': 'States.Array($.lines)' } }))) },
    { name: 'all parameters by path', code: machine(runJob(withLogs({ RetrieveLogs: true, 'LogParameters.$': '$.logParameters' }))) },
    {
      name: 'JSONata expressions, in a Map',
      code: machine(runJob(withLogs({ RetrieveLogs: true, LogParameters: { tailLines: ['{% $string($lines) %}'], limitBytes: '{% [$string($bytes)] %}' } }), 'arn:aws:states:::eks:runJob.sync', 'Arguments'), { jsonata: true, placement: 'map' }),
    },
    { name: 'LogOptions by expression', code: machine(runJob(withLogs('{% $logOptions %}'), 'arn:aws:states:::eks:runJob.sync', 'Arguments'), { jsonata: true }) },
    { name: 'well-formed values', code: machine(runJob(withLogs({ RetrieveLogs: true, LogParameters: { tailLines: ['10'], timestamps: ['false'], sinceTime: ['2024-05-01T00:00:00.5+02:00'], stream: ['Stderr'], previous: ['true'] } }))) },
    { name: 'request-response without LogOptions', code: machine(runJob({ ...CLUSTER, Job: JOB }, 'arn:aws:states:::eks:runJob')) },
  ],
  invalid: [
    {
      name: 'LogOptions on request-response runJob',
      code: machine(runJob(withLogs({ RetrieveLogs: true }), 'arn:aws:states:::eks:runJob')),
      errors: [
        {
          messageId: 'ignored',
          message: 'State "Run": LogOptions are ignored because eks:runJob without .sync never fetches logs; use "arn:aws:states:::eks:runJob.sync" or remove LogOptions',
          line: 11,
          column: 9,
          endLine: 11,
          endColumn: 21,
        },
      ],
    },
    {
      name: 'a number instead of a list of strings',
      code: machine(runJob(withLogs({ RetrieveLogs: true, LogParameters: { tailLines: 100 } }))),
      errors: [{ messageId: 'notList', message: 'State "Run": log parameter "tailLines" must be a list of strings, e.g. "tailLines": ["100"]', line: 14, column: 26, endLine: 14, endColumn: 29 }],
    },
    {
      name: 'LogParameters as a list',
      code: machine(runJob(withLogs({ RetrieveLogs: true, LogParameters: ['tailLines=10'] }))),
      errors: [
        {
          messageId: 'notMap',
          message: 'State "Run": LogParameters must be an object mapping Kubernetes log parameters to lists of strings, e.g. {"tailLines": ["100"]}',
          line: 13,
          column: 28,
          endLine: 15,
          endColumn: 12,
        },
      ],
    },
    {
      name: 'a misspelled name, in a Parallel branch',
      code: machine(runJob(withLogs({ RetrieveLogs: true, LogParameters: { tailLine: ['10'] } })), { placement: 'parallel' }),
      errors: [{ messageId: 'unknownName', message: 'State "Run": "tailLine" is not a Kubernetes log parameter; did you mean "tailLines"?', line: 20, column: 21, endLine: 20, endColumn: 31 }],
    },
    {
      name: 'JSONata: a literal number, in a Map',
      code: machine(runJob(withLogs({ RetrieveLogs: true, LogParameters: { tailLines: ['{% $string($n) %}'], limitBytes: 1024 } }), 'arn:aws:states:::eks:runJob.sync', 'Arguments'), { jsonata: true, placement: 'map' }),
      errors: [{ messageId: 'notList', data: { state: 'Run', name: 'limitBytes', example: '"1024"' }, line: 23, column: 33, endLine: 23, endColumn: 37 }],
    },
    {
      name: 'a name with nothing close',
      code: machine(runJob(withLogs({ RetrieveLogs: true, LogParameters: { tailLines: ['10'], lines: ['10'] } }))),
      errors: [
        {
          messageId: 'unknownName',
          message: 'State "Run": "lines" is not a Kubernetes log parameter; use one of container, follow, previous, sinceSeconds, sinceTime, timestamps, tailLines, limitBytes, insecureSkipTLSVerifyBackend, stream, pretty',
          line: 17,
          column: 13,
          endLine: 17,
          endColumn: 20,
        },
      ],
    },
    {
      name: 'values Kubernetes cannot parse',
      code: machine(runJob(withLogs({ RetrieveLogs: true, LogParameters: { tailLines: ['ten'], timestamps: ['yes'], sinceTime: ['yesterday'], stream: ['stdout'] } }))),
      errors: [
        { messageId: 'badValue', message: 'State "Run": log parameter "tailLines" must hold a whole number such as "100", not "ten"; Kubernetes rejects the log request', line: 15, column: 15, endLine: 15, endColumn: 20 },
        { messageId: 'badValue', data: { state: 'Run', name: 'timestamps', expected: '"true" or "false"', value: '"yes"' }, line: 18, column: 15 },
        { messageId: 'badValue', data: { state: 'Run', name: 'sinceTime', expected: 'an RFC 3339 time such as "2024-05-01T00:00:00Z"', value: '"yesterday"' }, line: 21, column: 15 },
        { messageId: 'badValue', data: { state: 'Run', name: 'stream', expected: '"All", "Stdout" or "Stderr"', value: '"stdout"' }, line: 24, column: 15 },
      ],
    },
    {
      name: 'parameters that exclude each other, and ones that do harm, in a Parallel branch',
      code: machine(runJob(withLogs({ RetrieveLogs: true, LogParameters: { tailLines: ['10'], sinceTime: ['2024-05-01T00:00:00Z'], 'sinceSeconds.$': '$.since', follow: ['true'], insecureSkipTLSVerifyBackend: ['true'] } })), { placement: 'parallel' }),
      errors: [
        { messageId: 'exclusive', message: 'State "Run": log parameters "sinceSeconds" and "sinceTime" exclude each other; keep one', line: 26, column: 21, endLine: 26, endColumn: 37 },
        { messageId: 'discouraged', message: 'State "Run": log parameter "follow" streams the log, but Step Functions fetches logs once, after the Job finished; remove it', line: 27, column: 21, endLine: 27, endColumn: 29 },
        {
          messageId: 'discouraged',
          message: 'State "Run": log parameter "insecureSkipTLSVerifyBackend" makes the API server skip verifying the kubelet\'s certificate when it reads the log; remove it',
          line: 30,
          column: 21,
          endLine: 30,
          endColumn: 51,
        },
      ],
    },
  ],
});
