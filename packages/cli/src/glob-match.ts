/**
 * Glob matching for config `ignore` and `overrides.files`, relative to the config file's directory:
 * `*`, `?`, `**`, `{a,b}` and `[abc]`. A pattern without a `/` matches a name at any depth (as in
 * .gitignore), and a pattern that matches a directory matches everything below it.
 */
const cache = new Map<string, RegExp>();

export function globToRegExp(glob: string): RegExp {
  let cached = cache.get(glob);
  if (cached) return cached;
  let source = '';
  let braceDepth = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const atSegmentStart = i === 0 || glob[i - 1] === '/';
        const followedBySlash = glob[i + 2] === '/';
        if (atSegmentStart && followedBySlash) {
          source += '(?:[^/]+/)*';
          i += 2;
        } else {
          source += '.*';
          i += 1;
        }
      } else source += '[^/]*';
    } else if (c === '?') source += '[^/]';
    else if (c === '{') {
      braceDepth++;
      source += '(?:';
    } else if (c === '}' && braceDepth > 0) {
      braceDepth--;
      source += ')';
    } else if (c === ',' && braceDepth > 0) source += '|';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) source += '\\[';
      else {
        let body = glob.slice(i + 1, close).replace(/\\/g, '\\\\');
        if (body.startsWith('!')) body = '^' + body.slice(1);
        source += `[${body}]`;
        i = close;
      }
    } else source += c.replace(/[.+^$()|\\\]]/g, '\\$&');
  }
  while (braceDepth-- > 0) source += ')';
  cached = new RegExp(`^${source}$`);
  cache.set(glob, cached);
  return cached;
}

/** `relativePath` uses `/` separators and is relative to the directory the pattern is relative to. */
export function matchesGlob(pattern: string, relativePath: string): boolean {
  const body = pattern.replace(/^\.\//, '').replace(/\/+$/, '');
  if (body === '') return false;
  const anchored = body.includes('/');
  const regex = globToRegExp(anchored ? body.replace(/^\//, '') : body);
  const segments = relativePath.split('/');
  const starts = anchored ? [0] : segments.map((_, index) => index);
  for (const start of starts) {
    // The path itself, or one of its directories, matches.
    for (let end = segments.length; end > start; end--) {
      if (regex.test(segments.slice(start, end).join('/'))) return true;
    }
  }
  return false;
}
