/**
 * PossibleDuplicate: two people, organisations or places that may be one, for editors to merge
 * (`mergePeople`, `mergeOrganisations`, `mergePlaces`) or leave; `Query.possibleDuplicates`.
 *
 * Statements: one. The list is a relational query over the view `possible_duplicates`
 * (src/db/schema.ts, drizzle/*_possible_duplicates) with the two rows of each pair as relations
 * (`personA`, `personB` ... as `Query.search` does with its result types), each carrying the
 * selection made beneath `a` / `b` for its type, planned by the Drizzle plugin. A plain list with `first`
 * rather than a connection: a review queue, highest score first, that shrinks as editors merge.
 * The view pairs rows through indexes but is computed whole before the best `first` are taken:
 * its cost grows with the number of entities and of shared names, not with `first`.
 */
import { brandWithType } from '@pothos/core';
import { getSchemaConfig, queryFromInfo } from '@pothos/plugin-drizzle';
import type { GraphQLResolveInfo } from 'graphql';
import { builder, type Context } from '../builder.ts';
import { pageSizeFor } from '../connections/page-sizes.ts';
import { runPlanned } from '../statement-cache.ts';
import { Organisation } from './organisation.ts';
import { Person } from './person.ts';
import { Place } from './place.ts';

const TYPES = ['PERSON', 'ORGANISATION', 'PLACE'] as const;
type EntityTypeName = (typeof TYPES)[number];

export const EntityTypeEnum = builder.enumType('EntityType', {
  description: 'A kind of named entity: person, organisation or place.',
  values: TYPES,
});

export const DuplicateReasonEnum = builder.enumType('DuplicateReason', {
  values: {
    VARIANT: { description: 'The same variant key: transliteration variants of one name ("Mohammad Bagheri", "Muhammed Baqeri") kept apart.' },
    SHARED_NAME: { description: "One's name or alias is the other's name or alias (folded)." },
    SURNAME: { description: 'A person named by a surname alone, and a full-named person with that surname.' },
  },
});

export const Entity = builder.unionType('Entity', {
  description: 'A person, an organisation or a place.',
  types: [Person, Organisation, Place],
  resolveType: (row) => (row as unknown as { __entityType: string }).__entityType,
});

type Side = 'A' | 'B';
type PairRow = {
  type: EntityTypeName;
  reason: 'VARIANT' | 'SHARED_NAME' | 'SURNAME';
  score: number;
  sharedKey: string;
  a: object | null;
  b: object | null;
};

const RELATIONS: Record<EntityTypeName, { typename: 'Person' | 'Organisation' | 'Place'; relation: 'person' | 'organisation' | 'place' }> = {
  PERSON: { typename: 'Person', relation: 'person' },
  ORGANISATION: { typename: 'Organisation', relation: 'organisation' },
  PLACE: { typename: 'Place', relation: 'place' },
};

export const PossibleDuplicate = builder.objectRef<PairRow>('PossibleDuplicate').implement({
  description: 'Two entities of one type that may be one: merge them (mergePeople, mergeOrganisations, mergePlaces) or leave them.',
  fields: (t) => ({
    type: t.field({ type: EntityTypeEnum, resolve: (p) => p.type }),
    a: t.field({ type: Entity, description: 'The older of the two (lower id).', resolve: (p) => p.a as never }),
    b: t.field({ type: Entity, resolve: (p) => p.b as never }),
    reason: t.field({ type: DuplicateReasonEnum, resolve: (p) => p.reason }),
    score: t.float({
      description: 'How likely the two are one, 0..1: VARIANT 0.9, SHARED_NAME 0.8 (several words) or 0.4 (one word), SURNAME 0.5.',
      resolve: (p) => Number(p.score),
    }),
    sharedKey: t.exposeString('sharedKey', { description: 'What the two share: the variant key, the folded name or alias, or the surname.' }),
  }),
});

/**
 * The `with` of the pair list: for each type asked for and each side, the relation with the
 * selection made beneath `a` / `b` for that type, planned as any other field's. When a side is
 * not selected its rows are not loaded (the side then resolves to its id alone).
 */
function sideRelations(types: readonly EntityTypeName[], ctx: Context, info: GraphQLResolveInfo): Record<string, object> {
  const config = getSchemaConfig(builder);
  const relations: Record<string, object> = {};
  for (const type of types)
    for (const s of ['A', 'B'] as const) {
      const { typename, relation } = RELATIONS[type];
      const query = queryFromInfo({ config, context: ctx, info, typeName: typename, path: [s.toLowerCase()] }) as object;
      if (Object.keys(query).length > 0) relations[`${relation}${s}`] = query;
    }
  return relations;
}

/** One side of a loaded pair, branded with its GraphQL type. */
function sideOf(row: Record<string, unknown>, side: Side): object | null {
  const { typename, relation } = RELATIONS[row.type as EntityTypeName];
  const key = `${relation}${side}`;
  const node = (key in row ? row[key] : { id: row[side === 'A' ? 'aId' : 'bId'] }) as object | null;
  if (!node) return null;
  brandWithType(node, typename as never);
  Object.defineProperty(node, '__entityType', { value: typename, enumerable: false });
  return node;
}

builder.queryFields((t) => ({
  possibleDuplicates: t.field({
    type: [PossibleDuplicate],
    description:
      'Pairs of people, organisations or places (within one type) that may be one entity, most likely first: spelling variants kept apart ' +
      'because they were ambiguous, shared names or aliases, a surname alone and a full name.',
    args: {
      types: t.arg({ type: [EntityTypeEnum], required: false, description: 'Only pairs of these types (all when absent).' }),
      first: t.arg.int({ required: false, description: 'How many (default DEFAULT_PAGE_SIZE, at most MAX_PAGE_SIZE).' }),
    },
    resolve: async (_root, args, ctx, info) => {
      const types = args.types?.length ? ([...new Set(args.types)] as EntityTypeName[]) : null;
      const rows = (await runPlanned(
        ctx,
        info,
        ctx.db.query.possibleDuplicates.findMany({
          columns: { type: true, aId: true, bId: true, reason: true, score: true, sharedKey: true },
          where: types ? { type: { in: types } } : {},
          orderBy: { score: 'desc', type: 'asc', aId: 'asc', bId: 'asc' },
          limit: pageSizeFor(args, ctx).size,
          with: sideRelations(types ?? TYPES, ctx, info),
        }),
      )) as unknown as Record<string, unknown>[];
      return rows.flatMap((row) => {
        const a = sideOf(row, 'A');
        const b = sideOf(row, 'B');
        // A pair whose row went meanwhile (a merge between the view and the join: never in one statement).
        if (!a || !b) return [];
        return [{ type: row.type, reason: row.reason, score: row.score, sharedKey: row.sharedKey, a, b } as PairRow];
      });
    },
  }),
}));
