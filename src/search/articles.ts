/**
 * The articles-only full-text index `article_fts` (FTS5, contentless; drizzle/*_article_search),
 * whose rowid follows publication order, and the SQL that reads it for `articles(filter: { query })`.
 *
 * rowid = T * 2^27 + id: T is the PUBLISHED_DESC key `coalesce(published_at, '')` as a number
 * (0 unknown; else seconds since 1900-01-01 UTC, doubled, plus 1 for a whole second, since
 * '…:05.250Z' sorts before '…:05Z' as text), clamped to 1 .. 2^36 - 1. T never falls as the key
 * rises, so a page of PUBLISHED_DESC lies in the first T groups of `ORDER BY rowid DESC` and FTS5
 * stops there instead of producing every match for a sort. Limits of the encoding: article ids
 * below 2^27 (134 million); inside one T (two fractional times in one second; dates before 1900 or
 * after 2988, clamped) rowids order by id, not by key: page reads take whole T groups.
 *
 * Rowids exceed 2^53: they never reach JavaScript; every use stays inside SQL.
 */
import { sql, type SQL } from 'drizzle-orm';
import { publishedDescKey, UNKNOWN_DESC, UNKNOWN_PUBLISHED_ASC } from '../db/sort-keys.ts';

/** The table of article_fts's terms (drizzle/*_article_search), for type-ahead prefixes (`matchExpression`). */
export const ARTICLE_TERMS = 'article_terms';

/** 2^27: the id part of an article_fts rowid. */
const ID_SPAN = 134217728;
/** 2^36 - 1: the largest date part. */
const MAX_T = 68719476735;
/** Seconds from 1900-01-01 to 1970-01-01. */
const FROM_1900 = 2208988800;

/**
 * The article_fts rowid of an article, from its PUBLISHED_DESC key (`coalesce(published_at, '')`)
 * and id, as SQL. Same expression as the triggers of drizzle/*_article_search.
 */
export function articleSearchKey(descKey: SQL | string, id: SQL | number): SQL {
  // A bound JavaScript number may arrive as a REAL: the sum must stay an INTEGER (exact beyond 2^53).
  if (typeof id === 'number') id = sql`cast(${id} as integer)`;
  return sql`((case when ${descKey} = '' then 0 else max(1, min(${sql.raw(String(MAX_T))}, coalesce((unixepoch(${descKey}) + ${sql.raw(String(FROM_1900))}) * 2 + (instr(${descKey}, '.') = 0), 1))) end) * ${sql.raw(String(ID_SPAN))} + ${id})`;
}

/** The article_fts rowid of the row of `articles` aliased `a`, for the fold pass. */
export const ARTICLE_ROW_KEY = articleSearchKey(publishedDescKey(sql.raw('a.published_at')), sql.raw('a.id'));

/** The article id of an article_fts rowid, as SQL. */
const idOf = sql.raw(`rowid % ${ID_SPAN}`);

/** Where an article list stands: its cursor's sort key and id (PUBLISHED_DESC or PUBLISHED_ASC keys). */
export interface ArticlePosition {
  key: string;
  id: number;
}

/**
 * The ids of the articles a MATCH expression finds, as an `IN (...)` list: all of them, or, for
 * a page in publication order, a superset of the page's rows (`rows`, counting the one past the
 * page) that the outer query's sort and cursor trim: FTS5 reads the index in rowid order and stops
 * near them. Rowids order by date part T, then id, while the sort key orders by its text, then id:
 * they differ inside one T (fractions of a second, clamped dates), so the read takes whole T
 * groups: all of the cursor's T, and the `rows` first entries past it extended to the end of the
 * last one's T. Unknown dates (T = 0) order by id both ways and are cut exactly.
 * - PUBLISHED_DESC: rowid descending, from the `after` position's T down.
 * - PUBLISHED_ASC (unknown dates last): known dates ascending from the position's T, then unknown
 *   ones by id; each part stops near `rows`, the outer query's sort keeps the first `rows`.
 */
export function articleMatchIds(
  match: SQL,
  page?: { rows: number; order: 'PUBLISHED_DESC' | 'PUBLISHED_ASC'; after?: ArticlePosition | null },
): SQL {
  const hits = sql`select ${idOf} from article_fts where article_fts match ${match}`;
  if (!page) return hits;
  const { rows, after } = page;
  const matched = sql`article_fts match ${match}`;
  const span = sql.raw(String(ID_SPAN));
  // First rowid of the cursor's T group (T * 2^27).
  const group = after ? articleSearchKey(after.key, 0) : null;
  const entries = (cond: SQL, dir: 'asc' | 'desc') =>
    sql`select rowid from article_fts where ${matched} and ${cond} order by rowid ${sql.raw(dir)} limit ${rows}`;
  if (page.order === 'PUBLISHED_DESC') {
    if (after && after.key === UNKNOWN_DESC) return sql`${hits} and rowid < cast(${after.id} as integer) order by rowid desc limit ${rows}`;
    // Down to the start of the last entry's T group (an unknown date: the entry itself).
    const last = entries(group ? sql`rowid < ${group}` : sql`1`, 'desc');
    const floor = sql`coalesce((select case when min(rowid) < ${span} then min(rowid) else min(rowid) / ${span} * ${span} end from (${last})), ${group ?? sql`0`})`;
    return sql`${hits}${group ? sql` and rowid < ${group} + ${span}` : sql``} and rowid >= ${floor}`;
  }
  // Ascending keys: UNKNOWN_PUBLISHED_ASC is an unknown date (src/db/sort-keys.ts), whose rowids are below 2^27.
  const unknown = sql.raw(`rowid < ${ID_SPAN}`);
  const part = (cond: SQL) => sql`select * from (${hits} and ${cond} order by rowid asc limit ${rows})`;
  if (after && after.key === UNKNOWN_PUBLISHED_ASC) return part(sql`${unknown} and rowid > cast(${after.id} as integer)`);
  // Up to the end of the last entry's T group.
  const start = group ?? span;
  const last = entries(sql`rowid >= ${group ? sql`${group} + ${span}` : span}`, 'asc');
  const ceiling = sql`coalesce((select (max(rowid) / ${span} + 1) * ${span} from (${last})), ${group ? sql`${group} + ${span}` : span})`;
  return sql`select * from (${hits} and rowid >= ${start} and rowid < ${ceiling}) union all ${part(unknown)}`;
}

/** How many articles a MATCH expression finds, counted on the index alone (no article row read). */
export function articleMatchCount(match: SQL): SQL<number> {
  return sql<number>`(select count(*) from article_fts where article_fts match ${match})`;
}

/**
 * The count of a MATCH expression's articles up to `cap` + 1: at most `cap` + 1 index entries are
 * read, so a value above `cap` means "more than cap" (`BoundedCount`).
 */
export function boundedArticleMatchCount(match: SQL, cap: number): SQL<number> {
  return sql<number>`(select count(*) from (select 1 from article_fts where article_fts match ${match} limit ${cap + 1}))`;
}
