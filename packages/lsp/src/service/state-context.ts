import type { Path, Scope, State } from '@asl-lint/core';
import type { Analysis, DefinitionModel } from './analysis.js';
import type { PathSegment } from './cursor.js';

/** A document path read against the state machine it falls in. */
export interface StateContext {
  readonly model: DefinitionModel;
  /** The path relative to the definition's root. */
  readonly relative: PathSegment[];
  /** The scope whose `States` (or `StartAt`) the path is in. */
  readonly scope?: Scope;
  readonly state?: State;
  /** The path below the state (`['Parameters', 'ClusterName']`), when the path is in a state. */
  readonly inState: PathSegment[];
  /** The path is the scope's `StartAt`. */
  readonly startAt?: boolean;
}

function startsWith(path: readonly PathSegment[], prefix: Path): boolean {
  if (prefix.length > path.length) return false;
  for (let i = 0; i < prefix.length; i++) if (path[i] !== prefix[i]) return false;
  return true;
}

function samePath(a: Path, b: readonly PathSegment[]): boolean {
  return a.length === b.length && startsWith(b, a);
}

/** The definition holding a host path: the current version's first, else the last version that parsed. */
export function stateContext(path: readonly PathSegment[], ...analyses: (Analysis | undefined)[]): StateContext | undefined {
  for (const analysis of analyses) {
    if (!analysis) continue;
    let model: DefinitionModel | undefined;
    for (const candidate of analysis.definitionModels()) {
      if (startsWith(path, candidate.rootPath) && (!model || candidate.rootPath.length > model.rootPath.length)) model = candidate;
    }
    if (!model) continue;
    const relative = path.slice(model.rootPath.length);
    if (relative.at(-1) === 'StartAt') {
      const owner = model.machine.scopes.find((candidate) => samePath(candidate.path, relative.slice(0, -1)));
      if (owner) return { model, relative, scope: owner, inState: [], startAt: true };
    }
    // The innermost `States.<name>` whose prefix is a scope of the machine.
    for (let i = relative.length - 2; i >= 0; i--) {
      if (relative[i] !== 'States' || typeof relative[i + 1] !== 'string') continue;
      const scopePath = relative.slice(0, i);
      const scope = model.machine.scopes.find((candidate) => samePath(candidate.path, scopePath));
      if (!scope) continue;
      const state = scope.states.get(relative[i + 1] as string);
      if (state) return { model, relative, scope, state, inState: relative.slice(i + 2) };
    }
  }
  return undefined;
}

/** Fields whose string value names a state of the same scope. */
export function isTransitionField(inState: readonly PathSegment[]): boolean {
  if (inState.length === 1) return inState[0] === 'Next' || inState[0] === 'Default';
  return inState.length === 3 && (inState[0] === 'Catch' || inState[0] === 'Choices') && typeof inState[1] === 'number' && inState[2] === 'Next';
}
