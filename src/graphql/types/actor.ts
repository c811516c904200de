/**
 * Actor: something that takes part in engagements, a Person or an Organisation. Rows of either
 * table are branded with their GraphQL type so the interface resolves without a query.
 * Person and Organisation implement every field; the interface only declares them.
 */
import { brandWithType } from '@pothos/core';
import { builder } from '../builder.ts';
import { ArticleConnection, articleConnectionArgs } from './article.ts';
import { EngagementConnection, engagementConnectionArgs } from './engagement.ts';
import { Quote } from './quote.ts';

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

export const Actor = builder.interfaceRef<object>('Actor').implement({
  description: 'Something that takes part in engagements: a person or an organisation.',
  interfaces: [builder.nodeInterfaceRef()],
  fields: (t) => ({
    name: t.string({}),
    slug: t.string({}),
    engagements: t.field({ type: EngagementConnection, args: { ...connectionArgs, ...engagementConnectionArgs } }),
    articles: t.field({ type: ArticleConnection, args: { ...connectionArgs, ...articleConnectionArgs } }),
    quotes: t.field({ type: [Quote] }),
  }),
});

export const ActorCount = builder.objectRef<{ actor: object; count: number }>('ActorCount').implement({
  fields: (t) => ({
    actor: t.field({ type: Actor, resolve: (c) => c.actor }),
    count: t.exposeInt('count'),
  }),
});
