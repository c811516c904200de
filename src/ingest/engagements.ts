/**
 * The article's engagements. An engagement is identified by its fingerprint (CAMEO code, place,
 * date, participants with their roles; an undated one also by its article), so two reports of one
 * dated meeting are one engagement, linked to both articles, and a re-load keeps every id:
 * `identifyEngagements` computes the fingerprints, `upsertEngagements` writes them (./merge.ts recomputes them when participants or places merge),
 * `linkOwnEvents` links those ninjs events name by our URIs, and `addEngagementFacts` records on
 * the article what needed the engagements' ids: their ninjs names and rels, their evidence.
 */
import { createHash } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { ENGAGEMENT_EVENTS_KEY, type EngagementEvents } from '../db/ninjs-extra.ts';
import { partialDateColumns } from '../db/partial-date-columns.ts';
import * as t from '../db/schema.ts';
import type { PartialDate } from '../domain/partial-date.ts';
import type { ArticleBundle, EngagementInput } from './bundle.ts';
import { engagementsHaveEvidence, storedExtraction } from './evidence.ts';
import { uniq } from './match.ts';
import type { Dates, PreparedBundle } from './prepare.ts';
import type { EntityIds, Ids } from './resolve.ts';
import type { Tx } from './transaction.ts';
import type { WrittenArticle } from './write-article.ts';

/**
 * The date an engagement's identity may use: its EDTF, else its bounds. A missing date, one of
 * precision UNKNOWN, or words the resolver could not place in time are no date (null): they never
 * take part in a fingerprint as if they were one.
 */
export function fingerprintDate(date: Pick<PartialDate, 'edtf' | 'precision' | 'earliest' | 'latest'> | null): string | null {
  if (!date || date.precision === 'UNKNOWN') return null;
  if (date.edtf) return date.edtf;
  return date.earliest || date.latest ? `${date.earliest ?? '..'}/${date.latest ?? '..'}` : null;
}

/**
 * The identity of an engagement: CAMEO code, place, date and the set of participants with their
 * roles. A dated engagement is identified across articles (two reports of one meeting share it);
 * an undated one only within `scope`, the ninjs uri of the article that reports it (with `#n` for
 * the n-th undated twin in that article), so two undated events never merge because neither has a
 * date, and a re-load of the article finds its own again.
 * @returns 32 hex digits (the first half of a SHA-256)
 */
export function engagementFingerprint(
  cameo: string,
  date: Pick<PartialDate, 'edtf' | 'precision' | 'earliest' | 'latest'> | null,
  placeId: number | null,
  participants: { personId: number | null; organisationId: number | null; role: string }[],
  scope: string,
) {
  const who = participants.map((p) => `${p.personId ? `p${p.personId}` : `o${p.organisationId}`}:${p.role}`).sort();
  const when = fingerprintDate(date) ?? `undated:${scope}`;
  return createHash('sha256').update(JSON.stringify([cameo, placeId, when, who])).digest('hex').slice(0, 32);
}

/** A bundle engagement with its resolved place, participants and fingerprint, ready to upsert. */
export interface IdentifiedEngagement {
  key: string;
  fingerprint: string;
  participants: { personId: number | null; organisationId: number | null; role: (typeof t.participants.$inferInsert)['role'] }[];
  values: typeof t.engagements.$inferInsert & { fingerprint: string };
}

/**
 * Resolve the bundle's engagements to their rows' values and fingerprints (pure).
 * @param scope the article's ninjs uri (the scope of undated engagements)
 */
export function identifyEngagements(engagements: EngagementInput[], dates: Dates, ids: EntityIds, scope: string): IdentifiedEngagement[] {
  const undatedTwins = new Map<string, number>();
  return engagements.map((e) => {
    const date = dates.engagements.get(e.key) ?? null;
    const placeId = e.place ? ids.placeIds.get(e.place)! : null;
    const participants = [
      ...new Map(
        e.participants.map((p) => {
          const personId = ids.personIds.get(p.actor) ?? null;
          const organisationId = personId === null ? ids.orgIds.get(p.actor)! : null;
          return [`${personId}/${organisationId}/${p.role}`, { personId, organisationId, role: p.role }];
        }),
      ).values(),
    ];
    let fingerprint = engagementFingerprint(e.cameo, date, placeId, participants, scope);
    if (fingerprintDate(date) === null) {
      // Undated twins in one article are distinct engagements (the annotator listed them apart).
      const n = undatedTwins.get(fingerprint) ?? 0;
      undatedTwins.set(fingerprint, n + 1);
      if (n) fingerprint = engagementFingerprint(e.cameo, date, placeId, participants, `${scope}#${n}`);
    }
    const values = {
      fingerprint,
      kind: e.kind,
      cameoCode: e.cameo,
      summary: e.summary,
      status: e.status,
      placeId,
      ...partialDateColumns('date', date),
      datePrecision: date?.precision ?? 'UNKNOWN',
    };
    return { key: e.key, fingerprint, values, participants };
  });
}

