import type { AuthConfig } from './auth/credentials.ts';

/**
 * The app's configuration, read once from the environment (wrangler vars / secrets in the
 * Worker, process.env in Node). Every limit and switch lives here, typed.
 */

/** Settings of one app instance. */
export interface AppConfig {
  /** Allow `x-newsgraph-debug: sql` to add `extensions.sql.statements` to responses. */
  debugSql: boolean;
  /** Largest `first`/`last` a connection accepts. */
  maxPageSize: number;
  /** Page size when a connection is asked for neither `first` nor `last`. */
  defaultPageSize: number;
  /** Cap of `ArticleConnection.boundedCount` (`COUNT_CAP`, default 1000): exact up to it. */
  countCap: number;
  /**
   * Answer read operations the compiler covers with one SQL statement that writes the response
   * (`COMPILED_READS`, default on; src/graphql/compiled/). Off: every operation goes through the
   * GraphQL executor. Both give byte-identical answers (test/compiled/).
   */
  compiledReads: boolean;
  /** Mask unexpected errors (no SQL, stack traces or driver messages reach a client). */
  maskErrors: boolean;
  /** Operation limits, checked before execution (see docs/limits.md). */
  limits: OperationLimits;
  /** Limits on an article submitted as text for extraction (`ingestText`, `npm run extract`). */
  text: TextLimits;
  /** Keep graphql-js' "Did you mean ...?" hints in validation errors (off in production: they leak the schema around a typo). */
  fieldSuggestions: boolean;
  /** CORS: which origins may read responses. */
  cors: CorsConfig;
  /** Rate limiting per client key (credential, else IP). */
  rateLimit: RateLimitConfig;
  /** Credentials (`JWT_SECRET`, `JWT_PUBLIC_KEY`, `JWT_ISSUER`, `JWT_AUDIENCE`, `API_KEYS` for editors, `READ_API_KEYS` for trusted readers; see src/auth/credentials.ts). */
  auth: AuthConfig;
  /** Base of the entity URIs in exported ninjs / JSON-LD (`PUBLIC_BASE_URL`); null → the request's origin. */
  publicBaseUrl: string | null;
  /** Serve GraphiQL on `GET /graphql` from a browser (`GRAPHIQL`, default on; `GRAPHIQL=false` in production if you want no IDE). */
  graphiql: boolean;
  /** Persisted operations, HTTP caching and the response cache (docs/deploy.md, "Delivery"). */
  delivery: DeliveryConfig;
}

/**
 * Which operations a request may carry (`PERSISTED_OPERATIONS`):
 * - `apq`: any query text, Apollo automatic persisted queries, and trusted documents by `documentId`;
 * - `trusted-only`: trusted documents only (the manifest built from `.graphql` files); query text
 *   and APQ registration are refused with 403 `PERSISTED_QUERY_ONLY`. For production front ends.
 * - `off`: query text only, as before persisted operations existed.
 */
export type PersistedOperationsMode = 'apq' | 'trusted-only' | 'off';

/** Delivery of reads to front ends: persisted operations, HTTP caching, the response cache. */
export interface DeliveryConfig {
  /** `PERSISTED_OPERATIONS` (default `apq`). */
  persistedOperations: PersistedOperationsMode;
  /** `max-age` in seconds of a public GET answer (`CACHE_MAX_AGE`, default 60; 0 makes browsers and CDNs revalidate every time). */
  maxAge: number;
  /** `stale-while-revalidate` in seconds (`CACHE_STALE_WHILE_REVALIDATE`, default 300). */
  staleWhileRevalidate: number;
  /**
   * Lifetime in seconds of an entry in the server's response cache (`RESPONSE_CACHE_TTL`; 0, the
   * default of `loadConfig`, turns it off; both entries set 60). In the Worker it also bounds how
   * long another Cloudflare location may serve an answer older than a write (docs/deploy.md).
   */
  responseCacheTtl: number;
  /** Most entries of the in-memory response cache (Node; `RESPONSE_CACHE_ENTRIES`, default 1000). */
  responseCacheEntries: number;
}

