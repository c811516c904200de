/**
 * Newsgraph's tables (Drizzle, SQLite dialect for libSQL).
 *
 * Conventions, so every column says what it stores:
 * - ids are SQLite integer rowids; the GraphQL layer turns them into Relay global ids;
 * - `*_key` columns hold a name folded by `foldName` (src/domain/fold.ts): the unique keys
 *   entity resolution matches on; `variant_key` holds `variantKey` (src/domain/variant.ts) of the
 *   name, not unique: transliteration variants ("Mohammad" / "Muhammed") share it;
 * - dates are ISO 8601 text: `published_at` a UTC timestamp (`2025-11-24T09:30:00Z`),
 *   partial-date bounds a calendar day (`2025-10-21`);
 * - a partial date is five columns (see `partialDate`): source words, EDTF, precision,
 *   earliest and latest day (EDTF = ISO 8601-2 / Library of Congress Extended Date/Time Format).
 *
 * Every foreign key and every column a filter or ordering reads is indexed.
 */
import { sql } from 'drizzle-orm';
import {
  type AnySQLiteColumn,
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  sqliteView,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';

// The vocabularies (kinds, roles, statuses, precisions) live in src/domain/vocabulary.ts; the
// table checks below are written from them, and they are re-exported for the callers of this module.
export * from '../domain/vocabulary.ts';
import { UNKNOWN_DAY_ASC, UNKNOWN_DESC, UNKNOWN_PUBLISHED_ASC, dateAscKey, dateDescKey, publishedAscKey, publishedDescKey } from './sort-keys.ts';
import {
  DATE_PRECISIONS,
  ENGAGEMENT_KINDS,
  ENGAGEMENT_STATUSES,
  MENTION_RELS,
  NODE_KINDS,
  ORGANISATION_KINDS,
  PARTICIPANT_ROLES,
  PLACE_KINDS,
  type EntityKind,
} from '../domain/vocabulary.ts';

/** SQL list literal for a CHECK constraint over one of the enums above. */
const oneOf = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);

/** Exactly one of the given nullable columns is set (a person OR an organisation ...). */
const exactlyOne = (...columns: string[]) =>
  sql.raw(`(${columns.map((c) => `(${c} is not null)`).join(' + ')}) = 1`);

/**
 * The five columns of a partial date named `prefix` (e.g. `date` → date_text, date_edtf,
 * date_precision, date_earliest, date_latest). Bounds are null when unknown: an unknown date
 * never matches a range filter. ./partial-date-columns.ts writes and reads them.
 */
function partialDate<P extends string>(prefix: P) {
  return {
    [`${prefix}Text`]: text(`${prefix}_text`),
    [`${prefix}Edtf`]: text(`${prefix}_edtf`),
    [`${prefix}Precision`]: text(`${prefix}_precision`, { enum: DATE_PRECISIONS }),
    [`${prefix}Earliest`]: text(`${prefix}_earliest`),
    [`${prefix}Latest`]: text(`${prefix}_latest`),
  } as {
    [K in `${P}Text` | `${P}Edtf` | `${P}Earliest` | `${P}Latest`]: ReturnType<typeof text<string, [string, ...string[]]>>;
  } & { [K in `${P}Precision`]: ReturnType<typeof text<string, typeof DATE_PRECISIONS>> };
}

/** Why an extracted fact is in an article: the stage and rule that made it, and where it is printed. */
export interface Evidence {
  stage: string;
  rule: string;
  /** [start, end) UTF-16 offsets into the article's text, `headline + "\n" + body`. */
  spans: [number, number][];
}

/**
 * `articles.extraction`: the machine that made the article's bundle, and the evidence of its
 * facts. Keys of `evidence`: `person:<id>`, `organisation:<id>`, `place:<id>`,
 * `engagement:<id>` (row ids, rewritten when rows merge: src/ingest/merge.ts), `quote:<position>`,
 * `figure:<position>` (the article's own quotes and figures).
 */
