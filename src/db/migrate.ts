/**
 * Bring a database to the current schema: apply drizzle-kit's migrations from drizzle/
 * (Node only: it reads the folder) and upsert the reference data the schema relies on (the
 * CAMEO code table). Idempotent: running it twice changes nothing. What stored data derives from
 * code (folded keys, variant keys, search text) is brought up to date one layer up, by
 * `upgradeDatabase` (src/ingest/upgrade.ts), which runs this first.
 */
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { CAMEO_CODES } from '../domain/cameo.ts';
import type { Database } from './client.ts';
import { cameoCodes } from './schema.ts';

const MIGRATIONS = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** Apply pending migrations and upsert the CAMEO codes. Throws the driver error on failure. */
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
}
