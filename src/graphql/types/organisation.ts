/**
 * Organisation: a state acting as an actor (kind STATE, linked to its country place), a
 * government body, ministry, legislature, embassy, party, company ...; `Query.organisation`,
 * `Query.organisations`, `Mutation.mergeOrganisations` (./entity-roots.ts).
 */
import { ORGANISATION_KINDS } from '../../db/schema.ts';
import { builder } from '../builder.ts';
import { ArticleConnection, articleConnectionArgs, articleConnectionQuery } from '../connections/articles.ts';
import { EngagementConnection, engagementConnectionArgs, engagementConnectionQuery } from '../connections/engagements.ts';
import { nameQueryWhere } from '../connections/name-query.ts';
import { Actor, engagedWithField } from './actor.ts';
import { entityRootFields } from './entity-roots.ts';

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
    quotes: t.relation('quotes', { query: { orderBy: { articleId: 'asc', position: 'asc' } } }),
  }),
});

builder.drizzleObjectFields(Organisation, (t) => ({
  engagedWith: engagedWithField(t as never),
  engagements: t.relatedConnection(
    'engagements',
    { args: engagementConnectionArgs, totalCount: true, query: (args) => engagementConnectionQuery(args, 'organisation') },
    EngagementConnection,
  ),
  articles: t.relatedConnection(
    'articles',
    { args: articleConnectionArgs, totalCount: true, query: (args) => articleConnectionQuery(args, 'organisation') },
    ArticleConnection,
  ),
}));

/** `where` of `Query.organisations`: name query and kinds, AND-ed (also read by the compiled path). */
export function organisationsWhere(args: { query?: string | null; kinds?: readonly (typeof ORGANISATION_KINDS)[number][] | null }) {
  const name = nameQueryWhere(args.query, 'organisation_id');
  const kinds = args.kinds?.length ? { kind: { in: [...args.kinds] } } : undefined;
  const and = [name, kinds].filter((w) => w !== undefined);
  return and.length ? { AND: and } : {};
}

export const OrganisationConnection = entityRootFields({
  table: 'organisations',
  node: Organisation,
  typename: 'Organisation',
  one: 'organisation',
  many: 'organisations',
  merge: 'mergeOrganisations',
  queryDescription:
    'Prefix of a word of the name, an alias or the acronym, folded (case, diacritics, transliteration): "snsc", "supreme nat".',
  filterArgs: (arg) => ({ kinds: arg({ type: [OrganisationKindEnum], required: false }) }),
  where: organisationsWhere,
  mergeDescription:
    'Merge two records of the same organisation: `merge` is folded into `keep` (links, engagements, quotes, roles, members, aliases, acronym, sameAs) and deleted. Returns the kept organisation.',
  noun: 'organisation',
});
