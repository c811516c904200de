/**
 * The seed shows every feature (issue 12, item 5): its relative dates resolve against the
 * reference date to real bounds, date filters and date ordering answer on it, JSON-LD carries
 * `datePublished`, engagement summaries are public sentences (no coding notes in summaries,
 * search highlights or JSON-LD), and every list of the GraphiQL default query has entries.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUERY } from '../src/graphql/default-query.ts';
import { testAppForSuite } from './helpers/app.ts';
import { SEED_DATE_BOUNDS } from './helpers/seed-facts.ts';

const t = testAppForSuite();

const ok = async (query: string, variables?: Record<string, unknown>) => (await t.ok(query, variables)).data;

const DATED = `query($filter: EngagementFilter, $order: EngagementOrder) {
  engagements(first: 20, filter: $filter, orderBy: $order) { totalCount edges { node { kind date { text edtf earliest latest } } } }
}`;
const words = (data: any) => data.engagements.edges.map((e: any) => e.node.date?.text ?? e.node.date?.earliest ?? null);

describe('the seed’s dates', () => {
  it('"late October", "early November", "on Monday" and "in June" resolve to bounds in 2025, and the visit is 24–25 November', async () => {
    const data = await ok(DATED, { order: 'DATE_ASC' });
    const dated = data.engagements.edges.map((e: any) => e.node).filter((n: any) => n.date);
    const written = (n: any): string => n.date.text ?? n.date.edtf;
    expect(dated.map((n: any) => `${n.kind} ${written(n)}`).sort()).toEqual([
      'CONFLICT in June', 'DELEGATION early November', 'MEETING late October', 'OTHER in June', 'STATEMENT on Monday', 'VISIT 2025-11-24/2025-11-25',
    ]);
    // The bounds the domain gives the same dates in the bundle file (seed-bundle.test.ts).
    for (const n of dated) expect([n.date.earliest, n.date.latest], written(n)).toEqual(SEED_DATE_BOUNDS[written(n)]);
  });

  it('orders engagements by date, newest first, undated last', async () => {
    const data = await ok(DATED, { order: 'DATE_DESC' });
    expect(words(data)).toEqual(['2025-11-24', 'on Monday', 'early November', 'late October', 'in June', 'in June', null, null]);
  });

  it('filters engagements by a date range (overlap of the bounds)', async () => {
    const november = await ok(DATED, { filter: { from: '2025-11-01', to: '2025-11-30' }, order: 'DATE_ASC' });
    expect(words(november).sort()).toEqual(['2025-11-24', 'early November', 'on Monday']);
    const autumn = await ok(DATED, { filter: { from: '2025-10-25', to: '2025-11-05' }, order: 'DATE_ASC' });
    expect(words(autumn).sort()).toEqual(['early November', 'late October']);
    const summer = await ok(DATED, { filter: { from: '2025-06-13', to: '2025-06-13' } });
    expect(summer.engagements.totalCount).toBe(2);
  });

  it('filters articles by publication date', async () => {
    const q = `query($f: ArticleFilter) { articles(first: 5, filter: $f) { totalCount } }`;
    expect((await ok(q, { f: { publishedFrom: '2025-11-24', publishedTo: '2025-11-24' } })).articles.totalCount).toBe(1);
    expect((await ok(q, { f: { publishedFrom: '2025-11-25' } })).articles.totalCount).toBe(0);
  });

  it('JSON-LD has datePublished', async () => {
    const data = await ok(`{ article(slug: "larijani-pakistan-visit") { publishedAt jsonLd } }`);
    expect(data.article.publishedAt).toBe('2025-11-24T00:00:00Z');
    expect(data.article.jsonLd.datePublished).toBe('2025-11-24T00:00:00Z');
  });
});

describe('engagement summaries are public sentences', () => {
  const coding = /\bcoded\b|\(|\bCAMEO\b/i;

  it('no summary, and nothing in JSON-LD, carries a coding note', async () => {
    const data = await ok(`{ engagements(first: 20) { edges { node { summary } } } article(slug: "larijani-pakistan-visit") { jsonLd } }`);
    for (const e of data.engagements.edges) expect(e.node.summary).not.toMatch(coding);
    expect(JSON.stringify(data.article.jsonLd)).not.toMatch(/\bcoded\b/i);
  });

  it('search highlights show no coding note', async () => {
    for (const query of ['coded', 'optimistic', 'praise', 'Tipu', 'war']) {
      const data = await ok(`query($q: String!) { search(query: $q, first: 20, types: [ENGAGEMENT]) { edges { highlight } } }`, { q: query });
      for (const e of data.search.edges) expect(e.highlight ?? '', query).not.toMatch(/\bcoded\b|optimistic comment|diplomatic-cooperation root/i);
    }
    const coded = await ok(`{ search(query: "coded", first: 5) { totalCount } }`);
    expect(coded.search.totalCount).toBe(0);
  });
});

describe('the GraphiQL default query on the seed', () => {
  it('answers in one statement, and every list in it has entries', async () => {
    const r = await t.gql(DEFAULT_QUERY);
    expect(r.body.errors).toBeUndefined();
    expect(r.statements).toBe(1);
    const a = r.body.data.article;
    expect(a.publishedAt).toBe('2025-11-24T00:00:00Z');
    expect(a.people.edges.length).toBeGreaterThan(0);
    for (const { node: person } of a.people.edges) {
      expect(person.roles.length, person.name).toBeGreaterThan(0);
      for (const role of person.roles) expect(role.organisation, person.name).not.toBeNull();
      expect(person.engagements.edges.length, person.name).toBeGreaterThan(0);
      for (const { node: e } of person.engagements.edges) expect(e.participants.length, `${person.name} ${e.kind}`).toBeGreaterThan(0);
    }
    // Newest first: the walk opens on the visit, dated.
    expect(a.people.edges[0].node.engagements.edges[0].node.date).toMatchObject({ earliest: '2025-11-24', latest: '2025-11-25' });
  });
});
