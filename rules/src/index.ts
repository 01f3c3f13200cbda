import type { Rule, RuleEntry } from '@asl-lint/core';
import { allRules } from './registry.generated.js';

export { allRules };

export function ruleById(id: string): Rule | undefined {
  return allRules.find((rule) => rule.meta.id === id);
}

/** `recommended`: every rule at its default severity (the engine's default when nothing is configured). */
export const recommended: Readonly<Record<string, RuleEntry>> = Object.freeze({});
export { renderRuleDoc, renderRuleIndex } from './docs.js';
