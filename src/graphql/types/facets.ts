/**
 * Facets: counts over the whole filtered set of an `articles` or `engagements` connection (not
 * just the page), for filter sidebars. `ArticleConnection.facets` counts articles per linked
 * person / organisation / place and per CAMEO root of the engagements they report;
 * `EngagementConnection.facets` counts engagements per participating person / organisation
 * (each engagement once per actor), per place and per CAMEO root. Most frequent first, ties by id.
 * Both also count per engagement kind (`kinds`) and per month (`months`, a date histogram):
 * - an engagement counts in the month of its earliest possible day (`date.earliest`): "late
 *   October 2025" in 2025-10, a year-precise "2025" in 2025-01, a range in the month it starts.
 *   One without an earliest bound (no date, or only "before …") is counted as `undated`, never
 *   at a made-up month;
 * - an article counts in the month of its publication (UTC); one without a date is `undated`;
 * - `kinds` on articles counts each article once per kind of the engagements it reports.
 *
 * Statements: each facet list asked for is one statement, which both counts and loads the
 * entities with everything selected beneath `node` (planned like any other field). The set is
 * the connection's filter, and on a nested connection (Person.articles ...) its parent too;
 * a nested connection inside a list costs these statements per parent row.
 */
import { getSchemaConfig, queryFromInfo } from '@pothos/plugin-drizzle';
import { sql, type SQL } from 'drizzle-orm';
import type { GraphQLResolveInfo } from 'graphql';
import { builder, type Context } from '../builder.ts';
import { ArticleConnection } from '../connections/articles.ts';
import { EngagementConnection } from '../connections/engagements.ts';
import { pageSizeFor } from '../connections/page-sizes.ts';
import { connectionParentKind, type ParentKind } from '../connections/parents.ts';
import { whereSql } from '../connections/totals.ts';
import { articleWhere, EngagementKindEnum, engagementWhere, type ArticleFilterInput, type EngagementFilterInput } from './filters.ts';
import { Organisation } from './organisation.ts';
import { Person } from './person.ts';
import { Place } from './place.ts';

type SetKind = 'articles' | 'engagements';

/** What a facets field needs: which set, as SQL selecting its ids. */
interface FacetSet {
  kind: SetKind;
  ids: SQL;
}

interface Bucket {
  node: object;
  count: number;
}

const bucket = <T extends object>(name: string, type: T, what: string) =>
  builder.objectRef<Bucket>(name).implement({
    description: `A ${what} and how many members of the set it has.`,
    fields: (t) => ({
      node: t.field({ type: type as never, resolve: (b) => b.node as never }),
      count: t.exposeInt('count'),
    }),
  });

export const PersonFacet = bucket('PersonFacet', Person, 'person');
export const OrganisationFacet = bucket('OrganisationFacet', Organisation, 'organisation');
export const PlaceFacet = bucket('PlaceFacet', Place, 'place');

export const CameoRootFacet = builder.objectRef<{ code: string; name: string; count: number }>('CameoRootFacet').implement({
  description: 'A CAMEO root code (two digits, e.g. "04"; `name` is its root event, "Consult") and how many members of the set fall under it.',
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    count: t.exposeInt('count'),
  }),
});

export const EngagementKindFacet = builder.objectRef<{ kind: string; count: number }>('EngagementKindFacet').implement({
  description: 'An engagement kind and how many members of the set fall under it (articles: that report an engagement of the kind).',
  fields: (t) => ({
    kind: t.field({ type: EngagementKindEnum, resolve: (b) => b.kind as never }),
    count: t.exposeInt('count'),
  }),
});

export const MonthCount = builder.objectRef<{ month: string; count: number }>('MonthCount').implement({
  description: 'One month of a date histogram and how many members of the set fall in it.',
  fields: (t) => ({
    month: t.exposeString('month', { description: 'The month, ISO 8601 "YYYY-MM".' }),
    count: t.exposeInt('count'),
  }),
});

export const MonthHistogram = builder.objectRef<{ buckets: { month: string; count: number }[]; undated: number }>('MonthHistogram').implement({
  description:
    'Members of the set per month, earliest month first; months with none are left out. An engagement counts in the month of its ' +
    'earliest possible day (date.earliest: "late October 2025" in 2025-10, "2025" in 2025-01); an article in the month it was published (UTC).',
  fields: (t) => ({
    buckets: t.field({ type: [MonthCount], resolve: (h) => h.buckets }),
    undated: t.exposeInt('undated', {
      description: 'Members with no such day (an engagement without an earliest bound, an article without a date): counted here, never in a month.',
    }),
  }),
});

