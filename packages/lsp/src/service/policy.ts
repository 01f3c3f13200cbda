import { derivePolicy, type DerivePolicyOptions, type KubernetesAccess, type PolicyDocument, type PolicyFinding } from '@asl-lint/core';
import type { Analysis } from './analysis.js';
import { filePathOf, isStateMachineDocument } from './document.js';

export const DERIVE_POLICY_COMMAND = 'asl-lint.derivePolicy';

export interface DocumentPolicy {
  /** The definition's logical name in a template; absent for a stand-alone definition. */
  readonly definition?: string;
  readonly policy: PolicyDocument;
  readonly findings: readonly PolicyFinding[];
  readonly notes: readonly string[];
  readonly kubernetes: readonly KubernetesAccess[];
}

/** The IAM policy each state machine of the document needs (the `asl-lint.derivePolicy` command). */
export function documentPolicies(analysis: Analysis, options: unknown): DocumentPolicy[] {
  if (!isStateMachineDocument(filePathOf(analysis.uri), analysis.result)) return [];
  return analysis.result.definitions
    .filter((definition) => definition.kind === 'state-machine')
    .map((definition) => {
      const derived = derivePolicy(definition, policyOptions(options));
      return {
        ...(definition.name ? { definition: definition.name } : {}),
        policy: derived.document,
        findings: derived.findings,
        notes: derived.notes,
        kubernetes: derived.kubernetes,
      };
    });
}

/** Only the options the deriver knows, with the types it expects; anything else a client sends is ignored. */
function policyOptions(value: unknown): DerivePolicyOptions {
  if (typeof value !== 'object' || value === null) return {};
  const raw = value as Record<string, unknown>;
  const options: { -readonly [K in keyof DerivePolicyOptions]: DerivePolicyOptions[K] } = {};
  if (typeof raw.partition === 'string') options.partition = raw.partition;
  if (typeof raw.region === 'string') options.region = raw.region;
  if (typeof raw.account === 'string') options.account = raw.account;
  if (raw.style === 'least-privilege' || raw.style === 'aws-template') options.style = raw.style;
  return options;
}
