/**
 * Twenty concurrent ingests of overlapping bundles, as parallel HTTP mutations against the real
 * Node server (@hono/node-server on loopback), over the embedded file and over the Hrana dev
 * server: every ingest succeeds, each entity and each shared engagement exists exactly once,
 * no link is lost.
 */
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { NO_AUTH } from '../../src/auth/credentials.ts';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/client.ts';
import { tempDb, tempDbOverHrana } from './helpers.ts';

const KEY = 'test-key-concurrency-0123456789';
const N = 20;

// Spellings differ between bundles (case, diacritics, surname-only) but name the same entities.
const PEOPLE = [
  ['Ada Lovelace', 'ADA LOVELACE', 'Ada Lovelace'],
  ['José Martí', 'Jose Marti', 'JOSÉ MARTÍ'],
  ['Zhou Enlai', 'zhou enlai', 'Zhou Enlai'],
  ['Wangari Maathai', 'Wangari Maathai', 'WANGARI MAATHAI'],
  ['Łukasz Nowak', 'Lukasz Nowak', 'ŁUKASZ NOWAK'],
] as const;
const ORGS = ['United Nations', 'African Union', 'Red Cross'] as const;
const CITIES = ['Geneva', 'Nairobi', 'Havana'] as const;

/** Bundle i: three of the five people, two organisations, a city in a country, one engagement shared by every third bundle. */
function overlapping(i: number) {
  const people = [0, 1, 2].map((k) => (i + k) % PEOPLE.length);
  const orgs = [i % ORGS.length, (i + 1) % ORGS.length];
  const city = CITIES[i % CITIES.length]!;
  const shared = i % 3; // engagements with the same participants, place and date are one engagement
  return {
    ninjs: {
      uri: `urn:test:concurrent:${i}`,
      headlines: [{ value: `Concurrent article ${i}` }],
      bodies: [{ value: `Body ${i}: “words ${i}” were said in ${city}.` }],
    },
    annotations: {
      people: people.map((p, k) => ({ key: `p${k}`, name: PEOPLE[p]![i % 3]!, rel: k === 0 ? 'about' : 'mentions' })),
      organisations: orgs.map((o, k) => ({ key: `o${k}`, name: ORGS[o]!, kind: 'INTERNATIONAL_ORGANISATION', rel: 'mentions' })),
      places: [
        { key: 'city', name: city, kind: 'CITY', country: 'country', rel: 'about' },
        { key: 'country', name: `${city}land`, kind: 'COUNTRY', rel: 'mentions' },
      ],
      engagements: [
        {
          key: 'e',
          kind: 'MEETING',
          cameo: '043',
          summary: `Meeting ${shared}`,
          place: 'city',
          date: { edtf: `2025-11-2${shared}` },
          participants: [{ actor: 'o0', role: 'HOST' }],
        },
      ],
      quotes: [{ text: `words ${i}`, speaker: 'p0', engagement: 'e' }],
      figures: [],
    },
  };
}

function concurrent(name: string, open: () => Promise<{ db: Database; close: () => Promise<void> | void }>) {
  describe(`${N} concurrent ingests over HTTP: ${name}`, () => {
    let db: Database;
    let closeDb: () => Promise<void> | void;
    let server: ServerType;
    let url: string;
    beforeAll(async () => {
      ({ db, close: closeDb } = await open());
      const config = { ...loadConfig({}), auth: { ...NO_AUTH, apiKeys: [KEY] } };
      const app = createApp({ db, config });
      await new Promise<void>((resolve) => {
        server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
          url = `http://127.0.0.1:${info.port}/graphql`;
          resolve();
        });
      });
    });
    afterAll(async () => {
      await new Promise((resolve) => server.close(resolve));
      await closeDb();
    });
    const q = async (sql: string) => (await db.$client.execute(sql)).rows.map((r) => ({ ...r }));

    it('creates each entity and each shared engagement exactly once, and loses no link', async () => {
      const post = (i: number) =>
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${KEY}` },
          body: JSON.stringify({
            query: 'mutation($b: JSON!) { ingestArticle(bundle: $b) { created article { uri } } }',
            variables: { b: overlapping(i) },
          }),
        }).then(async (r) => ({ status: r.status, body: (await r.json()) as { data?: any; errors?: unknown[] } }));
      const results = await Promise.all(Array.from({ length: N }, (_, i) => post(i)));
      for (const [i, r] of results.entries()) {
        expect(r.body.errors, `ingest ${i}`).toBeUndefined();
        expect(r.status).toBe(200);
        expect(r.body.data.ingestArticle).toEqual({ created: true, article: { uri: `urn:test:concurrent:${i}` } });
      }
      expect(await q('select count(*) n from articles')).toEqual([{ n: N }]);
      // One person per folded name (whichever spelling arrived first is the display name; the others fold to it).
      expect((await q('select name_key from people order by name_key')).map((r) => r.name_key)).toEqual(
        ['ada lovelace', 'jose marti', 'lukasz nowak', 'wangari maathai', 'zhou enlai'],
      );
      expect(await q('select count(*) n from organisations')).toEqual([{ n: ORGS.length }]);
      expect(await q('select count(*) n from places')).toEqual([{ n: CITIES.length * 2 }]);
      // Three distinct meetings (shared = 0, 1, 2) with place and participants: one engagement each.
      expect(await q('select count(*) n from engagements')).toEqual([{ n: 3 }]);
      expect(await q('select count(*) n from engagement_articles')).toEqual([{ n: N }]);
      expect(await q('select count(*) n from article_people')).toEqual([{ n: N * 3 }]);
      expect(await q('select count(*) n from article_organisations')).toEqual([{ n: N * 2 }]);
      expect(await q('select count(*) n from article_places')).toEqual([{ n: N * 2 }]);
      expect(await q('select count(*) n from quotes')).toEqual([{ n: N }]);
      expect(await q('select count(*) n from participants')).toEqual([{ n: 3 }]);
    });

    it('twenty concurrent re-ingests of the same bundles change nothing', async () => {
      const before = await q('select id, version from articles order by id');
      const results = await Promise.all(
        Array.from({ length: N }, (_, i) =>
          fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-api-key': KEY },
            body: JSON.stringify({ query: 'mutation($b: JSON!) { ingestArticle(bundle: $b) { created changed } }', variables: { b: overlapping(i) } }),
          }).then((r) => r.json() as Promise<{ data?: any }>),
        ),
      );
      for (const r of results) expect(r.data.ingestArticle).toEqual({ created: false, changed: false });
      expect(await q('select id, version from articles order by id')).toEqual(before);
    });
  });
}

concurrent('Node app on the embedded file', tempDb);

concurrent('Node app on the Hrana dev server (@libsql/client/web)', tempDbOverHrana);

it('the embedded client queues write transactions: a reader is never blocked meanwhile', async () => {
  const t = await tempDb();
  try {
    const { loadBundle } = await import('../../src/ingest/load.ts');
    const loads = Array.from({ length: 5 }, (_, i) => loadBundle(t.db, overlapping(i)));
    const read = t.db.$client.execute('select count(*) n from articles');
    await expect(read).resolves.toBeTruthy();
    await Promise.all(loads);
    expect(Number((await t.db.$client.execute('select count(*) n from articles')).rows[0]!.n)).toBe(5);
  } finally {
    t.close();
  }
});
