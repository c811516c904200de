import { defineConfig } from 'vitest/config';

/**
 * Every test suite, as vitest projects, in one run (`npm test`): each project reports its own
 * result even when another fails. `npm test -- --project unit` runs the fast, pure ones.
 *   unit         pure functions: domain rules (EDTF, folding, variants) and extraction stages
 *   integration  real libSQL files and the real app under Node (HTTP, ingest, queries, CLIs)
 *   browser      real Chromium (Debian's) driving the pages the app serves
 *   worker       the real Worker in workerd (vitest.workers.config.ts)
 */
/** Pure tests. Extraction tests that run the app, a database or a CLI live in test/extract/integration/. */
const UNIT = ['test/domain/**/*.test.ts', 'test/extract/*.test.ts'];
const BROWSER = ['test/graphiql.test.ts', 'test/browser/**/*.test.ts'];

export default defineConfig({
  // One graphql module instance: Pothos (ESM) and yoga (CJS parts) must share graphql's realm.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          exclude: ['test/worker/**', 'node_modules/**', ...UNIT, ...BROWSER],
          globalSetup: ['test/setup/shared-notice.ts', 'test/setup/assets.ts'],
        },
      },
      { extends: true, test: { name: 'browser', include: BROWSER, globalSetup: ['test/setup/browser.ts'] } },
      './vitest.workers.config.ts',
    ],
  },
});
