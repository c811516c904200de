/**
 * The last step: a finished `Doc` → an article bundle exactly as `loadBundle` takes it
 * (docs/bundle.md, src/ingest/bundle.ts):
 *
 *   { ninjs: { uri, standard, type: "text", language: "en", headlines: [{ role: "main", value }],
 *              bodies: [{ role: "main", contentType: "text/plain", value }], firstCreated?, located?,
 *              people/organisations/places: [{ name, rel, literal: key }], events: [{ name, rel, literal }] },
 *     annotations: { referenceDate?, dateline?, people, organisations, places, engagements, quotes,
 *                    figures, extractor?, + evidence on each fact } }
 *
 * Keys are slugs of names, unique across the bundle (a clash gets "-2", "-3" ...). An entity
 * with mentions is linked with a rel (about: in the headline or central; mentions otherwise)
 * and a relevance; one only referred to (a role's organisation, a nationality) is not linked.
 * Engagements without a participant are dropped (the loader refuses them), and so are date
 * words the partial-date resolver cannot read.
 */
import { ORGANISATION_KINDS, PLACE_KINDS, type MentionRel, type OrganisationKind, type PlaceKind } from '../db/schema.ts';
import { slugify } from '../domain/fold.ts';
import { annotationsInput, personInput, type ArticleBundle } from '../ingest/bundle.ts';
import type { Doc, EntityDraft, Evidence } from './document.ts';
import { readableDate } from './date-words.ts';

export const EXTRACTOR = { name: 'newsgraph-rules', version: '1' } as const;

/**
 * Whether the bundle schema takes `evidence` and `annotations.extractor` yet: the fields are
 * emitted as soon as src/ingest/bundle.ts declares them (a strict schema refuses unknown keys).
 */
const schemaShape = (s: unknown): Record<string, unknown> => (s as { shape?: Record<string, unknown> }).shape ?? {};
export const EMITS_EVIDENCE: boolean = 'evidence' in schemaShape(personInput);
const EMITS_EXTRACTOR: boolean = 'extractor' in schemaShape(annotationsInput);

/** The one place evidence enters the bundle (spans kept when they lie in the printed text). */
let textLength = 0;
function withEvidence<T extends object>(fact: T, evidence: Evidence | undefined): T {
  if (!EMITS_EVIDENCE || !evidence) return fact;
  const spans = evidence.spans.filter(([a, b]) => Number.isInteger(a) && Number.isInteger(b) && 0 <= a && a < b && b <= textLength).map(([a, b]) => [a, b]);
  return { ...fact, evidence: { stage: evidence.stage || 'extract', rule: evidence.rule || 'rule', spans } };
}

