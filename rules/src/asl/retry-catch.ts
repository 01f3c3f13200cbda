import { closestMatch, defineRule, isObjectValue, isTemplateValue, isReservedErrorName, PREDEFINED_ERROR_NAMES, RETRIER_LIMITS, STATES_ALL, type Path } from '@asl-lint/core';

const HANDLERS = new Set(['Task', 'Parallel', 'Map']);

interface NumberRule {
  readonly field: string;
  readonly integer: boolean;
  readonly valid: (value: number) => boolean;
  readonly expected: string;
}

// Types are asl/schema's concern: a field of the wrong type is skipped here.
const RETRIER_NUMBERS: readonly NumberRule[] = [
  { field: 'IntervalSeconds', integer: true, valid: (v) => v >= 1 && v <= RETRIER_LIMITS.maxSeconds, expected: `a positive integer no larger than ${RETRIER_LIMITS.maxSeconds}` },
  { field: 'MaxAttempts', integer: true, valid: (v) => v >= 0 && v <= RETRIER_LIMITS.maxSeconds, expected: `an integer from 0 to ${RETRIER_LIMITS.maxSeconds}` },
  { field: 'BackoffRate', integer: false, valid: (v) => v >= 1, expected: 'a number of at least 1.0' },
  { field: 'MaxDelaySeconds', integer: true, valid: (v) => v >= 1 && v <= RETRIER_LIMITS.maxDelaySeconds, expected: `an integer from 1 to ${RETRIER_LIMITS.maxDelaySeconds}` },
];

