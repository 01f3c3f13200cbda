/**
 * Small builders for the flow-rule tests: EKS states as plain objects, a workflow printed as indented JSON, and the
 * 1-based position of a state's key or of a field's value in that text (found in the text, never computed by a rule).
 */

export type StateDef = Record<string, unknown>;
export type Catcher = readonly [errors: readonly string[], next: string];

export interface Flow {
  /** The next state; the state ends its scope when absent. */
  readonly next?: string;
  readonly catch?: readonly Catcher[];
  readonly retry?: boolean;
}

export const SUBNETS = ['subnet-0aacf887d9f00e6a7', 'subnet-0e5fc41e7507194ab'];
const ROLE = 'arn:aws:iam::111122223333:role/eks-cluster';
const NODE_ROLE = 'arn:aws:iam::111122223333:role/eks-nodes';
const POD_ROLE = 'arn:aws:iam::111122223333:role/eks-pods';

/** `"$.x"` becomes a `Key.$` path; anything else a literal. */
function named(key: string, value: string): Record<string, string> {
  return value.startsWith('$') ? { [`${key}.$`]: value } : { [key]: value };
}

function flow(state: StateDef, options: Flow): StateDef {
  const result: StateDef = { ...state };
  if (options.retry) result.Retry = [{ ErrorEquals: ['States.ALL'], MaxAttempts: 2 }];
  if (options.catch) result.Catch = options.catch.map(([errors, next]) => ({ ErrorEquals: errors, ResultPath: '$.error', Next: next }));
  if (options.next !== undefined) result.Next = options.next;
  else result.End = true;
  return result;
}

const eks = (api: string, sync: boolean) => `arn:aws:states:::eks:${api}${sync ? '.sync' : ''}`;

export function createCluster(name: string, options: Flow & { sync?: boolean; extra?: Record<string, unknown>; vpc?: Record<string, unknown> } = {}): StateDef {
  return flow(
    {
      Type: 'Task',
      Resource: eks('createCluster', options.sync ?? true),
      Parameters: { ...named('Name', name), RoleArn: ROLE, ResourcesVpcConfig: { SubnetIds: SUBNETS, ...options.vpc }, ...options.extra },
      ResultPath: '$.eks',
    },
    options,
  );
}

export function deleteCluster(name: string, options: Flow = {}): StateDef {
  return flow({ Type: 'Task', Resource: eks('deleteCluster', true), Parameters: named('Name', name), ResultPath: null }, options);
}

export function createNodegroup(cluster: string, nodegroup: string, options: Flow & { sync?: boolean } = {}): StateDef {
  return flow(
    {
      Type: 'Task',
      Resource: eks('createNodegroup', options.sync ?? true),
      Parameters: { ...named('ClusterName', cluster), ...named('NodegroupName', nodegroup), NodeRole: NODE_ROLE, Subnets: SUBNETS },
      ResultPath: null,
    },
    options,
  );
}

export function deleteNodegroup(cluster: string, nodegroup: string, options: Flow = {}): StateDef {
  return flow(
    { Type: 'Task', Resource: eks('deleteNodegroup', true), Parameters: { ...named('ClusterName', cluster), ...named('NodegroupName', nodegroup) }, ResultPath: null },
    options,
  );
}

export function createFargateProfile(cluster: string, profile: string, options: Flow = {}): StateDef {
  return flow(
    {
      Type: 'Task',
      Resource: eks('createFargateProfile', true),
      Parameters: { ...named('ClusterName', cluster), ...named('FargateProfileName', profile), PodExecutionRoleArn: POD_ROLE, Selectors: [{ Namespace: 'jobs' }] },
      ResultPath: null,
    },
    options,
  );
}

export function deleteFargateProfile(cluster: string, profile: string, options: Flow = {}): StateDef {
  return flow(
    { Type: 'Task', Resource: eks('deleteFargateProfile', true), Parameters: { ...named('ClusterName', cluster), ...named('FargateProfileName', profile) }, ResultPath: null },
    options,
  );
}

