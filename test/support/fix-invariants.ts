/** What must hold when asl-lint fixes a text: shared by the regular fix property and `pnpm fuzz`. */
import { fixUntilStable, lintText, parsedCleanly, toValue, type JsonValue, type LintResult } from '@asl-lint/core';
import { everyRule } from './invariants.js';

export const lintWith = (filePath: string) => (text: string): LintResult => lintText(text, { filePath, rules: everyRule });

/**
 * Where the values of the text before and after fixing differ, other than a Task resource gaining `.sync`: a
 * Resource string must be the old one plus `.sync`; a definition held in a string (DefinitionString) may only
 * gain `.sync` after `eks:runJob`. Returns the first path that changed otherwise.
 */
function unexpectedChange(before: JsonValue, after: JsonValue, path: string[] = []): string | undefined {
  const stack: [JsonValue, JsonValue, string[]][] = [[before, after, path]];
  while (stack.length > 0) {
    const [a, b, at] = stack.pop()!;
    if (typeof a === 'string' && typeof b === 'string') {
      if (a === b) continue;
      if (at[at.length - 1] === 'Resource' && b === `${a}.sync`) continue;
      if (a.includes('StartAt') && b.replaceAll('eks:runJob.sync', 'eks:runJob') === a.replaceAll('eks:runJob.sync', 'eks:runJob')) continue;
      return `${at.join('.')}: ${JSON.stringify(a).slice(0, 80)} became ${JSON.stringify(b).slice(0, 80)}`;
    }
    if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
      if (a !== b) return `${at.join('.')}: ${JSON.stringify(a)} became ${JSON.stringify(b)}`;
      continue;
    }
    if (Array.isArray(a) !== Array.isArray(b)) return `${at.join('.')}: changed shape`;
    const keysA = Object.keys(a);
    const keysB = Object.keys(b);
    if (keysA.join('\u0000') !== keysB.join('\u0000')) return `${at.join('.')}: keys changed`;
    for (const key of keysA) stack.push([(a as Record<string, JsonValue>)[key], (b as Record<string, JsonValue>)[key], [...at, key]]);
  }
  return undefined;
}

export interface FixViolation {
  readonly problem: string;
  readonly detail?: string;
}

/** Fixing `text` twice equals once; unparsable text is never changed; the output parses; only resources change. */
export function checkFix(text: string, filePath: string): FixViolation | undefined {
  const lint = lintWith(filePath);
  const before = lint(text);
  const once = fixUntilStable(text, lint);
  if (!parsedCleanly(before)) {
    return once.output === text ? undefined : { problem: 'changed a text that does not parse' };
  }
  if (!parsedCleanly(once.result)) return { problem: 'the fixed text does not parse' };
  const twice = fixUntilStable(once.output, lint);
  if (twice.output !== once.output) return { problem: 'fixing twice differs from fixing once', detail: `${twice.fixCount} more fixes` };
  if (once.output !== text && before.document.root && once.result.document.root) {
    const changed = unexpectedChange(toValue(before.document.root), toValue(once.result.document.root));
    if (changed) return { problem: 'a fix changed more than the resource it names', detail: changed };
    if (once.result.document.comments.length !== before.document.comments.length) return { problem: 'a fix lost a comment' };
  }
  const left = once.result.diagnostics.filter((d) => d.fix && !d.suppressed);
  if (left.length > 0 && once.passes < 10) return { problem: 'fixable findings left after fixing', detail: left.map((d) => d.message).join('; ') };
  return undefined;
}
