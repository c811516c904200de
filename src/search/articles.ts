/**
 * The articles-only full-text index `article_fts` (FTS5, contentless; drizzle/*_article_search),
 * whose rowid follows publication order, and the SQL that reads it for `articles(filter: { query })`.
 *
 * rowid = T * 2^27 + id: T is the PUBLISHED_DESC key `coalesce(published_at, '')` as a number
 * (0 unknown; else seconds since 1900-01-01 UTC, doubled, plus 1 for a whole second, since
 * '…:05.250Z' sorts before '…:05Z' as text), clamped to 1 .. 2^36 - 1. Ascending rowid is thus
 * (published key, id) ascending, so `ORDER BY rowid DESC LIMIT n` is the first n articles of
 * PUBLISHED_DESC and FTS5 stops there instead of producing every match for a sort. Limits of the
 * encoding: article ids below 2^27 (134 million); dates before 1900 or after 2988 clamp (they then
 * order among themselves by id); two fractional times in one second order by id.
 *
 * Rowids exceed 2^53: they never reach JavaScript; every use stays inside SQL.
 */
import { sql, type SQL } from 'drizzle-orm';

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
export const ARTICLE_ROW_KEY = articleSearchKey(sql.raw(`coalesce(a.published_at, '')`), sql.raw('a.id'));

/** The article id of an article_fts rowid, as SQL. */
const idOf = sql.raw(`rowid % ${ID_SPAN}`);

/** Where an article list stands: its cursor's sort key and id (PUBLISHED_DESC or PUBLISHED_ASC keys). */
export interface ArticlePosition {
  key: string;
  id: number;
}

/**
 * The ids of the articles a MATCH expression finds, as an `IN (...)` list: all of them, or, for
 * a page in publication order, only the page's rows (`rows`, counting the one past the page):
 * FTS5 reads the index in rowid order and stops after them.
 * - PUBLISHED_DESC: rowid descending, below the `after` position.
 * - PUBLISHED_ASC (unknown dates last): known dates ascending above the position, then unknown
 *   ones by id; each part stops at `rows`, the outer query's sort keeps the first `rows`.
 */
export function articleMatchIds(
  match: SQL,
  page?: { rows: number; order: 'PUBLISHED_DESC' | 'PUBLISHED_ASC'; after?: ArticlePosition | null },
): SQL {
  const hits = sql`select ${idOf} from article_fts where article_fts match ${match}`;
  if (!page) return hits;
  const { rows, after } = page;
  if (page.order === 'PUBLISHED_DESC') {
    const below = after ? sql` and rowid < ${articleSearchKey(after.key, after.id)}` : sql``;
    return sql`${hits}${below} order by rowid desc limit ${rows}`;
  }
  // Ascending keys: '9999' is an unknown date (src/db/sort-keys.ts), whose rowids are below 2^27.
  const unknown = sql.raw(`rowid < ${ID_SPAN}`);
  const known = sql.raw(`rowid >= ${ID_SPAN}`);
  const part = (cond: SQL) => sql`select * from (${hits} and ${cond} order by rowid asc limit ${rows})`;
  if (after && after.key === '9999') return part(sql`${unknown} and rowid > cast(${after.id} as integer)`);
  const from = after ? sql`${known} and rowid > ${articleSearchKey(after.key, after.id)}` : known;
  return sql`${part(from)} union all ${part(unknown)}`;
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
