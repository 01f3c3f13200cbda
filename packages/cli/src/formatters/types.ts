import type { LintResult, Rule } from '@asl-lint/core';

export interface FormatContext {
  readonly cwd: string;
  readonly color: boolean;
  readonly rules: readonly Rule[];
  readonly version: string;
}

/** A formatter is a pure function of the results. */
export type Formatter = (results: readonly LintResult[], context: FormatContext) => string;
