/**
 * `createApp(deps)`: the one HTTP application, shared by the Worker entry and the Node entry.
 * Routes: POST/GET `/graphql` (graphql-yoga over the Pothos schema), GraphiQL on GET with
 * `Accept: text/html`, `/health`. Cross-cutting behaviour is yoga/envelop plugins, listed in
 * one place below.
 */
import { Hono } from 'hono';
import { createYoga, type Plugin } from 'graphql-yoga';
import type { AppConfig } from './config.ts';
import { runWithSqlStats, type Database, type SqlStats } from './db/client.ts';
import type { Context } from './graphql/builder.ts';
import { schema } from './graphql/schema.ts';
import { renderGraphiQLPage } from './graphiql.ts';
import { DEFAULT_QUERY } from './graphql/default-query.ts';

/** What an entry provides: the database, the configuration, and how to serve static assets. */
export interface AppDeps {
  db: Database;
  config: AppConfig;
  /** Serve a GraphiQL asset under /graphiql-assets/ (Node reads files; the Worker uses its ASSETS binding). */
  assets?: (request: Request) => Promise<Response | null>;
}

const DEBUG_HEADER = 'x-newsgraph-debug';

/** Adds `extensions.sql.statements` when debugging is on and the request asks for it. */
function sqlDebugPlugin(enabled: boolean): Plugin<{ sqlStats?: SqlStats; debugSql?: boolean }> {
  return {
    onExecute({ args }) {
      const ctx = args.contextValue as { sqlStats?: SqlStats; debugSql?: boolean };
      if (!enabled || !ctx.debugSql || !ctx.sqlStats) return;
      const stats = ctx.sqlStats;
      return {
        onExecuteDone({ result, setResult }) {
          if ('data' in result || 'errors' in result) {
            setResult({ ...result, extensions: { ...result.extensions, sql: { statements: stats.statements } } });
          }
        },
      };
    },
  };
}

/** Build the Hono app over the given dependencies. */
export function createApp(deps: AppDeps): Hono {
  const { db, config } = deps;
  const yoga = createYoga<{ sqlStats: SqlStats; debugSql: boolean }, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: false,
    maskedErrors: config.maskErrors,
    context: () => ({ db, maxPageSize: config.maxPageSize }),
    plugins: [sqlDebugPlugin(config.debugSql)],
  });

  const app = new Hono();
  app.get('/health', (c) => c.json({ status: 'ok' }));
  if (deps.assets) {
    const assets = deps.assets;
    app.get('/graphiql-assets/*', async (c) => (await assets(c.req.raw)) ?? c.notFound());
  }
  app.get('/', (c) => c.redirect('/graphql'));
  app.on(['GET', 'POST', 'OPTIONS'], '/graphql', async (c) => {
    const request = c.req.raw;
    if (request.method === 'GET' && (request.headers.get('accept') ?? '').includes('text/html') && !new URL(request.url).searchParams.has('query')) {
      return c.html(renderGraphiQLPage({ title: 'Newsgraph', endpoint: '/graphql', defaultQuery: DEFAULT_QUERY, headers: config.debugSql ? { [DEBUG_HEADER]: 'sql' } : {} }));
    }
    const debugSql = config.debugSql && (request.headers.get(DEBUG_HEADER) ?? '').split(',').map((s) => s.trim()).includes('sql');
    const sqlStats: SqlStats = { statements: 0 };
    return runWithSqlStats(sqlStats, () => yoga.fetch(request, { sqlStats, debugSql }));
  });
  return app;
}
