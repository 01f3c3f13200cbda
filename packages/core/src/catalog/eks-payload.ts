/** Validation of EKS integration payloads against the catalog's parameter specs. */
import type { JsonValue } from '../ast.js';
import { EKS_APIS, type EksApiName } from './eks.js';
import { buildPayloadSchema, validatePayload, type PayloadForm, type PayloadProblem } from './payload-schema.js';

/** Problems of an EKS payload: `Parameters` (JSONPath `.$` keys) or `Arguments` (JSONata `{% %}` values). */
export function validateEksPayload(api: EksApiName, form: PayloadForm, payload: JsonValue): PayloadProblem[] {
  const spec = EKS_APIS.get(api);
  return spec ? validatePayload(spec.parameters, form, payload) : [];
}

/** The JSON Schema of an EKS API's payload, for editors and external validators. */
export function eksPayloadSchema(api: EksApiName, form: PayloadForm): object {
  const spec = EKS_APIS.get(api);
  if (!spec) throw new Error(`Unknown EKS API "${api}"`);
  return buildPayloadSchema(spec.parameters, form);
}
