/**
 * The response cache in Node (an in-memory LRU): hits cost no SQL, a successful write makes the
 * next read fresh, answers are never shared across credentials.
 */
import { describe, expect, it } from 'vitest';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { memoryResponseCache, type ResponseCacheStore } from '../../src/graphql/delivery/response-cache.ts';
import { testAppForSuite, type TestApp } from '../helpers/app.ts';
import { textBundle } from '../helpers/bundles.ts';
import { API_KEY, deliveryApp, documentFile, get, OTHER_KEY, post } from './helpers.ts';

const auth = (key: string) => ({ authorization: `Bearer ${key}` });

const BODY = 'TEHRAN – Cache Tester, an adviser to the Supreme National Security Council, said a cached page must “never outlive a write”.';
/** A bundle written for these tests: one new person with a role in the seed's SNSC. */
const bundle = (headline: string) =>
  textBundle({ uri: 'urn:newsgraph:test:delivery-cache', headline, body: BODY }, {
    people: [{ key: 'tester', name: 'Cache Tester', rel: 'about', roles: [{ title: 'Adviser', organisation: 'snsc' }] }],
    organisations: [{ key: 'snsc', name: 'Supreme National Security Council', acronym: 'SNSC', kind: 'GOVERNMENT_BODY', rel: 'mentions' }],
    quotes: [{ text: 'never outlive a write', speaker: 'tester' }],
  });
const INGEST = 'mutation($b: JSON!) { ingestArticle(bundle: $b) { created changed } }';

const t = testAppForSuite(() => deliveryApp());

describe('hits', () => {
  it('the second identical read is answered from the cache with 0 SQL statements', async () => {
    const query = '{ organisation(slug: "pakistan") { name members { title person { name } } } }';
    const both = { 'x-newsgraph-debug': 'sql, cache' }; // the count in the body too
    const miss = await post(t, { query }, both);
    expect(miss.statements).toBe(1);
    expect(miss.body.extensions.sql.statements).toBe(1);
    const hit = await post(t, { query }, both);
    expect(hit.statements).toBe(0);
    expect(hit.body.extensions.sql.statements).toBe(0);
    expect(hit.body.data).toEqual(miss.body.data);
  });

  it('a persisted query served from the cache costs 0 statements too; variables are part of the key', async () => {
    const doc = documentFile('article-page.graphql');
    const body = { documentId: `sha256:${doc.id}`, variables: { slug: 'larijani-pakistan-visit' } };
    expect((await get(t, body)).statements).toBe(1);
    const hit = await get(t, body);
    expect(hit.statements).toBe(0);
    expect(hit.body.data.article.headline).toMatch(/Larijani/);
    expect((await get(t, { ...body, variables: { slug: 'larijani-pakistan-visit', people: 1 } })).statements).toBe(1);
  });

  it('`x-newsgraph-debug: sql` measures the query itself: it skips the cache', async () => {
    const query = '{ place(slug: "islamabad") { name } }';
    await post(t, { query });
    expect((await post(t, { query }, { 'x-newsgraph-debug': 'sql' })).statements).toBe(1);
    expect((await post(t, { query })).statements).toBe(0);
  });

  it('RESPONSE_CACHE_TTL=0 turns the cache off', async () => {
    const off = await deliveryApp({ RESPONSE_CACHE_TTL: '0' });
    try {
      const query = '{ place(slug: "tehran") { name } }';
      expect((await post(off, { query })).statements).toBe(1);
      expect((await post(off, { query })).statements).toBe(1);
    } finally {
      off.close();
    }
  });
});

describe('credentials', () => {
  it('two credentials never share an entry, and neither shares the anonymous one', async () => {
    const query = '{ person(slug: "syed-mohsin-naqvi") { name } }';
    expect((await post(t, { query }, auth(API_KEY))).statements).toBe(1);
    expect((await post(t, { query }, auth(OTHER_KEY))).statements).toBe(1);
    expect((await post(t, { query })).statements).toBe(1);
    expect((await post(t, { query }, { 'x-api-key': API_KEY })).statements).toBe(1); // another header, another session
    // Each is its own entry.
    expect((await post(t, { query }, auth(API_KEY))).statements).toBe(0);
    expect((await post(t, { query }, auth(OTHER_KEY))).statements).toBe(0);
    expect((await post(t, { query })).statements).toBe(0);
  });
});

