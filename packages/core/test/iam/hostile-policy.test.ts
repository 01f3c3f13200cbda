/** The deriver on inputs built to break things: it answers (maybe with warnings) and never throws or hangs. */
import { describe, expect, it } from 'vitest';
import { derivePolicy, explainPolicy, lintText, parseJson, policyToYaml, type Definition } from '../../src/index.js';
import { hostileInputs } from '../../../../test/support/hostile-inputs.js';

function definitionOf(value: unknown): Definition {
  return { kind: 'state-machine', root: parseJson(JSON.stringify(value)).root!, host: 'asl', editable: true };
}

describe('derivePolicy on hostile inputs', () => {
  for (const input of hostileInputs) {
    it(`${input.name}`, () => {
      const text = input.text();
      // Multi-megabyte inputs test the parser (test/hostile.test.ts); here only what reaches the deriver matters.
      if (text.length > 2_000_000) return;
      const result = lintText(text, { filePath: input.filePath, rules: [] });
      for (const definition of result.definitions) {
        const policy = derivePolicy(definition);
        expect(policy.document.Version).toBe('2012-10-17');
        explainPolicy(policy);
        policyToYaml(policy.document);
      }
    }, 60_000);
  }

  it('prototype keys as state names, parameter values and wrong types', () => {
    const definition = {
      StartAt: '__proto__',
      States: {
        ['__proto__']: { Type: 'Task', Resource: 'arn:aws:states:::eks:deleteCluster', Parameters: { Name: 'constructor', ['__proto__']: { polluted: true } }, Next: 'constructor' },
        constructor: { Type: 'Task', Resource: 'arn:aws:states:::eks:createNodegroup', Parameters: { ClusterName: 42, NodegroupName: ['a'], NodeRole: { 'Fn::GetAtt': ['R', 'Arn'] } }, Next: 'toString' },
        toString: { Type: 'Task', Resource: { 'Fn::Sub': 'arn' }, Next: 'hasOwnProperty' },
        hasOwnProperty: { Type: 'Task', Resource: 'arn:aws:states:::events:putEvents', Parameters: { Entries: [null, 7, { EventBusName: 3 }] }, End: true },
      },
    };
    const policy = derivePolicy(definitionOf(definition), { region: 'us-east-1', account: '111122223333' });
    expect(policy.document.Statement.map((statement) => statement.Resource)).toEqual([
      ['arn:aws:eks:us-east-1:111122223333:cluster/constructor'],
      '*',
      'arn:aws:eks:us-east-1:111122223333:nodegroup/*/*/*',
      'arn:aws:iam::111122223333:role/*',
      ['arn:aws:iam::111122223333:role/*'],
      ['arn:aws:events:us-east-1:111122223333:event-bus/*'],
    ]);
    expect(policy.findings.map((finding) => finding.message)).toEqual([
      'State "constructor": ClusterName is not a string, so the cluster name cannot be named',
      'State "constructor": NodegroupName is not a string, so the node group name cannot be named',
      'State "toString": Resource is not a string, so its permissions cannot be derived',
      'State "hasOwnProperty": Entries[2].EventBusName is not a string, so the event bus cannot be named',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('stays linear: 5,000 EKS states', () => {
    const states: Record<string, unknown> = {};
    for (let i = 0; i < 5000; i++) {
      states[`S${i}`] = { Type: 'Task', Resource: 'arn:aws:states:::eks:deleteNodegroup.sync', Parameters: { 'ClusterName.$': '$.c', NodegroupName: `n${i}` }, ...(i < 4999 ? { Next: `S${i + 1}` } : { End: true }) };
    }
    const started = performance.now();
    const policy = derivePolicy(definitionOf({ StartAt: 'S0', States: states }));
    expect(performance.now() - started).toBeLessThan(5000);
    expect(policy.document.Statement).toHaveLength(1);
    expect(policy.statements[0].resources).toHaveLength(5000);
  });
});
