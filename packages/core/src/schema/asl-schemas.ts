/**
 * JSON Schemas for the structure of Amazon States Language definitions (reference §7.1–§7.10).
 *
 * One schema per state type and query language, plus one for the top level. The state type and the
 * language are chosen by the model (which knows inheritance), so no schema ever needs a `oneOf` over
 * states and every error names one field. Value types only: ranges and cross-field rules belong to
 * asl/retry-catch, asl/timeouts and asl/choice-rules.
 *
 * Scalars also accept a CloudFormation intrinsic object (`{"Ref": …}`, `{"Fn::…": …}`), and in JSONata
 * states the fields the reference lists accept a `{% … %}` expression. Alternatives are wrapped with an
 * ajv-errors `errorMessage`, so a mismatch yields one error that describes what the field takes.
 */
import type { QueryLanguage } from '../dynamic-values.js';
import type { StateType } from '../model.js';
import { STATE_TYPES } from '../model.js';

export type Schema = boolean | { readonly [keyword: string]: unknown };

export const QUERY_LANGUAGES: readonly QueryLanguage[] = ['JSONPath', 'JSONata'];

/** Schema ids, also the export names of the precompiled validators. */
export function stateSchemaId(type: StateType, language: QueryLanguage): string {
  return `state${type}${language}`;
}
export const ROOT_SCHEMA_ID = 'stateMachine';

const CFN_INTRINSIC = {
  type: 'object',
  minProperties: 1,
  maxProperties: 1,
  propertyNames: { pattern: '^(Ref|Fn::.+)$' },
};
const JSONATA = { type: 'string', pattern: '^\\{%[\\s\\S]*%\\}$' };

/**
 * A `${Name}` definition substitution (SAM/CloudFormation `DefinitionSubstitutions`): in YAML
 * `Seconds: ${Delay}` becomes a number once substituted. asl/substitutions checks that it is defined.
 */
const SUBSTITUTION = { type: 'string', pattern: '^\\$\\{[^{}]+\\}$' };

/** A scalar (or a template value standing for one), described for humans. */
function scalar(alternatives: readonly object[], description: string): Schema {
  return { anyOf: [...alternatives, CFN_INTRINSIC, SUBSTITUTION], errorMessage: description };
}

function enumeration(values: readonly string[]): Schema {
  return scalar([{ enum: values }], values.map((v) => `"${v}"`).join(' or '));
}

/**
 * Parts shared by every schema, compiled once and referenced (`aslCommon#/$defs/…`), which keeps the
 * precompiled code small.
 */
const SCALAR_DEFS: Record<string, Schema> = {
  string: scalar([{ type: 'string' }], 'a string'),
  boolean: scalar([{ type: 'boolean' }], 'a boolean'),
  path: scalar([{ type: 'string' }, { type: 'null' }], 'a path string or null'),
  integer: scalar([{ type: 'integer' }], 'an integer'),
  number: scalar([{ type: 'number' }], 'a number'),
  integerOrJsonata: scalar([{ type: 'integer' }, JSONATA], 'an integer or a JSONata expression'),
  numberOrJsonata: scalar([{ type: 'number' }, JSONATA], 'a number or a JSONata expression'),
  booleanOrJsonata: scalar([{ type: 'boolean' }, JSONATA], 'a boolean or a JSONata expression'),
  queryLanguage: enumeration(QUERY_LANGUAGES),
  version: enumeration(['1.0']),
  processorMode: enumeration(['INLINE', 'DISTRIBUTED']),
  executionType: enumeration(['STANDARD', 'EXPRESS']),
};

/** Shared parts are schemas of their own (`asl.retrier`), so ajv compiles each once for all states. */
const COMMON_PREFIX = 'asl.';
const common = (name: string): Schema => ({ $ref: `${COMMON_PREFIX}${name}` });

let commonDefinitions: Record<string, Schema> | undefined;

/** The shared part a `$ref` names, if it is one (`asl.retrier` → the retrier schema). */
export function commonDefinition(ref: string): Schema | undefined {
  if (!ref.startsWith(COMMON_PREFIX)) return undefined;
  commonDefinitions ??= {
    ...SCALAR_DEFS,
    retrier: retrier(),
    branchRoot: nestedRoot(false),
    processorRoot: nestedRoot(true),
    ...Object.fromEntries(
      QUERY_LANGUAGES.flatMap((language) => [
        [`catcher${language}`, catcher(language)],
        [`choiceRule${language}`, choiceRule(language)],
        [`itemReader${language}`, itemReader(language)],
        [`itemBatcher${language}`, itemBatcher(language)],
        [`resultWriter${language}`, resultWriter(language)],
      ]),
    ),
  };
  const name = ref.slice(COMMON_PREFIX.length);
  return Object.hasOwn(commonDefinitions, name) ? commonDefinitions[name] : undefined;
}

