import { closestMatch, defineRule, type Placeholder, type SubstitutionScope } from '@asl-lint/core';

/** CloudFormation pseudo parameters, which an `Fn::Sub` resolves. */
const PSEUDO_PARAMETERS = ['AWS::AccountId', 'AWS::NotificationARNs', 'AWS::NoValue', 'AWS::Partition', 'AWS::Region', 'AWS::StackId', 'AWS::StackName', 'AWS::URLSuffix'];

function isDefined(placeholder: Placeholder, scope: SubstitutionScope): boolean {
  const { name } = placeholder;
  if (!placeholder.sub) return scope.definitionSubstitutions.has(name);
  if (placeholder.sub.variables.has(name) || scope.parameters.has(name) || PSEUDO_PARAMETERS.includes(name)) return true;
  // `${Resource}` is its Ref, `${Resource.Attribute}` its Fn::GetAtt.
  const dot = name.indexOf('.');
  return scope.resources.has(dot < 0 ? name : name.slice(0, dot));
}

function candidates(placeholder: Placeholder, scope: SubstitutionScope): string[] {
  if (!placeholder.sub) return [...scope.definitionSubstitutions];
  return [...placeholder.sub.variables, ...scope.parameters, ...scope.resources, ...PSEUDO_PARAMETERS];
}

export default defineRule({
  meta: {
    id: 'asl/substitutions',
    description: 'Every `${Name}` placeholder in a template\'s or CDK definition must be defined by DefinitionSubstitutions, the template or the Fn::Sub variable map',
    severity: 'error',
    fix: 'none',
    messages: {
      undefinedSubstitution: 'Placeholder "${{{name}}}" in state machine "{{machine}}" is not a key of DefinitionSubstitutions{{hint}}: Step Functions receives the text "${{{name}}}" unchanged',
      undefinedSub: 'Placeholder "${{{name}}}" in state machine "{{machine}}" is not a parameter, resource or pseudo parameter of the template nor a variable of the Fn::Sub map{{hint}}: CloudFormation rejects the template',
      substitutionInSub: 'Placeholder "${{{name}}}" in state machine "{{machine}}" is a DefinitionSubstitutions key inside an Fn::Sub, which resolves it first and rejects the template: write "${!{{name}}}" to leave it for DefinitionSubstitutions',
    },
    docs: {
      whatItDoes: 'In CloudFormation and SAM templates, checks each `${Name}` written in a state machine definition: in a definition that an `Fn::Sub` resolves (`DefinitionString: !Sub …`, a `!Sub` value), the name must be a template parameter, a resource (`${Resource}` or `${Resource.Attribute}`), a pseudo parameter (`${AWS::Region}`) or a variable of the `Fn::Sub` map — a `DefinitionSubstitutions` key must be written `${!Name}` there; anywhere else (a `Definition` object, a plain `DefinitionString`, a `DefinitionUri` file) only `DefinitionSubstitutions` defines it. In AWS CDK code (including a `DefinitionBody.fromFile` file) the names are the keys of the construct\'s literal `definitionSubstitutions`. Serverless Framework `${…}` are that tool\'s variables and are not checked.',
      whyItMatters: 'An `Fn::Sub` with an unknown name fails the deployment. A placeholder that no substitution replaces reaches Step Functions as literal text: `"Resource": "${ProcessFunctionArn}"` is not a valid ARN, and the state machine is rejected or fails at run time. Other rules treat every `${…}` as an unknown value, so this rule is the one that checks them.',
      examples: {
        invalid: [
          {
            title: 'A typo in a DefinitionSubstitutions placeholder',
            language: 'yaml',
            code: 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Worker:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: index.handler\n      Runtime: nodejs20.x\n      CodeUri: src/\n  Machine:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionSubstitutions:\n        WorkerArn: !GetAtt Worker.Arn\n      Definition:\n        StartAt: Work\n        States:\n          Work:\n            Type: Task\n            Resource: ${WokrerArn}\n            End: true\n',
          },
        ],
        valid: [
          {
            language: 'yaml',
            code: 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Worker:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: index.handler\n      Runtime: nodejs20.x\n      CodeUri: src/\n  Machine:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionSubstitutions:\n        WorkerArn: !GetAtt Worker.Arn\n      Definition:\n        StartAt: Work\n        States:\n          Work:\n            Type: Task\n            Resource: ${WorkerArn}\n            End: true\n',
          },
        ],
      },
    },
  },
  check(context) {
    const host = context.definition.hostContext;
    const scope = host?.substitutions;
    if (!host || !scope) return;
    for (const placeholder of host.placeholders) {
      if (isDefined(placeholder, scope)) continue;
      const data = { name: placeholder.name, machine: context.definition.name ?? host.logicalId ?? '' };
      if (placeholder.sub && scope.definitionSubstitutions.has(placeholder.name)) {
        context.report({ path: placeholder.path, range: placeholder.range, messageId: 'substitutionInSub', data });
        continue;
      }
      const suggestion = closestMatch(placeholder.name, candidates(placeholder, scope));
      context.report({
        path: placeholder.path,
        range: placeholder.range,
        messageId: placeholder.sub ? 'undefinedSub' : 'undefinedSubstitution',
        data: { ...data, hint: suggestion ? ` (did you mean "${suggestion}"?)` : '' },
      });
    }
  },
});