/** Limits on one GraphQL request, all enforced before any resolver runs. */
export interface OperationLimits {
  /** Largest request body in bytes (`MAX_BODY_BYTES`); larger bodies get 413. */
  maxBodyBytes: number;
  /** Largest GraphQL document (the `query` text) in UTF-8 bytes (`MAX_DOCUMENT_BYTES`). */
  maxDocumentBytes: number;
  /** Most lexical tokens in a document (`MAX_TOKENS`), counted while parsing: parsing stops at the limit. */
  maxTokens: number;
  /** Deepest selection nesting in relation hops (`MAX_DEPTH`): fields counted per level, leaves and introspection included, Relay's `edges`/`node`/`pageInfo` not. */
  maxDepth: number;
  /** Largest estimated cost (`MAX_COST`): each field 1, a connection's sub-selection times its page size, a plain list's times 10. */
  maxCost: number;
  /** Most aliased fields in an operation (`MAX_ALIASES`); `__typename` aliases are free. */
  maxAliases: number;
  /** Most directives in an operation (`MAX_DIRECTIVES`). */
  maxDirectives: number;
}

/** Limits on an article submitted as text (src/extract/input.ts), checked before any extraction work. */
export interface TextLimits {
  /** Largest headline + body in UTF-8 bytes (`MAX_TEXT_BYTES`); larger texts are refused with `TEXT_TOO_LARGE`. */
  maxTextBytes: number;
}

/** Cross-origin resource sharing. Credentials (cookies) are never allowed: the API reads none. */
export interface CorsConfig {
  /** Allowed origins (`CORS_ORIGINS`, comma-separated), or `'*'` for any. */
  origins: '*' | string[];
  /** How long browsers may cache a preflight answer, seconds (`CORS_MAX_AGE`). */
  maxAge: number;
}

/** Rate limiting. A limit of 0 turns that limiter off. */
export interface RateLimitConfig {
  /** Window of the in-process limiter in seconds (`RATE_LIMIT_WINDOW_SECONDS`); also the Retry-After hint with the Cloudflare binding. */
  windowSeconds: number;
  /** Requests per window per client IP without a credential (`RATE_LIMIT_ANONYMOUS`). */
  anonymous: number;
  /** Requests per window per credential (`RATE_LIMIT_CREDENTIAL`). */
  credential: number;
  /** Requests per window per credential holding the read scope (`RATE_LIMIT_TRUSTED`): a server-side renderer's key (`READ_API_KEYS`). */
  trusted: number;
  /** Request headers carrying a credential (`CREDENTIAL_HEADERS`, comma-separated, lower case); the first present counts. */
  credentialHeaders: string[];
  /**
   * Header holding the client IP set by a proxy you control (`TRUSTED_IP_HEADER`): `cf-connecting-ip`
   * on Cloudflare, `x-forwarded-for` (rightmost entry) behind one reverse proxy, or empty to use the
   * socket's address. Never trust a header the client can set itself.
   */
  trustedIpHeader: '' | 'cf-connecting-ip' | 'x-forwarded-for' | 'x-real-ip';
}

type Env = Record<string, string | undefined>;

/** Editor credentials from the environment; malformed or weak values are refused at start-up. */
function authConfig(env: Env): AuthConfig {
  const secret = env.JWT_SECRET || null;
  if (secret !== null && new TextEncoder().encode(secret).length < 32) throw new Error('JWT_SECRET must be at least 32 bytes (HS256 needs a 256-bit secret)');
  const apiKeys = (env.API_KEYS ?? '').split(',').map((k) => k.trim()).filter(Boolean);
  for (const k of apiKeys) if (k.length < 16) throw new Error('API_KEYS entries must be at least 16 characters');
  const readApiKeys = (env.READ_API_KEYS ?? '').split(',').map((k) => k.trim()).filter(Boolean);
  for (const k of readApiKeys) if (k.length < 16) throw new Error('READ_API_KEYS entries must be at least 16 characters');
  const publicKey = env.JWT_PUBLIC_KEY?.trim() || null;
  if (publicKey !== null && !publicKey.startsWith('{') && !publicKey.includes('BEGIN PUBLIC KEY'))
    throw new Error('JWT_PUBLIC_KEY must be an SPKI PEM ("-----BEGIN PUBLIC KEY-----") or a JWK as JSON');
  return { jwtSecret: secret, jwtPublicKey: publicKey, jwtIssuer: env.JWT_ISSUER || null, jwtAudience: env.JWT_AUDIENCE || null, apiKeys, readApiKeys };
}

