import { defineRule, type Path } from '@asl-lint/core';

/** AWS default and maximum for TimeoutSeconds and HeartbeatSeconds (reference §7.6). */
const MAX_SECONDS = 99_999_999;

export default defineRule({
  meta: {
    id: 'asl/timeouts',
    description: 'TimeoutSeconds and HeartbeatSeconds must be positive integers up to 99999999, with HeartbeatSeconds below TimeoutSeconds',
    severity: 'error',
    fix: 'none',
    locality: 'state',
    appliesTo: 'any',
    messages: {
      notPositive: '{{where}}: "{{field}}" must be a positive integer, not {{value}}',
      tooLarge: '{{where}}: "{{field}}" is {{value}}; the maximum is 99999999',
      heartbeatNotBelow: 'State "{{state}}": "HeartbeatSeconds" ({{heartbeat}}) must be smaller than "TimeoutSeconds" ({{timeout}}), or the heartbeat can never time out first',
    },
    docs: {
      whatItDoes:
        'Checks literal timeouts: a Task\'s `TimeoutSeconds` and `HeartbeatSeconds` and the state machine\'s top-level `TimeoutSeconds` must be positive integers no larger than 99999999, and a Task\'s `HeartbeatSeconds` must be smaller than its `TimeoutSeconds`. Values given by JSONata expressions or `…Path` fields are only known at run time and are not checked; wrong types and a static field beside its `…Path` twin are reported by `asl/schema`.',
      whyItMatters:
        'Step Functions rejects a definition with a zero, negative or too large timeout, and with a heartbeat that is not below the timeout. For a long `eks:runJob.sync`, a heartbeat or timeout that is too short fails the Job\'s state while the Kubernetes Job goes on running.',
      examples: {
        invalid: [
          {
            title: 'A heartbeat longer than the timeout',
            code: '{\n  "StartAt": "Run job",\n  "States": {\n    "Run job": {\n      "Type": "Task",\n      "Resource": "arn:aws:states:::lambda:invoke",\n      "Parameters": { "FunctionName": "run" },\n      "TimeoutSeconds": 300,\n      "HeartbeatSeconds": 600,\n      "End": true\n    }\n  }\n}\n',
          },
        ],
        valid: [
          {
            code: '{\n  "TimeoutSeconds": 86400,\n  "StartAt": "Run job",\n  "States": {\n    "Run job": {\n      "Type": "Task",\n      "Resource": "arn:aws:states:::lambda:invoke",\n      "Parameters": { "FunctionName": "run" },\n      "TimeoutSeconds": 3600,\n      "HeartbeatSeconds": 60,\n      "End": true\n    }\n  }\n}\n',
          },
        ],
      },
    },
  },
  check(context) {
    const { machine } = context;
    const checkValue = (where: string, base: Path, field: string, value: unknown): value is number => {
      // Other types (and non-integers) are asl/schema's concern.
      if (typeof value !== 'number' || !Number.isInteger(value)) return false;
      if (value <= 0) context.report({ path: [...base, field], messageId: 'notPositive', data: { where, field, value } });
      else if (value > MAX_SECONDS) context.report({ path: [...base, field], messageId: 'tooLarge', data: { where, field, value } });
      else return true;
      return false;
    };

    if (context.definition.kind === 'state-machine' && typeof machine.value === 'object' && machine.value !== null && !Array.isArray(machine.value)) {
      checkValue('The state machine', [], 'TimeoutSeconds', machine.value.TimeoutSeconds);
    }
    for (const state of machine.states) {
      if (state.type !== 'Task') continue;
      const where = `State "${state.name}"`;
      const timeoutOk = checkValue(where, state.path, 'TimeoutSeconds', state.fields.TimeoutSeconds);
      const heartbeatOk = checkValue(where, state.path, 'HeartbeatSeconds', state.fields.HeartbeatSeconds);
      const timeout = state.fields.TimeoutSeconds as number;
      const heartbeat = state.fields.HeartbeatSeconds as number;
      if (timeoutOk && heartbeatOk && heartbeat >= timeout) {
        context.report({ path: [...state.path, 'HeartbeatSeconds'], messageId: 'heartbeatNotBelow', data: { state: state.name, heartbeat, timeout } });
      }
    }
  },
});
