import {
  defineRule,
  EKS_PARAMETERS,
  eksTasks,
  isJsonataExpression,
  isObjectValue,
  KUBERNETES_JOB,
  readEksField,
  RUN_JOB_POLL_INTERVAL_SECONDS,
  type EksTask,
  type JsonValue,
  type Path,
  type Report,
} from '@asl-lint/core';

/** A field of the manifest as the workflow sees it: absent, computed at run time, or a literal. */
type Slot = { readonly kind: 'absent' } | { readonly kind: 'dynamic' } | { readonly kind: 'value'; readonly value: JsonValue; readonly inner: readonly (string | number)[] };

const ABSENT: Slot = { kind: 'absent' };
const DYNAMIC: Slot = { kind: 'dynamic' };

export default defineRule({
  meta: {
    id: 'eks/job-manifest',
    description: 'The `Job` of `eks:runJob` must be a runnable `batch/v1` Kubernetes Job',
    severity: 'error',
    fix: 'none',
    locality: 'state',
    appliesTo: 'any',
    messages: {
      notJson: 'State "{{state}}": the Job string is not valid JSON; give the Job as an object or as JSON text',
      notObject: 'State "{{state}}": the Job must be a Kubernetes Job object, not {{type}}',
      apiVersion: `State "{{state}}": the Job has apiVersion {{value}}; eks:runJob runs only "${KUBERNETES_JOB.apiVersion}" Jobs (use eks:call for other objects)`,
      kind: `State "{{state}}": the Job has kind {{value}}; eks:runJob runs only kind "${KUBERNETES_JOB.kind}" (use eks:call for other objects)`,
      missing: 'State "{{state}}": the Job is missing {{field}}; {{advice}}',
      notArray: 'State "{{state}}": {{field}} of the Job must be a list',
      container: 'State "{{state}}": container {{index}} of the Job has no "{{field}}"; every container needs a name and an image',
      badName: 'State "{{state}}": the Job name {{value}} is not a valid Kubernetes name; use lowercase letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters',
      longName: 'State "{{state}}": the Job name {{value}} is {{length}} characters long; keep it to 63, since Kubernetes copies it into the pods\' job-name label and host names',
      badContainerName: 'State "{{state}}": container name {{value}} is not a valid Kubernetes name; use at most 63 lowercase letters, digits and "-", starting and ending with a letter or digit',
      restartPolicyMissing: `State "{{state}}": the Job's pod template sets no restartPolicy, so Kubernetes takes "${KUBERNETES_JOB.podSpecDefaultRestartPolicy}", which a Job cannot have and the API server rejects; set "Never" or "OnFailure"`,
      restartPolicyAlways: 'State "{{state}}": the Job\'s pods use restartPolicy "Always", but a Job completes only when its pods end, so Kubernetes rejects it; use "Never" (retry with new pods up to backoffLimit) or "OnFailure" (restart in place)',
      restartPolicyInvalid: 'State "{{state}}": restartPolicy {{value}} is not a policy a Job accepts; use "Never" or "OnFailure"',
      backoffLimit: `State "{{state}}": the Job sets no spec.backoffLimit, so Kubernetes retries failed pods up to ${KUBERNETES_JOB.defaultBackoffLimit} times before the Job fails; set it explicitly (AWS examples use 0)`,
      shortTtl: `State "{{state}}": spec.ttlSecondsAfterFinished is {{value}}, so Kubernetes may delete the finished Job before eks:runJob.sync sees it (it polls about every ${RUN_JOB_POLL_INTERVAL_SECONDS.initial} seconds at first, slowing to every ${RUN_JOB_POLL_INTERVAL_SECONDS.slowest}); use at least ${RUN_JOB_POLL_INTERVAL_SECONDS.slowest}`,
    },
    docs: {
      whatItDoes: `Checks the \`Job\` of every \`eks:runJob\` state, given as an object or as a string holding JSON: \`apiVersion\` must be \`${KUBERNETES_JOB.apiVersion}\` and \`kind\` \`${KUBERNETES_JOB.kind}\`; \`metadata.name\` (or \`metadata.generateName\`) must be set, and names must be valid Kubernetes names (a Job name over 63 characters is a warning); \`spec.template.spec.containers\` must list containers that each have a \`name\` and an \`image\`; \`restartPolicy\` must be \`Never\` or \`OnFailure\`. It also warns (at warning severity, whatever the rule's level) about a Job without \`spec.backoffLimit\` (Kubernetes then retries ${KUBERNETES_JOB.defaultBackoffLimit} times) and, for \`.sync\`, a \`ttlSecondsAfterFinished\` shorter than Step Functions' slowest poll. Values computed at run time (\`.$\` keys, \`{% %}\` expressions) are accepted.`,
      whyItMatters: `\`eks:runJob\` handles only \`batch/v1\` Jobs; anything else must go through \`eks:call\`. Kubernetes rejects a Job whose pods would restart forever: a Pod template without \`restartPolicy\` defaults to \`Always\`, which a Job cannot use. The rejection comes back as a failed Task at run time, after the states before it (often a cluster creation) have run. A missing \`backoffLimit\` silently multiplies the cost of a failing Job, and a Job deleted by its TTL before Step Functions polls it leaves the Task waiting on an object that no longer exists.`,
      examples: {
        invalid: [
          {
            title: 'No restartPolicy: Kubernetes would take Always',
            code: '{\n  "StartAt": "Train",\n  "States": {\n    "Train": {\n      "Type": "Task",\n      "Resource": "arn:aws:states:::eks:runJob.sync",\n      "Parameters": {\n        "ClusterName": "batch",\n        "CertificateAuthority": "LS0tLS1CRUdJTg==",\n        "Endpoint": "https://EXAMPLE.gr7.us-east-1.eks.amazonaws.com",\n        "Job": {\n          "apiVersion": "batch/v1",\n          "kind": "Job",\n          "metadata": { "name": "train" },\n          "spec": {\n            "backoffLimit": 2,\n            "template": { "spec": { "containers": [{ "name": "train", "image": "trainer:3" }] } }\n          }\n        }\n      },\n      "End": true\n    }\n  }\n}\n',
          },
        ],
        valid: [
          {
            title: 'The Job as a JSON string',
            code: '{\n  "StartAt": "Train",\n  "States": {\n    "Train": {\n      "Type": "Task",\n      "Resource": "arn:aws:states:::eks:runJob.sync",\n      "Parameters": {\n        "ClusterName": "batch",\n        "CertificateAuthority": "LS0tLS1CRUdJTg==",\n        "Endpoint": "https://EXAMPLE.gr7.us-east-1.eks.amazonaws.com",\n        "Job": "{\\"apiVersion\\": \\"batch/v1\\", \\"kind\\": \\"Job\\", \\"metadata\\": {\\"name\\": \\"train\\"}, \\"spec\\": {\\"backoffLimit\\": 2, \\"template\\": {\\"spec\\": {\\"containers\\": [{\\"name\\": \\"train\\", \\"image\\": \\"trainer:3\\"}], \\"restartPolicy\\": \\"Never\\"}}}}"\n      },\n      "End": true\n    }\n  }\n}\n',
          },
        ],
      },
    },
  },
  check(context) {
    for (const task of eksTasks(context.machine.states)) {
      if (task.spec?.api !== 'runJob') continue;
      const field = readEksField(task, EKS_PARAMETERS.job);
      if (!field || field.kind !== 'literal') continue;
      const state = task.state.name;
      let job: JsonValue = field.value;
      let embedded = false;
      if (typeof job === 'string') {
        const text = job.trim();
        // Only JSON text can be checked; how other strings are read is not documented.
        if (!text.startsWith('{') && !text.startsWith('[')) continue;
        try {
          job = JSON.parse(text) as JsonValue;
          embedded = true;
        } catch {
          context.report({ path: field.path, messageId: 'notJson', data: { state } });
          continue;
        }
      }
      if (!isObjectValue(job)) {
        if (job !== null && typeof job === 'object') context.report({ path: field.path, messageId: 'notObject', data: { state, type: 'a list' } });
        continue;
      }
      checkJob(new JobReader(task, field.path, job, embedded), task, (report) => context.report(report));
    }
  },
});

