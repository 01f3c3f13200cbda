/**
 * The EKS facts that flow through a workflow: live clusters, node groups (by cluster + name) and Fargate profiles
 * (by cluster + name), and the conditions later calls depend on (a cluster still CREATING, a node group with no nodes
 * yet, a cluster without cluster-admin for the workflow's role, a cluster with a private endpoint).
 *
 * Identity: a literal name, or for a dynamic name the same path or expression text (`fieldIdentity`): `$.name`
 * matches `$.name` and nothing else, so a delete of an unknown name never deletes a known one.
 *
 * Assumptions (each rule's docs repeat the ones it relies on):
 * - A create that fails created nothing. EKS rejects a bad request before creating anything; a `.sync` create can
 *   also fail after EKS accepted it (the cluster ends FAILED, or the task times out while it is CREATING), and
 *   Step Functions then makes a best-effort cancel (the `Delete*` actions in the create's IAM template exist for
 *   it, reference §6.2). `failedSyncCreateMayLeaveResource` makes a failing `.sync` create count as a creation.
 * - Deletes do not fail: a failing cleanup step is fixed with a Retry, not with more cleanup, so its failure edges
 *   are not followed.
 * - The AWS SDK integration of the same EKS APIs (`aws-sdk:eks:createCluster`…) creates and deletes the same
 *   resources; it has no `.sync`, so its creates are request-response.
 * - `deleteCluster` deletes only the cluster: node groups and Fargate profiles must be deleted first.
 * - A Wait state, or a DescribeCluster/DescribeNodegroup (AWS SDK integration) on the same name, is a wait for
 *   ACTIVE: the analysis cannot tell how long is enough.
 * - An AWS SDK `createAccessEntry`/`associateAccessPolicy`, or an `eks:call` that writes a ConfigMap in
 *   `kube-system` (the `aws-auth` map) of a cluster whose `AuthenticationMode` is not `API`, gives the workflow
 *   access to a cluster created without cluster-admin.
 */
import { isObjectValue, type JsonValue } from '../ast.js';
import { EKS_PARAMETERS, EKS_SERVICE, eksApi, type EksApiSpec, type EksResourceKind } from '../catalog/eks.js';
import { eksTaskOf, readEksField } from '../catalog/eks-task.js';
import { fieldIdentity, isJsonataExpression, readField, type FieldValue } from '../dynamic-values.js';
import { payloadKey, type State, type StateMachine } from '../model.js';
import { runDataflow, type Dataflow, type FlowExit, type StateEffect, type WitnessStep } from './dataflow.js';
import { buildFlowGraph, type FlowGraph } from './graph.js';

export type EksFactFamily =
  | EksResourceKind
  /** A cluster created with request-response createCluster and not waited for. */
  | 'cluster-creating'
  /** A node group created with request-response createNodegroup and not waited for. */
  | 'nodegroup-creating'
  /** A cluster created with `AccessConfig.BootstrapClusterCreatorAdminPermissions: false` and no access granted yet. */
  | 'no-admin'
  /** A cluster created with `ResourcesVpcConfig.EndpointPublicAccess: false`. */
  | 'private-endpoint'
  /**
   * The result of such a create, still at its JSONPath `ResultPath` (the fact's `cluster` holds that path, `$.eks`):
   * an `Endpoint` read from it (`$.eks.Cluster.Endpoint`) is the private cluster's.
   */
  | 'private-endpoint-result';

export interface EksFact {
  readonly key: string;
  readonly family: EksFactFamily;
  /** Identity of the cluster (`fieldIdentity` form). */
  readonly cluster: string;
  /** Identity of the node group or Fargate profile. */
  readonly name?: string;
}

export interface EksFlowOptions {
  /** Count a failing `.sync` create as having created its resource (it may have been accepted, then failed). */
  readonly failedSyncCreateMayLeaveResource?: boolean;
}

