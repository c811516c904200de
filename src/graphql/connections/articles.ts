/**
 * Article connections: the `ArticleConnection` / `ArticleEdge` types, the arguments every list of
 * articles takes (filter, order), and the query options they turn into (`articleConnectionQuery`).
 * Used by `Query.articles` (types/article.ts) and the nested lists `Person.articles`,
 * `Organisation.articles`, `Place.articles`, `Engagement.articles` and `Actor.articles`.
 */
import type { ObjectRef } from '@pothos/core';
import { builder, type BuilderTypes } from '../builder.ts';
import { ArticleFilter, ArticleOrderEnum, articleWhere } from '../types/filters.ts';
import { cursorSpace } from './cursors.ts';
import { articleOrder } from './orderings.ts';
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
    fields: articleCursors.connectionFields,
  },
  { name: 'ArticleEdge', fields: articleCursors.edgeFields },
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
  return { where: articleWhere(args.filter), ...articleOrder(args.orderBy, parent === 'person' || parent === 'organisation' || parent === 'place') };
}
