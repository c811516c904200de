/**
 * The full-text index (`search_fts`, FTS5, created by drizzle/*_search_and_co_actors): document
 * keys, and the folding pass SQL cannot do. `Query.search` reads it through the view
 * `search_docs` (drizzle/*_search_docs), which adds each document's row id per kind to join on.
 *
 * Triggers keep every document in sync on insert, update and delete: entities (people,
 * organisations, places: name, acronym, aliases) completely, since their folded forms are the
 * stored `name_key` columns; articles (headline, body) and engagements (summary) with their text
 * as written, queueing them in `search_pending`. `foldPendingSearchDocs` then writes the
 * `foldName` forms of the queued documents (the loader calls it at the end of each load, and
 * `upgradeDatabase` at start-up for documents a migration backfilled), and appends to an article's
 * or engagement's folded body the alias spellings of the entities it links to (triggers in
 * drizzle/*_search_linked_aliases queue it again when those links or aliases change). For a
 * queued person, organisation or place it records the words of its names in `search_terms`, the
 * vocabulary of the spelling-slip fallback (src/search/match.ts). An article's folded text also
 * goes to the articles-only index `article_fts` (./articles.ts), whose rowid follows publication
 * order, and its terms (as FTS5 cuts them) to `article_terms`, for type-ahead prefixes (./match.ts).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { foldName } from '../domain/fold.ts';
import { ARTICLE_ROW_KEY } from './articles.ts';

/** Document kinds; a document's FTS rowid is `id * 8 + kind`. */
export const DOC_KIND = { ARTICLE: 1, PERSON: 2, ORGANISATION: 3, PLACE: 4, ENGAGEMENT: 5 } as const;
export type DocType = keyof typeof DOC_KIND;
export const DOC_TYPE_BY_KIND: Record<number, DocType> = Object.fromEntries(
  Object.entries(DOC_KIND).map(([type, kind]) => [kind, type as DocType]),
);

/** The FTS rowid of a document. */
export function docKey(type: DocType, id: number): number {
  return id * 8 + DOC_KIND[type];
}

/** The type and row id a document key stands for. */
export function parseDocKey(key: number): { type: DocType; id: number } | null {
  const type = DOC_TYPE_BY_KIND[key % 8];
  return type ? { type, id: Math.floor(key / 8) } : null;
}

type Executor = Pick<Database, 'all' | 'run'>;

/**
 * The other spellings of the entities a queued article (`p.key / 8`) links to (its people,
 * organisations and places): rows "name_key US alias" (unit separator), an alias being a folded
 * alias or a lower-cased acronym, joined by a line feed.
 */
const LINKED_OF_ARTICLE = sql.raw(`select group_concat(n, char(10)) from (
    select e.name_key || char(31) || x.name_key as n from article_people l join people e on e.id = l.person_id join aliases x on x.person_id = e.id where l.article_id = p.key / 8
    union select e.name_key || char(31) || x.name_key from article_organisations l join organisations e on e.id = l.organisation_id join aliases x on x.organisation_id = e.id where l.article_id = p.key / 8
    union select e.name_key || char(31) || lower(e.acronym) from article_organisations l join organisations e on e.id = l.organisation_id where l.article_id = p.key / 8 and e.acronym is not null
    union select e.name_key || char(31) || x.name_key from article_places l join places e on e.id = l.place_id join aliases x on x.place_id = e.id where l.article_id = p.key / 8)`);

/** The same for a queued engagement: its participants and its place. */
const LINKED_OF_ENGAGEMENT = sql.raw(`select group_concat(n, char(10)) from (
    select e.name_key || char(31) || x.name_key as n from participants l join people e on e.id = l.person_id join aliases x on x.person_id = e.id where l.engagement_id = p.key / 8
    union select e.name_key || char(31) || x.name_key from participants l join organisations e on e.id = l.organisation_id join aliases x on x.organisation_id = e.id where l.engagement_id = p.key / 8
    union select e.name_key || char(31) || lower(e.acronym) from participants l join organisations e on e.id = l.organisation_id where l.engagement_id = p.key / 8 and e.acronym is not null
    union select e.name_key || char(31) || x.name_key from engagements g join places e on e.id = g.place_id join aliases x on x.place_id = e.id where g.id = p.key / 8)`);

/**
 * A document's body_folded: its body folded, then the words of the linked entities' aliases and
 * acronyms that their names lack, so another spelling finds the entity's articles and engagements
 * ("Ghalibaf" the article about Qalibaf) while the name's own words find only the text that has
 * them. Only matched, never shown: highlights read the body as written.
 */
function foldedBody(body: string, linked: string | null): string {
  const folded = foldName(body);
  if (!linked) return folded;
  const extra = new Set<string>();
  for (const row of linked.split('\n')) {
    const [name = '', alias = ''] = row.split('\u001f');
    const own = new Set(name.split(' '));
    for (const word of alias.split(' ')) if (word && !own.has(word)) extra.add(word);
  }
  return extra.size ? `${folded}${LINKED_WORDS}${[...extra].join(' ')}` : folded;
}

/** Separates a body's own folded words from the linked entities' words (foldName never yields "·"). */
const LINKED_WORDS = ' · ';

