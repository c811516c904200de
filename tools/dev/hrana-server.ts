/**
 * Development server speaking **Hrana 3 over HTTP, libSQL** (JSON encoding), backed by a local
 * database file through the real libSQL engine (the `libsql` npm package).
 *
 * Production reaches Turso over HTTP with `@libsql/client/web` (the Cloudflare Worker cannot use
 * anything else). This server lets the very same client code talk to `.data/*.db` in development.
 * It is a dev tool: loopback only, no TLS, no replication, one process.
 *
 * Spec followed: "The Hrana protocol specification (version 3)", section "Hrana over HTTP"
 * (tursodatabase/libsql, docs/HRANA_3_SPEC.md), and where the spec leaves room, the behaviour of
 * sqld (libsql-server) and of the reference client `@libsql/hrana-client` 0.10.
 *
 * ## Endpoints
 * - `GET  /health`        -> 200 `ok` (text/plain).
 * - `GET  /v2`, `GET /v3` -> 200 (version probes). `GET /v3-protobuf` -> 404: Protobuf is not
 *   implemented, and a client probing it falls back to JSON (`/v2/pipeline`), as the hrana client does.
 * - `POST /v2/pipeline`, `POST /v3/pipeline` -> `PipelineRespBody` (JSON).
 *   Request `{ baton: string | null, requests: StreamRequest[] }`;
 *   response `{ baton: string | null, base_url: null, results: StreamResult[] }` where each result is
 *   `{ type: "ok", response }` or `{ type: "error", error: { message, code } }`.
 * - `POST /v3/cursor` -> newline-delimited JSON: `{ baton, base_url }`, then `CursorEntry` lines
 *   (`step_begin`, `row`, `step_end`, `step_error`, `error`). Results are computed before the
 *   response starts (not streamed row by row).
 *
 * ## Stream requests (`requests[i].type`)
 * `execute`, `batch`, `sequence`, `describe`, `store_sql`, `close_sql`, `get_autocommit` (v3 only),
 * `close`. Every request of a pipeline is executed, in order, even if earlier ones failed.
 *
 * ## Streams and batons
 * A stream is one libSQL connection (`new Database(file)`) with its own transaction state and its own
 * stored SQL texts (`store_sql` / `close_sql`, referenced by `sql_id`). `baton: null` opens a stream;
 * each response carries a fresh, unguessable baton (the previous one becomes invalid at once), or
 * `null` once the stream is closed. A stream idle for `streamIdleMs` (default 10 000 ms) expires: its
 * connection is closed, which rolls back any open transaction. An unknown or reused baton answers
 * HTTP 400 `{ message, code: "BATON_INVALID" }`, an expired one HTTP 400 `{ code: "STREAM_EXPIRED" }`.
 * Every connection runs `PRAGMA foreign_keys = ON`.
 *
 * ## Statements
 * `Stmt = { sql? | sql_id?, args?: Value[], named_args?: { name, value }[], want_rows? }`.
 * Exactly one SQL statement per `Stmt` (else `SQL_NO_STATEMENT` / `SQL_MANY_STATEMENTS`). Parameters
 * are bound as sqld does: `?` by position, `?NNN` to `args[NNN-1]`, `:name` / `@name` / `$name` to the
 * named argument spelled with its prefix or, failing that, without it. Mixing positional and named
 * arguments, too many arguments or a missing value are errors (`ARGS_*`).
 * `StmtResult = { cols: { name, decltype }[], rows: Value[][], affected_row_count: number,
 * last_insert_rowid: string | null, query_duration_ms: number }`. `affected_row_count` is
 * `changes()` for statements that changed rows and 0 otherwise; `last_insert_rowid` is set for INSERT
 * / REPLACE statements only (as sqld does). `query_duration_ms` is wall time in milliseconds.
 *
 * ## Values
 * `{ type: "null" }`, `{ type: "integer", value: "<decimal string>" }` (64-bit, exact: rows are read
 * with safe integers and integer arguments are bound as BigInt), `{ type: "float", value: number }`,
 * `{ type: "text", value: string }`, `{ type: "blob", base64: string }`.
 *
 * ## Batches
 * `Batch = { steps: { condition?, stmt }[] }`, `BatchResult = { step_results: (StmtResult | null)[],
 * step_errors: (Error | null)[] }`. Conditions `ok`, `error` (true only for an executed step that
 * failed), `not`, `and`, `or` and `is_autocommit` (v3 only) are evaluated exactly as the spec says; a
 * condition that refers to a later step is a step error. This is what makes the client's
 * `BEGIN ... COMMIT` / conditional `ROLLBACK` batches atomic.
 *
 * ## Errors
 * `Error = { message, code }`. SQLite failures read `"SQLite error: <message>"` with the libSQL
 * (extended) code, e.g. `SQLITE_CONSTRAINT_FOREIGNKEY`. sqld (Turso) reports the primary code
 * (`SQLITE_CONSTRAINT`) for the same failure, so code that branches on it should match the prefix.
 * Protocol misuse inside a request gives codes such as `ARGS_INVALID`, `SQL_NOT_FOUND`,
 * `HRANA_PROTO_ERROR`; a malformed body HTTP 400 `HTTP_BODY_INVALID`; a missing token HTTP 401.
 *
 * ## Concurrency
 * The libSQL binding is synchronous, so a blocking busy timeout would freeze the event loop and
 * dead-lock streams of this very process. Connections therefore keep SQLite's busy timeout at 0 and
 * a statement failing with `SQLITE_BUSY` is retried asynchronously (1 ms, doubling, capped at 50 ms)
 * for up to `busyTimeoutMs` (default 5000 ms) before the error is returned (a statement SQLite
 * leaves active after giving up is dealt with, see `Stream.leaked`). The file is switched to WAL
 * journal mode (as sqld runs it) so readers never block the writer. Connections are closed after an
 * explicit ROLLBACK, so an expired or closed stream releases its locks at once.
 *
 * ## Not implemented
 * Protobuf encoding, Hrana over WebSocket, the HTTP API v1 (`/v1/execute`, `/v1/batch`), `base_url`
 * redirection, replication indexes, `rows_read` / `rows_written` statistics (not exposed by the
 * binding), and read-only enforcement of `BEGIN TRANSACTION READONLY` (the engine accepts it).
 *
 * CLI: `node tools/dev/hrana-server.ts --file .data/newsgraph.db [--port 8080] [--auth-token T]
 * [--stream-idle-ms 10000]` prints the URL and serves until SIGINT / SIGTERM.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'libsql';

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

export interface HranaServerOptions {
  /** Database file path (created if missing, with its directory). `:memory:` is refused. */
  file: string;
  /** TCP port; 0 (default) picks an ephemeral one. */
  port?: number;
  /** Listen address: loopback only. */
  host?: '127.0.0.1';
  /** When set, pipeline and cursor requests need `Authorization: Bearer <authToken>`. */
  authToken?: string;
  /** Idle time after which a stream expires and rolls back, in ms (default 10 000). */
  streamIdleMs?: number;
  /** How long a statement keeps retrying on SQLITE_BUSY, in ms (default 5000). */
  busyTimeoutMs?: number;
}

