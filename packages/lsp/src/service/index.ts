/**
 * The asl-lint language service: a pure library that takes documents and positions and returns LSP types.
 * It knows nothing of connections, debouncing or settings transport; `server.ts` adapts it to LSP over stdio.
 */
import { lintText, type Rule } from '@asl-lint/core';
import { allRules } from '@asl-lint/rules';
import type { CodeAction, CodeActionContext, CompletionList, Diagnostic, Hover, Location, Position, Range } from 'vscode-languageserver';
import { Analysis } from './analysis.js';
import { codeActions } from './code-actions.js';
import { complete } from './completion.js';
import { definition } from './definition.js';
import { resolveConfiguration, type EditorSettings, type ProjectConfiguration, type ResolvedConfiguration } from './configuration.js';
import { toLspDiagnostic } from './diagnostics.js';
import { filePathOf, isStateMachineDocument, type ServiceDocument } from './document.js';
import { hover } from './hover.js';
import { documentPolicies, type DocumentPolicy } from './policy.js';

export { Analysis } from './analysis.js';
export type { DefinitionModel } from './analysis.js';
export { normalizeSettings, type EditorSettings, type ProjectConfiguration, type ResolvedConfiguration } from './configuration.js';
export { FIX_ALL_KIND } from './code-actions.js';
export { SOURCE, type DiagnosticData, type FixData } from './diagnostics.js';
export { filePathOf, isStateMachineDocument, type ServiceDocument } from './document.js';
export { DERIVE_POLICY_COMMAND, type DocumentPolicy } from './policy.js';

export interface LanguageServiceOptions {
  /** The rule set; all rules by default. */
  readonly rules?: readonly Rule[];
  /** The project configuration for a file (from config files found upward from it); read once per document version. */
  readonly projectConfiguration?: (filePath: string) => ProjectConfiguration | undefined;
}

export interface LanguageService {
  /** Replaces the editor settings; every document is linted again on next use. */
  configure(settings: EditorSettings): void;
  /** Project configuration changed (a config file was edited): every document is linted again on next use. */
  invalidate(): void;
  /** The analysis of a document's version: parsed and linted once per version, shared by every feature. */
  analyze(document: ServiceDocument): Analysis;
  validate(document: ServiceDocument): Diagnostic[];
  codeActions(document: ServiceDocument, range: Range, context: CodeActionContext): CodeAction[];
  hover(document: ServiceDocument, position: Position): Hover | null;
  complete(document: ServiceDocument, position: Position): CompletionList;
  /** The state a `Next`, `Default` or `StartAt` value names. */
  definition(document: ServiceDocument, position: Position): Location[];
  /** The IAM policy each state machine in the document needs; `options`: partition, region, account, style. */
  derivePolicy(document: ServiceDocument, options?: unknown): DocumentPolicy[];
  /** Drops what is cached for a closed document. */
  forget(uri: string): void;
  /** Problems with the current settings or a document's project config (dropped rule entries), for the server to show. */
  configurationProblems(document: ServiceDocument): readonly string[];
}

/** Every rule id, so that a misspelt id in a suppression gets a "did you mean", as in the CLI. */
const KNOWN_RULE_IDS = allRules.map((rule) => rule.meta.id);

export function createLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  const rules = options.rules ?? allRules;
  let editorSettings: EditorSettings = {};
  let generation = 0;
  const analyses = new Map<string, Analysis>();
  /** The latest analysis that found a definition: completion keeps working while the text does not parse. */
  const lastParsed = new Map<string, Analysis>();
  const configurations = new Map<string, ResolvedConfiguration>();

  const configurationFor = (filePath: string): ResolvedConfiguration => {
    const project = options.projectConfiguration?.(filePath);
    const key = project === undefined ? '' : JSON.stringify(project);
    let resolved = configurations.get(key);
    if (!resolved) {
      resolved = resolveConfiguration(rules, project, editorSettings);
      configurations.set(key, resolved);
    }
    return resolved;
  };

  const invalidate = (): void => {
    generation++;
    configurations.clear();
  };

  /** The last version that parsed, unless a later version's incremental lint took over its syntax tree. */
  const lastParsedOf = (uri: string): Analysis | undefined => {
    const analysis = lastParsed.get(uri);
    return analysis?.result.consumed ? undefined : analysis;
  };

  const analyze = (document: ServiceDocument): Analysis => {
    const text = document.getText();
    const cached = analyses.get(document.uri);
    if (cached && cached.version === document.version && cached.generation === generation && cached.text === text) return cached;
    const filePath = filePathOf(document.uri);
    const configuration = configurationFor(filePath);
    // The previous version's result lets state-local rules skip unchanged states (same configuration objects only).
    const previous = cached?.configuration === configuration ? cached.result : undefined;
    const result = lintText(text, {
      filePath,
      rules: configuration.ignored ? [] : configuration.active,
      settings: configuration.settings,
      knownRuleIds: KNOWN_RULE_IDS,
      incremental: { previous },
    });
    const diagnostics = isStateMachineDocument(filePath, result)
      ? result.diagnostics.filter((finding) => !finding.suppressed).map((finding) => toLspDiagnostic(finding, result.lines, document.uri, document.version))
      : [];
    const analysis = new Analysis(document.uri, document.version, text, result, diagnostics, configuration, generation);
    analyses.set(document.uri, analysis);
    if (result.definitions.length > 0) lastParsed.set(document.uri, analysis);
    return analysis;
  };

  return {
    configure(settings) {
      editorSettings = settings ?? {};
      invalidate();
    },
    invalidate,
    analyze,
    validate: (document) => analyze(document).diagnostics,
    codeActions: (document, range, context) => codeActions(analyze(document), range, context),
    hover: (document, position) => hover(analyze(document), position, rules),
    complete: (document, position) => complete(analyze(document), lastParsedOf(document.uri), position),
    definition: (document, position) => definition(analyze(document), position),
    derivePolicy: (document, policyOptions) => documentPolicies(analyze(document), policyOptions),
    forget(uri) {
      analyses.delete(uri);
      lastParsed.delete(uri);
    },
    configurationProblems: (document) => analyze(document).configuration.problems,
  };
}

