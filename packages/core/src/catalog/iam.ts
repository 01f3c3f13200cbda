/**
 * The IAM statements each Step Functions integration needs, as data: the single place the IAM deriver
 * (`iam/derive-policy.ts`) and `iam/role-permissions` read them from.
 *
 * Resource templates use `{partition}`, `{region}`, `{account}` for the environment and `{variable}` (or
 * `{variable.name}`, `{variable.region}`, `{variable.account}`) for values read from the Task's parameters.
 *
 * Sources:
 * - EKS: reference §6.2, from the Step Functions developer guide, connect-eks.html "IAM policies for calling Amazon EKS"
 *   (the four templates are reproduced statement for statement, in AWS's action order).
 * - Lambda, SNS, SQS, DynamoDB, Step Functions, ECS, Batch, Glue: the Step Functions developer guide pages
 *   lambda-iam.html, sns-iam.html, sqs-iam.html, dynamo-iam.html, stepfunctions-iam.html, ecs-iam.html,
 *   batch-iam.html, connect-glue.html "IAM policies for calling AWS Glue", service-integration-iam-templates.html.
 * - EventBridge PutEvents: eventbridge-iam.html.
 * - AWS SDK integrations: IAM prefixes that differ from the SDK service name as AWS CDK's `CallAwsService` maps them
 *   (aws-stepfunctions-tasks/lib/aws-sdk/call-aws-service.ts); action exceptions from the operations' permission
 *   notes in the Amazon S3 API Reference (ListObjectsV2 → s3:ListBucket, HeadObject → s3:GetObject,
 *   HeadBucket → s3:ListBucket), CDK's CallAwsService docs (ListBuckets → s3:ListAllMyBuckets) and the Lambda
 *   Invoke operation (lambda:InvokeFunction).
 * - Request-response EKS states: the statements AWS CDK attaches (its EKS integ test templates) show which actions
 *   only `.sync` uses (`syncOnly`), and that the Fargate integration reads its role (iam:GetRole).
 */
import type { IntegrationPattern } from '../resource.js';
import { EKS_PARAMETERS, eksApi, type EksApiName } from './eks.js';

/** How a parameter's value turns into (part of) an ARN. */
export type ResourceValueKind =
  /** A plain name that fills one ARN segment: cluster, node group, Fargate profile. */
  | 'name'
  /** An IAM role ARN, used whole. */
  | 'iam-role-arn'
  /** A Lambda function name, partial ARN or ARN, with an optional version or alias. */
  | 'lambda-function'
  | 'sns-topic-arn'
  | 'sqs-queue-url'
  /** A DynamoDB table name or table ARN. */
  | 'dynamodb-table'
  | 'state-machine-arn'
  /** An ECS task definition: `family`, `family:revision` or its ARN. */
  | 'ecs-task-definition'
  /** An EventBridge event bus name or ARN. */
  | 'event-bus';

export interface ResourceVariable {
  /** The Task parameter (PascalCase) that holds the value. */
  readonly parameter: string;
  readonly kind: ResourceValueKind;
  /** What the value names, for explanations: "cluster name". */
  readonly noun: string;
  /** The parameter is a list; each item's field of this name names one resource (EventBridge `Entries[].EventBusName`). */
  readonly item?: string;
  /** The value an item without that field stands for (the `default` event bus). */
  readonly itemDefault?: string;
}

export interface ResourceFact {
  /** The least-privilege form; `*` is any resource. */
  readonly arn: string;
  /** The broader form AWS's generated template uses, when it differs. */
  readonly awsTemplate?: string;
  /** Used instead of `arn` when a whole-value variable (`{role}`) is dynamic: widen only that value. */
  readonly widened?: string;
  /** Used when the variable's parameter is absent (SNS `TargetArn`/`PhoneNumber` instead of `TopicArn`)… */
  readonly absent?: string;
  /** …and why, for the explanation. */
  readonly absentReason?: string;
}

export type PolicyCondition = Readonly<Record<string, Readonly<Record<string, string>>>>;

