#!/usr/bin/env node
// Writes packages/config/schema/asl-lint.config.schema.json from packages/config/src/config-schema.ts (built).
// `--check` fails when the published file is stale.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { CONFIG_SCHEMA } = await import(pathToFileURL(join(root, 'packages/config/dist/config-schema.js')).href);
const target = join(root, 'packages/config/schema/asl-lint.config.schema.json');
const next = JSON.stringify(CONFIG_SCHEMA, null, 2) + '\n';
const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
if (process.argv.includes('--check')) {
  if (current !== next) {
    console.error('packages/config/schema/asl-lint.config.schema.json is stale: run `node scripts/generate-config-schema.mjs`');
    process.exit(1);
  }
} else if (current !== next) writeFileSync(target, next);
