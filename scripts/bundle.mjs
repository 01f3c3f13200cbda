#!/usr/bin/env node
/**
 * Bundles the CLI into one CommonJS file, `dist-bundle/asl-lint.cjs`, the `bin` of the repository root.
 * That is what `npm install` + `npm pack` of this repository (how pre-commit installs node hooks) ships:
 * npm cannot resolve pnpm's `workspace:` packages, so the bundle carries them, and every dependency except
 * the TypeScript parser (used only for CDK sources with --cdk; add it with pre-commit's
 * `additional_dependencies`).
 *
 * Modules that the sources load lazily with `createRequire(import.meta.url)` stay lazy: the rewrite below
 * turns them into plain `require` calls, which esbuild bundles as modules evaluated on first use.
 *
 * Usage: node scripts/bundle.mjs [outfile]   (the ASL schema validators must have been precompiled first:
 * packages/core/dist/schema/validators.generated.cjs, else they are compiled on each run).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const esbuild = require('esbuild');

const outfile = process.argv[2] ?? join(root, 'dist-bundle', 'asl-lint.cjs');
const version = JSON.parse(readFileSync(join(root, 'packages/cli/package.json'), 'utf8')).version;
const precompiled = join(root, 'packages/core/dist/schema/validators.generated.cjs');

const DECLARATION = /^[ \t]*const require = createRequire\(import\.meta\.url\);[ \t]*$/m;
const INLINE = /createRequire\(import\.meta\.url\)\(/g;

/** Rewrites lazy `createRequire(import.meta.url)` loads into `require` calls esbuild can see. */
const lazyRequires = {
  name: 'lazy-requires',
  setup(build) {
    build.onLoad({ filter: /\/(packages\/[^/]+|rules)\/src\/.*\.ts$/ }, (args) => {
      let source = readFileSync(args.path, 'utf8');
      source = source.replace(DECLARATION, '').replace(INLINE, 'require(');
      // The precompiled ASL validators are found beside the compiled module at run time; in the bundle they
      // are bundled (built from the same sources by postinstall), so loadPrecompiled returns them directly.
      if (args.path.endsWith('/schema/validators.ts')) {
        const opening = /function loadPrecompiled\(\)[^{]*\{/;
        if (!opening.test(source)) return { errors: [{ text: 'schema/validators.ts: loadPrecompiled() not found; update scripts/bundle.mjs' }] };
        source = source.replace(
          opening,
          (head) => `${head}\n  if (typeof __bundledValidators === 'object') return new Map(Object.entries(__bundledValidators).filter(([, value]) => typeof value === 'function'));`,
        );
        source += existsSync(precompiled) ? "\nconst __bundledValidators = require('./validators.generated.cjs');\n" : '\nconst __bundledValidators = undefined;\n';
      }
      if (source.includes('createRequire(import.meta.url)')) {
        return { errors: [{ text: `${relative(root, args.path)}: name the createRequire result "require" so the bundle can see its loads` }] };
      }
      return { contents: source, loader: 'ts' };
    });
    // The precompiled ASL validators live in dist, next to the compiled module that loads them.
    build.onResolve({ filter: /validators\.generated\.cjs$/ }, () => (existsSync(precompiled) ? { path: precompiled } : { path: 'validators.generated.cjs', external: true }));
  },
};

await esbuild.build({
  entryPoints: [join(root, 'packages/cli/src/bin.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  // jsonc-parser's UMD build hides its modules from the bundler; its ESM build does not.
  mainFields: ['module', 'main'],
  format: 'cjs',
  target: 'node20',
  alias: {
    '@asl-lint/core': join(root, 'packages/core/src/index.ts'),
    '@asl-lint/rules': join(root, 'rules/src/index.ts'),
  },
  external: ['@typescript-eslint/typescript-estree', 'typescript'],
  define: { 'import.meta.url': '__bundleUrl', __ASL_LINT_VERSION__: JSON.stringify(version) },
  banner: { js: 'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
  plugins: [lazyRequires],
  legalComments: 'none',
  logLevel: 'warning',
});
