import { describe, expect, it } from 'vitest';
import { buildStateMachine, parseJson, parseTaskResource, readField, reachableStates, type Definition } from '../src/index.js';

function machine(text: string) {
  const definition: Definition = { kind: 'state-machine', root: parseJson(text).root!, host: 'asl', editable: true };
  return buildStateMachine(definition);
}

describe('parseTaskResource', () => {
  it.each([
    ['arn:aws:states:::eks:runJob.sync', { kind: 'service', partition: 'aws', service: 'eks', api: 'runJob', suffix: 'sync', pattern: 'sync' }],
    ['arn:aws:states:::eks:call', { kind: 'service', service: 'eks', api: 'call', pattern: 'requestResponse' }],
    ['arn:aws-cn:states:::states:startExecution.sync:2', { kind: 'service', partition: 'aws-cn', service: 'states', api: 'startExecution', pattern: 'sync:2' }],
    ['arn:aws:states:::sqs:sendMessage.waitForTaskToken', { kind: 'service', service: 'sqs', api: 'sendMessage', pattern: 'waitForTaskToken' }],
    ['arn:aws:states:::eks:call.fast', { kind: 'service', service: 'eks', api: 'call', suffix: 'fast', pattern: 'unknown' }],
    ['arn:aws:states:::aws-sdk:s3:getObject', { kind: 'aws-sdk', service: 's3', api: 'getObject', pattern: 'requestResponse' }],
    ['arn:aws:lambda:us-east-1:123456789012:function:work:live', { kind: 'lambda', region: 'us-east-1', account: '123456789012' }],
    ['arn:aws:states:us-east-1:123456789012:activity:approve', { kind: 'activity' }],
    ['arn:${AWS::Partition}:states:::eks:runJob.sync', { kind: 'service', partition: undefined, service: 'eks', api: 'runJob' }],
    ['${RunJobArn}', { kind: 'unknown' }],
  ])('%s', (arn, expected) => {
    expect(parseTaskResource(arn)).toMatchObject(expected);
  });
});

describe('buildStateMachine', () => {
  const m = machine(`{
    "QueryLanguage": "JSONata",
    "StartAt": "P",
    "States": {
      "P": { "Type": "Parallel", "QueryLanguage": "JSONPath", "Branches": [{ "StartAt": "B1", "States": { "B1": { "Type": "Pass", "End": true } } }],
        "Catch": [{ "ErrorEquals": ["States.ALL"], "Next": "F" }], "Next": "M" },
      "M": { "Type": "Map", "ItemProcessor": { "StartAt": "I", "States": { "I": { "Type": "Task", "Resource": "arn:aws:states:::eks:runJob.sync", "End": true } } }, "End": true },
      "F": { "Type": "Fail" }
    }
  }`);

  it('collects scopes, states and transitions', () => {
    expect(m.scopes.map((s) => [s.kind, s.owner?.name, [...s.states.keys()]])).toEqual([
      ['root', undefined, ['P', 'M', 'F']],
      ['branch', 'P', ['B1']],
      ['item-processor', 'M', ['I']],
    ]);
    const p = m.root.states.get('P')!;
    expect(p.transitions).toEqual([
      { kind: 'Next', target: 'M', path: ['States', 'P', 'Next'] },
      { kind: 'Catch', target: 'F', path: ['States', 'P', 'Catch', 0, 'Next'], index: 0, errorEquals: ['States.ALL'] },
    ]);
    expect(reachableStates(m.root).size).toBe(3);
  });

  it('inherits the machine language, not the owner\'s, in nested scopes', () => {
    expect(m.root.states.get('P')!.queryLanguage).toBe('JSONPath');
    expect(m.scopes[1].states.get('B1')!.queryLanguage).toBe('JSONata');
  });

  it('parses Task resources', () => {
    expect(m.scopes[2].states.get('I')!.resource).toMatchObject({ service: 'eks', api: 'runJob', pattern: 'sync' });
  });

  it('never throws on wrong types', () => {
    for (const text of ['[]', '{"States": []}', '{"StartAt": 3, "States": {"A": null, "B": [], "C": {"Type": 7, "Next": {}}}}', '{"States": {"P": {"Type": "Parallel", "Branches": {}}}}']) {
      expect(() => machine(text)).not.toThrow();
    }
  });
});

describe('readField', () => {
  it('reads literal, path and JSONata values', () => {
    expect(readField({ ClusterName: 'c' }, 'ClusterName', ['P'], 'JSONPath')).toEqual({ kind: 'literal', value: 'c', path: ['P', 'ClusterName'] });
    expect(readField({ 'ClusterName.$': '$.name' }, 'ClusterName', ['P'], 'JSONPath')).toEqual({ kind: 'path', expression: '$.name', path: ['P', 'ClusterName.$'] });
    expect(readField({ ClusterName: '{% $name %}' }, 'ClusterName', ['A'], 'JSONata')).toEqual({ kind: 'jsonata', expression: '{% $name %}', path: ['A', 'ClusterName'] });
    expect(readField('x', 'ClusterName', [], 'JSONPath')).toBeUndefined();
  });
});
