/**
 * The one loader: puts an article bundle into the graph in one transaction. The seed, the
 * CLI, the `ingestArticle` and `ingestText` mutations all come through here. `loadBundle` below
 * is the whole flow, top to bottom; each step is a module of its own:
 *
 *   normalise   a plain ninjs item (3.1, 2.x, 1.x) becomes a bundle        ./normalise.ts
 *   validate    every problem at once, nothing written                     ./validate.ts
 *   prepare     ninjs entities merged, article fields, dates, digest (pure) ./prepare.ts
 *   in one write transaction:
 *     resolve      people, organisations, places (and roles) to row ids    ./resolve.ts, ./match.ts
 *     article      the article row, then its links to those entities       ./write-article.ts
 *     engagements  upserted on their fingerprints, reported by the article ./engagements.ts
 *     quotes       quotes and figures                                      ./write-article.ts
 *     orphans      engagements a re-load left unreported go                ./orphans.ts
 *
 * Entities resolve against what the database already holds (docs/bundle.md, "Entity
 * resolution"), always within one kind; inserts are upserts on the unique folded keys, so
 * concurrent loads create each entity once. Re-loading the same ninjs `uri` replaces the
 * article's links, engagements, quotes and figures, keeping the id of each that is still there
 * (engagements by fingerprint, quotes by words and speaker, figures by text); re-loading the same
 * content (its resolved meaning: `contentHash`, ./prepare.ts) changes nothing.
 */
import type { Database } from '../db/client.ts';
import { foldPendingSearchDocs } from '../search/index.ts';
import { addEngagementFacts, identifyEngagements, linkOwnEvents, upsertEngagements } from './engagements.ts';
import { normaliseInput } from './normalise.ts';
import { deleteOrphanEngagements } from './orphans.ts';
import { contentHash, prepareBundle } from './prepare.ts';
import { resolveEntities } from './resolve.ts';
import { writeTransaction } from './transaction.ts';
import { BundleRejected, validateNormalised } from './validate.ts';
import { findArticle, holdsBundle, holdsContent, insertQuotesAndFigures, linkEntities, writeArticle } from './write-article.ts';

// What callers import from the loader, wherever it lives now.
export { engagementFingerprint } from './engagements.ts';
export { deleteOrphanEngagements } from './orphans.ts';
export { mergeNinjsEntities } from './prepare.ts';

/** What a load did. `created` is false when the uri was already known; `changed` false when nothing differed. */
export interface LoadResult {
  articleId: number;
  slug: string;
  created: boolean;
  changed: boolean;
  version: number;
}

/** Steps of a load, in order, as reported to `LoadOptions.onStep`. */
export type LoadStep = 'entities' | 'article' | 'links' | 'engagements' | 'quotes' | 'done';

export interface LoadOptions {
  /** The ingest time recorded on the article (default: now). */
  now?: Date;
  /**
   * Base URLs under which this API publishes its own URIs (src/export/uris.ts). A ninjs
   * entity or event whose `uri` lies under one resolves to the entity it names, so an
   * exported document re-ingests onto the same graph. Other URIs are sameAs identifiers.
   */
  ownBaseUrls?: readonly string[];
  /** Called inside the transaction as each step starts; what it throws aborts the load (tests inject failures here). */
  onStep?: (step: LoadStep) => void | Promise<void>;
}

/**
 * Validate and load one bundle (or plain ninjs item) atomically: one write transaction, so a
 * failure at any step leaves the database as it was.
 * @param input an article bundle (see ./bundle.ts) or a ninjs 3.1/2.x/1.x item, as parsed JSON
 * @param options see `LoadOptions` (a Date is taken as `now`, for older callers)
 * @throws BundleRejected listing every problem (nothing is written)
 * @throws the driver's error if the transaction fails (nothing is written)
 */
export async function loadBundle(db: Database, input: unknown, options: LoadOptions | Date = {}): Promise<LoadResult> {
  const opts: LoadOptions = options instanceof Date ? { now: options } : options;
  const now = opts.now ?? new Date();
  const own = opts.ownBaseUrls ?? [];
  const step = opts.onStep ?? (() => {});

  const normalised = normaliseInput(input);
  const validation = validateNormalised(normalised);
  if (!validation.ok) throw new BundleRejected(validation.problems);
  const preparation = prepareBundle(validation.bundle, own);
  if (!preparation.ok) throw new BundleRejected(preparation.problems);
  const p = preparation.prepared;
  const { bundle } = p;

  return writeTransaction(db, async (tx) => {
    const existing = await findArticle(tx, p.article.uri);
    if (existing && holdsBundle(existing, p.bundleDigest))
      return { articleId: existing.id, slug: existing.slug, created: false, changed: false, version: existing.version };

    await step('entities');
    const ids = await resolveEntities(tx, bundle.annotations, p.dates, own);
    const engagements = identifyEngagements(bundle.annotations.engagements, p.dates, ids, p.article.uri);
    // Content equality on the resolved meaning, so an article's own export is unchanged (docs/bundle.md).
    const hash = contentHash(p, { ids, engagements });
    if (existing && holdsContent(existing, hash))
      return { articleId: existing.id, slug: existing.slug, created: false, changed: false, version: existing.version };

    await step('article');
    const written = await writeArticle(tx, p, hash, ids, existing, now);
    const { articleId } = written;

    await step('links');
    await linkEntities(tx, articleId, bundle, ids);

    await step('engagements');
    const engagementIds = await upsertEngagements(tx, articleId, engagements);
    await linkOwnEvents(tx, articleId, p.ownEvents);
    await addEngagementFacts(tx, written, p, ids, engagementIds);

    await step('quotes');
    await insertQuotesAndFigures(tx, written, bundle, { ...ids, engagementIds });
    await deleteOrphanEngagements(tx, written.former.engagements);
    await foldPendingSearchDocs(tx); // search index: folded text of what the triggers queued (src/search/index.ts)

    await step('done');
    return { articleId, slug: written.slug, created: !existing, changed: true, version: written.version };
  });
}