function baseUrl(value: string | undefined): string | null {
  if (!value?.trim()) return null;
  const v = value.trim().replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s?#]+$/i.test(v)) throw new Error(`PUBLIC_BASE_URL must be an http(s) URL without query or fragment, got "${value}"`);
  return v;
}

function bool(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new Error(`${name} expected a boolean (1/0, true/false, yes/no, on/off), got "${value}"`);
}

function int(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be an integer in ${min}..${max}, got "${value}"`);
  return n;
}

function oneOf<T extends string>(name: string, value: string | undefined, fallback: T, allowed: readonly T[]): T {
  if (value === undefined || value === '') return fallback;
  const v = value.trim().toLowerCase() as T;
  if (!allowed.includes(v)) throw new Error(`${name} must be one of ${allowed.map((a) => a || '""').join(', ')}, got "${value}"`);
  return v;
}

function origins(value: string | undefined, fallback: '*' | string[]): '*' | string[] {
  if (value === undefined || value.trim() === '') return fallback;
  if (value.trim() === '*') return '*';
  return value.split(',').map((o) => {
    const origin = o.trim().replace(/\/+$/, '');
    if (!/^https?:\/\/[^/\s]+$/i.test(origin)) throw new Error(`CORS_ORIGINS entries must be origins like https://example.org, got "${o.trim()}"`);
    return origin.toLowerCase();
  });
}

/** The defaults, justified in docs/limits.md. */
export const DEFAULT_LIMITS: OperationLimits = {
  maxBodyBytes: 128 * 1024,
  maxDocumentBytes: 32 * 1024,
  maxTokens: 1000,
  maxDepth: 15,
  maxCost: 50_000,
  maxAliases: 15,
  maxDirectives: 50,
};

/**
 * 96 KiB of text: a long wire article is 5 to 30 KiB; a GraphQL request (at most `MAX_BODY_BYTES`,
 * 128 KiB) holds the query and a text of this size; extraction time grows with the text.
 */
export const DEFAULT_TEXT_LIMITS: TextLimits = { maxTextBytes: 96 * 1024 };

/**
 * Read the configuration. `defaults` are the entry's own (the Node entry turns debugging on;
 * the Worker leaves it off and trusts `cf-connecting-ip`).
 * @throws Error naming the variable when a value is malformed
 */