/** The part of a stored `body_folded` that is the body's own folded text (without linked words). */
export function ownFoldedBody(bodyFolded: string): string {
  const at = bodyFolded.indexOf(LINKED_WORDS);
  return at === -1 ? bodyFolded : bodyFolded.slice(0, at);
}

/** A word of an entity's folded names (its name_key, alias keys, acronym), for `search_terms`. */
const TERM = /[\p{L}\p{M}\p{N}]+/gu;

/** How many queued documents one pass folds (a load queues one article and its engagements; a bulk chunk, hundreds). */
const BATCH = 200;

/** A JSON array parameter, read in SQL with `json_each`: one statement text whatever the batch size. */
const jsonList = (values: Iterable<string | number>) => sql`(select value from json_each(${JSON.stringify([...values])}))`;

/**
 * Write the folded columns of every document waiting in `search_pending`, then dequeue them.
 * Run it inside the transaction that queued them (the loader does), or any time after.
 * Each pass of up to `BATCH` documents is a fixed number of set-based statements (one multi-row
 * write per table), not a few statements per document.
 * @returns how many documents were folded
 */
export async function foldPendingSearchDocs(db: Executor): Promise<number> {
  let done = 0;
  for (;;) {
    const rows = await db.all<{ key: number; title: string | null; body: string | null; linked: string | null; names: string | null }>(sql`
      select p.key as key,
        case when p.key % 8 between 2 and 4 then (select f.title_folded || ' ' || f.body_folded from search_fts f where f.rowid = p.key) end as names,
        case p.key % 8 when 1 then a.headline when 5 then e.summary end as title,
        case p.key % 8 when 1 then a.body else '' end as body,
        case p.key % 8 when 1 then (${LINKED_OF_ARTICLE}) when 5 then (${LINKED_OF_ENGAGEMENT}) end as linked
      from search_pending p
      left join articles a on p.key % 8 = 1 and a.id = p.key / 8
      left join engagements e on p.key % 8 = 5 and e.id = p.key / 8
      order by p.key limit ${BATCH}`);
    if (rows.length === 0) return optimized(db, done);
    // search_pending's key is its primary key: a pass sees each document once, so set-based writes keep per-document results.
    const documents: SQL[] = [];
    const rewritten: number[] = [];
    const articles: number[] = [];
    const terms = new Set<string>();
    for (const row of rows) {
      if (row.title !== null) {
        const body = row.body ?? '';
        documents.push(sql`(${row.key}, ${row.title}, ${foldName(row.title)}, ${body}, ${foldedBody(body, row.linked)})`);
        rewritten.push(row.key);
        if (row.key % 8 === DOC_KIND.ARTICLE) articles.push(row.key);
      }
      for (const term of row.names?.toLowerCase().match(TERM) ?? []) terms.add(term);
    }
    if (documents.length) {
      // FTS5 has no UPDATE of selected columns that keeps the others: rewrite the documents.
      await db.run(sql`delete from search_fts where rowid in ${jsonList(rewritten)}`);
      await db.run(sql`insert into search_fts (rowid, title, title_folded, body, body_folded) values ${sql.join(documents, sql`, `)}`);
    }
    if (articles.length) {
      // The same documents in the articles-only index, at their publication-order rowids (computed in SQL: beyond 2^53),
      // copied from search_fts rather than bound twice. Contentless-delete FTS5 tables take INSERT OR REPLACE with every column.
      // In rowid order: FTS5 flushes its pending terms to a new segment whenever a rowid falls below the last one written.
      await db.run(sql`insert or replace into article_fts (rowid, title, title_folded, body, body_folded)
        select ${ARTICLE_ROW_KEY}, f.title, f.title_folded, f.body, f.body_folded
        from search_fts f join articles a on a.id = f.rowid / 8 where f.rowid in ${jsonList(articles)} order by 1`);
      // Their terms, cut by FTS5's own tokenizer, for the type-ahead lookup (article_terms).
      await db.run(sql`insert into article_terms_scratch (title, title_folded, body, body_folded)
        select title, title_folded, body, body_folded from search_fts where rowid in ${jsonList(articles)}`);
      await db.run(sql`insert or ignore into article_terms (term) select term from article_terms_scratch_vocab`);
      await db.run(sql`insert into article_terms_scratch (article_terms_scratch) values ('delete-all')`);
    }
    if (terms.size) await db.run(sql`insert or ignore into search_terms (term) select value from json_each(${JSON.stringify([...terms])})`);
    await db.run(sql`delete from search_pending where key in ${jsonList(rows.map((r) => r.key))}`);
    done += rows.length;
    if (rows.length < BATCH) return optimized(db, done);
  }
}

/** Folds past which the index is merged into one segment (a migration's backfill, not a load). */
const OPTIMIZE_AFTER = 1000;

/**
 * After a large re-fold, merge the FTS5 index: thousands of rewritten documents leave segments
 * and deletion markers (at 10k articles they took Query.search from 14 to 20 ms p50; the merge takes 0.7 s).
 */
async function optimized(db: Executor, done: number): Promise<number> {
  if (done >= OPTIMIZE_AFTER) {
    await db.run(sql`insert into search_fts (search_fts) values ('optimize')`);
    await db.run(sql`insert into article_fts (article_fts) values ('optimize')`);
  }
  return done;
}
