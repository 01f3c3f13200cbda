import type { JsonValue, Path, Range } from './ast.js';
import type { Definition, WorkflowType } from './definition.js';
import type { ParsedDocument } from './parse.js';
import type { StateMachine } from './model.js';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';
export type FixSafety = 'safe' | 'suggestion' | 'none';

export interface DocExample {
  readonly title?: string;
  readonly language?: 'json' | 'yaml';
  readonly code: string;
  /** Settings the example needs, e.g. an Express workflow. */
  readonly workflowType?: WorkflowType;
}

export interface RuleDocs {
  readonly whatItDoes: string;
  readonly whyItMatters: string;
  readonly examples: { readonly invalid: readonly DocExample[]; readonly valid: readonly DocExample[] };
  readonly options?: string;
  readonly fixSafety?: string;
}

export interface RuleMeta<Options = undefined> {
  /** `<category>/<name>`; matches the file path `rules/src/<category>/<name>.ts`. */
  readonly id: string;
  readonly description: string;
  readonly severity: Severity;
  readonly fix: FixSafety;
  /** Message templates by id; `{{name}}` is replaced from the report's data. */
  readonly messages: Readonly<Record<string, string>>;
  readonly options?: { readonly schema: object; readonly defaults: Options };
  /** `state` rules also run on single-state fragments (CDK CustomState); graph rules do not. */
  readonly appliesTo?: 'state-machine' | 'any';
  /**
   * `state`: what the rule reports inside a top-level state depends only on that state's text and on the definition
   * outside `States` (never on other states). Editors then re-run it on changed states only (see incremental.ts);
   * `test/incremental.test.ts` checks the promise against full runs.
   */
  readonly locality?: 'state';
  readonly recommended?: boolean;
  readonly tags?: readonly string[];
  readonly docs: RuleDocs;
}

export interface TextEdit {
  readonly range: Range;
  readonly text: string;
}

export interface Fix {
  readonly message: string;
  readonly edits: readonly TextEdit[];
}

/** A change stated in document terms; the engine turns it into text edits for the file's language. */
export type Change =
  | { readonly kind: 'replace-value'; readonly path: Path; readonly value: JsonValue }
  | { readonly kind: 'text'; readonly range: Range; readonly text: string };

export interface FixSpec {
  readonly message: string;
  readonly changes: readonly Change[];
}

export interface RelatedReport {
  readonly path: Path;
  readonly at?: 'key' | 'value';
  readonly message: string;
}

export interface Report {
  /** Document path relative to the definition's root. */
  readonly path: Path;
  /** Point at the property's key (e.g. an unknown field) rather than its value. */
  readonly at?: 'key' | 'value';
  /** An explicit host range, for reports that are not about a node (parse problems). */
  readonly range?: Range;
  readonly messageId: string;
  /** Lowers this finding below the rule's configured severity (an `info` beside errors); never raises it. */
  readonly severity?: Severity;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly fix?: FixSpec;
  readonly suggestions?: readonly FixSpec[];
  /** Witness paths and other places that explain the finding. */
  readonly related?: readonly RelatedReport[];
}

export interface LintSettings {
  readonly workflowType?: WorkflowType;
}

export interface RuleContext<Options = undefined> {
  readonly definition: Definition;
  readonly machine: StateMachine;
  readonly options: Options;
  readonly settings: LintSettings;
  readonly filePath: string;
  readonly text: string;
  report(report: Report): void;
}

export interface FileContext<Options = undefined> {
  readonly document: ParsedDocument;
  /** Problems of embedded definition strings, in host coordinates. */
  readonly embeddedProblems: readonly import('./parse.js').ParseProblem[];
  readonly definitions: readonly Definition[];
  readonly options: Options;
  readonly settings: LintSettings;
  readonly filePath: string;
  readonly text: string;
  report(report: Report): void;
}

export interface Rule<Options = any> {
  readonly meta: RuleMeta<Options>;
  /** Runs once per definition. */
  readonly check?: (context: RuleContext<Options>) => void;
  /** Runs once per file, even when nothing parsed (parse errors, file-level concerns). */
  readonly checkFile?: (context: FileContext<Options>) => void;
}

export function defineRule<Options = undefined>(rule: Rule<Options>): Rule<Options> {
  return rule;
}

export function formatMessage(template: string, data: Readonly<Record<string, string | number>> | undefined): string {
  if (!data) return template;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, name: string) => (Object.hasOwn(data, name) ? String(data[name]) : match));
}

export const DOCS_BASE_URL = 'https://github.com/asl-lint/asl-lint/blob/main/docs/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}
