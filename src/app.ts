/**
 * `createApp(deps)`: the one HTTP application, shared by the Worker entry and the Node entry.
 * Routes: POST/GET `/graphql` (graphql-yoga over the Pothos schema), GraphiQL on GET with
 * `Accept: text/html`, `/health`. Cross-cutting behaviour is listed in one place below:
 * Hono middleware for HTTP concerns (CORS, rate limit, method, body size, UTF-8, CSRF; see
 * src/http/) and yoga/envelop plugins for GraphQL ones (operation limits, masking, debug).
 */
import { Hono } from 'hono';
import { createYoga, type Plugin } from 'graphql-yoga';
import type { AppConfig } from './config.ts';
import { runWithSqlStats, type Database, type SqlStats } from './db/client.ts';
import type { Context } from './graphql/builder.ts';
import { schema } from './graphql/schema.ts';
import { authenticator } from './auth/credentials.ts';
import { exportRoutes } from './export/routes.ts';
import { renderGraphiQLPage } from './graphiql.ts';
import { DEFAULT_QUERY } from './graphql/default-query.ts';
import { operationLimitsPlugin } from './graphql/limits.ts';
import { maskError } from './graphql/masking.ts';
import { corsMiddleware } from './http/cors.ts';
import { bodySizeGuard, csrfGuard, methodGuard, PREFLIGHT_HEADERS, utf8Guard } from './http/guards.ts';
import { rateLimitMiddleware, type RateLimiterBinding } from './http/rate-limit.ts';
import { errorResponse } from './http/responses.ts';
import { StatementCache } from './graphql/statement-cache.ts';

/** What an entry provides: the database, the configuration, and how to serve static assets. */
export interface AppDeps {
  db: Database;
  config: AppConfig;
  /** Serve a GraphiQL asset under /graphiql-assets/ (Node reads files; the Worker uses its ASSETS binding). */
  assets?: (request: Request) => Promise<Response | null>;
  /**
   * Cloudflare Workers Rate Limiting binding (the Worker passes `env.RATE_LIMITER`); without it
   * an in-process token bucket per client applies (config `RATE_LIMIT_*`).
   */
  rateLimiter?: RateLimiterBinding;
  /** A separate binding for requests carrying a credential (defaults to `rateLimiter`). */
  credentialRateLimiter?: RateLimiterBinding;
}

const DEBUG_HEADER = 'x-newsgraph-debug';

/** Adds `extensions.sql` ({ statements, reusedSql }) when debugging is on and the request asks for it. */
function sqlDebugPlugin(enabled: boolean): Plugin<{ sqlStats?: SqlStats; debugSql?: boolean }> {
  return {
    onExecute({ args }) {
      const ctx = args.contextValue as { sqlStats?: SqlStats; debugSql?: boolean };
      if (!enabled || !ctx.debugSql || !ctx.sqlStats) return;
      const stats = ctx.sqlStats;
      return {
        onExecuteDone({ result, setResult }) {
          if ('data' in result || 'errors' in result) {
            setResult({ ...result, extensions: { ...result.extensions, sql: { statements: stats.statements, reusedSql: stats.reusedSql ?? 0 } } });
          }
        },
      };
    },
  };
}

/** Build the Hono app over the given dependencies. */
export function createApp(deps: AppDeps): Hono {
  const { db, config } = deps;
  const pages = { maxPageSize: config.maxPageSize, defaultPageSize: config.defaultPageSize };
  const statements = new StatementCache();
  const yoga = createYoga<{ sqlStats: SqlStats; debugSql: boolean }, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: false,
    // CORS is Hono's (below), for every route; batching and multipart stay off.
    cors: false,
    batching: false,
    multipart: false,
    // Backstop to the Hono body limit (Content-Length and streamed bytes).
    maxRequestBodySize: config.limits.maxBodyBytes,
    // Masking from the config, never from NODE_ENV: `isDev: false` keeps original errors
    // (SQL, driver messages, stacks) out of responses; GraphQLErrors with a code pass through.
    maskedErrors: config.maskErrors ? { isDev: false, errorMessage: 'Unexpected error.', maskError } : false,
    // Per request: the credential is read from this request's headers, lazily (src/auth/).
    context: ({ request }) => ({
      db,
      ...pages,
      statements,
      auth: authenticator(request.headers, config.auth),
      publicBaseUrl: config.publicBaseUrl ?? new URL(request.url).origin,
      textLimits: config.text,
    }),
    plugins: [operationLimitsPlugin(config.limits, pages, config.fieldSuggestions), sqlDebugPlugin(config.debugSql)],
  });

  const app = new Hono();
  app.onError((err, c) => {
    console.error(err);
    return errorResponse(c.req.raw, 500, 'INTERNAL_SERVER_ERROR', 'Unexpected error.');
  });
  app.use('*', corsMiddleware(config.cors, ['content-type', 'accept', ...config.rateLimit.credentialHeaders, DEBUG_HEADER, ...PREFLIGHT_HEADERS]));
  // Every route that reads the database counts against its client's limit (not /health, not
  // the static GraphiQL assets).
  const limiter = rateLimitMiddleware(config.rateLimit, { anonymous: deps.rateLimiter, credential: deps.credentialRateLimiter });
  app.use('*', (c, next) => (c.req.path === '/health' || c.req.path.startsWith('/graphiql-assets/') ? next() : limiter(c, next)));
  app.get('/health', (c) => c.json({ status: 'ok' }));
  if (deps.assets && config.graphiql) {
    const assets = deps.assets;
    app.get('/graphiql-assets/*', async (c) => (await assets(c.req.raw)) ?? c.notFound());
  }
  app.get('/', (c) => c.redirect('/graphql'));
  app.use(
    '/graphql',
    methodGuard(),
    bodySizeGuard(config.limits.maxBodyBytes),
    utf8Guard(),
    csrfGuard(),
  );
  // Newsgraph's own entity URIs (exported ninjs / JSON-LD point here): JSON-LD documents.
  app.route('/', exportRoutes(db, config));
  app.on(['GET', 'POST'], '/graphql', async (c) => {
    const request = c.req.raw;
    // GraphiQL off (GRAPHIQL=false): a browser's GET goes to yoga like any other GET.
    if (config.graphiql && request.method === 'GET' && (request.headers.get('accept') ?? '').includes('text/html') && !new URL(request.url).searchParams.has('query')) {
      return c.html(renderGraphiQLPage({ title: 'Newsgraph', endpoint: '/graphql', defaultQuery: DEFAULT_QUERY, headers: config.debugSql ? { [DEBUG_HEADER]: 'sql' } : {} }));
    }
    // Per request: its own statement counter and debug flag, passed to yoga as server context
    // (never stored on shared objects), so concurrent requests cannot see each other's.
    const debugSql = config.debugSql && (request.headers.get(DEBUG_HEADER) ?? '').split(',').map((s) => s.trim()).includes('sql');
    const sqlStats: SqlStats = { statements: 0 };
    return runWithSqlStats(sqlStats, () => yoga.fetch(request, { sqlStats, debugSql }));
  });
  return app;
}