export interface HranaServer {
  /** Base URL for `createClient({ url })`, e.g. `http://127.0.0.1:8080`. */
  url: string;
  port: number;
  /** Stops listening, closes every stream (rolling back open transactions) and the database. */
  close(): Promise<void>;
}

const DEFAULT_STREAM_IDLE_MS = 10_000;
const DEFAULT_BUSY_TIMEOUT_MS = 5_000;
/** Largest accepted request body, in bytes. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;
/** Largest number of SQL texts one stream may store. */
const MAX_STORED_SQL = 1_000;
/** How many expired stream ids are remembered to answer STREAM_EXPIRED rather than BATON_INVALID. */
const MAX_REMEMBERED_EXPIRED = 10_000;

/** Starts the server; resolves once it listens. */
export async function startHranaServer(opts: HranaServerOptions): Promise<HranaServer> {
  const host = opts.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') throw new Error(`hrana dev server listens on 127.0.0.1 only, got host ${String(host)}`);
  if (!opts.file || opts.file === ':memory:') {
    throw new Error('hrana dev server needs a database file path (each stream opens its own connection)');
  }
  const file = path.resolve(opts.file);
  mkdirSync(path.dirname(file), { recursive: true });

  const ctx: ServerContext = {
    file,
    authToken: opts.authToken === '' ? undefined : opts.authToken,
    streamIdleMs: opts.streamIdleMs ?? DEFAULT_STREAM_IDLE_MS,
    busyTimeoutMs: opts.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS,
    streams: new Map(),
    expired: new Set(),
    closing: false,
  };

  // A server-lifetime connection: switches the file to WAL once and keeps the WAL index warm.
  const admin = new Database(file);
  try {
    await retryBusy(ctx, undefined, () => admin.exec('PRAGMA journal_mode = WAL'));
  } catch (err) {
    admin.close();
    throw err;
  }

  const server = http.createServer((req, res) => {
    handleHttp(ctx, req, res).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { message: errorMessage(err), code: 'INTERNAL_ERROR' });
      else res.destroy();
    });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    admin.close();
    throw err;
  }
  const port = (server.address() as AddressInfo).port;

  let closed: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    close() {
      closed ??= new Promise<void>((resolve) => {
        ctx.closing = true;
        for (const stream of [...ctx.streams.values()]) closeStream(ctx, stream);
        server.close(() => {
          admin.close();
          resolve();
        });
        server.closeAllConnections();
      });
      return closed;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Protocol shapes (JSON)
// ---------------------------------------------------------------------------------------------

type ProtoValue =
  | { type: 'null' }
  | { type: 'integer'; value: string }
  | { type: 'float'; value: number }
  | { type: 'text'; value: string }
  | { type: 'blob'; base64: string };

interface ProtoError {
  message: string;
  code: string;
}

interface Col {
  name: string | null;
  decltype: string | null;
}

interface StmtResult {
  cols: Col[];
  rows: ProtoValue[][];
  affected_row_count: number;
  last_insert_rowid: string | null;
  query_duration_ms: number;
}

type StreamResult = { type: 'ok'; response: Record<string, unknown> & { type: string } } | { type: 'error'; error: ProtoError };

type StepOutcome = { kind: 'ok'; result: StmtResult } | { kind: 'error'; error: ProtoError } | { kind: 'skipped' };

/** A value as bound to / read from libSQL. */
type SqlValue = null | bigint | number | string | Buffer;

type JsonObject = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// Server state
// ---------------------------------------------------------------------------------------------

interface ServerContext {
  file: string;
  authToken: string | undefined;
  streamIdleMs: number;
  busyTimeoutMs: number;
  streams: Map<string, Stream>;
  /** Ids of streams closed by idle expiry (bounded, oldest dropped first). */
  expired: Set<string>;
  closing: boolean;
}

interface Stream {
  id: string;
  db: Database.Database;
  /** `SELECT total_changes(), changes(), last_insert_rowid()` on this connection. */
  counters: Database.Statement;
  /** Secret half of the currently valid baton; null while a request is being served. */
  secret: string | null;
  /** SQL texts stored with `store_sql`, by `sql_id`. */
  sqls: Map<number, string>;
  timer: NodeJS.Timeout | undefined;
  closed: boolean;
  /**
   * A statement gave up on SQLITE_BUSY. SQLite leaves such a statement active until it is reset or
   * finalized, which the binding only does when it runs again or is garbage-collected; while active it
   * blocks COMMIT ("SQL statements in progress"). The connection is replaced once it is back in
   * autocommit state (nothing of the client's transaction is lost then).
   */
  leaked: boolean;
}

/** An error reported to the client as `{ message, code }` (per request, or as an HTTP body). */
class HranaError extends Error {
  code: string;
  status: number;
  constructor(message: string, code: string, status = 400) {
    super(message);
    this.code = code;
    this.status = status;
  }
}

function openConnection(file: string): { db: Database.Database; counters: Database.Statement } {
  const db = new Database(file);
  db.exec('PRAGMA foreign_keys = ON');
  // The busy wait happens asynchronously in retryBusy(); a native wait would block the event loop.
  db.exec('PRAGMA busy_timeout = 0');
  const counters = db.prepare('SELECT total_changes(), changes(), last_insert_rowid()');
  counters.safeIntegers(true);
  counters.raw(true);
  return { db, counters };
}

function openStream(ctx: ServerContext): Stream {
  const stream: Stream = {
    id: randomBytes(12).toString('base64url'),
    ...openConnection(ctx.file),
    secret: null,
    sqls: new Map(),
    timer: undefined,
    closed: false,
    leaked: false,
  };
  ctx.streams.set(stream.id, stream);
  return stream;
}

/** See `Stream.leaked`: swaps in a fresh connection once no transaction is open. */
function settleLeak(ctx: ServerContext, stream: Stream): void {
  if (!stream.leaked || stream.closed || stream.db.inTransaction) return;
  closeConnection(stream.db);
  Object.assign(stream, openConnection(ctx.file), { leaked: false });
}

/** Rolls back a transaction left open and closes the stream's connection. Idempotent. */
function closeStream(ctx: ServerContext, stream: Stream): void {
  if (stream.closed) return;
  stream.closed = true;
  stream.secret = null;
  if (stream.timer) clearTimeout(stream.timer);
  ctx.streams.delete(stream.id);
  closeConnection(stream.db);
}

/**
 * The binding finalizes prepared statements only when they are garbage-collected, and SQLite keeps a
 * connection with unfinalized statements alive as a "zombie", transaction and locks included. So the
 * transaction is rolled back explicitly: the locks are released now, not at the next GC.
 */
function closeConnection(db: Database.Database): void {
  try {
    if (db.inTransaction) db.exec('ROLLBACK');
  } catch {
    // closing anyway
  }
  db.close();
}

function expireStream(ctx: ServerContext, stream: Stream): void {
  closeStream(ctx, stream);
  ctx.expired.add(stream.id);
  if (ctx.expired.size > MAX_REMEMBERED_EXPIRED) {
    const oldest = ctx.expired.values().next().value;
    if (oldest !== undefined) ctx.expired.delete(oldest);
  }
}

/** Resolves the baton of a request to its stream (or opens one) and invalidates the baton. */
function acquireStream(ctx: ServerContext, baton: unknown): Stream {
  if (baton === null || baton === undefined) return openStream(ctx);
  if (typeof baton !== 'string') throw new HranaError('The baton must be a string or null', 'BATON_INVALID');
  const dot = baton.indexOf('.');
  const id = dot < 0 ? baton : baton.slice(0, dot);
  const stream = ctx.streams.get(id);
  if (stream === undefined) {
    if (ctx.expired.has(id)) {
      throw new HranaError('The stream has expired due to inactivity', 'STREAM_EXPIRED');
    }
    throw new HranaError('Received an invalid baton: the stream is closed or unknown', 'BATON_INVALID');
  }
  if (stream.secret === null || !sameSecret(baton.slice(dot + 1), stream.secret)) {
    throw new HranaError('Received an invalid baton: it was already used or is forged', 'BATON_INVALID');
  }
  stream.secret = null;
  if (stream.timer) clearTimeout(stream.timer);
  stream.timer = undefined;
  return stream;
}

/** Issues the next baton (null if the stream closed) and re-arms the idle timer. */
function releaseStream(ctx: ServerContext, stream: Stream): string | null {
  if (stream.closed) return null;
  stream.secret = randomBytes(18).toString('base64url');
  stream.timer = setTimeout(() => expireStream(ctx, stream), ctx.streamIdleMs);
  stream.timer.unref();
  return `${stream.id}.${stream.secret}`;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

// ---------------------------------------------------------------------------------------------
// HTTP layer
// ---------------------------------------------------------------------------------------------

async function handleHttp(ctx: ServerContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const pathname = new URL(req.url ?? '/', 'http://localhost').pathname.replace(/\/+$/, '') || '/';
  const method = req.method ?? 'GET';

  if (method === 'GET') {
    if (pathname === '/health') return sendText(res, 200, 'ok');
    if (pathname === '/v2' || pathname === '/v3') return sendText(res, 200, '');
    if (pathname === '/') return sendText(res, 200, 'Hrana 3 over HTTP development server (libSQL)');
  }

  const route =
    pathname === '/v2/pipeline' ? { kind: 'pipeline' as const, version: 2 }
    : pathname === '/v3/pipeline' ? { kind: 'pipeline' as const, version: 3 }
    : pathname === '/v3/cursor' ? { kind: 'cursor' as const, version: 3 }
    : undefined;
  if (route === undefined) return sendText(res, 404, `Not found: ${method} ${pathname}`);
  if (method !== 'POST') return sendText(res, 405, `Method not allowed: ${method} ${pathname}`);

  try {
    if (!isAuthorized(ctx, req)) {
      throw new HranaError('Unauthorized: a valid "Authorization: Bearer <token>" header is required', 'UNAUTHORIZED', 401);
    }
    const body = await readJsonBody(req);
    if (route.kind === 'pipeline') {
      sendJson(res, 200, await handlePipeline(ctx, body, route.version));
    } else {
      const lines = await handleCursor(ctx, body);
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
    }
  } catch (err) {
    if (err instanceof HranaError) return sendJson(res, err.status, { message: err.message, code: err.code });
    throw err;
  }
}

function isAuthorized(ctx: ServerContext, req: IncomingMessage): boolean {
  if (ctx.authToken === undefined) return true;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return match !== null && sameSecret(match[1]!, ctx.authToken);
}

async function readJsonBody(req: IncomingMessage): Promise<JsonObject> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HranaError(`Request body exceeds ${MAX_BODY_BYTES} bytes`, 'HTTP_BODY_TOO_LARGE', 413);
    chunks.push(chunk);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (err) {
    throw new HranaError(`Request body is not valid JSON: ${errorMessage(err)}`, 'HTTP_BODY_INVALID');
  }
  if (!isObject(body)) throw new HranaError('Request body must be a JSON object', 'HTTP_BODY_INVALID');
  return body;
}

/** Content type must be exactly `application/json`: the client compares it verbatim for error bodies. */
function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain' });
  res.end(text);
}

