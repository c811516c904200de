/**
 * Engagement connections: the `EngagementConnection` / `EngagementEdge` types, the arguments every
 * list of engagements takes (filter, order), and the query options they turn into
 * (`engagementConnectionQuery`). Used by `Query.engagements` (types/engagement.ts) and the nested
 * lists `Person.engagements`, `Organisation.engagements`, `Place.engagements`,
 * `Article.engagements` and `Actor.engagements`.
 */
import type { ObjectRef } from '@pothos/core';
import { builder, type BuilderTypes } from '../builder.ts';
import { EngagementFilter, EngagementOrderEnum, engagementWhere } from '../types/filters.ts';
import { cursorSpace } from './cursors.ts';
import { engagementOrder } from './orderings.ts';
import type { ParentKind } from './parents.ts';

/** The cursor space of engagement lists: "Engagement:<EngagementOrder>". */
export const engagementCursors = cursorSpace('Engagement', 'DATE_DESC');

// The node type by its GraphQL name: types/engagement.ts implements Engagement and imports this
// module, and Pothos resolves a type's name when the schema is built.
const Engagement = 'Engagement' as unknown as ObjectRef<BuilderTypes, object>;

export const EngagementConnection = builder.connectionObject(
  {
    type: Engagement,
    name: 'EngagementConnection',
    fields: engagementCursors.connectionFields,
  },
  { name: 'EngagementEdge', fields: engagementCursors.edgeFields },
);

/** Arguments of engagement connections: filter (contract EngagementFilter) and order. */
export const engagementConnectionArgs = builder.args((t) => ({
  filter: t.field({ type: EngagementFilter, required: false }),
  orderBy: t.field({ type: EngagementOrderEnum, required: false }),
}));

/**
 * Query options of an engagement connection (filter and date ordering, one statement). Checks
 * and unwraps the connection's cursors first.
 * @param parent the row a nested list hangs off; a person's or organisation's engagements walk
 *   through engagement_actors, which carries the sort keys
 */
export function engagementConnectionQuery(args: {
  filter?: typeof EngagementFilter.$inferInput | null;
  orderBy?: 'DATE_DESC' | 'DATE_ASC' | null;
  after?: string | null;
  before?: string | null;
  first?: number | null;
  last?: number | null;
}, parent?: ParentKind) {
  engagementCursors.prepare(args);
  return { where: engagementWhere(args.filter), ...engagementOrder(args.orderBy, parent === 'person' || parent === 'organisation') };
}
