/**
 * A safe-regex style review of a regular expression: parses JavaScript regex syntax into a small tree and
 * reports the two shapes that backtrack catastrophically on a crafted input:
 * - star height above 1: an unbounded quantifier inside another (`(a+)+`, `(a*b?)*`);
 * - an unbounded quantifier over alternatives that can start with the same character (`(a|ab)*`, `(\w|\d)+`):
 *   each repetition can take either branch, so a failing match tries exponentially many splits.
 * Character sets are approximated over ASCII plus a few non-ASCII samples, erring towards "overlaps": a false
 * alarm goes to the reviewed allowlist, a missed one would not.
 */

type CharSet = boolean[];

const SAMPLES = [...Array.from({ length: 128 }, (_, i) => i), 0xa0, 0xe9, 0x3b1, 0x2028, 0x4e00, 0x1f600];

function set(test: (code: number) => boolean): CharSet {
  return SAMPLES.map(test);
}
const NONE = (): CharSet => set(() => false);
const ALL = (): CharSet => set(() => true);
const union = (a: CharSet, b: CharSet): CharSet => a.map((x, i) => x || b[i]);
const overlaps = (a: CharSet, b: CharSet): boolean => a.some((x, i) => x && b[i]);

const isDigit = (c: number) => c >= 48 && c <= 57;
const isWord = (c: number) => isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028;

type Node =
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; alts: Node[] }
  | { t: 'char'; set: CharSet }
  | { t: 'group'; body: Node }
  | { t: 'zero' }
  | { t: 'backref' }
  | { t: 'rep'; body: Node; min: number; max: number };

class Parser {
  private i = 0;
  constructor(
    private readonly source: string,
    private readonly flags: string,
  ) {}

  parse(): Node {
    const node = this.alternation();
    if (this.i < this.source.length) throw new Error(`unexpected "${this.source[this.i]}" at ${this.i}`);
    return node;
  }

