/**
 * Search: `Query.search(query, types, first, after, last, before)` → SearchConnection of the
 * union SearchResult (Article | Person | Organisation | Place | Engagement), ranked by FTS5
 * bm25 (`score`, higher is better), each edge with a highlighted excerpt.
 *
 * Statements: one. The ranked page is a relational query over the view `search_docs` (the FTS5
 * index, one row per document: src/db/schema.ts): MATCH and bm25() on its hidden column, keyset
 * on (score, key) for the cursors, and one `one` relation per result type (`article`, `person`
 * ...) carrying the selection the document makes beneath `edges.node` for that type, planned by
 * the Drizzle plugin as any other field's, so every node arrives with its relations inside the
 * same statement. totalCount, when selected, is an uncorrelated scalar sub-query of it. A query
 * of only punctuation costs none and returns an empty connection. The ranked set is bounded: of
 * the articles, only the SEARCH_ARTICLE_CANDIDATES most recently published matches (read off the
 * articles-only index, src/search/articles.ts) are ranked.
 */
import { brandWithType, decodeBase64, decodeCursorChunk, encodeBase64, encodeCursorTuple } from '@pothos/core';
import { getSchemaConfig, queryFromInfo } from '@pothos/plugin-drizzle';
import { and, sql, type SQLWrapper } from 'drizzle-orm';
import type { GraphQLResolveInfo } from 'graphql';
import { searchDocs } from '../../db/schema.ts';
import { ARTICLE_TERMS, articleMatchIds } from '../../search/articles.ts';
import { DOC_KIND, parseDocKey, type DocType } from '../../search/index.ts';
import { highlight } from '../../search/highlight.ts';
import { hasSlips, matchExpression, rankedScore, slipAlternatives } from '../../search/match.ts';
import { parseSearchQuery, type QueryWord, type SearchQuery } from '../../search/query.ts';
import { runPlanned } from '../statement-cache.ts';
import { builder, type Context } from '../builder.ts';
import { Article } from './article.ts';
import { Engagement } from './engagement.ts';
import { Organisation } from './organisation.ts';
import { Person } from './person.ts';
import { Place } from './place.ts';
import { badInput } from '../errors.ts';
import { cursorSpace, decodeCursor, invalidCursor, type ConnectionArgs } from '../connections/cursors.ts';
import { pageSizeFor, type PageLimits } from '../connections/page-sizes.ts';
import { selects } from '../connections/totals.ts';

export const SearchTypeEnum = builder.enumType('SearchType', {
  values: ['ARTICLE', 'PERSON', 'ORGANISATION', 'PLACE', 'ENGAGEMENT'] as const,
});

export const SearchResult = builder.unionType('SearchResult', {
  types: [Article, Person, Organisation, Place, Engagement],
  resolveType: (row) => (row as unknown as { __searchType: string }).__searchType,
});

/** The GraphQL type of each document type, and the `search_docs` relation that loads its row. */
const TYPES: Record<DocType, { typename: string; relation: 'article' | 'person' | 'organisation' | 'place' | 'engagement' }> = {
  ARTICLE: { typename: 'Article', relation: 'article' },
  PERSON: { typename: 'Person', relation: 'person' },
  ORGANISATION: { typename: 'Organisation', relation: 'organisation' },
  PLACE: { typename: 'Place', relation: 'place' },
  ENGAGEMENT: { typename: 'Engagement', relation: 'engagement' },
};
const DOC_TYPES = Object.keys(TYPES) as DocType[];

/** The GraphQL type of each document type (the union's members). */
export const SEARCH_TYPES: Record<DocType, string> = Object.fromEntries(DOC_TYPES.map((t) => [t, TYPES[t].typename])) as Record<DocType, string>;

/** Relevance of a document (higher is better): bm25 with column weights title, title_folded, body, body_folded. */
const score = (fts: SQLWrapper) => sql`-bm25(${fts}, 4.0, 4.0, 1.0, 1.0)`;

interface SearchEdgeShape {
  cursor: string;
  node: object;
  score: number;
  highlight: string | null;
  connection: { args: ConnectionArgs };
}

const searchCursors = cursorSpace('Search', 'RELEVANCE');

/**
 * Most articles a search ranks: the most recently published that match. Ranking every match
 * grows with the corpus (bm25 per match: 114 ms at 100k articles); people, organisations,
 * places and engagements are all ranked.
 */