export interface StatementFact {
  /** Names the statement inside its integration (empty when the API name says it all); ends the `Sid`. */
  readonly sid: string;
  readonly actions: readonly string[];
  readonly resources: readonly ResourceFact[];
  readonly condition?: PolicyCondition;
  /** Only for these integration patterns (polling and cancelling of `.sync`). */
  readonly patterns?: readonly IntegrationPattern[];
  /** Why Step Functions needs it, for `--explain`. */
  readonly why: string;
  /**
   * Actions of this statement that only `.sync` uses (polling, cancelling): AWS's template grants them for every
   * pattern, so the policy keeps them, but a role check does not require them of a request-response state
   * (AWS CDK grants only the create/delete call there).
   */
  readonly syncOnly?: readonly string[];
  /** AWS's template writes the lone action / resource as a string rather than an array. */
  readonly actionAsString?: boolean;
  readonly resourceAsString?: boolean;
}

export type Evidence = 'documented' | 'inferred';

export interface IntegrationIam {
  /** `eks:createCluster`: the service and API of `arn:<partition>:states:::<service>:<api>`. */
  readonly key: string;
  readonly variables: Readonly<Record<string, ResourceVariable>>;
  readonly statements: readonly StatementFact[];
  /** `inferred`: AWS documents no template; the statements follow the pattern of a documented sibling. */
  readonly evidence: Evidence;
  readonly source: string;
  /** Facts the explanation adds for every use (service-linked roles, roles the tool cannot see). */
  readonly notes?: readonly string[];
  /** The call goes to the Kubernetes API: no IAM action, Kubernetes RBAC instead (reference §6.4). */
  readonly kubernetes?: { readonly method?: string; readonly path?: string; readonly namespace?: string };
}

const EKS_SOURCE = 'AWS Step Functions developer guide, connect-eks.html "IAM policies for calling Amazon EKS" (reference §6.2)';
const EKS_FARGATE_SOURCE =
  'inferred from the documented createNodegroup/deleteNodegroup templates and the statements AWS CDK attaches to EksCreateFargateProfile (AWS documents no template for Fargate profiles; reference §6.2, UNVERIFIED #15)';
const SERVICE_LINKED_ROLE_NOTE =
  'The first cluster, node group or Fargate profile in an account also needs iam:CreateServiceLinkedRole when the EKS service-linked role does not exist yet (connect-eks.html); AWS leaves it out of its template, and so does this policy.';
const SYNC: readonly IntegrationPattern[] = ['sync', 'sync:2'];

const CLUSTER_ARN = 'arn:{partition}:eks:{region}:{account}:cluster/{cluster}';
const ROLE_WILDCARD = 'arn:{partition}:iam::{account}:role/*';
const PASSED_TO_EKS: PolicyCondition = { StringEquals: { 'iam:PassedToService': 'eks.amazonaws.com' } };

function eventsRule(rule: string): ResourceFact {
  return { arn: `arn:{partition}:events:{region}:{account}:rule/${rule}` };
}

const EVENTS_ACTIONS = ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'];

/** The parameters that name an EKS API's cluster, node group, profile and passed role, read from the EKS catalog. */
function eksVariables(api: EksApiName): Record<string, ResourceVariable> {
  const spec = eksApi(api)!;
  const variables: Record<string, ResourceVariable> = { cluster: { parameter: spec.identifiers.cluster, kind: 'name', noun: 'cluster name' } };
  if (spec.identifiers.nodegroup) variables.nodegroup = { parameter: spec.identifiers.nodegroup, kind: 'name', noun: 'node group name' };
  if (spec.identifiers.fargateProfile) variables.profile = { parameter: spec.identifiers.fargateProfile, kind: 'name', noun: 'Fargate profile name' };
  const [role] = spec.passedRoles;
  if (role) variables.role = { parameter: role.key, kind: 'iam-role-arn', noun: role.purpose };
  return variables;
}

