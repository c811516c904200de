/**
 * The response cache: answers to queries kept by @graphql-yoga/plugin-response-cache
 * (@envelop/response-cache) in a store for each runtime, and dropped when a write succeeds.
 *
 * - Key: SHA-256 of the document text, operation name, variables (keys sorted), the session (the
 *   SHA-256 of the request's credential, so answers to different credentials are never shared),
 *   the public base URL (exported URIs follow the request's origin when PUBLIC_BASE_URL is unset)
 *   and the store's current *generation*.
 * - Tags: envelop tags each entry with the entities in it (`Typename:id`, and their typenames).
 * - Invalidation: a successful write purges the entries tagged with the types it may change
 *   (`WRITE_INVALIDATES`, where the store can find them by tag: the in-memory LRU) and starts a
 *   new generation (`advance`), so no earlier entry is reachable. A write changes more than the rows it returns:
 *   new rows enter lists, counts and facets, and search ranks (bm25 reads corpus statistics)
 *   shift, none of which an entity tag names. The Cache API cannot be searched by tag, so in the
 *   Worker the generation is the whole mechanism (docs/deploy.md, "Delivery").
 * - Race: the generation is read before execution and folded into the key, so an answer computed
 *   from rows read before a write is stored under the old generation, where no one looks.
 *
 * Not cached: mutations, answers with errors, introspection (`Query.__schema`, `Query.__type`),
 * and requests that ask for SQL statistics (`x-newsgraph-debug: sql`: they measure the query).
 * `x-newsgraph-debug: cache` measures delivery instead: through the cache, with the count in the
 * `X-Newsgraph-SQL-Statements` header only, so the body (and its ETag) is the one everyone gets;
 * `sql, cache` puts it in the body too.
 */
