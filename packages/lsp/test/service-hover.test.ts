import { buildStateMachine, derivePolicy, parseJson } from '@asl-lint/core';
import { describe, expect, it } from 'vitest';
import { createLanguageService } from '../src/service/index.js';
import { withCursor } from './cursor.js';

const WORKFLOW = `{
  "StartAt": "Create",
  "States": {
    "Create": {
      "Type": "Task",
      "Resource": "arn:aws:states:::eks:createCluster.sync",
      "Parameters": { "Name": "batch", "RoleArn": "arn:aws:iam::123456789012:role/eks", "ResourcesVpcConfig": { "SubnetIds": ["a", "b"] } },
      "ResultPath": "$.eks",
      "Next": "Run"
    },
    "Run": {
      "Type": "Task",
      "Resource": "arn:aws:states:::eks:runJob.sync",
      "Parameters": { "ClusterName": "batch", "CertificateAuthority.$": "$.eks.Cluster.CertificateAuthority.Data", "Endpoint.$": "$.eks.Cluster.Endpoint", "LogOptions": { "RetrieveLogs": true } },
      "Next": "Delete"
    },
    "Delete": { "Type": "Task", "Comment": "Tear the cluster down", "Resource": "arn:aws:states:::eks:deleteCluster.sync", "Parameters": { "Name": "batch" }, "End": true }
  }
}`;

/** Hovers at the first occurrence of `needle`, `at` characters into it. */
function hoverAt(needle: string, at = 2, text = WORKFLOW, uri = 'file:///work/flow.asl.json') {
  const offset = text.indexOf(needle) + at;
  const { document, position } = withCursor(text.slice(0, offset) + '|' + text.slice(offset), uri);
  const hover = createLanguageService().hover(document, position);
  return hover && { value: (hover.contents as { value: string }).value, range: hover.range };
}