  private alternation(): Node {
    const alts = [this.sequence()];
    while (this.source[this.i] === '|') {
      this.i++;
      alts.push(this.sequence());
    }
    return alts.length === 1 ? alts[0] : { t: 'alt', alts };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.i < this.source.length && this.source[this.i] !== '|' && this.source[this.i] !== ')') {
      const atom = this.atom();
      items.push(this.quantified(atom));
    }
    return { t: 'seq', items };
  }

  private quantified(atom: Node): Node {
    const c = this.source[this.i];
    let min: number;
    let max: number;
    if (c === '*') [min, max] = [0, Infinity];
    else if (c === '+') [min, max] = [1, Infinity];
    else if (c === '?') [min, max] = [0, 1];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.i));
      if (!m) return atom;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      this.i += m[0].length - 1;
    } else return atom;
    this.i++;
    if (this.source[this.i] === '?') this.i++;
    return this.quantified({ t: 'rep', body: atom, min, max });
  }

  private atom(): Node {
    const c = this.source[this.i++];
    const dotAll = this.flags.includes('s');
    switch (c) {
      case '^':
      case '$':
        return { t: 'zero' };
      case '.':
        return { t: 'char', set: set((code) => dotAll || (code !== 10 && code !== 13 && code !== 0x2028)) };
      case '(': {
        let look = false;
        if (this.source.startsWith('?:', this.i)) this.i += 2;
        else if (this.source.startsWith('?=', this.i) || this.source.startsWith('?!', this.i)) [look, this.i] = [true, this.i + 2];
        else if (this.source.startsWith('?<=', this.i) || this.source.startsWith('?<!', this.i)) [look, this.i] = [true, this.i + 3];
        else if (this.source.startsWith('?<', this.i)) this.i = this.source.indexOf('>', this.i) + 1;
        const body = this.alternation();
        if (this.source[this.i++] !== ')') throw new Error('unterminated group');
        return look ? { t: 'zero' } : { t: 'group', body };
      }
      case '[':
        return { t: 'char', set: this.charClass() };
      case '\\':
        return this.escape();
      default:
        return { t: 'char', set: this.literal(c.codePointAt(0)!) };
    }
  }

  private literal(code: number): CharSet {
    const lower = String.fromCodePoint(code).toLowerCase().codePointAt(0)!;
    const folded = this.flags.includes('i');
    return set((sample) => sample === code || (folded && String.fromCodePoint(sample).toLowerCase().codePointAt(0) === lower));
  }

  private escape(): Node {
    const c = this.source[this.i++];
    if (c === 'b' || c === 'B') return { t: 'zero' };
    if (/[1-9]/.test(c)) {
      while (/[0-9]/.test(this.source[this.i] ?? '')) this.i++;
      return { t: 'backref' };
    }
    if (c === 'k' && this.source[this.i] === '<') {
      this.i = this.source.indexOf('>', this.i) + 1;
      return { t: 'backref' };
    }
    return { t: 'char', set: this.escapeSet(c) };
  }

  /** The set of an escape after the backslash (shared by atoms and classes). */
  private escapeSet(c: string): CharSet {
    switch (c) {
      case 'd':
        return set(isDigit);
      case 'D':
        return set((x) => !isDigit(x));
      case 'w':
        return set(isWord);
      case 'W':
        return set((x) => !isWord(x));
      case 's':
        return set(isSpace);
      case 'S':
        return set((x) => !isSpace(x));
      case 'n':
        return this.literal(10);
      case 'r':
        return this.literal(13);
      case 't':
        return this.literal(9);
      case 'v':
        return this.literal(11);
      case 'f':
        return this.literal(12);
      case '0':
        return this.literal(0);
      case 'x': {
        const code = parseInt(this.source.slice(this.i, this.i + 2), 16);
        this.i += 2;
        return this.literal(code);
      }
      case 'u': {
        if (this.source[this.i] === '{') {
          const end = this.source.indexOf('}', this.i);
          const code = parseInt(this.source.slice(this.i + 1, end), 16);
          this.i = end + 1;
          return this.literal(code);
        }
        const code = parseInt(this.source.slice(this.i, this.i + 4), 16);
        this.i += 4;
        return this.literal(code);
      }
      case 'p':
      case 'P': {
        // Unicode properties: assume they overlap everything (conservative).
        if (this.source[this.i] === '{') this.i = this.source.indexOf('}', this.i) + 1;
        return ALL();
      }
      case 'c':
        this.i++;
        return set((x) => x < 32);
      default:
        return this.literal(c.codePointAt(0)!);
    }
  }

  private charClass(): CharSet {
    const negated = this.source[this.i] === '^';
    if (negated) this.i++;
    let result = NONE();
    while (this.i < this.source.length && this.source[this.i] !== ']') {
      const from = this.classAtom();
      if (this.source[this.i] === '-' && this.source[this.i + 1] !== ']' && from.code !== undefined) {
        this.i++;
        const to = this.classAtom();
        if (to.code === undefined) {
          result = union(union(result, from.set), union(to.set, this.literal(45)));
          continue;
        }
        const [low, high] = [from.code, to.code];
        const folded = this.flags.includes('i');
        result = union(
          result,
          set((x) => (x >= low && x <= high) || (folded && ((x | 32) >= (low | 32) && (x | 32) <= (high | 32) && /[a-z]/i.test(String.fromCharCode(x))))),
        );
        // A range reaching beyond ASCII includes the non-ASCII samples in it.
        if (high > 127) result = result.map((v, i) => v || (i >= 128 && SAMPLES[i] >= low && SAMPLES[i] <= high));
        continue;
      }
      result = union(result, from.set);
    }
    if (this.source[this.i++] !== ']') throw new Error('unterminated character class');
    return negated ? result.map((v) => !v) : result;
  }

  private classAtom(): { set: CharSet; code?: number } {
    const c = this.source[this.i++];
    if (c !== '\\') return { set: this.literal(c.codePointAt(0)!), code: c.codePointAt(0)! };
    const e = this.source[this.i++];
    if (e === 'b') return { set: this.literal(8), code: 8 };
    const single: Record<string, number> = { n: 10, r: 13, t: 9, v: 11, f: 12, '0': 0 };
    if (e in single) return { set: this.literal(single[e]), code: single[e] };
    if (e === 'x' || e === 'u') {
      const start = this.i;
      const s = this.escapeSet(e);
      const hex = this.source.slice(start, this.i).replace(/[{}]/g, '');
      return { set: s, code: parseInt(hex, 16) };
    }
    if (/[dDwWsSpPc]/.test(e)) return { set: this.escapeSet(e) };
    return { set: this.literal(e.codePointAt(0)!), code: e.codePointAt(0)! };
  }
}

