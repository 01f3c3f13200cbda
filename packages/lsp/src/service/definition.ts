import { locatePath, type Path } from '@asl-lint/core';
import type { Location, Position } from 'vscode-languageserver';
import type { Analysis } from './analysis.js';
import { toRange } from './diagnostics.js';
import { nodeAt } from './node-at.js';
import { isTransitionField, stateContext } from './state-context.js';

/** Go to definition on a state name in `Next`, `Default`, `StartAt` or a Catch/Choice `Next`: the target state's name. */
export function definition(analysis: Analysis, position: Position): Location[] {
  const at = nodeAt(analysis.result.document.root, analysis.lines.offsetAt(position));
  if (!at || at.keyRange || at.node?.kind !== 'string') return [];
  const context = stateContext(at.path, analysis);
  if (!context?.scope || !(context.startAt || (context.state && isTransitionField(context.inState)))) return [];
  const target = context.scope.states.get(at.node.value);
  if (!target) return [];
  const hostPath: Path = [...context.model.rootPath, ...target.path];
  const root = analysis.result.document.root!;
  return [{ uri: analysis.uri, range: toRange(analysis.lines, locatePath(root, hostPath, 'key').range) }];
}
