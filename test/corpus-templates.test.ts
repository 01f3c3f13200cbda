/**
 * The corpus templates (`sam-template`, `cfn-template`, `other` in ../shared/corpus/MANIFEST.tsv): each is
 * read without a crash or internal error, the state machines found are the ones the template declares,
 * and each definition that `corpus/extracted/` holds for a template equals what asl-lint extracts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { INTERNAL_ERROR, linkedExtractor, lintText, resolveRules, toLineColumn, toValue, type JsonValue } from '@asl-lint/core';
import { allRules } from '@asl-lint/rules';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(repo, '..', 'shared', 'corpus');
const KINDS = new Set(['sam-template', 'cfn-template', 'other']);

const rows: { path: string; kind: string; original: string }[] = existsSync(join(corpus, 'MANIFEST.tsv'))
  ? readFileSync(join(corpus, 'MANIFEST.tsv'), 'utf8')
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((line) => line.split('\t'))
      .map((cols) => ({ path: cols[0], kind: cols[5], original: cols[3] }))
  : [];
const templates = rows.filter((row) => KINDS.has(row.kind));

/** By default a template holds one state machine per `Type: AWS::StepFunctions|Serverless::StateMachine`. */
const DECLARED = /Type"?\s*:\s*["']?AWS::(StepFunctions|Serverless)::StateMachine/g;

/** Where the count differs from the declared resources, and why. */
const COUNTS: Record<string, { count: number; why: string }> = {};
const notYaml = (why: string) => ({ count: 0, why: `the yaml parser rejects the file: ${why}` });
const sls = (count: number) => ({ count, why: 'Serverless stepFunctions.stateMachines' });
for (const [path, entry] of Object.entries({
  'real/aws-samples__step-functions-workflows-collection/event-sourcing__template.yaml': notYaml('a top-level block scalar without indentation'),
  'real/aws-samples__step-functions-workflows-collection/parallelized-embedding-pipeline__template.yaml': notYaml('`!GetAZs !Ref AWS::Region`, two tags on one node'),
  'real/aws-samples__serverless-patterns/systems-manager-automation-to-stepfunctions__template.yaml': notYaml('a flow sequence closed at its key\'s indentation'),
  'real/aws-samples__step-functions-workflows-collection/emit-and-wait__template.yaml': { count: 0, why: 'DefinitionUri is an S3 object: nothing local to lint' },
  'peer-tests/aws-cloudformation__cfn-lint/test__fixtures__templates__bad__resources__stepfunctions__state_machine.yaml': { count: 1, why: 'one DefinitionString does not parse (reported by asl/parse)' },
  'real/aws-samples__serverless-patterns/lambda-sfn-sls__serverless.yml': sls(1),
  'real/serverless-operations__serverless-step-functions/fixtures__activities__serverless.yml': sls(1),
  'real/serverless-operations__serverless-step-functions/fixtures__api-gateway__serverless.yml': sls(1),
  'real/serverless-operations__serverless-step-functions/fixtures__athena__serverless.yml': sls(3),
  'real/serverless-operations__serverless-step-functions/fixtures__basic-state-machine__serverless.yml': sls(2),
  'real/serverless-operations__serverless-step-functions/fixtures__circular-dependency__serverless.yml': sls(1),
  'real/serverless-operations__serverless-step-functions/fixtures__cloudwatch-alarms__serverless.yml': sls(1),
  'real/serverless-operations__serverless-step-functions/fixtures__cloudwatch-event__serverless.yml': sls(1),
  'real/serverless-operations__serverless-step-functions/fixtures__configure-task-timeouts__serverless.yml': sls(2),
  'real/serverless-operations__serverless-step-functions/fixtures__express-workflow__serverless.yml': sls(1),
  'real/serverless-operations__serverless-step-functions/fixtures__no-output__serverless.yml': sls(1),
  'real/serverless-operations__serverless-step-functions/fixtures__notifications__serverless.yml': sls(2),
  'real/serverless-operations__serverless-step-functions/fixtures__schedule__serverless.yml': sls(2),
  'real/serverless-operations__serverless-step-functions/fixtures__use-exact-version__serverless.yml': sls(1),
})) {
  COUNTS[path] = entry;
}

const rules = resolveRules(allRules, []);

