/** Person: someone named in articles, with roles, engagements and quotes; `Query.person`, `Query.people`, `Mutation.mergePeople` (./entity-roots.ts). */
import { builder } from '../builder.ts';
import { ArticleConnection, articleConnectionArgs, articleConnectionQuery } from '../connections/articles.ts';
import { EngagementConnection, engagementConnectionArgs, engagementConnectionQuery } from '../connections/engagements.ts';
import { nameQueryWhere } from '../connections/name-query.ts';
import { Actor, engagedWithField } from './actor.ts';
import { entityRootFields } from './entity-roots.ts';

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
    quotes: t.relation('quotes', { query: { orderBy: { articleId: 'asc', position: 'asc' } } }),
  }),
});

builder.drizzleObjectFields(Person, (t) => ({
  engagedWith: engagedWithField(t as never),
  engagements: t.relatedConnection(
    'engagements',
    { args: engagementConnectionArgs, totalCount: true, query: (args) => engagementConnectionQuery(args, 'person') },
    EngagementConnection,
  ),
  articles: t.relatedConnection(
    'articles',
    { args: articleConnectionArgs, totalCount: true, query: (args) => articleConnectionQuery(args, 'person') },
    ArticleConnection,
  ),
}));

export const PersonConnection = entityRootFields({
  table: 'people',
  node: Person,
  typename: 'Person',
  one: 'person',
  many: 'people',
  merge: 'mergePeople',
  queryDescription: 'Prefix of a word of the name or of an alias, folded (case, diacritics, transliteration): "qal", "lar".',
  where: (args) => nameQueryWhere(args.query, 'person_id') ?? {},
  mergeDescription:
    'Merge two records of the same person: `merge` is folded into `keep` (links, engagements, quotes, roles, aliases, sameAs) and deleted. Returns the kept person.',
  noun: 'person',
});
