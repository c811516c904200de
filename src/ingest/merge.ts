/**
 * Merging two people found to be the same ("A. Larijani" and "Ali Larijani"): everything the
 * merged person has moves to the kept one, in one write transaction.
 *
 * - article links: moved; where both were linked to one article, one link remains with the
 *   stronger rel (about over mentions) and the higher relevance;
 * - participations, quotes, roles, aliases and sameAs URIs: moved (duplicates dropped, a role's
 *   known dates kept); the merged person's name becomes an alias of the kept one;
 * - nationality: the kept person's, else the merged one's;
 * - engagements the kept person now takes part in get their fingerprint recomputed; two that
 *   turn out to be the same engagement become one (articles, participants and quotes joined);
 * - the merged person is deleted.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { engagementFingerprint } from './load.ts';
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

/** Merge person `mergeId` into person `keepId`. @throws MergeRefused */
export async function mergePeople(db: Database, keepId: number, mergeId: number): Promise<void> {
  if (keepId === mergeId) throw new MergeRefused('A person cannot be merged with itself.', 'BAD_USER_INPUT');
  await writeTransaction(db, async (tx) => {
    const found = await tx.select().from(t.people).where(inArray(t.people.id, [keepId, mergeId]));
    const keep = found.find((p) => p.id === keepId);
    const merge = found.find((p) => p.id === mergeId);
    if (!keep || !merge) throw new MergeRefused(`No person with id ${!keep ? keepId : mergeId}.`, 'NOT_FOUND');

    // Article links.
    const keepLinks = new Map(
      (await tx.select().from(t.articlePeople).where(eq(t.articlePeople.personId, keepId))).map((l) => [l.articleId, l]),
    );
    for (const l of await tx.select().from(t.articlePeople).where(eq(t.articlePeople.personId, mergeId))) {
      const k = keepLinks.get(l.articleId);
      if (!k) {
        await tx.update(t.articlePeople).set({ personId: keepId }).where(and(eq(t.articlePeople.articleId, l.articleId), eq(t.articlePeople.personId, mergeId)));
        continue;
      }
      const rel = k.rel === 'about' || l.rel === 'about' ? 'about' : 'mentions';
      const relevance = k.relevance == null ? l.relevance : l.relevance == null ? k.relevance : Math.max(k.relevance, l.relevance);
      await tx.update(t.articlePeople).set({ rel, relevance }).where(and(eq(t.articlePeople.articleId, l.articleId), eq(t.articlePeople.personId, keepId)));
    }

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
        if (same[`${prefix}Precision`] == null && r[`${prefix}Precision`] != null)
          for (const part of ['Text', 'Edtf', 'Precision', 'Earliest', 'Latest'] as const) fill[`${prefix}${part}`] = r[`${prefix}${part}`];
      }
      if (Object.keys(fill).length) await tx.update(t.roles).set(fill).where(eq(t.roles.id, same.id));
    }

    // Names and identifiers.
    await tx.run(sql`update or ignore aliases set person_id = ${keepId} where person_id = ${mergeId}`);
    await tx.insert(t.aliases).values({ personId: keepId, name: merge.name, nameKey: merge.nameKey }).onConflictDoNothing();
    await tx.update(t.sameAs).set({ personId: keepId }).where(eq(t.sameAs.personId, mergeId));
    if (keep.nationalityId == null && merge.nationalityId != null)
      await tx.update(t.people).set({ nationalityId: merge.nationalityId }).where(eq(t.people.id, keepId));

    await tx.delete(t.people).where(eq(t.people.id, mergeId));
    await refingerprint(tx, [...touched]);
  });
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
    const date =
      e.dateText == null && e.dateEdtf == null && e.dateEarliest == null && e.dateLatest == null && (e.datePrecision ?? 'UNKNOWN') === 'UNKNOWN'
        ? null
        : { text: e.dateText, edtf: e.dateEdtf, precision: e.datePrecision ?? 'UNKNOWN' };
    const fingerprint = engagementFingerprint(e.cameoCode, date, e.placeId, e.participants);
    if (fingerprint === e.fingerprint) continue;
    changed++;
    const [twin] = await tx.select({ id: t.engagements.id }).from(t.engagements).where(eq(t.engagements.fingerprint, fingerprint));
    if (!twin) {
      await tx.update(t.engagements).set({ fingerprint }).where(eq(t.engagements.id, id));
      continue;
    }
    await tx.run(sql`update or ignore engagement_articles set engagement_id = ${twin.id} where engagement_id = ${id}`);
    await tx.run(sql`update or ignore participants set engagement_id = ${twin.id} where engagement_id = ${id}`);
    await tx.update(t.quotes).set({ engagementId: twin.id }).where(eq(t.quotes.engagementId, id));
    await tx.delete(t.engagements).where(eq(t.engagements.id, id));
  }
  return changed;
}