export interface StoredExtraction {
  extractor?: { name: string; version: string };
  evidence: Record<string, Evidence>;
}

/** Places: cities, countries, regions. A country's territory; the state that acts is an organisation. */
export const places = sqliteTable(
  'places',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(),
    /** `variantKey(name)`; null only until `upgradeDatabase` fills rows written before the column existed. */
    variantKey: text('variant_key'),
    kind: text('kind', { enum: PLACE_KINDS }).notNull(),
    /** The country a city or region lies in (null for countries). */
    countryId: integer('country_id').references((): any => places.id, { onDelete: 'restrict' }),
    /** ISO 3166-1 alpha-2, countries only. */
    iso3166: text('iso3166'),
  },
  (t) => [
    uniqueIndex('places_slug_uq').on(t.slug),
    uniqueIndex('places_kind_name_key_uq').on(t.kind, t.nameKey),
    index('places_name_idx').on(t.name, t.id),
    index('places_variant_key_idx').on(t.variantKey),
    index('places_country_idx').on(t.countryId),
    uniqueIndex('places_iso3166_uq').on(t.iso3166),
    check('places_kind_ck', oneOf('kind', PLACE_KINDS)),
  ],
);

/** People named in articles. `name_key` is unique: one person per folded full name. */
export const people = sqliteTable(
  'people',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(),
    /** `variantKey(name)`; null only until `upgradeDatabase` fills rows written before the column existed. */
    variantKey: text('variant_key'),
    nationalityId: integer('nationality_id').references(() => places.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('people_slug_uq').on(t.slug),
    uniqueIndex('people_name_key_uq').on(t.nameKey),
    index('people_name_idx').on(t.name, t.id),
    index('people_variant_key_idx').on(t.variantKey),
    index('people_nationality_idx').on(t.nationalityId),
  ],
);

/** Organisations, including states acting as actors (kind STATE, linked to their country place). */
export const organisations = sqliteTable(
  'organisations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(),
    /** `variantKey(name)`; null only until `upgradeDatabase` fills rows written before the column existed. */
    variantKey: text('variant_key'),
    acronym: text('acronym'),
    kind: text('kind', { enum: ORGANISATION_KINDS }).notNull(),
    countryId: integer('country_id').references(() => places.id, { onDelete: 'set null' }),
    parentId: integer('parent_id').references((): any => organisations.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('organisations_slug_uq').on(t.slug),
    uniqueIndex('organisations_name_key_uq').on(t.nameKey),
    index('organisations_name_idx').on(t.name, t.id),
    index('organisations_variant_key_idx').on(t.variantKey),
    index('organisations_kind_idx').on(t.kind, t.name, t.id),
    index('organisations_country_idx').on(t.countryId),
    index('organisations_parent_idx').on(t.parentId),
    check('organisations_kind_ck', oneOf('kind', ORGANISATION_KINDS)),
  ],
);

/**
 * Other names of a person, organisation or place (surname alone, acronym, transliteration),
 * with their folded key for resolution and prefix lookup. Exactly one owner per row.
 */
export const aliases = sqliteTable(
  'aliases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: integer('person_id').references(() => people.id, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    placeId: integer('place_id').references(() => places.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(),
  },
  (t) => [
    uniqueIndex('aliases_person_uq').on(t.personId, t.nameKey),
    uniqueIndex('aliases_organisation_uq').on(t.organisationId, t.nameKey),
    uniqueIndex('aliases_place_uq').on(t.placeId, t.nameKey),
    index('aliases_name_key_idx').on(t.nameKey),
    check('aliases_owner_ck', exactlyOne('person_id', 'organisation_id', 'place_id')),
  ],
);

