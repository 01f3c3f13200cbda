/**
 * The shape of an integration's parameters, as data. One spec serves validation (it is turned into JSON Schemas by
 * `payload-schema.ts`), hover and completion (the `doc` text and enum values) and the rules that read parameter names.
 */

interface SpecBase {
  /** One or two sentences for hover and completion. */
  readonly doc: string;
  /** Required in its parent structure. */
  readonly required?: boolean;
  /** Added to the EKS API model after the optimized integration was documented (reference §2.6 "†"). */
  readonly newerModelMember?: boolean;
}

export interface StringSpec extends SpecBase {
  readonly type: 'string';
  /** A closed set of values: anything else is an error. */
  readonly enum?: readonly string[];
  /** Values known today of a set that grows over time: offered by completion, never enforced. */
  readonly knownValues?: readonly string[];
  readonly minLength?: number;
  readonly maxLength?: number;
  /** ECMAScript pattern (unicode mode), anchored. */
  readonly pattern?: string;
  /** Human wording of `pattern`, used in messages. */
  readonly patternDescription?: string;
}

export interface BooleanSpec extends SpecBase {
  readonly type: 'boolean';
}

export interface IntegerSpec extends SpecBase {
  readonly type: 'integer';
  readonly minimum?: number;
  readonly maximum?: number;
}

export interface ListSpec extends SpecBase {
  readonly type: 'list';
  readonly items: ParameterSpec;
  readonly minItems?: number;
  readonly maxItems?: number;
}

/** A structure with named members (PascalCase in Step Functions). */
export interface StructureSpec extends SpecBase {
  readonly type: 'structure';
  readonly fields: ParameterFields;
  /** Combinations the service rejects: when `when` holds, `then` must hold too (checked on literal values). */
  readonly implications?: readonly Implication[];
  /** Members the service takes only together, or only apart (checked on the keys present). */
  readonly combinations?: readonly Combination[];
}

/**
 * `exactly-one`: one of the keys, not several, not none. `all-or-none`: every key or none of them. `not-together`:
 * at most one of the keys. A key counts as present when given as a value or dynamically (`Key.$`, an expression).
 */
export interface Combination {
  readonly kind: 'exactly-one' | 'all-or-none' | 'not-together';
  readonly keys: readonly string[];
  /** Why the service rejects the combination, for messages. */
  readonly why: string;
}

export interface Implication {
  readonly when: { readonly key: string; readonly equals: string | number | boolean };
  readonly then: { readonly key: string; readonly equals: string | number | boolean; readonly default?: string | number | boolean };
  /** Why the service rejects the combination, for messages. */
  readonly why: string;
}

/** A map from free-form keys to values of one shape (`Tags`, `LogParameters`). */
export interface MapSpec extends SpecBase {
  readonly type: 'map';
  readonly values: ParameterSpec;
  readonly minEntries?: number;
  readonly maxEntries?: number;
  /** Names with a documented meaning (e.g. Kubernetes query parameters), for completion and "did you mean". */
  readonly knownKeys?: readonly string[];
}

/** Free-form JSON (a Kubernetes object), optionally also accepted as a string holding it. */
export interface JsonSpec extends SpecBase {
  readonly type: 'json';
  readonly accepts: readonly ('object' | 'array' | 'string' | 'number' | 'boolean')[];
}

export type ParameterSpec = StringSpec | BooleanSpec | IntegerSpec | ListSpec | StructureSpec | MapSpec | JsonSpec;

export type ParameterFields = Readonly<Record<string, ParameterSpec>>;

/** Follows a path of field names (and `[]` for list items / `*` for map values) through nested specs. */
export function specAt(fields: ParameterFields, path: readonly (string | number)[]): ParameterSpec | undefined {
  let spec: ParameterSpec | undefined;
  let current: ParameterFields | undefined = fields;
  for (const segment of path) {
    if (spec?.type === 'list' && typeof segment === 'number') {
      spec = spec.items;
    } else if (spec?.type === 'map' && typeof segment === 'string') {
      spec = spec.values;
    } else if (current && typeof segment === 'string' && Object.hasOwn(current, segment)) {
      spec = current[segment];
    } else {
      return undefined;
    }
    current = spec.type === 'structure' ? spec.fields : undefined;
  }
  return spec;
}

/** Names of the required members of a structure, in declaration order. */
export function requiredFields(fields: ParameterFields): string[] {
  return Object.keys(fields).filter((name) => fields[name].required === true);
}

/** A short description of the value a spec expects, for messages: `a string`, `a list of strings`. */
export function describeSpec(spec: ParameterSpec): string {
  switch (spec.type) {
    case 'string':
      return 'a string';
    case 'boolean':
      return 'a boolean';
    case 'integer':
      return 'an integer';
    case 'list':
      return `a list of ${plural(spec.items)}`;
    case 'structure':
      return 'an object';
    case 'map':
      return `an object whose values are ${plural(spec.values)}`;
    case 'json':
      return spec.accepts.length === 1 ? `a JSON ${spec.accepts[0]}` : `a JSON ${spec.accepts.slice(0, -1).join(', ')} or ${spec.accepts.at(-1)}`;
  }
}

function plural(spec: ParameterSpec): string {
  switch (spec.type) {
    case 'string':
      return 'strings';
    case 'boolean':
      return 'booleans';
    case 'integer':
      return 'integers';
    case 'list':
      return `lists of ${plural(spec.items)}`;
    case 'structure':
    case 'map':
      return 'objects';
    case 'json':
      return 'JSON values';
  }
}
