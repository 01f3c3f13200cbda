import { closestMatch, defineRule, EKS_API_NAMES, eksTasks } from '@asl-lint/core';

export default defineRule({
  meta: {
    id: 'eks/unknown-api',
    description: 'An `eks:` Task resource must name one of the eight EKS integrations, spelled exactly',
    severity: 'error',
    fix: 'suggestion',
    locality: 'state',
    appliesTo: 'any',
    messages: {
      unknownApi: 'State "{{state}}": "eks:{{api}}" is not an Amazon EKS integration{{hint}}',
    },
    docs: {
      whatItDoes: `Checks the API name of every \`arn:aws:states:::eks:<api>\` resource against the optimized EKS integrations: ${EKS_API_NAMES.map((name) => `\`${name}\``).join(', ')}. Names are case-sensitive (\`createNodegroup\`, not \`createNodeGroup\`). The message names the closest real API, and the editor offers to replace it.`,
      whyItMatters: 'Step Functions rejects a Task whose resource names no integration (`INVALID_RESOURCE`) — at deployment, after the template has been built and uploaded. The AWS IAM docs heading "CreateNodeGroup" invites exactly the wrong spelling. The separate AWS SDK integration (`arn:aws:states:::aws-sdk:eks:…`) is not checked by this rule.',
      examples: {
        invalid: [
          {
            title: 'Node group spelled with a capital G',
            code: '{\n  "StartAt": "Remove nodes",\n  "States": {\n    "Remove nodes": {\n      "Type": "Task",\n      "Resource": "arn:aws:states:::eks:deleteNodeGroup.sync",\n      "Parameters": { "ClusterName": "batch", "NodegroupName": "workers" },\n      "End": true\n    }\n  }\n}\n',
          },
        ],
        valid: [
          {
            code: '{\n  "StartAt": "Remove nodes",\n  "States": {\n    "Remove nodes": {\n      "Type": "Task",\n      "Resource": "arn:aws:states:::eks:deleteNodegroup.sync",\n      "Parameters": { "ClusterName": "batch", "NodegroupName": "workers" },\n      "End": true\n    }\n  }\n}\n',
          },
        ],
      },
      fixSafety: 'The replacement is a suggestion: the closest name is a guess, so the editor offers it and `--fix` never applies it.',
    },
  },
  check(context) {
    for (const task of eksTasks(context.machine.states)) {
      if (task.spec) continue;
      const suggestion = task.apiName ? closestMatch(task.apiName, EKS_API_NAMES) : undefined;
      const path = [...task.state.path, 'Resource'];
      const raw = task.state.resource!.raw;
      const marker = `eks:${task.apiName}`;
      const at = raw.lastIndexOf(marker);
      context.report({
        path,
        messageId: 'unknownApi',
        data: {
          state: task.state.name,
          api: task.apiName,
          hint: suggestion ? `; did you mean "eks:${suggestion}"?` : `; use one of ${EKS_API_NAMES.join(', ')}`,
        },
        ...(suggestion && at >= 0
          ? {
              suggestions: [
                {
                  message: `Use eks:${suggestion}`,
                  changes: [{ kind: 'replace-value' as const, path, value: `${raw.slice(0, at)}eks:${suggestion}${raw.slice(at + marker.length)}` }],
                },
              ],
            }
          : {}),
      });
    }
  },
});
