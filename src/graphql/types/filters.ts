/**
 * ArticleFilter and EngagementFilter (contract inputs) and their translation into Drizzle
 * relational-query `where` objects. Every condition becomes part of the one SQL statement the
 * connection runs (EXISTS sub-queries on indexed link tables), never a second query.
 */
import { sql, type RelationsFilter, type SQL } from 'drizzle-orm';
import { isIsoDateTime, isIsoDay } from '../../domain/iso-date.ts';
import { ENGAGEMENT_KINDS } from '../../domain/vocabulary.ts';
import { knownDesc, publishedAscKey, publishedDescKey } from '../../db/sort-keys.ts';
import type { Relations } from '../../db/relations.ts';
import { builder } from '../builder.ts';
import { badInput } from '../errors.ts';
import { decodeId } from '../ids.ts';
import { matchExpression } from '../../search/match.ts';
import { parseSearchQuery } from '../../search/query.ts';

export type ArticleWhere = RelationsFilter<Relations['articles'], Relations>;
export type EngagementWhere = RelationsFilter<Relations['engagements'], Relations>;

export const MentionRelEnum = builder.enumType('MentionRel', {
  description: 'How an article relates to an entity (ninjs `rel`).',
  values: { ABOUT: { value: 'about' }, MENTIONS: { value: 'mentions' } } as const,
});

export const EngagementKindEnum = builder.enumType('EngagementKind', { values: ENGAGEMENT_KINDS });

export const ArticleFilter = builder.inputType('ArticleFilter', {
  fields: (t) => ({
    people: t.idList({ required: false, description: 'Articles linked to ALL of these people (global ids).' }),
    organisations: t.idList({ required: false, description: 'Articles linked to ALL of these organisations (global ids).' }),
    places: t.idList({ required: false, description: 'Articles linked to ALL of these places (global ids).' }),
    rel: t.field({ type: MentionRelEnum, required: false, description: 'Only links with this rel count for the entity filters above.' }),
    publishedFrom: t.string({ required: false, description: 'Published on or after this ISO date or timestamp (compared at whole seconds).' }),
    publishedTo: t.string({ required: false, description: 'Published on or before this ISO date or timestamp (a date includes its whole day, a timestamp its whole second); not before publishedFrom.' }),
    engagement: t.id({ required: false, description: 'Articles that report this engagement.' }),
    query: t.string({ required: false, description: 'Full-text search within the filtered set.' }),
  }),
});

export const EngagementFilter = builder.inputType('EngagementFilter', {
  fields: (t) => ({
    participants: t.idList({
      required: false,
      description: "Engagements in which ALL of these actors take part (e.g. both states: 'between A and B').",
    }),
    anyParticipants: t.idList({ required: false, description: 'Engagements in which ANY of these actors take part.' }),
    kinds: t.field({ type: [EngagementKindEnum], required: false }),
    cameoRoots: t.stringList({ required: false, description: "CAMEO root codes, e.g. ['04'] for consult." }),
    quadClasses: t.intList({ required: false }),
    place: t.id({ required: false, description: 'Happened at this place (a city, or anywhere in this country).' }),
    from: t.string({
      required: false,
      description: 'Engagements whose date range overlaps [from, to] (ISO dates). Unknown dates never match a range.',
    }),
    to: t.string({ required: false }),
  }),
});

export type ArticleFilterInput = typeof ArticleFilter.$inferInput;
export type EngagementFilterInput = typeof EngagementFilter.$inferInput;

/** A calendar day that exists ("2025-02-30" does not: Date would roll it into March). */
/**
 * A publication bound as text that compares right with stored timestamps whatever their
 * sub-second form ("…:59Z" or "…:59.250Z"; a plain text comparison puts "Z" after "."), at whole
 * seconds: a lower bound is the day or UTC second itself, a prefix (`key >= bound`); an upper
 * bound is the next day or second (`key < bound`). Years end at 9999: past it, "9999-13" sorts
 * after every stored date.
 * @throws GraphQLError BAD_USER_INPUT unless `value` is an ISO 8601 date or timestamp of a real day
 */
