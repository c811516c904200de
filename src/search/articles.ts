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
 * after 2988, clamped) rowids order by id, not by key: page reads take whole T groups, except
 * a clamped group where a page starts, walked in date order instead (`clampedTop`).
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

/** The date part T of a known `published_at` (same expression as `articleSearchKey`). */
const dateGroup = (publishedAt: SQL) =>
  sql`max(1, min(${sql.raw(String(MAX_T))}, coalesce((unixepoch(${publishedAt}) + ${sql.raw(String(FROM_1900))}) * 2 + (instr(${publishedAt}, '.') = 0), 1)))`;

/**
 * The article_fts rowid of an article, from its PUBLISHED_DESC key (`coalesce(published_at, '')`)
 * and id, as SQL. Same expression as the triggers of drizzle/*_article_search.
 */
export function articleSearchKey(descKey: SQL | string, id: SQL | number): SQL {
  // A bound JavaScript number may arrive as a REAL: the sum must stay an INTEGER (exact beyond 2^53).
  if (typeof id === 'number') id = sql`cast(${id} as integer)`;
  return sql`((case when ${descKey} = '' then 0 else ${dateGroup(sql`${descKey}`)} end) * ${sql.raw(String(ID_SPAN))} + ${id})`;
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
 * Articles of a clamped date group a walk in key order probes before it gives up for the group's
 * whole read: 4 × the page's rows, within 32 .. 4096. A probe costs about what reading 20 to 100
 * index entries does (a MATCH with prefix alternatives); a walk that gives up saw fewer than one
 * match in 4 articles, so the group's whole read is then at most about a quarter of it.
 */
export const walkBudget = (rows: number): number => Math.min(4096, Math.max(32, 4 * rows));

/** Whole seconds since 1900-01-01 of the first `published_at` in the top date group (MAX_T). */
const TOP_SECOND = (MAX_T - 1) / 2;
/** The last `published_at` in date group 1 (everything up to it is clamped there). */
const GROUP_1_LAST = '1900-01-01T00:00:00Z';
/** The first `published_at` in the top date group (everything from it on is clamped there). */
const TOP_GROUP_FIRST = new Date((TOP_SECOND - FROM_1900) * 1000).toISOString().replace('.000Z', 'Z');

/**
 * The clamped date group (1 or MAX_T) of a known sort key, else null. Keys are ISO 8601 UTC as
 * ingest writes them, so their text order is the date order: group 1 holds every date up to
 * GROUP_1_LAST (and years ingest writes with a sign, which sort below), the top group every one
 * from TOP_GROUP_FIRST on.
 */
function clampedGroup(key: string): number | null {
  if (key <= GROUP_1_LAST) return 1;
  if (key >= TOP_GROUP_FIRST) return MAX_T;
  return null;
}

/**
 * Up to `rows` ids of a clamped date group's matches in key order (after `from`, a position in
 * that group), as one select. Inside the group rowids order by id, not date, so FTS5 alone cannot
 * stop early: a walk of the group's articles in key order (index articles_published_idx, each
 * probed in article_fts by its rowid) gives them exactly when it finds `rows` matches within
 * `walkBudget(rows)` articles; else, or when at most 8 × that many of its articles lie past the
 * position, the select reads every match of the group (FTS5 reads the group's rowid range), which the outer
 * sort trims.
 */
function clampedTop(matched: SQL, g: number, rows: number, dir: 'asc' | 'desc', from: ArticlePosition | null, name: string): SQL {
  const budget = walkBudget(rows);
  const found = sql.identifier(name);
  const gate = sql.identifier(`${name}_gate`);
  const p = sql.raw('a.published_at');
  const conds = [
    g === 1 ? sql`${p} <= ${GROUP_1_LAST}` : sql`${p} >= ${TOP_GROUP_FIRST}`,
    ...(from ? [sql`(${p}, a.id) ${sql.raw(dir === 'asc' ? '>' : '<')} (${from.key}, cast(${from.id} as integer))`] : []),
    sql`${dateGroup(p)} = ${sql.raw(String(g))}`,
  ];
  const d = sql.raw(dir);
  const first = BigInt(g) * BigInt(ID_SPAN);
  const range = sql.raw(`rowid >= ${first} and rowid < ${first + BigInt(ID_SPAN)}`);
  const many = 8 * budget;
  const where = sql.join(conds, sql` and `);
  const walk = sql`select a.id from articles a where ${where} order by ${p} ${d}, a.id ${d} limit case when (select walk from ${gate}) then ${budget} else 0 end`;
  // The walk only when more than `many` of the group's articles lie past the position (counted on
  // the index, no MATCH): fewer are read whole. A join, walk first (CROSS JOIN keeps its order):
  // FTS5 probes each article by rowid. The whole read gets LIMIT 0 when the walk found the rows
  // (SQLite then skips it; a WHERE term would be tested per row).
  return sql`select * from (with ${gate} (walk) as materialized (select count(*) > ${many} from (select 1 from articles a where ${where} limit ${many + 1})),
    ${found} as materialized (select w.id from (${walk}) w cross join article_fts f on f.${matched} and f.rowid = ${sql.raw(String(first))} + w.id limit ${rows})
    select id from ${found} union all select * from (select ${idOf} from article_fts where ${matched} and ${range}
      limit case when (select walk from ${gate}) and (select count(*) from ${found}) >= ${rows} then 0 else -1 end))`;
}

/**
 * The ids of the articles a MATCH expression finds, as an `IN (...)` list: all of them, or, for
 * a page in publication order, a superset of the page's rows (`rows`, counting the one past the
 * page) that the outer query's sort and cursor trim: FTS5 reads the index in rowid order and stops
 * near them. Rowids order by date part T, then id, while the sort key orders by its text, then id:
 * they differ inside one T (fractions of a second, clamped dates), so the read takes whole T
 * groups: all of the cursor's T, and the `rows` first entries past it extended to the end of the
 * last one's T. The clamped groups (dates before 1900 or after 2988; an archive may hold
 * thousands of articles before 1900) are read by `clampedTop` instead when the page starts in
 * them (a cursor there; the first PUBLISHED_ASC page in group 1); a page that reaches one from the
 * other side reads it whole (once in a walk through the list; few matches there when it is early). Unknown dates (T =
 * 0) order by id both ways and are cut exactly.
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
    // A cursor in a clamped group: that group by clampedTop. (The first page reads the top group,
    // dates after 2988, whole: no archive has them in numbers, and the walk would cost every page.)
    const clamped = after ? clampedGroup(after.key) : null;
    const top = clamped === null ? null : clampedTop(matched, clamped, rows, 'desc', after ?? null, 'page_top');
    const below = clamped === null ? group : sql.raw(String(BigInt(clamped) * BigInt(ID_SPAN)));
    // Down to the start of the last entry's T group (an unknown date: the entry itself).
    const last = entries(below ? sql`rowid < ${below}` : sql`1`, 'desc');
    const floor = sql`coalesce((select case when min(rowid) < ${span} then min(rowid) else min(rowid) / ${span} * ${span} end from (${last})), ${below ?? sql`0`})`;
    const rest = sql`${hits}${below ? sql` and rowid < ${clamped === null ? sql`${below} + ${span}` : below}` : sql``} and rowid >= ${floor}`;
    return top ? sql`${rest} union all ${top}` : rest;
  }
  // Ascending keys: UNKNOWN_PUBLISHED_ASC is an unknown date (src/db/sort-keys.ts), whose rowids are below 2^27.
  const unknown = sql.raw(`rowid < ${ID_SPAN}`);
  const part = (cond: SQL) => sql`select * from (${hits} and ${cond} order by rowid asc limit ${rows})`;
  if (after && after.key === UNKNOWN_PUBLISHED_ASC) return part(sql`${unknown} and rowid > cast(${after.id} as integer)`);
  // The page starts in group 1 (the first page) or in the cursor's clamped group: read by clampedTop.
  const clamped = after ? clampedGroup(after.key) : 1;
  const top = clamped === null ? null : clampedTop(matched, clamped, rows, 'asc', after ?? null, 'page_top');
  // Up to the end of the last entry's T group.
  const past = clamped === null ? (group ? sql`${group} + ${span}` : span) : sql.raw(String((BigInt(clamped) + 1n) * BigInt(ID_SPAN)));
  const start = clamped === null ? (group ?? span) : past;
  const last = entries(sql`rowid >= ${past}`, 'asc');
  const ceiling = sql`coalesce((select (max(rowid) / ${span} + 1) * ${span} from (${last})), ${past})`;
  return sql`select * from (${hits} and rowid >= ${start} and rowid < ${ceiling}) union all ${part(unknown)}${top ? sql` union all ${top}` : sql``}`;
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
