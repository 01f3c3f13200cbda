import { createRequire } from 'node:module';
import { docsUrl, toLineColumn, type Diagnostic, type Range, type Rule, type Severity } from '@asl-lint/core';
import { absoluteFileUri, directoryUri, relativeUri, repoRelativePath } from './locations.js';
import type { FormatContext, Formatter, LintedFile } from './types.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/asl-lint/asl-lint';
const SRCROOT = '%SRCROOT%';
const MAX_RELATED = 1000;
const MAX_TAGS = 20;

type Level = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'note' };

interface SarifLocation {
  id?: number;
  physicalLocation: {
    artifactLocation: { uri: string; uriBaseId?: string };
    region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
  };
  message?: { text: string };
}

/**
 * SARIF 2.1.0 as GitHub code scanning reads it: one run, every rule described (so `ruleIndex` is stable),
 * locations relative to `%SRCROOT%` (the working directory), witness paths as related locations and a code
 * flow, suppressed findings kept with `suppressions` so they show as dismissed rather than vanish.
 */
export const formatSarif: Formatter = (results, context) => {
  const descriptors = ruleDescriptors(results, context.rules);
  const indexById = new Map(descriptors.map((descriptor, index) => [descriptor.id, index]));
  const sarifResults = results.flatMap((result) => {
    const seen = new Map<string, number>();
    return result.diagnostics.map((diagnostic) => toResult(result, diagnostic, context, indexById.get(diagnostic.ruleId)!, seen));
  });
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'asl-lint',
            semanticVersion: context.version,
            informationUri: INFORMATION_URI,
            rules: descriptors,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(context.pathBase ?? context.cwd) } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};

function ruleDescriptors(results: readonly LintedFile[], rules: readonly Rule[]) {
  const descriptors = rules.map((rule) => describeRule(rule));
  const known = new Set(descriptors.map((descriptor) => descriptor.id));
  // Findings of no registered rule (internal errors) still need a descriptor for their ruleIndex.
  for (const result of results) {
    for (const diagnostic of result.diagnostics) {
      if (known.has(diagnostic.ruleId)) continue;
      known.add(diagnostic.ruleId);
      descriptors.push({
        id: diagnostic.ruleId,
        shortDescription: { text: diagnostic.ruleId === 'internal-error' ? 'asl-lint failed while checking this file' : diagnostic.ruleId },
        defaultConfiguration: { level: 'error' },
        properties: { tags: ['asl-lint'] },
      } as ReturnType<typeof describeRule>);
    }
  }
  return descriptors;
}

function describeRule(rule: Rule) {
  const { meta } = rule;
  const url = docsUrl(meta.id);
  const category = meta.id.split('/')[0];
  return {
    id: meta.id,
    name: meta.id,
    shortDescription: { text: meta.description },
    fullDescription: { text: meta.docs.whatItDoes },
    help: {
      text: `${meta.docs.whatItDoes}\n\nWhy it matters: ${meta.docs.whyItMatters}\n\nDocumentation: ${url}`,
      markdown: `${meta.docs.whatItDoes}\n\n**Why it matters:** ${meta.docs.whyItMatters}\n\n[Documentation for ${meta.id}](${url})`,
    },
    helpUri: url,
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: { tags: [...new Set(['asl-lint', category, ...(meta.tags ?? []), ...(meta.fix === 'safe' ? ['fixable'] : [])])].slice(0, MAX_TAGS) },
  };
}

function toResult(result: LintedFile, diagnostic: Diagnostic, context: FormatContext, ruleIndex: number, seen: Map<string, number>) {
  const primary = location(result, diagnostic.range, context);
  // GitHub code scanning keeps at most 1,000 related locations per result.
  const related = (diagnostic.related ?? []).slice(0, MAX_RELATED).map((item, index) => ({ ...location(result, item.range, context), id: index + 1, message: { text: item.message } }));
  const sarifResult: Record<string, unknown> = {
    ruleId: diagnostic.ruleId,
    ruleIndex,
    level: LEVEL[diagnostic.severity],
    message: { text: diagnostic.message },
    locations: [primary],
    partialFingerprints: { primaryLocationLineHash: lineHash(result, diagnostic, seen) },
  };
  if (related.length > 0) {
    sarifResult.relatedLocations = related;
    sarifResult.codeFlows = [
      {
        message: { text: 'The path that leads to this finding' },
        threadFlows: [
          {
            locations: [
              ...related.map(({ physicalLocation, message }) => ({ location: { physicalLocation, message } })),
              { location: { physicalLocation: primary.physicalLocation, message: { text: diagnostic.message } } },
            ],
          },
        ],
      },
    ];
  }
  if (diagnostic.fix) {
    // The safe fix as SARIF replacements, for viewers that can apply it (columns are UTF-16, as in every region).
    const { artifactLocation } = primary.physicalLocation;
    sarifResult.fixes = [
      {
        description: { text: diagnostic.fix.message },
        artifactChanges: [
          {
            artifactLocation,
            replacements: diagnostic.fix.edits.map((edit) => ({
              deletedRegion: location(result, edit.range, context).physicalLocation.region,
              insertedContent: { text: edit.text },
            })),
          },
        ],
      },
    ];
  }
  if (diagnostic.suppressed) {
    const { justification, range } = diagnostic.suppressed;
    sarifResult.suppressions = [
      {
        kind: 'inSource',
        status: 'accepted',
        ...(justification ? { justification } : {}),
        location: location(result, range, context),
      },
    ];
  }
  return sarifResult;
}

function location(result: LintedFile, range: Range, context: FormatContext): SarifLocation {
  const { line, column, endLine, endColumn } = toLineColumn(result.lines, range);
  const relative = repoRelativePath(result.filePath, context.cwd, context.pathBase);
  const artifactLocation = relative !== undefined ? { uri: relativeUri(relative), uriBaseId: SRCROOT } : { uri: absoluteFileUri(result.filePath, context.cwd) };
  return { physicalLocation: { artifactLocation, region: { startLine: line, startColumn: column, endLine, endColumn } } };
}

/**
 * A fingerprint that survives lines moving: the rule and the trimmed text of the finding's first line,
 * numbered when the same pair occurs more than once in a file (as GitHub's own `:n` suffix does).
 */
const require = createRequire(import.meta.url);

function lineHash(result: LintedFile, diagnostic: Diagnostic, seen: Map<string, number>): string {
  // node:crypto (and the streams it loads) costs every run a few milliseconds: load it for SARIF output only.
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  const { line } = result.lines.positionAt(diagnostic.range.start);
  const start = result.lines.offsetAt({ line, character: 0 });
  const end = result.lines.offsetAt({ line: line + 1, character: 0 });
  const lineText = result.text.slice(start, end).replace(/\s+/g, ' ').trim();
  const hash = createHash('sha256').update(`${diagnostic.ruleId}\u0000${lineText}`).digest('hex').slice(0, 16);
  const occurrence = (seen.get(hash) ?? 0) + 1;
  seen.set(hash, occurrence);
  return `${hash}:${occurrence}`;
}
