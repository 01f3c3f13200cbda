import {
  closestMatch,
  type Combination,
  defineRule,
  EKS_PARAMETERS,
  eksTasks,
  isJsonataExpression,
  isObjectValue,
  requiredFields,
  validateEksPayload,
  type JsonValue,
  type ParameterFields,
  type Path,
  type PayloadProblem,
  type Report,
} from '@asl-lint/core';

export default defineRule({
  meta: {
    id: 'eks/parameters',
    description: 'EKS payloads must have every required parameter, no unknown ones, and values of the right type and enum',
    severity: 'error',
    fix: 'none',
    locality: 'state',
    appliesTo: 'any',
    messages: {
      noPayload: 'State "{{state}}": eks:{{api}} needs {{form}} with {{required}}',
      missing: 'State "{{state}}": {{where}} of eks:{{api}} is missing "{{key}}"; add it',
      unknown: 'State "{{state}}": "{{key}}" is not a parameter of eks:{{api}}{{hint}}',
      dollarInArguments: 'State "{{state}}": "{{key}}" uses the JSONPath ".$" suffix, which Arguments do not have; write "{{base}}": "{% … %}" instead',
      type: 'State "{{state}}": "{{name}}" must be {{expected}}',
      enum: 'State "{{state}}": "{{name}}" is {{value}}; eks:{{api}} accepts {{allowed}}',
      constraint: 'State "{{state}}": "{{name}}" {{message}}',
      implication: 'State "{{state}}": "{{name}}" is {{value}}, so "{{other}}" must be {{required}}{{actual}}: {{why}}',
      oneOfNone: 'State "{{state}}": "{{name}}" needs one of {{keys}}: {{why}}',
      oneOfSeveral: 'State "{{state}}": "{{name}}" has {{keys}}; keep one: {{why}}',
      partial: 'State "{{state}}": "{{name}}" has {{given}} but not {{missing}}; give all of them or none: {{why}}',
      together: 'State "{{state}}": {{keys}} cannot be given together; keep one: {{why}}',
    },
    docs: {
      whatItDoes: 'Validates the `Parameters` (JSONPath) or `Arguments` (JSONata) of every EKS Task against the service catalog: required parameters, unknown parameters (with the closest known name), types, enums such as `Method`, documented limits (cluster name pattern, at most five Fargate selectors…), and combinations the service rejects (a cluster with `EndpointPublicAccess: false` needs `EndpointPrivateAccess: true`; a launch template by `Name` or `Id`, not both; `ScalingConfig` with all three counts or none; no `DiskSize` or `RemoteAccess` beside a launch template). Dynamic values — `X.$` paths in `Parameters`, `{% … %}` expressions in `Arguments` — are accepted wherever a value is. Which payload field a state may use is reported by `asl/schema`, and a key given both as `X` and `X.$` by `asl/paths`; this rule checks whichever one is present. `LogParameters` and the `Job` manifest are checked by `eks/log-options` and `eks/job-manifest`.',
      whyItMatters: 'Step Functions validates only the ASL structure when a state machine is created; a missing `Endpoint` or a `Method` of `FETCH` fails at run time, after earlier states (a cluster creation, say) have already run and cost money. Parameter names are PascalCase and case-sensitive: `clusterName` or `NodeGroupName` are silently unknown to the service.',
      examples: {
        invalid: [
          {
            title: 'A misspelled key and an HTTP method Kubernetes does not have',
            code: '{\n  "StartAt": "List pods",\n  "States": {\n    "List pods": {\n      "Type": "Task",\n      "Resource": "arn:aws:states:::eks:call",\n      "Parameters": {\n        "ClusterName": "batch",\n        "CertificateAuthority": "LS0tLS1CRUdJTg==",\n        "Endpoint": "https://EXAMPLE.gr7.us-east-1.eks.amazonaws.com",\n        "Method": "FETCH",\n        "Path": "/api/v1/namespaces/default/pods",\n        "QueryParameter": { "limit": ["50"] }\n      },\n      "End": true\n    }\n  }\n}\n',
          },
        ],
        valid: [
          {
            title: 'JSONata: values may be expressions',
            code: '{\n  "QueryLanguage": "JSONata",\n  "StartAt": "List pods",\n  "States": {\n    "List pods": {\n      "Type": "Task",\n      "Resource": "arn:aws:states:::eks:call",\n      "Arguments": {\n        "ClusterName": "{% $states.input.cluster %}",\n        "CertificateAuthority": "{% $states.input.ca %}",\n        "Endpoint": "{% $states.input.endpoint %}",\n        "Method": "GET",\n        "Path": "/api/v1/namespaces/default/pods",\n        "QueryParameters": { "limit": ["50"] }\n      },\n      "End": true\n    }\n  }\n}\n',
          },
        ],
      },
    },
  },
  check(context) {
    for (const task of eksTasks(context.machine.states)) {
      const spec = task.spec;
      if (!spec) continue;
      const state = task.state.name;
      if (!task.form) {
        const form = task.state.queryLanguage === 'JSONata' ? 'Arguments' : 'Parameters';
        context.report({ path: task.state.path, at: 'key', messageId: 'noPayload', data: { state, api: spec.api, form, required: requiredFields(spec.parameters).map((key) => `"${key}"`).join(', ') } });
        continue;
      }
      const payload = task.payload as JsonValue;
      const report = (item: Report) => context.report({ ...item, data: { state, ...item.data } });
      if (isObjectValue(payload)) checkCombinations(spec.combinations, payload, task.payloadPath, task.form, task.form, report);
      checkImplications(spec.parameters, payload, task.payloadPath, [], task.form, report);
      for (const problem of validateEksPayload(spec.api, task.form, payload)) {
        if (isLeftToOtherRules(problem) || (task.form === 'Parameters' && looksLikePath(problem, payload))) continue;
        const path: Path = [...task.payloadPath, ...problem.path];
        switch (problem.kind) {
          case 'missing':
            // `Key.$` in Arguments is reported below as the JSONPath habit it is.
            if (task.form === 'Arguments' && hasKey(valueAt(payload, problem.path), `${problem.key}.$`)) break;
            context.report({ path, at: 'key', messageId: 'missing', data: { state, api: spec.api, key: problem.key, where: [task.form, ...problem.path].map(String).join('.') } });
            break;
          case 'unknown': {
            const keyPath = [...path, problem.key];
            if (task.form === 'Arguments' && problem.key.endsWith('.$')) {
              context.report({ path: keyPath, at: 'key', messageId: 'dollarInArguments', data: { state, key: problem.key, base: problem.key.slice(0, -2) } });
              break;
            }
            const candidates = problem.known.filter((name) => name.endsWith('.$') === problem.key.endsWith('.$'));
            const suggestion = closestMatch(problem.key, candidates) ?? containing(problem.key, candidates);
            const hint = suggestion ? ` (did you mean "${suggestion}"?)` : `; remove it (parameters: ${spec.docsUrl})`;
            context.report({ path: keyPath, at: 'key', messageId: 'unknown', data: { state, api: spec.api, key: problem.key, hint } });
            break;
          }
          case 'type':
            // A payload that is not an object at all is asl/schema's to report.
            if (problem.path.length === 0) break;
            context.report({ path, messageId: 'type', data: { state, name: displayName(problem.path), expected: problem.expected } });
            break;
          case 'enum':
            context.report({ path, messageId: 'enum', data: { state, api: spec.api, name: displayName(problem.path), value: JSON.stringify(valueAt(payload, problem.path)), allowed: problem.allowed.join(', ') } });
            break;
          case 'constraint':
            context.report({ path, messageId: 'constraint', data: { state, name: displayName(problem.path), message: problem.message } });
            break;
        }
      }
    }
  },
});