// ---------------------------------------------------------------------------------------------
// Pipeline and cursor
// ---------------------------------------------------------------------------------------------

async function handlePipeline(ctx: ServerContext, body: JsonObject, version: number) {
  if (!Array.isArray(body.requests)) throw new HranaError('"requests" must be an array', 'HTTP_BODY_INVALID');
  const stream = acquireStream(ctx, body.baton);
  const results: StreamResult[] = [];
  try {
    for (const request of body.requests) results.push(await handleStreamRequest(ctx, stream, request, version));
  } finally {
    if (ctx.closing) closeStream(ctx, stream);
  }
  return { baton: releaseStream(ctx, stream), base_url: null, results };
}

async function handleCursor(ctx: ServerContext, body: JsonObject): Promise<unknown[]> {
  const stream = acquireStream(ctx, body.baton);
  const entries: unknown[] = [];
  try {
    const outcomes = await runBatch(ctx, stream, body.batch, 3);
    outcomes.forEach((outcome, step) => {
      if (outcome.kind === 'ok') {
        const { cols, rows, affected_row_count, last_insert_rowid } = outcome.result;
        entries.push({ type: 'step_begin', step, cols });
        for (const row of rows) entries.push({ type: 'row', row });
        entries.push({ type: 'step_end', affected_row_count, last_insert_rowid });
      } else if (outcome.kind === 'error') {
        entries.push({ type: 'step_error', step, error: outcome.error });
      }
    });
  } catch (err) {
    entries.push({ type: 'error', error: toProtoError(err) });
  } finally {
    settleLeak(ctx, stream);
    if (ctx.closing) closeStream(ctx, stream);
  }
  return [{ baton: releaseStream(ctx, stream), base_url: null }, ...entries];
}