export default defineRule({
  meta: {
    id: 'asl/retry-catch',
    description: '`States.ALL` alone and last, only predefined `States.*` error names, no error name shadowed by an earlier retrier or catcher, non-empty ErrorEquals, and retrier numbers in range',
    severity: 'error',
    fix: 'none',
    appliesTo: 'any',
    messages: {
      emptyErrorEquals: 'State "{{state}}": {{where}}.ErrorEquals is empty; list at least one error name',
      allNotAlone: 'State "{{state}}": "States.ALL" in {{where}} must be the only error name of its ErrorEquals',
      allNotLast: 'State "{{state}}": {{where}} matches "States.ALL" but is not the last {{item}}; the {{item}}s after it can never match',
      unknownStatesError: 'State "{{state}}": "{{name}}" in {{where}} is not a predefined error name{{hint}} and no Fail state raises it, so it never matches; names starting with "States." are reserved for Step Functions',
      shadowed: 'State "{{state}}": "{{name}}" in {{where}} never matches: {{earlier}} already matches it{{via}}, and the first matching {{item}} wins',
      badNumber: 'State "{{state}}": {{where}}.{{field}} must be {{expected}}, not {{value}}',
      badJitter: 'State "{{state}}": {{where}}.JitterStrategy must be "FULL" or "NONE", not {{value}}',
    },
    docs: {
      whatItDoes:
        'Checks the `Retry` and `Catch` arrays of Task, Parallel and Map states: `States.ALL` must be the only name in its `ErrorEquals` and must appear only in the last retrier or catcher; every name starting with `States.` must be one of the predefined errors (`States.Timeout`, `States.TaskFailed`, …) — or be raised by a Fail state of the same definition, which AWS accepts although the spec reserves the prefix; `ErrorEquals` must not be empty; a name that an earlier retrier or catcher already matches (the same name, or a service or user error after `States.TaskFailed`) is reported as a warning, since the first match wins; `IntervalSeconds` (1 to 99999999), `MaxAttempts` (0 to 99999999), `BackoffRate` (at least 1.0), `MaxDelaySeconds` (1 to 31622400) and `JitterStrategy` (`FULL` or `NONE`) must be in range. Service error names such as `EKS.401` or `Lambda.ServiceException` are user names and always accepted. Value types are left to `asl/schema`.',
      whyItMatters:
        'Step Functions rejects a definition with `States.ALL` beside other names or before another retrier/catcher, and it matches error names exactly: a misspelt `States.Timout` never matches anything, so the retry or the fallback you wrote never runs and the execution fails instead — leaving, for example, an EKS cluster running.',
      examples: {
        invalid: [
          {
            title: 'States.ALL is not the last catcher',
            code: '{\n  "StartAt": "Run job",\n  "States": {\n    "Run job": {\n      "Type": "Task",\n      "Resource": "arn:aws:states:::lambda:invoke",\n      "Parameters": { "FunctionName": "run" },\n      "Catch": [\n        { "ErrorEquals": ["States.ALL"], "Next": "Clean up" },\n        { "ErrorEquals": ["States.Timeout"], "Next": "Clean up" }\n      ],\n      "End": true\n    },\n    "Clean up": { "Type": "Succeed" }\n  }\n}\n',
          },
          {
            title: 'A misspelt predefined error name',
            code: '{\n  "StartAt": "Run job",\n  "States": {\n    "Run job": {\n      "Type": "Task",\n      "Resource": "arn:aws:states:::lambda:invoke",\n      "Parameters": { "FunctionName": "run" },\n      "Retry": [{ "ErrorEquals": ["States.Timout"], "MaxAttempts": 2 }],\n      "End": true\n    }\n  }\n}\n',
          },
        ],
        valid: [
          {
            code: '{\n  "StartAt": "Run job",\n  "States": {\n    "Run job": {\n      "Type": "Task",\n      "Resource": "arn:aws:states:::lambda:invoke",\n      "Parameters": { "FunctionName": "run" },\n      "Retry": [\n        { "ErrorEquals": ["Lambda.TooManyRequestsException", "EKS.401"], "IntervalSeconds": 2, "BackoffRate": 2, "MaxDelaySeconds": 60, "JitterStrategy": "FULL" },\n        { "ErrorEquals": ["States.ALL"], "MaxAttempts": 0 }\n      ],\n      "Catch": [{ "ErrorEquals": ["States.ALL"], "Next": "Clean up" }],\n      "End": true\n    },\n    "Clean up": { "Type": "Succeed" }\n  }\n}\n',
          },
        ],
      },
    },
  },
  check(context) {
    // A reserved name that a Fail state of this machine raises is the author's own error: it matches at run time
    // (AWS accepts it, as published samples show), so only names nothing here raises are reported.
    const raised = new Set<string>();
    for (const state of context.machine.states) if (state.type === 'Fail' && typeof state.fields.Error === 'string') raised.add(state.fields.Error);
    for (const state of context.machine.states) {
      if (!state.type || !HANDLERS.has(state.type)) continue;
      for (const kind of ['Retry', 'Catch'] as const) {
        const list = state.fields[kind];
        if (!Array.isArray(list)) continue;
        const item = kind === 'Retry' ? 'retrier' : 'catcher';
        // The first retrier or catcher that matches wins: a name an earlier one already matches is dead.
        const firstNaming = new Map<string, number>();
        let taskFailedAt: number | undefined;
        list.forEach((entry, index) => {
          if (!isObjectValue(entry)) return;
          // Paths and message data are built only for a report: most retriers and catchers have none.
          const at = (...rest: (string | number)[]): Path => [...state.path, kind, index, ...rest];
          const data = { state: state.name, where: `${kind}[${index}]` };
          const names = entry.ErrorEquals;
          if (Array.isArray(names)) {
            if (names.length === 0) context.report({ path: at('ErrorEquals'), messageId: 'emptyErrorEquals', data });
            names.forEach((name, position) => {
              if (typeof name !== 'string') return;
              if (name === STATES_ALL) {
                if (names.length > 1) context.report({ path: at('ErrorEquals', position), messageId: 'allNotAlone', data });
                if (index !== list.length - 1) context.report({ path: at('ErrorEquals', position), messageId: 'allNotLast', data: { ...data, item } });
              } else if (isReservedErrorName(name) && !PREDEFINED_ERROR_NAMES.includes(name) && !raised.has(name)) {
                const path = at('ErrorEquals', position);
                const suggestion = closestMatch(name, PREDEFINED_ERROR_NAMES);
                context.report({ path, messageId: 'unknownStatesError', data: { ...data, name, hint: suggestion ? ` (did you mean "${suggestion}"?)` : '' } });
              } else {
                const first = firstNaming.get(name);
                // States.TaskFailed matches every error a task raises except States.Timeout; only user names are counted here.
                const byTaskFailed = taskFailedAt !== undefined && !isReservedErrorName(name) ? taskFailedAt : undefined;
                const earlier = first !== undefined && first < index ? first : byTaskFailed;
                if (earlier !== undefined) {
                  const path = at('ErrorEquals', position);
                  const via = earlier === first ? '' : ' through "States.TaskFailed"';
                  // Dead configuration rather than a definition AWS rejects: a warning.
                  context.report({ path, messageId: 'shadowed', severity: 'warning', data: { ...data, name, earlier: `${kind}[${earlier}]`, via, item } });
                }
              }
            });
            for (const name of names) if (typeof name === 'string' && !firstNaming.has(name)) firstNaming.set(name, index);
            if (taskFailedAt === undefined && names.includes('States.TaskFailed')) taskFailedAt = index;
          }
          if (kind !== 'Retry') return;
          for (const rule of RETRIER_NUMBERS) {
            const value = entry[rule.field];
            if (typeof value !== 'number' || (rule.integer && !Number.isInteger(value)) || rule.valid(value)) continue;
            context.report({ path: at(rule.field), messageId: 'badNumber', data: { ...data, field: rule.field, expected: rule.expected, value: String(value) } });
          }
          const jitter = entry.JitterStrategy;
          if (typeof jitter === 'string' && !isTemplateValue(jitter) && !RETRIER_LIMITS.jitterStrategies.includes(jitter)) {
            context.report({ path: at('JitterStrategy'), messageId: 'badJitter', data: { ...data, value: JSON.stringify(jitter) } });
          }
        });
      }
    }
  },
});

