/**
 * Prepared reads on an embedded libSQL file (Node only): reading connections to the same file
 * whose statements are prepared once and kept (an LRU by SQL text). @libsql/client prepares
 * every statement anew; for the compiled read path's one statement per request
 * (src/graphql/compiled/, a few KB of SQL) preparing costs more than running it. In WAL mode a
 * read on these connections sees every committed write of the main one.
 *
 * libSQL runs a statement synchronously, on the thread that asks. A read runs on the event loop
 * when nothing else waits for it (lowest latency: no hand-off); when the app's other requests
 * are in flight or arriving (the hint `load`), it runs on a reader thread (./prepared-thread.ts),
 * so the event loop serves them meanwhile, as a database server's process would. Threads start
 * on the first such read.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import Database from 'libsql';
import type { ReadOne } from './client.ts';

/** Statements kept prepared per connection (each is one compiled operation). */
const CAPACITY = 128;
/** Uncontended, one read in this many looks for arriving requests (the look costs a turn of the event loop). */
const PROBE_EVERY = 8;
/** After requests overlapped, every read looks for this long (ms). */
const CONTENDED_MS = 50;

type Statement = { all: (...args: unknown[]) => unknown[][] };

/**
 * Open a reading connection and give its one-value reader: `(sql, params)` → the first row's
 * first column (undefined without rows). Throws what libSQL throws (message and `code` kept).
 * @param pragmas statements run once on the connection (page cache, memory map)
 */
export function preparedConnection(path: string, pragmas: readonly string[]): { read: (sql: string, params: unknown[]) => unknown; close: () => void } {
  const connection = new Database(path, { timeout: 5000 } as never);
  for (const pragma of pragmas) connection.exec(pragma);
  const statements = new Map<string, Statement>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (statement) {
      // Refresh: the first key of the Map is the least recently used.
      statements.delete(sql);
    } else {
      statement = connection.prepare(sql).raw(true) as unknown as Statement;
      if (statements.size >= CAPACITY) statements.delete(statements.keys().next().value!);
    }
    statements.set(sql, statement);
    return statement;
  };
  return {
    read: (sql, params) => prepared(sql).all(...params)[0]?.[0],
    close: () => connection.close(),
  };
}

/** A reader and the means to close it with the database. */
export interface PreparedReader {
  readOne: ReadOne;
  close: () => void;
  /** Reads answered so far on the event loop and by reader threads. */
  readonly stats: { inline: number; threaded: number };
}

/** A message to a reader thread: read `id`, or close the connection and end. */
export type ThreadRequest = { id: number; sql: string; params: unknown[] } | { close: true };

/** A message from a reader thread: the value of read `id`, or its error. */
export type ThreadReply = { ready: true } | { id: number; value: unknown } | { id: number; error: { message: string; code?: string } };

/** A reader thread and the reads it owes. */
interface Thread {
  worker: Worker;
  pending: number;
}

/** Reader threads (started lazily) and their reads in flight. */
class ReaderThreads {
  readonly #path: string;
  readonly #pragmas: readonly string[];
  readonly #size: number;
  readonly #threads: Thread[] = [];
  readonly #waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; thread: Thread; sql: string; params: unknown[] }>();
  /** Runs a read on the event loop: where the reads of a thread that died go. */
  readonly #inline: (sql: string, params: unknown[]) => unknown;
  /** Set when a thread could not start (e.g. a runtime that cannot load it): reads stay on the event loop. */
  unavailable = false;
  /** Reads the threads answered. */
  answered = 0;
  #next = 0;

  constructor(path: string, pragmas: readonly string[], size: number, inline: (sql: string, params: unknown[]) => unknown) {
    this.#inline = inline;
    this.#path = path;
    this.#pragmas = pragmas;
    this.#size = size;
  }

