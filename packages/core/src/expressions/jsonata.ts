/**
 * JSONata expressions of JSONata states (`{% … %}`): parsing with the `jsonata` package, loaded lazily
 * the first time a document holds an expression, and the checks Step Functions makes on the AST.
 * `jsonata(text)` only tokenizes and parses; nothing is evaluated (evaluation needs `.evaluate()`).
 */
import { createRequire } from 'node:module';

/** The part of the jsonata AST these checks read. */
export interface JsonataNode {
  readonly type: string;
  readonly value?: unknown;
  /** Offset just after the node's token in the expression body. */
  readonly position?: number;
  readonly steps?: readonly JsonataNode[];
  readonly lhs?: JsonataNode | readonly (readonly JsonataNode[])[];
  readonly rhs?: JsonataNode;
  readonly expression?: JsonataNode;
  readonly expressions?: readonly JsonataNode[];
  readonly arguments?: readonly JsonataNode[];
  readonly procedure?: JsonataNode;
  readonly condition?: JsonataNode;
  readonly then?: JsonataNode;
  readonly else?: JsonataNode;
  readonly body?: JsonataNode;
  readonly stages?: readonly JsonataNode[];
  readonly predicate?: readonly JsonataNode[];
  readonly group?: { readonly lhs: readonly (readonly JsonataNode[])[] };
  readonly expr?: JsonataNode;
  readonly terms?: readonly { readonly expression: JsonataNode }[];
  readonly pattern?: JsonataNode;
  readonly update?: JsonataNode;
  readonly delete?: JsonataNode;
}

export interface JsonataSyntaxError {
  /** jsonata's error code, e.g. `S0203`. */
  readonly code: string;
  readonly message: string;
  /** Offset in the expression body, when jsonata gives one. */
  readonly position?: number;
}

export type JsonataParseResult = { readonly ok: true; readonly ast: JsonataNode } | { readonly ok: false; readonly error: JsonataSyntaxError };

type JsonataFactory = (expression: string) => { ast(): JsonataNode };

let factory: JsonataFactory | undefined;

function loadJsonata(): JsonataFactory {
  if (!factory) factory = createRequire(import.meta.url)('jsonata') as JsonataFactory;
  return factory;
}

// Rules parse the same expressions (asl/jsonata, asl/intrinsic-functions); keep a few hundred small ones.
const CACHE_LIMIT = 500;
const CACHE_MAX_BODY = 4096;
const cache = new Map<string, JsonataParseResult>();

/** Parses the body of a `{% … %}` string (without the delimiters). Never throws, never evaluates. */
export function parseJsonata(body: string): JsonataParseResult {
  const cached = cache.get(body);
  if (cached) return cached;
  let result: JsonataParseResult;
  try {
    result = { ok: true, ast: loadJsonata()(body).ast() };
  } catch (error) {
    const e = (error ?? {}) as { code?: unknown; message?: unknown; position?: unknown };
    result = {
      ok: false,
      error: {
        code: typeof e.code === 'string' ? e.code : 'S0000',
        message: typeof e.message === 'string' ? e.message : String(error),
        ...(typeof e.position === 'number' ? { position: e.position } : {}),
      },
    };
  }
  if (body.length <= CACHE_MAX_BODY) {
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(body, result);
  }
  return result;
}

/** Constructs Step Functions rejects in a JSONata expression. */
export interface JsonataRestriction {
  readonly kind: 'context-root' | 'root-dollar' | 'bare-field' | 'eval';
  /** The offending text: `$`, `$$`, the field name, `$eval`. */
  readonly text: string;
  readonly position?: number;
}

/** A `$states.<member>` reference. */
export interface StatesReference {
  readonly member: string;
  readonly position?: number;
}

/** A call written like an intrinsic function, `States.Format(…)`, which JSONata cannot run. */
export interface IntrinsicLikeCall {
  readonly name: string;
  readonly position?: number;
}

export interface JsonataFacts {
  readonly restrictions: JsonataRestriction[];
  readonly statesReferences: StatesReference[];
  readonly intrinsicCalls: IntrinsicLikeCall[];
}

/**
 * Walks the AST once (iteratively) and collects what Step Functions forbids: `$$` anywhere, `$eval`, and `$` or bare
 * field names evaluated against the input at the top of the expression. The top-level test is conservative: it follows
 * only operators, conditions, blocks, bindings, constructors and call arguments, never path steps after the first,
 * predicates, lambdas or transforms, where the context is something else.
 */
