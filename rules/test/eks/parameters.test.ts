import { ruleTester } from '../../../test-support/rule-tester.js';
import rule from '../../src/eks/parameters.js';
import { CLUSTER, JOB, machine, runJob } from './definitions.js';

const role = (name: string) => `arn:aws:iam::123456789012:role/${name}`;
const minimal: Record<string, Record<string, unknown>> = {
  runJob: { ...CLUSTER, Job: JOB },
  call: { ...CLUSTER, Method: 'GET', Path: '/api/v1/namespaces/default/pods/web-0' },
  createCluster: { Name: 'batch', RoleArn: role('eks'), ResourcesVpcConfig: { SubnetIds: ['subnet-1', 'subnet-2'] } },
  deleteCluster: { Name: 'batch' },
  createNodegroup: { ClusterName: 'batch', NodegroupName: 'workers', NodeRole: role('nodes'), Subnets: ['subnet-1'] },
  deleteNodegroup: { ClusterName: 'batch', NodegroupName: 'workers' },
  createFargateProfile: { ClusterName: 'batch', FargateProfileName: 'jobs', PodExecutionRoleArn: role('pods') },
  deleteFargateProfile: { ClusterName: 'batch', FargateProfileName: 'jobs' },
};

ruleTester(rule, {
  valid: [
    ...Object.entries(minimal).map(([api, payload]) => ({ name: `eks:${api} with its required parameters`, code: machine({ Resource: `arn:aws:states:::eks:${api}`, Parameters: payload }) })),
    ...Object.entries(minimal).map(([api, payload]) => ({
      name: `eks:${api} in JSONata, in a Map`,
      code: machine({ Resource: `arn:aws:states:::eks:${api}`, Arguments: payload }, { jsonata: true, placement: 'map' }),
    })),
    {
      name: 'every value by path',
      code: machine(runJob({ 'ClusterName.$': '$.cluster', 'CertificateAuthority.$': '$.ca', 'Endpoint.$': '$.endpoint', 'Namespace.$': '$.ns', 'Job.$': 'States.StringToJson($.job)', LogOptions: { 'RetrieveLogs.$': '$.logs' } })),
    },
    {
      name: 'every value by expression, in a Parallel branch',
      code: machine(
        { Resource: 'arn:aws:states:::eks:createCluster.sync', Arguments: { Name: '{% $name %}', RoleArn: '{% $role %}', ResourcesVpcConfig: { SubnetIds: '{% $subnets %}', EndpointPublicAccess: '{% $public %}' }, Tags: '{% $tags %}' } },
        { jsonata: true, placement: 'parallel' },
      ),
    },
    { name: 'the whole Arguments as one expression', code: machine({ Resource: 'arn:aws:states:::eks:call', Arguments: '{% $states.input.request %}' }, { jsonata: true }) },
    { name: 'the Job as a JSON string', code: machine(runJob({ ...CLUSTER, Job: JSON.stringify(JOB) })) },
    {
      name: 'a launch template by Id, all three counts, and repair limits as counts',
      code: machine({
        Resource: 'arn:aws:states:::eks:createNodegroup.sync',
        Parameters: { ...minimal.createNodegroup, LaunchTemplate: { Id: 'lt-0abc', Version: '3' }, ScalingConfig: { MinSize: 1, MaxSize: 4, DesiredSize: 2 }, NodeRepairConfig: { Enabled: true, MaxUnhealthyNodeThresholdCount: 3, MaxParallelNodesRepairedCount: 1 } },
      }),
    },
    {
      name: 'a launch template named by path, and an empty scaling configuration',
      code: machine({ Resource: 'arn:aws:states:::eks:createNodegroup.sync', Parameters: { ...minimal.createNodegroup, LaunchTemplate: { 'Name.$': '$.template' }, ScalingConfig: {} } }),
    },
    {
      name: 'the launch template as one expression, JSONata',
      code: machine({ Resource: 'arn:aws:states:::eks:createNodegroup.sync', Arguments: { ...minimal.createNodegroup, LaunchTemplate: '{% $template %}' } }, { jsonata: true }),
    },
    {
      name: 'the full createNodegroup shape',
      code: machine({
        Resource: 'arn:aws:states:::eks:createNodegroup.sync',
        Parameters: {
          ...minimal.createNodegroup,
          ScalingConfig: { MinSize: 0, MaxSize: 4, DesiredSize: 1 },
          InstanceTypes: ['m7i.large'],
          AmiType: 'AL2023_x86_64_STANDARD',
          CapacityType: 'SPOT',
          Labels: { team: 'data' },
          Taints: [{ Key: 'batch', Value: 'true', Effect: 'NO_SCHEDULE' }],
          Tags: { team: 'data' },
          UpdateConfig: { MaxUnavailable: 1 },
        },
      }),
    },
    { name: 'AmiType values the catalog does not know yet are accepted', code: machine({ Resource: 'arn:aws:states:::eks:createNodegroup', Parameters: { ...minimal.createNodegroup, AmiType: 'AL2027_RISCV' } }) },
    { name: 'LogParameters are eks/log-options\'s', code: machine(runJob({ ...CLUSTER, Job: JOB, LogOptions: { RetrieveLogs: true, LogParameters: { tailLines: 10 } } })) },
    { name: 'CloudFormation intrinsics in YAML', code: 'StartAt: Run\nStates:\n  Run:\n    Type: Task\n    Resource: arn:aws:states:::eks:deleteCluster.sync\n    Parameters:\n      Name: !Ref Cluster\n    End: true\n' },
    { name: 'a value and a path for the same key is asl/paths\'s', code: machine({ Resource: 'arn:aws:states:::eks:deleteCluster.sync', Parameters: { Name: 'batch', 'Name.$': '$.cluster' } }) },
    { name: 'a path without .$ is asl/paths\'s (NO_DOLLAR)', code: machine({ Resource: 'arn:aws:states:::eks:call', Parameters: { ...minimal.call, ClusterName: '$.cluster', Method: '$.method' } }) },
    {
      name: 'a private-only cluster',
      code: machine({ Resource: 'arn:aws:states:::eks:createCluster.sync', Parameters: { ...minimal.createCluster, ResourcesVpcConfig: { SubnetIds: ['subnet-1', 'subnet-2'], EndpointPublicAccess: false, EndpointPrivateAccess: true } } }),
    },
    {
      name: 'private access by path',
      code: machine({ Resource: 'arn:aws:states:::eks:createCluster.sync', Parameters: { ...minimal.createCluster, ResourcesVpcConfig: { SubnetIds: ['subnet-1', 'subnet-2'], EndpointPublicAccess: false, 'EndpointPrivateAccess.$': '$.private' } } }),
    },
    {
      name: 'public access by expression',
      code: machine({ Resource: 'arn:aws:states:::eks:createCluster.sync', Arguments: { ...minimal.createCluster, ResourcesVpcConfig: { SubnetIds: ['subnet-1', 'subnet-2'], EndpointPublicAccess: '{% $public %}' } } }, { jsonata: true }),
    },
    { name: 'unknown APIs are eks/unknown-api\'s', code: machine({ Resource: 'arn:aws:states:::eks:runjob', Parameters: {} }) },
  ],
  invalid: [
    {
      name: 'a missing required parameter',
      code: machine(runJob({ ClusterName: 'batch', CertificateAuthority: 'LS0t', Job: JOB })),
      errors: [{ messageId: 'missing', message: 'State "Run": Parameters of eks:runJob is missing "Endpoint"; add it', line: 7, column: 7, endLine: 7, endColumn: 19 }],
    },
    {
      name: 'a key in the wrong case',
      code: machine({ Resource: 'arn:aws:states:::eks:deleteNodegroup.sync', Parameters: { clusterName: 'batch', NodegroupName: 'workers' } }),
      errors: [
        { messageId: 'missing', line: 7, column: 7, endLine: 7, endColumn: 19 },
        { messageId: 'unknown', message: 'State "Run": "clusterName" is not a parameter of eks:deleteNodegroup (did you mean "ClusterName"?)', line: 8, column: 9, endLine: 8, endColumn: 22 },
      ],
    },
    {
      name: 'a method Kubernetes does not have',
      code: machine({ Resource: 'arn:aws:states:::eks:call', Parameters: { ...minimal.call, Method: 'FETCH' } }),
      errors: [{ messageId: 'enum', message: 'State "Run": "Method" is "FETCH"; eks:call accepts GET, POST, PUT, DELETE, HEAD, PATCH', line: 11, column: 19, endLine: 11, endColumn: 26 }],
    },
    {
      name: 'a string where a boolean belongs',
      code: machine(runJob({ ...CLUSTER, LogOptions: { RetrieveLogs: 'true', LogParameters: { tailLines: ['10'] } }, Job: JOB })),
      errors: [{ messageId: 'type', message: 'State "Run": "LogOptions.RetrieveLogs" must be a boolean', line: 12, column: 27, endLine: 12, endColumn: 33 }],
    },
    {
      name: 'a JSONPath .$ key in Arguments',
      code: machine({ Resource: 'arn:aws:states:::eks:deleteFargateProfile', Arguments: { 'ClusterName.$': '$.cluster', FargateProfileName: 'jobs' } }, { jsonata: true }),
      errors: [
        {
          messageId: 'dollarInArguments',
          message: 'State "Run": "ClusterName.$" uses the JSONPath ".$" suffix, which Arguments do not have; write "ClusterName": "{% … %}" instead',
          line: 9,
          column: 9,
          endLine: 9,
          endColumn: 24,
        },
      ],
    },
    {
      name: 'no Parameters at all',
      code: machine({ Resource: 'arn:aws:states:::eks:deleteCluster.sync' }),
      errors: [{ messageId: 'noPayload', message: 'State "Run": eks:deleteCluster needs Parameters with "Name"', line: 4, column: 5, endLine: 4, endColumn: 10 }],
    },
    {
      name: 'nested shapes, in a Map',
      code: machine(
        {
          Resource: 'arn:aws:states:::eks:createFargateProfile.sync',
          Parameters: { ...minimal.createFargateProfile, Selectors: [{ Namespace: 'a', Labels: ['x'] }, { Namespace: 'b' }, { Namespace: 'c' }, { Namespace: 'd' }, { Namespace: 'e' }, { Namespace: 'f' }] },
        },
        { placement: 'map' },
      ),
      errors: [
        { messageId: 'constraint', message: 'State "Run": "Selectors" must have at most 5 items', line: 16, column: 28, endLine: 38, endColumn: 16 },
        { messageId: 'type', message: 'State "Run": "Selectors[0].Labels" must be an object whose values are strings', line: 19, column: 29, endLine: 21, endColumn: 20 },
      ],
    },
    {
      name: 'types and ranges, in a Parallel branch',
      code: machine({ Resource: 'arn:aws:states:::eks:createNodegroup', Parameters: { ...minimal.createNodegroup, Subnets: 'subnet-1', ScalingConfig: { MinSize: -1, MaxSize: 2, DesiredSize: 1 } } }, { placement: 'parallel' }),
      errors: [
        { messageId: 'type', message: 'State "Run": "Subnets" must be a list of strings', line: 17, column: 28, endLine: 17, endColumn: 38 },
        { messageId: 'constraint', message: 'State "Run": "ScalingConfig.MinSize" must be at least 0', line: 19, column: 30, endLine: 19, endColumn: 32 },
      ],
    },
    {
      name: 'Arguments in a JSONPath state are still checked (asl/schema reports the field itself)',
      code: machine({ Resource: 'arn:aws:states:::eks:call', Arguments: { ...CLUSTER, Method: 'GET' } }),
      errors: [{ messageId: 'missing', message: 'State "Run": Arguments of eks:call is missing "Path"; add it', line: 7, column: 7, endLine: 7, endColumn: 18 }],
    },
    {
      name: 'a cluster name EKS rejects and a typo in a nested structure',
      code: machine({ Resource: 'arn:aws:states:::eks:createCluster.sync', Parameters: { Name: 'nightly batch', RoleArn: role('eks'), ResourcesVpcConfig: { SubnetIds: ['subnet-1', 'subnet-2'], EndpointPublicAcess: true } } }),
      errors: [
        { messageId: 'constraint', message: 'State "Run": "Name" must contain only letters, digits, hyphens and underscores, starting with a letter or digit', line: 8, column: 17, endLine: 8, endColumn: 32 },
        { messageId: 'unknown', message: 'State "Run": "EndpointPublicAcess" is not a parameter of eks:createCluster (did you mean "EndpointPublicAccess"?)', line: 15, column: 11, endLine: 15, endColumn: 32 },
      ],
    },
    {
      name: 'a suffix of a real name',
      code: machine({ Resource: 'arn:aws:states:::eks:deleteFargateProfile', Parameters: { ClusterName: 'batch', ProfileName: 'jobs' } }),
      errors: [
        { messageId: 'missing', line: 7, column: 7, endLine: 7, endColumn: 19 },
        { messageId: 'unknown', message: 'State "Run": "ProfileName" is not a parameter of eks:deleteFargateProfile (did you mean "FargateProfileName"?)', line: 9, column: 9, endLine: 9, endColumn: 22 },
      ],
    },
    {
      name: 'a namespace Kubernetes cannot have',
      code: machine(runJob({ ...CLUSTER, Namespace: 'Batch_Jobs', Job: JOB })),
      errors: [
        {
          messageId: 'constraint',
          message: 'State "Run": "Namespace" must contain only lowercase letters, digits and "-", starting and ending with a letter or digit (a Kubernetes namespace name)',
          line: 11,
          column: 22,
          endLine: 11,
          endColumn: 34,
        },
      ],
    },
    {
      name: 'the PEM text instead of the base64 certificate-authority data',
      code: machine({ Resource: 'arn:aws:states:::eks:call', Parameters: { ...minimal.call, CertificateAuthority: '-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----' } }),
      errors: [
        {
          messageId: 'constraint',
          message: 'State "Run": "CertificateAuthority" must contain only base64 characters: the base64 certificate-authority data DescribeCluster returns, not the PEM text',
          line: 9,
          column: 33,
          endLine: 9,
          endColumn: 95,
        },
      ],
    },
    {
      name: 'an unknown key with nothing close',
      code: machine({ Resource: 'arn:aws:states:::eks:deleteCluster', Parameters: { Name: 'batch', Force: true } }),
      errors: [
        {
          messageId: 'unknown',
          message: 'State "Run": "Force" is not a parameter of eks:deleteCluster; remove it (parameters: https://docs.aws.amazon.com/eks/latest/APIReference/API_DeleteCluster.html)',
          line: 9,
          column: 9,
          endLine: 9,
          endColumn: 16,
        },
      ],
    },
    {
      name: 'no endpoint access at all',
      code: machine({ Resource: 'arn:aws:states:::eks:createCluster.sync', Parameters: { ...minimal.createCluster, ResourcesVpcConfig: { SubnetIds: ['subnet-1', 'subnet-2'], EndpointPublicAccess: false } } }),
      errors: [
        {
          messageId: 'implication',
          message:
            'State "Run": "ResourcesVpcConfig.EndpointPublicAccess" is false, so "EndpointPrivateAccess" must be true (it defaults to false): EKS does not create a cluster whose API server has neither public nor private endpoint access',
          line: 15,
          column: 35,
          endLine: 15,
          endColumn: 40,
        },
      ],
    },
    {
      name: 'no endpoint access at all, said explicitly, JSONata in a Map',
      code: machine(
        { Resource: 'arn:aws:states:::eks:createCluster.sync', Arguments: { ...minimal.createCluster, ResourcesVpcConfig: { SubnetIds: ['subnet-1', 'subnet-2'], EndpointPublicAccess: false, EndpointPrivateAccess: false } } },
        { jsonata: true, placement: 'map' },
      ),
      errors: [{ messageId: 'implication', data: { state: 'Run', name: 'ResourcesVpcConfig.EndpointPublicAccess', value: 'false', other: 'EndpointPrivateAccess', required: 'true', actual: ' (it is false)', why: 'EKS does not create a cluster whose API server has neither public nor private endpoint access' }, line: 21, column: 41 }],
    },
    {
      name: 'a launch template by both Name and Id',
      code: machine({ Resource: 'arn:aws:states:::eks:createNodegroup.sync', Parameters: { ...minimal.createNodegroup, LaunchTemplate: { Name: 'workers', Id: 'lt-0abc', Version: '3' } } }),
      errors: [
        {
          messageId: 'oneOfSeveral',
          message: 'State "Run": "LaunchTemplate" has "Name" and "Id"; keep one: EKS finds the launch template by its name or by its ID, one of the two',
          line: 16,
          column: 11,
          endLine: 16,
          endColumn: 15,
        },
      ],
    },
    {
      name: 'a launch template by neither, in a Parallel branch',
      code: machine({ Resource: 'arn:aws:states:::eks:createNodegroup', Parameters: { ...minimal.createNodegroup, LaunchTemplate: { Version: '3' } } }, { placement: 'parallel' }),
      errors: [
        {
          messageId: 'oneOfNone',
          message: 'State "Run": "LaunchTemplate" needs one of "Name" or "Id": EKS finds the launch template by its name or by its ID, one of the two',
          line: 20,
          column: 17,
          endLine: 20,
          endColumn: 33,
        },
      ],
    },
    {
      name: 'a scaling configuration with one count of three: a warning (the API reference forbids it)',
      code: machine({ Resource: 'arn:aws:states:::eks:createNodegroup.sync', Parameters: { ...minimal.createNodegroup, ScalingConfig: { DesiredSize: 2 } } }),
      errors: [
        {
          messageId: 'partial',
          message:
            'State "Run": "ScalingConfig" has "DesiredSize" but not "MinSize" and "MaxSize"; give all of them or none: the EKS API reference asks for all three counts or none when a node group is created',
          line: 14,
          column: 9,
          endLine: 14,
          endColumn: 24,
        },
      ],
    },
    {
      name: 'a disk size beside a launch template given by path',
      code: machine({ Resource: 'arn:aws:states:::eks:createNodegroup.sync', Parameters: { ...minimal.createNodegroup, DiskSize: 50, 'LaunchTemplate.$': '$.template' } }),
      errors: [
        {
          messageId: 'together',
          message: 'State "Run": "DiskSize" and "LaunchTemplate.$" cannot be given together; keep one: with a launch template, the disk size is set in the template',
          line: 14,
          column: 9,
          endLine: 14,
          endColumn: 19,
        },
      ],
    },
    {
      name: 'SSH access beside a launch template, JSONata in a Map',
      code: machine(
        { Resource: 'arn:aws:states:::eks:createNodegroup.sync', Arguments: { ...minimal.createNodegroup, RemoteAccess: { Ec2SshKey: 'ops' }, LaunchTemplate: { Id: '{% $lt %}' } } },
        { jsonata: true, placement: 'map' },
      ),
      errors: [
        {
          messageId: 'together',
          message: 'State "Run": "RemoteAccess" and "LaunchTemplate" cannot be given together; keep one: with a launch template, SSH access is set in the template',
          line: 20,
          column: 15,
          endLine: 20,
          endColumn: 29,
        },
      ],
    },
    {
      name: 'a repair threshold as a count and as a percentage',
      code: machine({
        Resource: 'arn:aws:states:::eks:createNodegroup.sync',
        Parameters: { ...minimal.createNodegroup, NodeRepairConfig: { Enabled: true, MaxUnhealthyNodeThresholdCount: 3, 'MaxUnhealthyNodeThresholdPercentage.$': '$.percent' } },
      }),
      errors: [
        {
          messageId: 'together',
          message:
            'State "Run": "MaxUnhealthyNodeThresholdCount" and "MaxUnhealthyNodeThresholdPercentage.$" cannot be given together; keep one: the threshold is a count or a percentage, not both',
          line: 16,
          column: 11,
          endLine: 16,
          endColumn: 43,
        },
      ],
    },
  ],
});
