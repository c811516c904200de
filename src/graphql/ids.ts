/**
 * Relay global object ids: base64 of "Type:rowid" (the Relay plugin's encoding), where Type is
 * the `typename` of one of `NODE_KINDS` (src/domain/vocabulary.ts). Decoding checks the type, so
 * an Organisation id passed where a Person is expected is refused; `isRowId` lets `node` / `nodes`
 * answer null for any other id before a query is made.
 */
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { NODE_KINDS, type NodeTypename } from '../domain/vocabulary.ts';
import { badInput } from './errors.ts';

export { encodeGlobalID };

const NODE_TYPENAMES: ReadonlySet<string> = new Set(Object.values(NODE_KINDS).map((k) => k.typename));

/** A decoded global id naming a node type and a canonical positive row id ("12", not "012" or "1e3"). */
export function isRowId(id: { typename: string; id: string }): boolean {
  return NODE_TYPENAMES.has(id.typename) && /^[1-9]\d{0,15}$/.test(id.id);
}

/**
 * Decode a global id that must name one of `types`.
 * @returns the type name and the integer row id
 * @throws GraphQLError BAD_USER_INPUT when malformed or of another type
 */
export function decodeId<T extends NodeTypename>(id: string, types: readonly T[], argument?: string): { type: T; id: number } {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(id);
  } catch {
    throw badInput(`"${id}" is not a Newsgraph id`, argument);
  }
  const row = Number(decoded.id);
  if (!types.includes(decoded.typename as T) || !Number.isSafeInteger(row) || row < 1) {
    throw badInput(`"${id}" is not the id of ${types.map((t) => (/^[AEIOU]/.test(t) ? `an ${t}` : `a ${t}`)).join(' or ')}`, argument);
  }
  return { type: decoded.typename as T, id: row };
}
