/**
 * Intrinsic functions of JSONPath states (`States.Format('{}', $.x)`): the catalog of the 18 functions,
 * a parser with offsets, and the checks that can be made without running them.
 */
import { closestMatch } from '../settings.js';
import { parsePath } from './jsonpath.js';

export type IntrinsicValueType = 'string' | 'number' | 'boolean' | 'array' | 'object' | 'any' | 'scalar';

export interface IntrinsicFunctionSpec {
  readonly name: string;
  readonly minArgs: number;
  /** `Infinity` for variadic functions. */
  readonly maxArgs: number;
  /** Expected type of each argument; the last entry repeats for variadic functions. */
  readonly parameters: readonly IntrinsicValueType[];
  readonly returns: IntrinsicValueType;
  /** Accepted in `ErrorPath`/`CausePath`, which take only intrinsics that return strings. */
  readonly stringResult: boolean;
  /** The JSONata function to use instead, for messages in JSONata states. */
  readonly jsonata: string;
}

const spec = (
  name: string,
  minArgs: number,
  maxArgs: number,
  parameters: IntrinsicValueType[],
  returns: IntrinsicValueType,
  stringResult: boolean,
  jsonata: string,
): IntrinsicFunctionSpec => ({ name: `States.${name}`, minArgs, maxArgs, parameters, returns, stringResult, jsonata });

/** The 18 intrinsic functions (ASL spec Appendix B; Step Functions docs). */
export const INTRINSIC_FUNCTIONS: ReadonlyMap<string, IntrinsicFunctionSpec> = new Map(
  [
    spec('Format', 1, Infinity, ['string', 'scalar'], 'string', true, 'string concatenation with &'),
    spec('StringToJson', 1, 1, ['string'], 'any', false, '$parse()'),
    spec('JsonToString', 1, 1, ['any'], 'string', true, '$string()'),
    spec('Array', 0, Infinity, ['any'], 'array', false, 'an array constructor [a, b]'),
    spec('ArrayPartition', 2, 2, ['array', 'number'], 'array', false, 'a $reduce() or $map() over $range()'),
    spec('ArrayContains', 2, 2, ['array', 'any'], 'boolean', false, 'the in operator'),
    spec('ArrayRange', 3, 3, ['number', 'number', 'number'], 'array', false, '$range()'),
    spec('ArrayGetItem', 2, 2, ['array', 'number'], 'any', true, 'an index, e.g. array[0]'),
    spec('ArrayLength', 1, 1, ['array'], 'number', false, '$count()'),
    spec('ArrayUnique', 1, 1, ['array'], 'array', false, '$distinct()'),
    spec('Base64Encode', 1, 1, ['string'], 'string', true, '$base64encode()'),
    spec('Base64Decode', 1, 1, ['string'], 'string', true, '$base64decode()'),
    spec('Hash', 2, 2, ['any', 'string'], 'string', true, '$hash()'),
    spec('JsonMerge', 3, 3, ['object', 'object', 'boolean'], 'object', false, '$merge()'),
    spec('MathRandom', 2, 3, ['number', 'number', 'number'], 'number', false, '$random()'),
    spec('MathAdd', 2, 2, ['number', 'number'], 'number', false, 'the + operator'),
    spec('StringSplit', 2, 2, ['string', 'string'], 'array', false, '$split()'),
    spec('UUID', 0, 0, [], 'string', true, '$uuid()'),
  ].map((s) => [s.name, s]),
);

export const INTRINSIC_FUNCTION_NAMES: readonly string[] = [...INTRINSIC_FUNCTIONS.keys()];

/** Hash algorithms `States.Hash` accepts. */
export const HASH_ALGORITHMS: readonly string[] = ['MD5', 'SHA-1', 'SHA-256', 'SHA-384', 'SHA-512'];

/** Step Functions allows up to 10 intrinsic functions nested in one field. */
export const MAX_INTRINSIC_NESTING = 10;
/** Inputs of Base64Encode, Base64Decode and Hash are limited to 10,000 characters. */
export const MAX_INTRINSIC_INPUT_CHARS = 10_000;
/** `States.ArrayRange` returns at most 1,000 items. */
export const MAX_ARRAY_RANGE_ITEMS = 1_000;

