/**
 * Merging two records of one person, organisation or place found to be the same ("A. Larijani"
 * and "Ali Larijani", `Query.possibleDuplicates`): everything the merged record has moves to the
 * kept one, in one write transaction; any failure changes nothing.
 *
 * People (`mergePeople`):
 * - article links: moved; where both were linked to one article, one link remains with the
 *   stronger rel (about over mentions) and the higher relevance;
 * - participations, quotes, roles, aliases and sameAs URIs: moved (duplicates dropped, a role's
 *   known dates kept); the merged person's name becomes an alias of the kept one;
 * - nationality: the kept person's, else the merged one's;
 * - engagements the kept person now takes part in get their fingerprint recomputed; two that
 *   turn out to be the same engagement become one (articles, participants and quotes joined);
 * - the merged person is deleted.
 *
 * Organisations (`mergeOrganisations`): article links, participations, quotes, roles held in it
 * (a role the kept one has already is dropped), member organisations (`parent`), aliases (the
 * merged name and acronym become aliases) and sameAs move; kind (a known kind over OTHER),
 * acronym, country and parent are the kept one's, else the merged one's.
 *
 * Places (`mergePlaces`): article links, datelines, engagements held there, nationalities,
 * organisations' countries, cities and regions lying in it, aliases and sameAs move; kind (a
 * known kind over OTHER), country and ISO 3166 code are the kept one's, else the merged one's.
 *
 * Engagements whose participants or place changed get their fingerprint recomputed (two that
 * become the same are one), and extraction evidence naming the merged row names the kept one
 * (src/ingest/evidence.ts; evidence is found through the articles that link, quote or report the
 * merged row).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { partialDateColumns, storedPartialDate } from '../db/partial-date-columns.ts';
import * as t from '../db/schema.ts';
import { foldName } from '../domain/fold.ts';
import { NODE_KINDS, type EntityKind } from '../domain/vocabulary.ts';
import { renameEvidence, type EvidenceKind } from './evidence.ts';
import { engagementFingerprint, fingerprintDate } from './engagements.ts';
import { writeTransaction, type Tx } from './transaction.ts';

/** Why a merge was refused (the mutation reports it as BAD_USER_INPUT / NOT_FOUND). */
export class MergeRefused extends Error {
  readonly code: 'BAD_USER_INPUT' | 'NOT_FOUND';
  constructor(message: string, code: 'BAD_USER_INPUT' | 'NOT_FOUND') {
    super(message);
    this.name = 'MergeRefused';
    this.code = code;
  }
}

const ROWS = { person: t.people, organisation: t.organisations, place: t.places } as const;
type Row<K extends EntityKind> = (typeof ROWS)[K]['$inferSelect'];

/**
 * One merge of two rows of `kind`, in one write transaction: refused for a row merged with itself
 * (BAD_USER_INPUT) or a missing row (NOT_FOUND); then the articles whose evidence names the merged
 * row are read (before its rows move), its article links move (`mergeLinks`), `moveRest` moves
 * the rest and deletes the merged row, the evidence is renamed and the engagements `moveRest`
 * returns are refingerprinted. @throws MergeRefused
 */
async function mergeRows<K extends EntityKind>(
  db: Database,
  kind: K,
  keepId: number,
  mergeId: number,
  moveRest: (tx: Tx, keep: Row<K>, merge: Row<K>) => Promise<number[]>,
): Promise<void> {
  const noun = { person: 'A person', organisation: 'An organisation', place: 'A place' }[kind];
  if (keepId === mergeId) throw new MergeRefused(`${noun} cannot be merged with itself.`, 'BAD_USER_INPUT');
  await writeTransaction(db, async (tx) => {
    const rows = ROWS[kind] as typeof t.people; // one table's type stands for the three: only `id` is read here
    const found = (await tx.select().from(rows).where(inArray(rows.id, [keepId, mergeId]))) as Row<K>[];
    const keep = found.find((r) => r.id === keepId);
    const merge = found.find((r) => r.id === mergeId);
    if (!keep || !merge) throw new MergeRefused(`No ${kind} with id ${!keep ? keepId : mergeId}.`, 'NOT_FOUND');
    const naming = await articlesNaming(tx, kind, mergeId);
    await mergeLinks(tx, kind, keepId, mergeId);
    const touched = await moveRest(tx, keep, merge);
    await renameEvidence(tx, naming, kind, mergeId, keepId);
    await refingerprint(tx, touched);
  });
}