function nullable(node: Node): boolean {
  switch (node.t) {
    case 'seq':
      return node.items.every(nullable);
    case 'alt':
      return node.alts.some(nullable);
    case 'char':
      return false;
    case 'group':
      return nullable(node.body);
    case 'zero':
    case 'backref':
      return true;
    case 'rep':
      return node.min === 0 || nullable(node.body);
  }
}

/** The characters a match of `node` can start with. */
function firstSet(node: Node): CharSet {
  switch (node.t) {
    case 'seq': {
      let result = NONE();
      for (const item of node.items) {
        result = union(result, firstSet(item));
        if (!nullable(item)) break;
      }
      return result;
    }
    case 'alt':
      return node.alts.map(firstSet).reduce(union, NONE());
    case 'char':
      return node.set;
    case 'group':
      return firstSet(node.body);
    case 'zero':
      return NONE();
    case 'backref':
      return ALL();
    case 'rep':
      return firstSet(node.body);
  }
}

function children(node: Node): Node[] {
  switch (node.t) {
    case 'seq':
      return node.items;
    case 'alt':
      return node.alts;
    case 'group':
    case 'rep':
      return [node.body];
    default:
      return [];
  }
}

function containsUnbounded(node: Node): boolean {
  const stack = [...children(node)];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.t === 'rep' && n.max === Infinity) return true;
    stack.push(...children(n));
  }
  return false;
}

/** Alternations inside `node` that are not themselves under a nested repetition (those count as star height). */
function alternations(node: Node): Node[] {
  const found: Node[] = [];
  const stack = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.t === 'alt') found.push(n);
    if (n.t !== 'rep') stack.push(...children(n));
  }
  return found;
}

export interface RegexProblem {
  readonly kind: 'nested-quantifier' | 'overlapping-alternatives' | 'unparsable';
  readonly detail: string;
}

/** The catastrophic-backtracking shapes in `source` (a regex body) with `flags`; empty when safe. */
export function reviewRegex(source: string, flags = ''): RegexProblem[] {
  let root: Node;
  try {
    root = new Parser(source, flags).parse();
  } catch (error) {
    return [{ kind: 'unparsable', detail: (error as Error).message }];
  }
  const problems: RegexProblem[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    stack.push(...children(node));
    if (node.t !== 'rep' || node.max !== Infinity) continue;
    if (containsUnbounded(node.body)) problems.push({ kind: 'nested-quantifier', detail: 'an unbounded quantifier inside another (star height 2)' });
    for (const alt of alternations(node.body)) {
      if (alt.t !== 'alt') continue;
      const firsts = alt.alts.map(firstSet);
      for (let a = 0; a < firsts.length; a++) {
        for (let b = a + 1; b < firsts.length; b++) {
          if (overlaps(firsts[a], firsts[b]) || (nullable(alt.alts[a]) && nullable(alt.alts[b]))) {
            problems.push({ kind: 'overlapping-alternatives', detail: `alternatives ${a + 1} and ${b + 1} of a repeated group can start with the same character` });
          }
        }
      }
    }
  }
  return problems;
}
