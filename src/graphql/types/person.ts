/** Person: someone named in articles, with roles, engagements and quotes; `Query.person`, `Query.people`. */
import { builder } from '../builder.ts';
import { Actor } from './actor.ts';
import { ArticleConnection, articleConnectionArgs, articleConnectionQuery } from './article.ts';
import { EngagementConnection, engagementConnectionArgs, engagementConnectionQuery } from './engagement.ts';
import { NameOrderEnum } from './filters.ts';
import { lookupArgs, lookupWhere, nameOrder, totalCountField } from './shared.ts';

export const Person = builder.drizzleNode('people', {
  name: 'Person',
  interfaces: () => [Actor],
  id: { column: (p) => p.id },
  fields: (t) => ({
    name: t.exposeString('name'),
    slug: t.exposeString('slug'),
    aliases: t.stringList({
      description: 'Other forms of the name used in sources (surname alone, transliterations).',
      select: { columns: { name: true }, with: { aliases: { columns: { name: true }, orderBy: { id: 'asc' } } } },
      resolve: (p) => p.aliases.map((a) => a.name).filter((n) => n !== p.name),
    }),
    roles: t.relation('roles', { query: { orderBy: { id: 'asc' } } }),
    nationality: t.relation('nationality', { nullable: true }),
    sameAs: t.stringList({
      description: 'External identifiers as URIs (e.g. Wikidata).',
      select: { with: { sameAs: { columns: { uri: true } } } },
      resolve: (p) => p.sameAs.map((s) => s.uri),
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

export const PersonConnection = builder.connectionObject(
  {
    type: Person,
    name: 'PersonConnection',
    fields: totalCountField,
  },
  { name: 'PersonEdge' },
);

builder.queryFields((t) => ({
  person: t.drizzleField({
    type: 'people',
    nullable: true,
    args: lookupArgs,
    resolve: (query, _root, args, ctx) => {
      const where = lookupWhere('Person', args);
      return where ? ctx.db.query.people.findFirst(query({ where })) : null;
    },
  }),
  people: t.drizzleConnection(
    {
      type: 'people',
      args: { query: t.arg.string({ required: false }), orderBy: t.arg({ type: NameOrderEnum, required: false }) },
      resolve: (query, _root, args, ctx) => ctx.db.query.people.findMany(query({ ...nameOrder(args.orderBy) })),
    },
    PersonConnection,
  ),
}));
