/**
 * The article's own rows: the article itself (inserted, or updated in place with its version
 * bumped after clearing what a re-load replaces), its links to people, organisations and places,
 * its quotes and figures (a quote or figure still there keeps its id).
 */
import { eq } from 'drizzle-orm';
import { CONTENT_HASH_KEY, EXTRA_EVENTS_KEY } from '../db/ninjs-extra.ts';
import * as t from '../db/schema.ts';
import type { ArticleBundle } from './bundle.ts';
import { storedExtraction } from './evidence.ts';
import { reportedEngagements } from './orphans.ts';
import { linksById, type PreparedBundle } from './prepare.ts';
import { freeSlugs, type EntityIds, type Ids } from './resolve.ts';
import type { Tx } from './transaction.ts';

/** The stored article a bundle's uri names, as the loader needs it. */
export type StoredArticle = { id: number; slug: string; version: number; ninjsExtra: unknown };

/** The stored article with this ninjs `uri`, if any. */
export async function findArticle(tx: Tx, uri: string): Promise<StoredArticle | undefined> {
  return tx.query.articles.findFirst({ columns: { id: true, slug: true, version: true, ninjsExtra: true }, where: { uri } });
}

/** Whether the stored article holds this very content (its digest is `hash`): a re-load would change nothing. */
export const holdsContent = (stored: StoredArticle, hash: string) => (stored.ninjsExtra as Record<string, unknown> | null)?.[CONTENT_HASH_KEY] === hash;

/** Key in `articles.ninjs_extra`: the digest of the very bundle loaded last (`PreparedBundle.bundleDigest`); not ninjs 3.1, so never exported. */
const BUNDLE_DIGEST_KEY = 'bundleDigest';
/** Whether the stored article was loaded from this very bundle: nothing to resolve, nothing changes. */
export const holdsBundle = (stored: StoredArticle, digest: string) => (stored.ninjsExtra as Record<string, unknown> | null)?.[BUNDLE_DIGEST_KEY] === digest;

/** The article row as written; `former` is what it held before a re-load (empty for a new article). */
export interface WrittenArticle {
  articleId: number;
  slug: string;
  version: number;
  ninjsExtra: Record<string, unknown>;
  former: FormerRows;
}

/** What a re-loaded article held: the engagements it reported (orphan candidates), its quotes and figures (ids to keep). */
export interface FormerRows {
  engagements: number[];
  quotes: { id: number; text: string; speakerPersonId: number | null; speakerOrganisationId: number | null }[];
  figures: { id: number; text: string }[];
}

/**
 * Insert the article, or update the stored one (`existing`) in place: the slug stays, so URLs
 * that name the article keep working, the version goes up, and its links, engagement reports,
 * quotes and figures are cleared for the re-load to write again.
 */
export async function writeArticle(tx: Tx, p: PreparedBundle, hash: string, ids: EntityIds, existing: StoredArticle | undefined, now: Date): Promise<WrittenArticle> {
  const { article } = p;
  const row = articleRow(p, hash, ids, now);
  if (existing) {
    const version = existing.version + 1;
    await tx.update(t.articles).set({ ...row, slug: existing.slug, version }).where(eq(t.articles.id, existing.id));
    const former = await clearArticle(tx, existing.id);
    return { articleId: existing.id, slug: existing.slug, version, ninjsExtra: row.ninjsExtra, former };
  }
  const [slug] = await freeSlugs(tx, t.articles, [article.slug]);
  const [inserted] = await tx.insert(t.articles).values({ ...row, slug: slug!, version: 1 }).returning({ id: t.articles.id });
  return { articleId: inserted!.id, slug: slug!, version: 1, ninjsExtra: row.ninjsExtra, former: { engagements: [], quotes: [], figures: [] } };
}

/** The article row's columns but slug and version (`writeArticle`), from the prepared bundle, its content digest and its entities' ids. */
export function articleRow(p: PreparedBundle, hash: string, ids: EntityIds, now: Date) {
  const { bundle, article } = p;
  return {
    ...article,
    datelinePlaceId: bundle.annotations.dateline?.place ? ids.placeIds.get(bundle.annotations.dateline.place)! : null,
    ninjsExtra: {
      ...article.ninjsExtra,
      ...(p.extraEvents.length ? { [EXTRA_EVENTS_KEY]: p.extraEvents } : {}),
      [CONTENT_HASH_KEY]: hash,
      [BUNDLE_DIGEST_KEY]: p.bundleDigest,
    },
    extraction: storedExtraction(bundle, p.printed, p.storedText, ids),
    ingestedAt: now.toISOString(),
  };
}

/**
 * Remove what a re-load writes again: links, engagement reports, quotes, figures.
 * @returns the engagements the article reported (candidates for orphan removal), its quotes and figures
 */
