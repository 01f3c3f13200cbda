/**
 * Definitions where they live: every host shape of `fixtures/templates/` is extracted, and the findings
 * land on the exact host positions (each finding is pinned with the text it covers, so a review reads it).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { linkedExtractor, lintText, resolveRules, toLineColumn, type LintResult } from '@asl-lint/core';
import { allRules } from '@asl-lint/rules';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = join(repo, 'fixtures/templates');
const RULES = ['asl/parse', 'asl/transitions', 'asl/unreachable-state', 'asl/substitutions', 'asl/express-patterns'];
const rules = resolveRules(allRules.filter((rule) => RULES.includes(rule.meta.id)), []);

function lint(file: string): LintResult {
  return lintText(readFileSync(join(fixtures, file), 'utf8'), { filePath: file, rules });
}

function findings(result: LintResult): [string, string, string][] {
  return result.diagnostics.map((d) => {
    const p = toLineColumn(result.lines, d.range);
    return [d.ruleId, `${p.line}:${p.column}-${p.endLine}:${p.endColumn}`, result.text.slice(d.range.start, d.range.end)];
  });
}

/** [rule, line:column-endLine:endColumn, the host text under the range]. */
const EXPECTED: Record<string, [string, string, string][]> = {
  // JSON DefinitionString: escaped quotes, \n and \u escapes; a parse error of the string lands in the template.
  'cfn-escaped.json': [
    ['asl/substitutions', '8:273-8:280', '${Body}'],
    ['asl/transitions', '8:295-8:303', '\\"Sent\\"'],
    ['asl/parse', '14:91-14:98', '\\"End\\"'],
  ],
  // `Fn::Sub: [>, vars]` folded block (EXPRESS), a multi-line double-quoted scalar, a single-quoted scalar with ''.
  'cfn-folded.yaml': [
    ['asl/express-patterns', '11:28-11:75', '"arn:aws:states:::sns:publish.waitForTaskToken"'],
    ['asl/transitions', '13:24-13:30', '"Gone"'],
    ['asl/transitions', '19:60-19:65', '\\"B\\"'],
    ['asl/transitions', '23:104-23:107', '"C"'],
  ],
  // Fn::Join pieces with Ref/GetAtt between them, one outside any JSON string (TimeoutSeconds).
  'cfn-join.json': [['asl/transitions', '17:26-17:36', '\\"Finish\\"']],
  'cfn-join.yaml': [['asl/transitions', '10:25-10:28', '"Z"']],
  // `DefinitionString: !Sub |`: a placeholder outside a JSON string, one that nothing defines.
  'cfn-sub-block.yaml': [
    ['asl/substitutions', '21:42-21:65', '${CertificateAuthority}'],
    ['asl/substitutions', '26:33-26:43', '${Timeout}'],
    ['asl/transitions', '27:23-27:29', '"Dnoe"'],
    ['asl/unreachable-state', '29:13-29:19', '"Done"'],
  ],
  // SAM Definition object with DefinitionSubstitutions, intrinsic functions inside, Type: EXPRESS.
  'sam-definition.yaml': [
    ['asl/substitutions', '28:23-28:35', '${WokrerArn}'],
    ['asl/express-patterns', '32:23-32:56', 'arn:aws:states:::ecs:runTask.sync'],
  ],
  'serverless.yml': [
    ['asl/express-patterns', '22:23-22:72', 'arn:aws:states:::sqs:sendMessage.waitForTaskToken'],
    ['asl/transitions', '26:19-26:26', 'Missing'],
  ],
  'sam-definition-uri/template.yaml': [],
  'cdk/cfn-state-machine.js': [
    ['asl/express-patterns', '9:49-9:89', "'arn:aws:states:::glue:startJobRun.sync'"],
    ['asl/parse', '14:87-14:92', '"End"'],
    // A literal placeholder that definitionSubstitutions does not define.
    ['asl/substitutions', '21:101-21:109', '${FnAnr}'],
  ],
  // A CustomState fragment: no StartAt or graph rules.
  'cdk/custom-state.ts': [],
  // Definitions held in `const`s of the file.
  'cdk/constants.ts': [['asl/transitions', '5:38-5:41', "'B'"]],
  // JSON.stringify({…}) as const, a string literal with \', a template literal with ${expression}.
  'cdk/from-string.ts': [
    ['asl/express-patterns', '10:41-10:90', "'arn:aws:states:::lambda:invoke.waitForTaskToken'"],
    ['asl/transitions', '10:157-10:163', "'Dnoe'"],
    ['asl/unreachable-state', '11:9-11:13', 'Done'],
    ['asl/transitions', '16:130-16:133', '"B"'],
    ['asl/transitions', '21:76-21:79', '"C"'],
  ],
};

