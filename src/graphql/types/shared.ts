/**
 * Pieces several type modules share: root lookups by id or slug, orderings as keyset-safe
 * Drizzle `orderBy` + `extras`, and the connection types front ends rely on by name.
 */
import { decodeBase64, decodeCursorChunk, encodeBase64 } from '@pothos/core';
import { getSchemaConfig } from '@pothos/plugin-drizzle';
import { getTableName, relationsFilterToSQL, sql, type SQL } from 'drizzle-orm';
import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { dateAscKey, dateDescKey, publishedAscKey, publishedDescKey } from '../../db/sort-keys.ts';
import { foldName } from '../../domain/fold.ts';
import { builder, type BuilderTypes } from '../builder.ts';
import { badInput, codedError } from '../errors.ts';
import { decodeId } from '../ids.ts';

/** Arguments of `Query.person` / `organisation` / `place` (and `article` adds `uri`). */
export const lookupArgs = builder.args((t) => ({
  id: t.id({ required: false }),
  slug: t.string({ required: false }),
}));

/**
 * `where` for a lookup by global id or slug; exactly one must be given.
 * @returns null when the id is of another type (the answer is then `null`, not an error)
 * @throws GraphQLError BAD_USER_INPUT when neither or both are given, or the id is malformed
 */
export function lookupWhere(
  typename: string,
  args: { id?: string | number | null; slug?: string | null; uri?: string | null },
): { id?: number; slug?: string; uri?: string } | null {
  const given = [args.id, args.slug, args.uri].filter((v) => v !== null && v !== undefined);
  if (given.length !== 1) throw badInput(`give exactly one of ${args.uri === undefined ? 'id or slug' : 'id, slug or uri'}`);
  if (args.slug != null) return { slug: args.slug };
  if (args.uri != null) return { uri: args.uri };
  try {
    return { id: decodeId(String(args.id), [typename], 'id').id };
  } catch (e) {
    // A well-formed id of another type names nothing here.
    if (/^[A-Za-z0-9+/=]+$/.test(String(args.id))) {
      const text = Buffer.from(String(args.id), 'base64').toString('utf8');
      if (/^[A-Z][A-Za-z]+:\d+$/.test(text)) return null;
    }
    throw e;
  }
}

/** The name orderings of people, organisations and places: name, then id so ties never skip. */
export function nameOrder(order: 'NAME_ASC' | 'NAME_DESC' | null | undefined) {
  const dir = order === 'NAME_DESC' ? 'desc' : 'asc';
  return { orderBy: { name: dir, id: dir } } as const;
}

/**
 * The through table's alias in a Drizzle relational query (drizzle-orm 1.0 rc: a relation's
 * target at depth n is aliased `d<n>`, its through table `tr<n-1>`), from the target's alias.
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
 * `publishedDescKey` / `publishedAscKey` (src/db/sort-keys.ts, indexed), id breaks ties.
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
 * Count the rows a root connection pages over (its filter applied, cursor not): one
 * `select count(*)` statement. Relation connections count inside the main statement instead.
 */
export async function countRows(
  table: { findFirst: (config: { columns: {}; extras: { n: SQL<number> }; where: never }) => PromiseLike<{ n: number } | undefined> },
  where: unknown,
): Promise<number> {
  const row = await table.findFirst({ columns: {}, extras: { n: sql<number>`count(*)` }, where: where as never });
  return Number(row?.n ?? 0);
}

