/**
 * Every format on the same fixture results, each checked against its consumer's rules: SARIF against the
 * official 2.1.0 schema and GitHub code scanning's required fields, workflow commands against the Actions
 * toolkit's escaping, JUnit for well-formed XML.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { defineRule, docsUrl, lintText, resolveRules, type LintResult, type Rule } from '@asl-lint/core';
import { allRules } from '@asl-lint/rules';
import { formatGithubSummary, formatters, type FormatContext } from '../src/formatters/index.js';
import { escapeData, escapeProperty } from '../src/formatters/github.js';

const require = createRequire(import.meta.url);
const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const cwd = '/work/project';

/** A test-only rule with a witness path and a message full of characters that formats must escape. */
const witnessRule = defineRule({
  meta: {
    id: 'eks/test-witness',
    description: 'Test rule with a witness path',
    severity: 'error',
    fix: 'none',
    messages: { leak: 'Cluster "{{cluster}}" leaks: 100% <sure> & "quoted", a:b\nsecond line' },
    docs: { whatItDoes: 'Test only.', whyItMatters: 'Test only.', examples: { invalid: [], valid: [] } },
  },
  check(context) {
    const states = context.machine.states;
    const last = states[states.length - 1];
    if (!last || last.name !== 'Fail') return;
    context.report({
      path: last.path,
      at: 'key',
      messageId: 'leak',
      data: { cluster: 'batch' },
      related: states.slice(0, -1).map((state) => ({ path: state.path, at: 'key' as const, message: `Path goes through "${state.name}"` })),
    });
  },
});

const rules: Rule[] = [...allRules, witnessRule];
const active = resolveRules(rules, []);

const TRANSITIONS_YAML = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: B\n';
const WITNESS_JSON = '{\n  "StartAt": "Create",\n  "States": {\n    "Create": { "Type": "Pass", "Next": "Fail" },\n    "Fail": { "Type": "Fail" }\n  }\n}\n';
const SUPPRESSED_YAML = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    # asl-lint-disable-next-line asl/transitions -- B is added by the reporting stack\n    Next: B\n';
const CLEAN_JSON = '{ "StartAt": "A", "States": { "A": { "Type": "Succeed" } } }\n';

function fixtureResults(): LintResult[] {
  return [
    lintText(TRANSITIONS_YAML, { filePath: 'flows/a,b:c%.asl.yaml', rules: active }),
    lintText(WITNESS_JSON, { filePath: 'flows/cluster.asl.json', rules: active }),
    lintText(SUPPRESSED_YAML, { filePath: 'flows/suppressed.asl.yaml', rules: active }),
    lintText(CLEAN_JSON, { filePath: 'clean.asl.json', rules: active }),
  ];
}

const context: FormatContext = { cwd, color: false, rules, version: '1.2.3' };