/** External identifiers as URIs (Wikidata, GeoNames ...): a URI names exactly one entity. */
export const sameAs = sqliteTable(
  'same_as',
  {
    uri: text('uri').primaryKey(),
    personId: integer('person_id').references(() => people.id, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    placeId: integer('place_id').references(() => places.id, { onDelete: 'cascade' }),
  },
  (t) => [
    index('same_as_person_idx').on(t.personId),
    index('same_as_organisation_idx').on(t.organisationId),
    index('same_as_place_idx').on(t.placeId),
    check('same_as_owner_ck', exactlyOne('person_id', 'organisation_id', 'place_id')),
  ],
);

/** A position a person holds or held: "Secretary" of the SNSC, "Ambassador to Iran" of Pakistan. */
export const roles = sqliteTable(
  'roles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    ...partialDate('started'),
    ...partialDate('ended'),
  },
  (t) => [
    uniqueIndex('roles_person_title_org_uq').on(t.personId, t.title, sql`coalesce(${t.organisationId}, 0)`),
    index('roles_organisation_idx').on(t.organisationId),
  ],
);

/** Articles: one row per ninjs `uri`. `body` is the plain text, paragraphs separated by "\n". */
export const articles = sqliteTable(
  'articles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    uri: text('uri').notNull(),
    slug: text('slug').notNull(),
    headline: text('headline').notNull(),
    body: text('body').notNull(),
    /** BCP 47 language tag. */
    language: text('language').notNull(),
    /** The dateline's words as printed ("TEHRAN"). */
    datelineText: text('dateline_text'),
    datelinePlaceId: integer('dateline_place_id').references(() => places.id, { onDelete: 'set null' }),
    /** ISO 8601 UTC timestamp; null when the source gives no date. */
    publishedAt: text('published_at'),
    /** Date relative expressions resolve against (bundle `referenceDate`), ISO day; null when unknown. */
    referenceDate: text('reference_date'),
    byline: text('byline'),
    /** ninjs `version`, incremented on each re-ingest. */
    version: integer('version').notNull().default(1),
    /** ninjs fields Newsgraph keeps but does not model (subjects, altIds, ...), as JSON text. */
    ninjsExtra: text('ninjs_extra', { mode: 'json' }).$type<Record<string, unknown>>(),
    /**
     * What an extractor recorded about the article's facts, as JSON (`StoredExtraction` above;
     * written by src/ingest/evidence.ts): the extractor's name and version, and per fact the stage,
     * rule and [start, end) UTF-16 offsets into `headline + "\n" + body`. Null when the bundle
     * carried neither.
     */
    extraction: text('extraction', { mode: 'json' }).$type<StoredExtraction>(),
    ingestedAt: text('ingested_at').notNull(),
  },
  (t) => [
    uniqueIndex('articles_uri_uq').on(t.uri),
    uniqueIndex('articles_slug_uq').on(t.slug),
    index('articles_published_idx').on(t.publishedAt, t.id),
    // PUBLISHED_DESC / PUBLISHED_ASC orderings (src/graphql/connections/orderings.ts `articleOrder`): the
    // expressions must stay exactly those of the ordering, unknown dates last either way.
    index('articles_published_desc_idx').on(publishedDescKey(t.publishedAt), t.id),
    index('articles_published_asc_idx').on(publishedAscKey(t.publishedAt), t.id),
    index('articles_headline_idx').on(t.headline, t.id),
    index('articles_dateline_idx').on(t.datelinePlaceId),
  ],
);

/** Columns shared by the three article↔entity link tables (ninjs rel and relevance 0..1). */
const linkColumns = () => ({
  articleId: integer('article_id')
    .notNull()
    .references(() => articles.id, { onDelete: 'cascade' }),
  rel: text('rel', { enum: MENTION_RELS }).notNull(),
  /** 0..1, higher is more central to the article; null when not judged. */
  relevance: real('relevance'),
  ...publishedKeys(),
});

