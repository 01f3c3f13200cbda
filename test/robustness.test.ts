import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineRule, lintText, resolveRules } from '@asl-lint/core';
import { allRules } from '@asl-lint/rules';
import { applyMutation, aslLikeJson, mutation, randomDefinition } from './support/mutations.js';
import { checkInvariants } from './support/invariants.js';
import { checkFix } from './support/fix-invariants.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.ASL_LINT_PROPERTY_RUNS ?? 150);

function seedFiles(): { name: string; text: string }[] {
  const found: { name: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(json|ya?ml)$/.test(entry) && !entry.endsWith('.expected.json') && statSync(path).size < 200_000) found.push({ name: path.slice(repo.length + 1), text: readFileSync(path, 'utf8') });
    }
  };
  for (const dir of ['fixtures', 'examples']) if (existsSync(join(repo, dir))) walk(join(repo, dir));
  return found;
}

describe('never throws on content (property-based)', () => {
  it('arbitrary ASL-like JSON, as JSON and as YAML', () => {
    fc.assert(
      fc.property(aslLikeJson, fc.boolean(), (value, asYaml) => {
        const text = JSON.stringify(value, null, asYaml ? 0 : 2) ?? 'null';
        expect(checkInvariants(text, asYaml ? 'p.asl.yaml' : 'p.asl.json')).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  });

  it('definitions with random states and wrong types everywhere', () => {
    fc.assert(
      fc.property(randomDefinition, (value) => {
        expect(checkInvariants(JSON.stringify(value, null, 2), 'p.asl.json')).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  });

  const seeds = seedFiles();
  it(`mutations of ${seeds.length} fixtures and examples`, () => {
    if (!seeds.length) return;
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), (index, mutations) => {
        const seed = seeds[index];
        const text = mutations.reduce(applyMutation, seed.text);
        expect(checkInvariants(text, seed.name)).toBeUndefined();
      }),
      { numRuns: RUNS * 2 },
    );
  });
});

// Inputs `pnpm fuzz` once failed on (saved with the reason beside them): replayed on every run.
const fuzzFailures = existsSync(join(repo, 'fixtures/fuzz')) ? readdirSync(join(repo, 'fixtures/fuzz')).filter((name) => /\.asl\.(json|yaml)$/.test(name)) : [];
describe.runIf(fuzzFailures.length > 0)('inputs pnpm fuzz found', () => {
  it.each(fuzzFailures)('%s: lints and fixes within the invariants', (name) => {
    const text = readFileSync(join(repo, 'fixtures/fuzz', name), 'utf8');
    expect(checkInvariants(text, name)).toBeUndefined();
    expect(checkFix(text, name)).toBeUndefined();
  });
});

describe('rule guard', () => {
  it('turns an exception inside a rule into internal-error, and the other rules still report', () => {
    const broken = defineRule({
      meta: { id: 'asl/broken', description: 'A rule that throws', severity: 'error', fix: 'none', messages: { x: 'x' }, docs: { whatItDoes: '', whyItMatters: '', examples: { invalid: [], valid: [] } } },
      check() {
        throw new TypeError("Cannot read properties of undefined (reading 'Next')");
      },
    });
    const transitions = allRules.find((r) => r.meta.id === 'asl/transitions')!;
    const result = lintText('{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"}}}', { filePath: 'x.asl.json', rules: resolveRules([broken, transitions], []) });
    expect(result.diagnostics.map((d) => [d.ruleId, d.message])).toEqual([
      ['internal-error', `Rule "asl/broken" crashed (Cannot read properties of undefined (reading 'Next')): this is a bug in asl-lint, please report it with this file`],
      ['asl/transitions', 'State "A": Next "B" names no state in the state machine'],
    ]);
  });

  it('refuses a fix that the rule did not declare', () => {
    const sneaky = defineRule({
      meta: { id: 'asl/sneaky', description: 'A rule that fixes without saying so', severity: 'error', fix: 'none', messages: { x: 'x' }, docs: { whatItDoes: '', whyItMatters: '', examples: { invalid: [], valid: [] } } },
      check(context) {
        context.report({ path: ['StartAt'], messageId: 'x', fix: { message: 'rename', changes: [{ kind: 'replace-value', path: ['StartAt'], value: 'B' }] } });
      },
    });
    const result = lintText('{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}', { filePath: 'x.asl.json', rules: resolveRules([sneaky], []) });
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['internal-error']);
    expect(result.diagnostics[0].message).toContain('fix: "none"');
  });
});

describe('keys that name Object.prototype members', () => {
  it('lints state names and parameter keys __proto__, constructor and toString without polluting prototypes', () => {
    const text = JSON.stringify({
      StartAt: '__proto__',
      States: {
        __proto__: { Type: 'Pass', Parameters: { __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } }, Next: 'constructor' },
        constructor: { Type: 'Task', Resource: 'arn:aws:states:::eks:call', Parameters: { toString: 1, __proto__: 2 }, Next: 'toString' },
        toString: { Type: 'Succeed' },
      },
    }).replace('"StartAt"', '"StartAt"');
    // JSON.stringify drops an own __proto__ set through a literal; build the text by hand instead.
    const handWritten = text.includes('"__proto__":{') ? text : '{"StartAt":"__proto__","States":{"__proto__":{"Type":"Pass","Parameters":{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}},"Next":"constructor"},"constructor":{"Type":"Task","Resource":"arn:aws:states:::eks:call","Parameters":{"toString":1,"__proto__":2},"Next":"toString"},"toString":{"Type":"Succeed"}}}';
    expect(checkInvariants(handWritten, 'proto.asl.json')).toBeUndefined();
    const result = lintText(handWritten, { filePath: 'proto.asl.json', rules: resolveRules(allRules, []) });
    expect(result.diagnostics.filter((d) => d.ruleId === 'asl/unreachable-state' || d.ruleId === 'asl/transitions')).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('never runs user code', () => {
  const sources: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry.endsWith('.ts')) sources.push(path);
    }
  };
  for (const dir of ['packages/core/src', 'packages/config/src', 'packages/cli/src', 'packages/lsp/src', 'rules/src']) if (existsSync(join(repo, dir))) walk(join(repo, dir));

  it.each(sources.map((s) => [s.slice(repo.length + 1), s]))('%s has no eval, Function, vm or dynamic require', (_name, path) => {
    const text = readFileSync(path, 'utf8');
    expect(text).not.toMatch(/\beval\s*\(/);
    expect(text).not.toMatch(/new\s+Function\s*\(/);
    expect(text).not.toMatch(/['"]node:vm['"]|['"]vm['"]/);
    // A require of a module constant (our own generated file) is fine; of a computed value it is not.
    expect(text).not.toMatch(/\brequire\s*\(\s*(?!['"]|[A-Z_]+\s*\))[^\s)]/);
    expect(text).not.toMatch(/['"]node:(net|http|https|dgram|tls)['"]/);
  });
});
