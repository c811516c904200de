/**
 * Bring a database up to date: the schema and reference data (`migrateDatabase`,
 * src/db/migrate.ts), then what stored rows derive from code: keys re-folded when `foldName`
 * changed (./refold.ts), variant keys of rows written before that column existed, and the
 * folded search text of documents a migration or the refold queued (src/search/). Every entry
 * and CLI opens its database through `openDatabase` (./open.ts), which runs this.
 * Idempotent: a second run changes nothing and reads next to nothing.
 */
import { migrateDatabase } from '../db/migrate.ts';
import type { Database } from '../db/client.ts';
import { foldPendingSearchDocs } from '../search/index.ts';
import { fillVariantKeys, refoldDatabase } from './refold.ts';

/**
 * The version of `foldName`'s output that stored keys and search documents were folded with.
 * Bump it when foldName changes what it returns for text a database may hold; the next
 * upgrade then re-folds (./refold.ts). 1: CJK and symbols above U+2DFF kept as written.
 */
export const FOLD_VERSION = 1;

/** Migrate, then refresh derived data (see the module notes). Throws the driver error on failure. */
export async function upgradeDatabase(db: Database): Promise<void> {
  await migrateDatabase(db);
  // Once per database and FOLD_VERSION (recorded in SQLite's user_version), not at every start:
  // the refold reads every name, headline and body.
  const version = Number((await db.$client.execute('PRAGMA user_version')).rows[0]?.user_version ?? 0);
  if (version < FOLD_VERSION) {
    const refold = await refoldDatabase(db);
    for (const conflict of refold.conflicts) console.warn(`upgrade: refold: ${conflict}`);
    await db.$client.execute(`PRAGMA user_version = ${FOLD_VERSION}`);
  }
  // Variant keys of entities stored before the column existed (none missing: one index lookup each).
  await fillVariantKeys(db);
  // Folded search text for documents a migration indexed or the refold queued (a no-op when none is queued).
  await foldPendingSearchDocs(db);
}
