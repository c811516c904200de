/**
 * `createApp(deps)`: the one HTTP application, shared by the Worker entry and the Node entry.
 * Routes: POST/GET `/graphql` (graphql-yoga over the Pothos schema), GraphiQL on GET with
 * `Accept: text/html`, `/health`, the explorer under `/explore` (src/explorer.ts). Cross-cutting
 * behaviour is listed in one place below: Hono middleware for HTTP concerns (CORS, rate limit,
 * method, body size, UTF-8, CSRF; see src/http/) and yoga/envelop plugins for GraphQL ones
 * (persisted operations, operation limits, response cache, masking, debug). Answers get their
 * HTTP caching headers last (src/http/caching.ts).
 */
import { Hono } from 'hono';
import { createYoga, type Plugin } from 'graphql-yoga';
import type { AppConfig } from './config.ts';
import { runWithSqlStats, type Database, type SqlStats } from './db/client.ts';
import type { Context } from './graphql/builder.ts';
import { getSchema } from './graphql/schema-definition.ts';
import { authenticator, type Principal } from './auth/credentials.ts';
import { exportRoutes } from './export/routes.ts';
import { EXPLORER_BASE, explorerRoutes } from './explorer.ts';
import { renderGraphiQLPage } from './graphiql.ts';
import { DEFAULT_QUERY } from './graphql/default-query.ts';
import { operationLimitsPlugin } from './graphql/limits.ts';
import { maskError } from './graphql/masking.ts';
import { corsMiddleware } from './http/cors.ts';
import { bodySizeGuard, checkedBodyPlugin, csrfGuard, methodGuard, PREFLIGHT_HEADERS, utf8Guard } from './http/guards.ts';
import { rateLimitMiddleware, verifiedPrincipal, type RateLimiterBinding } from './http/rate-limit.ts';
import { errorResponse } from './http/responses.ts';
import { StatementCache } from './graphql/statement-cache.ts';
import { memoryPersistedQueryStore, persistedOperationsPlugins, type PersistedQueryStore } from './graphql/delivery/persisted-operations.ts';
import { deliveryState, memoryResponseCache, responseCachePlugins, type DeliveryState, type ResponseCacheStore } from './graphql/delivery/response-cache.ts';
import { withHttpCaching } from './http/caching.ts';
import { compiledReadPlugin, type CompiledReadState } from './graphql/compiled/plugin.ts';

/** What an entry provides: the database, the configuration, and how to serve static assets. */
export interface AppDeps {
  db: Database;
  config: AppConfig;
  /**
   * Serve a static file by its request path: the GraphiQL assets under /graphiql-assets/, the
   * explorer's page (`/explore/`) and assets (`/explore/assets/*`); null when there is no such
   * file. Node reads public/; the Worker uses its ASSETS binding.
   */
  assets?: (request: Request) => Promise<Response | null>;
  /**
   * Cloudflare Workers Rate Limiting binding (the Worker passes `env.RATE_LIMITER`); without it
   * an in-process token bucket per client applies (config `RATE_LIMIT_*`).
   */
  rateLimiter?: RateLimiterBinding;
  /** A separate binding for requests carrying a credential (defaults to `rateLimiter`). */
  credentialRateLimiter?: RateLimiterBinding;
  /** A binding for trusted readers' credentials (read scope, `RATE_LIMIT_TRUSTED`); absent: in-process token buckets. */
  trustedRateLimiter?: RateLimiterBinding;
  /** Where APQ texts are kept (the Worker: Workers KV); default: in memory. */
  persistedQueries?: PersistedQueryStore;
  /** Where cached answers are kept (the Worker: the Cache API); default: an in-memory LRU. */
  responseCache?: ResponseCacheStore;
}

const DEBUG_HEADER = 'x-newsgraph-debug';

/**
 * Adds `extensions.sql` ({ statements, reusedSql, compiled, fallback? }) when debugging is on and
 * the request asks for it: `compiled` says whether one compiled statement wrote the answer
 * (src/graphql/compiled/), `fallback` why the executor answered instead.
 */
