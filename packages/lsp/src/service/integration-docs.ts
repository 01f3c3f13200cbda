/** Markdown for hover and completion, written from the service catalog and the IAM deriver: no EKS fact is stated here. */
import {
  describeSpec,
  eksResourceArn,
  integrationIam,
  KUBERNETES_ACCESS_SUMMARY,
  type DerivedStatement,
  type EksApiSpec,
  type IntegrationPattern,
  type IntegrationSummary,
  type KubernetesAccess,
  type ParameterSpec,
  type QueryLanguage,
} from '@asl-lint/core';

/** What one state needs, from the IAM deriver: its statements and, for Kubernetes-API calls, the RBAC it needs. */
export interface StatePermissions {
  readonly statements: readonly DerivedStatement[];
  readonly kubernetes?: KubernetesAccess;
}

const PATTERN_NAMES: Record<IntegrationPattern, string> = {
  requestResponse: 'request-response',
  sync: '`.sync` (run a job)',
  'sync:2': '`.sync:2`',
  waitForTaskToken: '`.waitForTaskToken` (callback)',
  unknown: 'unknown',
};

/** Hover and completion text for an `eks:` resource. */
export function resourceMarkdown(api: EksApiSpec, pattern: IntegrationPattern | undefined, permissions?: StatePermissions): string {
  const lines: string[] = [];
  lines.push(`**eks:${api.api}**${pattern && pattern !== 'requestResponse' ? ` · ${PATTERN_NAMES[pattern] ?? pattern}` : ''} — ${api.summary}`);
  lines.push('', `Patterns: ${api.patterns.map((supported) => `\`${eksResourceArn(api.api, supported)}\``).join(', ')}.`);
  if (pattern !== undefined && pattern !== 'unknown' && !api.patterns.includes(pattern)) {
    lines.push('', `⚠ ${PATTERN_NAMES[pattern] ?? pattern} is not supported for eks:${api.api}.`);
  }
  if (api.syncBehaviour) {
    const waits = pattern === 'sync' ? 'With `.sync`' : 'With `.sync` (not used here)';
    lines.push('', `${waits}: ${api.syncBehaviour}`);
  }
  const required = Object.entries(api.parameters).filter(([, spec]) => spec.required).map(([name]) => `\`${name}\``);
  if (required.length) lines.push('', `Required parameters: ${required.join(', ')}.`);
  lines.push('', ...(permissions ? statePermissionLines(permissions) : apiPermissionLines(api, pattern)));
  lines.push('', `[AWS documentation](${api.docsUrl})`);
  return lines.join('\n');
}

/** Hover text for another integration the catalog knows (`lambda:invoke`, `states:startExecution`…). */
export function integrationMarkdown(integration: IntegrationSummary, pattern: IntegrationPattern | undefined, permissions: StatePermissions | undefined): string {
  const arn = (supported: IntegrationPattern) => `arn:aws:states:::${integration.resource}${supported === 'requestResponse' ? '' : `.${supported}`}`;
  const lines = [`**${integration.resource}**${pattern && pattern !== 'requestResponse' ? ` · ${PATTERN_NAMES[pattern] ?? pattern}` : ''} — ${integration.summary}`];
  lines.push('', `Patterns: ${integration.patterns.map((supported) => `\`${arn(supported)}\``).join(', ')}.`);
  if (pattern !== undefined && pattern !== 'unknown' && !integration.patterns.includes(pattern)) {
    lines.push('', `⚠ ${PATTERN_NAMES[pattern] ?? pattern} is not supported for ${integration.resource}.`);
  }
  if (permissions) lines.push('', ...statePermissionLines(permissions));
  lines.push('', `[AWS documentation](${integration.docsUrl})`);
  return lines.join('\n');
}

/** The statements the deriver produced for this state, narrowed to the names the state gives. */
function statePermissionLines(permissions: StatePermissions): string[] {
  const lines: string[] = [];
  if (permissions.statements.length > 0) {
    lines.push('**IAM** (the state machine\'s role):');
    for (const { statement } of permissions.statements) {
      const condition = statement.Condition ? ` when ${JSON.stringify(statement.Condition)}` : '';
      lines.push(`- ${list(statement.Action)} on ${list(statement.Resource)}${condition}`);
    }
  }
  if (permissions.kubernetes) lines.push(...(lines.length ? [''] : []), `**Kubernetes RBAC:** ${permissions.kubernetes.explanation}`);
  return lines.length ? lines : ['**IAM:** none.'];
}

/** Without a state (completion): the actions of the integration's IAM facts. */
function apiPermissionLines(api: EksApiSpec, pattern: IntegrationPattern | undefined): string[] {
  const facts = integrationIam('eks', api.api);
  if (!facts) return [];
  if (facts.kubernetes) return [`**Permissions:** ${KUBERNETES_ACCESS_SUMMARY}`];
  const actions = new Set<string>();
  for (const statement of facts.statements) {
    if (statement.patterns && pattern !== undefined && !statement.patterns.includes(pattern)) continue;
    for (const action of statement.actions) actions.add(action);
  }
  return actions.size ? [`**IAM:** ${[...actions].map((action) => `\`${action}\``).join(', ')}.`] : [];
}

function list(value: string | readonly string[]): string {
  return (Array.isArray(value) ? value : [value]).map((item) => `\`${item}\``).join(', ');
}

/** Hover and completion text for one parameter (a path below Parameters/Arguments). */
export function parameterMarkdown(api: EksApiSpec, path: readonly string[], spec: ParameterSpec, language: QueryLanguage): string {
  const lines = [`**${path.join('.')}** · ${describeSpec(spec)}${spec.required ? ' · required' : ' · optional'} · eks:${api.api}`];
  if (spec.doc) lines.push('', spec.doc);
  if (spec.type === 'string' && spec.enum) lines.push('', `One of: ${spec.enum.map((value) => `\`${value}\``).join(', ')}.`);
  if (spec.type === 'string' && spec.knownValues) lines.push('', `Known values: ${spec.knownValues.map((value) => `\`${value}\``).join(', ')}.`);
  if (spec.type === 'map' && spec.knownKeys) lines.push('', `Known keys: ${spec.knownKeys.map((value) => `\`${value}\``).join(', ')}.`);
  if (spec.newerModelMember) lines.push('', 'Added to the EKS API after the Step Functions integration was documented: check that your Region accepts it.');
  const name = path[path.length - 1];
  lines.push('', language === 'JSONata' ? 'A dynamic value is a `{% … %}` JSONata string.' : `A dynamic value goes in \`${name}.$\` (a path or an intrinsic function).`);
  return lines.join('\n');
}
