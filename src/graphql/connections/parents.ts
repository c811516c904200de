/**
 * Which row a nested article or engagement connection hangs off (`Person.articles`,
 * `Article.engagements` ...). Two things depend on it: the ordering (an entity's lists walk its
 * link table, which carries the sort keys: `articleConnectionQuery`, `engagementConnectionQuery`)
 * and `facets`, whose set is the connection's filter AND its parent's relation. Nothing is
 * recorded: the relation's own `query` callback is told its parent by the type that declares
 * it, and `facets` reads it from where it resolves (the GraphQL path and the connection result).
 */
import type { GraphQLResolveInfo } from 'graphql';

/** The entity a nested article/engagement connection hangs off. */
export type ParentKind = 'person' | 'organisation' | 'place' | 'article' | 'engagement';

const KINDS: Record<string, ParentKind> = {
  Person: 'person',
  Organisation: 'organisation',
  Place: 'place',
  Article: 'article',
  Engagement: 'engagement',
};

/**
 * The kind of row the connection holding a field hangs off, for a field of the connection type
 * (`ArticleConnection.facets`): the type of the object the connection field was selected on, from
 * the response path (graphql-js records each step's parent type). Undefined for root lists.
 */
export function connectionParentKind(info: GraphQLResolveInfo): ParentKind | undefined {
  const typename = info.path.prev?.typename;
  return typename ? KINDS[typename] : undefined;
}
