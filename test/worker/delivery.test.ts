/**
 * Delivery in workerd: the Worker (src/worker.ts, wrangler.toml) with APQ texts in Workers KV
 * (the PERSISTED_QUERIES binding, simulated) and answers in the Cache API (caches.default,
 * simulated): APQ register + hit, trusted-only refusals, 304 and cache hits with 0 SQL
 * statements, a read after a write is fresh, credentials never share an answer.
 *
 * Requests go through `worker.fetch` with an execution context the test waits on, so the cache
 * writes the Worker hands to `waitUntil` are done before the next request.
 */
/// <reference types="@cloudflare/vitest-pool-workers/types" />
/// <reference types="vite/client" />
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import worker, { type Env } from '../../src/worker.ts';
import personPage from '../../documents/person-page.graphql?raw';

const API_KEY = 'worker-delivery-key-0001';
const OTHER_KEY = 'worker-delivery-key-0002';
/** The Worker's bindings with two API keys (writes need one). */
const workerEnv = { ...(env as unknown as Env), API_KEYS: `${API_KEY},${OTHER_KEY}` } as Env;

interface Answer {
  status: number;
  headers: Headers;
  body: any;
  statements: number;
}

/** One request through the Worker; waits for what it left to `waitUntil` (the cache writes). */
async function call(request: Request, e: Env = workerEnv): Promise<Answer> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(request as Parameters<typeof worker.fetch>[0], e, ctx);
  const text = await res.text();
  await waitOnExecutionContext(ctx);
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null, statements: Number(res.headers.get('x-newsgraph-sql-statements')) };
}

