/**
 * Search: `Query.search(query, types, first, after, last, before)` → SearchConnection of the
 * union SearchResult (Article | Person | Organisation | Place | Engagement), ranked by FTS5
 * bm25 (`score`, higher is better), each edge with a highlighted excerpt.
 *
 * Statements: one for the ranked page (and its totalCount, as a scalar sub-query of the same
 * statement), then one planned query per result type present on the page, which loads the
 * nodes with everything selected beneath them (the same planning as any other field). A query
 * of only punctuation costs none and returns an empty connection.
 */
import { brandWithType, decodeBase64, decodeCursorChunk, encodeBase64, encodeCursorTuple } from '@pothos/core';
import { getSchemaConfig, queryFromInfo } from '@pothos/plugin-drizzle';
import { sql } from 'drizzle-orm';
import type { GraphQLResolveInfo } from 'graphql';
import { DOC_KIND, parseDocKey, type DocType } from '../../search/index.ts';
import { highlight } from '../../search/highlight.ts';
import { parseSearchQuery, type QueryWord } from '../../search/query.ts';
import { builder, type Context } from '../builder.ts';
import { pageSizeFor } from '../limits.ts';
import { Article } from './article.ts';
import { Engagement } from './engagement.ts';
import { Organisation } from './organisation.ts';
import { Person } from './person.ts';
import { Place } from './place.ts';
import { badInput } from '../errors.ts';
import { cursorSpace, decodeCursor, invalidCursor, selects, type ConnectionArgs } from './shared.ts';

export const SearchTypeEnum = builder.enumType('SearchType', {
  values: ['ARTICLE', 'PERSON', 'ORGANISATION', 'PLACE', 'ENGAGEMENT'] as const,
});

export const SearchResult = builder.unionType('SearchResult', {
  types: [Article, Person, Organisation, Place, Engagement],
  resolveType: (row) => (row as unknown as { __searchType: string }).__searchType,
});

/** The GraphQL type and table of each document type. */
const TYPES: Record<DocType, { typename: string; table: 'articles' | 'people' | 'organisations' | 'places' | 'engagements' }> = {
  ARTICLE: { typename: 'Article', table: 'articles' },
  PERSON: { typename: 'Person', table: 'people' },
  ORGANISATION: { typename: 'Organisation', table: 'organisations' },
  PLACE: { typename: 'Place', table: 'places' },
  ENGAGEMENT: { typename: 'Engagement', table: 'engagements' },
};

/** bm25 column weights: title, title_folded, body, body_folded. */
const BM25 = sql.raw('bm25(search_fts, 4.0, 4.0, 1.0, 1.0)');

interface SearchEdgeShape {
  cursor: string;
  node: object;
  score: number;
  highlight: string | null;
  connection: { args: ConnectionArgs };
}

const searchCursors = cursorSpace('Search', 'RELEVANCE');

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
        description: 'Relevance, higher is better (the negated FTS5 bm25 rank).',
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
  title: string;
  body: string;
}

