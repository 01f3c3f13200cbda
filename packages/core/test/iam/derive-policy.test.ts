import { describe, expect, it } from 'vitest';
import { derivePolicy, explainPolicy, lintText, parseJson, parseYaml, policyToYaml, toValue, type Definition, type DerivePolicyOptions, type PolicyStatement } from '../../src/index.js';

function definitionOf(value: unknown): Definition {
  return { kind: 'state-machine', root: parseJson(JSON.stringify(value, null, 2)).root!, host: 'asl', editable: true };
}

/** A one-state machine around a Task. */
function task(resource: string, parameters: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return { StartAt: 'Task', States: { Task: { Type: 'Task', Resource: resource, Parameters: parameters, End: true, ...extra } } };
}

function derive(value: unknown, options: DerivePolicyOptions = {}) {
  return derivePolicy(definitionOf(value), options);
}

/** Statements without Sids, for comparison with AWS's templates (which have none). */
function withoutSids(statements: readonly PolicyStatement[]) {
  return statements.map(({ Sid: _sid, ...rest }) => rest);
}

const AWS_ENV = { region: 'sa-east-1', account: '444455556666' };
const CLUSTER_ROLE = 'arn:aws:iam::444455556666:role/StepFunctionsSample-EKSClusterManag-EKSServiceRole-ANPAJ2UCCR6DPCEXAMPLE';
const NODE_ROLE = 'arn:aws:iam::444455556666:role/StepFunctionsSample-EKSClusterMan-NodeInstanceRole-ANPAJ2UCCR6DPCEXAMPLE';
const SUBNETS = ['subnet-053e7c47012341234', 'subnet-027cfea4b12341234'];

const createCluster = task('arn:aws:states:::eks:createCluster.sync', { Name: 'ExampleCluster', ResourcesVpcConfig: { SubnetIds: SUBNETS }, RoleArn: CLUSTER_ROLE });
const createNodegroup = task('arn:aws:states:::eks:createNodegroup.sync', { ClusterName: 'ExampleCluster', NodegroupName: 'ExampleNodegroup', NodeRole: NODE_ROLE, Subnets: SUBNETS });
const deleteCluster = task('arn:aws:states:::eks:deleteCluster.sync', { Name: 'ExampleCluster' });
const deleteNodegroup = task('arn:aws:states:::eks:deleteNodegroup.sync', { ClusterName: 'ExampleCluster', NodegroupName: 'ExampleNodegroup' });

// Reference §6.2, verbatim (connect-eks.html "IAM policies for calling Amazon EKS").
const AWS_TEMPLATES = {
  createCluster: JSON.parse(`{"Version":"2012-10-17","Statement":[
 {"Effect":"Allow","Action":["eks:CreateCluster"],"Resource":"*"},
 {"Effect":"Allow","Action":["eks:DescribeCluster","eks:DeleteCluster"],
  "Resource":"arn:aws:eks:sa-east-1:444455556666:cluster/*"},
 {"Effect":"Allow","Action":"iam:PassRole",
  "Resource":["arn:aws:iam::444455556666:role/StepFunctionsSample-EKSClusterManag-EKSServiceRole-ANPAJ2UCCR6DPCEXAMPLE"],
  "Condition":{"StringEquals":{"iam:PassedToService":"eks.amazonaws.com"}}}]}`),
  createNodegroup: JSON.parse(`{"Version":"2012-10-17","Statement":[
 {"Effect":"Allow","Action":["ec2:DescribeSubnets","eks:CreateNodegroup"],"Resource":"*"},
 {"Effect":"Allow","Action":["eks:DescribeNodegroup","eks:DeleteNodegroup"],
  "Resource":"arn:aws:eks:sa-east-1:444455556666:nodegroup/*"},
 {"Effect":"Allow","Action":["iam:GetRole","iam:ListAttachedRolePolicies"],
  "Resource":"arn:aws:iam::444455556666:role/*"},
 {"Effect":"Allow","Action":"iam:PassRole",
  "Resource":["arn:aws:iam::444455556666:role/StepFunctionsSample-EKSClusterMan-NodeInstanceRole-ANPAJ2UCCR6DPCEXAMPLE"],
  "Condition":{"StringEquals":{"iam:PassedToService":"eks.amazonaws.com"}}}]}`),
  deleteCluster: JSON.parse(`{"Version":"2012-10-17","Statement":[
 {"Effect":"Allow","Action":["eks:DeleteCluster","eks:DescribeCluster"],
  "Resource":["arn:aws:eks:sa-east-1:444455556666:cluster/ExampleCluster"]}]}`),
  deleteNodegroup: JSON.parse(`{"Version":"2012-10-17","Statement":[
 {"Effect":"Allow","Action":["eks:DeleteNodegroup","eks:DescribeNodegroup"],
  "Resource":["arn:aws:eks:sa-east-1:444455556666:nodegroup/ExampleCluster/ExampleNodegroup/*"]}]}`),
};