function publishedBound(value: string, argument: string, upper: boolean): string {
  if (!isIsoDateTime(value, 'optional')) {
    throw badInput(`${argument} must be an ISO 8601 date or timestamp, got "${value}"`, argument);
  }
  const day = value.length === 10;
  const start = day ? Date.parse(`${value}T00:00:00Z`) : Math.floor(new Date(value).getTime() / 1000) * 1000;
  const at = upper ? start + (day ? 86_400_000 : 1000) : start;
  if (at > Date.UTC(9999, 11, 31, 23, 59, 59)) return '9999-13';
  const iso = new Date(at).toISOString();
  return day ? iso.slice(0, 10) : iso.slice(0, 19);
}

function isoDay(value: string, argument: string): string {
  if (!isIsoDay(value)) {
    throw badInput(`${argument} must be an ISO calendar day YYYY-MM-DD, got "${value}"`, argument);
  }
  return value;
}

/** Decode actor ids (Person or Organisation) into participant conditions. */
function participantCondition(id: string, argument: string) {
  const actor = decodeId(id, ['Person', 'Organisation'], argument);
  return actor.type === 'Person' ? { personId: actor.id } : { organisationId: actor.id };
}

/** Most ids one filter list takes: a filter names a few entities, not a page of them. */
export const MAX_FILTER_IDS = 50;

function capIds(ids: readonly unknown[] | null | undefined, argument: string): void {
  if (ids && ids.length > MAX_FILTER_IDS) throw badInput(`${argument} takes at most ${MAX_FILTER_IDS} ids`, argument);
}

/**
 * When a filter asks only for engagements shared by a set of actors: the condition on
 * `engagement_actors a0` (the first actor's rows) that the others share too; else null.
 */
function onlyParticipantsList(filter: EngagementFilterInput): SQL | null {
  const only =
    !!filter.participants?.length && !filter.anyParticipants?.length && !filter.kinds?.length && !filter.cameoRoots?.length &&
    !filter.quadClasses?.length && !filter.place && !filter.from && !filter.to;
  if (!only) return null;
  const actors = filter.participants!.map((id) => {
    const c = participantCondition(String(id), 'filter.participants');
    return 'personId' in c ? { column: sql`person_id`, value: c.personId } : { column: sql`organisation_id`, value: c.organisationId };
  });
  const [lead, ...others] = actors;
  return sql.join(
    [
      sql`a0.${lead!.column} = ${lead!.value}`,
      ...others.map((o) => sql`exists (select 1 from engagement_actors o where o.engagement_id = a0.engagement_id and o.${o.column} = ${o.value})`),
    ],
    sql` and `,
  );
}

/**
 * The size of an engagement filter's set counted on engagement_actors alone (no engagement row
 * is read), when the filter asks only for engagements shared by a set of actors; else null.
 * Exact: engagement_actors holds one row per engagement and actor.
 */
export function engagementActorCount(filter: EngagementFilterInput | null | undefined): SQL<number> | null {
  if (!filter) return null;
  capIds(filter.participants, 'filter.participants');
  const shared = onlyParticipantsList(filter);
  return shared ? sql<number>`(select count(*) from engagement_actors a0 where ${shared})` : null;
}

/**
 * The `where` of an engagement connection for a filter (all conditions AND-ed). `firstPage`: the
 * page's row count and order when the query has no cursor, which lets a list of engagements
 * shared by a set of actors stop at the page.
 * @throws GraphQLError BAD_USER_INPUT for malformed ids, codes or dates
 */
