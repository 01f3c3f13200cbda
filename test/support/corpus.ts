/**
 * The shared corpus beside the checkout (`../shared/corpus`, as in CI): its manifest's rows. Tests read the files
 * where they are and skip when the corpus is absent; nothing is copied into the repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const corpusDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'corpus');

export interface CorpusEntry {
  /** Relative to the corpus directory, e.g. `real/owner__repo__path.asl.json`. */
  readonly path: string;
  /** `asl-json`, `asl-yaml`, `sam-template`, `cfn-template`, … */
  readonly kind: string;
  /** `valid`, `invalid` or `unknown`. */
  readonly expected: string;
}

export function corpusEntries(): CorpusEntry[] {
  const manifest = join(corpusDir, 'MANIFEST.tsv');
  if (!existsSync(manifest)) return [];
  return readFileSync(manifest, 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => {
      const cols = line.split('\t');
      return { path: cols[0], kind: cols[5], expected: cols[6] };
    });
}

/** The stand-alone definitions their authors published (`real/`, pure ASL JSON or YAML), as absolute paths. */
export function publishedDefinitions(): string[] {
  return corpusEntries()
    .filter((entry) => entry.path.startsWith('real/') && (entry.kind === 'asl-json' || entry.kind === 'asl-yaml'))
    .map((entry) => join(corpusDir, entry.path));
}