const FACTS: readonly IntegrationIam[] = [
  {
    key: 'eks:createCluster',
    evidence: 'documented',
    source: EKS_SOURCE,
    variables: eksVariables('createCluster'),
    statements: [
      { sid: 'Create', actions: ['eks:CreateCluster'], resources: [{ arn: '*' }], resourceAsString: true, why: 'creates the cluster (eks:CreateCluster has no resource type: only "*" works)' },
      {
        sid: 'Manage',
        actions: ['eks:DescribeCluster', 'eks:DeleteCluster'],
        syncOnly: ['eks:DescribeCluster', 'eks:DeleteCluster'],
        resources: [{ arn: CLUSTER_ARN, awsTemplate: 'arn:{partition}:eks:{region}:{account}:cluster/*' }],
        resourceAsString: true,
        why: 'DescribeCluster watches the new cluster (.sync waits for ACTIVE); DeleteCluster lets Step Functions cancel the creation when the execution stops',
      },
      {
        sid: 'PassRole',
        actions: ['iam:PassRole'],
        actionAsString: true,
        resources: [{ arn: '{role}', widened: ROLE_WILDCARD }],
        condition: PASSED_TO_EKS,
        why: 'hands the cluster role to Amazon EKS',
      },
    ],
    notes: [SERVICE_LINKED_ROLE_NOTE],
  },
  {
    key: 'eks:createNodegroup',
    evidence: 'documented',
    source: EKS_SOURCE,
    variables: eksVariables('createNodegroup'),
    statements: [
      { sid: 'Create', actions: ['ec2:DescribeSubnets', 'eks:CreateNodegroup'], resources: [{ arn: '*' }], resourceAsString: true, why: 'checks the subnets and creates the node group' },
      {
        sid: 'Manage',
        actions: ['eks:DescribeNodegroup', 'eks:DeleteNodegroup'],
        syncOnly: ['eks:DescribeNodegroup', 'eks:DeleteNodegroup'],
        resources: [{ arn: 'arn:{partition}:eks:{region}:{account}:nodegroup/{cluster}/{nodegroup}/*', awsTemplate: 'arn:{partition}:eks:{region}:{account}:nodegroup/*' }],
        resourceAsString: true,
        why: 'DescribeNodegroup watches the new node group (.sync waits for ACTIVE); DeleteNodegroup lets Step Functions cancel the creation when the execution stops',
      },
      {
        sid: 'ReadRoles',
        actions: ['iam:GetRole', 'iam:ListAttachedRolePolicies'],
        resources: [{ arn: ROLE_WILDCARD }],
        resourceAsString: true,
        why: 'reads the node role and its attached policies (AWS grants this on role/*; which roles it reads is not documented, so it is not narrowed)',
      },
      {
        sid: 'PassRole',
        actions: ['iam:PassRole'],
        actionAsString: true,
        resources: [{ arn: '{role}', widened: ROLE_WILDCARD }],
        condition: PASSED_TO_EKS,
        why: 'hands the node role to Amazon EKS',
      },
    ],
    notes: [
      SERVICE_LINKED_ROLE_NOTE,
      "AWS CDK's EksCreateNodegroup also grants ec2:DescribeLaunchTemplates, ec2:DescribeLaunchTemplateVersions, ec2:DescribeVpcs and ec2:DescribeAvailabilityZones; AWS's documented template does not, and neither does this policy.",
    ],
  },
  {
    key: 'eks:deleteCluster',
    evidence: 'documented',
    source: EKS_SOURCE,
    variables: eksVariables('deleteCluster'),
    statements: [
      { sid: '', actions: ['eks:DeleteCluster', 'eks:DescribeCluster'], syncOnly: ['eks:DescribeCluster'], resources: [{ arn: CLUSTER_ARN }], why: 'deletes the cluster; DescribeCluster watches it until it is gone (.sync)' },
    ],
  },
  {
    key: 'eks:deleteNodegroup',
    evidence: 'documented',
    source: EKS_SOURCE,
    variables: eksVariables('deleteNodegroup'),
    statements: [
      {
        sid: '',
        actions: ['eks:DeleteNodegroup', 'eks:DescribeNodegroup'],
        syncOnly: ['eks:DescribeNodegroup'],
        resources: [{ arn: 'arn:{partition}:eks:{region}:{account}:nodegroup/{cluster}/{nodegroup}/*' }],
        why: 'deletes the node group; DescribeNodegroup watches it until it is gone (.sync)',
      },
    ],
  },
  {
    key: 'eks:createFargateProfile',
    evidence: 'inferred',
    source: EKS_FARGATE_SOURCE,
    variables: eksVariables('createFargateProfile'),
    statements: [
      { sid: 'Create', actions: ['eks:CreateFargateProfile'], resources: [{ arn: '*' }], resourceAsString: true, why: 'creates the Fargate profile (as eks:CreateNodegroup in the node group template)' },
      {
        sid: 'Manage',
        actions: ['eks:DescribeFargateProfile', 'eks:DeleteFargateProfile'],
        syncOnly: ['eks:DescribeFargateProfile', 'eks:DeleteFargateProfile'],
        resources: [{ arn: 'arn:{partition}:eks:{region}:{account}:fargateprofile/{cluster}/{profile}/*', awsTemplate: 'arn:{partition}:eks:{region}:{account}:fargateprofile/*' }],
        resourceAsString: true,
        why: 'DescribeFargateProfile watches the new profile (.sync); DeleteFargateProfile lets Step Functions cancel the creation',
      },
      {
        sid: 'ReadRole',
        actions: ['iam:GetRole'],
        resources: [{ arn: ROLE_WILDCARD }],
        resourceAsString: true,
        why: 'reads the pod execution role (AWS CDK grants iam:GetRole for this integration, as the node group template grants it for node groups)',
      },
      {
        sid: 'PassRole',
        actions: ['iam:PassRole'],
        actionAsString: true,
        resources: [{ arn: '{role}', widened: ROLE_WILDCARD }],
        condition: PASSED_TO_EKS,
        why: 'hands the pod execution role to Amazon EKS (the iam:PassedToService value is inferred)',
      },
    ],
    notes: [SERVICE_LINKED_ROLE_NOTE],
  },
  {
    key: 'eks:deleteFargateProfile',
    evidence: 'inferred',
    source: EKS_FARGATE_SOURCE,
    variables: eksVariables('deleteFargateProfile'),
    statements: [
      {
        sid: '',
        actions: ['eks:DeleteFargateProfile', 'eks:DescribeFargateProfile'],
        syncOnly: ['eks:DescribeFargateProfile'],
        resources: [{ arn: 'arn:{partition}:eks:{region}:{account}:fargateprofile/{cluster}/{profile}/*' }],
        why: 'deletes the Fargate profile; DescribeFargateProfile watches it until it is gone (.sync)',
      },
    ],
  },
  {
    key: 'eks:runJob',
    evidence: 'documented',
    source: `${EKS_SOURCE}; AWS CDK EksCall attaches no IAM statement (reference §6.2, §6.4)`,
    variables: eksVariables('runJob'),
    statements: [],
    kubernetes: { namespace: EKS_PARAMETERS.namespace },
  },
  {
    key: 'eks:call',
    evidence: 'documented',
    source: `${EKS_SOURCE}; AWS CDK EksCall attaches no IAM statement (reference §6.2, §6.4)`,
    variables: eksVariables('call'),
    statements: [],
    kubernetes: { method: EKS_PARAMETERS.method, path: EKS_PARAMETERS.path },
  },
  {
    key: 'lambda:invoke',
    evidence: 'documented',
    source: 'AWS Step Functions developer guide, lambda-iam.html',
    variables: { function: { parameter: 'FunctionName', kind: 'lambda-function', noun: 'function' } },
    statements: [
      {
        sid: '',
        actions: ['lambda:InvokeFunction'],
        resources: [{ arn: '{function}', widened: 'arn:{partition}:lambda:{region}:{account}:function:*' }],
        why: 'invokes the function',
      },
    ],
  },
  {
    key: 'sns:publish',
    evidence: 'documented',
    source: 'AWS Step Functions developer guide, sns-iam.html',
    variables: { topic: { parameter: 'TopicArn', kind: 'sns-topic-arn', noun: 'topic' } },
    statements: [
      {
        sid: '',
        actions: ['sns:Publish'],
        resources: [{ arn: '{topic}', widened: 'arn:{partition}:sns:{region}:{account}:*', absent: '*', absentReason: 'the state publishes to a TargetArn or PhoneNumber, which need "*"' }],
        why: 'publishes the message',
      },
    ],
  },
  {
    key: 'sqs:sendMessage',
    evidence: 'documented',
    source: 'AWS Step Functions developer guide, sqs-iam.html',
    variables: { queue: { parameter: 'QueueUrl', kind: 'sqs-queue-url', noun: 'queue' } },
    statements: [
      { sid: '', actions: ['sqs:SendMessage'], resources: [{ arn: '{queue}', widened: 'arn:{partition}:sqs:{region}:{account}:*' }], why: 'sends the message' },
    ],
  },
  ...(['getItem', 'putItem', 'updateItem', 'deleteItem'] as const).map(
    (api): IntegrationIam => ({
      key: `dynamodb:${api}`,
      evidence: 'documented',
      source: 'AWS Step Functions developer guide, dynamo-iam.html (AWS grants all four item actions; this policy grants only the one the state calls)',
      variables: { table: { parameter: 'TableName', kind: 'dynamodb-table', noun: 'table' } },
      statements: [
        {
          sid: '',
          actions: [`dynamodb:${api[0].toUpperCase()}${api.slice(1)}`],
          resources: [{ arn: '{table}', widened: 'arn:{partition}:dynamodb:{region}:{account}:table/*' }],
          why: `calls ${api[0].toUpperCase()}${api.slice(1)} on the table`,
        },
      ],
    }),
  ),
  {
    key: 'states:startExecution',
    evidence: 'documented',
    source: 'AWS Step Functions developer guide, stepfunctions-iam.html',
    variables: { stateMachine: { parameter: 'StateMachineArn', kind: 'state-machine-arn', noun: 'state machine' } },
    statements: [
      {
        sid: '',
        actions: ['states:StartExecution'],
        resources: [{ arn: '{stateMachine}', widened: 'arn:{partition}:states:{region}:{account}:stateMachine:*' }],
        why: 'starts the nested execution',
      },
      {
        sid: 'Track',
        patterns: SYNC,
        actions: ['states:DescribeExecution', 'states:StopExecution'],
        resources: [{ arn: 'arn:{partition}:states:{stateMachine.region}:{stateMachine.account}:execution:{stateMachine.name}:*' }],
        why: 'follows the nested execution to its end and stops it when this execution stops',
      },
      {
        sid: 'Events',
        patterns: SYNC,
        actions: EVENTS_ACTIONS,
        resources: [eventsRule('StepFunctionsGetEventsForStepFunctionsExecutionRule')],
        why: 'the managed EventBridge rule through which Step Functions learns that the nested execution ended',
      },
    ],
  },
  {
    key: 'events:putEvents',
    evidence: 'documented',
    source: 'AWS Step Functions developer guide, eventbridge-iam.html',
    variables: { bus: { parameter: 'Entries', item: 'EventBusName', itemDefault: 'default', kind: 'event-bus', noun: 'event bus' } },
    statements: [
      { sid: '', actions: ['events:PutEvents'], resources: [{ arn: '{bus}', widened: 'arn:{partition}:events:{region}:{account}:event-bus/*' }], why: 'puts the events on the bus' },
    ],
  },
  {
    key: 'ecs:runTask',
    evidence: 'documented',
    source: 'AWS Step Functions developer guide, ecs-iam.html',
    variables: { taskDefinition: { parameter: 'TaskDefinition', kind: 'ecs-task-definition', noun: 'task definition' } },
    statements: [
      { sid: '', actions: ['ecs:RunTask'], resources: [{ arn: '{taskDefinition}', widened: 'arn:{partition}:ecs:{region}:{account}:task-definition/*' }], why: 'starts the task' },
      { sid: 'Track', patterns: SYNC, actions: ['ecs:StopTask', 'ecs:DescribeTasks'], resources: [{ arn: '*' }], resourceAsString: true, why: 'watches the task and stops it when the execution stops (the task id is only known at run time)' },
      { sid: 'Events', patterns: SYNC, actions: EVENTS_ACTIONS, resources: [eventsRule('StepFunctionsGetEventsForECSTaskRule')], why: 'the managed EventBridge rule through which Step Functions learns that the task stopped' },
    ],
    notes: ['A task definition with a task role or execution role also needs iam:PassRole on those roles; they are not in the state machine definition, so add them by hand.'],
  },
  {
    key: 'batch:submitJob',
    evidence: 'documented',
    source: 'AWS Step Functions developer guide, batch-iam.html',
    variables: {},
    statements: [
      { sid: '', actions: ['batch:SubmitJob'], resources: [{ arn: '*' }], resourceAsString: true, why: 'submits the job (AWS Batch supports resource-level permissions only partly)' },
      { sid: 'Track', patterns: SYNC, actions: ['batch:DescribeJobs', 'batch:TerminateJob'], resources: [{ arn: '*' }], resourceAsString: true, why: 'watches the job and terminates it when the execution stops' },
      { sid: 'Events', patterns: SYNC, actions: EVENTS_ACTIONS, resources: [eventsRule('StepFunctionsGetEventsForBatchJobsRule')], why: 'the managed EventBridge rule through which Step Functions learns that the job ended' },
    ],
  },
  {
    key: 'glue:startJobRun',
    evidence: 'documented',
    source: 'AWS Step Functions developer guide, connect-glue.html "IAM policies for calling AWS Glue"',
    variables: {},
    statements: [
      { sid: '', actions: ['glue:StartJobRun'], resources: [{ arn: '*' }], resourceAsString: true, why: 'starts the job run (AWS Glue has no resource-based control here)' },
      { sid: 'Track', patterns: SYNC, actions: ['glue:GetJobRun', 'glue:GetJobRuns', 'glue:BatchStopJobRun'], resources: [{ arn: '*' }], resourceAsString: true, why: 'polls the job run and stops it when the execution stops' },
    ],
  },
];

