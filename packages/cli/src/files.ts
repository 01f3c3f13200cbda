import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

export const DEFAULT_PATTERNS = ['**/*.asl.json', '**/*.asl.yaml', '**/*.asl.yml'];
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

export interface FoundFiles {
  /** Paths as the user should see them: as given, or relative to cwd for discovered files. */
  readonly files: string[];
  /** Patterns that matched nothing, to report. */
  readonly unmatched: string[];
}

/**
 * Expands paths, directories and globs. Explicit files are taken as they are (fast path for
 * pre-commit: no glob library is loaded); directories and globs go through fast-glob with .gitignore.
 */
export async function findFiles(patterns: readonly string[], cwd: string, extraPatterns: readonly string[] = []): Promise<FoundFiles> {
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
  const globs: { pattern: string; base: string; original: string }[] = [];
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
      for (const glob of [...DEFAULT_PATTERNS, ...extraPatterns]) globs.push({ pattern: glob, base: absolute, original: pattern });
    } else if (/[*?[\]{}]/.test(pattern)) {
      globs.push({ pattern, base: cwd, original: pattern });
    } else {
      // A named file that does not exist: the caller reports it as unreadable.
      add(pattern);
    }
  }
  if (globs.length === 0) return { files, unmatched };
  const { default: fastGlob } = await import('fast-glob');
  const ignore = [...ALWAYS_IGNORED, ...gitignorePatterns(cwd)];
  const matchedByOriginal = new Map<string, number>();
  for (const { pattern, base, original } of globs) {
    const matches = await fastGlob(pattern, { cwd: base, ignore, dot: false, onlyFiles: true, followSymbolicLinks: false, absolute: true });
    matches.sort();
    matchedByOriginal.set(original, (matchedByOriginal.get(original) ?? 0) + matches.length);
    for (const match of matches) add(toDisplayPath(match, cwd));
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
