/** Renders a derived policy as text: per statement, which states need it and why; then everything left to do. */
import type { DerivedPolicy } from './derive-policy.js';

const PLACEHOLDER_MEANING: Readonly<Record<string, string>> = {
  '${AWS::Partition}': 'the partition (aws, aws-cn, aws-us-gov; --partition)',
  '${AWS::Region}': 'the Region (--region)',
  '${AWS::AccountId}': 'the account id (--account)',
};

export function explainPolicy(policy: DerivedPolicy): string {
  const lines: string[] = [];
  const count = policy.statements.length;
  lines.push(`${count} statement${count === 1 ? '' : 's'}:`);
  policy.statements.forEach((derived, index) => {
    const resources = derived.resources.length === 1 ? derived.resources[0] : `[${derived.resources.join(', ')}]`;
    const condition = derived.statement.Condition ? ` when ${JSON.stringify(derived.statement.Condition)}` : '';
    lines.push('', `${index + 1}. ${derived.statement.Sid}: ${derived.actions.join(', ')} on ${resources}${condition}`);
    for (const source of derived.sources) {
      lines.push(`   - ${source.location} (${source.integration}) ${source.why}`);
      for (const widened of source.widened) lines.push(`     widened: ${widened}`);
      if (source.evidence === 'inferred') lines.push('     inferred: AWS documents no template for this integration');
      lines.push(`     source: ${source.source}`);
    }
  });
  if (policy.kubernetes.length > 0) {
    lines.push('', 'Kubernetes access (no IAM action; Kubernetes RBAC instead):');
    for (const access of policy.kubernetes) lines.push(`- ${access.explanation}`);
  }
  const warnings = policy.findings.filter((finding) => finding.severity === 'warning');
  if (warnings.length > 0) {
    lines.push('', 'Warnings:');
    for (const finding of warnings) lines.push(`- ${finding.message}`);
  }
  const infos = policy.findings.filter((finding) => finding.severity === 'info');
  if (infos.length > 0 || policy.notes.length > 0) {
    lines.push('', 'Notes:');
    for (const finding of infos) lines.push(`- ${finding.message}`);
    for (const note of policy.notes) lines.push(`- ${note}`);
  }
  if (policy.placeholders.length > 0) {
    lines.push('', 'Placeholders (CloudFormation pseudo parameters; fill them in or deploy the policy with Fn::Sub):');
    for (const placeholder of policy.placeholders) lines.push(`- ${placeholder}: ${PLACEHOLDER_MEANING[placeholder] ?? placeholder}`);
  }
  if (policy.templateReferences.length > 0) {
    lines.push(
      '',
      `Template references (resolved by CloudFormation when the policy sits in the same template under Fn::Sub, as the YAML output writes it): ${policy.templateReferences.join(', ')}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
