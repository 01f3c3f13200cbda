/** Validation of EKS integration payloads against the catalog's parameter specs. */
import { createRequire } from 'node:module';
import type { JsonValue } from '../ast.js';
import { EKS_APIS, type EksApiName } from './eks.js';
import {
  buildPayloadSchema,
  createPayloadValidator,
  type PayloadForm,
  type PayloadProblem,
  type PrecompiledPayloadValidators,
} from './payload-schema.js';

const require = createRequire(import.meta.url);
const validators = new Map<string, (payload: JsonValue) => PayloadProblem[]>();

/**
 * Validators generated ahead of time (`pnpm gen:eks`), from `packages/core/generated/` beside `src/` and `dist/`.
 * Loading one costs far less than compiling its schema; a missing one falls back to compiling. A test keeps them
 * current with the catalog (their schema hash), so a run never rebuilds the schemas to compare.
 */
function generatedValidators(api: EksApiName, form: PayloadForm): () => PrecompiledPayloadValidators | undefined {
  return () => {
    try {
      const index = require('../../generated/eks-validators/index.cjs') as Record<string, (() => PrecompiledPayloadValidators) | undefined>;
      return Object.hasOwn(index, `${api}.${form}`) ? index[`${api}.${form}`]?.() : undefined;
    } catch {
      return undefined;
    }
  };
}

/** Problems of an EKS payload: `Parameters` (JSONPath `.$` keys) or `Arguments` (JSONata `{% %}` values). */
export function validateEksPayload(api: EksApiName, form: PayloadForm, payload: JsonValue): PayloadProblem[] {
  const spec = EKS_APIS.get(api);
  if (!spec) return [];
  const key = `${api}\u0000${form}`;
  let validate = validators.get(key);
  if (!validate) {
    validate = createPayloadValidator(spec.parameters, form, generatedValidators(api, form));
    validators.set(key, validate);
  }
  return validate(payload);
}

/** The JSON Schema of an EKS API's payload, for editors and external validators. */
export function eksPayloadSchema(api: EksApiName, form: PayloadForm): object {
  const spec = EKS_APIS.get(api);
  if (!spec) throw new Error(`Unknown EKS API "${api}"`);
  return buildPayloadSchema(spec.parameters, form);
}
