import type { LintResult, Rule } from '@asl-lint/core';

export interface FormatContext {
  /** The directory file paths in the results are relative to. */
  readonly cwd: string;
  /** Where SARIF and GitHub paths are relative to (the checkout, `GITHUB_WORKSPACE`); default `cwd`. */
  readonly pathBase?: string;
  readonly color: boolean;
  readonly rules: readonly Rule[];
  readonly version: string;
}

/** What formatters and the CLI keep of a file's lint: a worker thread sends these parts back. */
export type LintedFile = Pick<LintResult, 'filePath' | 'text' | 'diagnostics' | 'lines' | 'linked'>;

/** A formatter is a pure function of the results. */
export type Formatter = (results: readonly LintedFile[], context: FormatContext) => string;
