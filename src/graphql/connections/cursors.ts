/**
 * Cursors. The Drizzle plugin pages with keyset cursors (the ordering's values, ending with a
 * unique key) and builds the SQL for them. Its cursors carry values only, so a cursor of one list
 * would be read as a position in another list with the same shape (people and places both order
 * by name, id). Cursors handed to clients are therefore the plugin's cursor tagged with its
 * *cursor space*: the connection's node type and ordering ("Article:PUBLISHED_DESC"):
 *
 *   client cursor = "ng2." + HEX(UTF-8 of space + "|" + chunk)     (upper-case hex, as SQLite's hex())
 *   plugin cursor = base64("DC:" + chunk), chunk = encodeCursorChunk(values)   (@pothos/plugin-drizzle 0.20)
 *
 * Hex because SQL writes it (`hex()`): the compiled read path (src/graphql/compiled/) writes the
 * same cursors inside its one statement. Cursors of the earlier form, base64("ng1|" + space + "|"
 * + plugin cursor), are still accepted.
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

/** Prefix of the current cursors (hex) and of the earlier ones (inside their base64). */
export const CURSOR_PREFIX = 'ng2.';
const BASE64_CURSOR_PREFIX = 'ng1|';

const HEX_DIGITS = '0123456789ABCDEF';

/** Upper-case hex of a string's UTF-8 bytes (SQLite's `hex()` of a TEXT). */
export function utf8Hex(text: string): string {
  let out = '';
  // ASCII (a cursor's numbers, most keys) is its own UTF-8: no encoder per call.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) {
      out = '';
      for (const byte of new TextEncoder().encode(text)) out += HEX_DIGITS[byte >> 4]! + HEX_DIGITS[byte & 15]!;
      return out;
    }
    out += HEX_DIGITS[c >> 4]! + HEX_DIGITS[c & 15]!;
  }
  return out;
}

/** The string whose UTF-8 bytes `hex` spells, or null when it is not hex of valid UTF-8. */
function fromUtf8Hex(hex: string): string | null {
  if (hex.length % 2 !== 0 || !/^[0-9A-Fa-f]*$/.test(hex)) return null;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The cursor a client sees for the plugin's `inner` cursor in cursor space `space`. */
export function encodeCursor(space: string, inner: string): string {
  return `${CURSOR_PREFIX}${utf8Hex(`${space}|${decodeBase64(inner).slice('DC:'.length)}`)}`;
}

/** An INVALID_CURSOR error naming the argument. */
export function invalidCursor(argument: string, why: string) {
  return codedError('INVALID_CURSOR', `"${argument}" is not a cursor of this list: ${why}`, { argument });
}

/** "space|rest" of a client cursor (either form), or null when it is not one this API issued. */
function cursorText(cursor: string): { text: string; hex: boolean } | null {
  if (cursor.startsWith(CURSOR_PREFIX)) {
    const text = fromUtf8Hex(cursor.slice(CURSOR_PREFIX.length));
    return text === null ? null : { text, hex: true };
  }
  let text: string;
  try {
    text = decodeBase64(cursor);
  } catch {
    return null;
  }
  return text.startsWith(BASE64_CURSOR_PREFIX) ? { text: text.slice(BASE64_CURSOR_PREFIX.length), hex: false } : null;
}

/**
 * The plugin's cursor inside a client cursor of `space`.
 * @throws GraphQLError INVALID_CURSOR when malformed, tampered with, or from another list or ordering
 */
export function decodeCursor(space: string, cursor: string, argument: string): string {
  const read = cursorText(cursor);
  if (!read) throw invalidCursor(argument, 'not a cursor this API issued');
  const rest = read.text;
  const bar = rest.indexOf('|', rest.indexOf(':'));
  const cursorSpace = bar === -1 ? '' : rest.slice(0, bar);
  if (cursorSpace !== space) throw invalidCursor(argument, `it belongs to another list or ordering (${cursorSpace || 'unknown'}, this is ${space})`);
  // The hex form holds the chunk itself; the base64 form the plugin's cursor.
  const inner = read.hex ? encodeBase64(`DC:${rest.slice(bar + 1)}`) : rest.slice(bar + 1);
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
