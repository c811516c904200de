/**
 * Writes over HTTP and exact integers, from inside workerd with `@libsql/client/web`, the client the
 * Worker uses (`createWorkerClient` in src/worker.ts), against the Hrana dev server.
 */
/// <reference types="@cloudflare/vitest-pool-workers/types" />
import { env, exports } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import { createDatabase } from '../../src/db/client.ts';
import { loadBundle } from '../../src/ingest/load.ts';
import worker, { createWorkerClient, type Env } from '../../src/worker.ts';
import { textBundle } from '../helpers/bundles.ts';

/** The Worker under test (src/worker.ts, the pool's `main`), called through its loopback binding. */
const SELF = (exports as unknown as { default: Fetcher }).default;

const workerEnv = env as unknown as Env;

const BODY =
  'TEHRAN (Newsgraph test) – Worker Testfigure, Deputy Secretary of the Supreme National Security Council, ' +
  'said the HTTP write path “works as a transaction”.';

/** A small bundle: one new person holding a role in an organisation the seed already has. */
const bundle = textBundle(
  { uri: 'urn:newsgraph:test:worker-write-path', slugline: 'worker-write-path', headline: 'The Worker writes through Hrana', body: BODY },
  {
    people: [{ key: 'worker-testfigure', name: 'Worker Testfigure', rel: 'about', roles: [{ title: 'Deputy Secretary', organisation: 'snsc' }] }],
    organisations: [{ key: 'snsc', name: 'Supreme National Security Council', acronym: 'SNSC', kind: 'GOVERNMENT_BODY', rel: 'mentions' }],
    quotes: [{ text: 'works as a transaction', speaker: 'worker-testfigure' }],
  },
);

async function gql(query: string): Promise<any> {
  const res = await SELF.fetch('http://newsgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-newsgraph-debug': 'sql' },
    body: JSON.stringify({ query }),
  });
  return res.json();
}

describe('writes over HTTP', () => {
  it('loads a bundle in one transaction through @libsql/client/web and the Worker reads it back', async () => {
    const client = createWorkerClient(workerEnv);
    try {
      const db = createDatabase(client);
      const first = await loadBundle(db, bundle, new Date('2026-11-29T10:00:00Z'));
      expect(first).toMatchObject({ created: true, changed: true, version: 1 });
      const again = await loadBundle(db, bundle, new Date('2026-11-29T11:00:00Z'));
      expect(again).toMatchObject({ articleId: first.articleId, created: false, changed: false, version: 1 });

      const body = await gql(`{ article(slug: "${first.slug}") { headline quotes { text speaker { name } }
        people(first: 5) { edges { rel node { name roles { title organisation { name acronym } } } } } } }`);
      expect(body.errors).toBeUndefined();
      expect(body.extensions.sql.statements).toBe(1);
      expect(body.data.article).toEqual({
        headline: 'The Worker writes through Hrana',
        quotes: [{ text: 'works as a transaction', speaker: { name: 'Worker Testfigure' } }],
        people: { edges: [{ rel: 'ABOUT', node: { name: 'Worker Testfigure', roles: [{ title: 'Deputy Secretary', organisation: { name: 'Supreme National Security Council', acronym: 'SNSC' } }] } }] },
      });
    } finally {
      client.close();
    }
  });

  it('a failing transaction leaves nothing behind', async () => {
    const client = createWorkerClient(workerEnv);
    try {
      const tx = await client.transaction('write');
      await tx.execute({ sql: 'insert into cameo_codes (code, name, root_code, quad_class, goldstein) values (?, ?, ?, ?, ?)', args: ['9999', 'test only', '99', 1, 0] });
      await expect(tx.execute('insert into no_such_table values (1)')).rejects.toThrow(/no such table/);
      await tx.rollback();
      const rows = await client.execute({ sql: 'select count(*) as n from cameo_codes where code = ?', args: ['9999'] });
      expect(rows.rows[0]!.n).toBe(0);
    } finally {
      client.close();
    }
  });
});