describe('the four documented EKS templates', () => {
  it.each([
    ['createCluster', createCluster, ['EksCreateClusterCreate', 'EksCreateClusterManage', 'EksCreateClusterPassRole']],
    ['createNodegroup', createNodegroup, ['EksCreateNodegroupCreate', 'EksCreateNodegroupManage', 'EksCreateNodegroupReadRoles', 'EksCreateNodegroupPassRole']],
    ['deleteCluster', deleteCluster, ['EksDeleteCluster']],
    ['deleteNodegroup', deleteNodegroup, ['EksDeleteNodegroup']],
  ] as const)('%s is reproduced statement for statement', (api, definition, sids) => {
    const { document } = derive(definition, { ...AWS_ENV, style: 'aws-template' });
    expect(document.Version).toBe('2012-10-17');
    expect(withoutSids(document.Statement)).toEqual(AWS_TEMPLATES[api].Statement);
    expect(document.Statement.map((statement) => statement.Sid)).toEqual(sids);
  });

  it('deleteCluster and deleteNodegroup are already as narrow as AWS makes them', () => {
    expect(derive(deleteCluster, AWS_ENV).document).toEqual(derive(deleteCluster, { ...AWS_ENV, style: 'aws-template' }).document);
    expect(derive(deleteNodegroup, AWS_ENV).document).toEqual(derive(deleteNodegroup, { ...AWS_ENV, style: 'aws-template' }).document);
  });
});

describe('narrowing to the names the definition gives', () => {
  it('createCluster: Describe/Delete on the one cluster', () => {
    const { document } = derive(createCluster, AWS_ENV);
    expect(document.Statement[1]).toEqual({
      Sid: 'EksCreateClusterManage',
      Effect: 'Allow',
      Action: ['eks:DescribeCluster', 'eks:DeleteCluster'],
      Resource: 'arn:aws:eks:sa-east-1:444455556666:cluster/ExampleCluster',
    });
    expect(withoutSids([document.Statement[0], document.Statement[2]])).toEqual([AWS_TEMPLATES.createCluster.Statement[0], AWS_TEMPLATES.createCluster.Statement[2]]);
  });

  it('createNodegroup: Describe/Delete on the one node group; role reads stay on role/*', () => {
    const { document } = derive(createNodegroup, AWS_ENV);
    expect(document.Statement[1].Resource).toBe('arn:aws:eks:sa-east-1:444455556666:nodegroup/ExampleCluster/ExampleNodegroup/*');
    expect(document.Statement[2].Resource).toBe('arn:aws:iam::444455556666:role/*');
  });

  it('keeps a role path (role/service-role/x) as written', () => {
    const role = 'arn:aws:iam::111122223333:role/service-role/eks-cluster';
    const { document } = derive(task('arn:aws:states:::eks:createCluster', { Name: 'c1', RoleArn: role, ResourcesVpcConfig: { SubnetIds: SUBNETS } }), AWS_ENV);
    expect(document.Statement[2]).toEqual({
      Sid: 'EksCreateClusterPassRole',
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: [role],
      Condition: { StringEquals: { 'iam:PassedToService': 'eks.amazonaws.com' } },
    });
  });
});

describe('dynamic values widen only their own part, and say so', () => {
  it('a dynamic cluster name and role', () => {
    const policy = derive(task('arn:aws:states:::eks:createCluster.sync', { 'Name.$': '$.cluster', 'RoleArn.$': '$.roleArn', ResourcesVpcConfig: { SubnetIds: SUBNETS } }), AWS_ENV);
    expect(policy.document.Statement.map((statement) => statement.Resource)).toEqual(['*', 'arn:aws:eks:sa-east-1:444455556666:cluster/*', ['arn:aws:iam::444455556666:role/*']]);
    expect(policy.statements[1].sources[0].widened).toEqual(['the cluster name is dynamic ("Name.$": "$.cluster"): any cluster name (*)']);
    expect(policy.statements[2].sources[0].widened).toEqual(['the cluster IAM role is dynamic ("RoleArn.$": "$.roleArn"): widened to arn:aws:iam::444455556666:role/*']);
    expect(policy.document.Statement[2].Condition).toEqual({ StringEquals: { 'iam:PassedToService': 'eks.amazonaws.com' } });
  });

  it('a dynamic cluster with a literal node group keeps the node group name', () => {
    const { document } = derive(task('arn:aws:states:::eks:deleteNodegroup', { 'ClusterName.$': '$$.Execution.Input.cluster', NodegroupName: 'workers' }), AWS_ENV);
    expect(document.Statement[0].Resource).toEqual(['arn:aws:eks:sa-east-1:444455556666:nodegroup/*/workers/*']);
  });

  it('a template placeholder counts as dynamic, with the reason', () => {
    const policy = derive(task('arn:aws:states:::eks:deleteCluster', { Name: '${ClusterName}' }), AWS_ENV);
    expect(policy.document.Statement[0].Resource).toEqual(['arn:aws:eks:sa-east-1:444455556666:cluster/*']);
    expect(policy.statements[0].sources[0].widened).toEqual(['the cluster name is dynamic (Name "${ClusterName}" holds the template placeholder ${ClusterName}): any cluster name (*)']);
  });

  it('a role of another account than --account cannot be passed', () => {
    const policy = derive(task('arn:aws:states:::eks:createCluster', { Name: 'c', RoleArn: 'arn:aws:iam::999988887777:role/eks', ResourcesVpcConfig: { SubnetIds: SUBNETS } }), AWS_ENV);
    expect(policy.findings.map((finding) => finding.message)).toEqual([
      'State "Task" passes the role arn:aws:iam::999988887777:role/eks of account 999988887777, but the state machine runs in account 444455556666: a role can only be passed within its own account',
    ]);
    expect(derive(task('arn:aws:states:::eks:createCluster', { Name: 'c', RoleArn: 'arn:aws:iam::999988887777:role/eks', ResourcesVpcConfig: { SubnetIds: SUBNETS } })).findings).toEqual([]);
  });

  it('a malformed role ARN is a warning, never a silent guess', () => {
    const policy = derive(task('arn:aws:states:::eks:createNodegroup', { ClusterName: 'c', NodegroupName: 'n', NodeRole: 'my-node-role', Subnets: SUBNETS }), AWS_ENV);
    expect(policy.document.Statement[3].Resource).toEqual(['arn:aws:iam::444455556666:role/*']);
    expect(policy.findings).toEqual([
      {
        severity: 'warning',
        state: 'Task',
        path: ['States', 'Task', 'Parameters', 'NodeRole'],
        message: 'State "Task": NodeRole "my-node-role" is not an IAM role ARN (arn:<partition>:iam::<account>:role/<name>); the node IAM role is left as a wildcard',
      },
    ]);
  });

  it('a missing name widens and says the parameter is missing', () => {
    const policy = derive(task('arn:aws:states:::eks:deleteCluster', {}), AWS_ENV);
    expect(policy.document.Statement[0].Resource).toEqual(['arn:aws:eks:sa-east-1:444455556666:cluster/*']);
    expect(policy.statements[0].sources[0].widened).toEqual(['Name is missing: any cluster name (*)']);
  });
});

