/**
 * Lints the real-world EKS definitions of `../shared/corpus/eks/` with every rule. Every finding is listed, with the
 * reason it is right, in `corpus-eks.expected.json`; a new or vanished finding fails this test until it is reviewed.
 * Files the CLI cannot read as they are (a Terraform heredoc, Jest snapshots) are unwrapped here the way a user would
 * paste them into an `.asl.json` file. `ASL_LINT_UPDATE_EXPECTED=1` rewrites the expectations, keeping known reasons.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintText, parseJson, resolveRules, toLineColumn, toValue, type JsonValue } from '@asl-lint/core';
import { allRules } from '../../src/index.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const corpus = join(repo, '..', 'shared', 'corpus', 'eks');
const expectationsFile = join(dirname(fileURLToPath(import.meta.url)), 'corpus-eks.expected.json');
const update = process.env.ASL_LINT_UPDATE_EXPECTED === '1';

interface Finding {
  file: string;
  /** Where in the file: `line:column` for files linted as they are; the snapshot name for unwrapped definitions. */
  at: string;
  ruleId: string;
  severity: string;
  message: string;
  reason?: string;
}

interface Source {
  readonly label: string;
  readonly text: string;
  readonly filePath: string;
  /** Lines before the linted text in the original file (Terraform heredoc). */
  readonly lineOffset: number;
}

function sourcesOf(file: string, text: string): Source[] {
  if (file.endsWith('.tf')) {
    // definition = <<DEFINITION … DEFINITION
    const match = /<<(\w+)\r?\n([\s\S]*?)\r?\n\1\b/.exec(text);
    if (!match) return [];
    const lineOffset = text.slice(0, match.index).split('\n').length;
    return [{ label: 'heredoc', text: match[2], filePath: `${file}.asl.json`, lineOffset }];
  }
  if (file.endsWith('.snap')) return snapshotDefinitions(text).map((definition) => ({ label: definition.label, text: definition.text, filePath: `${file}.asl.json`, lineOffset: -1 }));
  return [{ label: '', text, filePath: file, lineOffset: 0 }];
}

