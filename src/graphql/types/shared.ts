/**
 * Pieces several type modules share: root lookups by id or slug, orderings as keyset-safe
 * Drizzle `orderBy` + `extras`, and the connection types front ends rely on by name.
 */
import { sql, type SQL } from 'drizzle-orm';
import { builder } from '../builder.ts';
import { badInput } from '../errors.ts';
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
): { id: number } | { slug: string } | { uri: string } | null {
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
 * Article orderings. Unknown publication dates sort last in both directions: the sort key is
 * `coalesce(published_at, '')` (indexed), id breaks ties.
 */
export function articleOrder(order: 'PUBLISHED_DESC' | 'PUBLISHED_ASC' | 'HEADLINE_ASC' | null | undefined) {
  if (order === 'HEADLINE_ASC') return { orderBy: { headline: 'asc', id: 'asc' } } as const;
  const dir = order === 'PUBLISHED_ASC' ? 'asc' : 'desc';
  return {
    extras: {
      publishedKey: (a: { publishedAt: unknown }): SQL<string> =>
        dir === 'asc' ? sql`coalesce(${a.publishedAt}, '9999')` : sql`coalesce(${a.publishedAt}, '')`,
    },
    orderBy: { publishedKey: dir, id: dir },
  } as const;
}

/**
 * Engagement orderings by date: DATE_ASC by earliest day, DATE_DESC by latest day; unknown
 * dates last either way; id breaks ties.
 */
export function engagementOrder(order: 'DATE_DESC' | 'DATE_ASC' | null | undefined) {
  const dir = order === 'DATE_ASC' ? 'asc' : 'desc';
  return {
    extras: {
      dateKey: (e: { dateEarliest: unknown; dateLatest: unknown }): SQL<string> =>
        dir === 'asc' ? sql`coalesce(${e.dateEarliest}, '9999-99-99')` : sql`coalesce(${e.dateLatest}, '')`,
    },
    orderBy: { dateKey: dir, id: dir },
  } as const;
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
export function totalCountField(t: PothosSchemaTypes.ObjectFieldBuilder<PothosSchemaTypes.ExtendDefaultTypes<{}>, object>) {
  return { totalCount: t.int({ resolve: (c) => (c as { totalCount?: number }).totalCount ?? 0 }) };
}
