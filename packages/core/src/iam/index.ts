export { derivePolicy, locationOf, type DerivedPolicy, type DerivePolicyOptions, type PolicyEnvironment, type PolicyFinding, type Requirement } from './derive-policy.js';
export type { DerivedStatement, PolicyDocument, PolicyStatement, StatementSource } from './policy-document.js';
export type { KubernetesAccess } from './kubernetes-access.js';
export { explainPolicy } from './explain-policy.js';
export { policyToYaml } from './policy-yaml.js';
export { matchesPattern, patternsOverlap } from './arn-pattern.js';
export { INTEGRATION_IAM, KUBERNETES_ACCESS_SUMMARY, RESOURCE_POLICY_PREFIXES, integrationIam, type IntegrationIam, type StatementFact, type ResourceFact, type ResourceVariable, type Evidence } from '../catalog/iam.js';
