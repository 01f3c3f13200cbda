import { createRequire } from 'node:module';
import type { Rule, Severity, SeveritySetting } from './rule.js';

// ajv loads only when a rule is given options: plain runs never pay for it.
const require = createRequire(import.meta.url);

/** A rule's configured level: a severity, or a tuple with options, as in ESLint. */
export type RuleEntry = SeveritySetting | readonly [SeveritySetting, unknown?];

export interface ActiveRule {
  readonly rule: Rule;
  readonly severity: Severity;
  readonly options: unknown;
}

export class RuleConfigError extends Error {}

const optionValidators = new WeakMap<Rule, (value: unknown) => string | undefined>();

function validatorFor(rule: Rule): (value: unknown) => string | undefined {
  let validate = optionValidators.get(rule);
  if (!validate) {
    const schema = rule.meta.options?.schema;
    if (!schema) {
      validate = (value) => (value === undefined ? undefined : 'the rule takes no options');
    } else {
      const Ajv = require('ajv').default as typeof import('ajv').default;
      const ajv = new Ajv({ allErrors: true, strict: false, useDefaults: false });
      const compiled = ajv.compile(schema);
      validate = (value) => (compiled(value) ? undefined : ajv.errorsText(compiled.errors, { dataVar: 'options' }));
    }
    optionValidators.set(rule, validate);
  }
  return validate;
}

function mergeDefaults(defaults: unknown, options: unknown): unknown {
  if (options === undefined) return defaults;
  if (typeof defaults === 'object' && defaults !== null && typeof options === 'object' && options !== null && !Array.isArray(options)) {
    return { ...defaults, ...options };
  }
  return options;
}

/**
 * Turns rule entries (from presets, config files and `--rule`) into the rules to run.
 * Later entries win. Unknown ids and invalid options throw `RuleConfigError`.
 */
export function resolveRules(rules: readonly Rule[], entries: readonly Readonly<Record<string, RuleEntry>>[] = []): ActiveRule[] {
  const byId = new Map(rules.map((rule) => [rule.meta.id, rule]));
  const chosen = new Map<string, { severity: SeveritySetting; options: unknown }>();
  for (const rule of rules) {
    if (rule.meta.recommended !== false) chosen.set(rule.meta.id, { severity: rule.meta.severity, options: undefined });
  }
  for (const entry of entries) {
    for (const [id, value] of Object.entries(entry)) {
      const rule = byId.get(id);
      if (!rule) throw new RuleConfigError(`Unknown rule "${id}"${suggestRuleId(id, [...byId.keys()])}`);
      const [severity, options] = Array.isArray(value) ? value : [value as SeveritySetting, undefined];
      if (!['error', 'warning', 'warn', 'info', 'off'].includes(severity as string)) {
        throw new RuleConfigError(`Rule "${id}": severity must be "off", "info", "warn" or "error", not ${JSON.stringify(severity)}`);
      }
      // A severity alone keeps the defaults: only given options are validated.
      const problem = options === undefined ? undefined : validatorFor(rule)(options);
      if (problem) throw new RuleConfigError(`Rule "${id}": invalid options: ${problem}`);
      const previous = chosen.get(id);
      chosen.set(id, { severity: (severity as string) === 'warn' ? 'warning' : severity, options: options ?? previous?.options });
    }
  }
  const active: ActiveRule[] = [];
  for (const rule of rules) {
    const setting = chosen.get(rule.meta.id);
    if (!setting || setting.severity === 'off') continue;
    active.push({ rule, severity: setting.severity, options: mergeDefaults(rule.meta.options?.defaults, setting.options) });
  }
  return active;
}

function suggestRuleId(id: string, ids: string[]): string {
  const best = closestMatch(id, ids);
  return best ? ` (did you mean "${best}"?)` : '';
}

/** Damerau-free Levenshtein distance, bounded to short strings by callers. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const previous = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length];
}

/**
 * Edit distance if it is at most `limit`, else `limit + 1`: only a band of the table is computed, and the
 * computation stops as soon as every path exceeds the limit.
 */
function boundedDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const previous = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    let rowMinimum = previous[0];
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
      if (previous[j] < rowMinimum) rowMinimum = previous[j];
    }
    if (rowMinimum > limit) return limit + 1;
  }
  return previous[b.length];
}

/**
 * The candidate closest to `input` (case-insensitive distance), if it is close enough to be a likely typo:
 * a third of the input may differ, and a one-letter name never "means" another one-letter name.
 * Linear in the candidates with a small constant: lengths filter first, distances are banded.
 */
export function closestMatch(input: string, candidates: readonly string[]): string | undefined {
  if (input.length > 200) return undefined;
  const limit = Math.min(Math.max(1, Math.floor(input.length / 3)), input.length - 1);
  if (limit < 1) return undefined;
  const lower = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - input.length) >= bestDistance) continue;
    const distance = boundedDistance(lower, candidate.toLowerCase(), bestDistance - 1);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      if (distance === 0) break;
    }
  }
  return best;
}
