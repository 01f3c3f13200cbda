#!/usr/bin/env node
/**
 * Bundles the CLI into one CommonJS file, `dist-bundle/cli.cjs` (with the files it loads on demand beside it, see
 * below), and writes `dist-bundle/asl-lint.cjs`, the `bin` of the repository root: a loader that runs them with a
 * V8 code cache (scripts/bundle-loader.cjs).
 * That is what `npm install` + `npm pack` of this repository (how pre-commit installs node hooks) ships:
 * npm cannot resolve pnpm's `workspace:` packages, so the bundle carries them, and every dependency except
 * the TypeScript parser (used only for CDK sources with --cdk; add it with pre-commit's
 * `additional_dependencies`).
 *
 * Modules that the sources load lazily with `createRequire(import.meta.url)` stay lazy: the rewrite below
 * turns them into plain `require` calls, which esbuild bundles as modules evaluated on first use.
 * The heavy ones (YAML, JSONata, ajv's compiler, fast-glob) go into files of their own beside the bundle
 * (`lazy/`), so that a run on a plain .asl.json does not even parse them (about half of the code; see bench/run.mjs,
 * "One file").
 *
 * Usage: node scripts/bundle.mjs [outfile of the bin]   (the ASL schema validators must have been precompiled first:
 * packages/core/dist/schema/validators.generated.cjs, else they are compiled on each run).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/** Packages loaded on first use from `lazy/<file>.cjs`; ajv and ajv-errors share one file (one copy of ajv's codegen). */
const LAZY_FILES = { yaml: ['yaml'], jsonata: ['jsonata'], ajv: ['ajv', 'ajv-errors'], 'fast-glob': ['fast-glob'] };
const lazyFileOf = new Map(Object.entries(LAZY_FILES).flatMap(([file, names]) => names.map((name) => [name, file])));

const lazyFiles = {
  name: 'lazy-files',
  setup(build) {
    build.onResolve({ filter: /^(yaml|jsonata|ajv|ajv-errors|fast-glob)$/ }, (args) => ({ path: args.path, namespace: 'lazy-file' }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-file' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(`./lazy/${lazyFileOf.get(args.path)}.cjs`)})[${JSON.stringify(args.path)}];`,
      loader: 'js',
    }));
    build.onResolve({ filter: /^\.\/lazy\// }, (args) => ({ path: args.path, external: true }));
  },
};

// The files loaded on demand: whitespace and syntax minified, names kept (readable stack traces), less to parse.
const common = { bundle: true, platform: 'node', mainFields: ['module', 'main'], format: 'cjs', target: 'node20', legalComments: 'none', logLevel: 'warning', minifyWhitespace: true, minifySyntax: true };
for (const [file, names] of Object.entries(LAZY_FILES)) {
  await esbuild.build({
    ...common,
    stdin: { contents: `module.exports = { ${names.map((name) => `${JSON.stringify(name)}: require(${JSON.stringify(name)})`).join(', ')} };`, resolveDir: root, loader: 'js' },
    outfile: join(dirname(outfile), 'lazy', `${file}.cjs`),
  });
}

const cliFile = join(dirname(outfile), 'cli.cjs');
await esbuild.build({
  entryPoints: [join(root, 'packages/cli/src/bin.ts')],
  outfile: cliFile,
  bundle: true,
  platform: 'node',
  // jsonc-parser's UMD build hides its modules from the bundler; its ESM build does not.
  mainFields: ['module', 'main'],
  format: 'cjs',
  target: 'node20',
  alias: {
    '@asl-lint/core': join(root, 'packages/core/src/index.ts'),
    '@asl-lint/rules': join(root, 'rules/src/index.ts'),
    '@asl-lint/config': join(root, 'packages/config/src/index.ts'),
  },
  external: ['@typescript-eslint/typescript-estree', 'typescript'],
  define: { 'import.meta.url': '__bundleUrl', __ASL_LINT_VERSION__: JSON.stringify(version) },
  banner: { js: 'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
  plugins: [lazyRequires, lazyFiles],
  // Syntax only: packages/cli/test/bundle.test.ts reads the bundle's text.
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
});

// The bin: a loader that runs cli.cjs and lazy/*.cjs with a V8 code cache (scripts/bundle-loader.cjs), keyed to
// this build so that a cache never meets other code of the same length.
const outputs = [cliFile, ...Object.keys(LAZY_FILES).map((file) => join(dirname(outfile), 'lazy', `${file}.cjs`))];
const hash = createHash('sha256');
for (const file of outputs) hash.update(readFileSync(file));
const buildId = hash.digest('hex').slice(0, 16);
writeFileSync(outfile, readFileSync(join(root, 'scripts/bundle-loader.cjs'), 'utf8').replace('__BUILD_ID__', buildId), { mode: 0o755 });
chmodSync(outfile, 0o755);

// A training run writes the code caches: a JSON file with EKS states and a YAML file, so the functions a typical
// run needs are compiled into the caches. A Node with other V8 flags rejects them and writes its own.
const cacheDir = join(dirname(outfile), 'v8-cache');
rmSync(cacheDir, { recursive: true, force: true });
const training = ['examples/eks-batch-job.asl.json', 'examples/eks-mistakes.asl.yaml'].map((file) => join(root, file)).filter((file) => existsSync(file));
// One run for both: a cache is written only where none was accepted, so the first run decides what cli.cjs's holds.
const run = spawnSync(process.execPath, [outfile, ...training], { cwd: root, encoding: 'utf8' });
if (run.status !== 0 && run.status !== 1) throw new Error(`training run failed: ${run.stderr}`);
