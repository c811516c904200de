/**
 * The one loader: puts an article bundle into the graph in one transaction. The seed, the
 * CLI and the `ingestArticle` mutation all come through here.
 *
 * Entities resolve against what the database already holds: by sameAs URI first, then by
 * folded name, then by folded alias or acronym, always within one kind (a person never merges
 * with an organisation). Inserts are upserts on the unique folded keys, so concurrent loads
 * create each entity once. Re-loading the same ninjs `uri` replaces the article's links,
 * engagements, quotes and figures; re-loading identical content changes nothing at all.
 */
import { createHash } from 'node:crypto';
import { and, eq, inArray, isNull, notExists, or, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { foldName, slugify } from '../domain/fold.ts';
import { resolvePartialDate, type PartialDate } from '../domain/partial-date.ts';
import type { ArticleBundle, EngagementInput, OrganisationInput, PersonInput, PlaceInput } from './bundle.ts';
import { BundleRejected, validateBundle } from './validate.ts';

/** What a load did. `created` is false when the uri was already known; `changed` false when nothing differed. */
export interface LoadResult {
  articleId: number;
  slug: string;
  created: boolean;
  changed: boolean;
  version: number;
}

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
type Ids = Map<string, number>;

/**
 * Validate and load one bundle atomically.
 * @param input an article bundle (see ./bundle.ts), as parsed JSON
 * @throws BundleRejected listing every problem (nothing is written)
 * @throws the driver's error if the transaction fails (nothing is written)
 */
export async function loadBundle(db: Database, input: unknown, now: Date = new Date()): Promise<LoadResult> {
  const validation = validateBundle(input);
  if (!validation.ok) throw new BundleRejected(validation.problems);
  const bundle = mergeNinjsEntities(validation.bundle);
  const hash = contentHash(bundle);
  const article = articleFields(bundle);
  const dates = resolveDates(bundle, article.publishedAt);

  return db.transaction(async (tx) => {
    const existing = await tx.query.articles.findFirst({
      columns: { id: true, slug: true, version: true, ninjsExtra: true },
      where: { uri: article.uri },
    });
    if (existing && (existing.ninjsExtra as { contentHash?: string } | null)?.contentHash === hash) {
      return { articleId: existing.id, slug: existing.slug, created: false, changed: false, version: existing.version };
    }

    const placeIds = await upsertPlaces(tx, bundle.annotations.places);
    const orgIds = await upsertOrganisations(tx, bundle.annotations.organisations, placeIds);
    const personIds = await upsertPeople(tx, bundle.annotations.people, placeIds, orgIds, dates);

    const row = {
      ...article,
      datelinePlaceId: bundle.annotations.dateline?.place ? placeIds.get(bundle.annotations.dateline.place)! : null,
      ninjsExtra: { ...article.ninjsExtra, contentHash: hash },
      ingestedAt: now.toISOString(),
    };
    let articleId: number;
    let slug: string;
    let version: number;
    if (existing) {
      articleId = existing.id;
      slug = existing.slug;
      version = existing.version + 1;
      await tx.update(t.articles).set({ ...row, version }).where(eq(t.articles.id, articleId));
      await clearArticle(tx, articleId);
    } else {
      slug = await freeSlug(tx, t.articles, article.slug);
      version = 1;
      const [inserted] = await tx.insert(t.articles).values({ ...row, slug, version }).returning({ id: t.articles.id });
      articleId = inserted!.id;
    }

    await linkEntities(tx, articleId, bundle, { placeIds, orgIds, personIds });
    const engagementIds = await upsertEngagements(tx, articleId, bundle.annotations.engagements, dates, {
      placeIds,
      actorIds: { people: personIds, organisations: orgIds },
    });
    await insertQuotesAndFigures(tx, articleId, bundle, { personIds, orgIds, engagementIds });
    await deleteOrphanEngagements(tx);
    return { articleId, slug, created: !existing, changed: true, version };
  });
}

// ---------------------------------------------------------------------------------------------
// Pure preparation

/**
 * Fold ninjs entities into the annotations: a ninjs person/organisation/place whose `literal`
 * names an annotation key fills that entity's missing name, rel and sameAs (its `uri`); one
 * with no annotation becomes an entity of its own (kind OTHER where ninjs cannot say).
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
  type Entity = { key: string; name: string; rel?: 'about' | 'mentions'; sameAs: string[] };
  const merge = <E extends Entity>(list: E[], ninjs: ArticleBundle['ninjs']['people'], make: (base: Entity) => E) => {
    for (const n of ninjs ?? []) {
      const rel = n.rel?.toLowerCase() as 'about' | 'mentions' | undefined;
      const target = n.literal ? list.find((e) => e.key === n.literal) : undefined;
      if (target) {
        target.rel ??= rel;
        if (n.uri && !target.sameAs.includes(n.uri)) target.sameAs.push(n.uri);
      } else if (n.name) {
        list.push(make({ key: freshKey(n.name), name: n.name, rel: rel ?? 'mentions', sameAs: n.uri ? [n.uri] : [] }));
      }
    }
  };
  merge(a.people, bundle.ninjs.people, (e) => ({ ...e, aliases: [], roles: [] }) as PersonInput);
  merge(a.organisations, bundle.ninjs.organisations, (e) => ({ ...e, aliases: [], kind: 'OTHER' }) as OrganisationInput);
  merge(a.places, bundle.ninjs.places, (e) => ({ ...e, aliases: [], kind: 'OTHER' }) as PlaceInput);
  a.people = mergeSurnameMentions(a.people, (from, to) => renameActor(a, from, to));
  return { ...bundle, annotations: a };
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
        target.rel = target.rel === 'about' || p.rel === 'about' ? 'about' : (target.rel ?? p.rel);
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
  'uri', 'headlines', 'bodies', 'language', 'located', 'by', 'slugline', 'version',
  'people', 'organisations', 'places', 'events',
]);

/** The article row's own columns from the ninjs item. */
function articleFields(bundle: ArticleBundle) {
  const n = bundle.ninjs;
  const headline = (n.headlines!.find((h) => !h.role || h.role === 'main') ?? n.headlines![0]!).value.trim();
  const bodyEntry =
    n.bodies!.find((b) => (!b.role || b.role === 'main') && (!b.contentType || b.contentType === 'text/plain')) ?? n.bodies![0]!;
  const body = bodyEntry.contentType?.includes('html') ? htmlToText(bodyEntry.value) : bodyEntry.value.trim();
  const published = n.firstCreated ?? n.contentCreated ?? n.versionCreated ?? null;
  const extra = Object.fromEntries(Object.entries(n).filter(([k]) => !MODELLED_NINJS.has(k)));
  return {
    uri: n.uri,
    slug: slugify(n.slugline ?? headline).slice(0, 80) || 'article',
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

type OwnerColumn = 'personId' | 'organisationId' | 'placeId';

/**
 * Find an existing entity: sameAs URI, then folded name, then folded alias (the owner column
 * scopes the kind). Returns its id or undefined.
 */
async function resolveEntity(
  tx: Tx,
  owner: OwnerColumn,
  table: typeof t.people | typeof t.organisations | typeof t.places,
  names: { nameKey: string; sameAs: string[]; aliasKeys: string[] },
  scope?: ReturnType<typeof eq>,
): Promise<number | undefined> {
  if (names.sameAs.length) {
    const hit = await tx
      .select({ id: t.sameAs[owner] })
      .from(t.sameAs)
      .where(and(inArray(t.sameAs.uri, names.sameAs), sql`${t.sameAs[owner]} is not null`))
      .limit(1);
    if (hit[0]?.[`id`] != null) return hit[0].id!;
  }
  const byName = await tx
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.nameKey, names.nameKey), scope))
    .limit(1);
  if (byName[0]) return byName[0].id;
  const keys = [names.nameKey, ...names.aliasKeys].filter(Boolean);
  const byAlias = await tx
    .selectDistinct({ id: t.aliases[owner] })
    .from(t.aliases)
    .where(and(inArray(t.aliases.nameKey, keys), sql`${t.aliases[owner]} is not null`))
    .limit(2);
  // An alias shared by two entities ("Khan") identifies neither.
  return byAlias.length === 1 ? byAlias[0]!.id! : undefined;
}

