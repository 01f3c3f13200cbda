import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The file's path relative to `base` (default: the working directory) with `/` separators, or undefined when it lies outside. */
export function repoRelativePath(filePath: string, cwd: string, base = cwd): string | undefined {
  const rel = relative(base, resolve(cwd, filePath));
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
export function directoryUri(directory: string): string {
  const href = pathToFileURL(directory).href;
  return href.endsWith('/') ? href : `${href}/`;
}
