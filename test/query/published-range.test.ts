/**
 * Publication ranges (ArticleFilter.publishedFrom / publishedTo) against plain SQL over
 * articles.published_at. Unknown dates never match a range, and a day bound includes its whole day.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../fixtures/corpus.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');
async function q(sql: string, args: unknown[] = []) {
  return (await t.db.$client.execute({ sql, args: args as never })).rows;
}
const LIST = `query L($f: ArticleFilter) { articles(filter: $f, first: 100) { totalCount edges { node { id publishedAt } } } }`;

beforeAll(async () => {
  t = await createTestApp({ seed: false });
  await loadCorpus(t.db, { articles: 20, seed: 3 });
  await q(`update articles set published_at = null where id in (1, 2)`);
}, 120_000);
afterAll(() => t.close());

describe('publication ranges', () => {
  it('publishedTo in year 9999 does not let undated articles in', async () => {
    const want = Number((await q(`select count(*) n from articles where published_at <= '9999-12-31T23:59:59.999Z'`))[0]!.n);
    const r = await t.gql(LIST, { f: { publishedTo: '9999-12-31' } });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.articles.edges.filter((e: { node: { publishedAt: string | null } }) => e.node.publishedAt == null)).toEqual([]);
    expect(r.body.data.articles.totalCount).toBe(want);
    // Same through the cut first page of one entity's list.
    const p = Number((await q(`select person_id id from article_people where article_id = 1 limit 1`))[0]!.id);
    const one = await t.gql(LIST, { f: { people: [gid('Person', p)], publishedTo: '9999-12-31' } });
    expect(one.body.data.articles.edges.filter((e: { node: { publishedAt: string | null } }) => e.node.publishedAt == null)).toEqual([]);
  });

  it('publishedTo "YYYY-MM-DD" includes an article published at 23:59:59Z that day (stored "…:59Z" against a bound)', async () => {
    await q(`update articles set published_at = '2031-03-31T23:59:59Z' where id = 5`);
    const r = await t.gql(LIST, { f: { publishedFrom: '2031-03-31', publishedTo: '2031-03-31' } });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.articles.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([gid('Article', 5)]);
  });

  it('timestamp bounds compare at whole seconds, whatever the stored sub-second form', async () => {
    await q(`update articles set published_at = '2032-05-06T07:08:09.250Z' where id = 6`);
    await q(`update articles set published_at = '2032-05-06T07:08:09Z' where id = 7`);
    const ids = async (f: object) => (await t.gql(LIST, { f })).body.data.articles.edges.map((e: { node: { id: string } }) => e.node.id).sort();
    const both = [gid('Article', 6), gid('Article', 7)].sort();
    expect(await ids({ publishedFrom: '2032-05-06T07:08:09Z', publishedTo: '2032-05-06T07:08:09Z' })).toEqual(both);
    expect(await ids({ publishedFrom: '2032-05-06T07:08:09.900Z', publishedTo: '2032-05-06T09:08:09+02:00' })).toEqual(both);
    expect(await ids({ publishedFrom: '2032-05-06T07:08:10Z', publishedTo: '2032-05-07' })).toEqual([]);
    expect(await ids({ publishedTo: '2032-05-06T07:08:08Z', publishedFrom: '2032-05-06' })).toEqual([]);
  });

  it('an inverted range is refused with BAD_USER_INPUT', async () => {
    const r = await t.gql(LIST, { f: { publishedFrom: '2025-02-01', publishedTo: '2025-01-31' } });
    expect(r.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
