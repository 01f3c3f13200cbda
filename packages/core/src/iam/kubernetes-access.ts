/**
 * eks:runJob and eks:call talk to the cluster's Kubernetes API, not to the EKS API: they need no IAM action, but the
 * state machine's role must be authorised inside Kubernetes (reference §6.4). This module says exactly what.
 */
import type { Path } from '../ast.js';
import { isObjectValue } from '../ast.js';
import { EKS_PARAMETERS } from '../catalog/eks.js';
import { integrationIam } from '../catalog/iam.js';
import { fieldIdentity, type FieldValue } from '../dynamic-values.js';
import type { State, StateMachine } from '../model.js';
import { payloadOf } from './task-payload.js';

export interface KubernetesAccess {
  readonly state: string;
  readonly statePath: Path;
  /** `eks:runJob.sync`. */
  readonly integration: string;
  /** The literal cluster name, when the definition gives one. */
  readonly cluster?: string;
  /** What the role must be allowed to do, one Kubernetes permission per entry. */
  readonly permissions: readonly string[];
  /** The state of this workflow that creates the cluster, when one does. */
  readonly createdBy?: string;
  /** False when that createCluster turns off BootstrapClusterCreatorAdminPermissions. */
  readonly creatorIsAdmin?: boolean;
  readonly explanation: string;
}

const CREATE_CLUSTER_NAME = integrationIam('eks', 'createCluster')!.variables.cluster.parameter;

const VERBS: ReadonlyMap<string, string> = new Map([
  ['GET', 'get'],
  ['HEAD', 'get'],
  ['POST', 'create'],
  ['PUT', 'update'],
  ['PATCH', 'patch'],
  ['DELETE', 'delete'],
]);

/** What each runJob/call state of the machine needs in Kubernetes, in document order. Linear in the machine. */
export function kubernetesAccessOf(machine: StateMachine): KubernetesAccess[] {
  const creators = clusterCreators(machine);
  const result: KubernetesAccess[] = [];
  for (const state of machine.states) {
    const access = kubernetesAccess(state, creators);
    if (access) result.push(access);
  }
  return result;
}

function kubernetesAccess(state: State, creators: ReadonlyMap<string, Creator>): KubernetesAccess | undefined {
  const resource = state.resource;
  if (state.type !== 'Task' || resource?.kind !== 'service' || resource.service !== 'eks') return undefined;
  const facts = integrationIam('eks', resource.api ?? '');
  if (!facts?.kubernetes) return undefined;
  const { payload, read } = payloadOf(state);
  const clusterField = read(facts.variables.cluster.parameter);
  const cluster = literalString(clusterField);
  const clusterText = cluster !== undefined ? `cluster "${cluster}"` : clusterField ? `the cluster given by ${describeField(facts.variables.cluster.parameter, clusterField)}` : 'a cluster (ClusterName is missing)';
  const integration = `eks:${resource.api}${resource.suffix ? `.${resource.suffix}` : ''}`;

  const permissions: string[] = [];
  if (facts.kubernetes.namespace !== undefined) {
    const namespaceField = read(facts.kubernetes.namespace);
    const namespace = namespaceField === undefined ? 'namespace "default"' : literalString(namespaceField) !== undefined ? `namespace "${literalString(namespaceField)}"` : `the namespace given by ${describeField(facts.kubernetes.namespace, namespaceField)}`;
    permissions.push(`verb "create" on jobs (API group "batch") in ${namespace}`);
    if (resource.pattern === 'sync') {
      permissions.push(`verb "get" on jobs (API group "batch") in ${namespace}, to follow the Job`);
      const logOptions = isObjectValue(payload) ? payload[EKS_PARAMETERS.logOptions] : undefined;
      if (isObjectValue(logOptions) && logOptions[EKS_PARAMETERS.retrieveLogs] === true) permissions.push(`verbs "list" on pods and "get" on pods/log (core API group) in ${namespace}, to retrieve the logs`);
    }
  } else {
    const method = literalString(read(facts.kubernetes.method ?? EKS_PARAMETERS.method));
    const path = literalString(read(facts.kubernetes.path ?? EKS_PARAMETERS.path));
    permissions.push(
      method !== undefined && path !== undefined
        ? `${method.toUpperCase()} ${path}${describeRequest(method, path)}`
        : 'the request the state sends (its Method and Path are dynamic: grant the verbs and resources they can take)',
    );
  }

  const identity = fieldIdentity(clusterField);
  const creator = identity !== undefined ? creators.get(identity) : undefined;
  let explanation =
    `State "${state.name}" (${integration}) calls the Kubernetes API of ${clusterText}: no IAM action is involved. ` +
    `The state machine's role must be known to the cluster — an EKS access entry for the role, or a mapRoles entry in the aws-auth ConfigMap in kube-system (write the role ARN without its path, e.g. without service-role/) — ` +
    `and Kubernetes RBAC must allow it to: ${permissions.join('; ')}. Without that the call fails with EKS.401.`;
  if (facts.kubernetes.namespace !== undefined) explanation += ' (The exact RBAC verbs are inferred; AWS documents only that Kubernetes permissions are needed.)';
  if (creator) {
    explanation += creator.admin
      ? ` The cluster is created by state "${creator.state.name}" of this workflow, which makes this role its administrator (BootstrapClusterCreatorAdminPermissions is not false): nothing more is needed.`
      : ` The cluster is created by state "${creator.state.name}" of this workflow with BootstrapClusterCreatorAdminPermissions: false, so the role is not its administrator: add an access entry for it before this state.`;
  }
  return {
    state: state.name,
    statePath: state.path,
    integration,
    ...(cluster !== undefined ? { cluster } : {}),
    permissions,
    ...(creator ? { createdBy: creator.state.name, creatorIsAdmin: creator.admin } : {}),
    explanation,
  };
}