describe('sarif', () => {
  const log = JSON.parse(formatters.sarif(fixtureResults(), context));

  it('validates against the official SARIF 2.1.0 schema', () => {
    const Ajv = require('ajv-draft-04');
    const addFormats = require('ajv-formats');
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(join(repo, 'fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8')));
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check is not vacuous: a broken log fails it', () => {
    const Ajv = require('ajv-draft-04');
    const addFormats = require('ajv-formats');
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(join(repo, 'fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8')));
    const broken = structuredClone(log);
    broken.runs[0].results[0].level = 'fatal';
    broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(validate(broken)).toBe(false);
  });

  it('describes the tool and every rule with the fields code scanning reads', () => {
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe('asl-lint');
    expect(driver.semanticVersion).toBe('1.2.3');
    expect(driver.informationUri).toBe('https://github.com/asl-lint/asl-lint');
    expect(driver.rules.map((rule: { id: string }) => rule.id)).toEqual(rules.map((rule) => rule.meta.id));
    const transitions = driver.rules.find((rule: { id: string }) => rule.id === 'asl/transitions');
    const meta = allRules.find((rule) => rule.meta.id === 'asl/transitions')!.meta;
    expect(transitions).toEqual({
      id: 'asl/transitions',
      name: 'asl/transitions',
      shortDescription: { text: meta.description },
      fullDescription: { text: meta.docs.whatItDoes },
      help: {
        text: `${meta.docs.whatItDoes}\n\nWhy it matters: ${meta.docs.whyItMatters}\n\nDocumentation: ${docsUrl('asl/transitions')}`,
        markdown: `${meta.docs.whatItDoes}\n\n**Why it matters:** ${meta.docs.whyItMatters}\n\n[Documentation for asl/transitions](${docsUrl('asl/transitions')})`,
      },
      helpUri: docsUrl('asl/transitions'),
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['asl-lint', 'asl'] },
    });
    const warningRule = driver.rules.find((rule: { id: string }) => rule.id === 'asl/unused-suppression');
    expect(warningRule.defaultConfiguration).toEqual({ level: 'warning' });
  });

  it('writes each result with a %SRCROOT%-relative location, 1-based region and fingerprint', () => {
    const run = log.runs[0];
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///work/project/' } });
    expect(run.columnKind).toBe('utf16CodeUnits');
    const [first] = run.results;
    expect(first).toEqual({
      ruleId: 'asl/transitions',
      ruleIndex: run.tool.driver.rules.findIndex((rule: { id: string }) => rule.id === 'asl/transitions'),
      level: 'error',
      message: { text: 'State "A": Next "B" names no state in the state machine' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'flows/a%2Cb%3Ac%25.asl.yaml', uriBaseId: '%SRCROOT%' },
            region: { startLine: 5, startColumn: 11, endLine: 5, endColumn: 12 },
          },
        },
      ],
      partialFingerprints: { primaryLocationLineHash: expect.stringMatching(/^[0-9a-f]{16}:1$/) },
    });
  });

  it('has what GitHub code scanning requires of every result, within its limits', () => {
    const run = log.runs[0];
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    for (const rule of run.tool.driver.rules) {
      expect(rule.id).toMatch(/\S/);
      expect(rule.properties.tags.length).toBeLessThanOrEqual(20);
    }
    for (const result of run.results) {
      expect(typeof result.ruleId).toBe('string');
      expect(result.message.text.length).toBeGreaterThan(0);
      expect(result.locations).toHaveLength(1);
      expect(result.locations[0].physicalLocation.artifactLocation.uri).toMatch(/^[^/]/);
      expect(result.locations[0].physicalLocation.region.startLine).toBeGreaterThanOrEqual(1);
      expect(Object.keys(result.partialFingerprints)).toEqual(['primaryLocationLineHash']);
      expect((result.relatedLocations ?? []).length).toBeLessThanOrEqual(1000);
    }
  });

  it('caps related locations at 1,000 per result', () => {
    const [, witness] = fixtureResults();
    const finding = witness.diagnostics[0];
    const many = { ...witness, diagnostics: [{ ...finding, related: Array.from({ length: 1500 }, () => finding.related![0]) }] };
    const result = JSON.parse(formatters.sarif([many], context)).runs[0].results[0];
    expect(result.relatedLocations).toHaveLength(1000);
    expect(result.codeFlows[0].threadFlows[0].locations).toHaveLength(1001);
  });

  it('keeps fingerprints stable when lines move', () => {
    const moved = lintText(`# a comment\n\n${TRANSITIONS_YAML}`, { filePath: 'flows/a,b:c%.asl.yaml', rules: active });
    const movedLog = JSON.parse(formatters.sarif([moved], context));
    expect(movedLog.runs[0].results[0].locations[0].physicalLocation.region.startLine).toBe(7);
    expect(movedLog.runs[0].results[0].partialFingerprints).toEqual(log.runs[0].results[0].partialFingerprints);
  });

  it('turns witness paths into related locations and a code flow', () => {
    const witness = log.runs[0].results.find((result: { ruleId: string }) => result.ruleId === 'eks/test-witness');
    const createLocation = {
      artifactLocation: { uri: 'flows/cluster.asl.json', uriBaseId: '%SRCROOT%' },
      region: { startLine: 4, startColumn: 5, endLine: 4, endColumn: 13 },
    };
    const failLocation = {
      artifactLocation: { uri: 'flows/cluster.asl.json', uriBaseId: '%SRCROOT%' },
      region: { startLine: 5, startColumn: 5, endLine: 5, endColumn: 11 },
    };
    expect(witness.locations[0].physicalLocation).toEqual(failLocation);
    expect(witness.relatedLocations).toEqual([{ id: 1, physicalLocation: createLocation, message: { text: 'Path goes through "Create"' } }]);
    expect(witness.codeFlows).toEqual([
      {
        message: { text: 'The path that leads to this finding' },
        threadFlows: [
          {
            locations: [
              { location: { physicalLocation: createLocation, message: { text: 'Path goes through "Create"' } } },
              { location: { physicalLocation: failLocation, message: { text: witness.message.text } } },
            ],
          },
        ],
      },
    ]);
  });

  it('reports suppressed findings with their in-source suppression', () => {
    const suppressed = log.runs[0].results.filter((result: { suppressions?: unknown }) => result.suppressions);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0].ruleId).toBe('asl/transitions');
    expect(suppressed[0].suppressions).toEqual([
      {
        kind: 'inSource',
        status: 'accepted',
        justification: 'B is added by the reporting stack',
        location: {
          physicalLocation: {
            artifactLocation: { uri: 'flows/suppressed.asl.yaml', uriBaseId: '%SRCROOT%' },
            region: { startLine: 5, startColumn: 5, endLine: 5, endColumn: 86 },
          },
        },
      },
    ]);
  });

  it('carries safe fixes as replacements, valid against the schema', () => {
    const fixable = lintText('StartAt: A\nStates:\n  A:\n    Type: Task\n    Resource: arn:aws:states:::eks:runJob\n    Parameters: { ClusterName: batch, CertificateAuthority: LS0t, Endpoint: "https://x.example.com", Job: { apiVersion: batch/v1, kind: Job, metadata: { name: j }, spec: { template: { spec: { containers: [{ name: c, image: i }], restartPolicy: Never } } } } }\n    End: true\n', {
      filePath: 'job.asl.yaml',
      rules: resolveRules(allRules, []),
    });
    const fixLog = JSON.parse(formatters.sarif([fixable], context));
    const withFix = fixLog.runs[0].results.find((result: { ruleId: string }) => result.ruleId === 'eks/run-job-sync');
    expect(withFix.fixes).toEqual([
      {
        description: { text: 'Append .sync' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'job.asl.yaml', uriBaseId: '%SRCROOT%' },
            replacements: [{ deletedRegion: { startLine: 5, startColumn: 15, endLine: 5, endColumn: 42 }, insertedContent: { text: 'arn:aws:states:::eks:runJob.sync' } }],
          },
        ],
      },
    ]);
    const Ajv = require('ajv-draft-04');
    const addFormats = require('ajv-formats');
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(join(repo, 'fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8')));
    validate(fixLog);
    expect(validate.errors ?? []).toEqual([]);
  });

  it('uses an absolute file URI for a file outside the working directory', () => {
    const outside = lintText(TRANSITIONS_YAML, { filePath: '/elsewhere/x y.asl.yaml', rules: active });
    const location = JSON.parse(formatters.sarif([outside], context)).runs[0].results[0].locations[0].physicalLocation.artifactLocation;
    expect(location).toEqual({ uri: 'file:///elsewhere/x%20y.asl.yaml' });
  });
});

