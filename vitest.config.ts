import { defineConfig } from 'vitest/config';

/** Node-side tests (real libSQL files, real app, real Chromium). */
export default defineConfig({
  // One graphql module instance: Pothos (ESM) and yoga (CJS parts) must share graphql's realm.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/worker/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
