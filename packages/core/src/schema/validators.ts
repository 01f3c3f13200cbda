/**
 * The compiled ASL schemas. `scripts/build-schema-validators.mjs` (run by the root `build`, `prepare` and
 * `test` scripts) writes them as ajv standalone code next to this module, so a lint run never loads ajv.
 * If that file is missing or older than the schemas, they are compiled here, once per process.
 */
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { allAslSchemas } from './asl-schemas.js';

const require = createRequire(import.meta.url);

export const PRECOMPILED_MODULE = './validators.generated.cjs';

export interface SchemaError {
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly keyword: string;
  readonly params: Record<string, unknown>;
  readonly message?: string;
}

export type SchemaValidator = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };

type ValidatorSet = ReadonlyMap<string, SchemaValidator>;

let cache: { validators: ValidatorSet; source: 'precompiled' | 'compiled' } | undefined;

/** A fingerprint of the schema text, written into the precompiled module and checked by its test. */
export function schemaFingerprint(schemas: readonly object[]): string {
  // Only the build script and tests need it: node:crypto stays unloaded in lint runs.
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  return createHash('sha256').update(JSON.stringify(schemas)).digest('hex').slice(0, 16);
}

/** Options shared by run-time compilation and the build script. */
export const AJV_OPTIONS = { allErrors: true, strict: false, allowUnionTypes: true, inlineRefs: false } as const;

/**
 * The precompiled validators, unless the schemas were rebuilt after them. Comparing file times costs two
 * `stat` calls; the build script and a test check that the module's fingerprint matches the schemas.
 */
function loadPrecompiled(): ValidatorSet | undefined {
  let module: Record<string, unknown>;
  try {
    const generated = statSync(require.resolve(PRECOMPILED_MODULE)).mtimeMs;
    const schemas = statSync(fileURLToPath(new URL('./asl-schemas.js', import.meta.url))).mtimeMs;
    if (generated < schemas) return undefined;
    module = require(PRECOMPILED_MODULE) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const validators = new Map<string, SchemaValidator>();
  for (const [name, value] of Object.entries(module)) if (typeof value === 'function') validators.set(name, value as SchemaValidator);
  return validators;
}

/** Compiles the schemas with ajv now (the fallback, and the reference the precompiled code is tested against). */
export function compileAslValidators(schemas: readonly { readonly [keyword: string]: unknown }[] = allAslSchemas()): ValidatorSet {
  const Ajv = require('ajv').default as typeof import('ajv').default;
  const ajvErrors = require('ajv-errors') as typeof import('ajv-errors').default | { default: typeof import('ajv-errors').default };
  const ajv = new Ajv(AJV_OPTIONS);
  (typeof ajvErrors === 'function' ? ajvErrors : ajvErrors.default)(ajv);
  const validators = new Map<string, SchemaValidator>();
  for (const schema of schemas) ajv.addSchema(schema);
  for (const schema of schemas) {
    const id = schema.$id as string;
    validators.set(id, ajv.getSchema(id) as unknown as SchemaValidator);
  }
  return validators;
}

/** Validators by schema id; compiled (or loaded) once per process. */
export function aslValidators(): { validators: ValidatorSet; source: 'precompiled' | 'compiled' } {
  if (!cache) {
    const precompiled = loadPrecompiled();
    cache = precompiled ? { validators: precompiled, source: 'precompiled' } : { validators: compileAslValidators(), source: 'compiled' };
  }
  return cache;
}
