/**
 * Article: a news item (one ninjs `uri`) with its linked people, organisations and places
 * (ninjs rel about/mentions, relevance), the engagements it reports, its quotes and figures.
 * Root fields: `Query.article`, `Query.articles`.
 */
import { drizzleConnectionHelpers } from '@pothos/plugin-drizzle';
import { sql } from 'drizzle-orm';
import { runPlanned } from '../statement-cache.ts';
import { builder, type BuilderTypes } from '../builder.ts';
import { ArticleFilter, ArticleOrderEnum, articleLinkCount, articleWhere, MentionRelEnum } from './filters.ts';
import { pageSizeFor } from '../limits.ts';
import {
  articleCursors,
  articleOrder,
  countRows,
  cursorSpace,
  engagementCursors,
  engagementOrder,
  keepTotal,
  lookupWhere,
  noteParent,
  rootTotal,
  type ParentKind,
  withTotal as withRootTotal,
} from './shared.ts';
import { Place } from './place.ts';
import { Person } from './person.ts';
import { Organisation } from './organisation.ts';
import { EngagementConnection } from './engagement.ts';

export const Article = builder.drizzleNode('articles', {
  name: 'Article',
  // Load only the columns the selected fields ask for: bodies are large, lists rarely show them.
  select: { columns: { id: true } },
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
    quotes: t.relation('quotes', { query: { orderBy: { position: 'asc' } } }),
    figures: t.relation('figures', { query: { orderBy: { position: 'asc' } } }),
  }),
});

// Connection fields are added apart from the node so the types' definitions do not form a cycle.
builder.drizzleObjectFields(Article, (t) => ({
  people: t.connection(
    {
      type: Person,
      args: articlePeople.getArgs(),
      select: (args, ctx, nested) => {
        personLinkCursors.prepare(args);
        return {
          with: { personLinks: articlePeople.getQuery(args, ctx, nested) },
          extras: { personLinkCount: linkCount('article_people', args.rel) },
        };
      },
      resolve: (a, args, ctx) => {
        personLinkCursors.prepare(args);
        return withTotal(articlePeople.resolve(links(a).personLinks, args, ctx), links(a).personLinkCount);
      },
    },
    { name: 'ArticlePersonConnection', fields: personLinkCursors.connectionFields },
    { name: 'ArticlePersonEdge', fields: (t) => ({ ...personLinkCursors.edgeFields(t), ...linkEdgeFields(t) }) },
  ),
  organisations: t.connection(
    {
      type: Organisation,
      args: articleOrganisations.getArgs(),
      select: (args, ctx, nested) => {
        organisationLinkCursors.prepare(args);
        return {
          with: { organisationLinks: articleOrganisations.getQuery(args, ctx, nested) },
          extras: { organisationLinkCount: linkCount('article_organisations', args.rel) },
        };
      },
      resolve: (a, args, ctx) => {
        organisationLinkCursors.prepare(args);
        return withTotal(articleOrganisations.resolve(links(a).organisationLinks, args, ctx), links(a).organisationLinkCount);
      },
    },
    { name: 'ArticleOrganisationConnection', fields: organisationLinkCursors.connectionFields },
    { name: 'ArticleOrganisationEdge', fields: (t) => ({ ...organisationLinkCursors.edgeFields(t), ...linkEdgeFields(t) }) },
  ),
  places: t.connection(
    {
      type: Place,
      args: articlePlaces.getArgs(),
      select: (args, ctx, nested) => {
        placeLinkCursors.prepare(args);
        return {
          with: { placeLinks: articlePlaces.getQuery(args, ctx, nested) },
          extras: { placeLinkCount: linkCount('article_places', args.rel) },
        };
      },
      resolve: (a, args, ctx) => {
        placeLinkCursors.prepare(args);
        return withTotal(articlePlaces.resolve(links(a).placeLinks, args, ctx), links(a).placeLinkCount);
      },
    },
    { name: 'ArticlePlaceConnection', fields: placeLinkCursors.connectionFields },
    { name: 'ArticlePlaceEdge', fields: (t) => ({ ...placeLinkCursors.edgeFields(t), ...linkEdgeFields(t) }) },
  ),
  engagements: t.relatedConnection(
    'engagements',
    {
      totalCount: true,
      description: 'The engagements the article reports, latest first (DATE_DESC: unknown dates last).',
      query: (args) => {
        engagementCursors.prepare(args);
        noteParent(args, 'article');
        return engagementOrder(null);
      },
    },
    EngagementConnection,
  ),
}));

