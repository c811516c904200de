/**
 * Newsgraph's vocabularies, one home each: the kinds, roles, statuses and precisions that the
 * tables check (src/db/schema.ts), the bundle format validates (src/ingest/bundle.ts), the
 * GraphQL enums expose (src/graphql/types/) and extraction emits (src/extract/).
 * Each is a readonly tuple of its values in upper case (ninjs `rel` in lower case, as ninjs
 * spells it) with its union type beside it.
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
