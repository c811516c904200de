/**
 * The article bundle: what Newsgraph ingests.
 *
 *   { ninjs: <IPTC ninjs 3.1 item>, annotations?: { referenceDate?, dateline?, people[],
 *     organisations[], places[], engagements[], quotes[], figures[] } }
 *
 * `ninjs` is a news item per the IPTC ninjs 3.1 schema (uri, headlines, bodies, language,
 * located, people/organisations/places/events with `rel`). `annotations` carries what ninjs
 * cannot: aliases, roles, engagements with participants (CAMEO 1.1b3 codes), partial dates
 * (EDTF, ISO 8601-2), quotes and figures; from an extractor, its name and version and each
 * fact's `evidence` (stage, rule, offsets). Entities have a bundle-local `key`; a ninjs entity
 * whose `literal` equals a key is the same entity. Engagements, quotes and roles refer to
 * entities by key.
 *
 * A plain ninjs item (3.1 camelCase or 2.2 lower-case, no annotations) is accepted too: see
 * `normaliseInput` in ./normalise.ts.
 */
import * as z from 'zod/mini';
import { canonicalDecimal, decimalFromNumber } from '../domain/decimal.ts';
import { isIsoDateTime, isIsoDay } from '../domain/iso-date.ts';
import en from 'zod/v4/locales/en.js';
import {
  DATE_PRECISIONS,
  ENGAGEMENT_KINDS,
  ENGAGEMENT_STATUSES,
  MENTION_RELS,
  ORGANISATION_KINDS,
  PARTICIPANT_ROLES,
  PLACE_KINDS,
} from '../db/schema.ts';

// zod/mini (the functional API of zod 4) so the Worker bundles only the schema kinds and checks
// used here. Unlike `zod`, it registers no locale by itself: English messages ("Invalid input:
// expected string, received number", "Unrecognized key: ...") as before.
z.config(en());

const isoDay = z.string().check(z.refine(isIsoDay, 'expected an ISO calendar day YYYY-MM-DD that exists'));
const key = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, 'keys are lower-case letters, digits and hyphens'));
const name = z.string().check(z.trim(), z.minLength(1, 'must not be empty'));
/** A trimmed string with at least one character. */
const nonEmpty = () => z.string().check(z.trim(), z.minLength(1));

/**
 * A date as the source gives it. `text` alone ("late October", "on Monday") is resolved
 * against the bundle's reference date when there is one; `edtf` (ISO 8601-2) gives the
 * bounds directly; `earliest`/`latest` override both. Nothing known → precision UNKNOWN.
 */
export const partialDateInput = z.strictObject({
  text: z.optional(nonEmpty()),
  edtf: z.optional(nonEmpty()),
  precision: z.optional(z.enum(DATE_PRECISIONS)),
  earliest: z.optional(isoDay),
  latest: z.optional(isoDay),
});
export type PartialDateInput = z.infer<typeof partialDateInput>;

/**
 * Why an extractor put a fact in the bundle: the stage and rule that made it, and where the
 * fact is printed, as [start, end) UTF-16 offsets (JavaScript string indices) into the printed
 * text: the headline, "\n", the body (`printedText`, ./validate.ts). Validation checks
 * 0 ≤ start < end ≤ the text's length.
 */
export const evidenceInput = z.strictObject({
  stage: nonEmpty(),
  rule: nonEmpty(),
  spans: z.array(z.tuple([z.int().check(z.gte(0)), z.int().check(z.gte(0))])),
});
export type EvidenceInput = z.infer<typeof evidenceInput>;

/** The machine that made a bundle (absent: made by hand). */
export const extractorInput = z.strictObject({ name: nonEmpty(), version: nonEmpty() });

const entityBase = {
  key,
  name,
  aliases: z._default(z.array(name), []),
  /** External identifiers as URIs (Wikidata, GeoNames, ...). */
  sameAs: z._default(z.array(z.url()), []),
  /** ninjs rel; absent → the entity is annotated but not linked to the article. */
  rel: z.optional(z.enum(MENTION_RELS)),
  /** 0..1, higher is more central to the article. */
  relevance: z.optional(z.number().check(z.gte(0), z.lte(1))),
  evidence: z.optional(evidenceInput),
};

export const placeInput = z.strictObject({
  ...entityBase,
  kind: z.enum(PLACE_KINDS),
  /** Key of the country place a city or region lies in. */
  country: z.optional(key),
  /** ISO 3166-1 alpha-2, countries only. */
  iso3166: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/))),
});

export const organisationInput = z.strictObject({
  ...entityBase,
  kind: z.enum(ORGANISATION_KINDS),
  acronym: z.optional(nonEmpty()),
  country: z.optional(key),
  parent: z.optional(key),
});

export const roleInput = z.strictObject({
  title: name,
  organisation: z.optional(key),
  started: z.optional(partialDateInput),
  ended: z.optional(partialDateInput),
});

export const personInput = z.strictObject({
  ...entityBase,
  nationality: z.optional(key),
  roles: z._default(z.array(roleInput), []),
});

export const engagementInput = z.strictObject({
  key,
  kind: z.enum(ENGAGEMENT_KINDS),
  /** CAMEO 1.1b3 event code, a string of digits ("042"). */
  cameo: z.string().check(z.regex(/^\d{2,4}$/, 'a CAMEO code is 2 to 4 digits, as a string ("042")')),
  summary: name,
  status: z._default(z.enum(ENGAGEMENT_STATUSES), 'UNKNOWN'),
  date: z.optional(partialDateInput),
  place: z.optional(key),
  participants: z
    .array(z.strictObject({ actor: key, role: z.enum(PARTICIPANT_ROLES) }))
    .check(z.minLength(1, 'an engagement has at least one participant')),
  evidence: z.optional(evidenceInput),
});