  /** Run a read on the least busy thread (starting one while fewer than `size` run and all are busy). */
  read(sql: string, params: unknown[]): Promise<unknown> {
    let thread = this.#threads.reduce<Thread | undefined>((best, t) => (!best || t.pending < best.pending ? t : best), undefined);
    if (!thread || (thread.pending > 0 && this.#threads.length < this.#size)) thread = this.#start();
    const id = this.#next++;
    // A thread keeps the process alive only while it owes an answer.
    if (thread.pending++ === 0) thread.worker.ref();
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject, thread, sql, params });
      thread.worker.postMessage({ id, sql, params } satisfies ThreadRequest);
    });
  }

  #start() {
    const worker = new Worker(new URL('./prepared-thread.ts', import.meta.url), { workerData: { path: this.#path, pragmas: this.#pragmas } });
    const thread: Thread = { worker, pending: 0 };
    // A thread that dies (or cannot start) hands its reads back to the event loop; one that
    // could not start (no `ready`) turns the threads off.
    let started = false;
    worker.on('message', (reply: ThreadReply) => {
      if ('ready' in reply) {
        started = true;
        return;
      }
      const waiting = this.#waiting.get(reply.id);
      if (!waiting) return;
      this.#waiting.delete(reply.id);
      if (--thread.pending === 0) worker.unref();
      this.answered++;
      if ('error' in reply) waiting.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code }));
      else waiting.resolve(reply.value);
    });
    worker.on('error', (err) => this.#fail(thread, err, started));
    worker.on('exit', () => this.#fail(thread, new Error('reader thread exited'), started));
    worker.unref();
    this.#threads.push(thread);
    return thread;
  }

  #fail(thread: Thread, err: Error, started: boolean) {
    const i = this.#threads.indexOf(thread);
    if (i >= 0) this.#threads.splice(i, 1);
    if (!started && !this.unavailable) {
      this.unavailable = true;
      console.warn(`reader threads are off, reads stay on the event loop: ${err.message}`);
    }
    for (const [id, waiting] of this.#waiting) {
      if (waiting.thread !== thread) continue;
      this.#waiting.delete(id);
      try {
        // (Counted neither as a thread's nor as an inline read.)
        waiting.resolve(this.#inline(waiting.sql, waiting.params));
      } catch (e) {
        waiting.reject(e as Error);
      }
    }
  }

  /**
   * Close the threads: each answers the reads it was given, closes its connection and ends.
   * (terminate() during a statement aborts the process: libSQL's finalizers panic on the pending termination.)
   */
  close() {
    this.unavailable = true;
    for (const { worker } of this.#threads.splice(0)) worker.postMessage({ close: true } satisfies ThreadRequest);
  }
}

/** Reader threads by default: one per core beyond the event loop's, at least 1, at most 4. */
export function defaultReaderThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

/**
 * Open a prepared reader on the database file at `path`: reads run on the event loop, or, while
 * the hint `load` shows other requests in flight or arriving, on one of `threads` reader threads (0: never).
 * @param pragmas statements run once on each connection (page cache, memory map)
 */
export function preparedReader(path: string, pragmas: readonly string[] = [], threads = defaultReaderThreads()): PreparedReader {
  const inline = preparedConnection(path, pragmas);
  const pool = threads > 0 ? new ReaderThreads(path, pragmas, threads, inline.read) : null;
  let inlined = 0;
  let probes = 0;
  let contendedUntil = 0;
  const contended = (sql: string, params: unknown[]) => {
    contendedUntil = performance.now() + CONTENDED_MS;
    return pool!.read(sql, params);
  };
  return {
    get stats() {
      return { inline: inlined, threaded: pool?.answered ?? 0 };
    },
    readOne: async (sql, params, hints) => {
      const load = hints?.load;
      if (pool && !pool.unavailable && load) {
        if (load.inFlight > 1) return contended(sql, params);
        // A request runs to its statement without giving the event loop a turn, so others are
        // seen only when one yields: while contended, and on every PROBE_EVERY-th read, let
        // pending I/O in once (a setImmediate: microseconds) and see whether requests came.
        if (performance.now() < contendedUntil || ++probes % PROBE_EVERY === 0) {
          const arrived = load.arrived;
          await new Promise((resolve) => setImmediate(resolve));
          if (load.inFlight > 1 || load.arrived !== arrived) return contended(sql, params);
        }
      }
      inlined++;
      return inline.read(sql, params);
    },
    close: () => {
      pool?.close();
      inline.close();
    },
  };
}