/** A created resource that some exit of the execution leaves running. */
export interface ResourceLeak {
  readonly fact: EksFact;
  /** The state that created it, on the witness path. */
  readonly creator: State;
  /** Every exit it leaks through, the first (the nearest found) first. */
  readonly exits: readonly FlowExit[];
  /** Creation to the first exit. */
  readonly witness: readonly WitnessStep[];
}

export interface EksFlow {
  readonly graph: FlowGraph;
  readonly dataflow: Dataflow;
  /** Facts that may hold when the state starts. */
  factsAt(state: State): EksFact[];
  /** Path from the fact's creation to the state; the creator is the first step. */
  witnessTo(state: State, fact: EksFact): WitnessStep[];
  /** Resources (clusters, node groups, Fargate profiles) that some exit leaves running. */
  leaks(): ResourceLeak[];
  /** The cluster identity a state acts on, when it is an EKS integration with a cluster name. */
  clusterOf(state: State): string | undefined;
}

const RESOURCE_FAMILIES: ReadonlySet<EksFactFamily> = new Set<EksFactFamily>(['cluster', 'nodegroup', 'fargate-profile']);

export function factKey(family: EksFactFamily, cluster: string, name?: string): string {
  return `${family}\u0000${cluster}\u0000${name ?? ''}`;
}

function parseFact(key: string): EksFact {
  const [family, cluster, name] = key.split('\u0000') as [EksFactFamily, string, string];
  return name ? { key, family, cluster, name } : { key, family, cluster };
}

const cache = new WeakMap<StateMachine, Map<string, EksFlow>>();

/** Runs the EKS analysis once per machine and options; every flow rule shares the result. */
export function analyzeEksFlow(machine: StateMachine, options: EksFlowOptions = {}): EksFlow {
  const optionsKey = options.failedSyncCreateMayLeaveResource ? 'sync-create-may-leave' : 'default';
  let perMachine = cache.get(machine);
  if (!perMachine) cache.set(machine, (perMachine = new Map()));
  const cached = perMachine.get(optionsKey);
  if (cached) return cached;
  const flow = computeEksFlow(machine, options);
  perMachine.set(optionsKey, flow);
  return flow;
}

function computeEksFlow(machine: StateMachine, options: EksFlowOptions): EksFlow {
  const clusters = new Map<State, string>();
  const { states } = machine;
  // Read once: both the authentication modes and the effects need each state's EKS call.
  const calls = states.map(eksCallOf);
  const modes = authenticationModes(calls);
  const own: (StateEffect | undefined)[] = [];
  let creates = false;
  let tracksResults = false;
  for (let i = 0; i < states.length; i++) {
    const effect = effectOf(states[i]!, calls[i], options, clusters, modes);
    own.push(effect);
    if (effect?.gen?.length || effect?.genOnFailure?.length) creates = true;
    if (effect?.gen?.some(isResultFact) || effect?.genOnFailure?.some(isResultFact)) tracksResults = true;
  }
  // Overwritten results matter only when some create tracks its result (a private cluster's): otherwise their kills
  // could never match a fact, and most states keep no effect at all (nothing to call on every edge of the fixpoint).
  const effects = new Map<State, StateEffect>();
  for (let i = 0; i < states.length; i++) {
    const effect = tracksResults ? withOverwrites(own[i], resultOverwrites(states[i]!)) : own[i];
    if (effect) effects.set(states[i]!, effect);
  }
  // Facts only come from creating states: without one, no state holds any fact and nothing leaks, so the
  // graph and the fixpoint (most of the cost on a large machine) are built only if something asks for them.
  if (!creates) return factlessFlow(machine, effects, clusters);
  const graph = buildFlowGraph(machine);
  const dataflow = runDataflow(graph, (state) => effects.get(state));

  return {
    graph,
    dataflow,
    factsAt: (state) => dataflow.factsAt(state).map(parseFact),
    witnessTo: (state, fact) => dataflow.witnessTo(state, fact.key),
    clusterOf: (state) => clusters.get(state),
    leaks() {
      const byFact = new Map<string, FlowExit[]>();
      for (const exit of dataflow.exits) {
        const family = exit.fact.slice(0, exit.fact.indexOf('\u0000')) as EksFactFamily;
        if (!RESOURCE_FAMILIES.has(family)) continue;
        const list = byFact.get(exit.fact);
        if (list) list.push(exit);
        else byFact.set(exit.fact, [exit]);
      }
      const leaks: ResourceLeak[] = [];
      for (const [key, exits] of byFact) {
        const witness = dataflow.witnessOf(exits[0]!);
        const first = witness[0]?.node;
        if (first?.kind !== 'state') continue;
        leaks.push({ fact: parseFact(key), creator: first.state, exits, witness });
      }
      return leaks;
    },
  };
}