/**
 * The catalog's implications (`EndpointPublicAccess: false` needs `EndpointPrivateAccess: true`), on literal values of
 * the structures the payload has. Recursion follows the catalog's structures, not the document, so its depth is fixed.
 */
function checkImplications(
  fields: ParameterFields,
  value: JsonValue,
  path: Path,
  names: readonly string[],
  form: 'Parameters' | 'Arguments',
  report: (report: Report) => void,
): void {
  if (!isObjectValue(value)) return;
  for (const [name, spec] of Object.entries(fields)) {
    if (spec.type !== 'structure' || !Object.hasOwn(value, name)) continue;
    const nested = value[name];
    if (!isObjectValue(nested)) continue;
    const nestedNames = [...names, name];
    for (const rule of spec.implications ?? []) {
      if (!Object.hasOwn(nested, rule.when.key) || nested[rule.when.key] !== rule.when.equals) continue;
      const dynamic = form === 'Parameters' ? Object.hasOwn(nested, `${rule.then.key}.$`) : isJsonataExpression(nested[rule.then.key]);
      const present = Object.hasOwn(nested, rule.then.key);
      if (dynamic || (present && nested[rule.then.key] === rule.then.equals)) continue;
      const actual = present ? ` (it is ${JSON.stringify(nested[rule.then.key])})` : rule.then.default !== undefined ? ` (it defaults to ${JSON.stringify(rule.then.default)})` : '';
      report({
        path: [...path, name, rule.when.key],
        messageId: 'implication',
        data: { name: [...nestedNames, rule.when.key].join('.'), value: JSON.stringify(rule.when.equals), other: rule.then.key, required: JSON.stringify(rule.then.equals), actual, why: rule.why },
      });
    }
    checkCombinations(spec.combinations, nested, [...path, name], nestedNames.join('.'), form, report);
    checkImplications(spec.fields, nested, [...path, name], nestedNames, form, report);
  }
}

