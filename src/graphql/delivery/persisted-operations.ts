/**
 * Persisted operations, the two forms front ends use, as yoga plugins:
 *
 * - Automatic persisted queries (Apollo's APQ protocol, @graphql-yoga/plugin-apq): a request
 *   carries `extensions.persistedQuery = { version: 1, sha256Hash }`. The hash alone runs the
 *   stored text, or fails with 404 `PERSISTED_QUERY_NOT_FOUND` (message `PersistedQueryNotFound`);
 *   hash and text together are checked (400 `PERSISTED_QUERY_MISMATCH`) and stored.
 * - Trusted documents (@graphql-yoga/plugin-persisted-operations): `documentId` (GraphQL over
 *   HTTP persisted documents: `sha256:<hex>`, or the bare hex) names a document of the manifest
 *   built from `.graphql` files (`npm run documents:build`), by GET or POST. An unknown id gets 404
 *   `PERSISTED_QUERY_NOT_FOUND`.
 *
 * `PERSISTED_OPERATIONS` picks the mode (src/config.ts): `apq` accepts query text, APQ and
 * trusted documents; `trusted-only` accepts trusted documents alone, and refuses query text and
 * APQ registration with 403 `PERSISTED_QUERY_ONLY`; `off` accepts query text alone.
 */
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { createInMemoryAPQStore, useAPQ } from '@graphql-yoga/plugin-apq';
import { utf8Length } from '../limits.ts';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { PersistedOperationsMode } from '../../config.ts';
import { PERSISTED_DOCUMENTS } from './persisted-documents.generated.ts';

/**
 * Where APQ texts live, keyed by their SHA-256 (lower-case hex): Workers KV in the Worker,
 * memory in Node. `get` resolves to null when the hash is unknown.
 */
export interface PersistedQueryStore {
  get(hash: string): Promise<string | null | undefined> | string | null | undefined;
  set(hash: string, query: string): Promise<unknown> | unknown;
}

/** The part of a Workers KV namespace binding the APQ store uses. */
export interface KvNamespaceLike {
  get(key: string): Promise<string | null>;
  put(key: string, value: string, options?: { expirationTtl?: number }): Promise<void>;
}

/** How long an APQ text stays in KV after its last registration, seconds (30 days). */
export const APQ_KV_TTL_SECONDS = 30 * 24 * 3600;

/** An in-memory APQ store (Node): yoga's LRU, `max` texts. */
export function memoryPersistedQueryStore(max = 1000): PersistedQueryStore {
  return createInMemoryAPQStore({ max, ttl: 0 });
}

/** An APQ store over a Workers KV namespace; keys are `apq:<sha256 hex>`, kept `APQ_KV_TTL_SECONDS`. */
export function kvPersistedQueryStore(kv: KvNamespaceLike): PersistedQueryStore {
  return {
    get: (hash) => kv.get(`apq:${hash}`),
    set: (hash, query) => kv.put(`apq:${hash}`, query, { expirationTtl: APQ_KV_TTL_SECONDS }),
  };
}

const HEX_SHA256 = /^[0-9a-f]{64}$/;

/**
 * The text of a trusted document, by `documentId` (`sha256:<hex>` or bare hex, any case), or
 * null when the manifest has none.
 */
export function trustedDocument(documentId: string): string | null {
  const hex = documentId.trim().toLowerCase().replace(/^sha256:/, '');
  if (!HEX_SHA256.test(hex)) return null;
  return PERSISTED_DOCUMENTS[hex]?.document ?? null;
}

/** The `documentId` of a request: the POST body's member, or the GET query string's parameter. */
function documentIdOf(params: object, request: Request): string | null {
  const fromBody = (params as { documentId?: unknown }).documentId;
  if (typeof fromBody === 'string') return fromBody;
  if (request.method !== 'GET') return null;
  return new URL(request.url).searchParams.get('documentId');
}

/** The APQ hash of a request (`extensions.persistedQuery.sha256Hash`, version 1), if any. */
function apqHashOf(params: { extensions?: Record<string, unknown> }): string | null {
  const pq = params.extensions?.persistedQuery as { version?: unknown; sha256Hash?: unknown } | undefined;
  return pq && pq.version === 1 && typeof pq.sha256Hash === 'string' ? pq.sha256Hash : null;
}

const notFound = {
  message: 'PersistedQueryNotFound',
  extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 404 } },
};
const onlyPersisted = {
  message: 'Only persisted operations are accepted here: send a documentId from the trusted documents manifest.',
  extensions: { code: 'PERSISTED_QUERY_ONLY', http: { status: 403 } },
};

/**
 * The plugins for `mode`, to run before the operation limits see the text (the text a hash
 * names was checked for size when it was registered, and whole when built).
 * @param store where APQ texts are kept (unused in `trusted-only` and `off`)
 * @param maxDocumentBytes MAX_DOCUMENT_BYTES: a longer text is not stored (the limits then refuse it)
 */
export function persistedOperationsPlugins(mode: PersistedOperationsMode, store: PersistedQueryStore, maxDocumentBytes = Infinity): Plugin[] {
  if (mode === 'off') return [];
  // Trusted documents are registered for APQ too: a client that sends a manifest document's hash
  // alone is answered without a registration round trip.
  const apqStore: PersistedQueryStore = {
    get: (hash) => trustedDocument(hash) ?? store.get(hash),
    // Registration runs before the limits: store no text they would refuse for its size.
    set: (hash, query) => (trustedDocument(hash) || utf8Length(query) > maxDocumentBytes ? undefined : store.set(hash, query)),
  };
  const trusted = usePersistedOperations({
    allowArbitraryOperations: mode !== 'trusted-only',
    extractPersistedOperationId: (params, request) => documentIdOf(params, request) ?? apqHashOf(params),
    getPersistedOperation: (id) => trustedDocument(id),
    customErrors: { notFound, keyNotFound: onlyPersisted, persistedQueryOnly: onlyPersisted },
  }) as Plugin;
  if (mode === 'trusted-only') return [trusted];
  // In `apq` mode the trusted-documents plugin only sees requests that name a documentId, so a
  // request with neither query nor id keeps yoga's own answer ("Must provide query string.").
  const byDocumentId: Plugin = {
    ...trusted,
    onParams(payload) {
      const params = payload.params as object;
      if (documentIdOf(params, payload.request) === null) return;
      if ((params as { query?: unknown }).query != null) throw createGraphQLError('Send either a query or a documentId, not both.', { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
      return trusted.onParams!(payload);
    },
  };
  return [useAPQ({ store: apqStore }) as Plugin, byDocumentId];
}