describe('definitions in templates and code', () => {
  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`${file}: findings at their host positions`, () => {
      expect(findings(lint(file))).toEqual(expected);
    });
  }

  it('extracts every state machine with its host, name, workflow type and editability', () => {
    const summary = (file: string) => lint(file).definitions.map((d) => [d.host, d.kind, d.name, d.workflowType ?? '-', d.editable]);
    expect(summary('cfn-folded.yaml')).toEqual([
      ['cloudformation', 'state-machine', 'Folded', 'EXPRESS', false],
      // StateMachineType omitted: STANDARD.
      ['cloudformation', 'state-machine', 'Quoted', 'STANDARD', false],
      ['cloudformation', 'state-machine', 'Single', 'STANDARD', false],
    ]);
    expect(summary('sam-definition.yaml')).toEqual([['sam', 'state-machine', 'Orders', 'EXPRESS', false]]);
    expect(summary('serverless.yml')).toEqual([['serverless', 'state-machine', 'ordersFlow', 'EXPRESS', false]]);
    expect(summary('cdk/custom-state.ts')).toEqual([['cdk', 'state', 'Run job', '-', false]]);
    expect(summary('cdk/from-string.ts')).toEqual([
      ['cdk', 'state-machine', 'Stringified', 'EXPRESS', false],
      ['cdk', 'state-machine', 'Literal', 'STANDARD', false],
      ['cdk', 'state-machine', 'Template', 'STANDARD', false],
    ]);
    expect(summary('cdk/constants.ts')).toEqual([
      ['cdk', 'state', 'Callback', '-', false],
      ['cdk', 'state-machine', 'M', 'EXPRESS', false],
    ]);
    expect(summary('cdk/cfn-state-machine.js')).toEqual([
      ['cdk', 'state-machine', 'Low', 'EXPRESS', false],
      ['cdk', 'state-machine', 'Substituted', 'STANDARD', false],
    ]);
  });

  it('reads intrinsic functions and code expressions as opaque ${…} values', () => {
    const sam = lint('sam-definition.yaml').definitions[0];
    const report = (sam.root as { properties: { key: string; value: unknown }[] }) && findNodeValue(sam.root, ['States', 'Report']);
    expect(report).toMatchObject({ Parameters: { Cluster: '${Cluster.Arn}', TaskDefinition: '${TaskDefinition}' }, TimeoutSeconds: '${Timeout}' });
    const cdk = lint('cdk/custom-state.ts').definitions[0];
    expect(findNodeValue(cdk.root, [])).toMatchObject({ Parameters: { ClusterName: '${clusterName}' }, TimeoutSeconds: '${60 * 5}' });
    const join = lint('cfn-join.json').definitions[0];
    expect(findNodeValue(join.root, ['States', 'Invoke'])).toMatchObject({
      Resource: 'arn:${AWS::Partition}:states:::lambda:invoke',
      Parameters: { FunctionName: '${Worker.Arn}' },
      TimeoutSeconds: '${Timeout}',
    });
    // Stand-ins for intrinsic functions are not placeholders to check.
    expect(join.hostContext?.placeholders).toEqual([]);
  });

  it('gives the IAM rule the role: the role resource, its inline and attached policies, managed policies', () => {
    const [machine] = lint('cfn-sub-block.yaml').definitions;
    const role = machine.hostContext?.role;
    expect(role?.kind).toBe('role-resource');
    expect(role?.logicalId).toBe('RunJobsRole');
    expect(role?.statements.map((s) => [s.policyName, s.statement])).toEqual([
      ['run-jobs', { Effect: 'Allow', Action: ['eks:DescribeCluster'], Resource: { 'Fn::GetAtt': 'Cluster.Arn' } }],
      ['extra', { Effect: 'Allow', Action: 'logs:CreateLogDelivery', Resource: '*' }],
    ]);
    expect(role?.managedPolicies.map((m) => m.value)).toEqual(['arn:aws:iam::aws:policy/ReadOnlyAccess']);
  });

  it('gives the IAM rule SAM Policies: inline statements, managed policies and policy templates', () => {
    const role = lint('sam-definition.yaml').definitions[0].hostContext?.role;
    expect(role?.kind).toBe('sam-policies');
    expect(role?.statements.map((s) => s.statement)).toEqual([{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }]);
    expect(role?.managedPolicies.map((m) => m.value)).toEqual(['AWSXrayWriteOnlyAccess']);
    expect(role?.policyTemplates.map((t) => [t.name, t.parameters])).toEqual([['LambdaInvokePolicy', { FunctionName: { Ref: 'Worker' } }]]);
  });

  it('gives the IAM rule the SAM connectors whose source is the state machine', () => {
    const text = `Transform: AWS::Serverless-2016-10-31
Resources:
  Worker:
    Type: AWS::Serverless::Function
  Table:
    Type: AWS::DynamoDB::Table
  Machine:
    Type: AWS::Serverless::StateMachine
    Properties:
      Connectors:
        ToTable:
          Properties:
            Destination: { Id: Table }
            Permissions: [Read, Write]
      Definition: { StartAt: A, States: { A: { Type: Succeed } } }
  MachineToWorker:
    Type: AWS::Serverless::Connector
    Properties:
      Source: { Id: Machine }
      Destination: { Id: Worker }
      Permissions: [Write]
  OtherToWorker:
    Type: AWS::Serverless::Connector
    Properties:
      Source: { Id: Other }
      Destination: { Id: Worker }
      Permissions: [Write]
`;
    const role = lintText(text, { filePath: 'connectors.yaml', rules }).definitions[0].hostContext?.role;
    expect(role?.connectors?.map((c) => [c.destinationId, c.destinationType, c.permissions])).toEqual([
      ['Table', 'AWS::DynamoDB::Table', ['Read', 'Write']],
      ['Worker', 'AWS::Serverless::Function', ['Write']],
    ]);
  });

  it('gives the IAM rule a Serverless machine\'s role from resources.Resources', () => {
    const text = `service: s
provider: { name: aws }
stepFunctions:
  stateMachines:
    flow:
      role: { Fn::GetAtt: [FlowRole, Arn] }
      definition: { StartAt: A, States: { A: { Type: Succeed } } }
    generated:
      definition: { StartAt: A, States: { A: { Type: Succeed } } }
resources:
  Resources:
    FlowRole:
      Type: AWS::IAM::Role
      Properties:
        Policies:
          - PolicyName: p
            PolicyDocument: { Statement: [{ Effect: Allow, Action: sqs:SendMessage, Resource: '*' }] }
`;
    const [flow, generated] = lintText(text, { filePath: 'serverless.yml', rules }).definitions;
    expect([flow.hostContext?.role?.kind, flow.hostContext?.role?.logicalId, flow.hostContext?.role?.statements.length]).toEqual(['role-resource', 'FlowRole', 1]);
    expect(generated.hostContext?.role).toBeUndefined();
  });

  it('SAM DefinitionUri: the template links the file; the file is linted with the template facts', () => {
    const template = lint('sam-definition-uri/template.yaml');
    expect(template.definitions).toEqual([]);
    expect(template.linked?.map((l) => [l.path, l.host, l.name, l.workflowType])).toEqual([['statemachine/flow.asl.json', 'sam', 'Machine', 'EXPRESS']]);
    const link = template.linked![0];
    expect(template.text.slice(link.range.start, link.range.end)).toBe('statemachine/flow.asl.json');
    const file = 'sam-definition-uri/statemachine/flow.asl.json';
    const result = lintText(readFileSync(join(fixtures, file), 'utf8'), { filePath: file, rules, extractors: [linkedExtractor(link)] });
    expect(findings(result)).toEqual([
      ['asl/substitutions', '4:44-4:55', '${WorkrArn}'],
      ['asl/express-patterns', '5:43-5:92', '"arn:aws:states:::lambda:invoke.waitForTaskToken"'],
    ]);
  });

  it('CDK DefinitionBody.fromFile links the file, with the definitionSubstitutions keys', () => {
    const [link] = lint('cdk/from-string.ts').linked ?? [];
    expect([link.path, link.host, link.name]).toEqual(['statemachine/flow.asl.json', 'cdk', 'FromFile']);
    expect([...(link.hostContext.substitutions?.definitionSubstitutions ?? [])]).toEqual(['WorkerArn']);
  });

  it('a template without a state machine has no definitions (it is not read as a stand-alone definition)', () => {
    const result = lintText('AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n', { filePath: 'bucket.yaml', rules });
    expect(result.definitions).toEqual([]);
    expect(result.diagnostics).toEqual([]);
  });

  it('a definition whose shape an Fn::If chooses is not linted (no reading of it is the deployed one); an Fn::If value is opaque', () => {
    const text = `Resources:
  Shape:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      Definition:
        StartAt: A
        States: !If [IsProd, { A: { Type: Succeed } }, { B: { Type: Fail } }]
  Value:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      Definition:
        StartAt: A
        States: { A: { Type: Wait, Seconds: !If [IsProd, 60, 1], End: true } }
`;
    const result = lintText(text, { filePath: 'conditional.yaml', rules });
    expect(result.definitions.map((d) => d.name)).toEqual(['Value']);
    expect(result.diagnostics).toEqual([]);
  });

  it('user keys such as __proto__ and constructor are data', () => {
    const text = `Resources:
  __proto__:
    Type: constructor
  toString:
    Type: AWS::Serverless::Function
  M:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionSubstitutions: { __proto__: a, hasOwnProperty: b }
      Definition:
        StartAt: __proto__
        States:
          __proto__: { Type: Pass, Result: "\${__proto__}\${hasOwnProperty}\${constructor}", End: true }
`;
    const result = lintText(text, { filePath: 'keys.yaml', rules });
    expect(findings(result)).toEqual([['asl/substitutions', '13:74-13:88', '${constructor}']]);
  });

  it('TypeScript that does not parse is one asl/parse finding, and code without state machines is nothing', () => {
    const broken = lintText('new CustomState(this, "x", { stateJson: { Type: "Pass", } ;', { filePath: 'stack.ts', rules });
    expect(findings(broken).map(([rule]) => rule)).toEqual(['asl/parse']);
    expect(lintText('export const x = 1;\n', { filePath: 'x.ts', rules }).diagnostics).toEqual([]);
  });
});

function findNodeValue(root: unknown, path: string[]): unknown {
  type Node = { kind: string; value?: unknown; properties?: { key: string; value: Node }[]; items?: Node[] };
  const plain = (node: Node): unknown =>
    node.kind === 'object' ? Object.fromEntries(node.properties!.map((p) => [p.key, plain(p.value)])) : node.kind === 'array' ? node.items!.map(plain) : node.value;
  let value = plain(root as Node) as Record<string, unknown>;
  for (const key of path) value = value[key] as Record<string, unknown>;
  return value;
}
