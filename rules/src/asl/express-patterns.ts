import { defineRule, type Scope, type State } from '@asl-lint/core';

const SUFFIX = { sync: '.sync', 'sync:2': '.sync:2', waitForTaskToken: '.waitForTaskToken' } as const;

/** Item processors of a Distributed Map whose child workflows run as Express executions. */
function expressChildMap(scope: Scope): State | undefined {
  for (let current: Scope | undefined = scope; current?.owner; current = current.owner.scope) {
    if (current.kind !== 'item-processor') continue;
    const processor = current.owner.fields.ItemProcessor ?? current.owner.fields.Iterator;
    const config = processor && typeof processor === 'object' && !Array.isArray(processor) ? processor.ProcessorConfig : undefined;
    if (config && typeof config === 'object' && !Array.isArray(config) && config.ExecutionType === 'EXPRESS') return current.owner;
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'asl/express-patterns',
    description: 'Express workflows support only request-response integrations: no `.sync` or `.waitForTaskToken` resources',
    severity: 'error',
    fix: 'none',
    locality: 'state',
    messages: {
      express: 'State "{{state}}" uses "{{resource}}" ({{pattern}}) in an Express workflow: Express workflows support only request-response integrations; use a Standard workflow or the resource without "{{pattern}}"',
      expressChild: 'State "{{state}}" uses "{{resource}}" ({{pattern}}) inside Map "{{map}}", whose child workflows run as Express executions (ProcessorConfig.ExecutionType EXPRESS): only request-response integrations work there; use ExecutionType STANDARD or the resource without "{{pattern}}"',
    },
    docs: {
      whatItDoes: 'Reports Task states whose resource uses the Run a Job (`.sync`, `.sync:2`) or Wait for Callback (`.waitForTaskToken`) pattern when the workflow is an Express workflow: `StateMachineType: EXPRESS` (CloudFormation), `Type: EXPRESS` (SAM, Serverless), `stateMachineType` (CDK), or `--workflow-type express` for a stand-alone definition file (a template or construct that omits the type deploys a Standard workflow; one whose type comes from a parameter follows `--workflow-type`). States in the item processor of a Distributed Map with `ProcessorConfig.ExecutionType: EXPRESS` are checked too.',
      whyItMatters: 'Express workflows support only the Request Response pattern for optimized service integrations; `.sync` and `.waitForTaskToken` need a Standard workflow. Step Functions rejects such a definition when the state machine is created or updated, which for a template means a failed deployment.',
      examples: {
        invalid: [
          {
            title: 'A callback task in an Express workflow',
            workflowType: 'EXPRESS',
            code: '{\n  "StartAt": "Run job",\n  "States": {\n    "Run job": {\n      "Type": "Task",\n      "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",\n      "Parameters": { "FunctionName": "notify", "Payload": { "token.$": "$$.Task.Token" } },\n      "End": true\n    }\n  }\n}\n',
          },
        ],
        valid: [
          {
            title: 'Request-response in an Express workflow',
            workflowType: 'EXPRESS',
            code: '{\n  "StartAt": "Notify",\n  "States": {\n    "Notify": {\n      "Type": "Task",\n      "Resource": "arn:aws:states:::lambda:invoke",\n      "Parameters": { "FunctionName": "notify" },\n      "End": true\n    }\n  }\n}\n',
          },
        ],
      },
    },
  },
  check(context) {
    const express = context.settings.workflowType === 'EXPRESS';
    for (const state of context.machine.states) {
      const pattern = state.resource?.pattern;
      if (pattern !== 'sync' && pattern !== 'sync:2' && pattern !== 'waitForTaskToken') continue;
      const data = { state: state.name, resource: state.resource!.raw, pattern: SUFFIX[pattern] };
      if (express) {
        context.report({ path: [...state.path, 'Resource'], messageId: 'express', data });
        continue;
      }
      const map = expressChildMap(state.scope);
      if (map) context.report({ path: [...state.path, 'Resource'], messageId: 'expressChild', data: { ...data, map: map.name } });
    }
  },
});
