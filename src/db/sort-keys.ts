/**
 * The sort keys of articles (publication) and engagements (date), one home for their SQL and
 * their unknown-date sentinels. Unknown sorts last in both directions: descending keys use ''
 * (below every ISO date), ascending keys '9999' for timestamps and '9999-99-99' for days (above
 * every one). The same expressions index the tables (src/db/schema.ts), order and filter the
 * connections (src/graphql/connections/, src/graphql/types/filters.ts) and are copied onto link
 * rows by the triggers of drizzle/*_ordering_keys (SQL written once in migration history;
 * test/ingest/engagement-actors.test.ts checks the trigger text uses these sentinels).
 */
import { sql, type SQL } from 'drizzle-orm';

/** Descending keys of an unknown date or publication time: below every ISO 8601 text. */
export const UNKNOWN_DESC = '';
/** Ascending key of an unknown publication time: above every ISO 8601 timestamp. */
export const UNKNOWN_PUBLISHED_ASC = '9999';
/** Ascending key of an unknown earliest day: above every ISO 8601 calendar day. */
export const UNKNOWN_DAY_ASC = '9999-99-99';

const literal = (value: string) => sql.raw(`'${value}'`);

/** PUBLISHED_DESC key: `coalesce(published_at, '')`. */
export const publishedDescKey = (publishedAt: unknown): SQL<string> => sql<string>`coalesce(${publishedAt}, ${literal(UNKNOWN_DESC)})`;
/** PUBLISHED_ASC key: `coalesce(published_at, '9999')`. */
export const publishedAscKey = (publishedAt: unknown): SQL<string> => sql<string>`coalesce(${publishedAt}, ${literal(UNKNOWN_PUBLISHED_ASC)})`;
/** DATE_DESC key of an engagement: `coalesce(date_latest, '')`. */
export const dateDescKey = (dateLatest: unknown): SQL<string> => sql<string>`coalesce(${dateLatest}, ${literal(UNKNOWN_DESC)})`;
/** DATE_ASC key of an engagement: `coalesce(date_earliest, '9999-99-99')`. */
export const dateAscKey = (dateEarliest: unknown): SQL<string> => sql<string>`coalesce(${dateEarliest}, ${literal(UNKNOWN_DAY_ASC)})`;
/** True where a descending key holds a known date: `key <> ''`. */
export const knownDesc = (key: SQL): SQL<boolean> => sql<boolean>`${key} <> ${literal(UNKNOWN_DESC)}`;
