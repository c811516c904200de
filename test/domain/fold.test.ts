/**
 * Name folding (src/domain/fold.ts): for every character of the Unicode blocks its table covers
 * (below U+2E00, U+A640–U+A7FF, U+AB00–U+ABFF) exactly what the former any-ascii folding gave,
 * alone and between letters; other scripts kept as themselves; the generated table up to date;
 * and the re-fold that brings a database folded the former way up to date (src/ingest/refold.ts).
 */
import { readFileSync } from 'node:fs';
import anyAscii from 'any-ascii';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOLD_TABLE_BLOCKS, renderFoldTable } from '../../src/cli/build-fold-table.ts';
import { foldName, slugify } from '../../src/domain/fold.ts';
import { loadBundle } from '../../src/ingest/load.ts';
import { refoldDatabase } from '../../src/ingest/refold.ts';
import { bundle, tempDb } from '../ingest/helpers.ts';

/** foldName as it was: any-ascii over the whole text. */
const former = (text: string) =>
  anyAscii(text.normalize('NFKC'))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const covered = new Set(FOLD_TABLE_BLOCKS);
const inTable = (text: string) => [...text.normalize('NFKC')].every((c) => covered.has(c.codePointAt(0)! >>> 8));

describe('foldName', () => {
  it('folds every character of the covered blocks as any-ascii did (alone, between letters, doubled)', () => {
    const differ: string[] = [];
    for (const block of FOLD_TABLE_BLOCKS) {
      for (let cp = block * 256; cp < block * 256 + 256; cp++) {
        if (cp >= 0xd800 && cp <= 0xdfff) continue;
        const c = String.fromCodePoint(cp);
        for (const text of [c, `a${c}b`, `X${c}`, `${c}${c}`]) {
          if (inTable(text) && foldName(text) !== former(text)) differ.push(`U+${cp.toString(16)} ${JSON.stringify(text)}`);
        }
      }
    }
    expect(differ).toEqual([]);
  });

  it('names and text in Latin, Greek, Cyrillic and Arabic script fold as before', () => {
    for (const text of [
      'Łódź', 'Łukasz Żółć', 'Søren Ødegård', 'Đorđe Balašević', 'Işıl Yılmaz', 'Hans Großmann', 'Æsa Ærø', 'ʿAlī al-Sīstānī',
      'Muḥammad ʾAbd', 'Mohammad Bāqer Qālībāf', 'Iran’s trade with O’Brien & Co. tops $3 billion', 'ﬁnance №1 ™ ½',
      'Тегеран и Исламабад', 'علی لاریجانی', 'طهران', 'Ελλάδα', 'Ἀθῆναι', 'שלום', 'नई दिल्ली', 'თბილისი', 'Հայաստան',
    ]) {
      expect(foldName(text), text).toBe(former(text));
    }
    expect(foldName('Łódź')).toBe('lodz');
    expect(foldName('Тегеран')).toBe('tegeran');
    expect(slugify('Ali Larijani')).toBe('ali-larijani');
  });

  it('keeps scripts above U+2DFF as themselves (lower-cased, marks removed); symbols there separate words', () => {
    expect(foldName('伊朗总统访问')).toBe('伊朗总统访问');
    expect(foldName('東京 Tower')).toBe('東京 tower');
    expect(foldName('서울')).toBe('서울');
    expect(foldName('とうきょう・ガ')).toBe('とうきょう ガ'.normalize('NFKC'));
    expect(foldName('Rocket 🚀 launch')).toBe('rocket launch');
    expect(foldName('🚀')).toBe('');
    expect(foldName('?!')).toBe('');
  });

  it('src/domain/fold-table.ts is the generated table (npm run fold:table)', () => {
    expect(readFileSync(new URL('../../src/domain/fold-table.ts', import.meta.url), 'utf8')).toBe(renderFoldTable());
  });
});