export const SEARCH_ARTICLE_CANDIDATES = 1000;

export const SearchConnection = builder.connectionObject(
  {
    type: SearchResult,
    name: 'SearchConnection',
    fields: searchCursors.connectionFields,
  },
  {
    name: 'SearchEdge',
    fields: (t) => ({
      ...searchCursors.edgeFields(t),
      score: t.float({
        description:
          'Relevance, higher is better (the negated FTS5 bm25 rank). When the query also matched a spelling alternative of a name, exact matches score above 1 and results found only through an alternative below 1.',
        resolve: (e) => (e as unknown as SearchEdgeShape).score,
      }),
      highlight: t.string({
        nullable: true,
        description:
          'A short excerpt with the matched words marked: `<mark>word</mark>`; the rest is HTML-escaped text, so it may be inserted as HTML.',
        resolve: (e) => (e as unknown as SearchEdgeShape).highlight,
      }),
    }),
  },
);

/** A search position in the plugin's cursor encoding (base64 of "DC:" + a tagged tuple). */
function innerCursor(score: number, key: number): string {
  return encodeBase64(`DC:${encodeCursorTuple([score, key])}`);
}

function parseInnerCursor(inner: string, argument: string): { score: number; key: number } {
  try {
    const parts = decodeCursorChunk(decodeBase64(inner).slice('DC:'.length));
    if (Array.isArray(parts) && parts.length === 2) {
      const [score, key] = parts as unknown[];
      if (typeof score === 'number' && Number.isFinite(score) && Number.isSafeInteger(key)) return { score, key: key as number };
    }
  } catch {
    // fall through
  }
  throw invalidCursor(argument, 'its content is damaged');
}

interface Hit {
  key: number;
  score: number;
  title: string | null;
  body: string | null;
}

/** A row of the ranked page: the document, and its node under the relation of its type. */
type PageRow = Hit & { total?: number; inPage?: number; matched?: string } & Partial<Record<(typeof TYPES)[DocType]['relation'], object | null>>;

/** A search's checked arguments: page size and direction, cursor positions, the parsed query (null: nothing to search) and the asked types (null: all). */
export interface SearchRequest {
  size: number;
  backward: boolean;
  after: { score: number; key: number } | null;
  before: { score: number; key: number } | null;
  parsed: SearchQuery | null;
  types: DocType[] | null;
}

/**
 * Check `Query.search`'s arguments as its resolver does, in its order (both read paths call it).
 * @throws GraphQLError BAD_USER_INPUT (first with last, page size, query length or words), INVALID_CURSOR
 */
export function searchRequest(args: ConnectionArgs & { query: string; types?: readonly DocType[] | null }, limits: PageLimits): SearchRequest {
  if (args.first != null && args.last != null) throw badInput('give "first" or "last", not both', 'last');
  const { size } = pageSizeFor(args, limits);
  const space = searchCursors.space(args);
  const after = args.after != null ? parseInnerCursor(decodeCursor(space, args.after, 'after'), 'after') : null;
  const before = args.before != null ? parseInnerCursor(decodeCursor(space, args.before, 'before'), 'before') : null;
  const parsed = parseSearchQuery(args.query);
  const backward = args.first == null && args.last != null;
  const types = args.types?.length ? [...new Set(args.types)] : null;
  return { size, backward, after, before, parsed, types };
}

/** The `search_docs` columns the ranking SQL reads: the FTS5 hidden column, the kind and the key. */
export interface DocColumns {
  fts: SQLWrapper;
  kind: SQLWrapper;
  key: SQLWrapper;
}

/**
 * The SQL of a ranked search (both read paths build their statement from it):
 * - `matches(d)`: the documents the query matches (of the asked types); of the articles, only the
 *   candidates (the most recently published SEARCH_ARTICLE_CANDIDATES, read off the articles-only
 *   index in publication order, which stops there): bm25 is computed for those only;
 * - `rank(d)`: a document's score (relevance, below every exact match when found only through a
 *   slip alternative);
 * - `inPage(d)`: the keyset conditions of the cursors (rank order: score desc, then key asc), or undefined;
 * - `total`: the count of the matches, an uncorrelated scalar; `first`: the key of one match;
 * - `match`: the MATCH expression (with the slip alternatives it finds).
 */
