/**
 * Rows kept by triggers stay equal to what they copy: engagement_actors (one row per engagement
 * and actor) equals the distinct (engagement, actor) pairs of participants, with the
 * engagement's date sort keys; the article link tables carry their article's publication sort
 * keys. After loads, re-loads with changed participants and dates, merges and deletes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CorpusGenerator } from '../fixtures/corpus.ts';
import { deleteArticle } from '../../src/ingest/delete.ts';
import { loadBundle } from '../../src/ingest/load.ts';
import { mergePeople } from '../../src/ingest/merge.ts';
import { UNKNOWN_DAY_ASC, UNKNOWN_DESC, UNKNOWN_PUBLISHED_ASC } from '../../src/db/sort-keys.ts';
import { seedBundle, tempDb } from './helpers.ts';

let t: Awaited<ReturnType<typeof tempDb>>;
beforeAll(async () => {
  t = await tempDb();
});
afterAll(() => t.close());

const rows = async (sql: string) => (await t.db.$client.execute(sql)).rows.map((r) => `${r.engagement_id}/${r.person_id}/${r.organisation_id}`);
async function expectInSync() {
  const table = await rows('select engagement_id, person_id, organisation_id from engagement_actors order by 1, 2, 3');
  const derived = await rows('select distinct engagement_id, person_id, organisation_id from participants order by 1, 2, 3');
  expect(table).toEqual(derived);
  // Copied sort keys (src/db/schema.ts publishedKeys / engagementActors) equal their source.
  const staleDates = await t.db.$client.execute(`select count(*) n from engagement_actors x join engagements e on e.id = x.engagement_id
    where x.date_desc_key <> coalesce(e.date_latest, '') or x.date_asc_key <> coalesce(e.date_earliest, '9999-99-99')`);
  expect(Number(staleDates.rows[0]!.n)).toBe(0);
  for (const link of ['article_people', 'article_organisations', 'article_places', 'engagement_articles']) {
    const stale = await t.db.$client.execute(`select count(*) n from ${link} l join articles a on a.id = l.article_id
      where l.published_desc_key <> coalesce(a.published_at, '') or l.published_asc_key <> coalesce(a.published_at, '9999')`);
    expect(Number(stale.rows[0]!.n), link).toBe(0);
  }
  return table.length;
}

describe('engagement_actors', () => {
  it('follows loads, re-loads, merges and deletes', async () => {
    await loadBundle(t.db, seedBundle());
    expect(await expectInSync()).toBeGreaterThan(10);

    const gen = new CorpusGenerator({ articles: 60, seed: 7 });
    const bundles = Array.from({ length: 60 }, (_, i) => gen.bundle(i));
    for (const b of bundles) await loadBundle(t.db, b as never);
    const pairs = await expectInSync();
    // An actor with two roles in one engagement is one row (the seed's hosts are also speakers).
    const multi = Number((await t.db.$client.execute('select count(*) n from (select 1 from participants group by engagement_id, person_id, organisation_id having count(*) > 1)')).rows[0]!.n);
    const all = Number((await t.db.$client.execute('select count(*) n from participants')).rows[0]!.n);
    expect(pairs).toBeLessThanOrEqual(all - multi);

    // Re-load an article with one engagement's participants cut to the first two.
    const changed = structuredClone(bundles[5]) as { annotations: { engagements: { participants: unknown[] }[] } };
    for (const e of changed.annotations.engagements) e.participants = e.participants.slice(0, 2);
    await loadBundle(t.db, changed as never);
    await expectInSync();

    // Re-load an article with another publication date; move an engagement's dates.
    const redated = structuredClone(bundles[9]) as { ninjs: { firstCreated?: string; versionCreated?: string } };
    redated.ninjs.firstCreated = redated.ninjs.versionCreated = '2023-03-04T05:06:07Z';
    await loadBundle(t.db, redated as never);
    await t.db.$client.execute(`update engagements set date_latest = '2030-01-01', date_earliest = '2029-12-31' where id = (select min(id) from engagements)`);
    await expectInSync();
    expect(Number((await t.db.$client.execute(`select count(*) n from article_people where published_desc_key = '2023-03-04T05:06:07Z'`)).rows[0]!.n)).toBeGreaterThan(0);

    // Merge the two busiest people: their participant rows move to the kept one.
    const busiest = (await t.db.$client.execute('select person_id from participants where person_id is not null group by person_id order by count(*) desc limit 2')).rows;
    await mergePeople(t.db, Number(busiest[0]!.person_id), Number(busiest[1]!.person_id));
    await expectInSync();

    for (const id of [1, 3, 7, 20]) await deleteArticle(t.db, id);
    await expectInSync();
  });
});

describe('the triggers that copy sort keys', () => {
  it('use the sentinels of src/db/sort-keys.ts for unknown dates (the SQL lives in migration history)', async () => {
    const expected: Record<string, string> = {
      published_desc_key: UNKNOWN_DESC,
      published_asc_key: UNKNOWN_PUBLISHED_ASC,
      date_desc_key: UNKNOWN_DESC,
      date_asc_key: UNKNOWN_DAY_ASC,
    };
    const triggers = (await t.db.$client.execute("select name, sql from sqlite_master where type = 'trigger'")).rows;
    let assignments = 0;
    for (const { name, sql } of triggers) {
      const text = String(sql);
      for (const m of text.matchAll(/\b((?:published|date)_(?:asc|desc)_key)\s*=\s*coalesce\(/g)) {
        // The coalesce's last argument: scan to its closing parenthesis.
        let depth = 1;
        let i = m.index! + m[0].length;
        for (; i < text.length && depth > 0; i++) depth += text[i] === '(' ? 1 : text[i] === ')' ? -1 : 0;
        const sentinel = /'([^']*)'\s*\)$/.exec(text.slice(m.index!, i))?.[1];
        expect(sentinel, `${name}: ${m[1]}`).toBe(expected[m[1]!]);
        assignments++;
      }
    }
    expect(assignments).toBeGreaterThan(8);
  });
});
