/**
 * Bring a database to the current schema: apply drizzle-kit's migrations from drizzle/
 * (Node only: it reads the folder), upsert the reference data the schema relies on
 * (the CAMEO code table) and re-fold what is stored folded when `foldName` changed
 * (src/ingest/refold.ts). Idempotent: running it twice changes nothing.
 */
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { CAMEO_CODES } from '../domain/cameo.ts';
import type { Database } from './client.ts';
import { refoldDatabase } from '../ingest/refold.ts';
import { foldPendingSearchDocs } from '../search/index.ts';
import { cameoCodes } from './schema.ts';

const MIGRATIONS = fileURLToPath(new URL('../../drizzle', import.meta.url));

/**
 * The version of `foldName`'s output that stored keys and search documents were folded with.
 * Bump it when foldName changes what it returns for text a database may hold; the next
 * migration then re-folds (src/ingest/refold.ts). 1: CJK and symbols above U+2DFF kept as written.
 */
export const FOLD_VERSION = 1;

/**
 * Apply pending migrations, upsert CAMEO codes, re-fold keys and documents stored under an
 * earlier `foldName`. Throws the driver error on failure.
 */
export async function migrateDatabase(db: Database): Promise<void> {
  await migrate(db, { migrationsFolder: MIGRATIONS });
  await db
    .insert(cameoCodes)
    .values([...CAMEO_CODES])
    .onConflictDoUpdate({
      target: cameoCodes.code,
      set: {
        name: sql`excluded.name`,
        rootCode: sql`excluded.root_code`,
        quadClass: sql`excluded.quad_class`,
        goldstein: sql`excluded.goldstein`,
      },
    });
  // Once per database and FOLD_VERSION (recorded in SQLite's user_version), not at every start:
  // the refold reads every name, headline and body.
  const version = Number((await db.$client.execute('PRAGMA user_version')).rows[0]?.user_version ?? 0);
  if (version < FOLD_VERSION) {
    const refold = await refoldDatabase(db);
    for (const conflict of refold.conflicts) console.warn(`migrate: refold: ${conflict}`);
    await db.$client.execute(`PRAGMA user_version = ${FOLD_VERSION}`);
  }
  // Folded search text for documents a migration indexed or the refold queued (a no-op when none is queued).
  await foldPendingSearchDocs(db);
}
