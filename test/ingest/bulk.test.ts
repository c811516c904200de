/**
 * The bulk path (src/ingest/bulk.ts) against the one-by-one loader: a generated corpus loaded in
 * chunks gives the very database `loadBundle` gives article by article (every table, ids and
 * sequences included, the search index too), on the embedded file and over HTTP (Hrana dev
 * server); a bad article in a chunk is refused alone with its problems; a re-load changes
 * nothing; over HTTP a chunk costs a bounded number of requests (counted at the client's fetch).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database } from '../../src/db/client.ts';
import { loadBundles } from '../../src/ingest/bulk.ts';
import { loadBundle } from '../../src/ingest/load.ts';
import { openDatabase } from '../../src/ingest/open.ts';
import { CorpusGenerator } from '../fixtures/corpus.ts';
import { countingFetch, tempDbOverHrana } from './helpers.ts';

const N = 120;
const now = new Date(Date.UTC(2026, 0, 1));
const corpus = () => {
  const gen = new CorpusGenerator({ articles: N, seed: 4242 });
  return Array.from({ length: N }, (_, i) => gen.bundle(i));
};

let dir: string;
const open = (name: string) => openDatabase(`file:${path.join(dir, `${name}.db`)}`);

/** Every table (FTS5 shadow tables aside), rows in rowid order with their rowids, and `sqlite_sequence`. */
async function dump(db: Database): Promise<Record<string, string[]>> {
  const tables = (await db.$client.execute(`select name, sql from sqlite_master where type = 'table' and name not like 'search_fts_%' and name not like 'article_fts_%' and name not like '\\_\\_%' escape '\\' order by name`)).rows;
  const out: Record<string, string[]> = {};
  for (const t of tables) {
    const name = String(t.name);
    const withoutRowid = /without rowid/i.test(String(t.sql));
    // article_fts rowids (publication key × 2^27 + id) pass 2^53: read them as text.
    const q = name === 'sqlite_sequence' ? 'select * from sqlite_sequence order by name' : withoutRowid ? `select * from ${name} order by 1` : `select cast(rowid as text) as rowid_text, * from ${name} order by rowid`;
    out[name] = (await db.$client.execute(q)).rows.map((r) => JSON.stringify(r));
  }
  return out;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'newsgraph-bulk-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bulk load of a generated corpus', () => {
  let single: Record<string, string[]>;
  beforeAll(async () => {
    const db = await open('single');
    for (const b of corpus()) await loadBundle(db, b, { now });
    single = await dump(db);
    db.$client.close();
  }, 120_000);

  it('gives the database the one-by-one loads give, ids included (embedded file)', async () => {
    const db = await open('bulk');
    const outcomes = await loadBundles(db, corpus(), { now, chunkSize: 32 });
    expect(outcomes.map((o) => (o.status === 'loaded' ? o.via : o.status))).toEqual(Array(N).fill('bulk'));
    const bulk = await dump(db);
    expect(Object.keys(bulk)).toEqual(Object.keys(single));
    expect(bulk.articles!.length).toBe(N);
    for (const table of Object.keys(single)) expect(bulk[table], table).toEqual(single[table]);

    // Re-loading the same chunk changes nothing and says so.
    const again = await loadBundles(db, corpus(), { now: new Date(), chunkSize: 32 });
    expect(again.every((o) => o.status === 'loaded' && !o.result.changed && !o.result.created)).toBe(true);
    expect(await dump(db)).toEqual(bulk);
    db.$client.close();
  }, 120_000);

  it('over HTTP (Hrana): the same database, in at most 0.25 round trips per article', async () => {
    const counter = countingFetch();
    const h = await tempDbOverHrana({ fetch: counter.fetch });
    try {
      const before = counter.requests;
      const outcomes = await loadBundles(h.db, corpus(), { now, chunkSize: 40 });
      const requests = counter.requests - before;
      expect(outcomes.every((o) => o.status === 'loaded' && o.via === 'bulk')).toBe(true);
      // Three chunks of 40: each BEGIN + read, engagements read, write batch, fold read(s) + writes, COMMIT.
      expect(requests / N).toBeLessThanOrEqual(0.25);
      const bulk = await dump(h.db);
      for (const table of Object.keys(single)) expect(bulk[table], table).toEqual(single[table]);
    } finally {
      await h.close();
    }
  }, 120_000);
});

