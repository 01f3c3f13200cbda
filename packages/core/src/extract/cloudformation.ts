import { getProperty, getValueNode, toValue, type AstNode, type ObjectNode, type Range } from '../ast.js';
import type { Definition, ExtractResult, WorkflowType } from '../definition.js';
import type { ParseProblem } from '../parse.js';
import type { ConnectorFact, HostContext, LinkedDefinition, Placeholder, PolicyStatementFact, RoleFacts, SubstitutionScope } from './host-context.js';
import { parseEmbeddedJson } from './embedded-json.js';
import { intrinsicArgument, intrinsicName, joinedText, mappedString, materialize, subText, type HostText } from './host-values.js';
import type { MappedText } from './mapped-text.js';

const CFN_STATE_MACHINE = 'AWS::StepFunctions::StateMachine';
const SAM_STATE_MACHINE = 'AWS::Serverless::StateMachine';

/** A template is recognised by content: a format version, or Resources whose entries have a Type. */
export function isTemplate(root: AstNode | undefined): root is ObjectNode {
  if (root?.kind !== 'object') return false;
  if (getProperty(root, 'AWSTemplateFormatVersion')) return true;
  const resources = getValueNode(root, 'Resources');
  if (resources?.kind !== 'object' || resources.properties.length === 0) return false;
  return resources.properties.some((property) => getValueNode(property.value, 'Type')?.kind === 'string');
}

interface Collected {
  readonly definitions: Definition[];
  readonly problems: ParseProblem[];
  readonly linked: LinkedDefinition[];
}

/** Every state machine of a template's `Resources` (CloudFormation and SAM). */
export function extractTemplate(host: HostText, root: ObjectNode, resources: AstNode | undefined = getValueNode(root, 'Resources')): ExtractResult {
  const collected: Collected = { definitions: [], problems: [], linked: [] };
  if (resources?.kind !== 'object') return collected;
  const scopeBase = templateScope(root, resources);
  for (const resource of resources.properties) {
    const type = getValueNode(resource.value, 'Type');
    if (type?.kind !== 'string' || (type.value !== CFN_STATE_MACHINE && type.value !== SAM_STATE_MACHINE)) continue;
    const properties = getValueNode(resource.value, 'Properties');
    if (properties?.kind !== 'object') continue;
    const sam = type.value === SAM_STATE_MACHINE;
    extractStateMachine(host, resources, resource.key, properties, sam, scopeBase, collected);
  }
  return { definitions: collected.definitions, problems: collected.problems, ...(collected.linked.length ? { linked: collected.linked } : {}) };
}

const SAM_IMPLICIT_SUFFIXES: ReadonlyMap<string, readonly string[]> = new Map([
  ['AWS::Serverless::Function', ['Role', 'Version', 'Alias']],
  ['AWS::Serverless::StateMachine', ['Role']],
  ['AWS::Serverless::Api', ['Deployment', 'Stage']],
  ['AWS::Serverless::HttpApi', ['ApiGatewayDefaultStage']],
]);

function templateScope(root: ObjectNode, resources: ObjectNode): Omit<SubstitutionScope, 'definitionSubstitutions'> {
  const parameters = new Set<string>();
  const parameterNode = getValueNode(root, 'Parameters');
  if (parameterNode?.kind === 'object') for (const property of parameterNode.properties) parameters.add(property.key);
  const names = new Set<string>();
  for (const property of resources.properties) {
    names.add(property.key);
    // SAM creates resources with derived logical ids (`MyFunctionRole`), which `${…}` may name.
    const type = getValueNode(property.value, 'Type');
    for (const suffix of (type?.kind === 'string' && SAM_IMPLICIT_SUFFIXES.get(type.value)) || []) names.add(`${property.key}${suffix}`);
  }
  return { parameters, resources: names };
}

