/**
 * The article's own rows: the article itself (inserted, or updated in place with its version
 * bumped after clearing what a re-load replaces), its links to people, organisations and places,
 * its quotes and figures.
 */
import { eq } from 'drizzle-orm';
import * as t from '../db/schema.ts';
import type { ArticleBundle } from './bundle.ts';
import { storedExtraction } from './evidence.ts';
import { reportedEngagements } from './orphans.ts';
import { strongerRel, type PreparedBundle } from './prepare.ts';
import { freeSlugs, type EntityIds, type Ids } from './resolve.ts';
import type { Tx } from './transaction.ts';

/** Key in `articles.ninjs_extra` holding the digest of the loaded bundle (never exported). */
export const CONTENT_HASH_KEY = 'contentHash';
/** Key in `articles.ninjs_extra` holding ninjs events that name no engagement (exported again as they came). */
export const EXTRA_EVENTS_KEY = 'events';
/** Key in `articles.ninjs_extra`: engagement id → the ninjs event's own name and rel for it, exported again. */
export const ENGAGEMENT_EVENTS_KEY = 'engagementEvents';
export type EngagementEvents = Record<string, { name?: string; rel?: string }>;

/** The stored article a bundle's uri names, as the loader needs it. */
export type StoredArticle = { id: number; slug: string; version: number; ninjsExtra: unknown };

/** The stored article with this ninjs `uri`, if any. */
export async function findArticle(tx: Tx, uri: string): Promise<StoredArticle | undefined> {
  return tx.query.articles.findFirst({ columns: { id: true, slug: true, version: true, ninjsExtra: true }, where: { uri } });
}

/** Whether the stored article holds this very content (its digest is `hash`): a re-load would change nothing. */
export const holdsContent = (stored: StoredArticle, hash: string) => (stored.ninjsExtra as Record<string, unknown> | null)?.[CONTENT_HASH_KEY] === hash;

/** The article row as written; `formerEngagements` are those it reported before a re-load (orphan candidates). */
export interface WrittenArticle {
  articleId: number;
  slug: string;
  version: number;
  ninjsExtra: Record<string, unknown>;
  formerEngagements: number[];
}

/**
 * Insert the article, or update the stored one (`existing`) in place: the slug stays, so URLs
 * that name the article keep working, the version goes up, and its links, engagement reports,
 * quotes and figures are cleared for the re-load to write again.
 */
export async function writeArticle(tx: Tx, p: PreparedBundle, ids: EntityIds, existing: StoredArticle | undefined, now: Date): Promise<WrittenArticle> {
  const { bundle, article } = p;
  const row = {
    ...article,
    datelinePlaceId: bundle.annotations.dateline?.place ? ids.placeIds.get(bundle.annotations.dateline.place)! : null,
    ninjsExtra: {
      ...article.ninjsExtra,
      ...(p.extraEvents.length ? { [EXTRA_EVENTS_KEY]: p.extraEvents } : {}),
      [CONTENT_HASH_KEY]: p.hash,
    },
    extraction: storedExtraction(bundle, p.printed, p.storedText, ids),
    ingestedAt: now.toISOString(),
  };
  if (existing) {
    const version = existing.version + 1;
    await tx.update(t.articles).set({ ...row, slug: existing.slug, version }).where(eq(t.articles.id, existing.id));
    const formerEngagements = await clearArticle(tx, existing.id);
    return { articleId: existing.id, slug: existing.slug, version, ninjsExtra: row.ninjsExtra, formerEngagements };
  }
  const [slug] = await freeSlugs(tx, t.articles, [article.slug]);
  const [inserted] = await tx.insert(t.articles).values({ ...row, slug: slug!, version: 1 }).returning({ id: t.articles.id });
  return { articleId: inserted!.id, slug: slug!, version: 1, ninjsExtra: row.ninjsExtra, formerEngagements: [] };
}

/**
 * Remove what a re-load replaces: links, engagement reports, quotes, figures.
 * @returns the ids of the engagements the article reported (candidates for orphan removal)
 */
async function clearArticle(tx: Tx, articleId: number): Promise<number[]> {
  const reported = await reportedEngagements(tx, articleId);
  await tx.delete(t.articlePeople).where(eq(t.articlePeople.articleId, articleId));
  await tx.delete(t.articleOrganisations).where(eq(t.articleOrganisations.articleId, articleId));
  await tx.delete(t.articlePlaces).where(eq(t.articlePlaces.articleId, articleId));
  await tx.delete(t.engagementArticles).where(eq(t.engagementArticles.articleId, articleId));
  await tx.delete(t.quotes).where(eq(t.quotes.articleId, articleId));
  await tx.delete(t.figures).where(eq(t.figures.articleId, articleId));
  return reported;
}

/** Link the article to the entities with a `rel`; two keys resolving to one entity give one link (the stronger rel, the higher relevance). */
export async function linkEntities(tx: Tx, articleId: number, bundle: ArticleBundle, ids: EntityIds) {
  const a = bundle.annotations;
  const links = <E extends { key: string; rel?: t.MentionRel | undefined; relevance?: number | undefined }>(list: E[], map: Ids) => {
    const byId = new Map<number, { rel: t.MentionRel; relevance: number | null }>();
    for (const e of list) {
      if (!e.rel) continue;
      const id = map.get(e.key)!;
      const seen = byId.get(id);
      const relevance = e.relevance ?? null;
      byId.set(id, {
        rel: strongerRel(seen?.rel, e.rel)!,
        relevance: seen?.relevance == null ? relevance : relevance == null ? seen.relevance : Math.max(seen.relevance, relevance),
      });
    }
    return [...byId.entries()].map(([id, l]) => ({ id, articleId, ...l }));
  };
  const people = links(a.people, ids.personIds).map(({ id, ...l }) => ({ ...l, personId: id }));
  const orgs = links(a.organisations, ids.orgIds).map(({ id, ...l }) => ({ ...l, organisationId: id }));
  const places = links(a.places, ids.placeIds).map(({ id, ...l }) => ({ ...l, placeId: id }));
  if (people.length) await tx.insert(t.articlePeople).values(people);
  if (orgs.length) await tx.insert(t.articleOrganisations).values(orgs);
  if (places.length) await tx.insert(t.articlePlaces).values(places);
}

/** The article's quotes and figures, in bundle order (`position`). */
export async function insertQuotesAndFigures(tx: Tx, articleId: number, bundle: ArticleBundle, ids: EntityIds & { engagementIds: Ids }) {
  const { quotes, figures } = bundle.annotations;
  const speaker = (key: string | undefined) => ({
    speakerPersonId: key ? (ids.personIds.get(key) ?? null) : null,
    speakerOrganisationId: key ? (ids.orgIds.get(key) ?? null) : null,
  });
  if (quotes.length)
    await tx.insert(t.quotes).values(
      quotes.map((q, position) => ({ articleId, position, text: q.text, ...speaker(q.speaker), engagementId: q.engagement ? ids.engagementIds.get(q.engagement)! : null })),
    );
  if (figures.length)
    await tx.insert(t.figures).values(
      figures.map((f, position) => ({ articleId, position, text: f.text, value: f.value, currency: f.currency ?? null, unit: f.unit ?? null, metric: f.metric ?? null })),
    );
}