/**
 * The article's publication sort keys, copied onto a link row (by triggers, from
 * `articles.published_at`; drizzle/*_ordering_keys) so an entity's articles come latest or
 * earliest first straight off an index (entity, key, article) and a page stops after its rows,
 * whatever the number of articles the entity has. Same values as the articles' own sort keys
 * (src/graphql/connections/orderings.ts `articleOrder`): unknown dates last both ways.
 */
function publishedKeys() {
  return {
    /** `coalesce(published_at, '')`: PUBLISHED_DESC. */
    publishedDescKey: text('published_desc_key').notNull().default(UNKNOWN_DESC),
    /** `coalesce(published_at, '9999')`: PUBLISHED_ASC. */
    publishedAscKey: text('published_asc_key').notNull().default(UNKNOWN_PUBLISHED_ASC),
  };
}

/**
 * The link table between articles and one kind of entity, `article_<path>` (NODE_KINDS): the link
 * columns above and the entity's owner column, one row per (article, entity). Indexed for the
 * entity's links by rel, and for its articles latest or earliest first (`publishedKeys`).
 */
function articleLinkTable<K extends EntityKind>(kind: K, entityId: () => AnySQLiteColumn) {
  const { path, ownerColumn, ownerField } = NODE_KINDS[kind] as (typeof NODE_KINDS)[K];
  const name = `article_${path}` as `article_${(typeof NODE_KINDS)[K]['path']}`;
  const ownerIdColumn = integer(ownerColumn).notNull().references(entityId, { onDelete: 'cascade' });
  const owner = { [ownerField]: ownerIdColumn } as Record<(typeof NODE_KINDS)[K]['ownerField'], typeof ownerIdColumn>;
  return sqliteTable(name, { ...linkColumns(), ...owner }, (t) => {
    const ownerId = t[ownerField as keyof typeof t] as unknown as AnySQLiteColumn; // the generic key hides its type; the table type outside keeps it
    return [
      primaryKey({ columns: [t.articleId, ownerId] }),
      index(`${name}_${kind}_idx`).on(ownerId, t.rel),
      index(`${name}_${kind}_published_desc_idx`).on(ownerId, t.publishedDescKey, t.articleId),
      index(`${name}_${kind}_published_asc_idx`).on(ownerId, t.publishedAscKey, t.articleId),
      check(`${name}_rel_ck`, oneOf('rel', MENTION_RELS)),
    ];
  });
}

export const articlePeople = articleLinkTable('person', () => people.id);
export const articleOrganisations = articleLinkTable('organisation', () => organisations.id);
export const articlePlaces = articleLinkTable('place', () => places.id);

/**
 * CAMEO event codes (CAMEO 1.1b3 codebook, as used by GDELT): reference data loaded by a
 * migration. `quad_class`: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
 * 4 material conflict. `goldstein`: -10 (conflict) .. +10 (cooperation).
 */
export const cameoCodes = sqliteTable(
  'cameo_codes',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    rootCode: text('root_code').notNull(),
    quadClass: integer('quad_class').notNull(),
    goldstein: real('goldstein').notNull(),
  },
  (t) => [
    index('cameo_codes_root_idx').on(t.rootCode),
    index('cameo_codes_quad_idx').on(t.quadClass),
    check('cameo_codes_quad_ck', sql`quad_class between 1 and 4`),
  ],
);

/**
 * Something that happened between actors. `fingerprint` identifies the same engagement across
 * articles and re-ingests (CAMEO code, participants, place, date), so reporting it twice links
 * the second article instead of duplicating the engagement.
 */