/**
 * Number of an article's links in a link table (with the rel filter), as a correlated
 * sub-query inside the article's own statement: totalCount costs no extra round trip.
 */
function linkCount(table: 'article_people' | 'article_organisations' | 'article_places', rel: 'about' | 'mentions' | null | undefined) {
  return (a: { id: unknown }) =>
    sql<number>`(select count(*) from ${sql.identifier(table)} l where l.article_id = ${a.id}${rel ? sql` and l.rel = ${rel}` : sql``})`;
}

/** The link rows and counts the connection fields' `select` put on an article row. */
function links(article: object) {
  return article as {
    personLinks: never[];
    organisationLinks: never[];
    placeLinks: never[];
    personLinkCount: number;
    organisationLinkCount: number;
    placeLinkCount: number;
  };
}

/** Attach the counted total to a connection built by a connection helper. */
function withTotal<C extends object>(connection: C | Promise<C>, total: unknown) {
  return Promise.resolve(connection).then((c) => ({ ...c, totalCount: Number(total ?? 0) }));
}

/** Edge fields of article↔entity links: the ninjs rel and relevance (the edge is the link row). */
function linkEdgeFields<Shape>(edge: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, Shape>) {
  const link = (e: Shape) => e as unknown as { rel: 'about' | 'mentions'; relevance: number | null };
  return {
    rel: edge.field({ type: MentionRelEnum, resolve: (e) => link(e).rel }),
    relevance: edge.float({ nullable: true, description: '0..1, higher is more central to the article.', resolve: (e) => link(e).relevance }),
  };
}

const relArgs = builder.args((t) => ({ rel: t.field({ type: MentionRelEnum, required: false }) }));

/** Cursor spaces of the article→entity link connections (ordered by relevance, then entity id). */
const personLinkCursors = cursorSpace('ArticlePerson', 'RELEVANCE');
const organisationLinkCursors = cursorSpace('ArticleOrganisation', 'RELEVANCE');
const placeLinkCursors = cursorSpace('ArticlePlace', 'RELEVANCE');

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
  noteParent(args, parent);
  // An entity's articles walk through its link table, which carries the sort keys.
  return { where: articleWhere(args.filter), ...articleOrder(args.orderBy, parent === 'person' || parent === 'organisation' || parent === 'place') };
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
    resolve: (query, _root, args, ctx, info) => {
      const where = lookupWhere('Article', { id: args.id, slug: args.slug, uri: args.uri ?? null });
      return where ? runPlanned(ctx, info, ctx.db.query.articles.findFirst(query({ where }))) : null;
    },
  }),
  articles: t.drizzleConnection(
    {
      type: 'articles',
      args: articleConnectionArgs,
      // totalCount rides on the page's statement (a scalar sub-query); see rootTotal.
      totalCount: (_parent, args, ctx) => {
        articleCursors.prepare(args);
        return rootTotal(args, () => countRows(ctx.db.query.articles, articleWhere(args.filter)));
      },
      resolve: (query, _root, args, ctx, info) => {
        const q = articleConnectionQuery(args);
        const firstPage = args.after == null && args.before == null && args.last == null;
        const page = firstPage ? { ...q, where: articleWhere(args.filter, { rows: pageSizeFor(args, ctx).size + 1, order: args.orderBy ?? 'PUBLISHED_DESC' }) } : q;
        return keepTotal(args, runPlanned(ctx, info, ctx.db.query.articles.findMany(query(withRootTotal(page, info, 'articles', q.where, articleLinkCount(args.filter))))));
      },
    },
    ArticleConnection,
  ),
}));

