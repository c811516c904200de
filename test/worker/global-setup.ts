/**
 * Node-side setup for the Worker tests (vitest.workers.config.ts): a seeded libSQL file in a temp
 * folder, the Node answers to the acceptance queries computed on it with the Node stack
 * (`@libsql/client` on the file + createApp), and the Hrana dev server on that same file, whose
 * URL the Worker gets as its LIBSQL_URL binding.
 *
 * Provides `hranaUrl` (string) and `nodeAnswers` (query name -> { body, statements }).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/ingest/open.ts';
import { startHranaServer } from '../../tools/dev/hrana-server.ts';
import { loadSeed } from '../../src/ingest/seed.ts';
import { ACCEPTANCE_QUERIES, type AcceptanceName, type GqlBody } from './queries.ts';

export interface NodeAnswer {
  status: number;
  body: GqlBody;
}

declare module 'vitest' {
  export interface ProvidedContext {
    hranaUrl: string;
    nodeAnswers: Record<AcceptanceName, NodeAnswer>;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-worker-test-'));
  const file = join(dir, 'worker-test.db');
  const db = await openDatabase(`file:${file}`);
  await loadSeed(db);

  const app = createApp({ db, config: loadConfig({}, { debugSql: true }) });
  const nodeAnswers = {} as Record<AcceptanceName, NodeAnswer>;
  for (const [name, query] of Object.entries(ACCEPTANCE_QUERIES) as [AcceptanceName, string][]) {
    const res = await app.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-newsgraph-debug': 'sql' },
      body: JSON.stringify({ query }),
    });
    nodeAnswers[name] = { status: res.status, body: (await res.json()) as GqlBody };
  }
  db.$client.close();

  const server = await startHranaServer({ file, port: 0 });
  project.provide('hranaUrl', server.url);
  project.provide('nodeAnswers', nodeAnswers);

  return async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  };
}
