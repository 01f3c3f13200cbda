#!/usr/bin/env node
// `pnpm bench`: asl-lint against its peers, side by side in one run. Prints a Markdown table and saves it
// under bench/results/. Medians of several runs; absolute times are context only, ratios are the result.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { countStates, generateDefinition } from './generate-definition.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..');
const require = createRequire(import.meta.url);
const distCli = join(repo, 'packages/cli/dist/bin.js');
// What pre-commit runs (the root `bin`, built by postinstall): the CLI bundle, built fresh here from the sources.
const bundleDir = mkdtempSync(join(tmpdir(), 'asl-lint-bench-'));
const cli = join(bundleDir, 'asl-lint.cjs');
{
  const built = spawnSync(process.execPath, [join(repo, 'scripts/bundle.mjs'), cli], { cwd: repo, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`scripts/bundle.mjs failed: ${built.stderr}`);
}
process.on('exit', () => rmSync(bundleDir, { recursive: true, force: true }));
const corpusRoot = join(repo, '..', 'shared', 'corpus');
const quick = process.argv.includes('--quick');
const RUNS = quick ? 3 : 7;

const { lintText, resolveRules } = await import(join(repo, 'packages/core/dist/index.js'));
const { allRules } = await import(join(repo, 'rules/dist/index.js'));
const active = resolveRules(allRules, []);
const als = require('amazon-states-language-service');
const aslValidator = require('asl-validator');
const YAML = require('yaml');

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;

/** Median wall time of each command, the commands interleaved run by run so that load changes hit all of them alike. */
function timeProcesses(commands, runs = RUNS) {
  const times = commands.map(() => []);
  for (let i = 0; i < runs; i++) {
    commands.forEach((args, k) => {
      const start = performance.now();
      const result = spawnSync(process.execPath, args, { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 28 });
      times[k].push(performance.now() - start);
      if (result.error) throw result.error;
    });
  }
  return times.map(median);
}

function timeProcess(args, runs = RUNS) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = spawnSync(process.execPath, args, { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 28 });
    times.push(performance.now() - start);
    if (result.error) throw result.error;
  }
  return median(times);
}

async function timeAsync(fn, runs = RUNS) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

function alsValidate(text, isYaml) {
  const service = isYaml ? alsYaml : alsJson;
  const document = als.TextDocument.create(isYaml ? 'file:///x.asl.yaml' : 'file:///x.asl.json', isYaml ? 'asl-yaml' : 'asl', 1, text);
  return service.doValidation(document, isYaml ? undefined : alsJson.parseJSONDocument(document));
}
const alsJson = als.getLanguageService({});
const alsYaml = als.getYamlLanguageService({});

function aslValidatorValidate(text, isYaml) {
  try {
    const definition = isYaml ? YAML.parse(text) : JSON.parse(text);
    return aslValidator(definition).isValid;
  } catch {
    return false;
  }
}