export type IntrinsicArgument =
  | { readonly kind: 'string'; readonly value: string; readonly start: number; readonly end: number; readonly placeholders: number }
  | { readonly kind: 'number'; readonly value: number; readonly start: number; readonly end: number }
  | { readonly kind: 'boolean'; readonly value: boolean; readonly start: number; readonly end: number }
  | { readonly kind: 'null'; readonly start: number; readonly end: number }
  | { readonly kind: 'path'; readonly text: string; readonly start: number; readonly end: number }
  | { readonly kind: 'call'; readonly call: IntrinsicCall; readonly start: number; readonly end: number };

export interface IntrinsicCall {
  readonly name: string;
  readonly nameStart: number;
  readonly args: readonly IntrinsicArgument[];
  /** Offsets of the call in the field's text: from the name to after ")". */
  readonly start: number;
  readonly end: number;
  /** 1 for the outermost call. */
  readonly depth: number;
}

export interface IntrinsicSyntaxError {
  readonly message: string;
  readonly offset: number;
}

export type IntrinsicParseResult = { readonly ok: true; readonly call: IntrinsicCall } | { readonly ok: false; readonly error: IntrinsicSyntaxError };

// Sticky: matched at an offset without slicing the text (linear on long argument lists).
const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const TOKEN_END = /[\s,)]|$/g;

/** Parsing stops here; the quota check reports anything deeper than MAX_INTRINSIC_NESTING. */
const PARSE_DEPTH_LIMIT = 64;