describe('hover', () => {
  it('on an eks resource: what it does, its patterns, what .sync does, and the IAM statements this state needs', () => {
    const hover = hoverAt('arn:aws:states:::eks:createCluster.sync')!;
    expect(hover.range).toEqual({ start: { line: 5, character: 18 }, end: { line: 5, character: 59 } });
    expect(hover.value).toBe(
      [
        '**eks:createCluster** · `.sync` (run a job) — Creates an EKS cluster.',
        '',
        'Patterns: `arn:aws:states:::eks:createCluster`, `arn:aws:states:::eks:createCluster.sync`.',
        '',
        'With `.sync`: Waits until the cluster is ACTIVE (or fails). Without `.sync` the cluster is still CREATING when the next state runs.',
        '',
        'Required parameters: `Name`, `RoleArn`, `ResourcesVpcConfig`.',
        '',
        "**IAM** (the state machine's role):",
        '- `eks:CreateCluster` on `*`',
        '- `eks:DescribeCluster`, `eks:DeleteCluster` on `arn:aws:eks:${AWS::Region}:${AWS::AccountId}:cluster/batch`',
        '- `iam:PassRole` on `arn:aws:iam::123456789012:role/eks` when {"StringEquals":{"iam:PassedToService":"eks.amazonaws.com"}}',
        '',
        '[AWS documentation](https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateCluster.html)',
      ].join('\n'),
    );
  });

  it('on eks:runJob.sync: the polling cadence and the Kubernetes RBAC the role needs instead of IAM', () => {
    const { value } = hoverAt('arn:aws:states:::eks:runJob.sync')!;
    expect(value).toContain('With `.sync`: Waits for the Job to complete (polling about once a minute, slowing to about every 5 minutes)');
    // The RBAC text is the IAM deriver's explanation for this state, verbatim.
    const machine = buildStateMachine({ kind: 'state-machine', root: parseJson(WORKFLOW).root!, host: 'asl', editable: true });
    const access = derivePolicy(machine).kubernetes.find((entry) => entry.state === 'Run')!;
    expect(value).toContain(`**Kubernetes RBAC:** ${access.explanation}\n\n[AWS documentation]`);
    expect(value).not.toContain('**IAM**');
  });

  it('on another integration the catalog knows: what it does, its patterns and the IAM it needs', () => {
    const text = '{\n  "StartAt": "Notify",\n  "States": {\n    "Notify": { "Type": "Task", "Resource": "arn:aws:states:::sns:publish", "Parameters": { "TopicArn": "arn:aws:sns:eu-west-1:123456789012:done", "Message": "ok" }, "End": true }\n  }\n}\n';
    const { value } = hoverAt('arn:aws:states:::sns:publish', 2, text)!;
    expect(value).toMatch(/^\*\*sns:publish\*\* — Publishes a message to an SNS topic\.\n\nPatterns: `arn:aws:states:::sns:publish`, `arn:aws:states:::sns:publish\.waitForTaskToken`\.\n\n\*\*IAM\*\* \(the state machine's role\):\n- `sns:Publish` on `arn:aws:sns:eu-west-1:123456789012:done`/);
  });

  it('on a parameter key, plain or dynamic, nested or not: type, required, docs from the catalog', () => {
    const plain = hoverAt('"ClusterName"')!;
    expect(plain.value).toBe(
      '**ClusterName** · a string · required · eks:runJob\n\nName of the EKS cluster whose Kubernetes API is called.\n\nA dynamic value goes in `ClusterName.$` (a path or an intrinsic function).',
    );
    expect(plain.range).toEqual({ start: { line: 13, character: 22 }, end: { line: 13, character: 35 } });
    expect(hoverAt('"Endpoint.$"')!.value).toMatch(/^\*\*Endpoint\*\* · a string · required · eks:runJob\n\nURL of the Kubernetes API server/);
    expect(hoverAt('"RetrieveLogs"')!.value).toMatch(/^\*\*LogOptions\.RetrieveLogs\*\* · a boolean · optional · eks:runJob\n\nFetch the pods' logs/);
    expect(hoverAt('"SubnetIds"')!.value).toMatch(/^\*\*ResourcesVpcConfig\.SubnetIds\*\* · a list of strings · optional · eks:createCluster/);
  });

  it('on a state name in Next, Default or StartAt: the target state', () => {
    expect(hoverAt('"Delete"', 3)!.value).toBe('**Delete** · Task state\n\nResource: `arn:aws:states:::eks:deleteCluster.sync`\n\nTear the cluster down\n\nEnds its scope (`End: true`).');
    expect(hoverAt('"Create"', 3)!.value).toBe('**Create** · Task state\n\nResource: `arn:aws:states:::eks:createCluster.sync`');
    const yaml = 'StartAt: A\nStates:\n  A:\n    Type: Choice\n    Choices:\n      - Variable: $.x\n        IsPresent: true\n        Next: B\n    Default: Gone\n  B:\n    Type: Succeed\n';
    expect(hoverAt('Next: B', 7, yaml, 'file:///work/flow.asl.yaml')!.value).toBe('**B** · Succeed state');
    expect(hoverAt('Default: Gone', 10, yaml, 'file:///work/flow.asl.yaml')!.value).toContain('No state named **Gone** in this scope.');
  });

  it('on a diagnostic: the rule, its summary and a link to its docs', () => {
    const text = '{\n  "StartAt": "A",\n  "States": {\n    "A": { "Type": "Pass", "Next": "Gone" }\n  }\n}\n';
    const { value } = hoverAt('"Gone"', 2, text)!;
    expect(value).toMatch(/^No state named \*\*Gone\*\* in this scope\.\n\n---\n\n/);
    expect(value).toContain('**asl/transitions** · error — StartAt, Next, Default and Catch Next must name a state of the same scope');
    expect(value).toContain('[Rule documentation](https://github.com/asl-lint/asl-lint/blob/main/docs/rules/asl/transitions.md)');
  });

  it('works inside CloudFormation templates', () => {
    const template = "Resources:\n  Machine:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      Definition:\n        StartAt: Del\n        States:\n          Del:\n            Type: Task\n            Resource: arn:aws:states:::eks:deleteCluster.sync\n            Parameters:\n              Name: batch\n            End: true\n";
    const resource = hoverAt('arn:aws:states:::eks:deleteCluster.sync', 2, template, 'file:///work/template.yaml')!;
    expect(resource.value).toMatch(/^\*\*eks:deleteCluster\*\* · `\.sync` \(run a job\) — Deletes an EKS cluster\./);
    expect(resource.value).toContain('- `eks:DeleteCluster`, `eks:DescribeCluster` on `arn:aws:eks:${AWS::Region}:${AWS::AccountId}:cluster/batch`');
    expect(hoverAt('Name: batch', 1, template, 'file:///work/template.yaml')!.value).toMatch(/^\*\*Name\*\* · a string · required · eks:deleteCluster/);
  });

  it('returns null where there is nothing to say, and on text that does not parse', () => {
    expect(hoverAt('"Type"', 2)).toBeNull();
    // Mid-edit text still has a tolerant tree: the StartAt target is looked up in it.
    expect(hoverAt('"A"', 1, '{"StartAt": "A", "States": {')!.value).toBe('No state named **A** in this scope.');
    const service = createLanguageService();
    for (const marked of ['|', '{|', '{"States": {"A": {"Next": |', 'a: |b\n', '- - |']) {
      for (const uri of ['file:///x.asl.json', 'file:///x.asl.yaml']) {
        const { document, position } = withCursor(marked, uri);
        expect(() => service.hover(document, position)).not.toThrow();
      }
    }
  });
});

describe('definition', () => {
  it('goes from a transition target to the state it names, in JSON, YAML and templates', () => {
    const service = createLanguageService();
    const at = (text: string, needle: string, delta: number, uri: string) => {
      const offset = text.indexOf(needle) + delta;
      const { document, position } = withCursor(text.slice(0, offset) + '|' + text.slice(offset), uri);
      return service.definition(document, position);
    };
    expect(at(WORKFLOW, '"Next": "Delete"', 10, 'file:///work/flow.asl.json')).toEqual([
      { uri: 'file:///work/flow.asl.json', range: { start: { line: 16, character: 4 }, end: { line: 16, character: 12 } } },
    ]);
    expect(at(WORKFLOW, '"StartAt": "Create"', 13, 'file:///work/flow.asl.json')[0].range.start).toEqual({ line: 3, character: 4 });
    const yaml = 'Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      Definition:\n        StartAt: A\n        States:\n          A:\n            Type: Pass\n            Next: B\n          B:\n            Type: Succeed\n';
    expect(at(yaml, 'Next: B', 6, 'file:///work/template.yaml')).toEqual([
      { uri: 'file:///work/template.yaml', range: { start: { line: 10, character: 10 }, end: { line: 10, character: 11 } } },
    ]);
    expect(at(WORKFLOW, '"Type": "Task"', 10, 'file:///work/flow.asl.json')).toEqual([]);
    expect(at('{"StartAt": "Nowhere", "States": {}}', 'Nowhere', 2, 'file:///work/flow.asl.json')).toEqual([]);
  });
});
