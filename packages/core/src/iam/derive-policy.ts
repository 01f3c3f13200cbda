/**
 * Derives the IAM policy a state machine's role needs from its definition: the statements Step Functions generates
 * for each integration (facts in `catalog/iam.ts`), narrowed to the literal names the definition gives, widened only
 * where a value is dynamic, merged, and explained statement by statement.
 */
import type { JsonValue, Path } from '../ast.js';
import { isObjectValue } from '../ast.js';
import {
  AWS_SDK_ACTION_EXCEPTIONS,
  AWS_SDK_IAM_PREFIX,
  AWS_SDK_SOURCE,
  DIRECT_LAMBDA_IAM,
  ENVIRONMENT_PLACEHOLDERS,
  integrationIam,
  PARTITIONS,
  type IntegrationIam,
  type ResourceFact,
  type ResourceVariable,
} from '../catalog/iam.js';
import type { Definition } from '../definition.js';
import type { HostContext } from '../extract/host-context.js';
import { readField, type FieldValue, type QueryLanguage } from '../dynamic-values.js';
import { buildStateMachine, type State, type StateMachine } from '../model.js';
import { payloadOf } from './task-payload.js';
import { kubernetesAccessOf, type KubernetesAccess } from './kubernetes-access.js';
import { mergeStatements, sidFor, type DerivedStatement, type PolicyDocument, type RawStatement, type StatementSource } from './policy-document.js';
import { parseResourceValue, type ResourceParts } from './resource-values.js';

export interface PolicyEnvironment {
  /** Used when a Task ARN does not name its partition. */
  readonly partition?: string;
  readonly region?: string;
  readonly account?: string;
}

export interface DerivePolicyOptions extends PolicyEnvironment {
  /**
   * `least-privilege` (default) narrows every resource the definition names; `aws-template` reproduces the
   * statements exactly as Step Functions generates them (e.g. `cluster/*` for createCluster).
   */
  readonly style?: 'least-privilege' | 'aws-template';
}

export interface PolicyFinding {
  readonly severity: 'warning' | 'info';
  readonly state?: string;
  /** Path of the value the finding is about, relative to the definition root. */
  readonly path?: Path;
  readonly message: string;
}

export interface DerivedPolicy {
  readonly document: PolicyDocument;
  readonly statements: readonly DerivedStatement[];
  /** Resources the tool could not name, integrations it knows no facts for, mismatched partitions. */
  readonly findings: readonly PolicyFinding[];
  /** Facts that hold for the whole policy (service-linked roles, roles outside the definition). */
  readonly notes: readonly string[];
  /** States that talk to a cluster's Kubernetes API: no IAM action, Kubernetes RBAC instead. */
  readonly kubernetes: readonly KubernetesAccess[];
  /** The CloudFormation pseudo parameters left in the document (`${AWS::Region}`) for values not given. */
  readonly placeholders: readonly string[];
  /**
   * `${Resource.Arn}`, `${Parameter}`: values of the host template kept in resources, because CloudFormation resolves
   * them when the policy sits in the same template under `Fn::Sub` (the YAML output writes `!Sub`).
   */
  readonly templateReferences: readonly string[];
  /** Every statement before merging, each with the one state that needs it: what a role check compares. */
  readonly requirements: readonly Requirement[];
}

export interface Requirement {
  readonly actions: readonly string[];
  /** The actions this state actually calls: without `.sync`, the polling and cancel actions are left out. */
  readonly usedActions: readonly string[];
  readonly resources: readonly string[];
  readonly source: StatementSource;
}

interface Environment {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
}

type Resolved =
  | { readonly kind: 'literal'; readonly parts: ResourceParts }
  | { readonly kind: 'dynamic'; readonly description: string }
  | { readonly kind: 'absent' }
  /** A list parameter (`Entries`): one value per item. */
  | { readonly kind: 'list'; readonly items: readonly Resolved[] };

