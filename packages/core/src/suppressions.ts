/**
 * Suppression directives: comments in YAML and JSONC, and the `Comment` field of a state in any language.
 *
 *   # asl-lint-disable-next-line eks/run-job-sync, asl/state-names -- reason
 *   Resource: arn:aws:states:::eks:runJob   # asl-lint-disable-line eks/run-job-sync -- reason
 *   # asl-lint-disable eks/log-options -- reason      (until `asl-lint-enable` or the end of the file)
 *   # asl-lint-enable eks/log-options
 *   "Comment": "asl-lint-disable eks/run-job-sync -- reason"   (the findings inside that state)
 *
 * A directive without rule ids applies to every rule. Suppressed findings stay in the results, marked,
 * so SARIF can report them as suppressed; a directive that suppresses nothing is itself reported.
 */
import { findNode, getProperty, type AstNode, type Range } from './ast.js';
import type { Definition } from './definition.js';
import { INTERNAL_ERROR, type Diagnostic, type Suppression } from './diagnostic.js';
import type { LineIndex } from './line-index.js';
import { buildStateMachine } from './model.js';
import type { ParsedDocument } from './parse.js';
import { formatMessage } from './rule.js';
import { closestMatch, type ActiveRule } from './settings.js';

export const UNUSED_SUPPRESSION = 'asl/unused-suppression';

export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable' | 'comment-field';

export interface Directive {
  readonly kind: DirectiveKind;
  /** Rule ids named by the directive; empty means every rule. */
  readonly ruleIds: readonly string[];
  readonly justification?: string;
  /** The comment, or the `Comment` string. */
  readonly range: Range;
  /** Offsets the directive covers (for `enable`, the comment itself). */
  readonly scope: Range;
}

const COMMENT_DIRECTIVE = /^asl-lint-(disable-next-line|disable-line|disable|enable)(?=\s|$)(.*)$/s;
const FIELD_DIRECTIVE = /(?:^|\s)asl-lint-disable(?=\s|$)(.*)$/s;

/** `<id>[, <id>…] [-- reason]` → ids and reason. */
function parseDirectiveBody(body: string): { ruleIds: string[]; justification?: string } {
  const separator = body.indexOf('--');
  const idsText = separator >= 0 ? body.slice(0, separator) : body;
  const reason = separator >= 0 ? body.slice(separator + 2).trim() : '';
  const ruleIds = idsText
    .split(/[\s,]+/)
    .map((id) => id.trim())
    .filter((id) => id.length > 0);
  return reason ? { ruleIds, justification: reason } : { ruleIds };
}

/** Finds every directive in a document: comments first, then `Comment` fields of states and definitions. */
export function collectDirectives(document: ParsedDocument, definitions: readonly Definition[], lines: LineIndex, text: string): Directive[] {
  const directives: Directive[] = [];
  for (const comment of document.comments) {
    const match = COMMENT_DIRECTIVE.exec(comment.text);
    if (!match) continue;
    const kind = match[1] as 'disable-next-line' | 'disable-line' | 'disable' | 'enable';
    const body = parseDirectiveBody(match[2]);
    let scope: Range;
    if (kind === 'disable-next-line' || kind === 'disable-line') {
      const line = lines.positionAt(comment.range.start).line + (kind === 'disable-line' ? 0 : 1);
      const start = lines.offsetAt({ line, character: 0 });
      const end = line + 1 < lines.lineCount ? lines.offsetAt({ line: line + 1, character: 0 }) : text.length;
      scope = line < lines.lineCount ? { start, end } : { start: text.length, end: text.length };
    } else {
      // A block runs to its `enable` (filled in below) or the end of the file.
      scope = { start: comment.range.end, end: text.length };
    }
    directives.push({ kind, ...body, range: comment.range, scope });
  }
  closeBlocks(directives);

  for (const definition of definitions) {
    for (const directive of commentFieldDirectives(definition)) directives.push(directive);
  }
  return directives;
}

/**
 * An `enable` ends the open `disable` blocks it names (all of them when it names none). Comments come in
 * document order, so one pass with the list of open blocks does it.
 */
function closeBlocks(directives: Directive[]): void {
  let open: number[] = [];
  directives.forEach((directive, index) => {
    if (directive.kind === 'disable') {
      open.push(index);
      return;
    }
    if (directive.kind !== 'enable' || open.length === 0) return;
    const names = directive.ruleIds;
    open = open.filter((blockIndex) => {
      const block = directives[blockIndex];
      const closes = names.length === 0 || (block.ruleIds.length > 0 && block.ruleIds.every((id) => names.includes(id)));
      if (closes) directives[blockIndex] = { ...block, scope: { start: block.scope.start, end: directive.range.start } };
      return !closes;
    });
  });
}

