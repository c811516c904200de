/**
 * Article: a news item (one ninjs `uri`) with its linked people, organisations and places
 * (ninjs rel about/mentions, relevance), the engagements it reports, its quotes and figures.
 * Root fields: `Query.article`, `Query.articles`.
 */
import { drizzleConnectionHelpers } from '@pothos/plugin-drizzle';
import { sql } from 'drizzle-orm';
import { builder } from '../builder.ts';
import { ArticleFilter, ArticleOrderEnum, articleWhere, MentionRelEnum } from './filters.ts';
import { articleOrder, countRows, lookupWhere, totalCountField } from './shared.ts';
import { Place } from './place.ts';
import { Person } from './person.ts';
import { Organisation } from './organisation.ts';
import { EngagementConnection } from './engagement.ts';

export const Article = builder.drizzleNode('articles', {
  name: 'Article',
  id: { column: (a) => a.id },
  fields: (t) => ({
    uri: t.exposeString('uri', { description: "The article's own identifier (ninjs `uri`)." }),
    slug: t.exposeString('slug'),
    headline: t.exposeString('headline'),
    body: t.exposeString('body'),
    paragraphs: t.stringList({
      select: { columns: { body: true } },
      resolve: (a) => a.body.split('\n').filter((p) => p.trim() !== ''),
    }),
    dateline: t.relation('dateline', { nullable: true, description: 'Where the article was filed from (e.g. TEHRAN).' }),
    datelineText: t.exposeString('datelineText', { nullable: true, description: 'The dateline as printed ("TEHRAN").' }),
    publishedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'Null when the source gives no date.',
      select: { columns: { publishedAt: true } },
      resolve: (a) => a.publishedAt,
    }),
    byline: t.exposeString('byline', { nullable: true }),
    version: t.exposeInt('version', { description: 'Incremented each time the article is re-ingested with changed content.' }),
    language: t.exposeString('language', { description: 'BCP 47 language tag.' }),
    people: t.connection(
      {
        type: Person,
        args: articlePeople.getArgs(),
        select: (args, ctx, nested) => ({
          with: { personLinks: articlePeople.getQuery(args, ctx, nested) },
          extras: { personLinkCount: linkCount('article_people', args.rel) },
        }),
        resolve: (a, args, ctx) => withTotal(articlePeople.resolve(a.personLinks, args, ctx), a.personLinkCount),
      },
      { name: 'ArticlePersonConnection', fields: totalCountField },
      { name: 'ArticlePersonEdge', fields: linkEdgeFields },
    ),
    organisations: t.connection(
      {
        type: Organisation,
        args: articleOrganisations.getArgs(),
        select: (args, ctx, nested) => ({
          with: { organisationLinks: articleOrganisations.getQuery(args, ctx, nested) },
          extras: { organisationLinkCount: linkCount('article_organisations', args.rel) },
        }),
        resolve: (a, args, ctx) =>
          withTotal(articleOrganisations.resolve(a.organisationLinks, args, ctx), a.organisationLinkCount),
      },
      { name: 'ArticleOrganisationConnection', fields: totalCountField },
      { name: 'ArticleOrganisationEdge', fields: linkEdgeFields },
    ),
    places: t.connection(
      {
        type: Place,
        args: articlePlaces.getArgs(),
        select: (args, ctx, nested) => ({
          with: { placeLinks: articlePlaces.getQuery(args, ctx, nested) },
          extras: { placeLinkCount: linkCount('article_places', args.rel) },
        }),
        resolve: (a, args, ctx) => withTotal(articlePlaces.resolve(a.placeLinks, args, ctx), a.placeLinkCount),
      },
      { name: 'ArticlePlaceConnection', fields: totalCountField },
      { name: 'ArticlePlaceEdge', fields: linkEdgeFields },
    ),
    engagements: t.relatedConnection(
      'engagements',
      { totalCount: true, query: { orderBy: { id: 'asc' } } },
      EngagementConnection,
    ),
    quotes: t.relation('quotes', { query: { orderBy: { position: 'asc' } } }),
    figures: t.relation('figures', { query: { orderBy: { position: 'asc' } } }),
  }),
});

/**
 * Number of an article's links in a link table (with the rel filter), as a correlated
 * sub-query inside the article's own statement: totalCount costs no extra round trip.
 */