async function handleStreamRequest(ctx: ServerContext, stream: Stream, raw: unknown, version: number): Promise<StreamResult> {
  try {
    const req = asObject(raw, 'request');
    const type = req.type;
    if (stream.closed) throw new HranaError('The stream is closed', 'STREAM_CLOSED');
    switch (type) {
      case 'close':
        closeStream(ctx, stream);
        return ok({ type });
      case 'execute':
        return ok({ type, result: await executeStmt(ctx, stream, req.stmt) });
      case 'batch': {
        const outcomes = await runBatch(ctx, stream, req.batch, version);
        const step_results = outcomes.map((o) => (o.kind === 'ok' ? o.result : null));
        const step_errors = outcomes.map((o) => (o.kind === 'error' ? o.error : null));
        return ok({ type, result: { step_results, step_errors } });
      }
      case 'sequence':
        await runSequence(ctx, stream, resolveSql(stream, req));
        return ok({ type });
      case 'describe':
        return ok({ type, result: await describe(ctx, stream, resolveSql(stream, req)) });
      case 'store_sql': {
        const sqlId = asInt32(req.sql_id, 'sql_id');
        if (typeof req.sql !== 'string') throw new HranaError('"sql" must be a string', 'HRANA_PROTO_ERROR');
        if (stream.sqls.has(sqlId)) throw new HranaError(`SQL text id ${sqlId} is already in use`, 'SQL_ID_IN_USE');
        if (stream.sqls.size >= MAX_STORED_SQL) {
          throw new HranaError(`The stream already stores ${MAX_STORED_SQL} SQL texts`, 'SQL_STORE_FULL');
        }
        stream.sqls.set(sqlId, req.sql);
        return ok({ type });
      }
      case 'close_sql':
        stream.sqls.delete(asInt32(req.sql_id, 'sql_id'));
        return ok({ type });
      case 'get_autocommit':
        requireVersion(version, 3, 'get_autocommit');
        return ok({ type, is_autocommit: !stream.db.inTransaction });
      default:
        throw new HranaError(`Unknown stream request type ${JSON.stringify(type)}`, 'HRANA_PROTO_ERROR');
    }
  } catch (err) {
    return { type: 'error', error: toProtoError(err) };
  } finally {
    settleLeak(ctx, stream);
  }
}

function ok(response: Record<string, unknown> & { type: string }): StreamResult {
  return { type: 'ok', response };
}

function requireVersion(version: number, min: number, feature: string): void {
  if (version < min) {
    throw new HranaError(`${feature} needs Hrana ${min} (use /v${min}/pipeline); this is /v${version}`, 'PROTOCOL_VERSION_ERROR');
  }
}

