/**
 * IAM wildcard matching (`*` any run of characters, `?` one character), as IAM evaluates Resource and Action
 * elements. Iterative, linear in practice (the classic greedy matcher with one backtrack point).
 */
export function matchesPattern(pattern: string, value: string, ignoreCase = false): boolean {
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const v = ignoreCase ? value.toLowerCase() : value;
  let pi = 0;
  let vi = 0;
  let star = -1;
  let mark = 0;
  while (vi < v.length) {
    if (pi < p.length && (p[pi] === '?' || p[pi] === v[vi])) {
      pi++;
      vi++;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++;
      mark = vi;
    } else if (star >= 0) {
      pi = star + 1;
      vi = ++mark;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}

/**
 * Whether two wildcard patterns can match a common string: used when a derived resource is itself widened
 * (`cluster/*`) and a role grants a narrower one (`cluster/prod`): they overlap, so the role may be right.
 * Dynamic programming over both patterns: O(|a|·|b|), both short ARNs.
 */
export function patternsOverlap(a: string, b: string): boolean {
  // below[j] = overlap(a[i+1:], b[j:]); row[j] = overlap(a[i:], b[j:]), filled from the right.
  let below = new Array<boolean>(b.length + 1).fill(false);
  let row = new Array<boolean>(b.length + 1).fill(false);
  for (let i = a.length; i >= 0; i--) {
    for (let j = b.length; j >= 0; j--) {
      let ok: boolean;
      if (i === a.length && j === b.length) ok = true;
      else if (i < a.length && a[i] === '*') ok = below[j] || (j < b.length && row[j + 1]);
      else if (j < b.length && b[j] === '*') ok = row[j + 1] || (i < a.length && below[j]);
      else if (i < a.length && j < b.length) ok = (a[i] === '?' || b[j] === '?' || a[i] === b[j]) && below[j + 1];
      else ok = false;
      row[j] = ok;
    }
    [below, row] = [row, below];
  }
  return below[0];
}
