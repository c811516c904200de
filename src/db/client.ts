/**
 * Database access: one libSQL client wrapped so every SQL statement is counted against the
 * GraphQL request that caused it, when that request asks for the count (the
 * `x-newsgraph-debug: sql` header; src/app.ts runs only such requests in `runWithSqlStats`).
 *
 * The same code serves the embedded file (Node: `file:` URLs through `@libsql/client`) and
 * libSQL over HTTP (Worker and Turso: `@libsql/client/web`); the entry picks the factory.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Client, InStatement, TransactionMode } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { relations, type Relations } from './relations.ts';

/** Per-request SQL statistics. `statements` counts round trips: a batch counts once per statement in it. */
export interface SqlStats {
  statements: number;
  /** Statements whose SQL text was reused from the statement cache instead of built (src/graphql/statement-cache.ts). */
  reusedSql?: number;
}

const requestStats = new AsyncLocalStorage<SqlStats>();

/**
 * Run `fn` counting into `stats`: every statement issued while `fn` (and what it awaits) runs
 * is added to it. Each request gets its own stats object, so requests never share a counter.
 * In Node, the first call installs AsyncLocalStorage's promise hooks for the whole process
 * (a cost on every promise): call it only for requests that report their count.
 */
export function runWithSqlStats<T>(stats: SqlStats, fn: () => T): T {
  return requestStats.run(stats, fn);
}

/** Note in this request's stats that a statement's SQL was reused, not built. */
export function countReusedSql() {
  const stats = requestStats.getStore();
  if (stats) stats.reusedSql = (stats.reusedSql ?? 0) + 1;
}

function count(n: number) {
  const stats = requestStats.getStore();
  if (stats) stats.statements += n;
}

/** Count `n` statements sent outside the client (./prepared.ts) against the current request. */
export function countStatements(n: number) {
  count(n);
}

/**
 * Wrap a libSQL client so `execute`, `batch` and transactions count their statements.
 * The wrapper is a Proxy so the rest of the Client API passes through untouched.
 */
export function countingClient(client: Client): Client {
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === 'execute') {
        return (stmt: InStatement, args?: unknown) => {
          count(1);
          return (target.execute as (s: InStatement, a?: unknown) => ReturnType<Client['execute']>)(stmt, args);
        };
      }
      if (prop === 'batch') {
        return (stmts: InStatement[], mode?: TransactionMode) => {
          count(stmts.length);
          return target.batch(stmts, mode);
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * Run one read statement and give its first row's first column (undefined without rows): the
 * compiled read path's statements (src/graphql/compiled/), through statements prepared once
 * where the database allows it (./prepared.ts, an embedded file).
 */
export type ReadOne = (sql: string, params: unknown[], hints?: ReadHints) => Promise<unknown>;

/** The requests an app is answering (kept by the app, read by readers that can leave the event loop). */
export interface RequestLoad {
  /** Requests being answered now, the asking one included. */
  readonly inFlight: number;
  /** Requests begun since the app started (a counter: a change means one arrived). */
  readonly arrived: number;
}

/** How a read may run. */
export interface ReadHints {
  /**
   * The app's requests: a reader that can leave the event loop (reader threads of an embedded
   * file, ./prepared.ts) runs the read on a thread while others are in flight or arriving, so
   * the event loop serves them meanwhile; otherwise it runs where it costs least.
   */
  load?: RequestLoad;
}

/** The Drizzle database Newsgraph uses: relational queries v2 over `relations`, and `$readOne`. */
export type Database = LibSQLDatabase<Relations> & { $client: Client; $readOne: ReadOne };

/**
 * Build the Drizzle database over a libSQL client (counted, see `countingClient`).
 * @param readOne how `$readOne` runs a statement; default: through the client (prepared anew each time)
 */
export function createDatabase(client: Client, readOne?: ReadOne): Database {
  const counted = countingClient(client);
  const db = drizzle({ client: counted, relations }) as Database;
  db.$readOne = readOne
    ? (sql, params, hints) => {
        countStatements(1);
        return readOne(sql, params, hints);
      }
    : async (sql, params) => {
        const rows = await counted.execute({ sql, args: params as never });
        return rows.rows[0]?.[0];
      };
  return db;
}
