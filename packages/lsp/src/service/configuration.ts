import { resolveRules, RuleConfigError, type ActiveRule, type LintSettings, type Rule, type RuleEntry, type WorkflowType } from '@asl-lint/core';

/** Settings the editor sends (`workspace/configuration`, section `asl-lint`). */
export interface EditorSettings {
  /** Rule levels applied over the project's config, e.g. `{ "eks/run-job-sync": "off" }`. */
  readonly rules?: Readonly<Record<string, RuleEntry>>;
  readonly workflowType?: WorkflowType;
}

/** What a project's config file says for one file. */
export interface ProjectConfiguration {
  /** Rule entries in order of precedence (later wins): extends, rules, matching overrides. */
  readonly rules?: readonly Readonly<Record<string, RuleEntry>>[];
  readonly workflowType?: WorkflowType;
  /** The file matches the config's `ignore` globs: no diagnostics. */
  readonly ignored?: boolean;
  /** The config file could not be used as written (it does not parse, a key has the wrong type). */
  readonly problems?: readonly string[];
}

export interface ResolvedConfiguration {
  readonly active: readonly ActiveRule[];
  readonly settings: LintSettings;
  readonly ignored: boolean;
  /** Entries that were dropped, one sentence each (unknown rule ids, bad severities or options). */
  readonly problems: readonly string[];
}

const WORKFLOW_TYPES = new Set(['STANDARD', 'EXPRESS']);

/**
 * Resolves the rules for a file: the recommended preset, then the project's config, then the editor's overrides.
 * An invalid entry never disables linting: it is dropped and named in `problems`.
 */
export function resolveConfiguration(rules: readonly Rule[], project: ProjectConfiguration | undefined, editor: EditorSettings): ResolvedConfiguration {
  const problems: string[] = [...(project?.problems ?? [])];
  const entries: Record<string, RuleEntry>[] = [];
  for (const source of [...(project?.rules ?? []), ...(editor.rules ? [editor.rules] : [])]) {
    if (typeof source !== 'object' || source === null) continue;
    const valid: Record<string, RuleEntry> = Object.create(null);
    for (const [id, entry] of Object.entries(source)) {
      try {
        resolveRules(rules, [{ [id]: entry }]);
        valid[id] = entry;
      } catch (error) {
        if (!(error instanceof RuleConfigError)) throw error;
        problems.push(error.message);
      }
    }
    entries.push(valid);
  }
  const workflowType = pickWorkflowType(editor.workflowType, problems) ?? pickWorkflowType(project?.workflowType, problems);
  return {
    active: resolveRules(rules, entries),
    settings: workflowType ? { workflowType } : {},
    ignored: project?.ignored === true,
    problems,
  };
}

function pickWorkflowType(value: unknown, problems: string[]): WorkflowType | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const upper = typeof value === 'string' ? value.toUpperCase() : value;
  if (typeof upper === 'string' && WORKFLOW_TYPES.has(upper)) return upper as WorkflowType;
  problems.push(`workflowType must be "STANDARD" or "EXPRESS", not ${JSON.stringify(value)}`);
  return undefined;
}

/** Settings as editors send them: `rules` (id → level or [level, options]) and `workflowType`; anything else is ignored. */
export function normalizeSettings(value: unknown): EditorSettings {
  if (typeof value !== 'object' || value === null) return {};
  const raw = value as Record<string, unknown>;
  const settings: { rules?: EditorSettings['rules']; workflowType?: EditorSettings['workflowType'] } = {};
  if (typeof raw.rules === 'object' && raw.rules !== null && !Array.isArray(raw.rules)) settings.rules = raw.rules as EditorSettings['rules'];
  if (typeof raw.workflowType === 'string' && raw.workflowType !== '') settings.workflowType = raw.workflowType as EditorSettings['workflowType'];
  return settings;
}
