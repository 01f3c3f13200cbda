import {
  closestMatch,
  defineRule,
  EKS_PARAMETERS,
  eksTasks,
  isJsonataExpression,
  isObjectValue,
  POD_LOG_PARAMETERS,
  POD_LOG_STREAMS,
  type PodLogParameter,
  readEksField,
  type JsonValue,
} from '@asl-lint/core';

const LOG_PARAMETER_NAMES = Object.keys(POD_LOG_PARAMETERS);

export default defineRule({
  meta: {
    id: 'eks/log-options',
    description: '`LogOptions` only work with `eks:runJob.sync`, and `LogParameters` map Kubernetes log parameters to lists of strings',
    severity: 'warning',
    fix: 'none',
    locality: 'state',
    appliesTo: 'any',
    messages: {
      ignored: 'State "{{state}}": LogOptions are ignored because eks:runJob without .sync never fetches logs; use "{{resource}}.sync" or remove LogOptions',
      notMap: 'State "{{state}}": LogParameters must be an object mapping Kubernetes log parameters to lists of strings, e.g. {"tailLines": ["100"]}',
      notList: 'State "{{state}}": log parameter "{{name}}" must be a list of strings, e.g. "{{name}}": [{{example}}]',
      unknownName: 'State "{{state}}": "{{name}}" is not a Kubernetes log parameter{{hint}}',
      badValue: 'State "{{state}}": log parameter "{{name}}" must hold {{expected}}, not {{value}}; Kubernetes rejects the log request',
      exclusive: 'State "{{state}}": log parameters "{{name}}" and "{{other}}" exclude each other; keep one',
      discouraged: 'State "{{state}}": log parameter "{{name}}" {{reason}}; remove it',
    },
    docs: {
      whatItDoes: `Checks \`LogOptions\` of \`eks:runJob\`: reports them on request-response \`eks:runJob\` (logs are only fetched by \`.sync\`), reports \`LogParameters\` that are not an object of lists of strings, names that are not Kubernetes read-pod-log parameters (${LOG_PARAMETER_NAMES.map((name) => `\`${name}\``).join(', ')}), with the closest one; values Kubernetes cannot parse (\`tailLines: ["ten"]\`); \`sinceSeconds\` together with \`sinceTime\`; and \`follow\` or \`insecureSkipTLSVerifyBackend\`, which do harm in a one-shot fetch.`,
      whyItMatters: 'Step Functions passes `LogParameters` to the Kubernetes read-log API as query parameters, so each value is a list of strings (`{"tailLines": ["100"]}`, not `{"tailLines": 100}`); a misspelled name such as `tailLine` is dropped without a word and the full log comes back — often more than the 256 KiB a task result may hold. On `eks:runJob` without `.sync`, LogOptions do nothing at all.',
      examples: {
        invalid: [
          {
            title: 'A number where Kubernetes expects a list of strings',
            code: '{\n  "StartAt": "Train",\n  "States": {\n    "Train": {\n      "Type": "Task",\n      "Resource": "arn:aws:states:::eks:runJob.sync",\n      "Parameters": {\n        "ClusterName": "batch",\n        "CertificateAuthority": "LS0tLS1CRUdJTg==",\n        "Endpoint": "https://EXAMPLE.gr7.us-east-1.eks.amazonaws.com",\n        "LogOptions": { "RetrieveLogs": true, "LogParameters": { "tailLines": ["50"], "limitBytes": 65536 } },\n        "Job": {\n          "apiVersion": "batch/v1",\n          "kind": "Job",\n          "metadata": { "name": "train" },\n          "spec": { "backoffLimit": 0, "template": { "spec": { "containers": [{ "name": "train", "image": "trainer:3" }], "restartPolicy": "Never" } } }\n        }\n      },\n      "End": true\n    }\n  }\n}\n',
          },
        ],
        valid: [
          {
            code: '{\n  "StartAt": "Train",\n  "States": {\n    "Train": {\n      "Type": "Task",\n      "Resource": "arn:aws:states:::eks:runJob.sync",\n      "Parameters": {\n        "ClusterName": "batch",\n        "CertificateAuthority": "LS0tLS1CRUdJTg==",\n        "Endpoint": "https://EXAMPLE.gr7.us-east-1.eks.amazonaws.com",\n        "LogOptions": { "RetrieveLogs": true, "LogParameters": { "tailLines": ["50"], "limitBytes": ["65536"] } },\n        "Job": {\n          "apiVersion": "batch/v1",\n          "kind": "Job",\n          "metadata": { "name": "train" },\n          "spec": { "backoffLimit": 0, "template": { "spec": { "containers": [{ "name": "train", "image": "trainer:3" }], "restartPolicy": "Never" } } }\n        }\n      },\n      "End": true\n    }\n  }\n}\n',
          },
        ],
      },
    },
  },
  check(context) {
    for (const task of eksTasks(context.machine.states)) {
      if (task.spec?.api !== 'runJob') continue;
      const logOptions = readEksField(task, EKS_PARAMETERS.logOptions);
      if (!logOptions) continue;
      const state = task.state.name;
      if (task.pattern === 'requestResponse') {
        context.report({ path: logOptions.path, at: 'key', messageId: 'ignored', data: { state, resource: task.state.resource!.raw } });
      }
      if (logOptions.kind !== 'literal' || !isObjectValue(logOptions.value)) continue;
      const language = task.form === 'Arguments' ? 'JSONata' : 'JSONPath';
      const logParametersPath = [...logOptions.path, EKS_PARAMETERS.logParameters];
      const container = logOptions.value;
      if (language === 'JSONPath' && Object.hasOwn(container, `${EKS_PARAMETERS.logParameters}.$`)) continue;
      if (!Object.hasOwn(container, EKS_PARAMETERS.logParameters)) continue;
      const logParameters = container[EKS_PARAMETERS.logParameters];
      if (language === 'JSONata' && isJsonataExpression(logParameters)) continue;
      if (!isObjectValue(logParameters)) {
        context.report({ path: logParametersPath, messageId: 'notMap', data: { state } });
        continue;
      }
      for (const [key, value] of Object.entries(logParameters)) {
        const dynamic = language === 'JSONPath' && key.endsWith('.$');
        const name = dynamic ? key.slice(0, -2) : key;
        if (!Object.hasOwn(POD_LOG_PARAMETERS, name)) {
          const suggestion = closestMatch(name, LOG_PARAMETER_NAMES);
          context.report({ path: [...logParametersPath, key], at: 'key', messageId: 'unknownName', data: { state, name, hint: suggestion ? `; did you mean "${suggestion}"?` : `; use one of ${LOG_PARAMETER_NAMES.join(', ')}` } });
        }
        const known = Object.hasOwn(POD_LOG_PARAMETERS, name) ? POD_LOG_PARAMETERS[name] : undefined;
        if (known?.discouraged) context.report({ path: [...logParametersPath, key], at: 'key', messageId: 'discouraged', data: { state, name, reason: known.discouraged } });
        if (known?.exclusiveWith && name < known.exclusiveWith && [known.exclusiveWith, `${known.exclusiveWith}.$`].some((other) => Object.hasOwn(logParameters, other))) {
          context.report({ path: [...logParametersPath, key], at: 'key', messageId: 'exclusive', data: { state, name, other: known.exclusiveWith } });
        }
        if (dynamic || (language === 'JSONata' && isJsonataExpression(value))) continue;
        if (!isListOfStrings(value, language)) {
          context.report({ path: [...logParametersPath, key], messageId: 'notList', data: { state, name, example: example(value) } });
          continue;
        }
        if (!known) continue;
        (value as JsonValue[]).forEach((item, index) => {
          if (typeof item !== 'string' || isJsonataExpression(item) || fits(item, known)) return;
          context.report({ path: [...logParametersPath, key, index], messageId: 'badValue', data: { state, name, expected: EXPECTED[known.value], value: JSON.stringify(item) } });
        });
      }
    }
  },
});

