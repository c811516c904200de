/**
 * The article bundle: what Newsgraph ingests.
 *
 *   { ninjs: <IPTC ninjs 3.1 item>, annotations?: { referenceDate?, dateline?, people[],
 *     organisations[], places[], engagements[], quotes[], figures[] } }
 *
 * `ninjs` is a news item per the IPTC ninjs 3.1 schema (uri, headlines, bodies, language,
 * located, people/organisations/places/events with `rel`). `annotations` carries what ninjs
 * cannot: aliases, roles, engagements with participants (CAMEO 1.1b3 codes), partial dates
 * (EDTF, ISO 8601-2), quotes and figures. Entities have a bundle-local `key`; a ninjs entity
 * whose `literal` equals a key is the same entity. Engagements, quotes and roles refer to
 * entities by key.
 *
 * A plain ninjs item (3.1 camelCase or 2.2 lower-case, no annotations) is accepted too: see
 * `normaliseInput` in ./normalise.ts.
 */
import { z } from 'zod';
import {
  DATE_PRECISIONS,
  ENGAGEMENT_KINDS,
  ENGAGEMENT_STATUSES,
  MENTION_RELS,
  ORGANISATION_KINDS,
  PARTICIPANT_ROLES,
  PLACE_KINDS,
} from '../db/schema.ts';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO calendar day YYYY-MM-DD');
const key = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'keys are lower-case letters, digits and hyphens');
const name = z.string().trim().min(1, 'must not be empty');

/**
 * A date as the source gives it. `text` alone ("late October", "on Monday") is resolved
 * against the bundle's reference date when there is one; `edtf` (ISO 8601-2) gives the
 * bounds directly; `earliest`/`latest` override both. Nothing known → precision UNKNOWN.
 */
export const partialDateInput = z
  .object({
    text: z.string().trim().min(1).optional(),
    edtf: z.string().trim().min(1).optional(),
    precision: z.enum(DATE_PRECISIONS).optional(),
    earliest: isoDay.optional(),
    latest: isoDay.optional(),
  })
  .strict();
export type PartialDateInput = z.infer<typeof partialDateInput>;

const entityBase = {
  key,
  name,
  aliases: z.array(name).default([]),
  /** External identifiers as URIs (Wikidata, GeoNames, ...). */
  sameAs: z.array(z.url()).default([]),
  /** ninjs rel; absent → the entity is annotated but not linked to the article. */
  rel: z.enum(MENTION_RELS).optional(),
  /** 0..1, higher is more central to the article. */
  relevance: z.number().min(0).max(1).optional(),
};

export const placeInput = z
  .object({
    ...entityBase,
    kind: z.enum(PLACE_KINDS),
    /** Key of the country place a city or region lies in. */
    country: key.optional(),
    /** ISO 3166-1 alpha-2, countries only. */
    iso3166: z.string().regex(/^[A-Z]{2}$/).optional(),
  })
  .strict();

export const organisationInput = z
  .object({
    ...entityBase,
    kind: z.enum(ORGANISATION_KINDS),
    acronym: z.string().trim().min(1).optional(),
    country: key.optional(),
    parent: key.optional(),
  })
  .strict();

export const roleInput = z
  .object({
    title: name,
    organisation: key.optional(),
    started: partialDateInput.optional(),
    ended: partialDateInput.optional(),
  })
  .strict();

export const personInput = z
  .object({
    ...entityBase,
    nationality: key.optional(),
    roles: z.array(roleInput).default([]),
  })
  .strict();

export const engagementInput = z
  .object({
    key,
    kind: z.enum(ENGAGEMENT_KINDS),
    /** CAMEO 1.1b3 event code, a string of digits ("042"). */
    cameo: z.string().regex(/^\d{2,4}$/, 'a CAMEO code is 2 to 4 digits, as a string ("042")'),
    summary: name,
    status: z.enum(ENGAGEMENT_STATUSES).default('UNKNOWN'),
    date: partialDateInput.optional(),
    place: key.optional(),
    participants: z
      .array(z.object({ actor: key, role: z.enum(PARTICIPANT_ROLES) }).strict())
      .min(1, 'an engagement has at least one participant'),
  })
  .strict();

