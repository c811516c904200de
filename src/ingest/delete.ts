/**
 * Deleting an article: the article row goes with everything that belongs to it alone (links,
 * engagement reports, quotes and figures cascade); engagements no other article reports go;
 * people, organisations and places the article linked or involved go only when nothing else
 * uses them any more. Entities still used elsewhere stay. One write transaction.
 */
import { and, eq, inArray, notExists, sql, type SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Database } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { deleteOrphanEngagements } from './load.ts';
import { writeTransaction, type Tx } from './transaction.ts';

/** Delete one article. @returns false when there was no such article (nothing changed) */
export async function deleteArticle(db: Database, articleId: number): Promise<boolean> {
  return writeTransaction(db, async (tx) => {
    const [article] = await tx.select({ id: t.articles.id, dateline: t.articles.datelinePlaceId }).from(t.articles).where(eq(t.articles.id, articleId));
    if (!article) return false;
    const candidates = await entitiesOf(tx, articleId);
    if (article.dateline) candidates.places.add(article.dateline);
    const reported = await tx.select({ id: t.engagementArticles.engagementId }).from(t.engagementArticles).where(eq(t.engagementArticles.articleId, articleId));
    await tx.delete(t.articles).where(eq(t.articles.id, articleId));
    await deleteOrphanEngagements(tx, reported.map((r) => r.id));
    await deleteUnused(tx, candidates);
    return true;
  });
}

/** The people, organisations and places an article links, reports as participants or places, or quotes. */
async function entitiesOf(tx: Tx, articleId: number) {
  const ids = async (q: Promise<{ id: number | null }[]>) => new Set((await q).map((r) => r.id).filter((x): x is number => x !== null));
  const engagementIds = tx.select({ id: t.engagementArticles.engagementId }).from(t.engagementArticles).where(eq(t.engagementArticles.articleId, articleId));
  const people = await ids(tx.select({ id: t.articlePeople.personId }).from(t.articlePeople).where(eq(t.articlePeople.articleId, articleId)));
  const organisations = await ids(
    tx.select({ id: t.articleOrganisations.organisationId }).from(t.articleOrganisations).where(eq(t.articleOrganisations.articleId, articleId)),
  );
  const places = await ids(tx.select({ id: t.articlePlaces.placeId }).from(t.articlePlaces).where(eq(t.articlePlaces.articleId, articleId)));
  for (const p of await tx
    .select({ person: t.participants.personId, organisation: t.participants.organisationId })
    .from(t.participants)
    .where(inArray(t.participants.engagementId, engagementIds))) {
    if (p.person) people.add(p.person);
    if (p.organisation) organisations.add(p.organisation);
  }
  for (const e of await tx.select({ place: t.engagements.placeId }).from(t.engagements).where(inArray(t.engagements.id, engagementIds)))
    if (e.place) places.add(e.place);
  for (const q of await tx
    .select({ person: t.quotes.speakerPersonId, organisation: t.quotes.speakerOrganisationId })
    .from(t.quotes)
    .where(eq(t.quotes.articleId, articleId))) {
    if (q.person) people.add(q.person);
    if (q.organisation) organisations.add(q.organisation);
  }
  return { people, organisations, places };
}

/** No row of `table` satisfies `where` (a correlated NOT EXISTS). */
const none = (tx: Tx, table: SQLiteTable, where: SQL) => notExists(tx.select({ one: sql`1` }).from(table).where(where));

/** Delete those candidates nothing refers to any more (people first: their roles no longer hold organisations). */
async function deleteUnused(tx: Tx, c: { people: Set<number>; organisations: Set<number>; places: Set<number> }) {
  if (c.people.size)
    await tx.delete(t.people).where(
      and(
        inArray(t.people.id, [...c.people]),
        none(tx, t.articlePeople, eq(t.articlePeople.personId, t.people.id)),
        none(tx, t.participants, eq(t.participants.personId, t.people.id)),
        none(tx, t.quotes, eq(t.quotes.speakerPersonId, t.people.id)),
      ),
    );
  if (c.organisations.size)
    await tx.delete(t.organisations).where(
      and(
        inArray(t.organisations.id, [...c.organisations]),
        none(tx, t.articleOrganisations, eq(t.articleOrganisations.organisationId, t.organisations.id)),
        none(tx, t.participants, eq(t.participants.organisationId, t.organisations.id)),
        none(tx, t.quotes, eq(t.quotes.speakerOrganisationId, t.organisations.id)),
        none(tx, t.roles, eq(t.roles.organisationId, t.organisations.id)),
        sql`not exists (select 1 from organisations child where child.parent_id = ${t.organisations.id})`,
      ),
    );
  if (c.places.size)
    await tx.delete(t.places).where(
      and(
        inArray(t.places.id, [...c.places]),
        none(tx, t.articlePlaces, eq(t.articlePlaces.placeId, t.places.id)),
        none(tx, t.engagements, eq(t.engagements.placeId, t.places.id)),
        none(tx, t.articles, eq(t.articles.datelinePlaceId, t.places.id)),
        none(tx, t.people, eq(t.people.nationalityId, t.places.id)),
        none(tx, t.organisations, eq(t.organisations.countryId, t.places.id)),
        sql`not exists (select 1 from places inner_place where inner_place.country_id = ${t.places.id})`,
      ),
    );
}