/**
 * Upsert the article's engagements on their fingerprint (one statement for all), then their
 * participants and the article's reports of them (one statement each).
 * @returns engagement key → engagement id
 */
export async function upsertEngagements(tx: Tx, articleId: number, prepared: IdentifiedEngagement[]): Promise<Ids> {
  const out: Ids = new Map();
  if (!prepared.length) return out;
  const rows = engagementRows(prepared);
  const returned = await tx
    .insert(t.engagements)
    .values(rows)
    .onConflictDoUpdate({
      target: t.engagements.fingerprint,
      set: { summary: sql`excluded.summary`, kind: sql`excluded.kind`, status: sql`excluded.status` },
    })
    .returning({ id: t.engagements.id, fingerprint: t.engagements.fingerprint });
  const byFingerprint = new Map(returned.map((r) => [r.fingerprint, r.id]));
  for (const p of prepared) out.set(p.key, byFingerprint.get(p.fingerprint)!);
  const participants = participantRows(prepared, out);
  if (participants.length) await tx.insert(t.participants).values(participants).onConflictDoNothing();
  await tx.insert(t.engagementArticles).values(reportRows(articleId, out)).onConflictDoNothing();
  return out;
}

/** The engagement rows `upsertEngagements` offers: two engagements of one bundle with one fingerprint are one (the first one's words). */
export const engagementRows = (prepared: IdentifiedEngagement[]) => [...new Map(prepared.map((p) => [p.fingerprint, p.values])).values()];

/** The participant rows of the engagements, given engagement key → id. */
export const participantRows = (prepared: IdentifiedEngagement[], ids: Ids) =>
  prepared.flatMap((p) => p.participants.map((x) => ({ ...x, engagementId: ids.get(p.key)! })));

/** The article's reports of its engagements (`engagement_articles` rows). */
export const reportRows = (articleId: number, ids: Ids) => uniq(ids.values()).map((engagementId) => ({ engagementId, articleId }));

/** Link the engagements named by our own URIs (those that still exist) to the article. */
export async function linkOwnEvents(tx: Tx, articleId: number, ids: number[]) {
  if (!ids.length) return;
  const found = await tx.select({ id: t.engagements.id }).from(t.engagements).where(inArray(t.engagements.id, ids));
  if (found.length)
    await tx.insert(t.engagementArticles).values(found.map((f) => ({ engagementId: f.id, articleId }))).onConflictDoNothing();
}

/** What needed the engagements' ids: their ninjs events and their evidence (one statement for both, none when neither). */
export async function addEngagementFacts(tx: Tx, written: WrittenArticle, p: PreparedBundle, ids: EntityIds, engagementIds: Ids) {
  const late = engagementFacts(written, p, ids, engagementIds);
  if (late) await tx.update(t.articles).set(late).where(eq(t.articles.id, written.articleId));
}

/** The article columns `addEngagementFacts` sets (ninjs events of engagements, their evidence), or null when none. */
export function engagementFacts(written: Pick<WrittenArticle, 'ninjsExtra'>, p: PreparedBundle, ids: EntityIds, engagementIds: Ids) {
  const engagementEvents = eventsOfEngagements(p.bundle, engagementIds);
  const late: { ninjsExtra?: Record<string, unknown>; extraction?: t.StoredExtraction | null } = {};
  if (Object.keys(engagementEvents).length) late.ninjsExtra = { ...written.ninjsExtra, [ENGAGEMENT_EVENTS_KEY]: engagementEvents };
  if (engagementsHaveEvidence(p.bundle)) late.extraction = storedExtraction(p.bundle, p.printed, p.storedText, { ...ids, engagementIds });
  return Object.keys(late).length ? late : null;
}

/** The name and rel a ninjs event gives an annotated engagement, by engagement id. */
function eventsOfEngagements(bundle: ArticleBundle, engagementIds: Ids): EngagementEvents {
  const out: EngagementEvents = {};
  for (const e of bundle.ninjs.events ?? []) {
    const id = e.literal ? engagementIds.get(e.literal) : undefined;
    if (id === undefined) continue;
    out[String(id)] = { ...(e.name ? { name: e.name } : {}), ...(e.rel ? { rel: e.rel.toLowerCase() } : {}) };
  }
  return out;
}