/** A bundle key from a name: the folded slug, ASCII only, never empty. */
export function keyOf(name: string, fallback = 'x'): string {
  const s = slugify(name.replace(/['’ʼ]/g, ''))
    .replace(/[^a-z0-9-]+/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80)
    .replace(/-$/, '');
  return s || fallback;
}

const ORG_KINDS = new Set<string>(ORGANISATION_KINDS);
const PLACE_KIND_SET = new Set<string>(PLACE_KINDS);

export function toBundle(doc: Doc): ArticleBundle {
  const headline = doc.text.slice(0, Math.max(0, doc.bodyStart - 1));
  textLength = doc.text.length;
  const body = doc.text.slice(doc.bodyStart);
  const used = new Set<string>();
  const unique = (base: string) => {
    let k = base;
    for (let i = 2; used.has(k); i++) k = `${base}-${i}`;
    used.add(k);
    return k;
  };
  // Places first, then organisations, then people: a country place keeps the plain slug.
  const order = { place: 0, organisation: 1, person: 2 } as const;
  const entities = [...doc.entities].sort((a, b) => order[a.type] - order[b.type]);
  const keys = new Map<string, string>();
  for (const e of entities) keys.set(e.id, unique(keyOf(e.name, e.type)));
  const byId = new Map(doc.entities.map((e) => [e.id, e]));
  const keyOfId = (id: string | undefined, type?: EntityDraft['type'], kind?: string) => {
    if (!id) return undefined;
    const e = byId.get(id);
    if (!e || (type && e.type !== type) || (kind && e.kind !== kind)) return undefined;
    return keys.get(id);
  };

  const aliasesOf = (e: EntityDraft) => {
    const seen = new Set([e.name.toLowerCase()]);
    const out: string[] = [];
    for (const a of e.aliases) {
      const t = a.trim();
      if (!t || !/[\p{L}\p{N}]/u.test(t) || seen.has(t.toLowerCase())) continue;
      seen.add(t.toLowerCase());
      out.push(t);
    }
    return out;
  };
  // What every entity carries: key, names, and rel and relevance as the entities stage scored
  // them (an entity never named in the text, with no rel, is not linked to the article).
  const named = (e: EntityDraft): { key: string; name: string; aliases: string[]; sameAs: string[]; rel?: MentionRel; relevance?: number } => ({
    key: keys.get(e.id)!,
    name: e.name,
    aliases: aliasesOf(e),
    sameAs: [],
    ...(e.rel ? { rel: e.rel, relevance: e.relevance } : {}),
  });

  const places = doc.entities
    .filter((e) => e.type === 'place')
    .map((e) => {
      const kind = (e.kind && PLACE_KIND_SET.has(e.kind) ? e.kind : 'OTHER') as PlaceKind;
      const country = kind !== 'COUNTRY' ? keyOfId(e.country, 'place', 'COUNTRY') : undefined;
      return withEvidence(
        {
          ...named(e),
          kind,
          ...(country && country !== keys.get(e.id) ? { country } : {}),
          ...(kind === 'COUNTRY' && e.iso3166 && /^[A-Z]{2}$/.test(e.iso3166) ? { iso3166: e.iso3166 } : {}),
        },
        e.evidence,
      );
    });
  const organisations = doc.entities
    .filter((e) => e.type === 'organisation')
    .map((e) => {
      const country = keyOfId(e.country, 'place', 'COUNTRY');
      return withEvidence(
        {
          ...named(e),
          kind: (e.kind && ORG_KINDS.has(e.kind) ? e.kind : 'OTHER') as OrganisationKind,
          ...(e.acronym?.trim() ? { acronym: e.acronym.trim() } : {}),
          ...(country ? { country } : {}),
        },
        e.evidence,
      );
    });
  const people = doc.entities
    .filter((e) => e.type === 'person')
    .map((e) => {
      const nationality = keyOfId(e.country, 'place', 'COUNTRY') ?? e.roles.map((r) => keyOfId(r.country, 'place', 'COUNTRY')).find(Boolean);
      const roles: Array<{ title: string; organisation?: string }> = [];
      for (const r of e.roles) {
        const title = r.title.trim();
        if (!title) continue;
        const organisation = keyOfId(r.organisation, 'organisation');
        if (roles.some((x) => x.title === title && x.organisation === organisation)) continue;
        roles.push({ title, ...(organisation ? { organisation } : {}) });
      }
      return withEvidence(
        { ...named(e), ...(nationality ? { nationality } : {}), roles },
        e.evidence,
      );
    });

  const engagementKeys = new Map<string, string>();
  const engagements = doc.engagements.flatMap((g) => {
    const participants: Array<{ actor: string; role: (typeof g.participants)[number]['role'] }> = [];
    for (const p of g.participants) {
      const e = byId.get(p.entity);
      const actor = e && e.type !== 'place' ? keys.get(e.id) : undefined;
      if (!actor || participants.some((x) => x.actor === actor)) continue;
      participants.push({ actor, role: p.role });
    }
    if (!participants.length) return [];
    const first = byId.get(g.participants.find((p) => keys.has(p.entity))?.entity ?? '')?.name ?? 'engagement';
    const key = unique(keyOf(`${first} ${g.kind.toLowerCase()}`, 'engagement'));
    engagementKeys.set(g.id, key);
    const place = keyOfId(g.place, 'place');
    const date = g.date && readableDate(g.date.text, doc.referenceDate) ? { text: g.date.text } : undefined;
    return [
      withEvidence(
        {
          key,
          kind: g.kind,
          cameo: g.cameo,
          summary: g.summary.trim() || `${g.kind.toLowerCase()} (${first})`,
          status: g.status,
          ...(date ? { date } : {}),
          ...(place ? { place } : {}),
          participants,
        },
        g.evidence,
      ),
    ];
  });

  const quotes = doc.quotes.flatMap((q) => {
    const speaker = keyOfId(q.speaker);
    if (!speaker || byId.get(q.speaker)?.type === 'place' || !doc.text.includes(q.text) || !/[\p{L}\p{N}]/u.test(q.text)) return [];
    const engagement = q.engagement ? engagementKeys.get(q.engagement) : undefined;
    return [withEvidence({ text: q.text, speaker, ...(engagement ? { engagement } : {}) }, q.evidence)];
  });
  const figures = doc.figures
    .filter((f) => f.value && f.text.trim())
    .map((f) =>
      withEvidence(
        {
          text: f.text,
          value: f.value,
          ...(f.currency && /^[A-Z]{3}$/.test(f.currency) ? { currency: f.currency } : {}),
          ...(f.unit?.trim() ? { unit: f.unit.trim() } : {}),
          ...(f.metric?.trim() ? { metric: f.metric.trim() } : {}),
        },
        f.evidence,
      ),
    );

  const datelinePlace = doc.dateline?.place ? keyOfId(doc.dateline.place, 'place') : undefined;
  const ninjsEntity = (list: Array<{ key: string; name: string; rel?: MentionRel }>) =>
    list.filter((e) => e.rel).map((e) => ({ name: e.name, rel: e.rel, literal: e.key }));
  const uri = doc.input.uri?.trim() || `urn:newsgraph:article:${keyOf(headline, 'article')}`;
  const published = doc.input.published?.trim();

  const bundle = {
    ninjs: {
      uri,
      standard: { name: 'ninjs', version: '3.1', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#' },
      type: 'text',
      language: 'en',
      ...(published ? { firstCreated: published } : {}),
      ...(doc.dateline?.text ? { located: doc.dateline.text } : {}),
      headlines: [{ role: 'main', value: headline }],
      bodies: [{ role: 'main', contentType: 'text/plain', value: body }],
      people: ninjsEntity(people),
      organisations: ninjsEntity(organisations),
      places: ninjsEntity(places),
      events: engagements.map((g, i) => ({ name: g.summary, rel: i === 0 ? 'about' : 'mentions', literal: g.key })),
    },
    annotations: {
      ...(doc.referenceDate ? { referenceDate: doc.referenceDate } : {}),
      ...(doc.dateline?.text ? { dateline: { text: doc.dateline.text, ...(datelinePlace ? { place: datelinePlace } : {}) } } : {}),
      people,
      organisations,
      places,
      engagements,
      quotes,
      figures,
      ...(EMITS_EXTRACTOR ? { extractor: { ...EXTRACTOR } } : {}),
    },
  };
  return bundle as ArticleBundle;
}
