import {
  defineRule,
  EKS_PARAMETERS,
  eksTasks,
  isObjectValue,
  KUBERNETES_LIST_BOUNDS,
  POD_LOG_SIZE_BOUNDS,
  readEksField,
  TASK_RESULT_QUOTA_BYTES,
  type EksTask,
  type JsonValue,
  type Path,
  type RuleContext,
} from '@asl-lint/core';

const QUOTA = `${TASK_RESULT_QUOTA_BYTES / 1024} KiB`;

export default defineRule({
  meta: {
    id: 'eks/result-size',
    description: `Retrieved logs and listed Kubernetes objects can outgrow the ${QUOTA} task result quota`,
    severity: 'warning',
    fix: 'none',
    locality: 'state',
    appliesTo: 'any',
    messages: {
      unboundedLogs: `State "{{state}}" retrieves the Job's logs without "tailLines" or "limitBytes": a chatty Job can return more than the ${QUOTA} a task result may hold, and the state then fails with States.DataLimitExceeded, which States.ALL does not catch; add "LogParameters": {"tailLines": ["100"]}`,
      limitTooLarge: `State "{{state}}": limitBytes {{value}} is above the ${QUOTA} (${TASK_RESULT_QUOTA_BYTES} bytes) task result quota; use a smaller limit`,
      unboundedList: `State "{{state}}": GET {{path}} lists every {{resource}} without "limit" or a selector; the response can exceed the ${QUOTA} task result quota — add QueryParameters "limit" (e.g. ["50"]), "labelSelector" or "fieldSelector"`,
      unboundedPodLog: `State "{{state}}": GET {{path}} reads a whole pod log; add QueryParameters "tailLines" or "limitBytes" to stay under the ${QUOTA} task result quota`,
    },
    docs: {
      whatItDoes: `Warns where an EKS Task's result can outgrow Step Functions' ${QUOTA} result quota: \`eks:runJob.sync\` with \`RetrieveLogs: true\` and neither \`tailLines\` nor \`limitBytes\` in \`LogParameters\`; a \`limitBytes\` above ${TASK_RESULT_QUOTA_BYTES}; an \`eks:call\` \`GET\` of a collection (\`…/pods\`, \`…/jobs\`, any path that ends at a resource type rather than an object name) without \`limit\`, \`labelSelector\` or \`fieldSelector\`; and a \`GET\` of a pod's \`log\` without \`tailLines\` or \`limitBytes\`.`,
      whyItMatters: `A task result over ${QUOTA} fails the state with \`States.DataLimitExceeded\`, which \`States.ALL\` does not catch: the execution fails even though the Job itself succeeded, and cleanup steps behind a Catch never run. Logs and lists grow with the workload, so the problem appears in production, not in a small test.`,
      examples: {
        invalid: [
          {
            title: 'Every pod of the namespace',
            code: '{\n  "StartAt": "List pods",\n  "States": {\n    "List pods": {\n      "Type": "Task",\n      "Resource": "arn:aws:states:::eks:call",\n      "Parameters": {\n        "ClusterName": "batch",\n        "CertificateAuthority": "LS0tLS1CRUdJTg==",\n        "Endpoint": "https://EXAMPLE.gr7.us-east-1.eks.amazonaws.com",\n        "Method": "GET",\n        "Path": "/api/v1/namespaces/default/pods"\n      },\n      "End": true\n    }\n  }\n}\n',
          },
        ],
        valid: [
          {
            title: 'Only the pods of one Job',
            code: '{\n  "StartAt": "List pods",\n  "States": {\n    "List pods": {\n      "Type": "Task",\n      "Resource": "arn:aws:states:::eks:call",\n      "Parameters": {\n        "ClusterName": "batch",\n        "CertificateAuthority": "LS0tLS1CRUdJTg==",\n        "Endpoint": "https://EXAMPLE.gr7.us-east-1.eks.amazonaws.com",\n        "Method": "GET",\n        "Path": "/api/v1/namespaces/default/pods",\n        "QueryParameters": { "labelSelector": ["job-name=report"] }\n      },\n      "End": true\n    }\n  }\n}\n',
          },
        ],
      },
    },
  },
  check(context) {
    for (const task of eksTasks(context.machine.states)) {
      if (task.spec?.api === 'runJob') checkRetrievedLogs(task, context);
      else if (task.spec?.api === 'call') checkListCall(task, context);
    }
  },
});