export const engagements = sqliteTable(
  'engagements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fingerprint: text('fingerprint').notNull(),
    kind: text('kind', { enum: ENGAGEMENT_KINDS }).notNull(),
    cameoCode: text('cameo_code')
      .notNull()
      .references(() => cameoCodes.code, { onDelete: 'restrict' }),
    summary: text('summary').notNull(),
    status: text('status', { enum: ENGAGEMENT_STATUSES }).notNull(),
    ...partialDate('date'),
    placeId: integer('place_id').references(() => places.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('engagements_fingerprint_uq').on(t.fingerprint),
    index('engagements_kind_idx').on(t.kind),
    index('engagements_cameo_idx').on(t.cameoCode),
    index('engagements_place_idx').on(t.placeId),
    // DATE_ASC / DATE_DESC orderings (src/graphql/connections/orderings.ts `engagementOrder`): the
    // expressions must stay exactly those of the ordering; unknown dates last, id breaks ties.
    index('engagements_date_asc_idx').on(dateAscKey(t.dateEarliest), t.id),
    index('engagements_date_desc_idx').on(dateDescKey(t.dateLatest), t.id),
    // Date-range overlap filters (earliest <= to AND latest >= from).
    index('engagements_date_earliest_idx').on(t.dateEarliest),
    index('engagements_date_latest_idx').on(t.dateLatest),
    check('engagements_kind_ck', oneOf('kind', ENGAGEMENT_KINDS)),
    check('engagements_status_ck', oneOf('status', ENGAGEMENT_STATUSES)),
  ],
);

/** Who took part in an engagement, and how: a person OR an organisation. */
export const participants = sqliteTable(
  'participants',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    engagementId: integer('engagement_id')
      .notNull()
      .references(() => engagements.id, { onDelete: 'cascade' }),
    personId: integer('person_id').references(() => people.id, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    role: text('role', { enum: PARTICIPANT_ROLES }).notNull(),
  },
  (t) => [
    uniqueIndex('participants_person_uq').on(t.engagementId, t.personId, t.role),
    uniqueIndex('participants_organisation_uq').on(t.engagementId, t.organisationId, t.role),
    index('participants_person_idx').on(t.personId, t.engagementId),
    index('participants_organisation_idx').on(t.organisationId, t.engagementId),
    check('participants_actor_ck', exactlyOne('person_id', 'organisation_id')),
    check('participants_role_ck', oneOf('role', PARTICIPANT_ROLES)),
  ],
);

/**
 * One row per (engagement, actor), whatever the number of roles the actor had in it. Actor →
 * engagement walks (`Person.engagements`, `Organisation.engagements`, facets) go through this
 * table so an actor that was, say, both HOST and SPEAKER lists and counts the engagement once.
 * A table kept by triggers on `participants` (drizzle/*_engagement_actors_table), not a view: the
 * view's per-row de-duplication cost about 20 µs a row, which a hub entity's page paid for each
 * of its hundreds of engagements; the table is an index range.
 */