/** The SQL text of a `Stmt`, `sequence` or `describe` request: exactly one of `sql` / `sql_id`. */
function resolveSql(stream: Stream, obj: JsonObject): string {
  const hasSql = obj.sql !== undefined && obj.sql !== null;
  const hasId = obj.sql_id !== undefined && obj.sql_id !== null;
  if (hasSql === hasId) throw new HranaError('Exactly one of "sql" and "sql_id" must be given', 'HRANA_PROTO_ERROR');
  if (hasSql) {
    if (typeof obj.sql !== 'string') throw new HranaError('"sql" must be a string', 'HRANA_PROTO_ERROR');
    return obj.sql;
  }
  const sqlId = asInt32(obj.sql_id, 'sql_id');
  const sql = stream.sqls.get(sqlId);
  if (sql === undefined) throw new HranaError(`SQL text id ${sqlId} was not stored on this stream`, 'SQL_NOT_FOUND');
  return sql;
}

// ---------------------------------------------------------------------------------------------
// Execution
// ---------------------------------------------------------------------------------------------

/** Runs one `Stmt`; throws HranaError / libSQL errors, which the caller turns into `Error`s. */
async function executeStmt(ctx: ServerContext, stream: Stream, raw: unknown): Promise<StmtResult> {
  const stmt = asObject(raw, 'stmt');
  const sql = resolveSql(stream, stmt);
  const analysis = analyzeSingle(sql);
  const values = bindArgs(analysis.params, stmt.args, stmt.named_args);
  const wantRows = stmt.want_rows !== false;
  const prepared = await retryBusy(ctx, stream, () => stream.db.prepare(sql));
  prepared.safeIntegers(true);
  // Retries run the same statement again: running it resets it, which a fresh one would not do.
  return retryBusy(ctx, stream, () => runPrepared(stream, prepared, values, wantRows, analysis.isInsert));
}

function runPrepared(stream: Stream, prepared: Database.Statement, values: SqlValue[], wantRows: boolean, isInsert: boolean): StmtResult {
  const started = performance.now();
  const [totalBefore] = counters(stream);
  let cols: Col[] = [];
  let rows: ProtoValue[][] = [];
  if (prepared.reader) {
    cols = prepared.columns().map((c) => ({ name: c.name, decltype: c.type ?? null }));
    prepared.raw(true);
    if (wantRows) {
      rows = (prepared.all(values) as SqlValue[][]).map((row) => row.map(encodeValue));
    } else {
      for (const _row of prepared.iterate(values)) {
        // drain: the statement must run to completion even when rows are not wanted
      }
    }
  } else {
    prepared.run(values);
  }
  const [totalAfter, changes, lastRowid] = counters(stream);
  return {
    cols,
    rows,
    // changes() is not reset by statements that write nothing, hence the total_changes() check.
    affected_row_count: totalAfter > totalBefore ? Number(changes) : 0,
    last_insert_rowid: isInsert ? lastRowid.toString() : null,
    query_duration_ms: performance.now() - started,
  };
}

/** `[total_changes(), changes(), last_insert_rowid()]` of the stream's connection. */
function counters(stream: Stream): [bigint, bigint, bigint] {
  return (stream.counters.all([]) as [bigint, bigint, bigint][])[0]!;
}

/** Runs the steps of a `Batch`, evaluating each step's condition against the earlier outcomes. */
async function runBatch(ctx: ServerContext, stream: Stream, raw: unknown, version: number): Promise<StepOutcome[]> {
  const batch = asObject(raw, 'batch');
  if (!Array.isArray(batch.steps)) throw new HranaError('"batch.steps" must be an array', 'HRANA_PROTO_ERROR');
  const outcomes: StepOutcome[] = [];
  for (const rawStep of batch.steps) {
    let outcome: StepOutcome;
    try {
      const step = asObject(rawStep, 'batch step');
      const enabled =
        step.condition === undefined || step.condition === null ? true : evalCond(step.condition, outcomes, stream, version);
      outcome = enabled ? { kind: 'ok', result: await executeStmt(ctx, stream, step.stmt) } : { kind: 'skipped' };
    } catch (err) {
      outcome = { kind: 'error', error: toProtoError(err) };
    }
    outcomes.push(outcome);
  }
  return outcomes;
}

/** Evaluates a `BatchCond`; `outcomes` holds the steps before the current one. */
function evalCond(raw: unknown, outcomes: StepOutcome[], stream: Stream, version: number): boolean {
  const cond = asObject(raw, 'condition');
  const stepOutcome = (): StepOutcome => {
    const step = cond.step;
    if (typeof step !== 'number' || !Number.isInteger(step) || step < 0 || step >= outcomes.length) {
      throw new HranaError(`Condition refers to step ${String(step)}, which has not been executed before this step`, 'BATCH_COND_INVALID');
    }
    return outcomes[step]!;
  };
  const list = (): boolean[] => {
    if (!Array.isArray(cond.conds)) throw new HranaError(`"${String(cond.type)}" condition needs "conds"`, 'BATCH_COND_INVALID');
    // Evaluate every operand (no short-circuit) so an invalid operand is always reported.
    return cond.conds.map((c) => evalCond(c, outcomes, stream, version));
  };
  switch (cond.type) {
    case 'ok':
      return stepOutcome().kind === 'ok';
    case 'error':
      return stepOutcome().kind === 'error';
    case 'not':
      return !evalCond(cond.cond, outcomes, stream, version);
    case 'and':
      return list().every(Boolean);
    case 'or':
      return list().some(Boolean);
    case 'is_autocommit':
      requireVersion(version, 3, 'The is_autocommit condition');
      return !stream.db.inTransaction;
    default:
      throw new HranaError(`Unknown condition type ${JSON.stringify(cond.type)}`, 'BATCH_COND_INVALID');
  }
}

/** `sequence`: statements separated by semicolons, run in order; rows are discarded. */
async function runSequence(ctx: ServerContext, stream: Stream, sql: string): Promise<void> {
  for (const statement of analyze(sql)) {
    if (statement.params.count > 0) {
      throw new HranaError('Statements of a sequence cannot have parameters', 'ARGS_INVALID');
    }
    const prepared = await retryBusy(ctx, stream, () => stream.db.prepare(statement.sql));
    await retryBusy(ctx, stream, () => prepared.run([]));
  }
}

