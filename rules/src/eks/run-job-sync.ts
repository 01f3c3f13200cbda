import { defineRule, eksTasks } from '@asl-lint/core';

export default defineRule({
  meta: {
    id: 'eks/run-job-sync',
    description: '`eks:runJob` without `.sync` starts the Job and moves on: Step Functions neither waits for it nor returns its logs',
    severity: 'warning',
    fix: 'safe',
    locality: 'state',
    appliesTo: 'any',
    messages: {
      requestResponse:
        'State "{{state}}" uses eks:runJob without .sync: Step Functions starts the Job and moves on; it neither waits for the Job to finish nor returns its logs. Use "{{fixed}}" to wait',
    },
    docs: {
      whatItDoes: 'Reports `eks:runJob` in request-response mode (no suffix) and offers `eks:runJob.sync`. Express workflows are exempt: they only support request-response.',
      whyItMatters: 'Without `.sync`, the Task succeeds as soon as Kubernetes accepts the Job. The next state runs while the Job is still pending; a failing Job never fails the execution, `Retry`/`Catch` never see its errors, and `LogOptions` are ignored. If you poll the Job yourself with `eks:call`, suppress this finding for that state.',
      examples: {
        invalid: [
          {
            title: 'The workflow does not wait for the Job',
            code: '{\n  "StartAt": "Nightly report",\n  "States": {\n    "Nightly report": {\n      "Type": "Task",\n      "Resource": "arn:aws:states:::eks:runJob",\n      "Parameters": {\n        "ClusterName": "batch",\n        "CertificateAuthority": "LS0tLS1CRUdJTg==",\n        "Endpoint": "https://EXAMPLE.gr7.us-east-1.eks.amazonaws.com",\n        "Job": {\n          "apiVersion": "batch/v1",\n          "kind": "Job",\n          "metadata": { "name": "nightly-report" },\n          "spec": {\n            "backoffLimit": 1,\n            "template": { "spec": { "containers": [{ "name": "report", "image": "report:1.4" }], "restartPolicy": "Never" } }\n          }\n        }\n      },\n      "End": true\n    }\n  }\n}\n',
          },
        ],
        valid: [
          {
            code: '{\n  "StartAt": "Nightly report",\n  "States": {\n    "Nightly report": {\n      "Type": "Task",\n      "Resource": "arn:aws:states:::eks:runJob.sync",\n      "Parameters": {\n        "ClusterName": "batch",\n        "CertificateAuthority": "LS0tLS1CRUdJTg==",\n        "Endpoint": "https://EXAMPLE.gr7.us-east-1.eks.amazonaws.com",\n        "Job": {\n          "apiVersion": "batch/v1",\n          "kind": "Job",\n          "metadata": { "name": "nightly-report" },\n          "spec": {\n            "backoffLimit": 1,\n            "template": { "spec": { "containers": [{ "name": "report", "image": "report:1.4" }], "restartPolicy": "Never" } }\n          }\n        }\n      },\n      "End": true\n    }\n  }\n}\n',
          },
        ],
      },
      fixSafety: 'Safe: appending `.sync` keeps the Job and its parameters and only makes the state wait for the Job\'s outcome, which is what a Task named after a Job is expected to do. Review `TimeoutSeconds`: the state now lasts as long as the Job.',
    },
  },
  check(context) {
    if (context.settings.workflowType === 'EXPRESS') return;
    for (const task of eksTasks(context.machine.states)) {
      if (task.spec?.api !== 'runJob' || task.pattern !== 'requestResponse') continue;
      const path = [...task.state.path, 'Resource'];
      const fixed = `${task.state.resource!.raw}.sync`;
      context.report({
        path,
        messageId: 'requestResponse',
        data: { state: task.state.name, fixed },
        fix: { message: 'Append .sync', changes: [{ kind: 'replace-value', path, value: fixed }] },
      });
    }
  },
});
