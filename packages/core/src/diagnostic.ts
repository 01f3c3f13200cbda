import type { Range } from './ast.js';
import type { LineIndex } from './line-index.js';
import type { Fix, Severity } from './rule.js';

export interface RelatedInformation {
  readonly message: string;
  readonly range: Range;
}

export interface Suppression {
  /** `comment`: a YAML/JSONC comment; `comment-field`: a state's `Comment` directive. */
  readonly kind: 'comment' | 'comment-field';
  readonly justification?: string;
  readonly range: Range;
}

/** One finding, in host-file offsets. Converted to lines and columns only by formatters and the LSP. */
export interface Diagnostic {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly messageId?: string;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly range: Range;
  readonly fix?: Fix;
  readonly suggestions?: readonly Fix[];
  readonly related?: readonly RelatedInformation[];
  /** The definition's logical name when the file holds several (templates). */
  readonly definitionName?: string;
  /** Set when a suppression matched: the finding is kept (SARIF reports it as suppressed) but does not fail the run. */
  suppressed?: Suppression;
}

export interface LineColumnRange {
  /** 1-based. */
  readonly line: number;
  /** 1-based, UTF-16 code units. */
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export function toLineColumn(lines: LineIndex, range: Range): LineColumnRange {
  const start = lines.positionAt(range.start);
  const end = lines.positionAt(range.end);
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

export const INTERNAL_ERROR = 'internal-error';
