import { defineRule, derivePolicy, isObjectValue, matchesPattern, patternsOverlap, RESOURCE_POLICY_PREFIXES, type HostContext, type JsonValue, type Requirement, type RoleFacts } from '@asl-lint/core';

/** A role resource the check cannot read (`!GetAtt`, `!If`…): it may match anything. */
const OPAQUE = Symbol('opaque');

interface RoleStatement {
  readonly actions?: readonly string[];
  readonly notActions?: readonly string[];
  /** Undefined with `NotResource`: the check cannot tell, so any resource counts. */
  readonly resources?: readonly (string | typeof OPAQUE)[];
}

/** The docs examples: a cleanup workflow and its role, which grants `actions` (YAML lines) on the cluster. */
function cleanupTemplate(actions: string): string {
  return `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Cleanup:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      RoleArn: !GetAtt CleanupRole.Arn
      Definition:
        StartAt: Delete cluster
        States:
          Delete cluster:
            Type: Task
            Resource: arn:aws:states:::eks:deleteCluster.sync
            Parameters:
              Name: jobs
            End: true
  CleanupRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              Service: states.amazonaws.com
            Action: sts:AssumeRole
      Policies:
        - PolicyName: eks
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
${actions}
                Resource: !Sub arn:\${AWS::Partition}:eks:\${AWS::Region}:\${AWS::AccountId}:cluster/jobs
`;
}

export default defineRule({
  meta: {
    id: 'iam/role-permissions',
    description: "In a template that also defines the state machine's role, actions the derived policy needs that the role does not grant",
    severity: 'error',
    fix: 'none',
    messages: {
      missing: 'State "{{state}}" needs {{action}} on {{resource}}, which {{role}} does not grant',
      missingUnlessResourcePolicy:
        'State "{{state}}" needs {{action}} on {{resource}}, which {{role}} does not grant; unless a resource-based policy on that resource allows the role, the call is denied',
      unreadable: '{{role}} also gets permissions from {{sources}}, which asl-lint cannot read; check that they grant {{needs}}',
    },
    docs: {
      whatItDoes:
        "When a CloudFormation or SAM template (or a Serverless Framework file, under `resources.Resources`) defines both the state machine and its execution role (`RoleArn: !GetAtt Role.Arn`, SAM `Role` or `Policies`), derives the policy the definition needs (as `asl-lint policy` prints it) and reports every action the role's inline statements do not grant, on the state that needs it. Actions that only `.sync` uses (polling, cancelling) are not required of a request-response state. An action on a service whose resources can carry their own policy (Lambda, SNS, SQS, EventBridge, S3…) is a warning: that policy may allow the role. Resources are compared with IAM wildcards; values the tool cannot read (an `!If`, a `!Ref`) count as granting. Managed policies, SAM policy templates and policies built by intrinsic functions cannot be read: then the actions not found are reported once, as an info on the role, instead of as errors.",
      whyItMatters:
        'A missing permission only shows at run time, as `States.TaskFailed` with an AccessDenied cause, often hours into a workflow that created an EKS cluster it now cannot delete. Catching it in the template costs nothing.',
      examples: {
        invalid: [
          { title: 'The role can describe the cluster but not delete it', language: 'yaml', code: cleanupTemplate('                Action: eks:DescribeCluster') },
        ],
        valid: [
          {
            title: 'Both actions, on the cluster',
            language: 'yaml',
            code: cleanupTemplate('                Action:\n                  - eks:DeleteCluster\n                  - eks:DescribeCluster'),
          },
        ],
      },
    },
  },
  check(context) {
    const role = (context.definition.hostContext as HostContext | undefined)?.role;
    if (!role || role.kind === 'external') return;
    const roleName = role.kind === 'role-resource' && role.logicalId ? `role ${role.logicalId}` : 'the role SAM creates from Policies';
    const statements = role.statements.map(({ statement }) => readStatement(statement)).filter((statement): statement is RoleStatement => statement !== undefined);
    const missing = missingPermissions(derivePolicy(context.machine).requirements, statements);
    if (missing.length === 0) return;

    const unreadable = unreadableSources(role);
    if (unreadable.length > 0) {
      const needs = missing.map(({ action, requirement }) => `${action} (state "${requirement.source.state}")`);
      context.report({
        path: [],
        range: role.range,
        severity: 'info',
        messageId: 'unreadable',
        data: { role: capitalize(roleName), sources: unreadable.join(', '), needs: [...new Set(needs)].join(', ') },
      });
      return;
    }
    for (const { action, requirement } of missing) {
      const resource = requirement.resources.length === 1 ? requirement.resources[0] : requirement.resources.join(', ');
      // A function, topic or queue may allow the role in its own policy: then the finding is a risk, not a proof.
      const resourcePolicy = RESOURCE_POLICY_PREFIXES.has(action.slice(0, action.indexOf(':')).toLowerCase());
      context.report({
        path: [...requirement.source.statePath, 'Resource'],
        ...(resourcePolicy ? { severity: 'warning' as const, messageId: 'missingUnlessResourcePolicy' } : { messageId: 'missing' }),
        data: { state: requirement.source.state, action, resource, role: roleName },
      });
    }
  },
});

