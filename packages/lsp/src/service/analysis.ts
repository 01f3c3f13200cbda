import { buildStateMachine, derivePolicy, pathOf, type AstNode, type Definition, type DerivedPolicy, type LintResult, type Path, type StateMachine } from '@asl-lint/core';
import type { Diagnostic } from 'vscode-languageserver';
import type { ResolvedConfiguration } from './configuration.js';

export interface DefinitionModel {
  readonly definition: Definition;
  readonly machine: StateMachine;
  /** Where the definition's root sits in the host document (empty for a stand-alone definition). */
  readonly rootPath: Path;
}

/** Everything known about one version of a document: computed once, shared by diagnostics, code actions, hover and completion. */
export class Analysis {
  private models: DefinitionModel[] | undefined;
  private readonly policies = new Map<DefinitionModel, DerivedPolicy | null>();

  constructor(
    readonly uri: string,
    readonly version: number,
    readonly text: string,
    readonly result: LintResult,
    readonly diagnostics: Diagnostic[],
    readonly configuration: ResolvedConfiguration,
    readonly generation: number,
  ) {}

  get lines() {
    return this.result.lines;
  }

  /**
   * State machine models of the editable definitions, built on first use. When the text does not parse, the
   * parser's tolerant tree stands in for a stand-alone definition, so completion and hover keep working mid-edit.
   */
  definitionModels(): DefinitionModel[] {
    if (!this.models) {
      this.models = [];
      const { definitions, document } = this.result;
      const tolerant: Definition[] = definitions.length === 0 && document.root?.kind === 'object' ? [{ kind: 'state-machine', root: document.root, host: 'asl', editable: true }] : [];
      for (const definition of definitions.length > 0 ? definitions : tolerant) {
        if (!definition.editable) continue;
        // Extractors may copy a definition out of its host: find its place by range, not by parent links.
        const rootPath = definition.root === document.root ? [] : definition.root.parent ? pathOf(definition.root) : hostPathOf(document.root, definition.root.range);
        if (!rootPath) continue;
        try {
          this.models.push({ definition, machine: buildStateMachine(definition), rootPath });
        } catch {
          // The lint run already reported the model failure as an internal error.
        }
      }
    }
    return this.models;
  }

  /** The IAM policy the definition's role needs, derived on first use (hover shows a state's share of it). */
  policy(model: DefinitionModel): DerivedPolicy | undefined {
    let policy = this.policies.get(model);
    if (policy === undefined) {
      try {
        policy = derivePolicy(model.machine);
      } catch {
        policy = null;
      }
      this.policies.set(model, policy);
    }
    return policy ?? undefined;
  }
}

/** The path of the host node that spans exactly `range`, descending through the nodes that contain it. */
function hostPathOf(root: AstNode | undefined, range: { start: number; end: number }): Path | undefined {
  const path: (string | number)[] = [];
  let node = root;
  while (node) {
    if (node.range.start === range.start && node.range.end === range.end) return path;
    let next: AstNode | undefined;
    if (node.kind === 'object') {
      for (const property of node.properties) {
        if (property.value && property.value.range.start <= range.start && range.end <= property.value.range.end) {
          path.push(property.key);
          next = property.value;
          break;
        }
      }
    } else if (node.kind === 'array') {
      const index = node.items.findIndex((item) => item.range.start <= range.start && range.end <= item.range.end);
      if (index >= 0) {
        path.push(index);
        next = node.items[index];
      }
    }
    node = next;
  }
  return undefined;
}
