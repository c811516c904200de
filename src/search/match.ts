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
import { alternativesOf, quote, type QueryWord, type SearchQuery } from './query.ts';

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
function withAlternatives(part: SQL, word: string, prefix: boolean): SQL {
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

/** Shortest prefix looked up in a terms table: shorter ones have FTS5 prefix entries (prefix = '2 3'). */
export const MIN_LOOKUP_PREFIX = 4;
/** Most terms a prefix is replaced by; a prefix with more is left to FTS5. */
export const MAX_PREFIX_TERMS = 128;
/** A last token the terms table can be searched for as is: the tokenizer leaves ASCII letters and digits alone (but case). */
const LOOKUP = /^[a-z0-9]+$/;

/**
 * The prefix word's part with its prefix replaced by the terms it starts (`terms`: a table of
 * the index's terms, src/search/articles.ts): FTS5 reads the doclist of a prefix with no prefix
 * entries whole before the first row, but an OR of terms lazily, so a page in rowid order stops
 * early. Each alternative (as written, folded) whose last token is ASCII and at least
 * MIN_LOOKUP_PREFIX long becomes `("t1 … term" OR …)` for the terms of `terms` in that token's key
 * range, when there are 1..MAX_PREFIX_TERMS of them; otherwise it stays `"t1 … tn"*`. One scalar
 * sub-query per alternative (computed once per statement), one key range each.
 */
function expandedPrefix(w: QueryWord, terms: string): SQL | null {
  const alternatives = alternativesOf(w);
  if (!alternatives.some((t) => t.at(-1)!.length >= MIN_LOOKUP_PREFIX && LOOKUP.test(t.at(-1)!))) return null;
  const table = sql.identifier(terms);
  const parts = alternatives.map((tokens) => {
    const last = tokens.at(-1)!;
    const native = quote(tokens, true);
    if (last.length < MIN_LOOKUP_PREFIX || !LOOKUP.test(last)) return sql`${native}`;
    const lead = tokens.slice(0, -1).map((t) => `${t} `).join('');
    return sql`(select case when count(*) between 1 and ${MAX_PREFIX_TERMS} then '(' || group_concat('"' || ${lead} || term || '"', ' OR ') || ')' else ${native} end
      from (select term from ${table} where term >= ${last} and term < ${last + '\u{10FFFF}'} order by term limit ${MAX_PREFIX_TERMS + 1}))`;
  });
  return parts.length === 1 ? parts[0]! : sql`('(' || ${sql.join(parts, sql` || ' OR ' || `)} || ')')`;
}

/** Each word's part of the MATCH expression, as SQL (with alternatives for the words that may be slips; `terms`: see `expandedPrefix`). */
function partsOf(q: SearchQuery, terms?: string): { part: SQL; sql: SQL; slip: boolean; expanded: boolean }[] {
  const slips = slipWords(q);
  return q.parts.map((text, i) => {
    const w = q.words[i]!;
    const expanded = terms && w.prefix ? expandedPrefix(w, terms) : null;
    const part = expanded ?? sql`${text}`;
    const word = slips[i];
    return { part, sql: word ? withAlternatives(part, word, w.prefix) : part, slip: !!word, expanded: !!expanded };
  });
}

/**
 * The MATCH expression of a query: the bound string when no word may be a slip (and no prefix is
 * looked up), else a string-valued SQL expression that ANDs the words, each slip word ORed with
 * its alternatives.
 * @param terms a table of the searched index's terms (`article_terms` for `article_fts`): the
 *   last word's prefix is replaced by the terms it starts (`expandedPrefix`)
 */
export function matchExpression(q: SearchQuery, terms?: string): SQL {
  const parts = partsOf(q, terms);
  if (!hasSlips(q) && !parts.some((p) => p.expanded)) return sql`${q.match}`;
  return sql`(${sql.join(parts.map((p) => p.sql), sql` || ' AND ' || `)})`;
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