/** True when a string is written as a function call (`Name(` or `States.…`), as opposed to a path or plain text. */
export function looksLikeIntrinsic(text: string): boolean {
  // Most strings asked about are paths, and neither pattern can start with `$`.
  if (text.charCodeAt(0) === 36) return false;
  return /^\s*[A-Za-z0-9_.]+\s*\(/.test(text) || /^\s*States\./.test(text);
}

class IntrinsicError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Parses a whole field value as one intrinsic function call. Never throws. */
export function parseIntrinsic(text: string): IntrinsicParseResult {
  try {
    const parser = new IntrinsicParser(text);
    // AWS's own validators (statelint, the language service) reject blanks before the name.
    if (/^\s/.test(text)) throw new IntrinsicError('blank before the function name', 0);
    const call = parser.call(1);
    parser.blanks();
    if (parser.i < text.length) throw new IntrinsicError(`unexpected "${text.slice(parser.i, parser.i + 10)}" after the call`, parser.i);
    return { ok: true, call };
  } catch (error) {
    if (error instanceof IntrinsicError) return { ok: false, error: { message: error.message, offset: error.offset } };
    throw error;
  }
}

class IntrinsicParser {
  i = 0;
  constructor(private readonly text: string) {}

  blanks(): void {
    while (this.i < this.text.length && /\s/.test(this.text[this.i])) this.i += 1;
  }

  private identifier(): string {
    const start = this.i;
    while (this.i < this.text.length && /[A-Za-z0-9_.]/.test(this.text[this.i])) this.i += 1;
    return this.text.slice(start, this.i);
  }

  call(depth: number): IntrinsicCall {
    if (depth > PARSE_DEPTH_LIMIT) throw new IntrinsicError(`more than ${PARSE_DEPTH_LIMIT} nested calls`, this.i);
    const start = this.i;
    const name = this.identifier();
    if (name.length === 0) throw new IntrinsicError(this.i < this.text.length ? `expected a function name, found "${this.text[this.i]}"` : 'expected a function name', this.i);
    this.blanks();
    if (this.text[this.i] !== '(') throw new IntrinsicError(`expected "(" after ${name}`, this.i);
    this.i += 1;
    this.blanks();
    const args: IntrinsicArgument[] = [];
    if (this.text[this.i] === ')') {
      this.i += 1;
      return { name, nameStart: start, args, start, end: this.i, depth };
    }
    for (;;) {
      args.push(this.argument(depth));
      this.blanks();
      const c = this.text[this.i];
      if (c === ',') {
        this.i += 1;
        this.blanks();
        continue;
      }
      if (c === ')') {
        this.i += 1;
        return { name, nameStart: start, args, start, end: this.i, depth };
      }
      throw new IntrinsicError(this.i >= this.text.length ? `missing ")" to close ${name}(` : `expected "," or ")" after an argument, found "${c}"`, this.i);
    }
  }

  private argument(depth: number): IntrinsicArgument {
    const { text } = this;
    const start = this.i;
    const c = text[this.i];
    if (c === undefined) throw new IntrinsicError('expected an argument', this.i);
    if (c === "'") return this.string();
    if (c === '$') return this.path();
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    if (/[A-Za-z_.]/.test(c)) {
      const word = this.identifier();
      const after = this.i;
      this.blanks();
      if (text[this.i] === '(') {
        this.i = start;
        const call = this.call(depth + 1);
        return { kind: 'call', call, start, end: call.end };
      }
      this.i = after;
      if (word === 'true' || word === 'false') return { kind: 'boolean', value: word === 'true', start, end: after };
      if (word === 'null') return { kind: 'null', start, end: after };
      throw new IntrinsicError(`"${word}" is not an argument: strings are quoted with single quotes ('…'), paths start with "$"`, start);
    }
    if (c === '"') throw new IntrinsicError(`strings in intrinsic functions are quoted with single quotes ('…'), not double quotes`, start);
    throw new IntrinsicError(`unexpected "${c}": expected a string, number, path or function call`, start);
  }

  /** `'…'` with `\'`, `\{`, `\}`, `\\` escapes; counts unescaped `{}` placeholders for States.Format. */
  private string(): IntrinsicArgument {
    const { text } = this;
    const start = this.i;
    this.i += 1;
    let value = '';
    let placeholders = 0;
    while (this.i < text.length) {
      const c = text[this.i];
      if (c === '\\') {
        if (this.i + 1 >= text.length) break;
        value += text[this.i + 1];
        this.i += 2;
        continue;
      }
      if (c === "'") {
        this.i += 1;
        return { kind: 'string', value, start, end: this.i, placeholders };
      }
      if (c === '{' && text[this.i + 1] === '}') placeholders += 1;
      value += c;
      this.i += 1;
    }
    throw new IntrinsicError('unterminated string: a quote inside a string is written \\\'', start);
  }

  private number(): IntrinsicArgument {
    const { text } = this;
    const start = this.i;
    NUMBER.lastIndex = start;
    const match = NUMBER.exec(text);
    const end = start + (match ? match[0].length : 0);
    if (!match || (end < text.length && !/[\s,)]/.test(text[end]))) {
      TOKEN_END.lastIndex = start;
      const tokenEnd = TOKEN_END.exec(text)?.index ?? text.length;
      throw new IntrinsicError(`"${text.slice(start, Math.max(tokenEnd, start + 1))}" is not a number`, start);
    }
    this.i = end;
    return { kind: 'number', value: Number(match[0]), start, end };
  }

  /** A path argument runs to the next top-level ",", ")" or blank. */
  private path(): IntrinsicArgument {
    const { text } = this;
    const start = this.i;
    let depth = 0;
    while (this.i < text.length) {
      const c = text[this.i];
      if (c === "'" || c === '"') {
        const quote = c;
        this.i += 1;
        while (this.i < text.length && text[this.i] !== quote) this.i += text[this.i] === '\\' ? 2 : 1;
        this.i += 1;
        continue;
      }
      if (c === '[' || c === '(') depth += 1;
      else if (c === ']' || c === ')') {
        if (depth === 0) break;
        depth -= 1;
      } else if (depth === 0 && (c === ',' || /\s/.test(c))) break;
      this.i += 1;
    }
    this.i = Math.min(this.i, text.length);
    const pathText = text.slice(start, this.i);
    const parsed = parsePath(pathText, 'path');
    if (!parsed.ok) throw new IntrinsicError(`path ${pathText}: ${parsed.error.message}`, start + parsed.error.offset);
    return { kind: 'path', text: pathText, start, end: this.i };
  }
}

