import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    globalSetup: ['test/setup/cassandra.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
