/**
 * Preparing a valid bundle for the write, without touching the database: ninjs entities folded
 * into the annotations, the article row's own columns, every partial date resolved, the content
 * digest, and the ninjs events split into those naming our engagements and the rest. Pure; a
 * date that cannot be resolved is returned as a problem (`BundleRejected` is the loader's call).
 */
import { createHash } from 'node:crypto';
import { foldName, slugify } from '../domain/fold.ts';
import { resolvePartialDate, type PartialDate } from '../domain/partial-date.ts';
import { parseOwnUri } from '../export/uris.ts';
import type { ArticleBundle, OrganisationInput, PersonInput, PlaceInput } from './bundle.ts';
import { combineEvidence, storedExtraction } from './evidence.ts';
import { printedText, type Problem } from './validate.ts';

export type NinjsEvent = NonNullable<ArticleBundle['ninjs']['events']>[number];

/** A bundle ready to write. */
export interface PreparedBundle {
  /** The bundle with its ninjs entities merged into the annotations (`mergeNinjsEntities`). */
  bundle: ArticleBundle;
  /** SHA-256 of the bundle as given (canonical JSON): the very bundle loaded last is unchanged without resolving anything. */
  bundleDigest: string;
  article: ArticleFields;
  dates: Dates;
  /** Ids of our own engagements that ninjs events name by URI (linked to the article). */
  ownEvents: number[];
  /** ninjs events naming no engagement, kept and exported again as they came. */
  extraEvents: NinjsEvent[];
  /** Evidence offsets index the printed text; stored, they index the article's own text. */
  printed: string;
  storedText: string;
}

/**
 * Prepare a bundle `validateBundle` accepted.
 * @param own base URLs of this API's own URIs (`LoadOptions.ownBaseUrls`)
 * @returns the prepared bundle, or every partial date that cannot be resolved, with its path
 */
export function prepareBundle(valid: ArticleBundle, own: readonly string[]): { ok: true; prepared: PreparedBundle } | { ok: false; problems: Problem[] } {
  const bundle = mergeNinjsEntities(valid);
  const article = articleFields(bundle);
  const { dates, problems } = resolveDates(bundle, article.publishedAt);
  if (problems.length) return { ok: false, problems };
  const { linked: ownEvents, extra: extraEvents } = splitEvents(bundle, own);
  const storedText = `${article.headline}\n${article.body}`;
  return { ok: true, prepared: { bundle, bundleDigest: createHash('sha256').update(canonicalJson(bundle, false)).digest('hex'), article, dates, ownEvents, extraEvents, printed: printedText(bundle), storedText } };
}

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
export function strongerRel(a: 'about' | 'mentions' | undefined, b: 'about' | 'mentions' | undefined) {
  return a === 'about' || b === 'about' ? 'about' : (a ?? b);
}

/**
 * The article's links to one kind of entity, one per stored entity: two bundle keys resolving to
 * one entity give one link, with the stronger rel and the higher relevance; entities without a
 * rel are annotated, not linked. `ids` maps bundle keys to row ids.
 */
