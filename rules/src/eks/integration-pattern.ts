import { defineRule, eksTasks, type EksTask, type IntegrationPattern } from '@asl-lint/core';

const SUFFIX: Record<IntegrationPattern, string> = { requestResponse: '', sync: '.sync', 'sync:2': '.sync:2', waitForTaskToken: '.waitForTaskToken', unknown: '' };

export default defineRule({
  meta: {
    id: 'eks/integration-pattern',
    description: 'EKS resources support request-response and (except eks:call) `.sync`; never `.waitForTaskToken` or another suffix',
    severity: 'error',
    fix: 'suggestion',
    locality: 'state',
    appliesTo: 'any',
    messages: {
      callback: 'State "{{state}}": eks:{{api}} does not support the callback pattern (.waitForTaskToken); {{instead}}',
      noSync: 'State "{{state}}": eks:call has no ".{{suffix}}" pattern: it returns as soon as the Kubernetes API answers; remove ".{{suffix}}" (to wait for an object, poll it with eks:call in a Wait/Choice loop)',
      unknownSuffix: 'State "{{state}}": ".{{suffix}}" is not an integration pattern of eks:{{api}}; use {{options}}',
    },
    docs: {
      whatItDoes: 'Checks the suffix of every EKS Task resource: `.waitForTaskToken` is reported on every EKS API, `.sync` on `eks:call` (which has only request-response), and any other suffix (`.sync:2`, `.synch`, …) everywhere. The message names the resources that would work.',
      whyItMatters: 'The Amazon EKS service page of the Step Functions guide states that Wait for Callback is not supported for the EKS integrations, and `eks:call` is documented (and emitted by the AWS CDK and the Data Science SDK) as request-response only. Nothing documented lets an EKS call hand the task token back, so such a state could only wait until it times out (how Step Functions rejects the suffix is itself undocumented). Note: the summary table on AWS\'s optimized-integrations page lists a "Standard" callback entry for Amazon EKS; this rule follows the EKS page, which describes the integration itself, and reports an error.',
      examples: {
        invalid: [
          {
            title: 'eks:call does not wait',
            code: '{\n  "StartAt": "Read job",\n  "States": {\n    "Read job": {\n      "Type": "Task",\n      "Resource": "arn:aws:states:::eks:call.sync",\n      "Parameters": {\n        "ClusterName": "batch",\n        "CertificateAuthority": "LS0tLS1CRUdJTg==",\n        "Endpoint": "https://EXAMPLE.gr7.us-east-1.eks.amazonaws.com",\n        "Method": "GET",\n        "Path": "/apis/batch/v1/namespaces/default/jobs/report"\n      },\n      "End": true\n    }\n  }\n}\n',
          },
        ],
        valid: [
          {
            code: '{\n  "StartAt": "Read job",\n  "States": {\n    "Read job": {\n      "Type": "Task",\n      "Resource": "arn:aws:states:::eks:call",\n      "Parameters": {\n        "ClusterName": "batch",\n        "CertificateAuthority": "LS0tLS1CRUdJTg==",\n        "Endpoint": "https://EXAMPLE.gr7.us-east-1.eks.amazonaws.com",\n        "Method": "GET",\n        "Path": "/apis/batch/v1/namespaces/default/jobs/report"\n      },\n      "End": true\n    }\n  }\n}\n',
          },
        ],
      },
      fixSafety: 'The editor offers the supported resources as suggestions; they change what the state does (waiting or not), so `--fix` never applies them.',
    },
  },
  check(context) {
    for (const task of eksTasks(context.machine.states)) {
      const spec = task.spec;
      if (!spec || task.suffix === undefined) continue;
      if (spec.patterns.includes(task.pattern)) continue;
      const state = task.state.name;
      const alternatives = spec.patterns.map((pattern) => withSuffix(task, SUFFIX[pattern]));
      const suggestions = alternatives.map((value) => ({
        message: `Use ${value}`,
        changes: [{ kind: 'replace-value' as const, path: [...task.state.path, 'Resource'], value }],
      }));
      const path = [...task.state.path, 'Resource'];
      if (task.pattern === 'waitForTaskToken') {
        const instead = spec.patterns.includes('sync')
          ? `use "${withSuffix(task, '.sync')}" to wait for it to finish, or "${withSuffix(task, '')}" to start it and move on`
          : `use "${withSuffix(task, '')}"; to wait for an object, poll it with eks:call in a Wait/Choice loop`;
        context.report({ path, messageId: 'callback', data: { state, api: spec.api, instead }, suggestions });
      } else if (spec.api === 'call' && task.pattern !== 'unknown') {
        context.report({ path, messageId: 'noSync', data: { state, suffix: task.suffix }, suggestions });
      } else {
        const options = alternatives.map((value) => `"${value}"`).join(' or ');
        context.report({ path, messageId: 'unknownSuffix', data: { state, api: spec.api, suffix: task.suffix, options }, suggestions });
      }
    }
  },
});

/** The state's own resource string with its suffix replaced, keeping partition, Region and account as written. */
function withSuffix(task: EksTask, suffix: string): string {
  const raw = task.state.resource!.raw;
  const dot = raw.lastIndexOf(`eks:${task.apiName}.`);
  return dot >= 0 ? `${raw.slice(0, dot)}eks:${task.apiName}${suffix}` : raw;
}
