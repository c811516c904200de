/**
 * Page sizes: how many rows a connection page (or a `first`-bounded list such as `engagedWith`,
 * `facets`, `possibleDuplicates`) holds, checked once against the request's limits. The cost
 * rule (src/graphql/limits.ts `fieldCost`) weighs a connection by the same size, and the Drizzle
 * plugin's `defaultConnectionSize` / `maxConnectionSize` (src/graphql/builder.ts) read it too.
 */
import { PothosValidationError } from '@pothos/core';

/** Page-size settings a request is checked against (a subset of the resolver Context). */
export interface PageLimits {
  /** Largest `first`/`last` accepted (MAX_PAGE_SIZE). */
  maxPageSize: number;
  /** Page size when neither is given (DEFAULT_PAGE_SIZE). */
  defaultPageSize: number;
}

/**
 * Check a connection's `first`/`last` and return the page size it will fetch.
 * @param args the field's arguments (`first`/`last` null or absent when not given)
 * @returns `size`: the rows one page holds (first ?? last ?? default); `max`: the configured maximum
 * @throws PothosValidationError (a GraphQLError) with `extensions = { code: 'BAD_USER_INPUT',
 *   argument, max }` when either is negative or above MAX_PAGE_SIZE
 */
export function pageSizeFor(
  args: { first?: unknown; last?: unknown },
  limits: PageLimits,
): { size: number; max: number } {
  const max = limits.maxPageSize;
  for (const argument of ['first', 'last'] as const) {
    const value = args[argument];
    if (value === null || value === undefined) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
      throw new PothosValidationError(
        `"${argument}" must be an integer from 0 to ${max} (the maximum page size), got ${JSON.stringify(value)}`,
        { extensions: { code: 'BAD_USER_INPUT', argument, max } },
      );
    }
  }
  const requested = (args.first ?? args.last) as number | null | undefined;
  return { size: requested ?? Math.min(limits.defaultPageSize, max), max };
}
