/**
 * Name queries: the `query` argument of `Query.people`, `organisations` and `places`, a prefix of
 * a word of the entity's name or of one of its aliases, folded on both sides by the one folding
 * function (src/domain/fold.ts `foldName`) the stored `name_key` columns were written with.
 */
import { sql } from 'drizzle-orm';
import { foldName } from '../../domain/fold.ts';
import { badInput } from '../errors.ts';

/** Longest name query accepted (a name, not a document; SQLite's LIKE pattern limit is far above). */
export const MAX_NAME_QUERY = 256;

/**
 * `where` for a name query: the folded query (foldName) is a prefix of a word of the entity's
 * folded name or of one of its folded aliases ("qal", "baqer qal", "larijani" all find
 * Mohammad Baqer Qalibaf / Ali Larijani). A query with nothing word-like matches nothing.
 * @param owner the `aliases` column naming the entity
 * @returns undefined when there is no query
 * @throws GraphQLError BAD_USER_INPUT for a query over MAX_NAME_QUERY characters
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
