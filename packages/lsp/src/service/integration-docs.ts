/** Markdown for hover and completion, written from the service catalog: no EKS fact is stated here. */
import { RUN_JOB_POLL_INTERVAL_SECONDS, describeSpec, eksResourceArn, type EksApiSpec, type IntegrationPattern, type ParameterSpec } from '@asl-lint/core';

const PATTERN_NAMES: Record<IntegrationPattern, string> = {
  requestResponse: 'request-response',
  sync: '`.sync` (run a job)',
  'sync:2': '`.sync:2`',
  waitForTaskToken: '`.waitForTaskToken` (callback)',
  unknown: 'unknown',
};

/** Hover and completion text for an `eks:` resource. */
export function resourceMarkdown(api: EksApiSpec, pattern: IntegrationPattern | undefined): string {
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
  if (api.api === 'runJob' && pattern === 'sync') {
    lines.push('', `Polling: about every ${RUN_JOB_POLL_INTERVAL_SECONDS.initial} s at first, slowing to about every ${RUN_JOB_POLL_INTERVAL_SECONDS.slowest} s; for a faster or custom cadence poll the Job yourself with \`eks:call\`.`);
  }
  const required = Object.entries(api.parameters).filter(([, spec]) => spec.required).map(([name]) => `\`${name}\``);
  if (required.length) lines.push('', `Required parameters: ${required.join(', ')}.`);
  lines.push('', ...permissionLines(api));
  lines.push('', `[AWS documentation](${api.docsUrl})`);
  return lines.join('\n');
}

function permissionLines(api: EksApiSpec): string[] {
  if (api.family === 'kubernetes') {
    return [
      '**Permissions:** the call goes to the cluster\'s Kubernetes API, so Kubernetes RBAC authorizes it, not IAM: the state machine\'s role must be mapped in the cluster (an access entry or `aws-auth`) with the rights the request needs. A cluster created by this role gets it as cluster admin. Missing rights fail the task with `EKS.401`.',
    ];
  }
  const lines = [`**IAM:** \`eks:${api.operation}\`${api.operation?.startsWith('Create') ? ', and Describe/Delete on the resource for `.sync` polling and cancellation' : ''}.`];
  for (const role of api.passedRoles) lines.push(`\`iam:PassRole\` on the ${role.purpose} (\`${role.key}\`), passed to eks.amazonaws.com.`);
  return lines;
}

/** Hover and completion text for one parameter (a path below Parameters/Arguments). */
export function parameterMarkdown(api: EksApiSpec, path: readonly string[], spec: ParameterSpec): string {
  const lines = [`**${path.join('.')}** · ${describeSpec(spec)}${spec.required ? ' · required' : ' · optional'} · eks:${api.api}`];
  if (spec.doc) lines.push('', spec.doc);
  if (spec.type === 'string' && spec.enum) lines.push('', `One of: ${spec.enum.map((value) => `\`${value}\``).join(', ')}.`);
  if (spec.type === 'string' && spec.knownValues) lines.push('', `Known values: ${spec.knownValues.map((value) => `\`${value}\``).join(', ')}.`);
  if (spec.type === 'map' && spec.knownKeys) lines.push('', `Known keys: ${spec.knownKeys.map((value) => `\`${value}\``).join(', ')}.`);
  if (spec.newerModelMember) lines.push('', 'Added to the EKS API after the Step Functions integration was documented: check that your Region accepts it.');
  lines.push('', 'In JSONPath states give a dynamic value as `' + path[path.length - 1] + '.$` (a path or intrinsic function); in JSONata states as a `{% … %}` string.');
  return lines.join('\n');
}
