/**
 * Every format over the real-world corpus (../shared/corpus beside the checkout): whatever the rules find in
 * ~900 definitions and templates, SARIF stays valid against the official schema and JUnit stays well-formed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintText, resolveRules, type LintResult } from '@asl-lint/core';
import { allRules } from '@asl-lint/rules';
import { formatGithubSummary, formatters, type FormatContext } from '../src/formatters/index.js';

const require = createRequire(import.meta.url);
const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const corpus = join(repo, '..', 'shared', 'corpus');

describe.skipIf(!existsSync(join(corpus, 'MANIFEST.tsv')))('formats over the corpus', () => {
  const rules = resolveRules(allRules, []);
  const results: LintResult[] = [];
  for (const line of readFileSync(join(corpus, 'MANIFEST.tsv'), 'utf8').split('\n').slice(1)) {
    const path = line.split('\t')[0];
    if (!path) continue;
    results.push(lintText(readFileSync(join(corpus, path), 'utf8'), { filePath: `corpus/${path}`, rules }));
  }
  const context: FormatContext = { cwd: repo, color: false, rules: allRules, version: '0.0.0' };

  it('lints the whole corpus and finds something', () => {
    expect(results.length).toBeGreaterThan(900);
    expect(results.some((result) => result.diagnostics.length > 0)).toBe(true);
  });

  it('SARIF is valid against the official 2.1.0 schema, with a location and fingerprint per result', () => {
    const Ajv = require('ajv-draft-04');
    const addFormats = require('ajv-formats');
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(join(repo, 'fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8')));
    const log = JSON.parse(formatters.sarif(results, context));
    validate(log);
    expect((validate.errors ?? []).slice(0, 5)).toEqual([]);
    const run = log.runs[0];
    expect(run.results.length).toBe(results.reduce((sum, result) => sum + result.diagnostics.length, 0));
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(result.locations[0].physicalLocation.artifactLocation.uri.startsWith('corpus/')).toBe(true);
      expect(result.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]{16}:\d+$/);
    }
  });

  it('JUnit has one suite per file and escapes everything', () => {
    const xml = formatters.junit(results, context);
    expect(xml.match(/<testsuite /g)?.length).toBe(results.length);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(xml.replace(/&(amp|lt|gt|quot|apos|#\d+);/g, '')).not.toMatch(/&/);
  });

  it('github annotations are one line each', () => {
    const lines = formatters.github(results, context).split('\n').filter(Boolean);
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=[^,:]+,line=\d+,endLine=\d+(,col=\d+,endColumn=\d+)?,title=[^,:]+::/);
    expect(formatGithubSummary(results, context).split('\n').length).toBeLessThan(220);
  });
});
