/**
 * The single-statement budget: a nested selection of depth ≤ 6 over any mix of relations is
 * answered by ONE SQL statement per root field (counted by the app's SQL debug switch).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/app.ts';

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

describe('past the nesting one statement can hold', () => {
  it('is refused with QUERY_TOO_COMPLEX, not an internal error, and the next request is served', async () => {
    // Within the depth and cost limits, but eleven nested relations: more than SQLite parses in one statement.
    const res = await t.gql(`{ organisation(slug: "supreme-national-security-council") { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { name } } } } } } } } } } } } }`);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(res.body.errors?.[0]?.message).toMatch(/nests more relations/);
    const next = await t.gql('{ person(slug: "ali-larijani") { name } }');
    expect(next.body.data.person.name).toBe('Ali Larijani');
  });
});
