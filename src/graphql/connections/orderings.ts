/**
 * Orderings of connections as keyset-safe Drizzle `orderBy` (+ `extras` for computed keys): every
 * ordering ends with a unique key (id) so pages never skip or repeat a row, and the plugin's
 * cursors hold exactly those values. Sort keys come from src/db/sort-keys.ts, the one home of
 * their SQL and unknown-date sentinels, which also indexes the tables.
 *
 * Drizzle detail relied on (drizzle-orm 1.0.0-rc.4; test/query/sql-snapshots.test.ts guards it,
 * `"tr0"."date_desc_key"` in the "person page" entry of test/query/__snapshots__/sql-snapshots.test.ts.snap): in a relational query a relation's target at
 * depth n is aliased `d<n>` and its many-to-many link table `tr<n-1>`, and `getTableName()` of the
 * table a callback receives returns that alias. If the names change, `linkKey` falls back to the
 * entity's own key: answers stay right, only slower.
 */
import { getTableName, sql, type SQL } from 'drizzle-orm';
import { dateAscKey, dateDescKey, publishedAscKey, publishedDescKey } from '../../db/sort-keys.ts';

/** The name orderings of people, organisations and places: name, then id so ties never skip. */
export function nameOrder(order: 'NAME_ASC' | 'NAME_DESC' | null | undefined) {
  const dir = order === 'NAME_DESC' ? 'desc' : 'asc';
  return { orderBy: { name: dir, id: dir } } as const;
}

/**
 * The through table's alias in a Drizzle relational query, from the target's alias.
 * @returns the alias, or null when `target` is not a nested relation's aliased table
 */
function throughAlias(target: unknown): string | null {
  const m = /^d(\d+)$/.exec(getTableName(target as never));
  return m && Number(m[1]) > 0 ? `tr${Number(m[1]) - 1}` : null;
}

/**
 * A sort key read from the link row when the list is walked through a link table that copies
 * it (`via`, src/db/schema.ts `publishedKeys`, `engagementActors`): the index (entity, key, id)
 * then yields the rows in order and the page stops after them. Same value as `own`.
 */
function linkKey(target: unknown, column: string, own: SQL<string>): SQL<string> {
  const through = throughAlias(target);
  return through ? sql<string>`${sql.identifier(through)}.${sql.identifier(column)}` : own;
}

/**
 * Article orderings. Unknown publication dates sort last in both directions: the sort key is
 * `publishedDescKey` / `publishedAscKey` (indexed), id breaks ties.
 * @param via walked through a link table that carries the keys (an entity's or engagement's
 *   articles): the key is read from the link row
 */
export function articleOrder(order: 'PUBLISHED_DESC' | 'PUBLISHED_ASC' | 'HEADLINE_ASC' | null | undefined, via = false): {
  extras?: { publishedKey: (a: { publishedAt: unknown }) => SQL<string> };
  orderBy: Record<string, 'asc' | 'desc'>;
} {
  if (order === 'HEADLINE_ASC') return { orderBy: { headline: 'asc', id: 'asc' } };
  const dir = order === 'PUBLISHED_ASC' ? 'asc' : 'desc';
  const own = (a: { publishedAt: unknown }): SQL<string> =>
    dir === 'asc' ? publishedAscKey(a.publishedAt) : publishedDescKey(a.publishedAt);
  return {
    extras: {
      publishedKey: via
        ? (a: { publishedAt: unknown }) => linkKey(a, dir === 'asc' ? 'published_asc_key' : 'published_desc_key', own(a))
        : own,
    },
    orderBy: { publishedKey: dir, id: dir },
  };
}

/**
 * Engagement orderings by date: DATE_ASC by earliest day, DATE_DESC by latest day; unknown
 * dates last either way; id breaks ties.
 * @param via walked through `engagement_actors` (a person's or organisation's engagements),
 *   which carries the keys: the key is read from the link row
 */
export function engagementOrder(order: 'DATE_DESC' | 'DATE_ASC' | null | undefined, via = false): {
  extras: { dateKey: (e: { dateEarliest: unknown; dateLatest: unknown }) => SQL<string> };
  orderBy: Record<string, 'asc' | 'desc'>;
} {
  const dir = order === 'DATE_ASC' ? 'asc' : 'desc';
  const own = (e: { dateEarliest: unknown; dateLatest: unknown }): SQL<string> =>
    dir === 'asc' ? dateAscKey(e.dateEarliest) : dateDescKey(e.dateLatest);
  return {
    extras: {
      dateKey: via ? (e) => linkKey(e, dir === 'asc' ? 'date_asc_key' : 'date_desc_key', own(e)) : own,
    },
    orderBy: { dateKey: dir, id: dir },
  };
}

/**
 * A column of the link row a many-to-many relation walks through (`tr<n>.<column>`), e.g. an
 * article link's `rel` or `relevance`.
 * @returns the SQL, or SQL `null` when `target` is not a nested relation's aliased table
 */
export function linkColumn(target: unknown, column: string): SQL {
  const through = throughAlias(target);
  return through ? sql`${sql.identifier(through)}.${sql.identifier(column)}` : sql`null`;
}

/**
 * An article link's `rel` and `relevance` as extras (`linkRel`, `linkRelevance`) of rows walked
 * through an article link table: an article's entities, or an entity's articles.
 */
export const linkRowExtras = {
  linkRel: (row: object) => linkColumn(row, 'rel'),
  linkRelevance: (row: object) => linkColumn(row, 'relevance'),
};

/**
 * The ordering of an article's entities (`Article.people` ..., walked through the link table):
 * the link's relevance, highest first and unjudged (null) last, then the entity's id.
 */
export function relevanceOrder() {
  return {
    extras: { rank: (e: object) => sql`coalesce(${linkColumn(e, 'relevance')}, -1)` },
    orderBy: { rank: 'desc', id: 'asc' } as const,
  };
}