/** Link table and column from a set member to an entity kind. */
const LINKS: Record<SetKind, Record<'people' | 'organisations' | 'places', { table: string; member: string; entity: string }>> = {
  articles: {
    people: { table: 'article_people', member: 'article_id', entity: 'person_id' },
    organisations: { table: 'article_organisations', member: 'article_id', entity: 'organisation_id' },
    places: { table: 'article_places', member: 'article_id', entity: 'place_id' },
  },
  engagements: {
    people: { table: 'engagement_actors', member: 'engagement_id', entity: 'person_id' },
    organisations: { table: 'engagement_actors', member: 'engagement_id', entity: 'organisation_id' },
    places: { table: 'engagements', member: 'id', entity: 'place_id' },
  },
};

const TYPE_NAMES = { people: 'Person', organisations: 'Organisation', places: 'Place' } as const;

/** One entity facet: a planned query on the entity table, counting members per entity. */
async function entityFacet(
  set: FacetSet,
  entity: 'people' | 'organisations' | 'places',
  args: { first?: number | null },
  ctx: Context,
  info: GraphQLResolveInfo,
): Promise<Bucket[]> {
  const link = LINKS[set.kind][entity];
  const table = sql.identifier(link.table);
  const member = sql.identifier(link.member);
  const column = sql.identifier(link.entity);
  const count = (e: { id: unknown }) =>
    sql<number>`(select count(*) from ${table} l where l.${column} = ${e.id} and l.${member} in (${set.ids}))`;
  const query = queryFromInfo({ config: getSchemaConfig(builder), context: ctx, info, typeName: TYPE_NAMES[entity], path: ['node'] });
  const api = ctx.db.query[entity] as unknown as { findMany: (q: object) => Promise<({ _facetCount: number } & object)[]> };
  const rows = await api.findMany({
    ...query,
    extras: { ...(query as { extras?: object }).extras, _facetCount: count },
    where: { RAW: (e: { id: unknown }) => sql`${e.id} in (select l.${column} from ${table} l where l.${member} in (${set.ids}))` },
    orderBy: (e: { id: unknown }, { asc, desc }: { asc: (x: unknown) => SQL; desc: (x: unknown) => SQL }) => [desc(count(e)), asc(e.id)],
    limit: pageSizeFor(args, ctx).size,
  });
  return rows.map((row) => ({ node: row, count: Number(row._facetCount) }));
}

/** The CAMEO root facet: one grouped statement. */
async function cameoFacet(set: FacetSet, args: { first?: number | null }, ctx: Context) {
  const limit = pageSizeFor(args, ctx).size;
  const rows =
    set.kind === 'articles'
      ? await ctx.db.all<{ code: string; name: string | null; count: number }>(sql`
          select c.root_code as code, r.name as name, count(distinct ea.article_id) as count
          from engagement_articles ea join engagements e on e.id = ea.engagement_id
          join cameo_codes c on c.code = e.cameo_code left join cameo_codes r on r.code = c.root_code || '0'
          where ea.article_id in (${set.ids})
          group by c.root_code order by count desc, c.root_code limit ${limit}`)
      : await ctx.db.all<{ code: string; name: string | null; count: number }>(sql`
          select c.root_code as code, r.name as name, count(*) as count
          from engagements e join cameo_codes c on c.code = e.cameo_code left join cameo_codes r on r.code = c.root_code || '0'
          where e.id in (${set.ids})
          group by c.root_code order by count desc, c.root_code limit ${limit}`);
  return rows.map((r) => ({ code: r.code, name: r.name ?? r.code, count: Number(r.count) }));
}

/** The kind facet: one grouped statement. */
async function kindFacet(set: FacetSet, args: { first?: number | null }, ctx: Context) {
  const limit = pageSizeFor(args, ctx).size;
  const rows =
    set.kind === 'articles'
      ? await ctx.db.all<{ kind: string; count: number }>(sql`
          select e.kind as kind, count(distinct ea.article_id) as count
          from engagement_articles ea join engagements e on e.id = ea.engagement_id
          where ea.article_id in (${set.ids})
          group by e.kind order by count desc, e.kind limit ${limit}`)
      : await ctx.db.all<{ kind: string; count: number }>(sql`
          select e.kind as kind, count(*) as count from engagements e
          where e.id in (${set.ids})
          group by e.kind order by count desc, e.kind limit ${limit}`);
  return rows.map((r) => ({ kind: r.kind, count: Number(r.count) }));
}