export function jsonataFacts(ast: JsonataNode): JsonataFacts {
  const restrictions: JsonataRestriction[] = [];
  const statesReferences: StatesReference[] = [];
  const intrinsicCalls: IntrinsicLikeCall[] = [];
  const boundEval = bindsEval(ast);
  const stack: { node: JsonataNode; top: boolean }[] = [{ node: ast, top: true }];
  while (stack.length > 0) {
    const { node, top } = stack.pop()!;
    const push = (child: JsonataNode | undefined, childTop: boolean): void => {
      if (child && typeof child === 'object' && typeof child.type === 'string') stack.push({ node: child, top: childTop });
    };
    switch (node.type) {
      case 'variable':
        if (node.value === '$') restrictions.push({ kind: 'root-dollar', text: '$$', position: node.position });
        else if (node.value === '' && top) restrictions.push({ kind: 'context-root', text: '$', position: node.position });
        break;
      case 'path': {
        const steps = node.steps ?? [];
        const first = steps[0];
        const second = steps[1];
        if (first?.type === 'name' && first.value === 'States' && second?.type === 'function' && second.procedure?.type === 'path') {
          const name = second.procedure.steps?.[0]?.value;
          intrinsicCalls.push({ name: `States.${String(name)}`, position: first.position });
          second.arguments?.forEach((arg) => push(arg, top));
          break;
        }
        if (first?.type === 'variable' && first.value === 'states' && second?.type === 'name' && typeof second.value === 'string') {
          statesReferences.push({ member: second.value, position: second.position });
        }
        if (top && first?.type === 'name' && typeof first.value === 'string') {
          restrictions.push({ kind: 'bare-field', text: first.value, position: first.position });
        }
        steps.forEach((step, index) => push(step, top && index === 0));
        pushGroup(node, push);
        break;
      }
      case 'function':
      case 'partial':
        if (node.procedure?.type === 'variable' && node.procedure.value === 'eval' && !boundEval) {
          restrictions.push({ kind: 'eval', text: '$eval', position: node.procedure.position });
        }
        push(node.procedure, top);
        node.arguments?.forEach((arg) => push(arg, top));
        break;
      case 'binary':
        push(node.lhs as JsonataNode, top);
        push(node.rhs, top);
        break;
      case 'bind':
        push(node.rhs, top);
        break;
      case 'apply':
        push(node.lhs as JsonataNode, top);
        push(node.rhs, false);
        break;
      case 'condition':
        push(node.condition, top);
        push(node.then, top);
        push(node.else, top);
        break;
      case 'block':
        node.expressions?.forEach((e) => push(e, top));
        break;
      case 'unary':
        if (node.value === '{' && Array.isArray(node.lhs)) {
          for (const pair of node.lhs as readonly (readonly JsonataNode[])[]) pair.forEach((e) => push(e, top));
        } else {
          push(node.expression, top);
          node.expressions?.forEach((e) => push(e, top));
        }
        break;
      case 'lambda':
        push(node.body, false);
        break;
      case 'transform':
        push(node.pattern, false);
        push(node.update, false);
        push(node.delete, false);
        break;
      case 'sort':
        node.terms?.forEach((term) => push(term.expression, false));
        break;
      case 'filter':
        push(node.expr, false);
        break;
      default:
        break;
    }
    node.stages?.forEach((stage) => push(stage, false));
    node.predicate?.forEach((p) => push(p, false));
    if (node.type !== 'path') pushGroup(node, push);
  }
  const byPosition = (a: { position?: number }, b: { position?: number }): number => (a.position ?? 0) - (b.position ?? 0);
  return { restrictions: restrictions.sort(byPosition), statesReferences: statesReferences.sort(byPosition), intrinsicCalls: intrinsicCalls.sort(byPosition) };
}

function pushGroup(node: JsonataNode, push: (child: JsonataNode | undefined, top: boolean) => void): void {
  for (const pair of node.group?.lhs ?? []) pair.forEach((e) => push(e, false));
}

/** True when the expression defines its own `$eval` (then a call to it is not JSONata's `$eval`). */
function bindsEval(ast: JsonataNode): boolean {
  const stack: unknown[] = [ast];
  let budget = 100_000;
  while (stack.length > 0 && budget-- > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      stack.push(...value);
      continue;
    }
    if (!value || typeof value !== 'object') continue;
    const node = value as JsonataNode;
    if (node.type === 'bind' && (node.lhs as JsonataNode | undefined)?.type === 'variable' && (node.lhs as JsonataNode).value === 'eval') return true;
    if (node.type === 'lambda' && node.arguments?.some((a) => a.type === 'variable' && a.value === 'eval')) return true;
    for (const key of Object.keys(node)) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (child && typeof child === 'object') stack.push(child);
    }
  }
  return false;
}
