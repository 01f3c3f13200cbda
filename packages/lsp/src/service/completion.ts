import {
  EKS_APIS,
  EKS_PARAMETERS,
  EKS_SERVICE,
  OTHER_INTEGRATIONS,
  POD_LOG_PARAMETERS,
  STATE_TYPES,
  describeSpec,
  eksApi,
  eksResourceArn,
  findNode,
  specAt,
  stateFieldNames,
  type EksApiSpec,
  type IntegrationPattern,
  type ParameterFields,
  type ParameterSpec,
  type State,
} from '@asl-lint/core';
import type { CompletionItem, CompletionItemKind, CompletionList, Position } from 'vscode-languageserver';
import type { Analysis } from './analysis.js';
import { cursorLocation, type CursorLocation, type PathSegment } from './cursor.js';
import { parameterMarkdown, resourceMarkdown } from './integration-docs.js';
import { isTransitionField, stateContext } from './state-context.js';

const KIND = { property: 10 as CompletionItemKind, value: 12 as CompletionItemKind, enumMember: 20 as CompletionItemKind, reference: 18 as CompletionItemKind };
const EMPTY: CompletionList = { isIncomplete: false, items: [] };

/** Completions at a position: Resource ARNs, parameter names and enum values of the Task's API, state names. */
export function complete(analysis: Analysis, lastParsed: Analysis | undefined, position: Position): CompletionList {
  const offset = analysis.lines.offsetAt(position);
  const location = cursorLocation(analysis.text, offset, analysis.result.language);
  if (!location || location.path.length === 0) return EMPTY;
  const valuePath = location.atKey ? location.path.slice(0, -1) : location.path;
  const context = stateContext(valuePath, analysis, lastParsed);
  if (!context) return EMPTY;
  const items: CompletionItem[] = [];
  const edit = new EditBuilder(analysis, location);

  if (!location.atKey) {
    if (context.startAt && context.scope) {
      for (const name of context.scope.states.keys()) items.push(edit.value(name, KIND.reference, stateDetail(context.scope.states.get(name)!)));
    } else if (context.state && context.scope && isTransitionField(context.inState)) {
      for (const [name, target] of context.scope.states) if (target !== context.state) items.push(edit.value(name, KIND.reference, stateDetail(target)));
    } else if (context.state && samePath(context.inState, ['Type'])) {
      STATE_TYPES.forEach((type) => items.push(edit.value(type, KIND.enumMember)));
    } else if (context.state && samePath(context.inState, ['Resource'])) {
      items.push(...resourceItems(edit));
    } else if (context.state) {
      const parameter = parameterAt(context.state, context.inState);
      if (parameter) {
        const { spec } = parameter;
        const values = spec.type === 'string' ? spec.enum ?? spec.knownValues ?? [] : spec.type === 'boolean' ? [true, false] : [];
        values.forEach((value, index) => items.push(edit.value(value, KIND.enumMember, undefined, undefined, index)));
      }
    }
  } else if (context.state && context.inState.length === 0) {
    const present = presentKeys(analysis, valuePath);
    const typing = location.path[location.path.length - 1];
    if (typeof typing === 'string') present.delete(typing);
    stateFieldsOf(context.state).forEach((name, index) => {
      if (!present.has(name)) items.push(edit.key(name, context.state!.type ? `${context.state!.type} state field` : 'state field', undefined, index));
    });
  } else if (context.state) {
    const parameter = payloadFieldsAt(context.state, context.inState);
    if (parameter) {
      const present = presentKeys(analysis, valuePath);
      // The key under the cursor is being replaced: it does not count as present.
      const typing = location.path[location.path.length - 1];
      if (typeof typing === 'string') present.delete(typing);
      const dynamic = context.state.queryLanguage === 'JSONPath' && parameter.dynamicKeys;
      Object.entries(parameter.fields)
        .sort(([, a], [, b]) => Number(b.required === true) - Number(a.required === true))
        .forEach(([name, spec], index) => {
          if (present.has(name) || present.has(`${name}.$`)) return;
          const docs = parameterMarkdown(parameter.api, [...parameter.prefix, name], spec, context.state!.queryLanguage);
          items.push(edit.key(name, describeSpec(spec) + (spec.required ? ', required' : ''), docs, index * 2));
          if (dynamic) items.push(edit.key(`${name}.$`, `${describeSpec(spec)} from a path or intrinsic function`, docs, index * 2 + 1));
        });
    }
  }
  return { isIncomplete: false, items };
}