/** The `totalCount` field every connection type has: the size of the filtered set, distinct entities. */
export function totalCountField<Shape>(t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, Shape>) {
  return {
    totalCount: t.int({
      resolve: (c) => {
        // The plugin hands a root connection's count over as a function, called only when asked.
        const total = (c as { totalCount?: number | (() => number | Promise<number>) | null }).totalCount;
        return typeof total === 'function' ? total() : (total ?? 0);
      },
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Cursors
//
// The Drizzle plugin pages with keyset cursors (the ordering's values, ending with a unique
// key) and builds the SQL for them. Its cursors carry values only, so a cursor of one list
// would be read as a position in another list with the same shape (people and places both
// order by name, id). Cursors handed to clients are therefore the plugin's cursor tagged with
// its *cursor space*: the connection's node type and ordering ("Article:PUBLISHED_DESC").
// Arguments are checked and unwrapped before the plugin reads them; edges and pageInfo wrap
// the plugin's cursors on the way out. A malformed, tampered or foreign cursor is
// INVALID_CURSOR; page sizes are checked once, by `pageSizeFor` (src/graphql/limits.ts).

const CURSOR_PREFIX = 'ng1|';

/** The cursor a client sees for the plugin's `inner` cursor in cursor space `space`. */
export function encodeCursor(space: string, inner: string): string {
  return encodeBase64(`${CURSOR_PREFIX}${space}|${inner}`);
}

/** An INVALID_CURSOR error naming the argument. */
export function invalidCursor(argument: string, why: string) {
  return codedError('INVALID_CURSOR', `"${argument}" is not a cursor of this list: ${why}`, { argument });
}

/**
 * The plugin's cursor inside a client cursor of `space`.
 * @throws GraphQLError INVALID_CURSOR when malformed, tampered with, or from another list or ordering
 */
export function decodeCursor(space: string, cursor: string, argument: string): string {
  let text: string;
  try {
    text = decodeBase64(cursor);
  } catch {
    throw invalidCursor(argument, 'not a cursor this API issued');
  }
  if (!text.startsWith(CURSOR_PREFIX)) throw invalidCursor(argument, 'not a cursor this API issued');
  const rest = text.slice(CURSOR_PREFIX.length);
  const bar = rest.indexOf('|', rest.indexOf(':'));
  const cursorSpace = bar === -1 ? '' : rest.slice(0, bar);
  if (cursorSpace !== space) throw invalidCursor(argument, `it belongs to another list or ordering (${cursorSpace || 'unknown'}, this is ${space})`);
  const inner = rest.slice(bar + 1);
  if (!innerCursorIsValid(inner)) throw invalidCursor(argument, 'its content is damaged');
  return inner;
}

/** A plugin cursor: base64 of "DC:" + a tagged chunk holding strings and numbers only. */
function innerCursorIsValid(inner: string): boolean {
  try {
    const decoded = decodeBase64(inner);
    if (!decoded.startsWith('DC:')) return false;
    const value = decodeCursorChunk(decoded.slice(3));
    const values = Array.isArray(value) ? value : [value];
    return values.length > 0 && values.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)));
  } catch {
    return false;
  }
}

/** Connection arguments as every connection field receives them. */
export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
  orderBy?: string | null;
}

const prepared = new WeakSet<object>();

/**
 * Check a connection's arguments and replace `after`/`before` by the plugin's cursors, in place
 * (the plugin reads the same object afterwards). Idempotent per arguments object.
 * @throws GraphQLError BAD_USER_INPUT for `first` with `last`; INVALID_CURSOR for a bad cursor
 */
export function prepareConnectionArgs(args: ConnectionArgs, space: string): void {
  if (prepared.has(args)) return;
  if (args.first != null && args.last != null) throw badInput('give "first" or "last", not both', 'last');
  if (args.after != null) args.after = decodeCursor(space, args.after, 'after');
  if (args.before != null) args.before = decodeCursor(space, args.before, 'before');
  prepared.add(args);
}

/** A connection result as the plugin (or a resolver here) builds it. */
interface ConnectionShape {
  args?: ConnectionArgs;
  totalCount?: number | (() => number | Promise<number>) | null;
  pageInfo: { startCursor: string | null; endCursor: string | null; hasNextPage: boolean; hasPreviousPage: boolean };
}

/**
 * The cursor space of a kind of connection: its node type and ordering. Gives the fields its
 * connection and edge types need (`totalCount`, and `pageInfo` / `cursor` with tagged cursors)
 * and `prepare` for its resolvers.
 * @param name the node type ("Article")
 * @param defaultOrder the ordering when `orderBy` is not given (or the only one)
 */
export function cursorSpace(name: string, defaultOrder: string) {
  const space = (args: ConnectionArgs | undefined) => `${name}:${args?.orderBy ?? defaultOrder}`;
  return {
    space,
    prepare: (args: ConnectionArgs) => prepareConnectionArgs(args, space(args)),
    connectionFields: <Shape>(t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, Shape>) => ({
      ...totalCountField(t),
      pageInfo: t.field({
        type: builder.pageInfoRef(),
        resolve: (c) => {
          const { pageInfo, args } = c as unknown as ConnectionShape;
          const wrap = (cursor: string | null) => (cursor == null ? null : encodeCursor(space(args), cursor));
          return { ...pageInfo, startCursor: wrap(pageInfo.startCursor), endCursor: wrap(pageInfo.endCursor) };
        },
      }),
    }),
    edgeFields: <Shape>(t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, Shape>) => ({
      cursor: t.string({
        resolve: (e) => {
          const edge = e as unknown as { cursor: string; connection?: { args?: ConnectionArgs } };
          return encodeCursor(space(edge.connection?.args), edge.cursor);
        },
      }),
    }),
  };
}

export const articleCursors = cursorSpace('Article', 'PUBLISHED_DESC');
export const engagementCursors = cursorSpace('Engagement', 'DATE_DESC');
export const personCursors = cursorSpace('Person', 'NAME_ASC');
export const organisationCursors = cursorSpace('Organisation', 'NAME_ASC');
export const placeCursors = cursorSpace('Place', 'NAME_ASC');

// ---------------------------------------------------------------------------------------------
// Root connections: totalCount inside the page's own statement

