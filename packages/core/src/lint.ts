import type { AstNode, JsonValue, Path, Range } from './ast.js';
import { findNode, locatePath } from './ast.js';
import type { Definition } from './definition.js';
import type { LinkedDefinition } from './extract/host-context.js';
import { INTERNAL_ERROR, type Diagnostic, type RelatedInformation } from './diagnostic.js';
import { extractDefinitions, type Extractor } from './extract.js';
import { LineIndex } from './line-index.js';
import { buildStateMachine } from './model.js';
import { languageOf, parseText, type ParsedDocument, type ParseProblem, type SourceLanguage } from './parse.js';
import type { Change, Fix, FixSpec, LintSettings, Report, Rule } from './rule.js';
import { formatMessage } from './rule.js';
import type { ActiveRule } from './settings.js';
import { valueEditText } from './fix.js';
import { changedStatesView, memoisingReporter, planReuse, replayClean, type DefinitionMemo } from './incremental.js';
import { reparseJson } from './reparse.js';
import { applySuppressions, collectDirectives, UNUSED_SUPPRESSION } from './suppressions.js';

export interface LintOptions {
  readonly filePath: string;
  readonly rules: readonly ActiveRule[];
  readonly settings?: LintSettings;
  readonly language?: SourceLanguage;
  readonly extractors?: readonly Extractor[];
  /** Every rule id, active or not: a suppression that names anything else is reported as naming no rule. */
  readonly knownRuleIds?: readonly string[];
  /** Applied after the rules: marks suppressed findings and may add findings of its own. */
  readonly postProcess?: (result: LintResult) => void;
  /**
   * Editors: keep what state-local rules reported per state, and reuse it from `previous` (the result of the
   * same file's last version, linted with the same rules and settings) for states whose text is unchanged. When the
   * edit lies inside one JSON container, `previous`'s syntax tree is taken over and updated in place (see
   * reparse.ts); `previous` is then marked `consumed` and must not be read any more.
   */
  readonly incremental?: { readonly previous?: LintResult };
}

export interface LintResult {
  readonly filePath: string;
  readonly text: string;
  readonly language: SourceLanguage;
  readonly document: ParsedDocument;
  readonly definitions: readonly Definition[];
  /** Definitions the file keeps elsewhere (SAM `DefinitionUri`, CDK `fromFile`), for the caller to lint. */
  readonly linked?: readonly LinkedDefinition[];
  diagnostics: Diagnostic[];
  readonly lines: LineIndex;
  /** With `incremental`: per definition, what state-local rules reported per state (opaque; for the next version). */
  readonly memos?: readonly (DefinitionMemo | undefined)[];
  /** With `incremental`: plain values of the tree's containers, for the next version's model (see `toValue`). */
  readonly values?: WeakMap<AstNode, JsonValue>;
  /**
   * Set when the next version's incremental lint took over this result's syntax tree (moved in place to the new
   * text): `document` and `definitions` then no longer match `text`.
   */
  consumed?: boolean;
}

const FATAL: ReadonlySet<ParseProblem['kind']> = new Set(['syntax', 'too-deep', 'too-large']);

/** Lints one file's text. Pure: no I/O, never throws on content. */
export function lintText(text: string, options: LintOptions): LintResult {
  const language = options.language ?? languageOf(options.filePath, text);
  // An editor's next version: re-parse only the edited container of the previous tree (which this consumes).
  const previous = options.incremental?.previous;
  const values = previous?.values;
  const reparsed =
    previous && !previous.consumed && language === 'json' && previous.language === 'json'
      ? reparseJson(previous.document, previous.text, text, (container) => values?.delete(container))
      : undefined;
  if (reparsed) previous!.consumed = true;
  const document = reparsed ?? parseText(text, language);
  // A code file has no document of its own: its definitions are found by the CDK extractor.
  const fatal = language !== 'javascript' && (!document.root || document.problems.some((problem) => FATAL.has(problem.kind)));
  const extracted = fatal ? { definitions: [], problems: [] } : extractDefinitions({ filePath: options.filePath, text, document }, options.extractors);
  const settings = options.settings ?? {};
  const diagnostics: Diagnostic[] = [];

  for (const active of options.rules) {
    const { rule } = active;
    if (!rule.checkFile) continue;
    const reporter = createReporter(active, undefined, language, diagnostics, text);
    guard(rule, diagnostics, () =>
      rule.checkFile!({
        document,
        embeddedProblems: extracted.problems,
        definitions: extracted.definitions,
        options: active.options,
        settings,
        filePath: options.filePath,
        text,
        report: reporter,
      }),
    );
  }

  const memos: (DefinitionMemo | undefined)[] = [];
  // Values of a kept tree stay valid; a tree parsed anew starts an empty cache.
  const valueCache = options.incremental ? (reparsed && values ? values : new WeakMap<AstNode, JsonValue>()) : undefined;
  for (const [index, definition] of extracted.definitions.entries()) {
    let machine;
    try {
      machine = buildStateMachine(definition, valueCache);
    } catch (error) {
      diagnostics.push(internalError('model', error, definition.root.range));
      continue;
    }
    const definitionSettings = definition.workflowType ? { ...settings, workflowType: definition.workflowType } : settings;
    const reuse = options.incremental ? planReuse(options.incremental.previous?.memos?.[index], definition, text, language, options.rules, settings) : undefined;
    memos.push(reuse?.next);
    const changed = reuse ? changedStatesView(machine, reuse) : machine;
    for (const active of options.rules) {
      const { rule } = active;
      if (!rule.check) continue;
      if (definition.kind === 'state' && rule.meta.appliesTo !== 'any') continue;
      const reporter = createReporter(active, definition, language, diagnostics, text);
      if (reuse && rule.meta.locality === 'state') {
        const report = memoisingReporter(reuse, rule.meta.id, reporter);
        guard(rule, diagnostics, () =>
          rule.check!({ definition, machine: changed, options: active.options, settings: definitionSettings, filePath: options.filePath, text, report }),
        );
        replayClean(reuse, rule.meta.id, reporter);
        continue;
      }
      guard(rule, diagnostics, () =>
        rule.check!({ definition, machine, options: active.options, settings: definitionSettings, filePath: options.filePath, text, report: reporter }),
      );
    }
  }

  const lines = new LineIndex(text);
  // Directives are rare: skip the scan (and the model it needs for Comment fields) when the text names none.
  if (text.includes('asl-lint-')) {
    const directives = collectDirectives(document, extracted.definitions, lines, text);
    if (directives.length > 0) {
      const unused = options.rules.find((active) => active.rule.meta.id === UNUSED_SUPPRESSION);
      diagnostics.push(...applySuppressions(diagnostics, directives, unused, options.knownRuleIds, lines));
    }
  }
  diagnostics.sort(compareDiagnostics);
  const result: LintResult = {
    filePath: options.filePath,
    text,
    language,
    document,
    definitions: extracted.definitions,
    linked: extracted.linked ?? [],
    diagnostics,
    lines,
    ...(options.incremental ? { memos, values: valueCache } : {}),
  };
  options.postProcess?.(result);
  return result;
}

