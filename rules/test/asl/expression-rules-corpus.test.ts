/**
 * The expression rules (asl/paths, asl/intrinsic-functions, asl/jsonata, asl/payload-size) on every published real
 * definition and EKS sample of the shared corpus (../shared/corpus beside the checkout): exactly these reviewed
 * findings, all warnings, each a true finding.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintText, resolveRules, toLineColumn } from '@asl-lint/core';
import paths from '../../src/asl/paths.js';
import intrinsicFunctions from '../../src/asl/intrinsic-functions.js';
import jsonata from '../../src/asl/jsonata.js';
import payloadSize from '../../src/asl/payload-size.js';

const corpus = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'shared', 'corpus');
const manifest = join(corpus, 'MANIFEST.tsv');

const toolkit = 'real/aws-samples__aws-stepfunctions-examples/sam__util-sfntoolkit__template.yaml';
// Reviewed: each value is a path the author meant to evaluate, under a key without ".$", so Step Functions sends the text.
const reviewed: Record<string, string[]> = {
  // "listBucket: $.list_bucket" etc.: the next state lists the S3 bucket named "$.list_bucket".
  [toolkit]: [
    'asl/paths warning 202:29 literalPath',
    'asl/paths warning 203:29 literalPath',
    'asl/paths warning 204:30 literalPath',
    'asl/paths warning 245:28 literalPath',
    'asl/paths warning 246:27 literalPath',
  ],
  // "taskId": "$.exportLogGroupResult.taskId": the status-check Lambda receives the literal path, not the task id.
  'real/aws-samples__serverless-patterns/sfn-log-export__src__statemachine__stateMachine.asl.json': ['asl/paths warning 58:25 literalPath'],
  // "Message.$": "$" inside a Pass state's Result: never evaluated; the output holds a key "Message.$" with the text "$".
  'real/aws-samples__serverless-patterns/s3-event-sfn-lambda-ddb-sns__template.yaml': ['asl/paths warning 62:26 staticResult'],
};

describe.skipIf(!existsSync(manifest))('expression rules on the shared corpus', () => {
  it('report on real definitions and EKS samples only the reviewed findings', () => {
    const rules = resolveRules([paths, intrinsicFunctions, jsonata, payloadSize], []);
    const actual: Record<string, string[]> = {};
    const files = readFileSync(manifest, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t')[0])
      .filter((file) => file && (file.startsWith('real/') || file.startsWith('eks/')));
    expect(files.length).toBeGreaterThan(400);
    for (const file of files) {
      const result = lintText(readFileSync(join(corpus, file), 'utf8'), { filePath: file, rules });
      const findings = result.diagnostics.map((d) => {
        const { line, column } = toLineColumn(result.lines, d.range);
        return `${d.ruleId} ${d.severity} ${line}:${column} ${d.messageId}`;
      });
      if (findings.length) actual[file] = findings;
    }
    expect(actual).toEqual(reviewed);
  }, 120_000);
});