/** State machines inside a Jest snapshot: objects with StartAt and States, and `definition` strings holding one. */
function snapshotDefinitions(text: string): { label: string; text: string }[] {
  const found: { label: string; text: string }[] = [];
  const block = /exports\[`([^`]*)`\] = `\n([\s\S]*?)\n`;/g;
  for (let match = block.exec(text); match; match = block.exec(text)) {
    // Jest escapes backslashes and backticks in the template literal; pretty-format writes `Object {` and `Array [`.
    const body = match[2].replace(/\\([\\`])/g, '$1').replace(/\[MockFunction\] \{/g, '{').replace(/\bObject \{/g, '{').replace(/\bArray \[/g, '[');
    const parsed = parseJson(body);
    if (!parsed.root) continue;
    const stack: JsonValue[] = [toValue(parsed.root)];
    let index = 0;
    while (stack.length > 0) {
      const value = stack.pop()!;
      if (Array.isArray(value)) stack.push(...value);
      else if (value && typeof value === 'object') {
        if ('StartAt' in value && 'States' in value) found.push({ label: `${match[1]} #${++index}`, text: `${JSON.stringify(value, null, 2)}\n` });
        else {
          for (const [key, child] of Object.entries(value)) {
            if (key === 'definition' && typeof child === 'string') {
              try {
                stack.push(JSON.parse(child) as JsonValue);
              } catch {
                // not a definition
              }
            } else stack.push(child);
          }
        }
      }
    }
  }
  return found;
}

/** Definitions per corpus file: one per plain file, the heredoc of the Terraform file, and the state machines of the snapshots. */
const EXPECTED_DEFINITIONS: Record<string, number> = {
  'aws-samples__aws-stepfunctions-eks-fargate-process__templates__stepfunction.tf': 1,
  'aws__aws-cdk__packages__@aws-cdk__aws-stepfunctions-tasks__test__eks__integ.create-cluster.expected.json': 1,
  'aws__aws-cdk__packages__@aws-cdk__aws-stepfunctions-tasks__test__eks__integ.create-fargate-profile.expected.json': 1,
  'aws__aws-cdk__packages__@aws-cdk__aws-stepfunctions-tasks__test__eks__integ.create-nodegroup.expected.json': 1,
  'aws__aws-cdk__packages__@aws-cdk__aws-stepfunctions-tasks__test__eks__integ.run-job.expected.json': 1,
  'awsdocs__aws-step-functions-developer-guide__doc_source__connect-eks.md__block10.asl.json': 1,
  'awsdocs__aws-step-functions-developer-guide__doc_source__connect-eks.md__block11.asl.json': 1,
  'awsdocs__aws-step-functions-developer-guide__doc_source__connect-eks.md__block12.asl.json': 1,
  'awsdocs__aws-step-functions-developer-guide__doc_source__connect-eks.md__block3.asl.json': 1,
  'awsdocs__aws-step-functions-developer-guide__doc_source__connect-eks.md__block5.asl.json': 1,
  'awsdocs__aws-step-functions-developer-guide__doc_source__connect-eks.md__block6.asl.json': 1,
  'awsdocs__aws-step-functions-developer-guide__doc_source__connect-eks.md__block7.asl.json': 1,
  'awsdocs__aws-step-functions-developer-guide__doc_source__connect-eks.md__block8.asl.json': 1,
  'awsdocs__aws-step-functions-developer-guide__doc_source__connect-eks.md__block9.asl.json': 1,
  'awsdocs__aws-step-functions-developer-guide__doc_source__sample-eks-cluster.md__block1.asl.json': 1,
  'docs.aws.amazon.com__step-functions__latest__dg__connect-eks.html__call-delete-arguments.asl.json': 1,
  'docs.aws.amazon.com__step-functions__latest__dg__connect-eks.html__call-get-arguments.asl.json': 1,
  'docs.aws.amazon.com__step-functions__latest__dg__connect-eks.html__runjob-arguments.asl.json': 1,
  'hms-dbmi-cellenics__api__tests__api.v2__helpers__pipeline____snapshots____pipelineConstruct.test.js.snap': 4,
  'hms-dbmi-cellenics__api__tests__api.v2__helpers__pipeline____snapshots____stateMachineSkeletons.test.js.snap': 7,
};

function lintCorpus(): Finding[] {
  const findings: Finding[] = [];
  const rules = resolveRules(allRules, []);
  for (const file of readdirSync(corpus).sort()) {
    for (const source of sourcesOf(file, readFileSync(join(corpus, file), 'utf8'))) {
      const result = lintText(source.text, { filePath: source.filePath, rules });
      for (const diagnostic of result.diagnostics) {
        const position = toLineColumn(result.lines, diagnostic.range);
        const at = source.lineOffset >= 0 ? `${position.line + source.lineOffset}:${position.column}` : source.label;
        findings.push({ file, at, ruleId: diagnostic.ruleId, severity: diagnostic.severity, message: diagnostic.message });
      }
    }
  }
  return findings;
}

describe.skipIf(!existsSync(corpus))('corpus/eks', () => {
  it('finds the definitions of every file', () => {
    const counts = Object.fromEntries(readdirSync(corpus).sort().map((file) => [file, sourcesOf(file, readFileSync(join(corpus, file), 'utf8')).length]));
    expect(counts).toEqual(EXPECTED_DEFINITIONS);
  });

  it('produces exactly the reviewed findings', () => {
    const actual = lintCorpus();
    const known: Finding[] = existsSync(expectationsFile) ? JSON.parse(readFileSync(expectationsFile, 'utf8')) : [];
    const key = (finding: Finding) => `${finding.file}\u0000${finding.at}\u0000${finding.ruleId}\u0000${finding.message}`;
    if (update) {
      const reasons = new Map(known.map((finding) => [key(finding), finding.reason]));
      writeFileSync(expectationsFile, `${JSON.stringify(actual.map((finding) => ({ ...finding, reason: reasons.get(key(finding)) ?? 'TODO: review' })), null, 2)}\n`);
    }
    const expected: Finding[] = JSON.parse(readFileSync(expectationsFile, 'utf8'));
    expect(expected.filter((finding) => !finding.reason || finding.reason.startsWith('TODO')).map(key)).toEqual([]);
    expect(actual).toEqual(expected.map(({ reason: _reason, ...finding }) => finding));
  });
});
