/**
 * validatePayload walks the parameter specs; it must find exactly what ajv + ajv-errors find with the JSON Schemas
 * of buildPayloadSchema (the oracle, ./ajv-payload-oracle.ts): same problems, same order. Checked for every EKS API
 * in both forms on the payloads of the repository's examples, fixtures, corpus and EKS rule tests, and on thousands
 * of payloads generated from the specs with mutations.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  buildStateMachine,
  EKS_API_NAMES,
  EKS_APIS,
  eksTasks,
  lintText,
  validatePayload,
  type EksApiName,
  type JsonValue,
  type ParameterFields,
  type ParameterSpec,
  type PayloadForm,
  type PayloadProblem,
} from '../../src/index.js';
import { ajvPayloadValidator } from './ajv-payload-oracle.js';

const captured = vi.hoisted(() => [] as { code: string; filename?: string }[]);
// The EKS rule tests' cases, collected instead of run (they run in their own files).
vi.mock('../../../../test-support/rule-tester.js', () => ({
  ruleTester: (_rule: unknown, cases: { valid: readonly ({ code: string; filename?: string } | string)[]; invalid: readonly { code: string; filename?: string }[] }) => {
    for (const entry of [...cases.valid, ...cases.invalid]) captured.push(typeof entry === 'string' ? { code: entry } : entry);
  },
  runRule: () => ({ findings: [], fixed: '' }),
}));

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const FORMS: readonly PayloadForm[] = ['Parameters', 'Arguments'];

const oracles = new Map<string, (payload: JsonValue) => PayloadProblem[]>();
function oracle(api: EksApiName, form: PayloadForm): (payload: JsonValue) => PayloadProblem[] {
  let validate = oracles.get(`${api}.${form}`);
  if (!validate) oracles.set(`${api}.${form}`, (validate = ajvPayloadValidator(EKS_APIS.get(api)!.parameters, form)));
  return validate;
}

function expectSameProblems(api: EksApiName, form: PayloadForm, payload: JsonValue, where: string): PayloadProblem[] {
  const expected = oracle(api, form)(payload);
  expect(validatePayload(EKS_APIS.get(api)!.parameters, form, payload), `${where}: eks:${api} ${form}\n${JSON.stringify(payload)}`).toEqual(expected);
  return expected;
}

// ---------------------------------------------------------------------------------------------------------------
// Payloads of the repository

function filesUnder(dir: string, accept: (file: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  const files: string[] = [];
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.pop()!;
    for (const entry of readdirSync(current)) {
      const path = join(current, entry);
      if (statSync(path).isDirectory()) pending.push(path);
      else if (accept(path)) files.push(path);
    }
  }
  return files.sort();
}

interface Found {
  readonly where: string;
  readonly api: EksApiName;
  readonly payload: JsonValue;
}

/** The payloads of the EKS Tasks in a file's definitions (stand-alone, templates, Serverless files). */
function payloadsOf(text: string, filePath: string, where: string): Found[] {
  const result = lintText(text, { filePath, rules: [] });
  return result.definitions.flatMap((definition) =>
    eksTasks(buildStateMachine(definition).states).flatMap((task) =>
      task.spec && task.payload !== undefined ? [{ where: `${where} ${task.state.name}`, api: task.spec.api, payload: task.payload }] : [],
    ),
  );
}

function repositoryPayloads(): Found[] {
  const found: Found[] = [];
  const definitionFile = (file: string) => /\.(json|ya?ml)$/.test(file) && !file.endsWith('.expected.json');
  const files = [...filesUnder(join(repo, 'examples'), definitionFile), ...filesUnder(join(repo, 'fixtures'), definitionFile)];
  const manifest = join(repo, '..', 'shared', 'corpus', 'MANIFEST.tsv');
  if (existsSync(manifest)) {
    for (const line of readFileSync(manifest, 'utf8').split('\n').slice(1)) {
      const columns = line.split('\t');
      if (columns[7] === 'yes') files.push(join(repo, '..', 'shared', 'corpus', columns[0]));
    }
  }
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    if (text.includes('eks:')) found.push(...payloadsOf(text, file, relative(repo, file)));
  }
  captured.forEach((testCase, index) => {
    const filename = testCase.filename ?? (testCase.code.trimStart().startsWith('{') ? 'test.asl.json' : 'test.asl.yaml');
    found.push(...payloadsOf(testCase.code, filename, `rule test case #${index + 1}`));
  });
  return found;
}

