/**
 * Entity resolution across articles by variant key (src/domain/variant.ts): transliteration
 * variants of one name are one entity when unambiguous; people sharing a surname stay apart; an
 * ambiguous variant is kept apart; the key is stored on insert, filled for older rows and
 * re-keyed by the refold. Texts are written for these tests.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { upgradeDatabase } from '../../src/ingest/upgrade.ts';
import { loadBundle } from '../../src/ingest/load.ts';
import { bundle, tempDb } from './helpers.ts';

let db: Database;
let close: () => void;
beforeEach(async () => {
  ({ db, close } = await tempDb());
});
afterEach(() => close());

const rows = async (sql: string, args: (string | number)[] = []) => (await db.$client.execute({ sql, args })).rows.map((r) => ({ ...r }));
const people = async () => (await rows('select name from people order by id')).map((r) => r.name);
const linked = async (uri: string) =>
  (await rows('select p.name from article_people l join people p on p.id = l.person_id join articles a on a.id = l.article_id where a.uri = ? order by p.name', [uri])).map(
    (r) => r.name,
  );
const aliasesOf = async (name: string) =>
  (await rows('select a.name from aliases a join people p on p.id = a.person_id where p.name = ? order by a.name', [name])).map((r) => r.name);

/** A one-person article with its own sentence. */
const article = (uri: string, name: string, extra: Record<string, unknown> = {}) =>
  bundle(uri, { body: `${name} spoke to reporters on Tuesday about the harvest.`, people: [{ key: 'p', name, rel: 'about', ...extra }] });