function extractStateMachine(
  host: HostText,
  resources: ObjectNode,
  logicalId: string,
  properties: ObjectNode,
  sam: boolean,
  scopeBase: Omit<SubstitutionScope, 'definitionSubstitutions'>,
  collected: Collected,
): void {
  const definitionSubstitutions = new Set<string>();
  const substitutionsNode = getValueNode(properties, 'DefinitionSubstitutions');
  if (substitutionsNode?.kind === 'object') for (const property of substitutionsNode.properties) definitionSubstitutions.add(property.key);
  const substitutions: SubstitutionScope = { ...scopeBase, definitionSubstitutions };
  const typeNode = getValueNode(properties, sam ? 'Type' : 'StateMachineType');
  // Omitted, the type is STANDARD; given by a parameter or condition, it is unknown here.
  const workflowType: WorkflowType | undefined = !typeNode ? 'STANDARD' : typeNode.kind === 'string' && (typeNode.value === 'EXPRESS' || typeNode.value === 'STANDARD') ? typeNode.value : undefined;
  const connectors = sam ? connectorFacts(resources, logicalId, properties) : [];
  const baseRole = roleFacts(resources, properties, sam);
  const role = baseRole && connectors.length ? { ...baseRole, connectors } : baseRole;
  const hostKind = sam ? 'sam' : 'cloudformation';
  const context = (placeholders: Placeholder[]): HostContext => ({
    template: hostKind,
    logicalId,
    substitutions,
    placeholders,
    ...(role ? { role } : {}),
  });
  const base = { host: hostKind, name: logicalId, ...(workflowType ? { workflowType } : {}) } as const;

  const definitionProperty = getProperty(properties, 'Definition');
  if (definitionProperty?.value) {
    const node = definitionProperty.value;
    const placeholders: Placeholder[] = [];
    const { root, intrinsics, conditionalStructure } = materialize(host, node, placeholders, true);
    if (conditionalStructure) return;
    // A fix would replace an intrinsic function by its stand-in text: only plain definitions are editable.
    collected.definitions.push({ ...base, kind: 'state-machine', root, editable: intrinsics === 0, hostRange: node.range, hostContext: context(placeholders) });
    return;
  }
  const stringProperty = getProperty(properties, 'DefinitionString');
  if (stringProperty?.value) {
    const source = definitionString(host, stringProperty.value);
    if (!source) return;
    const embedded = parseEmbeddedJson(source.mapped, source.sub);
    collected.problems.push(...embedded.problems);
    if (embedded.root) {
      collected.definitions.push({ ...base, kind: 'state-machine', root: embedded.root, editable: false, hostRange: stringProperty.value.range, hostContext: context(embedded.placeholders) });
    }
    return;
  }
  const uri = getValueNode(properties, 'DefinitionUri');
  if (sam && uri?.kind === 'string' && !/^s3:\/\//i.test(uri.value)) {
    collected.linked.push({ ...base, path: uri.value, range: uri.range, hostContext: context([]) });
  }
}

function definitionString(host: HostText, node: AstNode): { mapped: MappedText; sub: Placeholder['sub'] } | undefined {
  if (node.kind === 'string') return { mapped: mappedString(host, node), sub: undefined };
  const sub = subText(host, node);
  if (sub) return sub;
  const joined = joinedText(host, node);
  if (joined) return { mapped: joined, sub: undefined };
  return undefined;
}

/** The logical id a `!GetAtt X.Arn`, `{ "Fn::GetAtt": [X, Arn] }` or `!Ref X` names. */
function referencedResource(node: AstNode | undefined): string | undefined {
  const name = intrinsicName(node);
  if (!node || !name) return undefined;
  const argument = intrinsicArgument(node);
  if (name === 'Ref' && argument?.kind === 'string') return argument.value;
  if (name === 'Fn::GetAtt') {
    if (argument?.kind === 'string') return argument.value.split('.')[0];
    const first = argument?.kind === 'array' ? argument.items[0] : undefined;
    if (first?.kind === 'string') return first.value;
  }
  return undefined;
}

/** The role a `RoleArn`/`Role`/`role` value names: a role resource of the template, or one defined elsewhere. */
export function namedRoleFacts(resources: AstNode | undefined, roleNode: AstNode): RoleFacts {
  const logicalId = referencedResource(roleNode);
  const roleResource = logicalId ? getValueNode(resources, logicalId) : undefined;
  const roleType = getValueNode(roleResource, 'Type');
  if (resources?.kind !== 'object' || !logicalId || roleType?.kind !== 'string' || roleType.value !== 'AWS::IAM::Role') {
    return { kind: 'external', range: roleNode.range, statements: [], managedPolicies: [], policyTemplates: [], opaquePolicies: [] };
  }
  return roleResourceFacts(resources, logicalId, roleNode.range, getValueNode(roleResource, 'Properties'));
}

function roleFacts(resources: ObjectNode, properties: ObjectNode, sam: boolean): RoleFacts | undefined {
  const roleNode = getValueNode(properties, sam ? 'Role' : 'RoleArn');
  if (roleNode) return namedRoleFacts(resources, roleNode);
  if (!sam) return undefined;
  const policies = getValueNode(properties, 'Policies');
  const facts: Mutable<RoleFacts> = { kind: 'sam-policies', range: policies?.range ?? properties.range, statements: [], managedPolicies: [], policyTemplates: [], opaquePolicies: [] };
  if (!policies) return facts;
  for (const entry of policies.kind === 'array' ? policies.items : [policies]) {
    if (entry.kind === 'string') facts.managedPolicies.push({ value: entry.value, range: entry.range });
    else if (intrinsicName(entry)) facts.opaquePolicies.push({ range: entry.range });
    else if (entry.kind === 'object' && getProperty(entry, 'Statement')) addStatements(facts, getValueNode(entry, 'Statement'), undefined);
    else if (entry.kind === 'object' && entry.properties.length === 1) {
      const template = entry.properties[0];
      facts.policyTemplates.push({ name: template.key, parameters: template.value ? toValue(template.value) : null, range: entry.range });
    } else facts.opaquePolicies.push({ range: entry.range });
  }
  return facts;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };

