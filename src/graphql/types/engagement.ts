/**
 * Engagement: something that happened between actors (a visit, meeting, talks, call,
 * agreement, statement ...), coded with CAMEO, dated as a partial date, placed, with its
 * participants and the articles that reported it. `Query.engagement`, `Query.engagements`.
 */
import { ENGAGEMENT_STATUSES, PARTICIPANT_ROLES } from '../../db/schema.ts';
import { pageSizeFor } from '../limits.ts';
import { runPlanned } from '../statement-cache.ts';
import { builder } from '../builder.ts';
import { Actor, asActor } from './actor.ts';
import { ArticleConnection } from './article.ts';
import { EngagementFilter, EngagementKindEnum, EngagementOrderEnum, engagementActorCount, engagementWhere } from './filters.ts';
import { PartialDate, partialDateOf } from './partial-date.ts';
import {
  articleCursors,
  articleOrder,
  countRows,
  engagementCursors,
  engagementOrder,
  keepTotal,
  lookupWhere,
  noteParent,
  rootTotal,
  type ParentKind,
  withTotal,
} from './shared.ts';

export const EngagementStatusEnum = builder.enumType('EngagementStatus', { values: ENGAGEMENT_STATUSES });
export const ParticipantRoleEnum = builder.enumType('ParticipantRole', { values: PARTICIPANT_ROLES });

export const Engagement = builder.drizzleNode('engagements', {
  name: 'Engagement',
  description: 'Something that happened between actors: a visit, a meeting, talks, a call, an agreement, a statement...',
  // Load only the columns the selected fields ask for (every field declares its own).
  select: { columns: { id: true } },
  id: { column: (e) => e.id },
  fields: (t) => ({
    kind: t.field({ type: EngagementKindEnum, select: { columns: { kind: true } }, resolve: (e) => e.kind }),
    cameo: t.relation('cameo'),
    summary: t.exposeString('summary'),
    status: t.field({ type: EngagementStatusEnum, select: { columns: { status: true } }, resolve: (e) => e.status }),
    date: t.field({
      type: PartialDate,
      nullable: true,
      select: { columns: { dateText: true, dateEdtf: true, datePrecision: true, dateEarliest: true, dateLatest: true } },
      resolve: (e) => partialDateOf(e, 'date'),
    }),
    place: t.relation('place', { nullable: true }),
    participants: t.relation('participants', { query: { orderBy: { id: 'asc' } } }),
    quotes: t.relation('quotes', { query: { orderBy: { articleId: 'asc', position: 'asc' } } }),
  }),
});

// Connection fields are added apart from the node so the types' definitions do not form a cycle.
builder.drizzleObjectFields(Engagement, (t) => ({
  articles: t.relatedConnection(
    'articles',
    {
      totalCount: true,
      description: 'The articles that reported the engagement, latest first (PUBLISHED_DESC: undated last).',
      query: (args) => {
        articleCursors.prepare(args);
        noteParent(args, 'engagement');
        return articleOrder(null, true);
      },
    },
    ArticleConnection,
  ),
}));

export const Participant = builder.drizzleObject('participants', {
  name: 'Participant',
  select: { columns: { role: true } },
  fields: (t) => ({
    actor: t.field({
      type: Actor,
      // Plan the actor's selection into this statement for whichever table it lives in.
      select: (_args, _ctx, nested) => ({
        with: {
          person: nested(true, [], 'Person') as true,
          organisation: nested(true, [], 'Organisation') as true,
        },
      }),
      resolve: (p) => asActor((p as { person?: object }).person, 'Person') ?? asActor((p as { organisation?: object }).organisation, 'Organisation')!,
    }),
    role: t.field({ type: ParticipantRoleEnum, resolve: (p) => p.role }),
  }),
});

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
  noteParent(args, parent);
  // A person's or organisation's engagements walk through engagement_actors, which carries the sort keys.
  return { where: engagementWhere(args.filter), ...engagementOrder(args.orderBy, parent === 'person' || parent === 'organisation') };
}

builder.queryFields((t) => ({
  engagement: t.drizzleField({
    type: 'engagements',
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx, info) => {
      const where = lookupWhere('Engagement', { id: args.id });
      return where ? runPlanned(ctx, info, ctx.db.query.engagements.findFirst(query({ where }))) : null;
    },
  }),
  engagements: t.drizzleConnection(
    {
      type: 'engagements',
      args: engagementConnectionArgs,
      // totalCount rides on the page's statement (a scalar sub-query); see rootTotal.
      totalCount: (_parent, args, ctx) => {
        engagementCursors.prepare(args);
        return rootTotal(args, () => countRows(ctx.db.query.engagements, engagementWhere(args.filter)));
      },
      resolve: (query, _root, args, ctx, info) => {
        const q = engagementConnectionQuery(args);
        const firstPage = args.after == null && args.before == null && args.last == null;
        const page = firstPage ? { ...q, where: engagementWhere(args.filter, { rows: pageSizeFor(args, ctx).size + 1, order: args.orderBy ?? 'DATE_DESC' }) } : q;
        return keepTotal(args, runPlanned(ctx, info, ctx.db.query.engagements.findMany(query(withTotal(page, info, 'engagements', q.where, engagementActorCount(args.filter))))));
      },
    },
    EngagementConnection,
  ),
}));
