import rule from '../../src/asl/express-patterns.js';
import { ruleTester } from '../../../test-support/rule-tester.js';

const task = (resource: string): string => `{
  "StartAt": "Run",
  "States": {
    "Run": { "Type": "Task", "Resource": "${resource}", "End": true }
  }
}`;

ruleTester(rule, {
  valid: [
    { name: 'request-response in an Express workflow', code: task('arn:aws:states:::lambda:invoke'), workflowType: 'EXPRESS' },
    { name: '.sync in a Standard workflow', code: task('arn:aws:states:::eks:runJob.sync'), workflowType: 'STANDARD' },
    { name: '.sync when the workflow type is not known', code: task('arn:aws:states:::eks:runJob.sync') },
    { name: 'a placeholder resource is unknown, not .sync', code: task('${JobArn}'), workflowType: 'EXPRESS' },
    {
      name: 'a SAM Standard state machine',
      filename: 'template.yaml',
      code: 'Transform: AWS::Serverless-2016-10-31\nResources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      Type: STANDARD\n      Definition:\n        StartAt: A\n        States:\n          A: { Type: Task, Resource: "arn:aws:states:::ecs:runTask.sync", End: true }\n',
    },
    {
      name: 'a template that omits the type is STANDARD, whatever --workflow-type says',
      filename: 'template.yaml',
      workflowType: 'EXPRESS',
      code: 'Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      Definition:\n        StartAt: A\n        States:\n          A: { Type: Task, Resource: "arn:aws:states:::ecs:runTask.sync", End: true }\n',
    },
    {
      name: 'a Distributed Map whose children run as Standard executions',
      code: '{"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"R","States":{"R":{"Type":"Task","Resource":"arn:aws:states:::ecs:runTask.sync","End":true}}},"End":true}}}',
    },
  ],
  invalid: [
    {
      name: '.sync with --workflow-type express (full message)',
      code: task('arn:aws:states:::eks:runJob.sync'),
      workflowType: 'EXPRESS',
      errors: [
        {
          messageId: 'express',
          message: 'State "Run" uses "arn:aws:states:::eks:runJob.sync" (.sync) in an Express workflow: Express workflows support only request-response integrations; use a Standard workflow or the resource without ".sync"',
          line: 4, column: 42, endLine: 4, endColumn: 76,
        },
      ],
    },
    {
      name: '.waitForTaskToken with the type from a CloudFormation template (StateMachineType)',
      filename: 'template.json',
      code: `{
  "Resources": {
    "M": {
      "Type": "AWS::StepFunctions::StateMachine",
      "Properties": {
        "StateMachineType": "EXPRESS",
        "DefinitionString": "{\\"StartAt\\":\\"A\\",\\"States\\":{\\"A\\":{\\"Type\\":\\"Task\\",\\"Resource\\":\\"arn:aws:states:::sqs:sendMessage.waitForTaskToken\\",\\"End\\":true}}}"
      }
    }
  }
}`,
      errors: [{ messageId: 'express', data: { state: 'A', resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', pattern: '.waitForTaskToken' }, line: 7, column: 99, endLine: 7, endColumn: 152 }],
    },
    {
      name: 'SAM Type: EXPRESS overrides --workflow-type standard; a !Sub resource is read through',
      filename: 'template.yaml',
      workflowType: 'STANDARD',
      code: 'Transform: AWS::Serverless-2016-10-31\nResources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      Type: EXPRESS\n      Definition:\n        StartAt: A\n        States:\n          A:\n            Type: Task\n            Resource: !Sub arn:${AWS::Partition}:states:::eks:runJob.sync\n            End: true\n',
      errors: [{ messageId: 'express', line: 12, column: 23, endLine: 12, endColumn: 74 }],
    },
    {
      name: 'a type given by a parameter is unknown in the template: --workflow-type decides',
      filename: 'template.yaml',
      workflowType: 'EXPRESS',
      code: 'Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      StateMachineType: !Ref MachineType\n      Definition:\n        StartAt: A\n        States:\n          A: { Type: Task, Resource: "arn:aws:states:::ecs:runTask.sync", End: true }\n',
      errors: [{ messageId: 'express', line: 9, column: 38, endLine: 9, endColumn: 73 }],
    },
    {
      name: 'a Distributed Map with Express child executions (full message)',
      code: '{"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},"StartAt":"R","States":{"R":{"Type":"Task","Resource":"arn:aws:states:::ecs:runTask.sync","End":true}}},"End":true}}}',
      errors: [
        {
          messageId: 'expressChild',
          message: 'State "R" uses "arn:aws:states:::ecs:runTask.sync" (.sync) inside Map "M", whose child workflows run as Express executions (ProcessorConfig.ExecutionType EXPRESS): only request-response integrations work there; use ExecutionType STANDARD or the resource without ".sync"',
          line: 1, column: 182, endLine: 1, endColumn: 217,
        },
      ],
    },
  ],
});
