/**
 * Agreement with other validators' labelled fixtures (../shared/corpus/peer-tests: asl-validator, statelint, the AWS
 * language service). Each pure-ASL fixture labelled valid or invalid is linted with every rule: an invalid one must
 * raise at least one error, a valid one none. Every disagreement is listed, with its reason, in
 * peer-agreement.expected.json, reviewed like code; the test fails on a new disagreement and on a stale entry.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintText, resolveRules } from '@asl-lint/core';
import { allRules } from '../rules/src/index.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(repo, '..', 'shared', 'corpus');

type Label = 'valid' | 'invalid';

interface Fixture {
  readonly path: string;
  readonly peer: string;
  readonly label: Label;
}

interface Disagreement {
  readonly peer: Label;
  readonly ours: Label;
  /** The errors we report (for a fixture the peer calls valid), so a change of reason shows up. */
  readonly rules?: readonly string[];
  readonly reason: string;
}

function fixtures(): Fixture[] {
  const file = join(corpus, 'MANIFEST.tsv');
  if (!existsSync(file)) return [];
  const out: Fixture[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
    const cols = line.split('\t');
    const [path, kind, label] = [cols[0], cols[5], cols[6]];
    if (!path?.startsWith('peer-tests/') || (kind !== 'asl-json' && kind !== 'asl-yaml')) continue;
    if (label !== 'valid' && label !== 'invalid') continue;
    out.push({ path, peer: path.split('/')[1], label });
  }
  return out;
}

const all = fixtures();
const expected: Record<string, Disagreement> = JSON.parse(readFileSync(join(repo, 'test/peer-agreement.expected.json'), 'utf8'));
const rules = resolveRules(allRules, []);

describe.skipIf(all.length === 0)('agreement with peer validators', () => {
  it('disagrees only where peer-agreement.expected.json says so, for the reason it gives', () => {
    const actual: Record<string, { peer: Label; ours: Label; rules?: string[] }> = {};
    const tally = new Map<string, { total: number; agree: number }>();
    for (const fixture of all) {
      const result = lintText(readFileSync(join(corpus, fixture.path), 'utf8'), { filePath: fixture.path, rules });
      const errors = result.diagnostics.filter((d) => d.severity === 'error' && !d.suppressed);
      const ours: Label = errors.length > 0 ? 'invalid' : 'valid';
      const count = tally.get(fixture.peer) ?? { total: 0, agree: 0 };
      count.total++;
      if (ours === fixture.label) count.agree++;
      else actual[fixture.path] = { peer: fixture.label, ours, ...(errors.length ? { rules: [...new Set(errors.map((e) => e.ruleId))].sort() } : {}) };
      tally.set(fixture.peer, count);
    }
    const summary = [...tally].map(([peer, { total, agree }]) => `${peer}: ${agree}/${total}`).join(', ');
    console.info(`peer agreement: ${all.length - Object.keys(actual).length}/${all.length} (${summary})`);
    const listed = Object.fromEntries(Object.entries(expected).map(([path, { peer, ours, rules: ids }]) => [path, { peer, ours, ...(ids ? { rules: [...ids] } : {}) }]));
    expect(actual).toEqual(listed);
  }, 120_000);

  it('gives a reason for every listed disagreement', () => {
    for (const [path, entry] of Object.entries(expected)) expect(entry.reason.length, path).toBeGreaterThan(20);
  });
});
