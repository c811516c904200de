/**
 * The article link connections `Article.people`, `Article.organisations` and `Article.places`:
 * one factory for the three. Each pages an article's rows of its link table (`article_people`
 * ...) rather than the entities, because the edge is the link: it carries the ninjs `rel`
 * (about | mentions) and the `relevance`. Ordered by relevance (unjudged last), then the entity's
 * id; `rel` filters; `totalCount` is a correlated sub-query beside the page (one statement).
 *
 * Built with the Drizzle plugin's `drizzleConnectionHelpers` over the link relation
 * (`articlePeople` ...): the field's `select` puts the helper's query under the article's row
 * (`personLinks`, with the count as `personLinkCount`), and its `resolve` pages those rows. A link
 * connection counts as two nested levels against SQLite's parser limit (README).
 */
import type { ObjectRef } from '@pothos/core';
import { drizzleConnectionHelpers, type DrizzleObjectFieldBuilder } from '@pothos/plugin-drizzle';
import { builder, type BuilderTypes } from '../builder.ts';
import { MentionRelEnum } from '../types/filters.ts';
import { cursorSpace, type ConnectionArgs } from './cursors.ts';
import { relevanceOrder } from './orderings.ts';
import { linkCount, withLinkTotal, type ArticleLinkTable } from './totals.ts';

/** One link table as the factory needs it. */
interface ArticleLink {
  /** The entity's node type and GraphQL name ("Person"). */
  node: ObjectRef<BuilderTypes, object>;
  typename: 'Person' | 'Organisation' | 'Place';
  /** The article's relation to its link rows (src/db/relations.ts) and the link table. */
  relation: 'articlePeople' | 'articleOrganisations' | 'articlePlaces';
  table: ArticleLinkTable;
  /** The link row's relation to its entity, and the entity's column on the link row. */
  entity: 'person' | 'organisation' | 'place';
  entityId: 'personId' | 'organisationId' | 'placeId';
}

const relArgs = builder.args((t) => ({ rel: t.field({ type: MentionRelEnum, required: false }) }));

type Rel = 'about' | 'mentions' | null | undefined;

/** Edge fields of article↔entity links: the ninjs rel and relevance (the edge is the link row). */
function linkEdgeFields<Shape>(edge: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, Shape>) {
  const link = (e: Shape) => e as unknown as { rel: 'about' | 'mentions'; relevance: number | null };
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
  const rows = `${link.entity}Links`;
  const count = `${link.entity}LinkCount`;
  const cursors = cursorSpace(`Article${link.typename}`, 'RELEVANCE');
  const helpers = drizzleConnectionHelpers(builder, link.relation, {
    args: () => relArgs,
    query: (args: { rel?: Rel }) => ({ where: args.rel ? { rel: args.rel } : {}, ...relevanceOrder(link.entityId) }),
    select: (nested: () => unknown) => ({ columns: { rel: true, relevance: true }, with: { [link.entity]: nested() } }),
    resolveNode: (row: Record<string, unknown>) => row[link.entity],
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
