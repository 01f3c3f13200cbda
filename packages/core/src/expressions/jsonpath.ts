/**
 * The JSONPath dialect of Amazon States Language (Jayway JsonPath as Step Functions runs it):
 * Paths, Reference Paths, context paths (`$$…`) and variables (`$name…`).
 * A parser that accepts what Step Functions accepts: it rejects only text that cannot be a path,
 * and it never guesses at filter expressions beyond their brackets.
 */

/**
 * `path`: any Path (InputPath, OutputPath, `.$` values, Choice `Variable`).
 * `reference`: a Reference Path, a single node (ItemsPath, `…Path` fields).
 * `result`: ResultPath, a Reference Path that writes into the input: no context object, no variable.
 */
export type PathKind = 'path' | 'reference' | 'result';

export type PathRoot = 'input' | 'context' | 'variable';

/** Features that select more than one node, which a Reference Path must not use. */
export type MultiNodeFeature = 'descendant' | 'wildcard' | 'filter' | 'slice' | 'union' | 'function';

export interface PathSyntaxError {
  readonly message: string;
  /** UTF-16 offset inside the path text. */
  readonly offset: number;
}

export interface ParsedPath {
  readonly root: PathRoot;
  /** The variable name for `$name…` paths. */
  readonly variable?: string;
  /** Multi-node features in order of appearance, with their offsets. */
  readonly features: readonly { readonly feature: MultiNodeFeature; readonly offset: number }[];
}

export type PathParseResult = { readonly ok: true; readonly path: ParsedPath } | { readonly ok: false; readonly error: PathSyntaxError };

const FEATURE_TEXT: Readonly<Record<MultiNodeFeature, string>> = {
  descendant: 'deep scan ".."',
  wildcard: 'wildcard "*"',
  filter: 'filter "[?(…)]"',
  slice: 'slice "[a:b]"',
  union: 'union "[a,b]"',
  function: 'function call',
};

const VARIABLE_START = /[\p{ID_Start}_]/u;
const VARIABLE_PART = /[\p{ID_Continue}]/u;

class PathError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Parses a path of the given kind. Never throws. */
export function parsePath(text: string, kind: PathKind = 'path'): PathParseResult {
  try {
    const path = new PathParser(text).parse();
    if (kind === 'result') {
      if (path.root === 'context') return fail('ResultPath cannot write into the context object ("$$")', 0);
      if (path.root === 'variable') return fail('ResultPath cannot reference a variable; use Assign to set variables', 0);
    }
    if (kind !== 'path' && path.features.length > 0) {
      const first = path.features[0];
      return fail(`a reference path must select a single node; ${FEATURE_TEXT[first.feature]} is not allowed`, first.offset);
    }
    return { ok: true, path };
  } catch (error) {
    if (error instanceof PathError) return fail(error.message, error.offset);
    throw error;
  }
}

function fail(message: string, offset: number): PathParseResult {
  return { ok: false, error: { message, offset } };
}

class PathParser {
  private i = 0;
  private readonly features: { feature: MultiNodeFeature; offset: number }[] = [];
  private readonly end: number;

  constructor(private readonly text: string) {
    // Jayway trims the path; trailing blanks are harmless.
    this.end = text.trimEnd().length;
  }

  parse(): ParsedPath {
    const { text } = this;
    if (text.length === 0) throw new PathError('a path must start with "$"', 0);
    if (text[0] !== '$') throw new PathError(`a path must start with "$", not "${text[0]}"`, 0);
    this.i = 1;
    let root: PathRoot = 'input';
    let variable: string | undefined;
    if (text[1] === '$') {
      root = 'context';
      this.i = 2;
    } else if (this.i < this.end && VARIABLE_START.test(this.charAt(this.i))) {
      root = 'variable';
      const start = this.i;
      while (this.i < this.end && VARIABLE_PART.test(this.charAt(this.i))) this.i += this.charAt(this.i).length;
      variable = text.slice(start, this.i);
    }
    if (this.i < this.end && text[this.i] !== '.' && text[this.i] !== '[') {
      throw new PathError(`expected "." or "[" after "${text.slice(0, this.i)}", found "${this.charAt(this.i)}"`, this.i);
    }
    while (this.i < this.end) this.segment();
    return { root, variable, features: this.features };
  }

  private charAt(offset: number): string {
    return String.fromCodePoint(this.text.codePointAt(offset) ?? 0);
  }

  private segment(): void {
    const { text } = this;
    const c = text[this.i];
    if (c === '[') return this.bracket();
    if (c !== '.') throw new PathError(`unexpected "${this.charAt(this.i)}"`, this.i);
    const dot = this.i;
    if (text[this.i + 1] === '.') {
      this.features.push({ feature: 'descendant', offset: dot });
      this.i += 2;
      if (this.i >= this.end) throw new PathError('a path must not end with ".."', dot);
      if (text[this.i] === '.') throw new PathError('three dots in a row', this.i);
    } else {
      this.i += 1;
      if (this.i >= this.end) throw new PathError('a path must not end with "."', dot);
      if (text[this.i] === '.') throw new PathError('empty name between two dots', dot);
    }
    const next = text[this.i];
    if (next === '[') return; // `$.a.['b c']` and `$..[0]` are valid in Jayway
    if (next === '*') {
      this.features.push({ feature: 'wildcard', offset: this.i });
      this.i += 1;
      return;
    }
    this.name();
  }