function commentFieldDirectives(definition: Definition): Directive[] {
  const found: Directive[] = [];
  const consider = (objectRange: Range, comment: ReturnType<typeof getProperty>): void => {
    if (comment?.value?.kind !== 'string') return;
    const match = FIELD_DIRECTIVE.exec(comment.value.value);
    if (!match) return;
    found.push({ kind: 'comment-field', ...parseDirectiveBody(match[1]), range: comment.value.range, scope: objectRange });
  };
  const root = definition.root;
  // The definition's own Comment covers the whole definition.
  if (root.kind === 'object') consider(root.range, getProperty(root, 'Comment'));
  if (definition.kind !== 'state-machine') return found;
  let machine;
  try {
    machine = buildStateMachine(definition);
  } catch {
    return found;
  }
  // Key ranges by state node, one pass over each States object (a lookup per state would be quadratic).
  const keyRanges = new Map<AstNode, Range>();
  for (const scope of machine.scopes) {
    const states = findNode(root, [...scope.path, 'States']);
    if (states?.kind === 'object') for (const property of states.properties) if (property.value) keyRanges.set(property.value, property.keyRange);
  }
  for (const state of machine.states) {
    if (state.node.kind !== 'object') continue;
    const comment = getProperty(state.node, 'Comment');
    if (comment?.value?.kind !== 'string' || !comment.value.value.includes('asl-lint-disable')) continue;
    // The state's name is part of the state: findings on the key (an unreachable state) are covered too.
    const key = keyRanges.get(state.node) ?? state.node.range;
    consider({ start: Math.min(key.start, state.node.range.start), end: state.node.range.end }, comment);
  }
  return found;
}

function covers(directive: Directive, diagnostic: Diagnostic): boolean {
  const { start, end } = diagnostic.range;
  if (directive.kind === 'disable-next-line' || directive.kind === 'disable-line') return start >= directive.scope.start && start < Math.max(directive.scope.end, directive.scope.start + 1);
  return start >= directive.scope.start && end <= directive.scope.end;
}

/**
 * Marks the diagnostics that a directive suppresses and returns findings for the directives (or the rule ids
 * in them) that suppressed nothing, when `unused` (the active `asl/unused-suppression` rule) is given.
 * As in ESLint, a rule id that is switched off or misspelt suppresses nothing and is reported.
 */
export function applySuppressions(
  diagnostics: readonly Diagnostic[],
  directives: readonly Directive[],
  unused: ActiveRule | undefined,
  knownRuleIds?: readonly string[],
  lines?: LineIndex,
): Diagnostic[] {
  const used = directives.map(() => new Set<string>());
  // Next-line directives by the start of the line they cover, so each finding looks up its own line only;
  // blocks and Comment fields are few and are checked one by one.
  const byLine = new Map<number, number[]>();
  const spans: number[] = [];
  directives.forEach((directive, i) => {
    if (directive.kind === 'enable') return;
    if ((directive.kind === 'disable-next-line' || directive.kind === 'disable-line') && lines) {
      const list = byLine.get(directive.scope.start);
      if (list) list.push(i);
      else byLine.set(directive.scope.start, [i]);
    } else spans.push(i);
  });
  const apply = (i: number, diagnostic: Diagnostic): void => {
    const directive = directives[i];
    if (directive.ruleIds.length > 0 && !directive.ruleIds.includes(diagnostic.ruleId)) return;
    if (!covers(directive, diagnostic)) return;
    used[i].add(diagnostic.ruleId);
    if (!diagnostic.suppressed) diagnostic.suppressed = toSuppression(directive);
  };
  for (const diagnostic of diagnostics) {
    if (diagnostic.ruleId === UNUSED_SUPPRESSION) continue;
    if (lines && byLine.size > 0) {
      const lineStart = lines.offsetAt({ line: lines.positionAt(diagnostic.range.start).line, character: 0 });
      for (const i of byLine.get(lineStart) ?? []) apply(i, diagnostic);
    }
    for (const i of spans) apply(i, diagnostic);
  }
  if (!unused) return [];
  const findings: Diagnostic[] = [];
  const messages = unused.rule.meta.messages;
  const known = knownRuleIds ? new Set([...knownRuleIds, INTERNAL_ERROR]) : undefined;
  const report = (messageId: string, data: Record<string, string>, range: Range): void => {
    findings.push({ ruleId: UNUSED_SUPPRESSION, severity: unused.severity, message: formatMessage(messages[messageId], data), messageId, data, range });
  };
  directives.forEach((directive, i) => {
    if (directive.kind === 'enable') return;
    const directiveText = directive.kind === 'comment-field' ? 'asl-lint-disable' : `asl-lint-${directive.kind}`;
    if (directive.ruleIds.length === 0) {
      if (used[i].size === 0) report('unused-all', { directive: directiveText }, directive.range);
      return;
    }
    for (const id of directive.ruleIds) {
      if (used[i].has(id)) continue;
      if (known && !known.has(id) && messages['unknown-rule']) {
        const suggestion = closestMatch(id, knownRuleIds!);
        report('unknown-rule', { directive: directiveText, ruleId: id, suggestion: suggestion ? ` (did you mean "${suggestion}"?)` : '' }, directive.range);
      } else report('unused', { directive: directiveText, ruleId: id }, directive.range);
    }
  });
  return findings;
}

function toSuppression(directive: Directive): Suppression {
  const kind = directive.kind === 'comment-field' ? 'comment-field' : 'comment';
  return directive.justification ? { kind, justification: directive.justification, range: directive.range } : { kind, range: directive.range };
}