function factlessFlow(machine: StateMachine, effects: ReadonlyMap<State, StateEffect>, clusters: ReadonlyMap<State, string>): EksFlow {
  let graph: FlowGraph | undefined;
  let dataflow: Dataflow | undefined;
  return {
    get graph() {
      return (graph ??= buildFlowGraph(machine));
    },
    get dataflow() {
      return (dataflow ??= runDataflow(this.graph, (state) => effects.get(state)));
    },
    factsAt: () => [],
    witnessTo: () => [],
    clusterOf: (state) => clusters.get(state),
    leaks: () => [],
  };
}

/** An EKS lifecycle or Kubernetes call as the analysis reads it, from the optimized or the AWS SDK integration. */
interface EksCall {
  readonly spec: EksApiSpec;
  readonly synchronous: boolean;
  read(key: string): FieldValue | undefined;
}

/**
 * The optimized integration (`eks:createCluster.sync`), or the AWS SDK integration of the same EKS API
 * (`aws-sdk:eks:createCluster`: same PascalCase member names, request-response only).
 */
function eksCallOf(state: State): EksCall | undefined {
  const task = eksTaskOf(state);
  if (task?.spec) {
    return { spec: task.spec, synchronous: task.pattern === 'sync' || task.pattern === 'sync:2', read: (key) => readEksField(task, key) };
  }
  const resource = state.resource;
  if (resource?.kind !== 'aws-sdk' || resource.service !== EKS_SERVICE) return undefined;
  const spec = eksApi(resource.api);
  if (!spec?.lifecycle) return undefined;
  const key = payloadKey(state);
  return { spec, synchronous: false, read: (field) => readField(state.fields[key], field, [...state.path, key], state.queryLanguage) };
}

/** `AccessConfig.AuthenticationMode` of each cluster the workflow creates, by identity. */
function authenticationModes(calls: readonly (EksCall | undefined)[]): Map<string, JsonValue> {
  const modes = new Map<string, JsonValue>();
  for (const call of calls) {
    if (call?.spec.lifecycle?.action !== 'create' || call.spec.lifecycle.resource !== 'cluster') continue;
    const cluster = fieldIdentity(call.read(call.spec.identifiers.cluster));
    const mode = nestedLiteral(call, EKS_PARAMETERS.accessConfig, EKS_PARAMETERS.authenticationMode);
    if (cluster !== undefined && mode !== undefined) modes.set(cluster, mode);
  }
  return modes;
}

/** A Wait state is a wait for ACTIVE of everything still being created. */
const WAIT_EFFECT: StateEffect = { kills: (fact) => fact.startsWith('cluster-creating\u0000') || fact.startsWith('nodegroup-creating\u0000') };