function pureAslFiles() {
  const manifest = join(corpusRoot, 'MANIFEST.tsv');
  if (!existsSync(manifest)) return [];
  return readFileSync(manifest, 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .filter((cols) => cols[0]?.startsWith('real/') && (cols[5] === 'asl-json' || cols[5] === 'asl-yaml'))
    .map((cols) => join(corpusRoot, cols[0]));
}

const sections = [];
/** [target, measured, met] for the summary. */
const targets = [];
const table = (title, header, rows) => sections.push(`### ${title}\n\n| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}\n`);
const log = (line) => process.stderr.write(`${line}\n`);

// One file, the pre-commit case.
{
  log('one file…');
  const file = join(repo, 'examples', readdirSync(join(repo, 'examples')).find((f) => f.endsWith('.asl.json')) ?? '');
  // And a plain definition without EKS states (no EKS payload validators to load), clean as most commits are.
  const plain = join(repo, 'fixtures/rules/asl/transitions/valid/order-pipeline.asl.json');
  const validatorCli = join(here, 'node_modules/asl-validator/dist/bin/asl-validator.js');
  const [node, ours, dist, peer, oursPlain, peerPlain] = timeProcesses(
    [['-e', '0'], [cli, file], [distCli, file], [validatorCli, '--silent', '--json-path', file], [cli, plain], [validatorCli, '--silent', '--json-path', plain]],
    quick ? 5 : 15,
  );
  const name = file.slice(repo.length + 1);
  const plainName = plain.slice(repo.length + 1);
  table('One file (pre-commit): whole process, median wall time, commands interleaved', ['command', 'ms', 'vs node -e 0', 'asl-validator ÷ this'], [
    ['node -e 0', ms(node), '1.00×', ''],
    [`asl-lint ${name} (the bundle pre-commit installs)`, ms(ours), ratio(ours, node), ratio(peer, ours)],
    [`node packages/cli/dist/bin.js ${name} (workspace ESM build)`, ms(dist), ratio(dist, node), ratio(peer, dist)],
    ['asl-validator CLI, same file', ms(peer), ratio(peer, node), '1.00×'],
    [`asl-lint ${plainName} (no EKS state; the bundle)`, ms(oursPlain), ratio(oursPlain, node), ratio(peerPlain, oursPlain)],
    ['asl-validator CLI, same file', ms(peerPlain), ratio(peerPlain, node), '1.00×'],
  ]);
  targets.push([`one file ≤ 1.5 × node -e 0: ${name}`, ratio(ours, node), ours <= 1.5 * node]);
  targets.push([`one file ≤ 1.5 × node -e 0: ${plainName}`, ratio(oursPlain, node), oursPlain <= 1.5 * node]);
  targets.push([`one file ≥ 4 × faster than asl-validator's CLI`, ratio(peer, ours), peer >= 4 * ours]);
}

// Corpus throughput.
const files = pureAslFiles();
if (files.length) {
  log(`corpus (${files.length} files)…`);
  const sample = files.filter((_, i) => i % 10 === 0);
  const [ours, oursTwoThreads, alsProcess] = timeProcesses(
    [[cli, '--format', 'json', ...files], [cli, '--concurrency', '2', '--format', 'json', ...files], [join(here, 'peers/als-validate.cjs'), ...files]],
    quick ? 1 : 3,
  );
  const validatorSample = timeProcess([join(here, 'peers/asl-validator-loop.cjs'), ...sample], 1);
  const validatorEstimate = (validatorSample / sample.length) * files.length;
  const texts = files.map((file) => ({ file, text: readFileSync(file, 'utf8'), yaml: /\.ya?ml$/.test(file) }));
  const oursIn = await timeAsync(() => {
    for (const { file, text } of texts) lintText(text, { filePath: file, rules: active });
  }, 3);
  const alsIn = await timeAsync(async () => {
    for (const { text, yaml } of texts) await alsValidate(text, yaml);
  }, 3);
  const sampleTexts = texts.filter((_, i) => i % 10 === 0);
  const validatorIn = ((await timeAsync(() => {
    for (const { text, yaml } of sampleTexts) aslValidatorValidate(text, yaml);
  }, 1)) / sampleTexts.length) * texts.length;
  table(`Corpus throughput: ${files.length} pure ASL files of corpus/real (asl-validator: a 1-in-10 sample, scaled)`, ['tool', 'whole process ms', 'in-process ms', 'asl-lint faster by (process)', '(in-process)'], [
    [`asl-lint (all rules; --concurrency auto: ${Math.max(1, Math.floor(cpus().length / 2))} thread(s) here)`, ms(ours), ms(oursIn), '', ''],
    ['asl-lint --concurrency 2 (a worker thread beside the main one)', ms(oursTwoThreads), '', ratio(alsProcess, oursTwoThreads), ''],
    ['amazon-states-language-service doValidation', ms(alsProcess), ms(alsIn), ratio(alsProcess, ours), ratio(alsIn, oursIn)],
    ['asl-validator', ms(validatorEstimate), ms(validatorIn), ratio(validatorEstimate, ours), ratio(validatorIn, oursIn)],
  ]);
  targets.push(['corpus ≥ 25 × asl-validator (whole processes)', ratio(validatorEstimate, ours), validatorEstimate >= 25 * ours]);
  targets.push(['corpus ≥ 2 × the language service (whole processes)', ratio(alsProcess, ours), alsProcess >= 2 * ours]);
}

// Scaling with definition size.
{
  log('scaling…');
  const rows = [];
  const perSize = {};
  for (const size of [100, 1000, 10000]) {
    const definition = generateDefinition(size);
    const states = countStates(definition);
    const text = JSON.stringify(definition, null, 2);
    const ours = await timeAsync(() => lintText(text, { filePath: 'generated.asl.json', rules: active }), size >= 10000 ? 5 : RUNS);
    const peer = await timeAsync(() => alsValidate(text, false), size >= 10000 ? 1 : 3);
    perSize[size] = ours;
    rows.push([String(states), ms(ours), `${((ours * 1000) / states).toFixed(1)}`, ms(peer), `${((peer * 1000) / states).toFixed(1)}`, ratio(peer, ours)]);
  }
  table('Scaling: generated definitions, in-process, every rule including the flow analysis', ['states', 'asl-lint ms', 'µs/state', 'language service ms', 'µs/state', 'asl-lint faster by'], rows);
  sections.push(`time(10,000) / time(1,000) for asl-lint: ${(perSize[10000] / perSize[1000]).toFixed(1)}\n`);
  // The same 10,000 states through the CLI in a fresh process, minus the same CLI on a one-state file: the time
  // beyond start-up as a user sees it (the in-process figure above runs in this process's crowded heap).
  const big = join(bundleDir, 'generated-10000.asl.json');
  const tiny = join(bundleDir, 'tiny.asl.json');
  writeFileSync(big, JSON.stringify(generateDefinition(10000), null, 2));
  writeFileSync(tiny, JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Succeed' } } }));
  const [bigProcess, tinyProcess] = timeProcesses([[cli, '--format', 'json', big], [cli, '--format', 'json', tiny]], quick ? 3 : 7);
  sections.push(`asl-lint CLI (the bundle) on the 10,000-state file: ${ms(bigProcess)} ms; on a one-state file: ${ms(tinyProcess)} ms; beyond start-up: ${ms(bigProcess - tinyProcess)} ms\n`);
  targets.push(['10,000 states ≤ 500 ms beyond start-up (in-process lint in the bench process, every rule)', `${ms(perSize[10000])} ms`, perSize[10000] <= 500]);
  targets.push(['10,000 states ≤ 500 ms beyond start-up (CLI, fresh process, minus the CLI on a one-state file)', `${ms(bigProcess - tinyProcess)} ms`, bigProcess - tinyProcess <= 500]);
  targets.push(['time(10,000) / time(1,000) ≤ 12', (perSize[10000] / perSize[1000]).toFixed(1), perSize[10000] / perSize[1000] <= 12]);
}

// Editor: re-lint after a one-character change.
{
  log('editor…');
  let service;
  try {
    service = await import(join(repo, 'packages/lsp/dist/service/index.js'));
  } catch {
    service = undefined;
  }
  const text = JSON.stringify(generateDefinition(1000), null, 2);
  // The issue's case: a character typed into a transition target, so the graph rules see a new graph.
  const at = text.indexOf('"Report 3.1"') + 2;
  const changed = text.slice(0, at) + 'x' + text.slice(at);
  // The everyday case: a character typed into a value that no transition reads (a Job's image tag).
  const inValue = text.indexOf('busybox:1.36', text.indexOf('"Run 40"')) + 'busybox:1.3'.length;
  const changedValue = text.slice(0, inValue) + '7' + text.slice(inValue);
  if (service?.createLanguageService) {
    const doc = (uri, version, content) => ({ uri, languageId: 'json', version, getText: () => content });
    /** Each run is a new version that differs from the previous one by one character; the two tools alternate. */
    const measure = async (uri, edited) => {
      const languageService = service.createLanguageService({});
      await languageService.validate(doc(uri, 1, text));
      await alsValidate(text, false);
      const oursTimes = [];
      const peerTimes = [];
      for (let version = 2; version < 2 + (quick ? 5 : 11); version++) {
        const content = version % 2 ? text : edited;
        let start = performance.now();
        await languageService.validate(doc(uri, version, content));
        oursTimes.push(performance.now() - start);
        start = performance.now();
        await alsValidate(content, false);
        peerTimes.push(performance.now() - start);
      }
      return [median(oursTimes), median(peerTimes)];
    };
    const [ours, peer] = await measure('file:///flow.asl.json', changed);
    const [oursValue, peerValue] = await measure('file:///value.asl.json', changedValue);
    table('Editor: re-lint of a 1,000-state document after a one-character change', ['tool', 'in a transition target (ms)', 'faster by', 'in a Job image tag (ms)', 'faster by'], [
      ['asl-lint language service validate', ms(ours), '', ms(oursValue), ''],
      ['amazon-states-language-service doValidation', ms(peer), ratio(peer, ours), ms(peerValue), ratio(peerValue, oursValue)],
    ]);
    targets.push(['editor re-lint of 1,000 states ≥ 10 × faster than the language service (a transition target edited)', ratio(peer, ours), peer >= 10 * ours]);
  } else {
    sections.push('Editor benchmark skipped: the language service is not built.\n');
  }
}

// Start-up: what a plain .asl.json loads.
{
  log('start-up…');
  const file = join(repo, 'examples', readdirSync(join(repo, 'examples')).find((f) => f.endsWith('.asl.json')) ?? '');
  const probe = spawnSync(process.execPath, [join(here, 'startup-probe.mjs'), file], { cwd: repo, encoding: 'utf8' });
  const report = JSON.parse(probe.stdout.trim().split('\n').pop());
  // The bundle: which of its lazily loaded files (lazy/*.cjs) the same run reads.
  const bundled = spawnSync(process.execPath, ['--require', join(here, 'loaded-files.cjs'), cli, file], { cwd: repo, encoding: 'utf8' });
  const lazyLoaded = (bundled.stderr.split('\n').find((line) => line.startsWith('loaded-files ')) ?? 'loaded-files []').slice('loaded-files '.length);
  const files = JSON.parse(lazyLoaded).filter((path) => path.startsWith(bundleDir) && path !== cli && path !== join(bundleDir, 'cli.cjs')).map((path) => path.slice(bundleDir.length + 1));
  sections.push(
    `### Start-up\n\nLinting \`${file.slice(repo.length + 1)}\` in-process (workspace build): first report after ${ms(report.firstDiagnosticMs)} ms from process start; heavy modules loaded: ${report.loadedHeavy.length ? report.loadedHeavy.join(', ') : 'none'} (jsonata and the TypeScript parser must not appear).\n\n` +
      `The bundle on the same file reads, besides itself: ${files.length ? files.map((f) => `\`${f}\``).join(', ') : 'nothing'} (expected: nothing; YAML, JSONata, ajv and fast-glob stay unread).\n`,
  );
}

const machine = `Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString()}`;
const summary = `### Targets (issue 9)\n\n| target | measured | met |\n|---|---|---|\n${targets.map(([target, measured, met]) => `| ${target} | ${measured} | ${met ? 'yes' : 'no'} |`).join('\n')}\n`;
const report = `## Benchmark results\n\n${machine}\n\n${summary}\n${sections.join('\n')}`;
process.stdout.write(report + '\n');
mkdirSync(join(here, 'results'), { recursive: true });
const name = new Date().toISOString().replace(/[:.]/g, '-');
writeFileSync(join(here, 'results', `${name}.md`), report + '\n');