/** The catalog's combinations (`LaunchTemplate` by `Name` or `Id`), on the keys an object has. */
function checkCombinations(
  combinations: readonly Combination[] | undefined,
  object: { readonly [key: string]: JsonValue },
  path: Path,
  name: string,
  form: 'Parameters' | 'Arguments',
  report: (report: Report) => void,
): void {
  for (const combination of combinations ?? []) {
    // The key as written: `Key` or, in Parameters, `Key.$`.
    const given = combination.keys.map((key) => (Object.hasOwn(object, key) ? key : form === 'Parameters' && Object.hasOwn(object, `${key}.$`) ? `${key}.$` : undefined));
    const present = given.filter((key): key is string => key !== undefined);
    const quoted = (keys: readonly string[]) => keys.map((key) => `"${key}"`).join(keys.length === 2 ? ' and ' : ', ');
    const { why } = combination;
    switch (combination.kind) {
      case 'exactly-one':
        if (present.length === 0) report({ path, at: 'key', messageId: 'oneOfNone', data: { name, keys: combination.keys.map((key) => `"${key}"`).join(' or '), why } });
        else if (present.length > 1) report({ path: [...path, present[1]], at: 'key', messageId: 'oneOfSeveral', data: { name, keys: quoted(present), why } });
        break;
      case 'all-or-none':
        if (present.length > 0 && present.length < combination.keys.length) {
          const missing = combination.keys.filter((_, i) => given[i] === undefined);
          // A warning: the EKS API reference forbids it, but a state machine of AWS CDK's integration tests deploys
          // with `ScalingConfig: {DesiredSize: 2}` (its node group creation may never have run).
          report({ path, at: 'key', messageId: 'partial', severity: 'warning', data: { name, given: quoted(present), missing: quoted(missing), why } });
        }
        break;
      case 'not-together':
        if (present.length > 1) report({ path: [...path, present[0]], at: 'key', messageId: 'together', data: { keys: quoted(present), why } });
        break;
    }
  }
}

/** Log parameters belong to eks/log-options. */
function isLeftToOtherRules(problem: PayloadProblem): boolean {
  const [first, second] = problem.path;
  return first === EKS_PARAMETERS.logOptions && second === EKS_PARAMETERS.logParameters;
}

/** The one known name that contains the unknown one or is contained in it: `ProfileName` → `FargateProfileName`. */
function containing(key: string, candidates: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  const matches = candidates.filter((name) => name.toLowerCase().includes(lower) || lower.includes(name.toLowerCase()));
  return matches.length === 1 ? matches[0] : undefined;
}

/** `"ClusterName": "$.cluster"` sends the text `$.cluster`: asl/paths reports the missing `.$`, which explains the value. */
function looksLikePath(problem: PayloadProblem, payload: JsonValue): boolean {
  if (problem.kind !== 'constraint' && problem.kind !== 'enum') return false;
  const value = valueAt(payload, problem.path);
  return typeof value === 'string' && value.startsWith('$');
}

/** `LogOptions.RetrieveLogs`, `Selectors[0].Namespace`. */
function displayName(path: Path): string {
  let name = '';
  for (const segment of path) name += typeof segment === 'number' ? `[${segment}]` : name ? `.${segment}` : segment;
  return name;
}

function hasKey(value: JsonValue | undefined, key: string): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, key);
}

function valueAt(root: JsonValue, path: Path): JsonValue | undefined {
  let current: JsonValue | undefined = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = Array.isArray(current) ? current[segment as number] : (current as Record<string, JsonValue>)[segment as string];
  }
  return current;
}

