/**
 * Cursors. The Drizzle plugin pages with keyset cursors (the ordering's values, ending with a
 * unique key) and builds the SQL for them. Its cursors carry values only, so a cursor of one list
 * would be read as a position in another list with the same shape (people and places both order
 * by name, id). Cursors handed to clients are therefore the plugin's cursor tagged with its
 * *cursor space*: the connection's node type and ordering ("Article:PUBLISHED_DESC"):
 *
 *   client cursor = base64("ng1|" + space + "|" + plugin cursor)
 *   plugin cursor = base64("DC:" + encodeCursorChunk(values))   (@pothos/plugin-drizzle 0.20)
 *
 * Arguments are checked and unwrapped before the plugin reads them (`prepareConnectionArgs`);
 * edges and pageInfo wrap the plugin's cursors on the way out. A malformed, tampered or foreign
 * cursor is INVALID_CURSOR; page sizes are checked once, by `pageSizeFor` (./page-sizes.ts).
 *
 * Plugin details relied on (test/query/pagination.test.ts guards them):
 * - the plugin reads `after` / `before` from the very arguments object the resolver (or a
 *   relation's `query` / `select` callback) receives, so unwrapping rewrites that object in place;
 * - one arguments object can reach several of those callbacks (a root connection's resolver and
 *   its `totalCount`, a relation's `select` on the planning path and `query` again when it
 *   resolves), so unwrapping is idempotent: the object records that it holds plugin cursors;
 * - a connection result carries that object as `args`, and each edge carries its `connection`,
 *   which is how pageInfo and edge cursors find the space to wrap in.
 */
import { decodeBase64, decodeCursorChunk, encodeBase64 } from '@pothos/core';
import { builder, type BuilderTypes } from '../builder.ts';
import { badInput, codedError } from '../errors.ts';
import { totalCountField } from './totals.ts';

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

/** Marks an arguments object whose `after` / `before` already hold the plugin's cursors. */
const UNWRAPPED = Symbol('newsgraph.cursorsUnwrapped');

/**
 * Check a connection's arguments and replace `after`/`before` by the plugin's cursors, in place
 * (the plugin reads the same object afterwards). Idempotent per arguments object: the object
 * itself records (under a non-enumerable symbol) that it has been unwrapped.
 * @throws GraphQLError BAD_USER_INPUT for `first` with `last`; INVALID_CURSOR for a bad cursor
 */
export function prepareConnectionArgs(args: ConnectionArgs, space: string): void {
  if ((args as { [UNWRAPPED]?: true })[UNWRAPPED]) return;
  if (args.first != null && args.last != null) throw badInput('give "first" or "last", not both', 'last');
  if (args.after != null) args.after = decodeCursor(space, args.after, 'after');
  if (args.before != null) args.before = decodeCursor(space, args.before, 'before');
  Object.defineProperty(args, UNWRAPPED, { value: true });
}

/** A connection result as the plugin (or a resolver here) builds it. */
interface ConnectionShape {
  args?: ConnectionArgs;
  pageInfo: { startCursor: string | null; endCursor: string | null; hasNextPage: boolean; hasPreviousPage: boolean };
}

/** What `cursorSpace` gives: the space of some arguments, `prepare`, and the connection and edge fields. */
export type CursorSpace = ReturnType<typeof cursorSpace>;

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