describe('invalidation on write', () => {
  const ARTICLE = '{ article(uri: "urn:newsgraph:test:delivery-cache") { headline people(first: 5) { edges { node { name } } } } }';
  const TOTAL = '{ articles { totalCount } }';
  const PERSON = '{ person(slug: "cache-tester") { articles(first: 5) { totalCount } } }';

  it('read, write, read again → new data (ingest, re-ingest, delete)', async () => {
    const before = await post(t, { query: TOTAL });
    expect((await post(t, { query: TOTAL })).statements).toBe(0); // cached
    expect((await post(t, { query: ARTICLE })).body.data.article).toBeNull();
    expect((await post(t, { query: ARTICLE })).statements).toBe(0); // a cached null

    const ingested = await post(t, { query: INGEST, variables: { b: bundle('Caches answer to writes') } }, auth(API_KEY));
    expect(ingested.body.data.ingestArticle).toEqual({ created: true, changed: true });

    const total = await post(t, { query: TOTAL });
    expect(total.statements).toBe(1);
    expect(total.body.data.articles.totalCount).toBe(before.body.data.articles.totalCount + 1);
    const article = await post(t, { query: ARTICLE });
    expect(article.body.data.article).toEqual({ headline: 'Caches answer to writes', people: { edges: [{ node: { name: 'Cache Tester' } }] } });
    expect((await post(t, { query: PERSON })).body.data.person.articles.totalCount).toBe(1);
    expect((await post(t, { query: ARTICLE })).statements).toBe(0);

    // An update in place (same uri): the cached article page does not survive it.
    await post(t, { query: INGEST, variables: { b: bundle('Caches answer to updates') } }, auth(API_KEY));
    expect((await post(t, { query: ARTICLE })).body.data.article.headline).toBe('Caches answer to updates');

    const id = (await post(t, { query: '{ article(uri: "urn:newsgraph:test:delivery-cache") { id } }' })).body.data.article.id;
    expect((await post(t, { query: 'mutation($id: ID!) { deleteArticle(id: $id) }', variables: { id } }, auth(API_KEY))).body.data.deleteArticle).toBe(true);
    expect((await post(t, { query: ARTICLE })).body.data.article).toBeNull();
    expect((await post(t, { query: TOTAL })).body.data.articles.totalCount).toBe(before.body.data.articles.totalCount);
    expect((await post(t, { query: PERSON })).body.data.person).toBeNull();
  });

  it('a merge invalidates too', async () => {
    const query = '{ people(query: "naqvi") { totalCount } }';
    const PEOPLE = '{ people(first: 100) { totalCount } }';
    const before = (await post(t, { query: PEOPLE })).body.data.people.totalCount;
    expect((await post(t, { query: PEOPLE })).statements).toBe(0);
    await post(t, { query: INGEST, variables: { b: textBundle({ uri: 'urn:newsgraph:test:delivery-merge', headline: 'A second tester', body: BODY }, { people: [{ key: 'p', name: 'Cache Testerson', rel: 'about' }] }) } }, auth(API_KEY));
    const ids = (await post(t, { query: '{ a: person(slug: "cache-testerson") { id } b: person(slug: "syed-mohsin-naqvi") { id } }' })).body.data;
    expect((await post(t, { query: PEOPLE })).body.data.people.totalCount).toBe(before + 1);
    const merged = await post(t, { query: 'mutation($k: ID!, $m: ID!) { mergePeople(keep: $k, merge: $m) { name } }', variables: { k: ids.b.id, m: ids.a.id } }, auth(API_KEY));
    expect(merged.body.errors).toBeUndefined();
    expect((await post(t, { query: PEOPLE })).body.data.people.totalCount).toBe(before);
    expect((await post(t, { query })).body.data.people.totalCount).toBe(1);
  });

  it('a write inside a fragment, or beside a failing field, invalidates too', async () => {
    const PERSON_NAME = '{ person(slug: "cache-fragment") { name } }';
    const TOTAL = '{ articles { totalCount } }';
    const doc = (uri: string, name: string) => textBundle({ uri, headline: `${name} writes`, body: BODY }, { people: [{ key: 'p', name, rel: 'about' }] });
    expect((await post(t, { query: PERSON_NAME })).body.data.person).toBeNull();
    expect((await post(t, { query: PERSON_NAME })).statements).toBe(0);
    const inFragment = await post(t, { query: 'mutation($b: JSON!) { ...W } fragment W on Mutation { ... on Mutation { ingestArticle(bundle: $b) { created } } }', variables: { b: doc('urn:newsgraph:test:delivery-fragment', 'Cache Fragment') } }, auth(API_KEY));
    expect(inFragment.body.data).toEqual({ ingestArticle: { created: true } });
    expect((await post(t, { query: PERSON_NAME })).body.data.person).toEqual({ name: 'Cache Fragment' });

    const before = (await post(t, { query: TOTAL })).body.data.articles.totalCount;
    expect((await post(t, { query: TOTAL })).statements).toBe(0);
    // Mutation fields are non-null: b's refusal nulls `data`, yet a has committed.
    const mixed = await post(t, { query: 'mutation($b: JSON!) { a: ingestArticle(bundle: $b) { created } b: mergePeople(keep: "x", merge: "y") { id } }', variables: { b: doc('urn:newsgraph:test:delivery-mixed', 'Cache Mixed') } }, auth(API_KEY));
    expect([mixed.body.data, mixed.body.errors?.[0]?.path]).toEqual([null, ['b']]);
    expect((await post(t, { query: TOTAL })).body.data.articles.totalCount).toBe(before + 1);
  });

  it('answers that carry the request origin (no PUBLIC_BASE_URL) are kept per origin', async () => {
    const query = '{ articles(first: 1) { edges { node { jsonLd } } } }';
    const at = async (origin: string) => answer2(await t.app.request(`${origin}/graphql?query=${encodeURIComponent(query)}`, { headers: { 'x-newsgraph-debug': 'cache' } }));
    const answer2 = async (res: Response) => ({ statements: Number(res.headers.get('x-newsgraph-sql-statements')), text: await res.text() });
    const evil = await at('http://evil.example');
    expect(evil.text).toContain('http://evil.example/');
    const local = await at('http://localhost');
    expect([local.statements, local.text.includes('evil.example'), local.text.includes('http://localhost/')]).toEqual([1, false, true]);
    expect((await at('http://localhost')).statements).toBe(0);
  });

  it('a refused write, a write that changes nothing (deleteArticle → false) and a dry run keep the cache', async () => {
    const query = '{ person(slug: "ali-larijani") { name } }';
    await post(t, { query });
    expect((await post(t, { query })).statements).toBe(0);
    const refused = await post(t, { query: 'mutation { deleteArticle(id: "QXJ0aWNsZTox") }' });
    expect(refused.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await post(t, { query: 'mutation($id: ID!) { deleteArticle(id: $id) }', variables: { id: encodeGlobalID('Article', 99999) } }, auth(API_KEY))).body.data.deleteArticle).toBe(false);
    const dry = await post(t, { query: 'mutation { ingestText(input: { headline: "Dry", body: "TEHRAN – Nothing is written here today." }, dryRun: true) { result { changed } } }' }, auth(API_KEY));
    expect(dry.body.data.ingestText.result).toBeNull();
    expect((await post(t, { query })).statements).toBe(0);
  });
});