describe('variant keys across articles', () => {
  it('two articles naming one person in two transliterations: one person, the new spelling an alias', async () => {
    await loadBundle(db, article('urn:v:1', 'Mohammad Bagheri'));
    await loadBundle(db, article('urn:v:2', 'Muhammed Baqeri'));
    expect(await people()).toEqual(['Mohammad Bagheri']);
    expect(await linked('urn:v:2')).toEqual(['Mohammad Bagheri']);
    expect(await aliasesOf('Mohammad Bagheri')).toEqual(['Mohammad Bagheri', 'Muhammed Baqeri']);
    // The next article with the second spelling resolves by the alias, as before.
    await loadBundle(db, article('urn:v:3', 'Muhammed Baqeri'));
    expect(await people()).toEqual(['Mohammad Bagheri']);
  });

  it('every listed variant: Hossein/Husayn, Araghchi/Araqchi, -i/-y, al-, doubled letters', async () => {
    const pairs: [string, string][] = [
      ['Hossein Salami', 'Husayn Salami'],
      ['Abbas Araghchi', 'Abbas Araqchi'],
      ['Hassan Rouhani', 'Hassan Rohani'],
      ['Mohammed Shia al-Sudani', 'Muhammad Shia Sudani'],
      ['Bashar Assad', 'Bashar al-Asad'],
      ['Mohammad Javad Zarif', 'Mohammad Javad Zareef'],
    ];
    for (const [i, [a, b]] of pairs.entries()) {
      await loadBundle(db, article(`urn:v:a${i}`, a));
      await loadBundle(db, article(`urn:v:b${i}`, b));
      expect(await linked(`urn:v:b${i}`), b).toEqual([a]);
    }
    expect(await people()).toEqual(pairs.map(([a]) => a));
  });

  it('two people sharing a surname stay two, whatever the spelling of the surname', async () => {
    await loadBundle(db, article('urn:v:4', 'Imran Khan'));
    await loadBundle(db, article('urn:v:5', 'Sadiq Khan'));
    await loadBundle(db, article('urn:v:6', 'Ali Larijani'));
    await loadBundle(db, article('urn:v:7', 'Sadegh Larijani'));
    await loadBundle(db, article('urn:v:8', 'Sadegh Larijany'));
    expect(await people()).toEqual(['Imran Khan', 'Sadiq Khan', 'Ali Larijani', 'Sadegh Larijani']);
    expect(await linked('urn:v:8')).toEqual(['Sadegh Larijani']);
  });

  it('a surname alone never resolves by variant key', async () => {
    await loadBundle(db, article('urn:v:9', 'Abbas Araghchi'));
    await loadBundle(db, article('urn:v:10', 'Araqchi'));
    expect(await people()).toEqual(['Abbas Araghchi', 'Araqchi']);
  });

  it('ambiguous: two stored people share the key, so a third spelling is kept apart', async () => {
    // One bundle names two people whose names share a variant key: the annotator said two.
    await loadBundle(
      db,
      bundle('urn:v:11', {
        body: 'Mohammad Bagheri met Mohammed Bagheri, his namesake, on Tuesday.',
        people: [
          { key: 'a', name: 'Mohammad Bagheri', rel: 'about' },
          { key: 'b', name: 'Mohammed Bagheri', rel: 'about' },
        ],
      }),
    );
    await loadBundle(db, article('urn:v:12', 'Muhammad Baqeri'));
    expect(await people()).toEqual(['Mohammad Bagheri', 'Mohammed Bagheri', 'Muhammad Baqeri']);
    expect(new Set((await rows('select variant_key k from people')).map((r) => r.k))).toEqual(new Set(['muhamad baqari']));
    expect(await rows("select type, reason, score from possible_duplicates where type = 'PERSON'")).toEqual([
      { type: 'PERSON', reason: 'VARIANT', score: 0.9 },
      { type: 'PERSON', reason: 'VARIANT', score: 0.9 },
      { type: 'PERSON', reason: 'VARIANT', score: 0.9 },
    ]);
  });

  it('differing identifiers of one authority keep a variant apart; a shared one still resolves', async () => {
    await loadBundle(db, article('urn:v:13', 'Mohammad Bagheri', { sameAs: ['http://www.wikidata.org/entity/Q1'] }));
    await loadBundle(db, article('urn:v:14', 'Mohammed Baqeri', { sameAs: ['http://www.wikidata.org/entity/Q2'] }));
    expect(await people()).toEqual(['Mohammad Bagheri', 'Mohammed Baqeri']);
    await loadBundle(db, article('urn:v:15', 'Muhammad Bagheri', { sameAs: ['http://www.wikidata.org/entity/Q2'] }));
    expect(await linked('urn:v:15')).toEqual(['Mohammed Baqeri']);
  });

  it('places and organisations resolve by variant key too, places within compatible kinds', async () => {
    const places = (uri: string, name: string, kind: string) => bundle(uri, { places: [{ key: 'x', name, kind, rel: 'mentions' }] });
    await loadBundle(db, places('urn:v:16', 'Mashhad', 'CITY'));
    await loadBundle(db, places('urn:v:17', 'Mashad', 'CITY'));
    await loadBundle(db, places('urn:v:18', 'Ghom', 'CITY'));
    await loadBundle(db, places('urn:v:19', 'Qom', 'REGION'));
    expect((await rows('select name, kind from places order by id')).map((r) => `${r.name}:${r.kind}`)).toEqual(['Mashhad:CITY', 'Ghom:CITY', 'Qom:REGION']);
    await loadBundle(db, bundle('urn:v:20', { organisations: [{ key: 'o', name: 'Al-Shabaab', kind: 'OTHER', rel: 'about' }] }));
    await loadBundle(db, bundle('urn:v:21', { organisations: [{ key: 'o', name: 'al-Shabab', kind: 'OTHER', rel: 'about' }] }));
    expect((await rows('select name from organisations')).map((r) => r.name)).toEqual(['Al-Shabaab']);
  });

  it('stores the key on insert; upgradeDatabase fills rows that have none', async () => {
    await loadBundle(db, article('urn:v:22', 'Abdel Fattah el-Sisi'));
    expect(await rows('select variant_key from people')).toEqual([{ variant_key: 'abd fatah sisi' }]);
    await db.$client.execute('update people set variant_key = null');
    await db.$client.execute("update places set variant_key = null");
    await upgradeDatabase(db);
    expect(await rows('select variant_key from people')).toEqual([{ variant_key: 'abd fatah sisi' }]);
    expect(await rows('select count(*) n from people where variant_key is null')).toEqual([{ n: 0 }]);
  });
});

describe('possible_duplicates', () => {
  it('lists a surname alone beside a full name, and shared full-name aliases; not a shared surname', async () => {
    await loadBundle(db, article('urn:d:1', 'Abbas Araghchi'));
    await loadBundle(db, article('urn:d:2', 'Araqchi'));
    await loadBundle(db, article('urn:d:3', 'Imran Khan', { aliases: ['Khan'] }));
    await loadBundle(db, article('urn:d:4', 'Sadiq Khan', { aliases: ['Khan'] }));
    const pairs = await rows(
      `select pa.name a, pb.name b, d.reason, d.score, d.shared_key from possible_duplicates d
        join people pa on pa.id = d.person_a_id join people pb on pb.id = d.person_b_id order by d.score desc`,
    );
    expect(pairs).toEqual([{ a: 'Abbas Araghchi', b: 'Araqchi', reason: 'SURNAME', score: 0.5, shared_key: 'araqchi' }]);
  });

  it('pairs through indexes: the inner side of every join is an index lookup', async () => {
    const plan = (await rows(`explain query plan select * from possible_duplicates`)).map((r) => String(r.detail));
    expect(plan.filter((d) => /^SCAN (b|y)\b/.test(d))).toEqual([]);
    expect(plan.filter((d) => /^SEARCH (b|y) USING .*(INDEX|PRIMARY KEY)/.test(d)).length).toBeGreaterThanOrEqual(6);
    expect(plan.some((d) => /^SEARCH (s|f) USING .*INDEX /.test(d))).toBe(true);
  });
});
