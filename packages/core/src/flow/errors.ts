/**
 * Which errors a state can raise, and which catcher handles each (reference §7.7).
 *
 * Errors are grouped in classes, because the set of names a Task can fail with is open:
 * - `task`: any error of a Task other than a timeout (service errors such as `EKS.401`, `States.TaskFailed`,
 *   `States.Permissions`, path failures…). `States.TaskFailed` and `States.ALL` catch all of it; a catcher that
 *   names one error (`EKS.401`) catches only that part, and the rest still escapes.
 * - `named`: exactly one error name (`States.Timeout`, `States.NoChoiceMatched`, the `Error` of a Fail state).
 * - `unknown`: a name the definition does not tell (a Fail state's `ErrorPath`); only `States.ALL` catches all of it.
 *
 * `States.Runtime` and `States.DataLimitExceeded` are never modelled: `States.ALL` cannot catch them, so no definition
 * can clean up after them (§7.7), and any state may raise them.
 */

export type ErrorClass =
  | { readonly kind: 'task' }
  | { readonly kind: 'named'; readonly name: string }
  | { readonly kind: 'unknown' };

export const ALL_ERRORS = 'States.ALL';
export const TASK_FAILED = 'States.TaskFailed';
export const TIMEOUT = 'States.Timeout';
export const HEARTBEAT_TIMEOUT = 'States.HeartbeatTimeout';
export const NO_CHOICE_MATCHED = 'States.NoChoiceMatched';
export const BRANCH_FAILED = 'States.BranchFailed';
export const EXCEED_TOLERATED_FAILURE_THRESHOLD = 'States.ExceedToleratedFailureThreshold';
export const ITEM_READER_FAILED = 'States.ItemReaderFailed';
export const RESULT_WRITER_FAILED = 'States.ResultWriterFailed';

/** Predefined errors a Task itself never raises: a catcher on a Task that names only these never matches. */
const NOT_RAISED_BY_TASKS: ReadonlySet<string> = new Set([
  TIMEOUT,
  HEARTBEAT_TIMEOUT,
  NO_CHOICE_MATCHED,
  BRANCH_FAILED,
  EXCEED_TOLERATED_FAILURE_THRESHOLD,
  ITEM_READER_FAILED,
  RESULT_WRITER_FAILED,
  'States.DataLimitExceeded',
  'States.Runtime',
]);

export const TASK_ERRORS: readonly ErrorClass[] = [{ kind: 'task' }, { kind: 'named', name: TIMEOUT }];

export function errorClassKey(error: ErrorClass): string {
  return error.kind === 'named' ? `named:${error.name}` : error.kind;
}

/** The error name a witness shows for a class. */
export function errorLabel(error: ErrorClass): string {
  return error.kind === 'task' ? TASK_FAILED : error.kind === 'named' ? error.name : 'an unnamed error';
}

export interface Catcher {
  readonly index: number;
  readonly target: string;
  readonly errorEquals: readonly string[];
}

export interface CatchMatch {
  readonly catcher: Catcher;
  /** The error this edge carries: the class's label, or the single name a partial catcher matched. */
  readonly error: string;
  /** False when the catcher handles only part of the class. */
  readonly whole: boolean;
}

export interface Dispatch {
  readonly caught: readonly CatchMatch[];
  /** True when some part of the class escapes every catcher. */
  readonly escapes: boolean;
}

/**
 * Routes an error class through catchers in order: the first catcher that covers the whole class takes it; catchers
 * before it that name a part of it also get an edge. `wildcards` are extra names that cover every class here
 * (`States.BranchFailed` on a Parallel state).
 */
export function dispatchError(error: ErrorClass, catchers: readonly Catcher[], wildcards: readonly string[] = []): Dispatch {
  const caught: CatchMatch[] = [];
  for (const catcher of catchers) {
    let partial: string | undefined;
    let whole = false;
    for (const name of catcher.errorEquals) {
      if (covers(name, error) || wildcards.includes(name)) {
        whole = true;
        break;
      }
      if (partial === undefined && coversPart(name, error)) partial = name;
    }
    if (whole) {
      caught.push({ catcher, error: errorLabel(error), whole: true });
      return { caught, escapes: false };
    }
    if (partial !== undefined) caught.push({ catcher, error: partial, whole: false });
  }
  return { caught, escapes: true };
}

function covers(name: string, error: ErrorClass): boolean {
  if (name === ALL_ERRORS) return true;
  switch (error.kind) {
    case 'task':
      return name === TASK_FAILED;
    case 'named':
      // States.TaskFailed matches every known error name except States.Timeout (§7.7).
      return name === error.name || (name === TASK_FAILED && error.name !== TIMEOUT);
    case 'unknown':
      return false;
  }
}

function coversPart(name: string, error: ErrorClass): boolean {
  switch (error.kind) {
    case 'task':
      return !NOT_RAISED_BY_TASKS.has(name) && name !== TASK_FAILED;
    case 'named':
      return error.name === TIMEOUT && name === HEARTBEAT_TIMEOUT;
    case 'unknown':
      return true;
  }
}
