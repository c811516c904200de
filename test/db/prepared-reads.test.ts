/**
 * Prepared reads (src/db/prepared.ts) on a real libSQL file: a read runs on the event loop, or,
 * while other requests are in flight, on a reader thread; both give the same values and errors,
 * see committed writes, and the app's concurrent compiled answers are those of sequential ones.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createDatabase } from '../../src/db/client.ts';
import { preparedReader, type PreparedReader } from '../../src/db/prepared.ts';
import { openDatabase } from '../../src/ingest/open.ts';
import { loadSeed } from '../../src/ingest/seed.ts';

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-prepared-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('preparedReader', () => {
  const file = join(dir, 'plain.db');
  const writer = createClient({ url: `file:${file}` });
  let reader: PreparedReader;
  beforeAll(async () => {
    await writer.execute('PRAGMA journal_mode = WAL');
    await writer.execute('create table notes (id integer primary key, text text not null)');
    await writer.execute(`insert into notes (id, text) values (1, 'Ein Grüß aus Łódź'), (2, 'second')`);
    reader = preparedReader(file, [], 2);
  });
  afterAll(() => {
    reader.close();
    writer.close();
  });
  // Another request in flight: the read goes to a thread.
  const onThread = { load: { inFlight: 2, arrived: 2 } };
  const sql = `select json_object('id', id, 'text', text) from notes where id = ?`;

  it('gives the same value on the event loop and on a thread', async () => {
    const before = { ...reader.stats };
    const inline = await reader.readOne(sql, [1]);
    const threaded = await reader.readOne(sql, [1], onThread);
    expect(inline).toBe('{"id":1,"text":"Ein Grüß aus Łódź"}');
    expect(threaded).toBe(inline);
    expect(reader.stats.inline - before.inline).toBe(1);
    expect(reader.stats.threaded - before.threaded).toBe(1);
  });

  it('stays on the event loop while no other request is in flight or arriving', async () => {
    const alone = preparedReader(file, [], 1);
    try {
      const load = { inFlight: 1, arrived: 1 };
      for (let i = 0; i < 20; i++) expect(await alone.readOne(sql, [2], { load })).toBe('{"id":2,"text":"second"}');
      expect(alone.stats).toEqual({ inline: 20, threaded: 0 });
    } finally {
      alone.close();
    }
  });

  it('answers many overlapping reads each with its own value', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => (i % 2) + 1);
    const values = await Promise.all(ids.map((id) => reader.readOne('select text || ? from notes where id = ?', [`#${id}`, id], onThread)));
    expect(values).toEqual(ids.map((id) => (id === 1 ? 'Ein Grüß aus Łódź#1' : 'second#2')));
  });

  it('gives undefined for no rows and keeps the message and code of an error', async () => {
    expect(await reader.readOne(sql, [99], onThread)).toBeUndefined();
    const inline = await reader.readOne('select 1 from nowhere', []).catch((e: Error & { code?: string }) => e);
    const threaded = await reader.readOne('select 1 from nowhere', [], onThread).catch((e: Error & { code?: string }) => e);
    expect(inline).toBeInstanceOf(Error);
    expect(threaded).toBeInstanceOf(Error);
    expect((threaded as Error).message).toBe((inline as Error).message);
    expect((threaded as Error).message).toMatch(/no such table: nowhere/);
    expect((threaded as { code?: string }).code).toBe((inline as { code?: string }).code);
  });

  it('sees a write committed on another connection', async () => {
    await writer.execute(`insert into notes (id, text) values (3, 'third')`);
    expect(await reader.readOne(sql, [3], onThread)).toBe('{"id":3,"text":"third"}');
    await writer.execute(`update notes set text = 'changed' where id = 3`);
    expect(await reader.readOne(sql, [3], onThread)).toBe('{"id":3,"text":"changed"}');
    expect(await reader.readOne(sql, [3])).toBe('{"id":3,"text":"changed"}');
  });

  it('closes while a thread runs a statement: the read is answered and the process lives on', () => {
    // In a process of its own: a thread stopped inside a statement aborts the whole process.
    const module = fileURLToPath(new URL('../../src/db/prepared.ts', import.meta.url));
    const script = join(dir, 'close-busy.mjs');
    writeFileSync(
      script,
      `const { preparedReader } = await import(${JSON.stringify(module)});
      const reader = preparedReader(${JSON.stringify(file)}, [], 1);
      const load = { inFlight: 2, arrived: 2 };
      await reader.readOne('select 1', [], { load }); // the thread runs
      const slow = reader.readOne('with recursive c(x) as (select 1 union all select x + 1 from c where x < 400000) select count(*) || ? from c', [' rows'], { load });
      const quick = reader.readOne('select text from notes where id = ?', [2], { load });
      await new Promise((resolve) => setTimeout(resolve, 20));
      reader.close();
      console.log(JSON.stringify(await Promise.all([slow, quick])), JSON.stringify(reader.stats));`,
    );
    const child = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 30_000 });
    expect(child.stderr).not.toMatch(/panicked/);
    expect(child.status).toBe(0);
    expect(child.stdout.trim()).toBe('["400000 rows","second"] {"inline":0,"threaded":3}');
  });

  it('with no threads, runs every read on the event loop', async () => {
    const local = preparedReader(file, [], 0);
    try {
      expect(await local.readOne(sql, [2], onThread)).toBe('{"id":2,"text":"second"}');
      expect(local.stats).toEqual({ inline: 1, threaded: 0 });
    } finally {
      local.close();
    }
  });
});

describe('the app under overlapping requests', () => {
  const file = join(dir, 'seeded.db');
  let reader: PreparedReader;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    const seeded = await openDatabase(`file:${file}`, { readThreads: 0 });
    await loadSeed(seeded);
    seeded.$client.close();
    reader = preparedReader(file, [], 1);
    const db = createDatabase(createClient({ url: `file:${file}` }), reader.readOne);
    app = createApp({ db, config: loadConfig({}, { debugSql: true, rateLimit: { anonymous: 0, credential: 0 } as never }) });
  });
  afterAll(() => reader.close());

  const query = `{ articles(first: 5) { totalCount edges { cursor node { id slug headline people(first: 3) { edges { node { name } } } } } } }`;
  const post = async () => {
    const res = await app.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-newsgraph-debug': 'sql' },
      body: JSON.stringify({ query }),
    });
    return { status: res.status, body: (await res.json()) as { data: unknown; extensions: { sql: { statements: number; compiled: boolean } } } };
  };

  it('answers overlapping requests as it answers one at a time, one compiled statement each, reads on a thread', async () => {
    const alone = await post();
    expect(alone.status).toBe(200);
    expect(alone.body.extensions.sql).toMatchObject({ statements: 1, compiled: true });
    expect((alone.body.data as { articles: { edges: unknown[] } }).articles.edges.length).toBeGreaterThan(0);
    const threadedBefore = reader.stats.threaded;
    const together = await Promise.all(Array.from({ length: 12 }, post));
    for (const answer of together) {
      expect(answer.status).toBe(200);
      expect(answer.body.data).toEqual(alone.body.data);
      expect(answer.body.extensions.sql).toMatchObject({ statements: 1, compiled: true });
    }
    // Reads a thread answered (a thread that cannot start leaves them all on the event loop).
    expect(reader.stats.threaded - threadedBefore).toBeGreaterThan(0);
  });
});