  /** A dot-notation name: anything up to ".", "[" or "(" except blanks (Jayway's rule). */
  private name(): void {
    const { text } = this;
    const start = this.i;
    while (this.i < this.end) {
      const c = text[this.i];
      if (c === '.' || c === '[' || c === '(') break;
      if (/\s/.test(c)) throw new PathError(`a name with a blank needs bracket notation, e.g. $['${text.slice(start, this.i)} …']`, this.i);
      this.i += 1;
    }
    if (this.i === start) throw new PathError(`expected a name after "."`, start);
    if (text[this.i] === '(') this.functionCall(start);
  }

  /** `.length()`, `.concat("x")`: Jayway path functions, only at the end of a path. */
  private functionCall(nameStart: number): void {
    const open = this.i;
    const close = this.skipBalanced(open, '(', ')');
    this.features.push({ feature: 'function', offset: nameStart });
    this.i = close + 1;
    if (this.i < this.end) throw new PathError('a path function such as length() must end the path', this.i);
  }

  private bracket(): void {
    const { text } = this;
    const open = this.i;
    this.i += 1;
    this.skipBlanks();
    const c = text[this.i];
    if (this.i >= this.end) throw new PathError('unclosed "["', open);
    if (c === "'" || c === '"') {
      let names = 0;
      for (;;) {
        this.quoted();
        names += 1;
        this.skipBlanks();
        if (text[this.i] === ',') {
          this.i += 1;
          this.skipBlanks();
          if (text[this.i] !== "'" && text[this.i] !== '"') throw new PathError('expected a quoted name after ","', this.i);
          continue;
        }
        break;
      }
      if (names > 1) this.features.push({ feature: 'union', offset: open });
      this.closeBracket(open);
      return;
    }
    if (c === '*') {
      this.features.push({ feature: 'wildcard', offset: this.i });
      this.i += 1;
      this.skipBlanks();
      this.closeBracket(open);
      return;
    }
    if (c === '?') {
      this.i += 1;
      this.skipBlanks();
      if (text[this.i] !== '(') throw new PathError('a filter is written "[?(…)]"', open);
      const close = this.skipBalanced(this.i, '(', ')');
      if (close === this.i + 1) throw new PathError('empty filter expression', this.i);
      this.features.push({ feature: 'filter', offset: open });
      this.i = close + 1;
      this.skipBlanks();
      this.closeBracket(open);
      return;
    }
    if (c === '(') {
      // `[(@.length-1)]`: an index computed from the array, one node (Step Functions accepts it).
      const close = this.skipBalanced(this.i, '(', ')');
      this.i = close + 1;
      this.skipBlanks();
      this.closeBracket(open);
      return;
    }
    // Index, index list or slice: digits, "-", ":", ",", blanks.
    const start = this.i;
    while (this.i < this.end && text[this.i] !== ']') this.i += 1;
    if (this.i >= this.end) throw new PathError('unclosed "["', open);
    const body = text.slice(start, this.i).trim();
    if (/^-?\d+$/.test(body)) {
      // one index: a single node
    } else if (/^-?\d+(\s*,\s*-?\d+)+$/.test(body)) {
      this.features.push({ feature: 'union', offset: open });
    } else if (/^(-?\d+)?\s*:\s*(-?\d+)?(\s*:\s*(-?\d+)?)?$/.test(body)) {
      this.features.push({ feature: 'slice', offset: open });
    } else {
      const bad = body.length === 0 ? start : start + Math.max(0, text.slice(start).search(/[^\s\d:,-]/));
      throw new PathError(body.length === 0 ? 'empty brackets' : `expected an index, a quoted name, "*" or a filter inside "[…]"`, bad);
    }
    this.i += 1;
  }

  private quoted(): void {
    const { text } = this;
    const quote = text[this.i];
    const start = this.i;
    this.i += 1;
    while (this.i < this.end) {
      const c = text[this.i];
      if (c === '\\') {
        this.i += 2;
        continue;
      }
      if (c === quote) {
        this.i += 1;
        return;
      }
      this.i += 1;
    }
    throw new PathError('unterminated quoted name', start);
  }

  private closeBracket(open: number): void {
    if (this.text[this.i] !== ']') throw new PathError(this.i >= this.end ? 'unclosed "["' : `expected "]", found "${this.charAt(this.i)}"`, this.i >= this.end ? open : this.i);
    this.i += 1;
  }

  private skipBlanks(): void {
    while (this.i < this.end && /\s/.test(this.text[this.i])) this.i += 1;
  }

  /** The offset of the parenthesis that closes the one at `open`, skipping quoted strings and regexes. */
  private skipBalanced(open: number, opener: string, closer: string): number {
    const { text } = this;
    let depth = 0;
    let i = open;
    while (i < this.end) {
      const c = text[i];
      if (c === "'" || c === '"' || (c === '/' && /=~\s*$/.test(text.slice(Math.max(0, i - 8), i)))) {
        const quote = c;
        const start = i;
        i += 1;
        while (i < this.end && text[i] !== quote) i += text[i] === '\\' ? 2 : 1;
        if (i >= this.end) throw new PathError(quote === '/' ? 'unterminated regular expression' : 'unterminated string', start);
      } else if (c === opener) {
        depth += 1;
      } else if (c === closer) {
        depth -= 1;
        if (depth === 0) return i;
      }
      i += 1;
    }
    throw new PathError(`unclosed "${opener}"`, open);
  }
}

/** True when a string is meant as a path: it starts with "$". */
export function looksLikePath(text: string): boolean {
  return text.startsWith('$');
}
