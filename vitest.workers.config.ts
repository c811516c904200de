import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

// The Worker tests must never reach the network: no Request.cf download, no telemetry.
process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false';
process.env.WRANGLER_SEND_METRICS = 'false';

/**
 * Worker-runtime tests (test/worker/**): the real Worker (wrangler.toml, src/worker.ts) in workerd
 * through @cloudflare/vitest-pool-workers, against the Hrana dev server that globalSetup starts
 * on a seeded temp database (its URL becomes the LIBSQL_URL binding).
 */
export default defineConfig({
  plugins: [
    cloudflareTest(({ inject }) => ({
      wrangler: { configPath: './wrangler.toml' },
      miniflare: {
        bindings: { LIBSQL_URL: inject('hranaUrl'), DEBUG_SQL: 'true' },
      },
    })),
  ],
  test: {
    name: 'worker',
    include: ['test/worker/**/*.test.ts'],
    globalSetup: ['test/setup/assets.ts', 'test/worker/global-setup.ts'],
    // One workerd runner for all files: the Worker's module graph (graphql, drizzle, pothos...) is
    // transformed and loaded once instead of once per file, which halves the suite's time. The
    // files only share what production shares too (the isolate-wide app); their data does not
    // overlap (see writes.test.ts).
    isolate: false,
    maxWorkers: 1,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
