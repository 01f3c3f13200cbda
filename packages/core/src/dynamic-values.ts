import type { JsonValue, Path } from './ast.js';
import { isObjectValue } from './ast.js';

export type QueryLanguage = 'JSONPath' | 'JSONata';

/** A JSONata expression is a whole string `{% … %}`, nothing around it. */
export function isJsonataExpression(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith('{%') && value.endsWith('%}') && value.length >= 4;
}

export function jsonataBody(expression: string): string {
  return expression.slice(2, -2);
}

/**
 * A field of a payload template as the workflow will see it:
 * `literal` (a constant), `path` (`Key.$` in JSONPath: a path, context path or intrinsic),
 * or `jsonata` (a `{% %}` string in a JSONata state).
 */
export type FieldValue =
  | { readonly kind: 'literal'; readonly value: JsonValue; readonly path: Path }
  | { readonly kind: 'path'; readonly expression: string; readonly path: Path }
  | { readonly kind: 'jsonata'; readonly expression: string; readonly path: Path };

/**
 * Reads `key` from a payload object (Parameters or Arguments) at `basePath`.
 * Prefers `Key.$` in JSONPath states; a `{% %}` string counts as dynamic in JSONata states.
 */
export function readField(payload: unknown, key: string, basePath: Path, language: QueryLanguage): FieldValue | undefined {
  if (!isObjectValue(payload)) return undefined;
  if (language === 'JSONPath' && Object.hasOwn(payload, `${key}.$`)) {
    const expression = payload[`${key}.$`];
    return { kind: 'path', expression: typeof expression === 'string' ? expression : JSON.stringify(expression), path: [...basePath, `${key}.$`] };
  }
  if (!Object.hasOwn(payload, key)) return undefined;
  const value = payload[key];
  if (language === 'JSONata' && isJsonataExpression(value)) return { kind: 'jsonata', expression: value, path: [...basePath, key] };
  return { kind: 'literal', value, path: [...basePath, key] };
}

/** A stable identity for a field's value: literal text, or the path/expression text for dynamic values. */
export function fieldIdentity(field: FieldValue | undefined): string | undefined {
  if (!field) return undefined;
  if (field.kind === 'literal') return typeof field.value === 'string' ? `=${field.value}` : `=${JSON.stringify(field.value)}`;
  return `${field.kind}:${field.expression.trim()}`;
}