/** The fields the state's type accepts in its query language, `Type` first; every type's when the type is not set yet. */
function stateFieldsOf(state: State): string[] {
  const types = state.type ? [state.type] : STATE_TYPES;
  const names = new Set<string>(['Type']);
  for (const type of types) for (const name of stateFieldNames(type, state.queryLanguage)) names.add(name);
  return [...names];
}

function samePath(a: readonly PathSegment[], b: readonly PathSegment[]): boolean {
  return a.length === b.length && a.every((segment, index) => segment === b[index]);
}

function stateDetail(state: State): string {
  return state.type ? `${state.type} state${state.resource?.raw ? ` · ${state.resource.raw}` : ''}` : 'state';
}

function taskApi(state: State): EksApiSpec | undefined {
  return state.type === 'Task' && state.resource?.kind === 'service' && state.resource.service === EKS_SERVICE ? eksApi(state.resource.api) : undefined;
}

/** Strips the `.$` of dynamic keys, so `LogOptions.$` and `LogOptions` read the same spec. */
function specPath(segments: readonly PathSegment[]): PathSegment[] {
  return segments.map((segment) => (typeof segment === 'string' && segment.endsWith('.$') ? segment.slice(0, -2) : segment));
}

function isPayloadKey(state: State, key: PathSegment): boolean {
  return key === (state.queryLanguage === 'JSONata' ? 'Arguments' : 'Parameters');
}

/** The spec of the parameter whose value is at `inState` (`['Parameters', 'Method']`). */
function parameterAt(state: State, inState: readonly PathSegment[]): { api: EksApiSpec; spec: ParameterSpec } | undefined {
  const api = taskApi(state);
  if (!api || inState.length < 2 || !isPayloadKey(state, inState[0])) return undefined;
  if (typeof inState[inState.length - 1] === 'string' && (inState[inState.length - 1] as string).endsWith('.$')) return undefined;
  const spec = specAt(api.parameters, specPath(inState.slice(1)));
  return spec ? { api, spec } : undefined;
}

/** The fields that may be added to the object at `inState` (the payload itself or a nested structure). */
function payloadFieldsAt(state: State, inState: readonly PathSegment[]): { api: EksApiSpec; fields: ParameterFields; prefix: string[]; dynamicKeys: boolean } | undefined {
  const api = taskApi(state);
  if (!api || inState.length < 1 || !isPayloadKey(state, inState[0])) return undefined;
  const nested = specPath(inState.slice(1));
  if (nested.length === 0) return { api, fields: api.parameters, prefix: [], dynamicKeys: true };
  const spec = specAt(api.parameters, nested);
  const prefix = nested.filter((segment): segment is string => typeof segment === 'string');
  if (spec?.type === 'structure') return { api, fields: spec.fields, prefix, dynamicKeys: true };
  if (spec?.type === 'map' && spec.knownKeys) {
    // Free-form keys with documented names (Kubernetes query parameters): offer those, plain only.
    const documented = prefix.at(-1) === EKS_PARAMETERS.logParameters ? POD_LOG_PARAMETERS : undefined;
    const fields: Record<string, ParameterSpec> = Object.create(null);
    for (const key of spec.knownKeys) fields[key] = { ...spec.values, doc: documented?.[key]?.doc ?? spec.values.doc };
    return { api, fields, prefix, dynamicKeys: false };
  }
  return undefined;
}