/** One problem found in a well-formed call; `offset` is inside the field's text. */
export interface IntrinsicProblem {
  readonly kind:
    | 'unknown-function'
    | 'arity'
    | 'argument-type'
    | 'format-placeholders'
    | 'json-merge-deep'
    | 'hash-algorithm'
    | 'argument-value'
    | 'too-deep';
  readonly message: string;
  readonly offset: number;
  /** The function concerned, e.g. `States.Format`. */
  readonly function: string;
  /** For unknown functions: the closest real one. */
  readonly suggestion?: string;
}

/** Checks a parsed call and every call nested in it. Iterative; the parser bounds the depth. */
export function checkIntrinsic(root: IntrinsicCall): IntrinsicProblem[] {
  const problems: IntrinsicProblem[] = [];
  const stack: IntrinsicCall[] = [root];
  let tooDeepReported = false;
  while (stack.length > 0) {
    const call = stack.pop()!;
    if (call.depth > MAX_INTRINSIC_NESTING && !tooDeepReported) {
      tooDeepReported = true;
      problems.push({
        kind: 'too-deep',
        function: call.name,
        offset: call.start,
        message: `${call.depth} intrinsic functions are nested here; Step Functions allows at most ${MAX_INTRINSIC_NESTING} in one field`,
      });
    }
    checkCall(call, problems);
    for (let i = call.args.length - 1; i >= 0; i--) {
      const arg = call.args[i];
      if (arg.kind === 'call') stack.push(arg.call);
    }
  }
  return problems.sort((a, b) => a.offset - b.offset);
}

function checkCall(call: IntrinsicCall, problems: IntrinsicProblem[]): void {
  const fn = INTRINSIC_FUNCTIONS.get(call.name);
  if (!fn) {
    const suggestion = closestMatch(call.name, INTRINSIC_FUNCTION_NAMES) ?? closestMatch(`States.${call.name}`, INTRINSIC_FUNCTION_NAMES);
    problems.push({
      kind: 'unknown-function',
      function: call.name,
      offset: call.nameStart,
      message: `${call.name} is not an intrinsic function`,
      ...(suggestion ? { suggestion } : {}),
    });
    return;
  }
  const count = call.args.length;
  if (count < fn.minArgs || count > fn.maxArgs) {
    problems.push({ kind: 'arity', function: fn.name, offset: call.nameStart, message: `${fn.name} takes ${arityText(fn)}, not ${count}` });
    return;
  }
  call.args.forEach((arg, index) => {
    const expected = fn.parameters[Math.min(index, fn.parameters.length - 1)];
    const actual = argumentType(arg);
    if (!typeAccepts(expected, actual)) {
      problems.push({
        kind: 'argument-type',
        function: fn.name,
        offset: arg.start,
        message: `argument ${index + 1} of ${fn.name} must be ${typeText(expected)}, but ${describeArgument(arg)} is ${typeText(actual)}`,
      });
    }
  });
  checkSpecifics(fn, call, problems);
}

