/**
 * Stable identities and idempotent round trips (issue 12, items 1 to 3): a re-ingest keeps the
 * ids, global ids and exported URIs of the engagements, quotes and figures still there, and an id
 * that named something gone answers null / 404, never something else; an article's own export,
 * through the loader and through `npm run export | npm run ingest`, is unchanged, alternating with
 * its source bundle too; an undated engagement never merges with another because neither has a date.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle } from '../../src/export/bundle.ts';
import { extractArticle } from '../../src/extract/index.ts';
import { encodeGlobalID } from '../../src/graphql/ids.ts';
import { loadBundle } from '../../src/ingest/load.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { bundle, repoRoot, seedBundle, snapshot, tempDb, withTempDb } from './helpers.ts';

const BASE = 'http://127.0.0.1:8787';
const SLUG = 'larijani-pakistan-visit';
const own = { ownBaseUrls: [BASE] };
const rows = async (t: TestApp, sql: string) => (await t.db.$client.execute(sql)).rows.map((r) => ({ ...r }));

describe('stable identities on re-ingest', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: false, config: { publicBaseUrl: BASE } });
  });
  afterAll(() => t.close());

  it('keeps the ids of engagements (dated or not), quotes and figures still there; what went answers null and 404', async () => {
    const source = seedBundle();
    await loadBundle(t.db, source, own);
    const engagementsBefore = await rows(t, 'select id, summary, date_precision from engagements order by id');
    const quotesBefore = await rows(t, 'select id, text from quotes order by position');
    const figuresBefore = await rows(t, 'select id, text from figures order by position');
    expect(engagementsBefore.some((e) => e.date_precision === 'UNKNOWN')).toBe(true);
    expect(quotesBefore.length).toBeGreaterThan(1);
    expect(figuresBefore.length).toBeGreaterThan(0);
    const ninjsBefore = (await t.gql(`{ article(slug: "${SLUG}") { ninjs } }`)).body.data.article.ninjs;

    // An edit: a new headline, the last quote dropped, the first one moved to the end, a figure restated.
    const edited = structuredClone(source);
    edited.ninjs.headlines[0].value += ' (updated)';
    const quotes = edited.annotations.quotes;
    const dropped = quotes.pop();
    quotes.push(quotes.shift());
    edited.annotations.figures[0].metric = 'restated';
    // A quote given to another engagement is the same quote (its words and speaker): updated in place.
    const requoted = quotes.find((q: { engagement?: string }) => q.engagement)!;
    const otherEngagement = edited.annotations.engagements.find((e: { key: string }) => e.key !== requoted.engagement)!.key;
    requoted.engagement = otherEngagement;
    expect((await loadBundle(t.db, edited, own)).version).toBe(2);

    expect(await rows(t, 'select id, summary, date_precision from engagements order by id')).toEqual(engagementsBefore);
    const quotesAfter = await rows(t, 'select id, text from quotes');
    expect(quotesAfter).toEqual(expect.arrayContaining(quotesBefore.filter((q) => q.text !== dropped.text)));
    expect(quotesAfter).toHaveLength(quotesBefore.length - 1);
    expect(await rows(t, 'select id, text from figures order by position')).toEqual(figuresBefore);
    const [requotedRow] = await rows(t, `select q.id, e.summary from quotes q join engagements e on e.id = q.engagement_id where q.text = '${requoted.text.replaceAll("'", "''")}'`);
    expect(requotedRow!.id).toBe(quotesBefore.find((q) => q.text === requoted.text)!.id);
    expect(requotedRow!.summary).toBe(edited.annotations.engagements.find((e: { key: string }) => e.key === otherEngagement)!.summary);
    const ninjsAfter = (await t.gql(`{ article(slug: "${SLUG}") { ninjs } }`)).body.data.article.ninjs;
    expect(ninjsAfter.events.map((e: { uri: string }) => e.uri)).toEqual(ninjsBefore.events.map((e: { uri: string }) => e.uri));
    for (const e of engagementsBefore) {
      const r = await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: encodeGlobalID('Engagement', Number(e.id)) });
      expect(r.body.data.node, `Engagement:${e.id}`).not.toBeNull();
      expect((await t.app.request(`/engagements/${e.id}`)).status).toBe(200);
    }

    // The dropped quote's id names nothing now, and is never given to another quote.
    const goneQuote = quotesBefore.find((q) => q.text === dropped.text)!.id as number;
    const r = await t.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [encodeGlobalID('Quote', goneQuote)] });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.nodes).toEqual([null]);
    await loadBundle(t.db, source, own);
    expect((await rows(t, `select id from quotes where id = ${goneQuote}`))).toEqual([]);
  });

  it('an engagement that went answers null and 404, and its id is never reissued', async () => {
    const edited = seedBundle();
    const gone = edited.annotations.engagements.pop();
    edited.annotations.quotes = edited.annotations.quotes.filter((q: { engagement?: string }) => q.engagement !== gone.key);
    edited.ninjs.events = (edited.ninjs.events ?? []).filter((e: { literal?: string }) => e.literal !== gone.key);
    const max = Number((await rows(t, 'select max(id) m from engagements'))[0]!.m);
    await loadBundle(t.db, edited, own);
    expect(Number((await rows(t, 'select max(id) m from engagements'))[0]!.m)).toBeLessThan(max);
    const r = await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: encodeGlobalID('Engagement', max) });
    expect(r.body.data.node).toBeNull();
    expect((await t.app.request(`/engagements/${max}`)).status).toBe(404);
    await loadBundle(t.db, bundle('urn:identity:other', {
      people: [{ key: 'a', name: 'Someone Else', rel: 'about' }],
      engagements: [{ key: 'e', kind: 'MEETING', cameo: '040', summary: 'A meeting', participants: [{ actor: 'a', role: 'HOST' }] }],
    }), own);
    expect((await rows(t, `select id from engagements where id = ${max}`))).toEqual([]);
  });
});

describe('round trips are idempotent', () => {
  it('the seed and its own export, alternating, are unchanged (version stays)', () =>
    withTempDb(async (db) => {
      const first = await loadBundle(db, seedBundle(), own);
      const before = await snapshot(db);
      for (let i = 0; i < 2; i++) {
        const exported = await exportBundle(db, { slug: first.slug }, BASE);
        expect(await loadBundle(db, exported, own)).toMatchObject({ changed: false, version: 1 });
        expect(await loadBundle(db, seedBundle(), own)).toMatchObject({ changed: false, version: 1 });
      }
      expect(await snapshot(db)).toEqual(before);
    }));

  it('an extracted bundle carrying evidence and its own export are unchanged', () =>
    withTempDb(async (db) => {
      const { bundle: extracted } = extractArticle({
        headline: 'Harbour talks resume in Port Valen',
        body: 'PORT VALEN – Trade Minister Ilse Brandvold met Harbour Authority chief Omar Castellan on Tuesday. “The quays will reopen before winter,” Brandvold said, adding that repairs would cost $40 million.',
        published: '2031-03-04T08:00:00Z',
        uri: 'urn:identity:extracted',
      });
      expect(extracted.annotations.extractor).toBeDefined();
      const first = await loadBundle(db, extracted, own);
      const exported = await exportBundle(db, { slug: first.slug }, BASE);
      expect(JSON.stringify(exported!.annotations)).toContain('"evidence"');
      const before = await snapshot(db);
      expect(await loadBundle(db, exported, own)).toMatchObject({ changed: false, version: 1 });
      expect(await loadBundle(db, extracted, own)).toMatchObject({ changed: false, version: 1 });
      expect(await snapshot(db)).toEqual(before);
    }));

  it('equality ignores key names and the order of lists, not meaning', () =>
    withTempDb(async (db) => {
      await loadBundle(db, seedBundle(), own);
      const renamed = JSON.parse(JSON.stringify(seedBundle()).replaceAll('"ali-larijani"', '"k-larijani"'));
      for (const list of ['people', 'organisations', 'places', 'engagements', 'figures'] as const) renamed.annotations[list].reverse();
      expect((await loadBundle(db, renamed, own)).changed).toBe(false);
      renamed.annotations.engagements[0].summary += ' (corrected)';
      expect(await loadBundle(db, renamed, own)).toMatchObject({ changed: true, version: 2 });
    }));

  it('`npm run export -- <slug> --bundle | npm run ingest -- -` reports unchanged', async () => {
    const { dir, close } = await tempDb();
    try {
      const env = { ...process.env, LIBSQL_URL: `file:${path.join(dir, 'cli.db')}`, PUBLIC_BASE_URL: '' };
      const node = path.join(repoRoot, 'node_modules/.bin/node');
      const cli = (name: string) => path.join(repoRoot, `src/cli/${name}.ts`);
      const run = (args: string[], stdin?: string) =>
        new Promise<string>((resolve, reject) => {
          const child = execFile(node, args, { env }, (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout)));
          child.stdin!.end(stdin ?? '');
        });
      await run([cli('ingest'), path.join(repoRoot, 'data/seed/larijani-pakistan-visit.bundle.json')]);
      const exported = await run([cli('export'), SLUG, '--bundle']);
      expect(await run([cli('ingest'), '-'], exported)).toMatch(/0 created, 0 updated, 1 unchanged/);
      expect(JSON.parse(await run([cli('export'), SLUG, '--bundle'])).ninjs.version).toBe('1');
    } finally {
      close();
    }
  }, 60_000);
});

describe('engagement fingerprints', () => {
  const meeting = (uri: string, date?: Record<string, unknown>, place = 'vienna') =>
    bundle(uri, {
      people: [
        { key: 'ada', name: 'Ada Lovelace', rel: 'about' },
        { key: 'ali', name: 'Ali Larijani', rel: 'mentions' },
      ],
      places: [{ key: place, name: place === 'vienna' ? 'Vienna' : 'Graz', kind: 'CITY', rel: 'about' }],
      engagements: [
        { key: 'meet', kind: 'MEETING', cameo: '043', summary: 'Lovelace met Larijani', place, ...(date ? { date } : {}),
          participants: [{ actor: 'ada', role: 'HOST' }, { actor: 'ali', role: 'GUEST' }] },
      ],
    });
  const count = async (db: Awaited<ReturnType<typeof tempDb>>['db']) => Number((await db.$client.execute('select count(*) n from engagements')).rows[0]!.n);

  it('two undated (or unknown-dated) events in two articles never merge; two reports of one dated event do', () =>
    withTempDb(async (db) => {
      await loadBundle(db, meeting('urn:fp:1'));
      await loadBundle(db, meeting('urn:fp:2'));
      expect(await count(db)).toBe(2);
      await loadBundle(db, meeting('urn:fp:3', { precision: 'UNKNOWN' }));
      await loadBundle(db, meeting('urn:fp:4', { precision: 'UNKNOWN' }));
      expect(await count(db)).toBe(4);
      await loadBundle(db, meeting('urn:fp:5', { edtf: '2025-11-20' }));
      await loadBundle(db, meeting('urn:fp:6', { edtf: '2025-11-20' }));
      await loadBundle(db, meeting('urn:fp:7', { edtf: '2025-11-20' }, 'graz'));
      expect(await count(db)).toBe(6);
      // Re-loading an article finds its own undated engagement again.
      const id = (await db.$client.execute(`select e.id from engagements e join engagement_articles ea on ea.engagement_id = e.id join articles a on a.id = ea.article_id where a.uri = 'urn:fp:1'`)).rows[0]!.id;
      const again = meeting('urn:fp:1');
      again.ninjs.headlines[0]!.value = 'Edited';
      await loadBundle(db, again);
      expect((await db.$client.execute(`select e.id from engagements e join engagement_articles ea on ea.engagement_id = e.id join articles a on a.id = ea.article_id where a.uri = 'urn:fp:1'`)).rows[0]!.id).toBe(id);
    }));
});
