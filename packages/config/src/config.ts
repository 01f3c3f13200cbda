/**
 * Configuration files: `asl-lint.config.json` / `.yaml` / `.yml`, the nearest one above each linted file
 * (or the one given with `--config`). Each file is read, validated against the published JSON Schema and
 * turned into rule entries once; the rules for a file are cached by the overrides that match it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import {
  closestMatch,
  LineIndex,
  locatePath,
  parseText,
  resolveRules,
  RuleConfigError,
  toValue,
  type ActiveRule,
  type AstNode,
  type LintSettings,
  type Rule,
  type RuleEntry,
  type WorkflowType,
} from '@asl-lint/core';
import { CONFIG_KEYS, CONFIG_SCHEMA, OVERRIDE_KEYS, PRESETS } from './config-schema.js';
import { matchesGlob } from './glob-match.js';

const require = createRequire(import.meta.url);

export const CONFIG_FILE_NAMES = ['asl-lint.config.json', 'asl-lint.config.yaml', 'asl-lint.config.yml'] as const;

export type Preset = (typeof PRESETS)[number];

/** A configuration that cannot be used; the message is one line per problem, each naming file, key and fix. */
export class ConfigError extends Error {}

export interface ConfigOverride {
  readonly files: readonly string[];
  readonly rules: Readonly<Record<string, RuleEntry>>;
  readonly workflowType?: WorkflowType;
}

export interface ConfigFile {
  /** Absolute path. */
  readonly path: string;
  readonly directory: string;
  readonly extends: readonly Preset[];
  readonly rules: Readonly<Record<string, RuleEntry>>;
  readonly ignore: readonly string[];
  readonly overrides: readonly ConfigOverride[];
  readonly workflowType?: WorkflowType;
}

export interface FileConfig {
  /** The config file that applies, if any (absolute path). */
  readonly configFile: string | undefined;
  /** True when an `ignore` pattern of that config matches the file. */
  readonly ignored: boolean;
  readonly rules: readonly ActiveRule[];
  readonly settings: LintSettings;
}

export interface ConfigResolverOptions {
  readonly cwd: string;
  readonly rules: readonly Rule[];
  /** `--config`: one file for every linted file, no search. */
  readonly explicitConfig?: string;
  /** `--rule` entries, applied last. */
  readonly cliRules?: Readonly<Record<string, RuleEntry>>;
  /** `--workflow-type`, which wins over the config. */
  readonly cliWorkflowType?: WorkflowType;
}

/** Presets as rule entries. `strict` enables every rule and raises warnings to errors. */
export function presetEntries(preset: Preset, rules: readonly Rule[]): Record<string, RuleEntry> {
  if (preset === 'recommended') return {};
  const entries: Record<string, RuleEntry> = Object.create(null);
  for (const rule of rules) entries[rule.meta.id] = rule.meta.severity === 'info' ? 'info' : 'error';
  return entries;
}

export class ConfigResolver {
  private readonly configByDirectory = new Map<string, string | null>();
  private readonly loaded = new Map<string, ConfigFile>();
  private readonly rulesByKey = new Map<string, ActiveRule[]>();

  constructor(private readonly options: ConfigResolverOptions) {
    if (options.explicitConfig !== undefined) {
      const path = resolve(options.cwd, options.explicitConfig);
      if (!existsSync(path)) throw new ConfigError(`${options.explicitConfig}: no such config file`);
      this.load(path);
    }
  }

  /** The config file that applies to a file (absolute path), found upward from its directory. */
  configFileFor(file: string): string | undefined {
    if (this.options.explicitConfig !== undefined) return resolve(this.options.cwd, this.options.explicitConfig);
    const visited: string[] = [];
    let directory = dirname(file);
    let found: string | null | undefined;
    for (;;) {
      found = this.configByDirectory.get(directory);
      if (found !== undefined) break;
      visited.push(directory);
      found = CONFIG_FILE_NAMES.map((name) => join(directory, name)).find((candidate) => isFile(candidate)) ?? null;
      if (found) break;
      const parent = dirname(directory);
      if (parent === directory) break;
      directory = parent;
    }
    for (const visitedDirectory of visited) this.configByDirectory.set(visitedDirectory, found);
    return found ?? undefined;
  }

  forFile(file: string): FileConfig {
    const absolute = resolve(this.options.cwd, file);
    const configPath = this.configFileFor(absolute);
    const config = configPath ? this.load(configPath) : undefined;
    const relativePath = config ? toPosix(relative(config.directory, absolute)) : '';
    const ignored = config !== undefined && !relativePath.startsWith('..') && config.ignore.some((pattern) => matchesGlob(pattern, relativePath));
    const matching = config ? config.overrides.filter((override) => override.files.some((pattern) => matchesGlob(pattern, relativePath))) : [];
    const key = `${configPath ?? ''}\u0000${matching.map((override) => config!.overrides.indexOf(override)).join(',')}`;
    let rules = this.rulesByKey.get(key);
    if (!rules) {
      rules = this.resolve(config, matching);
      this.rulesByKey.set(key, rules);
    }
    let workflowType = config?.workflowType;
    for (const override of matching) workflowType = override.workflowType ?? workflowType;
    workflowType = this.options.cliWorkflowType ?? workflowType;
    return { configFile: configPath, ignored, rules, settings: workflowType ? { workflowType } : {} };
  }