describe('several clusters, nesting, JSONata', () => {
  it('merges one action set over several clusters into one statement', () => {
    const definition = {
      StartAt: 'A',
      States: {
        A: { Type: 'Task', Resource: 'arn:aws:states:::eks:deleteCluster.sync', Parameters: { Name: 'blue' }, Next: 'B' },
        B: { Type: 'Task', Resource: 'arn:aws:states:::eks:deleteCluster.sync', Parameters: { Name: 'green' }, Next: 'C' },
        C: { Type: 'Task', Resource: 'arn:aws:states:::eks:deleteCluster', Parameters: { Name: 'blue' }, End: true },
      },
    };
    const policy = derive(definition, AWS_ENV);
    expect(policy.document.Statement).toEqual([
      {
        Sid: 'EksDeleteCluster',
        Effect: 'Allow',
        Action: ['eks:DeleteCluster', 'eks:DescribeCluster'],
        Resource: ['arn:aws:eks:sa-east-1:444455556666:cluster/blue', 'arn:aws:eks:sa-east-1:444455556666:cluster/green'],
      },
    ]);
    expect(policy.statements[0].sources.map((source) => source.state)).toEqual(['A', 'B', 'C']);
  });

  it('walks Parallel branches and Map item processors', () => {
    const definition = {
      StartAt: 'Fan out',
      States: {
        'Fan out': {
          Type: 'Parallel',
          End: true,
          Branches: [
            { StartAt: 'Delete blue', States: { 'Delete blue': { Type: 'Task', Resource: 'arn:aws:states:::eks:deleteCluster', Parameters: { Name: 'blue' }, End: true } } },
            {
              StartAt: 'Each',
              States: {
                Each: {
                  Type: 'Map',
                  End: true,
                  ItemProcessor: {
                    StartAt: 'Delete group',
                    States: { 'Delete group': { Type: 'Task', Resource: 'arn:aws:states:::eks:deleteNodegroup', Parameters: { ClusterName: 'blue', 'NodegroupName.$': '$.name' }, End: true } },
                  },
                },
              },
            },
          ],
        },
      },
    };
    const policy = derive(definition, AWS_ENV);
    expect(policy.document.Statement.map((statement) => statement.Resource)).toEqual([
      ['arn:aws:eks:sa-east-1:444455556666:cluster/blue'],
      ['arn:aws:eks:sa-east-1:444455556666:nodegroup/blue/*/*'],
    ]);
    expect(policy.statements.map((statement) => statement.sources[0].location)).toEqual([
      '"Delete blue" in branch 1 of "Fan out"',
      '"Delete group" in the item processor of "Each" in branch 2 of "Fan out"',
    ]);
  });

  it('reads JSONata Arguments: literals narrow, expressions widen', () => {
    const definition = {
      QueryLanguage: 'JSONata',
      StartAt: 'Create',
      States: {
        Create: {
          Type: 'Task',
          Resource: 'arn:aws:states:::eks:createFargateProfile.sync',
          Arguments: { ClusterName: 'jobs', FargateProfileName: '{% $states.input.profile %}', PodExecutionRoleArn: 'arn:aws:iam::444455556666:role/pods' },
          End: true,
        },
      },
    };
    const policy = derive(definition, AWS_ENV);
    expect(policy.document.Statement).toEqual([
      { Sid: 'EksCreateFargateProfileCreate', Effect: 'Allow', Action: ['eks:CreateFargateProfile'], Resource: '*' },
      { Sid: 'EksCreateFargateProfileManage', Effect: 'Allow', Action: ['eks:DescribeFargateProfile', 'eks:DeleteFargateProfile'], Resource: 'arn:aws:eks:sa-east-1:444455556666:fargateprofile/jobs/*/*' },
      { Sid: 'EksCreateFargateProfileReadRole', Effect: 'Allow', Action: ['iam:GetRole'], Resource: 'arn:aws:iam::444455556666:role/*' },
      {
        Sid: 'EksCreateFargateProfilePassRole',
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: ['arn:aws:iam::444455556666:role/pods'],
        Condition: { StringEquals: { 'iam:PassedToService': 'eks.amazonaws.com' } },
      },
    ]);
    expect(policy.statements[1].sources[0].widened).toEqual(['the Fargate profile name is dynamic ("FargateProfileName": "{% $states.input.profile %}"): any Fargate profile name (*)']);
    expect(policy.statements.every((statement) => statement.sources[0].evidence === 'inferred')).toBe(true);
    expect(policy.findings).toEqual([
      {
        severity: 'info',
        state: 'Create',
        message: 'State "Create" (eks:createFargateProfile.sync): AWS documents no IAM template for eks:createFargateProfile; its statements are inferred from the documented node group templates',
      },
    ]);
  });
});