/** Whether the field `info` resolves selects `name` directly (through fragments too). */
export function selects(info: GraphQLResolveInfo, name: string): boolean {
  const visit = (set: SelectionSetNode | undefined, seen: Set<string>): boolean =>
    !!set?.selections.some((s) => {
      if (s.kind === 'Field') return s.name.value === name;
      if (s.kind === 'InlineFragment') return visit(s.selectionSet, seen);
      if (seen.has(s.name.value)) return false;
      seen.add(s.name.value);
      return visit(info.fragments[s.name.value]?.selectionSet, seen);
    });
  return info.fieldNodes.some((node) => visit(node.selectionSet, new Set()));
}

type RootTable = 'articles' | 'engagements' | 'people' | 'organisations' | 'places';

/** `where` (a relational-query filter on `table`) as SQL over the unaliased table. */
export function whereSql(table: RootTable, where: unknown): SQL | undefined {
  const tables = getSchemaConfig(builder).relations;
  const config = tables[table]!;
  return relationsFilterToSQL(config.table, where as never, config.relations, tables);
}

/** `(select count(*) from <table> where <where>)`: an uncorrelated scalar sub-query, evaluated once. */
export function countSql(table: RootTable, where: unknown): SQL<number> {
  const tables = getSchemaConfig(builder).relations;
  const condition = whereSql(table, where);
  return sql<number>`(select count(*) from ${tables[table]!.table}${condition ? sql` where ${condition}` : sql``})`;
}

const totals = new WeakMap<object, number>();

/**
 * A root connection's page query with the extra `_total`, the size of the filtered set, when the
 * client asked for `totalCount` (one statement for the page and its count). `countWhere`: the
 * set's filter when the page's own `where` is cut to the page; `count`: a cheaper exact count of
 * that set, when there is one.
 */
export function withTotal<Q extends { extras?: object; where?: unknown }>(
  query: Q,
  info: GraphQLResolveInfo,
  table: RootTable,
  countWhere: unknown = query.where,
  count?: SQL<number> | null,
): Q {
  if (!selects(info, 'totalCount')) return query;
  return { ...query, extras: { ...query.extras, _total: () => count ?? countSql(table, countWhere ?? {}) } };
}

/** Remember the `_total` a page query returned, for the connection's totalCount resolver. */
export async function keepTotal<R>(args: object, rows: PromiseLike<R[]> | R[]): Promise<R[]> {
  const list = await rows;
  const first = list[0] as { _total?: unknown } | undefined;
  if (first && first._total !== undefined) totals.set(args, Number(first._total));
  else if (list.length === 0 && !(args as ConnectionArgs).after && !(args as ConnectionArgs).before) totals.set(args, 0);
  return list;
}

/**
 * A root connection's `totalCount`: the count its page query already returned, else (only
 * totalCount asked, or an empty page after a cursor) one `count(*)` statement.
 */
export function rootTotal(args: object, count: () => Promise<number>): Promise<number> | number {
  return totals.get(args) ?? count();
}

// ---------------------------------------------------------------------------------------------
// Name lookups (`query` on people, organisations, places)

/** Longest name query accepted (a name, not a document; SQLite's LIKE pattern limit is far above). */
export const MAX_NAME_QUERY = 256;

/**
 * `where` for a name query: the folded query (foldName) is a prefix of a word of the entity's
 * folded name or of one of its folded aliases ("qal", "baqer qal", "larijani" all find
 * Mohammad Baqer Qalibaf / Ali Larijani). A query with nothing word-like matches nothing.
 */
export function nameQueryWhere(query: string | null | undefined, owner: 'person_id' | 'organisation_id' | 'place_id') {
  if (query == null) return undefined;
  if (query.length > MAX_NAME_QUERY) throw badInput(`query is at most ${MAX_NAME_QUERY} characters`, 'query');
  const folded = foldName(query);
  if (!folded) return { RAW: () => sql`0` };
  const pattern = `% ${folded}%`;
  return {
    RAW: (t: { id: unknown; nameKey: unknown }) =>
      sql`((' ' || ${t.nameKey}) like ${pattern} or exists (select 1 from aliases a where a.${sql.identifier(owner)} = ${t.id} and (' ' || a.name_key) like ${pattern}))`,
  };
}

// ---------------------------------------------------------------------------------------------
// Which parent a nested connection belongs to (for facets over its filtered set)

/** The entity a nested article/engagement connection hangs off. */
export type ParentKind = 'person' | 'organisation' | 'place' | 'article' | 'engagement';

const parentKinds = new WeakMap<object, ParentKind>();

/** Record that the connection with these arguments is nested under a `kind` row. */
export function noteParent(args: object, kind: ParentKind | undefined): void {
  if (kind) parentKinds.set(args, kind);
}

/** The kind of row a connection with these arguments hangs off; undefined for root lists. */
export function parentOf(args: object | undefined): ParentKind | undefined {
  return args ? parentKinds.get(args) : undefined;
}
