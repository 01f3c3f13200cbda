import { readFileSync } from 'node:fs';

/** Set by scripts/bundle.mjs: the bundle has no package.json beside it. */
declare const __ASL_LINT_VERSION__: string | undefined;

let cached: string | undefined;

export function cliVersion(): string {
  if (typeof __ASL_LINT_VERSION__ === 'string') return __ASL_LINT_VERSION__;
  cached ??= (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return cached;
}
