/**
 * What the JSON column `articles.ninjs_extra` holds: the source item's ninjs properties that
 * have no column of their own (the ninjs export passes those defined by ninjs 3.1 through,
 * src/export/ninjs.ts), and the keys below, which the loader writes (src/ingest/write-article.ts,
 * src/ingest/engagements.ts) and the export reads.
 */

/** The digest of the loaded bundle: a re-load of the same content changes nothing. Never exported. */
export const CONTENT_HASH_KEY = 'contentHash';
/** The ninjs events that name no engagement, exported again as they came. */
export const EXTRA_EVENTS_KEY = 'events';
/** Engagement id → the name and rel the source's ninjs event gave it, exported again. */
export const ENGAGEMENT_EVENTS_KEY = 'engagementEvents';
export type EngagementEvents = Record<string, { name?: string; rel?: string }>;
