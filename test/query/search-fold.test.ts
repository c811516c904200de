/**
 * The search fold (src/search/index.ts) writes a pass of queued documents set-based, a few
 * statements for the whole pass. That must leave the index that folding the same documents one
 * at a time leaves: the same rows in search_fts, the same term instances (term, document, column,
 * offset) in search_fts and in the contentless article_fts, the same search_terms and
 * article_terms. The queue mixes every kind of document, more than one pass's worth, edits (a
 * headline, a publication date that moves the article_fts rowid, a new alias that re-queues the
 * linked documents), a deleted article and a queued key whose row is gone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { loadBundles } from '../../src/ingest/bulk.ts';
import { foldPendingSearchDocs } from '../../src/search/index.ts';
import { CorpusGenerator } from '../fixtures/corpus.ts';
import { tempDb } from '../ingest/helpers.ts';

const N = 60;
/** An article id no row has: a queued key left behind by a row that is gone. */
const GONE = 999_999;

type Temp = Awaited<ReturnType<typeof tempDb>>;
let batched: Temp;
let oneByOne: Temp;

const rows = async (db: Database, q: string) => (await db.$client.execute(q)).rows.map((r) => JSON.stringify(r));

/** The index's logical contents (FTS5 segment layout aside, which depends on how writes were grouped). */
async function index(db: Database) {
  await db.$client.execute(`create virtual table if not exists temp.search_fts_instances using fts5vocab(main, search_fts, 'instance')`);
  await db.$client.execute(`create virtual table if not exists temp.article_fts_instances using fts5vocab(main, article_fts, 'instance')`);
  return {
    searchFts: await rows(db, 'select rowid, * from search_fts order by rowid'),
    searchFtsInstances: await rows(db, 'select * from temp.search_fts_instances order by term, doc, col, offset'),
    // article_fts rowids pass 2^53: compared as text.
    articleFtsInstances: await rows(db, 'select term, cast(doc as text) as doc, col, offset from temp.article_fts_instances order by term, doc, col, offset'),
    searchTerms: await rows(db, 'select term from search_terms order by term'),
    articleTerms: await rows(db, 'select term from article_terms order by term'),
    pending: await rows(db, 'select key from search_pending'),
  };
}

/** The same corpus, edits and queue in a fresh database; returns how many documents are queued. */
async function prepare(t: Temp): Promise<number> {
  const gen = new CorpusGenerator({ articles: N, seed: 99 });
  await loadBundles(t.db, Array.from({ length: N }, (_, i) => gen.bundle(i)), { chunkSize: 25 });
  const run = (q: string) => t.db.$client.execute(q);
  // Start the vocabularies over, so the fold below alone writes them.
  await run('delete from search_terms');
  await run('delete from article_terms');
  await run(`update articles set headline = headline || ' Ünïcode Ædit' where id = 3`);
  await run(`update articles set published_at = '1899-05-05T10:00:00.250Z' where id = 4`);
  await run(`insert into aliases (person_id, name, name_key) select id, 'Zyxwv Qrstu', 'zyxwv qrstu' from people order by id limit 1`);
  await run('delete from articles where id = 5');
  await run(`insert or ignore into search_pending (key) select id * 8 + 1 from articles union all select id * 8 + 5 from engagements
    union all select id * 8 + 2 from people union all select id * 8 + 3 from organisations union all select id * 8 + 4 from places`);
  await run(`insert into search_pending (key) values (${GONE * 8 + 1})`);
  return Number((await run('select count(*) as n from search_pending')).rows[0]!.n);
}

beforeAll(async () => {
  [batched, oneByOne] = [await tempDb(), await tempDb()];
}, 60_000);
afterAll(() => {
  batched?.close();
  oneByOne?.close();
});

describe('the search fold, set-based', () => {
  it('leaves the index that folding the documents one at a time leaves', async () => {
    const queued = await prepare(batched);
    expect(await prepare(oneByOne)).toBe(queued);
    // More than one pass (BATCH = 200) and fewer than the count that triggers an FTS5 optimize.
    expect(queued).toBeGreaterThan(400);
    expect(queued).toBeLessThan(1000);

    expect(await foldPendingSearchDocs(batched.db)).toBe(queued);

    const run = (q: string) => oneByOne.db.$client.execute(q);
    await run('create temp table held as select key from search_pending');
    await run('delete from search_pending');
    const keys = (await run('select key from held order by key')).rows.map((r) => Number(r.key));
    for (const key of keys) {
      await run(`insert into search_pending (key) values (${key})`);
      expect(await foldPendingSearchDocs(oneByOne.db)).toBe(1);
    }

    const a = await index(batched.db);
    const b = await index(oneByOne.db);
    expect(a.pending).toEqual([]);
    for (const part of ['searchFts', 'searchFtsInstances', 'articleFtsInstances', 'searchTerms', 'articleTerms'] as const) {
      expect(a[part].length, part).toBeGreaterThan(0);
      expect(a[part], part).toEqual(b[part]);
    }
  }, 120_000);

  it('writes the folded forms of the edits and nothing for a row that is gone', async () => {
    const match = async (table: string, q: string) => (await batched.db.$client.execute({ sql: `select count(*) as n from ${table} where ${table} match ?`, args: [q] })).rows[0]!.n;
    // The edited headline, folded ("Ünïcode Ædit" → "unicode aedit"), in both indexes.
    expect(await match('search_fts', 'title_folded: "unicode aedit"')).toBe(1);
    expect(await match('article_fts', 'title_folded: "unicode aedit"')).toBe(1);
    // The new alias's words reach the folded body of the documents linked to the person.
    expect(Number(await match('search_fts', 'body_folded: zyxwv'))).toBeGreaterThan(0);
    expect(Number(await match('article_fts', 'body_folded: zyxwv'))).toBeGreaterThan(0);
    const terms = await rows(batched.db, `select term from search_terms where term in ('zyxwv', 'qrstu') order by term`);
    expect(terms).toEqual(['{"term":"qrstu"}', '{"term":"zyxwv"}']);
    // The re-dated article sits at its new rowid (clamped date group 1) in article_fts, once.
    const moved = await batched.db.$client.execute(`select cast(rowid as text) as r from article_fts where rowid % 134217728 = 4`);
    expect(moved.rows.map((r) => r.r)).toEqual([String(1 * 134217728 + 4)]);
    // Neither the deleted article nor the key with no row left anything.
    expect(await rows(batched.db, `select rowid from search_fts where rowid in (${5 * 8 + 1}, ${GONE * 8 + 1})`)).toEqual([]);
    expect(await rows(batched.db, `select rowid from article_fts where rowid % 134217728 in (5, ${GONE})`)).toEqual([]);
  });
});
