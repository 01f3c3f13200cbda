import { createRequire } from 'node:module';
import type { AstNode, ObjectNode, PropertyNode, Range } from '../ast.js';
import type { Definition, ExtractResult, WorkflowType } from '../definition.js';
import { MAX_DEPTH, type ParseProblem } from '../parse.js';
import type { HostContext, LinkedDefinition } from './host-context.js';
import { parseEmbeddedJson } from './embedded-json.js';
import { MappedTextBuilder, type MappedText } from './mapped-text.js';
import { placeholdersInTree } from './linked.js';
import { decodeJsString, decodeTemplateChunk } from './string-literals.js';

/**
 * AWS CDK code, read statically with typescript-estree: object literals become definition nodes with
 * their own source ranges; anything computed (an identifier, a call, a template expression) becomes an
 * opaque `${source}` string. Nothing is evaluated.
 */

export function isCdkSource(filePath: string): boolean {
  return /\.[cm]?[jt]sx?$/i.test(filePath);
}

/** The subset of ESTree this extractor reads. */
interface EsNode {
  readonly type: string;
  readonly range: [number, number];
  readonly [key: string]: unknown;
}

type Estree = { parse(code: string, options: object): { body: EsNode[] } };

let estree: Estree | undefined;
function loadEstree(): Estree {
  estree ??= createRequire(import.meta.url)('@typescript-eslint/typescript-estree') as Estree;
  return estree;
}

const MAX_OPAQUE_TEXT = 80;

export function extractCdk(text: string, filePath: string): ExtractResult {
  // A cheap test first: most code files never mention Step Functions.
  if (!/CustomState|DefinitionBody|CfnStateMachine/.test(text)) return { definitions: [], problems: [] };
  let program: { body: EsNode[] };
  try {
    // The file name tells TypeScript whether `<T>x` is a type assertion (.ts) or JSX (.tsx, .jsx).
    program = loadEstree().parse(text, { filePath: isCdkSource(filePath) ? filePath : 'stack.ts', range: true, loc: false, jsx: /x$/i.test(filePath), comment: false, errorOnUnknownASTType: false });
  } catch (error) {
    const offset = typeof (error as { index?: unknown }).index === 'number' ? (error as { index: number }).index : 0;
    const message = error instanceof Error ? error.message : String(error);
    const problem: ParseProblem = { kind: 'syntax', message: `TypeScript: ${message.split('\n')[0]}`, range: { start: offset, end: Math.min(text.length, offset + 1) } };
    return { definitions: [], problems: [problem] };
  }
  const reader = new CdkReader(text);
  reader.walk(program as unknown as EsNode);
  return { definitions: reader.definitions, problems: reader.problems, ...(reader.linked.length ? { linked: reader.linked } : {}) };
}

function calleeName(node: unknown): string | undefined {
  const callee = node as EsNode | undefined;
  if (callee?.type === 'Identifier') return callee.name as string;
  if (callee?.type === 'MemberExpression' && !callee.computed) return ((callee.property as EsNode).name as string) ?? undefined;
  return undefined;
}

/** `DefinitionBody.fromString` → `['DefinitionBody', 'fromString']` (the last two names of a member chain). */
function memberNames(node: unknown): [string | undefined, string | undefined] {
  const member = node as EsNode | undefined;
  if (member?.type !== 'MemberExpression' || member.computed) return [undefined, undefined];
  return [calleeName(member.object), (member.property as EsNode).name as string];
}

function unwrap(node: EsNode): EsNode {
  let current = node;
  while (['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion', 'ParenthesizedExpression'].includes(current.type)) {
    current = current.expression as EsNode;
  }
  return current;
}

function objectProperty(object: EsNode | undefined, name: string): EsNode | undefined {
  if (object?.type !== 'ObjectExpression') return undefined;
  for (const property of object.properties as EsNode[]) {
    if (property.type !== 'Property' || property.computed) continue;
    const key = property.key as EsNode;
    if ((key.type === 'Identifier' && key.name === name) || (key.type === 'Literal' && key.value === name)) return unwrap(property.value as EsNode);
  }
  return undefined;
}

/** What a construct says about its state machine besides the definition. */
interface MachineProps {
  readonly id: string | undefined;
  readonly workflowType: WorkflowType | undefined;
  /** Keys of a literal `definitionSubstitutions`; undefined when it is computed. */
  readonly substitutions: ReadonlySet<string> | undefined;
}

