import { EKS_SERVICE, OTHER_INTEGRATIONS, eksApi, getStringValue, specAt, type IntegrationSummary, type Path, type Rule, type State } from '@asl-lint/core';
import type { Hover, Position } from 'vscode-languageserver';
import type { Analysis, DefinitionModel } from './analysis.js';
import { SOURCE, toRange } from './diagnostics.js';
import { integrationMarkdown, parameterMarkdown, resourceMarkdown, type StatePermissions } from './integration-docs.js';
import { nodeAt } from './node-at.js';
import { isTransitionField, stateContext } from './state-context.js';

/** Hover: integration resources (EKS first), EKS parameters, transition targets, and the docs of the rules reported at the position. */
export function hover(analysis: Analysis, position: Position, rules: readonly Rule[]): Hover | null {
  const offset = analysis.lines.offsetAt(position);
  const sections: string[] = [];
  let range: Hover['range'];

  const at = nodeAt(analysis.result.document.root, offset);
  if (at) {
    const context = stateContext(at.path, analysis);
    const state = context?.state;
    if (context && !at.keyRange && at.node?.kind === 'string') {
      if (context.startAt && context.scope) sections.push(targetMarkdown(context.scope.states.get(at.node.value), at.node.value));
      else if (state && context.scope && isTransitionField(context.inState)) sections.push(targetMarkdown(context.scope.states.get(at.node.value), at.node.value));
      else if (state && context.inState.length === 1 && context.inState[0] === 'Resource') {
        const api = eksApiOf(state);
        const other = api ? undefined : otherIntegrationOf(state);
        if (api) sections.push(resourceMarkdown(api, state.resource?.pattern, permissionsOf(analysis, context.model, state)));
        else if (other) sections.push(integrationMarkdown(other, state.resource?.pattern, permissionsOf(analysis, context.model, state)));
      }
      if (sections.length) range = toRange(analysis.lines, at.node.range);
    }
    if (context && state && at.keyRange && context.inState.length >= 2 && context.inState[0] === (state.queryLanguage === 'JSONata' ? 'Arguments' : 'Parameters')) {
      const api = eksApiOf(state);
      const names = context.inState.slice(1).map((segment) => (typeof segment === 'string' && segment.endsWith('.$') ? segment.slice(0, -2) : segment));
      const spec = api ? specAt(api.parameters, names) : undefined;
      if (api && spec) {
        sections.push(parameterMarkdown(api, names.filter((name): name is string => typeof name === 'string'), spec, state.queryLanguage));
        range = toRange(analysis.lines, at.keyRange);
      }
    }
  }

  const seen = new Set<string>();
  for (const diagnostic of analysis.diagnostics) {
    if (diagnostic.source !== SOURCE || typeof diagnostic.code !== 'string' || seen.has(diagnostic.code)) continue;
    const start = analysis.lines.offsetAt(diagnostic.range.start);
    const end = analysis.lines.offsetAt(diagnostic.range.end);
    if (offset < start || offset > end) continue;
    seen.add(diagnostic.code);
    const rule = rules.find((candidate) => candidate.meta.id === diagnostic.code);
    if (rule) sections.push(ruleMarkdown(rule, diagnostic.codeDescription?.href));
  }
  if (sections.length === 0) return null;
  const contents = { kind: 'markdown' as const, value: sections.join('\n\n---\n\n') };
  return range ? { contents, range } : { contents };
}

function permissionsOf(analysis: Analysis, model: DefinitionModel, state: State): StatePermissions | undefined {
  const policy = analysis.policy(model);
  if (!policy) return undefined;
  const isThis = (source: { state: string; statePath: Path }) => source.state === state.name && samePath(source.statePath, state.path);
  const kubernetes = policy.kubernetes.find(isThis);
  return { statements: policy.statements.filter((statement) => statement.sources.some(isThis)), ...(kubernetes ? { kubernetes } : {}) };
}

function samePath(a: Path, b: Path): boolean {
  return a.length === b.length && a.every((segment, index) => segment === b[index]);
}

function otherIntegrationOf(state: State): IntegrationSummary | undefined {
  const resource = state.resource;
  if (resource?.kind !== 'service') return undefined;
  const key = `${resource.service}:${resource.api}`;
  return OTHER_INTEGRATIONS.find((integration) => integration.resource === key);
}

function eksApiOf(state: State) {
  return state.resource?.kind === 'service' && state.resource.service === EKS_SERVICE ? eksApi(state.resource.api) : undefined;
}

function targetMarkdown(target: State | undefined, name: string): string {
  if (!target) return `No state named **${name}** in this scope.`;
  const lines = [`**${target.name}** · ${target.type ?? 'unknown type'} state`];
  if (target.resource) lines.push('', `Resource: \`${target.resource.raw}\``);
  const comment = getStringValue(target.node, 'Comment');
  if (comment) lines.push('', comment);
  if (target.isEnd) lines.push('', 'Ends its scope (`End: true`).');
  return lines.join('\n');
}

function ruleMarkdown(rule: Rule, href: string | undefined): string {
  const { meta } = rule;
  const lines = [`**${meta.id}** · ${meta.severity}${meta.fix === 'safe' ? ' · fixable' : meta.fix === 'suggestion' ? ' · suggestion' : ''} — ${meta.description}`, '', meta.docs.whatItDoes];
  if (href) lines.push('', `[Rule documentation](${href})`);
  return lines.join('\n');
}
