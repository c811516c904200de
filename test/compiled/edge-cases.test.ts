/**
 * Cases a review of the compiled read path found, each compared with the executor byte for byte
 * (src/graphql/compiled/): stored text that looks like the compiler's own marks, a directive's
 * variable the executor refuses, a user's alias that looks like the response cache's own
 * fields, a cursor over a float SQL cannot write (executed, then remembered), one plan serving every
 * slug or uri of a lookup (bound per request), and `Query.search`:
 * full-precision scores and their cursors, paging both ways, the union's fragments, refusals.
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { testAppForSuite } from '../helpers/app.ts';
import { appWith } from '../query/fixtures.ts';

/** Articles a search ranks: "harbour" in each, at different weights; a person and a place to find by name. */
const HARBOUR = [
  ['Harbour pilots vote on the night tide roster', 'The pilots met at the harbour office and agreed to share the night tides.'],
  ['Tide gauges at the harbour record a surge', 'A surge of forty centimetres reached the harbour wall before dawn.'],
  ['Quillfeather names a new harbour master', 'Perpetua Quillfeather chose a deputy from the pilots who work the harbour.'],
  ['Ferry timetable changes for the winter', 'The ferry leaves the harbour twice a day from November.'],
  ['Fishing fleet returns early', 'Boats came back to harbour, harbour cranes idle, harbour cafes full.'],
  ['Dredging contract signed', 'Silt in the outer basin will be dredged in spring.'],
].map(([headline, body], i) => ({
  uri: `urn:t:harbour:${i}`,
  headline: headline!,
  body: body!,
  publishedAt: `2025-09-${String(10 + i).padStart(2, '0')}T06:00:00Z`,
  people: i === 2 ? [{ key: 'pq', name: 'Perpetua Quillfeather', rel: 'about' as const, relevance: 0.9 }] : [],
  places: i < 2 ? [{ key: 'pv', name: 'Port Vellamo', rel: 'mentions' as const, relevance: 0.4 }] : [],
}));

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
    ...HARBOUR,
    {
      uri: 'urn:t:paragraphs',
      headline: 'Paragraphs split as JavaScript splits them',
      // CRLF, lines of only white space (a no-break space, an ideographic space, tabs), a line
      // separator inside a paragraph, quotes and a backslash.
      body: 'First line.\r\n\u00a0\n  \t\nSecond "quoted" \\ line.\u2028still second\n\n\u3000\nThird.\n',
      publishedAt: '2025-10-06T08:00:00Z',
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

  it("a lookup by another type's id is null, yet its selection's bad cursor is the executor's error", async () => {
    const otherId = Buffer.from('Article:1').toString('base64');
    const q = `{ person(id: "${otherId}") { name articles(after: "not-a-cursor") { totalCount } } }`;
    const r = await both(q);
    expect(r.compiled).toBe(r.executor);
    expect(r.compiled).toContain('"code":"INVALID_CURSOR"');
    // Without the bad argument both answer null, compiled with no statement.
    const fine = `{ person(id: "${otherId}") { name articles { totalCount } } }`;
    expect((await both(fine)).compiled).toBe((await both(fine)).executor);
    expect((await t.gql(fine)).body).toMatchObject({ data: { person: null }, extensions: { sql: { compiled: true, statements: 0 } } });
  });

  it('paragraphs: split by the plugin with the resolver\'s function, in one statement, nested too', async () => {
    const q = '{ article(uri: "urn:t:paragraphs") { paragraphs } articles(first: 3) { edges { node { uri paragraphs } } } }';
    const r = await both(q);
    expect(r.compiled).toBe(r.executor);
    const debug = (await t.gql(q)).body;
    expect(debug.extensions.sql).toMatchObject({ compiled: true, statements: 1 });
    expect(debug.data.article.paragraphs).toEqual(['First line.\r', 'Second "quoted" \\ line.\u2028still second', 'Third.']);
  });

  describe('one plan for every slug or uri of a lookup', () => {
    const BY_URI = `query A($uri: String!) { article(uri: $uri) { headline people { edges { cursor relevance node { name } } } } }`;
    const answer = async (query: string, variables: Record<string, unknown>) => {
      const r = await both(query, variables);
      expect(r.compiled).toBe(r.executor);
      return (await t.gql(query, variables)).body;
    };

    it('compiles once and binds each value: every later value reuses the plan, answers as the executor', async () => {
      const first = await answer(BY_URI, { uri: 'urn:t:harbour:2' });
      expect(first.data.article.headline).toBe('Quillfeather names a new harbour master');
      expect(first.extensions.sql).toMatchObject({ compiled: true, statements: 1 });
      for (const uri of ['urn:t:harbour:0', 'urn:t:harbour:4', 'urn:t:nothing-here', '']) {
        const other = await answer(BY_URI, { uri });
        expect(other.extensions.sql, uri).toMatchObject({ compiled: true, statements: 1, reusedSql: 1 });
      }
      expect((await t.gql(BY_URI, { uri: 'urn:t:harbour:0' })).body.data.article.headline).toBe('Harbour pilots vote on the night tide roster');
      expect((await t.gql(BY_URI, { uri: 'urn:t:nothing-here' })).body.data.article).toBeNull();
    });

    it('a value whose data forces the executor goes there alone: the plan still serves the others', async () => {
      const marks = await answer(BY_URI, { uri: 'urn:t:marks' });
      expect(marks.extensions.sql).toMatchObject({ compiled: false, fallback: 'a value SQL cannot write as the executor does' });
      expect((await t.gql(BY_URI, { uri: 'urn:t:marks' })).body.extensions.sql).toMatchObject({ compiled: false, statements: 1 });
      const other = await answer(BY_URI, { uri: 'urn:t:harbour:3' });
      expect(other.extensions.sql).toMatchObject({ compiled: true, statements: 1, reusedSql: 1 });
    });

    it('a variable read anywhere else keeps a plan per value', async () => {
      const q = `query B($uri: String!) { article(uri: $uri) { headline } articles(first: 2, filter: { query: $uri }) { totalCount } }`;
      const a = await answer(q, { uri: 'urn:t:harbour:1' });
      expect(a.extensions.sql).toMatchObject({ compiled: true, statements: 1, reusedSql: 0 });
      const b = await answer(q, { uri: 'urn:t:harbour:5' });
      expect(b.extensions.sql).toMatchObject({ compiled: true, statements: 1, reusedSql: 0 });
      expect(b.data.article.headline).toBe('Dredging contract signed');
    });

    it('a slug given as null, or another argument given instead, is a plan of its own', async () => {
      const q = `query C($slug: String, $uri: String) { article(slug: $slug, uri: $uri) { headline } }`;
      const byUri = await answer(q, { slug: null, uri: 'urn:t:harbour:1' });
      expect(byUri.data.article.headline).toBe('Tide gauges at the harbour record a surge');
      const both_ = await answer(q, { slug: 'x', uri: 'urn:t:harbour:1' });
      expect(both_.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const again = await answer(q, { slug: null, uri: 'urn:t:harbour:4' });
      expect(again.extensions.sql).toMatchObject({ compiled: true, reusedSql: 1 });
      expect(again.data.article.headline).toBe('Fishing fleet returns early');
    });
  });

  describe('Query.search', () => {
    const SEARCH = `query S($q: String!, $first: Int, $after: String, $last: Int, $before: String, $types: [SearchType!]) {
      search(query: $q, first: $first, after: $after, last: $last, before: $before, types: $types) {
        totalCount __typename
        edges { __typename cursor score node { __typename ... on Node { id } ... on Article { slug headline } ... on Person { name slug } ... on Place { name } } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      } }`;
    /** Both paths byte for byte, and the compiled app answered it in one statement of its own (none for a constant answer). */
    const compiled = async (query: string, variables?: Record<string, unknown>, statements = 1) => {
      const r = await both(query, variables);
      expect(r.compiled).toBe(r.executor);
      const debug = await t.gql(query, variables);
      expect(debug.body.extensions.sql, JSON.stringify(debug.body.extensions.sql)).toMatchObject({ compiled: true, statements });
      return debug.body.data.search;
    };

    it('scores at full precision (beyond %.15g), cursors holding them, the union by its fragments', async () => {
      const s = await compiled(SEARCH, { q: 'harbour', first: 10 });
      expect(s.totalCount).toBe(5);
      expect(s.edges.map((e: any) => e.node.__typename)).toEqual(Array(5).fill('Article'));
      const scores: number[] = s.edges.map((e: any) => e.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      // A double whose 15-digit form is another number: SQLite's JSON (%.15g) would not write it.
      expect(scores.some((x) => Number(x.toPrecision(15)) !== x)).toBe(true);
      // The cursor's score is the edge's, as JavaScript writes it.
      const inside = Buffer.from(s.edges[0].cursor.slice('ng2.'.length), 'hex').toString('utf8');
      expect(inside).toBe(`Search:RELEVANCE|T:["N:${scores[0]}","N:${JSON.parse(inside.slice(inside.indexOf('T:') + 2))[1].slice(2)}"]`);
      expect(s.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false, startCursor: s.edges[0].cursor, endCursor: s.edges[4].cursor });
    });

    it('pages forward and backward with cursors from earlier answers, totalCount on every page', async () => {
      const all = await compiled(SEARCH, { q: 'harbour', first: 10 });
      const cursors: string[] = all.edges.map((e: any) => e.cursor);
      const second = await compiled(SEARCH, { q: 'harbour', first: 2, after: cursors[1] });
      expect(second.edges.map((e: any) => e.cursor)).toEqual(cursors.slice(2, 4));
      expect(second.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
      expect(second.totalCount).toBe(5);
      const past = await compiled(SEARCH, { q: 'harbour', first: 2, after: cursors[4] });
      expect(past).toMatchObject({ totalCount: 5, edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null } });
      const back = await compiled(SEARCH, { q: 'harbour', last: 2, before: cursors[3] });
      expect(back.edges.map((e: any) => e.cursor)).toEqual(cursors.slice(1, 3));
      expect(back.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true, startCursor: cursors[1], endCursor: cursors[2] });
      const lastPage = await compiled(SEARCH, { q: 'harbour', last: 3 });
      expect(lastPage.edges.map((e: any) => e.cursor)).toEqual(cursors.slice(2));
      expect(lastPage.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
      await compiled(SEARCH, { q: 'harbour', first: 1, after: cursors[0], before: cursors[4] });
    });

    it('types, a misspelt name (its alternative ranked below 1), a phrase, a prefix, only punctuation', async () => {
      const people = await compiled(SEARCH, { q: 'quilfeather', types: ['PERSON'] });
      expect(people.edges.map((e: any) => e.node.name)).toEqual(['Perpetua Quillfeather']);
      expect(people.edges[0].score).toBeLessThan(1);
      const mixed = await compiled(SEARCH, { q: 'quilfeather', first: 5 });
      expect(mixed.edges.map((e: any) => e.node.__typename).sort()).toEqual(['Article', 'Person']);
      expect((await compiled(SEARCH, { q: '"night tide"' })).edges.map((e: any) => e.node.slug)).toHaveLength(1);
      expect((await compiled(SEARCH, { q: 'port vell', types: ['PLACE', 'ARTICLE'] })).edges.map((e: any) => e.node.__typename)).toContain('Place');
      const nothing = await compiled(SEARCH, { q: '?! -- "" ...' }, 0);
      expect(nothing).toEqual({ totalCount: 0, __typename: 'SearchConnection', edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } });
    });

    it('highlights, written by the plugin with the executor\'s function: slip alternatives marked, stored control characters escaped', async () => {
      const H = 'query H($q: String!, $last: Int) { search(query: $q, last: $last) { edges { highlight score node { __typename } } } }';
      const plain = await compiled(H, { q: 'harbour' });
      expect(plain.edges).toHaveLength(5);
      expect(plain.edges.every((e: any) => /<mark>harbour<\/mark>/i.test(e.highlight))).toBe(true);
      const slip = await compiled(H, { q: 'quilfeather', last: 3 });
      expect(slip.edges.some((e: any) => /<mark>Quillfeather<\/mark>/.test(e.highlight))).toBe(true);
      // The headline "\u0001n:42" (a mark's look-alike) is text in the highlight too.
      const marks = await compiled(H, { q: '42' });
      expect(marks.edges[0].highlight).toBe('\u0001n:<mark>42</mark>');
      expect((await both('{ a: search(query: "tide") { edges { highlight } } b: search(query: "pilots harbour") { edges { highlight } } }')).compiled).toContain('<mark>pilots</mark>');
    });

    it('refusals and bad cursors go to the executor, with its own answers', async () => {
      const cases: [string, Record<string, unknown>, string][] = [
        [SEARCH, { q: 'harbour', first: 2, last: 2 }, 'not compiled: arguments the executor refuses'],
        [SEARCH, { q: 'harbour', after: 'bm90IGEgY3Vyc29y' }, 'not compiled: arguments the executor refuses'],
        [SEARCH, { q: 'harbour', first: 0 }, 'not compiled: an empty page (first: 0 or last: 0)'],
        [SEARCH, { q: 'x'.repeat(300) }, 'not compiled: arguments the executor refuses'],
      ];
      for (const [q, v, reason] of cases) {
        const r = await both(q, v);
        expect(r.compiled).toBe(r.executor);
        expect((await t.gql(q, v)).body.extensions.sql).toMatchObject({ compiled: false, fallback: reason });
      }
    });
  });
});
