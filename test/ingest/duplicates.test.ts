/**
 * Editors and duplicates: `possibleDuplicates` lists pairs that may be one entity (one
 * statement), and `mergeOrganisations` / `mergePlaces` fold one record into another as
 * `mergePeople` does: atomic, editor credential required, refused with a coded error when the ids
 * are equal, unknown or of another type. Texts are written for these tests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_AUTH } from '../../src/auth/credentials.ts';
import { encodeGlobalID } from '../../src/graphql/ids.ts';
import { loadBundle } from '../../src/ingest/load.ts';
import { mergePlaces } from '../../src/ingest/merge.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { bundle, snapshot } from './helpers.ts';

const KEY = 'nk_duplicates_test_key_00';
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: { auth: { ...NO_AUTH, apiKeys: [KEY] } } });
  // Three spellings of one official: the first article names two people whose names share a
  // variant key, so the third spelling is ambiguous and kept apart.
  await loadBundle(
    t.db,
    bundle('urn:dup:1', {
      body: 'Mohammad Bagheri met Mohammed Bagheri, his namesake, at the Velmar Port Board.',
      people: [
        { key: 'a', name: 'Mohammad Bagheri', rel: 'about' },
        { key: 'b', name: 'Mohammed Bagheri', rel: 'about' },
      ],
      organisations: [{ key: 'vpb', name: 'Velmar Port Board', acronym: 'VPB', kind: 'GOVERNMENT_BODY', rel: 'about' }],
      places: [{ key: 'velmar', name: 'Velmar', kind: 'CITY', rel: 'about' }],
    }),
  );
  await loadBundle(
    t.db,
    bundle('urn:dup:2', {
      body: 'Muhammad Baqeri visited the Port Board of Velmar in Old Velmar.',
      people: [{ key: 'p', name: 'Muhammad Baqeri', rel: 'about' }],
      // Named differently, not resolvable: kept apart; the acronym they share lists them.
      organisations: [{ key: 'o', name: 'Port Board of Velmar', aliases: ['VPB'], kind: 'OTHER', rel: 'about' }],
      // Not a spelling of Velmar, so a place of its own.
      places: [{ key: 'x', name: 'Old Velmar', kind: 'OTHER', rel: 'mentions' }],
      engagements: [{ key: 'v', kind: 'VISIT', cameo: '042', summary: 'Baqeri visits the board', place: 'x', participants: [{ actor: 'p', role: 'GUEST' }, { actor: 'o', role: 'HOST' }] }],
    }),
  );
});
afterAll(() => t.close());

const q = async (sql: string, args: (string | number)[] = []) => (await t.db.$client.execute({ sql, args })).rows.map((r) => ({ ...r }));
const idOf = async (table: string, name: string) => Number((await q(`select id from ${table} where name = ?`, [name]))[0]!.id);
const DUPLICATES = `query($types: [EntityType!], $first: Int) { possibleDuplicates(types: $types, first: $first) {
  type reason score sharedKey
  a { __typename ... on Person { name articles(first: 2) { totalCount } } ... on Organisation { name acronym } ... on Place { name kind } }
  b { __typename ... on Person { name } ... on Organisation { name } ... on Place { name } } } }`;

describe('possibleDuplicates', () => {
  it('lists the ambiguous spellings and the shared acronym, most likely first, in one statement', async () => {
    const r = await t.gql(DUPLICATES);
    expect(r.body.errors).toBeUndefined();
    expect(r.statements).toBe(1);
    const pairs = r.body.data.possibleDuplicates.map((p: { type: string; reason: string; score: number; a: { name: string }; b: { name: string } }) =>
      `${p.type} ${p.reason} ${p.score} ${p.a.name} / ${p.b.name}`,
    );
    expect(pairs).toEqual(
      expect.arrayContaining([
        'PERSON VARIANT 0.9 Mohammad Bagheri / Mohammed Bagheri',
        'PERSON VARIANT 0.9 Mohammad Bagheri / Muhammad Baqeri',
        'PERSON VARIANT 0.9 Mohammed Bagheri / Muhammad Baqeri',
        'ORGANISATION SHARED_NAME 0.4 Velmar Port Board / Port Board of Velmar',
      ]),
    );
    expect(r.body.data.possibleDuplicates[0].score).toBe(0.9);
    expect(r.body.data.possibleDuplicates[0].a.articles.totalCount).toBe(1);
  });

  it('filters by type and stops at first', async () => {
    const r = await t.gql(DUPLICATES, { types: ['ORGANISATION'], first: 1 });
    expect(r.body.data.possibleDuplicates).toHaveLength(1);
    expect(r.body.data.possibleDuplicates[0]).toMatchObject({ type: 'ORGANISATION', a: { __typename: 'Organisation', acronym: 'VPB' } });
    const big = await t.gql(DUPLICATES, { first: 100000 });
    expect(big.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('mergeOrganisations and mergePlaces', () => {
  const MERGE_ORG = 'mutation($keep: ID!, $merge: ID!) { mergeOrganisations(keep: $keep, merge: $merge) { name acronym kind aliases engagements(first: 5) { totalCount } articles(first: 5) { totalCount } } }';
  const MERGE_PLACE = 'mutation($keep: ID!, $merge: ID!) { mergePlaces(keep: $keep, merge: $merge) { name kind aliases engagements(first: 5) { totalCount } articles(first: 5) { totalCount } } }';

  it('need an editor credential', async () => {
    const before = await snapshot(t.db);
    const vars = { keep: encodeGlobalID('Organisation', await idOf('organisations', 'Velmar Port Board')), merge: encodeGlobalID('Organisation', await idOf('organisations', 'Port Board of Velmar')) };
    const r = await t.gql(MERGE_ORG, vars);
    expect(r.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('refuse equal, unknown and other-type ids with a code, changing nothing', async () => {
    const before = await snapshot(t.db);
    const org = encodeGlobalID('Organisation', await idOf('organisations', 'Velmar Port Board'));
    const place = encodeGlobalID('Place', await idOf('places', 'Velmar'));
    const person = encodeGlobalID('Person', await idOf('people', 'Mohammad Bagheri'));
    const cases: [string, Record<string, string>, string][] = [
      [MERGE_ORG, { keep: org, merge: org }, 'BAD_USER_INPUT'],
      [MERGE_ORG, { keep: org, merge: encodeGlobalID('Organisation', 99999) }, 'NOT_FOUND'],
      [MERGE_ORG, { keep: org, merge: place }, 'BAD_USER_INPUT'],
      [MERGE_ORG, { keep: person, merge: org }, 'BAD_USER_INPUT'],
      [MERGE_PLACE, { keep: place, merge: place }, 'BAD_USER_INPUT'],
      [MERGE_PLACE, { keep: encodeGlobalID('Place', 99999), merge: place }, 'NOT_FOUND'],
      [MERGE_PLACE, { keep: place, merge: org }, 'BAD_USER_INPUT'],
      [MERGE_PLACE, { keep: place, merge: 'not-an-id' }, 'BAD_USER_INPUT'],
    ];
    for (const [mutation, vars, expected] of cases) {
      const r = await t.gql(mutation, vars, { 'x-api-key': KEY });
      expect(r.body.errors?.[0]?.extensions?.code, JSON.stringify(vars)).toBe(expected);
    }
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('a failure part-way changes nothing (atomic)', async () => {
    const keep = await idOf('places', 'Velmar');
    const merge = await idOf('places', 'Old Velmar');
    await t.db.$client.execute(`create trigger refuse_place_delete before delete on places begin select raise(abort, 'refused by test'); end`);
    try {
      const before = await snapshot(t.db);
      await expect(mergePlaces(t.db, keep, merge)).rejects.toThrow(/delete from "places"/);
      expect(await snapshot(t.db)).toEqual(before);
    } finally {
      await t.db.$client.execute('drop trigger refuse_place_delete');
    }
  });

  it('mergeOrganisations folds links, participations, names and kind into the kept one', async () => {
    const keep = await idOf('organisations', 'Velmar Port Board');
    const merge = await idOf('organisations', 'Port Board of Velmar');
    const r = await t.gql(MERGE_ORG, { keep: encodeGlobalID('Organisation', keep), merge: encodeGlobalID('Organisation', merge) }, { 'x-api-key': KEY });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.mergeOrganisations).toMatchObject({
      name: 'Velmar Port Board',
      acronym: 'VPB',
      kind: 'GOVERNMENT_BODY',
      engagements: { totalCount: 1 },
      articles: { totalCount: 2 },
    });
    expect(r.body.data.mergeOrganisations.aliases).toContain('Port Board of Velmar');
    expect(await q('select count(*) n from organisations where id = ?', [merge])).toEqual([{ n: 0 }]);
    expect(await q('select count(*) n from participants where organisation_id = ?', [keep])).toEqual([{ n: 1 }]);
    // The pair is no longer listed.
    const d = await t.gql(DUPLICATES, { types: ['ORGANISATION'] });
    expect(d.body.data.possibleDuplicates).toEqual([]);
  });

  it('mergePlaces moves links and engagements, takes the known kind, and the engagement is re-fingerprinted', async () => {
    const keep = await idOf('places', 'Old Velmar');
    const merge = await idOf('places', 'Velmar');
    const r = await t.gql(MERGE_PLACE, { keep: encodeGlobalID('Place', keep), merge: encodeGlobalID('Place', merge) }, { 'x-api-key': KEY });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.mergePlaces).toMatchObject({ name: 'Old Velmar', kind: 'CITY', engagements: { totalCount: 1 }, articles: { totalCount: 2 } });
    expect(r.body.data.mergePlaces.aliases).toContain('Velmar');
    expect(await q('select count(*) n from places where id = ?', [merge])).toEqual([{ n: 0 }]);
    // A later bundle spelling the city the merged way finds the kept place by its alias.
    await loadBundle(t.db, bundle('urn:dup:3', { places: [{ key: 'c', name: 'Velmar', kind: 'CITY', rel: 'about' }] }));
    expect(await q("select p.name from article_places l join places p on p.id = l.place_id join articles a on a.id = l.article_id where a.uri = 'urn:dup:3'")).toEqual([
      { name: 'Old Velmar' },
    ]);
  });
});