function checkSpecifics(fn: IntrinsicFunctionSpec, call: IntrinsicCall, problems: IntrinsicProblem[]): void {
  const [a, b, c] = call.args;
  const push = (kind: IntrinsicProblem['kind'], offset: number, message: string): void => {
    problems.push({ kind, function: fn.name, offset, message });
  };
  switch (fn.name) {
    case 'States.Format':
      if (a.kind === 'string' && a.placeholders !== call.args.length - 1) {
        push('format-placeholders', a.start, `the template of States.Format has ${a.placeholders} {} placeholder${a.placeholders === 1 ? '' : 's'} but ${call.args.length - 1} value${call.args.length === 2 ? ' follows' : 's follow'}`);
      }
      break;
    case 'States.JsonToString':
      if (a.kind !== 'path' && a.kind !== 'call') push('argument-value', a.start, 'States.JsonToString takes a path to the data to serialize, not a literal');
      break;
    case 'States.JsonMerge':
      if (c.kind === 'boolean' && c.value) push('json-merge-deep', c.start, 'States.JsonMerge supports only a shallow merge: its third argument must be false');
      break;
    case 'States.Hash':
      if (b.kind === 'string' && !HASH_ALGORITHMS.includes(b.value)) {
        const suggestion = closestMatch(b.value, HASH_ALGORITHMS);
        push('hash-algorithm', b.start, `'${b.value}' is not a hash algorithm of States.Hash (${HASH_ALGORITHMS.join(', ')})${suggestion ? `; did you mean '${suggestion}'?` : ''}`);
      }
      if (a.kind === 'string' && a.value.length > MAX_INTRINSIC_INPUT_CHARS) push('argument-value', a.start, `the input of States.Hash is ${a.value.length} characters; the limit is ${MAX_INTRINSIC_INPUT_CHARS}`);
      break;
    case 'States.Base64Encode':
    case 'States.Base64Decode':
      if (a.kind === 'string' && a.value.length > MAX_INTRINSIC_INPUT_CHARS) push('argument-value', a.start, `the input of ${fn.name} is ${a.value.length} characters; the limit is ${MAX_INTRINSIC_INPUT_CHARS}`);
      break;
    case 'States.ArrayRange':
      // Step Functions rounds non-integers; flag only what every rounding makes 0.
      if (c.kind === 'number' && Math.abs(c.value) < 0.5) push('argument-value', c.start, 'the step of States.ArrayRange must not be 0');
      else if (a.kind === 'number' && b.kind === 'number' && c.kind === 'number' && [a, b, c].every((n) => Number.isInteger(n.value))) {
        const [start, end, step] = [a.value, b.value, c.value];
        const items = (end - start) / step < 0 ? 0 : Math.floor((end - start) / step) + 1;
        if (items > MAX_ARRAY_RANGE_ITEMS) push('argument-value', a.start, `States.ArrayRange(${start}, ${end}, ${step}) would return ${items} items; the limit is ${MAX_ARRAY_RANGE_ITEMS}`);
      }
      break;
    case 'States.ArrayPartition':
      if (b.kind === 'number' && b.value < 0.5) push('argument-value', b.start, 'the chunk size of States.ArrayPartition must be a positive number');
      break;
    case 'States.MathAdd':
      for (const arg of call.args) {
        if (arg.kind === 'number' && (arg.value < -2147483648 || arg.value > 2147483647)) push('argument-value', arg.start, `${arg.value} is outside the 32-bit integer range States.MathAdd accepts`);
      }
      break;
  }
}

function arityText(fn: IntrinsicFunctionSpec): string {
  if (fn.maxArgs === Infinity) return `at least ${fn.minArgs} argument${fn.minArgs === 1 ? '' : 's'}`;
  if (fn.minArgs === fn.maxArgs) return fn.minArgs === 0 ? 'no arguments' : `${fn.minArgs} argument${fn.minArgs === 1 ? '' : 's'}`;
  return `${fn.minArgs} or ${fn.maxArgs} arguments`;
}

type ArgumentType = IntrinsicValueType | 'null';

function argumentType(arg: IntrinsicArgument): ArgumentType {
  switch (arg.kind) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
      return arg.kind;
    case 'path':
      return 'any';
    case 'call':
      return INTRINSIC_FUNCTIONS.get(arg.call.name)?.returns ?? 'any';
  }
}

function typeAccepts(expected: IntrinsicValueType, actual: ArgumentType): boolean {
  if (expected === 'any' || actual === 'any') return true;
  if (expected === 'scalar') return actual !== 'array' && actual !== 'object';
  return expected === actual;
}

function typeText(type: ArgumentType): string {
  switch (type) {
    case 'array':
    case 'object':
      return `an ${type}`;
    case 'scalar':
      return 'a string, number, boolean or null';
    case 'null':
      return 'null';
    case 'any':
      return 'any value';
    default:
      return `a ${type}`;
  }
}

function describeArgument(arg: IntrinsicArgument): string {
  switch (arg.kind) {
    case 'string':
      return `'${arg.value.length > 30 ? `${arg.value.slice(0, 29)}…` : arg.value}'`;
    case 'number':
    case 'boolean':
      return String(arg.value);
    case 'null':
      return 'null';
    case 'path':
      return arg.text;
    case 'call':
      return `${arg.call.name}(…)`;
  }
}
