/** Predefined Step Functions error names and retrier limits (reference §7.7, union of the spec and AWS docs). */

export const STATES_ALL = 'States.ALL';

export const PREDEFINED_ERROR_NAMES: readonly string[] = [
  'States.ALL',
  'States.Timeout',
  'States.HeartbeatTimeout',
  'States.TaskFailed',
  'States.Permissions',
  'States.ResultPathMatchFailure',
  'States.ParameterPathFailure',
  'States.QueryEvaluationError',
  'States.BranchFailed',
  'States.NoChoiceMatched',
  'States.IntrinsicFailure',
  'States.ExceedToleratedFailureThreshold',
  'States.ItemReaderFailed',
  'States.ResultWriterFailed',
  'States.DataLimitExceeded',
  'States.Runtime',
  'States.Http.Socket',
];

/** Names in the reserved `States.` namespace; user-defined errors must not use it. */
export function isReservedErrorName(name: string): boolean {
  return name.startsWith('States.');
}

/** Retrier numbers (reference §7.7 and the AWS language service schema). */
export const RETRIER_LIMITS = {
  maxSeconds: 99_999_999,
  maxDelaySeconds: 31_622_400,
  jitterStrategies: ['FULL', 'NONE'] as readonly string[],
} as const;
