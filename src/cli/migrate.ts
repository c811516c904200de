/**
 * `npm run db:migrate`: bring the database in `LIBSQL_URL` (Turso in production) to the current
 * schema: drizzle-kit's migrations from drizzle/ and the reference data (CAMEO codes), through
 * `upgradeDatabase` (src/ingest/upgrade.ts). Idempotent: a second run applies nothing.
 *
 *   LIBSQL_URL=libsql://<db>-<org>.turso.io LIBSQL_AUTH_TOKEN=... npm run db:migrate
 *   LIBSQL_URL=file:.data/newsgraph.db npm run db:migrate     (any URL @libsql/client accepts)
 *   npm run db:migrate -- --seed    also load the sample articles (data/seed) if there is no article yet
 *
 * Prints the target (without credentials), the migrations applied by this run and those already
 * there, and the CAMEO code count. Exits 2 when LIBSQL_URL is unset, 1 when migrating fails
 * (the driver's message is printed).
 * Without `--seed` it loads no content: production content comes through the loader.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../ingest/open.ts';
import { loadSeedIfEmpty } from '../ingest/seed.ts';
import { upgradeDatabase } from '../ingest/upgrade.ts';
import type { Database } from '../db/client.ts';

/** The URL without user info or query string (`?authToken=` must never be printed). */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.protocol === 'file:') return `file:${decodeURIComponent(u.pathname)}`;
    return `${u.protocol}//${u.host}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    return url.startsWith('file:') ? url.split('?')[0]! : '(unparsable URL)';
  }
}

/** Names of the migrations recorded in the database (empty before the first run). */
async function appliedMigrations(db: Database): Promise<string[]> {
  const table = await db.$client.execute("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'");
  if (table.rows.length === 0) return [];
  const rows = await db.$client.execute('select name, hash from __drizzle_migrations order by id');
  return rows.rows.map((r) => String(r.name ?? r.hash));
}

async function main(): Promise<void> {
  const url = process.env.LIBSQL_URL;
  if (!url) {
    console.error('db:migrate: set LIBSQL_URL (e.g. libsql://newsgraph-<org>.turso.io) and LIBSQL_AUTH_TOKEN');
    process.exit(2);
  }
  console.log(`db:migrate: ${redactUrl(url)}${process.env.LIBSQL_AUTH_TOKEN ? ' (with auth token)' : ''}`);
  const db = await openDatabase(url, { migrate: false });
  try {
    const before = await appliedMigrations(db);
    await upgradeDatabase(db);
    const after = await appliedMigrations(db);
    const applied = after.filter((m) => !before.includes(m));
    for (const m of applied) console.log(`  applied   ${m}`);
    for (const m of before) console.log(`  unchanged ${m}`);
    const cameo = await db.$client.execute('select count(*) as n from cameo_codes');
    console.log(`  ${applied.length} migration(s) applied, ${before.length} already there; ${Number(cameo.rows[0]!.n)} CAMEO codes in the reference table`);
    if (process.argv.includes('--seed')) {
      console.log(`  seed: ${(await loadSeedIfEmpty(db)) ? 'sample articles loaded' : 'skipped (the database already has articles)'}`);
    }
  } finally {
    db.$client.close();
  }
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  main().catch((err: unknown) => {
    console.error(`db:migrate failed: ${err instanceof Error ? err.message : String(err)}`);
    const cause = (err as { cause?: unknown }).cause;
    if (cause instanceof Error && cause.message !== (err as Error).message) console.error(`  cause: ${cause.message}`);
    process.exit(1);
  });
}