/** Reads the manifest with the dynamic-value rules of the payload it sits in; maps inner paths to document paths. */
class JobReader {
  constructor(
    private readonly task: EksTask,
    private readonly jobPath: Path,
    readonly job: JsonValue,
    /** The Job was a JSON string: findings point at the string, dynamic syntax does not apply. */
    readonly embedded: boolean,
  ) {}

  get(inner: readonly (string | number)[], from: Slot = { kind: 'value', value: this.job, inner: [] }): Slot {
    let slot = from;
    for (const segment of inner) {
      if (slot.kind !== 'value') return slot;
      const container = slot.value;
      if (typeof segment === 'number') {
        if (!Array.isArray(container) || segment >= container.length) return ABSENT;
        slot = this.literal(container[segment], [...slot.inner, segment]);
        continue;
      }
      if (!isObjectValue(container)) return ABSENT;
      if (!this.embedded && this.task.form === 'Parameters' && Object.hasOwn(container, `${segment}.$`)) return DYNAMIC;
      if (!Object.hasOwn(container, segment)) return ABSENT;
      slot = this.literal(container[segment], [...slot.inner, segment]);
    }
    return slot;
  }

  private literal(value: JsonValue, inner: readonly (string | number)[]): Slot {
    if (!this.embedded && this.task.form === 'Arguments' && isJsonataExpression(value)) return DYNAMIC;
    return { kind: 'value', value, inner };
  }