describe('a payload that is one expression', () => {
  it('makes every resource dynamic and says why', () => {
    const definition = { QueryLanguage: 'JSONata', StartAt: 'Delete', States: { Delete: { Type: 'Task', Resource: 'arn:aws:states:::eks:deleteCluster', Arguments: '{% $states.input.request %}', End: true } } };
    const policy = derive(definition, AWS_ENV);
    expect(policy.document.Statement[0].Resource).toEqual(['arn:aws:eks:sa-east-1:444455556666:cluster/*']);
    expect(policy.statements[0].sources[0].widened).toEqual(['the cluster name is dynamic (the whole Arguments is "{% $states.input.request %}"): any cluster name (*)']);
  });
});

describe('runJob and call: Kubernetes RBAC, no IAM action', () => {
  const runJob = (extra: Record<string, unknown> = {}) => ({
    StartAt: 'Create',
    States: {
      Create: { Type: 'Task', Resource: 'arn:aws:states:::eks:createCluster.sync', Parameters: { Name: 'jobs', RoleArn: CLUSTER_ROLE, ResourcesVpcConfig: { SubnetIds: SUBNETS }, ...extra }, Next: 'Run' },
      Run: {
        Type: 'Task',
        Resource: 'arn:aws:states:::eks:runJob.sync',
        Parameters: { ClusterName: 'jobs', CertificateAuthority: 'ca', Endpoint: 'https://x.eks.amazonaws.com', Namespace: 'batch', Job: {}, LogOptions: { RetrieveLogs: true } },
        Next: 'Call',
      },
      Call: { Type: 'Task', Resource: 'arn:aws:states:::eks:call', Parameters: { 'ClusterName.$': '$.other', CertificateAuthority: 'ca', Endpoint: 'https://x', Method: 'DELETE', Path: '/apis/batch/v1/namespaces/batch/jobs/pi' }, End: true },
    },
  });

  it('adds no statement and explains the RBAC each state needs', () => {
    const policy = derive(runJob(), AWS_ENV);
    expect(policy.document.Statement.flatMap((statement) => statement.Action).filter((action) => action.startsWith('eks:Call') || action.includes('RunJob'))).toEqual([]);
    expect(policy.kubernetes.map(({ explanation: _explanation, statePath: _path, ...rest }) => rest)).toEqual([
      {
        state: 'Run',
        integration: 'eks:runJob.sync',
        cluster: 'jobs',
        permissions: [
          'verb "create" on jobs (API group "batch") in namespace "batch"',
          'verb "get" on jobs (API group "batch") in namespace "batch", to follow the Job',
          'verbs "list" on pods and "get" on pods/log (core API group) in namespace "batch", to retrieve the logs',
        ],
        createdBy: 'Create',
        creatorIsAdmin: true,
      },
      { state: 'Call', integration: 'eks:call', permissions: ['DELETE /apis/batch/v1/namespaces/batch/jobs/pi: verb "delete" on jobs "pi" (API group "batch") in namespace "batch"'] },
    ]);
    expect(policy.kubernetes[1].explanation).toBe(
      'State "Call" (eks:call) calls the Kubernetes API of the cluster given by "ClusterName.$": "$.other": no IAM action is involved. ' +
        "The state machine's role must be known to the cluster — an EKS access entry for the role, or a mapRoles entry in the aws-auth ConfigMap in kube-system (write the role ARN without its path, e.g. without service-role/) — " +
        'and Kubernetes RBAC must allow it to: DELETE /apis/batch/v1/namespaces/batch/jobs/pi: verb "delete" on jobs "pi" (API group "batch") in namespace "batch". Without that the call fails with EKS.401.',
    );
    expect(policy.kubernetes[0].explanation).toContain('The cluster is created by state "Create" of this workflow, which makes this role its administrator');
  });

  it.each([
    ['GET', '/api/v1/namespaces/default/pods?labelSelector=job-name=pi', ': verb "list" on pods (core API group) in namespace "default"'],
    ['GET', '/api/v1/namespaces/default/pods/pi-x7/log', ': verb "get" on pods/log "pi-x7" (core API group) in namespace "default"'],
    ['POST', '/api/v1/namespaces/kube-system/configmaps', ': verb "create" on configmaps (core API group) in namespace "kube-system"'],
    ['PUT', '/api/v1/namespaces/kube-system/configmaps/aws-auth', ': verb "update" on configmaps "aws-auth" (core API group) in namespace "kube-system"'],
    ['DELETE', '/apis/batch/v1/namespaces/jobs/jobs', ': verb "deletecollection" on jobs (API group "batch") in namespace "jobs"'],
    ['GET', '/api/v1/nodes', ': verb "list" on nodes (core API group)'],
    ['GET', '/api/v1/namespaces/team-a', ': verb "get" on namespaces "team-a" (core API group)'],
    ['GET', '/version', ': verb "get" on the non-resource URL /version'],
  ])('eks:call %s %s needs%s', (method, path, rbac) => {
    const policy = derive(task('arn:aws:states:::eks:call', { ClusterName: 'c', CertificateAuthority: 'ca', Endpoint: 'https://x', Method: method, Path: path }), AWS_ENV);
    expect(policy.kubernetes[0].permissions).toEqual([`${method} ${path}${rbac}`]);
  });

  it('says when the creating state turns off the creator admin permissions', () => {
    const policy = derive(runJob({ AccessConfig: { BootstrapClusterCreatorAdminPermissions: false } }), AWS_ENV);
    expect(policy.kubernetes[0].creatorIsAdmin).toBe(false);
    expect(policy.kubernetes[0].explanation).toContain('with BootstrapClusterCreatorAdminPermissions: false, so the role is not its administrator: add an access entry for it before this state.');
  });
});