function roleResourceFacts(resources: ObjectNode, logicalId: string, range: Range, roleProperties: AstNode | undefined): RoleFacts {
  const facts: Mutable<RoleFacts> = { kind: 'role-resource', logicalId, range, statements: [], managedPolicies: [], policyTemplates: [], opaquePolicies: [] };
  const policies = getValueNode(roleProperties, 'Policies');
  if (policies?.kind === 'array') {
    for (const policy of policies.items) {
      if (intrinsicName(policy) || policy.kind !== 'object') {
        facts.opaquePolicies.push({ range: policy.range });
        continue;
      }
      const name = getValueNode(policy, 'PolicyName');
      addStatements(facts, getValueNode(getValueNode(policy, 'PolicyDocument'), 'Statement'), name?.kind === 'string' ? name.value : undefined, getValueNode(policy, 'PolicyDocument'));
    }
  } else if (policies) facts.opaquePolicies.push({ range: policies.range });
  const managed = getValueNode(roleProperties, 'ManagedPolicyArns');
  if (managed?.kind === 'array') for (const item of managed.items) facts.managedPolicies.push({ value: toValue(item), range: item.range });
  else if (managed) facts.opaquePolicies.push({ range: managed.range });
  // Policies attached from their own resources: AWS::IAM::Policy / ManagedPolicy (Roles), AWS::IAM::RolePolicy (RoleName).
  for (const resource of resources.properties) {
    const type = getValueNode(resource.value, 'Type');
    if (type?.kind !== 'string') continue;
    const properties = getValueNode(resource.value, 'Properties');
    let attached = false;
    if (type.value === 'AWS::IAM::Policy' || type.value === 'AWS::IAM::ManagedPolicy') {
      const roles = getValueNode(properties, 'Roles');
      attached = roles?.kind === 'array' && roles.items.some((item) => referencedResource(item) === logicalId);
    } else if (type.value === 'AWS::IAM::RolePolicy') {
      attached = referencedResource(getValueNode(properties, 'RoleName')) === logicalId;
    }
    if (!attached) continue;
    const document = getValueNode(properties, 'PolicyDocument');
    const name = getValueNode(properties, 'PolicyName');
    addStatements(facts, getValueNode(document, 'Statement'), name?.kind === 'string' ? name.value : resource.key, document);
  }
  return facts;
}

function addStatements(facts: Mutable<RoleFacts>, statements: AstNode | undefined, policyName: string | undefined, document?: AstNode): void {
  if (!statements) {
    if (document && intrinsicName(document)) facts.opaquePolicies.push({ range: document.range });
    return;
  }
  if (intrinsicName(statements)) {
    facts.opaquePolicies.push({ range: statements.range });
    return;
  }
  for (const statement of statements.kind === 'array' ? statements.items : [statements]) {
    if (intrinsicName(statement)) {
      facts.opaquePolicies.push({ range: statement.range });
      continue;
    }
    const fact: PolicyStatementFact = { statement: toValue(statement), range: statement.range, ...(policyName ? { policyName } : {}) };
    facts.statements.push(fact);
  }
}

/** SAM connectors from this state machine: `AWS::Serverless::Connector` resources and its `Connectors` property. */
function connectorFacts(resources: ObjectNode, logicalId: string, properties: ObjectNode): ConnectorFact[] {
  const facts: ConnectorFact[] = [];
  const add = (connector: AstNode, connectorProperties: AstNode | undefined): void => {
    const permissions = getValueNode(connectorProperties, 'Permissions');
    const names = permissions?.kind === 'array' ? permissions.items.flatMap((item) => (item.kind === 'string' ? [item.value] : [])) : [];
    const destinations = getValueNode(connectorProperties, 'Destination');
    for (const destination of destinations?.kind === 'array' ? destinations.items : destinations ? [destinations] : []) {
      const id = getValueNode(destination, 'Id');
      const destinationId = id?.kind === 'string' ? id.value : undefined;
      const declaredType = getValueNode(destination, 'Type');
      const resourceType = destinationId ? getValueNode(getValueNode(resources, destinationId), 'Type') : undefined;
      const type = resourceType?.kind === 'string' ? resourceType.value : declaredType?.kind === 'string' ? declaredType.value : undefined;
      facts.push({ ...(destinationId ? { destinationId } : {}), ...(type ? { destinationType: type } : {}), permissions: names, range: connector.range });
    }
  };
  const embedded = getValueNode(properties, 'Connectors');
  if (embedded?.kind === 'object') for (const entry of embedded.properties) if (entry.value) add(entry.value, getValueNode(entry.value, 'Properties'));
  for (const resource of resources.properties) {
    const type = getValueNode(resource.value, 'Type');
    if (type?.kind !== 'string' || type.value !== 'AWS::Serverless::Connector' || !resource.value) continue;
    const connectorProperties = getValueNode(resource.value, 'Properties');
    const source = getValueNode(getValueNode(connectorProperties, 'Source'), 'Id');
    if (source?.kind === 'string' && source.value === logicalId) add(resource.value, connectorProperties);
  }
  return facts;
}