export function derivePolicy(input: StateMachine | Definition, options: DerivePolicyOptions = {}): DerivedPolicy {
  const machine = 'states' in input ? input : buildStateMachine(input);
  const style = options.style ?? 'least-privilege';
  const raw: RawStatement[] = [];
  /** By index in `raw`: the actions a request-response state really calls, where fewer than the statement grants. */
  const used = new Map<number, readonly string[]>();
  const findings: PolicyFinding[] = [];
  const ctx: ResolveContext = { findings, template: templateNamesOf(machine.definition), references: new Set() };
  const notes: string[] = [];
  const addNote = (note: string) => {
    if (!notes.includes(note)) notes.push(note);
  };

  if (options.partition !== undefined && !PARTITIONS.includes(options.partition)) {
    findings.push({ severity: 'warning', message: `Partition "${options.partition}" is not one of ${PARTITIONS.join(', ')}` });
  }

  for (const state of machine.states) {
    if (state.type === 'Map') distributedMapFindings(state, findings);
    if (state.type !== 'Task') continue;
    const resource = state.resource;
    if (!resource) {
      findings.push({ severity: 'warning', state: state.name, path: [...state.path, 'Resource'], message: `State "${state.name}": Resource is not a string, so its permissions cannot be derived` });
      continue;
    }
    const env = environmentOf(state, options, findings);
    const location = locationOf(state);

    if (resource.kind === 'activity') {
      findings.push({ severity: 'info', state: state.name, message: `State "${state.name}" waits for an activity worker: the state machine's role needs no permission for it (the worker calls GetActivityTask)` });
      continue;
    }
    if (resource.kind === 'unknown') {
      findings.push({ severity: 'warning', state: state.name, path: [...state.path, 'Resource'], message: `State "${state.name}": Resource "${resource.raw}" is not an integration asl-lint recognises; add its permissions by hand` });
      continue;
    }

    const credentialsRole = credentialsOf(state);
    const integration = resource.kind === 'lambda' ? 'lambda:function' : `${resource.kind === 'aws-sdk' ? 'aws-sdk:' : ''}${resource.service}:${resource.api}${resource.suffix ? `.${resource.suffix}` : ''}`;
    const before = raw.length;

    if (resource.kind === 'aws-sdk') {
      addAwsSdk(state, resource.service ?? '', resource.api ?? '', integration, location, raw, findings);
    } else {
      const facts = resource.kind === 'lambda' ? DIRECT_LAMBDA_IAM : integrationIam(resource.service ?? '', resource.api ?? '');
      if (!facts) {
        findings.push({
          severity: 'warning',
          state: state.name,
          path: [...state.path, 'Resource'],
          message: `State "${state.name}" uses ${resource.service}:${resource.api}, for which asl-lint knows no IAM statements; add them by hand (the service's "IAM policies" page in the Step Functions developer guide)`,
        });
      } else {
        const resolved = resolveVariables(state, facts, resource.kind === 'lambda' ? resource.raw : undefined, ctx);
        for (const fact of facts.statements) {
          if (fact.patterns && !fact.patterns.includes(resource.pattern)) continue;
          const widened: string[] = [];
          const resources = fact.resources.flatMap((resourceFact) => instantiate(resourceFact, facts, resolved, env, style, widened));
          const source: StatementSource = { state: state.name, statePath: state.path, location, integration, why: fact.why, evidence: facts.evidence, source: facts.source, widened: [...new Set(widened)] };
          if (fact.actions.includes('iam:PassRole')) crossAccountRoles(state, resources, options.account, findings);
          const sync = resource.pattern === 'sync' || resource.pattern === 'sync:2';
          if (!sync && fact.syncOnly) used.set(raw.length, fact.actions.filter((action) => !fact.syncOnly!.includes(action)));
          raw.push({
            sid: sidFor(facts.key === 'lambda:invoke' && resource.kind === 'lambda' ? 'lambda' : facts.key, fact.sid),
            actions: fact.actions,
            resources,
            condition: fact.condition,
            actionAsString: fact.actionAsString === true,
            resourceAsString: fact.resourceAsString === true,
            sources: [source],
          });
        }
        for (const note of facts.notes ?? []) addNote(note);
        if (facts.evidence === 'inferred') {
          findings.push({ severity: 'info', state: state.name, message: `State "${state.name}" (${integration}): AWS documents no IAM template for ${facts.key}; its statements are inferred from the documented node group templates` });
        }
      }
    }

    if (credentialsRole) {
      // The integration runs as the role in Credentials: its permissions belong to that role's policy.
      const delegated = raw.splice(before);
      for (const index of [...used.keys()]) if (index >= before) used.delete(index);
      const actions = [...new Set(delegated.flatMap((statement) => statement.actions))];
      const roleResource = credentialsRole.kind === 'literal' ? credentialsRole.parts.arn : substitute('arn:{partition}:iam::*:role/*', env);
      raw.push({
        sid: sidFor('sts', 'AssumeRoleCredentials'),
        actions: ['sts:AssumeRole'],
        resources: [roleResource],
        actionAsString: true,
        resourceAsString: false,
        sources: [
          {
            state: state.name,
            statePath: state.path,
            location,
            integration,
            why: 'assumes the role named in the state\'s Credentials to call the integration',
            evidence: 'documented',
            source: 'AWS Step Functions developer guide, concepts-access-cross-acct-resources.html',
            widened: credentialsRole.kind === 'dynamic' ? [`Credentials RoleArn is dynamic (${credentialsRole.description}): any role`] : [],
          },
        ],
      });
      if (actions.length > 0) {
        findings.push({
          severity: 'warning',
          state: state.name,
          path: [...state.path, 'Credentials'],
          message: `State "${state.name}" runs with the role in its Credentials: grant ${actions.join(', ')} to that role, not to the state machine's role`,
        });
      }
    }
  }

  const kubernetes = kubernetesAccessOf(machine);

  const requirements = raw.flatMap((statement, index) =>
    statement.sources.map((source) => ({ actions: statement.actions, usedActions: used.get(index) ?? statement.actions, resources: statement.resources, source })),
  );
  const statements = mergeStatements(raw);
  const document: PolicyDocument = { Version: '2012-10-17', Statement: statements.map((derived) => derived.statement) };
  const text = JSON.stringify(document);
  const placeholders = Object.values(ENVIRONMENT_PLACEHOLDERS).filter((placeholder) => text.includes(placeholder));
  const templateReferences = [...ctx.references].filter((reference) => text.includes(reference));
  return { document, statements, findings, notes, kubernetes, placeholders, templateReferences, requirements };
}

