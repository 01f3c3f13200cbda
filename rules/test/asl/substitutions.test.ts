import rule from '../../src/asl/substitutions.js';
import { ruleTester } from '../../../test-support/rule-tester.js';

const samTemplate = (definition: string, substitutions = '        WorkerArn: !GetAtt Worker.Arn\n'): string => `Transform: AWS::Serverless-2016-10-31
Parameters:
  Stage:
    Type: String
Resources:
  Worker:
    Type: AWS::Serverless::Function
  Machine:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionSubstitutions:
${substitutions}      Definition:
${definition}`;

ruleTester(rule, {
  valid: [
    { name: 'DefinitionSubstitutions key', filename: 'template.yaml', code: samTemplate('        StartAt: A\n        States:\n          A: { Type: Task, Resource: "${WorkerArn}", End: true }\n') },
    {
      name: 'Fn::Sub resolves parameters, resources, attributes, pseudo parameters and its variables',
      filename: 'template.yaml',
      code: samTemplate('        StartAt: A\n        States:\n          A:\n            Type: Pass\n            Result: !Sub ["${Stage}-${Worker}-${Worker.Arn}-${AWS::Region}-${Extra}-${!WorkerArn}", { Extra: x }]\n            End: true\n'),
    },
    {
      name: 'placeholders in a plain .asl.json file are not checked (nothing says what substitutes them)',
      code: '{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"${LambdaArn}","End":true}}}',
    },
    {
      name: 'Serverless variables are not template placeholders',
      filename: 'serverless.yml',
      code: 'service: s\nprovider: { name: aws }\nstepFunctions:\n  stateMachines:\n    m:\n      definition:\n        StartAt: A\n        States:\n          A: { Type: Task, Resource: "${self:custom.arn}", End: true }\n',
    },
    {
      name: 'intrinsic functions inside a definition are opaque, not placeholders',
      filename: 'template.json',
      code: '{"Resources":{"M":{"Type":"AWS::StepFunctions::StateMachine","Properties":{"Definition":{"StartAt":"A","States":{"A":{"Type":"Task","Resource":{"Fn::GetAtt":["Missing","Arn"]},"End":true}}}}}}}',
    },
  ],
  invalid: [
    {
      name: 'a typo in a DefinitionSubstitutions placeholder (full message)',
      filename: 'template.yaml',
      code: samTemplate('        StartAt: A\n        States:\n          A: { Type: Task, Resource: "${WokrerArn}", End: true }\n'),
      errors: [
        {
          messageId: 'undefinedSubstitution',
          message: 'Placeholder "${WokrerArn}" in state machine "Machine" is not a key of DefinitionSubstitutions (did you mean "WorkerArn"?): Step Functions receives the text "${WokrerArn}" unchanged',
          line: 16, column: 39, endLine: 16, endColumn: 51,
        },
      ],
    },
    {
      name: 'an unknown name in a !Sub value (full message)',
      filename: 'template.yaml',
      code: samTemplate('        StartAt: A\n        States:\n          A:\n            Type: Pass\n            Result: !Sub "${Stage}-${Nope}"\n            End: true\n'),
      errors: [
        {
          messageId: 'undefinedSub',
          message: 'Placeholder "${Nope}" in state machine "Machine" is not a parameter, resource or pseudo parameter of the template nor a variable of the Fn::Sub map: CloudFormation rejects the template',
          line: 18, column: 36, endLine: 18, endColumn: 43,
        },
      ],
    },
    {
      name: 'YAML DefinitionString !Sub | block: the placeholder where it stands, also outside a JSON string',
      filename: 'template.yaml',
      code: `Resources:
  M:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      DefinitionString: !Sub |
        {
          "StartAt": "A",
          "States": {
            "A": { "Type": "Wait", "Seconds": \${Delay}, "Next": "B" },
            "B": { "Type": "Task", "Resource": "arn:\${AWS::Partition}:lambda:\${AWS::Region}:\${AWS::AccountId}:function:\${Fn}", "End": true }
          }
        }
`,
      errors: [
        { messageId: 'undefinedSub', line: 9, column: 47, endLine: 9, endColumn: 55 },
        { messageId: 'undefinedSub', line: 10, column: 120, endLine: 10, endColumn: 125 },
      ],
    },
    {
      name: 'JSON DefinitionString with escaped quotes and a DefinitionSubstitutions map',
      filename: 'template.json',
      code: `{
  "Resources": {
    "M": {
      "Type": "AWS::StepFunctions::StateMachine",
      "Properties": {
        "DefinitionSubstitutions": { "FnArn": "arn:aws:lambda:us-east-1:123456789012:function:f" },
        "DefinitionString": "{\\"StartAt\\": \\"A\\", \\"States\\": {\\"A\\": {\\"Type\\": \\"Task\\", \\"Resource\\": \\"\${FnArm}\\", \\"End\\": true}}}"
      }
    }
  }
}`,
      errors: [{ messageId: 'undefinedSubstitution', message: 'Placeholder "${FnArm}" in state machine "M" is not a key of DefinitionSubstitutions (did you mean "FnArn"?): Step Functions receives the text "${FnArm}" unchanged', line: 7, column: 108, endLine: 7, endColumn: 116 }],
    },
  ],
});