function linkCount(table: 'article_people' | 'article_organisations' | 'article_places', rel: 'about' | 'mentions' | null | undefined) {
  return (a: { id: unknown }) =>
    sql<number>`(select count(*) from ${sql.identifier(table)} l where l.article_id = ${a.id}${rel ? sql` and l.rel = ${rel}` : sql``})`;
}

/** Attach the counted total to a connection built by a connection helper. */
function withTotal<C extends object>(connection: C | Promise<C>, total: unknown) {
  return Promise.resolve(connection).then((c) => ({ ...c, totalCount: Number(total ?? 0) }));
}

/** Edge fields of article↔entity links: the ninjs rel and relevance. */
function linkEdgeFields(edge: PothosSchemaTypes.ObjectFieldBuilder<any, { rel: 'about' | 'mentions'; relevance: number | null }>) {
  return {
    rel: edge.field({ type: MentionRelEnum, resolve: (link) => link.rel }),
    relevance: edge.float({ nullable: true, description: '0..1, higher is more central to the article.', resolve: (link) => link.relevance }),
  };
}

const relArgs = builder.args((t) => ({ rel: t.field({ type: MentionRelEnum, required: false }) }));

/** Link connections: ordered by relevance (unjudged last), then the entity's id. */
const linkQuery = (args: { rel?: 'about' | 'mentions' | null }) => ({
  where: args.rel ? { rel: args.rel } : {},
  extras: { rank: (l: { relevance: unknown }) => sql`coalesce(${l.relevance}, -1)` },
});

const articlePeople = drizzleConnectionHelpers(builder, 'articlePeople', {
  args: () => relArgs,
  query: (args) => ({ ...linkQuery(args), orderBy: { rank: 'desc', personId: 'asc' } }),
  select: (nested) => ({ columns: { rel: true, relevance: true }, with: { person: nested() } }),
  resolveNode: (link) => link.person,
});
const articleOrganisations = drizzleConnectionHelpers(builder, 'articleOrganisations', {
  args: () => relArgs,
  query: (args) => ({ ...linkQuery(args), orderBy: { rank: 'desc', organisationId: 'asc' } }),
  select: (nested) => ({ columns: { rel: true, relevance: true }, with: { organisation: nested() } }),
  resolveNode: (link) => link.organisation,
});
const articlePlaces = drizzleConnectionHelpers(builder, 'articlePlaces', {
  args: () => relArgs,
  query: (args) => ({ ...linkQuery(args), orderBy: { rank: 'desc', placeId: 'asc' } }),
  select: (nested) => ({ columns: { rel: true, relevance: true }, with: { place: nested() } }),
  resolveNode: (link) => link.place,
});

export const ArticleConnection = builder.connectionObject(
  {
    type: Article,
    name: 'ArticleConnection',
    fields: totalCountField,
  },
  { name: 'ArticleEdge' },
);

/** Arguments of article connections on entities: filter (contract ArticleFilter) and order. */
export const articleConnectionArgs = builder.args((t) => ({
  filter: t.field({ type: ArticleFilter, required: false }),
  orderBy: t.field({ type: ArticleOrderEnum, required: false }),
}));

/** Query options of an article connection for its arguments (filter and ordering in one statement). */
export function articleConnectionQuery(args: { filter?: typeof ArticleFilter.$inferInput | null; orderBy?: 'PUBLISHED_DESC' | 'PUBLISHED_ASC' | 'HEADLINE_ASC' | null }) {
  return { where: articleWhere(args.filter), ...articleOrder(args.orderBy) };
}

builder.queryFields((t) => ({
  article: t.drizzleField({
    type: 'articles',
    nullable: true,
    args: {
      id: t.arg.id({ required: false }),
      slug: t.arg.string({ required: false }),
      uri: t.arg.string({ required: false }),
    },
    resolve: (query, _root, args, ctx) => {
      const where = lookupWhere('Article', { id: args.id, slug: args.slug, uri: args.uri ?? null });
      return where ? ctx.db.query.articles.findFirst(query({ where })) : null;
    },
  }),
  articles: t.drizzleConnection(
    {
      type: 'articles',
      args: articleConnectionArgs,
      totalCount: (_parent, args, ctx) => countRows(ctx.db.query.articles, articleWhere(args.filter)),
      resolve: (query, _root, args, ctx) => ctx.db.query.articles.findMany(query(articleConnectionQuery(args))),
    },
    ArticleConnection,
  ),
}));
