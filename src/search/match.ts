/**
 * The MATCH expression a search runs, as SQL: the parsed query (src/search/query.ts), plus, for a
 * word that may be a slip in a name ("Qalibaff"), the names' words it is one typing slip away from,
 * looked up inside the same statement. Results found only through such an alternative rank below
 * every exact match (`rankedScore`).
 *
 * A word gets alternatives when it is a single word of at least MIN_SLIP_LENGTH letters, not
 * quoted, and is not itself (as a prefix, for the last word) a word of any entity's names. The
 * alternatives are words of `search_terms` (entity names, aliases and acronyms, folded; kept by
 * src/search/index.ts) that share its first two letters, differ in length by at most one, and
 * share all but one of its letter pairs (with word boundaries): one letter added, dropped or
 * replaced. At most MAX_SLIPS per word, the closest first. The lookup reads one key range of
 * `search_terms` per eligible word.
 */
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { QueryWord, SearchQuery } from './query.ts';

/** Shortest word that gets spelling alternatives (shorter words are too alike). */
export const MIN_SLIP_LENGTH = 5;
/** Most alternatives per word. */
export const MAX_SLIPS = 3;

/** The word of each query word that may be a slip, else null. */
function slipWords(q: SearchQuery): (string | null)[] {
  return q.words.map((w) => {
    if (w.phrase || w.folded.length !== 1) return null;
    const word = w.folded[0]!;
    return [...word].length >= MIN_SLIP_LENGTH ? word : null;
  });
}

/** Whether the query has a word that may be a slip (else its MATCH is the plain string). */
export function hasSlips(q: SearchQuery): boolean {
  return slipWords(q).some((w) => w !== null);
}

/** Letter pairs of `#word#`, distinct. */
function pairs(word: string): string[] {
  const chars = [...`#${word}#`];
  return [...new Set(chars.slice(1).map((c, i) => chars[i] + c))];
}

/**
 * A word's part of the MATCH expression with its alternatives: `(part OR "alt" ...)`, or `part`
 * when it has none. One scalar sub-query (SQLite computes it once per statement).
 */
function withAlternatives(part: string, word: string, prefix: boolean): SQL {
  const chars = [...word];
  const lo = chars.slice(0, 2).join('');
  const hi = chars[0]! + String.fromCodePoint(chars[1]!.codePointAt(0)! + 1);
  const shared = sql.join(pairs(word).map((p) => sql`(instr('#' || term || '#', ${p}) > 0)`), sql` + `);
  const known = prefix
    ? sql`select 1 from search_terms k where k.term >= ${word} and k.term < ${word + '\u{10FFFF}'}`
    : sql`select 1 from search_terms k where k.term = ${word}`;
  return sql`(select coalesce('(' || ${part} || ' OR ' || group_concat('"' || term || '"', ' OR ') || ')', ${part}) from (
    select term from search_terms where term >= ${lo} and term < ${hi} and term <> ${word}
      and length(term) between ${chars.length - 1} and ${chars.length + 1}
      and not exists (${known})
      and ${shared} >= max(length(term), ${chars.length}) - 1
    order by ${shared} desc, term limit ${MAX_SLIPS}))`;
}

/** Each word's part of the MATCH expression, as SQL (with alternatives for the words that may be slips). */
function partsOf(q: SearchQuery): { part: string; sql: SQL; slip: boolean }[] {
  const slips = slipWords(q);
  return q.parts.map((part, i) => {
    const word = slips[i];
    return word ? { part, sql: withAlternatives(part, word, q.words[i]!.prefix), slip: true } : { part, sql: sql`${part}`, slip: false };
  });
}

/**
 * The MATCH expression of a query: the bound string when no word may be a slip, else a
 * string-valued SQL expression that ANDs the words, each such word ORed with its alternatives.
 */
export function matchExpression(q: SearchQuery): SQL {
  if (!hasSlips(q)) return sql`${q.match}`;
  return sql`(${sql.join(partsOf(q).map((p) => p.sql), sql` || ' AND ' || `)})`;
}

/**
 * A document's score (`relevance`, higher is better, positive) with the slip tier: when the query
 * found alternatives, exact matches score 1 + relevance and documents found only through an
 * alternative relevance / (1 + relevance), below 1, so below every exact match.
 */
export function rankedScore(q: SearchQuery, relevance: SQL, key: SQLWrapper): SQL<number> {
  if (!hasSlips(q)) return relevance as SQL<number>;
  // No alternative found: each slip word's part is its plain part (compares values computed once).
  const none = sql.join(partsOf(q).filter((p) => p.slip).map((p) => sql`${p.sql} = ${p.part}`), sql` and `);
  return sql<number>`(case when ${none} then ${relevance}
    when ${key} in (select e.rowid from search_fts as e where e.search_fts match ${q.match}) then 1 + ${relevance}
    else ${relevance} / (1 + ${relevance}) end)`;
}

/**
 * The slip alternatives a statement found, as highlight words: the quoted strings of the MATCH
 * expression it ran (`matched`) that the parsed query does not have.
 */
export function slipAlternatives(q: SearchQuery, matched: string | null | undefined): QueryWord[] {
  if (!matched || matched === q.match) return [];
  const own = new Set(q.match.match(/"[^"]*"/g) ?? []);
  return [...new Set(matched.match(/"[^"]*"/g) ?? [])]
    .filter((s) => !own.has(s))
    .map((s) => ({ original: [s.slice(1, -1)], folded: [s.slice(1, -1)], prefix: false }));
}
