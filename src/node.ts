/**
 * The Node entry: Newsgraph on an embedded libSQL file (`.data/newsgraph.db`, or `LIBSQL_URL`),
 * migrated and seeded on start, served on http://127.0.0.1:8787 (`PORT`, `HOST` override).
 * SQL debugging is on by default here (DEBUG_SQL=0 turns it off).
 */
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './ingest/open.ts';
import { serveGraphiQLAsset } from './graphiql-static.ts';
import { loadSeedIfEmpty } from './ingest/seed.ts';

const db = await openDatabase();
const seeded = await loadSeedIfEmpty(db);
const config = loadConfig(process.env, { debugSql: true, maskErrors: true });
const app = createApp({ db, config, assets: (req) => serveGraphiQLAsset(new URL(req.url).pathname) });

const port = Number(process.env.PORT ?? 8787);
const hostname = process.env.HOST ?? '127.0.0.1';
const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
  console.log(`Newsgraph ${seeded ? '(seeded) ' : ''}on http://${hostname}:${info.port}/graphql  (GraphiQL in a browser)`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
