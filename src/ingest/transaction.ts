/**
 * Write transactions that work the same on the embedded file and over HTTP (Hrana).
 *
 * - Every write transaction is `BEGIN IMMEDIATE` (libSQL mode "write", Drizzle's default for
 *   libSQL): it takes the write lock up front, so a transaction never reads a snapshot it later
 *   cannot upgrade (SQLITE_BUSY_SNAPSHOT in WAL mode), and concurrent writers queue instead of
 *   failing half-way.
 * - Embedded (`file:`) clients: the libSQL binding is synchronous, so a connection waiting on
 *   SQLite's busy timeout would block the event loop, and with it the very transaction holding
 *   the lock (dead-lock until the timeout). Write transactions of one embedded client are
 *   therefore queued in-process (an async mutex per client); other processes (the CLI beside
 *   the server) are kept out by SQLite's lock, and the retry below.
 * - HTTP clients (Hrana: Turso, the dev server) are not queued here: the server waits for the
 *   lock (`BEGIN IMMEDIATE`), and a Worker must not chain one request's I/O onto another's
 *   promise. Measured, queueing them in-process gained nothing either.
 * - Any client: a transaction failing with SQLITE_BUSY / SQLITE_LOCKED ("database is locked")
 *   is rolled back by Drizzle and retried as a whole, a bounded number of times with jittered
 *   exponential back-off. Nothing else is retried.
 * - Embedded clients: after each transaction the event loop turns once (`setImmediate`). The
 *   libSQL binding frees each prepared statement and row cursor in a finalizer that runs only
 *   when the event loop turns; a load loop that awaits nothing but settled promises never lets
 *   it, and native memory grew by 0.5–2 MB per load (about 4 KB a statement).
 */
import type { Transaction } from '@libsql/client';
import type { Database } from '../db/client.ts';

export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/** Tail of each embedded client's queue of write transactions. */
const queues = new WeakMap<object, Promise<unknown>>();

/** Is `err` (or any error in its `cause` chain) SQLite refusing for a lock held elsewhere? */
export function isBusyError(err: unknown): boolean {
  for (let e = err, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    const code = String((e as { code?: unknown }).code ?? '');
    const message = String((e as { message?: unknown }).message ?? '');
    if (/^SQLITE_(BUSY|LOCKED)/.test(code) || /database (table )?is locked|SQLITE_BUSY/i.test(message)) return true;
  }
  return false;
}

/** Run `fn` after every write transaction queued before it on this client. */
function serialised<T>(key: object, fn: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const run = previous.then(fn, fn);
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return run;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface WriteOptions {
  /** Attempts in all, the first included (default 6). */
  attempts?: number;
  /** First back-off in ms, doubled each retry, plus up to as much jitter (default 25). */
  backoffMs?: number;
}

/**
 * Run `fn` in one write transaction (`BEGIN IMMEDIATE ... COMMIT`), rolled back if it throws.
 * @throws whatever `fn` throws, or the driver's error; SQLITE_BUSY only after the last attempt
 */
export async function writeTransaction<T>(db: Database, fn: (tx: Tx) => Promise<T>, options: WriteOptions = {}): Promise<T> {
  return retried(db, () => db.transaction(fn, { behavior: 'immediate' }), options);
}

/**
 * Run `fn` in one write transaction of the libSQL client itself (`BEGIN IMMEDIATE ... COMMIT`),
 * for callers that send their statements as batches (the bulk loader, ./bulk.ts); queued,
 * retried and rolled back as `writeTransaction`.
 * @throws whatever `fn` throws, or the driver's error; SQLITE_BUSY only after the last attempt
 */
export async function clientWriteTransaction<T>(db: Database, fn: (tx: Transaction) => Promise<T>, options: WriteOptions = {}): Promise<T> {
  return retried(
    db,
    async () => {
      const tx = await db.$client.transaction('write');
      try {
        const out = await fn(tx);
        await tx.commit();
        return out;
      } catch (err) {
        await tx.rollback().catch(() => {});
        throw err;
      } finally {
        tx.close();
      }
    },
    options,
  );
}

/** `once` queued (embedded), retried on SQLITE_BUSY, then the event loop let turn (embedded: see the header). */
async function retried<T>(db: Database, once: () => Promise<T>, options: WriteOptions): Promise<T> {
  const attempts = Math.max(1, options.attempts ?? 6);
  const backoff = options.backoffMs ?? 25;
  const embedded = db.$client.protocol === 'file';
  for (let attempt = 1; ; attempt++) {
    try {
      return await (embedded ? serialised(db.$client, once) : once());
    } catch (err) {
      if (attempt >= attempts || !isBusyError(err)) throw err;
      const delay = backoff * 2 ** (attempt - 1);
      await sleep(delay + Math.random() * delay);
    } finally {
      if (embedded) await turn();
    }
  }
}

/** Let the event loop turn once (finalizers of the libSQL binding run). */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
