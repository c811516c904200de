/**
 * Relay global object ids: base64 of "Type:rowid" (the Relay plugin's encoding). Decoding
 * checks the type, so an Organisation id passed where a Person is expected is refused.
 */
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { badInput } from './errors.ts';

export { encodeGlobalID };

/**
 * Decode a global id that must name one of `types`.
 * @returns the type name and the integer row id
 * @throws GraphQLError BAD_USER_INPUT when malformed or of another type
 */
export function decodeId<T extends string>(id: string, types: readonly T[], argument?: string): { type: T; id: number } {
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
