/** A Task's integration payload, read the way the EKS catalog reads it (`eksTaskOf`). */
import { isObjectValue, type JsonValue, type Path } from '../ast.js';
import { readField, type FieldValue, type QueryLanguage } from '../dynamic-values.js';
import type { State } from '../model.js';

export interface TaskPayload {
  readonly payload: JsonValue | undefined;
  /** How the payload's `.$` keys and `{% %}` strings are read. */
  readonly language: QueryLanguage;
  read(key: string): FieldValue | undefined;
}

/**
 * The payload field the state has: the one its query language uses when present, else the other one (a misplaced
 * field is asl/schema's to report; its values still name the resources). `Parameters` are read with JSONPath
 * semantics and `Arguments` with JSONata semantics.
 */
export function payloadOf(state: State): TaskPayload {
  const preferred = state.queryLanguage === 'JSONata' ? 'Arguments' : 'Parameters';
  const other = preferred === 'Arguments' ? 'Parameters' : 'Arguments';
  const form = state.fields[preferred] !== undefined ? preferred : state.fields[other] !== undefined ? other : preferred;
  const payload = state.fields[form];
  const basePath: Path = [...state.path, form];
  const language: QueryLanguage = form === 'Arguments' ? 'JSONata' : 'JSONPath';
  if (payload !== undefined && !isObjectValue(payload)) {
    // `"Arguments": "{% … %}"` or an intrinsic function standing for the whole payload: every field is dynamic.
    const expression = typeof payload === 'string' ? payload : JSON.stringify(payload);
    return { payload, language, read: () => ({ kind: language === 'JSONata' ? 'jsonata' : 'path', expression, path: basePath }) };
  }
  return { payload, language, read: (key) => readField(payload, key, basePath, language) };
}