describe('a chunk with bad articles', () => {
  it('refuses each bad article with its problems and loads the others', async () => {
    const db = await open('mixed');
    const bundles: unknown[] = corpus().slice(0, 6);
    const bad = structuredClone(bundles[2]) as { ninjs: { uri: string; headlines?: unknown }; annotations: { engagements: { cameo: string }[] } };
    bad.ninjs.uri = 'urn:test:bad';
    delete bad.ninjs.headlines;
    bad.annotations.engagements[0]!.cameo = '999';
    bundles.splice(3, 0, bad, 'not an article');
    const outcomes = await loadBundles(db, bundles, { now, chunkSize: 10 });
    expect(outcomes.map((o) => o.status)).toEqual(['loaded', 'loaded', 'loaded', 'rejected', 'rejected', 'loaded', 'loaded', 'loaded']);
    const refused = outcomes[3]!;
    if (refused.status !== 'rejected') throw new Error('expected a refusal');
    const paths = refused.problems.map((p) => p.path).join(' ');
    expect(paths).toMatch(/headlines/);
    expect(paths).toMatch(/engagements\.0\.cameo/);
    const uris = (await db.$client.execute('select uri from articles order by id')).rows.map((r) => String(r.uri));
    expect(uris).toHaveLength(6);
    expect(uris).not.toContain('urn:test:bad');

    // The same, one by one, gives the same database.
    const one = await open('mixed-single');
    for (const b of bundles) await loadBundle(one, b, { now }).catch(() => null);
    expect(await dump(db)).toEqual(await dump(one));
    db.$client.close();
    one.$client.close();
  }, 60_000);

  it('loads a re-load with changed content through the single path, in order', async () => {
    const db = await open('reload');
    const one = await open('reload-single');
    const bundles = corpus().slice(0, 8) as { ninjs: { headlines: { value: string }[] } }[];
    const changed = structuredClone(bundles[1]!);
    changed.ninjs.headlines[0]!.value = 'A changed headline';
    const inputs = [...bundles.slice(0, 4), changed, ...bundles.slice(4)];
    const outcomes = await loadBundles(db, inputs, { now, chunkSize: 50 });
    expect(outcomes.map((o) => (o.status === 'loaded' ? `${o.via}:${o.result.version}` : o.status))).toEqual([
      'bulk:1', 'bulk:1', 'bulk:1', 'bulk:1', 'single:2', 'bulk:1', 'bulk:1', 'bulk:1', 'bulk:1',
    ]);
    for (const b of inputs) await loadBundle(one, b, { now });
    expect(await dump(db)).toEqual(await dump(one));
    db.$client.close();
    one.$client.close();
  }, 60_000);
});

/**
 * A chunk's writes go table by table, each table's rows of every article in one statement: this
 * chunk makes that order matter. Stored rows are refined by later articles (a place's kind and
 * country, an organisation's acronym, a person's nationality), an entity made by one article
 * gets aliases from the next, one engagement is re-reported with new words in the same chunk,
 * ninjs events and evidence set the article's late columns, and the alias rows offered pass
 * SQLite's parameter limit, so that insert is split.
 */
