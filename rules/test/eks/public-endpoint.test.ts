import { ruleTester } from '../../../test-support/rule-tester.js';
import rule from '../../src/eks/public-endpoint.js';
import { CLUSTER, JOB, machine } from './definitions.js';

const endpoint = (url: string) => ({ Resource: 'arn:aws:states:::eks:call', Parameters: { ...CLUSTER, Endpoint: url, Method: 'GET', Path: '/apis/batch/v1/namespaces/default/jobs/report' } });

ruleTester(rule, {
  valid: [
    { name: 'an EKS endpoint', code: machine(endpoint('https://EXAMPLE.gr7.us-east-1.eks.amazonaws.com')) },
    { name: 'a dual-stack endpoint', code: machine(endpoint('https://EXAMPLE.gr7.us-east-1.api.aws')) },
    { name: 'a China endpoint', code: machine(endpoint('https://EXAMPLE.yl4.cn-north-1.eks.amazonaws.com.cn')) },
    { name: 'by path', code: machine({ Resource: 'arn:aws:states:::eks:runJob.sync', Parameters: { ...CLUSTER, Endpoint: undefined, 'Endpoint.$': '$.cluster.Cluster.Endpoint', Job: JOB } }) },
    { name: 'by expression', code: machine({ Resource: 'arn:aws:states:::eks:runJob.sync', Arguments: { ...CLUSTER, Endpoint: '{% $cluster.Endpoint %}', Job: JOB } }, { jsonata: true }) },
    { name: 'a template placeholder', code: machine(endpoint('${ClusterEndpoint}')) },
    { name: 'EKS-API integrations have no Endpoint', code: machine({ Resource: 'arn:aws:states:::eks:deleteCluster', Parameters: { Name: 'batch', Endpoint: 'http://x' } }) },
  ],
  invalid: [
    {
      name: 'a private address',
      code: machine(endpoint('https://10.0.12.7')),
      errors: [
        {
          messageId: 'unreachableHost',
          message:
            'State "Run": Endpoint "https://10.0.12.7" points at a private IP address (10.0.0.0/8), which Step Functions cannot reach: the EKS integrations need the cluster\'s public API endpoint (https://….eks.amazonaws.com) with public access enabled',
          line: 10,
          column: 21,
          endLine: 10,
          endColumn: 40,
        },
      ],
    },
    {
      name: 'a console URL instead of the API server (a warning)',
      code: machine(endpoint('https://console.aws.amazon.com/eks/home#/clusters/batch')),
      errors: [
        {
          messageId: 'notEksHost',
          message:
            'State "Run": Endpoint "https://console.aws.amazon.com/eks/home#/clusters/batch" is not an EKS API server endpoint (a host ending in .eks.amazonaws.com, .api.aws, .eks.amazonaws.com.cn, .api.amazonwebservices.com.cn); use the cluster\'s endpoint as DescribeCluster returns it',
          line: 10,
          column: 21,
          endLine: 10,
          endColumn: 78,
        },
      ],
    },
    { name: 'a public IP address', code: machine(endpoint('https://54.12.1.9')), errors: [{ messageId: 'notEksHost', line: 10, column: 21, endLine: 10, endColumn: 40 }] },
    {
      name: 'plain http',
      code: machine(endpoint('http://EXAMPLE.gr7.us-east-1.eks.amazonaws.com')),
      errors: [
        {
          messageId: 'notHttps',
          message: 'State "Run": Endpoint "http://EXAMPLE.gr7.us-east-1.eks.amazonaws.com" uses http; Step Functions calls the Kubernetes API only over HTTPS — use the cluster\'s https:// endpoint',
          line: 10,
          column: 21,
          endLine: 10,
          endColumn: 69,
        },
      ],
    },
    {
      name: 'a host without a scheme',
      code: machine(endpoint('EXAMPLE.gr7.us-east-1.eks.amazonaws.com')),
      errors: [
        {
          messageId: 'notUrl',
          message:
            'State "Run": Endpoint "EXAMPLE.gr7.us-east-1.eks.amazonaws.com" is not a URL; use the cluster\'s API server endpoint, e.g. "https://<id>.gr7.<region>.eks.amazonaws.com" (DescribeCluster cluster.endpoint)',
          line: 10,
          column: 21,
          endLine: 10,
          endColumn: 62,
        },
      ],
    },
    {
      name: 'localhost, JSONata runJob',
      code: machine({ Resource: 'arn:aws:states:::eks:runJob.sync', Arguments: { ...CLUSTER, Endpoint: 'https://localhost:6443', Job: JOB } }, { jsonata: true }),
      errors: [{ messageId: 'unreachableHost', data: { state: 'Run', endpoint: '"https://localhost:6443"', suffix: 'eks.amazonaws.com', what: 'localhost' }, line: 11, column: 21, endLine: 11, endColumn: 45 }],
    },
    {
      name: 'the in-cluster name, in a Parallel branch',
      code: machine(endpoint('https://kubernetes.default.svc.cluster.local'), { placement: 'parallel' }),
      errors: [{ messageId: 'unreachableHost', data: { state: 'Run', endpoint: '"https://kubernetes.default.svc.cluster.local"', suffix: 'eks.amazonaws.com', what: 'a local host name (.local)' }, line: 16, column: 29, endLine: 16, endColumn: 75 }],
    },
    {
      name: 'an EC2 internal name, in a Map',
      code: machine(endpoint('https://ip-10-0-0-1.ec2.internal'), { placement: 'map' }),
      errors: [{ messageId: 'unreachableHost', data: { state: 'Run', endpoint: '"https://ip-10-0-0-1.ec2.internal"', suffix: 'eks.amazonaws.com', what: 'an internal host name (.internal)' }, line: 15, column: 27, endLine: 15, endColumn: 61 }],
    },
    {
      name: 'a unique-local IPv6 address',
      code: machine(endpoint('https://[fd00::1]:443')),
      errors: [{ messageId: 'unreachableHost', data: { state: 'Run', endpoint: '"https://[fd00::1]:443"', suffix: 'eks.amazonaws.com', what: 'a private IP address (fc00::/7)' }, line: 10, column: 21, endLine: 10, endColumn: 44 }],
    },
    ...[
      ['https://172.20.0.1', 'a private IP address (172.16.0.0/12)'],
      ['https://192.168.1.10:6443', 'a private IP address (192.168.0.0/16)'],
      ['https://100.64.3.4', 'a shared-address-space IP address (100.64.0.0/10)'],
      ['https://127.0.0.1', 'a loopback IP address (127.0.0.0/8)'],
      ['https://169.254.169.254', 'a link-local IP address (169.254.0.0/16)'],
      ['https://[::1]', 'a loopback IP address (::1)'],
    ].map(([url, what]) => ({
      name: url,
      code: machine(endpoint(url)),
      errors: [{ messageId: 'unreachableHost', data: { state: 'Run', endpoint: JSON.stringify(url), suffix: 'eks.amazonaws.com', what }, line: 10, column: 21 }],
    })),
  ],
});