export function engagementWhere(
  filter: EngagementFilterInput | null | undefined,
  firstPage?: { rows: number; order: 'DATE_DESC' | 'DATE_ASC' },
): EngagementWhere {
  if (!filter) return {};
  const and: EngagementWhere[] = [];
  capIds(filter.participants, 'filter.participants');
  capIds(filter.anyParticipants, 'filter.anyParticipants');
  const shared = onlyParticipantsList(filter);
  if (firstPage && shared) {
    // A first page of "engagements with all of these actors" in date order: walk the first
    // actor's engagements off engagement_actors' (actor, date key, engagement) index, keep those
    // the others share, and stop at the page's rows. The count uses the uncut filter.
    const key = firstPage.order === 'DATE_ASC' ? sql`a0.date_asc_key asc, a0.engagement_id asc` : sql`a0.date_desc_key desc, a0.engagement_id desc`;
    return { RAW: (e) => sql`${e.id} in (select a0.engagement_id from engagement_actors a0 where ${shared} order by ${key} limit ${firstPage.rows})` };
  }
  // `id in (...)` rather than the relation's EXISTS: SQLite can then start from the actor's
  // participant rows (indexed) instead of walking every engagement in date order.
  for (const id of filter.participants ?? []) {
    const c = participantCondition(String(id), 'filter.participants');
    const column = 'personId' in c ? sql`person_id` : sql`organisation_id`;
    const value = 'personId' in c ? c.personId : c.organisationId;
    and.push({ RAW: (e) => sql`${e.id} in (select engagement_id from participants where ${column} = ${value})` });
  }
  if (filter.anyParticipants?.length) {
    and.push({ OR: filter.anyParticipants.map((id) => ({ participants: participantCondition(String(id), 'filter.anyParticipants') })) });
  }
  if (filter.kinds?.length) and.push({ kind: { in: filter.kinds } });
  if (filter.cameoRoots?.length) {
    for (const root of filter.cameoRoots) {
      if (!/^\d{2}$/.test(root)) throw badInput(`a CAMEO root code is two digits ("04"), got "${root}"`, 'filter.cameoRoots');
    }
    and.push({ cameo: { rootCode: { in: filter.cameoRoots } } });
  }
  if (filter.quadClasses?.length) {
    for (const q of filter.quadClasses) {
      if (q < 1 || q > 4) throw badInput(`QuadClass is 1..4, got ${q}`, 'filter.quadClasses');
    }
    and.push({ cameo: { quadClass: { in: filter.quadClasses } } });
  }
  if (filter.place) {
    const place = decodeId(String(filter.place), ['Place'], 'filter.place');
    and.push({ OR: [{ placeId: place.id }, { place: { countryId: place.id } }] });
  }
  if (filter.from || filter.to) {
    const from = filter.from ? isoDay(filter.from, 'filter.from') : null;
    const to = filter.to ? isoDay(filter.to, 'filter.to') : null;
    if (from && to && from > to) throw badInput(`filter.from (${from}) is after filter.to (${to})`, 'filter.from');
    // Overlap of [earliest, latest] with [from, to]; a null bound (unknown date) never matches.
    and.push({ dateEarliest: to ? { lte: to } : { isNotNull: true }, dateLatest: from ? { gte: from } : { isNotNull: true } });
  }
  return and.length ? { AND: and } : {};
}

/**
 * An article filter's entity filters as conditions on their link tables (alias `l`), each with the
 * publication range on the link's copied sort keys, and that range for the articles themselves.
 * @throws GraphQLError BAD_USER_INPUT for malformed ids or dates, too many ids, or an inverted range
 */
function articleLinks(filter: ArticleFilterInput) {
  capIds(filter.people, 'filter.people');
  capIds(filter.organisations, 'filter.organisations');
  capIds(filter.places, 'filter.places');
  const from = filter.publishedFrom ? publishedBound(filter.publishedFrom, 'filter.publishedFrom', false) : null;
  const to = filter.publishedTo ? publishedBound(filter.publishedTo, 'filter.publishedTo', true) : null;
  if (from && to && from >= to) throw badInput('filter.publishedFrom is after filter.publishedTo', 'filter.publishedFrom');
  // The publication range on a sort key (coalesce(published_at, '') with a lower bound,
  // coalesce(published_at, '9999') for an upper bound alone; indexed on articles and copied onto
  // the link rows), so a range is an index range that also yields the page's order. Unknown
  // dates fall outside: '' is below any lower bound, and an upper bound alone says so.
  const range = (desc: SQL, asc: SQL): SQL[] =>
    from ? [sql`${desc} >= ${from}`, ...(to ? [sql`${desc} < ${to}`] : [])] : to ? [sql`${asc} < ${to}`, knownDesc(desc)] : [];
  // Entity filters: the entity's link rows in that range, read off the index (entity, published key, article).
  const entities = [
    ...(filter.people ?? []).map((id) => ['article_people', 'person_id', decodeId(String(id), ['Person'], 'filter.people').id] as const),
    ...(filter.organisations ?? []).map((id) => ['article_organisations', 'organisation_id', decodeId(String(id), ['Organisation'], 'filter.organisations').id] as const),
    ...(filter.places ?? []).map((id) => ['article_places', 'place_id', decodeId(String(id), ['Place'], 'filter.places').id] as const),
  ];
  const links = entities.map(([table, column, id]) => ({
    table: sql.identifier(table),
    conditions: sql.join(
      [sql`l.${sql.identifier(column)} = ${id}`, ...(filter.rel ? [sql`l.rel = ${filter.rel}`] : []), ...range(sql`l.published_desc_key`, sql`l.published_asc_key`)],
      sql` and `,
    ),
  }));
  return { from, to, range, links };
}

