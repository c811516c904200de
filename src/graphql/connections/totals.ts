/**
 * totalCount: the size of a connection's filtered set (cursor not applied), never a statement of
 * its own when it can be part of the page's:
 * - a nested connection (`Person.articles` ...): the Drizzle plugin counts inside the parent's
 *   statement (`relatedConnection` with `totalCount: true`) and hands the connection a number;
 * - an article's link connections (`Article.people` ...): a correlated sub-query beside the
 *   link rows (`linkCount`), put on the connection by `withLinkTotal`;
 * - a root connection (`Query.articles` ...): the page query gets the extra `_total`, an
 *   uncorrelated scalar sub-query (`withTotal`), when the client selected `totalCount`;
 *   `keepTotal` puts it on the connection result. Only an empty page after a cursor (no row to
 *   carry it) counts with a statement of its own (`countRows`).
 *
 * Plugin details relied on (test/query/pagination.test.ts, test/statements.test.ts guard them):
 * - a root connection's `totalCount` option reaches the connection object as a function, called
 *   only by the totalCount field below, so only when selected;
 * - the plugin builds a root connection result from the rows the resolver returns, keeping only
 *   the page's nodes (the row past the page, and with `first: 0` every row, is dropped) and the
 *   arguments object as `args`: the page's `_total` therefore rides on that object
 *   (`keepTotal`), and the totalCount field reads it from the result's `args`;
 * - our totalCount field carries no `pothosDrizzleTotalCount` extension, so the plugin never skips
 *   the resolver for a selection of only totalCount: the page query runs and carries the count.
 */
import { getSchemaConfig } from '@pothos/plugin-drizzle';
import { relationsFilterToSQL, sql, type SQL } from 'drizzle-orm';
import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { builder, type BuilderTypes } from '../builder.ts';

/** A total a connection holds: a number, or (root connections) the plugin's counting function. */
type Total = number | (() => number | Promise<number>) | null | undefined;

/** The page total `keepTotal` put on a root connection's arguments object. */
const PAGE_TOTAL = Symbol('newsgraph.pageTotal');

/** The page total recorded on a connection's arguments, if its page query returned one. */
function pageTotal(args: object | undefined): number | undefined {
  return (args as { [PAGE_TOTAL]?: number } | undefined)?.[PAGE_TOTAL];
}

/** The `totalCount` field every connection type has: the size of the filtered set, distinct entities. */
export function totalCountField<Shape>(t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, Shape>) {
  return {
    totalCount: t.int({
      resolve: (c) => {
        const { totalCount, args } = c as { totalCount?: Total; args?: object };
        if (typeof totalCount !== 'function') return totalCount ?? 0;
        // A root connection: the count its page query returned, else the plugin's function (one statement).
        return pageTotal(args) ?? totalCount();
      },
    }),
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

/** The tables root connections page over. */
export type RootTable = 'articles' | 'engagements' | 'people' | 'organisations' | 'places';

/**
 * `where` (a relational-query filter on `table`) as SQL over the unaliased table. drizzle-orm
 * 1.0 rc: `relationsFilterToSQL` is typed with 2 parameters but takes 4 at run time (the table's
 * relations and all relations), which relation filters need.
 */
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

/**
 * The rows of a root connection's page, with the `_total` its query returned (`withTotal`) put on
 * the connection's arguments object, which the plugin's connection result carries as `args`. An
 * empty page without a cursor is an empty set: its total is 0 without counting.
 */
export async function keepTotal<R>(
  args: { after?: string | null; before?: string | null },
  rows: PromiseLike<R[]> | R[],
): Promise<R[]> {
  const list = await rows;
  const first = list[0] as { _total?: unknown } | undefined;
  const total = first && first._total !== undefined ? Number(first._total) : list.length === 0 && !args.after && !args.before ? 0 : undefined;
  if (total !== undefined) Object.defineProperty(args, PAGE_TOTAL, { value: total, configurable: true });
  return list;
}

/** The article link tables (`Article.people`, `organisations`, `places`). */
export type ArticleLinkTable = 'article_people' | 'article_organisations' | 'article_places';

/**
 * Number of an article's links in a link table (with the rel filter), as a correlated
 * sub-query inside the article's own statement: totalCount costs no extra round trip.
 */
export function linkCount(table: ArticleLinkTable, rel: 'about' | 'mentions' | null | undefined) {
  return (a: { id: unknown }) =>
    sql<number>`(select count(*) from ${sql.identifier(table)} l where l.article_id = ${a.id}${rel ? sql` and l.rel = ${rel}` : sql``})`;
}

/** Attach the counted total to a connection built by a connection helper. */
export function withLinkTotal<C extends object>(connection: C | Promise<C>, total: unknown) {
  return Promise.resolve(connection).then((c) => ({ ...c, totalCount: Number(total ?? 0) }));
}
