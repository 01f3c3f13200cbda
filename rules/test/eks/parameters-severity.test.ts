/** eks/parameters lowers one finding to a warning: a partial ScalingConfig, which the API reference forbids but a deployed definition has. */
import { lintText, resolveRules } from '@asl-lint/core';
import { describe, expect, it } from 'vitest';
import rule from '../../src/eks/parameters.js';
import { machine } from './definitions.js';

const nodegroup = { ClusterName: 'batch', NodegroupName: 'workers', NodeRole: 'arn:aws:iam::123456789012:role/nodes', Subnets: ['subnet-1'] };

describe('eks/parameters severities', () => {
  it('reports a partial scaling configuration as a warning and a conflicting launch template as an error', () => {
    const code = machine({
      Resource: 'arn:aws:states:::eks:createNodegroup.sync',
      Parameters: { ...nodegroup, ScalingConfig: { MinSize: 1, MaxSize: 3 }, DiskSize: 40, LaunchTemplate: { Name: 'workers' } },
    });
    const { diagnostics } = lintText(code, { filePath: 'flow.asl.json', rules: resolveRules([rule], []) });
    expect(diagnostics.map((d) => [d.messageId, d.severity])).toEqual([
      ['partial', 'warning'],
      ['together', 'error'],
    ]);
  });
});
