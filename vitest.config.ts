import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the sources; end-to-end tests spawn the built bins instead.
    alias: {
      '@asl-lint/core': source('./packages/core/src/index.ts'),
      '@asl-lint/rules': source('./rules/src/index.ts'),
      '@asl-lint/config': source('./packages/config/src/index.ts'),
    },
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'rules/test/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