describe('github', () => {
  it('writes one workflow command per unsuppressed finding, escaped as the Actions toolkit does', () => {
    expect(formatters.github(fixtureResults(), context)).toBe(
      [
        '::error file=flows/a%2Cb%3Ac%25.asl.yaml,line=5,endLine=5,col=11,endColumn=12,title=asl/transitions::State "A": Next "B" names no state in the state machine',
        '::error file=flows/cluster.asl.json,line=5,endLine=5,col=5,endColumn=11,title=eks/test-witness::Cluster "batch" leaks: 100%25 <sure> & "quoted", a:b%0Asecond line',
        '',
      ].join('\n'),
    );
  });

  it('gives columns only when the finding is on one line, and maps info to notice', () => {
    const multiLine = lintText('{\n  "StartAt": "A",\n  "States": {\n    "A": { "Type": "Pass" }\n  }\n}\n', { filePath: 'm.asl.json', rules: active });
    const text = formatters.github([multiLine], context);
    expect(text).toBe('::error file=m.asl.json,line=4,endLine=4,col=5,endColumn=8,title=asl/transitions::State "A" of type Pass needs "Next" or "End": true\n');
    const infoOnly = lintText(TRANSITIONS_YAML, { filePath: 'i.asl.yaml', rules: resolveRules(allRules, [{ 'asl/transitions': 'info' }]) });
    expect(formatters.github([infoOnly], context)).toMatch(/^::notice file=i\.asl\.yaml,line=5,/);
    const spanning = { ...infoOnly, diagnostics: [{ ...infoOnly.diagnostics[0], range: { start: 0, end: infoOnly.text.length } }] };
    expect(formatters.github([spanning], context)).toBe('::notice file=i.asl.yaml,line=1,endLine=6,title=asl/transitions::State "A": Next "B" names no state in the state machine\n');
  });

  it('escapes data and properties like @actions/core', () => {
    expect(escapeData('a%b\r\nc:d,e')).toBe('a%25b%0D%0Ac:d,e');
    expect(escapeProperty('a%b\r\nc:d,e')).toBe('a%25b%0D%0Ac%3Ad%2Ce');
  });

  it('summarises every finding in Markdown for the job summary', () => {
    expect(formatGithubSummary(fixtureResults(), context)).toBe(
      [
        '## asl-lint',
        '',
        '2 errors, 0 warnings in 4 files.',
        '',
        '| Location | Severity | Message | Rule |',
        '| --- | --- | --- | --- |',
        `| flows/a,b:c%.asl.yaml:5:11 | error | State "A": Next "B" names no state in the state machine | [asl/transitions](${docsUrl('asl/transitions')}) |`,
        `| flows/cluster.asl.json:5:5 | error | Cluster "batch" leaks: 100% &lt;sure> & "quoted", a:b second line | [eks/test-witness](${docsUrl('eks/test-witness')}) |`,
        '',
      ].join('\n'),
    );
    expect(formatGithubSummary([fixtureResults()[3]], context)).toBe('## asl-lint\n\nNo problems in 1 file.\n');
  });
});