describe('refoldDatabase', () => {
  let t: Awaited<ReturnType<typeof tempDb>>;
  beforeAll(async () => {
    t = await tempDb();
  });
  afterAll(() => t.close());
  const q = async (sql: string, args: (string | number)[] = []) => (await t.db.$client.execute({ sql, args })).rows.map((r) => ({ ...r }));

  it('re-keys names, aliases, search documents and fingerprints folded the former way; then changes nothing', async () => {
    await loadBundle(
      t.db,
      bundle('urn:refold:1', {
        body: '東京で会談 Tokyo talks. “Quoted words” said someone.',
        people: [{ key: 'k', name: '岸田文雄', aliases: ['岸田'], rel: 'about' }, { key: 'l', name: 'Łukasz Żółć' }],
        engagements: [{ key: 'e', kind: 'MEETING', cameo: '040', summary: '東京で会談', date: { text: '先週', precision: 'UNKNOWN' }, participants: [{ actor: 'k', role: 'HOST' }] }],
      }),
    );
    const person = (await q("select id, name_key from people where name = '岸田文雄'"))[0]!;
    expect(person.name_key).toBe('岸田文雄');
    const current = { people: await q('select * from people order by id'), aliases: await q('select * from aliases order by id'), engagements: await q('select * from engagements order by id') };
    const fts = async () => q('select rowid, title_folded, body_folded from search_fts order by rowid');
    const currentFts = await fts();

    // Make the database look as the former folding left it.
    await q('update people set name_key = ? where id = ?', [former('岸田文雄'), Number(person.id)]);
    await q("update aliases set name_key = ? where name = '岸田'", [former('岸田')]);
    const article = (await q("select id from articles where uri = 'urn:refold:1'"))[0]!;
    const engagement = (await q('select id, summary from engagements'))[0]!;
    const articleKey = Number(article.id) * 8 + 1;
    const engagementKey = Number(engagement.id) * 8 + 5;
    for (const [key, title, body] of [[articleKey, 'Headline of urn:refold:1', '東京で会談 Tokyo talks. “Quoted words” said someone.'], [engagementKey, '東京で会談', '']] as const) {
      await q('delete from search_fts where rowid = ?', [key]);
      await q('insert into search_fts (rowid, title, title_folded, body, body_folded) values (?, ?, ?, ?, ?)', [key, title, former(title), body, former(body)]);
    }
    await q('update engagements set fingerprint = ? where id = ?', ['stale-fingerprint', Number(engagement.id)]);
    expect((await q('select name_key from people where id = ?', [Number(person.id)]))[0]!.name_key).toBe('antianwenxiong');

    const report = await refoldDatabase(t.db);
    expect(report).toMatchObject({ keys: 2, documents: 2, fingerprints: 1, conflicts: [] });
    const { foldPendingSearchDocs } = await import('../../src/search/index.ts');
    await foldPendingSearchDocs(t.db);
    expect({ people: await q('select * from people order by id'), aliases: await q('select * from aliases order by id'), engagements: await q('select * from engagements order by id') }).toEqual(current);
    expect(await fts()).toEqual(currentFts);

    expect(await refoldDatabase(t.db)).toEqual({ keys: 0, documents: 0, fingerprints: 0, conflicts: [] });
  });

  it('upgradeDatabase refolds once per FOLD_VERSION (SQLite user_version), not at every start', async () => {
    const { FOLD_VERSION, upgradeDatabase: migrateDatabase } = await import('../../src/ingest/upgrade.ts');
    const version = async () => Number((await q('pragma user_version'))[0]!.user_version);
    expect(await version()).toBe(FOLD_VERSION);
    const person = (await q("select id from people where name = '岸田文雄'"))[0]!;
    await q('update people set name_key = ? where id = ?', [former('岸田文雄'), Number(person.id)]);
    await migrateDatabase(t.db); // recorded version is current: the stale key stays
    expect((await q('select name_key from people where id = ?', [Number(person.id)]))[0]!.name_key).toBe('antianwenxiong');
    await q('pragma user_version = 0');
    await migrateDatabase(t.db); // an older database: refolded, and the version recorded
    expect((await q('select name_key from people where id = ?', [Number(person.id)]))[0]!.name_key).toBe('岸田文雄');
    expect(await version()).toBe(FOLD_VERSION);
  });
});
