/**
 * Article: a news item (one ninjs `uri`) with its linked people, organisations and places
 * (ninjs rel about/mentions, relevance), the engagements it reports, its quotes and figures.
 * Root fields: `Query.article`, `Query.articles`.
 */
import { builder } from '../builder.ts';
import { lookupWhere } from '../lookups.ts';
import { runPlanned } from '../statement-cache.ts';
import { articleLinkConnection } from '../connections/article-links.ts';
import {
  ArticleConnection,
  articleConnectionArgs,
  articleConnectionQuery,
  articleCursors,
  articleFilterCount,
  articleFilterWhere,
  boundedArticleCount,
  DEFAULT_COUNT_CAP,
  keepBoundedCount,
} from '../connections/articles.ts';
import { EngagementConnection, engagementConnectionArgs, engagementConnectionQuery } from '../connections/engagements.ts';
import { pageSizeFor } from '../connections/page-sizes.ts';
import { countRows, keepTotal, selects, withTotal } from '../connections/totals.ts';
import { articleLinkCount } from './filters.ts';
import { Organisation } from './organisation.ts';
import { Person } from './person.ts';
import { Place } from './place.ts';


/** An article body's paragraphs: its lines that hold more than white space (JavaScript's `trim`). Both read paths split with it. */
export function articleParagraphs(body: string): string[] {
  return body.split('\n').filter((p) => p.trim() !== '');
}

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
      resolve: (a) => articleParagraphs(a.body),
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

/** Article.people / organisations / places: the link rows with rel and relevance. */
const linkedPeople = articleLinkConnection({
  node: Person,
  typename: 'Person',
  relation: 'people',
  table: 'article_people',
  entity: 'person',
});
const linkedOrganisations = articleLinkConnection({
  node: Organisation,
  typename: 'Organisation',
  relation: 'organisations',
  table: 'article_organisations',
  entity: 'organisation',
});
const linkedPlaces = articleLinkConnection({
  node: Place,
  typename: 'Place',
  relation: 'places',
  table: 'article_places',
  entity: 'place',
});

builder.drizzleObjectFields(Article, (t) => ({
  people: linkedPeople(t),
  organisations: linkedOrganisations(t),
  places: linkedPlaces(t),
  engagements: t.relatedConnection(
    'engagements',
    {
      args: engagementConnectionArgs,
      totalCount: true,
      description:
        'The engagements the article reports, filtered and ordered as Query.engagements: latest first by default (DATE_DESC: unknown dates last).',
      query: (args) => engagementConnectionQuery(args, 'article'),
    },
    EngagementConnection,
  ),
}));

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
      // totalCount rides on the page's statement (a scalar sub-query): connections/totals.ts.
      totalCount: (_parent, args, ctx) => {
        articleCursors.prepare(args);
        return countRows(ctx.db.query.articles, articleFilterWhere(args.filter));
      },
      resolve: (query, _root, args, ctx, info) => {
        const q = articleConnectionQuery(args);
        // A forward page (first page, or after a cursor) may be cut to its rows inside the filter:
        // entity lists on the first page, full-text queries on any forward page (connections/articles.ts).
        const forward = args.before == null && args.last == null;
        const cut = forward ? { ...q, where: articleFilterWhere(args.filter, { rows: pageSizeFor(args, ctx).size + 1, order: args.orderBy ?? 'PUBLISHED_DESC', after: args.after }) } : q;
        const counted = withTotal(cut, info, 'articles', q.where, articleLinkCount(args.filter) ?? articleFilterCount(args.filter));
        // boundedCount, when selected: counted up to the cap in the same statement.
        const cap = ctx.countCap ?? DEFAULT_COUNT_CAP;
        const page = selects(info, 'boundedCount') ? { ...counted, extras: { ...counted.extras, _bounded: () => boundedArticleCount(args.filter, cap) } } : counted;
        return keepBoundedCount(args, cap, keepTotal(args, runPlanned(ctx, info, ctx.db.query.articles.findMany(query(page as typeof counted)))));
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
import type { LoadResult } from '../../ingest/load.ts';
import { codedError } from '../errors.ts';
import { decodeId } from '../ids.ts';
import type { Context } from '../builder.ts';

/** The base of our own URIs for this request (config PUBLIC_BASE_URL, else the request origin). */
export const publicBase = (ctx: Context) => ctx.publicBaseUrl ?? 'http://localhost';
/**
 * The loader and its refusal, imported on the first write: the bundle's zod schema, chrono, edtf
 * and the rest of the write path are then evaluated, not at Worker start-up (reads never need them).
 */
export const writePath = async () => {
  const [{ loadBundle }, { BundleRejected, validateBundle }] = await Promise.all([import('../../ingest/load.ts'), import('../../ingest/validate.ts')]);
  return { loadBundle, BundleRejected, validateBundle };
};

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
      const { loadBundle, BundleRejected } = await writePath();
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
      const { deleteArticle } = await import('../../ingest/delete.ts');
      return deleteArticle(ctx.db, id);
    },
  }),
}));
