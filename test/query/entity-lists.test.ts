/**
 * Lists that read an entity's link rows in order (the sort keys copied onto link rows) and cut a
 * first page inside that list: articles filtered by one entity, engagements filtered by a set of
 * actors (src/graphql/types/filters.ts). Whatever the path, the answer is the plain one: the same
 * rows in the same order as plain SQL over the source columns, the full count, and pages that join up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../fixtures/corpus.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
const ARTICLES = 60;
beforeAll(async () => {
  t = await createTestApp({ seed: false });
  await loadCorpus(t.db, { articles: ARTICLES, seed: 99 });
}, 120_000);
afterAll(() => t.close());

const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');
const LIST = `query L($f: ArticleFilter, $o: ArticleOrder, $first: Int, $after: String) {
  articles(filter: $f, orderBy: $o, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { slug publishedAt } } } }`;

/** The expected slugs, from SQL over the plain columns. */
async function expected(org: number, order: 'desc' | 'asc', from?: string, to?: string, rel?: string) {
  const key = order === 'desc' ? "coalesce(a.published_at, '')" : "coalesce(a.published_at, '9999')";
  const rows = await t.db.$client.execute({
    sql: `select a.slug from articles a join article_organisations l on l.article_id = a.id and l.organisation_id = ?
          where (? is null or a.published_at >= ?) and (? is null or a.published_at <= ?) and (? is null or l.rel = ?)
          order by ${key} ${order}, a.id ${order}`,
    args: [org, from ?? null, from ?? null, to ?? null, to ?? null, rel ?? null, rel ?? null],
  });
  return rows.rows.map((r) => String(r.slug));
}

describe('an entity\'s article list', () => {
  it('first pages, later pages and counts agree with the plain answer', async () => {
    const busiest = (await t.db.$client.execute('select organisation_id id, count(*) n from article_organisations group by 1 order by 2 desc limit 1')).rows[0]!;
    const org = Number(busiest.id);
    expect(Number(busiest.n)).toBeGreaterThan(8);
    const cases = [
      { o: 'PUBLISHED_DESC', order: 'desc', from: '2024-03-01', to: '2025-09-30' },
      { o: 'PUBLISHED_ASC', order: 'asc', from: '2024-03-01' },
      { o: 'PUBLISHED_DESC', order: 'desc', to: '2025-01-31' },
      { o: 'PUBLISHED_DESC', order: 'desc' },
      { o: 'PUBLISHED_DESC', order: 'desc', rel: 'about' },
    ] as const;
    for (const c of cases) {
      const want = await expected(org, c.order, 'from' in c ? `${c.from}T00:00:00Z` : undefined, 'to' in c ? `${c.to}T23:59:59.999Z` : undefined, 'rel' in c ? c.rel : undefined);
      expect(want.length, JSON.stringify(c)).toBeGreaterThan(2);
      const f = { organisations: [gid('Organisation', org)], ...('from' in c ? { publishedFrom: c.from } : {}), ...('to' in c ? { publishedTo: c.to } : {}), ...('rel' in c ? { rel: 'ABOUT' } : {}) };
      // Page through 3 at a time: the first page is cut inside the link list, the others are not.
      const got: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 50; page++) {
        const r = await t.gql(LIST, { f, o: c.o, first: 3, after });
        expect(r.body.errors, JSON.stringify(c)).toBeUndefined();
        expect(r.statements).toBe(1);
        expect(r.body.data.articles.totalCount, JSON.stringify(c)).toBe(want.length);
        got.push(...r.body.data.articles.edges.map((e: { node: { slug: string } }) => e.node.slug));
        if (!r.body.data.articles.pageInfo.hasNextPage) break;
        after = r.body.data.articles.pageInfo.endCursor;
      }
      expect(got, JSON.stringify(c)).toEqual(want);
    }
  });

  it('"engagements with all of these actors" pages and counts agree with the plain answer', async () => {
    const pair = (await t.db.$client.execute(`select a.organisation_id x, b.organisation_id y, count(distinct a.engagement_id) n from participants a
      join participants b on b.engagement_id = a.engagement_id and b.organisation_id > a.organisation_id group by 1, 2 order by 3 desc, 1, 2 limit 1`)).rows[0]!;
    expect(Number(pair.n)).toBeGreaterThan(4);
    const ENG = `query E($f: EngagementFilter, $o: EngagementOrder, $first: Int, $after: String) {
      engagements(filter: $f, orderBy: $o, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`;
    for (const [o, key, dir] of [['DATE_DESC', "coalesce(e.date_latest, '')", 'desc'], ['DATE_ASC', "coalesce(e.date_earliest, '9999-99-99')", 'asc']] as const) {
      const want = (await t.db.$client.execute({
        sql: `select e.id from engagements e where e.id in (select engagement_id from participants where organisation_id = ?)
          and e.id in (select engagement_id from participants where organisation_id = ?) order by ${key} ${dir}, e.id ${dir}`,
        args: [Number(pair.x), Number(pair.y)],
      })).rows.map((r) => gid('Engagement', Number(r.id)));
      const f = { participants: [gid('Organisation', Number(pair.x)), gid('Organisation', Number(pair.y))] };
      const got: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 50; page++) {
        const r = await t.gql(ENG, { f, o, first: 2, after });
        expect(r.body.errors).toBeUndefined();
        expect(r.statements).toBe(1);
        expect(r.body.data.engagements.totalCount).toBe(want.length);
        got.push(...r.body.data.engagements.edges.map((e: { node: { id: string } }) => e.node.id));
        if (!r.body.data.engagements.pageInfo.hasNextPage) break;
        after = r.body.data.engagements.pageInfo.endCursor;
      }
      expect(got, o).toEqual(want);
    }
  });
});
