/**
 * The one loader: puts an article bundle into the graph in one transaction. The seed, the
 * CLI and the `ingestArticle` mutation all come through here.
 *
 * Entities resolve against what the database already holds: by sameAs URI first, then by
 * folded name, then by folded alias or acronym, then by variant key (transliteration variants,
 * when exactly one entity has it), always within one kind (a person never merges with an
 * organisation). Inserts are upserts on the unique folded keys, so concurrent loads
 * create each entity once. Re-loading the same ninjs `uri` replaces the article's links,
 * engagements, quotes and figures; re-loading identical content changes nothing at all.
 */
import { createHash } from 'node:crypto';
import { and, eq, gt, inArray, lt, notExists, or, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { foldName, slugify } from '../domain/fold.ts';
import { variantKey } from '../domain/variant.ts';
import { resolvePartialDate, type PartialDate } from '../domain/partial-date.ts';
import { foldPendingSearchDocs } from '../search/index.ts';
import { parseOwnUri, type EntityKind } from '../export/uris.ts';
import type { ArticleBundle, EngagementInput, OrganisationInput, PersonInput, PlaceInput } from './bundle.ts';
import { writeTransaction, type Tx } from './transaction.ts';
import { combineEvidence, engagementsHaveEvidence, storedExtraction } from './evidence.ts';
import { BundleRejected, printedText, validateBundle } from './validate.ts';

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

type Ids = Map<string, number>;

/** Key in `articles.ninjs_extra` holding the digest of the loaded bundle (never exported). */
export const CONTENT_HASH_KEY = 'contentHash';
/** Key in `articles.ninjs_extra` holding ninjs events that name no engagement (exported again as they came). */
export const EXTRA_EVENTS_KEY = 'events';
/** Key in `articles.ninjs_extra`: engagement id → the ninjs event's own name and rel for it, exported again. */
export const ENGAGEMENT_EVENTS_KEY = 'engagementEvents';
export type EngagementEvents = Record<string, { name?: string; rel?: string }>;

/**
 * Validate and load one bundle (or plain ninjs item) atomically: one write transaction, so a
 * failure at any step leaves the database as it was.
 * @param input an article bundle (see ./bundle.ts) or a ninjs 3.1/2.x item, as parsed JSON
 * @param options see `LoadOptions` (a Date is taken as `now`, for older callers)
 * @throws BundleRejected listing every problem (nothing is written)
 * @throws the driver's error if the transaction fails (nothing is written)
 */
export async function loadBundle(db: Database, input: unknown, options: LoadOptions | Date = {}): Promise<LoadResult> {
  const opts: LoadOptions = options instanceof Date ? { now: options } : options;
  const now = opts.now ?? new Date();
  const own = opts.ownBaseUrls ?? [];
  const step = opts.onStep ?? (() => {});
  const validation = validateBundle(input);
  if (!validation.ok) throw new BundleRejected(validation.problems);
  const bundle = mergeNinjsEntities(validation.bundle);
  const hash = contentHash(bundle);
  const article = articleFields(bundle);
  const dates = resolveDates(bundle, article.publishedAt);
  const { linked: ownEvents, extra: extraEvents } = splitEvents(bundle, own);
  // Evidence offsets index the printed text; stored, they index the article's own text.
  const printed = printedText(bundle);
  const storedText = `${article.headline}\n${article.body}`;

  return writeTransaction(db, async (tx) => {
    const existing = await tx.query.articles.findFirst({
      columns: { id: true, slug: true, version: true, ninjsExtra: true },
      where: { uri: article.uri },
    });
    if (existing && (existing.ninjsExtra as Record<string, unknown> | null)?.[CONTENT_HASH_KEY] === hash) {
      return { articleId: existing.id, slug: existing.slug, created: false, changed: false, version: existing.version };
    }

    await step('entities');
    const placeIds = await upsertPlaces(tx, bundle.annotations.places, own);
    const orgIds = await upsertOrganisations(tx, bundle.annotations.organisations, placeIds, own);
    const personIds = await upsertPeople(tx, bundle.annotations.people, placeIds, orgIds, dates, own);

    await step('article');
    const row = {
      ...article,
      datelinePlaceId: bundle.annotations.dateline?.place ? placeIds.get(bundle.annotations.dateline.place)! : null,
      ninjsExtra: {
        ...article.ninjsExtra,
        ...(extraEvents.length ? { [EXTRA_EVENTS_KEY]: extraEvents } : {}),
        [CONTENT_HASH_KEY]: hash,
      },
      extraction: storedExtraction(bundle, printed, storedText, { personIds, orgIds, placeIds }),
      ingestedAt: now.toISOString(),
    };
    let articleId: number;
    let slug: string;
    let version: number;
    let formerEngagements: number[] = [];
    if (existing) {
      articleId = existing.id;
      slug = existing.slug;
      version = existing.version + 1;
      // The slug stays: URLs that name the article keep working.
      await tx.update(t.articles).set({ ...row, slug, version }).where(eq(t.articles.id, articleId));
      formerEngagements = await clearArticle(tx, articleId);
    } else {
      slug = await freeSlug(tx, t.articles, article.slug);
      version = 1;
      const [inserted] = await tx.insert(t.articles).values({ ...row, slug, version }).returning({ id: t.articles.id });
      articleId = inserted!.id;
    }

    await step('links');
    await linkEntities(tx, articleId, bundle, { placeIds, orgIds, personIds });
    await step('engagements');
    const engagementIds = await upsertEngagements(tx, articleId, bundle.annotations.engagements, dates, {
      placeIds,
      actorIds: { people: personIds, organisations: orgIds },
    });
    await linkOwnEvents(tx, articleId, ownEvents);
    // What needed the engagements' ids: their ninjs events and their evidence (one statement for both).
    const engagementEvents = eventsOfEngagements(bundle, engagementIds);
    const late: { ninjsExtra?: Record<string, unknown>; extraction?: t.StoredExtraction | null } = {};
    if (Object.keys(engagementEvents).length) late.ninjsExtra = { ...row.ninjsExtra, [ENGAGEMENT_EVENTS_KEY]: engagementEvents };
    if (engagementsHaveEvidence(bundle))
      late.extraction = storedExtraction(bundle, printed, storedText, { personIds, orgIds, placeIds, engagementIds });
    if (Object.keys(late).length) await tx.update(t.articles).set(late).where(eq(t.articles.id, articleId));
    await step('quotes');
    await insertQuotesAndFigures(tx, articleId, bundle, { personIds, orgIds, engagementIds });
    await deleteOrphanEngagements(tx, formerEngagements);
    await foldPendingSearchDocs(tx); // search index: folded text of what the triggers queued (src/search/index.ts)
    await step('done');
    return { articleId, slug, created: !existing, changed: true, version };
  });
}

// ---------------------------------------------------------------------------------------------
// Pure preparation

/**
 * Fold ninjs entities into the annotations: a ninjs person/organisation/place whose `literal`
 * names an annotation key, or whose name folds to the name, an alias or the acronym of an
 * annotated entity of the same kind, fills that entity's missing rel and adds its `uri` to
 * sameAs; one matching none becomes an entity of its own (kind OTHER where ninjs cannot say).
 * Within the article, a person named by surname alone is the full-named person sharing it.
 */
export function mergeNinjsEntities(bundle: ArticleBundle): ArticleBundle {
  const a = structuredClone(bundle.annotations);
  const used = new Set([...a.people, ...a.organisations, ...a.places, ...a.engagements].map((e) => e.key));
  const freshKey = (name: string) => {
    const base = slugify(name) || 'entity';
    let key = base;
    for (let i = 2; used.has(key); i++) key = `${base}-${i}`;
    used.add(key);
    return key;
  };
  type Entity = { key: string; name: string; aliases: string[]; acronym?: string | undefined; rel?: 'about' | 'mentions' | undefined; sameAs: string[] };
  const merge = <E extends Entity>(list: E[], ninjs: ArticleBundle['ninjs']['people'], make: (base: Entity) => E) => {
    for (const n of ninjs ?? []) {
      const rel = n.rel?.toLowerCase() as 'about' | 'mentions' | undefined;
      const folded = n.name ? foldName(n.name) : '';
      const target =
        (n.literal ? list.find((e) => e.key === n.literal) : undefined) ??
        (folded ? list.find((e) => [e.name, ...e.aliases, ...(e.acronym ? [e.acronym] : [])].some((x) => foldName(x) === folded)) : undefined);
      if (target) {
        target.rel = strongerRel(target.rel, rel);
        if (n.uri && !target.sameAs.includes(n.uri)) target.sameAs.push(n.uri);
      } else if (n.name && folded) {
        list.push(make({ key: freshKey(n.name), name: n.name.trim(), aliases: [], rel: rel ?? 'mentions', sameAs: n.uri ? [n.uri] : [] }));
      }
    }
  };
  merge(a.people, bundle.ninjs.people, (e) => ({ ...e, roles: [] }) as PersonInput);
  merge(a.organisations, bundle.ninjs.organisations, (e) => ({ ...e, kind: 'OTHER' }) as OrganisationInput);
  merge(a.places, bundle.ninjs.places, (e) => ({ ...e, kind: 'OTHER' }) as PlaceInput);
  a.people = mergeSurnameMentions(a.people, (from, to) => renameActor(a, from, to));
  return { ...bundle, annotations: a };
}

/** "about" wins over "mentions"; undefined (annotated, not linked) loses to both. */
function strongerRel(a: 'about' | 'mentions' | undefined, b: 'about' | 'mentions' | undefined) {
  return a === 'about' || b === 'about' ? 'about' : (a ?? b);
}

type NinjsEvent = NonNullable<ArticleBundle['ninjs']['events']>[number];

/**
 * ninjs events that name no annotated engagement: those carrying one of our own engagement
 * URIs link that engagement to the article; the rest (a bare ninjs event has no participants
 * and no CAMEO code, so it cannot become an engagement) are kept and exported as they came.
 */
function splitEvents(bundle: ArticleBundle, own: readonly string[]) {
  const keys = new Set(bundle.annotations.engagements.map((e) => e.key));
  const linked: number[] = [];
  const extra: NinjsEvent[] = [];
  for (const e of bundle.ninjs.events ?? []) {
    if (e.literal && keys.has(e.literal)) continue;
    const ownRef = e.uri ? parseOwnUri(e.uri, own) : null;
    const id = ownRef?.kind === 'engagement' ? Number(ownRef.ref) : NaN;
    if (Number.isSafeInteger(id) && id > 0) linked.push(id);
    else extra.push(e);
  }
  return { linked, extra };
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

/** Link engagements named by our own URIs (those that still exist) to the article. */
async function linkOwnEvents(tx: Tx, articleId: number, ids: number[]) {
  if (!ids.length) return;
  const found = await tx.select({ id: t.engagements.id }).from(t.engagements).where(inArray(t.engagements.id, ids));
  if (found.length)
    await tx.insert(t.engagementArticles).values(found.map((f) => ({ engagementId: f.id, articleId }))).onConflictDoNothing();
}

/** "Larijani" alone is "Ali Larijani" when exactly one person in the article has that surname. */
function mergeSurnameMentions(people: PersonInput[], rename: (from: string, to: string) => void): PersonInput[] {
  const kept: PersonInput[] = [];
  for (const p of people) {
    const folded = foldName(p.name);
    if (!folded.includes(' ')) {
      const full = people.filter((q) => q !== p && foldName(q.name).split(' ').at(-1) === folded);
      if (full.length === 1) {
        const target = full[0]!;
        if (!target.aliases.includes(p.name)) target.aliases.push(p.name);
        target.rel = strongerRel(target.rel, p.rel);
        target.evidence = combineEvidence(target.evidence, p.evidence);
        for (const uri of p.sameAs) if (!target.sameAs.includes(uri)) target.sameAs.push(uri);
        rename(p.key, target.key);
        continue;
      }
    }
    kept.push(p);
  }
  return kept;
}

function renameActor(a: ArticleBundle['annotations'], from: string, to: string) {
  for (const e of a.engagements) for (const p of e.participants) if (p.actor === from) p.actor = to;
  for (const q of a.quotes) if (q.speaker === from) q.speaker = to;
}

/** A stable digest of the bundle's content: equal digests mean a re-load would change nothing. */
function contentHash(bundle: ArticleBundle): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]))
        : v;
  return createHash('sha256').update(JSON.stringify(canonical(bundle))).digest('hex');
}