const DEBUG = { 'x-newsgraph-debug': 'cache' };
const post = (body: object, headers: Record<string, string> = {}, e?: Env) =>
  call(new Request('http://newsgraph.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...DEBUG, ...headers }, body: JSON.stringify(body) }), e);
const get = (params: Record<string, unknown>, headers: Record<string, string> = {}, e?: Env) => {
  const search = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
  return call(new Request(`http://newsgraph.test/graphql?${search}`, { headers: { ...DEBUG, ...headers } }), e);
};

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
const apq = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

describe('persisted operations in workerd', () => {
  it('APQ: unknown hash → PersistedQueryNotFound; register; hit; the text is in Workers KV', async () => {
    const text = '{ person(slug: "ali-larijani") { name } } # worker apq';
    const hash = await sha256(text);
    const unknown = await get({ extensions: apq(hash) });
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors[0]).toMatchObject({ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } });
    expect((await post({ query: text, extensions: apq(hash) })).body.data.person.name).toBe('Ali Larijani');
    expect(await workerEnv.PERSISTED_QUERIES!.get(`apq:${hash}`)).toBe(text);
    const hit = await get({ extensions: apq(hash) });
    expect(hit.status).toBe(200);
    expect(hit.body.data.person.name).toBe('Ali Larijani');
  });

  it('a trusted document runs by documentId; trusted-only refuses query text with 403 and APQ registration', async () => {
    const id = await sha256(personPage);
    const trustedOnly = { ...workerEnv, PERSISTED_OPERATIONS: 'trusted-only' } as Env;
    const byId = await get({ documentId: `sha256:${id}`, variables: { slug: 'ali-larijani' } }, {}, trustedOnly);
    expect(byId.status).toBe(200);
    expect(byId.body.data.person.name).toBe('Ali Larijani');
    const raw = await post({ query: '{ person(slug: "ali-larijani") { name } }' }, {}, trustedOnly);
    expect(raw.status).toBe(403);
    expect(raw.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_ONLY');
    expect(raw.statements).toBe(0);
    const text = '{ place(slug: "tehran") { name } } # refused registration';
    const register = await post({ query: text, extensions: apq(await sha256(text)) }, {}, trustedOnly);
    expect(register.status).toBe(403);
    expect(await workerEnv.PERSISTED_QUERIES!.get(`apq:${await sha256(text)}`)).toBeNull();
  });
});

describe('HTTP caching and the Cache API response cache in workerd', () => {
  it('GET → public with a strong ETag; If-None-Match → 304 with 0 SQL statements', async () => {
    const query = '{ place(slug: "islamabad") { name country { name } } }';
    const first = await get({ query });
    expect(first.status).toBe(200);
    // With the debug header (get() sends it) never public: CDNs ignore Vary on arbitrary headers.
    expect(first.headers.get('cache-control')).toBe('private, no-store');
    const plain = await get({ query }, { 'x-newsgraph-debug': '' });
    expect(plain.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=300');
    expect(plain.headers.get('etag')).toBe(first.headers.get('etag'));
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    const revalidated = await get({ query }, { 'if-none-match': etag });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body).toBeNull();
    expect(revalidated.statements).toBe(0);
  });

  it('a cache hit costs 0 SQL statements, and is the same answer', async () => {
    const query = '{ person(slug: "muhammad-mudassir-tipu") { name quotes { text } } }';
    const miss = await post({ query });
    expect(miss.statements).toBe(1);
    const hit = await post({ query });
    expect(hit.statements).toBe(0);
    expect(hit.body).toEqual(miss.body);
  });

  it('answers are never shared across credentials, which are private, no-store', async () => {
    const query = '{ person(slug: "mohammad-baqer-qalibaf") { name } }';
    const a = await post({ query }, { authorization: `Bearer ${API_KEY}` });
    expect(a.statements).toBe(1);
    expect((await post({ query }, { authorization: `Bearer ${OTHER_KEY}` })).statements).toBe(1);
    expect((await post({ query })).statements).toBe(1);
    expect((await post({ query }, { authorization: `Bearer ${API_KEY}` })).statements).toBe(0);
    const credentialed = await get({ query }, { authorization: `Bearer ${API_KEY}` });
    expect(credentialed.headers.get('cache-control')).toBe('private, no-store');
    expect(credentialed.headers.get('etag')).toBeNull();
  });

  it('read, write, read again → new data, also for another app in the same location', async () => {
    const bundle = {
      ninjs: {
        uri: 'urn:newsgraph:test:worker-delivery',
        type: 'text',
        language: 'en',
        headlines: [{ role: 'main', value: 'Edge caches follow writes' }],
        bodies: [{ role: 'main', contentType: 'text/plain', value: 'ISLAMABAD – Edge Tester, a spokesperson for Pakistan, said stale pages were “not an option”.' }],
      },
      annotations: {
        people: [{ key: 'e', name: 'Edge Tester', rel: 'about' }],
        quotes: [{ text: 'not an option', speaker: 'e' }],
      },
    };
    const TOTAL = '{ articles { totalCount } }';
    const ARTICLE = '{ article(uri: "urn:newsgraph:test:worker-delivery") { headline } }';
    // The default bindings (no API keys): another app instance, sharing the location's Cache API.
    const other = env as unknown as Env;
    const before = await post({ query: TOTAL }, {}, other);
    expect((await post({ query: TOTAL }, {}, other)).statements).toBe(0);
    expect((await post({ query: ARTICLE })).body.data.article).toBeNull();
    expect((await post({ query: ARTICLE })).statements).toBe(0);

    const write = await post({ query: 'mutation($b: JSON!) { ingestArticle(bundle: $b) { created } }', variables: { b: bundle } }, { authorization: `Bearer ${API_KEY}` });
    expect(write.body.data.ingestArticle.created).toBe(true);

    expect((await post({ query: ARTICLE })).body.data.article.headline).toBe('Edge caches follow writes');
    const after = await post({ query: TOTAL }, {}, other);
    expect(after.statements).toBe(1);
    expect(after.body.data.articles.totalCount).toBe(before.body.data.articles.totalCount + 1);

    const id = (await post({ query: '{ article(uri: "urn:newsgraph:test:worker-delivery") { id } }' })).body.data.article.id;
    await post({ query: 'mutation($id: ID!) { deleteArticle(id: $id) }', variables: { id } }, { authorization: `Bearer ${API_KEY}` });
    expect((await post({ query: ARTICLE })).body.data.article).toBeNull();
    expect((await post({ query: TOTAL }, {}, other)).body.data.articles.totalCount).toBe(before.body.data.articles.totalCount);
  });
});
