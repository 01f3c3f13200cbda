/** The worked EKS examples of `examples/`: the batch workflow stays clean as rules land; the mistakes stay caught. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintText, resolveRules, toLineColumn } from '@asl-lint/core';
import { allRules } from '../../src/index.js';

const examples = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'examples');

function lint(file: string) {
  const result = lintText(readFileSync(join(examples, file), 'utf8'), { filePath: file, rules: resolveRules(allRules, []) });
  return result.diagnostics.map((d) => {
    const { line, column } = toLineColumn(result.lines, d.range);
    return `${line}:${column} ${d.severity} ${d.ruleId}`;
  });
}

describe('examples', () => {
  it('eks-batch-job.asl.json lints clean with every rule', () => {
    expect(lint('eks-batch-job.asl.json')).toEqual([]);
  });

  it('eks-mistakes.asl.yaml shows each typical mistake once', () => {
    expect(lint('eks-mistakes.asl.yaml')).toEqual([
      '4:3 error eks/cluster-cleanup', // no Catch anywhere, and the delete names "nightly-batch", not "nightly batch"
      '8:13 error eks/parameters', // a space in the cluster name
      '16:15 error eks/unknown-api', // createNodeGroup
      '26:15 warning eks/run-job-sync', // the workflow does not wait for the Job
      '30:17 error eks/public-endpoint', // a private address
      '31:7 warning eks/log-options', // LogOptions without .sync
      '32:23 error eks/parameters', // "true" is a string
      '34:22 warning eks/log-options', // tailLines: 50 is not a list of strings
      '40:9 warning eks/job-manifest', // no backoffLimit
      '42:13 error eks/job-manifest', // no restartPolicy
      '55:15 error eks/parameters', // Method LIST
      '61:15 error eks/integration-pattern', // waitForTaskToken
    ]);
  });
});
