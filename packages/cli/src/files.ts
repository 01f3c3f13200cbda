import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

export const DEFAULT_PATTERNS = ['**/*.asl.json', '**/*.asl.yaml', '**/*.asl.yml'];
/** Candidates for CloudFormation/SAM templates and Serverless files, kept only when their content says so. */
export const TEMPLATE_PATTERNS = ['**/*.json', '**/*.yaml', '**/*.yml', '**/*.template'];
/** AWS CDK sources, searched only with --cdk. */
export const CDK_PATTERNS = ['**/*.ts', '**/*.js', '**/*.mts', '**/*.mjs', '**/*.cts', '**/*.cjs'];
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];
/** Generated copies (CDK synth output) that would repeat the findings of their sources. */
const GENERATED = ['**/cdk.out/**', '**/*.d.ts'];
/** Templates are at most 1 MB (CloudFormation's limit for S3 templates); larger files are data, not templates. */
const MAX_TEMPLATE_BYTES = 4 * 1024 * 1024;

export interface FindOptions {
  /** Also search TypeScript/JavaScript sources for CDK state machines. */
  readonly cdk?: boolean;
}

export interface FoundFiles {
  /** Paths as the user should see them: as given, or relative to cwd for discovered files. */
  readonly files: string[];
  /** Patterns that matched nothing, to report. */
  readonly unmatched: string[];
}

const TEMPLATE_MARKERS = /AWS::StepFunctions::StateMachine|AWS::Serverless::StateMachine|stepFunctions/;
const CDK_MARKERS = /CustomState|DefinitionBody|CfnStateMachine/;

/**
 * Whether a discovered file may hold a state machine: a substring test on its text, no parsing
 * (a directory lint must not parse every JSON file of a repository).
 */
export function mayHoldStateMachine(absolute: string, kind: 'template' | 'cdk'): boolean {
  try {
    if (statSync(absolute).size > MAX_TEMPLATE_BYTES) return false;
    // latin1: the markers are ASCII, and decoding stays a byte copy.
    return (kind === 'template' ? TEMPLATE_MARKERS : CDK_MARKERS).test(readFileSync(absolute, 'latin1'));
  } catch {
    return false;
  }
}

const ASL_FILE = /\.asl\.(json|ya?ml)$/i;
const CODE_FILE = /\.[cm]?[jt]s$/i;

/**
 * Expands paths, directories and globs. Explicit files are taken as they are (fast path for
 * pre-commit: no glob library is loaded); directories and globs go through fast-glob with .gitignore.
 */
export async function findFiles(patterns: readonly string[], cwd: string, options: FindOptions = {}): Promise<FoundFiles> {
  const files: string[] = [];
  const unmatched: string[] = [];
  const seen = new Set<string>();
  const add = (file: string): void => {
    const key = resolve(cwd, file);
    if (!seen.has(key)) {
      seen.add(key);
      files.push(file);
    }
  };
  const globs: { pattern: string | string[]; base: string; original: string; discover: boolean }[] = [];
  for (const pattern of patterns.length ? patterns : ['.']) {
    const absolute = resolve(cwd, pattern);
    let stats;
    try {
      stats = statSync(absolute);
    } catch {
      stats = undefined;
    }
    if (stats?.isFile()) add(pattern);
    else if (stats?.isDirectory()) {
      globs.push({ pattern: [...DEFAULT_PATTERNS, ...TEMPLATE_PATTERNS, ...(options.cdk ? CDK_PATTERNS : [])], base: absolute, original: pattern, discover: true });
    } else if (/[*?[\]{}]/.test(pattern)) {
      globs.push({ pattern, base: cwd, original: pattern, discover: false });
    } else {
      // A named file that does not exist: the caller reports it as unreadable.
      add(pattern);
    }
  }
  if (globs.length === 0) return { files, unmatched };
  const { default: fastGlob } = await import('fast-glob');
  const ignore = [...ALWAYS_IGNORED, ...gitignorePatterns(cwd)];
  const matchedByOriginal = new Map<string, number>();
  for (const { pattern, base, original, discover } of globs) {
    const matches = await fastGlob(pattern, { cwd: base, ignore: discover ? [...ignore, ...GENERATED] : ignore, dot: false, onlyFiles: true, followSymbolicLinks: false, absolute: true });
    matches.sort();
    matchedByOriginal.set(original, (matchedByOriginal.get(original) ?? 0) + matches.length);
    for (const match of matches) {
      // In a directory, *.asl.* files are definitions by name; other files only by content.
      if (discover && !ASL_FILE.test(match) && !mayHoldStateMachine(match, CODE_FILE.test(match) ? 'cdk' : 'template')) continue;
      add(toDisplayPath(match, cwd));
    }
  }
  for (const [original, count] of matchedByOriginal) if (count === 0 && patterns.includes(original) && /[*?[\]{}]/.test(original)) unmatched.push(original);
  return { files, unmatched };
}

function toDisplayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel.startsWith('..') || isAbsolute(rel) ? file : rel.split(sep).join('/');
}

/** The root .gitignore as fast-glob ignore patterns (the common subset of gitignore syntax). */
function gitignorePatterns(cwd: string): string[] {
  const file = join(cwd, '.gitignore');
  if (!existsSync(file)) return [];
  const patterns: string[] = [];
  for (const raw of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith('!')) continue;
    const anchored = line.startsWith('/');
    let body = anchored ? line.slice(1) : line;
    const directory = body.endsWith('/');
    if (directory) body = body.slice(0, -1);
    const prefix = anchored || body.includes('/') ? '' : '**/';
    patterns.push(`${prefix}${body}`, `${prefix}${body}/**`);
  }
  return patterns;
}
