/**
 * Cases a review of the compiled read path found, each compared with the executor byte for byte
 * (src/graphql/compiled/): stored text that looks like the compiler's own marks, a directive's
 * variable the executor refuses, a user's alias that looks like the response cache's own
 * fields, and a cursor over a float SQL cannot write (executed, then remembered).
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { testAppForSuite } from '../helpers/app.ts';
import { appWith } from '../query/fixtures.ts';

const t = testAppForSuite(() =>
  appWith([
    {
      uri: 'urn:t:marks',
      headline: '\u0001n:42',
      publishedAt: '2025-10-05T08:00:00Z',
      people: [
        { key: 'm', name: '\u0001fallback\u0001', rel: 'about', relevance: 0.00001 },
        { key: 'n', name: 'Nora Plain', rel: 'mentions', relevance: 0.5 },
      ],
    },
  ]),
);

/** The same request to an app with the compiled path and to one without: status and body. */
async function both(query: string, variables?: Record<string, unknown>) {
  const send = async (compiledReads: boolean) => {
    const app = createApp({ db: t.db, config: { ...loadConfig({}), compiledReads } });
    const res = await app.request('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    return `${res.status} ${await res.text()}`;
  };
  return { compiled: await send(true), executor: await send(false) };
}

describe('compiled reads: edge cases against the executor', () => {
  it('stored text that looks like a mark stays text', async () => {
    const r = await both('{ article(uri: "urn:t:marks") { headline people { edges { node { name } } } } }');
    expect(r.compiled).toBe(r.executor);
    expect(r.compiled).toContain('"headline":"\\u0001n:42"');
    const debug = await t.gql('{ article(uri: "urn:t:marks") { headline people { edges { node { name } } } } }');
    expect(debug.body.extensions.sql).toMatchObject({ compiled: true, statements: 1 });
  });

  it('a directive variable the executor refuses gets the executor\'s own error', async () => {
    const q = 'query Q($b: Boolean = true) { articles { edges { node { headline @skip(if: $b) } } } }';
    const r = await both(q, { b: null });
    expect(r.compiled).toBe(r.executor);
    expect(r.compiled).toContain('must not be null');
  });

  it("a client's alias named like the response cache's fields is answered", async () => {
    const r = await both('{ article(uri: "urn:t:marks") { __responseCacheId: uri __responseCacheTypeName: __typename } }');
    expect(r.compiled).toBe(r.executor);
    expect(r.compiled).toContain('"__responseCacheId":"urn:t:marks"');
  });

  it('boundedCount: counted on a page, null on an empty page after a cursor, 0 on an empty first page', async () => {
    const all = await t.gql('{ articles(first: 100) { pageInfo { endCursor } } }');
    const last = all.body.data.articles.pageInfo.endCursor;
    for (const [q, v] of [
      ['{ articles(first: 1) { boundedCount { count exact } edges { node { uri } } } }', undefined],
      ['query($a: String) { articles(first: 2, after: $a) { boundedCount { exact count __typename } edges { node { uri } } } }', { a: last }],
      ['{ articles(first: 2, filter: { publishedFrom: "2030-01-01" }) { boundedCount { count exact } } }', undefined],
      ['{ person(slug: "nora-plain") { articles { boundedCount { count exact } } } }', undefined],
      ['{ person(slug: "nora-plain") { articles { totalCount boundedCount { count exact } } } }', undefined],
    ] as const) {
      const r = await both(q, v);
      expect(r.compiled).toBe(r.executor);
      expect((await t.gql(q, v)).body.extensions.sql.compiled).toBe(true);
    }
    expect((await t.gql('{ person(slug: "nora-plain") { articles { totalCount boundedCount { count exact } } } }')).body.data.person.articles).toEqual({
      totalCount: 1,
      boundedCount: { count: 1, exact: true },
    });
  });

  it('a cursor over a float SQL cannot write is executed once, then executed directly', async () => {
    const q = '{ article(uri: "urn:t:marks") { people { edges { cursor relevance } pageInfo { endCursor } } } }';
    const r = await both(q);
    expect(r.compiled).toBe(r.executor);
    const first = await t.gql(q);
    const again = await t.gql(q);
    expect(first.body.extensions.sql.compiled).toBe(false);
    expect(again.body.extensions.sql).toMatchObject({ compiled: false, statements: 1, fallback: 'not compiled: a value SQL cannot write as the executor does' });
  });
});