// ---------------------------------------------------------------------------------------------
// Write path and exports (issue 6): Article.ninjs / Article.jsonLd, ingestArticle, deleteArticle.
// Kept together at the end of the module; imports are hoisted.

import { requireScope } from '../../auth/credentials.ts';
import { articleToJsonLd } from '../../export/jsonld.ts';
import { articleToNinjs } from '../../export/ninjs.ts';
import { ARTICLE_EXPORT_SELECT, type ExportArticle } from '../../export/select.ts';
import { deleteArticle } from '../../ingest/delete.ts';
import { loadBundle, type LoadResult } from '../../ingest/load.ts';
import { BundleRejected } from '../../ingest/validate.ts';
import { codedError } from '../errors.ts';
import { decodeId } from '../ids.ts';
import type { Context } from '../builder.ts';

/** The base of our own URIs for this request (config PUBLIC_BASE_URL, else the request origin). */
export const publicBase = (ctx: Context) => ctx.publicBaseUrl ?? 'http://localhost';
/** The principal of a context built without HTTP (scripts, tests): writes refuse. */
export const anonymous = async () => ({ kind: 'anonymous' }) as const;

// Both fields read exactly ARTICLE_EXPORT_SELECT, merged into the article's one SQL statement.
builder.drizzleObjectFields(Article, (t) => ({
  ninjs: t.field({
    type: 'JSON',
    description: "The article as a valid IPTC ninjs 3.1 document. Entity `uri`s are Newsgraph's own (they resolve to JSON-LD).",
    select: ARTICLE_EXPORT_SELECT as never,
    resolve: (a, _args, ctx) => articleToNinjs(a as unknown as ExportArticle, publicBase(ctx)),
  }),
  jsonLd: t.field({
    type: 'JSON',
    description: 'The article as schema.org NewsArticle JSON-LD (about, mentions, engagements as Events).',
    select: ARTICLE_EXPORT_SELECT as never,
    resolve: (a, _args, ctx) => articleToJsonLd(a as unknown as ExportArticle, publicBase(ctx)),
  }),
}));

export const IngestResult = builder.objectRef<LoadResult>('IngestResult').implement({
  description: 'What ingesting one bundle did.',
  fields: (t) => ({
    article: t.drizzleField({
      type: 'articles',
      resolve: async (query, result, _args, ctx) => {
        const article = await ctx.db.query.articles.findFirst(query({ where: { id: result.articleId } }));
        if (!article) throw codedError('NOT_FOUND', 'The article was deleted meanwhile.');
        return article;
      },
    }),
    created: t.exposeBoolean('created', {
      description: 'true when this call created the article, false when it updated an existing one (same uri).',
    }),
    changed: t.exposeBoolean('changed', {
      description: 'false when the content was identical to what is stored: nothing was written.',
    }),
  }),
});

builder.mutationType({ description: 'Writes: each needs an editor credential (scope newsgraph:write).' });

builder.mutationFields((t) => ({
  ingestArticle: t.field({
    type: IngestResult,
    description: 'Ingest one article bundle (ninjs 3.1 item + Newsgraph annotations) atomically; idempotent on the ninjs uri.',
    args: { bundle: t.arg({ type: 'JSON', required: true, description: 'An article bundle, or a plain ninjs 3.1 / 2.x item.' }) },
    resolve: async (_root, args, ctx) => {
      await requireScope(ctx.auth ?? anonymous);
      try {
        return await loadBundle(ctx.db, args.bundle, { ownBaseUrls: [publicBase(ctx)] });
      } catch (err) {
        if (err instanceof BundleRejected)
          throw codedError('BAD_USER_INPUT', `The bundle was rejected: ${err.problems.length} problem(s).`, {
            argument: 'bundle',
            problems: err.problems,
          });
        throw err;
      }
    },
  }),
  deleteArticle: t.boolean({
    description: 'Delete an article with its links, quotes and figures; engagements and entities nothing else uses go too. false when there was no such article.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      await requireScope(ctx.auth ?? anonymous);
      const { id } = decodeId(String(args.id), ['Article'], 'id');
      return deleteArticle(ctx.db, id);
    },
  }),
}));
