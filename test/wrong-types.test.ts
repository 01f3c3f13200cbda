/**
 * A value of the wrong type is asl/schema's finding: the rules that read typed fields (retry-catch, timeouts,
 * choice-rules) skip such values silently, and no rule crashes on them. Each field of a full state of every type
 * is replaced in turn by values of other types; asl/schema's messages never carry ajv's own wording.
 */
import { describe, expect, it } from 'vitest';
import { lintText, resolveRules, INTERNAL_ERROR } from '@asl-lint/core';
import { allRules } from '../rules/src/index.js';

const rules = resolveRules(allRules, []);
const LAMBDA = 'arn:aws:states:::lambda:invoke';
/** Rules that must stay silent on wrong types; choice-rules owns operator value types, so those are excluded. */
const SILENT = new Set(['asl/retry-catch', 'asl/timeouts', 'asl/choice-rules']);
const CHOICE_OPERATOR_VALUE = /^Choices\.\d+\.(And\.\d+\.)?(StringEquals|IsPresent)$/;

const states: Record<string, { language: 'JSONPath' | 'JSONata'; state: Record<string, unknown> }> = {
  Task: {
    language: 'JSONPath',
    state: {
      Type: 'Task', Resource: LAMBDA, Parameters: { FunctionName: 'f' }, ResultSelector: {}, ResultPath: '$.r', TimeoutSeconds: 10, HeartbeatSeconds: 5,
      Retry: [{ ErrorEquals: ['States.Timeout'], IntervalSeconds: 1, MaxAttempts: 1, BackoffRate: 2, MaxDelaySeconds: 5, JitterStrategy: 'FULL' }, { ErrorEquals: ['States.ALL'] }],
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Done' }], Next: 'Done',
    },
  },
  JSONataTask: {
    language: 'JSONata',
    state: { Type: 'Task', Resource: LAMBDA, Arguments: { FunctionName: 'f' }, TimeoutSeconds: '{% 5 %}', HeartbeatSeconds: 2, Catch: [{ ErrorEquals: ['States.ALL'], Output: '{% 1 %}', Next: 'Done' }], Next: 'Done' },
  },
  Choice: {
    language: 'JSONPath',
    state: { Type: 'Choice', Choices: [{ Variable: '$.x', StringEquals: 'a', Next: 'Done' }, { And: [{ Variable: '$.y', IsPresent: true }], Next: 'Done' }], Default: 'Done' },
  },
  JSONataChoice: { language: 'JSONata', state: { Type: 'Choice', Choices: [{ Condition: '{% true %}', Next: 'Done' }], Default: 'Done' } },
  Map: {
    language: 'JSONPath',
    state: {
      Type: 'Map', ItemsPath: '$.items', MaxConcurrency: 2, ToleratedFailurePercentage: 5, ItemBatcher: { MaxItemsPerBatch: 2 },
      ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Succeed' } } }, Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 1 }], Next: 'Done',
    },
  },
  Wait: { language: 'JSONPath', state: { Type: 'Wait', Seconds: 5, Next: 'Done' } },
  Fail: { language: 'JSONPath', state: { Type: 'Fail', Error: 'E', Cause: 'C' } },
};
const WRONG: unknown[] = [7, null, true, [1, 'x', null], { a: [] }];

function jsonType(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

function leafPaths(value: unknown, path: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null) return [];
  const out: string[][] = [];
  for (const [key, child] of Object.entries(value)) {
    out.push([...path, key]);
    out.push(...leafPaths(child, [...path, key]));
  }
  return out;
}

describe('wrong types: no crash, and the typed-field rules stay silent', () => {
  for (const [name, { language, state }] of Object.entries(states)) {
    it(`${name}: every field replaced by values of other types`, () => {
      const problems: string[] = [];
      for (const path of leafPaths(state)) {
        if (path[0] === 'Type') continue;
        for (const wrong of WRONG) {
          const copy = structuredClone(state);
          let target = copy as Record<string, unknown>;
          for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
          if (jsonType(target[path[path.length - 1]]) === jsonType(wrong)) continue;
          target[path[path.length - 1]] = wrong;
          const text = JSON.stringify({ QueryLanguage: language, StartAt: 'S', States: { S: copy, Done: { Type: 'Succeed' } } }, null, 1);
          const result = lintText(text, { filePath: 'wrong.asl.json', rules });
          const where = path.join('.');
          for (const d of result.diagnostics) {
            if (d.ruleId === INTERNAL_ERROR) problems.push(`${where} = ${JSON.stringify(wrong)}: ${d.message}`);
            // ajv's own wording never reaches the user.
            if (d.ruleId === 'asl/schema' && /must match|must NOT|must have required|must be (object|array|string|integer|number|boolean)\b/.test(d.message)) {
              problems.push(`${where} = ${JSON.stringify(wrong)}: raw schema message "${d.message}"`);
            }
            if (SILENT.has(d.ruleId) && !(d.ruleId === 'asl/choice-rules' && CHOICE_OPERATOR_VALUE.test(where))) {
              problems.push(`${where} = ${JSON.stringify(wrong)}: ${d.ruleId} reports "${d.message}"`);
            }
          }
        }
      }
      expect(problems).toEqual([]);
    });
  }
});