export function searchSql(parsed: SearchQuery, types: readonly DocType[] | null, cursors: Pick<SearchRequest, 'after' | 'before'>) {
  const match = matchExpression(parsed);
  const candidates = articleMatchIds(matchExpression(parsed, ARTICLE_TERMS), { rows: SEARCH_ARTICLE_CANDIDATES, order: 'PUBLISHED_DESC' });
  const articles = !types || types.includes('ARTICLE');
  const matches = (d: DocColumns) =>
    sql.join(
      [
        sql`${d.fts} match ${match}`,
        ...(types ? [sql`${d.kind} in (${sql.join(types.map((t) => sql.raw(String(DOC_KIND[t]))), sql`, `)})`] : []),
        ...(articles ? [sql`(${d.kind} <> ${sql.raw(String(DOC_KIND.ARTICLE))} or ${d.key} / 8 in (${candidates}))`] : []),
      ],
      sql` and `,
    );
  const rank = (d: DocColumns) => rankedScore(parsed, score(d.fts), d.key);
  // The same over `search_fts` itself, aliased `c`, for the sub-queries.
  const matchesFts = matches({ fts: sql`c.search_fts`, kind: sql`c.rowid % 8`, key: sql`c.rowid` });
  const keyset = (d: DocColumns, c: { score: number; key: number }, dir: 'after' | 'before') =>
    dir === 'after'
      ? sql`(${rank(d)} < ${c.score} or (${rank(d)} = ${c.score} and ${d.key} > ${c.key}))`
      : sql`(${rank(d)} > ${c.score} or (${rank(d)} = ${c.score} and ${d.key} < ${c.key}))`;
  const { after, before } = cursors;
  const inPage = (d: DocColumns) => and(after ? keyset(d, after, 'after') : undefined, before ? keyset(d, before, 'before') : undefined);
  return {
    match,
    matches,
    rank,
    inPage,
    total: sql<number>`(select count(*) from search_fts as c where ${matchesFts})`,
    first: sql<number>`(select c.rowid from search_fts as c where ${matchesFts} limit 1)`,
  };
}

async function search(
  args: ConnectionArgs & { query: string; types?: readonly DocType[] | null },
  ctx: Context,
  info: GraphQLResolveInfo,
) {
  const { size, backward, after, before, parsed, types } = searchRequest(args, ctx);
  const empty = { args, totalCount: 0, edges: [], pageInfo: { startCursor: null, endCursor: null, hasNextPage: false, hasPreviousPage: false } };
  if (!parsed || types?.length === 0) return empty;

  const { match, matches, rank, inPage, total, first } = searchSql(parsed, types, { after, before });
  const withTotal = selects(info, 'totalCount');
  // totalCount is an uncorrelated scalar of every row. A page past a cursor may hold no row to
  // carry it, so then one matching document outside the page rides along (`inPage` 0, sorted
  // last, dropped below): the count never costs a statement of its own.
  const carrier = withTotal && (after || before);

  // Everything below comes from the arguments and the selection: the built SQL is reusable.
  const rows = (await runPlanned(ctx, info, ctx.db.query.searchDocs.findMany({
    columns: { key: true, title: true, body: true },
    extras: {
      score: (t) => rank(t),
      ...(withTotal ? { total: () => total } : {}),
      // The expression MATCH ran, with the slip alternatives it found: the highlight marks them too.
      ...(hasSlips(parsed) ? { matched: () => sql<string>`${match}` } : {}),
      ...(carrier ? { inPage: (t: Docs) => sql<number>`${inPage(t)}` } : {}),
    },
    where: {
      RAW: (t) => {
        const page = inPage(t);
        if (!page) return matches(t);
        if (!carrier) return sql`${matches(t)} and ${page}`;
        return sql`${matches(t)} and (${page} or ${t.key} = ${first})`;
      },
    },
    orderBy: (t) =>
      sql.join(
        [
          ...(carrier ? [sql`${inPage(t)} desc`] : []),
          backward ? sql`${rank(t)} asc, ${t.key} desc` : sql`${rank(t)} desc, ${t.key} asc`,
        ],
        sql`, `,
      ),
    limit: size + 1,
    with: nodeRelations(types ?? DOC_TYPES, ctx, info),
  }))) as unknown as PageRow[];

  const hits = carrier ? rows.filter((r) => r.inPage) : rows;
  const full = hits.length > size;
  const pageHits = full ? hits.slice(0, size) : hits.slice();
  if (backward) pageHits.reverse();
  const connection = {
    args,
    totalCount: Number(rows[0]?.total ?? 0),
    edges: [] as SearchEdgeShape[],
    pageInfo: {
      startCursor: null as string | null,
      endCursor: null as string | null,
      hasNextPage: backward ? args.before != null : full,
      hasPreviousPage: backward ? full : args.after != null,
    },
  };
  const words = highlightWords(parsed, rows[0]?.matched);
  connection.edges = pageHits.flatMap((hit) => {
    const node = nodeOf(hit);
    if (!node) return []; // a document whose row is gone (the index is kept in sync: never expected)
    return [{ cursor: innerCursor(hit.score, hit.key), node, score: hit.score, highlight: excerpt(hit, words), connection }];
  });
  connection.pageInfo.startCursor = connection.edges[0]?.cursor ?? null;
  connection.pageInfo.endCursor = connection.edges.at(-1)?.cursor ?? null;
  return connection;
}