/** Merge person `mergeId` into person `keepId`. @throws MergeRefused */
export async function mergePeople(db: Database, keepId: number, mergeId: number): Promise<void> {
  await mergeRows(db, 'person', keepId, mergeId, async (tx, keep, merge) => {
    // Participations (the unique (engagement, person, role) index drops duplicates), quotes.
    const touched = new Set(
      (await tx.select({ id: t.participants.engagementId }).from(t.participants).where(inArray(t.participants.personId, [keepId, mergeId]))).map((r) => r.id),
    );
    await tx.run(sql`update or ignore participants set person_id = ${keepId} where person_id = ${mergeId}`);
    await tx.update(t.quotes).set({ speakerPersonId: keepId }).where(eq(t.quotes.speakerPersonId, mergeId));

    // Roles: move those the kept person lacks; for shared ones keep known dates.
    const keepRoles = await tx.select().from(t.roles).where(eq(t.roles.personId, keepId));
    for (const r of await tx.select().from(t.roles).where(eq(t.roles.personId, mergeId))) {
      const same = keepRoles.find((k) => k.title === r.title && (k.organisationId ?? 0) === (r.organisationId ?? 0));
      if (!same) {
        await tx.update(t.roles).set({ personId: keepId }).where(eq(t.roles.id, r.id));
        continue;
      }
      const fill: Record<string, unknown> = {};
      for (const prefix of ['started', 'ended'] as const) {
        const theirs = storedPartialDate(r, prefix);
        if (theirs && !storedPartialDate(same, prefix)) Object.assign(fill, partialDateColumns(prefix, theirs));
      }
      if (Object.keys(fill).length) await tx.update(t.roles).set(fill).where(eq(t.roles.id, same.id));
    }

    await moveNames(tx, 'personId', keepId, mergeId, [merge.name]);
    if (keep.nationalityId == null && merge.nationalityId != null)
      await tx.update(t.people).set({ nationalityId: merge.nationalityId }).where(eq(t.people.id, keepId));

    await tx.delete(t.people).where(eq(t.people.id, mergeId));
    return [...touched];
  });
}

/** Merge organisation `mergeId` into organisation `keepId`. @throws MergeRefused */
export async function mergeOrganisations(db: Database, keepId: number, mergeId: number): Promise<void> {
  await mergeRows(db, 'organisation', keepId, mergeId, async (tx, keep, merge) => {
    // Participations (duplicates dropped by the unique index, then by the cascade), quotes, roles held in it.
    const touched = (
      await tx.select({ id: t.participants.engagementId }).from(t.participants).where(inArray(t.participants.organisationId, [keepId, mergeId]))
    ).map((r) => r.id);
    await tx.run(sql`update or ignore participants set organisation_id = ${keepId} where organisation_id = ${mergeId}`);
    await tx.update(t.quotes).set({ speakerOrganisationId: keepId }).where(eq(t.quotes.speakerOrganisationId, mergeId));
    await tx.run(sql`update or ignore roles set organisation_id = ${keepId} where organisation_id = ${mergeId}`);
    // Members: organisations whose parent was the merged one.
    await tx.update(t.organisations).set({ parentId: keepId }).where(and(eq(t.organisations.parentId, mergeId), sql`${t.organisations.id} <> ${keepId}`));

    await moveNames(tx, 'organisationId', keepId, mergeId, [merge.name, ...(merge.acronym && merge.acronym !== keep.acronym ? [merge.acronym] : [])]);
    const parentId = keep.parentId != null && keep.parentId !== mergeId ? keep.parentId : merge.parentId !== keepId ? merge.parentId : null;
    await tx
      .update(t.organisations)
      .set({
        kind: keep.kind === 'OTHER' ? merge.kind : keep.kind,
        acronym: keep.acronym ?? merge.acronym,
        countryId: keep.countryId ?? merge.countryId,
        parentId,
      })
      .where(eq(t.organisations.id, keepId));

    await tx.delete(t.organisations).where(eq(t.organisations.id, mergeId));
    return touched;
  });
}

