/**
 * Facts of the seed article (data/seed/larijani-pakistan-visit.bundle.json) that tests check at
 * two layers: in the bundle file (seed-bundle.test.ts) and through the API (seed-features.test.ts).
 */

/**
 * Each engagement date of the seed as written (its text, or its EDTF where it has none) and the
 * ISO day bounds [earliest, latest] it resolves to against the reference date, 2025-11-24.
 */
export const SEED_DATE_BOUNDS: Readonly<Record<string, readonly [string, string]>> = {
  'on Monday': ['2025-11-24', '2025-11-24'],
  'late October': ['2025-10-21', '2025-10-31'],
  'early November': ['2025-11-01', '2025-11-10'],
  'in June': ['2025-06-01', '2025-06-30'],
  '2025-11-24/2025-11-25': ['2025-11-24', '2025-11-25'],
};