/** A role can only be passed within its own account: a role ARN of another account than `--account` cannot work. */
function crossAccountRoles(state: State, resources: readonly string[], account: string | undefined, findings: PolicyFinding[]): void {
  if (account === undefined) return;
  for (const resource of resources) {
    const roleAccount = /^arn:[^:]+:iam::(\d{12}):role\//.exec(resource)?.[1];
    if (roleAccount === undefined || roleAccount === account) continue;
    findings.push({
      severity: 'warning',
      state: state.name,
      message: `State "${state.name}" passes the role ${resource} of account ${roleAccount}, but the state machine runs in account ${account}: a role can only be passed within its own account`,
    });
  }
}

/** A Distributed Map and a Map's ItemReader/ResultWriter need permissions this deriver does not model: say so. */
function distributedMapFindings(state: State, findings: PolicyFinding[]): void {
  const processor = state.fields.ItemProcessor;
  const config = isObjectValue(processor) ? processor.ProcessorConfig : undefined;
  const distributed = isObjectValue(config) && config.Mode === 'DISTRIBUTED';
  const io = ['ItemReader', 'ResultWriter'].filter((key) => isObjectValue(state.fields[key]));
  if (!distributed && io.length === 0) return;
  const needs = [
    ...(distributed ? ['to start and stop its child workflow executions (on this state machine, whose ARN the definition does not hold)'] : []),
    ...(io.length > 0 ? [`for its ${io.join(' and ')}, to read and write the items in Amazon S3`] : []),
  ];
  findings.push({
    severity: 'warning',
    state: state.name,
    path: state.path,
    message: `Map "${state.name}" needs permissions asl-lint does not derive: ${needs.join('; ')}. Add them by hand ("IAM policies for using Distributed Map states" in the Step Functions developer guide)`,
  });
}