describe('the integrations around EKS', () => {
  it('mixes EKS, Lambda and SNS in workflow order', () => {
    const definition = {
      StartAt: 'Prepare',
      States: {
        Prepare: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'prepare-input', 'Payload.$': '$' }, Next: 'Legacy' },
        Legacy: { Type: 'Task', Resource: 'arn:aws:lambda:sa-east-1:444455556666:function:legacy:live', Next: 'Delete' },
        Delete: { Type: 'Task', Resource: 'arn:aws:states:::eks:deleteCluster.sync', Parameters: { Name: 'jobs' }, Next: 'Notify' },
        Notify: { Type: 'Task', Resource: 'arn:aws:states:::sns:publish', Parameters: { TopicArn: 'arn:aws:sns:sa-east-1:444455556666:ops', Message: 'done' }, Next: 'Page' },
        Page: { Type: 'Task', Resource: 'arn:aws:states:::sns:publish', Parameters: { PhoneNumber: '+15555550100', Message: 'done' }, End: true },
      },
    };
    const policy = derive(definition, AWS_ENV);
    expect(policy.statements[2].sources.map((source) => source.widened)).toEqual([[], ['TopicArn is not given: the state publishes to a TargetArn or PhoneNumber, which need "*"']]);
    expect(policy.document.Statement).toEqual([
      {
        Sid: 'LambdaInvokeLambda',
        Effect: 'Allow',
        Action: ['lambda:InvokeFunction'],
        Resource: ['arn:aws:lambda:sa-east-1:444455556666:function:prepare-input', 'arn:aws:lambda:sa-east-1:444455556666:function:legacy:live'],
      },
      { Sid: 'EksDeleteCluster', Effect: 'Allow', Action: ['eks:DeleteCluster', 'eks:DescribeCluster'], Resource: ['arn:aws:eks:sa-east-1:444455556666:cluster/jobs'] },
      { Sid: 'SnsPublish', Effect: 'Allow', Action: ['sns:Publish'], Resource: ['*'] },
    ]);
  });

  it('SQS and DynamoDB name their queue and table; each DynamoDB API grants only its own action', () => {
    const definition = {
      StartAt: 'Send',
      States: {
        Send: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', Parameters: { QueueUrl: 'https://sqs.sa-east-1.amazonaws.com/444455556666/work', MessageBody: 'x' }, Next: 'Get' },
        Get: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:getItem', Parameters: { TableName: 'runs', Key: {} }, Next: 'Put' },
        Put: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:putItem', Parameters: { 'TableName.$': '$.table', Item: {} }, End: true },
      },
    };
    expect(derive(definition, AWS_ENV).document.Statement).toEqual([
      { Sid: 'SqsSendMessage', Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: ['arn:aws:sqs:sa-east-1:444455556666:work'] },
      { Sid: 'DynamodbGetItem', Effect: 'Allow', Action: ['dynamodb:GetItem'], Resource: ['arn:aws:dynamodb:sa-east-1:444455556666:table/runs'] },
      { Sid: 'DynamodbPutItem', Effect: 'Allow', Action: ['dynamodb:PutItem'], Resource: ['arn:aws:dynamodb:sa-east-1:444455556666:table/*'] },
    ]);
  });

  it.each(['sync', 'sync:2'])('states:startExecution.%s adds execution tracking and the EventBridge rule', (suffix) => {
    const machineArn = 'arn:aws:states:sa-east-1:444455556666:stateMachine:child';
    const { document } = derive(task(`arn:aws:states:::states:startExecution.${suffix}`, { StateMachineArn: machineArn, Input: {} }), AWS_ENV);
    expect(withoutSids(document.Statement)).toEqual([
      { Effect: 'Allow', Action: ['states:StartExecution'], Resource: [machineArn] },
      { Effect: 'Allow', Action: ['states:DescribeExecution', 'states:StopExecution'], Resource: ['arn:aws:states:sa-east-1:444455556666:execution:child:*'] },
      { Effect: 'Allow', Action: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'], Resource: ['arn:aws:events:sa-east-1:444455556666:rule/StepFunctionsGetEventsForStepFunctionsExecutionRule'] },
    ]);
  });

  it('states:startExecution without .sync only starts', () => {
    const { document } = derive(task('arn:aws:states:::states:startExecution', { 'StateMachineArn.$': '$.child' }), AWS_ENV);
    expect(withoutSids(document.Statement)).toEqual([{ Effect: 'Allow', Action: ['states:StartExecution'], Resource: ['arn:aws:states:sa-east-1:444455556666:stateMachine:*'] }]);
  });

  it('ECS, Batch and Glue .sync as AWS documents them', () => {
    const definition = {
      StartAt: 'Ecs',
      States: {
        Ecs: { Type: 'Task', Resource: 'arn:aws:states:::ecs:runTask.sync', Parameters: { Cluster: 'c', TaskDefinition: 'prepare:3' }, Next: 'Batch' },
        Batch: { Type: 'Task', Resource: 'arn:aws:states:::batch:submitJob.sync', Parameters: { JobName: 'j', JobQueue: 'q', JobDefinition: 'd' }, Next: 'Glue' },
        Glue: { Type: 'Task', Resource: 'arn:aws:states:::glue:startJobRun.sync', Parameters: { JobName: 'g' }, End: true },
      },
    };
    const policy = derive(definition, AWS_ENV);
    expect(withoutSids(policy.document.Statement)).toEqual([
      { Effect: 'Allow', Action: ['ecs:RunTask'], Resource: ['arn:aws:ecs:sa-east-1:444455556666:task-definition/prepare:3'] },
      {
        Effect: 'Allow',
        Action: ['ecs:StopTask', 'ecs:DescribeTasks', 'batch:SubmitJob', 'batch:DescribeJobs', 'batch:TerminateJob', 'glue:StartJobRun', 'glue:GetJobRun', 'glue:GetJobRuns', 'glue:BatchStopJobRun'],
        Resource: '*',
      },
      { Effect: 'Allow', Action: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'], Resource: ['arn:aws:events:sa-east-1:444455556666:rule/StepFunctionsGetEventsForECSTaskRule', 'arn:aws:events:sa-east-1:444455556666:rule/StepFunctionsGetEventsForBatchJobsRule'] },
    ]);
    expect(policy.notes).toContain('A task definition with a task role or execution role also needs iam:PassRole on those roles; they are not in the state machine definition, so add them by hand.');
  });

  it.each([
    ['arn:aws:states:::aws-sdk:eks:describeCluster', ['eks:DescribeCluster']],
    ['arn:aws:states:::aws-sdk:s3:listObjectsV2', ['s3:ListBucket']],
    ['arn:aws:states:::aws-sdk:sfn:describeExecution', ['states:DescribeExecution']],
    ['arn:aws:states:::aws-sdk:cloudwatchlogs:putLogEvents', ['logs:PutLogEvents']],
  ])('%s needs %j on "*", with a warning', (resource, actions) => {
    const policy = derive(task(resource, {}), AWS_ENV);
    expect(withoutSids(policy.document.Statement)).toEqual([{ Effect: 'Allow', Action: actions, Resource: '*' }]);
    expect(policy.findings[0].severity).toBe('warning');
    expect(policy.findings[0].message).toContain('is granted on "*"; narrow the Resource by hand');
  });

  it('warns about integrations it knows no facts for, and notes activities', () => {
    const definition = {
      StartAt: 'Query',
      States: {
        Query: { Type: 'Task', Resource: 'arn:aws:states:::athena:startQueryExecution.sync', Parameters: {}, Next: 'Approve' },
        Approve: { Type: 'Task', Resource: 'arn:aws:states:sa-east-1:444455556666:activity:approve', End: true },
      },
    };
    const policy = derive(definition, AWS_ENV);
    expect(policy.document.Statement).toEqual([]);
    expect(policy.findings.map((finding) => finding.message)).toEqual([
      'State "Query" uses athena:startQueryExecution, for which asl-lint knows no IAM statements; add them by hand (the service\'s "IAM policies" page in the Step Functions developer guide)',
      'State "Approve" waits for an activity worker: the state machine\'s role needs no permission for it (the worker calls GetActivityTask)',
    ]);
  });

  it('warns about what a Distributed Map needs, never a silent gap', () => {
    const definition = {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'JSON' }, Parameters: { Bucket: 'b', Key: 'k' } },
          ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'Work', States: { Work: { Type: 'Pass', End: true } } },
          End: true,
        },
      },
    };
    expect(derive(definition, AWS_ENV).findings).toEqual([
      {
        severity: 'warning',
        state: 'Each',
        path: ['States', 'Each'],
        message:
          'Map "Each" needs permissions asl-lint does not derive: to start and stop its child workflow executions (on this state machine, whose ARN the definition does not hold); for its ItemReader, to read and write the items in Amazon S3. Add them by hand ("IAM policies for using Distributed Map states" in the Step Functions developer guide)',
      },
    ]);
  });

  it('a state with Credentials needs sts:AssumeRole; its integration permissions belong to that role', () => {
    const role = 'arn:aws:iam::999988887777:role/eks-admin';
    const policy = derive(task('arn:aws:states:::eks:deleteCluster', { Name: 'x' }, { Credentials: { RoleArn: role } }), AWS_ENV);
    expect(policy.document.Statement).toEqual([{ Sid: 'StsAssumeRoleCredentials', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: [role] }]);
    expect(policy.findings[0].message).toBe('State "Task" runs with the role in its Credentials: grant eks:DeleteCluster, eks:DescribeCluster to that role, not to the state machine\'s role');
  });
});

