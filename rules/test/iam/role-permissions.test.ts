import { describe, expect, it } from 'vitest';
import { lintText, resolveRules } from '@asl-lint/core';
import { ruleTester } from '../../../test-support/rule-tester.js';
import rule from '../../src/iam/role-permissions.js';

const DELETE_CLUSTER = `          Delete cluster:
            Type: Task
            Resource: arn:aws:states:::eks:deleteCluster.sync
            Parameters:
              Name: jobs
            End: true`;

const CREATE_CLUSTER = `          Create cluster:
            Type: Task
            Resource: arn:aws:states:::eks:createCluster.sync
            Parameters:
              Name: jobs
              RoleArn: arn:aws:iam::111122223333:role/service-role/eks-cluster
              ResourcesVpcConfig:
                SubnetIds: [subnet-1, subnet-2]
            Next: Run job
          Run job:
            Type: Task
            Resource: arn:aws:states:::eks:runJob.sync
            Parameters:
              ClusterName: jobs
              CertificateAuthority.$: $.Cluster.CertificateAuthority.Data
              Endpoint.$: $.Cluster.Endpoint
              Job: {}
            End: true`;

/** A CloudFormation template: the state machine (states indented 10) and its role with `statements` (indented 14). */
function template(states: string, statements: string, roleExtra = ''): string {
  return `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Machine:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      RoleArn: !GetAtt MachineRole.Arn
      Definition:
        StartAt: ${/^ {10}([^:]+):/.exec(states)![1]}
        States:
${states}
  MachineRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {}
${roleExtra}      Policies:
        - PolicyName: machine
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
${statements}
`;
}

/** A SAM state machine whose role SAM creates from `Policies`. */
function samTemplate(states: string, policies: string): string {
  return `Transform: AWS::Serverless-2016-10-31
Resources:
  Machine:
    Type: AWS::Serverless::StateMachine
    Properties:
      Definition:
        StartAt: ${/^ {10}([^:]+):/.exec(states)![1]}
        States:
${states}
      Policies:
${policies}
`;
}

/** Adds two roles to a template, for `!GetAtt ClusterRole.Arn` / `!GetAtt NodeRole.Arn`. */
function withRoles(code: string): string {
  const role = (name: string) => `  ${name}:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: {}\n`;
  return code.replace('  MachineRole:\n', `${role('ClusterRole')}${role('NodeRole')}  MachineRole:\n`);
}

const CLUSTER_ARN = '!Sub arn:${AWS::Partition}:eks:${AWS::Region}:${AWS::AccountId}:cluster/jobs';