function environmentOf(state: State, options: DerivePolicyOptions, findings: PolicyFinding[]): Environment {
  const resource = state.resource!;
  if (resource.partition !== undefined && options.partition !== undefined && resource.partition !== options.partition) {
    findings.push({
      severity: 'warning',
      state: state.name,
      path: [...state.path, 'Resource'],
      message: `State "${state.name}": its Resource names partition "${resource.partition}", not "${options.partition}"; the policy uses "${resource.partition}"`,
    });
  }
  if (resource.partition !== undefined && !PARTITIONS.includes(resource.partition)) {
    findings.push({ severity: 'warning', state: state.name, path: [...state.path, 'Resource'], message: `State "${state.name}": partition "${resource.partition}" is not one of ${PARTITIONS.join(', ')}` });
  }
  return {
    partition: resource.partition ?? options.partition ?? ENVIRONMENT_PLACEHOLDERS.partition,
    region: nonEmpty(resource.region) ?? options.region ?? ENVIRONMENT_PLACEHOLDERS.region,
    account: nonEmpty(resource.account) ?? options.account ?? ENVIRONMENT_PLACEHOLDERS.account,
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

function resolveVariables(state: State, facts: IntegrationIam, directLambdaArn: string | undefined, ctx: ResolveContext): Map<string, Resolved> {
  const resolved = new Map<string, Resolved>();
  const { read, language } = payloadOf(state);
  for (const [name, variable] of Object.entries(facts.variables)) {
    if (directLambdaArn !== undefined) {
      resolved.set(name, resolveLiteral(state, variable, directLambdaArn, [...state.path, 'Resource'], ctx));
      continue;
    }
    const field = read(variable.parameter);
    resolved.set(name, variable.item !== undefined ? resolveList(state, variable, variable.item, field, language, ctx) : resolveField(state, variable, field, ctx));
  }
  return resolved;
}

function resolveField(state: State, variable: ResourceVariable, field: FieldValue | undefined, ctx: ResolveContext): Resolved {
  if (!field) return { kind: 'absent' };
  const last = field.path[field.path.length - 1];
  if (field.kind !== 'literal' && (last === 'Parameters' || last === 'Arguments')) return { kind: 'dynamic', description: `the whole ${last} is "${field.expression}"` };
  if (field.kind === 'path') return { kind: 'dynamic', description: `"${variable.parameter}.$": "${field.expression}"` };
  if (field.kind === 'jsonata') return { kind: 'dynamic', description: `"${variable.parameter}": "${field.expression}"` };
  if (typeof field.value !== 'string') {
    if (isIntrinsic(field.value)) return { kind: 'dynamic', description: `${variable.parameter} is the CloudFormation function ${Object.keys(field.value as object)[0]}` };
    ctx.findings.push({ severity: 'warning', state: state.name, path: field.path, message: `State "${state.name}": ${variable.parameter} is not a string, so the ${variable.noun} cannot be named` });
    return { kind: 'dynamic', description: `${variable.parameter} is not a string` };
  }
  return resolveLiteral(state, variable, field.value, field.path, ctx);
}

/** A list whose items each name a resource in their `item` field; the whole list or one item may be dynamic. */
function resolveList(state: State, variable: ResourceVariable, item: string, field: FieldValue | undefined, language: QueryLanguage, ctx: ResolveContext): Resolved {
  if (!field) return { kind: 'absent' };
  if (field.kind !== 'literal') return resolveField(state, variable, field, ctx);
  if (!Array.isArray(field.value)) return { kind: 'dynamic', description: `${variable.parameter} is not a list` };
  const items = field.value.map((entry, index): Resolved => {
    const itemVariable = { ...variable, parameter: `${variable.parameter}[${index}].${item}` };
    const value = readField(entry, item, [...field.path, index], language);
    if (!value && variable.itemDefault !== undefined) return resolveLiteral(state, itemVariable, variable.itemDefault, [...field.path, index], ctx);
    return resolveField(state, itemVariable, value, ctx);
  });
  return { kind: 'list', items };
}

function resolveLiteral(state: State, variable: ResourceVariable, value: string, path: Path, ctx: ResolveContext): Resolved {
  const placeholder = /\$\{[^}]*\}/.exec(value);
  if (placeholder) {
    const reference = templateReference(variable, value, path, ctx);
    if (reference) return reference;
    return { kind: 'dynamic', description: `${variable.parameter} "${value}" holds the template placeholder ${placeholder[0]}` };
  }
  const parsed = parseResourceValue(variable.kind, value);
  if (parsed.ok) return { kind: 'literal', parts: parsed.parts };
  ctx.findings.push({
    severity: 'warning',
    state: state.name,
    path,
    message: `State "${state.name}": ${variable.parameter} "${value}" is not ${parsed.expected}; the ${variable.noun} is left as a wildcard`,
  });
  return { kind: 'dynamic', description: `${variable.parameter} "${value}" is not ${parsed.expected}` };
}

interface ResolveContext {
  readonly findings: PolicyFinding[];
  /** Names a `Fn::Sub` in the definition's template resolves; undefined outside a template. */
  readonly template: TemplateNames | undefined;
  /** The `${…}` references kept in resources. */
  readonly references: Set<string>;
}

interface TemplateNames {
  readonly context: HostContext;
  readonly parameters: ReadonlySet<string>;
  readonly resources: ReadonlySet<string>;
  readonly definitionSubstitutions: ReadonlySet<string>;
}

function templateNamesOf(definition: Definition): TemplateNames | undefined {
  if (definition.host !== 'cloudformation' && definition.host !== 'sam') return undefined;
  const context = definition.hostContext as HostContext | undefined;
  const substitutions = context?.substitutions;
  if (!context || !substitutions) return undefined;
  return { context, parameters: substitutions.parameters, resources: substitutions.resources, definitionSubstitutions: substitutions.definitionSubstitutions };
}

/**
 * A value built from the template's own parameters and resources (`!GetAtt ClusterRole.Arn`, `!Ref ClusterName`,
 * or a `${…}` an Fn::Sub resolves) names one resource at deploy time: keep the reference, so the policy, put in the
 * same template under Fn::Sub, is as narrow as the definition. DefinitionSubstitutions keys are not the policy's to
 * resolve: those stay dynamic.
 */
function templateReference(variable: ResourceVariable, value: string, path: Path, ctx: ResolveContext): Resolved | undefined {
  const template = ctx.template;
  if (!template) return undefined;
  const names = [...value.matchAll(/\$\{([^}]*)\}/g)].map((match) => match[1]);
  const listed = template.context.placeholders.filter((placeholder) => samePath(placeholder.path, path));
  const resolvable = (name: string): boolean => {
    if (template.definitionSubstitutions.has(name)) return false;
    const literal = listed.filter((placeholder) => placeholder.name === name);
    // A `${Name}` written in the definition is resolved only by an Fn::Sub around it; an intrinsic's stand-in always is.
    if (literal.length > 0 && literal.some((placeholder) => placeholder.sub === undefined)) return false;
    return name.startsWith('AWS::') ? PSEUDO_PARAMETERS.has(name) : template.parameters.has(name) || template.resources.has(name.split('.')[0]);
  };
  if (names.length === 0 || !names.every(resolvable)) return undefined;
  const whole = names.length === 1 && value === `\${${names[0]}}`;
  if (variable.kind !== 'name' && !whole && !value.startsWith('arn:')) return undefined;
  for (const name of names) ctx.references.add(`\${${name}}`);
  return { kind: 'literal', parts: { arn: value, name: value } };
}

