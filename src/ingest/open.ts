/**
 * Open the database for Node processes (the Node entry, CLIs, tests): an embedded libSQL file
 * by default, or any URL @libsql/client accepts (`LIBSQL_URL`, e.g. Turso or the local Hrana
 * dev server). Upgrades it (`upgradeDatabase`, ./upgrade.ts: migrations, reference data, derived
 * keys) unless told not to.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@libsql/client';
import { createDatabase, type Database } from '../db/client.ts';
import { defaultReaderThreads, preparedReader } from '../db/prepared.ts';
import { upgradeDatabase } from './upgrade.ts';

/** The embedded database file used when LIBSQL_URL is unset: `<repo>/.data/newsgraph.db`. */
export const DEFAULT_DB_FILE = resolve(fileURLToPath(new URL('../../.data/newsgraph.db', import.meta.url)));

/** Reads: a 64 MiB page cache (SQLite's default is 2 MB) and the file memory-mapped (256 MiB). */
const READ_PRAGMAS = ['PRAGMA cache_size = -65536', 'PRAGMA mmap_size = 268435456'];

/**
 * Open (and by default upgrade) a database.
 * @param url libSQL URL; `file:` paths have their folder created
 * @param options.reads false for a process that only loads (CLI ingest, the corpus generator): an
 *   embedded file keeps SQLite's default page cache and no memory map (which grow the process by
 *   up to 320 MB per reading connection as the file grows), and opens no prepared reading connection
 * @param options.readThreads reader threads of an embedded file's compiled reads while requests
 *   overlap (src/db/prepared.ts); default `READ_THREADS`, else one per core beyond the first (1–4); 0: none
 */
export async function openDatabase(
  url: string = process.env.LIBSQL_URL || `file:${DEFAULT_DB_FILE}`,
  options: { authToken?: string; migrate?: boolean; reads?: boolean; readThreads?: number } = {},
): Promise<Database> {
  if (url.startsWith('file:')) mkdirSync(dirname(url.slice('file:'.length)), { recursive: true });
  // `timeout` is SQLite's busy timeout (ms) on every connection of the client's pool: wait for
  // another writer's lock instead of failing. (A PRAGMA reaches only the connection it runs on.)
  const client = createClient({ url, authToken: options.authToken ?? process.env.LIBSQL_AUTH_TOKEN, timeout: 5000 });
  if (url.startsWith('file:')) {
    // libSQL enables foreign keys by default; say so explicitly. WAL is a property of the file.
    await client.execute('PRAGMA foreign_keys = ON');
    await client.execute('PRAGMA journal_mode = WAL');
    // Reads: a 64 MiB page cache (SQLite's default is 2 MB) and the file memory-mapped (256 MiB),
    // so a hub entity's page, hundreds of index probes, hits memory rather than read() calls.
    // These reach the connection that serves reads; connections the pool opens later for
    // concurrent transactions keep SQLite's defaults, which is only slower.
    if (options.reads !== false) for (const pragma of READ_PRAGMAS) await client.execute(pragma);
  }
  // An embedded file (not a memory database, which a second connection would not share): the
  // compiled read path's statements are prepared once on a reading connection (src/db/prepared.ts).
  const path = url.slice('file:'.length).split('?')[0]!;
  const reader = options.reads !== false && url.startsWith('file:') && !/:memory:|mode=memory/.test(url) ? preparedReader(path, READ_PRAGMAS, options.readThreads ?? readThreadsFromEnv()) : null;
  if (reader) {
    const close = client.close.bind(client);
    client.close = () => {
      reader.close();
      close();
    };
  }
  const db = createDatabase(client, reader?.readOne);
  if (options.migrate !== false) await upgradeDatabase(db);
  return db;
}

/** `READ_THREADS` (digits: a whole number from 0 to 16), else the default. Throws on any other value. */
function readThreadsFromEnv(): number {
  const raw = process.env.READ_THREADS;
  if (raw === undefined || raw === '') return defaultReaderThreads();
  const n = /^\d{1,2}$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= 0 && n <= 16)) throw new Error(`READ_THREADS must be a whole number from 0 to 16, not "${raw}"`);
  return n;
}
