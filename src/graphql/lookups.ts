/**
 * Root lookups by global id, slug (or, for articles, ninjs `uri`): `Query.article`, `engagement`,
 * `person`, `organisation`, `place`.
 *
 * Relay detail relied on (@pothos/plugin-relay 4.8; test/core.test.ts "an id of another type →
 * null; a malformed id → BAD_USER_INPUT" guards it): a global id is `base64("Type:rowid")`, so
 * another type's well-formed id is recognised by decoding it.
 */
import type { NodeTypename } from '../domain/vocabulary.ts';
import { builder } from './builder.ts';
import { badInput } from './errors.ts';
import { decodeId } from './ids.ts';

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
  typename: NodeTypename,
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
