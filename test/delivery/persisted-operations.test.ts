/**
 * Persisted operations: automatic persisted queries (Apollo's APQ protocol) and trusted documents
 * (the manifest built from documents/ and explorer/src/operations/), over POST and GET, in each
 * mode of PERSISTED_OPERATIONS.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PERSISTED_DOCUMENTS } from '../../src/graphql/delivery/persisted-documents.generated.ts';
import { testAppForSuite } from '../helpers/app.ts';
import { deliveryApp, documentFile, get, post, sha256 } from './helpers.ts';

const QUERY = '{ person(slug: "ali-larijani") { name roles { title } } }';
const apq = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

describe('automatic persisted queries (PERSISTED_OPERATIONS=apq, the default)', () => {
  const t = testAppForSuite(() => deliveryApp());

  it('a hash alone is unknown until registered, then runs the text (POST)', async () => {
    const text = `${QUERY} # post`;
    const hash = sha256(text);
    const unknown = await post(t, { extensions: apq(hash) });
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } })]);
    expect(unknown.statements).toBe(0);

    const registered = await post(t, { query: text, extensions: apq(hash) });
    expect(registered.status).toBe(200);
    expect(registered.body.data.person.name).toBe('Ali Larijani');

    const hit = await post(t, { extensions: apq(hash) });
    expect(hit.status).toBe(200);
    expect(hit.body.data).toEqual(registered.body.data);
  });

  it('the same over GET, as Apollo Client sends it', async () => {
    const text = `${QUERY} # get`;
    const hash = sha256(text);
    expect((await get(t, { extensions: apq(hash) })).status).toBe(404);
    expect((await get(t, { query: text, extensions: apq(hash) })).status).toBe(200);
    const hit = await get(t, { extensions: apq(hash) });
    expect(hit.status).toBe(200);
    expect(hit.body.data.person.roles).toEqual([{ title: 'Secretary' }]);
  });

  it('a hash that is not the text’s is refused with 400 and nothing is stored', async () => {
    const wrong = sha256('something else');
    const res = await post(t, { query: QUERY, extensions: apq(wrong) });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_MISMATCH');
    expect((await post(t, { extensions: apq(wrong) })).status).toBe(404);
  });

  it('a text over MAX_DOCUMENT_BYTES is refused by the limits and not stored', async () => {
    const text = `${QUERY} # ${'x'.repeat(40 * 1024)}`; // over the default 32 KiB, under the body limit
    const res = await post(t, { query: text, extensions: apq(sha256(text)) });
    expect([res.status, res.body.errors[0].extensions.code, res.body.errors[0].extensions.limit]).toEqual([400, 'QUERY_TOO_COMPLEX', 'documentSize']);
    expect((await post(t, { extensions: apq(sha256(text)) })).status).toBe(404);
  });

  it('query text still works, and a request with neither text nor id gets yoga’s 400', async () => {
    expect((await post(t, { query: QUERY })).body.data.person.name).toBe('Ali Larijani');
    const empty = await post(t, {});
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].message).toBe('Must provide query string.');
  });
});

describe('trusted documents', () => {
  const t = testAppForSuite(() => deliveryApp());

  it('the manifest holds every file of documents/, by the SHA-256 of its exact text', () => {
    const files = readdirSync(new URL('../../documents/', import.meta.url)).filter((f) => f.endsWith('.graphql'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const f of files) {
      const { text, id } = documentFile(f);
      expect(PERSISTED_DOCUMENTS[id], f).toMatchObject({ file: `documents/${f}`, document: text });
    }
  });

  const person = documentFile('person-page.graphql');

  it('runs by documentId "sha256:<hex>" over GET, with variables', async () => {
    const res = await get(t, { documentId: `sha256:${person.id}`, variables: { slug: 'ali-larijani' } });
    expect(res.status).toBe(200);
    expect(res.body.data.person.name).toBe('Ali Larijani');
    expect(res.body.data.person.engagements.edges.map((e: any) => e.node.kind)).toEqual(['VISIT', 'MEETING']);
  });

  it('runs by the bare hex id over POST, and as an APQ hash without registration', async () => {
    const byId = await post(t, { documentId: person.id, variables: { slug: 'muhammad-mudassir-tipu' } });
    expect(byId.status).toBe(200);
    expect(byId.body.data.person.name).toBe('Muhammad Mudassir Tipu');
    const byHash = await post(t, { extensions: apq(person.id), variables: { slug: 'muhammad-mudassir-tipu' } });
    expect(byHash.body.data).toEqual(byId.body.data);
  });

  it('an unknown id is 404 PERSISTED_QUERY_NOT_FOUND, before any SQL', async () => {
    for (const documentId of [`sha256:${sha256('not a document')}`, 'nonsense']) {
      const res = await get(t, { documentId });
      expect(res.status).toBe(404);
      expect(res.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      expect(res.statements).toBe(0);
    }
  });

  it('an id together with a query is refused', async () => {
    const res = await post(t, { documentId: person.id, query: QUERY });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('BAD_REQUEST');
  });
});

describe('PERSISTED_OPERATIONS=trusted-only', () => {
  const t = testAppForSuite(() => deliveryApp({ PERSISTED_OPERATIONS: 'trusted-only' }));

  it('refuses query text with 403 PERSISTED_QUERY_ONLY, over POST and GET, before any SQL', async () => {
    for (const res of [await post(t, { query: QUERY }), await get(t, { query: QUERY })]) {
      expect(res.status).toBe(403);
      expect(res.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'PERSISTED_QUERY_ONLY' } })]);
      expect(res.statements).toBe(0);
      expect(res.headers.get('cache-control')).toBe('private, no-store');
    }
  });

  it('refuses APQ registration, and a hash the manifest does not hold', async () => {
    const hash = sha256(QUERY);
    expect((await post(t, { query: QUERY, extensions: apq(hash) })).status).toBe(403);
    const lookup = await post(t, { extensions: apq(hash) });
    expect(lookup.status).toBe(404);
    expect(lookup.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('a request without an id is told to send one', async () => {
    const res = await post(t, {});
    expect(res.status).toBe(403);
    expect(res.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_ONLY');
  });

  it('runs trusted documents', async () => {
    const article = documentFile('article-page.graphql');
    const res = await get(t, { documentId: `sha256:${article.id}`, variables: { slug: 'larijani-pakistan-visit' } });
    expect(res.status).toBe(200);
    expect(res.body.data.article.people.totalCount).toBeGreaterThan(0);
  });
});

describe('PERSISTED_OPERATIONS=off', () => {
  it('takes query text only: an APQ hash or a documentId alone is a request without a query', async () => {
    const t = await deliveryApp({ PERSISTED_OPERATIONS: 'off' });
    try {
      const id = documentFile('person-page.graphql').id;
      for (const res of [await post(t, { extensions: apq(id) }), await get(t, { documentId: id })]) {
        expect(res.status).toBe(400);
        expect(res.body.errors[0].message).toBe('Must provide query string.');
      }
      expect((await post(t, { query: QUERY })).status).toBe(200);
    } finally {
      t.close();
    }
  });
});
