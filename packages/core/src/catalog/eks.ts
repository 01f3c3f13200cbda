/**
 * The Step Functions optimized Amazon EKS integrations (`arn:aws:states:::eks:*`): the single source of EKS facts
 * for rules, hover, completion, flow analysis and IAM derivation. Facts from the project reference
 * (EKS-AND-ASL.md §2–§5); parameter names are Step Functions PascalCase.
 */
import type { IntegrationPattern } from '../resource.js';
import type { Combination, ListSpec, MapSpec, ParameterFields, StringSpec, StructureSpec } from './parameter-spec.js';

export type EksApiName =
  | 'runJob'
  | 'call'
  | 'createCluster'
  | 'deleteCluster'
  | 'createNodegroup'
  | 'deleteNodegroup'
  | 'createFargateProfile'
  | 'deleteFargateProfile';

/** The EKS resources a workflow can create and delete. */
export type EksResourceKind = 'cluster' | 'nodegroup' | 'fargate-profile';

export interface EksLifecycle {
  readonly action: 'create' | 'delete';
  readonly resource: EksResourceKind;
}

/** An IAM role the API passes to EKS (the caller needs `iam:PassRole` on it). */
export interface PassedRole {
  /** The parameter that holds the role ARN. */
  readonly key: string;
  /** What the role is for, for messages and hover. */
  readonly purpose: string;
}

export interface EksApiSpec {
  readonly api: EksApiName;
  /** `kubernetes`: talks to the cluster's Kubernetes API server; `eks`: calls the EKS control-plane API. */
  readonly family: 'kubernetes' | 'eks';
  /** Integration patterns Step Functions supports for this API (reference §2.2–§2.3). */
  readonly patterns: readonly IntegrationPattern[];
  /** The EKS API operation behind the integration (`CreateCluster`), for EKS-API-backed resources. */
  readonly operation?: string;
  readonly summary: string;
  /** What `.sync` adds, when supported. */
  readonly syncBehaviour?: string;
  readonly docsUrl: string;
  readonly parameters: ParameterFields;
  /** Top-level parameters the service takes only together or only apart (see `StructureSpec.combinations`). */
  readonly combinations?: readonly Combination[];
  /** Parameters that name the resources the call acts on; values read by flow analysis and the IAM deriver. */
  readonly identifiers: {
    readonly cluster: 'Name' | 'ClusterName';
    readonly nodegroup?: 'NodegroupName';
    readonly fargateProfile?: 'FargateProfileName';
  };
  readonly lifecycle?: EksLifecycle;
  readonly passedRoles: readonly PassedRole[];
  /** The key of the EKS response object in the task result (`Cluster`, `Nodegroup`, `FargateProfile`). */
  readonly resultKey?: string;
}

export const EKS_SERVICE = 'eks';

const CONNECT_EKS_DOCS = 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-eks.html';
const EKS_API_REFERENCE = 'https://docs.aws.amazon.com/eks/latest/APIReference/';


const clusterName: StringSpec = {
  type: 'string',
  required: true,
  doc: 'Name of the EKS cluster: 1–100 characters, letters, digits, hyphens and underscores, starting with a letter or digit.',
  minLength: 1,
  maxLength: 100,
  pattern: '^[0-9A-Za-z][A-Za-z0-9_-]*$',
  patternDescription: 'letters, digits, hyphens and underscores, starting with a letter or digit',
};

const stringList = (doc: string, extra: Partial<ListSpec> = {}): ListSpec => ({ type: 'list', items: { type: 'string', doc: '' }, doc, ...extra });
const stringMap = (doc: string, extra: Partial<MapSpec> = {}): MapSpec => ({ type: 'map', values: { type: 'string', doc: '' }, doc, ...extra });
const tags = stringMap('Tags to apply: 1–50 entries, keys up to 128 and values up to 256 characters.', { minEntries: 1, maxEntries: 50 });
const clientRequestToken: StringSpec = { type: 'string', doc: 'Idempotency token: repeating a request with the same token does not create a second resource.' };

const kubernetesConnection: ParameterFields = {
  ClusterName: { ...clusterName, doc: 'Name of the EKS cluster whose Kubernetes API is called.' },
  CertificateAuthority: {
    type: 'string',
    required: true,
    pattern: '^[A-Za-z0-9+/]+={0,2}$',
    patternDescription: 'base64 characters: the base64 certificate-authority data DescribeCluster returns, not the PEM text',
    doc: 'Base64 certificate-authority data of the cluster (DescribeCluster `cluster.certificateAuthority.data`; after `eks:createCluster.sync` it is `Cluster.CertificateAuthority.Data` of the result).',
  },
  Endpoint: {
    type: 'string',
    required: true,
    doc: 'URL of the Kubernetes API server (DescribeCluster `cluster.endpoint`; after `eks:createCluster.sync` it is `Cluster.Endpoint` of the result). Step Functions reaches only clusters with public endpoint access.',
  },
};

