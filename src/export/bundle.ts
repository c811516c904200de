/**
 * An article back as an article bundle (`{ ninjs, annotations }`, src/ingest/bundle.ts): the
 * ninjs 3.1 document plus everything ninjs cannot carry (aliases, sameAs, roles, nationality,
 * engagements with participants and partial dates, quotes, figures, dateline). Ingesting it
 * into an empty database rebuilds the same graph around the article; this is what the
 * round-trip tests and `npm run export -- --bundle` use.
 *
 * Keys are `person-<slug>`, `org-<slug>`, `place-<slug>`, `engagement-<id>`. Every entity an
 * annotation refers to is declared: linked entities, participants, speakers, role
 * organisations, nationalities, countries and parent organisations (followed to the top).
 * Extraction evidence comes back on the facts it was given for, and the extractor as
 * `annotations.extractor`; its offsets index the exported text (headline + "\n" + body).
 */
import type { Database } from '../db/client.ts';
import { storedPartialDate } from '../db/partial-date-columns.ts';
import * as t from '../db/schema.ts';
import type { PartialDate } from '../domain/partial-date.ts';
import type { ArticleBundle, PartialDateInput } from '../ingest/bundle.ts';
import { articleToNinjs } from './ninjs.ts';
import { loadExportArticle } from './select.ts';

const personKey = (slug: string) => `person-${slug}`;
const orgKey = (slug: string) => `org-${slug}`;
const placeKey = (slug: string) => `place-${slug}`;
const engagementKey = (id: number) => `engagement-${id}`;

/** A stored partial date (src/db/partial-date-columns.ts) as the bundle states it: only its non-null parts. */
function dateInput(d: PartialDate | null): PartialDateInput | undefined {
  if (!d) return undefined;
  const out: PartialDateInput = { precision: d.precision };
  if (d.text) out.text = d.text;
  if (d.edtf) out.edtf = d.edtf;
  if (d.earliest) out.earliest = d.earliest;
  if (d.latest) out.latest = d.latest;
  return out;
}

/** Drop null and undefined properties (the bundle schema has optional fields, never nulls). */
type NoNulls<T> = { [K in keyof T]: Exclude<T[K], null> };
const omitNull = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as NoNulls<T>;

/**
 * The rows `load` gives for `ids` and, level by level, for the id each row points up to (an
 * organisation's parent, a place's country) until the top: one query a level, keyed by id in
 * the order they were loaded.
 */
async function withAncestors<R extends { id: number }>(ids: Iterable<number>, load: (ids: number[]) => PromiseLike<R[]>, up: (row: R) => number | null): Promise<Map<number, R>> {
  const rows = new Map<number, R>();
  for (let pending = [...ids]; pending.length; ) {
    const found = await load(pending);
    pending = [];
    for (const row of found) {
      rows.set(row.id, row);
      const next = up(row);
      if (next && !rows.has(next)) pending.push(next);
    }
  }
  return rows;
}

/**
 * Export one article as a bundle.
 * @param base public base URL for the ninjs entity URIs (see ./uris.ts)
 * @returns null when there is no such article
 */
