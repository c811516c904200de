/**
 * Newsgraph's vocabularies, one home each: the kinds, roles, statuses and precisions that the
 * tables check (src/db/schema.ts), the bundle format validates (src/ingest/bundle.ts), the
 * GraphQL enums expose (src/graphql/types/) and extraction emits (src/extract/).
 * Each is a readonly tuple of its values in upper case (ninjs `rel` in lower case, as ninjs
 * spells it) with its union type beside it. Last, the table of node kinds (`NODE_KINDS`): the
 * GraphQL type, URI path and owner column of each, which the node and id checks, the URIs and
 * entity resolution read rather than spell.
 */

/** ninjs `rel` of an article↔entity link (ninjs 3.1 schema: people/organisations/places[].rel). */
export const MENTION_RELS = ['about', 'mentions'] as const;
export type MentionRel = (typeof MENTION_RELS)[number];

export const PLACE_KINDS = ['CITY', 'COUNTRY', 'REGION', 'OTHER'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export const ORGANISATION_KINDS = [
  'STATE',
  'GOVERNMENT_BODY',
  'MINISTRY',
  'LEGISLATURE',
  'EMBASSY',
  'MILITARY',
  'PARTY',
  'COMPANY',
  'INTERNATIONAL_ORGANISATION',
  'MEDIA',
  'OTHER',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ENGAGEMENT_KINDS = [
  'VISIT',
  'MEETING',
  'TALKS',
  'CALL',
  'AGREEMENT',
  'STATEMENT',
  'DELEGATION',
  'CONFERENCE',
  'CONFLICT',
  'OTHER',
] as const;
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];

export const ENGAGEMENT_STATUSES = ['PLANNED', 'ONGOING', 'COMPLETED', 'UNKNOWN'] as const;
export type EngagementStatus = (typeof ENGAGEMENT_STATUSES)[number];

export const PARTICIPANT_ROLES = ['HOST', 'GUEST', 'PARTICIPANT', 'SPEAKER', 'LEAD', 'TARGET'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export const DATE_PRECISIONS = ['DAY', 'PART_OF_MONTH', 'MONTH', 'SEASON', 'YEAR', 'UNKNOWN'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/**
 * The kinds of record served as Relay nodes, with each one's name wherever it is named:
 * - `typename`: its GraphQL type, also the type a global id carries (src/graphql/ids.ts);
 * - `path`: the segment of its own URI, `<base>/<path>/<slug or id>` (src/export/uris.ts);
 *   quotes have none;
 * - for the named entities (`ENTITY_KINDS`), `ownerColumn` / `ownerField`: the column, and its
 *   Drizzle name, by which aliases, sameAs URIs, article links and participants point at one.
 */
export const NODE_KINDS = {
  article: { typename: 'Article', path: 'articles' },
  person: { typename: 'Person', path: 'people', ownerColumn: 'person_id', ownerField: 'personId' },
  organisation: { typename: 'Organisation', path: 'organisations', ownerColumn: 'organisation_id', ownerField: 'organisationId' },
  place: { typename: 'Place', path: 'places', ownerColumn: 'place_id', ownerField: 'placeId' },
  engagement: { typename: 'Engagement', path: 'engagements' },
  quote: { typename: 'Quote', path: null },
} as const;
export type NodeKind = keyof typeof NODE_KINDS;
export type NodeTypename = (typeof NODE_KINDS)[NodeKind]['typename'];
/** The kinds with a URI of their own. */
export type UriKind = { [K in NodeKind]: (typeof NODE_KINDS)[K]['path'] extends string ? K : never }[NodeKind];

/** The named entities: resolved across articles by name, alias and sameAs, linked to articles with a `rel`. */
export const ENTITY_KINDS = ['person', 'organisation', 'place'] as const satisfies readonly NodeKind[];
export type EntityKind = (typeof ENTITY_KINDS)[number];
export type OwnerField = (typeof NODE_KINDS)[EntityKind]['ownerField'];

/** The entity kind a Drizzle owner field points at: `personId` → `person`. */
export const KIND_OF_OWNER = Object.fromEntries(ENTITY_KINDS.map((k) => [NODE_KINDS[k].ownerField, k])) as Record<OwnerField, EntityKind>;
