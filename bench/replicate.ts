/**
 * A replicated corpus for search at scale: the generated corpus of `base` articles
 * (bench/generate.ts) copied `factor` times inside SQLite, each copy's articles with new ids
 * (id + r × max id), `#r<r>` / `-r<r>` on uri and slug, and publication times moved back by
 * r × the corpus's span in days, so the copies tile the past (an archive, newest first). The
 * copies carry text only: their search documents take the original's as written and folded
 * (copied in SQL, no fold pass); links, quotes and engagements are not copied. Good for the
 * full-text rows of the benchmark (bench/search.ts), not for the graph catalogue.
 *
 * Written to `.data/bench-search-<base × factor>.db` once and reused (a sidecar `.json` says what it holds).
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/ingest/open.ts';
import { ARTICLE_ROW_KEY } from '../src/search/articles.ts';

const VERSION = 1;

/**
 * Make sure `out` holds `source` (a generated corpus file) replicated `factor` times; build it if not.
 * @returns seconds the build took (0 when reused)
 */
export async function ensureReplicated(source: string, factor: number, out: string, log: (line: string) => void = console.log): Promise<number> {
  const meta = { version: VERSION, source, factor };
  try {
    if (existsSync(out) && JSON.stringify(JSON.parse(readFileSync(`${out}.json`, 'utf8'))) === JSON.stringify(meta)) return 0;
  } catch {
    // no or unreadable sidecar: rebuild
  }
  const started = performance.now();
  for (const f of [out, `${out}-wal`, `${out}-shm`, `${out}.json`]) rmSync(f, { force: true });
  // A consistent copy of the source (its WAL included), brought up to the current schema.
  const src = await openDatabase(`file:${source}`);
  await src.$client.execute(`VACUUM INTO '${out.replace(/'/g, "''")}'`);
  src.$client.close();
  const db = await openDatabase(`file:${out}`);
  const c = db.$client;
  const { max, span } = (await c.execute(`select max(id) as max, cast(julianday(max(published_at)) - julianday(min(published_at)) + 1 as integer) as span from articles`)).rows[0] as unknown as { max: number; span: number };
  log(`replicating ${source} (${max} articles, ${span} days) × ${factor} into ${out}`);
  await c.execute(`create temp table orig as select rowid / 8 as id, title, title_folded, body, body_folded from search_fts where rowid % 8 = 1 and rowid < ${(max + 1) * 8}`);
  for (let r = 1; r < factor; r++) {
    await c.batch([
      `insert into articles (id, uri, slug, headline, body, language, dateline_text, dateline_place_id, published_at, reference_date, byline, version, ninjs_extra, ingested_at, extraction)
        select id + ${r * max}, uri || '#r${r}', slug || '-r${r}', headline, body, language, dateline_text, dateline_place_id,
          case when published_at is null then null else strftime('%Y-%m-%dT%H:%M:%SZ', published_at, '-${r * span} days') end,
          reference_date, byline, version, ninjs_extra, ingested_at, extraction
        from articles where id <= ${max}`,
    ], 'write');
    if (r % 10 === 0) log(`  ${r * max} articles copied`);
  }
  // The copies' documents: the original's text as written and folded, in both indexes.
  await c.batch([
    `delete from search_fts where rowid >= ${(max + 1) * 8} and rowid % 8 = 1`,
    `insert into search_fts (rowid, title, title_folded, body, body_folded)
      select a.id * 8 + 1, o.title, o.title_folded, o.body, o.body_folded from articles a join orig o on o.id = (a.id - 1) % ${max} + 1 where a.id > ${max}`,
    `insert into article_fts (article_fts) values ('delete-all')`,
  ], 'write');
  await db.run(sql`insert into article_fts (rowid, title, title_folded, body, body_folded)
    select ${ARTICLE_ROW_KEY}, o.title, o.title_folded, o.body, o.body_folded from articles a join orig o on o.id = (a.id - 1) % ${sql.raw(String(max))} + 1`);
  await c.batch([`delete from search_pending`, `insert into search_fts (search_fts) values ('optimize')`, `insert into article_fts (article_fts) values ('optimize')`], 'write');
  await c.execute('drop table orig');
  c.close();
  writeFileSync(`${out}.json`, JSON.stringify(meta) + '\n');
  const seconds = (performance.now() - started) / 1000;
  log(`  built in ${seconds.toFixed(0)} s`);
  return seconds;
}