/**
 * The RBAC rule a Kubernetes API request needs, read from its path (`/api/v1/...` for the core group,
 * `/apis/<group>/<version>/...`): `: verb "delete" on jobs "pi" (API group "batch") in namespace "batch"`.
 */
function describeRequest(method: string, path: string): string {
  const verb = VERBS.get(method.toUpperCase());
  const segments = path.split('?')[0].split('/').filter(Boolean);
  let group: string;
  let rest: string[];
  if (segments[0] === 'api' && segments.length >= 2) [group, rest] = ['', segments.slice(2)];
  else if (segments[0] === 'apis' && segments.length >= 3) [group, rest] = [segments[1], segments.slice(3)];
  else return verb ? `: verb "${verb}" on the non-resource URL ${path.split('?')[0]}` : '';
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) [namespace, rest] = [rest[1], rest.slice(2)];
  const [resource, name, subresource] = rest;
  if (!verb || !resource) return '';
  const rbacVerb = name === undefined ? (verb === 'get' ? 'list' : verb === 'delete' ? 'deletecollection' : verb) : verb;
  return (
    `: verb "${rbacVerb}" on ${subresource ? `${resource}/${subresource}` : resource}${name !== undefined ? ` "${name}"` : ''}` +
    ` (${group === '' ? 'core API group' : `API group "${group}"`})${namespace !== undefined ? ` in namespace "${namespace}"` : ''}`
  );
}

function literalString(field: FieldValue | undefined): string | undefined {
  return field?.kind === 'literal' && typeof field.value === 'string' ? field.value : undefined;
}

function describeField(parameter: string, field: FieldValue): string {
  if (field.kind === 'path') return `"${parameter}.$": "${field.expression}"`;
  if (field.kind === 'jsonata') return `"${parameter}": "${field.expression}"`;
  return `${parameter} ${JSON.stringify(field.value)}`;
}

interface Creator {
  readonly state: State;
  readonly admin: boolean;
}

/** createCluster states by the identity of their Name (same literal, or same path): the first one wins. */
function clusterCreators(machine: StateMachine): Map<string, Creator> {
  const creators = new Map<string, Creator>();
  for (const state of machine.states) {
    if (state.type !== 'Task' || state.resource?.kind !== 'service' || state.resource.service !== 'eks' || state.resource.api !== 'createCluster') continue;
    const { payload, read } = payloadOf(state);
    const identity = fieldIdentity(read(CREATE_CLUSTER_NAME));
    if (identity === undefined || creators.has(identity)) continue;
    const access = isObjectValue(payload) ? payload[EKS_PARAMETERS.accessConfig] : undefined;
    creators.set(identity, { state, admin: !(isObjectValue(access) && access[EKS_PARAMETERS.bootstrapClusterCreatorAdminPermissions] === false) });
  }
  return creators;
}
