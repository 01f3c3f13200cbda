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

/** A formatter is a pure function of the results. */
export type Formatter = (results: readonly LintResult[], context: FormatContext) => string;
