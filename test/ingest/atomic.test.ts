/**
 * Atomic and idempotent: a failure injected mid-bundle leaves the database unchanged (embedded
 * file and over HTTP through the Hrana dev server); re-ingest of a uri updates in place;
 * identical content changes nothing; deleting an article leaves no orphans and keeps what is
 * used elsewhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { deleteArticle } from '../../src/ingest/delete.ts';
import { loadBundle, type LoadStep } from '../../src/ingest/load.ts';
import { bundle, graphDump, seedBundle, seededDb, snapshot, tempDb, tempDbOverHrana } from './helpers.ts';

const article = (uri: string, extra: { people?: string[]; quote?: boolean } = {}) =>
  bundle(uri, {
    body: 'Ada Lovelace met Ali Larijani in Vienna. “Quoted words” she said. It cost $5.',
    people: [
      { key: 'ada', name: 'Ada Lovelace', rel: 'about', relevance: 1 },
      { key: 'ali', name: 'Ali Larijani', rel: 'mentions' },
      ...(extra.people ?? []).map((name, i) => ({ key: `x${i}`, name, rel: 'mentions' })),
    ],
    organisations: [{ key: 'ae', name: 'Analytical Engines Ltd', kind: 'COMPANY', rel: 'mentions' }],
    places: [{ key: 'vienna', name: 'Vienna', kind: 'CITY', rel: 'about' }],
    engagements: [
      {
        key: 'meet',
        kind: 'MEETING',
        cameo: '043',
        summary: 'Lovelace met Larijani in Vienna',
        place: 'vienna',
        date: { edtf: '2025-11-20' },
        participants: [
          { actor: 'ada', role: 'HOST' },
          { actor: 'ali', role: 'GUEST' },
        ],
      },
    ],
    quotes: extra.quote === false ? [] : [{ text: 'Quoted words', speaker: 'ada', engagement: 'meet' }],
    figures: [{ text: '$5', value: 5, currency: 'USD' }],
  });

/** Every step at which a load can be made to fail, and a load that fails there. */
const STEPS: LoadStep[] = ['entities', 'article', 'links', 'engagements', 'quotes', 'done'];

function atomicity(name: string, open: () => Promise<{ db: Database; close: () => Promise<void> | void }>) {
  describe(`atomicity: ${name}`, () => {
    let db: Database;
    let close: () => Promise<void> | void;
    beforeAll(async () => {
      ({ db, close } = await open());
      await loadBundle(db, seedBundle());
      await loadBundle(db, article('urn:test:existing'));
    });
    afterAll(async () => close());

    for (const step of STEPS) {
      it(`a failure at step "${step}" leaves the database unchanged (new and existing uri)`, async () => {
        const before = await snapshot(db);
        for (const uri of ['urn:test:new', 'urn:test:existing']) {
          const onStep = (s: LoadStep) => {
            if (s === step) throw new Error(`injected at ${s}`);
          };
          await expect(loadBundle(db, article(uri, { people: ['Charles Babbage'] }), { onStep })).rejects.toThrow(`injected at ${step}`);
          expect(await snapshot(db)).toEqual(before);
        }
      });
    }

    it('a constraint violated by the last statement (a trigger refusing figures) rolls everything back', async () => {
      const before = await snapshot(db);
      await db.$client.execute("create trigger refuse_figures before insert on figures begin select raise(abort, 'figures refused'); end");
      try {
        await expect(loadBundle(db, article('urn:test:trigger', { people: ['Charles Babbage'] }))).rejects.toThrow();
        expect(await snapshot(db)).toEqual(before);
      } finally {
        await db.$client.execute('drop trigger refuse_figures');
      }
      // And the same load succeeds once the obstacle is gone.
      expect((await loadBundle(db, article('urn:test:trigger', { people: ['Charles Babbage'] }))).created).toBe(true);
    });
  });
}

atomicity('embedded file', tempDb);

atomicity('HTTP (Hrana dev server, @libsql/client/web)', tempDbOverHrana);

describe('re-ingest and no-op', () => {
  let db: Database;
  let close: () => void;
  beforeAll(async () => ({ db, close } = await tempDb()));
  afterAll(() => close());
  const q = async (sql: string, args: (string | number)[] = []) => (await db.$client.execute({ sql, args })).rows.map((r) => ({ ...r }));

  it('the same uri updates in place: id kept, version incremented, links, engagements, quotes and figures replaced', async () => {
    const first = await loadBundle(db, article('urn:test:a', { people: ['Charles Babbage'] }));
    expect(first).toMatchObject({ created: true, changed: true, version: 1 });
    const changed = article('urn:test:a', { people: ['Mary Somerville'], quote: false });
    changed.annotations.engagements[0]!.cameo = '040';
    changed.annotations.figures = [];
    const second = await loadBundle(db, changed);
    expect(second).toMatchObject({ articleId: first.articleId, slug: first.slug, created: false, changed: true, version: 2 });
    expect(await q('select count(*) n from articles')).toEqual([{ n: 1 }]);
    expect((await q('select p.name from article_people l join people p on p.id = l.person_id order by p.name')).map((r) => r.name)).toEqual([
      'Ada Lovelace',
      'Ali Larijani',
      'Mary Somerville',
    ]);
    // The old engagement (cameo 043) was reported by this article alone: gone; the new one is linked.
    expect(await q('select cameo_code from engagements')).toEqual([{ cameo_code: '040' }]);
    expect(await q('select count(*) n from engagement_articles')).toEqual([{ n: 1 }]);
    expect(await q('select count(*) n from quotes')).toEqual([{ n: 0 }]);
    expect(await q('select count(*) n from figures')).toEqual([{ n: 0 }]);
    expect(await q('select version from articles')).toEqual([{ version: 2 }]);
  });

  it('identical content changes nothing at all', async () => {
    const b = article('urn:test:b');
    await loadBundle(db, b);
    const before = await snapshot(db);
    const again = await loadBundle(db, structuredClone(b), { now: new Date('2030-01-01T00:00:00Z') });
    expect(again).toMatchObject({ created: false, changed: false, version: 1 });
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('delete', () => {
  let db: Database;
  let close: () => void;
  beforeAll(async () => ({ db, close } = await seededDb()));
  afterAll(() => close());

  it('removes the article, its links, quotes, figures and unshared engagements and entities; keeps what is used elsewhere', async () => {
    const seedOnly = await graphDump(db);
    const r = await loadBundle(db, article('urn:test:del', { people: ['Charles Babbage'] }));
    expect(await graphDump(db)).not.toEqual(seedOnly);
    expect(await deleteArticle(db, r.articleId)).toBe(true);
    // Exactly the seed's graph again: Ali Larijani (used by the seed) stayed, the rest went.
    expect(await graphDump(db)).toEqual(seedOnly);
    for (const table of ['article_people', 'article_organisations', 'article_places', 'engagement_articles', 'quotes', 'figures']) {
      const orphans = await db.$client.execute(`select count(*) n from ${table} where article_id not in (select id from articles)`);
      expect(Number(orphans.rows[0]!.n), table).toBe(0);
    }
    const orphanEngagements = await db.$client.execute('select count(*) n from engagements where id not in (select engagement_id from engagement_articles)');
    expect(Number(orphanEngagements.rows[0]!.n)).toBe(0);
    expect(await deleteArticle(db, r.articleId)).toBe(false);
  });
});