function effectOf(
  state: State,
  call: EksCall | undefined,
  options: EksFlowOptions,
  clusters: Map<State, string>,
  modes: ReadonlyMap<string, JsonValue>,
): StateEffect | undefined {
  if (state.type === 'Wait') return WAIT_EFFECT;
  if (state.type !== 'Task') return undefined;
  if (!call) return sdkEffect(state);
  const { spec, synchronous } = call;
  const identity = (key: string | undefined) => (key ? fieldIdentity(call.read(key)) : undefined);
  const cluster = identity(spec.identifiers.cluster);
  if (cluster === undefined) return undefined;
  clusters.set(state, cluster);
  const lifecycle = spec.lifecycle;
  if (!lifecycle) {
    // With AuthenticationMode API, EKS ignores the aws-auth ConfigMap (reference §6.4).
    return spec.api === 'call' && writesAwsAuth(call) && modes.get(cluster) !== 'API' ? { kills: exact([factKey('no-admin', cluster)]) } : undefined;
  }
  const name =
    lifecycle.resource === 'nodegroup' ? identity(spec.identifiers.nodegroup) : lifecycle.resource === 'fargate-profile' ? identity(spec.identifiers.fargateProfile) : undefined;
  if (lifecycle.resource !== 'cluster' && name === undefined) return undefined;
  const resource = factKey(lifecycle.resource, cluster, name);

  if (lifecycle.action === 'delete') {
    const ended =
      lifecycle.resource === 'cluster'
        ? [resource, factKey('cluster-creating', cluster), factKey('no-admin', cluster), factKey('private-endpoint', cluster)]
        : lifecycle.resource === 'nodegroup'
          ? [resource, factKey('nodegroup-creating', cluster, name)]
          : [resource];
    return { kills: exact(ended), ignoreFailure: true };
  }

  const gen = [resource];
  if (lifecycle.resource === 'cluster') {
    if (!synchronous) gen.push(factKey('cluster-creating', cluster));
    if (nestedLiteral(call, EKS_PARAMETERS.accessConfig, EKS_PARAMETERS.bootstrapClusterCreatorAdminPermissions) === false) gen.push(factKey('no-admin', cluster));
    if (nestedLiteral(call, EKS_PARAMETERS.resourcesVpcConfig, EKS_PARAMETERS.endpointPublicAccess) === false) {
      gen.push(factKey('private-endpoint', cluster));
      const resultPath = state.queryLanguage === 'JSONPath' ? state.fields.ResultPath : undefined;
      if (typeof resultPath === 'string' && resultPath.startsWith('$.')) gen.push(factKey('private-endpoint-result', resultPath));
    }
  } else if (lifecycle.resource === 'nodegroup' && !synchronous) {
    gen.push(factKey('nodegroup-creating', cluster, name));
  }
  return { gen, ...(options.failedSyncCreateMayLeaveResource && synchronous ? { genOnFailure: [resource] } : {}) };
}

/** AWS SDK EKS calls that wait for a resource or grant access to a cluster. */
function sdkEffect(state: State): StateEffect | undefined {
  const resource = state.resource;
  if (resource?.kind !== 'aws-sdk' || resource.service !== EKS_SERVICE) return undefined;
  const key = payloadKey(state);
  const read = (field: string) => fieldIdentity(readField(state.fields[key], field, [...state.path, key], state.queryLanguage));
  switch (resource.api) {
    case 'describeCluster': {
      const cluster = read('Name');
      return cluster === undefined ? undefined : { kills: exact([factKey('cluster-creating', cluster)]) };
    }
    case 'describeNodegroup': {
      const cluster = read('ClusterName');
      const name = read('NodegroupName');
      return cluster === undefined || name === undefined ? undefined : { kills: exact([factKey('nodegroup-creating', cluster, name)]) };
    }
    case 'createAccessEntry':
    case 'associateAccessPolicy': {
      const cluster = read('ClusterName');
      return cluster === undefined ? undefined : { kills: exact([factKey('no-admin', cluster)]) };
    }
    case 'updateClusterConfig': {
      const cluster = read('Name');
      // The update may turn public access on; which result it concerns is unknown, so every tracked result goes too.
      const named = cluster === undefined ? undefined : factKey('private-endpoint', cluster);
      return { kills: (fact) => fact === named || fact.startsWith(RESULT_FACT) };
    }
    default:
      return undefined;
  }
}

