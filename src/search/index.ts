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
 * `upgradeDatabase` at start-up for documents a migration backfilled).
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { foldName } from '../domain/fold.ts';

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

/** How many queued documents one pass folds (a load queues one article and its engagements). */
const BATCH = 200;

/**
 * Write the folded columns of every document waiting in `search_pending`, then dequeue them.
 * Run it inside the transaction that queued them (the loader does), or any time after.
 * @returns how many documents were folded
 */
export async function foldPendingSearchDocs(db: Executor): Promise<number> {
  let done = 0;
  for (;;) {
    const rows = await db.all<{ key: number; title: string | null; body: string | null }>(sql`
      select p.key as key,
        case p.key % 8 when 1 then a.headline when 5 then e.summary end as title,
        case p.key % 8 when 1 then a.body else '' end as body
      from search_pending p
      left join articles a on p.key % 8 = 1 and a.id = p.key / 8
      left join engagements e on p.key % 8 = 5 and e.id = p.key / 8
      order by p.key limit ${BATCH}`);
    if (rows.length === 0) return done;
    for (const row of rows) {
      if (row.title !== null) {
        // FTS5 has no UPDATE of selected columns that keeps the others: rewrite the document.
        await db.run(sql`delete from search_fts where rowid = ${row.key}`);
        await db.run(sql`insert into search_fts (rowid, title, title_folded, body, body_folded)
          values (${row.key}, ${row.title}, ${foldName(row.title)}, ${row.body ?? ''}, ${foldName(row.body ?? '')})`);
      }
      await db.run(sql`delete from search_pending where key = ${row.key}`);
      done++;
    }
    if (rows.length < BATCH) return done;
  }
}
