/**
 * Organisation: a state acting as an actor (kind STATE, linked to its country place), a
 * government body, ministry, legislature, embassy, party, company ...; `Query.organisation`,
 * `Query.organisations`.
 */
import { ORGANISATION_KINDS } from '../../db/schema.ts';
import { builder } from '../builder.ts';
import { Actor } from './actor.ts';
import { ArticleConnection, articleConnectionArgs, articleConnectionQuery } from './article.ts';
import { EngagementConnection, engagementConnectionArgs, engagementConnectionQuery } from './engagement.ts';
import { NameOrderEnum } from './filters.ts';
import { lookupArgs, lookupWhere, nameOrder, totalCountField } from './shared.ts';

export const OrganisationKindEnum = builder.enumType('OrganisationKind', { values: ORGANISATION_KINDS });

export const Organisation = builder.drizzleNode('organisations', {
  name: 'Organisation',
  interfaces: () => [Actor],
  id: { column: (o) => o.id },
  fields: (t) => ({
    name: t.exposeString('name'),
    slug: t.exposeString('slug'),
    acronym: t.exposeString('acronym', { nullable: true }),
    aliases: t.stringList({
      select: { columns: { name: true, acronym: true }, with: { aliases: { columns: { name: true }, orderBy: { id: 'asc' } } } },
      resolve: (o) => o.aliases.map((a) => a.name).filter((n) => n !== o.name && n !== o.acronym),
    }),
    kind: t.field({ type: OrganisationKindEnum, select: { columns: { kind: true } }, resolve: (o) => o.kind }),
    country: t.relation('country', { nullable: true }),
    parent: t.relation('parent', { nullable: true }),
    members: t.relation('members', { description: 'Roles held in this organisation.', query: { orderBy: { id: 'asc' } } }),
    sameAs: t.stringList({
      select: { with: { sameAs: { columns: { uri: true } } } },
      resolve: (o) => o.sameAs.map((s) => s.uri),
    }),
    engagements: t.relatedConnection(
      'engagements',
      { args: engagementConnectionArgs, totalCount: true, query: engagementConnectionQuery },
      EngagementConnection,
    ),
    articles: t.relatedConnection(
      'articles',
      { args: articleConnectionArgs, totalCount: true, query: articleConnectionQuery },
      ArticleConnection,
    ),
    quotes: t.relation('quotes', { query: { orderBy: { articleId: 'asc', position: 'asc' } } }),
  }),
});

export const OrganisationConnection = builder.connectionObject(
  {
    type: Organisation,
    name: 'OrganisationConnection',
    fields: totalCountField,
  },
  { name: 'OrganisationEdge' },
);

builder.queryFields((t) => ({
  organisation: t.drizzleField({
    type: 'organisations',
    nullable: true,
    args: lookupArgs,
    resolve: (query, _root, args, ctx) => {
      const where = lookupWhere('Organisation', args);
      return where ? ctx.db.query.organisations.findFirst(query({ where })) : null;
    },
  }),
  organisations: t.drizzleConnection(
    {
      type: 'organisations',
      args: {
        query: t.arg.string({ required: false }),
        kinds: t.arg({ type: [OrganisationKindEnum], required: false }),
        orderBy: t.arg({ type: NameOrderEnum, required: false }),
      },
      resolve: (query, _root, args, ctx) =>
        ctx.db.query.organisations.findMany(
          query({ where: args.kinds?.length ? { kind: { in: args.kinds } } : {}, ...nameOrder(args.orderBy) }),
        ),
    },
    OrganisationConnection,
  ),
}));