  /** A missing field is reported on the key of its parent object; inside a Job string, on the string. */
  get missingAt(): 'key' | 'value' {
    return this.embedded ? 'value' : 'key';
  }

  /** Where to report: the inner node, or the Job string when the Job is embedded JSON. */
  path(inner: readonly (string | number)[]): Path {
    return this.embedded ? this.jobPath : [...this.jobPath, ...inner];
  }
}

function checkJob(reader: JobReader, task: EksTask, report: (report: Report) => void): void {
  const state = task.state.name;
  const missing = (inner: readonly (string | number)[], field: string, advice: string): void =>
    report({ path: reader.path(inner), at: reader.missingAt, messageId: 'missing', data: { state, field, advice } });

  const apiVersion = reader.get(['apiVersion']);
  if (apiVersion.kind === 'absent') missing([], 'apiVersion', `set it to "${KUBERNETES_JOB.apiVersion}"`);
  else if (apiVersion.kind === 'value' && apiVersion.value !== KUBERNETES_JOB.apiVersion) {
    report({ path: reader.path(apiVersion.inner), messageId: 'apiVersion', data: { state, value: JSON.stringify(apiVersion.value) } });
  }
  const kind = reader.get(['kind']);
  if (kind.kind === 'absent') missing([], 'kind', `set it to "${KUBERNETES_JOB.kind}"`);
  else if (kind.kind === 'value' && kind.value !== KUBERNETES_JOB.kind) {
    report({ path: reader.path(kind.inner), messageId: 'kind', data: { state, value: JSON.stringify(kind.value) } });
  }

  const metadata = reader.get(['metadata']);
  if (metadata.kind === 'absent') missing([], 'metadata.name', 'name the Job in metadata.name (or set metadata.generateName)');
  else if (metadata.kind === 'value') {
    const name = reader.get(['name'], metadata);
    if (name.kind === 'absent' && reader.get(['generateName'], metadata).kind === 'absent') {
      missing(['metadata'], 'metadata.name', 'name the Job in metadata.name (or set metadata.generateName)');
    } else if (name.kind === 'value' && typeof name.value === 'string' && !name.value.includes('${')) {
      const value = JSON.stringify(name.value);
      if (name.value.length > KUBERNETES_JOB.nameMaxLength || !KUBERNETES_JOB.namePattern.test(name.value)) {
        report({ path: reader.path(name.inner), messageId: 'badName', data: { state, value } });
      } else if (name.value.length > KUBERNETES_JOB.nameLabelMaxLength) {
        report({ path: reader.path(name.inner), messageId: 'longName', data: { state, value, length: name.value.length }, severity: 'warning' });
      }
    }
  }

  const spec = reader.get(['spec']);
  if (spec.kind === 'absent') {
    missing([], 'spec.template', 'add the pod template that runs the Job\'s containers');
    return;
  }
  if (spec.kind !== 'value') return;
  const template = reader.get(['template'], spec);
  const podSpec = template.kind === 'value' ? reader.get(['spec'], template) : template;
  if (template.kind === 'absent' || podSpec.kind === 'absent') {
    missing(template.kind === 'value' ? template.inner : spec.inner, template.kind === 'absent' ? 'spec.template' : 'spec.template.spec', 'add the pod template that runs the Job\'s containers');
  } else if (podSpec.kind === 'value') {
    checkPodSpec(reader, podSpec, state, report, missing);
  }

  if (reader.get(['backoffLimit'], spec).kind === 'absent') report({ path: reader.path(spec.inner), at: reader.missingAt, messageId: 'backoffLimit', data: { state }, severity: 'warning' });
  const ttl = reader.get(['ttlSecondsAfterFinished'], spec);
  if (task.pattern === 'sync' && ttl.kind === 'value' && typeof ttl.value === 'number' && ttl.value < RUN_JOB_POLL_INTERVAL_SECONDS.slowest) {
    report({ path: reader.path(ttl.inner), messageId: 'shortTtl', data: { state, value: ttl.value }, severity: 'warning' });
  }
}

