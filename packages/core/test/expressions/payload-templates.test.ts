import { describe, expect, it } from 'vitest';
import { parseJson } from '../../src/parse.js';
import { buildStateMachine } from '../../src/model.js';
import type { Definition } from '../../src/definition.js';
import { dollarKeys, jsonataExpressions, jsonataStrings, machineDollarKeys, pathFields } from '../../src/expressions/payload-templates.js';

function machine(value: unknown) {
  const definition: Definition = { kind: 'state-machine', root: parseJson(JSON.stringify(value)).root!, host: 'asl', editable: true };
  return buildStateMachine(definition);
}

describe('dollarKeys', () => {
  it('finds every Key.$ of JSONPath templates at any depth, nested states included', () => {
    const m = machine({
      StartAt: 'Fan out',
      States: {
        'Fan out': {
          Type: 'Parallel',
          ResultSelector: { 'first.$': '$[0]' },
          Assign: { 'total.$': '$.n' },
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Done', Assign: { 'err.$': '$.Cause' } }],
          Branches: [
            {
              StartAt: 'Run',
              States: {
                Run: {
                  Type: 'Task',
                  Resource: 'arn:aws:states:::eks:runJob.sync',
                  Parameters: { Job: { metadata: { 'name.$': '$.name' }, list: [{ 'x.$': '$.x' }] }, Result: { 'not.$': 'literal' } },
                  Credentials: { 'RoleArn.$': '$.role' },
                  End: true,
                },
              },
            },
          ],
          Next: 'Each',
        },
        Each: {
          Type: 'Map',
          ItemSelector: { 'item.$': '$$.Map.Item.Value' },
          ItemReader: { Resource: 'arn:aws:states:::s3:getObject', Parameters: { 'Bucket.$': '$.bucket' } },
          ItemBatcher: { BatchInput: { 'run.$': '$$.Execution.Id' } },
          ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { 'Prefix.$': '$.prefix' } },
          ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'v.$': '$' }, End: true } } },
          Next: 'Pick',
        },
        Pick: { Type: 'Choice', Choices: [{ Variable: '$.a', IsPresent: true, Next: 'Done', Assign: { 'c.$': '$.a' } }] },
        Seed: { Type: 'Pass', Result: { 'static.$': '$.x' }, Next: 'Done' },
        Done: { Type: 'Succeed' },
      },
    });
    const found = [...machineDollarKeys(m)].map((entry) => [entry.root.state.name, entry.where, entry.key, entry.path.join('/')]);
    expect(found).toEqual([
      ['Fan out', 'ResultSelector', 'first.$', 'States/Fan out/ResultSelector/first.$'],
      ['Fan out', 'Assign', 'total.$', 'States/Fan out/Assign/total.$'],
      ['Fan out', 'Catch[0].Assign', 'err.$', 'States/Fan out/Catch/0/Assign/err.$'],
      ['Run', 'Parameters.Job.metadata', 'name.$', 'States/Fan out/Branches/0/States/Run/Parameters/Job/metadata/name.$'],
      ['Run', 'Parameters.Job.list[0]', 'x.$', 'States/Fan out/Branches/0/States/Run/Parameters/Job/list/0/x.$'],
      ['Run', 'Parameters.Result', 'not.$', 'States/Fan out/Branches/0/States/Run/Parameters/Result/not.$'],
      ['Run', 'Credentials', 'RoleArn.$', 'States/Fan out/Branches/0/States/Run/Credentials/RoleArn.$'],
      ['Each', 'ItemSelector', 'item.$', 'States/Each/ItemSelector/item.$'],
      ['Each', 'ItemReader.Parameters', 'Bucket.$', 'States/Each/ItemReader/Parameters/Bucket.$'],
      ['Each', 'ResultWriter.Parameters', 'Prefix.$', 'States/Each/ResultWriter/Parameters/Prefix.$'],
      ['Each', 'ItemBatcher.BatchInput', 'run.$', 'States/Each/ItemBatcher/BatchInput/run.$'],
      ['P', 'Parameters', 'v.$', 'States/Each/ItemProcessor/States/P/Parameters/v.$'],
      ['Pick', 'Choices[0].Assign', 'c.$', 'States/Pick/Choices/0/Assign/c.$'],
    ]);
  });

  it('ignores JSONata states', () => {
    const m = machine({ QueryLanguage: 'JSONata', StartAt: 'A', States: { A: { Type: 'Pass', Output: { 'x.$': '$.a' }, End: true } } });
    expect([...dollarKeys(m.states[0])]).toEqual([]);
  });
});

