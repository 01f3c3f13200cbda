/**
 * Glob matching for config `ignore` and `overrides.files`, relative to the config file's directory:
 * `*`, `?`, `**`, `{a,b}` and `[abc]` / `[!abc]`. A pattern without a `/` matches a name at any depth (as in
 * .gitignore), and a pattern that matches a directory matches everything below it.
 *
 * No regular expressions: a pattern such as `*a*a*a*a*b` must not backtrack for ever on a long name. Segments
 * match with the two-pointer wildcard algorithm (O(pattern · name)), paths with a table over segments.
 */
const MAX_BRACE_EXPANSIONS = 256;

/** `{a,b}c` → `ac`, `bc` (nested braces too), bounded. An unmatched `{` is literal. */
export function expandBraces(glob: string): string[] {
  const results: string[] = [];
  const pending = [glob];
  while (pending.length > 0) {
    const current = pending.pop()!;
    const open = current.indexOf('{');
    let depth = 0;
    let close = -1;
    const commas: number[] = [];
    for (let i = open; open >= 0 && i < current.length; i++) {
      if (current[i] === '{') depth++;
      else if (current[i] === '}' && --depth === 0) {
        close = i;
        break;
      } else if (current[i] === ',' && depth === 1) commas.push(i);
    }
    if (open < 0 || close < 0 || commas.length === 0) {
      results.push(current);
      if (results.length >= MAX_BRACE_EXPANSIONS) break;
      continue;
    }
    const head = current.slice(0, open);
    const tail = current.slice(close + 1);
    const bounds = [open, ...commas, close];
    for (let k = bounds.length - 2; k >= 0; k--) pending.push(head + current.slice(bounds[k] + 1, bounds[k + 1]) + tail);
    if (pending.length > MAX_BRACE_EXPANSIONS) pending.length = MAX_BRACE_EXPANSIONS;
  }
  return results;
}

/** Length of the `[...]` class at `index`, or 0 when the bracket is literal. */
function classLength(pattern: string, index: number): number {
  const close = pattern.indexOf(']', index + 2);
  return close < 0 ? 0 : close - index + 1;
}

function classMatches(pattern: string, index: number, length: number, c: string): boolean {
  let body = pattern.slice(index + 1, index + length - 1);
  const negated = body.startsWith('!') || body.startsWith('^');
  if (negated) body = body.slice(1);
  let found = false;
  for (let i = 0; i < body.length; i++) {
    if (body[i + 1] === '-' && i + 2 < body.length) {
      if (c >= body[i] && c <= body[i + 2]) found = true;
      i += 2;
    } else if (body[i] === c) found = true;
  }
  return found !== negated;
}

/** One path segment against one pattern segment (no `/` in either). */
export function segmentMatches(pattern: string, name: string): boolean {
  let p = 0;
  let n = 0;
  let starP = -1;
  let starN = 0;
  while (n < name.length) {
    const c = pattern[p];
    if (c === '*') {
      starP = ++p;
      starN = n;
      continue;
    }
    let step = 0;
    if (c === '?') step = 1;
    else if (c === '[') {
      const length = classLength(pattern, p);
      if (length > 0 && classMatches(pattern, p, length, name[n])) step = length;
      else if (length === 0 && name[n] === '[') step = 1;
    } else if (c !== undefined && c === name[n]) step = 1;
    if (step > 0) {
      p += step;
      n++;
    } else if (starP >= 0) {
      p = starP;
      n = ++starN;
    } else return false;
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

/** Whether the pattern segments match exactly the path segments `from..to`; `**` spans any number of segments. */
function segmentsMatch(pattern: readonly string[], path: readonly string[], from: number, to: number): boolean {
  // reach[j]: the pattern prefix matched so far can end just before path[j].
  let reach = new Array<boolean>(to - from + 1).fill(false);
  reach[0] = true;
  for (const part of pattern) {
    const next = new Array<boolean>(reach.length).fill(false);
    if (part === '**') {
      let seen = false;
      for (let j = 0; j < reach.length; j++) {
        seen ||= reach[j];
        next[j] = seen;
      }
    } else {
      for (let j = 0; j + 1 < reach.length; j++) if (reach[j] && segmentMatches(part, path[from + j])) next[j + 1] = true;
    }
    reach = next;
  }
  return reach[reach.length - 1];
}

/** `relativePath` uses `/` separators and is relative to the directory the pattern is relative to. */
export function matchesGlob(pattern: string, relativePath: string): boolean {
  const segments = relativePath.split('/');
  for (const expanded of expandBraces(pattern)) {
    const body = expanded.replace(/^\.\//, '').replace(/\/+$/, '');
    if (body === '') continue;
    const anchored = body.includes('/');
    const parts = body
      .replace(/^\//, '')
      .split('/')
      .filter((part, index, all) => part !== '' && !(part === '**' && all[index - 1] === '**'))
      .map((part) => (/^\*{2,}$/.test(part) ? '**' : part));
    const starts = anchored ? [0] : segments.map((_, index) => index);
    for (const start of starts) {
      // The path itself, or one of its directories, matches.
      for (let end = segments.length; end > start; end--) {
        if (segmentsMatch(parts, segments, start, end)) return true;
      }
    }
  }
  return false;
}