function commonSchemas(): { readonly [keyword: string]: unknown }[] {
  commonDefinition(COMMON_PREFIX);
  return Object.entries(commonDefinitions!).map(([name, schema]) => ({ $id: `${COMMON_PREFIX}${name}`, ...(typeof schema === 'object' ? schema : {}) }));
}

const string = common('string');
const boolean = common('boolean');
const path = common('path');
const object = { type: 'object' };
const anything = true;
const queryLanguage = common('queryLanguage');

/** An integer (or a number), also a JSONata expression in JSONata states. */
function numeric(kind: 'integer' | 'number', language: QueryLanguage | undefined): Schema {
  return common(language === 'JSONata' ? `${kind}OrJsonata` : kind);
}

function orJsonata(type: 'object' | 'array' | 'boolean', language: QueryLanguage): Schema {
  const noun = type === 'object' ? 'an object' : type === 'array' ? 'an array' : 'a boolean';
  return language === 'JSONata' ? { anyOf: [{ type }, JSONATA], errorMessage: `${noun} or a JSONata expression` } : { type };
}

function closed(properties: Record<string, Schema>, required: readonly string[] = []): Schema {
  return { type: 'object', properties, ...(required.length ? { required } : {}), additionalProperties: false };
}

/** Fields keyed by name; `undefined` drops a field that the language does not accept. */
function fields(entries: Record<string, Schema | undefined>): Record<string, Schema> {
  const out: Record<string, Schema> = {};
  for (const [key, value] of Object.entries(entries)) if (value !== undefined) out[key] = value;
  return out;
}

const only = (language: QueryLanguage, wanted: QueryLanguage, schema: Schema): Schema | undefined => (language === wanted ? schema : undefined);

const errorEquals = { type: 'array', items: string };

function retrier(): Schema {
  return closed(
    {
      ErrorEquals: errorEquals,
      IntervalSeconds: numeric('integer', undefined),
      MaxAttempts: numeric('integer', undefined),
      BackoffRate: numeric('number', undefined),
      MaxDelaySeconds: numeric('integer', undefined),
      JitterStrategy: string,
      Comment: string,
    },
    ['ErrorEquals'],
  );
}

function catcher(language: QueryLanguage): Schema {
  return closed(
    fields({
      ErrorEquals: errorEquals,
      Next: string,
      ResultPath: only(language, 'JSONPath', path),
      Output: only(language, 'JSONata', anything),
      Assign: object,
      Comment: string,
    }),
    ['ErrorEquals', 'Next'],
  );
}

const CHOICE_OPERATORS = [
  'StringEquals', 'StringEqualsPath', 'StringLessThan', 'StringLessThanPath', 'StringGreaterThan', 'StringGreaterThanPath',
  'StringLessThanEquals', 'StringLessThanEqualsPath', 'StringGreaterThanEquals', 'StringGreaterThanEqualsPath', 'StringMatches',
  'NumericEquals', 'NumericEqualsPath', 'NumericLessThan', 'NumericLessThanPath', 'NumericGreaterThan', 'NumericGreaterThanPath',
  'NumericLessThanEquals', 'NumericLessThanEqualsPath', 'NumericGreaterThanEquals', 'NumericGreaterThanEqualsPath',
  'BooleanEquals', 'BooleanEqualsPath',
  'TimestampEquals', 'TimestampEqualsPath', 'TimestampLessThan', 'TimestampLessThanPath', 'TimestampGreaterThan', 'TimestampGreaterThanPath',
  'TimestampLessThanEquals', 'TimestampLessThanEqualsPath', 'TimestampGreaterThanEquals', 'TimestampGreaterThanEqualsPath',
  'IsNull', 'IsPresent', 'IsNumeric', 'IsString', 'IsBoolean', 'IsTimestamp',
] as const;

/** Every comparison operator of JSONPath Choice rules (reference §7.8). */
export const CHOICE_COMPARISON_OPERATORS: readonly string[] = CHOICE_OPERATORS;

/**
 * Choice rules: only field names and container types here. What a rule must contain (one operator,
 * Variable, Next on top-level rules only, operator value types) is asl/choice-rules' concern, and so is
 * a JSONata rule that carries JSONPath operators.
 */