describe('jsonataStrings', () => {
  it('finds the strings of every evaluated field of JSONata states', () => {
    const m = machine({
      QueryLanguage: 'JSONata',
      StartAt: 'Run',
      States: {
        Run: {
          Type: 'Task',
          Resource: 'arn:aws:states:::eks:runJob.sync',
          Comment: '{% not evaluated %}',
          Arguments: { ClusterName: 'batch', Job: { spec: ['{% $states.input.spec %}'] } },
          Output: '{% $states.result %}',
          TimeoutSeconds: '{% $states.input.timeout %}',
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Pick', Output: '{% $states.errorOutput %}', Assign: { e: '{% 1 %}' } }],
          Next: 'Pick',
        },
        Pick: { Type: 'Choice', Choices: [{ Condition: '{% $x > 1 %}', Next: 'Wait' }], Default: 'Wait' },
        Wait: { Type: 'Wait', Seconds: '{%$x%}', Next: 'Each' },
        Each: {
          Type: 'Map',
          Items: '{% $states.input.list %}',
          ItemBatcher: { MaxItemsPerBatch: '{% 10 %}' },
          ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', Output: '{% $states.input %', End: true } } },
          End: true,
        },
      },
    });
    const found = m.states.flatMap((state) => [...jsonataStrings(state)].map((e) => [state.name, e.where, e.expression]));
    expect(found).toEqual([
      ['Run', 'Arguments.ClusterName', false],
      ['Run', 'Arguments.Job.spec[0]', true],
      ['Run', 'Output', true],
      ['Run', 'TimeoutSeconds', true],
      ['Run', 'Catch[0].Output', true],
      ['Run', 'Catch[0].Assign.e', true],
      ['Pick', 'Choices[0].Condition', true],
      ['Wait', 'Seconds', true],
      ['Each', 'Items', true],
      ['Each', 'ItemBatcher.MaxItemsPerBatch', true],
      ['P', 'Output', false],
    ]);
    expect([...jsonataExpressions(m.states[0])].map((e) => e.path.join('/'))).toEqual([
      'States/Run/Arguments/Job/spec/0',
      'States/Run/Output',
      'States/Run/TimeoutSeconds',
      'States/Run/Catch/0/Output',
      'States/Run/Catch/0/Assign/e',
    ]);
  });
});

describe('pathFields', () => {
  it('lists path fields with their kind, Choice rules nested in And/Or/Not included', () => {
    const m = machine({
      StartAt: 'Pick',
      States: {
        Pick: {
          Type: 'Choice',
          InputPath: '$.in',
          Choices: [
            { And: [{ Variable: '$.a', StringEqualsPath: '$.b' }, { Not: { Variable: '$.c', IsNull: true } }], Next: 'Run' },
          ],
          Default: 'Stop',
        },
        Run: {
          Type: 'Task',
          Resource: 'arn:aws:states:::eks:runJob.sync',
          ResultPath: '$.out',
          TimeoutSecondsPath: '$.timeout',
          Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Stop' }],
          End: true,
        },
        Stop: { Type: 'Fail', ErrorPath: '$.e', CausePath: "States.Format('{}', $.c)" },
      },
    });
    const found = m.states.flatMap((state) => pathFields(state).map((f) => [state.name, f.field, f.kind, f.intrinsics]));
    expect(found).toEqual([
      ['Pick', 'InputPath', 'path', 'none'],
      ['Pick', 'Choices[0].And[0].Variable', 'path', 'none'],
      ['Pick', 'Choices[0].And[0].StringEqualsPath', 'path', 'none'],
      ['Pick', 'Choices[0].And[1].Not.Variable', 'path', 'none'],
      ['Run', 'ResultPath', 'result', 'none'],
      ['Run', 'TimeoutSecondsPath', 'reference', 'none'],
      ['Run', 'Catch[0].ResultPath', 'result', 'none'],
      ['Stop', 'ErrorPath', 'reference', 'string'],
      ['Stop', 'CausePath', 'reference', 'string'],
    ]);
  });
});