// The EKS rule tests whose only top-level call is ruleTester: importing them collects their cases.
const eksRuleTests = filesUnder(join(repo, 'rules/test/eks'), (file) => file.endsWith('.test.ts') && !/^(describe|it|test)[.(]/m.test(readFileSync(file, 'utf8')));
for (const file of eksRuleTests) await import(file);

describe('validatePayload agrees with the ajv schemas', () => {
  it('on every EKS payload of the examples, fixtures, corpus and rule tests, in both forms', () => {
    const found = repositoryPayloads();
    expect(eksRuleTests.map((file) => relative(repo, file))).toContain('rules/test/eks/parameters.test.ts');
    expect(captured.length).toBeGreaterThan(100);
    expect(new Set(found.map((entry) => entry.api))).toEqual(new Set(EKS_API_NAMES));
    let withProblems = 0;
    for (const { where, api, payload } of found) {
      for (const form of FORMS) if (expectSameProblems(api, form, payload, where).length > 0) withProblems++;
    }
    expect(found.length).toBeGreaterThan(300);
    expect(withProblems).toBeGreaterThan(100);
  });

  it.each(EKS_API_NAMES)('on payloads generated from the spec of eks:%s, in both forms', (api) => {
    const kinds = new Map<string, number>();
    let valid = 0;
    for (const form of FORMS) {
      fc.assert(
        fc.property(payloadArbitrary(EKS_APIS.get(api)!.parameters), (payload) => {
          const problems = expectSameProblems(api, form, payload, 'generated');
          if (problems.length === 0) valid++;
          for (const problem of problems) kinds.set(problem.kind, (kinds.get(problem.kind) ?? 0) + 1);
        }),
        { numRuns: 400 },
      );
    }
    // The generator reaches valid payloads and every kind of problem the spec can have.
    expect(valid).toBeGreaterThan(0);
    const possible = ['missing', 'unknown', 'type', ...(hasSpec(api, (spec) => spec.type === 'string' && spec.enum !== undefined) ? ['enum'] : []), ...(hasSpec(api, hasConstraint) ? ['constraint'] : [])];
    expect([...kinds.keys()].sort()).toEqual(possible.sort());
  });
});

describe('the patterns validatePayload compiles', () => {
  it('are each a `pattern:` literal of the catalog sources, which test/regex-safety.test.ts reviews', () => {
    const catalog = join(repo, 'packages/core/src/catalog');
    const sources = readdirSync(catalog).filter((file) => file.endsWith('.ts')).map((file) => readFileSync(join(catalog, file), 'utf8')).join('\n');
    const found = new Set<string>();
    for (const api of EKS_API_NAMES) hasSpec(api, (spec) => (spec.type === 'string' && spec.pattern !== undefined && found.add(spec.pattern), false));
    expect(found.size).toBeGreaterThan(1);
    for (const pattern of found) expect(sources, pattern).toContain(`pattern: '${pattern.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Payloads generated from a spec (the same in both forms: a `.$` key is an unknown key in Arguments, a `{% %}`
// string a plain string in Parameters): mostly well formed, with wrong types, unknown keys, missing required keys, enum
// typos, `.$` keys, `{% %}` strings, template values and values at and beyond every limit.

function hasConstraint(spec: ParameterSpec): boolean {
  switch (spec.type) {
    case 'string':
      return spec.minLength !== undefined || spec.maxLength !== undefined || spec.pattern !== undefined;
    case 'integer':
      return spec.minimum !== undefined || spec.maximum !== undefined;
    case 'list':
      return spec.minItems !== undefined || spec.maxItems !== undefined;
    case 'map':
      return spec.minEntries !== undefined || spec.maxEntries !== undefined;
    default:
      return false;
  }
}

function hasSpec(api: EksApiName, test: (spec: ParameterSpec) => boolean): boolean {
  const pending: ParameterSpec[] = Object.values(EKS_APIS.get(api)!.parameters);
  while (pending.length > 0) {
    const spec = pending.pop()!;
    if (test(spec)) return true;
    if (spec.type === 'structure') pending.push(...Object.values(spec.fields));
    else if (spec.type === 'list') pending.push(spec.items);
    else if (spec.type === 'map') pending.push(spec.values);
  }
  return false;
}

const TEMPLATE_VALUES: JsonValue[] = [{ Ref: 'Cluster' }, { 'Fn::GetAtt': ['Cluster', 'Arn'] }, { 'Fn::Sub': '${Name}-jobs' }, '${ClusterName}', 'role/${Env}-nodes', { Ref: 'A', Other: 1 }, '${}'];
const JSONATA_LIKE = ['{% $states.input.name %}', '{%%}', '{% %}', '{%}', '{% $x', '$x %}', ' {% $x %}'];
const ODD_KEYS = ['Unknown', 'clusterName', 'Name.$', 'x.$', '.$', 'a/b', 'x~1y', '~0', '0', '10', 'Ref', 'Fn::Sub', '__proto__', 'constructor', 'tailLines', ''];
const ODD_NUMBERS = [0, -0, -1, 1.5, 1e21, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];

const anyJson: fc.Arbitrary<JsonValue> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<JsonValue> },
  { weight: 1, arbitrary: fc.constantFrom(...ODD_NUMBERS) },
  { weight: 1, arbitrary: fc.constantFrom<JsonValue>(null, true, '', [], {}, 'text', 7) },
);

function withMutations(good: fc.Arbitrary<JsonValue>): fc.Arbitrary<JsonValue> {
  return fc.oneof(
    { weight: 60, arbitrary: good },
    { weight: 1, arbitrary: anyJson },
    { weight: 1, arbitrary: fc.constantFrom(...TEMPLATE_VALUES) },
    { weight: 1, arbitrary: fc.constantFrom<JsonValue>(...JSONATA_LIKE) },
    // A value of the shape of another spec: a list where a string goes, an object where a list goes…
    { weight: 1, arbitrary: fc.constantFrom<JsonValue>(['subnet-1'], { key: 'value' }, 'x', 3, false) },
  );
}

function stringArbitrary(spec: Extract<ParameterSpec, { type: 'string' }>): fc.Arbitrary<JsonValue> {
  const usual = spec.enum ? fc.constantFrom(...spec.enum) : spec.pattern !== undefined ? fc.stringMatching(new RegExp(spec.pattern, 'u'), { maxLength: 20 }) : fc.string({ maxLength: 8 });
  const odd: fc.Arbitrary<string>[] = [fc.string({ maxLength: 8 }), fc.constantFrom('batch', 'bad name!', '-x', 'QUJD==', '', 'ÉKS', '😀')];
  if (spec.enum) odd.push(fc.constantFrom(...spec.enum).map((value) => value.toLowerCase()), fc.constantFrom(...spec.enum).map((value) => `${value} `));
  for (const limit of [spec.minLength, spec.maxLength]) {
    if (limit === undefined) continue;
    // Lengths count code points: an emoji is one character of two UTF-16 units.
    for (const length of [limit - 1, limit, limit + 1]) if (length >= 0) odd.push(fc.constantFrom('a'.repeat(length), '😀'.repeat(length), `a${'😀'.repeat(Math.max(0, length - 1))}`));
  }
  return fc.oneof({ weight: 4, arbitrary: usual }, { weight: 1, arbitrary: fc.oneof(...odd) });
}

const memo = new Map<ParameterSpec, fc.Arbitrary<JsonValue>>();

function valueArbitrary(spec: ParameterSpec): fc.Arbitrary<JsonValue> {
  const cached = memo.get(spec);
  if (cached) return cached;
  let good: fc.Arbitrary<JsonValue>;
  switch (spec.type) {
    case 'string':
      good = stringArbitrary(spec);
      break;
    case 'boolean':
      good = fc.boolean();
      break;
    case 'integer': {
      const edges = [spec.minimum, spec.maximum].flatMap((limit) => (limit === undefined ? [] : [limit - 1, limit, limit + 1]));
      good = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: spec.minimum ?? -3, max: spec.maximum ?? 120 }) }, { weight: 1, arbitrary: fc.constantFrom(...ODD_NUMBERS, ...edges) });
      break;
    }
    case 'json':
      good = fc.oneof(fc.constantFrom<JsonValue>({ apiVersion: 'batch/v1', kind: 'Job' }, [{ kind: 'Pod' }], 'apiVersion: v1', 3, true, null), anyJson);
      break;
    case 'list': {
      const limit = Math.max(3, (spec.maxItems ?? 0) + 1, (spec.minItems ?? 0) + 1);
      good = fc.array(valueArbitrary(spec.items), { maxLength: limit });
      break;
    }
    case 'map': {
      const keys = fc.oneof(fc.constantFrom(...ODD_KEYS, 'limit', 'tailLines.$', '1', 'b'), fc.string({ maxLength: 3 }));
      const entry = fc.tuple(keys, fc.oneof({ weight: 6, arbitrary: valueArbitrary(spec.values) }, { weight: 1, arbitrary: fc.oneof(fc.constant<JsonValue>('$.lines'), anyJson) }));
      const limit = Math.max(3, (spec.maxEntries ?? 0) + 1, (spec.minEntries ?? 0) + 1);
      good = fc.array(entry, { maxLength: limit }).map(objectOf);
      break;
    }
    case 'structure':
      good = structureArbitrary(spec.fields);
      break;
  }
  const arbitrary = withMutations(good);
  memo.set(spec, arbitrary);
  return arbitrary;
}

type Entry = [string, JsonValue];

function structureArbitrary(fields: ParameterFields): fc.Arbitrary<JsonValue> {
  const dynamicValue = fc.oneof({ weight: 4, arbitrary: fc.constantFrom<JsonValue>('$.value', 'States.Format($.a)', '{% $x %}') }, { weight: 1, arbitrary: anyJson }, { weight: 1, arbitrary: fc.constantFrom(...TEMPLATE_VALUES) });
  const members = Object.entries(fields).map(([name, spec]) => {
    const mode = spec.required
      ? fc.oneof({ weight: 12, arbitrary: fc.constant('plain') }, { weight: 4, arbitrary: fc.constant('dollar') }, { weight: 1, arbitrary: fc.constantFrom('both', 'absent') })
      : fc.oneof({ weight: 12, arbitrary: fc.constant('absent') }, { weight: 4, arbitrary: fc.constant('plain') }, { weight: 2, arbitrary: fc.constant('dollar') }, { weight: 1, arbitrary: fc.constant('both') });
    return fc.tuple(mode, valueArbitrary(spec), dynamicValue).map(([how, value, path]): Entry[] => {
      const entries: Entry[] = [];
      if (how === 'plain' || how === 'both') entries.push([name, value]);
      if (how === 'dollar' || how === 'both') entries.push([`${name}.$`, path]);
      return entries;
    });
  });
  const unknown = fc.oneof(
    { weight: 12, arbitrary: fc.constant([]) },
    { weight: 1, arbitrary: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...ODD_KEYS), fc.string({ maxLength: 4 })), anyJson), { minLength: 1, maxLength: 2 }) },
  );
  return fc
    .tuple(fc.tuple(...members), unknown, fc.boolean())
    .chain(([known, extra, shuffle]) => {
      const entries = [...known.flat(), ...(extra as Entry[])];
      return shuffle ? fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length }) : fc.constant(entries);
    })
    .map(objectOf);
}

/** Objects as the parser makes them: null prototype, keys in insertion order (integer-like keys first, as in JS). */
function objectOf(entries: readonly Entry[]): JsonValue {
  const object: Record<string, JsonValue> = Object.create(null);
  for (const [key, value] of entries) object[key] = value;
  return object;
}

function payloadArbitrary(fields: ParameterFields): fc.Arbitrary<JsonValue> {
  return fc.oneof(
    { weight: 20, arbitrary: structureArbitrary(fields) },
    { weight: 1, arbitrary: anyJson },
    { weight: 1, arbitrary: fc.constantFrom(...TEMPLATE_VALUES, ...JSONATA_LIKE) },
  );
}
