/**
 * The Cloudflare Worker entry: Newsgraph over libSQL reached by HTTP (the Hrana protocol through
 * `@libsql/client/web`): Turso in production, the local dev server (tools/dev/hrana-server.ts) in
 * `npm run dev` and in the Worker tests.
 *
 * Needs Node.js compatibility (src/db/client.ts counts SQL statements per request with
 * `node:async_hooks` AsyncLocalStorage): wrangler.toml's compatibility date turns it on.
 *
 * The libSQL client, the Drizzle database and the Hono app are built once per isolate, lazily on
 * the first request, and reused while the configuration stays the same. Nothing is built at module
 * start-up, not even the GraphQL schema (`getSchema()`, called by createApp): start-up evaluates
 * the modules and registers the types; the first request pays for the build (about 30 ms CPU,
 * bench/README.md). Only plain JS state is shared between requests: the HTTP client opens each Hrana
 * stream inside the request that uses it, so no I/O object crosses request contexts.
 */
import { createClient, type Client, type IntMode } from '@libsql/client/web';
import type { Hono } from 'hono';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { createDatabase } from './db/client.ts';
import type { RateLimiterBinding } from './http/rate-limit.ts';
import { kvPersistedQueryStore } from './graphql/delivery/persisted-operations.ts';
import { cacheApiResponseCache, type CacheApiLike, type ResponseCacheStore } from './graphql/delivery/response-cache.ts';

/** The Worker's bindings: wrangler.toml `[vars]`, secrets and the static-assets binding. */
export interface Env {
  /** libSQL URL: `libsql://<db>-<org>.turso.io` (secret) or `http://127.0.0.1:<port>` in development. */
  LIBSQL_URL: string;
  /** Turso database token (secret); unset for the local dev server. */
  LIBSQL_AUTH_TOKEN?: string;
  /** Largest `first`/`last` a connection accepts (integer 1..1000, default 100). */
  MAX_PAGE_SIZE?: string;
  /** Page size when neither `first` nor `last` is given (integer 1..1000, default 20). */
  DEFAULT_PAGE_SIZE?: string;
  /** "true" allows `x-newsgraph-debug: sql` (adds `extensions.sql.statements`). Off by default. */
  DEBUG_SQL?: string;
  /** "false" shows unexpected error messages to clients. On by default. */
  MASK_ERRORS?: string;
  /** Workers static assets (`public/`): the GraphiQL scripts and styles under /graphiql-assets/, the explorer under /explore/. */
  ASSETS: Fetcher;
  /** Workers Rate Limiting binding for anonymous clients (keyed by IP); absent: in-isolate token buckets. */
  RATE_LIMITER?: RateLimiterBinding;
  /** Workers Rate Limiting binding for requests carrying a credential (defaults to RATE_LIMITER). */
  CREDENTIAL_RATE_LIMITER?: RateLimiterBinding;
  /** Workers Rate Limiting binding for trusted readers' credentials (READ_API_KEYS, read-scoped JWTs); absent: in-isolate token buckets at RATE_LIMIT_TRUSTED. */
  TRUSTED_RATE_LIMITER?: RateLimiterBinding;
  /** Workers KV namespace holding APQ texts (wrangler.toml `[[kv_namespaces]]`); absent: in-isolate memory. */
  PERSISTED_QUERIES?: KVNamespace;
}

/**
 * Defaults the Worker sets for vars it does not get: on Cloudflare the client's address is the
 * `cf-connecting-ip` header, which the edge sets and a client cannot forge; the response cache
 * is on (60 s).
 */
const WORKER_VAR_DEFAULTS: Record<string, string> = { TRUSTED_IP_HEADER: 'cf-connecting-ip', RESPONSE_CACHE_TTL: '60' };

/**
 * The libSQL client the Worker uses for `env`.
 * @param intMode how integers are returned: `"number"` (the app's choice; throws RangeError for
 *   values beyond ±2^53 rather than rounding them), `"bigint"` or `"string"` (exact)
 * @throws Error when LIBSQL_URL is missing or not a libSQL URL the web client accepts (the message
 *   names the problem, never the URL)
 */
export function createWorkerClient(env: Pick<Env, 'LIBSQL_URL' | 'LIBSQL_AUTH_TOKEN'>, intMode: IntMode = 'number'): Client {
  if (!env.LIBSQL_URL) throw new Error('LIBSQL_URL is not set (wrangler secret put LIBSQL_URL, or --var LIBSQL_URL:... in dev)');
  try {
    return createClient({ url: env.LIBSQL_URL, authToken: env.LIBSQL_AUTH_TOKEN || undefined, intMode });
  } catch (err) {
    // The driver's message quotes the URL, which may carry `?authToken=`: keep only its code.
    throw new Error(`LIBSQL_URL is not a usable libSQL URL (${(err as { code?: string }).code ?? 'invalid'}); expected libsql://, https:// or http://`);
  }
}

interface Built {
  key: string;
  app: Hono;
  responseCache: ResponseCacheStore;
}

let built: Built | undefined;

/** The string-valued bindings (vars and secrets): what the configuration and the client are made of. */
function stringBindings(env: Env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) if (typeof value === 'string') out[name] = value;
  return out;
}

/** The app for `env`, built on first use and rebuilt only when a var or secret changes. */
function appFor(env: Env): Built {
  const vars = stringBindings(env);
  const key = JSON.stringify(Object.entries(vars).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  if (built?.key === key) return built;
  // Parse the configuration first: a malformed var fails here, before any client exists.
  const config = loadConfig({ ...WORKER_VAR_DEFAULTS, ...vars }, { debugSql: false, maskErrors: true });
  // Cached answers live in this location's Cache API, shared by its isolates (docs/deploy.md).
  const responseCache = cacheApiResponseCache((caches as unknown as { default: CacheApiLike }).default);
  const app = createApp({
    db: createDatabase(createWorkerClient(env)),
    config,
    assets: (request) => env.ASSETS.fetch(request),
    rateLimiter: env.RATE_LIMITER,
    credentialRateLimiter: env.CREDENTIAL_RATE_LIMITER,
    trustedRateLimiter: env.TRUSTED_RATE_LIMITER,
    persistedQueries: env.PERSISTED_QUERIES ? kvPersistedQueryStore(env.PERSISTED_QUERIES) : undefined,
    responseCache,
  });
  // A replaced client is not closed: requests still running on it finish, then it is garbage.
  // (Over HTTP it holds no connection; env only changes within an isolate in tests and dev.)
  built = { key, app, responseCache };
  return built;
}

export default {
  /** Every request goes through the shared Hono app (see src/app.ts for the routes). */
  async fetch(request, env, ctx) {
    let app: Built;
    try {
      app = appFor(env);
    } catch (err) {
      // A deployment mistake (missing secret, malformed var): say which, never anything secret.
      console.error('newsgraph: configuration error:', (err as Error).message);
      return Response.json({ errors: [{ message: `Server misconfigured: ${(err as Error).message}` }] }, { status: 500 });
    }
    const response = await app.app.fetch(request, env, ctx);
    // Response cache entries are written after the answer is sent.
    ctx.waitUntil(app.responseCache.settle());
    return response;
  },
} satisfies ExportedHandler<Env>;