/** Merge place `mergeId` into place `keepId`. @throws MergeRefused */
export async function mergePlaces(db: Database, keepId: number, mergeId: number): Promise<void> {
  await mergeRows(db, 'place', keepId, mergeId, async (tx, keep, merge) => {
    await tx.update(t.articles).set({ datelinePlaceId: keepId }).where(eq(t.articles.datelinePlaceId, mergeId));
    const touched = (await tx.select({ id: t.engagements.id }).from(t.engagements).where(eq(t.engagements.placeId, mergeId))).map((r) => r.id);
    await tx.update(t.engagements).set({ placeId: keepId }).where(eq(t.engagements.placeId, mergeId));
    await tx.update(t.people).set({ nationalityId: keepId }).where(eq(t.people.nationalityId, mergeId));
    await tx.update(t.organisations).set({ countryId: keepId }).where(eq(t.organisations.countryId, mergeId));
    await tx.update(t.places).set({ countryId: keepId }).where(and(eq(t.places.countryId, mergeId), sql`${t.places.id} <> ${keepId}`));

    await moveNames(tx, 'placeId', keepId, mergeId, [merge.name]);
    // The ISO code is unique: freed from the merged place before the kept one may take it.
    if (merge.iso3166) await tx.update(t.places).set({ iso3166: null }).where(eq(t.places.id, mergeId));
    const countryId = keep.countryId != null && keep.countryId !== mergeId ? keep.countryId : merge.countryId !== keepId ? merge.countryId : null;
    await tx.update(t.places).set({ countryId, iso3166: keep.iso3166 ?? merge.iso3166 }).where(eq(t.places.id, keepId));

    await tx.delete(t.places).where(eq(t.places.id, mergeId));
    // A known kind over OTHER, unless another place of that kind has the name (kind and name are unique together).
    if (keep.kind === 'OTHER' && merge.kind !== 'OTHER') {
      const [clash] = await tx.select({ id: t.places.id }).from(t.places).where(and(eq(t.places.kind, merge.kind), eq(t.places.nameKey, keep.nameKey)));
      if (!clash) await tx.update(t.places).set({ kind: merge.kind }).where(eq(t.places.id, keepId));
    }
    return touched;
  });
}

/**
 * Move an entity's article links to the kept entity; where both were linked to one article, one
 * link remains with the stronger rel (about over mentions) and the higher relevance.
 */
async function mergeLinks(tx: Tx, kind: EntityKind, keepId: number, mergeId: number) {
  const link = sql.identifier(`article_${NODE_KINDS[kind].path}`);
  const col = sql.identifier(NODE_KINDS[kind].ownerColumn);
  await tx.run(sql`update ${link} set
      rel = case when ${link}.rel = 'about' or m.rel = 'about' then 'about' else 'mentions' end,
      relevance = case when ${link}.relevance is null then m.relevance when m.relevance is null then ${link}.relevance
        else max(${link}.relevance, m.relevance) end
    from (select article_id, rel, relevance from ${link} where ${col} = ${mergeId}) as m
    where ${link}.${col} = ${keepId} and ${link}.article_id = m.article_id`);
  // Links to articles the kept entity has already stay behind and go with the merged entity.
  await tx.run(sql`update or ignore ${link} set ${col} = ${keepId} where ${col} = ${mergeId}`);
}

