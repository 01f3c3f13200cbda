/**
 * The JSON Schema of `asl-lint.config.json` / `.yaml`. Published as
 * `packages/config/schema/asl-lint.config.schema.json` (written by `node scripts/generate-config-schema.mjs`,
 * checked by a test) so editors complete and check config files; `errorMessage` (ajv-errors) gives each
 * mistake one sentence that says what is allowed.
 */
export const PRESETS = ['recommended', 'strict'] as const;
export const CONFIG_KEYS = ['$schema', 'extends', 'rules', 'ignore', 'overrides', 'workflowType'] as const;
export const OVERRIDE_KEYS = ['files', 'rules', 'workflowType'] as const;

const SEVERITY_TEXT = 'must be "off", "info", "warn" or "error", or ["<severity>", { options }]';
const WORKFLOW_TEXT = 'must be "standard" or "express"';

export const CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://github.com/asl-lint/asl-lint/blob/main/packages/config/schema/asl-lint.config.schema.json',
  title: 'asl-lint configuration',
  description: 'Configuration for asl-lint, the linter for AWS Step Functions definitions. The nearest asl-lint.config.json or asl-lint.config.yaml above a linted file applies to it.',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string', description: 'The JSON Schema of this file, for editors.' },
    extends: {
      description: 'Presets to start from: "recommended" (every rule at its default severity, the default) or "strict" (every rule, warnings raised to errors).',
      anyOf: [
        { type: 'string', enum: [...PRESETS] },
        { type: 'array', items: { type: 'string', enum: [...PRESETS] } },
      ],
      errorMessage: 'must be "recommended" or "strict", or a list of them',
    },
    rules: { $ref: '#/definitions/rules' },
    ignore: {
      description: 'Globs, relative to this file\'s directory, of files that asl-lint skips. A pattern without "/" matches a file or directory name at any depth.',
      type: 'array',
      items: { type: 'string', minLength: 1 },
      errorMessage: 'must be a list of glob patterns (non-empty strings)',
    },
    overrides: {
      description: 'Rule settings for files that match globs (relative to this file\'s directory); later overrides win.',
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['files'],
        properties: {
          files: {
            description: 'A glob or a list of globs.',
            anyOf: [
              { type: 'string', minLength: 1 },
              { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
            ],
            errorMessage: 'must be a glob or a non-empty list of globs',
          },
          rules: { $ref: '#/definitions/rules' },
          workflowType: { $ref: '#/definitions/workflowType' },
        },
        errorMessage: {
          type: 'must be an object with "files" and "rules"',
          required: 'needs "files": a glob or a list of globs',
          additionalProperties: `is not an override key; allowed: ${OVERRIDE_KEYS.join(', ')}`,
        },
      },
      errorMessage: { type: 'must be a list of { "files": …, "rules": … } objects' },
    },
    workflowType: { $ref: '#/definitions/workflowType' },
  },
  errorMessage: {
    type: 'must be an object',
    additionalProperties: `is not a configuration key; allowed: ${CONFIG_KEYS.join(', ')}`,
  },
  definitions: {
    severity: { type: 'string', enum: ['off', 'info', 'warn', 'warning', 'error'] },
    ruleEntry: {
      anyOf: [
        { $ref: '#/definitions/severity' },
        { type: 'array', minItems: 1, maxItems: 2, items: [{ $ref: '#/definitions/severity' }, {}] },
      ],
      errorMessage: SEVERITY_TEXT,
    },
    rules: {
      description: 'Rule ids (such as "eks/run-job-sync") mapped to a severity, or to [severity, options].',
      type: 'object',
      propertyNames: { pattern: '^([a-z]+/[a-z0-9-]+|internal-error)$' },
      additionalProperties: { $ref: '#/definitions/ruleEntry' },
      errorMessage: {
        type: 'must be an object mapping rule ids to severities',
        propertyNames: 'keys must be rule ids such as "eks/run-job-sync"',
      },
    },
    workflowType: {
      description: 'The workflow type of definitions that do not state it (templates do): standard or express.',
      type: 'string',
      enum: ['standard', 'express', 'STANDARD', 'EXPRESS'],
      errorMessage: WORKFLOW_TEXT,
    },
  },
} as const;
