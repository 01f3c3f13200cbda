import { describe, expect, it } from 'vitest';
import { createLanguageService } from '../src/service/index.js';
import { cursorLocation } from '../src/service/cursor.js';
import { applyEdits, withCursor } from './cursor.js';

const YAML = 'file:///work/flow.asl.yaml';

function complete(marked: string, uri = 'file:///work/flow.asl.json') {
  const { document, position } = withCursor(marked, uri);
  const list = createLanguageService().complete(document, position);
  return { document, items: list.items, labels: list.items.map((item) => item.label) };
}

function applyItem(document: Parameters<typeof applyEdits>[0], item: { textEdit?: unknown }): string {
  return applyEdits(document, [item.textEdit as { range: never; newText: string }]);
}

const runJobJson = (parameters: string, resource = 'arn:aws:states:::eks:runJob.sync', language = '') =>
  `{\n  ${language}"StartAt": "Run",\n  "States": {\n    "Run": {\n      "Type": "Task",\n      "Resource": "${resource}",\n      ${parameters},\n      "End": true\n    }\n  }\n}\n`;

describe('cursor locations', () => {
  const at = (marked: string, language: 'json' | 'yaml') => {
    const offset = marked.indexOf('|');
    const location = cursorLocation(marked.slice(0, offset) + marked.slice(offset + 1), offset, language);
    return location && { path: location.path, atKey: location.atKey, prefix: location.prefix };
  };

  it.each([
    ['{"States": {"A": {"Next": "|"}}}', { path: ['States', 'A', 'Next'], atKey: false, prefix: '' }],
    ['{"States": {"A": {"Next": "Fo|"}}}', { path: ['States', 'A', 'Next'], atKey: false, prefix: 'Fo' }],
    ['{"States": {"A": {"Next": |}}}', { path: ['States', 'A', 'Next'], atKey: false, prefix: '' }],
    ['{"States": {"A": {"Parameters": { "Cl| }}}}', { path: ['States', 'A', 'Parameters', 'Cl }}}}'], atKey: true, prefix: 'Cl' }],
    ['{"States": {"A": {"Parameters": { | }}}}', { path: ['States', 'A', 'Parameters', ''], atKey: true, prefix: '' }],
    ['{"States": {"A": {"Catch": [{"Next": "|"}]}}}', { path: ['States', 'A', 'Catch', 0, 'Next'], atKey: false, prefix: '' }],
  ])('JSON %s', (marked, expected) => {
    expect(at(marked, 'json')).toEqual(expected);
  });

  it.each([
    ['States:\n  A:\n    Next: |\n', { path: ['States', 'A', 'Next'], atKey: false, prefix: '' }],
    ['States:\n  A:\n    Next: Fo|o\n', { path: ['States', 'A', 'Next'], atKey: false, prefix: 'Fo' }],
    ['States:\n  A:\n    Parameters:\n      ClusterName: x\n      Cl|\n', { path: ['States', 'A', 'Parameters', 'Cl'], atKey: true, prefix: 'Cl' }],
    ['States:\n  A:\n    Parameters:\n      |\n    Next: B\n', { path: ['States', 'A', 'Parameters', ''], atKey: true, prefix: '' }],
    ['States:\n  A:\n    Catch:\n      - ErrorEquals: [States.ALL]\n        Next: B\n      - ErrorEquals: [X]\n        Next: |\n', { path: ['States', 'A', 'Catch', 1, 'Next'], atKey: false, prefix: '' }],
    ['States:\n  A:\n    Catch:\n    - ErrorEquals: [States.ALL]\n      Next: B\n    - Next: |\n', { path: ['States', 'A', 'Catch', 1, 'Next'], atKey: false, prefix: '' }],
    ['States:\n  P:\n    Branches:\n      - StartAt: X\n        States:\n          X:\n            Next: |\n', { path: ['States', 'P', 'Branches', 0, 'States', 'X', 'Next'], atKey: false, prefix: '' }],
    ['# comment\nStates:\n\n  A:\n    # note\n    Type: Task\n    Resource: |\n', { path: ['States', 'A', 'Resource'], atKey: false, prefix: '' }],
    ['Resources:\n  Machine:\n    Properties:\n      Definition:\n        StartAt: |\n', { path: ['Resources', 'Machine', 'Properties', 'Definition', 'StartAt'], atKey: false, prefix: '' }],
  ])('YAML %j', (marked, expected) => {
    expect(at(marked, 'yaml')).toEqual(expected);
  });
});

