/**
 * An article as an IPTC ninjs 3.1 document: a pure function over the loaded row
 * (`ExportArticle`, see ./select.ts).
 *
 * - `uri`, `headlines` (role main), `bodies` (role main, text/plain), `language`, `by`,
 *   `version` (Newsgraph's version counter, as a string), `located` (as given, else the dateline).
 * - `people`, `organisations`, `places`: the linked entities with `rel` (about / mentions),
 *   `name`, `uri` = Newsgraph's own URI of the entity (`<base>/people/<slug>` ..., served as
 *   JSON-LD by src/export/routes.ts, whose `sameAs` lists the external identifiers such as
 *   Wikidata; ninjs has room for one uri, and ours is the one that resolves back), `literal` =
 *   the entity's slug.
 * - `events`: the engagements the article reports (`uri` = `<base>/engagements/<id>`, the name
 *   and rel the source gave them, else the summary and "mentions"), then any ninjs events the
 *   source carried that name no engagement.
 * - Everything else the source item carried that ninjs 3.1 defines (subjects, altIds,
 *   firstCreated, standard ...) is passed through; nothing else is emitted, because a 3.1
 *   document admits no extension properties.
 */
import { ENGAGEMENT_EVENTS_KEY, EXTRA_EVENTS_KEY, type EngagementEvents } from '../db/ninjs-extra.ts';
import type { EntityKind } from '../domain/vocabulary.ts';
import type { ExportArticle } from './select.ts';
import { entityUri } from './uris.ts';

/** Top-level properties of a ninjs 3.1 item (ninjs-schema_3.1.json `$defs.ninjsType.properties`). */
export const NINJS_31_PROPERTIES = new Set([
  'uri', 'type', 'representationType', 'profile', 'version', 'firstCreated', 'versionCreated', 'contentCreated',
  'embargoedUntil', 'pubStatus', 'urgency', 'copyrightHolder', 'copyrightNotice', 'usageTerms', 'edNote', 'language',
  'descriptions', 'bodies', 'headlines', 'people', 'organisations', 'places', 'subjects', 'events', 'eventDetails',
  'plannedCoverage', 'objects', 'infoSources', 'title', 'by', 'slugline', 'located', 'renditions', 'associations',
  'altIds', 'trustIndicators', 'standard', 'genres', 'expires', 'rightsInfo', 'digitalSourceType',
]);

/** The properties built from Newsgraph's own data (never passed through from the source). */
const BUILT = new Set(['uri', 'version', 'language', 'headlines', 'bodies', 'by', 'people', 'organisations', 'places', 'events', 'standard']);

export const NINJS_STANDARD = {
  name: 'ninjs',
  version: '3.1',
  schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#',
} as const;

type NinjsEntity = { name?: string; rel?: string; uri?: string; literal?: string };
export type NinjsDocument = Record<string, unknown> & { uri: string };

/**
 * Build the ninjs 3.1 document of an article.
 * @param base public base URL the entity URIs are made under (see ./uris.ts)
 */
export function articleToNinjs(a: ExportArticle, base: string): NinjsDocument {
  const extra = a.ninjsExtra ?? {};
  const passed = Object.fromEntries(Object.entries(extra).filter(([k]) => NINJS_31_PROPERTIES.has(k) && !BUILT.has(k)));
  const engagementEvents = (extra[ENGAGEMENT_EVENTS_KEY] ?? {}) as EngagementEvents;
  const extraEvents = Array.isArray(extra[EXTRA_EVENTS_KEY]) ? (extra[EXTRA_EVENTS_KEY] as NinjsEntity[]) : [];

  const doc: NinjsDocument = {
    uri: a.uri,
    standard: { ...NINJS_STANDARD },
    type: 'text',
    ...passed,
    version: String(a.version),
    language: a.language,
    headlines: [{ role: 'main', value: a.headline }],
  };
  if (a.body) doc.bodies = [{ role: 'main', contentType: 'text/plain', value: a.body }];
  if (a.byline) doc.by = a.byline;
  if (doc.located === undefined && a.datelineText) doc.located = a.datelineText;

  const entity = (kind: EntityKind, e: { slug: string; name: string }, rel: string): NinjsEntity => ({
    name: e.name,
    rel,
    uri: entityUri(base, kind, e.slug),
    literal: e.slug,
  });
  const people = a.personLinks.map((l) => entity('person', l.person, l.rel));
  const organisations = a.organisationLinks.map((l) => entity('organisation', l.organisation, l.rel));
  const places = a.placeLinks.map((l) => entity('place', l.place, l.rel));
  const events: NinjsEntity[] = [
    ...a.engagements.map((e) => {
      const given = engagementEvents[String(e.id)] ?? {};
      return { name: given.name ?? e.summary, rel: given.rel ?? 'mentions', uri: entityUri(base, 'engagement', e.id) };
    }),
    ...extraEvents,
  ];
  if (people.length) doc.people = people;
  if (organisations.length) doc.organisations = organisations;
  if (places.length) doc.places = places;
  if (events.length) doc.events = events;
  return doc;
}
