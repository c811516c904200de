/**
 * Article connections: the `ArticleConnection` / `ArticleEdge` types, the arguments every list of
 * articles takes (filter, order), and the query options they turn into (`articleConnectionQuery`).
 * Used by `Query.articles` (types/article.ts) and the nested lists `Person.articles`,
 * `Organisation.articles`, `Place.articles`, `Engagement.articles` and `Actor.articles`. On an
 * entity's lists the edge carries the link's `rel` and `relevance` (read from the link row the
 * list walks through, as `Article.people`'s edges do: ./article-links.ts). `filter.query` reads the
 * articles-only index (src/search/articles.ts): a page in publication order of a query-only
 * filter stops after its rows, and its count reads the index alone (`articleFilterWhere`).
 */
import { decodeBase64, decodeCursorChunk, type ObjectRef } from '@pothos/core';
import { sql, type SQL } from 'drizzle-orm';
import { ARTICLE_TERMS, articleMatchCount, articleMatchIds, boundedArticleMatchCount, type ArticlePosition } from '../../search/articles.ts';
import { matchExpression } from '../../search/match.ts';
import { parseSearchQuery } from '../../search/query.ts';
import { builder, type BuilderTypes } from '../builder.ts';
import { ArticleFilter, ArticleOrderEnum, articleWhere, MentionRelEnum, type ArticleFilterInput, type ArticleWhere } from '../types/filters.ts';
import { cursorSpace } from './cursors.ts';
import { whereSql } from './totals.ts';
import { articleOrder, linkRowExtras } from './orderings.ts';
import type { ParentKind } from './parents.ts';

/** The cursor space of article lists: "Article:<ArticleOrder>". */
export const articleCursors = cursorSpace('Article', 'PUBLISHED_DESC');

// The node type by its GraphQL name: types/article.ts implements Article and imports this module,
// and Pothos resolves a type's name when the schema is built.
const Article = 'Article' as unknown as ObjectRef<BuilderTypes, object>;

export const ArticleConnection = builder.connectionObject(
  {
    type: Article,
    name: 'ArticleConnection',
    fields: (t) => ({
      ...articleCursors.connectionFields(t),
      boundedCount: t.field({
        type: BoundedCount,
        nullable: true,
        description:
          'The size of the filtered set counted up to a cap (config COUNT_CAP, default 1000): exact when `exact`, else more than `count` (the cap). ' +
          'On Query.articles it reads at most cap + 1 entries, so it stays cheap on large sets, where totalCount reads them all. ' +
          'Null on an empty page after a cursor. On a list nested in a node it is the exact totalCount, given only when totalCount is selected too (else null).',
        resolve: async (c) => boundedCountOf(c as unknown as ConnectionResult),
      }),
    }),
  },
  {
    name: 'ArticleEdge',
    fields: (t) => {
      // An entity's articles walk its link table: the link row's rel and relevance ride on the node row.
      const link = (e: object) => (e as { node?: { linkRel?: 'about' | 'mentions' | null; linkRelevance?: number | null } }).node;
      return {
        ...articleCursors.edgeFields(t),
        rel: t.field({
          type: MentionRelEnum,
          nullable: true,
          description: "How the article relates to the entity (ninjs `rel`) on Person.articles, Organisation.articles and Place.articles (and Actor.articles); null on other lists.",
          resolve: (e) => link(e)?.linkRel ?? null,
        }),
        relevance: t.float({
          nullable: true,
          description: 'How central the entity is to the article, 0..1 (higher is more central), on the same lists as `rel`; null when unjudged or on other lists.',
          resolve: (e) => link(e)?.linkRelevance ?? null,
        }),
      };
    },
  },
);

/** Arguments of article connections on entities: filter (contract ArticleFilter) and order. */
export const articleConnectionArgs = builder.args((t) => ({
  filter: t.field({ type: ArticleFilter, required: false }),
  orderBy: t.field({ type: ArticleOrderEnum, required: false }),
}));

/**
 * Query options of an article connection for its arguments (filter and ordering in one
 * statement). Checks and unwraps the connection's cursors first.
 * @param parent the row a nested list hangs off; an entity's articles walk through its link
 *   table, which carries the sort keys
 */
export function articleConnectionQuery(args: {
  filter?: typeof ArticleFilter.$inferInput | null;
  orderBy?: 'PUBLISHED_DESC' | 'PUBLISHED_ASC' | 'HEADLINE_ASC' | null;
  after?: string | null;
  before?: string | null;
  first?: number | null;
  last?: number | null;
}, parent?: ParentKind) {
  articleCursors.prepare(args);
  const viaLinks = parent === 'person' || parent === 'organisation' || parent === 'place';
  const order = articleOrder(args.orderBy, viaLinks);
  return { where: articleFilterWhere(args.filter), ...order, ...(viaLinks ? { extras: { ...order.extras, ...linkRowExtras } } : {}) };
}

/** Whether a filter asks for nothing but full-text search (its page and count can read the index alone). */
function queryOnly(filter: ArticleFilterInput): boolean {
  return (
    filter.query != null && !filter.people?.length && !filter.organisations?.length && !filter.places?.length &&
    filter.rel == null && filter.publishedFrom == null && filter.publishedTo == null && filter.engagement == null
  );
}

/** The sort key and id in a plugin cursor of an article list (its inner form), else null. */
function positionOf(inner: string | null | undefined): ArticlePosition | null {
  if (inner == null) return null;
  try {
    const parts = decodeCursorChunk(decodeBase64(inner).slice('DC:'.length));
    if (Array.isArray(parts) && parts.length === 2 && typeof parts[0] === 'string' && Number.isSafeInteger(parts[1])) {
      return { key: parts[0], id: parts[1] as number };
    }
  } catch {
    // not ours to judge: the plugin refuses a damaged cursor
  }
  return null;
}

