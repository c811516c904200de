/**
 * The single-statement budget: a nested selection of depth ≤ 6 over any mix of relations is
 * answered by ONE SQL statement per root field (counted by the app's SQL debug switch).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const CATALOGUE: Record<string, string> = {
  'article page': `{ article(slug: "larijani-pakistan-visit") { headline paragraphs dateline { name country { name } }
    people(first: 10) { totalCount edges { rel relevance node { name aliases sameAs roles { title organisation { name acronym } } } } }
    organisations(first: 20, rel: ABOUT) { totalCount edges { rel node { name kind country { name } parent { name } } } }
    places(first: 20) { edges { node { name kind country { name } } } }
    engagements(first: 20) { totalCount edges { node { kind summary cameo { code quadClass } date { text precision } place { name } participants { role actor { name } } } } }
    quotes { text speaker { name } engagement { kind } } figures { text value currency } } }`,
  'person page': `{ person(slug: "ali-larijani") { name aliases nationality { name }
    roles { title organisation { name members { title person { name } } } }
    engagements(first: 10, orderBy: DATE_ASC) { totalCount edges { node { kind date { text } place { name country { name } }
      participants { role actor { name ... on Organisation { kind country { name } } ... on Person { roles { title } } } } } } }
    articles(first: 5) { totalCount edges { node { headline } } } quotes { text article { headline } } } }`,
  'organisation page, depth 6': `{ organisation(slug: "pakistan") { name kind country { name }
    engagements(first: 10) { edges { node { kind participants { actor { name
      ... on Person { roles { organisation { name country { name } } } } } } } } }
    members { person { name } } articles(first: 3) { edges { node { slug } } } } }`,
  'place page': `{ place(slug: "tehran") { name country { name engagements(first: 5) { totalCount } }
    engagements(first: 5) { edges { node { summary articles(first: 2) { edges { node { headline people(first: 2) { edges { node { name } } } } } } } } }
    articles(first: 5) { edges { node { headline } } } } }`,
  'deep walk, depth 6 of relations': `{ article(slug: "larijani-pakistan-visit") { people(first: 5) { edges { node {
    roles { organisation { engagements(first: 5) { edges { node { articles(first: 5) { edges { node {
      dateline { name } } } } } } } } } } } } } }`,
  'actor hops, depth 6': `{ person(slug: "ali-larijani") { engagements(first: 3) { edges { node { participants { actor {
    ... on Person { engagements(first: 3) { edges { node { participants { actor { name } } } } } } } } } } } } }`,
  'article extraction evidence beside its links': `{ article(slug: "larijani-pakistan-visit") { extraction { extractor { name }
    evidence { fact subject spans { text } } } people(first: 3) { edges { node { name } } } } }`,
  'possible duplicates with their entities': `{ possibleDuplicates(first: 10) { type reason score
    a { ... on Person { name roles { organisation { name } } } ... on Organisation { name country { name } } ... on Place { name } }
    b { ... on Person { name } ... on Organisation { name } ... on Place { name country { name } } } } }`,
  'engagement → quotes → speaker → engagements': `{ article(slug: "larijani-pakistan-visit") { quotes { speaker { name
    ... on Person { engagements(first: 3) { edges { node { kind participants { actor { name } } } } } } } } } }`,
};

describe('one SQL statement per request', () => {
  for (const [name, query] of Object.entries(CATALOGUE)) {
    it(name, async () => {
      const res = await t.gql(query);
      expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
      expect(res.statements).toBe(1);
    });
  }

  it('the count is per request: concurrent requests do not share it', async () => {
    const results = await Promise.all(Object.values(CATALOGUE).map((q) => t.gql(q)));
    expect(results.map((r) => r.statements)).toEqual(Object.values(CATALOGUE).map(() => 1));
  });

  it('no debug header → no sql extension', async () => {
    const res = await t.gql('{ person(slug: "ali-larijani") { name } }', undefined, { 'x-newsgraph-debug': '' });
    expect(res.body.extensions?.sql).toBeUndefined();
  });
});

describe('Query.search: one statement for the ranked page, its count and every node beneath it', () => {
  // Every result type, each with relations beneath it (depth up to 4 under the node).
  const NODE = `fragment N on SearchResult { __typename
    ... on Article { id headline dateline { name } people(first: 3) { totalCount edges { node { name } } } quotes { text speaker { name } } }
    ... on Person { id name roles { title organisation { name country { name } } } engagements(first: 2) { totalCount edges { node { kind } } } }
    ... on Organisation { id name acronym country { name } members { title person { name } } }
    ... on Place { id name slug country { name } engagements(first: 2) { edges { node { summary } } } }
    ... on Engagement { id kind summary place { name } participants { role actor { name ... on Person { roles { title } } } } } }`;
  const SEARCH = `query($q: String!, $first: Int, $after: String, $last: Int, $before: String) {
    search(query: $q, first: $first, after: $after, last: $last, before: $before) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor score highlight node { ...N } } } } ${NODE}`;
  const search = async (variables: Record<string, unknown>) => {
    const res = await t.gql(SEARCH, variables);
    expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
    return { ...res.body.data.search, statements: res.statements };
  };

  it('nested selections across all five result types: 1 statement, the same nodes node(id) answers', async () => {
    const page = await search({ q: 'a', first: 20 });
    expect(page.statements).toBe(1);
    expect(page.totalCount).toBe(12);
    const types = new Set(page.edges.map((e: { node: { __typename: string } }) => e.node.__typename));
    expect([...types].sort()).toEqual(['Article', 'Engagement', 'Organisation', 'Person', 'Place']);
    // Each node as the node field loads it (its own statement), with the same selection.
    for (const edge of page.edges) {
      const res = await t.gql(`query($id: ID!) { node(id: $id) { ...N } } ${NODE}`, { id: edge.node.id });
      expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
      expect(edge.node).toEqual(res.body.data.node);
      expect(edge.score).toBeGreaterThan(0);
    }
    const person = page.edges.find((e: { node: { __typename: string } }) => e.node.__typename === 'Person')!.node;
    expect(person.roles.length).toBeGreaterThan(0);
    expect(person.roles[0].organisation.name).toBeTruthy();
  });

  it('paging forward and backward, and past the end with totalCount: 1 statement each', async () => {
    const all = await search({ q: 'a', first: 20 });
    const ids = all.edges.map((e: { node: { id: string } }) => e.node.id);
    const second = await search({ q: 'a', first: 5, after: all.edges[4].cursor });
    expect(second.statements).toBe(1);
    expect(second.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(ids.slice(5, 10));
    expect(second.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    expect(second.totalCount).toBe(12);
    const back = await search({ q: 'a', last: 3, before: all.edges[6].cursor });
    expect(back.statements).toBe(1);
    expect(back.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(ids.slice(3, 6));
    expect(back.edges[0].node).toEqual(all.edges[3].node);
    expect(back.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    // Past the last result: no edges, and the count still rides in the one statement.
    const past = await search({ q: 'a', first: 5, after: all.edges.at(-1).cursor });
    expect(past).toMatchObject({ statements: 1, totalCount: 12, edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: true } });
    const before = await search({ q: 'a', last: 5, before: all.edges[0].cursor });
    expect(before).toMatchObject({ statements: 1, totalCount: 12, edges: [], pageInfo: { hasNextPage: true, hasPreviousPage: false } });
    // The last page, short: the carrier row of the count is not an edge.
    const last = await search({ q: 'a', first: 5, after: all.edges[9].cursor });
    expect(last.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(ids.slice(10));
    expect(last).toMatchObject({ statements: 1, totalCount: 12, pageInfo: { hasNextPage: false } });
  });

  it('types narrows the page and the count inside the same statement', async () => {
    const res = await t.gql(`{ search(query: "a", first: 20, types: [PERSON, PLACE]) { totalCount edges { node { ...N } } } } ${NODE}`);
    expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
    expect(res.statements).toBe(1);
    const types = res.body.data.search.edges.map((e: { node: { __typename: string } }) => e.node.__typename);
    expect(types.sort()).toEqual(['Person', 'Place']);
    expect(res.body.data.search.totalCount).toBe(2);
  });
});

describe('past the nesting one statement can hold', () => {
  const ELEVEN = `{ organisation(slug: "supreme-national-security-council") { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { name } } } } } } } } } } } } }`;

  it('the compiled path answers eleven nested relations in one statement', async () => {
    const res = await t.gql(ELEVEN);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.extensions.sql).toMatchObject({ statements: 1, compiled: true });
    // The seed's chain of parents ends after one: the rest is null, as the executor would give it.
    expect(res.body.data.organisation.parent).toEqual({ parent: null });
  });

  it('the executor refuses them with QUERY_TOO_COMPLEX, not an internal error, and the next request is served', async () => {
    // Within the depth and cost limits, but eleven nested relations: more than SQLite parses in the executor's statement.
    const executor = createApp({ db: t.db, config: { ...loadConfig({}, { debugSql: true }), compiledReads: false } });
    const post = async (query: string) => {
      const r = await executor.request('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
      return (await r.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
    };
    const res = await post(ELEVEN);
    expect(res.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(res.errors?.[0]?.message).toMatch(/nests more relations/);
    const next = await post('{ person(slug: "ali-larijani") { name } }');
    expect(next.data.person.name).toBe('Ali Larijani');
  });
});