export interface PodLogParameter {
  readonly doc: string;
  /** What each string of the value list must hold. */
  readonly value: 'string' | 'boolean' | 'integer' | 'time' | 'stream';
  /** A parameter Kubernetes rejects together with this one. */
  readonly exclusiveWith?: string;
  /** Why the parameter does harm in a one-shot fetch after the Job finished. */
  readonly discouraged?: string;
}

/** Kubernetes `PodLogOptions` query parameters of `GET /api/v1/namespaces/{ns}/pods/{name}/log` (reference §3.3). */
export const POD_LOG_PARAMETERS: Readonly<Record<string, PodLogParameter>> = {
  container: { value: 'string', doc: 'Container whose log to read; optional only when the pod has one container.' },
  follow: {
    value: 'boolean',
    doc: 'Stream the log. A one-shot fetch after the Job finished has nothing to follow.',
    discouraged: 'streams the log, but Step Functions fetches logs once, after the Job finished',
  },
  previous: { value: 'boolean', doc: 'Logs of the previous terminated instance of the container.' },
  sinceSeconds: { value: 'integer', exclusiveWith: 'sinceTime', doc: 'Only logs newer than this many seconds. Not together with sinceTime.' },
  sinceTime: { value: 'time', exclusiveWith: 'sinceSeconds', doc: 'Only logs after this RFC 3339 time. Not together with sinceSeconds.' },
  timestamps: { value: 'boolean', doc: 'Prefix each line with a timestamp (lines are then no longer JSON).' },
  tailLines: { value: 'integer', doc: 'Only the last N lines. Keeps the result under the 256 KiB task quota.' },
  limitBytes: { value: 'integer', doc: 'Stop after about N bytes of log. Keeps the result under the 256 KiB task quota.' },
  insecureSkipTLSVerifyBackend: {
    value: 'boolean',
    doc: 'Let the API server skip verifying the kubelet certificate.',
    discouraged: 'makes the API server skip verifying the kubelet\'s certificate when it reads the log',
  },
  stream: { value: 'stream', doc: 'Which stream to return: All, Stdout or Stderr (Kubernetes 1.32+). With tailLines only All.' },
  pretty: { value: 'string', doc: 'Pretty-print the output.' },
};

/** Log parameters that bound the size of a log (reference §3.2: AWS recommends them against the 256 KiB quota). */
export const POD_LOG_SIZE_BOUNDS: readonly string[] = ['tailLines', 'limitBytes'];

/** Values of `stream` (Kubernetes 1.32+). */
export const POD_LOG_STREAMS = ['All', 'Stdout', 'Stderr'] as const;

/** Values of `QueryParameters.propagationPolicy` for Kubernetes DELETE calls. */
export const KUBERNETES_PROPAGATION_POLICIES = ['Orphan', 'Background', 'Foreground'] as const;

const logOptions: StructureSpec = {
  type: 'structure',
  doc: 'How to fetch the logs of the Job\'s pods after it finishes. Only used by `eks:runJob.sync`.',
  fields: {
    RetrieveLogs: { type: 'boolean', doc: 'Fetch the pods\' logs after the Job finishes (default: not fetched). The result holds them under `logs.pods.<pod>.containers.<container>.log`.' },
    RawLogs: { type: 'boolean', doc: 'Return each log as a raw string. By default Step Functions tries to parse logs as JSON, which can lose precision on long numbers.' },
    LogParameters: {
      type: 'map',
      values: { type: 'list', items: { type: 'string', doc: '' }, doc: '' },
      knownKeys: Object.keys(POD_LOG_PARAMETERS),
      doc: 'Kubernetes read-pod-log query parameters; every value is a list of strings, e.g. `{"tailLines": ["100"]}`.',
    },
  },
};

const runJob: EksApiSpec = {
  api: 'runJob',
  family: 'kubernetes',
  patterns: ['requestResponse', 'sync'],
  summary: 'Runs a Kubernetes `batch/v1` Job on an EKS cluster.',
  syncBehaviour: 'Waits for the Job to complete (polling about once a minute, slowing to about every 5 minutes) and can return the pods\' logs.',
  docsUrl: `${CONNECT_EKS_DOCS}#connect-eks-run-job`,
  identifiers: { cluster: 'ClusterName' },
  passedRoles: [],
  parameters: {
    ...kubernetesConnection,
    Namespace: {
      type: 'string',
      doc: 'Namespace to create the Job in; `default` when omitted.',
      maxLength: 63,
      pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$',
      patternDescription: 'lowercase letters, digits and "-", starting and ending with a letter or digit (a Kubernetes namespace name)',
    },
    Job: {
      type: 'json',
      accepts: ['object', 'string'],
      required: true,
      doc: 'The Kubernetes Job (`apiVersion: batch/v1`, `kind: Job`), as an object or a string holding its JSON.',
    },
    LogOptions: logOptions,
  },
};

