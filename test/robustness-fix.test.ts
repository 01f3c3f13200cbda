/**
 * `--fix` loses nothing: over mutated fixtures where `eks/run-job-sync` fixes apply (JSON, JSON with comments, YAML
 * with comments, anchors and templates), fixing twice equals fixing once, a text that does not parse is never
 * changed, the output still parses, and the only values that change are Task resources gaining `.sync`. The
 * real CLI then fixes a directory of such files on disk, and a second run writes nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixUntilStable, parsedCleanly } from '@asl-lint/core';
import { applyMutation, mutation, type Mutation } from './support/mutations.js';
import { checkFix, lintWith } from './support/fix-invariants.js';
import { buildCli, noNetworkPreload } from './support/cli-bin.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.ASL_LINT_PROPERTY_RUNS ?? 150);

const JOB = '{ "apiVersion": "batch/v1", "kind": "Job", "metadata": { "name": "report" }, "spec": { "template": { "spec": { "containers": [{ "name": "report", "image": "report:1.4" }], "restartPolicy": "Never" } } } }';
const PARAMETERS = `"ClusterName": "batch", "CertificateAuthority": "LS0tLS1CRUdJTg==", "Endpoint": "https://EXAMPLE.gr7.us-east-1.eks.amazonaws.com", "Job": ${JOB}`;

/** Hand-written files that exercise what a fix must keep: comments, CRLF, a BOM, anchors, flow style, suppressions. */
const HANDWRITTEN: { name: string; text: string }[] = [
  {
    name: 'comments.asl.json',
    text: `{\n  // nightly\n  "StartAt": "Run",\n  "States": {\n    /* the Job */ "Run": { "Type": "Task", "Resource": "arn:aws:states:::eks:runJob", "Parameters": { ${PARAMETERS} }, "Next": "Again" },\n    "Again": { "Type": "Task", "Resource": "arn:aws:states:us-east-1:123456789012:eks:runJob", "Parameters": { ${PARAMETERS} }, "End": true, },\n  }\n}\n`,
  },
  {
    name: 'crlf.asl.json',
    text: `\ufeff{\r\n\t"StartAt": "Run",\r\n\t"States": {\r\n\t\t"Run": {\r\n\t\t\t"Type": "Task",\r\n\t\t\t"Resource":    "arn:aws:states:::eks:runJob",\r\n\t\t\t"Parameters": { ${PARAMETERS} },\r\n\t\t\t"End": true\r\n\t\t}\r\n\t}\r\n}\r\n`,
  },
  {
    name: 'comments.asl.yaml',
    text: `# The nightly report\nStartAt: Run # first\nStates:\n  Run:\n    Type: Task\n    Resource: arn:aws:states:::eks:runJob   # wait for it\n    Parameters: { ${PARAMETERS} }\n    Next: Quoted\n  Quoted:\n    Type: Task\n    Resource: 'arn:aws:states:::eks:runJob'\n    Parameters: { ${PARAMETERS} }\n    Next: Flow\n  Flow: { Type: Task, Resource: "arn:aws:states:::eks:runJob", Parameters: { ${PARAMETERS} }, End: true }\n`,
  },
  {
    name: 'anchors.asl.yaml',
    text: `Comment: &arn arn:aws:states:::eks:runJob\nStartAt: Run\nStates:\n  Run: &task\n    Type: Task\n    Resource: *arn\n    Parameters: { ${PARAMETERS} }\n    Next: Copy\n  Copy:\n    <<: *task\n    End: true\n`,
  },
  {
    name: 'suppressed.asl.yaml',
    text: `StartAt: Run\nStates:\n  Run:\n    Type: Task\n    # asl-lint-disable-next-line eks/run-job-sync -- polled with eks:call\n    Resource: arn:aws:states:::eks:runJob\n    Parameters: { ${PARAMETERS} }\n    Next: Other\n  Other:\n    Type: Task\n    Resource: arn:aws:states:::eks:runJob\n    Parameters: { ${PARAMETERS} }\n    End: true\n`,
  },
  {
    name: 'template.yaml',
    text: `Transform: AWS::Serverless-2016-10-31\nResources:\n  Nightly:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      Definition:\n        StartAt: Run\n        States:\n          Run:\n            Type: Task\n            Resource: arn:aws:states:::eks:runJob\n            Parameters: { ${PARAMETERS} }\n            End: true\n  Sub:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionString: !Sub |\n        { "StartAt": "Run", "States": { "Run": { "Type": "Task", "Resource": "arn:\${AWS::Partition}:states:::eks:runJob", "Parameters": { ${PARAMETERS} }, "End": true } } }\n`,
  },
];