ruleTester(rule, {
  valid: [
    {
      name: 'a stand-alone definition has no role to compare',
      code: '{\n  "StartAt": "A",\n  "States": { "A": { "Type": "Task", "Resource": "arn:aws:states:::eks:deleteCluster", "Parameters": { "Name": "jobs" }, "End": true } }\n}\n',
    },
    {
      name: 'both actions on the cluster, through Fn::Sub',
      code: template(DELETE_CLUSTER, `              - Effect: Allow\n                Action: [eks:DeleteCluster, eks:DescribeCluster]\n                Resource: ${CLUSTER_ARN}`),
    },
    {
      name: 'wildcard actions, hard-coded Region and account',
      code: template(DELETE_CLUSTER, `              - Effect: Allow\n                Action: eks:*\n                Resource: arn:aws:eks:eu-west-1:111122223333:cluster/*`),
    },
    {
      name: 'a resource the check cannot read counts as granting',
      code: template(DELETE_CLUSTER, `              - Effect: Allow\n                Action: [eks:DeleteCluster, eks:DescribeCluster]\n                Resource: !If [Prod, !Ref ClusterArn, '*']`),
    },
    {
      name: 'NotAction grants everything it does not name',
      code: template(DELETE_CLUSTER, `              - Effect: Allow\n                NotAction: iam:*\n                Resource: '*'`),
    },
    {
      name: 'createCluster with PassRole on the role path; runJob needs no IAM action',
      code: template(
        CREATE_CLUSTER,
        [
          `              - Effect: Allow`,
          `                Action: [eks:CreateCluster]`,
          `                Resource: '*'`,
          `              - Effect: Allow`,
          `                Action: [eks:DescribeCluster, eks:DeleteCluster]`,
          `                Resource: ${CLUSTER_ARN}`,
          `              - Effect: Allow`,
          `                Action: iam:PassRole`,
          `                Resource: !Sub arn:\${AWS::Partition}:iam::\${AWS::AccountId}:role/service-role/*`,
        ].join('\n'),
      ),
    },
    {
      name: 'request-response createCluster needs only the create call and PassRole (as AWS CDK grants)',
      code: template(
        CREATE_CLUSTER.replace('eks:createCluster.sync', 'eks:createCluster'),
        [`              - Effect: Allow`, `                Action: eks:CreateCluster`, `                Resource: '*'`, `              - Effect: Allow`, `                Action: iam:PassRole`, `                Resource: '*'`].join('\n'),
      ),
    },
    {
      name: 'PassRole on the role the definition passes, both by !GetAtt',
      code: withRoles(template(
        CREATE_CLUSTER.replace('RoleArn: arn:aws:iam::111122223333:role/service-role/eks-cluster', 'RoleArn: !GetAtt ClusterRole.Arn'),
        [
          `              - Effect: Allow`,
          `                Action: [eks:CreateCluster, eks:DescribeCluster, eks:DeleteCluster]`,
          `                Resource: '*'`,
          `              - Effect: Allow`,
          `                Action: iam:PassRole`,
          `                Resource: [!GetAtt ClusterRole.Arn]`,
        ].join('\n'),
      )),
    },
    {
      name: 'an external role (an ARN) is not compared',
      code: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Machine:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/shared
      Definition:
        StartAt: Delete cluster
        States:
${DELETE_CLUSTER}
`,
    },
  ],
  invalid: [
    {
      name: 'an action the role lacks, with the state that needs it',
      code: template(DELETE_CLUSTER, `              - Effect: Allow\n                Action: eks:DescribeCluster\n                Resource: ${CLUSTER_ARN}`),
      errors: [
        {
          messageId: 'missing',
          message: 'State "Delete cluster" needs eks:DeleteCluster on arn:aws:eks:${AWS::Region}:${AWS::AccountId}:cluster/jobs, which role MachineRole does not grant',
          line: 12,
          column: 23,
          endLine: 12,
          endColumn: 62,
        },
      ],
    },
    {
      name: 'the right action on another cluster',
      code: template(DELETE_CLUSTER, `              - Effect: Allow\n                Action: [eks:DeleteCluster, eks:DescribeCluster]\n                Resource: arn:aws:eks:*:*:cluster/other`),
      errors: [
        { messageId: 'missing', data: { state: 'Delete cluster', action: 'eks:DeleteCluster', resource: 'arn:aws:eks:${AWS::Region}:${AWS::AccountId}:cluster/jobs', role: 'role MachineRole' }, line: 12, column: 23, endLine: 12, endColumn: 62 },
        { messageId: 'missing', data: { state: 'Delete cluster', action: 'eks:DescribeCluster', resource: 'arn:aws:eks:${AWS::Region}:${AWS::AccountId}:cluster/jobs', role: 'role MachineRole' }, line: 12, column: 23, endLine: 12, endColumn: 62 },
      ],
    },
    {
      name: 'createCluster without iam:PassRole on the cluster role',
      code: template(
        CREATE_CLUSTER,
        [`              - Effect: Allow`, `                Action: [eks:CreateCluster, eks:DescribeCluster, eks:DeleteCluster]`, `                Resource: '*'`].join('\n'),
      ),
      errors: [
        {
          messageId: 'missing',
          message: 'State "Create cluster" needs iam:PassRole on arn:aws:iam::111122223333:role/service-role/eks-cluster, which role MachineRole does not grant',
          line: 12,
          column: 23,
          endLine: 12,
          endColumn: 62,
        },
      ],
    },
    {
      name: 'a Lambda function may allow the role in its own policy: a warning, not a proof',
      code: template(
        `          Notify:\n            Type: Task\n            Resource: arn:aws:states:::lambda:invoke\n            Parameters:\n              FunctionName: notify\n            End: true`,
        `              - Effect: Allow\n                Action: eks:*\n                Resource: '*'`,
      ),
      errors: [
        {
          messageId: 'missingUnlessResourcePolicy',
          message:
            'State "Notify" needs lambda:InvokeFunction on arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:notify, which role MachineRole does not grant; unless a resource-based policy on that resource allows the role, the call is denied',
          line: 12,
          column: 23,
          endLine: 12,
          endColumn: 53,
        },
      ],
    },
    {
      name: 'PassRole on another role of the template',
      code: withRoles(template(
        CREATE_CLUSTER.replace('RoleArn: arn:aws:iam::111122223333:role/service-role/eks-cluster', 'RoleArn: !GetAtt ClusterRole.Arn'),
        [
          `              - Effect: Allow`,
          `                Action: [eks:CreateCluster, eks:DescribeCluster, eks:DeleteCluster]`,
          `                Resource: '*'`,
          `              - Effect: Allow`,
          `                Action: iam:PassRole`,
          `                Resource: !GetAtt NodeRole.Arn`,
        ].join('\n'),
      )),
      errors: [
        {
          messageId: 'missing',
          message: 'State "Create cluster" needs iam:PassRole on ${ClusterRole.Arn}, which role MachineRole does not grant',
          line: 12,
          column: 23,
          endLine: 12,
          endColumn: 62,
        },
      ],
    },
    {
      name: 'Deny statements are not read as grants',
      code: template(DELETE_CLUSTER, `              - Effect: Deny\n                Action: eks:*\n                Resource: '*'`),
      errors: [
        { messageId: 'missing', data: { state: 'Delete cluster', action: 'eks:DeleteCluster', resource: 'arn:aws:eks:${AWS::Region}:${AWS::AccountId}:cluster/jobs', role: 'role MachineRole' }, line: 12, column: 23, endLine: 12, endColumn: 62 },
        { messageId: 'missing', data: { state: 'Delete cluster', action: 'eks:DescribeCluster', resource: 'arn:aws:eks:${AWS::Region}:${AWS::AccountId}:cluster/jobs', role: 'role MachineRole' }, line: 12, column: 23, endLine: 12, endColumn: 62 },
      ],
    },
    {
      name: 'a managed policy the tool cannot read: one info on the role, no guess',
      code: template(
        DELETE_CLUSTER,
        `              - Effect: Allow\n                Action: eks:DescribeCluster\n                Resource: ${CLUSTER_ARN}`,
        `      ManagedPolicyArns:\n        - arn:aws:iam::111122223333:policy/eks-operations\n`,
      ),
      errors: [
        {
          messageId: 'unreadable',
          message: 'Role MachineRole also gets permissions from managed policy arn:aws:iam::111122223333:policy/eks-operations, which asl-lint cannot read; check that they grant eks:DeleteCluster (state "Delete cluster")',
          line: 6,
          column: 16,
          endLine: 6,
          endColumn: 39,
        },
      ],
    },
    {
      name: 'SAM: inline statements and a policy template',
      code: samTemplate(
        DELETE_CLUSTER,
        `        - Statement:\n            - Effect: Allow\n              Action: eks:DescribeCluster\n              Resource: '*'\n        - LambdaInvokePolicy:\n            FunctionName: notify`,
      ),
      errors: [
        {
          messageId: 'unreadable',
          message: 'The role SAM creates from Policies also gets permissions from SAM policy template LambdaInvokePolicy, which asl-lint cannot read; check that they grant eks:DeleteCluster (state "Delete cluster")',
          line: 16,
          column: 9,
          endLine: 22,
          endColumn: 1,
        },
      ],
    },
    {
      name: 'Serverless Framework: the role among resources.Resources',
      filename: 'serverless.yml',
      code: `service: nightly
provider:
  name: aws
stepFunctions:
  stateMachines:
    cleanup:
      role: !GetAtt CleanupRole.Arn
      definition:
        StartAt: Delete cluster
        States:
          Delete cluster:
            Type: Task
            Resource: arn:aws:states:::eks:deleteCluster.sync
            Parameters:
              Name: jobs
            End: true
resources:
  Resources:
    CleanupRole:
      Type: AWS::IAM::Role
      Properties:
        AssumeRolePolicyDocument: {}
        Policies:
          - PolicyName: eks
            PolicyDocument:
              Statement:
                - Effect: Allow
                  Action: eks:DescribeCluster
                  Resource: '*'
`,
      errors: [
        {
          messageId: 'missing',
          message: 'State "Delete cluster" needs eks:DeleteCluster on arn:aws:eks:${AWS::Region}:${AWS::AccountId}:cluster/jobs, which role CleanupRole does not grant',
          line: 13,
          column: 23,
          endLine: 13,
          endColumn: 62,
        },
      ],
    },
    {
      name: 'SAM: only inline statements',
      code: samTemplate(DELETE_CLUSTER, `        - Statement:\n            - Effect: Allow\n              Action: eks:DescribeCluster\n              Resource: '*'`),
      errors: [
        {
          messageId: 'missing',
          message: 'State "Delete cluster" needs eks:DeleteCluster on arn:aws:eks:${AWS::Region}:${AWS::AccountId}:cluster/jobs, which the role SAM creates from Policies does not grant',
          line: 11,
          column: 23,
          endLine: 11,
          endColumn: 62,
        },
      ],
    },
  ],
});

describe('iam/role-permissions severities', () => {
  const severities = (code: string) => lintText(code, { filePath: 'template.yaml', rules: resolveRules([rule], []) }).diagnostics.map((d) => [d.messageId, d.severity]);

  it('an EKS action is an error, a Lambda action a warning, unreadable policies an info', () => {
    expect(severities(template(DELETE_CLUSTER, `              - Effect: Allow\n                Action: eks:DescribeCluster\n                Resource: '*'`))).toEqual([['missing', 'error']]);
    expect(
      severities(
        template(`          Notify:\n            Type: Task\n            Resource: arn:aws:states:::lambda:invoke\n            Parameters:\n              FunctionName: notify\n            End: true`, `              - Effect: Allow\n                Action: eks:*\n                Resource: '*'`),
      ),
    ).toEqual([['missingUnlessResourcePolicy', 'warning']]);
    expect(
      severities(
        template(DELETE_CLUSTER, `              - Effect: Allow\n                Action: eks:DescribeCluster\n                Resource: '*'`, `      ManagedPolicyArns:\n        - arn:aws:iam::aws:policy/PowerUserAccess\n`),
      ),
    ).toEqual([['unreadable', 'info']]);
  });
});