/** `describe`: parameters, result columns, and whether the statement is EXPLAIN / read-only. */
async function describe(ctx: ServerContext, stream: Stream, sql: string) {
  const analysis = analyzeSingle(sql);
  const prepared = await retryBusy(ctx, stream, () => stream.db.prepare(sql));
  const cols = prepared.reader ? prepared.columns().map((c) => ({ name: c.name, decltype: c.type ?? null })) : [];
  let isReadonly = true;
  if (!analysis.isExplain) {
    // sqlite3_stmt_readonly() is not exposed by the binding: derive it from the VDBE program the way
    // SQLite does (a write transaction, checkpoint, vacuum or journal-mode change).
    const explain = stream.db.prepare(`EXPLAIN ${sql}`).raw(true);
    const program = (await retryBusy(ctx, stream, () => explain.all([]))) as unknown[][];
    isReadonly = !program.some(
      ([, opcode, , p2]) => (opcode === 'Transaction' && Number(p2) !== 0) || ['Checkpoint', 'Vacuum', 'JournalMode'].includes(String(opcode)),
    );
  }
  return {
    params: analysis.params.names.slice(1).map((name) => ({ name })),
    cols,
    is_explain: analysis.isExplain,
    is_readonly: isReadonly,
  };
}

/**
 * Runs `fn`, retrying while it fails with SQLITE_BUSY (another connection holds the lock), with an
 * async back-off of 1 ms doubling to 50 ms, for at most `ctx.busyTimeoutMs`. Not retried:
 * SQLITE_BUSY_SNAPSHOT (the transaction must restart, waiting cannot help) and "cannot commit
 * transaction - SQL statements in progress". A statement given up on while busy stays active in
 * SQLite: the stream is marked `leaked` (see there).
 */
