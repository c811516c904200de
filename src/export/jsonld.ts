/**
 * schema.org JSON-LD: an article as a `NewsArticle`, and single entities (for the entity
 * routes). Pure functions over loaded rows (see ./select.ts).
 *
 * NewsArticle: `@id`/`url` (Newsgraph's own URI of the article), `identifier` (the ninjs uri),
 * `headline`, `articleBody`, `inLanguage`, `version`, `datePublished` (when known),
 * `dateline` (as printed), `contentLocation` (the dateline place), `creditText` (the byline),
 * `about` (entities linked with rel about, and the engagements the article reports, as
 * `Event`s) and `mentions` (entities linked with rel mentions). Entities carry their own URI as
 * `@id` and external identifiers (Wikidata ...) as `sameAs`.
 *
 * Event: `name` (the summary), `startDate`/`endDate` only when the day is known (precision
 * DAY), `location`, `attendee` (every participant), `organizer` (hosts), `eventStatus`
 * (EventScheduled for a planned one).
 */
import { storedPartialDate } from '../db/partial-date-columns.ts';
import type { OrganisationKind, PlaceKind } from '../db/schema.ts';
import type { ExportArticle, ExportEngagement, ExportOrganisation, ExportPerson, ExportPlace } from './select.ts';
import { entityUri } from './uris.ts';

type JsonLd = Record<string, unknown>;

const PLACE_TYPES: Record<PlaceKind, string> = { CITY: 'City', COUNTRY: 'Country', REGION: 'AdministrativeArea', OTHER: 'Place' };
const GOVERNMENT: OrganisationKind[] = ['STATE', 'GOVERNMENT_BODY', 'MINISTRY', 'LEGISLATURE', 'EMBASSY', 'MILITARY'];

function organisationType(kind: OrganisationKind): string {
  if (GOVERNMENT.includes(kind)) return 'GovernmentOrganization';
  if (kind === 'COMPANY') return 'Corporation';
  if (kind === 'MEDIA') return 'NewsMediaOrganization';
  return 'Organization';
}

const sameAsOf = (e: { sameAs: { uri: string }[] }) => (e.sameAs.length ? { sameAs: e.sameAs.map((s) => s.uri) } : {});

export function personJsonLd(p: ExportPerson, base: string): JsonLd {
  return { '@type': 'Person', '@id': entityUri(base, 'person', p.slug), name: p.name, ...sameAsOf(p) };
}

export function organisationJsonLd(o: ExportOrganisation, base: string): JsonLd {
  return {
    '@type': organisationType(o.kind),
    '@id': entityUri(base, 'organisation', o.slug),
    name: o.name,
    ...(o.acronym ? { alternateName: o.acronym } : {}),
    ...sameAsOf(o),
  };
}

export function placeJsonLd(p: ExportPlace, base: string): JsonLd {
  return {
    '@type': PLACE_TYPES[p.kind],
    '@id': entityUri(base, 'place', p.slug),
    name: p.name,
    ...(p.iso3166 ? { identifier: p.iso3166 } : {}),
    ...sameAsOf(p),
  };
}

export function engagementJsonLd(e: ExportEngagement, base: string): JsonLd {
  const date = storedPartialDate(e, 'date');
  const day = date?.precision === 'DAY' && date.earliest && date.earliest === date.latest ? date.earliest : null;
  const actor = (p: ExportEngagement['participants'][number]) =>
    p.person ? personJsonLd(p.person, base) : p.organisation ? organisationJsonLd(p.organisation, base) : null;
  const attendees = e.participants.map(actor).filter((x): x is JsonLd => x !== null);
  const hosts = e.participants.filter((p) => p.role === 'HOST').map(actor).filter((x): x is JsonLd => x !== null);
  return {
    '@type': 'Event',
    '@id': entityUri(base, 'engagement', e.id),
    name: e.summary,
    ...(day ? { startDate: day, endDate: day } : {}),
    ...(e.status === 'PLANNED' ? { eventStatus: 'https://schema.org/EventScheduled' } : {}),
    ...(e.place ? { location: placeJsonLd(e.place, base) } : {}),
    ...(attendees.length ? { attendee: attendees } : {}),
    ...(hosts.length ? { organizer: hosts } : {}),
  };
}

/** The article as schema.org NewsArticle JSON-LD. @param base public base URL (see ./uris.ts) */
export function articleToJsonLd(a: ExportArticle, base: string): JsonLd {
  const linked = [
    ...a.personLinks.map((l) => ({ rel: l.rel, node: personJsonLd(l.person, base) })),
    ...a.organisationLinks.map((l) => ({ rel: l.rel, node: organisationJsonLd(l.organisation, base) })),
    ...a.placeLinks.map((l) => ({ rel: l.rel, node: placeJsonLd(l.place, base) })),
  ];
  const about = [...linked.filter((l) => l.rel === 'about').map((l) => l.node), ...a.engagements.map((e) => engagementJsonLd(e, base))];
  const mentions = linked.filter((l) => l.rel === 'mentions').map((l) => l.node);
  const url = entityUri(base, 'article', a.slug);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': url,
    url,
    identifier: a.uri,
    headline: a.headline,
    ...(a.body ? { articleBody: a.body } : {}),
    inLanguage: a.language,
    version: String(a.version),
    ...(a.publishedAt ? { datePublished: a.publishedAt } : {}),
    ...(a.datelineText ? { dateline: a.datelineText } : {}),
    ...(a.dateline ? { contentLocation: placeJsonLd(a.dateline, base) } : {}),
    ...(a.byline ? { creditText: a.byline } : {}),
    ...(about.length ? { about } : {}),
    ...(mentions.length ? { mentions } : {}),
  };
}
