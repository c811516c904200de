/**
 * Bring a database to the current schema: apply drizzle-kit's migrations from drizzle/
 * (Node only: it reads the folder) and upsert the reference data the schema relies on
 * (the CAMEO code table). Idempotent: running it twice changes nothing.
 */
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { CAMEO_CODES } from '../domain/cameo.ts';
import type { Database } from './client.ts';
import { foldPendingSearchDocs } from '../search/index.ts';
import { cameoCodes } from './schema.ts';

const MIGRATIONS = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** Apply pending migrations, then upsert CAMEO codes. Throws the driver error on failure. */
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
  // Folded search text for documents a migration indexed (a no-op when none is queued).
  await foldPendingSearchDocs(db);
}