export const engagementActors = sqliteTable(
  'engagement_actors',
  {
    engagementId: integer('engagement_id')
      .notNull()
      .references(() => engagements.id, { onDelete: 'cascade' }),
    personId: integer('person_id').references(() => people.id, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    /** The engagement's date sort keys, copied by triggers (as `publishedKeys` for articles): `coalesce(date_latest, '')`, DATE_DESC. */
    dateDescKey: text('date_desc_key').notNull().default(UNKNOWN_DESC),
    /** `coalesce(date_earliest, '9999-99-99')`: DATE_ASC. */
    dateAscKey: text('date_asc_key').notNull().default(UNKNOWN_DAY_ASC),
  },
  (t) => [
    index('engagement_actors_person_date_desc_idx').on(t.personId, t.dateDescKey, t.engagementId).where(sql`person_id is not null`),
    index('engagement_actors_person_date_asc_idx').on(t.personId, t.dateAscKey, t.engagementId).where(sql`person_id is not null`),
    index('engagement_actors_organisation_date_desc_idx').on(t.organisationId, t.dateDescKey, t.engagementId).where(sql`organisation_id is not null`),
    index('engagement_actors_organisation_date_asc_idx').on(t.organisationId, t.dateAscKey, t.engagementId).where(sql`organisation_id is not null`),
    uniqueIndex('engagement_actors_person_uq').on(t.personId, t.engagementId).where(sql`person_id is not null`),
    uniqueIndex('engagement_actors_organisation_uq').on(t.organisationId, t.engagementId).where(sql`organisation_id is not null`),
    index('engagement_actors_engagement_idx').on(t.engagementId),
    check('engagement_actors_actor_ck', exactlyOne('person_id', 'organisation_id')),
  ],
);

/**
 * Where an engagement happened, at every level Newsgraph knows: its place, and that place's
 * country. `Place.engagements` walks through it, so a country's page lists what happened in its
 * cities too. Created by a migration (drizzle/*_engagement_places).
 */
export const engagementPlaces = sqliteView('engagement_places', {
  engagementId: integer('engagement_id').notNull(),
  placeId: integer('place_id').notNull(),
}).existing();

/**
 * Co-occurrence of actors: how many engagements two actors share (`engagedWith`). Maintained by
 * triggers on `participants` (a migration), never written by the application. `actor_key` and
 * `other_key` encode the actor (person id × 2, organisation id × 2 + 1) so the pair has a
 * non-null unique key; the nullable id columns are what relations join on.
 */
export const coActors = sqliteTable(
  'co_actors',
  {
    actorKey: integer('actor_key').notNull(),
    otherKey: integer('other_key').notNull(),
    personId: integer('person_id').references(() => people.id, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    otherPersonId: integer('other_person_id').references(() => people.id, { onDelete: 'cascade' }),
    otherOrganisationId: integer('other_organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    /** Engagements the two share (distinct engagements, whatever the roles). Always >= 1. */
    shared: integer('shared').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.actorKey, t.otherKey] }),
    // engagedWith: an actor's partners, most shared first.
    index('co_actors_person_idx').on(t.personId, t.shared, t.otherKey),
    index('co_actors_organisation_idx').on(t.organisationId, t.shared, t.otherKey),
    index('co_actors_other_person_idx').on(t.otherPersonId),
    index('co_actors_other_organisation_idx').on(t.otherOrganisationId),
  ],
);

/** Engagement ↔ article: the articles an engagement was reported in. */
export const engagementArticles = sqliteTable(
  'engagement_articles',
  {
    engagementId: integer('engagement_id')
      .notNull()
      .references(() => engagements.id, { onDelete: 'cascade' }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    ...publishedKeys(),
  },
  (t) => [
    primaryKey({ columns: [t.engagementId, t.articleId] }),
    index('engagement_articles_article_idx').on(t.articleId, t.engagementId),
    index('engagement_articles_published_desc_idx').on(t.engagementId, t.publishedDescKey, t.articleId),
    index('engagement_articles_published_asc_idx').on(t.engagementId, t.publishedAscKey, t.articleId),
  ],
);

/** Quoted words exactly as printed, their speaker (person OR organisation), article and engagement. */
export const quotes = sqliteTable(
  'quotes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    /** Order of the quote in the article, from 0. */
    position: integer('position').notNull(),
    text: text('text').notNull(),
    speakerPersonId: integer('speaker_person_id').references(() => people.id, { onDelete: 'set null' }),
    speakerOrganisationId: integer('speaker_organisation_id').references(() => organisations.id, {
      onDelete: 'set null',
    }),
    engagementId: integer('engagement_id').references(() => engagements.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('quotes_article_position_uq').on(t.articleId, t.position),
    index('quotes_speaker_person_idx').on(t.speakerPersonId),
    index('quotes_speaker_organisation_idx').on(t.speakerOrganisationId),
    index('quotes_engagement_idx').on(t.engagementId),
  ],
);

/** Amounts an article states: "$3 billion" → value "3000000000", currency USD, metric "bilateral trade". */
export const figures = sqliteTable(
  'figures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    /**
     * The exact amount as a canonical decimal string (src/domain/decimal.ts: "3000000000",
     * "17.91", "9007199254740993"; no exponent): TEXT, since a REAL keeps 53 bits and SQLite's
     * JSON functions print it with 15 significant digits.
     */
    value: text('value').notNull(),
    /** ISO 4217 currency code, when a currency amount. */
    currency: text('currency'),
    unit: text('unit'),
    metric: text('metric'),
  },
  (t) => [uniqueIndex('figures_article_position_uq').on(t.articleId, t.position)],
);