describe('partitions and placeholders', () => {
  it('takes the partition from the Task ARN', () => {
    const { document } = derive(task('arn:aws-cn:states:::eks:deleteCluster', { Name: 'c' }), { region: 'cn-north-1', account: '444455556666' });
    expect(document.Statement[0].Resource).toEqual(['arn:aws-cn:eks:cn-north-1:444455556666:cluster/c']);
  });

  it('uses the option when the ARN holds a placeholder, and warns when they disagree', () => {
    expect(derive(task('arn:${AWS::Partition}:states:::eks:deleteCluster', { Name: 'c' }), { partition: 'aws-us-gov', ...AWS_ENV }).document.Statement[0].Resource).toEqual([
      'arn:aws-us-gov:eks:sa-east-1:444455556666:cluster/c',
    ]);
    const policy = derive(task('arn:aws:states:::eks:deleteCluster', { Name: 'c' }), { partition: 'aws-cn' });
    expect(policy.findings.map((finding) => finding.message)).toEqual(['State "Task": its Resource names partition "aws", not "aws-cn"; the policy uses "aws"']);
  });

  it('leaves CloudFormation pseudo parameters where nothing is given, and lists them', () => {
    const policy = derive(task('arn:${AWS::Partition}:states:::eks:deleteCluster', { Name: 'c' }));
    expect(policy.document.Statement[0].Resource).toEqual(['arn:${AWS::Partition}:eks:${AWS::Region}:${AWS::AccountId}:cluster/c']);
    expect(policy.placeholders).toEqual(['${AWS::Partition}', '${AWS::Region}', '${AWS::AccountId}']);
    expect(explainPolicy(policy)).toContain('- ${AWS::Region}: the Region (--region)\n');
  });
});