function checkRetrievedLogs(task: EksTask, context: RuleContext): void {
  if (task.pattern !== 'sync') return;
  const logOptions = readEksField(task, EKS_PARAMETERS.logOptions);
  if (logOptions?.kind !== 'literal' || !isObjectValue(logOptions.value)) return;
  const language = task.form === 'Arguments' ? 'JSONata' : 'JSONPath';
  const options = logOptions.value;
  const state = task.state.name;
  const logParameters = readNested(options, EKS_PARAMETERS.logParameters, language);
  if (logParameters === 'dynamic') return;
  const parametersPath = [...logOptions.path, EKS_PARAMETERS.logParameters];
  if (logParameters && Object.hasOwn(logParameters, 'limitBytes')) reportLimitsAboveQuota(logParameters.limitBytes, [...parametersPath, 'limitBytes'], state, context);
  if (options[EKS_PARAMETERS.retrieveLogs] !== true) return;
  const bounded = logParameters !== undefined && POD_LOG_SIZE_BOUNDS.some((name) => Object.hasOwn(logParameters, name) || Object.hasOwn(logParameters, `${name}.$`));
  if (!bounded) context.report({ path: [...logOptions.path, EKS_PARAMETERS.retrieveLogs], messageId: 'unboundedLogs', data: { state } });
}

function checkListCall(task: EksTask, context: RuleContext): void {
  const method = readEksField(task, EKS_PARAMETERS.method);
  const path = readEksField(task, EKS_PARAMETERS.path);
  if (method?.kind !== 'literal' || method.value !== 'GET' || path?.kind !== 'literal' || typeof path.value !== 'string') return;
  const target = classifyKubernetesPath(path.value);
  if (!target) return;
  const query = readEksField(task, EKS_PARAMETERS.queryParameters);
  if (query && (query.kind !== 'literal' || !isObjectValue(query.value))) return;
  const names = new Set(Object.keys(query?.kind === 'literal' && isObjectValue(query.value) ? query.value : {}).map((key) => (key.endsWith('.$') ? key.slice(0, -2) : key)));
  const state = task.state.name;
  if (target.kind === 'collection' && !KUBERNETES_LIST_BOUNDS.some((name) => names.has(name))) {
    context.report({ path: path.path, messageId: 'unboundedList', data: { state, path: path.value, resource: target.resource } });
  } else if (target.kind === 'pod-log' && !POD_LOG_SIZE_BOUNDS.some((name) => names.has(name))) {
    context.report({ path: path.path, messageId: 'unboundedPodLog', data: { state, path: path.value } });
  } else if (target.kind === 'pod-log' && query?.kind === 'literal' && isObjectValue(query.value)) {
    reportLimitsAboveQuota(query.value.limitBytes, [...query.path, 'limitBytes'], state, context);
  }
}

/** `limitBytes` is a list of strings; each literal above the quota is reported. */
function reportLimitsAboveQuota(limitBytes: JsonValue | undefined, path: Path, state: string, context: RuleContext): void {
  if (!Array.isArray(limitBytes)) return;
  limitBytes.forEach((item, index) => {
    const text = typeof item === 'string' ? item.trim() : '';
    if (/^\d+$/.test(text) && Number(text) > TASK_RESULT_QUOTA_BYTES) context.report({ path: [...path, index], messageId: 'limitTooLarge', data: { state, value: text } });
  });
}

/** A map-valued option: its object, `dynamic` when computed at run time, or undefined when absent. */
function readNested(container: { [key: string]: JsonValue }, key: string, language: 'JSONPath' | 'JSONata'): { [key: string]: JsonValue } | 'dynamic' | undefined {
  if (language === 'JSONPath' && Object.hasOwn(container, `${key}.$`)) return 'dynamic';
  if (!Object.hasOwn(container, key)) return undefined;
  const value = container[key];
  return isObjectValue(value) ? value : 'dynamic';
}

/**
 * What a Kubernetes REST path names: a collection (`/api/v1/namespaces/x/pods`, `/apis/batch/v1/jobs`), a pod's log,
 * or (undefined) a single object, a subresource or something unrecognised.
 */
function classifyKubernetesPath(raw: string): { kind: 'collection' | 'pod-log'; resource: string } | undefined {
  const segments = raw.split('?')[0].split('/').filter((segment) => segment !== '');
  let rest: string[];
  if (segments[0] === 'api' && segments.length >= 2) rest = segments.slice(2);
  else if (segments[0] === 'apis' && segments.length >= 3) rest = segments.slice(3);
  else return undefined;
  if (rest[0] === 'watch' || rest.some((segment) => segment.includes('${'))) return undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) rest = rest.slice(2);
  if (rest.length === 1) return { kind: 'collection', resource: rest[0] === 'namespaces' ? 'namespace' : singular(rest[0]) };
  if (rest.length === 3 && rest[0] === 'pods' && rest[2] === 'log') return { kind: 'pod-log', resource: 'pod' };
  return undefined;
}

function singular(resource: string): string {
  return resource.endsWith('ses') ? resource.slice(0, -2) : resource.endsWith('s') ? resource.slice(0, -1) : resource;
}