const call: EksApiSpec = {
  api: 'call',
  family: 'kubernetes',
  patterns: ['requestResponse'],
  summary: 'Calls the Kubernetes API of an EKS cluster (any resource, including custom resources).',
  docsUrl: `${CONNECT_EKS_DOCS}#connect-eks-call`,
  identifiers: { cluster: 'ClusterName' },
  passedRoles: [],
  parameters: {
    ...kubernetesConnection,
    Method: { type: 'string', required: true, enum: ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH'], doc: 'HTTP method of the Kubernetes API request.' },
    Path: {
      type: 'string',
      required: true,
      doc: 'HTTP path of the Kubernetes REST operation: core group under `/api/v1/…`, named groups under `/apis/<group>/<version>/…`.',
    },
    QueryParameters: {
      type: 'map',
      values: { type: 'list', items: { type: 'string', doc: '' }, doc: '' },
      knownKeys: ['labelSelector', 'fieldSelector', 'limit', 'continue', 'propagationPolicy', 'gracePeriodSeconds', 'dryRun', 'fieldManager', 'resourceVersion', 'timeoutSeconds', 'pretty'],
      doc: 'Query parameters; every value is a list of strings, e.g. `{"labelSelector": ["job-name=example-job"]}`.',
    },
    RequestBody: { type: 'json', accepts: ['object', 'array', 'string'], doc: 'HTTP request body, e.g. a full ConfigMap object for a POST.' },
  },
};

const createCluster: EksApiSpec = {
  api: 'createCluster',
  family: 'eks',
  operation: 'CreateCluster',
  patterns: ['requestResponse', 'sync'],
  summary: 'Creates an EKS cluster.',
  syncBehaviour: 'Waits until the cluster is ACTIVE (or fails). Without `.sync` the cluster is still CREATING when the next state runs.',
  docsUrl: `${EKS_API_REFERENCE}API_CreateCluster.html`,
  identifiers: { cluster: 'Name' },
  lifecycle: { action: 'create', resource: 'cluster' },
  passedRoles: [{ key: 'RoleArn', purpose: 'cluster IAM role' }],
  resultKey: 'Cluster',
  parameters: {
    Name: { ...clusterName, doc: 'Unique name of the new cluster in this Region and account: 1–100 characters, letters, digits, hyphens and underscores, starting with a letter or digit.' },
    RoleArn: { type: 'string', required: true, doc: 'ARN of the cluster IAM role (trusted by eks.amazonaws.com). The state machine\'s role needs iam:PassRole on it.' },
    ResourcesVpcConfig: {
      type: 'structure',
      required: true,
      doc: 'VPC settings of the cluster: subnets (at least two), security groups (up to five) and endpoint access.',
      implications: [
        {
          when: { key: 'EndpointPublicAccess', equals: false },
          then: { key: 'EndpointPrivateAccess', equals: true, default: false },
          why: 'EKS does not create a cluster whose API server has neither public nor private endpoint access',
        },
      ],
      fields: {
        SubnetIds: stringList('Subnets for the cluster\'s network interfaces; at least two, in different Availability Zones.', { minItems: 2 }),
        SecurityGroupIds: stringList('Up to five security groups for the cluster\'s network interfaces.', { maxItems: 5 }),
        EndpointPublicAccess: {
          type: 'boolean',
          doc: 'Public access to the Kubernetes API endpoint (default true). `false` makes eks:runJob and eks:call on this cluster impossible: Step Functions needs the public endpoint.',
        },
        EndpointPrivateAccess: { type: 'boolean', doc: 'Private access to the Kubernetes API endpoint from the VPC (default false).' },
        PublicAccessCidrs: stringList('CIDR blocks allowed to reach the public endpoint (default 0.0.0.0/0).'),
        ControlPlaneEgressMode: { type: 'string', knownValues: ['AWS_MANAGED', 'CUSTOMER_ROUTED', 'CUSTOMER_ISOLATED'], doc: 'Egress mode of the control plane.', newerModelMember: true },
      },
    },
    Version: { type: 'string', doc: 'Kubernetes version, e.g. "1.31"; default: the EKS default version.' },
    KubernetesNetworkConfig: {
      type: 'structure',
      doc: 'Kubernetes network settings.',
      fields: {
        ServiceIpv4Cidr: { type: 'string', doc: 'CIDR block for Kubernetes service IP addresses, in 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16, between /24 and /12. Omit with IpFamily ipv6.' },
        IpFamily: { type: 'string', enum: ['ipv4', 'ipv6'], doc: 'IP family of pod and service addresses; create-time only.' },
        ElasticLoadBalancing: { type: 'structure', doc: 'EKS Auto Mode load balancing.', newerModelMember: true, fields: { Enabled: { type: 'boolean', doc: 'Turn Auto Mode load balancing on.' } } },
      },
    },
    Logging: {
      type: 'structure',
      doc: 'Control-plane log types sent to CloudWatch Logs.',
      fields: {
        ClusterLogging: {
          type: 'list',
          doc: 'Log settings: each item turns a list of log types on or off.',
          items: {
            type: 'structure',
            doc: '',
            fields: {
              Types: { type: 'list', items: { type: 'string', enum: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'], doc: '' }, doc: 'Log types: api, audit, authenticator, controllerManager, scheduler.' },
              Enabled: { type: 'boolean', doc: 'Whether these log types are on.' },
            },
          },
        },
      },
    },
    ClientRequestToken: clientRequestToken,
    Tags: tags,
    EncryptionConfig: {
      type: 'list',
      maxItems: 1,
      doc: 'Envelope encryption of Kubernetes secrets with a KMS key (at most one item).',
      items: {
        type: 'structure',
        doc: '',
        fields: {
          Resources: { type: 'list', items: { type: 'string', enum: ['secrets'], doc: '' }, doc: 'Resources to encrypt: only "secrets".' },
          Provider: { type: 'structure', doc: 'The KMS key.', fields: { KeyArn: { type: 'string', doc: 'ARN of the symmetric KMS key.' } } },
        },
      },
    },
    OutpostConfig: {
      type: 'structure',
      newerModelMember: true,
      doc: 'Run the control plane on an AWS Outpost (local cluster).',
      fields: {
        OutpostArns: stringList('The Outpost ARN (exactly one).', { required: true }),
        ControlPlaneInstanceType: { type: 'string', required: true, doc: 'EC2 instance type of the control-plane instances.' },
        ControlPlanePlacement: {
          type: 'structure',
          doc: 'Placement group of the control-plane instances.',
          fields: { GroupName: { type: 'string', doc: 'Placement group name.' }, SpreadLevel: { type: 'string', knownValues: ['host', 'rack'], doc: 'Spread level.' } },
        },
        EtcdInstanceType: { type: 'string', doc: 'EC2 instance type of the etcd instances.' },
        EtcdPlacement: {
          type: 'structure',
          doc: 'Placement group of the etcd instances.',
          fields: { GroupName: { type: 'string', doc: 'Placement group name.' }, SpreadLevel: { type: 'string', knownValues: ['host', 'rack'], doc: 'Spread level.' } },
        },
      },
    },
    AccessConfig: {
      type: 'structure',
      newerModelMember: true,
      doc: 'How IAM principals get Kubernetes access.',
      fields: {
        BootstrapClusterCreatorAdminPermissions: {
          type: 'boolean',
          doc: 'Give the creator (the state machine\'s role) cluster-admin (default true). With false, eks:runJob and eks:call fail with EKS.401 until an access entry or aws-auth mapping grants access.',
        },
        AuthenticationMode: {
          type: 'string',
          enum: ['API', 'API_AND_CONFIG_MAP', 'CONFIG_MAP'],
          doc: 'Where Kubernetes access comes from: access entries (API), the aws-auth ConfigMap (CONFIG_MAP, the API default) or both.',
        },
      },
    },
    BootstrapSelfManagedAddons: { type: 'boolean', newerModelMember: true, doc: 'false skips the default vpc-cni, coredns and kube-proxy add-ons.' },
    UpgradePolicy: {
      type: 'structure',
      newerModelMember: true,
      doc: 'Support policy of the cluster.',
      fields: { SupportType: { type: 'string', enum: ['STANDARD', 'EXTENDED'], doc: 'STANDARD or EXTENDED support.' } },
    },
    ZonalShiftConfig: { type: 'structure', newerModelMember: true, doc: 'Zonal shift for the cluster.', fields: { Enabled: { type: 'boolean', doc: 'Turn zonal shift on.' } } },
    RemoteNetworkConfig: {
      type: 'structure',
      newerModelMember: true,
      doc: 'Networks of hybrid nodes and pods.',
      fields: {
        RemoteNodeNetworks: { type: 'list', maxItems: 1, doc: 'Remote node networks (at most one).', items: { type: 'structure', doc: '', fields: { Cidrs: stringList('CIDR blocks.') } } },
        RemotePodNetworks: { type: 'list', maxItems: 1, doc: 'Remote pod networks (at most one).', items: { type: 'structure', doc: '', fields: { Cidrs: stringList('CIDR blocks.') } } },
      },
    },
    ComputeConfig: {
      type: 'structure',
      newerModelMember: true,
      doc: 'EKS Auto Mode compute.',
      fields: {
        Enabled: { type: 'boolean', doc: 'Turn Auto Mode compute on.' },
        NodePools: stringList('Built-in node pools, e.g. general-purpose, system.'),
        NodeRoleArn: { type: 'string', doc: 'ARN of the node IAM role for Auto Mode nodes.' },
      },
    },
    StorageConfig: {
      type: 'structure',
      newerModelMember: true,
      doc: 'EKS Auto Mode storage.',
      fields: { BlockStorage: { type: 'structure', doc: 'Block storage.', fields: { Enabled: { type: 'boolean', doc: 'Turn Auto Mode block storage on.' } } } },
    },
    DeletionProtection: { type: 'boolean', newerModelMember: true, doc: 'When true, eks:deleteCluster fails until protection is turned off (default false).' },
    ControlPlaneScalingConfig: {
      type: 'structure',
      newerModelMember: true,
      doc: 'Provisioned control-plane capacity.',
      fields: { Tier: { type: 'string', knownValues: ['standard', 'tier-xl', 'tier-2xl', 'tier-4xl', 'tier-8xl'], doc: 'Capacity tier.' } },
    },
  },
};

const deleteCluster: EksApiSpec = {
  api: 'deleteCluster',
  family: 'eks',
  operation: 'DeleteCluster',
  patterns: ['requestResponse', 'sync'],
  summary: 'Deletes an EKS cluster. Its managed node groups and Fargate profiles must be deleted first.',
  syncBehaviour: 'Waits until the cluster is deleted.',
  docsUrl: `${EKS_API_REFERENCE}API_DeleteCluster.html`,
  identifiers: { cluster: 'Name' },
  lifecycle: { action: 'delete', resource: 'cluster' },
  passedRoles: [],
  resultKey: 'Cluster',
  parameters: { Name: { ...clusterName, doc: 'Name of the cluster to delete.' } },
};

const taintSpec: StructureSpec = {
  type: 'structure',
  doc: '',
  fields: {
    Key: { type: 'string', minLength: 1, maxLength: 63, doc: 'Taint key (1–63 characters).' },
    Value: { type: 'string', maxLength: 63, doc: 'Taint value (up to 63 characters).' },
    Effect: { type: 'string', enum: ['NO_SCHEDULE', 'NO_EXECUTE', 'PREFER_NO_SCHEDULE'], doc: 'Taint effect.' },
  },
};

const createNodegroup: EksApiSpec = {
  api: 'createNodegroup',
  family: 'eks',
  operation: 'CreateNodegroup',
  patterns: ['requestResponse', 'sync'],
  summary: 'Creates a managed node group for an EKS cluster.',
  syncBehaviour: 'Waits until the node group is ACTIVE (or fails).',
  docsUrl: `${EKS_API_REFERENCE}API_CreateNodegroup.html`,
  identifiers: { cluster: 'ClusterName', nodegroup: 'NodegroupName' },
  lifecycle: { action: 'create', resource: 'nodegroup' },
  passedRoles: [{ key: 'NodeRole', purpose: 'node IAM role' }],
  resultKey: 'Nodegroup',
  combinations: [
    { kind: 'not-together', keys: ['DiskSize', 'LaunchTemplate'], why: 'with a launch template, the disk size is set in the template' },
    { kind: 'not-together', keys: ['RemoteAccess', 'LaunchTemplate'], why: 'with a launch template, SSH access is set in the template' },
  ],
  parameters: {
    ClusterName: { ...clusterName, doc: 'Name of the cluster to add the node group to.' },
    NodegroupName: { type: 'string', required: true, doc: 'Unique name of the node group in the cluster.' },
    Subnets: stringList('Subnets for the node group\'s Auto Scaling group. Not together with a SubnetId in the launch template.', { required: true }),
    NodeRole: { type: 'string', required: true, doc: 'ARN of the node IAM role (trusted by ec2.amazonaws.com). The state machine\'s role needs iam:PassRole on it.' },
    ScalingConfig: {
      type: 'structure',
      doc: 'Node counts of the Auto Scaling group; give all three or none.',
      combinations: [{ kind: 'all-or-none', keys: ['MinSize', 'MaxSize', 'DesiredSize'], why: 'the EKS API reference asks for all three counts or none when a node group is created' }],
      fields: {
        MinSize: { type: 'integer', minimum: 0, doc: 'Minimum number of nodes (≥ 0).' },
        MaxSize: { type: 'integer', minimum: 1, doc: 'Maximum number of nodes (≥ 1).' },
        DesiredSize: { type: 'integer', minimum: 0, doc: 'Number of nodes to start with (≥ 0).' },
      },
    },
    DiskSize: { type: 'integer', doc: 'Root volume size in GiB (default 20, Windows 50). Not together with LaunchTemplate.' },
    InstanceTypes: stringList('Instance types (default t3.medium). Not when the launch template names one.', { maxItems: 20 }),
    AmiType: {
      type: 'string',
      knownValues: [
        'AL2_x86_64', 'AL2_x86_64_GPU', 'AL2_ARM_64', 'CUSTOM', 'BOTTLEROCKET_ARM_64', 'BOTTLEROCKET_x86_64', 'BOTTLEROCKET_ARM_64_FIPS',
        'BOTTLEROCKET_x86_64_FIPS', 'BOTTLEROCKET_ARM_64_NVIDIA', 'BOTTLEROCKET_x86_64_NVIDIA', 'BOTTLEROCKET_ARM_64_NVIDIA_FIPS',
        'BOTTLEROCKET_x86_64_NVIDIA_FIPS', 'WINDOWS_CORE_2019_x86_64', 'WINDOWS_FULL_2019_x86_64', 'WINDOWS_CORE_2022_x86_64',
        'WINDOWS_FULL_2022_x86_64', 'WINDOWS_CORE_2025_x86_64', 'WINDOWS_FULL_2025_x86_64', 'AL2023_x86_64_STANDARD', 'AL2023_ARM_64_STANDARD',
        'AL2023_x86_64_NEURON', 'AL2023_x86_64_NVIDIA', 'AL2023_ARM_64_NVIDIA',
      ],
      doc: 'AMI type of the nodes (the list grows over time).',
    },
    RemoteAccess: {
      type: 'structure',
      doc: 'SSH access to the nodes. Not together with LaunchTemplate.',
      fields: { Ec2SshKey: { type: 'string', doc: 'EC2 key pair name.' }, SourceSecurityGroups: stringList('Security groups allowed to reach port 22.') },
    },
    Labels: stringMap('Kubernetes labels of the nodes (keys and values 1–63 characters).'),
    Taints: { type: 'list', newerModelMember: true, items: taintSpec, doc: 'Kubernetes taints of the nodes.' },
    Tags: tags,
    ClientRequestToken: clientRequestToken,
    LaunchTemplate: {
      type: 'structure',
      doc: 'EC2 launch template: give Name or Id (one of them) and optionally Version.',
      combinations: [{ kind: 'exactly-one', keys: ['Name', 'Id'], why: 'EKS finds the launch template by its name or by its ID, one of the two' }],
      fields: { Name: { type: 'string', doc: 'Launch template name.' }, Version: { type: 'string', doc: 'Launch template version.' }, Id: { type: 'string', doc: 'Launch template ID.' } },
    },
    UpdateConfig: {
      type: 'structure',
      newerModelMember: true,
      doc: 'How many nodes may be unavailable during an update.',
      fields: {
        MaxUnavailable: { type: 'integer', minimum: 1, maximum: 100, doc: 'Nodes unavailable at once (1–100).' },
        MaxUnavailablePercentage: { type: 'integer', minimum: 1, maximum: 100, doc: 'Percentage of nodes unavailable at once (1–100).' },
        UpdateStrategy: { type: 'string', knownValues: ['DEFAULT', 'MINIMAL'], doc: 'Update strategy.' },
      },
    },
    NodeRepairConfig: {
      type: 'structure',
      newerModelMember: true,
      doc: 'Automatic repair of unhealthy nodes.',
      combinations: [
        { kind: 'not-together', keys: ['MaxUnhealthyNodeThresholdCount', 'MaxUnhealthyNodeThresholdPercentage'], why: 'the threshold is a count or a percentage, not both' },
        { kind: 'not-together', keys: ['MaxParallelNodesRepairedCount', 'MaxParallelNodesRepairedPercentage'], why: 'the repair parallelism is a count or a percentage, not both' },
      ],
      fields: {
        Enabled: { type: 'boolean', doc: 'Turn node auto repair on.' },
        MaxUnhealthyNodeThresholdCount: { type: 'integer', minimum: 1, doc: 'Stop repairing above this many unhealthy nodes.' },
        MaxUnhealthyNodeThresholdPercentage: { type: 'integer', minimum: 1, maximum: 100, doc: 'Stop repairing above this percentage of unhealthy nodes.' },
        MaxParallelNodesRepairedCount: { type: 'integer', minimum: 1, doc: 'Nodes repaired at once.' },
        MaxParallelNodesRepairedPercentage: { type: 'integer', minimum: 1, maximum: 100, doc: 'Percentage of nodes repaired at once.' },
        NodeRepairConfigOverrides: {
          type: 'list',
          doc: 'Repair actions per monitoring condition.',
          items: {
            type: 'structure',
            doc: '',
            fields: {
              NodeMonitoringCondition: { type: 'string', doc: 'Condition reported by the node monitoring agent.' },
              NodeUnhealthyReason: { type: 'string', doc: 'Reason reported by the node monitoring agent.' },
              MinRepairWaitTimeMins: { type: 'integer', minimum: 1, doc: 'Minutes to wait before repairing.' },
              RepairAction: { type: 'string', knownValues: ['Replace', 'Reboot', 'NoAction'], doc: 'Repair action.' },
            },
          },
        },
      },
    },
    CapacityType: { type: 'string', newerModelMember: true, knownValues: ['ON_DEMAND', 'SPOT', 'CAPACITY_BLOCK'], doc: 'Capacity type of the nodes.' },
    Version: { type: 'string', doc: 'Kubernetes version; must equal the cluster\'s version.' },
    ReleaseVersion: { type: 'string', doc: 'AMI release version.' },
    WarmPoolConfig: {
      type: 'structure',
      newerModelMember: true,
      doc: 'Warm pool of pre-initialized instances.',
      fields: {
        Enabled: { type: 'boolean', doc: 'Turn the warm pool on.' },
        MinSize: { type: 'integer', minimum: 0, doc: 'Minimum warm instances.' },
        MaxGroupPreparedCapacity: { type: 'integer', doc: 'Maximum instances in the group and the warm pool together.' },
        PoolState: { type: 'string', knownValues: ['STOPPED', 'RUNNING', 'HIBERNATED'], doc: 'State of warm instances.' },
        ReuseOnScaleIn: { type: 'boolean', doc: 'Return instances to the warm pool on scale-in.' },
      },
    },
  },
};

const deleteNodegroup: EksApiSpec = {
  api: 'deleteNodegroup',
  family: 'eks',
  operation: 'DeleteNodegroup',
  patterns: ['requestResponse', 'sync'],
  summary: 'Deletes a managed node group.',
  syncBehaviour: 'Waits until the node group is deleted.',
  docsUrl: `${EKS_API_REFERENCE}API_DeleteNodegroup.html`,
  identifiers: { cluster: 'ClusterName', nodegroup: 'NodegroupName' },
  lifecycle: { action: 'delete', resource: 'nodegroup' },
  passedRoles: [],
  resultKey: 'Nodegroup',
  parameters: {
    ClusterName: { ...clusterName, doc: 'Name of the cluster the node group belongs to.' },
    NodegroupName: { type: 'string', required: true, doc: 'Name of the node group to delete.' },
  },
};

const createFargateProfile: EksApiSpec = {
  api: 'createFargateProfile',
  family: 'eks',
  operation: 'CreateFargateProfile',
  patterns: ['requestResponse', 'sync'],
  summary: 'Creates a Fargate profile: pods matching its selectors run on Fargate.',
  syncBehaviour: 'Waits until the profile is ACTIVE (or fails).',
  docsUrl: `${EKS_API_REFERENCE}API_CreateFargateProfile.html`,
  identifiers: { cluster: 'ClusterName', fargateProfile: 'FargateProfileName' },
  lifecycle: { action: 'create', resource: 'fargate-profile' },
  passedRoles: [{ key: 'PodExecutionRoleArn', purpose: 'Fargate pod execution role' }],
  resultKey: 'FargateProfile',
  parameters: {
    FargateProfileName: { type: 'string', required: true, doc: 'Name of the Fargate profile.' },
    ClusterName: { ...clusterName, doc: 'Name of the cluster to add the profile to.' },
    PodExecutionRoleArn: { type: 'string', required: true, doc: 'ARN of the pod execution role. The state machine\'s role needs iam:PassRole on it.' },
    Subnets: stringList('Private subnets (no direct route to an internet gateway) for the pods.'),
    Selectors: {
      type: 'list',
      maxItems: 5,
      doc: 'Up to five selectors; a pod that matches one runs on Fargate.',
      items: {
        type: 'structure',
        doc: '',
        fields: { Namespace: { type: 'string', doc: 'Kubernetes namespace to match.' }, Labels: stringMap('Pod labels to match.') },
      },
    },
    ClientRequestToken: clientRequestToken,
    Tags: tags,
  },
};

const deleteFargateProfile: EksApiSpec = {
  api: 'deleteFargateProfile',
  family: 'eks',
  operation: 'DeleteFargateProfile',
  patterns: ['requestResponse', 'sync'],
  summary: 'Deletes a Fargate profile. Only one profile per cluster can be deleting at a time.',
  syncBehaviour: 'Waits until the profile is deleted.',
  docsUrl: `${EKS_API_REFERENCE}API_DeleteFargateProfile.html`,
  identifiers: { cluster: 'ClusterName', fargateProfile: 'FargateProfileName' },
  lifecycle: { action: 'delete', resource: 'fargate-profile' },
  passedRoles: [],
  resultKey: 'FargateProfile',
  parameters: {
    ClusterName: { ...clusterName, doc: 'Name of the cluster the profile belongs to.' },
    FargateProfileName: { type: 'string', required: true, doc: 'Name of the Fargate profile to delete.' },
  },
};

/** Every optimized EKS integration, by API name (case-sensitive, as written in the resource ARN). */
export const EKS_APIS: ReadonlyMap<EksApiName, EksApiSpec> = new Map(
  [runJob, call, createCluster, deleteCluster, createNodegroup, deleteNodegroup, createFargateProfile, deleteFargateProfile].map((spec) => [spec.api, spec]),
);

export const EKS_API_NAMES: readonly EksApiName[] = [...EKS_APIS.keys()];

export function eksApi(api: string | undefined): EksApiSpec | undefined {
  return api === undefined ? undefined : EKS_APIS.get(api as EksApiName);
}

/** The resource ARN of an EKS integration as AWS examples write it. */
export function eksResourceArn(api: EksApiName, pattern: IntegrationPattern = 'requestResponse', partition = 'aws'): string {
  const suffix = pattern === 'requestResponse' || pattern === 'unknown' ? '' : `.${pattern}`;
  return `arn:${partition}:states:::eks:${api}${suffix}`;
}

/** `Method` values of eks:call, read from the parameter spec. */
export const EKS_CALL_METHODS: readonly string[] = (call.parameters.Method as StringSpec).enum ?? [];

/** Facts about the Kubernetes Job that eks:runJob submits (reference §3.4). */
export const KUBERNETES_JOB = {
  apiVersion: 'batch/v1',
  kind: 'Job',
  /** A Job's pod template may only use these; PodSpec defaults to `Always` when omitted. */
  restartPolicies: ['Never', 'OnFailure'] as readonly string[],
  podSpecDefaultRestartPolicy: 'Always',
  /** Retries Kubernetes makes when `spec.backoffLimit` is absent. */
  defaultBackoffLimit: 6,
  /** `metadata.name`: a DNS subdomain (RFC 1123), at most 253 characters… */
  namePattern: /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/,
  nameMaxLength: 253,
  /** …and, because it seeds the pods' `job-name` label and host names, at most 63 to be safe (reference §3.4). */
  nameLabelMaxLength: 63,
  /** Container names: DNS labels (RFC 1123), at most 63 characters. */
  containerNamePattern: /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/,
  containerNameMaxLength: 63,
  docsUrl: 'https://kubernetes.io/docs/concepts/workloads/controllers/job/',
} as const;

/**
 * How often eks:runJob.sync polls the Job: about every minute at first, slowing to about every 5 minutes.
 * A Job deleted (ttlSecondsAfterFinished) sooner than the slowest poll may be gone before Step Functions sees it finish.
 */
export const RUN_JOB_POLL_INTERVAL_SECONDS = { initial: 60, slowest: 300 } as const;

/** Step Functions' task result quota (256 KiB as UTF-8) that retrieved logs and listed objects count against. */
export const TASK_RESULT_QUOTA_BYTES = 262144;

/** Host suffixes of EKS API server endpoints (reference §4): IPv4, dual-stack, China. */
export const EKS_ENDPOINT_HOST_SUFFIXES: readonly string[] = ['.eks.amazonaws.com', '.api.aws', '.eks.amazonaws.com.cn', '.api.amazonwebservices.com.cn'];

/** Keys of eks:call list responses that bound or filter a GET on a collection. */
export const KUBERNETES_LIST_BOUNDS: readonly string[] = ['limit', 'labelSelector', 'fieldSelector'];

/**
 * Parameter names the rules read directly (the specs above declare them; a test keeps the two in step).
 * Use these instead of string literals so that a name appears once.
 */
export const EKS_PARAMETERS = {
  endpoint: 'Endpoint',
  certificateAuthority: 'CertificateAuthority',
  namespace: 'Namespace',
  job: 'Job',
  logOptions: 'LogOptions',
  retrieveLogs: 'RetrieveLogs',
  rawLogs: 'RawLogs',
  logParameters: 'LogParameters',
  method: 'Method',
  path: 'Path',
  queryParameters: 'QueryParameters',
  requestBody: 'RequestBody',
  resourcesVpcConfig: 'ResourcesVpcConfig',
  endpointPublicAccess: 'EndpointPublicAccess',
  endpointPrivateAccess: 'EndpointPrivateAccess',
  publicAccessCidrs: 'PublicAccessCidrs',
  accessConfig: 'AccessConfig',
  bootstrapClusterCreatorAdminPermissions: 'BootstrapClusterCreatorAdminPermissions',
  authenticationMode: 'AuthenticationMode',
} as const;

/** The parameter that carries an integration's inline Kubernetes document (a Job manifest, a request body). */
export const EKS_INLINE_DOCUMENTS: ReadonlyMap<string, string> = new Map<EksApiName, string>([
  ['runJob', EKS_PARAMETERS.job],
  ['call', EKS_PARAMETERS.requestBody],
]);