const EXPECTED: Record<PodLogParameter['value'], string> = {
  string: 'text',
  boolean: '"true" or "false"',
  integer: 'a whole number such as "100"',
  time: 'an RFC 3339 time such as "2024-05-01T00:00:00Z"',
  stream: POD_LOG_STREAMS.map((stream) => `"${stream}"`).join(', ').replace(/, ([^,]*)$/, ' or $1'),
};

/** Whether a literal log parameter value parses as Kubernetes reads it. */
function fits(text: string, parameter: PodLogParameter): boolean {
  switch (parameter.value) {
    case 'boolean':
      return text === 'true' || text === 'false';
    case 'integer':
      return /^-?\d+$/.test(text);
    case 'time':
      return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(text);
    case 'stream':
      return (POD_LOG_STREAMS as readonly string[]).includes(text);
    default:
      return true;
  }
}

function isListOfStrings(value: JsonValue, language: 'JSONPath' | 'JSONata'): boolean {
  return Array.isArray(value) && value.every((item) => typeof item === 'string' || (language === 'JSONata' && isJsonataExpression(item)));
}

/** The value the user meant, as a list of strings: 100 → "100". */
function example(value: JsonValue): string {
  const items = Array.isArray(value) ? value : [value];
  const strings = items.filter((item) => item !== null && typeof item !== 'object').map((item) => JSON.stringify(String(item)));
  return strings.length > 0 ? strings.join(', ') : '"…"';
}