const MODELLED_NINJS = new Set([
  'uri', 'headlines', 'bodies', 'language', 'by', 'version',
  'people', 'organisations', 'places', 'events',
]);

/** The article row's own columns from the ninjs item. */
function articleFields(bundle: ArticleBundle) {
  const n = bundle.ninjs;
  const headline = (n.headlines!.find((h) => !h.role || h.role === 'main') ?? n.headlines![0]!).value.trim();
  const bodyEntry =
    n.bodies?.find((b) => (!b.role || b.role === 'main') && (!b.contentType || b.contentType === 'text/plain')) ?? n.bodies?.[0];
  // Items other than text (an event, a picture) may have no body.
  const body = !bodyEntry ? '' : /html|xml/i.test(bodyEntry.contentType ?? '') ? htmlToText(bodyEntry.value) : bodyEntry.value.trim();
  const published = n.firstCreated ?? n.contentCreated ?? n.versionCreated ?? null;
  const extra = Object.fromEntries(Object.entries(n).filter(([k]) => !MODELLED_NINJS.has(k)));
  return {
    uri: n.uri,
    slug: slugify(n.slugline ?? headline).slice(0, 80).replace(/-+$/, '') || 'article',
    headline,
    body,
    language: n.language ?? 'en',
    datelineText: bundle.annotations.dateline?.text ?? n.located ?? null,
    publishedAt: published ? new Date(published).toISOString().replace(/\.000Z$/, 'Z') : null,
    referenceDate: bundle.annotations.referenceDate ?? null,
    byline: n.by ?? null,
    ninjsExtra: extra as Record<string, unknown>,
  };
}