describe('integers beyond 2^53', () => {
  const BIG = 9007199254740993n; // 2^53 + 1: not representable as a JS number

  it('round-trip exactly with intMode bigint and string', async () => {
    const asBigint = createWorkerClient(workerEnv, 'bigint');
    const asString = createWorkerClient(workerEnv, 'string');
    try {
      expect((await asBigint.execute('select 9007199254740993 as n')).rows[0]!.n).toBe(BIG);
      expect((await asString.execute('select 9007199254740993 as n')).rows[0]!.n).toBe('9007199254740993');
      // Written as an argument, stored as an INTEGER, read back unchanged (one stream: a batch).
      const [, , read] = await asBigint.batch(
        ['create temp table big (n integer)', { sql: 'insert into big values (?)', args: [BIG] }, 'select n, typeof(n) as t, n - 1 as below from big'],
        'write',
      );
      expect(read!.rows[0]).toMatchObject({ n: BIG, t: 'integer', below: BIG - 1n });
    } finally {
      asBigint.close();
      asString.close();
    }
  });

  it('the app client (intMode number) refuses rather than rounds', async () => {
    const client = createWorkerClient(workerEnv);
    try {
      await expect(client.execute('select 9007199254740993 as n')).rejects.toThrow(RangeError);
      expect((await client.execute('select 9007199254740991 as n')).rows[0]!.n).toBe(Number.MAX_SAFE_INTEGER);
    } finally {
      client.close();
    }
  });
});

describe('Worker configuration', () => {
  it('has the Workers Rate Limiting bindings from wrangler.toml (simulated locally)', async () => {
    expect(typeof workerEnv.RATE_LIMITER?.limit).toBe('function');
    expect(typeof workerEnv.CREDENTIAL_RATE_LIMITER?.limit).toBe('function');
    expect(await workerEnv.RATE_LIMITER!.limit({ key: 'ip:192.0.2.1' })).toMatchObject({ success: true });
  });

  const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} } as unknown as ExecutionContext;
  const call = (e: Env, headers: Record<string, string> = { 'x-newsgraph-debug': 'sql' }) =>
    worker.fetch(
      new Request('http://newsgraph.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: '{ article(slug: "larijani-pakistan-visit") { slug } }' }) }) as Parameters<typeof worker.fetch>[0],
      e,
      ctx,
    );

  it('keeps SQL debugging off unless DEBUG_SQL turns it on', async () => {
    const off = (await (await call({ ...workerEnv, DEBUG_SQL: 'false' })).json()) as any;
    expect(off.data.article.slug).toBe('larijani-pakistan-visit');
    expect(off.extensions?.sql).toBeUndefined();
    const unset = { ...workerEnv } as Partial<Env>;
    delete unset.DEBUG_SQL;
    const dflt = (await (await call(unset as Env)).json()) as any;
    expect(dflt.extensions?.sql).toBeUndefined();
    const on = (await (await call({ ...workerEnv, DEBUG_SQL: 'true' })).json()) as any;
    expect(on.extensions.sql.statements).toBe(1);
  });

  it('answers 500 with the reason when LIBSQL_URL is missing or a var is malformed', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const missing = await call({ ...workerEnv, LIBSQL_URL: '' });
    expect(missing.status).toBe(500);
    expect(JSON.stringify(await missing.json())).toContain('LIBSQL_URL is not set');
    for (const url of ['file:/tmp/local.db?authToken=s3cret-token', 'nonsense?authToken=s3cret-token']) {
      const res = await call({ ...workerEnv, LIBSQL_URL: url });
      expect(res.status).toBe(500);
      const text = JSON.stringify(await res.json());
      expect(text).toContain('LIBSQL_URL is not a usable libSQL URL');
      expect(text).not.toContain('s3cret');
    }
    const bad = await call({ ...workerEnv, MAX_PAGE_SIZE: 'lots' });
    expect(bad.status).toBe(500);
    expect(JSON.stringify(await bad.json())).toContain('MAX_PAGE_SIZE');
    expect(logged.mock.calls.map((c) => c.join(' ')).join('\n')).not.toContain('s3cret');
    expect(logged).toHaveBeenCalledTimes(4);
    logged.mockRestore();
  });
});
