/**
 * Entity resolution on ingest: sameAs first, then folded name, alias or acronym, scoped by
 * kind; surname-only mentions within one article; no duplicates for known names; new aliases
 * added to the existing entity.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { loadBundle, mergeNinjsEntities } from '../../src/ingest/load.ts';
import { validateBundle } from '../../src/ingest/validate.ts';
import { bundle, seededDb } from './helpers.ts';

let db: Database;
let close: () => void;
beforeEach(async () => ({ db, close } = await seededDb()));
afterEach(() => close());

const rows = async (sql: string, args: (string | number)[] = []) => (await db.$client.execute({ sql, args })).rows.map((r) => ({ ...r }));
const count = async (table: string, where = '1', args: (string | number)[] = []) =>
  Number((await db.$client.execute({ sql: `select count(*) n from ${table} where ${where}`, args })).rows[0]!.n);
const aliasesOf = async (table: 'people' | 'organisations' | 'places', name: string) => {
  const owner = { people: 'person_id', organisations: 'organisation_id', places: 'place_id' }[table];
  return (await rows(`select a.name from aliases a join ${table} e on e.id = a.${owner} where e.name = ? order by a.name`, [name])).map((r) => r.name);
};
const linkedPeople = async (uri: string) =>
  (await rows('select p.name, l.rel from article_people l join people p on p.id = l.person_id join articles a on a.id = l.article_id where a.uri = ? order by p.name', [uri])).map(
    (r) => `${r.name}:${r.rel}`,
  );

describe('entity resolution', () => {
  it('folded name: case, diacritics and punctuation do not make a new person', async () => {
    const before = await count('people');
    await loadBundle(db, bundle('urn:t:1', { people: [{ key: 'p', name: 'ALI LARÍJANI', rel: 'about' }] }));
    expect(await count('people')).toBe(before);
    expect(await linkedPeople('urn:t:1')).toEqual(['Ali Larijani:about']);
    // A spelling that folds to a known name is no new alias.
    expect(await aliasesOf('people', 'Ali Larijani')).toEqual(['Ali Larijani', 'Larijani']);
  });

  it('alias: a known alias resolves, and new aliases are added to the existing entity', async () => {
    const before = await count('organisations');
    await loadBundle(
      db,
      bundle('urn:t:2', {
        organisations: [{ key: 'o', name: 'Islamic Republic of Iran', aliases: ['Tehran government'], kind: 'STATE', rel: 'about' }],
      }),
    );
    expect(await count('organisations')).toBe(before);
    expect(await aliasesOf('organisations', 'Iran')).toEqual(expect.arrayContaining(['Islamic Republic of Iran', 'Tehran government']));
  });

  it('acronym: "SNSC" is the Supreme National Security Council', async () => {
    const before = await count('organisations');
    await loadBundle(db, bundle('urn:t:3', { organisations: [{ key: 'o', name: 'S.N.S.C.', kind: 'OTHER', rel: 'mentions' }] }));
    // "S.N.S.C." folds to "s n s c", not the acronym: a new organisation (punctuation is not stripped inside acronyms).
    const after1 = await count('organisations');
    await loadBundle(db, bundle('urn:t:4', { organisations: [{ key: 'o', name: 'Council', acronym: 'SNSC', kind: 'GOVERNMENT_BODY', rel: 'mentions' }] }));
    expect(await count('organisations')).toBe(after1);
    expect(after1 - before).toBe(1);
    const linked = await rows(
      "select o.name from article_organisations l join organisations o on o.id = l.organisation_id join articles a on a.id = l.article_id where a.uri = 'urn:t:4'",
    );
    expect(linked).toEqual([{ name: 'Supreme National Security Council' }]);
  });

  it('sameAs first: a URI wins over a different name', async () => {
    await loadBundle(db, bundle('urn:t:5', { people: [{ key: 'p', name: 'Grace Hopper', sameAs: ['http://www.wikidata.org/entity/Q11641'], rel: 'about' }] }));
    const before = await count('people');
    await loadBundle(db, bundle('urn:t:6', { people: [{ key: 'p', name: 'Rear Admiral G. M. Hopper', sameAs: ['http://www.wikidata.org/entity/Q11641'], rel: 'about' }] }));
    expect(await count('people')).toBe(before);
    expect(await linkedPeople('urn:t:6')).toEqual(['Grace Hopper:about']);
    expect(await aliasesOf('people', 'Grace Hopper')).toContain('Rear Admiral G. M. Hopper');
  });

  it('scoped by kind: a person never resolves to an organisation or a place of the same name', async () => {
    await loadBundle(
      db,
      bundle('urn:t:7', {
        people: [{ key: 'p', name: 'Pakistan', rel: 'mentions' }],
        organisations: [{ key: 'o', name: 'Islamabad', kind: 'OTHER', rel: 'mentions' }],
      }),
    );
    expect(await count('people', 'name = ?', ['Pakistan'])).toBe(1);
    expect(await count('organisations', 'name = ?', ['Pakistan'])).toBe(1);
    expect(await count('organisations', 'name = ?', ['Islamabad'])).toBe(1);
    expect(await count('places', 'name = ?', ['Islamabad'])).toBe(1);
  });

  it('places: a place of unknown kind matches the known one; a country matches by ISO code; a known kind upgrades OTHER', async () => {
    const before = await count('places');
    await loadBundle(db, { uri: 'urn:t:8', headlines: [{ value: 'H' }], bodies: [{ value: 'B' }], places: [{ name: 'Islamabad', rel: 'about' }] });
    await loadBundle(db, bundle('urn:t:9', { places: [{ key: 'ir', name: 'Islamic Republic of Iran', kind: 'COUNTRY', iso3166: 'IR', rel: 'about' }] }));
    expect(await count('places')).toBe(before);
    await loadBundle(db, { uri: 'urn:t:10', headlines: [{ value: 'H' }], bodies: [{ value: 'B' }], places: [{ name: 'Karachi', rel: 'about' }] });
    expect(await rows("select kind from places where name = 'Karachi'")).toEqual([{ kind: 'OTHER' }]);
    await loadBundle(db, bundle('urn:t:11', { places: [{ key: 'k', name: 'Karachi', kind: 'CITY', rel: 'about', country: 'pk' }, { key: 'pk', name: 'Pakistan', kind: 'COUNTRY', rel: 'mentions' }] }));
    expect(await rows("select p.kind, c.name country from places p join places c on c.id = p.country_id where p.name = 'Karachi'")).toEqual([
      { kind: 'CITY', country: 'Pakistan' },
    ]);
    expect(await count('places')).toBe(before + 1);
  });

  it('an alias shared by two people identifies neither, and is no reason to merge them', async () => {
    const start = await count('people');
    await loadBundle(db, bundle('urn:t:12', { people: [{ key: 'a', name: 'Imran Khan', aliases: ['Khan'], rel: 'about' }, { key: 'b', name: 'Sadiq Khan', aliases: ['Khan'], rel: 'about' }] }));
    const before = await count('people');
    expect(before).toBe(start + 2);
    await loadBundle(db, bundle('urn:t:13', { people: [{ key: 'k', name: 'Khan', rel: 'mentions' }] }));
    expect(await count('people')).toBe(before + 1);
  });

  it('within one article a surname-only mention is the full name already named', async () => {
    const b = bundle('urn:t:14', {
      people: [
        { key: 'full', name: 'Ada Lovelace', rel: 'mentions' },
        { key: 'short', name: 'Lovelace', rel: 'about', relevance: 0.9 },
      ],
      engagements: [{ key: 'e', kind: 'STATEMENT', cameo: '010', summary: 'Lovelace spoke', participants: [{ actor: 'short', role: 'SPEAKER' }] }],
      quotes: [{ text: 'Quoted words', speaker: 'short' }],
    });
    const v = validateBundle(b);
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    const merged = mergeNinjsEntities(v.bundle).annotations;
    expect(merged.people.map((p) => p.key)).toEqual(['full']);
    expect(merged.people[0]).toMatchObject({ rel: 'about', aliases: ['Lovelace'] });
    expect(merged.quotes[0]!.speaker).toBe('full');
    await loadBundle(db, b);
    expect(await count('people', "name in ('Ada Lovelace', 'Lovelace')")).toBe(1);
    expect(await linkedPeople('urn:t:14')).toEqual(['Ada Lovelace:about']);
    expect(await rows("select p.name from quotes q join people p on p.id = q.speaker_person_id join articles a on a.id = q.article_id where a.uri = 'urn:t:14'")).toEqual([
      { name: 'Ada Lovelace' },
    ]);
  });

  it('a later surname-only mention in another article resolves through the alias', async () => {
    const before = await count('people');
    await loadBundle(db, bundle('urn:t:15', { people: [{ key: 'l', name: 'Larijani', rel: 'about' }] }));
    expect(await count('people')).toBe(before);
    expect(await linkedPeople('urn:t:15')).toEqual(['Ali Larijani:about']);
  });

  it('ninjs entities without literal merge into the annotated entity of the same name', async () => {
    const b = bundle('urn:t:16', { people: [{ key: 'ada', name: 'Ada Lovelace', rel: 'mentions' }] });
    (b.ninjs as Record<string, unknown>).people = [{ name: 'ada lovelace', rel: 'about', uri: 'http://www.wikidata.org/entity/Q7259' }];
    await loadBundle(db, b);
    expect(await linkedPeople('urn:t:16')).toEqual(['Ada Lovelace:about']);
    expect(await rows("select uri from same_as s join people p on p.id = s.person_id where p.name = 'Ada Lovelace'")).toEqual([
      { uri: 'http://www.wikidata.org/entity/Q7259' },
    ]);
  });
});