export const quoteInput = z.strictObject({
  /** The quoted words exactly as printed (must occur in the body). */
  text: name,
  speaker: z.optional(key),
  engagement: z.optional(key),
  evidence: z.optional(evidenceInput),
});

/** A figure's amount in, its canonical decimal string out (`canonicalDecimal`, `decimalFromNumber`). */
function figureValue() {
  return z.pipe(
    z.union([z.string(), z.number()]),
    z.transform((value: string | number, ctx) => {
      if (typeof value === 'number') {
        const exact = decimalFromNumber(value);
        if (exact.ok) return exact.decimal;
        ctx.issues.push({ code: 'custom', message: exact.message, input: value });
        return z.NEVER;
      }
      const decimal = canonicalDecimal(value);
      if (decimal != null) return decimal;
      ctx.issues.push({ code: 'custom', message: `expected a decimal number, e.g. "17.91" or "9007199254740993", got ${JSON.stringify(value)}`, input: value });
      return z.NEVER;
    }),
  );
}

export const figureInput = z.strictObject({
  /** The figure as printed ("$3 billion"). */
  text: name,
  /**
   * The exact amount (src/domain/decimal.ts): a decimal string ("17.91", "9007199254740993",
   * "3e9") or a JSON number the parser cannot have rounded (a safe integer, or at most 15
   * significant digits); anything else is refused, never rounded. Parsed to the canonical
   * decimal string.
   */
  value: figureValue(),
  /** ISO 4217 code. */
  currency: z.optional(z.string().check(z.regex(/^[A-Z]{3}$/))),
  unit: z.optional(nonEmpty()),
  metric: z.optional(nonEmpty()),
  evidence: z.optional(evidenceInput),
});

export const annotationsInput = z.strictObject({
  /** Set by an extractor: its name and version. The bundle is then machine-made. */
  extractor: z.optional(extractorInput),
  /** The day relative dates ("on Monday") resolve against; defaults to the publication day. */
  referenceDate: z.optional(isoDay),
  /** The dateline as printed and the place key it names. */
  dateline: z.optional(z.strictObject({ text: name, place: z.optional(key) })),
  people: z._default(z.array(personInput), []),
  organisations: z._default(z.array(organisationInput), []),
  places: z._default(z.array(placeInput), []),
  engagements: z._default(z.array(engagementInput), []),
  quotes: z._default(z.array(quoteInput), []),
  // prefault: the default is input, so the JSON Schema (io: input) keeps it past the value's transform.
  figures: z.prefault(z.array(figureInput), []),
});

const ninjsEntity = z.looseObject({
  name: z.optional(z.string()),
  rel: z.optional(z.string()),
  uri: z.optional(z.string()),
  literal: z.optional(z.string()),
});

/** An absolute URI (RFC 3986 scheme, then anything but white space): `http://...`, `urn:...`, `tag:...`. */
const absoluteUri = z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/, 'expected an absolute URI (e.g. https://... or urn:...)'));
/** ninjs date-times: RFC 3339 / ISO 8601 with a time zone; anything Date.parse rejects is refused. */
const dateTime = z
  .string()
  .check(
    z.refine((s) => isIsoDateTime(s, 'required'), 'expected an ISO 8601 date-time of a real day, e.g. 2025-11-24T09:30:00Z'),
  );

/**
 * The parts of a ninjs 3.1 item Newsgraph reads. Other ninjs properties pass through and are
 * kept (see `articles.ninjs_extra`); full validation against the IPTC JSON Schema is the
 * export tests' job.
 */
export const ninjsItemInput = z.looseObject({
  uri: absoluteUri,
  type: z.optional(z.string()),
  version: z.optional(z.string()),
  versionCreated: z.optional(dateTime),
  firstCreated: z.optional(dateTime),
  contentCreated: z.optional(dateTime),
  title: z.optional(z.string()),
  language: z.optional(z.string()),
  slugline: z.optional(z.string()),
  by: z.optional(z.string()),
  located: z.optional(z.string()),
  headlines: z.optional(z.array(z.looseObject({ value: z.string(), role: z.optional(z.string()) }))),
  bodies: z.optional(z.array(z.looseObject({ value: z.string(), role: z.optional(z.string()), contentType: z.optional(z.string()) }))),
  people: z.optional(z.array(ninjsEntity)),
  organisations: z.optional(z.array(ninjsEntity)),
  places: z.optional(z.array(ninjsEntity)),
  events: z.optional(z.array(ninjsEntity)),
});
export type NinjsItem = z.infer<typeof ninjsItemInput>;

export const articleBundle = z.strictObject({
  ninjs: ninjsItemInput,
  annotations: z.prefault(annotationsInput, {
    people: [],
    organisations: [],
    places: [],
    engagements: [],
    quotes: [],
    figures: [],
  }),
});

export type ArticleBundle = z.infer<typeof articleBundle>;
export type PersonInput = z.infer<typeof personInput>;
export type OrganisationInput = z.infer<typeof organisationInput>;
export type PlaceInput = z.infer<typeof placeInput>;
export type EngagementInput = z.infer<typeof engagementInput>;