/** Aliases and sameAs URIs move to the kept entity; `names` (the merged name ...) become its aliases. */
async function moveNames(tx: Tx, owner: 'personId' | 'organisationId' | 'placeId', keepId: number, mergeId: number, names: string[]) {
  const column = sql.identifier({ personId: 'person_id', organisationId: 'organisation_id', placeId: 'place_id' }[owner]);
  await tx.run(sql`update or ignore aliases set ${column} = ${keepId} where ${column} = ${mergeId}`);
  const rows = names.map((name) => ({ [owner]: keepId, name, nameKey: foldName(name) })).filter((r) => r.nameKey);
  if (rows.length) await tx.insert(t.aliases).values(rows as never).onConflictDoNothing();
  await tx.run(sql`update same_as set ${column} = ${keepId} where ${column} = ${mergeId}`);
}

/**
 * Articles whose extraction evidence may name the entity: those that link it, quote it or report
 * an engagement it took part in or that happened there (read before the entity's rows move).
 */
async function articlesNaming(tx: Tx, kind: Exclude<EvidenceKind, 'engagement'>, id: number): Promise<number[]> {
  const rows = await tx.all<{ id: number }>(
    kind === 'person'
      ? sql`select article_id as id from article_people where person_id = ${id}
          union select article_id from quotes where speaker_person_id = ${id}
          union select ea.article_id from participants p join engagement_articles ea on ea.engagement_id = p.engagement_id where p.person_id = ${id}`
      : kind === 'organisation'
        ? sql`select article_id as id from article_organisations where organisation_id = ${id}
            union select article_id from quotes where speaker_organisation_id = ${id}
            union select ea.article_id from participants p join engagement_articles ea on ea.engagement_id = p.engagement_id where p.organisation_id = ${id}`
        : sql`select article_id as id from article_places where place_id = ${id}
            union select id from articles where dateline_place_id = ${id}
            union select ea.article_id from engagements e join engagement_articles ea on ea.engagement_id = e.id where e.place_id = ${id}`,
  );
  return rows.map((r) => Number(r.id));
}

/**
 * Recompute the fingerprints of engagements whose participants changed; an engagement whose
 * new fingerprint is another's is folded into that one. Also used by ./refold.ts.
 * @returns how many engagements got a new fingerprint or were folded into a twin
 */
export async function refingerprint(tx: Tx, engagementIds: number[]): Promise<number> {
  let changed = 0;
  for (const id of engagementIds) {
    const e = await tx.query.engagements.findFirst({ where: { id }, with: { participants: true } });
    if (!e) continue;
    const date = storedPartialDate(e, 'date');
    const fingerprint = engagementFingerprint(e.cameoCode, date, e.placeId, e.participants, fingerprintDate(date) === null ? await scopeOf(tx, id) : '');
    if (fingerprint === e.fingerprint) continue;
    changed++;
    const [twin] = await tx.select({ id: t.engagements.id }).from(t.engagements).where(eq(t.engagements.fingerprint, fingerprint));
    if (!twin) {
      await tx.update(t.engagements).set({ fingerprint }).where(eq(t.engagements.id, id));
      continue;
    }
    const reporting = (await tx.select({ id: t.engagementArticles.articleId }).from(t.engagementArticles).where(eq(t.engagementArticles.engagementId, id))).map((r) => r.id);
    await renameEvidence(tx, reporting, 'engagement', id, twin.id);
    await tx.run(sql`update or ignore engagement_articles set engagement_id = ${twin.id} where engagement_id = ${id}`);
    await tx.run(sql`update or ignore participants set engagement_id = ${twin.id} where engagement_id = ${id}`);
    await tx.update(t.quotes).set({ engagementId: twin.id }).where(eq(t.quotes.engagementId, id));
    await tx.delete(t.engagements).where(eq(t.engagements.id, id));
  }
  return changed;
}

/** The scope of an undated engagement's fingerprint: the ninjs uri of the first article that reports it. */
async function scopeOf(tx: Tx, engagementId: number): Promise<string> {
  const [first] = await tx.all<{ uri: string }>(
    sql`select a.uri as uri from engagement_articles ea join articles a on a.id = ea.article_id where ea.engagement_id = ${engagementId} order by a.id limit 1`,
  );
  return first?.uri ?? '';
}