function choiceRule(language: QueryLanguage): Schema {
  const operators: Record<string, Schema> = {};
  for (const operator of CHOICE_OPERATORS) operators[operator] = anything;
  const rule = common('choiceRuleJSONPath');
  if (language === 'JSONata') {
    return closed({
      Condition: common('booleanOrJsonata'),
      Next: string,
      Output: anything,
      Assign: object,
      Comment: string,
      Variable: anything,
      And: anything,
      Or: anything,
      Not: anything,
      ...operators,
    });
  }
  return closed({
    Next: string,
    Variable: string,
    And: { type: 'array', items: rule },
    Or: { type: 'array', items: rule },
    Not: rule,
    Assign: object,
    Comment: string,
    ...operators,
  });
}

/** Parallel branches and Map item processors (their `QueryLanguage` is accepted, reference §7.1). */
function nestedRoot(withProcessorConfig: boolean): Schema {
  return closed(
    fields({
      StartAt: string,
      States: object,
      Comment: string,
      QueryLanguage: queryLanguage,
      ProcessorConfig: withProcessorConfig
        ? closed({ Mode: common('processorMode'), ExecutionType: common('executionType') })
        : undefined,
    }),
    ['StartAt', 'States'],
  );
}

function itemReader(language: QueryLanguage): Schema {
  const jsonPath = language === 'JSONPath';
  return closed(
          fields({
            Resource: string,
            Parameters: only(language, 'JSONPath', object),
            Arguments: only(language, 'JSONata', orJsonata('object', language)),
            ReaderConfig: closed(
              fields({
                InputType: string,
                CSVHeaderLocation: string,
                CSVHeaders: jsonPath ? { type: 'array', items: string } : { anyOf: [{ type: 'array', items: string }, JSONATA], errorMessage: 'an array of strings or a JSONata expression' },
                CSVDelimiter: string,
                ManifestType: string,
                MaxItems: numeric('integer', language),
                MaxItemsPath: only(language, 'JSONPath', string),
              }),
            ),
          }),
          ['Resource'],
        );
}

function itemBatcher(language: QueryLanguage): Schema {
  return closed(
          fields({
            MaxItemsPerBatch: numeric('integer', language),
            MaxItemsPerBatchPath: only(language, 'JSONPath', string),
            MaxInputBytesPerBatch: numeric('integer', language),
            MaxInputBytesPerBatchPath: only(language, 'JSONPath', string),
            BatchInput: anything,
          }),
        );
}

function resultWriter(language: QueryLanguage): Schema {
  return closed(
          fields({
            Resource: string,
            Parameters: only(language, 'JSONPath', object),
            Arguments: only(language, 'JSONata', orJsonata('object', language)),
            // OutputType is required by both AWS SDKs (language service schema, CDK WriterConfigProps).
            WriterConfig: closed({ OutputType: string, Transformation: string }, ['OutputType']),
          }),
        );
}

/** Input/output processing shared by several state types (reference §7.2). */
function io(language: QueryLanguage, parts: { input?: boolean; parameters?: boolean; resultSelector?: boolean; resultPath?: boolean; output?: boolean; assign?: boolean }): Record<string, Schema | undefined> {
  const jsonPath = language === 'JSONPath';
  return {
    InputPath: parts.input && jsonPath ? path : undefined,
    OutputPath: parts.input && jsonPath ? path : undefined,
    Parameters: parts.parameters && jsonPath ? anything : undefined,
    ResultSelector: parts.resultSelector && jsonPath ? object : undefined,
    ResultPath: parts.resultPath && jsonPath ? path : undefined,
    Output: parts.output && !jsonPath ? anything : undefined,
    Assign: parts.assign ? object : undefined,
  };
}

const transition = { Next: string, End: boolean };

function errorHandling(language: QueryLanguage): Record<string, Schema> {
  return { Retry: { type: 'array', items: common('retrier') }, Catch: { type: 'array', items: common(`catcher${language}`) } };
}

