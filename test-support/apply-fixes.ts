import type { Fix } from '@asl-lint/core';

/** Applies non-overlapping fixes (first wins), as ESLint does in one pass. */
export function applyFixes(text: string, fixes: readonly Fix[]): string {
  const edits = fixes.flatMap((fix) => fix.edits).sort((a, b) => a.range.start - b.range.start);
  let output = '';
  let cursor = 0;
  for (const edit of edits) {
    if (edit.range.start < cursor) continue;
    output += text.slice(cursor, edit.range.start) + edit.text;
    cursor = edit.range.end;
  }
  return output + text.slice(cursor);
}