  private resolve(config: ConfigFile | undefined, overrides: readonly ConfigOverride[]): ActiveRule[] {
    const entries: Readonly<Record<string, RuleEntry>>[] = [];
    for (const preset of config?.extends ?? []) entries.push(presetEntries(preset, this.options.rules));
    if (config) entries.push(config.rules);
    for (const override of overrides) entries.push(override.rules);
    if (this.options.cliRules) entries.push(this.options.cliRules);
    return resolveRules(this.options.rules, entries);
  }

  private load(path: string): ConfigFile {
    let config = this.loaded.get(path);
    if (!config) {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (error) {
        throw new ConfigError(`${this.display(path)}: cannot read the config file (${(error as Error).message})`);
      }
      config = parseConfig(text, path, this.display(path), this.options.rules);
      this.loaded.set(path, config);
    }
    return config;
  }

  private display(path: string): string {
    const rel = relative(this.options.cwd, path);
    return rel.startsWith('..') ? path : toPosix(rel);
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

type Validate = ((value: unknown) => boolean) & { errors?: AjvError[] | null };
export interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: { errors?: AjvError[]; additionalProperty?: string; propertyName?: string; missingProperty?: string };
}

let validator: Validate | undefined;

const SEVERITY_VALUES = new Set(['off', 'info', 'warn', 'warning', 'error']);
const WORKFLOW_VALUES = new Set(['standard', 'express', 'STANDARD', 'EXPRESS']);
const RULE_ID = /^([a-z]+\/[a-z0-9-]+|internal-error)$/;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isNonEmptyString = (value: unknown): boolean => typeof value === 'string' && value.length > 0;

function plainRules(value: unknown): boolean {
  if (!isRecord(value)) return false;
  for (const [id, entry] of Object.entries(value)) {
    if (!RULE_ID.test(id)) return false;
    const severity = Array.isArray(entry) ? (entry.length >= 1 && entry.length <= 2 ? entry[0] : undefined) : entry;
    if (typeof severity !== 'string' || !SEVERITY_VALUES.has(severity)) return false;
  }
  return true;
}

/**
 * The common, valid config, recognised without compiling the schema (ajv costs ~60 ms per process, paid on
 * every pre-commit run). Anything this does not accept goes to the schema, which explains what is wrong.
 * It must never accept what the schema rejects: a property test checks that.
 */
export function isPlainValidConfig(value: unknown): boolean {
  if (!isRecord(value)) return false;
  for (const [key, field] of Object.entries(value)) {
    switch (key) {
      case '$schema':
        if (typeof field !== 'string') return false;
        break;
      case 'extends':
        if (!(Array.isArray(field) ? field : [field]).every((preset) => preset === 'recommended' || preset === 'strict')) return false;
        break;
      case 'rules':
        if (!plainRules(field)) return false;
        break;
      case 'ignore':
        if (!Array.isArray(field) || !field.every(isNonEmptyString)) return false;
        break;
      case 'workflowType':
        if (typeof field !== 'string' || !WORKFLOW_VALUES.has(field)) return false;
        break;
      case 'overrides':
        if (!Array.isArray(field)) return false;
        for (const override of field) {
          if (!isRecord(override) || !('files' in override)) return false;
          for (const [overrideKey, overrideField] of Object.entries(override)) {
            if (overrideKey === 'files') {
              if (!(isNonEmptyString(overrideField) || (Array.isArray(overrideField) && overrideField.length > 0 && overrideField.every(isNonEmptyString)))) return false;
            } else if (overrideKey === 'rules') {
              if (!plainRules(overrideField)) return false;
            } else if (overrideKey === 'workflowType') {
              if (typeof overrideField !== 'string' || !WORKFLOW_VALUES.has(overrideField)) return false;
            } else return false;
          }
        }
        break;
      default:
        return false;
    }
  }
  return true;
}

function validateConfig(value: unknown): AjvError[] {
  if (isPlainValidConfig(value)) return [];
  return validateWithSchema(value);
}

/** The schema check (ajv + ajv-errors), compiled on first use. */
export function validateWithSchema(value: unknown): AjvError[] {
  if (!validator) {
    const Ajv = require('ajv').default as typeof import('ajv').default;
    const ajvErrors = require('ajv-errors') as (ajv: InstanceType<typeof Ajv>) => unknown;
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajvErrors(ajv);
    validator = ajv.compile(CONFIG_SCHEMA) as unknown as Validate;
  }
  return validator(value) ? [] : (validator.errors ?? []);
}

/** Parses and validates a config text; throws `ConfigError` with one line per problem. */
export function parseConfig(text: string, path: string, displayPath: string, rules: readonly Rule[]): ConfigFile {
  const language = /\.ya?ml$/i.test(path) ? 'yaml' : 'json';
  const document = parseText(text, language);
  const lines = new LineIndex(text);
  const at = (offset: number): string => {
    const position = lines.positionAt(offset);
    return `${displayPath}:${position.line + 1}:${position.character + 1}`;
  };
  // Comments and trailing commas are fine in a config file (as in tsconfig.json); broken syntax is not.
  const fatal = document.problems.filter((problem) => problem.kind !== 'comment' && problem.kind !== 'trailing-comma');
  if (fatal.length > 0) throw new ConfigError(fatal.map((problem) => `${at(problem.range.start)}: ${problem.message}`).join('\n'));
  const root = document.root;
  if (!root) throw new ConfigError(`${displayPath}: the config file is empty; write {} for the defaults`);
  const value = toValue(root);
  const errors = validateConfig(value);
  if (errors.length > 0) throw new ConfigError(describeErrors(errors, root, at).join('\n'));

  const data = value as Record<string, unknown>;
  const directory = dirname(path);
  const preset = data.extends;
  const config: ConfigFile = {
    path,
    directory,
    extends: preset === undefined ? [] : ((Array.isArray(preset) ? preset : [preset]) as Preset[]),
    rules: toEntries(data.rules),
    ignore: (data.ignore as string[] | undefined) ?? [],
    overrides: ((data.overrides as Record<string, unknown>[] | undefined) ?? []).map((override) => ({
      files: typeof override.files === 'string' ? [override.files] : (override.files as string[]),
      rules: toEntries(override.rules),
      ...(override.workflowType ? { workflowType: toWorkflowType(override.workflowType) } : {}),
    })),
    ...(data.workflowType ? { workflowType: toWorkflowType(data.workflowType) } : {}),
  };
  checkRuleEntries(config, root, at, rules);
  return config;
}

function toEntries(value: unknown): Record<string, RuleEntry> {
  const entries: Record<string, RuleEntry> = Object.create(null);
  if (value && typeof value === 'object') for (const [id, entry] of Object.entries(value)) entries[id] = entry as RuleEntry;
  return entries;
}

function toWorkflowType(value: unknown): WorkflowType {
  return String(value).toUpperCase() as WorkflowType;
}

/** Unknown rule ids and invalid rule options, checked now so a typo fails even where no override matches. */
function checkRuleEntries(config: ConfigFile, root: AstNode, at: (offset: number) => string, rules: readonly Rule[]): void {
  const problems: string[] = [];
  const check = (entries: Readonly<Record<string, RuleEntry>>, path: (string | number)[]): void => {
    for (const [id, entry] of Object.entries(entries)) {
      try {
        resolveRules(rules, [{ [id]: entry }]);
      } catch (error) {
        if (!(error instanceof RuleConfigError)) throw error;
        const keyPath = [...path, id];
        problems.push(`${at(locatePath(root, keyPath, 'key').range.start)}: ${displayKey(keyPath)}: ${error.message}`);
      }
    }
  };
  check(config.rules, ['rules']);
  config.overrides.forEach((override, index) => check(override.rules, ['overrides', index, 'rules']));
  if (problems.length > 0) throw new ConfigError(problems.join('\n'));
}

function describeErrors(errors: readonly AjvError[], root: AstNode, at: (offset: number) => string): string[] {
  const lines: string[] = [];
  for (const error of errors) {
    const path: (string | number)[] = error.instancePath
      .split('/')
      .slice(1)
      .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
    const original = error.params.errors?.[0] ?? error;
    let message = error.message ?? 'is not valid';
    let keyPath = path;
    let pointAt: 'key' | 'value' = 'value';
    const extra = original.params.additionalProperty ?? original.params.propertyName;
    if (extra !== undefined) {
      keyPath = [...path, extra];
      pointAt = 'key';
      const allowed = original.params.additionalProperty !== undefined ? (path.length === 0 ? CONFIG_KEYS : OVERRIDE_KEYS) : [];
      const suggestion = closestMatch(extra, [...allowed]);
      if (suggestion) message += ` (did you mean "${suggestion}"?)`;
    }
    const range = locatePath(root, keyPath, pointAt).range;
    const line = `${at(range.start)}: ${keyPath.length ? displayKey(keyPath) : 'the config'} ${message}`;
    if (!lines.includes(line)) lines.push(line);
  }
  return lines;
}

/** `rules["eks/run-job-sync"]`, `overrides[0].files`. */
function displayKey(path: readonly (string | number)[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) text += text ? `.${segment}` : segment;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

/** The effective configuration of one file, for `--print-config`. */
export function describeFileConfig(file: string, config: FileConfig, cwd: string): string {
  const rules: Record<string, unknown> = {};
  for (const active of config.rules) {
    const options = active.options;
    rules[active.rule.meta.id] = options === undefined ? active.severity : [active.severity, options];
  }
  const configFile = config.configFile ? toPosix(relative(cwd, config.configFile)) : null;
  return (
    JSON.stringify(
      { file, configFile, ignored: config.ignored, workflowType: config.settings.workflowType?.toLowerCase() ?? 'standard', rules },
      null,
      2,
    ) + '\n'
  );
}
