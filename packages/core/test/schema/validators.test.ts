/**
 * The precompiled ASL validators (written by scripts/build-schema-validators.mjs during `pnpm build`/`pnpm test`)
 * must be the ones in use, and must agree with the schemas compiled by ajv at run time.
 */
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { aslValidators, compileAslValidators, PRECOMPILED_MODULE, schemaFingerprint } from '../../dist/schema/validators.js';
import { allAslSchemas, stateSchemaId } from '../../dist/schema/asl-schemas.js';

const require = createRequire(new URL('../../dist/schema/validators.js', import.meta.url));

const samples: [string, unknown][] = [
  [stateSchemaId('Task', 'JSONPath'), { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', TimeoutSeconds: '{% 1 %}', Arguments: {}, Retry: [{ ErrorEquals: 'x', MaxAttempt: 1 }] }],
  [stateSchemaId('Task', 'JSONata'), { Type: 'Task', Resource: { 'Fn::GetAtt': ['F', 'Arn'] }, TimeoutSeconds: '{% 1 %}', Parameters: {}, Catch: [{ ErrorEquals: [], Next: 1 }] }],
  [stateSchemaId('Choice', 'JSONPath'), { Type: 'Choice', Choices: [{ Variable: '$.x', And: [{ Not: { Condition: true } }], Next: 'A' }] }],
  [stateSchemaId('Map', 'JSONata'), { Type: 'Map', Items: 3, ItemProcessor: { StartAt: 1, States: [], ProcessorConfig: { Mode: 'X' } } }],
  ['stateMachine', { StartAt: 'A', States: {}, Version: '2.0', Extra: true }],
];

describe('ASL schema validators', () => {
  it('are loaded from the precompiled module, not compiled at start-up', () => {
    expect(aslValidators().source).toBe('precompiled');
  });

  it('were precompiled from the current schemas', () => {
    expect((require(PRECOMPILED_MODULE) as { fingerprint: string }).fingerprint).toBe(schemaFingerprint(allAslSchemas()));
  });

  it('report exactly what run-time compilation reports', () => {
    const compiled = compileAslValidators();
    const { validators } = aslValidators();
    for (const [id, data] of samples) {
      const pre = validators.get(id)!;
      const run = compiled.get(id)!;
      expect(pre(data)).toBe(run(data));
      expect(pre(data)).toBe(false);
      const strip = (errors: typeof pre.errors) => (errors ?? []).map(({ instancePath, keyword, params, message }) => ({ instancePath, keyword, params, message }));
      expect(strip(pre.errors)).toEqual(strip(run.errors));
    }
  });
});
