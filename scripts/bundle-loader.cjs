#!/usr/bin/env node
'use strict';
/**
 * The `bin` of the bundle (scripts/bundle.mjs writes it as dist-bundle/asl-lint.cjs, with BUILD_ID filled in).
 * It runs `cli.cjs` and the files it loads on demand (`lazy/*.cjs`) with a V8 code cache: compiling ~1 MB of
 * JavaScript is most of a one-file run beyond Node's own start-up, and Node 20 has no compile cache of its own
 * (module.enableCompileCache came in 22). The caches in `v8-cache/` are made by a training run when the bundle is
 * built; V8 rejects one made by another Node or with other flags, and the run then writes a fresh one beside it
 * (atomically; a read-only install just runs uncached). Only the bundle's own files go through here.
 */
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { join } = require('node:path');
const vm = require('node:vm');

const BUILD_ID = '__BUILD_ID__';
const cacheDir = join(__dirname, 'v8-cache');
const disabled = Boolean(process.env.NODE_DISABLE_COMPILE_CACHE);
const loaded = new Map();
/** Scripts whose cache was missing or rejected: their code cache is written when the process exits. */
const stale = [];

function load(file) {
  const known = loaded.get(file);
  if (known) return known.exports;
  const filename = join(__dirname, file);
  const cacheFile = join(cacheDir, `${file.replace(/[\\/]/g, '_')}.${BUILD_ID}.bin`);
  let cachedData;
  if (!disabled) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
  }
  const source = readFileSync(filename, 'utf8').replace(/^#!.*/, '');
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename, cachedData });
  if (!disabled && (cachedData === undefined || script.cachedDataRejected)) stale.push({ script, cacheFile });
  const module = { exports: {}, filename, loaded: false };
  loaded.set(file, module);
  const nodeRequire = createRequire(filename);
  const require = (id) => (id.startsWith('./lazy/') ? load(id.slice(2)) : nodeRequire(id));
  require.resolve = nodeRequire.resolve;
  require.cache = nodeRequire.cache;
  script.runInThisContext().call(module.exports, module.exports, require, module, filename, __dirname);
  module.loaded = true;
  return module.exports;
}

process.once('exit', () => {
  for (const { script, cacheFile } of stale) {
    try {
      mkdirSync(cacheDir, { recursive: true });
      const temporary = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(temporary, script.createCachedData());
      renameSync(temporary, cacheFile);
    } catch {
      // A read-only install: the next run compiles again.
    }
  }
});

load('cli.cjs');
