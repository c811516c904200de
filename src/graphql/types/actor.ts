/**
 * Actor: something that takes part in engagements, a Person or an Organisation. Rows of either
 * table are branded with their GraphQL type so the interface resolves without a query.
 * Person and Organisation implement every field; the interface only declares them.
 */
import { brandWithType, type ObjectRef } from '@pothos/core';
import { builder, type BuilderTypes, type Context } from '../builder.ts';
import { ArticleConnection, articleConnectionArgs } from '../connections/articles.ts';
import { EngagementConnection, engagementConnectionArgs } from '../connections/engagements.ts';
import { pageSizeFor } from '../connections/page-sizes.ts';

// By its GraphQL name: quote.ts implements Quote and imports this module (Quote.speaker is an
// Actor); Pothos resolves a type's name when the schema is built.
const Quote = 'Quote' as unknown as ObjectRef<BuilderTypes, object>;

/** Brand a person or organisation row loaded through a polymorphic relation. */
export function asActor<T extends object>(row: T | null | undefined, typename: 'Person' | 'Organisation'): T | null {
  if (!row) return null;
  brandWithType(row, typename as never);
  return row;
}

const connectionArgs = builder.args((t) => ({
  first: t.int({ required: false }),
  after: t.string({ required: false }),
  last: t.int({ required: false }),
  before: t.string({ required: false }),
}));

export const Actor = builder.interfaceRef<object>('Actor');
Actor.implement({
  description: 'Something that takes part in engagements: a person or an organisation.',
  interfaces: [builder.nodeInterfaceRef()],
  fields: (t) => ({
    name: t.string({}),
    slug: t.string({}),
    engagements: t.field({ type: EngagementConnection, args: { ...connectionArgs, ...engagementConnectionArgs } }),
    articles: t.field({ type: ArticleConnection, args: { ...connectionArgs, ...articleConnectionArgs } }),
    quotes: t.field({ type: [Quote] }),
    engagedWith: t.field({
      type: [ActorCount],
      description: 'Other actors that share engagements with this one, most shared first.',
      args: { first: t.arg.int({ required: false }) },
    }),
  }),
});

export const ActorCount = builder.objectRef<{ actor: object; count: number }>('ActorCount');
ActorCount.implement({
  description: 'Another actor and the number of engagements it shares with this one.',
  fields: (t) => ({
    actor: t.field({ type: Actor, resolve: (c) => c.actor }),
    count: t.exposeInt('count', { description: 'Engagements shared (each counted once, whatever the roles).' }),
  }),
});

/**
 * The `engagedWith` field of Person and Organisation: the actor's rows of `co_actors` (kept by
 * triggers on participants), most shared first, ties by actor, with each partner's selection
 * planned into the same statement (`nested` under `actor`, for either table). One statement.
 */
export function engagedWithField(t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, object> & {
  field: (options: never) => never;
}) {
  return t.field({
    type: [ActorCount],
    description: 'Other actors that share engagements with this one, most shared first.',
    args: { first: t.arg.int({ required: false, description: 'How many (default DEFAULT_PAGE_SIZE, at most MAX_PAGE_SIZE).' }) },
    select: (args: { first?: number | null }, ctx: Context, nested: (s: true, path: string[], type: string) => unknown) => ({
      with: {
        coActors: {
          columns: { shared: true },
          orderBy: { shared: 'desc', otherKey: 'asc' },
          limit: pageSizeFor(args, ctx).size,
          with: { otherPerson: nested(true, ['actor'], 'Person'), otherOrganisation: nested(true, ['actor'], 'Organisation') },
        },
      },
    }),
    resolve: (row: { coActors: { shared: number; otherPerson?: object | null; otherOrganisation?: object | null }[] }) =>
      row.coActors.map((c) => ({
        actor: asActor(c.otherPerson, 'Person') ?? asActor(c.otherOrganisation, 'Organisation')!,
        count: Number(c.shared),
      })),
  } as never);
}
