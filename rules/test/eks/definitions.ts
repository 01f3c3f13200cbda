/** Builders for EKS rule test cases: one Task state placed at the top level, in a Parallel branch or in a Map. */

export const CLUSTER = { ClusterName: 'batch', CertificateAuthority: 'LS0tLS1CRUdJTg==', Endpoint: 'https://EXAMPLE.gr7.us-east-1.eks.amazonaws.com' };

export const JOB = {
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'report' },
  spec: { backoffLimit: 0, template: { spec: { containers: [{ name: 'report', image: 'report:1.4' }], restartPolicy: 'Never' } } },
};

type Placement = 'top' | 'parallel' | 'map';

/** A state machine whose only Task is `state` (named "Run"), placed as asked, pretty-printed with two spaces. */
export function machine(state: Record<string, unknown>, options: { jsonata?: boolean; placement?: Placement } = {}): string {
  const task = { Type: 'Task', ...state, End: true };
  const inner = { StartAt: 'Run', States: { Run: task } };
  const root: Record<string, unknown> = options.jsonata ? { QueryLanguage: 'JSONata' } : {};
  if (!options.placement || options.placement === 'top') {
    Object.assign(root, inner);
  } else if (options.placement === 'parallel') {
    Object.assign(root, { StartAt: 'Fan out', States: { 'Fan out': { Type: 'Parallel', Branches: [inner], End: true } } });
  } else {
    Object.assign(root, { StartAt: 'Each', States: { Each: { Type: 'Map', ItemProcessor: inner, End: true } } });
  }
  return `${JSON.stringify(root, null, 2)}\n`;
}

export function runJob(payload: Record<string, unknown>, resource = 'arn:aws:states:::eks:runJob.sync', form: 'Parameters' | 'Arguments' = 'Parameters'): Record<string, unknown> {
  return { Resource: resource, [form]: payload };
}
