import { lintText, type Extractor, type LintResult } from '@asl-lint/core';
import type { FileConfig } from '@asl-lint/config';
import { allRules } from '@asl-lint/rules';

/** Every rule id, active or not: a suppression naming anything else is reported as naming no rule. */
const KNOWN_RULE_IDS = allRules.map((rule) => rule.meta.id);

/** Lints a file's text with the configuration that applies to it (the main thread and worker threads alike). */
export function lintWithConfig(text: string, filePath: string, config: FileConfig, extractors?: readonly Extractor[]): LintResult {
  return lintText(text, { filePath, rules: config.rules, settings: config.settings, knownRuleIds: KNOWN_RULE_IDS, ...(extractors ? { extractors } : {}) });
}