describe.skipIf(templates.length === 0)('corpus templates', () => {
  it('reads every template without a crash, finding the state machines it declares', () => {
    const wrong: string[] = [];
    let machines = 0;
    for (const { path } of templates) {
      const text = readFileSync(join(corpus, path), 'utf8');
      const result = lintText(text, { filePath: path, rules });
      const internal = result.diagnostics.filter((d) => d.ruleId === INTERNAL_ERROR);
      if (internal.length) wrong.push(`${path}: ${internal[0].message}`);
      const found = result.definitions.length + (result.linked?.length ?? 0);
      machines += found;
      const expected = COUNTS[path]?.count ?? (text.match(DECLARED) ?? []).length;
      if (found !== expected) wrong.push(`${path}: ${found} state machines, expected ${expected}`);
    }
    expect(wrong).toEqual([]);
    expect(templates.length).toBe(203);
    expect(machines).toBe(241);
  });

  it('lints each DefinitionUri file with its template\'s facts: the placeholder findings are the reviewed true ones', () => {
    const placeholderFindings: string[] = [];
    const internal: string[] = [];
    let linted = 0;
    for (const { path, original } of templates) {
      const result = lintText(readFileSync(join(corpus, path), 'utf8'), { filePath: path, rules: [] });
      for (const link of result.linked ?? []) {
        // The corpus keeps files flat: `dir/statemachine/x.asl.json` is `dir__statemachine__x.asl.json`.
        const target = posix.normalize(posix.join(posix.dirname(original), link.path));
        const flat = join(dirname(path), target.split('/').join('__'));
        if (!existsSync(join(corpus, flat))) continue;
        linted++;
        const linked = lintText(readFileSync(join(corpus, flat), 'utf8'), { filePath: flat, rules, extractors: [linkedExtractor(link)] });
        for (const d of linked.diagnostics) {
          if (d.ruleId === INTERNAL_ERROR) internal.push(`${flat}: ${d.message}`);
          if (d.ruleId === 'asl/substitutions') placeholderFindings.push(`${flat.split('/').pop()}:${toLineColumn(linked.lines, d.range).line} ${d.message}`);
        }
      }
    }
    expect(internal).toEqual([]);
    expect(linted).toBe(151);
    expect(placeholderFindings).toEqual([
      // The template has no DefinitionSubstitutions at all.
      'stateless-roundrobin__statemachine__statemachine.asl.json:23 Placeholder "${ModuloFunctionName}" in state machine "StateMachineArn" is not a key of DefinitionSubstitutions: Step Functions receives the text "${ModuloFunctionName}" unchanged',
      'stateless-roundrobin__statemachine__statemachine.asl.json:46 Placeholder "${CallToAPIFunctionName}" in state machine "StateMachineArn" is not a key of DefinitionSubstitutions: Step Functions receives the text "${CallToAPIFunctionName}" unchanged',
      // The template defines `topicArn`; names are case-sensitive.
      'synchronous-job__statemachine__statemachine.asl.json:35 Placeholder "${TopicArn}" in state machine "statemachineRequestResponse" is not a key of DefinitionSubstitutions (did you mean "topicArn"?): Step Functions receives the text "${TopicArn}" unchanged',
      'synchronous-job__statemachine__statemachine.asl.json:44 Placeholder "${TopicArn}" in state machine "statemachineRequestResponse" is not a key of DefinitionSubstitutions (did you mean "topicArn"?): Step Functions receives the text "${TopicArn}" unchanged',
    ]);
  });

  it('extracts what corpus/extracted holds for each template, intrinsic functions being opaque', () => {
    const byName = new Map(rows.map((row) => [row.path.split('/').slice(1).join('/'), row.path]));
    const mismatches: string[] = [];
    let compared = 0;
    for (const owner of readdirSync(join(corpus, 'extracted'))) {
      for (const file of readdirSync(join(corpus, 'extracted', owner))) {
        const split = file.lastIndexOf('__');
        const host = byName.get(`${owner}/${file.slice(0, split)}`);
        if (!host) continue;
        const logicalId = file.slice(split + 2, -'.asl.json'.length);
        const result = lintText(readFileSync(join(corpus, host), 'utf8'), { filePath: host, rules: [] });
        const definition = result.definitions.find((d) => d.name === logicalId);
        const expected = JSON.parse(readFileSync(join(corpus, 'extracted', owner, file), 'utf8')) as JsonValue;
        compared++;
        const where: string[] = [];
        if (!definition) mismatches.push(`${host} ${logicalId}: not extracted`);
        else if (!sameDefinition(opaque(toValue(definition.root)), opaque(expected), where)) mismatches.push(`${host} ${logicalId}: ${where.join(' ')}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBe(72);
  });
});

const OPAQUE = '\u27e8value\u27e9';

/** The two extractions write computed values differently (`${Name}`, `__CFN_TOKEN__`, `{ "Ref": … }`): one token for all. */
function opaque(value: JsonValue): JsonValue {
  if (typeof value === 'string') return value.replace(/\$\{[^}]*\}|__CFN_TOKEN__/g, OPAQUE);
  if (Array.isArray(value)) return value.map(opaque);
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === 'Fn::Sub') {
      const argument = value[keys[0]];
      return opaque(Array.isArray(argument) ? argument[0] : argument);
    }
    if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) return OPAQUE;
    return Object.fromEntries(keys.map((key) => [key, opaque(value[key])]));
  }
  return value;
}

/** Equal, except that an opaque part of ours matches anything (theirs may keep `!Ref X` as `X`). */
function sameDefinition(ours: JsonValue, theirs: JsonValue, where: string[]): boolean {
  if (typeof ours === 'string' && ours.includes(OPAQUE)) {
    if (typeof theirs !== 'string') return true;
    const pattern = new RegExp(`^${ours.split(OPAQUE).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*')}$`);
    if (pattern.test(theirs)) return true;
  } else if (Array.isArray(ours)) {
    if (Array.isArray(theirs) && ours.length === theirs.length) return ours.every((item, index) => sameDefinition(item, theirs[index], where));
  } else if (ours && typeof ours === 'object') {
    if (theirs && typeof theirs === 'object' && !Array.isArray(theirs) && Object.keys(ours).sort().join() === Object.keys(theirs).sort().join()) {
      return Object.keys(ours).every((key) => sameDefinition(ours[key], theirs[key], where));
    }
  } else if (ours === theirs) return true;
  where.push(`${JSON.stringify(ours).slice(0, 120)} != ${JSON.stringify(theirs).slice(0, 120)}`);
  return false;
}