export function loadConfig(env: Env, defaults: Partial<AppConfig> = {}): AppConfig {
  const maxPageSize = int('MAX_PAGE_SIZE', env.MAX_PAGE_SIZE, defaults.maxPageSize ?? 100, 1, 1000);
  const l = { ...DEFAULT_LIMITS, ...defaults.limits };
  const rl = defaults.rateLimit;
  return {
    debugSql: bool('DEBUG_SQL', env.DEBUG_SQL, defaults.debugSql ?? false),
    maxPageSize,
    defaultPageSize: Math.min(int('DEFAULT_PAGE_SIZE', env.DEFAULT_PAGE_SIZE, defaults.defaultPageSize ?? 20, 1, 1000), maxPageSize),
    countCap: int('COUNT_CAP', env.COUNT_CAP, defaults.countCap ?? 1000, 1, 1_000_000),
    compiledReads: bool('COMPILED_READS', env.COMPILED_READS, defaults.compiledReads ?? true),
    maskErrors: bool('MASK_ERRORS', env.MASK_ERRORS, defaults.maskErrors ?? true),
    limits: {
      maxBodyBytes: int('MAX_BODY_BYTES', env.MAX_BODY_BYTES, l.maxBodyBytes, 1024, 64 * 1024 * 1024),
      maxDocumentBytes: int('MAX_DOCUMENT_BYTES', env.MAX_DOCUMENT_BYTES, l.maxDocumentBytes, 256, 16 * 1024 * 1024),
      maxTokens: int('MAX_TOKENS', env.MAX_TOKENS, l.maxTokens, 10, 1_000_000),
      maxDepth: int('MAX_DEPTH', env.MAX_DEPTH, l.maxDepth, 2, 1000),
      maxCost: int('MAX_COST', env.MAX_COST, l.maxCost, 1, 1_000_000_000),
      maxAliases: int('MAX_ALIASES', env.MAX_ALIASES, l.maxAliases, 0, 100_000),
      maxDirectives: int('MAX_DIRECTIVES', env.MAX_DIRECTIVES, l.maxDirectives, 0, 100_000),
    },
    text: {
      maxTextBytes: int('MAX_TEXT_BYTES', env.MAX_TEXT_BYTES, defaults.text?.maxTextBytes ?? DEFAULT_TEXT_LIMITS.maxTextBytes, 1024, 16 * 1024 * 1024),
    },
    fieldSuggestions: bool('FIELD_SUGGESTIONS', env.FIELD_SUGGESTIONS, defaults.fieldSuggestions ?? false),
    cors: {
      origins: origins(env.CORS_ORIGINS, defaults.cors?.origins ?? '*'),
      maxAge: int('CORS_MAX_AGE', env.CORS_MAX_AGE, defaults.cors?.maxAge ?? 7200, 0, 86_400),
    },
    rateLimit: {
      windowSeconds: int('RATE_LIMIT_WINDOW_SECONDS', env.RATE_LIMIT_WINDOW_SECONDS, rl?.windowSeconds ?? 60, 1, 86_400),
      anonymous: int('RATE_LIMIT_ANONYMOUS', env.RATE_LIMIT_ANONYMOUS, rl?.anonymous ?? 600, 0, 10_000_000),
      credential: int('RATE_LIMIT_CREDENTIAL', env.RATE_LIMIT_CREDENTIAL, rl?.credential ?? 300, 0, 10_000_000),
      trusted: int('RATE_LIMIT_TRUSTED', env.RATE_LIMIT_TRUSTED, rl?.trusted ?? 6000, 0, 10_000_000),
      credentialHeaders: env.CREDENTIAL_HEADERS?.trim()
        ? env.CREDENTIAL_HEADERS.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean)
        : (rl?.credentialHeaders ?? ['authorization', 'x-api-key']),
      trustedIpHeader: oneOf('TRUSTED_IP_HEADER', env.TRUSTED_IP_HEADER, rl?.trustedIpHeader ?? '', ['', 'cf-connecting-ip', 'x-forwarded-for', 'x-real-ip'] as const),
    },
    auth: authConfig(env),
    publicBaseUrl: baseUrl(env.PUBLIC_BASE_URL) ?? defaults.publicBaseUrl ?? null,
    graphiql: bool('GRAPHIQL', env.GRAPHIQL, defaults.graphiql ?? true),
    delivery: {
      persistedOperations: oneOf('PERSISTED_OPERATIONS', env.PERSISTED_OPERATIONS, defaults.delivery?.persistedOperations ?? 'apq', ['apq', 'trusted-only', 'off'] as const),
      maxAge: int('CACHE_MAX_AGE', env.CACHE_MAX_AGE, defaults.delivery?.maxAge ?? 60, 0, 31_536_000),
      staleWhileRevalidate: int('CACHE_STALE_WHILE_REVALIDATE', env.CACHE_STALE_WHILE_REVALIDATE, defaults.delivery?.staleWhileRevalidate ?? 300, 0, 31_536_000),
      responseCacheTtl: int('RESPONSE_CACHE_TTL', env.RESPONSE_CACHE_TTL, defaults.delivery?.responseCacheTtl ?? 0, 0, 86_400),
      responseCacheEntries: int('RESPONSE_CACHE_ENTRIES', env.RESPONSE_CACHE_ENTRIES, defaults.delivery?.responseCacheEntries ?? 1000, 1, 1_000_000),
    },
  };
}
