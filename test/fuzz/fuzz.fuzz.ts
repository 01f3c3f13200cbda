/**
 * `pnpm fuzz`: the long property run (FUZZ_CASES, default 100,000 in all). A failing input is saved under
 * fixtures/fuzz/, where the regular robustness suite then replays it on every run.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileInputs } from '../support/hostile-inputs.js';
import { checkInvariants } from '../support/invariants.js';
import { applyMutation, aslLikeJson, fixMutation, mutation, randomDefinition } from '../support/mutations.js';
import { checkFix, fixSeeds } from '../support/fix-invariants.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TOTAL = Number(process.env.FUZZ_CASES ?? 100_000);
const saved = join(repo, 'fixtures/fuzz');

function save(text: string, extension: string, problem: string): string {
  mkdirSync(saved, { recursive: true });
  const name = `${createHash('sha1').update(text).digest('hex').slice(0, 12)}.asl.${extension}`;
  writeFileSync(join(saved, name), text);
  writeFileSync(join(saved, `${name}.why.txt`), `${problem}\n`);
  return name;
}

function seeds(): { name: string; text: string }[] {
  const found: { name: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(json|ya?ml)$/.test(entry) && !entry.endsWith('.expected.json') && statSync(path).size < 300_000) found.push({ name: entry, text: readFileSync(path, 'utf8') });
    }
  };
  for (const dir of ['fixtures', 'examples', '../shared/corpus/real', '../shared/corpus/eks']) if (existsSync(join(repo, dir))) walk(join(repo, dir));
  return found;
}

type Check = (text: string, filePath: string) => { problem: string; detail?: string } | undefined;

function run<T>(name: string, arbitrary: fc.Arbitrary<T>, cases: number, toInput: (value: T) => { text: string; filePath: string }, check: Check = checkInvariants): void {
  const result = fc.check(
    fc.property(arbitrary, (value) => {
      const { text, filePath } = toInput(value);
      return check(text, filePath) === undefined;
    }),
    { numRuns: cases },
  );
  if (result.failed && result.counterexample) {
    const { text, filePath } = toInput(result.counterexample[0]);
    const violation = check(text, filePath);
    const file = save(text, filePath.endsWith('.yaml') ? 'yaml' : 'json', `${violation?.problem}: ${violation?.detail ?? ''}`);
    throw new Error(`${name}: ${violation?.problem} — saved as fixtures/fuzz/${file}`);
  }
  process.stderr.write(`${name}: ${result.numRuns} cases, no failure\n`);
}

describe('fuzz', () => {
  const pool = seeds();
  it('hostile inputs stay within time and memory', () => {
    for (const input of hostileInputs) {
      const before = process.memoryUsage().heapUsed;
      const start = performance.now();
      const text = input.text();
      expect(checkInvariants(text, input.filePath), input.name).toBeUndefined();
      const seconds = (performance.now() - start) / 1000;
      const grownMb = (process.memoryUsage().heapUsed - before) / 2 ** 20;
      process.stderr.write(`${input.name}: ${seconds.toFixed(2)} s, heap +${grownMb.toFixed(0)} MB\n`);
      expect(seconds, `${input.name} took ${seconds} s`).toBeLessThan(20);
    }
  }, 600_000);

  it(`${TOTAL} generated and mutated inputs`, () => {
    // Five equal shares: four lint properties and the fix property.
    const share = Math.ceil(TOTAL / 5);
    run('arbitrary JSON', aslLikeJson, share, (value) => ({ text: JSON.stringify(value, null, 2) ?? 'null', filePath: 'fuzz.asl.json' }));
    run('arbitrary JSON as YAML', aslLikeJson, share, (value) => ({ text: JSON.stringify(value) ?? 'null', filePath: 'fuzz.asl.yaml' }));
    run('random definitions', randomDefinition, share, (value) => ({ text: JSON.stringify(value, null, 2), filePath: 'fuzz.asl.json' }));
    run('mutated files', fc.tuple(fc.nat({ max: pool.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 })), share, ([index, mutations]) => ({
      text: mutations.reduce(applyMutation, pool[index].text),
      filePath: pool[index].name,
    }));
    const fixPool = fixSeeds();
    run(
      'fixing mutated files',
      fc.tuple(fc.nat({ max: fixPool.length - 1 }), fc.array(fixMutation, { minLength: 1, maxLength: 4 })),
      share,
      ([index, mutations]) => ({ text: mutations.reduce(applyMutation, fixPool[index].text), filePath: fixPool[index].name }),
      checkFix,
    );
  }, 24 * 3600_000);
});