/**
 * Stable: findings of one rule at one range keep the order the rule reported them in, which an incremental run
 * preserves too (they concern one state, so they are all replayed or all fresh).
 */
function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.range.start - b.range.start || a.range.end - b.range.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

function guard(rule: Rule, diagnostics: Diagnostic[], run: () => void): void {
  try {
    run();
  } catch (error) {
    diagnostics.push(internalError(rule.meta.id, error, { start: 0, end: 0 }));
  }
}

function internalError(where: string, error: unknown, range: Range): Diagnostic {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    ruleId: INTERNAL_ERROR,
    severity: 'error',
    message: `Rule "${where}" crashed (${reason.slice(0, 200)}): this is a bug in asl-lint, please report it with this file`,
    range,
  };
}

class RuleBug extends Error {}

const SEVERITY_RANK = { info: 0, warning: 1, error: 2 } as const;

function createReporter(active: ActiveRule, definition: Definition | undefined, language: SourceLanguage, diagnostics: Diagnostic[], text: string): (report: Report) => void {
  const { rule, severity } = active;
  const root: AstNode | undefined = definition?.root;
  // Every range stays inside the text, whatever a rule or a parser computed.
  const clamp = (range: Range): Range => {
    const start = Math.max(0, Math.min(range.start, text.length));
    return { start, end: Math.max(start, Math.min(range.end, text.length)) };
  };
  const rangeOf = (path: Path, at: 'key' | 'value' | undefined): Range => clamp(root ? locatePath(root, path, at).range : { start: 0, end: 0 });
  return (report) => {
    const template = rule.meta.messages[report.messageId];
    if (template === undefined) throw new RuleBug(`unknown message id "${report.messageId}"`);
    let fix: Fix | undefined;
    const suggestions: Fix[] = [];
    if (report.fix || report.suggestions?.length) {
      if (rule.meta.fix === 'none') throw new RuleBug('reported a fix but its meta declares fix: "none"');
      const editable = definition?.editable !== false;
      if (editable && root) {
        if (report.fix) {
          const converted = toFix(report.fix, root, language, text);
          if (converted && rule.meta.fix === 'safe') fix = converted;
          else if (converted) suggestions.push(converted);
        }
        for (const suggestion of report.suggestions ?? []) {
          const converted = toFix(suggestion, root, language, text);
          if (converted) suggestions.push(converted);
        }
      }
    }
    const related: RelatedInformation[] | undefined = report.related?.map((item) => ({ message: item.message, range: rangeOf(item.path, item.at) }));
    const diagnostic: Diagnostic = {
      ruleId: rule.meta.id,
      severity: report.severity && SEVERITY_RANK[report.severity] < SEVERITY_RANK[severity] ? report.severity : severity,
      message: formatMessage(template, report.data),
      messageId: report.messageId,
      ...(report.data ? { data: report.data } : {}),
      range: report.range ? clamp(report.range) : rangeOf(report.path, report.at),
      ...(fix ? { fix } : {}),
      ...(suggestions.length ? { suggestions } : {}),
      ...(related?.length ? { related } : {}),
      ...(definition?.name ? { definitionName: definition.name } : {}),
    };
    diagnostics.push(diagnostic);
  };
}

function toFix(spec: FixSpec, root: AstNode, language: SourceLanguage, text: string): Fix | undefined {
  const edits = [];
  for (const change of spec.changes) {
    const edit = changeToEdit(change, root, language, text);
    if (!edit) return undefined;
    edits.push(edit);
  }
  return { message: spec.message, edits };
}

function changeToEdit(change: Change, root: AstNode, language: SourceLanguage, text: string): { range: Range; text: string } | undefined {
  if (change.kind === 'text') return { range: change.range, text: change.text };
  const node = findNode(root, change.path);
  if (!node) return undefined;
  return { range: node.range, text: valueEditText(text, node, change.value, language) };
}
