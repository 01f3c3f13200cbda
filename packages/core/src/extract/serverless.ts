import { getProperty, getValueNode, type AstNode, type ObjectNode } from '../ast.js';
import type { Definition, ExtractResult, WorkflowType } from '../definition.js';
import type { Placeholder } from './host-context.js';
import { extractTemplate, namedRoleFacts } from './cloudformation.js';
import { materialize, type HostText } from './host-values.js';

/** A Serverless Framework service file: `service` with `provider`, or a `stepFunctions` section. */
export function isServerless(root: AstNode | undefined): root is ObjectNode {
  if (root?.kind !== 'object') return false;
  if (getValueNode(root, 'stepFunctions')?.kind === 'object') return true;
  return getProperty(root, 'service') !== undefined && getProperty(root, 'provider') !== undefined;
}

/**
 * `stepFunctions.stateMachines.<name>.definition` (serverless-step-functions), and state machines of
 * the CloudFormation `resources.Resources` section. `${…}` here are Serverless variables, resolved at
 * deploy time: opaque values, never checked against a template.
 */
export function extractServerless(host: HostText, root: ObjectNode): ExtractResult {
  const definitions: Definition[] = [];
  const resources = getValueNode(getValueNode(root, 'resources'), 'Resources');
  const machines = getValueNode(getValueNode(root, 'stepFunctions'), 'stateMachines');
  if (machines?.kind === 'object') {
    for (const machine of machines.properties) {
      const definition = getValueNode(machine.value, 'definition');
      if (!definition) continue;
      const type = getValueNode(machine.value, 'type');
      const workflowType: WorkflowType | undefined = !type ? 'STANDARD' : type.kind === 'string' && (type.value === 'EXPRESS' || type.value === 'STANDARD') ? type.value : undefined;
      const role = getValueNode(machine.value, 'role');
      const placeholders: Placeholder[] = [];
      const { root: definitionRoot, intrinsics, conditionalStructure } = materialize(host, definition, placeholders, false);
      if (conditionalStructure) continue;
      definitions.push({
        kind: 'state-machine',
        root: definitionRoot,
        host: 'serverless',
        name: machine.key,
        ...(workflowType ? { workflowType } : {}),
        editable: intrinsics === 0,
        hostRange: definition.range,
        // Without `role`, the plugin generates the role's policy from the definition: nothing to compare.
        hostContext: { template: 'serverless', logicalId: machine.key, placeholders: [], ...(role ? { role: namedRoleFacts(resources, role) } : {}) },
      });
    }
  }
  const fromTemplate = resources ? extractTemplate(host, root, resources) : undefined;
  return {
    definitions: [...definitions, ...(fromTemplate?.definitions ?? [])],
    problems: fromTemplate?.problems ?? [],
    ...(fromTemplate?.linked ? { linked: fromTemplate.linked } : {}),
  };
}
