/**
 * Project configuration for the server: the nearest `asl-lint.config.json` / `.yaml` / `.yml` upward from a file,
 * read from disk and cached per directory until a watched config file changes.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { isObjectValue, parseText, toValue, type JsonValue, type RuleEntry } from '@asl-lint/core';
import type { ProjectConfiguration } from './service/index.js';

export const CONFIG_FILE_NAMES = ['asl-lint.config.json', 'asl-lint.config.yaml', 'asl-lint.config.yml'];
/** What the client watches for us (`workspace/didChangeWatchedFiles`). */
export const CONFIG_FILE_GLOB = '**/asl-lint.config.{json,yaml,yml}';

interface ConfigFile {
  readonly path: string;
  readonly directory: string;
  readonly value: { [key: string]: JsonValue } | undefined;
  readonly problem?: string;
}

export class ProjectConfigurations {
  private readonly directories = new Map<string, ConfigFile | null>();

  clear(): void {
    this.directories.clear();
  }

  forFile(filePath: string): ProjectConfiguration | undefined {
    if (!filePath.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(filePath)) return undefined;
    const config = this.nearest(dirname(filePath));
    if (!config) return undefined;
    if (!config.value) return { problems: [config.problem ?? `${config.path} cannot be read`] };
    return interpret(config, relative(config.directory, filePath).split(sep).join('/'));
  }

  private nearest(start: string): ConfigFile | undefined {
    const visited: string[] = [];
    let directory = start;
    let found: ConfigFile | null | undefined;
    for (;;) {
      found = this.directories.get(directory);
      if (found !== undefined) break;
      visited.push(directory);
      found = readConfigIn(directory);
      if (found) break;
      const parent = dirname(directory);
      if (parent === directory) {
        found = null;
        break;
      }
      directory = parent;
    }
    for (const seen of visited) this.directories.set(seen, found);
    return found ?? undefined;
  }
}

function readConfigIn(directory: string): ConfigFile | null {
  for (const name of CONFIG_FILE_NAMES) {
    const path = join(directory, name);
    try {
      if (!statSync(path).isFile()) continue;
    } catch {
      continue;
    }
    try {
      const text = readFileSync(path, 'utf8');
      const parsed = parseText(text, name.endsWith('.json') ? 'json' : 'yaml');
      const syntax = parsed.problems.find((problem) => problem.kind === 'syntax');
      if (!parsed.root || syntax) return { path, directory, value: undefined, problem: `${path} does not parse${syntax ? `: ${syntax.message}` : ''}; using the default rules` };
      const value = toValue(parsed.root);
      if (!isObjectValue(value)) return { path, directory, value: undefined, problem: `${path} must hold an object; using the default rules` };
      return { path, directory, value };
    } catch (error) {
      return { path, directory, value: undefined, problem: `${path} cannot be read: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  return null;
}

function interpret(config: ConfigFile, relativePath: string): ProjectConfiguration {
  const value = config.value!;
  const problems: string[] = [];
  const rules: Record<string, RuleEntry>[] = [];
  if (isObjectValue(value.rules)) rules.push(value.rules as Record<string, RuleEntry>);
  else if (value.rules !== undefined) problems.push(`${config.path}: "rules" must be an object`);
  if (Array.isArray(value.overrides)) {
    for (const override of value.overrides) {
      if (!isObjectValue(override) || !isObjectValue(override.rules)) continue;
      if (globList(override.files).some((glob) => matchesGlob(glob, relativePath))) rules.push(override.rules as Record<string, RuleEntry>);
    }
  }
  const ignored = globList(value.ignore).some((glob) => matchesGlob(glob, relativePath));
  const workflowType = typeof value.workflowType === 'string' ? (value.workflowType as ProjectConfiguration['workflowType']) : undefined;
  return { rules, ...(workflowType ? { workflowType } : {}), ...(ignored ? { ignored } : {}), ...(problems.length ? { problems } : {}) };
}

function globList(value: JsonValue | undefined): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** `**`, `*`, `?` and `{a,b}` globs, relative to the config's directory; a glob without `/` matches the file name anywhere. */
export function matchesGlob(glob: string, relativePath: string): boolean {
  const target = glob.includes('/') ? relativePath : basename(relativePath);
  let source = '';
  let braces = 0;
  const pattern = glob.replace(/^\.\//, '');
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '{') {
      braces++;
      source += '(?:';
    } else if (char === '}' && braces > 0) {
      braces--;
      source += ')';
    } else if (char === ',' && braces > 0) source += '|';
    else source += char.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  try {
    return new RegExp(`^${source}(?:/.*)?$`).test(target);
  } catch {
    return false;
  }
}
