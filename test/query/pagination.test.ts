/**
 * Connections: keyset cursors over orderings whose sort values tie, forward and backward, root
 * and nested; totalCount of the filtered set of distinct entities; every bad argument a clear
 * error with a code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { appWith, idOf, pageThrough, walk, type FixtureArticle } from './fixtures.ts';

const SAME_TIME = '2025-11-01T10:00:00Z';
const ada = { key: 'ada', name: 'Ada Tie', rel: 'about' as const, relevance: 0.5 };
const bob = { key: 'bob', name: 'Bob Tie', rel: 'about' as const, relevance: 0.5 };
const cy = { key: 'cy', name: 'Cy Tie', rel: 'mentions' as const, relevance: 0.5 };
const dee = { key: 'dee', name: 'Dee Tie', rel: 'mentions' as const };

const articles: FixtureArticle[] = [
  { uri: 'urn:t:a1', headline: 'Same headline', publishedAt: SAME_TIME, people: [ada, bob, cy, dee] },
  { uri: 'urn:t:a2', headline: 'Same headline', publishedAt: SAME_TIME, people: [ada] },
  { uri: 'urn:t:a3', headline: 'Same headline', publishedAt: SAME_TIME, people: [ada, bob] },
  { uri: 'urn:t:a4', headline: 'Another one', publishedAt: '2025-10-01T08:00:00Z', people: [bob] },
  { uri: 'urn:t:a5', headline: 'Undated one', people: [ada, bob] },
  { uri: 'urn:t:a6', headline: 'Undated two', people: [ada] },
  { uri: 'urn:t:a7', headline: 'Zeta', publishedAt: '2025-12-24T00:00:00Z' },
  {
    uri: 'urn:t:places',
    headline: 'Two Georgias',
    places: [
      { key: 'usa', name: 'United States', kind: 'COUNTRY', iso3166: 'US' },
      { key: 'georgia-state', name: 'Georgia', kind: 'REGION', country: 'usa' },
      { key: 'georgia', name: 'Georgia', kind: 'COUNTRY', iso3166: 'GE' },
      { key: 'tbilisi', name: 'Tbilisi', kind: 'CITY', country: 'georgia' },
    ],
  },
  {
    uri: 'urn:t:engagements',
    headline: 'Meetings on one day',
    organisations: [
      { key: 'o1', name: 'Org One', kind: 'STATE' },
      { key: 'o2', name: 'Org Two', kind: 'STATE' },
    ],
    people: [{ key: 'eve', name: 'Eve Double' }],
    engagements: [
      { key: 'm1', summary: 'm1', date: { edtf: '2025-11-03' }, participants: [{ actor: 'o1', role: 'HOST' }, { actor: 'o2', role: 'GUEST' }] },
      { key: 'm2', summary: 'm2', date: { edtf: '2025-11-03' }, participants: [{ actor: 'o1', role: 'HOST' }, { actor: 'eve', role: 'GUEST' }] },
      { key: 'm3', summary: 'm3', date: { edtf: '2025-11-03' }, participants: [{ actor: 'o2', role: 'HOST' }, { actor: 'eve', role: 'LEAD' }] },
      { key: 'm4', summary: 'm4', participants: [{ actor: 'o1', role: 'SPEAKER' }] },
      { key: 'm5', summary: 'm5', participants: [{ actor: 'o2', role: 'SPEAKER' }] },
      // Eve is both LEAD and GUEST of m6: one engagement, listed and counted once.
      { key: 'm6', summary: 'm6', date: { edtf: '2025-10-01' }, participants: [{ actor: 'eve', role: 'LEAD' }, { actor: 'eve', role: 'GUEST' }, { actor: 'o1', role: 'HOST' }] },
    ],
  },
];

let t: TestApp;
beforeAll(async () => {
  t = await appWith(articles, { config: { maxPageSize: 50 } });
});
afterAll(() => t.close());

async function all(field: string, args: string, pick: string): Promise<string[]> {
  const res = await t.gql(`{ ${field}(first: 50${args ? `, ${args}` : ''}) { totalCount edges { node { ${pick} } } } }`);
  expect(res.body.errors).toBeUndefined();
  return res.body.data[field].edges.map((e: { node: Record<string, string> }) => e.node[pick.split(/\s/)[0]!]);
}

describe('keyset cursors: ties in the sort key are neither skipped nor repeated', () => {
  const orders = ['PUBLISHED_DESC', 'PUBLISHED_ASC', 'HEADLINE_ASC'];
  for (const order of orders) {
    it(`articles ${order}: every page size, forward and backward, gives the one full ordering`, async () => {
      const full = await all('articles', `orderBy: ${order}`, 'uri');
      expect(full).toHaveLength(9);
      expect(new Set(full).size).toBe(9);
      for (const size of [1, 2, 4]) {
        expect(await walk(t, 'articles', `orderBy: ${order}`, 'uri', 'forward', size)).toEqual(full);
        expect(await walk(t, 'articles', `orderBy: ${order}`, 'uri', 'backward', size)).toEqual(full);
      }
    });
  }

  it('undated articles come last in both publication orders; ties broken by id', async () => {
    const desc = await all('articles', 'orderBy: PUBLISHED_DESC', 'uri publishedAt');
    const asc = await all('articles', 'orderBy: PUBLISHED_ASC', 'uri publishedAt');
    expect(desc[0]).toBe('urn:t:a7');
    expect(asc[0]).toBe('urn:t:a4');
    const undated = new Set(['urn:t:a5', 'urn:t:a6', 'urn:t:places', 'urn:t:engagements']);
    expect(new Set(desc.slice(-4))).toEqual(undated);
    expect(new Set(asc.slice(-4))).toEqual(undated);
  });

  it('places with the same name (two Georgias) page through one at a time both ways', async () => {
    const full = await all('places', 'orderBy: NAME_ASC', 'slug');
    expect(full).toHaveLength(4);
    for (const order of ['NAME_ASC', 'NAME_DESC']) {
      const expected = await all('places', `orderBy: ${order}`, 'slug');
      expect(await walk(t, 'places', `orderBy: ${order}`, 'slug', 'forward', 1)).toEqual(expected);
      expect(await walk(t, 'places', `orderBy: ${order}`, 'slug', 'backward', 1)).toEqual(expected);
    }
  });

  it('engagements on the same day and with unknown dates, DATE_ASC and DATE_DESC, both ways', async () => {
    for (const order of ['DATE_ASC', 'DATE_DESC']) {
      const full = await all('engagements', `orderBy: ${order}`, 'summary');
      expect(full).toHaveLength(6);
      expect(full.slice(-2).sort()).toEqual(['m4', 'm5']); // unknown dates last either way
      for (const size of [1, 2, 4]) {
        expect(await walk(t, 'engagements', `orderBy: ${order}`, 'summary', 'forward', size)).toEqual(full);
        expect(await walk(t, 'engagements', `orderBy: ${order}`, 'summary', 'backward', size)).toEqual(full);
      }
    }
  });

  it('nested connections page the same way: Person.articles and Article.people (relevance ties)', async () => {
    const adaId = await idOf(t, 'person', 'ada-tie');
    const page = async (args: string) => {
      const res = await t.gql(`{ node(id: "${adaId}") { ... on Person { articles(${args}) { totalCount edges { node { uri } } pageInfo { endCursor startCursor hasNextPage hasPreviousPage } } } } }`);
      expect(res.body.errors).toBeUndefined();
      expect(res.statements).toBe(1);
      return res.body.data.node.articles;
    };
    const uri = (node: { uri: string }) => node.uri;
    const full = (await page('first: 50')).edges.map((e: { node: { uri: string } }) => uri(e.node));
    expect(full).toHaveLength(5);
    expect(await pageThrough(page, uri, 'forward', 2)).toEqual(full);
    expect(await pageThrough(page, uri, 'backward', 2)).toEqual(full);

    const a1 = await idOf(t, 'article', 'same-headline');
    const links = async (args: string) =>
      (await t.gql(`{ node(id: "${a1}") { ... on Article { people(${args}) { edges { cursor node { name } } pageInfo { hasNextPage endCursor } } } } }`)).body.data.node.people;
    const names = await pageThrough(links, (node: { name: string }) => node.name, 'forward', 1);
    // Three share relevance 0.5 (ordered by id), the unjudged one comes last.
    expect(names).toEqual(['Ada Tie', 'Bob Tie', 'Cy Tie', 'Dee Tie']);
  });
});

describe('totalCount: the filtered set of distinct entities', () => {
  it('articles linked to ALL of two people (a many-to-many filter), root and nested, match their rows', async () => {
    const [adaId, bobId] = [await idOf(t, 'person', 'ada-tie'), await idOf(t, 'person', 'bob-tie')];
    const res = await t.gql(`{ articles(first: 1, filter: { people: ["${adaId}", "${bobId}"] }) { totalCount edges { node { uri } } } }`);
    expect(res.body.data.articles.totalCount).toBe(3); // a1, a3, a5
    expect(res.statements).toBe(1); // the count rides on the page's statement
    const all = await t.gql(`{ articles(first: 50, filter: { people: ["${adaId}", "${bobId}"] }) { totalCount edges { node { uri } } } }`);
    expect(all.body.data.articles.edges.map((e: { node: { uri: string } }) => e.node.uri).sort()).toEqual(['urn:t:a1', 'urn:t:a3', 'urn:t:a5']);
    const nested = await t.gql(`{ node(id: "${adaId}") { ... on Person { articles(first: 1, filter: { people: ["${bobId}"], rel: ABOUT }) { totalCount } } } }`);
    expect(nested.body.data.node.articles.totalCount).toBe(3);
    expect(nested.statements).toBe(1);
  });

  it('an actor with two roles in one engagement lists and counts it once', async () => {
    const eve = await idOf(t, 'person', 'eve-double');
    const res = await t.gql(`{ node(id: "${eve}") { ... on Person { engagements(first: 50) { totalCount edges { node { summary } } } } }
      engagements(first: 50, filter: { participants: ["${eve}"] }) { totalCount edges { node { summary } } } }`);
    expect(res.body.errors).toBeUndefined();
    const nested = res.body.data.node.engagements;
    expect(nested.totalCount).toBe(3);
    expect(nested.edges.map((e: { node: { summary: string } }) => e.node.summary).sort()).toEqual(['m2', 'm3', 'm6']);
    expect(res.body.data.engagements.totalCount).toBe(3);
  });

  it('totalCount alone costs one statement; an empty first page knows it is 0 without counting', async () => {
    const only = await t.gql('{ articles { totalCount } }');
    expect(only.body.data.articles.totalCount).toBe(9);
    expect(only.statements).toBe(1);
    const none = await t.gql('{ articles(first: 5, filter: { publishedFrom: "2030-01-01" }) { totalCount edges { node { uri } } } }');
    expect(none.body.data.articles).toEqual({ totalCount: 0, edges: [] });
    expect(none.statements).toBe(1);
    const people = await t.gql('{ people(first: 1) { totalCount } organisations(first: 1) { totalCount } places(first: 1) { totalCount } engagements(first: 1) { totalCount } }');
    expect(people.body.data).toEqual({
      people: { totalCount: 5 },
      organisations: { totalCount: 2 },
      places: { totalCount: 4 },
      engagements: { totalCount: 6 },
    });
    // Compiled: the four root lists in one statement (the executor sends one per root field).
    expect(people.statements).toBe(1);
    expect(people.body.extensions.sql.compiled).toBe(true);
  });
});

describe('bad arguments are errors with a code', () => {
  const code = async (query: string) => {
    const res = await t.gql(query);
    expect(res.body.errors?.length, JSON.stringify(res.body)).toBeGreaterThan(0);
    return res.body.errors![0]!.extensions?.code;
  };

  it('negative first or last, on root, nested and search connections', async () => {
    expect(await code('{ articles(first: -1) { totalCount } }')).toBe('BAD_USER_INPUT');
    expect(await code('{ people(last: -3) { edges { node { name } } } }')).toBe('BAD_USER_INPUT');
    expect(await code('{ person(slug: "ada-tie") { articles(first: -1) { totalCount } } }')).toBe('BAD_USER_INPUT');
    expect(await code('{ search(query: "tie", first: -1) { totalCount } }')).toBe('BAD_USER_INPUT');
  });

  it('first above the maximum page size (configured here: 50)', async () => {
    expect(await code('{ articles(first: 51) { totalCount } }')).toBe('BAD_USER_INPUT');
    expect(await code('{ search(query: "tie", first: 51) { totalCount } }')).toBe('BAD_USER_INPUT');
    expect(await code('{ person(slug: "ada-tie") { engagedWith(first: 51) { count } } }')).toBe('BAD_USER_INPUT');
    const ok = await t.gql('{ articles(first: 50) { totalCount } }');
    expect(ok.body.errors).toBeUndefined();
  });

  it('first together with last', async () => {
    expect(await code('{ articles(first: 1, last: 1) { totalCount edges { cursor } } }')).toBe('BAD_USER_INPUT');
    expect(await code('{ search(query: "tie", first: 1, last: 1) { totalCount } }')).toBe('BAD_USER_INPUT');
  });

  it('a malformed cursor is INVALID_CURSOR', async () => {
    const hex = (text: string) => Buffer.from(text).toString('hex').toUpperCase();
    for (const cursor of [
      'x',
      'not base64 !!',
      '',
      Buffer.from('DC:N:1').toString('base64'),
      Buffer.from('ng1|Article:PUBLISHED_DESC|garbage').toString('base64'),
      'ng2.',
      'ng2.XYZ',
      `ng2.${hex('Article:PUBLISHED_DESC|garbage')}`,
      `ng2.${hex('Article:PUBLISHED_DESC')}FF`,
    ]) {
      expect(await code(`{ articles(first: 1, after: ${JSON.stringify(cursor)}) { edges { cursor } } }`)).toBe('INVALID_CURSOR');
    }
    expect(await code('{ search(query: "tie", after: "nope") { totalCount } }')).toBe('INVALID_CURSOR');
    expect(await code('{ person(slug: "ada-tie") { articles(first: 1, before: "nope") { totalCount } } }')).toBe('INVALID_CURSOR');
  });

  it('cursors are hex ("ng2."), and cursors of the earlier base64 form still page the same', async () => {
    const page = await t.gql('{ articles(first: 2) { edges { cursor node { slug } } pageInfo { endCursor } } }');
    const cursor: string = page.body.data.articles.pageInfo.endCursor;
    expect(cursor).toMatch(/^ng2\.[0-9A-F]+$/);
    const text = Buffer.from(cursor.slice(4), 'hex').toString('utf8');
    expect(text.startsWith('Article:PUBLISHED_DESC|T:[')).toBe(true);
    const chunk = text.slice('Article:PUBLISHED_DESC|'.length);
    const old = Buffer.from(`ng1|Article:PUBLISHED_DESC|${Buffer.from(`DC:${chunk}`).toString('base64')}`).toString('base64');
    const next = await t.gql('query($a: String) { articles(first: 2, after: $a) { edges { node { slug } } } }', { a: cursor });
    const nextOld = await t.gql('query($a: String) { articles(first: 2, after: $a) { edges { node { slug } } } }', { a: old });
    expect(next.body.errors).toBeUndefined();
    expect(nextOld.body.data).toEqual(next.body.data);
    expect(next.body.data.articles.edges.length).toBeGreaterThan(0);
  });

  it('a cursor of another list or ordering is INVALID_CURSOR', async () => {
    const people = await t.gql('{ people(first: 1) { pageInfo { endCursor } } articles(first: 1) { pageInfo { endCursor } } }');
    const peopleCursor = people.body.data.people.pageInfo.endCursor;
    const articleCursor = people.body.data.articles.pageInfo.endCursor;
    // people and places both order by (name, id): the same shape, still refused
    expect(await code(`{ places(first: 1, after: "${peopleCursor}") { edges { cursor } } }`)).toBe('INVALID_CURSOR');
    // the same list in another ordering
    expect(await code(`{ articles(first: 1, orderBy: HEADLINE_ASC, after: "${articleCursor}") { edges { cursor } } }`)).toBe('INVALID_CURSOR');
    expect(await code(`{ search(query: "tie", after: "${articleCursor}") { totalCount } }`)).toBe('INVALID_CURSOR');
    // but an article cursor is a position in any article list of that ordering
    const nested = await t.gql(`{ person(slug: "ada-tie") { articles(first: 1, after: "${articleCursor}") { edges { cursor } } } }`);
    expect(nested.body.errors).toBeUndefined();
  });
});