const PSEUDO_PARAMETERS: ReadonlySet<string> = new Set(['AWS::AccountId', 'AWS::Partition', 'AWS::Region', 'AWS::URLSuffix', 'AWS::StackName', 'AWS::StackId']);

function samePath(a: Path, b: Path): boolean {
  return a.length === b.length && a.every((segment, index) => segment === b[index]);
}

function isIntrinsic(value: JsonValue): boolean {
  if (!isObjectValue(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'));
}

const TOKEN = /\{([A-Za-z]+)(?:\.(name|region|account))?\}/g;

/** Fills a resource template: literal values narrow, dynamic ones widen only their own part. */
function instantiate(fact: ResourceFact, facts: IntegrationIam, resolved: Map<string, Resolved>, env: Environment, style: 'least-privilege' | 'aws-template', widened: string[]): string[] {
  const template = style === 'aws-template' && fact.awsTemplate ? fact.awsTemplate : fact.arn;
  const whole = /^\{([A-Za-z]+)\}$/.exec(template);
  if (whole && facts.variables[whole[1]]) {
    const variable = facts.variables[whole[1]];
    const value = resolved.get(whole[1]) ?? { kind: 'absent' };
    const one = (item: Resolved): string => {
      if (item.kind === 'literal') return substitute(item.parts.arn, env);
      if (item.kind === 'absent' && fact.absent !== undefined) {
        widened.push(`${variable.parameter} is not given: ${fact.absentReason ?? `widened to ${fact.absent}`}`);
        return substitute(fact.absent, env);
      }
      const fallback = substitute(fact.widened ?? '*', env);
      widened.push(item.kind === 'dynamic' ? `the ${variable.noun} is dynamic (${item.description}): widened to ${fallback}` : `${variable.parameter} is missing: the ${variable.noun} is widened to ${fallback}`);
      return fallback;
    };
    return value.kind === 'list' ? (value.items.length > 0 ? value.items.map(one) : [one({ kind: 'absent' })]) : [one(value)];
  }
  const filled = template.replace(TOKEN, (token, name: string, part: 'name' | 'region' | 'account' | undefined) => {
    const variable = facts.variables[name];
    if (!variable) return token;
    const value = resolved.get(name) ?? { kind: 'absent' };
    if (value.kind === 'list') return '*';
    if (value.kind === 'literal') {
      if (part === 'region') return value.parts.region ?? '{region}';
      if (part === 'account') return value.parts.account ?? '{account}';
      return value.parts.name;
    }
    if (part === 'region') return '{region}';
    if (part === 'account') return '{account}';
    widened.push(value.kind === 'dynamic' ? `the ${variable.noun} is dynamic (${value.description}): any ${variable.noun} (*)` : `${variable.parameter} is missing: any ${variable.noun} (*)`);
    return '*';
  });
  return [substitute(filled, env)];
}

function substitute(template: string, env: Environment): string {
  return template.replaceAll('{partition}', env.partition).replaceAll('{region}', env.region).replaceAll('{account}', env.account);
}

function addAwsSdk(state: State, service: string, api: string, integration: string, location: string, raw: RawStatement[], findings: PolicyFinding[]): void {
  if (!service || !api) {
    findings.push({ severity: 'warning', state: state.name, path: [...state.path, 'Resource'], message: `State "${state.name}": "${state.resource!.raw}" names no AWS SDK service and action` });
    return;
  }
  const prefix = AWS_SDK_IAM_PREFIX.get(service) ?? service;
  const actions = AWS_SDK_ACTION_EXCEPTIONS.get(`${service}:${api}`) ?? [`${prefix}:${api[0].toUpperCase()}${api.slice(1)}`];
  raw.push({
    sid: sidFor(`AwsSdk:${service}:${api}`, ''),
    actions,
    resources: ['*'],
    actionAsString: false,
    resourceAsString: true,
    sources: [
      {
        state: state.name,
        statePath: state.path,
        location,
        integration,
        why: `calls ${service}:${api} through the AWS SDK integration`,
        evidence: 'documented',
        source: AWS_SDK_SOURCE,
        widened: ['Step Functions cannot tell which resources an AWS SDK call touches: Resource "*"'],
      },
    ],
  });
  findings.push({
    severity: 'warning',
    state: state.name,
    path: [...state.path, 'Resource'],
    message: `State "${state.name}" (${integration}): ${actions.join(', ')} is granted on "*"; narrow the Resource by hand to what the call touches`,
  });
}

function credentialsOf(state: State): Resolved | undefined {
  const credentials = state.fields.Credentials;
  if (!isObjectValue(credentials)) return undefined;
  const field = readField(credentials, 'RoleArn', [...state.path, 'Credentials'], state.queryLanguage);
  if (!field) return undefined;
  if (field.kind !== 'literal') return { kind: 'dynamic', description: field.expression };
  if (typeof field.value !== 'string') return { kind: 'dynamic', description: 'not a string' };
  const parsed = parseResourceValue('iam-role-arn', field.value);
  return parsed.ok ? { kind: 'literal', parts: parsed.parts } : { kind: 'dynamic', description: field.value };
}

/** `"Run job"`, `"Run job" in branch 2 of "Fan out"`, `"Process" in the item processor of "Each"`. */
export function locationOf(state: State): string {
  let text = `"${state.name}"`;
  let scope = state.scope;
  // Scopes nest at most as deep as the document (bounded by the parser); the counter is a second guard.
  for (let depth = 0; scope.owner && depth < 600; depth++) {
    const owner = scope.owner;
    const where = scope.kind === 'branch' ? `branch ${Number(scope.path[scope.path.length - 1]) + 1} of` : 'the item processor of';
    text += ` in ${where} "${owner.name}"`;
    scope = owner.scope;
  }
  return text;
}