describe('requests the cache neither serves nor stores', () => {
  it('a mutation and a bypassing request neither read the generation nor touch an entry', async () => {
    const store = memoryResponseCache(100);
    const calls = { generation: 0, get: 0, set: 0 };
    const counting: ResponseCacheStore = {
      ...store,
      generation: () => (calls.generation++, store.generation()),
      get: (key) => (calls.get++, store.get(key)),
      set: (...args) => (calls.set++, store.set(...args)),
    };
    const config = loadConfig({ RESPONSE_CACHE_TTL: '60', API_KEYS: API_KEY, RATE_LIMIT_ANONYMOUS: '0', RATE_LIMIT_CREDENTIAL: '0' }, { debugSql: true });
    // post() reads only `app`.
    const app = { app: createApp({ db: t.db, config, responseCache: counting }) } as TestApp;

    const QUERY = '{ place(slug: "tehran") { name } }';
    expect((await post(app, { query: QUERY })).statements).toBe(1);
    expect((await post(app, { query: QUERY })).statements).toBe(0);
    // A miss is looked up twice (yoga's onParams, then envelop's onExecute), a hit once.
    expect(calls).toEqual({ generation: 2, get: 3, set: 1 });

    // x-newsgraph-debug: sql skips the cache.
    const bypass = await app.app.request('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', 'x-newsgraph-debug': 'sql' }, body: JSON.stringify({ query: QUERY }) });
    expect(((await bypass.json()) as any).extensions.sql.statements).toBe(1);
    expect(calls).toEqual({ generation: 2, get: 3, set: 1 });

    // A write that changes nothing (no new generation): its answer is neither looked up nor stored.
    for (let i = 0; i < 2; i++) expect((await post(app, { query: 'mutation { deleteArticle(id: "QXJ0aWNsZTo5OTk5") }' }, auth(API_KEY))).body.data.deleteArticle).toBe(false);
    expect(calls).toEqual({ generation: 2, get: 3, set: 1 });
  });
});