async function retryBusy<T>(ctx: ServerContext, stream: Stream | undefined, fn: () => T): Promise<T> {
  const deadline = Date.now() + ctx.busyTimeoutMs;
  let delay = 1;
  for (;;) {
    try {
      return fn();
    } catch (err) {
      const code = String((err as { code?: unknown }).code);
      const retryable =
        (code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_RECOVERY' || code === 'SQLITE_BUSY_TIMEOUT') &&
        !errorMessage(err).includes('statements in progress');
      if (!retryable || ctx.closing || Date.now() >= deadline) {
        if (stream && code.startsWith('SQLITE_BUSY')) stream.leaked = true;
        throw err;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 50);
  }
}

// ---------------------------------------------------------------------------------------------
// Values and arguments
// ---------------------------------------------------------------------------------------------

const MIN_INT64 = -(2n ** 63n);
const MAX_INT64 = 2n ** 63n - 1n;

function decodeValue(raw: unknown): SqlValue {
  const v = asObject(raw, 'value');
  switch (v.type) {
    case undefined: // the hrana client encodes an `undefined` argument as `{}`: sqld binds NULL
    case 'null':
      return null;
    case 'integer': {
      const text = typeof v.value === 'number' && Number.isSafeInteger(v.value) ? String(v.value) : v.value;
      if (typeof text !== 'string' || !/^-?\d+$/.test(text)) throw new HranaError('Integer value must be a decimal string', 'HRANA_PROTO_ERROR');
      const n = BigInt(text);
      if (n < MIN_INT64 || n > MAX_INT64) throw new HranaError(`Integer ${text} does not fit in 64 bits`, 'HRANA_PROTO_ERROR');
      return n;
    }
    case 'float':
      if (typeof v.value !== 'number') throw new HranaError('Float value must be a JSON number', 'HRANA_PROTO_ERROR');
      return v.value;
    case 'text':
      if (typeof v.value !== 'string') throw new HranaError('Text value must be a string', 'HRANA_PROTO_ERROR');
      return v.value;
    case 'blob':
      if (typeof v.base64 !== 'string') throw new HranaError('Blob value needs a base64 string', 'HRANA_PROTO_ERROR');
      return Buffer.from(v.base64, 'base64');
    default:
      throw new HranaError(`Unknown value type ${JSON.stringify(v.type)}`, 'HRANA_PROTO_ERROR');
  }
}

/** Encodes a value read with safe integers on: bigint is INTEGER, number is REAL. */
function encodeValue(value: SqlValue | Uint8Array | undefined): ProtoValue {
  if (value === null || value === undefined) return { type: 'null' };
  if (typeof value === 'bigint') return { type: 'integer', value: value.toString() };
  if (typeof value === 'number') return { type: 'float', value };
  if (typeof value === 'string') return { type: 'text', value };
  return { type: 'blob', base64: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
}

/**
 * Lines the request's arguments up with the statement's parameters (index 1..count), as sqld does.
 * The result is bound positionally, which also covers named parameters (they have an index too).
 */
function bindArgs(params: ParamInfo, rawArgs: unknown, rawNamed: unknown): SqlValue[] {
  const args = rawArgs === undefined || rawArgs === null ? [] : asArray(rawArgs, 'args').map(decodeValue);
  const named = new Map<string, SqlValue>();
  if (rawNamed !== undefined && rawNamed !== null) {
    for (const item of asArray(rawNamed, 'named_args')) {
      const arg = asObject(item, 'named argument');
      if (typeof arg.name !== 'string') throw new HranaError('Named argument needs a string "name"', 'HRANA_PROTO_ERROR');
      named.set(arg.name, decodeValue(arg.value));
    }
  }
  if (args.length > 0 && named.size > 0) {
    throw new HranaError('Specifying both positional and named arguments is not supported', 'ARGS_BOTH_POSITIONAL_AND_NAMED');
  }
  const given = Math.max(args.length, named.size);
  if (given > params.count) {
    throw new HranaError(`Arguments do not match SQL parameters: too many parameters, expected ${params.count} found ${given}`, 'ARGS_INVALID');
  }
  const values: SqlValue[] = [];
  for (let index = 1; index <= params.count; index++) {
    const name = params.names[index] ?? null;
    let value: SqlValue | undefined;
    if (name === null) value = args[index - 1];
    else if (name.startsWith('?')) value = args[Number(name.slice(1)) - 1];
    else value = named.has(name) ? named.get(name) : named.get(name.slice(1));
    if (value === undefined) {
      throw new HranaError(`Arguments do not match SQL parameters: value for parameter ${name ?? index} not found`, 'ARGS_INVALID');
    }
    values.push(value);
  }
  return values;
}

// ---------------------------------------------------------------------------------------------
// SQL analysis: a tokenizer following SQLite's (tokenize.c / complete.c) closely enough to split
// statements, find parameters and recognise the leading keyword. No SQL is rewritten.
// ---------------------------------------------------------------------------------------------

interface ParamInfo {
  /** sqlite3_bind_parameter_count(): the largest parameter index. */
  count: number;
  /** sqlite3_bind_parameter_name(i) at index i (index 0 unused); null for `?` and unused indexes. */
  names: (string | null)[];
}

interface StatementInfo {
  sql: string;
  params: ParamInfo;
  isExplain: boolean;
  /** INSERT or REPLACE (possibly after a WITH clause): sqld reports last_insert_rowid only for these. */
  isInsert: boolean;
}

type TokenKind = 'space' | 'semi' | 'word' | 'var' | 'literal' | 'lparen' | 'rparen' | 'other';

interface Token {
  kind: TokenKind;
  text: string;
}

const analysisCache = new Map<string, StatementInfo[]>();
const ANALYSIS_CACHE_SIZE = 500;

/** The statements of `sql`, in order (empty statements dropped). Cached by SQL text. */
function analyze(sql: string): StatementInfo[] {
  let result = analysisCache.get(sql);
  if (result === undefined) {
    result = splitStatements(tokenize(sql)).map(describeTokens);
    if (analysisCache.size >= ANALYSIS_CACHE_SIZE) analysisCache.delete(analysisCache.keys().next().value as string);
    analysisCache.set(sql, result);
  }
  return result;
}

function analyzeSingle(sql: string): StatementInfo {
  const statements = analyze(sql);
  if (statements.length === 0) throw new HranaError('SQL string does not contain any statement', 'SQL_NO_STATEMENT');
  if (statements.length > 1) throw new HranaError('SQL string contains more than one statement', 'SQL_MANY_STATEMENTS');
  return statements[0]!;
}

const isSpaceChar = (ch: string | undefined): boolean => ch !== undefined && ' \t\n\v\f\r'.includes(ch);
const isDigitChar = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';
/** SQLite IdChar(): letters, digits, `_`, `$` and every non-ASCII character. */
const isIdChar = (ch: string | undefined): boolean => ch !== undefined && (/[A-Za-z0-9_$]/.test(ch) || ch.charCodeAt(0) >= 0x80);

function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const skipQuoted = (quote: string): void => {
    // i is on the opening quote; a doubled quote is an escaped one.
    i++;
    for (;;) {
      const end = sql.indexOf(quote, i);
      if (end < 0) {
        i = sql.length;
        return;
      }
      i = end + 1;
      if (sql[i] !== quote) return;
      i++;
    }
  };
  while (i < sql.length) {
    const start = i;
    const ch = sql[i];
    let kind: TokenKind;
    if (isSpaceChar(ch)) {
      while (isSpaceChar(sql[i])) i++;
      kind = 'space';
    } else if (ch === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end + 1;
      kind = 'space';
    } else if (ch === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
      kind = 'space';
    } else if (ch === "'" || ch === '"' || ch === '`') {
      skipQuoted(ch);
      kind = 'literal';
    } else if (ch === '[') {
      const end = sql.indexOf(']', i);
      i = end < 0 ? sql.length : end + 1;
      kind = 'literal';
    } else if (ch === ';') {
      i++;
      kind = 'semi';
    } else if (ch === '(' || ch === ')') {
      i++;
      kind = ch === '(' ? 'lparen' : 'rparen';
    } else if (ch === '?') {
      i++;
      while (isDigitChar(sql[i])) i++;
      kind = 'var';
    } else if (ch === ':' || ch === '@' || ch === '#' || ch === '$') {
      // Named parameter: IdChars, with TCL-style `::` and a trailing `(...)` allowed.
      let n = 0;
      i++;
      for (;;) {
        if (isIdChar(sql[i])) {
          n++;
          i++;
        } else if (sql[i] === '(' && n > 0) {
          while (i < sql.length && !isSpaceChar(sql[i]) && sql[i] !== ')') i++;
          if (sql[i] === ')') i++;
          break;
        } else if (sql[i] === ':' && sql[i + 1] === ':') {
          i += 2;
        } else {
          break;
        }
      }
      kind = n > 0 ? 'var' : 'other';
      if (n === 0) i = start + 1;
    } else if (isDigitChar(ch) || (ch === '.' && isDigitChar(sql[i + 1]))) {
      i++;
      while (i < sql.length && /[A-Za-z0-9_.]/.test(sql.charAt(i))) i++;
      kind = 'literal';
    } else if (isIdChar(ch)) {
      while (isIdChar(sql[i])) i++;
      if (i - start === 1 && (ch === 'x' || ch === 'X') && sql[i] === "'") {
        skipQuoted("'"); // blob literal x'..'
        kind = 'literal';
      } else {
        kind = 'word';
      }
    } else {
      i++;
      kind = 'other';
    }
    tokens.push({ kind, text: sql.slice(start, i) });
  }
  return tokens;
}

/**
 * Splits tokens into statements with the state machine of sqlite3_complete(), which knows that the
 * semicolons inside `CREATE TRIGGER ... BEGIN ...; END` do not end the statement.
 * Token classes: 0 SEMI, 1 WS, 2 OTHER, 3 EXPLAIN, 4 CREATE, 5 TEMP, 6 TRIGGER, 7 END.
 */
const COMPLETE_TRANSITIONS = [
  [1, 0, 2, 3, 4, 2, 2, 2], // 0 INVALID
  [1, 1, 2, 3, 4, 2, 2, 2], // 1 START
  [1, 2, 2, 2, 2, 2, 2, 2], // 2 NORMAL
  [1, 3, 3, 2, 4, 2, 2, 2], // 3 EXPLAIN
  [1, 4, 2, 2, 2, 4, 5, 2], // 4 CREATE
  [6, 5, 5, 5, 5, 5, 5, 5], // 5 TRIGGER
  [6, 6, 5, 5, 5, 5, 5, 7], // 6 SEMI
  [1, 7, 5, 5, 5, 5, 5, 5], // 7 END
];

function tokenClass(token: Token): number {
  if (token.kind === 'semi') return 0;
  if (token.kind === 'space') return 1;
  if (token.kind !== 'word') return 2;
  switch (token.text.toUpperCase()) {
    case 'EXPLAIN':
      return 3;
    case 'CREATE':
      return 4;
    case 'TEMP':
    case 'TEMPORARY':
      return 5;
    case 'TRIGGER':
      return 6;
    case 'END':
      return 7;
    default:
      return 2;
  }
}

function splitStatements(tokens: Token[]): Token[][] {
  const statements: Token[][] = [];
  let current: Token[] = [];
  let state = 0;
  const flush = (): void => {
    const first = current.findIndex((t) => t.kind !== 'space' && t.kind !== 'semi');
    if (first >= 0) statements.push(current.slice(first));
    current = [];
  };
  for (const token of tokens) {
    const cls = tokenClass(token);
    state = COMPLETE_TRANSITIONS[state]![cls]!;
    current.push(token);
    if (cls === 0 && state === 1) flush();
  }
  flush();
  return statements;
}

function describeTokens(tokens: Token[]): StatementInfo {
  // Parameter numbering as in sqlite3ExprAssignVarNumber().
  let count = 0;
  const byName = new Map<string, number>();
  const byIndex = new Map<number, string>();
  for (const token of tokens) {
    if (token.kind !== 'var') continue;
    if (token.text === '?') {
      count++;
    } else if (token.text.startsWith('?')) {
      const index = Number(token.text.slice(1));
      if (!Number.isInteger(index) || index < 1) continue; // SQLite rejects it when preparing
      if (index > count) count = index;
      if (!byIndex.has(index)) {
        byIndex.set(index, token.text);
        byName.set(token.text, index);
      }
    } else if (!byName.has(token.text)) {
      count++;
      byName.set(token.text, count);
      byIndex.set(count, token.text);
    }
  }
  const names: (string | null)[] = [null];
  for (let index = 1; index <= count; index++) names.push(byIndex.get(index) ?? null);

  const words = tokens.filter((t) => t.kind === 'word');
  const first = words[0]?.text.toUpperCase();
  let isInsert = first === 'INSERT' || first === 'REPLACE';
  if (first === 'WITH') {
    let depth = 0;
    for (const token of tokens) {
      if (token.kind === 'lparen') depth++;
      else if (token.kind === 'rparen') depth--;
      else if (depth === 0 && token.kind === 'word' && /^(INSERT|REPLACE)$/i.test(token.text)) isInsert = true;
    }
  }
  return {
    sql: tokens.map((t) => t.text).join(''),
    params: { count, names },
    isExplain: first === 'EXPLAIN',
    isInsert,
  };
}

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asObject(value: unknown, what: string): JsonObject {
  if (!isObject(value)) throw new HranaError(`Expected ${what} to be a JSON object`, 'HRANA_PROTO_ERROR');
  return value;
}

function asArray(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new HranaError(`Expected "${what}" to be an array`, 'HRANA_PROTO_ERROR');
  return value;
}

function asInt32(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < -(2 ** 31) || value >= 2 ** 31) {
    throw new HranaError(`"${what}" must be a 32-bit integer`, 'HRANA_PROTO_ERROR');
  }
  return value;
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Hrana `Error` for a failure: libSQL errors keep their (extended) SQLite code. */
function toProtoError(err: unknown): ProtoError {
  if (err instanceof HranaError) return { message: err.message, code: err.code };
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_')) return { message: `SQLite error: ${errorMessage(err)}`, code };
  return { message: errorMessage(err), code: 'INTERNAL_ERROR' };
}

// ---------------------------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      file: { type: 'string' },
      port: { type: 'string', default: '8080' },
      'auth-token': { type: 'string' },
      'stream-idle-ms': { type: 'string' },
    },
  });
  if (!values.file) {
    console.error('usage: node tools/dev/hrana-server.ts --file <db file> [--port 8080] [--auth-token T] [--stream-idle-ms 10000]');
    process.exit(2);
  }
  const server = await startHranaServer({
    file: values.file,
    port: Number(values.port),
    authToken: values['auth-token'],
    streamIdleMs: values['stream-idle-ms'] === undefined ? undefined : Number(values['stream-idle-ms']),
  });
  console.log(`Hrana dev server (libSQL) on ${server.url}  database: ${path.resolve(values.file)}`);
  const stop = (): void => {
    server.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const isMain =
  (import.meta as { main?: boolean }).main ??
  (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url));
if (isMain) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
