/** Reading a Task state as an EKS integration: which API, which pattern, which payload. */
import type { JsonValue, Path } from '../ast.js';
import { readField, type FieldValue } from '../dynamic-values.js';
import type { State } from '../model.js';
import type { IntegrationPattern } from '../resource.js';
import { EKS_SERVICE, eksApi, type EksApiSpec } from './eks.js';
import type { PayloadForm } from './payload-schema.js';

/** How parseTaskResource masks `${…}` template placeholders. */
const PLACEHOLDER = '\u0000';

export interface EksTask {
  readonly state: State;
  /** The API as written after `eks:` (may be misspelled). */
  readonly apiName: string;
  /** The catalog entry, when `apiName` is one of the eight integrations. */
  readonly spec: EksApiSpec | undefined;
  readonly pattern: IntegrationPattern;
  /** The suffix as written (`sync`, `waitForTaskToken`, `synch`…); undefined when absent or a template placeholder. */
  readonly suffix: string | undefined;
  /**
   * The payload field the state has: the one its query language uses when present, else the other one
   * (a JSONPath state with `Arguments` is reported by asl/schema; its content is still checked here).
   */
  readonly form: PayloadForm | undefined;
  readonly payload: JsonValue | undefined;
  /** Path of the payload (`[...state.path, form]`), or of the state when there is none. */
  readonly payloadPath: Path;
}

const tasks = new WeakMap<State, EksTask | null>();

/** The EKS integration of a Task state (`arn:<partition>:states:::eks:…`), or undefined for any other state. */
export function eksTaskOf(state: State): EksTask | undefined {
  // Most states are no EKS service integration: answered without the cache.
  if (state.resource?.kind !== 'service' || state.resource.service !== EKS_SERVICE) return undefined;
  // Read once per state: a dozen rules and the flow analysis ask for every state.
  let task = tasks.get(state);
  if (task === undefined) tasks.set(state, (task = readEksTask(state) ?? null));
  return task ?? undefined;
}

function readEksTask(state: State): EksTask | undefined {
  const resource = state.resource;
  if (!resource || resource.kind !== 'service' || resource.service !== EKS_SERVICE || resource.api === undefined) return undefined;
  // `eks:${Api}` names no API until the template is deployed; `eks:runJob.${Pattern}` has an unknown pattern.
  if (resource.api.includes(PLACEHOLDER)) return undefined;
  const templatedSuffix = resource.suffix?.includes(PLACEHOLDER) === true;
  const preferred: PayloadForm = state.queryLanguage === 'JSONata' ? 'Arguments' : 'Parameters';
  const other: PayloadForm = preferred === 'Arguments' ? 'Parameters' : 'Arguments';
  const form = state.fields[preferred] !== undefined ? preferred : state.fields[other] !== undefined ? other : undefined;
  return {
    state,
    apiName: resource.api,
    spec: eksApi(resource.api),
    pattern: templatedSuffix ? 'unknown' : resource.pattern,
    suffix: templatedSuffix ? undefined : resource.suffix,
    form,
    payload: form ? state.fields[form] : undefined,
    payloadPath: form ? [...state.path, form] : state.path,
  };
}

/** Every EKS Task of a state machine, nested states included, in document order. */
export function eksTasks(states: readonly State[]): EksTask[] {
  const tasks: EksTask[] = [];
  for (const state of states) {
    const task = eksTaskOf(state);
    if (task) tasks.push(task);
  }
  return tasks;
}

/**
 * A top-level payload field as the workflow sees it: a literal, a JSONPath `Key.$` path, or a JSONata expression.
 * `Parameters` are read with JSONPath semantics and `Arguments` with JSONata semantics, whatever the state's language.
 */
export function readEksField(task: EksTask, key: string): FieldValue | undefined {
  if (!task.form) return undefined;
  return readField(task.payload, key, task.payloadPath, task.form === 'Arguments' ? 'JSONata' : 'JSONPath');
}
