/** Place: a city, country or region (the territory; a state that acts is an Organisation); `Query.place`, `Query.places`, `Mutation.mergePlaces` (./entity-roots.ts). */
import { PLACE_KINDS } from '../../db/schema.ts';
import { builder } from '../builder.ts';
import { ArticleConnection, articleConnectionArgs, articleConnectionQuery } from '../connections/articles.ts';
import { EngagementConnection, engagementConnectionArgs, engagementConnectionQuery } from '../connections/engagements.ts';
import { nameQueryWhere } from '../connections/name-query.ts';
import { entityRootFields } from './entity-roots.ts';

export const PlaceKindEnum = builder.enumType('PlaceKind', { values: PLACE_KINDS });

export const Place = builder.drizzleNode('places', {
  name: 'Place',
  id: { column: (p) => p.id },
  fields: (t) => ({
    name: t.exposeString('name'),
    slug: t.exposeString('slug'),
    kind: t.field({ type: PlaceKindEnum, select: { columns: { kind: true } }, resolve: (p) => p.kind }),
    country: t.relation('country', { nullable: true, description: 'The country a city or region lies in.' }),
    iso3166: t.exposeString('iso3166', { nullable: true, description: 'ISO 3166-1 alpha-2 code for countries.' }),
    aliases: t.stringList({
      select: { columns: { name: true }, with: { aliases: { columns: { name: true }, orderBy: { id: 'asc' } } } },
      resolve: (p) => p.aliases.map((a) => a.name).filter((n) => n !== p.name),
    }),
    sameAs: t.stringList({
      select: { with: { sameAs: { columns: { uri: true } } } },
      resolve: (p) => p.sameAs.map((s) => s.uri),
    }),
  }),
});

builder.drizzleObjectFields(Place, (t) => ({
  articles: t.relatedConnection(
    'articles',
    { args: articleConnectionArgs, totalCount: true, query: (args) => articleConnectionQuery(args, 'place') },
    ArticleConnection,
  ),
  engagements: t.relatedConnection(
    'engagements',
    {
      description: 'Engagements that happened here: at this place, or (for a country) anywhere in it.',
      args: engagementConnectionArgs,
      totalCount: true,
      query: (args) => engagementConnectionQuery(args, 'place'),
    },
    EngagementConnection,
  ),
}));

export const PlaceConnection = entityRootFields({
  table: 'places',
  node: Place,
  typename: 'Place',
  one: 'place',
  many: 'places',
  merge: 'mergePlaces',
  queryDescription: 'Prefix of a word of the name or of an alias, folded (case, diacritics, transliteration): "qal", "lar".',
  where: (args) => nameQueryWhere(args.query, 'place_id') ?? {},
  mergeDescription:
    'Merge two records of the same place: `merge` is folded into `keep` (links, datelines, engagements, nationalities, countries, aliases, ISO code, sameAs) and deleted. Returns the kept place.',
  noun: 'place',
});