async function clearArticle(tx: Tx, articleId: number): Promise<FormerRows> {
  const engagements = await reportedEngagements(tx, articleId);
  const quotes = await tx
    .select({ id: t.quotes.id, text: t.quotes.text, speakerPersonId: t.quotes.speakerPersonId, speakerOrganisationId: t.quotes.speakerOrganisationId })
    .from(t.quotes)
    .where(eq(t.quotes.articleId, articleId))
    .orderBy(t.quotes.position);
  const figures = await tx.select({ id: t.figures.id, text: t.figures.text }).from(t.figures).where(eq(t.figures.articleId, articleId)).orderBy(t.figures.position);
  await tx.delete(t.articlePeople).where(eq(t.articlePeople.articleId, articleId));
  await tx.delete(t.articleOrganisations).where(eq(t.articleOrganisations.articleId, articleId));
  await tx.delete(t.articlePlaces).where(eq(t.articlePlaces.articleId, articleId));
  await tx.delete(t.engagementArticles).where(eq(t.engagementArticles.articleId, articleId));
  await tx.delete(t.quotes).where(eq(t.quotes.articleId, articleId));
  await tx.delete(t.figures).where(eq(t.figures.articleId, articleId));
  return { engagements, quotes, figures };
}

/**
 * The former id of each incoming item whose identity (`identity`) a former row had, matched in
 * order (the n-th of several equal items takes the n-th former one); undefined for a new item.
 */
function keptIds<F extends { id: number }, I>(former: F[], incoming: I[], identity: (x: F | I) => string): (number | undefined)[] {
  const byIdentity = new Map<string, number[]>();
  for (const f of former) byIdentity.set(identity(f), [...(byIdentity.get(identity(f)) ?? []), f.id]);
  return incoming.map((x) => byIdentity.get(identity(x))?.shift());
}

/** Link the article to the entities with a `rel`; two keys resolving to one entity give one link (the stronger rel, the higher relevance). */
export async function linkEntities(tx: Tx, articleId: number, bundle: ArticleBundle, ids: EntityIds) {
  const { people, orgs, places } = entityLinkRows(articleId, bundle, ids);
  if (people.length) await tx.insert(t.articlePeople).values(people);
  if (orgs.length) await tx.insert(t.articleOrganisations).values(orgs);
  if (places.length) await tx.insert(t.articlePlaces).values(places);
}

/** The rows of `linkEntities`: the article's links to people, organisations and places. */
export function entityLinkRows(articleId: number, bundle: ArticleBundle, ids: EntityIds) {
  const a = bundle.annotations;
  const links = (list: Parameters<typeof linksById>[0], map: Ids) => [...linksById(list, map).entries()].map(([id, l]) => ({ id, articleId, ...l }));
  const people = links(a.people, ids.personIds).map(({ id, ...l }) => ({ ...l, personId: id }));
  const orgs = links(a.organisations, ids.orgIds).map(({ id, ...l }) => ({ ...l, organisationId: id }));
  const places = links(a.places, ids.placeIds).map(({ id, ...l }) => ({ ...l, placeId: id }));
  return { people, orgs, places };
}

/**
 * The article's quotes and figures, in bundle order (`position`). A quote with the words and
 * speaker of one the article held before, or a figure with its text, is written under that
 * row's id (its engagement, position or value may have changed): ids follow content.
 */
export async function insertQuotesAndFigures(tx: Tx, written: WrittenArticle, bundle: ArticleBundle, ids: EntityIds & { engagementIds: Ids }) {
  const rows = quoteAndFigureRows(written, bundle, ids);
  if (rows.quotes.length) await tx.insert(t.quotes).values(rows.quotes);
  if (rows.figures.length) await tx.insert(t.figures).values(rows.figures);
}

/** The rows of `insertQuotesAndFigures`, in bundle order, with the kept ids. */
export function quoteAndFigureRows(written: Pick<WrittenArticle, 'articleId' | 'former'>, bundle: ArticleBundle, ids: EntityIds & { engagementIds: Ids }) {
  const { articleId, former } = written;
  const { quotes, figures } = bundle.annotations;
  const speaker = (key: string | undefined) => ({
    speakerPersonId: key ? (ids.personIds.get(key) ?? null) : null,
    speakerOrganisationId: key ? (ids.orgIds.get(key) ?? null) : null,
  });
  const quoteRows = quotes.map((q, position) => ({ articleId, position, text: q.text, ...speaker(q.speaker), engagementId: q.engagement ? ids.engagementIds.get(q.engagement)! : null }));
  const quoteIds = keptIds(former.quotes, quoteRows, (q) => JSON.stringify([q.text, q.speakerPersonId, q.speakerOrganisationId]));
  const figureIds = keptIds(former.figures, figures, (f) => f.text);
  return {
    quotes: quoteRows.map((q, i) => ({ id: quoteIds[i], ...q })),
    figures: figures.map((f, position) => ({ id: figureIds[position], articleId, position, text: f.text, value: f.value, currency: f.currency ?? null, unit: f.unit ?? null, metric: f.metric ?? null })),
  };
}