/** Add aliases (and an acronym) and sameAs URIs to an entity; existing ones are kept. */
async function addNames(tx: Tx, owner: OwnerColumn, id: number, names: string[], sameAs: string[]) {
  const rows = [...new Map(names.map((n) => [foldName(n), n])).entries()]
    .filter(([key]) => key)
    .map(([nameKey, name]) => ({ [owner]: id, name, nameKey }));
  if (rows.length) await tx.insert(t.aliases).values(rows).onConflictDoNothing();
  if (sameAs.length) await tx.insert(t.sameAs).values(sameAs.map((uri) => ({ uri, [owner]: id }))).onConflictDoNothing();
}

/** A slug not yet used in `table`: the base, else base-2, base-3 ... */
async function freeSlug(tx: Tx, table: typeof t.articles | typeof t.people | typeof t.organisations | typeof t.places, base: string) {
  const taken = new Set(
    (
      await tx
        .select({ slug: table.slug })
        .from(table)
        .where(or(eq(table.slug, base), sql`${table.slug} like ${`${base}-%`}`))
    ).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/**
 * Resolve or create one entity. Creation is an upsert on the unique folded-name key, so a
 * concurrent load that created the same entity first is found, not duplicated.
 */
async function upsertEntity<Row extends { name: string }>(
  tx: Tx,
  owner: OwnerColumn,
  table: typeof t.people | typeof t.organisations | typeof t.places,
  entity: { name: string; aliases: string[]; sameAs: string[]; acronym?: string | undefined },
  row: Omit<Row, 'name'>,
  conflictTarget: Parameters<ReturnType<ReturnType<Tx['insert']>['values']>['onConflictDoNothing']>[0],
  scope?: ReturnType<typeof eq>,
): Promise<number> {
  const nameKey = foldName(entity.name);
  const otherNames = [...entity.aliases, ...(entity.acronym ? [entity.acronym] : [])];
  let id = await resolveEntity(tx, owner, table, { nameKey, sameAs: entity.sameAs, aliasKeys: otherNames.map(foldName) }, scope);
  if (id === undefined) {
    const slug = await freeSlug(tx, table, slugify(entity.name) || 'entity');
    await tx
      .insert(table)
      .values({ ...(row as object), name: entity.name, nameKey, slug } as never)
      .onConflictDoNothing(conflictTarget);
    const created = await tx.select({ id: table.id }).from(table).where(and(eq(table.nameKey, nameKey), scope)).limit(1);
    id = created[0]!.id;
  }
  await addNames(tx, owner, id, [entity.name, ...otherNames], entity.sameAs);
  return id;
}

async function upsertPlaces(tx: Tx, places: PlaceInput[]): Promise<Ids> {
  const ids: Ids = new Map();
  // Countries first: cities and regions refer to them.
  const ordered = [...places].sort((a, b) => Number(b.kind === 'COUNTRY') - Number(a.kind === 'COUNTRY'));
  for (const p of ordered) {
    const countryId = p.country ? ids.get(p.country)! : null;
    const id = await upsertEntity(
      tx,
      'placeId',
      t.places,
      p,
      { kind: p.kind, countryId, iso3166: p.iso3166 ?? null },
      { target: [t.places.kind, t.places.nameKey] },
      eq(t.places.kind, p.kind),
    );
    if (p.country || p.iso3166) {
      await tx
        .update(t.places)
        .set({ ...(p.country ? { countryId } : {}), ...(p.iso3166 ? { iso3166: p.iso3166 } : {}) })
        .where(eq(t.places.id, id));
    }
    ids.set(p.key, id);
  }
  return ids;
}

async function upsertOrganisations(tx: Tx, orgs: OrganisationInput[], placeIds: Ids): Promise<Ids> {
  const ids: Ids = new Map();
  // Parents before children.
  const pending = [...orgs];
  while (pending.length) {
    const i = pending.findIndex((o) => !o.parent || ids.has(o.parent) || !pending.some((p) => p.key === o.parent));
    const o = pending.splice(i === -1 ? 0 : i, 1)[0]!;
    const countryId = o.country ? placeIds.get(o.country)! : null;
    const id = await upsertEntity(
      tx,
      'organisationId',
      t.organisations,
      o,
      { kind: o.kind, acronym: o.acronym ?? null, countryId },
      { target: t.organisations.nameKey },
    );
    ids.set(o.key, id);
  }
  for (const o of orgs) {
    // Facts the bundle states refine the stored entity (kind OTHER from plain ninjs never overwrites).
    await tx
      .update(t.organisations)
      .set({
        ...(o.kind !== 'OTHER' ? { kind: o.kind } : {}),
        ...(o.acronym ? { acronym: o.acronym } : {}),
        ...(o.country ? { countryId: placeIds.get(o.country)! } : {}),
        ...(o.parent ? { parentId: ids.get(o.parent)! } : {}),
      })
      .where(eq(t.organisations.id, ids.get(o.key)!));
  }
  return ids;
}

async function upsertPeople(tx: Tx, people: PersonInput[], placeIds: Ids, orgIds: Ids, dates: Dates): Promise<Ids> {
  const ids: Ids = new Map();
  for (const p of people) {
    const nationalityId = p.nationality ? placeIds.get(p.nationality)! : null;
    const id = await upsertEntity(tx, 'personId', t.people, p, { nationalityId }, { target: t.people.nameKey });
    if (nationalityId) await tx.update(t.people).set({ nationalityId }).where(eq(t.people.id, id));
    ids.set(p.key, id);
    for (const [j, r] of p.roles.entries()) {
      const d = dates.roles.get(`${p.key}/${j}`)!;
      const organisationId = r.organisation ? orgIds.get(r.organisation)! : null;
      const values = { ...dateColumns('started', d.started), ...dateColumns('ended', d.ended) };
      const [found] = await tx
        .select({ id: t.roles.id })
        .from(t.roles)
        .where(and(eq(t.roles.personId, id), eq(t.roles.title, r.title), organisationId ? eq(t.roles.organisationId, organisationId) : isNull(t.roles.organisationId)));
      if (found) {
        if (d.started || d.ended) await tx.update(t.roles).set(values).where(eq(t.roles.id, found.id));
      } else {
        await tx.insert(t.roles).values({ personId: id, organisationId, title: r.title, ...values }).onConflictDoNothing();
      }
    }
  }
  return ids;
}

// ---------------------------------------------------------------------------------------------
// The article's own rows

/** Remove what a re-load replaces: links, engagement reports, quotes, figures. */
async function clearArticle(tx: Tx, articleId: number) {
  await tx.delete(t.articlePeople).where(eq(t.articlePeople.articleId, articleId));
  await tx.delete(t.articleOrganisations).where(eq(t.articleOrganisations.articleId, articleId));
  await tx.delete(t.articlePlaces).where(eq(t.articlePlaces.articleId, articleId));
  await tx.delete(t.engagementArticles).where(eq(t.engagementArticles.articleId, articleId));
  await tx.delete(t.quotes).where(eq(t.quotes.articleId, articleId));
  await tx.delete(t.figures).where(eq(t.figures.articleId, articleId));
}

/** Engagements no article reports any more go (their participants cascade). */
export async function deleteOrphanEngagements(tx: Tx | Database) {
  await tx
    .delete(t.engagements)
    .where(notExists(tx.select({ one: sql`1` }).from(t.engagementArticles).where(eq(t.engagementArticles.engagementId, t.engagements.id))));
}

async function linkEntities(
  tx: Tx,
  articleId: number,
  bundle: ArticleBundle,
  ids: { placeIds: Ids; orgIds: Ids; personIds: Ids },
) {
  const a = bundle.annotations;
  const links = <E extends { key: string; rel?: t.MentionRel | undefined; relevance?: number | undefined }>(list: E[], map: Ids) =>
    [...new Map(list.filter((e) => e.rel).map((e) => [map.get(e.key)!, e])).entries()].map(([id, e]) => ({
      id,
      articleId,
      rel: e.rel!,
      relevance: e.relevance ?? null,
    }));
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
function engagementFingerprint(
  e: EngagementInput,
  date: PartialDate | null,
  placeId: number | null,
  participants: { personId: number | null; organisationId: number | null; role: string }[],
) {
  const who = participants.map((p) => `${p.personId ? `p${p.personId}` : `o${p.organisationId}`}:${p.role}`).sort();
  const when = date ? (date.edtf ?? `${date.precision}:${foldName(date.text ?? '')}`) : '';
  return createHash('sha256').update(JSON.stringify([e.cameo, placeId, when, who])).digest('hex').slice(0, 32);
}

async function upsertEngagements(
  tx: Tx,
  articleId: number,
  engagements: EngagementInput[],
  dates: Dates,
  ids: { placeIds: Ids; actorIds: { people: Ids; organisations: Ids } },
): Promise<Ids> {
  const out: Ids = new Map();
  for (const e of engagements) {
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
    const fingerprint = engagementFingerprint(e, date, placeId, participants);
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
    const [row] = await tx
      .insert(t.engagements)
      .values(values)
      .onConflictDoUpdate({ target: t.engagements.fingerprint, set: { summary: values.summary, kind: values.kind, status: values.status } })
      .returning({ id: t.engagements.id });
    const engagementId = row!.id;
    await tx.insert(t.participants).values(participants.map((p) => ({ ...p, engagementId }))).onConflictDoNothing();
    await tx.insert(t.engagementArticles).values({ engagementId, articleId }).onConflictDoNothing();
    out.set(e.key, engagementId);
  }
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