import { getOperationAST, Kind, type DocumentNode, type ExecutionResult, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { createInMemoryCache, useResponseCache, type Cache } from '@graphql-yoga/plugin-response-cache';
import { credentialHeader } from '../../auth/credentials.ts';
import type { SqlStats } from '../../db/client.ts';
import { sha256Digest } from '../../domain/digest.ts';
import { NODE_KINDS } from '../../domain/vocabulary.ts';

/** A response cache store: envelop's `Cache` (get / set / invalidate) with a generation. */
export interface ResponseCacheStore extends Cache {
  /** The current generation (an opaque string), read once per request before execution. */
  generation(): Promise<string> | string;
  /** Start a new generation: every earlier entry becomes unreachable. */
  advance(): Promise<void> | void;
  /** Resolves when every write the store has started is done (the Worker passes it to `waitUntil`). */
  settle(): Promise<void>;
}

/** Per-request delivery facts, passed to yoga as server context and read by src/http/caching.ts. */
export interface DeliveryState {
  /** The request asked for SQL statistics of the query itself: skip the response cache. */
  bypassResponseCache: boolean;
  /** The operation reads the schema (`__schema` / `__type`): never cached. */
  introspection: boolean;
  /** The answer came from the response cache. */
  hit: boolean;
  /** The answer carries `errors` (true until the answer is known: an answer never seen is not cached). */
  errors: boolean;
  /** Set with the cache key: the response cache may serve and store this request (a query, not bypassed). */
  cacheable: boolean;
}

/** A fresh state for one request. */
export function deliveryState(bypassResponseCache = false): DeliveryState {
  return { bypassResponseCache, introspection: false, hit: false, errors: true, cacheable: false };
}

/** The node types every write may change (all of them: see the module comment). */
export const WRITE_INVALIDATES: readonly { typename: string }[] = Object.values(NODE_KINDS).map((k) => ({ typename: k.typename }));

/** Node: envelop's in-memory LRU (`max` entries) with its entity-tag index, and a counter as generation. */
export function memoryResponseCache(max: number): ResponseCacheStore {
  const entries = createInMemoryCache({ max });
  let generation = 0;
  return {
    get: (key) => entries.get(key),
    set: (key, result, entities, ttl) => entries.set(key, result, entities, ttl),
    invalidate: (entities) => entries.invalidate(entities),
    generation: () => String(generation),
    advance() {
      generation += 1;
    },
    settle: async () => {},
  };
}

/** The part of the Workers Cache API (`caches.default`) the store uses. */
export interface CacheApiLike {
  match(key: string): Promise<Response | undefined>;
  put(key: string, response: Response): Promise<void>;
}

/** How long the generation entry is kept, seconds; when evicted, a new generation starts. */
const GENERATION_MAX_AGE = 30 * 24 * 3600;
const KEY = /^[0-9a-f]{64}$/;

/**
 * Worker: entries in the Cache API (one cache per Cloudflare location, shared by the isolates
 * there), under `<base>/response/<key>` with `Cache-Control: max-age=<ttl>`; the generation is
 * the entry `<base>/generation`, a random UUID that a write replaces. An entry missing (never
 * written, or evicted) starts a new generation rather than reviving an old one.
 * @param base an https URL of no real host: Cache API keys, never fetched
 */
export function cacheApiResponseCache(cache: CacheApiLike, base = 'https://response-cache.newsgraph.internal'): ResponseCacheStore {
  const generationUrl = `${base}/generation`;
  const pending = new Set<Promise<unknown>>();
  const track = (p: Promise<unknown>) => {
    const done = p.catch((err) => console.error('response cache: put failed', err)).finally(() => pending.delete(done));
    pending.add(done);
    return done;
  };
  const newGeneration = async () => {
    const value = crypto.randomUUID();
    await cache.put(generationUrl, new Response(value, { headers: { 'cache-control': `max-age=${GENERATION_MAX_AGE}` } }));
    return value;
  };
  return {
    async get(key) {
      if (!KEY.test(key)) return null; // yoga also looks up If-None-Match values here
      const hit = await cache.match(`${base}/response/${key}`);
      return hit ? ((await hit.json()) as ExecutionResult<Record<string, unknown>>) : null;
    },
    set(key, result, _entities, ttl) {
      const headers = { 'content-type': 'application/json', 'cache-control': `max-age=${Math.max(1, Math.floor(ttl / 1000))}` };
      // A compiled answer carries its own serialiser (its data is SQLite's JSON text, src/graphql/compiled/).
      const { stringify } = result as { stringify?: (r: typeof result) => string };
      void track(cache.put(`${base}/response/${key}`, new Response(stringify ? stringify(result) : JSON.stringify(result), { headers })));
    },
    // The Cache API cannot be searched by tag: a write's `advance` does the invalidating.
    invalidate: () => {},
    async advance() {
      await newGeneration();
    },
    async generation() {
      const hit = await cache.match(generationUrl);
      return hit ? hit.text() : newGeneration();
    },
    settle: async () => {
      await Promise.all([...pending]);
    },
  };
}

/**
 * JSON with object keys sorted, so `{a, b}` and `{b, a}` give one key; null for values nested
 * too deep to serialise (hostile variables, refused later by coercion: such a request is not cached).
 */
function canonicalJson(value: unknown): string | null {
  try {
    return JSON.stringify(value ?? {}, (_k, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
    );
  } catch (err) {
    if (err instanceof RangeError) return null;
    throw err;
  }
}

/** The session of a request: SHA-256 of its first credential header (name and value), or null. */
function credentialSession(request: Request, credentialHeaders: readonly string[]): string | null {
  const credential = credentialHeader(request.headers, credentialHeaders);
  return credential ? sha256Digest(`${credential.name}:${credential.value}`) : null;
}

/** The key of every request the cache neither serves nor stores (`enabled` is false for them). */
const UNCACHED_KEY = 'uncached';

/**
 * May the response cache serve and store this document? Not when it may hold a mutation or a
 * subscription: the keyword must appear in such a document's text, so a test of the text (no
 * parse) is enough; a query that merely contains the word is only left uncached.
 */
function mayBeQueryOnly(documentString: string): boolean {
  return !/\b(mutation|subscription)\b/.test(documentString);
}

const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

function readsSchema(operation: OperationDefinitionNode | null | undefined): boolean {
  return !!operation?.selectionSet.selections.some((s) => s.kind === Kind.FIELD && INTROSPECTION_FIELDS.has(s.name.value));
}

/**
 * The response keys of the mutation's root fields that may write (not a dry run), root fields
 * inside inline fragments and fragment spreads included; directives are ignored (one more field
 * counted only empties the cache once more).
 */
function writingFields(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): string[] {
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const seen = new Set<string>();
  const collect = (set: SelectionSetNode): string[] =>
    set.selections.flatMap((s) => {
      if (s.kind === Kind.INLINE_FRAGMENT) return collect(s.selectionSet);
      if (s.kind === Kind.FRAGMENT_SPREAD) {
        const f = fragments.get(s.name.value);
        if (!f || seen.has(f.name.value)) return [];
        seen.add(f.name.value);
        return collect(f.selectionSet);
      }
      const dryRun = s.arguments?.find((a) => a.name.value === 'dryRun')?.value;
      const isDryRun =
        dryRun?.kind === Kind.BOOLEAN ? dryRun.value : dryRun?.kind === Kind.VARIABLE ? variables?.[dryRun.name.value] === true : false;
      return isDryRun ? [] : [s.alias?.value ?? s.name.value];
    });
  return collect(operation.selectionSet);
}

/**
 * Did one of `keys` write? A root field wrote unless an error sits at its own path (the resolver
 * refused or failed): every Mutation field is non-null, so one failing field nulls the whole
 * `data` while the others have committed; an error deeper in a field's answer means it resolved.
 */
function someWrote(keys: string[], result: ExecutionResult): boolean {
  const data = result.data as Record<string, unknown> | null | undefined;
  if (data === undefined) return false; // refused before execution (variables): nothing ran
  const failed = new Set((result.errors ?? []).filter((e) => e.path?.length === 1).map((e) => e.path![0]));
  return keys.some((key) => !failed.has(key) && (data === null || (data[key] != null && data[key] !== false)));
}

interface DeliveryServerContext {
  delivery?: DeliveryState;
  sqlStats?: SqlStats;
  debugSql?: boolean;
}

/**
 * The response cache plugins: yoga's response cache over `store`, invalidation on write, and the
 * delivery facts (introspection, hit) for the HTTP layer. List them before the SQL debug plugin,
 * so a stored answer never carries one request's statement count.
 * @param ttlSeconds entry lifetime; 0 keeps only the invalidation and the facts
 * @param credentialHeaders request headers that carry a credential (lower case)
 * @param publicBaseUrl PUBLIC_BASE_URL; unset, exported URIs follow the request's origin, which then joins the key
 */
export function responseCachePlugins(store: ResponseCacheStore, ttlSeconds: number, credentialHeaders: readonly string[], publicBaseUrl?: string): Plugin[] {
  const facts: Plugin<DeliveryServerContext> = {
    onExecute({ args }) {
      const ctx = args.contextValue as DeliveryServerContext;
      const operation = getOperationAST(args.document as DocumentNode, args.operationName);
      if (ctx.delivery && readsSchema(operation)) ctx.delivery.introspection = true;
      if (operation?.operation !== 'mutation') return;
      return {
        // Awaited before the answer is sent: a read that follows the write sees the new generation.
        async onExecuteDone({ result }) {
          if (!('data' in result) && !('errors' in result)) return;
          if (!someWrote(writingFields(args.document as DocumentNode, operation, args.variableValues as Record<string, unknown>), result as ExecutionResult)) return;
          await store.invalidate(WRITE_INVALIDATES);
          await store.advance();
        },
      };
    },
    onResultProcess({ result, setResult, serverContext }) {
      const ctx = serverContext as DeliveryServerContext;
      if (Array.isArray(result)) return;
      // For hits and misses: src/http/caching.ts need not parse the body again to find errors.
      if (ctx.delivery) ctx.delivery.errors = !!(result as ExecutionResult).errors?.length;
      if (!(result as Record<symbol, unknown>)[Symbol.for('servedFromResponseCache')]) return;
      if (ctx.delivery) ctx.delivery.hit = true;
      // A hit skips execution, so the SQL debug plugin never saw it: report its zero here.
      if (ctx.debugSql && ctx.sqlStats) {
        const r = result as ExecutionResult;
        setResult({ ...r, extensions: { ...r.extensions, sql: { statements: ctx.sqlStats.statements, reusedSql: ctx.sqlStats.reusedSql ?? 0 } } });
      }
    },
  };
  if (ttlSeconds <= 0) return [facts];
  const cache = useResponseCache<DeliveryServerContext>({
    cache: store,
    ttl: ttlSeconds * 1000,
    session: (request) => credentialSession(request, credentialHeaders),
    // Decided with the key (yoga builds it first, in onParams); before that, off: yoga's own
    // If-None-Match lookup lists its keys, never our ETags (src/http/caching.ts).
    enabled: (_request, ctx) => !ctx.delivery?.bypassResponseCache && ctx.delivery?.cacheable !== false,
    // The writes' own invalidation (above) purges and advances: envelop's would rewrite every
    // mutation document and purge again.
    invalidateViaMutation: false,
    buildResponseCacheKey: async ({ documentString, operationName, variableValues, sessionId, request, context }) => {
      const delivery = (context as DeliveryServerContext | undefined)?.delivery;
      const cacheable = !delivery?.bypassResponseCache && (request?.method === 'GET' || request?.method === 'POST') && mayBeQueryOnly(documentString);
      if (delivery) delivery.cacheable = cacheable;
      // Not served from the cache: no generation read (in the Worker a Cache API lookup).
      if (!cacheable) return UNCACHED_KEY;
      // The base URL is in the key: without PUBLIC_BASE_URL, exported URIs follow the request's origin.
      return sha256Digest([documentString, operationName ?? '', canonicalJson(variableValues) ?? crypto.randomUUID(), sessionId ?? '', publicBaseUrl ?? (request ? new URL(request.url).origin : ''), await store.generation()].join('|'));
    },
    ttlPerSchemaCoordinate: { 'Query.__type': 0 },
    includeExtensionMetadata: false,
  });
  return [cache, facts];
}