class CdkReader {
  readonly definitions: Definition[] = [];
  readonly problems: ParseProblem[] = [];
  readonly linked: LinkedDefinition[] = [];
  /** `const name = …` of the file, so that `JSON.stringify(definition)` finds its object; null when declared twice. */
  private readonly constants = new Map<string, EsNode | null>();
  /** Calls already read as part of a `new StateMachine(…)`, not to be read again on their own. */
  private readonly seen = new Set<EsNode>();

  constructor(private readonly text: string) {}

  walk(root: EsNode): void {
    this.forEachNode(root, (node) => this.collectConstant(node));
    // A DefinitionBody given to a StateMachine is read with it (its id and type), not on its own.
    this.forEachNode(root, (node) => {
      if (node.type !== 'NewExpression' || calleeName(node.callee) !== 'StateMachine') return;
      const props = (node.arguments as EsNode[]).map(unwrap).find((arg) => arg.type === 'ObjectExpression');
      const body = this.resolve(objectProperty(props, 'definitionBody'));
      if (body?.type === 'CallExpression') this.seen.add(body);
    });
    this.forEachNode(root, (node) => this.visit(node));
  }

  private forEachNode(root: EsNode, action: (node: EsNode) => void): void {
    const stack: EsNode[] = [root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      action(node);
      // Children in reverse so definitions come out in source order.
      const children: EsNode[] = [];
      for (const key of Object.keys(node)) {
        if (key === 'parent' || key === 'range') continue;
        const value = node[key];
        if (Array.isArray(value)) {
          for (const item of value) if (isEsNode(item)) children.push(item);
        } else if (isEsNode(value)) children.push(value);
      }
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }

  private collectConstant(node: EsNode): void {
    if (node.type !== 'VariableDeclaration' || node.kind !== 'const') return;
    for (const declarator of node.declarations as EsNode[]) {
      const id = declarator.id as EsNode;
      if (id.type !== 'Identifier' || !declarator.init) continue;
      const name = id.name as string;
      this.constants.set(name, this.constants.has(name) ? null : (declarator.init as EsNode));
    }
  }

  /** An expression, or what the constant it names holds (a few steps, so `const a = b` chains end). */
  private resolve(node: EsNode | undefined): EsNode | undefined {
    let current = node && unwrap(node);
    for (let step = 0; step < 4 && current?.type === 'Identifier'; step++) {
      const init = this.constants.get(current.name as string);
      if (!init) break;
      current = unwrap(init);
    }
    return current;
  }

  private visit(node: EsNode): void {
    if (node.type === 'NewExpression') {
      const name = calleeName(node.callee);
      const args = (node.arguments as EsNode[]).map(unwrap);
      const id = args[1]?.type === 'Literal' && typeof args[1].value === 'string' ? args[1].value : undefined;
      const props = args.find((arg) => arg.type === 'ObjectExpression');
      const machine: MachineProps = { id, workflowType: this.workflowType(props), substitutions: substitutionKeys(props) };
      if (name === 'CustomState') {
        const stateJson = this.resolve(objectProperty(props, 'stateJson'));
        if (stateJson?.type === 'ObjectExpression') this.pushObject('state', stateJson, { id, workflowType: undefined, substitutions: undefined });
      } else if (name === 'CfnStateMachine') {
        const definition = this.resolve(objectProperty(props, 'definition'));
        const definitionString = this.resolve(objectProperty(props, 'definitionString'));
        if (definition?.type === 'ObjectExpression') this.pushObject('state-machine', definition, machine);
        else if (definitionString) this.readDefinitionText(definitionString, machine);
      } else if (name === 'StateMachine') {
        const body = this.resolve(objectProperty(props, 'definitionBody'));
        if (body?.type === 'CallExpression') this.readDefinitionBody(body, machine);
      }
    } else if (node.type === 'CallExpression' && !this.seen.has(node)) {
      this.readDefinitionBody(node, { id: undefined, workflowType: undefined, substitutions: undefined });
    }
  }

  private readDefinitionBody(call: EsNode, machine: MachineProps): void {
    const [owner, method] = memberNames(call.callee);
    if (owner !== 'DefinitionBody') return;
    const argument = (call.arguments as EsNode[])[0];
    if (!argument) return;
    if (method === 'fromString') this.readDefinitionText(this.resolve(argument)!, machine);
    else if (method === 'fromFile') {
      const path = this.staticPath(unwrap(argument));
      if (path === undefined) return;
      const { id, workflowType } = machine;
      this.linked.push({ path, range: { start: argument.range[0], end: argument.range[1] }, host: 'cdk', ...(id ? { name: id } : {}), ...(workflowType ? { workflowType } : {}), hostContext: this.context(machine, []) });
    }
  }

  /** `JSON.stringify({…})`, a string literal or a template literal holding JSON. */
  private readDefinitionText(node: EsNode, machine: MachineProps): void {
    if (node.type === 'CallExpression' && calleeName(node.callee) === 'stringify' && memberNames(node.callee)[0] === 'JSON') {
      const value = this.resolve((node.arguments as EsNode[])[0] ?? node)!;
      if (value.type === 'ObjectExpression') this.pushObject('state-machine', value, machine);
      return;
    }
    const mapped = this.stringText(node);
    if (!mapped) return;
    const embedded = parseEmbeddedJson(mapped, undefined);
    this.problems.push(...embedded.problems);
    if (embedded.root) this.push('state-machine', embedded.root, node.range, machine, embedded.placeholders);
  }

  private pushObject(kind: Definition['kind'], object: EsNode, machine: MachineProps): void {
    const root = this.convert(object, 0);
    // Placeholders in plain string literals; `${…}` of a template literal is code, not a placeholder.
    const placeholders = placeholdersInTree(root, (node) => {
      const quote = this.text[node.range.start];
      return quote === '"' || quote === "'" ? decodeJsString(this.text, node.range, node.value) : undefined;
    });
    this.push(kind, root, object.range, machine, placeholders);
  }

  private stringText(node: EsNode): MappedText | undefined {
    const range = { start: node.range[0], end: node.range[1] };
    if (node.type === 'Literal' && typeof node.value === 'string') return decodeJsString(this.text, range, node.value);
    if (node.type !== 'TemplateLiteral') return undefined;
    const builder = new MappedTextBuilder(range.start);
    const quasis = node.quasis as EsNode[];
    const expressions = node.expressions as EsNode[];
    quasis.forEach((quasi, index) => {
      const tail = index === quasis.length - 1;
      builder.append(decodeTemplateChunk(this.text, quasi.range[0] + 1, quasi.range[1] - (tail ? 1 : 2)));
      const expression = expressions[index];
      if (expression) builder.pushOpaque(this.opaque(expression), { start: expression.range[0], end: expression.range[1] });
    });
    return builder.build(range.end);
  }

  /** `'file.json'` or `path.join(__dirname, 'a', 'b.json')`, relative to the source file's directory. */
  private staticPath(node: EsNode): string | undefined {
    if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
    if (node.type === 'CallExpression' && ['join', 'resolve'].includes(calleeName(node.callee) ?? '')) {
      const parts = (node.arguments as EsNode[]).map(unwrap);
      if (parts[0]?.type !== 'Identifier' || parts[0].name !== '__dirname') return undefined;
      const rest = parts.slice(1);
      if (!rest.every((part) => part.type === 'Literal' && typeof part.value === 'string')) return undefined;
      return ['.', ...rest.map((part) => part.value as string)].join('/');
    }
    return undefined;
  }

  /** `stateMachineType` of the construct's props: STANDARD when a literal props object omits it. */
  private workflowType(props: EsNode | undefined): WorkflowType | undefined {
    const node = this.resolve(objectProperty(props, 'stateMachineType'));
    if (!node) return props?.type === 'ObjectExpression' && !(props.properties as EsNode[]).some((p) => p.type === 'SpreadElement') ? 'STANDARD' : undefined;
    const value = node.type === 'Literal' ? node.value : node.type === 'MemberExpression' ? (node.property as EsNode).name : undefined;
    return value === 'EXPRESS' || value === 'STANDARD' ? value : undefined;
  }

  private context(machine: MachineProps, placeholders: HostContext['placeholders']): HostContext {
    const { id, substitutions } = machine;
    return {
      template: 'cdk',
      ...(id ? { logicalId: id } : {}),
      // CDK substitutes only definitionSubstitutions; parameters and resources are not names here.
      ...(substitutions ? { substitutions: { definitionSubstitutions: substitutions, parameters: new Set<string>(), resources: new Set<string>() } } : {}),
      placeholders,
    };
  }

  private push(kind: Definition['kind'], root: AstNode, range: [number, number], machine: MachineProps, placeholders: HostContext['placeholders']): void {
    const { id, workflowType } = machine;
    this.definitions.push({
      kind,
      root,
      host: 'cdk',
      ...(id ? { name: id } : {}),
      ...(workflowType ? { workflowType } : {}),
      // Fixes are written as JSON; code may hold comments, spreads and expressions around them.
      editable: false,
      hostRange: { start: range[0], end: range[1] },
      hostContext: this.context(machine, placeholders),
    });
  }

  private opaque(node: EsNode): string {
    const source = this.text.slice(node.range[0], node.range[1]).replace(/\s+/g, ' ');
    return `\${${source.length > MAX_OPAQUE_TEXT ? `${source.slice(0, MAX_OPAQUE_TEXT - 1)}…` : source}}`;
  }

  /** An expression as a definition node; depth-bounded like the JSON and YAML parsers. */
  private convert(input: EsNode, depth: number): AstNode {
    const node = unwrap(input);
    const range: Range = { start: node.range[0], end: node.range[1] };
    if (depth > MAX_DEPTH) return { kind: 'null', value: null, range };
    switch (node.type) {
      case 'ObjectExpression': {
        const object: ObjectNode = { kind: 'object', properties: [], range };
        for (const property of node.properties as EsNode[]) {
          if (property.type !== 'Property') continue;
          const key = property.key as EsNode;
          const name = property.computed ? this.opaque(key) : key.type === 'Identifier' ? (key.name as string) : String(key.value);
          const value = this.convert(property.value as EsNode, depth + 1);
          value.parent = object;
          const converted: PropertyNode = { key: name, keyRange: { start: key.range[0], end: key.range[1] }, value };
          object.properties.push(converted);
        }
        return object;
      }
      case 'ArrayExpression': {
        const array: AstNode = { kind: 'array', items: [], range };
        for (const element of node.elements as (EsNode | null)[]) {
          const item: AstNode = element ? this.convert(element, depth + 1) : { kind: 'null', value: null, range };
          item.parent = array;
          array.items.push(item);
        }
        return array;
      }
      case 'Literal': {
        const value = node.value;
        if (typeof value === 'string') return { kind: 'string', value, range };
        if (typeof value === 'number') return { kind: 'number', value, range };
        if (typeof value === 'boolean') return { kind: 'boolean', value, range };
        if (value === null && node.raw === 'null') return { kind: 'null', value: null, range };
        break;
      }
      case 'TemplateLiteral': {
        const mapped = this.stringText(node);
        if (mapped) return { kind: 'string', value: mapped.text, range };
        break;
      }
      case 'UnaryExpression': {
        const argument = unwrap(node.argument as EsNode);
        if (node.operator === '-' && argument.type === 'Literal' && typeof argument.value === 'number') return { kind: 'number', value: -argument.value, range };
        break;
      }
    }
    return { kind: 'string', value: this.opaque(node), range };
  }
}

/** Keys of a literal `definitionSubstitutions` object; none when there is no such property. */
function substitutionKeys(props: EsNode | undefined): ReadonlySet<string> | undefined {
  if (props?.type !== 'ObjectExpression') return new Set();
  const substitutions = objectProperty(props, 'definitionSubstitutions');
  if (!substitutions) {
    // A spread may bring the property in: then nothing is known.
    return (props.properties as EsNode[]).some((property) => property.type === 'SpreadElement') ? undefined : new Set();
  }
  if (substitutions.type !== 'ObjectExpression') return undefined;
  const keys = new Set<string>();
  for (const property of substitutions.properties as EsNode[]) {
    if (property.type !== 'Property' || property.computed) return undefined;
    const key = property.key as EsNode;
    keys.add(key.type === 'Identifier' ? (key.name as string) : String(key.value));
  }
  return keys;
}

function isEsNode(value: unknown): value is EsNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string' && Array.isArray((value as { range?: unknown }).range);
}