describe('complete', () => {
  it('offers the states of the same scope after Next, Default, StartAt and Catch Next', () => {
    const states = '"A": { "Type": "Pass", "Next": "|" },\n    "B": { "Type": "Succeed" },\n    "C": { "Type": "Fail" }';
    const next = complete(`{\n  "StartAt": "A",\n  "States": {\n    ${states}\n  }\n}\n`);
    expect(next.labels).toEqual(['B', 'C']);
    expect(next.items[0].detail).toBe('Succeed state');
    expect(applyItem(next.document, next.items[0])).toContain('"Next": "B" }');

    const startAt = complete('{\n  "StartAt": "|",\n  "States": {\n    "A": { "Type": "Pass", "End": true },\n    "B": { "Type": "Succeed" }\n  }\n}\n');
    expect(startAt.labels).toEqual(['A', 'B']);

    const yaml = complete('StartAt: A\nStates:\n  A:\n    Type: Choice\n    Choices:\n      - Variable: $.x\n        IsPresent: true\n        Next: B\n    Default: |\n  B:\n    Type: Succeed\n', YAML);
    expect(yaml.labels).toEqual(['B']);
    expect(applyItem(yaml.document, yaml.items[0])).toContain('    Default: B\n');

    const branch = complete('{"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [{"StartAt": "X", "States": {"X": {"Type": "Pass", "Next": "|"}, "Y": {"Type": "Succeed"}}}]}, "Outer": {"Type": "Succeed"}}}');
    expect(branch.labels).toEqual(['Y']);
  });

  it('offers EKS resource ARNs with their patterns, .sync first, and the documentation of each', () => {
    const { items, labels, document } = complete('StartAt: Run\nStates:\n  Run:\n    Type: Task\n    Resource: arn:aws:states:::eks:run|\n    End: true\n', YAML);
    expect(labels.slice(0, 3)).toEqual(['arn:aws:states:::eks:runJob.sync', 'arn:aws:states:::eks:runJob', 'arn:aws:states:::eks:call']);
    expect(labels).toContain('arn:aws:states:::eks:createCluster.sync');
    expect(labels).toContain('arn:aws:states:::eks:deleteFargateProfile');
    expect(labels.some((label) => label.includes('eks:') && label.includes('waitForTaskToken'))).toBe(false);
    expect(applyItem(document, items[0])).toContain('    Resource: arn:aws:states:::eks:runJob.sync\n    End: true');
    expect((items[0].documentation as { value: string }).value).toContain('polling');
  });

  it('offers the other integrations the catalog knows after the EKS ones', () => {
    const { labels } = complete(runJobJson('"Parameters": {}', '|'));
    expect(labels).toContain('arn:aws:states:::lambda:invoke');
    expect(labels).toContain('arn:aws:states:::states:startExecution.sync:2');
    expect(labels.indexOf('arn:aws:states:::lambda:invoke')).toBeGreaterThan(labels.indexOf('arn:aws:states:::eks:deleteFargateProfile'));
  });

  it('offers the API parameters, required first, in both JSONPath forms, without those already present', () => {
    const { items, labels, document } = complete(runJobJson('"Parameters": { "ClusterName": "c", | }'));
    expect(labels).toEqual([
      'CertificateAuthority', 'CertificateAuthority.$', 'Endpoint', 'Endpoint.$', 'Job', 'Job.$',
      'Namespace', 'Namespace.$', 'LogOptions', 'LogOptions.$',
    ]);
    expect(items[0].detail).toBe('a string, required');
    expect(applyItem(document, items[0])).toContain('"Parameters": { "ClusterName": "c", "CertificateAuthority":  }');
  });

  it('offers the key under the cursor again, as it is being replaced', () => {
    const { labels } = complete(runJobJson('"Parameters": { "ClusterName|": "c" }', 'arn:aws:states:::eks:deleteCluster'));
    expect(labels).toEqual(['Name', 'Name.$']);
    const same = complete(runJobJson('"Parameters": { "Na|me": "c" }', 'arn:aws:states:::eks:deleteCluster'));
    expect(same.labels).toEqual(['Name', 'Name.$']);
  });

  it('offers the fields of the state type in its query language, Type first', () => {
    const task = complete('{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::eks:call", | }}}');
    // Type and Resource are present already.
    expect(task.labels).toEqual([
      'Comment', 'QueryLanguage', 'InputPath', 'OutputPath', 'Parameters', 'ResultSelector', 'ResultPath', 'Assign', 'Next', 'End',
      'Retry', 'Catch', 'Credentials', 'TimeoutSeconds', 'TimeoutSecondsPath', 'HeartbeatSeconds', 'HeartbeatSecondsPath',
    ]);
    const jsonata = complete('{"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Task", | }}}');
    expect(jsonata.labels).toContain('Arguments');
    expect(jsonata.labels).not.toContain('Parameters');
    const wait = complete('StartAt: A\nStates:\n  A:\n    Type: Wait\n    Sec|\n', YAML);
    expect(wait.labels).toContain('Seconds');
    expect(wait.labels).not.toContain('Resource');
    const untyped = complete('{"StartAt": "A", "States": {"A": { | }}}');
    expect(untyped.labels[0]).toBe('Type');
    expect(untyped.labels).toContain('Resource');
    expect(untyped.labels).toContain('Choices');
  });

  it('offers only plain names in JSONata Arguments', () => {
    const { labels } = complete(runJobJson('"Arguments": { | }', 'arn:aws:states:::eks:call', '"QueryLanguage": "JSONata",\n  '));
    expect(labels).toEqual(['ClusterName', 'CertificateAuthority', 'Endpoint', 'Method', 'Path', 'QueryParameters', 'RequestBody']);
  });

  it('completes keys of nested structures and replaces a quoted key being typed', () => {
    const { items, labels, document } = complete(runJobJson('"Parameters": { "LogOptions": { "Re|" } }'));
    expect(labels).toEqual(['RetrieveLogs', 'RetrieveLogs.$', 'RawLogs', 'RawLogs.$', 'LogParameters', 'LogParameters.$']);
    expect(items[0].filterText).toBe('"RetrieveLogs"');
    expect(applyItem(document, items[0])).toContain('"LogOptions": { "RetrieveLogs":  }');
  });

  it('offers the documented names of free-form maps (Kubernetes log and query parameters)', () => {
    const { items, labels } = complete(runJobJson('"Parameters": { "LogOptions": { "LogParameters": { "tailLines": ["10"], | } } }'));
    expect(labels).toEqual(['container', 'follow', 'previous', 'sinceSeconds', 'sinceTime', 'timestamps', 'limitBytes', 'insecureSkipTLSVerifyBackend', 'stream', 'pretty']);
    expect((items.find((item) => item.label === 'limitBytes')!.documentation as { value: string }).value).toContain('Keeps the result under the 256 KiB task quota.');
    const query = complete('StartAt: C\nStates:\n  C:\n    Type: Task\n    Resource: arn:aws:states:::eks:call\n    Parameters:\n      QueryParameters:\n        lab|\n    End: true\n', YAML);
    expect(query.labels).toContain('labelSelector');
  });

  it('completes YAML parameter names under Parameters', () => {
    const { items, labels, document } = complete('StartAt: Del\nStates:\n  Del:\n    Type: Task\n    Resource: arn:aws:states:::eks:deleteNodegroup.sync\n    Parameters:\n      ClusterName: c\n      Nod|\n    End: true\n', YAML);
    expect(labels).toEqual(['NodegroupName', 'NodegroupName.$']);
    expect(applyItem(document, items[0])).toContain('      ClusterName: c\n      NodegroupName: \n    End: true');
  });

  it('offers Method values and other closed sets', () => {
    const method = complete(runJobJson('"Parameters": { "Method": "|" }', 'arn:aws:states:::eks:call'));
    expect(method.labels).toEqual(['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH']);
    expect(applyItem(method.document, method.items[0])).toContain('"Method": "GET"');
    const yaml = complete('StartAt: C\nStates:\n  C:\n    Type: Task\n    Resource: arn:aws:states:::eks:call\n    Parameters:\n      Method: |\n    End: true\n', YAML);
    expect(yaml.labels).toEqual(['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH']);
    const type = complete('{"StartAt": "A", "States": {"A": {"Type": "|"}}}');
    expect(type.labels).toEqual(['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map']);
  });

  it('keeps completing while the text does not parse, from the last version that did', () => {
    const service = createLanguageService();
    const good = withCursor(runJobJson('"Parameters": { | }', 'arn:aws:states:::eks:deleteCluster'), 'file:///work/f.asl.json', 1);
    service.validate(good.document);
    const broken = withCursor(runJobJson('"Parameters": { "Na| ', 'arn:aws:states:::eks:deleteCluster'), 'file:///work/f.asl.json', 2);
    expect(service.validate(broken.document).every((d) => d.code === 'asl/parse')).toBe(true);
    expect(service.complete(broken.document, broken.position).items.map((item) => item.label)).toEqual(['Name', 'Name.$']);
  });

  it('works inside CloudFormation templates, where the definition is embedded', () => {
    const template = (body: string) =>
      `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Machine:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      Definition:\n        StartAt: Run\n        States:\n          Run:\n            Type: Task\n            Resource: arn:aws:states:::eks:deleteNodegroup\n${body}          Done:\n            Type: Succeed\n`;
    const next = complete(template('            End: true\n            Next: |\n'), 'file:///work/template.yaml');
    expect(next.labels).toEqual(['Done']);
    const keys = complete(template('            Parameters:\n              ClusterName: c\n              |\n            End: true\n'), 'file:///work/template.yaml');
    expect(keys.labels).toEqual(['NodegroupName', 'NodegroupName.$']);
  });

  it('returns nothing where nothing is known, and never throws on odd text', () => {
    expect(complete('{"Comment": "|"}').labels).toEqual([]);
    const service = createLanguageService();
    for (const marked of ['|', '{|', '"|', '- |', 'a:\n  - - |', '{"States": {"A": {"Next": [|]}}}', ':|:', '\t|\t']) {
      for (const uri of ['file:///x.asl.json', YAML]) {
        const { document, position } = withCursor(marked, uri);
        expect(() => service.complete(document, position)).not.toThrow();
      }
    }
  });
});