function sqlDebugPlugin(enabled: boolean): Plugin<{ sqlStats?: SqlStats; debugSql?: boolean }> {
  return {
    onExecute({ args }) {
      const ctx = args.contextValue as { sqlStats?: SqlStats; debugSql?: boolean; compiledRead?: CompiledReadState };
      if (!enabled || !ctx.debugSql || !ctx.sqlStats) return;
      const stats = ctx.sqlStats;
      return {
        onExecuteDone({ result, setResult }) {
          if ('data' in result || 'errors' in result) {
            const path = ctx.compiledRead ?? { compiled: false, fallback: 'not executed' };
            setResult({ ...result, extensions: { ...result.extensions, sql: { statements: stats.statements, reusedSql: stats.reusedSql ?? 0, ...path } } });
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
  const delivery = config.delivery;
  const responseCache = deps.responseCache ?? memoryResponseCache(delivery.responseCacheEntries);
  // GraphQL requests being answered: while others are in flight or arriving, a compiled read may leave the event loop (src/db/prepared.ts).
  const requestLoad = { inFlight: 0, arrived: 0 };
  const yoga = createYoga<{ sqlStats: SqlStats; debugSql: boolean; delivery: DeliveryState; principal?: Principal }, Context>({
    // Built by the first createApp: the Worker's first request, not its start-up.
    schema: getSchema(),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: false,
    // CORS is Hono's (below), for every route; batching and multipart stay off.
    cors: false,
    batching: false,
    multipart: false,
    // Backstop to the Hono body limit (Content-Length; a JSON body arrives already read, src/http/guards.ts).
    maxRequestBodySize: config.limits.maxBodyBytes,
    // Masking from the config, never from NODE_ENV: `isDev: false` keeps original errors
    // (SQL, driver messages, stacks) out of responses; GraphQLErrors with a code pass through.
    maskedErrors: config.maskErrors ? { isDev: false, errorMessage: 'Unexpected error.', maskError } : false,
    // Per request: the credential is read from this request's headers, lazily (src/auth/), unless
    // the rate limiter has verified it already (same config.auth).
    context: ({ request, principal }) => ({
      db,
      ...pages,
      statements,
      auth: principal ? () => Promise.resolve(principal) : authenticator(request.headers, config.auth),
      publicBaseUrl: config.publicBaseUrl ?? new URL(request.url).origin,
      textLimits: config.text,
      countCap: config.countCap,
      requestLoad,
    }),
    plugins: [
      // A JSON body the UTF-8 guard already read is parsed from its text (src/http/guards.ts).
      checkedBodyPlugin(),
      // Persisted operations first: they supply the text the limits then check.
      ...persistedOperationsPlugins(delivery.persistedOperations, deps.persistedQueries ?? memoryPersistedQueryStore(), config.limits.maxDocumentBytes),
      operationLimitsPlugin(config.limits, pages, config.fieldSuggestions),
      // Before the response cache, which then wraps its execute function (compiled answers are cached too).
      compiledReadPlugin(config.compiledReads, delivery.responseCacheTtl > 0),
      // Before the SQL debug plugin: a stored answer must not carry one request's statement count.
      ...responseCachePlugins(responseCache, delivery.responseCacheTtl, config.rateLimit.credentialHeaders, config.publicBaseUrl ?? undefined),
      sqlDebugPlugin(config.debugSql),
    ],
  });

  const app = new Hono();
  app.onError((err, c) => {
    console.error(err);
    return errorResponse(c.req.raw, 500, 'INTERNAL_SERVER_ERROR', 'Unexpected error.');
  });
  app.use('*', corsMiddleware(config.cors, ['content-type', 'accept', ...config.rateLimit.credentialHeaders, DEBUG_HEADER, ...PREFLIGHT_HEADERS]));
  // Every route that reads the database counts against its client's limit (not /health, not
  // the static GraphiQL assets, not the explorer's page and assets).
  const limiter = rateLimitMiddleware(config.rateLimit, { anonymous: deps.rateLimiter, credential: deps.credentialRateLimiter, trusted: deps.trustedRateLimiter }, config.auth);
  const unlimited = (path: string) => path === '/health' || path.startsWith('/graphiql-assets/') || path === EXPLORER_BASE || path.startsWith(`${EXPLORER_BASE}/`);
  app.use('*', (c, next) => (unlimited(c.req.path) ? next() : limiter(c, next)));
  app.get('/health', (c) => c.json({ status: 'ok' }));
  if (deps.assets && config.graphiql) {
    const assets = deps.assets;
    app.get('/graphiql-assets/*', async (c) => (await assets(c.req.raw)) ?? c.notFound());
  }
  // The explorer (explorer/, built into public/explore/): /explore and every path under it.
  if (deps.assets) app.route('/', explorerRoutes(deps.assets));
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
  const cachingOptions = { ...delivery, credentialHeaders: config.rateLimit.credentialHeaders, debugHeader: DEBUG_HEADER };
  app.on(['GET', 'POST'], '/graphql', async (c) => {
    const request = c.req.raw;
    // GraphiQL off (GRAPHIQL=false): a browser's GET goes to yoga like any other GET.
    if (config.graphiql && request.method === 'GET' && (request.headers.get('accept') ?? '').includes('text/html') && !new URL(request.url).searchParams.has('query')) {
      return c.html(renderGraphiQLPage({ title: 'Newsgraph', endpoint: '/graphql', defaultQuery: DEFAULT_QUERY, headers: config.debugSql ? { [DEBUG_HEADER]: 'sql' } : {} }));
    }
    // Per request: its own statement counter and debug flag, passed to yoga as server context
    // (never stored on shared objects), so concurrent requests cannot see each other's.
    // `sql` measures the query itself (the response cache is skipped); `cache` measures delivery,
    // in a header only, so the body and its ETag stay those of everyone else (response-cache.ts).
    const debug = config.debugSql ? (request.headers.get(DEBUG_HEADER) ?? '').split(',').map((s) => s.trim()) : [];
    const debugSql = debug.includes('sql');
    // Statements are counted only when reported: the counter rides on AsyncLocalStorage, which
    // in Node costs every promise of the process a hook once it is in use.
    const counted = debugSql || debug.includes('cache');
    const sqlStats: SqlStats = { statements: 0 };
    const state = deliveryState(debugSql && !debug.includes('cache'));
    const serverContext = { sqlStats, debugSql, delivery: state, principal: verifiedPrincipal(c) };
    requestLoad.inFlight++;
    requestLoad.arrived++;
    let answer: Response;
    try {
      answer = await (counted ? runWithSqlStats(sqlStats, () => yoga.fetch(request, serverContext)) : yoga.fetch(request, serverContext));
    } finally {
      requestLoad.inFlight--;
    }
    const res = await withHttpCaching(request, answer, state, cachingOptions);
    // The count is a header too, for answers without a body (304).
    if (counted) res.headers.set('X-Newsgraph-SQL-Statements', String(sqlStats.statements));
    return res;
  });
  return app;
}
