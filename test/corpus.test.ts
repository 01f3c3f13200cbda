/**
 * The shared corpus (../shared/corpus, beside the checkout): every file lints without a crash, and on the
 * real definitions their authors published, every error asl-lint reports is a reviewed true finding,
 * listed with its reason in corpus-expectations.json.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toLineColumn } from '@asl-lint/core';
import { corpusDir, corpusEntries } from './support/corpus.js';
import { checkInvariants, lintAll } from './support/invariants.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = corpusDir;

interface Expectation {
  readonly finding: string;
  readonly reason: string;
}

const entries = corpusEntries();
const expectations: Record<string, Expectation[]> = JSON.parse(readFileSync(join(repo, 'test/corpus-expectations.json'), 'utf8'));

describe.skipIf(entries.length === 0)('shared corpus', () => {
  it(`lints all ${entries.length} files without a crash`, () => {
    const failures: string[] = [];
    for (const entry of entries) {
      const text = readFileSync(join(corpus, entry.path), 'utf8');
      const violation = checkInvariants(text, entry.path);
      if (violation) failures.push(`${entry.path}: ${violation.problem} ${violation.detail ?? ''}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('reports on published real definitions only the reviewed true findings', () => {
    const actual: Record<string, string[]> = {};
    for (const entry of entries) {
      if (!entry.path.startsWith('real/') || (entry.kind !== 'asl-json' && entry.kind !== 'asl-yaml')) continue;
      const result = lintAll(readFileSync(join(corpus, entry.path), 'utf8'), entry.path);
      const errors = result.diagnostics
        .filter((d) => d.severity === 'error' && !d.suppressed)
        .map((d) => {
          const { line, column } = toLineColumn(result.lines, d.range);
          return `${d.ruleId} ${line}:${column} ${d.message}`;
        });
      if (errors.length) actual[entry.path] = errors;
    }
    const reviewed: Record<string, string[]> = {};
    for (const [path, list] of Object.entries(expectations)) reviewed[path] = list.map((e) => e.finding);
    expect(actual).toEqual(reviewed);
  }, 120_000);

  it('every reviewed finding says why it is a true finding', () => {
    for (const list of Object.values(expectations)) for (const item of list) expect(item.reason.length).toBeGreaterThan(15);
  });
});
