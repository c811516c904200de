/**
 * What an article leaves behind when it is re-loaded (./load.ts) or deleted (./delete.ts):
 * engagements no article reports any more, and people, organisations and places nothing refers
 * to any more. Only candidates (what the article reported, linked or involved) are checked, so
 * the cost follows the article, not the corpus.
 */
import { and, eq, getColumnTable, inArray, notExists, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Database } from '../db/client.ts';
import * as t from '../db/schema.ts';
import type { EntityTable } from './match.ts';
import type { Tx } from './transaction.ts';

/** No row of `table` satisfies `where` (a correlated NOT EXISTS). */
const none = (tx: Tx | Database, table: SQLiteTable, where: SQL) => notExists(tx.select({ one: sql`1` }).from(table).where(where));

/** The engagements an article reports, as a query (awaited, or a subquery). */
const reportsOf = (tx: Tx, articleId: number) =>
  tx.select({ id: t.engagementArticles.engagementId }).from(t.engagementArticles).where(eq(t.engagementArticles.articleId, articleId));

/** The ids of the engagements an article reports: the candidates once it is cleared or deleted. */
export async function reportedEngagements(tx: Tx, articleId: number): Promise<number[]> {
  return (await reportsOf(tx, articleId)).map((r) => r.id);
}

/** The people, organisations and places an article links, reports as participants or places, or quotes: the candidates once it is deleted. */
export async function entitiesInvolved(tx: Tx, articleId: number) {
  const ids = async (q: Promise<{ id: number | null }[]>) => new Set((await q).map((r) => r.id).filter((x): x is number => x !== null));
  const engagementIds = reportsOf(tx, articleId);
  const people = await ids(tx.select({ id: t.articlePeople.personId }).from(t.articlePeople).where(eq(t.articlePeople.articleId, articleId)));
  const organisations = await ids(
    tx.select({ id: t.articleOrganisations.organisationId }).from(t.articleOrganisations).where(eq(t.articleOrganisations.articleId, articleId)),
  );
  const places = await ids(tx.select({ id: t.articlePlaces.placeId }).from(t.articlePlaces).where(eq(t.articlePlaces.articleId, articleId)));
  const addActors = (rows: { person: number | null; organisation: number | null }[]) => {
    for (const r of rows) {
      if (r.person) people.add(r.person);
      if (r.organisation) organisations.add(r.organisation);
    }
  };
  // Participants of the engagements it reports, the places they were held, the speakers it quotes.
  addActors(
    await tx.select({ person: t.participants.personId, organisation: t.participants.organisationId }).from(t.participants).where(inArray(t.participants.engagementId, engagementIds)),
  );
  for (const e of await tx.select({ place: t.engagements.placeId }).from(t.engagements).where(inArray(t.engagements.id, engagementIds)))
    if (e.place) places.add(e.place);
  addActors(await tx.select({ person: t.quotes.speakerPersonId, organisation: t.quotes.speakerOrganisationId }).from(t.quotes).where(eq(t.quotes.articleId, articleId)));
  return { people, organisations, places };
}

/**
 * Of the candidate engagements (those a cleared or deleted article reported), the ones no article
 * reports any more go (their participants cascade).
 */
export async function deleteOrphanEngagements(tx: Tx | Database, candidates: readonly number[]) {
  if (!candidates.length) return;
  await tx
    .delete(t.engagements)
    .where(and(inArray(t.engagements.id, [...new Set(candidates)]), none(tx, t.engagementArticles, eq(t.engagementArticles.engagementId, t.engagements.id))));
}

/**
 * Each kind of entity with the columns that refer to it, and its self-reference (a member
 * organisation, a city in a country): an entity none of them names is unused. People come first:
 * once they go, their roles no longer hold organisations.
 */
const REFERRED: { kind: 'people' | 'organisations' | 'places'; table: EntityTable; by: SQLiteColumn[]; self?: SQL }[] = [
  { kind: 'people', table: t.people, by: [t.articlePeople.personId, t.participants.personId, t.quotes.speakerPersonId] },
  {
    kind: 'organisations',
    table: t.organisations,
    by: [t.articleOrganisations.organisationId, t.participants.organisationId, t.quotes.speakerOrganisationId, t.roles.organisationId],
    self: sql`not exists (select 1 from organisations child where child.parent_id = ${t.organisations.id})`,
  },
  {
    kind: 'places',
    table: t.places,
    by: [t.articlePlaces.placeId, t.engagements.placeId, t.articles.datelinePlaceId, t.people.nationalityId, t.organisations.countryId],
    self: sql`not exists (select 1 from places inner_place where inner_place.country_id = ${t.places.id})`,
  },
];

/** Delete those candidates nothing refers to any more (one statement per kind that has candidates). */
export async function deleteUnusedEntities(tx: Tx, c: { people: Set<number>; organisations: Set<number>; places: Set<number> }) {
  for (const { kind, table, by, self } of REFERRED) {
    const ids = c[kind];
    if (ids.size)
      await tx.delete(table).where(and(inArray(table.id, [...ids]), ...by.map((column) => none(tx, getColumnTable(column), eq(column, table.id))), self));
  }
}
