import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

export default defineConfig({ ...base, test: { ...base.test, include: ['test/fuzz/**/*.fuzz.ts'], testTimeout: 24 * 3600_000 } });