export function runJob(cluster: string, options: Flow = {}): StateDef {
  return flow(
    {
      Type: 'Task',
      Resource: eks('runJob', true),
      Parameters: {
        ...named('ClusterName', cluster),
        'CertificateAuthority.$': '$.eks.Cluster.CertificateAuthority.Data',
        'Endpoint.$': '$.eks.Cluster.Endpoint',
        Job: {
          apiVersion: 'batch/v1',
          kind: 'Job',
          metadata: { name: 'report' },
          spec: { backoffLimit: 0, template: { spec: { containers: [{ name: 'report', image: 'report:1.4' }], restartPolicy: 'Never' } } },
        },
      },
      ResultPath: null,
    },
    options,
  );
}

export function call(cluster: string, method: string, path: string, options: Flow = {}): StateDef {
  return flow(
    {
      Type: 'Task',
      Resource: 'arn:aws:states:::eks:call',
      Parameters: {
        ...named('ClusterName', cluster),
        'CertificateAuthority.$': '$.eks.Cluster.CertificateAuthority.Data',
        'Endpoint.$': '$.eks.Cluster.Endpoint',
        Method: method,
        Path: path,
      },
      ResultPath: null,
    },
    options,
  );
}

export function sdk(action: string, parameters: Record<string, unknown>, options: Flow = {}): StateDef {
  return flow({ Type: 'Task', Resource: `arn:aws:states:::aws-sdk:eks:${action}`, Parameters: parameters, ResultPath: null }, options);
}

export function lambda(options: Flow = {}): StateDef {
  return flow({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'report', 'Payload.$': '$' }, ResultPath: null }, options);
}

export function pass(options: Flow = {}): StateDef {
  return flow({ Type: 'Pass' }, options);
}

export function wait(seconds: number, options: Flow = {}): StateDef {
  return flow({ Type: 'Wait', Seconds: seconds }, options);
}

export function choice(rules: readonly (readonly [variable: string, next: string])[], defaultNext?: string): StateDef {
  return {
    Type: 'Choice',
    Choices: rules.map(([variable, next]) => ({ Variable: variable, BooleanEquals: true, Next: next })),
    ...(defaultNext !== undefined ? { Default: defaultNext } : {}),
  };
}

export function fail(error: string): StateDef {
  return { Type: 'Fail', Error: error, Cause: 'See the execution history' };
}

export function succeed(): StateDef {
  return { Type: 'Succeed' };
}

export function scope(states: Record<string, StateDef>, startAt = Object.keys(states)[0]!): StateDef {
  return { StartAt: startAt, States: states };
}

export function parallel(branches: readonly StateDef[], options: Flow = {}): StateDef {
  return flow({ Type: 'Parallel', Branches: branches, ResultPath: null }, options);
}

export function map(processor: StateDef, options: Flow & { extra?: Record<string, unknown> } = {}): StateDef {
  return flow({ Type: 'Map', ItemsPath: '$.items', ItemProcessor: processor, ResultPath: null, ...options.extra }, options);
}

/** The workflow as indented JSON text. */
export function workflow(states: Record<string, StateDef>, startAt = Object.keys(states)[0]!): string {
  return `${JSON.stringify({ StartAt: startAt, States: states }, null, 2)}\n`;
}

export interface Position {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** Where the key of state `name` is (its first occurrence as an object key). */
export function stateKey(code: string, name: string): Position {
  const lines = code.split('\n');
  const needle = `${JSON.stringify(name)}: {`;
  const index = lines.findIndex((line) => line.trimStart().startsWith(needle));
  if (index < 0) throw new Error(`state ${name} not in the text`);
  const column = lines[index]!.indexOf(needle) + 1;
  return { line: index + 1, column, endLine: index + 1, endColumn: column + JSON.stringify(name).length };
}

/** Where the value of `key` is, in the first line after state `name`'s key that holds it. */
export function fieldValue(code: string, name: string, key: string): Position {
  const lines = code.split('\n');
  const start = stateKey(code, name).line;
  const needle = `${JSON.stringify(key)}: `;
  for (let index = start; index < lines.length; index++) {
    const at = lines[index]!.indexOf(needle);
    if (at < 0) continue;
    const valueStart = at + needle.length;
    const value = lines[index]!.slice(valueStart).replace(/,$/, '');
    return { line: index + 1, column: valueStart + 1, endLine: index + 1, endColumn: valueStart + 1 + value.length };
  }
  throw new Error(`${key} not found after state ${name}`);
}