export const quoteInput = z
  .object({
    /** The quoted words exactly as printed (must occur in the body). */
    text: name,
    speaker: key.optional(),
    engagement: key.optional(),
  })
  .strict();

export const figureInput = z
  .object({
    /** The figure as printed ("$3 billion"). */
    text: name,
    value: z.number().finite(),
    /** ISO 4217 code. */
    currency: z.string().regex(/^[A-Z]{3}$/).optional(),
    unit: z.string().trim().min(1).optional(),
    metric: z.string().trim().min(1).optional(),
  })
  .strict();

export const annotationsInput = z
  .object({
    /** The day relative dates ("on Monday") resolve against; defaults to the publication day. */
    referenceDate: isoDay.optional(),
    /** The dateline as printed and the place key it names. */
    dateline: z.object({ text: name, place: key.optional() }).strict().optional(),
    people: z.array(personInput).default([]),
    organisations: z.array(organisationInput).default([]),
    places: z.array(placeInput).default([]),
    engagements: z.array(engagementInput).default([]),
    quotes: z.array(quoteInput).default([]),
    figures: z.array(figureInput).default([]),
  })
  .strict();

const ninjsEntity = z
  .object({ name: z.string().optional(), rel: z.string().optional(), uri: z.string().optional(), literal: z.string().optional() })
  .passthrough();

/** An absolute URI (RFC 3986 scheme, then anything but white space): `http://...`, `urn:...`, `tag:...`. */
const absoluteUri = z.string().regex(/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/, 'expected an absolute URI (e.g. https://... or urn:...)');
/** ninjs date-times: RFC 3339 / ISO 8601 with a time zone; anything Date.parse rejects is refused. */
const dateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/, { message: 'expected an ISO 8601 date-time, e.g. 2025-11-24T09:30:00Z', abort: true })
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not a valid date-time');

/**
 * The parts of a ninjs 3.1 item Newsgraph reads. Other ninjs properties pass through and are
 * kept (see `articles.ninjs_extra`); full validation against the IPTC JSON Schema is the
 * export tests' job.
 */
export const ninjsItemInput = z
  .object({
    uri: absoluteUri,
    type: z.string().optional(),
    version: z.string().optional(),
    versionCreated: dateTime.optional(),
    firstCreated: dateTime.optional(),
    contentCreated: dateTime.optional(),
    title: z.string().optional(),
    language: z.string().optional(),
    slugline: z.string().optional(),
    by: z.string().optional(),
    located: z.string().optional(),
    headlines: z.array(z.object({ value: z.string(), role: z.string().optional() }).passthrough()).optional(),
    bodies: z
      .array(z.object({ value: z.string(), role: z.string().optional(), contentType: z.string().optional() }).passthrough())
      .optional(),
    people: z.array(ninjsEntity).optional(),
    organisations: z.array(ninjsEntity).optional(),
    places: z.array(ninjsEntity).optional(),
    events: z.array(ninjsEntity).optional(),
  })
  .passthrough();
export type NinjsItem = z.infer<typeof ninjsItemInput>;

export const articleBundle = z
  .object({
    ninjs: ninjsItemInput,
    annotations: annotationsInput.default({
      people: [],
      organisations: [],
      places: [],
      engagements: [],
      quotes: [],
      figures: [],
    }),
  })
  .strict();

export type ArticleBundle = z.infer<typeof articleBundle>;
export type PersonInput = z.infer<typeof personInput>;
export type OrganisationInput = z.infer<typeof organisationInput>;
export type PlaceInput = z.infer<typeof placeInput>;
export type EngagementInput = z.infer<typeof engagementInput>;