describe('a chunk whose writes depend on one another', () => {
  const town = (i: number) => `Velmora ${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26)}`;
  const person = (i: number, k: number) => `Orla Quenby${k}x${i % 7}`;
  function article(i: number) {
    const headline = `Harbour council of ${town(i)} meets on dredging, part ${i}`;
    const body = `In ${town(i)} the harbour council met again. Speakers from the Harbour Authority argued over dredging costs of $${i + 2} million.`;
    const text = `${headline}\n${body}`;
    const span = (words: string): [number, number] => [text.indexOf(words), text.indexOf(words) + words.length];
    const crowd = Array.from({ length: 30 }, (_, k) => ({
      key: `c${k}`,
      name: person(i, k),
      aliases: [`O. Quenby${k}x${i % 7}`, `Quenby${k}x${i % 7}`, `Orla Q${k}x${i % 7}`],
      rel: 'mentions',
    }));
    return {
      ninjs: {
        uri: `urn:bulk-writes:${i}`,
        type: 'text',
        language: 'en',
        firstCreated: new Date(Date.UTC(2030, 0, 1) + i * 86_400_000).toISOString(),
        headlines: [{ role: 'main', value: headline }],
        bodies: [{ role: 'main', contentType: 'text/plain', value: body }],
        events: [{ name: `Council sitting ${i % 3}`, rel: 'about', literal: 'sitting' }],
      },
      annotations: {
        people: [
          // From article 1 on she has a nationality (refines the row article 0 made) and from article 2 an alias.
          { key: 'mayor', name: 'Tamsin Orrell', rel: 'about', ...(i >= 1 ? { nationality: 'land' } : {}), aliases: i >= 2 ? ['T. Orrell'] : [] },
          ...crowd,
        ],
        organisations: [
          // The acronym arrives in article 3 (an update whose trigger queues the articles linking to it).
          { key: 'ha', name: 'Harbour Authority', kind: 'GOVERNMENT_BODY', rel: 'mentions', ...(i >= 3 ? { acronym: 'HAV' } : {}) },
        ],
        places: [
          // Kind OTHER at first, CITY with a country from article 1 on (kind upgrade and country set on a stored row).
          { key: 'port', name: 'Port Selwick', kind: i === 0 ? 'OTHER' : 'CITY', rel: 'about', ...(i >= 1 ? { country: 'land' } : {}) },
          { key: 'land', name: 'Norvania', kind: 'COUNTRY', rel: 'mentions' },
          { key: 'town', name: town(i), kind: 'CITY', rel: 'mentions', country: 'land' },
        ],
        engagements: [
          {
            key: 'sitting',
            kind: 'MEETING',
            cameo: '040',
            // The same sitting (same fingerprint) in every third article, each time in other words.
            summary: `The council sits, as told in part ${i}`,
            date: { edtf: `2030-01-0${1 + (i % 3)}` },
            place: 'port',
            participants: [{ actor: 'mayor', role: 'HOST' }, { actor: 'ha', role: 'PARTICIPANT' }, { actor: 'c0', role: 'GUEST' }],
            evidence: { stage: 'engagements', rule: 'met-verb', spans: [span('harbour council met')] },
          },
        ],
        figures: [{ text: `$${i + 2} million`, value: (i + 2) * 1e6, currency: 'USD', metric: 'dredging cost' }],
      },
    };
  }
  const inputs = () => Array.from({ length: 50 }, (_, i) => article(i));

  it('gives the database the one-by-one loads give', async () => {
    const one = await open('writes-single');
    for (const b of inputs()) await loadBundle(one, b, { now });
    const db = await open('writes-bulk');
    const sent: string[] = [];
    const transaction = db.$client.transaction.bind(db.$client);
    db.$client.transaction = (async (...args: Parameters<typeof transaction>) => {
      const tx = await transaction(...args);
      const batch = tx.batch.bind(tx);
      tx.batch = (stmts) => (sent.push(...stmts.map((s) => (typeof s === 'string' ? s : 'sql' in s ? s.sql : s[0]))), batch(stmts));
      return tx;
    }) as typeof db.$client.transaction;
    const outcomes = await loadBundles(db, inputs(), { now, chunkSize: 50 });
    expect(outcomes.map((o) => (o.status === 'loaded' ? o.via : o.status))).toEqual(Array(50).fill('bulk'));
    // The case is there: alias inserts split at the parameter limit, refining updates, late columns set.
    expect(sent.filter((s) => s.startsWith('insert into "aliases"')).length).toBeGreaterThan(1);
    expect(sent.some((s) => /^update "places" set .*"kind"/.test(s))).toBe(true);
    expect(sent.some((s) => /^update "organisations" set .*"acronym"/.test(s))).toBe(true);
    const late = await db.$client.execute("select count(*) n from articles where extraction is not null and ninjs_extra like '%Council sitting%'");
    expect(Number(late.rows[0]!.n)).toBe(50);
    const bulk = await dump(db);
    const single = await dump(one);
    expect(Object.keys(bulk)).toEqual(Object.keys(single));
    for (const table of Object.keys(single)) expect(bulk[table], table).toEqual(single[table]);
    db.$client.close();
    one.$client.close();
  }, 120_000);
});