function checkPodSpec(
  reader: JobReader,
  podSpec: Extract<Slot, { kind: 'value' }>,
  state: string,
  report: (report: Report) => void,
  missing: (inner: readonly (string | number)[], field: string, advice: string) => void,
): void {
  const containers = reader.get(['containers'], podSpec);
  if (containers.kind === 'absent') missing(podSpec.inner, 'spec.template.spec.containers', 'add at least one container with a name and an image');
  else if (containers.kind === 'value') {
    if (!Array.isArray(containers.value)) {
      report({ path: reader.path(containers.inner), messageId: 'notArray', data: { state, field: 'spec.template.spec.containers' } });
    } else if (containers.value.length === 0) {
      missing(containers.inner, 'spec.template.spec.containers', 'add at least one container with a name and an image');
    } else {
      containers.value.forEach((_, index) => {
        const container = reader.get([index], containers);
        if (container.kind !== 'value' || !isObjectValue(container.value)) return;
        for (const field of ['name', 'image']) {
          if (reader.get([field], container).kind === 'absent') report({ path: reader.path(container.inner), messageId: 'container', data: { state, index, field } });
        }
        const name = reader.get(['name'], container);
        if (name.kind === 'value' && typeof name.value === 'string' && !name.value.includes('${')) {
          if (name.value.length > KUBERNETES_JOB.containerNameMaxLength || !KUBERNETES_JOB.containerNamePattern.test(name.value)) {
            report({ path: reader.path(name.inner), messageId: 'badContainerName', data: { state, value: JSON.stringify(name.value) } });
          }
        }
      });
    }
  }
  const restartPolicy = reader.get(['restartPolicy'], podSpec);
  if (restartPolicy.kind === 'absent') report({ path: reader.path(podSpec.inner), at: reader.missingAt, messageId: 'restartPolicyMissing', data: { state } });
  else if (restartPolicy.kind === 'value' && !KUBERNETES_JOB.restartPolicies.includes(restartPolicy.value as string)) {
    const always = restartPolicy.value === KUBERNETES_JOB.podSpecDefaultRestartPolicy;
    report({ path: reader.path(restartPolicy.inner), messageId: always ? 'restartPolicyAlways' : 'restartPolicyInvalid', data: { state, value: JSON.stringify(restartPolicy.value) } });
  }
}
