import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { LinkedDefinition, LintResult } from '@asl-lint/core';
import type { LintedFile } from './formatters/types.js';
import { readTextFile } from './read-text.js';

export interface LinkedFile {
  readonly absolute: string;
  /** The path as the user should see it (relative to cwd when below it). */
  readonly file: string;
  readonly link: LinkedDefinition;
  /** The template or source file that links to it. */
  readonly from: string;
}

/**
 * Where a linked definition is: relative to the linking file's directory (SAM `DefinitionUri`), or for
 * CDK, whose `fromFile` paths are relative to the app's working directory, the current directory.
 */
function locate(cwd: string, from: string, link: LinkedDefinition): string {
  if (isAbsolute(link.path)) return link.path;
  const besideHost = resolve(dirname(resolve(cwd, from)), link.path);
  if (link.host !== 'cdk' || existsSync(besideHost)) return besideHost;
  return resolve(cwd, link.path);
}

function displayPath(absolute: string, cwd: string): string {
  const rel = relative(cwd, absolute);
  return rel.startsWith('..') || isAbsolute(rel) ? absolute : rel.split(sep).join('/');
}

/**
 * Lints the definition files that templates link to, with the template's facts (workflow type,
 * DefinitionSubstitutions, role). A linked file that was also found on its own is linted once, in
 * its template's context: its stand-alone result is replaced.
 */
export function lintLinkedFiles(
  results: LintedFile[],
  cwd: string,
  lint: (text: string, linked: LinkedFile) => LintResult | undefined,
  unreadable: (linked: LinkedFile, error: unknown) => void,
): void {
  const indexOf = new Map<string, number>();
  results.forEach((result, index) => indexOf.set(resolve(cwd, result.filePath), index));
  const done = new Set<string>();
  const hosts = results.length;
  for (let i = 0; i < hosts; i++) {
    const host = results[i];
    for (const link of host.linked ?? []) {
      const absolute = locate(cwd, host.filePath, link);
      if (done.has(absolute)) continue;
      done.add(absolute);
      const linked: LinkedFile = { absolute, file: displayPath(absolute, cwd), link, from: host.filePath };
      let text: string;
      try {
        text = readTextFile(absolute);
      } catch (error) {
        unreadable(linked, error);
        continue;
      }
      const result = lint(text, linked);
      if (!result) continue;
      const existing = indexOf.get(absolute);
      if (existing !== undefined) results[existing] = result;
      else {
        indexOf.set(absolute, results.length);
        results.push(result);
      }
    }
  }
}
