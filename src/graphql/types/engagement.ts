/**
 * Engagement: something that happened between actors (a visit, meeting, talks, call,
 * agreement, statement ...), coded with CAMEO, dated as a partial date, placed, with its
 * participants and the articles that reported it. `Query.engagement`, `Query.engagements`.
 */
import { partialDateSelection } from '../../db/partial-date-columns.ts';
import { ENGAGEMENT_STATUSES, PARTICIPANT_ROLES } from '../../db/schema.ts';
import { builder } from '../builder.ts';
import { lookupWhere } from '../lookups.ts';
import { runPlanned } from '../statement-cache.ts';
import { ArticleConnection, articleCursors } from '../connections/articles.ts';
import { EngagementConnection, engagementConnectionArgs, engagementConnectionQuery, engagementCursors } from '../connections/engagements.ts';
import { articleOrder } from '../connections/orderings.ts';
import { pageSizeFor } from '../connections/page-sizes.ts';
import { countRows, keepTotal, withTotal } from '../connections/totals.ts';
import { Actor, asActor } from './actor.ts';
import { EngagementKindEnum, engagementActorCount, engagementWhere } from './filters.ts';
import { PartialDate, partialDateOf } from './partial-date.ts';

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
      select: { columns: partialDateSelection('date') },
      resolve: (e) => partialDateOf(e, 'date'),
    }),
    place: t.relation('place', { nullable: true }),
    participants: t.relation('participants', { query: { orderBy: { id: 'asc' } } }),
    quotes: t.relation('quotes', { query: { orderBy: { articleId: 'asc', position: 'asc' } } }),
  }),
});

builder.drizzleObjectFields(Engagement, (t) => ({
  articles: t.relatedConnection(
    'articles',
    {
      totalCount: true,
      description: 'The articles that reported the engagement, latest first (PUBLISHED_DESC: undated last).',
      query: (args) => {
        articleCursors.prepare(args);
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
      // totalCount rides on the page's statement (a scalar sub-query): connections/totals.ts.
      totalCount: (_parent, args, ctx) => {
        engagementCursors.prepare(args);
        return countRows(ctx.db.query.engagements, engagementWhere(args.filter));
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