function stateProperties(type: StateType, language: QueryLanguage): Record<string, Schema> {
  const base = { Type: string, Comment: string, QueryLanguage: queryLanguage };
  switch (type) {
    case 'Task':
      return fields({
        ...base,
        ...io(language, { input: true, parameters: true, resultSelector: true, resultPath: true, output: true, assign: true }),
        ...transition,
        ...errorHandling(language),
        Resource: string,
        Arguments: only(language, 'JSONata', orJsonata('object', language)),
        Credentials: object,
        TimeoutSeconds: numeric('integer', language),
        TimeoutSecondsPath: only(language, 'JSONPath', string),
        HeartbeatSeconds: numeric('integer', language),
        HeartbeatSecondsPath: only(language, 'JSONPath', string),
      });
    case 'Parallel':
      return fields({
        ...base,
        ...io(language, { input: true, parameters: true, resultSelector: true, resultPath: true, output: true, assign: true }),
        ...transition,
        ...errorHandling(language),
        Arguments: only(language, 'JSONata', orJsonata('object', language)),
        Branches: { type: 'array', minItems: 1, items: common('branchRoot') },
      });
    case 'Map':
      return fields({
        ...base,
        ...io(language, { input: true, parameters: true, resultSelector: true, resultPath: true, output: true, assign: true }),
        ...transition,
        ...errorHandling(language),
        ItemProcessor: common('processorRoot'),
        Iterator: common('branchRoot'),
        // A reference path; unlike InputPath it cannot be null.
        ItemsPath: only(language, 'JSONPath', string),
        Items: only(language, 'JSONata', orJsonata('array', language)),
        ItemSelector: anything,
        ItemReader: common(`itemReader${language}`),
        ItemBatcher: common(`itemBatcher${language}`),
        ResultWriter: common(`resultWriter${language}`),
        MaxConcurrency: numeric('integer', language),
        MaxConcurrencyPath: only(language, 'JSONPath', string),
        ToleratedFailurePercentage: numeric('number', language),
        ToleratedFailurePercentagePath: only(language, 'JSONPath', string),
        ToleratedFailureCount: numeric('integer', language),
        ToleratedFailureCountPath: only(language, 'JSONPath', string),
        Label: string,
      });
    case 'Pass':
      return fields({
        ...base,
        ...io(language, { input: true, parameters: true, resultPath: true, output: true, assign: true }),
        ...transition,
        // Whether AWS rejects Result in a JSONata Pass state is unverified (reference §10 #20): accept it.
        Result: anything,
      });
    case 'Wait':
      return fields({
        ...base,
        ...io(language, { input: true, output: true, assign: true }),
        ...transition,
        Seconds: numeric('integer', language),
        SecondsPath: only(language, 'JSONPath', string),
        Timestamp: string,
        TimestampPath: only(language, 'JSONPath', string),
      });
    case 'Choice':
      return fields({
        ...base,
        ...io(language, { input: true, output: true, assign: true }),
        Choices: { type: 'array', minItems: 1, items: common(`choiceRule${language}`) },
        Default: string,
      });
    case 'Succeed':
      return fields({ ...base, ...io(language, { input: true, output: true }) });
    case 'Fail':
      return fields({
        ...base,
        Error: string,
        Cause: string,
        ErrorPath: only(language, 'JSONPath', string),
        CausePath: only(language, 'JSONPath', string),
      });
  }
}

const REQUIRED: Partial<Record<StateType, readonly string[]>> = { Task: ['Resource'], Parallel: ['Branches'], Choice: ['Choices'] };

const stateSchemas = new Map<string, { readonly [keyword: string]: unknown }>();

/** The schema of one state type in one query language (built once, then shared). */
export function stateSchema(type: StateType, language: QueryLanguage): { readonly [keyword: string]: unknown } {
  const id = stateSchemaId(type, language);
  let schema = stateSchemas.get(id);
  if (!schema) {
    schema = buildStateSchema(type, language);
    stateSchemas.set(id, schema);
  }
  return schema;
}

function buildStateSchema(type: StateType, language: QueryLanguage): { readonly [keyword: string]: unknown } {
  return {
    $id: stateSchemaId(type, language),
    type: 'object',
    properties: stateProperties(type, language),
    ...(REQUIRED[type] ? { required: REQUIRED[type] } : {}),
    additionalProperties: false,
  };
}

export function rootSchema(): { readonly [keyword: string]: unknown } {
  return {
    $id: ROOT_SCHEMA_ID,
    type: 'object',
    properties: {
      StartAt: string,
      States: object,
      Comment: string,
      Version: common('version'),
      TimeoutSeconds: numeric('integer', undefined),
      QueryLanguage: queryLanguage,
    },
    required: ['StartAt', 'States'],
    additionalProperties: false,
  };
}

/** Every schema, in a fixed order: the input of compilation and of the precompiled module. */
export function allAslSchemas(): { readonly [keyword: string]: unknown }[] {
  const schemas = [...commonSchemas(), rootSchema()];
  for (const type of STATE_TYPES) for (const language of QUERY_LANGUAGES) schemas.push(stateSchema(type, language));
  return schemas;
}

/** The field names a state type accepts in a language (top level of the state only). */
export function stateFieldNames(type: StateType, language: QueryLanguage): string[] {
  return Object.keys(stateProperties(type, language));
}