/** Every fixture and example, with `eks:runJob.sync` turned back into `eks:runJob` so the fix has work to do. */
function seeds(): { name: string; text: string }[] {
  const found = [...HANDWRITTEN];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(json|ya?ml)$/.test(entry) && !entry.endsWith('.expected.json') && statSync(path).size < 200_000) {
        const text = readFileSync(path, 'utf8');
        if (text.includes('eks:runJob')) found.push({ name: path.slice(repo.length + 1), text: text.replaceAll('eks:runJob.sync', 'eks:runJob') });
      }
    }
  };
  for (const dir of ['fixtures', 'examples']) if (existsSync(join(repo, dir))) walk(join(repo, dir));
  return found;
}

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
    const resourceMutation: fc.Arbitrary<Mutation> = fc.record({ kind: fc.constant('swap-value' as const), occurrence: fc.nat(), value: fc.constantFrom('"arn:aws:states:::eks:runJob"', '"arn:aws:states:::eks:runJob.sync"', '"arn:aws-cn:states:cn-north-1:123456789012:eks:runJob"') });
    fc.assert(
      fc.property(fc.nat({ max: pool.length - 1 }), fc.array(fc.oneof(mutation, resourceMutation), { minLength: 1, maxLength: 3 }), (index, mutations) => {
        const seed = pool[index];
        const text = mutations.reduce(applyMutation, seed.text);
        expect(checkFix(text, seed.name)).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  });

  it('the hand-written files fix to the expected text', () => {
    const fix = (name: string) => fixUntilStable(HANDWRITTEN.find((h) => h.name === name)!.text, lintWith(name)).output;
    expect(fix('comments.asl.yaml')).toBe(
      HANDWRITTEN[2].text
        .replace('eks:runJob   # wait', 'eks:runJob.sync   # wait')
        .replace("'arn:aws:states:::eks:runJob'", "'arn:aws:states:::eks:runJob.sync'")
        .replace('"arn:aws:states:::eks:runJob", Parameters', '"arn:aws:states:::eks:runJob.sync", Parameters'),
    );
    expect(fix('comments.asl.json')).toBe(HANDWRITTEN[0].text.replaceAll('eks:runJob"', 'eks:runJob.sync"'));
    expect(fix('crlf.asl.json')).toBe(HANDWRITTEN[1].text.replace('eks:runJob"', 'eks:runJob.sync"'));
    expect(fix('suppressed.asl.yaml')).toBe(HANDWRITTEN[4].text.replace('eks:runJob\n    Parameters: { "ClusterName": "batch", "CertificateAuthority": "LS0tLS1CRUdJTg==", "Endpoint": "https://EXAMPLE.gr7.us-east-1.eks.amazonaws.com", "Job": { "apiVersion": "batch/v1", "kind": "Job", "metadata": { "name": "report" }, "spec": { "template": { "spec": { "containers": [{ "name": "report", "image": "report:1.4" }], "restartPolicy": "Never" } } } } }\n    End', 'eks:runJob.sync\n    Parameters: { "ClusterName": "batch", "CertificateAuthority": "LS0tLS1CRUdJTg==", "Endpoint": "https://EXAMPLE.gr7.us-east-1.eks.amazonaws.com", "Job": { "apiVersion": "batch/v1", "kind": "Job", "metadata": { "name": "report" }, "spec": { "template": { "spec": { "containers": [{ "name": "report", "image": "report:1.4" }], "restartPolicy": "Never" } } } } }\n    End'));
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
