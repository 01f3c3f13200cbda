import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The file's path relative to the working directory with `/` separators, or undefined when it lies outside. */
export function repoRelativePath(filePath: string, cwd: string): string | undefined {
  const rel = relative(cwd, resolve(cwd, filePath));
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}

/** A path as a relative URI reference: each segment percent-encoded, `/` kept. */
export function relativeUri(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

export function absoluteFileUri(filePath: string, cwd: string): string {
  return pathToFileURL(resolve(cwd, filePath)).href;
}

/** The working directory as a file URI ending in `/`, as SARIF wants for `originalUriBaseIds`. */
export function directoryUri(cwd: string): string {
  const href = pathToFileURL(cwd).href;
  return href.endsWith('/') ? href : `${href}/`;
}