async function search(
  args: ConnectionArgs & { query: string; types?: readonly DocType[] | null },
  ctx: Context,
  info: GraphQLResolveInfo,
) {
  if (args.first != null && args.last != null) throw badInput('give "first" or "last", not both', 'last');
  const { size } = pageSizeFor(args, ctx);
  const space = searchCursors.space(args);
  const after = args.after != null ? parseInnerCursor(decodeCursor(space, args.after, 'after'), 'after') : null;
  const before = args.before != null ? parseInnerCursor(decodeCursor(space, args.before, 'before'), 'before') : null;
  const parsed = parseSearchQuery(args.query);
  const backward = args.first == null && args.last != null;
  const empty = { args, totalCount: 0, edges: [], pageInfo: { startCursor: null, endCursor: null, hasNextPage: false, hasPreviousPage: false } };
  const types = args.types?.length ? [...new Set(args.types)] : null;
  if (!parsed || types?.length === 0) return empty;

  const kinds = types ? sql` and rowid % 8 in (${sql.join(types.map((t) => sql.raw(String(DOC_KIND[t]))), sql`, `)})` : sql``;
  const match = sql`search_fts match ${parsed.match}${kinds}`;
  // Rank order: score desc, then rowid asc. Keyset conditions for after/before.
  const keyset = (c: { score: number; key: number }, dir: 'after' | 'before') =>
    dir === 'after'
      ? sql` and (-${BM25} < ${c.score} or (-${BM25} = ${c.score} and rowid > ${c.key}))`
      : sql` and (-${BM25} > ${c.score} or (-${BM25} = ${c.score} and rowid < ${c.key}))`;
  const order = backward ? sql`score asc, key desc` : sql`score desc, key asc`;
  const page = sql`select rowid as key, -${BM25} as score, title, body, null as total from search_fts
    where ${match}${after ? keyset(after, 'after') : sql``}${before ? keyset(before, 'before') : sql``}
    order by ${order} limit ${size + 1}`;
  // The count rides in the same statement as one more row (key null), so an empty page still has it.
  const statement = selects(info, 'totalCount')
    ? sql`select * from (${page}) union all select null, null, null, null, (select count(*) from search_fts where ${match})`
    : page;
  const rows = await ctx.db.all<Hit & { total: number | null }>(statement);
  const totalRow = rows.find((r) => r.key === null);
  const hits = rows
    .filter((r) => r.key !== null)
    .sort((a, b) => (backward ? a.score - b.score || b.key - a.key : b.score - a.score || a.key - b.key));

  const full = hits.length > size;
  const pageHits = (full ? hits.slice(0, size) : hits).slice();
  if (backward) pageHits.reverse();
  const nodes = await loadNodes(pageHits, ctx, info);
  const connection = {
    args,
    totalCount: totalRow ? Number(totalRow.total) : 0,
    edges: [] as SearchEdgeShape[],
    pageInfo: {
      startCursor: null as string | null,
      endCursor: null as string | null,
      hasNextPage: backward ? args.before != null : full,
      hasPreviousPage: backward ? full : args.after != null,
    },
  };
  connection.edges = pageHits.flatMap((hit) => {
    const node = nodes.get(hit.key);
    if (!node) return []; // deleted between the two statements
    return [{ cursor: innerCursor(hit.score, hit.key), node, score: hit.score, highlight: excerpt(hit, parsed.words), connection }];
  });
  connection.pageInfo.startCursor = connection.edges[0]?.cursor ?? null;
  connection.pageInfo.endCursor = connection.edges.at(-1)?.cursor ?? null;
  return connection;
}

/** The highlight: the title's match, else the body's (an article's text, an entity's aliases). */
function excerpt(hit: Hit, words: QueryWord[]): string | null {
  return highlight(hit.title ?? '', words) ?? highlight(hit.body ?? '', words);
}

/**
 * Load the page's nodes: one planned query per type present, with the selection the document
 * makes beneath `edges.node` for that type (relations included, as one statement).
 */
async function loadNodes(hits: Hit[], ctx: Context, info: GraphQLResolveInfo): Promise<Map<number, object>> {
  const byType = new Map<DocType, number[]>();
  for (const hit of hits) {
    const doc = parseDocKey(hit.key);
    if (doc) byType.set(doc.type, [...(byType.get(doc.type) ?? []), doc.id]);
  }
  const config = getSchemaConfig(builder);
  const loaded = new Map<number, object>();
  await Promise.all(
    [...byType.entries()].map(async ([type, ids]) => {
      const { typename, table } = TYPES[type];
      const query = queryFromInfo({ config, context: ctx, info, typeName: typename, path: ['edges', 'node'] });
      const api = ctx.db.query[table] as unknown as { findMany: (q: object) => Promise<{ id: number }[]> };
      const rows = await api.findMany({ ...query, where: { id: { in: ids } } });
      for (const row of rows) {
        brandWithType(row, typename as never);
        Object.defineProperty(row, '__searchType', { value: typename, enumerable: false });
        loaded.set(row.id * 8 + DOC_KIND[type], row);
      }
    }),
  );
  return loaded;
}

builder.queryFields((t) => ({
  search: t.connection(
    {
      type: SearchResult,
      description:
        'Full-text search over headlines, bodies, entity names, aliases and acronyms, and engagement summaries. ' +
        'Words match folded (case, diacritics, transliteration: "lodz" finds "Łódź"), in any script; the last word is a prefix. ' +
        'Punctuation and operators are plain text. Ranked by relevance, most relevant first.',
      args: {
        query: t.arg.string({ required: true }),
        types: t.arg({ type: [SearchTypeEnum], required: false, description: 'Only results of these types (all when absent).' }),
      },
      resolve: (_root, args, ctx, info) => search(args as never, ctx, info) as never,
    },
    SearchConnection,
  ),
}));