export function linksById(
  list: { key: string; rel?: 'about' | 'mentions' | undefined; relevance?: number | undefined }[],
  ids: Map<string, number>,
): Map<number, { rel: 'about' | 'mentions'; relevance: number | null }> {
  const byId = new Map<number, { rel: 'about' | 'mentions'; relevance: number | null }>();
  for (const e of list) {
    if (!e.rel) continue;
    const id = ids.get(e.key)!;
    const seen = byId.get(id);
    const relevance = e.relevance ?? null;
    byId.set(id, {
      rel: strongerRel(seen?.rel, e.rel)!,
      relevance: seen?.relevance == null ? relevance : relevance == null ? seen.relevance : Math.max(seen.relevance, relevance),
    });
  }
  return byId;
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

/** What `contentHash` needs beyond the prepared bundle: the rows its entities and engagements resolved to. */
export interface ResolvedContent {
  ids: { personIds: Map<string, number>; orgIds: Map<string, number>; placeIds: Map<string, number> };
  engagements: { key: string; fingerprint: string }[];
}

/**
 * The digest of what the article says, in a canonical form (docs/bundle.md, "Content equality"):
 * entities as the rows they resolved to, engagements as their fingerprints, dates resolved, lists
 * as sorted sets, ninjs properties the export adds by default left out; never key names or the
 * order of lists. Equal digests mean a re-load would change nothing, so an article's own export,
 * or its source bundle again, is unchanged.
 * @returns 64 hex digits (SHA-256)
 */
export function contentHash(p: PreparedBundle, r: ResolvedContent): string {
  const { bundle, article } = p;
  const a = bundle.annotations;
  const fingerprints = new Map(r.engagements.map((e) => [e.key, e.fingerprint]));
  const ranked = [...new Set(fingerprints.values())].sort();
  const speaker = (key: string | undefined) => (!key ? null : r.ids.personIds.has(key) ? `p${r.ids.personIds.get(key)}` : `o${r.ids.orgIds.get(key)}`);
  const entityLinks = (prefix: string, list: Parameters<typeof linksById>[0], map: Map<string, number>) =>
    [...linksById(list, map)].map(([id, l]) => ({ entity: `${prefix}${id}`, rel: l.rel, relevance: l.relevance }));
  const evidence = storedExtraction(bundle, p.printed, p.storedText, {
    ...r.ids,
    engagementIds: new Map([...fingerprints].map(([key, fp]) => [key, ranked.indexOf(fp)])),
  });
  const factEvidence = (key: string) => evidence?.evidence[key] ?? null;
  const events = new Map<string, { name?: string; rel?: string }>();
  for (const e of bundle.ninjs.events ?? []) {
    const fp = e.literal ? fingerprints.get(e.literal) : undefined;
    if (fp) events.set(fp, { ...(e.name ? { name: e.name } : {}), ...(e.rel ? { rel: e.rel.toLowerCase() } : {}) });
  }
  const engagements = new Map<string, unknown>();
  for (const e of a.engagements) {
    const fp = fingerprints.get(e.key)!;
    if (engagements.has(fp)) continue; // one fingerprint is one engagement: the first one's words
    const event = events.get(fp) ?? {};
    engagements.set(fp, { fp, kind: e.kind, summary: e.summary, status: e.status, name: event.name ?? e.summary, rel: event.rel ?? 'mentions', evidence: factEvidence(`engagement:${ranked.indexOf(fp)}`) });
  }
  // ninjs properties the export writes by default: the standard, type text, located as the dateline.
  const { standard: _standard, type, located, ...ninjsExtra } = article.ninjsExtra as Record<string, unknown>;
  const meaning = {
    article: {
      uri: article.uri,
      headline: article.headline,
      body: article.body,
      language: article.language,
      dateline: article.datelineText,
      datelinePlace: a.dateline?.place ? r.ids.placeIds.get(a.dateline.place)! : null,
      publishedAt: article.publishedAt,
      referenceDate: article.referenceDate,
      byline: article.byline,
      type: type ?? 'text',
      located: located === article.datelineText ? null : (located ?? null),
      ninjs: ninjsExtra,
    },
    links: [
      ...entityLinks('p', a.people, r.ids.personIds),
      ...entityLinks('o', a.organisations, r.ids.orgIds),
      ...entityLinks('l', a.places, r.ids.placeIds),
    ],
    entityEvidence: Object.fromEntries(Object.entries(evidence?.evidence ?? {}).filter(([k]) => /^(person|organisation|place):/.test(k))),
    engagements: [...engagements.values()],
    ownEvents: [...new Set(p.ownEvents)],
    extraEvents: p.extraEvents,
    quotes: a.quotes.map((q, i) => ({ text: q.text, speaker: speaker(q.speaker), engagement: q.engagement ? fingerprints.get(q.engagement)! : null, evidence: factEvidence(`quote:${i}`) })),
    figures: a.figures.map((f, i) => ({ ...f, evidence: factEvidence(`figure:${i}`) })),
    extractor: a.extractor ?? null,
  };
  return createHash('sha256').update(canonicalJson(meaning)).digest('hex');
}

/** JSON with object keys sorted, undefined properties dropped, and every list sorted as a set (by the canonical JSON of its items) unless `sets` is false. */
function canonicalJson(v: unknown, sets = true): string {
  if (Array.isArray(v)) {
    const items = v.map((x) => canonicalJson(x, sets));
    return `[${(sets ? items.sort() : items).join(',')}]`;
  }
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k], sets)}`)
      .join(',')}}`;
  return JSON.stringify(v ?? null);
}

const MODELLED_NINJS = new Set([
  'uri', 'headlines', 'bodies', 'language', 'by', 'version',
  'people', 'organisations', 'places', 'events',
]);

export type ArticleFields = ReturnType<typeof articleFields>;

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

/** Resolved partial dates: engagements by key, roles by `<person key>/<role index>`. */
export interface Dates {
  engagements: Map<string, PartialDate | null>;
  roles: Map<string, { started: PartialDate | null; ended: PartialDate | null }>;
}

/** Every partial date in the bundle resolved against its reference date (bundle, else publication day). */
function resolveDates(bundle: ArticleBundle, publishedAt: string | null): { dates: Dates; problems: Problem[] } {
  const reference = bundle.annotations.referenceDate ?? publishedAt?.slice(0, 10) ?? null;
  const problems: Problem[] = [];
  const resolve = (input: Parameters<typeof resolvePartialDate>[0] | undefined, path: string): PartialDate | null => {
    if (!input) return null;
    try {
      return resolvePartialDate(input, reference);
    } catch (e) {
      problems.push({ path, message: (e as Error).message });
      return null;
    }
  };
  const engagements = new Map(bundle.annotations.engagements.map((e, i) => [e.key, resolve(e.date, `annotations.engagements.${i}.date`)]));
  const roles = new Map(
    bundle.annotations.people.flatMap((p, i) =>
      p.roles.map((r, j) => {
        const path = `annotations.people.${i}.roles.${j}`;
        return [`${p.key}/${j}`, { started: resolve(r.started, `${path}.started`), ended: resolve(r.ended, `${path}.ended`) }] as const;
      }),
    ),
  );
  return { dates: { engagements, roles }, problems };
}

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
