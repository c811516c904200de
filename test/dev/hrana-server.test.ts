/**
 * Protocol tests for the Hrana-over-HTTP dev server (tools/dev/hrana-server.ts): the real
 * `@libsql/client/web` client talks to a server on an ephemeral port over a temp database file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, LibsqlBatchError, LibsqlError } from '@libsql/client/web';
import type { Client } from '@libsql/client/web';
import Database from 'libsql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHranaServer } from '../../tools/dev/hrana-server.ts';
import type { HranaServer } from '../../tools/dev/hrana-server.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let dir: string;
let server: HranaServer;
let client: Client;
let bigClient: Client;
let stringClient: Client;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hrana-dev-'));
  server = await startHranaServer({ file: join(dir, 'main.db'), port: 0 });
  client = createClient({ url: server.url });
  bigClient = createClient({ url: server.url, intMode: 'bigint' });
  stringClient = createClient({ url: server.url, intMode: 'string' });
});

afterAll(async () => {
  for (const c of [client, bigClient, stringClient]) c?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Catches the rejection of `promise` (fails the test if it resolves). */
async function failure(promise: Promise<unknown>): Promise<LibsqlError> {
  const result = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(result).toBeInstanceOf(LibsqlError);
  return result as LibsqlError;
}

/** One raw pipeline request (what the client sends), for protocol details the client hides. */
async function pipeline(version: 2 | 3, baton: string | null, requests: unknown[], target = { url: '', token: '' }) {
  const res = await fetch(`${target.url || server.url}/v${version}/pipeline`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(target.token ? { authorization: `Bearer ${target.token}` } : {}) },
    body: JSON.stringify({ baton, requests }),
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe('HTTP endpoints', () => {
  it('answers health and version probes on loopback', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.text()).toBe('ok');
    expect((await fetch(`${server.url}/v2`)).status).toBe(200);
    expect((await fetch(`${server.url}/v3`)).status).toBe(200);
    // Protobuf is not spoken: the client's probe fails and it falls back to JSON.
    expect((await fetch(`${server.url}/v3-protobuf`)).status).toBe(404);
    expect((await fetch(`${server.url}/v2/pipeline`)).status).toBe(405);
  });

  it('rejects a malformed body with HTTP 400', async () => {
    const res = await fetch(`${server.url}/v2/pipeline`, { method: 'POST', body: '{nope' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toMatchObject({ code: 'HTTP_BODY_INVALID' });
  });
});

describe('execute', () => {
  it('binds positional arguments, including ?NNN', async () => {
    const rs = await bigClient.execute({ sql: 'SELECT ? AS a, ? AS b, ?1 AS again', args: [7n, 'x'] });
    expect(rs.columns).toEqual(['a', 'b', 'again']);
    expect(rs.rows[0]).toMatchObject({ a: 7n, b: 'x', again: 7n });
  });

  it('binds named arguments with :, @ and $ prefixes, given with or without the prefix', async () => {
    const sql = 'SELECT :colon AS c, @at AS a, $dollar AS d, :colon || @at AS both';
    const bare = await client.execute({ sql, args: { colon: 'one', at: 'two', dollar: 3.5 } });
    expect(bare.rows[0]).toMatchObject({ c: 'one', a: 'two', d: 3.5, both: 'onetwo' });
    const prefixed = await client.execute({ sql, args: { ':colon': 'uno', '@at': 'dos', $dollar: null } });
    expect(prefixed.rows[0]).toMatchObject({ c: 'uno', a: 'dos', d: null, both: 'unodos' });
  });

  it('rejects missing, surplus and mixed arguments like sqld', async () => {
    expect((await failure(client.execute({ sql: 'SELECT :a, :b', args: { a: 1 } }))).code).toBe('ARGS_INVALID');
    expect((await failure(client.execute({ sql: 'SELECT ?', args: [1, 2] }))).code).toBe('ARGS_INVALID');
    const raw = await pipeline(2, null, [
      {
        type: 'execute',
        stmt: {
          sql: 'SELECT ?, :a',
          args: [{ type: 'integer', value: '1' }],
          named_args: [{ name: 'a', value: { type: 'null' } }],
        },
      },
      { type: 'close' },
    ]);
    expect(raw.body.results[0]).toMatchObject({ type: 'error', error: { code: 'ARGS_BOTH_POSITIONAL_AND_NAMED' } });
  });

  it('reports rows affected, last insert rowid and declared column types', async () => {
    await client.execute('CREATE TABLE exec_t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, score REAL)');
    const ins = await bigClient.execute({ sql: 'INSERT INTO exec_t (id, name) VALUES (?, ?), (?, ?)', args: [10n, 'a', 11n, 'b'] });
    expect(ins.rowsAffected).toBe(2);
    expect(ins.lastInsertRowid).toBe(11n);
    const upd = await client.execute("UPDATE exec_t SET score = 1.5 WHERE name = 'a'");
    expect(upd.rowsAffected).toBe(1);
    expect(upd.lastInsertRowid).toBeUndefined();
    const sel = await client.execute('SELECT id, name, score, score * 2 AS doubled FROM exec_t ORDER BY id');
    expect(sel.rowsAffected).toBe(0);
    expect(sel.columnTypes).toEqual(['INTEGER', 'TEXT', 'REAL', '']);
    expect(sel.rows.map((r) => [r.id, r.name, r.score, r.doubled])).toEqual([
      [10, 'a', 1.5, 3],
      [11, 'b', null, null],
    ]);
    const ret = await client.execute("INSERT INTO exec_t (name) VALUES ('c') RETURNING id, name");
    expect(ret.rows[0]).toMatchObject({ id: 12, name: 'c' });
    expect(ret.rowsAffected).toBe(1);
  });

  it('refuses several statements in one execute', async () => {
    const err = await failure(client.execute('SELECT 1; SELECT 2'));
    expect(err.code).toBe('SQL_MANY_STATEMENTS');
  });
});

describe('values', () => {
  it('round-trips integers above 2^53 exactly (intMode bigint and string)', async () => {
    await client.execute('CREATE TABLE big_t (id INTEGER PRIMARY KEY, v INTEGER NOT NULL)');
    const values = [9007199254740993n, 9223372036854775807n, -9223372036854775808n, -9007199254740993n];
    for (const [i, v] of values.entries()) {
      await bigClient.execute({ sql: 'INSERT INTO big_t (id, v) VALUES (?, ?)', args: [BigInt(i + 1), v] });
    }
    const asBigint = await bigClient.execute('SELECT v, typeof(v) AS t FROM big_t ORDER BY id');
    expect(asBigint.rows.map((r) => r.v)).toEqual(values);
    expect(asBigint.rows.every((r) => r.t === 'integer')).toBe(true);
    const asString = await stringClient.execute('SELECT v FROM big_t ORDER BY id');
    expect(asString.rows.map((r) => r.v)).toEqual(values.map(String));
    // A value that would not survive a float conversion proves no precision was lost on the way.
    const sum = await stringClient.execute({ sql: 'SELECT ? + 1 AS next', args: [9007199254740993n] });
    expect(sum.rows[0]!.next).toBe('9007199254740994');
  });

  it('round-trips floats, unicode text, blobs and null with their SQLite types', async () => {
    const text = 'héllo wörld — 日本語 🚀 e\u0301';
    const blob = Uint8Array.from({ length: 256 }, (_, i) => i);
    const rs = await bigClient.execute({
      sql: 'SELECT ? AS f, typeof(?1) AS ft, ? AS whole, typeof(?2) AS wt, ? AS s, length(?3) AS len, ? AS b, typeof(?4) AS bt, ? AS n, typeof(?5) AS nt',
      args: [0.1 + 0.2, 2.0, text, blob, null],
    });
    const row = rs.rows[0]!;
    expect(row.f).toBe(0.30000000000000004);
    expect(row.ft).toBe('real');
    expect(row.whole).toBe(2); // a float, not the integer 2n
    expect(row.wt).toBe('real');
    expect(row.s).toBe(text);
    expect(row.len).toBe(BigInt([...text].length));
    expect(row.b).toBeInstanceOf(ArrayBuffer);
    expect(new Uint8Array(row.b as ArrayBuffer)).toEqual(blob);
    expect(row.bt).toBe('blob');
    expect(row.n).toBeNull();
    expect(row.nt).toBe('null');
  });
});

describe('batches', () => {
  it('rolls back a write batch that fails halfway', async () => {
    await client.execute('CREATE TABLE batch_t (id INTEGER PRIMARY KEY, email TEXT UNIQUE NOT NULL)');
    const err = await failure(
      client.batch(
        [
          { sql: 'INSERT INTO batch_t (email) VALUES (?)', args: ['a@example.org'] },
          { sql: 'INSERT INTO batch_t (email) VALUES (?)', args: ['b@example.org'] },
          { sql: 'INSERT INTO batch_t (email) VALUES (?)', args: ['a@example.org'] },
          { sql: 'INSERT INTO batch_t (email) VALUES (?)', args: ['c@example.org'] },
        ],
        'write',
      ),
    );
    expect(err).toBeInstanceOf(LibsqlBatchError);
    expect((err as LibsqlBatchError).statementIndex).toBe(2);
    expect(err.code).toBe('SQLITE_CONSTRAINT_UNIQUE');
    expect(err.message).toContain('UNIQUE constraint failed: batch_t.email');
    const count = await client.execute('SELECT count(*) AS n FROM batch_t');
    expect(count.rows[0]!.n).toBe(0);
  });

  it('commits a successful batch and returns every result', async () => {
    const results = await client.batch(
      [
        { sql: 'INSERT INTO batch_t (email) VALUES (?)', args: ['ok1@example.org'] },
        { sql: 'INSERT INTO batch_t (email) VALUES (?)', args: ['ok2@example.org'] },
        'SELECT email FROM batch_t ORDER BY id',
      ],
      'write',
    );
    expect(results.map((r) => r.rowsAffected)).toEqual([1, 1, 0]);
    expect(results[2]!.rows.map((r) => r.email)).toEqual(['ok1@example.org', 'ok2@example.org']);
  });

  it('evaluates ok / error / not / and / or conditions as the spec says', async () => {
    const step = (sql: string, condition?: unknown) => ({ stmt: { sql, want_rows: true }, ...(condition ? { condition } : {}) });
    const { body } = await pipeline(2, null, [
      {
        type: 'batch',
        batch: {
          steps: [
            step('SELECT 1'), // 0 ok
            step('SELECT * FROM missing_table'), // 1 error
            step('SELECT 2', { type: 'error', step: 0 }), // 2 skipped
            step('SELECT 3', { type: 'and', conds: [{ type: 'ok', step: 0 }, { type: 'error', step: 1 }] }), // 3 runs
            step('SELECT 4', { type: 'or', conds: [{ type: 'ok', step: 2 }, { type: 'error', step: 2 }] }), // 4 skipped: step 2 neither ok nor error
            step('SELECT 5', { type: 'not', cond: { type: 'ok', step: 4 } }), // 5 runs
            step('SELECT 6', { type: 'ok', step: 9 }), // 6 invalid reference: step error
          ],
        },
      },
      { type: 'close' },
    ]);
    expect(body.baton).toBeNull();
    const { step_results, step_errors } = body.results[0].response.result;
    expect(step_results.map((r: any) => r && r.rows[0]![0].value)).toEqual(['1', null, null, '3', null, '5', null]);
    expect(step_errors.map((e: any) => e && e.code)).toEqual([null, 'SQLITE_ERROR', null, null, null, null, 'BATCH_COND_INVALID']);
    expect(step_errors[1].message).toContain('no such table: missing_table');
  });
});

describe('interactive transactions', () => {
  it('commits', async () => {
    await client.execute('CREATE TABLE tx_t (id INTEGER PRIMARY KEY, v TEXT)');
    const tx = await client.transaction('write');
    await tx.execute({ sql: 'INSERT INTO tx_t (v) VALUES (?)', args: ['kept'] });
    await tx.batch(["INSERT INTO tx_t (v) VALUES ('kept too')"]);
    expect((await tx.execute('SELECT count(*) AS n FROM tx_t')).rows[0]!.n).toBe(2);
    await tx.commit();
    expect((await client.execute('SELECT v FROM tx_t ORDER BY id')).rows.map((r) => r.v)).toEqual(['kept', 'kept too']);
  });

  it('rolls back', async () => {
    const tx = await client.transaction('write');
    await tx.execute("INSERT INTO tx_t (v) VALUES ('dropped')");
    expect((await tx.execute('SELECT count(*) AS n FROM tx_t')).rows[0]!.n).toBe(3);
    await tx.rollback();
    expect((await client.execute('SELECT count(*) AS n FROM tx_t')).rows[0]!.n).toBe(2);
  });

  it('keeps the transaction usable after a failing statement', async () => {
    const tx = await client.transaction('write');
    await tx.execute("INSERT INTO tx_t (v) VALUES ('after error')");
    const err = await failure(tx.execute('INSERT INTO nowhere VALUES (1)'));
    expect(err.message).toContain('no such table: nowhere');
    await tx.commit();
    expect((await client.execute("SELECT count(*) AS n FROM tx_t WHERE v = 'after error'")).rows[0]!.n).toBe(1);
  });

  it('interleaves streams: each sees its own state and the second writer waits for the first', async () => {
    await client.execute('CREATE TABLE conc_t (id INTEGER PRIMARY KEY, who TEXT)');
    const count = async (tx: { execute: Client['execute'] }) => (await tx.execute('SELECT count(*) AS n FROM conc_t')).rows[0]!.n;

    const writer1 = await client.transaction('write');
    await writer1.execute("INSERT INTO conc_t (who) VALUES ('one')");
    const reader = await client.transaction('read');
    expect(await count(reader)).toBe(0); // uncommitted row invisible to another stream
    expect(await count(writer1)).toBe(1); // but visible to its own

    const writer2 = await client.transaction('write');
    let secondDone = false;
    const second = writer2.execute("INSERT INTO conc_t (who) VALUES ('two')").then((rs) => {
      secondDone = true;
      return rs;
    });
    await sleep(60);
    expect(secondDone).toBe(false); // BEGIN IMMEDIATE is waiting for writer1's lock
    expect(await count(writer1)).toBe(1); // and the server still serves other streams meanwhile

    await writer1.commit();
    expect((await second).rowsAffected).toBe(1);
    expect(await count(writer2)).toBe(2);
    await writer2.commit();

    expect(await count(reader)).toBe(0); // the reader keeps its snapshot (WAL)
    await reader.commit();
    expect((await client.execute('SELECT who FROM conc_t ORDER BY id')).rows.map((r) => r.who)).toEqual(['one', 'two']);
  });
});

describe('errors', () => {
  it('returns SQL errors as LibsqlError with the SQLite code and message', async () => {
    const err = await failure(client.execute('SELECT * FROM no_such_table'));
    expect(err.code).toBe('SQLITE_ERROR');
    expect(err.message).toBe('SQLITE_ERROR: SQLite error: no such table: no_such_table');
    const syntax = await failure(client.execute('SELEC 1'));
    expect(syntax.message).toContain('near "SELEC": syntax error');
  });

  it('enforces foreign keys on every stream', async () => {
    await client.executeMultiple(`
      CREATE TABLE fk_parent (id INTEGER PRIMARY KEY);
      CREATE TABLE fk_child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES fk_parent (id));
      INSERT INTO fk_parent (id) VALUES (1);
    `);
    await client.execute('INSERT INTO fk_child (parent_id) VALUES (1)');
    const err = await failure(client.execute('INSERT INTO fk_child (parent_id) VALUES (42)'));
    expect(err.code).toBe('SQLITE_CONSTRAINT_FOREIGNKEY');
    expect(err.message).toContain('FOREIGN KEY constraint failed');
    const inTx = await client.transaction('write');
    await failure(inTx.execute('DELETE FROM fk_parent WHERE id = 1'));
    await inTx.rollback();
    expect((await client.execute('SELECT count(*) AS n FROM fk_child')).rows[0]!.n).toBe(1);
  });
});

describe('executeMultiple and migrate', () => {
  it('runs a script, including a trigger body with semicolons', async () => {
    await client.executeMultiple(`
      -- a comment; with a semicolon
      CREATE TABLE seq_t (id INTEGER PRIMARY KEY, v TEXT);
      CREATE TABLE seq_log (v TEXT);
      CREATE TRIGGER seq_t_ai AFTER INSERT ON seq_t BEGIN
        INSERT INTO seq_log (v) VALUES ('saw ' || new.v);
        INSERT INTO seq_log (v) VALUES ('twice; ' || new.v);
      END;
      INSERT INTO seq_t (v) VALUES ('x;y');
    `);
    const log = await client.execute('SELECT v FROM seq_log ORDER BY rowid');
    expect(log.rows.map((r) => r.v)).toEqual(['saw x;y', 'twice; x;y']);
  });

  it('stops at the first failing statement', async () => {
    const err = await failure(client.executeMultiple("INSERT INTO seq_t (v) VALUES ('before'); INSERT INTO nope VALUES (1); INSERT INTO seq_t (v) VALUES ('after');"));
    expect(err.message).toContain('no such table: nope');
    const rows = await client.execute("SELECT v FROM seq_t WHERE v IN ('before', 'after')");
    expect(rows.rows.map((r) => r.v)).toEqual(['before']);
  });

  it('migrates with foreign keys off inside one transaction', async () => {
    expect(typeof client.migrate).toBe('function');
    // The child table refers to a parent created later: only valid with foreign keys off.
    await client.migrate([
      'CREATE TABLE mig_child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES mig_parent (id))',
      'INSERT INTO mig_child (parent_id) VALUES (7)',
      'CREATE TABLE mig_parent (id INTEGER PRIMARY KEY)',
      'INSERT INTO mig_parent (id) VALUES (7)',
    ]);
    expect((await client.execute('SELECT parent_id FROM mig_child')).rows[0]!.parent_id).toBe(7);
    // A failing migration leaves nothing behind.
    await failure(client.migrate(['CREATE TABLE mig_broken (id INTEGER)', 'INSERT INTO mig_missing VALUES (1)']));
    const tables = await client.execute("SELECT name FROM sqlite_schema WHERE name = 'mig_broken'");
    expect(tables.rows).toHaveLength(0);
  });
});

describe('streams and batons', () => {
  it('serves stored SQL, describe and get_autocommit over /v3, with a new baton per response', async () => {
    await client.execute('CREATE TABLE raw_t (id INTEGER PRIMARY KEY, label TEXT NOT NULL)');
    const first = await pipeline(3, null, [
      { type: 'store_sql', sql_id: 1, sql: 'INSERT INTO raw_t (label) VALUES (:label)' },
      { type: 'execute', stmt: { sql: 'BEGIN' } },
      { type: 'execute', stmt: { sql_id: 1, named_args: [{ name: ':label', value: { type: 'text', value: 'from sql_id' } }] } },
      { type: 'get_autocommit' },
      { type: 'describe', sql: 'SELECT id, label, ?1 AS p FROM raw_t WHERE label = :label' },
    ]);
    expect(first.status).toBe(200);
    expect(first.body.results.map((r: any) => r.type)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(first.body.results[2].response.result).toMatchObject({ affected_row_count: 1, last_insert_rowid: '1' });
    expect(first.body.results[3].response).toEqual({ type: 'get_autocommit', is_autocommit: false });
    expect(first.body.results[4].response.result).toEqual({
      params: [{ name: '?1' }, { name: ':label' }],
      cols: [
        { name: 'id', decltype: 'INTEGER' },
        { name: 'label', decltype: 'TEXT' },
        { name: 'p', decltype: null },
      ],
      is_explain: false,
      is_readonly: true,
    });
    const baton1 = first.body.baton as string;
    expect(typeof baton1).toBe('string');

    const second = await pipeline(3, baton1, [
      {
        type: 'batch',
        batch: {
          steps: [
            { stmt: { sql: 'SELECT count(*) FROM raw_t' }, condition: { type: 'not', cond: { type: 'is_autocommit' } } },
            { stmt: { sql: 'COMMIT' } },
            { stmt: { sql: 'SELECT 1' }, condition: { type: 'not', cond: { type: 'is_autocommit' } } },
          ],
        },
      },
      { type: 'close_sql', sql_id: 1 },
      { type: 'execute', stmt: { sql_id: 1, named_args: [{ name: 'label', value: { type: 'text', value: 'x' } }] } },
    ]);
    const batch = second.body.results[0].response.result;
    expect(batch.step_results[0].rows).toEqual([[{ type: 'integer', value: '1' }]]);
    expect(batch.step_results[2]).toBeNull(); // autocommit again after COMMIT: skipped
    expect(second.body.results[2]).toMatchObject({ type: 'error', error: { code: 'SQL_NOT_FOUND' } });
    const baton2 = second.body.baton as string;
    expect(baton2).not.toBe(baton1);

    // The previous baton is spent.
    const reused = await pipeline(3, baton1, [{ type: 'get_autocommit' }]);
    expect(reused.status).toBe(400);
    expect(reused.body.code).toBe('BATON_INVALID');

    const closed = await pipeline(3, baton2, [{ type: 'close' }, { type: 'execute', stmt: { sql: 'SELECT 1' } }]);
    expect(closed.body.baton).toBeNull();
    expect(closed.body.results[1]).toMatchObject({ type: 'error', error: { code: 'STREAM_CLOSED' } });
    const afterClose = await pipeline(3, baton2, [{ type: 'close' }]);
    expect(afterClose.status).toBe(400);
    expect(afterClose.body.code).toBe('BATON_INVALID');
  });

  it('describes a writing statement as not read-only', async () => {
    const { body } = await pipeline(2, null, [
      { type: 'describe', sql: 'INSERT INTO raw_t (label) VALUES (?), (@second)' },
      { type: 'describe', sql: 'EXPLAIN QUERY PLAN SELECT * FROM raw_t' },
      { type: 'close' },
    ]);
    expect(body.results[0].response.result).toEqual({
      params: [{ name: null }, { name: '@second' }],
      cols: [],
      is_explain: false,
      is_readonly: false,
    });
    expect(body.results[1].response.result).toMatchObject({ is_explain: true, is_readonly: true });
  });

  it('keeps get_autocommit and is_autocommit to Hrana 3', async () => {
    const { body } = await pipeline(2, null, [{ type: 'get_autocommit' }, { type: 'close' }]);
    expect(body.results[0]).toMatchObject({ type: 'error', error: { code: 'PROTOCOL_VERSION_ERROR' } });
  });

  it('streams a batch through /v3/cursor', async () => {
    const res = await fetch(`${server.url}/v3/cursor`, {
      method: 'POST',
      body: JSON.stringify({ baton: null, batch: { steps: [{ stmt: { sql: 'SELECT 1 AS one UNION ALL SELECT 2' } }, { stmt: { sql: 'SELECT x' } }] } }),
    });
    const lines = (await res.text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(typeof lines[0].baton).toBe('string');
    expect(lines.slice(1).map((e) => e.type)).toEqual(['step_begin', 'row', 'row', 'step_end', 'step_error']);
    expect(lines[2].row).toEqual([{ type: 'integer', value: '1' }]);
    expect(lines[5].error.message).toContain('no such column: x');
    await pipeline(3, lines[0].baton, [{ type: 'close' }]);
  });
});

describe('expiry and authentication', () => {
  let dir2: string;
  let short: HranaServer;
  let shortClient: Client;

  beforeAll(async () => {
    dir2 = mkdtempSync(join(tmpdir(), 'hrana-dev-'));
    short = await startHranaServer({ file: join(dir2, 'short.db'), streamIdleMs: 150, busyTimeoutMs: 50, authToken: 'dev-secret' });
    shortClient = createClient({ url: short.url, authToken: 'dev-secret' });
  });

  afterAll(async () => {
    shortClient?.close();
    await short?.close();
    if (dir2) rmSync(dir2, { recursive: true, force: true });
  });

  it('requires the bearer token when one is configured', async () => {
    const anonymous = createClient({ url: short.url });
    const err = await failure(anonymous.execute('SELECT 1'));
    expect(err.code).toBe('UNAUTHORIZED');
    anonymous.close();
    const wrong = createClient({ url: short.url, authToken: 'nope' });
    expect((await failure(wrong.execute('SELECT 1'))).code).toBe('UNAUTHORIZED');
    wrong.close();
    expect((await shortClient.execute('SELECT 1 AS one')).rows[0]!.one).toBe(1);
    expect((await fetch(`${short.url}/health`)).status).toBe(200);
  });

  it('expires an idle stream and rolls its transaction back', async () => {
    await shortClient.execute('CREATE TABLE exp_t (id INTEGER PRIMARY KEY, v TEXT)');
    const tx = await shortClient.transaction('write');
    await tx.execute("INSERT INTO exp_t (v) VALUES ('never committed')");
    await sleep(400);
    const err = await failure(tx.commit());
    expect(err.code).toBe('STREAM_EXPIRED');
    // Rolled back, and the write lock is free again.
    expect((await shortClient.execute('SELECT count(*) AS n FROM exp_t')).rows[0]!.n).toBe(0);
    await shortClient.execute("INSERT INTO exp_t (v) VALUES ('later')");
    expect((await shortClient.execute('SELECT v FROM exp_t')).rows.map((r) => r.v)).toEqual(['later']);
  });

  it('gives up on a lock held too long with SQLITE_BUSY, and the stream stays usable', async () => {
    await shortClient.execute('CREATE TABLE busy_t (v TEXT)');
    // Another process holding the write lock (say, a migration tool), outside the server's streams.
    const holder = new Database(join(dir2, 'short.db'));
    holder.exec("BEGIN IMMEDIATE; INSERT INTO busy_t (v) VALUES ('holder')");
    const target = { url: short.url, token: 'dev-secret' };
    const blocked = await pipeline(3, null, [{ type: 'execute', stmt: { sql: "INSERT INTO busy_t (v) VALUES ('blocked')" } }], target);
    expect(blocked.body.results[0]).toMatchObject({ type: 'error', error: { code: 'SQLITE_BUSY' } });
    holder.exec('COMMIT');
    holder.close();
    // The statement that gave up is still active inside SQLite; it must not block this stream's COMMIT.
    const after = await pipeline(
      3,
      blocked.body.baton,
      [
        { type: 'execute', stmt: { sql: 'BEGIN' } },
        { type: 'execute', stmt: { sql: "INSERT INTO busy_t (v) VALUES ('retried')" } },
        { type: 'execute', stmt: { sql: 'COMMIT' } },
        { type: 'close' },
      ],
      target,
    );
    expect(after.body.results.map((r: any) => r.type)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect((await shortClient.execute('SELECT v FROM busy_t ORDER BY rowid')).rows.map((r) => r.v)).toEqual(['holder', 'retried']);
  });
});
