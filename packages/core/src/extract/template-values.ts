/**
 * Values that a host resolves before Step Functions reads the definition: `${Name}` placeholders
 * (DefinitionSubstitutions, Fn::Sub, and the stand-ins this extractor writes for intrinsic functions
 * and CDK expressions) and, in plain definition files, intrinsic function objects. Rules treat them as
 * unknown values: never an error by themselves.
 */

const PLACEHOLDER = /\$\{[^}]*\}/;

/** The text holds a `${…}` placeholder: its final value is not known here. */
export function hasTemplatePlaceholder(text: string): boolean {
  return text.includes('${') && PLACEHOLDER.test(text);
}

/** A value the host computes: a string with a `${…}` placeholder, or a `{ "Ref" | "Fn::…": … }` object. */
export function isTemplateValue(value: unknown): boolean {
  if (typeof value === 'string') return hasTemplatePlaceholder(value);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'));
}
