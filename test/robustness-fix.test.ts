/**
 * `--fix` loses nothing: over mutated fixtures where `eks/run-job-sync` fixes apply (JSON, JSON with comments, YAML
 * with comments, anchors and templates), fixing twice equals fixing once, a text that does not parse is never
 * changed, the output still parses, and the only values that change are Task resources gaining `.sync`. The
 * real CLI then fixes a directory of such files on disk, and a second run writes nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixUntilStable, parsedCleanly } from '@asl-lint/core';
import { applyMutation, fixMutation, mutation } from './support/mutations.js';
import { checkFix, fixSeeds as seeds, HANDWRITTEN, lintWith, unexpectedChange } from './support/fix-invariants.js';
import { buildCli, noNetworkPreload } from './support/cli-bin.js';

const RUNS = Number(process.env.ASL_LINT_PROPERTY_RUNS ?? 150);

describe('the comparison of values before and after fixing', () => {
  it.each([
    ['a Resource gaining .sync', { S: { Resource: 'arn:aws:states:::eks:runJob' } }, { S: { Resource: 'arn:aws:states:::eks:runJob.sync' } }, undefined],
    ['a DefinitionString gaining .sync', { D: '{"StartAt":"A","R":"eks:runJob"}' }, { D: '{"StartAt":"A","R":"eks:runJob.sync"}' }, undefined],
    ['a Comment gaining .sync', { Comment: 'eks:runJob' }, { Comment: 'eks:runJob.sync' }, 'Comment: "eks:runJob" became "eks:runJob.sync"'],
    ['a Resource changed otherwise', { Resource: 'a' }, { Resource: 'b' }, 'Resource: "a" became "b"'],
    ['a number', { S: [1] }, { S: [2] }, 'S.0: 1 became 2'],
    ['a renamed key', { A: 1 }, { B: 1 }, ': keys changed'],
    ['an object become an array', { A: {} }, { A: [] }, 'A: changed shape'],
  ])('%s', (_name, before, after, expected) => {
    expect(unexpectedChange(before, after)).toBe(expected);
  });
});

describe('--fix loses nothing (property-based)', () => {
  const pool = seeds();

  it(`the ${pool.length} unmutated seeds: every run-job-sync finding is fixed, and only that`, () => {
    let fixed = 0;
    for (const seed of pool) {
      expect(checkFix(seed.text, seed.name), seed.name).toBeUndefined();
      const outcome = fixUntilStable(seed.text, lintWith(seed.name));
      fixed += outcome.fixCount;
    }
    // The hand-written files alone hold 9 fixable resources (the suppressed one and the !Sub one stay).
    expect(fixed).toBeGreaterThanOrEqual(9);
  });

  it('mutations of files where the fix applies: idempotent, never writes unparsable text, output parses', () => {
    fc.assert(
      fc.property(fc.nat({ max: pool.length - 1 }), fc.array(fixMutation, { minLength: 1, maxLength: 3 }), (index, mutations) => {
        const seed = pool[index];
        const text = mutations.reduce(applyMutation, seed.text);
        expect(checkFix(text, seed.name)).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  });

  it('the hand-written files fix to the expected text', () => {
    const text = (name: string) => HANDWRITTEN.find((h) => h.name === name)!.text;
    const fix = (name: string) => fixUntilStable(text(name), lintWith(name)).output;
    expect(fix('comments.asl.yaml')).toBe(
      text('comments.asl.yaml')
        .replace('eks:runJob   # wait', 'eks:runJob.sync   # wait')
        .replace("'arn:aws:states:::eks:runJob'", "'arn:aws:states:::eks:runJob.sync'")
        .replace('"arn:aws:states:::eks:runJob", Parameters', '"arn:aws:states:::eks:runJob.sync", Parameters'),
    );
    expect(fix('comments.asl.json')).toBe(text('comments.asl.json').replaceAll('eks:runJob"', 'eks:runJob.sync"'));
    expect(fix('crlf.asl.json')).toBe(text('crlf.asl.json').replace('eks:runJob"', 'eks:runJob.sync"'));
    // The alias is replaced by the fixed value; the anchored Comment keeps its text.
    expect(fix('anchors.asl.yaml')).toBe(text('anchors.asl.yaml').replace('Resource: *arn', 'Resource: arn:aws:states:::eks:runJob.sync'));
    // Only the state without a suppression comment is fixed.
    const suppressed = text('suppressed.asl.yaml');
    const last = suppressed.lastIndexOf('eks:runJob\n');
    expect(fix('suppressed.asl.yaml')).toBe(`${suppressed.slice(0, last)}eks:runJob.sync${suppressed.slice(last + 'eks:runJob'.length)}`);
    // The SAM Definition is fixed; the DefinitionString built with !Sub is left alone.
    expect(fix('template.yaml')).toBe(text('template.yaml').replace('Resource: arn:aws:states:::eks:runJob\n', 'Resource: arn:aws:states:::eks:runJob.sync\n'));
  });
});

describe('the CLI fixes files on disk as the core does', () => {
  it('fixes a directory of seeds and mutated seeds; a second run writes nothing; unparsable files stay byte for byte', () => {
    const bin = buildCli();
    // The hand-written files and a few fixtures keep the run short; the property above covers the rest.
    const pool = seeds().slice(0, HANDWRITTEN.length + 8);
    const dir = mkdtempSync(join(tmpdir(), 'asl-lint-fix-property-'));
    const files: { file: string; text: string }[] = [];
    // The seeds, and one truncated (unparsable) and one mutated copy of each, from a fixed seed: replayable.
    const mutated = fc.sample(fc.tuple(fc.nat({ max: pool.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 2 })), { numRuns: 20, seed: 20261126 });
    pool.forEach((seed, i) => files.push({ file: `seed-${i}-${seed.name.replace(/[\\/]/g, '_')}`, text: seed.text }));
    pool.forEach((seed, i) => files.push({ file: `truncated-${i}-${seed.name.replace(/[\\/]/g, '_')}`, text: seed.text.slice(0, Math.floor(seed.text.length / 2)) }));
    mutated.forEach(([index, mutations], i) => files.push({ file: `mutated-${i}-${pool[index].name.replace(/[\\/]/g, '_')}`, text: mutations.reduce(applyMutation, pool[index].text) }));
    // A name the discovery finds: *.asl.json / *.asl.yaml, or a template name for the templates.
    for (const f of files) {
      if (!/\.asl\.(json|ya?ml)$/.test(f.file) && !/template\.ya?ml$/.test(f.file)) f.file = f.file.replace(/\.(json|ya?ml)$/, '.asl.$1');
      // What the disk holds: a lone surrogate from a mutation is written as U+FFFD.
      f.text = Buffer.from(f.text, 'utf8').toString('utf8');
      writeFileSync(join(dir, f.file), f.text);
    }

    const first = spawnSync(process.execPath, ['--require', noNetworkPreload, bin, '--fix', '-f', 'json', ...files.map((f) => f.file)], { cwd: dir, encoding: 'utf8' });
    expect(first.stderr).toBe('');
    expect([0, 1]).toContain(first.status);
    const mtimes = new Map<string, number>();
    let changed = 0;
    for (const { file, text } of files) {
      const onDisk = readFileSync(join(dir, file), 'utf8');
      const expected = fixUntilStable(text, lintWith(file));
      // Exactly what the core computes, and only for text that parsed.
      expect(onDisk, file).toBe(parsedCleanly(lintWith(file)(text)) ? expected.output : text);
      if (onDisk !== text) changed++;
      mtimes.set(file, statSync(join(dir, file)).mtimeMs);
    }
    expect(changed).toBeGreaterThan(pool.length / 2);
    expect(readdirSync(dir).length).toBe(files.length);

    const second = spawnSync(process.execPath, ['--require', noNetworkPreload, bin, '--fix', '-f', 'json', ...files.map((f) => f.file)], { cwd: dir, encoding: 'utf8' });
    expect(second.stderr).toBe('');
    expect(second.status).toBe(first.status);
    for (const { file } of files) expect(statSync(join(dir, file)).mtimeMs, file).toBe(mtimes.get(file));
    // The report of the second run is the report of the fixed files.
    expect(JSON.parse(second.stdout)).toEqual(JSON.parse(first.stdout));
  }, 120_000);
});