/** The columns of `search_docs` as relational-query callbacks receive them. */
type Docs = typeof searchDocs._.selectedFields;

/**
 * The words a highlight marks: the query's, and the slip alternatives the statement found
 * (`matched`: the MATCH expression it ran, read only when the query has words that may be slips).
 */
export function highlightWords(parsed: SearchQuery, matched: string | null | undefined): QueryWord[] {
  return [...parsed.words, ...slipAlternatives(parsed, matched)];
}

/** The highlight of a hit (both read paths): the title's match, else the body's (an article's text, an entity's aliases). */
export function excerpt(hit: Pick<Hit, 'title' | 'body'>, words: QueryWord[]): string | null {
  return highlight(hit.title ?? '', words) ?? highlight(hit.body ?? '', words);
}

/**
 * The `with` of the ranked page: for each result type the page may hold (all, or those `types`
 * names), its relation with the selection the document makes beneath `edges.node` for that type
 * (its relations included), planned as any other field's. Each row finds a row under its own
 * type's relation only (the others join on null). When `edges.node` is not selected the plans
 * are empty and nothing is loaded: the nodes, never resolved, are then their ids (`nodeOf`).
 */
function nodeRelations(types: readonly DocType[], ctx: Context, info: GraphQLResolveInfo): Record<string, object> {
  const config = getSchemaConfig(builder);
  const relations: Record<string, object> = {};
  for (const type of types) {
    const { typename, relation } = TYPES[type];
    const query = queryFromInfo({ config, context: ctx, info, typeName: typename, path: ['edges', 'node'] }) as object;
    if (Object.keys(query).length > 0) relations[relation] = query;
  }
  return relations;
}

/** A hit's node: the row its relation loaded, else (its type's relation not loaded) its id. */
function nodeOf(hit: PageRow): object | null {
  const doc = parseDocKey(hit.key);
  if (!doc) return null;
  const { typename, relation } = TYPES[doc.type];
  const row = relation in hit ? hit[relation] : { id: doc.id };
  if (!row) return null;
  brandWithType(row, typename as never);
  Object.defineProperty(row, '__searchType', { value: typename, enumerable: false });
  return row;
}

builder.queryFields((t) => ({
  search: t.connection(
    {
      type: SearchResult,
      description:
        'Full-text search over headlines, bodies, entity names, aliases and acronyms, and engagement summaries. ' +
        'Words match folded (case, diacritics, transliteration: "lodz" finds "Łódź"), in any script; the last word is a prefix. ' +
        'A possessive ("Iran’s") searches the name; text in double quotes is a phrase; an alias finds its entity\'s articles and engagements; ' +
        'a word that is one letter off a name\'s word (5 letters or more) also finds that name, ranked below exact matches. ' +
        'Punctuation and operators are plain text. Ranked by relevance, most relevant first. ' +
        `Ranks a bounded candidate set: every matching person, organisation, place and engagement, and of the matching articles the ${SEARCH_ARTICLE_CANDIDATES} most recently published ` +
        '(older ones are found with a narrower query, or by articles(filter: { query }), newest first); totalCount counts that set.',
      args: {
        query: t.arg.string({ required: true }),
        types: t.arg({ type: [SearchTypeEnum], required: false, description: 'Only results of these types (all when absent).' }),
      },
      resolve: (_root, args, ctx, info) => search(args as never, ctx, info) as never,
    },
    SearchConnection,
  ),
}));