/**
 * The full-text index as relational queries read it: one row per document of the FTS5 table
 * `search_fts` (drizzle-kit cannot describe virtual tables; the view is created by a migration,
 * drizzle/*_search_docs). `key` is the document's FTS rowid (`id * 8 + kind`, see
 * src/search/index.ts `docKey`); of the five id columns, the one of the document's kind holds its
 * row id and the others are null, so `Query.search` walks from a ranked document to its row
 * (relations `article`, `person` ...) inside its one statement. `fts` is the FTS5 hidden column:
 * the left operand of MATCH and the first argument of bm25(). A plain view over one table, so
 * SQLite flattens it and MATCH still drives the FTS5 index.
 */
export const searchDocs = sqliteView('search_docs', {
  key: integer('key').notNull(),
  kind: integer('kind').notNull(),
  title: text('title'),
  body: text('body'),
  fts: text('fts'),
  articleId: integer('article_id'),
  personId: integer('person_id'),
  organisationId: integer('organisation_id'),
  placeId: integer('place_id'),
  engagementId: integer('engagement_id'),
}).existing();

/**
 * Pairs of entities of one type that may be one, for editors (`Query.possibleDuplicates`):
 * created by a migration (drizzle/*_possible_duplicates). One row per pair (`a_id` < `b_id`),
 * with the strongest reason found and its score (0..1):
 * - `VARIANT` 0.9: the same variant key (src/domain/variant.ts) but kept apart (for people, full
 *   names only): an ambiguous spelling the loader would not resolve, or rows older than the key;
 * - `SHARED_NAME` 0.8 / 0.4: one's name or alias is the other's name or alias, folded (several
 *   words / one word; for people, one shared word alone, a surname, is no reason);
 * - `SURNAME` 0.5: a person named by a surname alone and a full-named person whose name ends in it.
 * Places pair only when their kinds are compatible (equal, or either OTHER). `type` is PERSON,
 * ORGANISATION or PLACE; of the six id columns, the two of the pair's type are set.
 */
export const possibleDuplicates = sqliteView('possible_duplicates', {
  type: text('type', { enum: ['PERSON', 'ORGANISATION', 'PLACE'] }).notNull(),
  aId: integer('a_id').notNull(),
  bId: integer('b_id').notNull(),
  reason: text('reason', { enum: ['VARIANT', 'SHARED_NAME', 'SURNAME'] }).notNull(),
  score: real('score').notNull(),
  /** The shared key: the variant key, the folded name or alias, or the surname. */
  sharedKey: text('shared_key').notNull(),
  personAId: integer('person_a_id'),
  personBId: integer('person_b_id'),
  organisationAId: integer('organisation_a_id'),
  organisationBId: integer('organisation_b_id'),
  placeAId: integer('place_a_id'),
  placeBId: integer('place_b_id'),
}).existing();

/**
 * Full-text search documents whose folded columns still need writing. The search index is the
 * FTS5 table `search_fts` (a migration: drizzle/*_search_and_co_actors; read through the view
 * `search_docs` above). Triggers keep it in sync with every insert,
 * update and delete; an article or engagement they (re)index gets the source text at once and a
 * row here, and `foldPendingSearchDocs` (src/search/index.ts) adds the `foldName` forms, which
 * SQL cannot compute. `key` is the document's FTS rowid (see src/search/index.ts `docKey`).
 */
export const searchPending = sqliteTable('search_pending', {
  key: integer('key').primaryKey(),
});