const BY_KEY: ReadonlyMap<string, IntegrationIam> = new Map(FACTS.map((fact) => [fact.key, fact]));

/** The IAM facts of an optimized integration (`eks`, `createCluster`), or undefined when none are known. */
export function integrationIam(service: string, api: string): IntegrationIam | undefined {
  return BY_KEY.get(`${service}:${api}`);
}

export const INTEGRATION_IAM: readonly IntegrationIam[] = FACTS;

/** The direct Lambda resource (`"Resource": "arn:aws:lambda:…:function:f"`) needs the same as `lambda:invoke`. */
export const DIRECT_LAMBDA_IAM = BY_KEY.get('lambda:invoke')!;

/** AWS SDK service names whose IAM prefix differs (AWS CDK `CallAwsService`, and the services' IAM references). */
/** What a Kubernetes-API integration (eks:runJob, eks:call) needs instead of IAM actions (reference §6.4, §2.8). */
export const KUBERNETES_ACCESS_SUMMARY =
  "no IAM action: the call goes to the cluster's Kubernetes API, so the role needs Kubernetes RBAC rights in the cluster (an access entry or `aws-auth`); without them it fails with `EKS.401`.";

export const AWS_SDK_IAM_PREFIX: ReadonlyMap<string, string> = new Map([
  ['bedrockagent', 'bedrock'],
  ['cloudwatchlogs', 'logs'],
  ['efs', 'elasticfilesystem'],
  ['elasticloadbalancingv2', 'elasticloadbalancing'],
  ['eventbridge', 'events'],
  ['sesv2', 'ses'],
  ['acmpca', 'acm-pca'],
  ['emrcontainers', 'emr-containers'],
  ['emrserverless', 'emr-serverless'],
  ['cognitoidentityprovider', 'cognito-idp'],
  ['applicationautoscaling', 'application-autoscaling'],
  ['costexplorer', 'ce'],
  ['mediapackagevod', 'mediapackage-vod'],
  ['mwaa', 'airflow'],
  ['sfn', 'states'],
]);