/** The month histogram: one grouped statement; the group without a month is `undated`. */
async function monthFacet(set: FacetSet, ctx: Context) {
  const month = set.kind === 'articles' ? sql`substr(m.published_at, 1, 7)` : sql`substr(m.date_earliest, 1, 7)`;
  const table = sql.identifier(set.kind);
  const rows = await ctx.db.all<{ month: string | null; count: number }>(sql`
    select ${month} as month, count(*) as count from ${table} m
    where m.id in (${set.ids})
    group by 1 order by 1`);
  const buckets = rows.filter((r) => r.month !== null).map((r) => ({ month: r.month!, count: Number(r.count) }));
  return { buckets, undated: Number(rows.find((r) => r.month === null)?.count ?? 0) };
}

export const Facets = builder.objectRef<FacetSet>('Facets').implement({
  description:
    'Counts over the whole filtered set of a connection (every page, not just this one), most frequent first. ' +
    'On ArticleConnection: articles per linked person, organisation, place, and per CAMEO root of the engagements they report. ' +
    'On EngagementConnection: engagements per participating person and organisation, per place, and per CAMEO root. ' +
    'On both: per engagement kind, and per month (a date histogram, see MonthHistogram).',
  fields: (t) => ({
    people: t.field({ type: [PersonFacet], args: { first: t.arg.int({ required: false }) }, resolve: (s, args, ctx, info) => entityFacet(s, 'people', args, ctx, info) }),
    organisations: t.field({
      type: [OrganisationFacet],
      args: { first: t.arg.int({ required: false }) },
      resolve: (s, args, ctx, info) => entityFacet(s, 'organisations', args, ctx, info),
    }),
    places: t.field({ type: [PlaceFacet], args: { first: t.arg.int({ required: false }) }, resolve: (s, args, ctx, info) => entityFacet(s, 'places', args, ctx, info) }),
    cameoRoots: t.field({ type: [CameoRootFacet], args: { first: t.arg.int({ required: false }) }, resolve: (s, args, ctx) => cameoFacet(s, args, ctx) }),
    kinds: t.field({ type: [EngagementKindFacet], args: { first: t.arg.int({ required: false }) }, resolve: (s, args, ctx) => kindFacet(s, args, ctx) }),
    months: t.field({ type: MonthHistogram, resolve: (s, _args, ctx) => monthFacet(s, ctx) }),
  }),
});

/** The filter a nested connection's parent adds, as a relational `where`. */
function parentWhere(kind: SetKind, parent: ParentKind | undefined, id: number): object | undefined {
  if (!parent) return undefined;
  if (kind === 'articles') {
    return {
      person: { personLinks: { personId: id } },
      organisation: { organisationLinks: { organisationId: id } },
      place: { placeLinks: { placeId: id } },
      engagement: { engagements: { id } },
      article: { id },
    }[parent];
  }
  return {
    person: { participants: { personId: id } },
    organisation: { participants: { organisationId: id } },
    // As Place.engagements (the engagement_places view): here, or in a city of this country.
    place: { OR: [{ placeId: id }, { place: { countryId: id } }] },
    article: { articles: { id } },
    engagement: { id },
  }[parent];
}

/**
 * The id set of a connection: its filter, and its parent's relation when nested. The connection
 * result carries its arguments (`args`) and, nested, its parent row (`parent`); the parent's kind
 * is the type the connection field was selected on.
 */
function facetSet(kind: SetKind, connection: { args?: { filter?: unknown }; parent?: unknown }, info: GraphQLResolveInfo): FacetSet {
  const own = kind === 'articles'
    ? articleWhere(connection.args?.filter as ArticleFilterInput | undefined)
    : engagementWhere(connection.args?.filter as EngagementFilterInput | undefined);
  const parent = parentWhere(kind, connectionParentKind(info), Number((connection.parent as { id?: unknown } | undefined)?.id));
  const where = parent ? { AND: [own, parent] } : own;
  const condition = whereSql(kind, where);
  const table = getSchemaConfig(builder).relations[kind]!.table;
  return { kind, ids: sql`select ${sql.identifier(kind)}.id from ${table}${condition ? sql` where ${condition}` : sql``}` };
}

builder.objectFields(ArticleConnection, (t) => ({
  facets: t.field({
    type: Facets,
    description: 'Counts over every article of this connection (its filter applied), not just this page.',
    resolve: (c, _args, _ctx, info) => facetSet('articles', c as never, info),
  }),
}));

builder.objectFields(EngagementConnection, (t) => ({
  facets: t.field({
    type: Facets,
    description: 'Counts over every engagement of this connection (its filter applied), not just this page.',
    resolve: (c, _args, _ctx, info) => facetSet('engagements', c as never, info),
  }),
}));