/**
 * The size of an article filter's set counted on its one link table alone (index-only: no
 * article row is read), when one entity (with a range and rel) is all it asks; else null.
 * Exact: an article links an entity at most once.
 */
export function articleLinkCount(filter: ArticleFilterInput | null | undefined): SQL<number> | null {
  if (!filter || filter.query != null || filter.engagement) return null;
  const { links } = articleLinks(filter);
  if (links.length !== 1) return null;
  return sql<number>`(select count(*) from ${links[0]!.table} l where ${links[0]!.conditions})`;
}

/**
 * The `where` of an article connection for a filter (`firstPage`: the page's row count and order
 * when the query has no cursor, which lets a single-entity list stop at the page). All conditions AND-ed; `query` is the
 * full-text index (src/search) as an `id IN (...)` sub-query of the same statement (a query of
 * only punctuation matches nothing). Entity filters are `id IN (...)` lists of the link tables.
 * @throws GraphQLError BAD_USER_INPUT for malformed ids or dates, or an over-long query
 */
export function articleWhere(
  filter: ArticleFilterInput | null | undefined,
  firstPage?: { rows: number; order: 'PUBLISHED_DESC' | 'PUBLISHED_ASC' | 'HEADLINE_ASC' },
): ArticleWhere {
  if (!filter) return {};
  const and: ArticleWhere[] = [];
  const { from, to, range, links } = articleLinks(filter);
  // A first page whose only restriction is one entity (and a range), in publication order: the
  // link list is that order's prefix, so it is cut to the page's rows inside the sub-query
  // (read in index order, it stops there) and the outer query sorts only those, instead of
  // building every matching article before its sort. The count uses the uncut list.
  const cut = firstPage && firstPage.order !== 'HEADLINE_ASC' && links.length === 1 && filter.query == null && !filter.engagement;
  for (const { table, conditions } of links) {
    const order = !cut
      ? sql``
      : firstPage.order === 'PUBLISHED_ASC'
        ? sql` order by l.published_asc_key asc, l.article_id asc limit ${firstPage.rows}`
        : sql` order by l.published_desc_key desc, l.article_id desc limit ${firstPage.rows}`;
    and.push({ RAW: (a) => sql`${a.id} in (select l.article_id from ${table} l where ${conditions}${order})` });
  }
  if (from || to)
    and.push({ RAW: (a) => sql.join(range(publishedDescKey(a.publishedAt), publishedAscKey(a.publishedAt)), sql` and `) });
  if (filter.engagement) {
    and.push({ engagements: { id: decodeId(String(filter.engagement), ['Engagement'], 'filter.engagement').id } });
  }
  if (filter.query != null) {
    const search = parseSearchQuery(filter.query, 'filter.query');
    and.push({
      RAW: (a) =>
        search
          ? sql`${a.id} in (select rowid / 8 from search_fts where search_fts match ${matchExpression(search)} and rowid % 8 = 1)`
          : sql`0`,
    });
  }
  return and.length ? { AND: and } : {};
}

export const ArticleOrderEnum = builder.enumType('ArticleOrder', {
  values: ['PUBLISHED_DESC', 'PUBLISHED_ASC', 'HEADLINE_ASC'] as const,
});
export const EngagementOrderEnum = builder.enumType('EngagementOrder', {
  values: ['DATE_DESC', 'DATE_ASC'] as const,
});
export const NameOrderEnum = builder.enumType('NameOrder', { values: ['NAME_ASC', 'NAME_DESC'] as const });