/** An `eks:call` that creates or replaces a ConfigMap in `kube-system`: the `aws-auth` map (reference §6.4). */
function writesAwsAuth(call: EksCall): boolean {
  const method = call.read(EKS_PARAMETERS.method);
  const path = call.read(EKS_PARAMETERS.path);
  if (method?.kind !== 'literal' || path?.kind !== 'literal' || typeof method.value !== 'string' || typeof path.value !== 'string') return false;
  return ['POST', 'PUT', 'PATCH'].includes(method.value) && path.value.startsWith('/api/v1/namespaces/kube-system/configmaps');
}

/** A literal value nested one level down in the payload (`ResourcesVpcConfig.EndpointPublicAccess`). */
function nestedLiteral(call: EksCall, outer: string, inner: string): JsonValue | undefined {
  const field = call.read(outer);
  if (field?.kind !== 'literal' || !isObjectValue(field.value)) return undefined;
  const value = field.value;
  return Object.hasOwn(value, inner) && !isJsonataExpression(value[inner]) ? value[inner] : undefined;
}

const RESULT_FACT = 'private-endpoint-result\u0000';

function isResultFact(fact: string): boolean {
  return fact.startsWith(RESULT_FACT);
}

/**
 * Which tracked results (`private-endpoint-result` facts) a state's output no longer holds at their path: a result
 * written over them, an output that replaces the input, or one filtered by `OutputPath`/`InputPath`.
 */
function resultOverwrites(state: State): ((fact: string) => boolean) | undefined {
  const all = isResultFact;
  if (state.type === undefined || state.type === 'Succeed' || state.type === 'Fail') return undefined;
  if (state.queryLanguage === 'JSONata') return state.type === 'Choice' || state.type === 'Wait' ? (state.fields.Output !== undefined ? all : undefined) : all;
  const { fields } = state;
  const filtered = (key: string) => fields[key] !== undefined && fields[key] !== '$';
  if (filtered('OutputPath') || filtered('InputPath')) return all;
  if (state.type === 'Choice' || state.type === 'Wait') return undefined;
  const resultPath = fields.ResultPath;
  if (resultPath === null) return undefined;
  if (resultPath === undefined) return state.type === 'Pass' && fields.Result === undefined && fields.Parameters === undefined ? undefined : all;
  if (typeof resultPath !== 'string' || resultPath === '$') return all;
  return (fact) => {
    if (!fact.startsWith(RESULT_FACT)) return false;
    const path = fact.slice(RESULT_FACT.length, fact.indexOf('\u0000', RESULT_FACT.length));
    return path === resultPath || path.startsWith(`${resultPath}.`) || resultPath.startsWith(`${path}.`) || resultPath.startsWith(`${path}[`);
  };
}

function withOverwrites(effect: StateEffect | undefined, overwrites: ((fact: string) => boolean) | undefined): StateEffect | undefined {
  if (!overwrites) return effect;
  const kills = effect?.kills;
  return { ...effect, kills: kills ? (fact) => kills(fact) || overwrites(fact) : overwrites };
}

function exact(keys: readonly string[]): (fact: string) => boolean {
  const set = new Set(keys);
  return (fact) => set.has(fact);
}

/** How a message names a resource identity: `"ExampleCluster"` or `named by $.clusterName`. */
export function describeIdentity(identity: string): string {
  if (identity.startsWith('=')) return `"${identity.slice(1)}"`;
  const colon = identity.indexOf(':');
  return `named by ${identity.slice(colon + 1)}`;
}

/** `cluster "X"`, `node group "N" of cluster "X"`, `Fargate profile "P" of cluster "X"` (`withCluster` false: without ` of cluster…`). */
export function describeFact(fact: EksFact, withCluster = true): string {
  const cluster = `cluster ${describeIdentity(fact.cluster)}`;
  const of = withCluster ? ` of ${cluster}` : '';
  switch (fact.family) {
    case 'nodegroup':
    case 'nodegroup-creating':
      return `node group ${describeIdentity(fact.name ?? '')}${of}`;
    case 'fargate-profile':
      return `Fargate profile ${describeIdentity(fact.name ?? '')}${of}`;
    default:
      return cluster;
  }
}