/** Paragraph text from simple XHTML bodies (ninjs `bodies[].contentType` application/xhtml+xml). */
function htmlToText(html: string): string {
  return html
    .replace(/<\/(p|div|h\d|li)>\s*/gi, '\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .split('\n').map((l) => l.trim()).filter(Boolean).join('\n');
}

/** Every partial date in the bundle resolved against its reference date (bundle, else publication day). */
function resolveDates(bundle: ArticleBundle, publishedAt: string | null) {
  const reference = bundle.annotations.referenceDate ?? publishedAt?.slice(0, 10) ?? null;
  const problems: { path: string; message: string }[] = [];
  const resolve = (input: Parameters<typeof resolvePartialDate>[0] | undefined, path: string): PartialDate | null => {
    if (!input) return null;
    try {
      return resolvePartialDate(input, reference);
    } catch (e) {
      problems.push({ path, message: (e as Error).message });
      return null;
    }
  };
  const engagements = new Map(
    bundle.annotations.engagements.map((e, i) => [e.key, resolve(e.date, `annotations.engagements.${i}.date`)]),
  );
  const roles = new Map(
    bundle.annotations.people.flatMap((p, i) =>
      p.roles.map((r, j) => [
        `${p.key}/${j}`,
        {
          started: resolve(r.started, `annotations.people.${i}.roles.${j}.started`),
          ended: resolve(r.ended, `annotations.people.${i}.roles.${j}.ended`),
        },
      ]),
    ),
  );
  if (problems.length) throw new BundleRejected(problems);
  return { engagements, roles };
}
type Dates = ReturnType<typeof resolveDates>;

/** Partial-date columns for a prefix, in the shape of `partialDate()` in the schema. */
function dateColumns<P extends string>(prefix: P, d: PartialDate | null) {
  return {
    [`${prefix}Text`]: d?.text ?? null,
    [`${prefix}Edtf`]: d?.edtf ?? null,
    [`${prefix}Precision`]: d ? d.precision : null,
    [`${prefix}Earliest`]: d?.earliest ?? null,
    [`${prefix}Latest`]: d?.latest ?? null,
  } as Record<`${P}Text` | `${P}Edtf` | `${P}Earliest` | `${P}Latest`, string | null> &
    Record<`${P}Precision`, t.DatePrecision | null>;
}

// ---------------------------------------------------------------------------------------------
// Entity resolution and upserts
//
// Each kind is resolved in bulk: a few statements fetch every stored entity the bundle's
// entities could match (own URI, sameAs, ISO code, folded name, alias, acronym, variant key), and the order
// of precedence is applied here. Entities found nowhere are inserted with INSERT ... ON
// CONFLICT DO NOTHING on the unique folded key and read back if another load created them
// first, so a name is never stored twice. New names and URIs are added in one statement per
// kind. Statement count matters: over HTTP every statement of a transaction is a round trip.

type OwnerColumn = 'personId' | 'organisationId' | 'placeId';
type EntityTable = typeof t.people | typeof t.organisations | typeof t.places;
const KIND_OF_OWNER: Record<OwnerColumn, EntityKind> = { personId: 'person', organisationId: 'organisation', placeId: 'place' };

/** An incoming entity as resolution sees it. */
interface Incoming {
  key: string;
  name: string;
  nameKey: string;
  /** `variantKey(name)`: transliteration variants of the name share it. */
  variantKey: string;
  /** Whether the variant key may resolve the entity: for people a full name (two words or more), never a surname alone. */
  variantResolves: boolean;
  /** Folded aliases. */
  aliasKeys: string[];
  /** Folded acronym (organisations). */
  acronymKey?: string | undefined;
  sameAs: string[];
  /** Place kind (places only): scopes name and alias matches. */
  kind?: t.PlaceKind | undefined;
  iso3166?: string | undefined;
}

interface Hit {
  id: number;
  kind: string | null;
}

const uniq = <T>(xs: Iterable<T>) => [...new Set(xs)];
const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => (m.get(k) ?? m.set(k, []).get(k)!).push(v);

function incoming(
  e: { key: string; name: string; aliases: string[]; sameAs: string[]; acronym?: string | undefined; kind?: string; iso3166?: string | undefined },
  place: boolean,
  person = false,
): Incoming {
  const variant = variantKey(e.name);
  return {
    key: e.key,
    name: e.name,
    nameKey: foldName(e.name),
    variantKey: variant,
    variantResolves: variant !== '' && (!person || variant.includes(' ')),
    aliasKeys: e.aliases.map(foldName).filter(Boolean),
    acronymKey: e.acronym ? foldName(e.acronym) || undefined : undefined,
    sameAs: e.sameAs,
    kind: place ? (e.kind as t.PlaceKind) : undefined,
    iso3166: place ? e.iso3166 : undefined,
  };
}

/** Every stored entity of one kind that the incoming ones could resolve to (at most seven statements). */
async function candidates(tx: Tx, owner: OwnerColumn, table: EntityTable, list: Incoming[], own: readonly string[]) {
  const ownSlugs: string[] = [];
  const external: string[] = [];
  for (const e of list)
    for (const uri of e.sameAs) {
      const ref = parseOwnUri(uri, own);
      if (!ref) external.push(uri);
      else if (ref.kind === KIND_OF_OWNER[owner]) ownSlugs.push(ref.ref);
    }
  const isPlace = table === t.places;
  const kindColumn = isPlace ? t.places.kind : sql<string | null>`null`;
  const nameKeys = uniq(list.flatMap((e) => [e.nameKey, ...e.aliasKeys]));
  const variantKeys = uniq(list.flatMap((e) => (e.variantResolves ? [e.variantKey] : [])));
  const aliasKeys = uniq(list.flatMap((e) => [e.nameKey, ...(e.acronymKey ? [e.acronymKey] : [])]));
  const acronymKeys = uniq(list.flatMap((e) => (e.acronymKey ? [e.acronymKey] : [])));
  const isoCodes = uniq(list.flatMap((e) => (e.iso3166 ? [e.iso3166] : [])));

  const bySlug = new Map<string, number>();
  if (ownSlugs.length)
    for (const r of await tx.select({ id: table.id, slug: table.slug }).from(table).where(inArray(table.slug, uniq(ownSlugs)))) bySlug.set(r.slug, r.id);
  const bySameAs = new Map<string, number>();
  if (external.length)
    for (const r of await tx
      .select({ uri: t.sameAs.uri, id: t.sameAs[owner] })
      .from(t.sameAs)
      .where(and(inArray(t.sameAs.uri, uniq(external)), sql`${t.sameAs[owner]} is not null`)))
      if (r.id !== null) bySameAs.set(r.uri, r.id);
  // Names and variant keys in one statement (two index lookups).
  const byName = new Map<string, Hit[]>();
  const byVariant = new Map<string, Hit[]>();
  const names = new Set(nameKeys);
  const variants = new Set(variantKeys);
  for (const r of await tx
    .select({ id: table.id, nameKey: table.nameKey, variantKey: table.variantKey, kind: kindColumn })
    .from(table)
    .where(variantKeys.length ? or(inArray(table.nameKey, nameKeys), inArray(table.variantKey, variantKeys)) : inArray(table.nameKey, nameKeys))
    .orderBy(table.id)) {
    if (names.has(r.nameKey)) push(byName, r.nameKey, { id: r.id, kind: r.kind });
    if (r.variantKey !== null && variants.has(r.variantKey)) push(byVariant, r.variantKey, { id: r.id, kind: r.kind });
  }
  // External identifiers of the entities a variant key could resolve to: a variant match is no
  // match when both sides are identified by one authority and disagree (two Mohammad Bagheris).
  const sameAsOf = new Map<number, string[]>();
  const variantIds = uniq([...byVariant.values()].flat().map((h) => h.id));
  if (variantIds.length && external.length)
    for (const r of await tx.select({ uri: t.sameAs.uri, id: t.sameAs[owner] }).from(t.sameAs).where(inArray(t.sameAs[owner], variantIds)))
      if (r.id !== null) push(sameAsOf, r.id, r.uri);
  const byAlias = new Map<string, Hit[]>();
  for (const r of await tx
    .select({ id: table.id, nameKey: t.aliases.nameKey, kind: kindColumn })
    .from(t.aliases)
    .innerJoin(table, eq(table.id, t.aliases[owner]))
    .where(inArray(t.aliases.nameKey, aliasKeys)))
    push(byAlias, r.nameKey, { id: r.id, kind: r.kind });
  const byAcronym = new Map<string, Hit[]>();
  if (acronymKeys.length)
    for (const r of await tx
      .select({ id: t.organisations.id, acronym: sql<string>`lower(${t.organisations.acronym})` })
      .from(t.organisations)
      .where(inArray(sql`lower(${t.organisations.acronym})`, acronymKeys)))
      push(byAcronym, r.acronym, { id: r.id, kind: null });
  const byIso = new Map<string, number>();
  if (isoCodes.length)
    for (const r of await tx.select({ id: t.places.id, iso: t.places.iso3166 }).from(t.places).where(inArray(t.places.iso3166, isoCodes)))
      if (r.iso) byIso.set(r.iso, r.id);
  return { bySlug, bySameAs, byName, byVariant, sameAsOf, byAlias, byAcronym, byIso };
}
type Candidates = Awaited<ReturnType<typeof candidates>>;

/**
 * Resolve one incoming entity against the candidates, in order: one of our own URIs (an
 * exported document coming back), another sameAs URI, a place's ISO 3166 code, the folded name
 * (places: same kind first, then a compatible one: same kind, or either OTHER), the name being
 * exactly one entity's alias ("Larijani" → Ali Larijani), one of its aliases being exactly one
 * entity's name ("Islamic Republic of Iran" with alias "Iran" → Iran), its acronym being
 * exactly one organisation's acronym or alias, and last its variant key (src/domain/variant.ts:
 * "Muhammed Baqeri" → Mohammad Bagheri) being exactly one entity's, for people only on a full
 * name, and not when both carry sameAs URIs of one authority that differ. Alias against alias is
 * no evidence: "Imran Khan" and "Sadiq Khan" share the alias "Khan"; nor is a variant key two
 * entities share (the new one is kept apart, and `possible_duplicates` lists it).
 * @returns the stored entity's id, or undefined when it is new
 */
function resolveIncoming(e: Incoming, owner: OwnerColumn, c: Candidates, own: readonly string[]): number | undefined {
  for (const uri of e.sameAs) {
    const ref = parseOwnUri(uri, own);
    const id = ref ? (ref.kind === KIND_OF_OWNER[owner] ? c.bySlug.get(ref.ref) : undefined) : c.bySameAs.get(uri);
    if (id !== undefined) return id;
  }
  if (e.iso3166 && c.byIso.has(e.iso3166)) return c.byIso.get(e.iso3166);
  const compatible = (h: Hit) => !e.kind || e.kind === 'OTHER' || h.kind === e.kind || h.kind === 'OTHER';
  const one = (hits: Hit[]) => {
    const ids = uniq(hits.filter(compatible).map((h) => h.id));
    return ids.length === 1 ? ids[0] : undefined;
  };
  const named = (c.byName.get(e.nameKey) ?? []).filter(compatible);
  const exact = named.find((h) => h.kind === (e.kind ?? null)) ?? named[0];
  if (exact) return exact.id;
  return (
    one(c.byAlias.get(e.nameKey) ?? []) ??
    one(e.aliasKeys.flatMap((k) => c.byName.get(k) ?? [])) ??
    (e.acronymKey ? one([...(c.byAcronym.get(e.acronymKey) ?? []), ...(c.byAlias.get(e.acronymKey) ?? [])]) : undefined) ??
    (e.variantResolves ? variantMatch(e, one(c.byVariant.get(e.variantKey) ?? []), c, own) : undefined)
  );
}

/** The entity a unique variant-key hit names, unless the two carry differing URIs of one authority. */
function variantMatch(e: Incoming, id: number | undefined, c: Candidates, own: readonly string[]): number | undefined {
  if (id === undefined) return undefined;
  const authority = (uri: string) => {
    try {
      return new URL(uri).host || uri.split(':')[0];
    } catch {
      return uri;
    }
  };
  const theirs = new Set((c.sameAsOf.get(id) ?? []).map(authority));
  const clash = e.sameAs.some((uri) => !parseOwnUri(uri, own) && theirs.has(authority(uri)));
  return clash ? undefined : id;
}

/** Slugs for new entities: the folded name, else name-2, name-3 ... (one statement for all). */
async function freeSlugs(tx: Tx, table: typeof t.articles | EntityTable, names: string[]): Promise<string[]> {
  const bases = names.map((n) => slugify(n) || 'entity');
  if (!bases.length) return [];
  const taken = new Set(
    (
      await tx
        .select({ slug: table.slug })
        .from(table)
        // "base-…" as a range ('-' + 1 = '.'), so the unique slug index serves it (a LIKE would scan).
        .where(or(inArray(table.slug, uniq(bases)), ...uniq(bases).map((b) => and(gt(table.slug, `${b}-`), lt(table.slug, `${b}.`)))))
    ).map((r) => r.slug),
  );
  return bases.map((base) => {
    let slug = base;
    for (let i = 2; taken.has(slug); i++) slug = `${base}-${i}`;
    taken.add(slug);
    return slug;
  });
}

/** A slug not yet used in `table`. */
async function freeSlug(tx: Tx, table: typeof t.articles | EntityTable, base: string) {
  return (await freeSlugs(tx, table, [base]))[0]!;
}

/**
 * Insert entities that resolved to nothing, in the given order. Each is an upsert on the
 * unique folded key: when the row exists already (a concurrent load, or two keys of this
 * bundle with one name), that row's id is read back instead.
 */
async function insertNew(
  tx: Tx,
  table: EntityTable,
  list: { e: Incoming; row: Record<string, unknown> }[],
  target: NonNullable<Parameters<ReturnType<ReturnType<Tx['insert']>['values']>['onConflictDoNothing']>[0]>,
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const slugs = await freeSlugs(tx, table, list.map((x) => x.e.name));
  for (const [i, { e, row }] of list.entries()) {
    const [inserted] = await tx
      .insert(table)
      .values({ ...row, name: e.name, nameKey: e.nameKey, variantKey: e.variantKey, slug: slugs[i]! } as never)
      .onConflictDoNothing(target)
      .returning({ id: table.id });
    if (inserted) {
      ids.set(e.key, inserted.id);
      continue;
    }
    const scope = table === t.places ? eq(t.places.kind, e.kind ?? 'OTHER') : undefined;
    const [existing] = await tx.select({ id: table.id }).from(table).where(and(eq(table.nameKey, e.nameKey), scope)).limit(1);
    ids.set(e.key, existing!.id);
  }
  return ids;
}

/** Add every entity's names (name, aliases, acronym) and external sameAs URIs; existing ones are kept. */
async function addNames(
  tx: Tx,
  owner: OwnerColumn,
  entities: { key: string; name: string; aliases: string[]; sameAs: string[]; acronym?: string | undefined }[],
  ids: Ids,
  own: readonly string[],
) {
  const aliases = new Map<string, Record<string, unknown>>();
  const uris = new Map<string, Record<string, unknown>>();
  for (const e of entities) {
    const id = ids.get(e.key)!;
    for (const name of [e.name, ...e.aliases, ...(e.acronym ? [e.acronym] : [])]) {
      const nameKey = foldName(name);
      if (nameKey && !aliases.has(`${id}/${nameKey}`)) aliases.set(`${id}/${nameKey}`, { [owner]: id, name, nameKey });
    }
    // A URI already naming another entity stays with it (same_as.uri is the primary key); ours are not stored.
    for (const uri of e.sameAs) if (!parseOwnUri(uri, own) && !uris.has(uri)) uris.set(uri, { uri, [owner]: id });
  }
  if (aliases.size) await tx.insert(t.aliases).values([...aliases.values()] as never).onConflictDoNothing();
  if (uris.size) await tx.insert(t.sameAs).values([...uris.values()] as never).onConflictDoNothing();
}

async function upsertPlaces(tx: Tx, places: PlaceInput[], own: readonly string[]): Promise<Ids> {
  if (!places.length) return new Map();
  const list = places.map((p) => incoming(p, true));
  const c = await candidates(tx, 'placeId', t.places, list, own);
  const ids: Ids = new Map();
  for (const e of list) {
    const id = resolveIncoming(e, 'placeId', c, own);
    if (id !== undefined) ids.set(e.key, id);
  }
  // New countries first: new cities and regions refer to them.
  const input = new Map(places.map((p) => [p.key, p]));
  const fresh = list.filter((e) => !ids.has(e.key)).sort((a, b) => Number(b.kind === 'COUNTRY') - Number(a.kind === 'COUNTRY'));
  for (const batch of [fresh.filter((e) => e.kind === 'COUNTRY'), fresh.filter((e) => e.kind !== 'COUNTRY')]) {
    const rows = batch.map((e) => {
      const p = input.get(e.key)!;
      const isoFree = p.iso3166 && !c.byIso.has(p.iso3166);
      return { e, row: { kind: p.kind, countryId: p.country ? (ids.get(p.country) ?? null) : null, iso3166: isoFree ? p.iso3166 : null } };
    });
    for (const [key, id] of await insertNew(tx, t.places, rows, { target: [t.places.kind, t.places.nameKey] })) ids.set(key, id);
  }
  // Facts the bundle states refine stored places: a known kind upgrades OTHER, country, ISO code.
  const stored = await tx
    .select({ id: t.places.id, kind: t.places.kind, nameKey: t.places.nameKey, countryId: t.places.countryId, iso3166: t.places.iso3166 })
    .from(t.places)
    .where(inArray(t.places.id, uniq(ids.values())));
  const byId = new Map(stored.map((s) => [s.id, s]));
  for (const p of places) {
    const id = ids.get(p.key)!;
    const s = byId.get(id)!;
    const countryId = p.country ? ids.get(p.country)! : undefined;
    const set: Record<string, unknown> = {};
    if (countryId !== undefined && countryId !== id && countryId !== s.countryId) set.countryId = countryId;
    if (p.iso3166 && s.iso3166 !== p.iso3166 && (c.byIso.get(p.iso3166) ?? id) === id && !s.iso3166) set.iso3166 = p.iso3166;
    if (p.kind !== 'OTHER' && s.kind === 'OTHER') {
      const [clash] = await tx.select({ id: t.places.id }).from(t.places).where(and(eq(t.places.kind, p.kind), eq(t.places.nameKey, s.nameKey)));
      if (!clash) set.kind = p.kind;
    }
    if (Object.keys(set).length) {
      await tx.update(t.places).set(set).where(eq(t.places.id, id));
      Object.assign(s, set);
    }
  }
  await addNames(tx, 'placeId', places, ids, own);
  return ids;
}

async function upsertOrganisations(tx: Tx, orgs: OrganisationInput[], placeIds: Ids, own: readonly string[]): Promise<Ids> {
  if (!orgs.length) return new Map();
  const list = orgs.map((o) => incoming(o, false));
  const c = await candidates(tx, 'organisationId', t.organisations, list, own);
  const ids: Ids = new Map();
  for (const e of list) {
    const id = resolveIncoming(e, 'organisationId', c, own);
    if (id !== undefined) ids.set(e.key, id);
  }
  const input = new Map(orgs.map((o) => [o.key, o]));
  const fresh = list
    .filter((e) => !ids.has(e.key))
    .map((e) => {
      const o = input.get(e.key)!;
      return { e, row: { kind: o.kind, acronym: o.acronym ?? null, countryId: o.country ? placeIds.get(o.country)! : null } };
    });
  for (const [key, id] of await insertNew(tx, t.organisations, fresh, { target: t.organisations.nameKey })) ids.set(key, id);
  // Facts the bundle states refine the stored entity (kind OTHER from plain ninjs never overwrites).
  const stored = await tx
    .select({ id: t.organisations.id, kind: t.organisations.kind, acronym: t.organisations.acronym, countryId: t.organisations.countryId, parentId: t.organisations.parentId })
    .from(t.organisations)
    .where(inArray(t.organisations.id, uniq(ids.values())));
  const byId = new Map(stored.map((s) => [s.id, s]));
  for (const o of orgs) {
    const id = ids.get(o.key)!;
    const s = byId.get(id)!;
    const parentId = o.parent ? ids.get(o.parent)! : undefined;
    const countryId = o.country ? placeIds.get(o.country)! : undefined;
    const set: Record<string, unknown> = {};
    if (o.kind !== 'OTHER' && o.kind !== s.kind) set.kind = o.kind;
    if (o.acronym && o.acronym !== s.acronym) set.acronym = o.acronym;
    if (countryId !== undefined && countryId !== s.countryId) set.countryId = countryId;
    if (parentId !== undefined && parentId !== id && parentId !== s.parentId) set.parentId = parentId;
    if (Object.keys(set).length) {
      await tx.update(t.organisations).set(set).where(eq(t.organisations.id, id));
      Object.assign(s, set);
    }
  }
  await addNames(tx, 'organisationId', orgs, ids, own);
  return ids;
}

async function upsertPeople(tx: Tx, people: PersonInput[], placeIds: Ids, orgIds: Ids, dates: Dates, own: readonly string[]): Promise<Ids> {
  if (!people.length) return new Map();
  const list = people.map((p) => incoming(p, false, true));
  const c = await candidates(tx, 'personId', t.people, list, own);
  const ids: Ids = new Map();
  for (const e of list) {
    const id = resolveIncoming(e, 'personId', c, own);
    if (id !== undefined) ids.set(e.key, id);
  }
  const input = new Map(people.map((p) => [p.key, p]));
  const fresh = list
    .filter((e) => !ids.has(e.key))
    .map((e) => {
      const p = input.get(e.key)!;
      return { e, row: { nationalityId: p.nationality ? placeIds.get(p.nationality)! : null } };
    });
  for (const [key, id] of await insertNew(tx, t.people, fresh, { target: t.people.nameKey })) ids.set(key, id);
  const personIds = uniq(ids.values());
  const stored = new Map(
    (await tx.select({ id: t.people.id, nationalityId: t.people.nationalityId }).from(t.people).where(inArray(t.people.id, personIds))).map((s) => [s.id, s]),
  );
  for (const p of people) {
    const id = ids.get(p.key)!;
    const nationalityId = p.nationality ? placeIds.get(p.nationality)! : null;
    if (nationalityId && stored.get(id)!.nationalityId !== nationalityId) {
      await tx.update(t.people).set({ nationalityId }).where(eq(t.people.id, id));
      stored.get(id)!.nationalityId = nationalityId;
    }
  }
  await addNames(tx, 'personId', people, ids, own);

  // Roles: one read for all, inserts in one statement, updates only where dates are given.
  const withRoles = people.filter((p) => p.roles.length);
  if (withRoles.length) {
    const existing = await tx
      .select({ id: t.roles.id, personId: t.roles.personId, title: t.roles.title, organisationId: t.roles.organisationId })
      .from(t.roles)
      .where(inArray(t.roles.personId, uniq(withRoles.map((p) => ids.get(p.key)!))));
    const roleKey = (personId: number, title: string, organisationId: number | null) => `${personId}\u0000${title}\u0000${organisationId ?? 0}`;
    const found = new Map(existing.map((r) => [roleKey(r.personId, r.title, r.organisationId), r.id]));
    const inserts = new Map<string, Record<string, unknown>>();
    for (const p of withRoles) {
      const personId = ids.get(p.key)!;
      for (const [j, r] of p.roles.entries()) {
        const d = dates.roles.get(`${p.key}/${j}`)!;
        const organisationId = r.organisation ? orgIds.get(r.organisation)! : null;
        const values = { ...dateColumns('started', d.started), ...dateColumns('ended', d.ended) };
        const k = roleKey(personId, r.title, organisationId);
        const roleId = found.get(k);
        if (roleId !== undefined) {
          if (d.started || d.ended) await tx.update(t.roles).set(values).where(eq(t.roles.id, roleId));
        } else if (!inserts.has(k) || d.started || d.ended) {
          inserts.set(k, { personId, organisationId, title: r.title, ...values });
        }
      }
    }
    if (inserts.size) await tx.insert(t.roles).values([...inserts.values()] as never).onConflictDoNothing();
  }
  return ids;
}

// ---------------------------------------------------------------------------------------------
// The article's own rows

/**
 * Remove what a re-load replaces: links, engagement reports, quotes, figures.
 * @returns the ids of the engagements the article reported (candidates for orphan removal)
 */
async function clearArticle(tx: Tx, articleId: number): Promise<number[]> {
  const reported = await tx.select({ id: t.engagementArticles.engagementId }).from(t.engagementArticles).where(eq(t.engagementArticles.articleId, articleId));
  await tx.delete(t.articlePeople).where(eq(t.articlePeople.articleId, articleId));
  await tx.delete(t.articleOrganisations).where(eq(t.articleOrganisations.articleId, articleId));
  await tx.delete(t.articlePlaces).where(eq(t.articlePlaces.articleId, articleId));
  await tx.delete(t.engagementArticles).where(eq(t.engagementArticles.articleId, articleId));
  await tx.delete(t.quotes).where(eq(t.quotes.articleId, articleId));
  await tx.delete(t.figures).where(eq(t.figures.articleId, articleId));
  return reported.map((r) => r.id);
}

/**
 * Of the candidate engagements (those a cleared or deleted article reported), the ones no article
 * reports any more go (their participants cascade). Only candidates are checked, so the cost
 * follows the article, not the corpus.
 */
export async function deleteOrphanEngagements(tx: Tx | Database, candidates: readonly number[]) {
  if (!candidates.length) return;
  await tx
    .delete(t.engagements)
    .where(
      and(
        inArray(t.engagements.id, [...new Set(candidates)]),
        notExists(tx.select({ one: sql`1` }).from(t.engagementArticles).where(eq(t.engagementArticles.engagementId, t.engagements.id))),
      ),
    );
}

async function linkEntities(
  tx: Tx,
  articleId: number,
  bundle: ArticleBundle,
  ids: { placeIds: Ids; orgIds: Ids; personIds: Ids },
) {
  const a = bundle.annotations;
  // Two keys resolving to one entity give one link: the stronger rel, the higher relevance.
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

/**
 * The identity of an engagement across articles: CAMEO code, place, date and the set of
 * participants with their roles. Two reports of the same meeting share it.
 */
export function engagementFingerprint(
  cameo: string,
  date: Pick<PartialDate, 'edtf' | 'precision' | 'text'> | null,
  placeId: number | null,
  participants: { personId: number | null; organisationId: number | null; role: string }[],
) {
  const who = participants.map((p) => `${p.personId ? `p${p.personId}` : `o${p.organisationId}`}:${p.role}`).sort();
  const when = date ? (date.edtf ?? `${date.precision}:${foldName(date.text ?? '')}`) : '';
  return createHash('sha256').update(JSON.stringify([cameo, placeId, when, who])).digest('hex').slice(0, 32);
}

/**
 * Upsert the bundle's engagements on their fingerprint (one statement for all), then their
 * participants and the article's reports of them (one statement each).
 */
async function upsertEngagements(
  tx: Tx,
  articleId: number,
  engagements: EngagementInput[],
  dates: Dates,
  ids: { placeIds: Ids; actorIds: { people: Ids; organisations: Ids } },
): Promise<Ids> {
  const out: Ids = new Map();
  if (!engagements.length) return out;
  const prepared = engagements.map((e) => {
    const date = dates.engagements.get(e.key) ?? null;
    const placeId = e.place ? ids.placeIds.get(e.place)! : null;
    const participants = [
      ...new Map(
        e.participants.map((p) => {
          const personId = ids.actorIds.people.get(p.actor) ?? null;
          const organisationId = personId === null ? ids.actorIds.organisations.get(p.actor)! : null;
          return [`${personId}/${organisationId}/${p.role}`, { personId, organisationId, role: p.role }];
        }),
      ).values(),
    ];
    const fingerprint = engagementFingerprint(e.cameo, date, placeId, participants);
    const values = {
      fingerprint,
      kind: e.kind,
      cameoCode: e.cameo,
      summary: e.summary,
      status: e.status,
      placeId,
      ...dateColumns('date', date),
      datePrecision: date?.precision ?? 'UNKNOWN',
    };
    return { key: e.key, fingerprint, values, participants };
  });
  // Two engagements of one bundle with one fingerprint are one engagement (the first one's words).
  const rows = [...new Map(prepared.map((p) => [p.fingerprint, p.values])).values()];
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
  const participantRows = prepared.flatMap((p) => p.participants.map((x) => ({ ...x, engagementId: out.get(p.key)! })));
  if (participantRows.length) await tx.insert(t.participants).values(participantRows).onConflictDoNothing();
  await tx
    .insert(t.engagementArticles)
    .values(uniq(out.values()).map((engagementId) => ({ engagementId, articleId })))
    .onConflictDoNothing();
  return out;
}

async function insertQuotesAndFigures(
  tx: Tx,
  articleId: number,
  bundle: ArticleBundle,
  ids: { personIds: Ids; orgIds: Ids; engagementIds: Ids },
) {
  const { quotes, figures } = bundle.annotations;
  if (quotes.length)
    await tx.insert(t.quotes).values(
      quotes.map((q, position) => ({
        articleId,
        position,
        text: q.text,
        speakerPersonId: q.speaker ? (ids.personIds.get(q.speaker) ?? null) : null,
        speakerOrganisationId: q.speaker ? (ids.orgIds.get(q.speaker) ?? null) : null,
        engagementId: q.engagement ? ids.engagementIds.get(q.engagement)! : null,
      })),
    );
  if (figures.length)
    await tx.insert(t.figures).values(
      figures.map((f, position) => ({
        articleId,
        position,
        text: f.text,
        value: f.value,
        currency: f.currency ?? null,
        unit: f.unit ?? null,
        metric: f.metric ?? null,
      })),
    );
}
