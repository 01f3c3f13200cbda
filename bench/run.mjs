#!/usr/bin/env node
// `pnpm bench`: asl-lint against its peers, side by side in one run. Prints a Markdown table and saves it
// under bench/results/. Medians of several runs; absolute times are context only, ratios are the result.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { countStates, generateDefinition } from './generate-definition.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..');
const require = createRequire(import.meta.url);
const cli = join(repo, 'packages/cli/dist/bin.js');
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
const table = (title, header, rows) => sections.push(`### ${title}\n\n| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}\n`);
const log = (line) => process.stderr.write(`${line}\n`);

// One file, the pre-commit case.
{
  log('one file…');
  const file = join(repo, 'examples', readdirSync(join(repo, 'examples')).find((f) => f.endsWith('.asl.json')) ?? '');
  const node = timeProcess(['-e', '0']);
  const ours = timeProcess([cli, file]);
  const peer = timeProcess([join(here, 'node_modules/asl-validator/dist/bin/asl-validator.js'), '--silent', '--json-path', file]);
  table('One file (pre-commit): whole process, median wall time', ['command', 'ms', 'vs node -e 0', 'asl-validator ÷ this'], [
    ['node -e 0', ms(node), '1.00×', ''],
    [`asl-lint ${file.slice(repo.length + 1)}`, ms(ours), ratio(ours, node), ratio(peer, ours)],
    ['asl-validator CLI, same file', ms(peer), ratio(peer, node), '1.00×'],
  ]);
}

// Corpus throughput.
const files = pureAslFiles();
if (files.length) {
  log(`corpus (${files.length} files)…`);
  const sample = files.filter((_, i) => i % 10 === 0);
  const ours = timeProcess([cli, '--format', 'json', ...files], quick ? 1 : 3);
  const alsProcess = timeProcess([join(here, 'peers/als-validate.cjs'), ...files], quick ? 1 : 3);
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
    ['asl-lint (all rules)', ms(ours), ms(oursIn), '', ''],
    ['amazon-states-language-service doValidation', ms(alsProcess), ms(alsIn), ratio(alsProcess, ours), ratio(alsIn, oursIn)],
    ['asl-validator', ms(validatorEstimate), ms(validatorIn), ratio(validatorEstimate, ours), ratio(validatorIn, oursIn)],
  ]);
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
    const ours = await timeAsync(() => lintText(text, { filePath: 'generated.asl.json', rules: active }), size >= 10000 ? 3 : RUNS);
    const peer = await timeAsync(() => alsValidate(text, false), size >= 10000 ? 1 : 3);
    perSize[size] = ours;
    rows.push([String(states), ms(ours), `${((ours * 1000) / states).toFixed(1)}`, ms(peer), `${((peer * 1000) / states).toFixed(1)}`, ratio(peer, ours)]);
  }
  table('Scaling: generated definitions, in-process, every rule including the flow analysis', ['states', 'asl-lint ms', 'µs/state', 'language service ms', 'µs/state', 'asl-lint faster by'], rows);
  sections.push(`time(10,000) / time(1,000) for asl-lint: ${(perSize[10000] / perSize[1000]).toFixed(1)}\n`);
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
  const at = text.indexOf('"Report 3.1"') + 2;
  const changed = text.slice(0, at) + 'x' + text.slice(at);
  const peer = await timeAsync(() => alsValidate(changed, false), 5);
  if (service?.createLanguageService) {
    const languageService = service.createLanguageService({});
    const doc = (version, content) => ({ uri: 'file:///flow.asl.json', languageId: 'json', version, getText: () => content });
    await languageService.validate(doc(1, text));
    let version = 2;
    const ours = await timeAsync(async () => {
      await languageService.validate(doc(version++, version % 2 ? text : changed));
    }, 5);
    table('Editor: re-lint of a 1,000-state document after a one-character change', ['tool', 'ms', 'asl-lint faster by'], [
      ['asl-lint language service validate', ms(ours), ''],
      ['amazon-states-language-service doValidation', ms(peer), ratio(peer, ours)],
    ]);
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
  sections.push(`### Start-up\n\nLinting \`${file.slice(repo.length + 1)}\` in-process: first report after ${ms(report.firstDiagnosticMs)} ms from process start; heavy modules loaded: ${report.loadedHeavy.length ? report.loadedHeavy.join(', ') : 'none'} (jsonata and the TypeScript parser must not appear).\n`);
}

const machine = `Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString()}`;
const report = `## Benchmark results\n\n${machine}\n\n${sections.join('\n')}`;
process.stdout.write(report + '\n');
mkdirSync(join(here, 'results'), { recursive: true });
const name = new Date().toISOString().replace(/[:.]/g, '-');
writeFileSync(join(here, 'results', `${name}.md`), report + '\n');
