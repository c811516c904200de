/**
 * The Node entry: Newsgraph on an embedded libSQL file (`.data/newsgraph.db`, or `LIBSQL_URL`),
 * migrated and seeded on start, served on http://127.0.0.1:8787 (`PORT`, `HOST` override).
 * SQL debugging is on by default here (DEBUG_SQL=0 turns it off). Its first line says whether
 * writes are enabled and, when no credential is configured, how to enable them.
 */
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { credentialsConfigured } from './auth/credentials.ts';
import { loadConfig, type AppConfig } from './config.ts';
import { openDatabase } from './ingest/open.ts';
import { EXPLORER_BASE } from './explorer.ts';
import { nodeAssets } from './explorer-static.ts';
import { loadSeedIfEmpty } from './ingest/seed.ts';

/** What the entry says about writes: which credentials are accepted, or how to configure one. */
function writesNotice(auth: AppConfig['auth']): string {
  if (!credentialsConfigured(auth)) {
    return [
      'Writes are off: no editor credentials are configured (API_KEYS, JWT_SECRET and JWT_PUBLIC_KEY are unset).',
      '  To enable them locally: API_KEYS=<a key of 16+ characters> npm start, then send Authorization: Bearer <that key>.',
    ].join('\n');
  }
  const accepted = [
    auth.apiKeys.length ? `${auth.apiKeys.length} API key${auth.apiKeys.length > 1 ? 's' : ''} (API_KEYS)` : '',
    auth.jwtSecret ? 'HS256 JWTs (JWT_SECRET)' : '',
    auth.jwtPublicKey ? 'EdDSA JWTs (JWT_PUBLIC_KEY)' : '',
  ].filter(Boolean);
  return `Writes are on for editor credentials: ${accepted.join(', ')}.`;
}

// The response cache is on unless RESPONSE_CACHE_TTL=0 (src/graphql/delivery/response-cache.ts).
const config = loadConfig({ RESPONSE_CACHE_TTL: '60', ...process.env }, { debugSql: true, maskErrors: true });
console.log(writesNotice(config.auth));
const db = await openDatabase();
const seeded = await loadSeedIfEmpty(db);
const app = createApp({
  db,
  config,
  assets: nodeAssets,
});

const port = Number(process.env.PORT ?? 8787);
const hostname = process.env.HOST ?? '127.0.0.1';
const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
  console.log(`Newsgraph ${seeded ? '(seeded) ' : ''}on http://${hostname}:${info.port}/graphql  ${config.graphiql ? '(GraphiQL in a browser)' : '(GraphiQL off: GRAPHIQL=false)'}`);
  console.log(`Explorer on http://${hostname}:${info.port}${EXPLORER_BASE}`);
});
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  // Requests in flight finish, then the database closes: its reader threads answer the reads
  // they were given and end (src/db/prepared.ts; a thread stopped inside a statement would abort
  // the process), and with nothing left the process ends.
  server.close(() => db.$client.close());
  // A keep-alive client that goes on sending would hold the server open: its connections are cut after a grace.
  setTimeout(() => (server as Server).closeAllConnections(), 1000).unref();
  // Anything else that holds the process gets 5 s.
  setTimeout(() => process.exit(0), 5000).unref();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
