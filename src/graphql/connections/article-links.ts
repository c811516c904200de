/**
 * The article link connections `Article.people`, `Article.organisations` and `Article.places`:
 * one factory for the three. Each pages the article's entities through its link table
 * (`article_people` ...), and the edge carries what the link row holds: the ninjs `rel`
 * (about | mentions) and the `relevance`, read from the link row the relation joins (`tr<n>`,
 * see ./orderings.ts `linkColumn`). Ordered by relevance (unjudged last), then the entity's id;
 * `rel` filters; `totalCount` is a correlated sub-query beside the page (one statement).
 *
 * Built with the Drizzle plugin's `drizzleConnectionHelpers` over the entity table, walked
 * through the article's many-to-many relation (`people` ..., src/db/relations.ts): the field's
 * `select` puts the helper's query under the article's row (with the count as
 * `personLinkCount`), and its `resolve` pages those rows. Walking through the link table costs one
 * nested level against SQLite's parser limit (src/graphql/masking.ts), as any list does; paging
 * the link rows and then loading each entity cost two.
 */
import type { ObjectRef } from '@pothos/core';
import { drizzleConnectionHelpers, type DrizzleObjectFieldBuilder } from '@pothos/plugin-drizzle';
import { sql } from 'drizzle-orm';
import { builder, type BuilderTypes } from '../builder.ts';
import { MentionRelEnum } from '../types/filters.ts';
import { cursorSpace, type ConnectionArgs } from './cursors.ts';
import { linkColumn, linkRowExtras, relevanceOrder } from './orderings.ts';
import { linkCount, withLinkTotal, type ArticleLinkTable } from './totals.ts';

/** One link table as the factory needs it. */
interface ArticleLink {
  /** The entity's node type and GraphQL name ("Person"). */
  node: ObjectRef<BuilderTypes, object>;
  typename: 'Person' | 'Organisation' | 'Place';
  /** The article's many-to-many relation to the entities (src/db/relations.ts), the entity table, and the link table. */
  relation: 'people' | 'organisations' | 'places';
  table: ArticleLinkTable;
  /** The entity's name, for the article row's count (`personLinkCount`). */
  entity: 'person' | 'organisation' | 'place';
}

const relArgs = builder.args((t) => ({ rel: t.field({ type: MentionRelEnum, required: false }) }));

type Rel = 'about' | 'mentions' | null | undefined;

/** Edge fields of article↔entity links: the ninjs rel and relevance of the link row. */
function linkEdgeFields<Shape>(edge: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, Shape>) {
  const link = (e: Shape) => {
    const row = e as unknown as { linkRel: 'about' | 'mentions'; linkRelevance: number | null };
    return { rel: row.linkRel, relevance: row.linkRelevance };
  };
  return {
    rel: edge.field({ type: MentionRelEnum, resolve: (e) => link(e).rel }),
    relevance: edge.float({ nullable: true, description: '0..1, higher is more central to the article.', resolve: (e) => link(e).relevance }),
  };
}

/**
 * The connection field of one link table, for `builder.drizzleObjectFields(Article, (t) => ...)`.
 * Types `Article<Typename>Connection` / `Article<Typename>Edge`; cursor space
 * "Article<Typename>:RELEVANCE". The article row carries the page as `<entity>Links` and the
 * count as `<entity>LinkCount`.
 */
export function articleLinkConnection(link: ArticleLink) {
  const rows = link.relation;
  const count = `${link.entity}LinkCount`;
  const cursors = cursorSpace(`Article${link.typename}`, 'RELEVANCE');
  const order = relevanceOrder();
  const helpers = drizzleConnectionHelpers(builder, link.relation, {
    args: () => relArgs,
    query: (args: { rel?: Rel }) => ({
      where: args.rel ? { RAW: (e: object) => sql`${linkColumn(e, 'rel')} = ${args.rel}` } : {},
      extras: { ...order.extras, ...linkRowExtras },
      orderBy: order.orderBy,
    }),
    // The edge spreads the row (rel and relevance); the node is the row itself.
    resolveNode: (row: Record<string, unknown>) => row,
  } as never) as unknown as {
    getArgs: () => typeof relArgs;
    getQuery: (args: object, ctx: object, nested: unknown) => object;
    resolve: (list: never[], args: object, ctx: object) => object | Promise<object>;
  };
  const loaded = (article: object) => article as Record<string, never>;

  return <Shape>(t: DrizzleObjectFieldBuilder<BuilderTypes, BuilderTypes['DrizzleRelations']['articles'], Shape>) =>
    t.connection(
      {
        type: link.node,
        args: helpers.getArgs(),
        select: (args: ConnectionArgs & { rel?: Rel }, ctx: object, nested: unknown) => {
          cursors.prepare(args);
          return {
            with: { [rows]: helpers.getQuery(args, ctx, nested) },
            extras: { [count]: linkCount(link.table, args.rel) },
          };
        },
        resolve: (a: object, args: ConnectionArgs, ctx: object) => {
          cursors.prepare(args);
          return withLinkTotal(helpers.resolve(loaded(a)[rows]!, args, ctx), loaded(a)[count]);
        },
      } as never,
      { name: `Article${link.typename}Connection`, fields: cursors.connectionFields },
      {
        name: `Article${link.typename}Edge`,
        fields: (e: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, object>) => ({ ...cursors.edgeFields(e), ...linkEdgeFields(e) }),
      },
    );
}