function presentKeys(analysis: Analysis, hostPath: readonly PathSegment[]): Set<string> {
  const node = analysis.result.document.root ? findNode(analysis.result.document.root, hostPath) : undefined;
  return new Set(node?.kind === 'object' ? node.properties.map((property) => property.key) : []);
}

const PATTERN_LABEL: Partial<Record<IntegrationPattern, string>> = { requestResponse: 'request-response', sync: 'run a job (.sync)', waitForTaskToken: 'callback' };

function resourceItems(edit: EditBuilder): CompletionItem[] {
  const items: CompletionItem[] = [];
  let index = 0;
  for (const api of EKS_APIS.values()) {
    // The waiting form first where it exists: it is what a workflow almost always wants.
    const patterns = [...api.patterns].sort((a, b) => Number(b === 'sync') - Number(a === 'sync'));
    for (const pattern of patterns) {
      items.push(edit.value(eksResourceArn(api.api, pattern), KIND.value, `${api.summary} ${PATTERN_LABEL[pattern] ?? pattern}`, resourceMarkdown(api, pattern), index++));
    }
  }
  for (const integration of OTHER_INTEGRATIONS) {
    if (integration.resource.includes('*')) continue;
    for (const pattern of integration.patterns) {
      const arn = `arn:aws:states:::${integration.resource}${pattern === 'requestResponse' ? '' : `.${pattern}`}`;
      items.push(edit.value(arn, KIND.value, `${integration.summary} ${PATTERN_LABEL[pattern] ?? pattern}`, `${integration.summary}\n\n[AWS documentation](${integration.docsUrl})`, index++));
    }
  }
  return items;
}

/** Builds items whose text edit replaces the token at the cursor, quoted as the document's language needs. */
class EditBuilder {
  private readonly range;
  private readonly yaml: boolean;
  private readonly colonFollows: boolean;

  constructor(private readonly analysis: Analysis, private readonly location: CursorLocation) {
    this.range = { start: analysis.lines.positionAt(location.replace.start), end: analysis.lines.positionAt(location.replace.end) };
    this.yaml = analysis.result.language === 'yaml';
    this.colonFollows = /^[ \t]*:/.test(analysis.text.slice(location.replace.end, location.replace.end + 100));
  }

  value(value: string | boolean, kind: CompletionItemKind, detail?: string, documentation?: string, order = 0): CompletionItem {
    const label = String(value);
    const newText = typeof value === 'boolean' ? label : this.yaml ? yamlScalar(value) : JSON.stringify(value);
    return this.item(label, newText, kind, order, detail, documentation);
  }

  key(name: string, detail: string, documentation: string | undefined, order: number): CompletionItem {
    const quoted = this.yaml ? yamlScalar(name) : JSON.stringify(name);
    return this.item(name, this.colonFollows ? quoted : `${quoted}: `, KIND.property, order, detail, documentation);
  }

  private item(label: string, newText: string, kind: CompletionItemKind, order: number, detail?: string, documentation?: string): CompletionItem {
    const typed = this.analysis.text.slice(this.location.replace.start, this.analysis.lines.offsetAt(this.range.end));
    const item: CompletionItem = {
      label,
      kind,
      sortText: String(order).padStart(4, '0'),
      // Clients filter on the replaced text, which includes an opening quote in JSON.
      filterText: typed.startsWith('"') ? JSON.stringify(label) : label,
      textEdit: { range: this.range, newText },
    };
    if (detail) item.detail = detail;
    if (documentation) item.documentation = { kind: 'markdown', value: documentation };
    return item;
  }
}

/** A plain YAML scalar when that reads the same, else a double-quoted (JSON-compatible) one. */
export function yamlScalar(value: string): string {
  const plain = /^[A-Za-z0-9_/$][^#]*$/.test(value) && !/:\s|\s$|:$/.test(value) && !/^(true|false|null|yes|no|on|off|~|[-+]?[0-9.]+)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}