describe('requirements for a role check', () => {
  it('a request-response state does not use the polling and cancel actions AWS grants anyway', () => {
    const policy = derive(task('arn:aws:states:::eks:createCluster', { Name: 'c', RoleArn: CLUSTER_ROLE, ResourcesVpcConfig: { SubnetIds: SUBNETS } }), AWS_ENV);
    expect(policy.document.Statement.flatMap((statement) => statement.Action)).toEqual(['eks:CreateCluster', 'eks:DescribeCluster', 'eks:DeleteCluster', 'iam:PassRole']);
    expect(policy.requirements.map((requirement) => requirement.usedActions)).toEqual([['eks:CreateCluster'], [], ['iam:PassRole']]);
    const sync = derive(task('arn:aws:states:::eks:deleteCluster.sync', { Name: 'c' }), AWS_ENV);
    expect(sync.requirements.map((requirement) => requirement.usedActions)).toEqual([['eks:DeleteCluster', 'eks:DescribeCluster']]);
    const requestResponse = derive(task('arn:aws:states:::eks:deleteCluster', { Name: 'c' }), AWS_ENV);
    expect(requestResponse.requirements.map((requirement) => requirement.usedActions)).toEqual([['eks:DeleteCluster']]);
  });
});

describe('merging and order', () => {
  it('merges statements whose Resource and Condition agree, keeping workflow order', () => {
    const definition = {
      StartAt: 'Cluster',
      States: {
        Cluster: { Type: 'Task', Resource: 'arn:aws:states:::eks:createCluster.sync', Parameters: { Name: 'jobs', RoleArn: CLUSTER_ROLE, ResourcesVpcConfig: { SubnetIds: SUBNETS } }, Next: 'Nodes' },
        Nodes: { Type: 'Task', Resource: 'arn:aws:states:::eks:createNodegroup.sync', Parameters: { ClusterName: 'jobs', NodegroupName: 'workers', NodeRole: NODE_ROLE, Subnets: SUBNETS }, End: true },
      },
    };
    const policy = derive(definition, AWS_ENV);
    expect(policy.document.Statement.map((statement) => [statement.Sid, statement.Action])).toEqual([
      ['EksCreateClusterCreateEksCreateNodegroupCreate', ['eks:CreateCluster', 'ec2:DescribeSubnets', 'eks:CreateNodegroup']],
      ['EksCreateClusterManage', ['eks:DescribeCluster', 'eks:DeleteCluster']],
      ['EksCreateClusterPassRoleEksCreateNodegroupPassRole', 'iam:PassRole'],
      ['EksCreateNodegroupManage', ['eks:DescribeNodegroup', 'eks:DeleteNodegroup']],
      ['EksCreateNodegroupReadRoles', ['iam:GetRole', 'iam:ListAttachedRolePolicies']],
    ]);
    expect(policy.document.Statement[2].Resource).toEqual([CLUSTER_ROLE, NODE_ROLE]);
    expect(derive(definition, AWS_ENV)).toEqual(policy);
  });

  it('drops a resource that a wildcard of the same statement covers', () => {
    const definition = {
      StartAt: 'A',
      States: {
        A: { Type: 'Task', Resource: 'arn:aws:states:::eks:deleteCluster', Parameters: { Name: 'blue' }, Next: 'B' },
        B: { Type: 'Task', Resource: 'arn:aws:states:::eks:deleteCluster', Parameters: { 'Name.$': '$.name' }, End: true },
      },
    };
    expect(derive(definition, AWS_ENV).document.Statement[0].Resource).toEqual(['arn:aws:eks:sa-east-1:444455556666:cluster/*']);
  });
});

