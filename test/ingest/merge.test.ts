/**
 * mergePeople: an editor folds a duplicate person into the kept one; links, engagements,
 * quotes, roles, aliases and sameAs follow, and engagements that become the same are one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_AUTH } from '../../src/auth/credentials.ts';
import { encodeGlobalID } from '../../src/graphql/ids.ts';
import { loadBundle } from '../../src/ingest/load.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { bundle, seedBundle, snapshot } from './helpers.ts';

const KEY = 'nk_merge_test_key_0000';
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: { auth: { ...NO_AUTH, apiKeys: [KEY] } } });
});
afterAll(() => t.close());

const q = async (sql: string, args: (string | number)[] = []) => (await t.db.$client.execute({ sql, args })).rows.map((r) => ({ ...r }));
const personId = async (name: string) => Number((await q('select id from people where name = ?', [name]))[0]!.id);
const VISIT_DATE = { edtf: '2025-11-24/2025-11-25' };
const MERGE = 'mutation($keep: ID!, $merge: ID!) { mergePeople(keep: $keep, merge: $merge) { name aliases sameAs roles { title } } }';

describe('mergePeople', () => {
  it('folds the duplicate into the kept person', async () => {
    // The seed with its visit dated: two reports of an event merge only when it is dated (docs/bundle.md).
    const seed = seedBundle();
    seed.annotations.engagements.find((e: { key: string }) => e.key === 'larijani-visit-pakistan').date ??= VISIT_DATE;
    await loadBundle(t.db, seed);
    // A second article names Larijani differently, reports the same visit, quotes him, gives a Wikidata id.
    await loadBundle(
      t.db,
      bundle('urn:merge:1', {
        body: 'A. Larijani arrived in Islamabad. “We are brothers” he said.',
        people: [
          { key: 'al', name: 'A. Larijani', sameAs: ['http://www.wikidata.org/entity/Q4235478'], rel: 'about', relevance: 1, roles: [{ title: 'Secretary', organisation: 'snsc' }, { title: 'Former Speaker' }] },
        ],
        organisations: [
          { key: 'snsc', name: 'Supreme National Security Council', kind: 'GOVERNMENT_BODY' },
          { key: 'iran', name: 'Iran', kind: 'STATE' },
          { key: 'pk', name: 'Pakistan', kind: 'STATE', rel: 'about' },
        ],
        places: [{ key: 'isb', name: 'Islamabad', kind: 'CITY' }],
        engagements: [
          {
            key: 'visit',
            kind: 'VISIT',
            cameo: '042',
            summary: 'A. Larijani visits Pakistan',
            status: 'ONGOING',
            place: 'isb',
            date: VISIT_DATE,
            participants: [
              { actor: 'al', role: 'GUEST' },
              { actor: 'iran', role: 'GUEST' },
              { actor: 'pk', role: 'HOST' },
            ],
          },
        ],
        quotes: [{ text: 'We are brothers', speaker: 'al', engagement: 'visit' }],
      }),
    );
    const keep = await personId('Ali Larijani');
    const merge = await personId('A. Larijani');
    const engagementsBefore = Number((await q('select count(*) n from engagements'))[0]!.n);
    const quotesBefore = Number((await q('select count(*) n from quotes where speaker_person_id in (?, ?)', [keep, merge]))[0]!.n);

    const r = await t.gql(MERGE, { keep: encodeGlobalID('Person', keep), merge: encodeGlobalID('Person', merge) }, { 'x-api-key': KEY });
    expect(r.body.errors).toBeUndefined();
    const kept = r.body.data.mergePeople;
    expect(kept.name).toBe('Ali Larijani');
    expect(kept.aliases).toEqual(expect.arrayContaining(['Larijani', 'A. Larijani']));
    expect(kept.sameAs).toEqual(['http://www.wikidata.org/entity/Q4235478']);
    expect(kept.roles.map((x: { title: string }) => x.title).sort()).toEqual(['Former Speaker', 'Secretary']);

    expect(await q('select count(*) n from people where id = ?', [merge])).toEqual([{ n: 0 }]);
    expect(await q('select rel, relevance from article_people l join articles a on a.id = l.article_id where a.uri = ? and l.person_id = ?', ['urn:merge:1', keep])).toEqual([
      { rel: 'about', relevance: 1 },
    ]);
    expect(await q('select count(*) n from quotes where speaker_person_id = ?', [keep])).toEqual([{ n: quotesBefore }]);
    // The two reports of the visit are now one engagement, reported by both articles.
    expect(await q('select count(*) n from engagements')).toEqual([{ n: engagementsBefore - 1 }]);
    const visit = await q(
      "select (select count(*) from engagement_articles x where x.engagement_id = ea.engagement_id) articles from engagement_articles ea join articles a on a.id = ea.article_id where a.uri = 'urn:merge:1'",
    );
    expect(visit).toEqual([{ articles: 2 }]);
    expect(await q('select count(*) n from quotes q where q.engagement_id is not null and q.engagement_id not in (select id from engagements)')).toEqual([{ n: 0 }]);
  });

  it('refuses a person merged with itself, unknown ids and ids of other types, changing nothing', async () => {
    const before = await snapshot(t.db);
    const keep = encodeGlobalID('Person', await personId('Ali Larijani'));
    const cases: [Record<string, string>, string][] = [
      [{ keep, merge: keep }, 'BAD_USER_INPUT'],
      [{ keep, merge: encodeGlobalID('Person', 99999) }, 'NOT_FOUND'],
      [{ keep, merge: encodeGlobalID('Organisation', 1) }, 'BAD_USER_INPUT'],
    ];
    for (const [vars, expected] of cases) {
      const r = await t.gql(MERGE, vars, { 'x-api-key': KEY });
      expect(r.body.errors?.[0]?.extensions?.code, JSON.stringify(vars)).toBe(expected);
    }
    expect(await snapshot(t.db)).toEqual(before);
  });
});
