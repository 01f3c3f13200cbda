import { chmodSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a fixed file atomically: a temporary file beside it, then a rename, so a reader never sees half a
 * file. Refuses when the file changed since it was read (an editor or a formatter got there first). A
 * symbolic link keeps pointing at its target, which is what gets replaced. Returns a reason on failure.
 */
export function writeFixedFile(path: string, original: string, fixed: string): string | undefined {
  let target: string;
  let mode: number;
  try {
    target = realpathSync(path);
    mode = statSync(target).mode & 0o7777;
    if (readFileSync(target, 'utf8') !== original) return 'the file changed while asl-lint was fixing it; run again';
  } catch (error) {
    return (error as Error).message;
  }
  const temporary = join(dirname(target), `.${basename(target)}.asl-lint-${process.pid}-${Date.now().toString(36)}.tmp`);
  try {
    writeFileSync(temporary, fixed, { flag: 'wx', mode });
    chmodSync(temporary, mode);
    renameSync(temporary, target);
    return undefined;
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing was created.
    }
    return (error as Error).message;
  }
}