export async function exportBundle(db: Database, where: { slug: string } | { id: number } | { uri: string }, base: string): Promise<ArticleBundle | null> {
  const a = await loadExportArticle(db, where);
  if (!a) return null;
  const ninjs = articleToNinjs(a, base);
  const own = await db.query.articles.findFirst({
    columns: { id: true, extraction: true },
    where: { id: a.id },
    with: {
      quotes: { orderBy: { position: 'asc' } },
      figures: { orderBy: { position: 'asc' } },
    },
  });

  const personIds = new Set<number>(a.personLinks.map((l) => l.person.id));
  const orgIds = new Set<number>(a.organisationLinks.map((l) => l.organisation.id));
  const placeIds = new Set<number>(a.placeLinks.map((l) => l.place.id));
  if (a.dateline) placeIds.add(a.dateline.id);
  for (const e of a.engagements) {
    if (e.place) placeIds.add(e.place.id);
    for (const p of e.participants) {
      if (p.person) personIds.add(p.person.id);
      if (p.organisation) orgIds.add(p.organisation.id);
    }
  }
  for (const q of own?.quotes ?? []) {
    if (q.speakerPersonId) personIds.add(q.speakerPersonId);
    if (q.speakerOrganisationId) orgIds.add(q.speakerOrganisationId);
  }

  const names = { aliases: { columns: { name: true }, orderBy: { id: 'asc' } }, sameAs: { columns: { uri: true }, orderBy: { uri: 'asc' } } } as const;
  const people = personIds.size
    ? await db.query.people.findMany({ where: { id: { in: [...personIds] } }, orderBy: { id: 'asc' }, with: { ...names, roles: { orderBy: { id: 'asc' } } } })
    : [];
  for (const p of people) {
    if (p.nationalityId) placeIds.add(p.nationalityId);
    for (const r of p.roles) if (r.organisationId) orgIds.add(r.organisationId);
  }
  const orgs = await withAncestors(orgIds, (ids) => db.query.organisations.findMany({ where: { id: { in: ids } }, with: names }), (o) => o.parentId);
  for (const o of orgs.values()) if (o.countryId) placeIds.add(o.countryId);
  const places = await withAncestors(placeIds, (ids) => db.query.places.findMany({ where: { id: { in: ids } }, with: names }), (p) => p.countryId);
  const slugOf = {
    person: new Map(people.map((p) => [p.id, p.slug])),
    org: new Map([...orgs.values()].map((o) => [o.id, o.slug])),
    place: new Map([...places.values()].map((p) => [p.id, p.slug])),
  };
  const pk = (id: number | null) => (id ? personKey(slugOf.person.get(id)!) : undefined);
  const ok = (id: number | null) => (id ? orgKey(slugOf.org.get(id)!) : undefined);
  const lk = (id: number | null) => (id ? placeKey(slugOf.place.get(id)!) : undefined);
  const links = {
    person: new Map(a.personLinks.map((l) => [l.person.id, l])),
    org: new Map(a.organisationLinks.map((l) => [l.organisation.id, l])),
    place: new Map(a.placeLinks.map((l) => [l.place.id, l])),
  };
  const aliasesOf = (e: { name: string; aliases: { name: string }[] }) => {
    const seen = new Set([e.name]);
    return e.aliases.map((x) => x.name).filter((n) => !seen.has(n) && (seen.add(n), true));
  };
  const link = (l: { rel: t.MentionRel; relevance: number | null } | undefined) =>
    l ? omitNull({ rel: l.rel, relevance: l.relevance }) : {};
  // What every declared entity states first: key, name, other names, sameAs URIs, its link to the article.
  const named = (
    key: string,
    e: { name: string; aliases: { name: string }[]; sameAs: { uri: string }[] },
    l: Parameters<typeof link>[0],
    aliases = aliasesOf(e),
  ) => ({ key, name: e.name, aliases, sameAs: e.sameAs.map((s) => s.uri), ...link(l) });
  // Extraction evidence, by the row or position each fact became (src/ingest/evidence.ts).
  const extraction = own?.extraction ?? null;
  const evidence = (key: string) => {
    const e = extraction?.evidence[key];
    return e ? { evidence: { stage: e.stage, rule: e.rule, spans: e.spans.map(([s, end]) => [s, end] as [number, number]) } } : {};
  };

  // Make the ninjs entities point at the annotation keys.
  const literal = (list: unknown, key: (slug: string) => string) => {
    for (const n of (list ?? []) as { literal?: string }[]) if (n.literal) n.literal = key(n.literal);
  };
  literal(ninjs.people, personKey);
  literal(ninjs.organisations, orgKey);
  literal(ninjs.places, placeKey);
  const events = (ninjs.events ?? []) as { literal?: string; uri?: string }[];
  a.engagements.forEach((e, i) => {
    if (events[i]) events[i]!.literal = engagementKey(e.id);
  });

  const annotations: ArticleBundle['annotations'] = {
    ...(extraction?.extractor ? { extractor: { ...extraction.extractor } } : {}),
    ...(a.referenceDate ? { referenceDate: a.referenceDate } : {}),
    ...(a.datelineText ? { dateline: omitNull({ text: a.datelineText, place: lk(a.dateline?.id ?? null) }) } : {}),
    places: [...places.values()].map((p) =>
      omitNull({
        ...named(placeKey(p.slug), p, links.place.get(p.id)),
        kind: p.kind,
        country: lk(p.countryId),
        iso3166: p.iso3166,
        ...evidence(`place:${p.id}`),
      }),
    ),
    organisations: [...orgs.values()].map((o) =>
      omitNull({
        ...named(orgKey(o.slug), o, links.org.get(o.id), aliasesOf(o).filter((n) => n !== o.acronym)),
        kind: o.kind,
        acronym: o.acronym,
        country: lk(o.countryId),
        parent: ok(o.parentId),
        ...evidence(`organisation:${o.id}`),
      }),
    ),
    people: people.map((p) =>
      omitNull({
        ...named(personKey(p.slug), p, links.person.get(p.id)),
        nationality: lk(p.nationalityId),
        roles: p.roles.map((r) =>
          omitNull({
            title: r.title,
            organisation: ok(r.organisationId),
            started: dateInput(storedPartialDate(r, 'started')),
            ended: dateInput(storedPartialDate(r, 'ended')),
          }),
        ),
        ...evidence(`person:${p.id}`),
      }),
    ),
    engagements: a.engagements.map((e) =>
      omitNull({
        key: engagementKey(e.id),
        kind: e.kind,
        cameo: e.cameoCode,
        summary: e.summary,
        status: e.status,
        date: dateInput(storedPartialDate(e, 'date')),
        place: lk(e.place?.id ?? null),
        participants: e.participants.map((p) => ({
          actor: p.person ? personKey(p.person.slug) : orgKey(p.organisation!.slug),
          role: p.role,
        })),
        ...evidence(`engagement:${e.id}`),
      }),
    ),
    quotes: (own?.quotes ?? []).map((q) =>
      omitNull({
        text: q.text,
        speaker: pk(q.speakerPersonId) ?? ok(q.speakerOrganisationId),
        engagement: q.engagementId && a.engagements.some((e) => e.id === q.engagementId) ? engagementKey(q.engagementId) : undefined,
        ...evidence(`quote:${q.position}`),
      }),
    ),
    figures: (own?.figures ?? []).map((f) =>
      omitNull({ text: f.text, value: f.value, currency: f.currency, unit: f.unit, metric: f.metric, ...evidence(`figure:${f.position}`) }),
    ),
  };
  return { ninjs: ninjs as ArticleBundle['ninjs'], annotations };
}

/** Article ids, for bulk export. */
export async function allArticleIds(db: Database): Promise<number[]> {
  return (await db.select({ id: t.articles.id }).from(t.articles).orderBy(t.articles.id)).map((r) => r.id);
}