/** Every (action, state) the role's statements do not grant, once, in workflow order. */
function missingPermissions(requirements: readonly Requirement[], statements: readonly RoleStatement[]): { action: string; requirement: Requirement }[] {
  const missing: { action: string; requirement: Requirement }[] = [];
  const seen = new Set<string>();
  for (const requirement of requirements) {
    for (const action of requirement.usedActions) {
      const key = `${JSON.stringify(requirement.source.statePath)}|${action}`;
      if (seen.has(key)) continue;
      if (requirement.resources.every((resource) => statements.some((statement) => grants(statement, action, resource)))) continue;
      seen.add(key);
      missing.push({ action, requirement });
    }
  }
  return missing;
}

function grants(statement: RoleStatement, action: string, resource: string): boolean {
  const actionMatches = statement.actions
    ? statement.actions.some((pattern) => matchesPattern(pattern, action, true))
    : statement.notActions !== undefined && !statement.notActions.some((pattern) => matchesPattern(pattern, action, true));
  if (!actionMatches) return false;
  if (!statement.resources) return true;
  const needed = wildcardPlaceholders(resource);
  return statement.resources.some((granted) => {
    if (granted === OPAQUE) return true;
    // `!GetAtt A.Arn` and `!GetAtt B.Arn` of two resources of the template never name the same thing.
    const [neededAttribute, grantedAttribute] = [ATTRIBUTE_REFERENCE.exec(resource), ATTRIBUTE_REFERENCE.exec(granted)];
    if (neededAttribute && grantedAttribute) return neededAttribute[1] === grantedAttribute[1];
    return patternsOverlap(wildcardPlaceholders(granted), needed);
  });
}

/** A whole value that is `${Resource.Attribute}`: how the deriver and this rule write `!GetAtt`. */
const ATTRIBUTE_REFERENCE = /^\$\{([A-Za-z0-9]+\.[A-Za-z0-9.]+)\}$/;

/** `${AWS::Region}` and any other `${…}` stand for values unknown here: compare them as `*`. */
function wildcardPlaceholders(text: string): string {
  return text.replace(/\$\{[^}]*\}/g, '*');
}

/** An Allow statement as patterns; Deny statements are not read (they can only take permissions away). */
function readStatement(value: JsonValue): RoleStatement | undefined {
  if (!isObjectValue(value) || value.Effect !== 'Allow') return undefined;
  const actions = stringList(value.Action);
  const notActions = stringList(value.NotAction);
  if (!actions && !notActions) return undefined;
  const resources = value.Resource !== undefined ? resourceList(value.Resource) : value.NotResource !== undefined ? undefined : [];
  return { ...(actions ? { actions } : {}), ...(notActions ? { notActions } : {}), ...(resources ? { resources } : {}) };
}

function stringList(value: JsonValue | undefined): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return undefined;
}

function resourceList(value: JsonValue): (string | typeof OPAQUE)[] {
  return (Array.isArray(value) ? value : [value]).map((item) => {
    if (typeof item === 'string') return item;
    // `!Sub text` and `!Sub [text, vars]` keep the ARN's shape, `!GetAtt X.Arn` is written as the deriver writes it;
    // any other intrinsic could be anything.
    if (isObjectValue(item) && Object.keys(item).length === 1) {
      const sub = item['Fn::Sub'];
      if (typeof sub === 'string') return sub;
      if (Array.isArray(sub) && typeof sub[0] === 'string') return sub[0];
      const getAtt = item['Fn::GetAtt'];
      if (typeof getAtt === 'string') return `\${${getAtt}}`;
      if (Array.isArray(getAtt) && getAtt.length === 2 && getAtt.every((part) => typeof part === 'string')) return `\${${getAtt.join('.')}}`;
    }
    return OPAQUE;
  });
}

function unreadableSources(role: RoleFacts): string[] {
  const sources: string[] = [];
  for (const policy of role.managedPolicies) sources.push(`managed policy ${typeof policy.value === 'string' ? policy.value : 'given by an intrinsic function'}`);
  for (const template of role.policyTemplates) sources.push(`SAM policy template ${template.name}`);
  // SAM expands connectors into policies on the role when it transforms the template.
  for (const connector of role.connectors ?? []) sources.push(`SAM connector to ${connector.destinationId ?? connector.destinationType ?? 'a resource'}`);
  if (role.opaquePolicies.length > 0) sources.push(`${role.opaquePolicies.length} ${role.opaquePolicies.length === 1 ? 'policy' : 'policies'} built by intrinsic functions`);
  return sources;
}

function capitalize(text: string): string {
  return text[0].toUpperCase() + text.slice(1);
}