/** Enough of an XML 1.0 well-formedness check for our output: tags nest, attributes are quoted, text has no raw markup. */
function assertWellFormedXml(xml: string): void {
  const body = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, '');
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<&]*(?:&(?:amp|lt|gt|quot|apos|#\d+);[^"<&]*)*")*)\s*(\/?)>|([^<]+)/gy;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = token.exec(body))) {
    consumed = token.lastIndex;
    const [, closing, name, , selfClosing, text] = match;
    if (text !== undefined) {
      expect(text).not.toMatch(/&(?!(?:amp|lt|gt|quot|apos|#\d+);)|>/);
      expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    } else if (closing) expect(stack.pop()).toBe(name);
    else if (!selfClosing) stack.push(name);
  }
  expect(consumed).toBe(body.length);
  expect(stack).toEqual([]);
}

describe('junit', () => {
  const xml = formatters.junit(fixtureResults(), context);

  it('is well-formed XML with escaped messages', () => {
    assertWellFormedXml(xml);
    expect(() => assertWellFormedXml('<a><b></a>')).toThrow();
    expect(() => assertWellFormedXml('<a>x & y</a>')).toThrow();
  });

  it('has one testsuite per file and one testcase per rule per file', () => {
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="asl-lint" tests="4" failures="2" errors="0" time="0">',
        '  <testsuite name="flows/a,b:c%.asl.yaml" tests="1" failures="1" errors="0" skipped="0" time="0">',
        '    <testcase classname="flows/a,b:c%.asl.yaml" name="asl/transitions" time="0">',
        '      <failure message="1 finding: State &quot;A&quot;: Next &quot;B&quot; names no state in the state machine" type="error">flows/a,b:c%.asl.yaml:5:11: error: State &quot;A&quot;: Next &quot;B&quot; names no state in the state machine</failure>',
        '    </testcase>',
        '  </testsuite>',
        '  <testsuite name="flows/cluster.asl.json" tests="1" failures="1" errors="0" skipped="0" time="0">',
        '    <testcase classname="flows/cluster.asl.json" name="eks/test-witness" time="0">',
        '      <failure message="1 finding: Cluster &quot;batch&quot; leaks: 100% &lt;sure&gt; &amp; &quot;quoted&quot;, a:b&#10;second line" type="error">flows/cluster.asl.json:5:5: error: Cluster &quot;batch&quot; leaks: 100% &lt;sure&gt; &amp; &quot;quoted&quot;, a:b',
        'second line</failure>',
        '    </testcase>',
        '  </testsuite>',
        '  <testsuite name="flows/suppressed.asl.yaml" tests="1" failures="0" errors="0" skipped="0" time="0">',
        '    <testcase classname="flows/suppressed.asl.yaml" name="asl-lint" time="0" />',
        '  </testsuite>',
        '  <testsuite name="clean.asl.json" tests="1" failures="0" errors="0" skipped="0" time="0">',
        '    <testcase classname="clean.asl.json" name="asl-lint" time="0" />',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });

  it('replaces characters XML cannot carry', () => {
    const result = lintText(TRANSITIONS_YAML, { filePath: 'bad\u0001name\ud800.asl.yaml', rules: active });
    const text = formatters.junit([result], context);
    assertWellFormedXml(text);
    expect(text).toContain('name="bad\ufffdname\ufffd.asl.yaml"');
  });
});

describe('json and stylish on the same results', () => {
  it('json leaves suppressed findings out of messages and counts, and lists them as ESLint does', () => {
    const report = JSON.parse(formatters.json(fixtureResults(), context));
    expect(report.map((file: { filePath: string; errorCount: number }) => [file.filePath, file.errorCount])).toEqual([
      ['flows/a,b:c%.asl.yaml', 1],
      ['flows/cluster.asl.json', 1],
      ['flows/suppressed.asl.yaml', 0],
      ['clean.asl.json', 0],
    ]);
    expect(report[2].messages).toEqual([]);
    expect(report[2].suppressedMessages).toEqual([
      {
        ruleId: 'asl/transitions',
        severity: 2,
        message: 'State "A": Next "B" names no state in the state machine',
        line: 6,
        column: 11,
        endLine: 6,
        endColumn: 12,
        suppressions: [{ kind: 'directive', justification: 'B is added by the reporting stack' }],
      },
    ]);
    expect(report[0].suppressedMessages).toBeUndefined();
  });

  it('stylish lists the two unsuppressed errors', () => {
    const text = formatters.stylish(fixtureResults(), context);
    expect(text).toContain('✖ 2 problems (2 errors, 0 warnings)');
    expect(text).not.toContain('suppressed.asl.yaml');
  });
});
