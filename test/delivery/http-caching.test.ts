/**
 * HTTP caching of reads: Cache-Control, a strong ETag of the body, Vary, and 304 on a matching
 * If-None-Match with no SQL when the response cache holds the answer.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testAppForSuite } from '../helpers/app.ts';
import { API_KEY, deliveryApp, documentFile, get, post } from './helpers.ts';

const t = testAppForSuite(() => deliveryApp({ CACHE_MAX_AGE: '30', CACHE_STALE_WHILE_REVALIDATE: '120' }));

const QUERY = '{ place(slug: "tehran") { name country { name } } }';

describe('a public GET answer', () => {
  it('carries Cache-Control from the config, a strong ETag of its body and Vary', async () => {
    const res = await t.app.request(`/graphql?query=${encodeURIComponent(QUERY)}`, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=30, stale-while-revalidate=120');
    const body = new Uint8Array(await res.arrayBuffer());
    expect(res.headers.get('etag')).toBe(`"${createHash('sha256').update(body).digest('base64url')}"`);
    expect(res.headers.get('last-modified')).toBeNull();
    expect(res.headers.get('vary')!.toLowerCase().split(/\s*,\s*/)).toEqual(expect.arrayContaining(['accept', 'authorization', 'x-api-key', 'x-newsgraph-debug']));
  });

  it('If-None-Match → 304 with no body and no SQL statement (answer from the response cache)', async () => {
    const first = await get(t, { query: QUERY });
    const etag = first.headers.get('etag')!;
    expect(first.body.data.place.name).toBe('Tehran');
    const again = await get(t, { query: QUERY }, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body).toBeNull();
    expect(again.statements).toBe(0);
    expect(again.headers.get('etag')).toBe(etag);
    // The debug header (sent by get()) makes it private: CDNs ignore Vary on arbitrary headers.
    expect(again.headers.get('cache-control')).toBe('private, no-store');
    // Weak comparison and lists, as RFC 9110 asks of If-None-Match.
    expect((await get(t, { query: QUERY }, { 'if-none-match': `"other", W/${etag}` })).status).toBe(304);
    expect((await get(t, { query: QUERY }, { 'if-none-match': '"other"' })).status).toBe(200);
  });

  it('a trusted document by id gets the same treatment', async () => {
    const doc = documentFile('person-quotes.graphql');
    const params = { documentId: `sha256:${doc.id}`, variables: { slug: 'muhammad-mudassir-tipu' } };
    const first = await get(t, params);
    expect(first.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    const search = new URLSearchParams({ documentId: params.documentId, variables: JSON.stringify(params.variables) });
    expect((await t.app.request(`/graphql?${search}`)).headers.get('cache-control')).toMatch(/^public, max-age=30/);
    const revalidated = await get(t, params, { 'if-none-match': first.headers.get('etag')! });
    expect(revalidated.status).toBe(304);
    expect(revalidated.statements).toBe(0);
  });

  it('the ETag follows the body: different variables, different tag', async () => {
    const doc = documentFile('person-quotes.graphql');
    const a = await get(t, { documentId: doc.id, variables: { slug: 'muhammad-mudassir-tipu' } });
    const b = await get(t, { documentId: doc.id, variables: { slug: 'ali-larijani' } });
    expect(a.headers.get('etag')).not.toBe(b.headers.get('etag'));
  });
});

describe('private, no-store', () => {
  const noStore = (res: { headers: Headers }) => {
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('etag')).toBeNull();
  };

  it('an answer to a GET with the debug header, whatever its value', async () => {
    for (const value of ['cache', 'sql', 'anything']) {
      const res = await t.app.request(`/graphql?query=${encodeURIComponent(QUERY)}`, { headers: { 'x-newsgraph-debug': value } });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      expect(((await res.json()) as any).data.place.name).toBe('Tehran');
    }
    // The same request without it is public.
    expect((await t.app.request(`/graphql?query=${encodeURIComponent(QUERY)}`)).headers.get('cache-control')).toMatch(/^public, /);
  });

  it('an answer to a request with a credential', async () => {
    const res = await get(t, { query: QUERY }, { authorization: `Bearer ${API_KEY}` });
    expect(res.status).toBe(200);
    noStore(res);
  });

  it('POST, mutations, errors and introspection', async () => {
    noStore(await post(t, { query: QUERY }));
    const mutation = await post(t, { query: 'mutation { deleteArticle(id: "QXJ0aWNsZTo5OTk5") }' }, { authorization: `Bearer ${API_KEY}` });
    expect(mutation.body.data.deleteArticle).toBe(false);
    noStore(mutation);
    const error = await get(t, { query: '{ person(slug: "ali-larijani") { nosuchfield } }' });
    expect(error.status).toBe(400);
    noStore(error);
    const notFound = await get(t, { query: '{ node(id: "bm90IGFuIGlk") { id } }' });
    expect(notFound.body.errors).toBeDefined();
    noStore(notFound);
    for (const query of ['{ __schema { queryType { name } } }', '{ __type(name: "Person") { name } }']) {
      const res = await get(t, { query });
      expect(res.body.data).toBeDefined();
      noStore(res);
    }
  });

  it('a mutation over GET is still refused (405), with no-store', async () => {
    const res = await get(t, { query: 'mutation { deleteArticle(id: "QXJ0aWNsZTox") }' });
    expect(res.status).toBe(405);
    noStore(res);
  });
});