describe('policyToYaml', () => {
  it('writes placeholders as !Sub and quotes the version', () => {
    const policy = derive(task('arn:aws:states:::eks:deleteCluster', { Name: 'c' }));
    const yaml = policyToYaml(policy.document);
    expect(yaml).toBe(
      [
        "Version: '2012-10-17'",
        'Statement:',
        '  - Sid: EksDeleteCluster',
        '    Effect: Allow',
        '    Action:',
        '      - eks:DeleteCluster',
        '      - eks:DescribeCluster',
        '    Resource:',
        '      - !Sub arn:aws:eks:${AWS::Region}:${AWS::AccountId}:cluster/c',
        '',
      ].join('\n'),
    );
    // Read back as CloudFormation does: the tag becomes Fn::Sub around the same text.
    expect(toValue(parseYaml(yaml).root!)).toEqual({
      Version: '2012-10-17',
      Statement: [{ Sid: 'EksDeleteCluster', Effect: 'Allow', Action: ['eks:DeleteCluster', 'eks:DescribeCluster'], Resource: [{ 'Fn::Sub': 'arn:aws:eks:${AWS::Region}:${AWS::AccountId}:cluster/c' }] }],
    });
  });
});

describe('EventBridge PutEvents', () => {
  it('names each entry\'s bus; no EventBusName is the default bus; a dynamic bus widens', () => {
    const entries = [
      { Source: 'jobs', DetailType: 'done', Detail: {}, EventBusName: 'ops' },
      { Source: 'jobs', DetailType: 'done', Detail: {} },
      { Source: 'jobs', DetailType: 'done', Detail: {}, 'EventBusName.$': '$.bus' },
      { Source: 'jobs', DetailType: 'done', Detail: {}, EventBusName: 'arn:aws:events:us-east-1:999988887777:event-bus/central' },
    ];
    const policy = derive(task('arn:aws:states:::events:putEvents', { Entries: entries }), AWS_ENV);
    expect(policy.document.Statement).toEqual([
      {
        Sid: 'EventsPutEvents',
        Effect: 'Allow',
        Action: ['events:PutEvents'],
        Resource: ['arn:aws:events:sa-east-1:444455556666:event-bus/*', 'arn:aws:events:us-east-1:999988887777:event-bus/central'],
      },
    ]);
    expect(policy.statements[0].sources[0].widened).toEqual(['the event bus is dynamic ("Entries[2].EventBusName.$": "$.bus"): widened to arn:aws:events:sa-east-1:444455556666:event-bus/*']);
  });

  it('literal buses only', () => {
    const policy = derive(task('arn:aws:states:::events:putEvents', { Entries: [{ Detail: {}, EventBusName: 'ops' }, { Detail: {} }] }), AWS_ENV);
    expect(policy.document.Statement[0].Resource).toEqual(['arn:aws:events:sa-east-1:444455556666:event-bus/ops', 'arn:aws:events:sa-east-1:444455556666:event-bus/default']);
  });
});

describe('definitions inside a CloudFormation template', () => {
  const template = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Machine:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      RoleArn: !GetAtt MachineRole.Arn
      DefinitionSubstitutions:
        Topic: !Ref Alerts
      Definition:
        StartAt: Create
        States:
          Create:
            Type: Task
            Resource: arn:aws:states:::eks:createCluster.sync
            Parameters:
              Name: !Sub '\${AWS::StackName}-jobs'
              RoleArn: !GetAtt ClusterRole.Arn
              ResourcesVpcConfig:
                SubnetIds: [a, b]
            Next: Notify
          Notify:
            Type: Task
            Resource: arn:aws:states:::sns:publish
            Parameters:
              TopicArn: \${Topic}
              Message: done
            End: true
  ClusterRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {}
  Alerts:
    Type: AWS::SNS::Topic
`;

  it("keeps the template's own references (resolved by Fn::Sub in the same template); DefinitionSubstitutions stay dynamic", () => {
    const [definition] = lintText(template, { filePath: 'template.yaml', rules: [] }).definitions;
    const policy = derivePolicy(definition);
    expect(policy.document.Statement.map((statement) => statement.Resource)).toEqual([
      '*',
      'arn:aws:eks:\${AWS::Region}:\${AWS::AccountId}:cluster/\${AWS::StackName}-jobs',
      ['\${ClusterRole.Arn}'],
      ['arn:aws:sns:\${AWS::Region}:\${AWS::AccountId}:*'],
    ]);
    expect(policy.templateReferences).toEqual(['\${AWS::StackName}', '\${ClusterRole.Arn}']);
    expect(policy.statements[3].sources[0].widened).toEqual(['the topic is dynamic (TopicArn "\${Topic}" holds the template placeholder \${Topic}): widened to arn:aws:sns:\${AWS::Region}:\${AWS::AccountId}:*']);
    expect(policyToYaml(policy.document)).toContain("    Resource:\n      - !Sub \${ClusterRole.Arn}\n");
  });

  it('the same definition outside a template has no references to keep', () => {
    const policy = derive(task('arn:aws:states:::eks:deleteCluster', { Name: '\${ClusterName}' }));
    expect(policy.templateReferences).toEqual([]);
    expect(policy.document.Statement[0].Resource).toEqual(['arn:aws:eks:\${AWS::Region}:\${AWS::AccountId}:cluster/*']);
  });
});
