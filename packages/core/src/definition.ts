import type { AstNode, Range } from './ast.js';
import type { ParseProblem } from './parse.js';
import type { HostContext, LinkedDefinition } from './extract/host-context.js';

export type WorkflowType = 'STANDARD' | 'EXPRESS';

/** Where a definition lives. `asl` is a stand-alone definition file. */
export type HostKind = 'asl' | 'cloudformation' | 'sam' | 'serverless' | 'cdk';

/**
 * One state machine definition (or a single state, for CDK `CustomState`) found in a file.
 * Node offsets are always in host-file coordinates, so diagnostics need no further mapping.
 */
export interface Definition {
  readonly kind: 'state-machine' | 'state';
  readonly root: AstNode;
  readonly host: HostKind;
  /** The logical name in the host (template resource id, serverless machine name), for messages. */
  readonly name?: string;
  readonly workflowType?: WorkflowType;
  /**
   * False when the definition was parsed out of a string (DefinitionString, JSON.stringify):
   * node ranges are mapped, but text edits cannot be applied to the host.
   */
  readonly editable: boolean;
  /** Where the definition sits in its host, for related locations. */
  readonly hostRange?: Range;
  /** Host-specific facts for host-aware rules (substitutions, the role), opaque to the engine. */
  readonly hostContext?: HostContext;
}

export interface ExtractResult {
  readonly definitions: Definition[];
  /** Parse problems of embedded definition strings, already in host coordinates. */
  readonly problems: ParseProblem[];
  /** Definitions the host keeps in other files (SAM `DefinitionUri`, CDK `DefinitionBody.fromFile`). */
  readonly linked?: LinkedDefinition[];
}
