/** Place: a city, country or region (the territory; a state that acts is an Organisation); `Query.place`, `Query.places`. */
import { PLACE_KINDS } from '../../db/schema.ts';
import { runPlanned } from '../statement-cache.ts';
import { builder } from '../builder.ts';
import { ArticleConnection, articleConnectionArgs, articleConnectionQuery } from './article.ts';
import { EngagementConnection, engagementConnectionArgs, engagementConnectionQuery } from './engagement.ts';
import { NameOrderEnum } from './filters.ts';
import { countRows, keepTotal, lookupArgs, lookupWhere, nameOrder, nameQueryWhere, rootTotal, withTotal, placeCursors } from './shared.ts';

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

// Connection fields are added apart from the node so the types' definitions do not form a cycle.
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

export const PlaceConnection = builder.connectionObject(
  {
    type: Place,
    name: 'PlaceConnection',
    fields: placeCursors.connectionFields,
  },
  { name: 'PlaceEdge', fields: placeCursors.edgeFields },
);

builder.queryFields((t) => ({
  place: t.drizzleField({
    type: 'places',
    nullable: true,
    args: lookupArgs,
    resolve: (query, _root, args, ctx, info) => {
      const where = lookupWhere('Place', args);
      return where ? runPlanned(ctx, info, ctx.db.query.places.findFirst(query({ where }))) : null;
    },
  }),
  places: t.drizzleConnection(
    {
      type: 'places',
      args: {
        query: t.arg.string({
          required: false,
          description: 'Prefix of a word of the name or of an alias, folded (case, diacritics, transliteration): "qal", "lar".',
        }),
        orderBy: t.arg({ type: NameOrderEnum, required: false }),
      },
      totalCount: (_parent, args, ctx) => {
        placeCursors.prepare(args);
        return rootTotal(args, () => countRows(ctx.db.query.places, nameQueryWhere(args.query, 'place_id') ?? {}));
      },
      resolve: (query, _root, args, ctx, info) => {
        placeCursors.prepare(args);
        const q = { where: nameQueryWhere(args.query, 'place_id') ?? {}, ...nameOrder(args.orderBy) };
        return keepTotal(args, runPlanned(ctx, info, ctx.db.query.places.findMany(query(withTotal(q, info, 'places')))));
      },
    },
    PlaceConnection,
  ),
}));

// ---------------------------------------------------------------------------------------------
// Write path: mergePlaces. Imports are hoisted.

import { requireScope } from '../../auth/credentials.ts';
import { mergePlaces, MergeRefused } from '../../ingest/merge.ts';
import { codedError } from '../errors.ts';
import { decodeId } from '../ids.ts';

builder.mutationFields((t) => ({
  mergePlaces: t.drizzleField({
    type: 'places',
    description:
      'Merge two records of the same place: `merge` is folded into `keep` (links, datelines, engagements, nationalities, countries, aliases, ISO code, sameAs) and deleted. Returns the kept place.',
    args: { keep: t.arg.id({ required: true }), merge: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      await requireScope(ctx.auth ?? (async () => ({ kind: 'anonymous' }) as const));
      const keep = decodeId(String(args.keep), ['Place'], 'keep').id;
      const merge = decodeId(String(args.merge), ['Place'], 'merge').id;
      try {
        await mergePlaces(ctx.db, keep, merge);
      } catch (err) {
        if (err instanceof MergeRefused) throw codedError(err.code, err.message);
        throw err;
      }
      const place = await ctx.db.query.places.findFirst(query({ where: { id: keep } }));
      if (!place) throw codedError('NOT_FOUND', 'The kept place no longer exists.');
      return place;
    },
  }),
}));