/** A page of an article list: its rows (one past the page counted), order and `after` cursor (inner form). */
export interface ArticlePage {
  rows: number;
  order: 'PUBLISHED_DESC' | 'PUBLISHED_ASC' | 'HEADLINE_ASC';
  after?: string | null;
}

/**
 * The `where` of an article list for a filter. `filter.query` matches the articles-only index
 * `article_fts`; for a filter that is only a query, in publication order, the `page` (forward:
 * first page or after a cursor) is cut inside the index read, which stops after the page's rows
 * (a cursor that does not decode leaves it uncut: the plugin refuses it). Other filters:
 * `articleWhere` (with its first-page cut when `page` has no cursor).
 * @throws GraphQLError BAD_USER_INPUT as `articleWhere`
 */
export function articleFilterWhere(filter: ArticleFilterInput | null | undefined, page?: ArticlePage): ArticleWhere {
  return articleFilter(filter, page).where;
}

/** `articleFilterWhere`, and the MATCH expression when the filter is only a query (null else). */
function articleFilter(filter: ArticleFilterInput | null | undefined, page?: ArticlePage): { where: ArticleWhere; match: SQL | null } {
  const firstPage = page && page.after == null ? { rows: page.rows, order: page.order } : undefined;
  if (filter?.query == null) return { where: articleWhere(filter, firstPage), match: null };
  const search = parseSearchQuery(filter.query, 'filter.query');
  const rest = articleWhere({ ...filter, query: null });
  const match = search ? matchExpression(search, ARTICLE_TERMS) : null;
  const only = queryOnly(filter);
  const after = page?.after != null ? positionOf(page.after) : null;
  const cut = only && page && page.order !== 'HEADLINE_ASC' && (page.after == null || after) ? { rows: page.rows, order: page.order, after } : undefined;
  const hits: ArticleWhere = { RAW: (a) => (match ? sql`${a.id} in (${articleMatchIds(match, cut)})` : sql`0`) };
  return { where: only ? hits : { AND: [rest, hits] }, match: only ? match : null };
}

/** `articleFilterWhere` with the set's exact count when the index alone can give it (a query-only filter). */
export function articleFilterCount(filter: ArticleFilterInput | null | undefined): SQL<number> | null {
  if (filter?.query == null || !queryOnly(filter)) return null;
  const { match } = articleFilter(filter);
  return match ? articleMatchCount(match) : sql<number>`0`;
}

/**
 * The set's size up to `cap` + 1 (above `cap`: "more than cap"), as a scalar sub-query: on the
 * index alone for a query-only filter, else over the articles the filter keeps, stopping there.
 */
export function boundedArticleCount(filter: ArticleFilterInput | null | undefined, cap: number): SQL<number> {
  if (filter?.query != null && queryOnly(filter)) {
    const { match } = articleFilter(filter);
    return match ? boundedArticleMatchCount(match, cap) : sql<number>`0`;
  }
  const condition = whereSql('articles', articleFilterWhere(filter));
  return sql<number>`(select count(*) from (select 1 from articles${condition ? sql` where ${condition}` : sql``} limit ${cap + 1}))`;
}

/** Default cap of `boundedCount` (config COUNT_CAP). */
export const DEFAULT_COUNT_CAP = 1000;

/** A bounded count: `count` exact when `exact`, else the cap, the set being larger. */
export interface BoundedCountShape {
  count: number;
  exact: boolean;
}

export const BoundedCount = builder.objectRef<BoundedCountShape>('BoundedCount').implement({
  description: 'A count that stops at a cap: exact when `exact` is true; else the set has more than `count` (the cap) members.',
  fields: (t) => ({
    count: t.exposeInt('count'),
    exact: t.exposeBoolean('exact'),
  }),
});

/** The bounded count a root page's statement returned (`_bounded`), on the connection's arguments object. */
const PAGE_BOUNDED = Symbol('newsgraph.pageBoundedCount');

/**
 * Record on a root connection's arguments the `_bounded` count (with its cap) its page rows
 * carry, as `keepTotal` (./totals.ts) does for `_total`; null when no row carries it (an empty
 * page after a cursor), as counting would cost a statement of its own.
 */
export async function keepBoundedCount<R>(args: { after?: string | null; before?: string | null }, cap: number, rows: PromiseLike<R[]> | R[]): Promise<R[]> {
  const list = await rows;
  const first = list[0] as { _bounded?: unknown } | undefined;
  // An empty page without a cursor is an empty set (as keepTotal has it).
  const n = first && first._bounded !== undefined ? Number(first._bounded) : list.length === 0 && !args.after && !args.before ? 0 : undefined;
  const value = n === undefined ? null : { count: Math.min(n, cap), exact: n <= cap };
  Object.defineProperty(args, PAGE_BOUNDED, { value, configurable: true });
  return list;
}

/** A connection result as the boundedCount field receives it. */
interface ConnectionResult {
  args?: object;
  totalCount?: number | (() => number | Promise<number>) | null;
}

/**
 * The bounded count of a connection: on a root list, the one its page statement returned (null on
 * an empty page after a cursor: no row carries it, and a count of its own would be a second
 * statement); on a nested list, its exact totalCount when it has one (when totalCount is selected
 * too, its parent's statement counting), else null.
 */
async function boundedCountOf(c: ConnectionResult): Promise<BoundedCountShape | null> {
  const args = c.args as { [PAGE_BOUNDED]?: BoundedCountShape | null } | undefined;
  if (args && PAGE_BOUNDED in args) return args[PAGE_BOUNDED] ?? null;
  return typeof c.totalCount === 'number' ? { count: c.totalCount, exact: true } : null;
}