/** `service:api` of an AWS SDK integration → the IAM action(s) it needs, where they are not `prefix:Api`. */
export const AWS_SDK_ACTION_EXCEPTIONS: ReadonlyMap<string, readonly string[]> = new Map([
  ['s3:listObjectsV2', ['s3:ListBucket']],
  ['s3:listObjects', ['s3:ListBucket']],
  ['s3:headObject', ['s3:GetObject']],
  ['s3:headBucket', ['s3:ListBucket']],
  ['s3:listBuckets', ['s3:ListAllMyBuckets']],
  ['lambda:invoke', ['lambda:InvokeFunction']],
]);

export const AWS_SDK_SOURCE =
  'AWS SDK integration: action named after the API (IAM prefixes as AWS CDK CallAwsService maps them; exceptions from the Service Authorization Reference)';

/** The placeholders used when no partition, Region or account is given: CloudFormation pseudo parameters. */
export const ENVIRONMENT_PLACEHOLDERS = Object.freeze({
  partition: '${AWS::Partition}',
  region: '${AWS::Region}',
  account: '${AWS::AccountId}',
});

export const PARTITIONS: readonly string[] = ['aws', 'aws-cn', 'aws-us-gov'];

/**
 * IAM prefixes whose resources can carry resource-based policies (IAM User Guide, "AWS services that work with IAM"):
 * a role may be allowed there even when its own policy does not say so. EKS, ECS, Batch and Step Functions have none.
 */
export const RESOURCE_POLICY_PREFIXES: ReadonlySet<string> = new Set(['lambda', 'sns', 'sqs', 'events', 's3', 'kms', 'secretsmanager', 'dynamodb', 'glue']);
