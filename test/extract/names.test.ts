/**
 * Name candidates (src/extract/stages/names.ts): capitalised runs with connectors, titles,
 * honorifics, gazetteer hits, sentence-initial words, possessives. Texts written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { gazetteerPrefixes } from '../../src/extract/lexicon.ts';
import { names } from '../../src/extract/stages/names.ts';
import { createDoc } from '../../src/extract/stages/segment.ts';

const read = (body: string, headline = 'Talks in the capital', lowerTitles = false) => {
  const doc = createDoc({ headline, body });
  names(doc);
  return doc
    .names!.filter((c) => !c.headline && (lowerTitles || c.kind !== 'title' || /^\p{Lu}/u.test(c.text)))
    .map((c) => `${c.kind}:${c.text}${c.possessive ? "'s" : ''}`);
};

describe('names stage', () => {
  it('separates a title from the name after it, any case', () => {
    expect(read('Deputy Prime Minister Tomas Varga met the foreign minister Lena Okafor.', undefined, true)).toEqual([
      'title:Deputy Prime Minister',
      'name:Tomas Varga',
      'title:foreign minister',
      'name:Lena Okafor',
    ]);
  });

  it('keeps connectors, particles, hyphens, apostrophes and initials inside names', () => {
    expect(read('They met Ahmed bin Khalid al-Mansouri, Kofi Asante-Mensah, Sean O’Brien and John F. Doyle.')).toEqual([
      'name:Ahmed bin Khalid al-Mansouri',
      'name:Kofi Asante-Mensah',
      'name:Sean O’Brien',
      'name:John F. Doyle',
    ]);
  });

  it('joins "of" and "and" inside an organisation name, not between people', () => {
    expect(read('The Chamber of Commerce and Industry hosted Maria Lopes and Juan Perez.')).toEqual([
      'name:Chamber of Commerce and Industry',
      'name:Maria Lopes',
      'name:Juan Perez',
    ]);
  });

  it('finds gazetteer hits: countries, demonyms, cities, international organisations, regions', () => {
    expect(read('Kenyan officials flew from Nairobi to Geneva for a NATO meeting on West Africa and the Middle East.')).toEqual([
      'demonym:Kenyan',
      'city:Nairobi',
      'city:Geneva',
      'organisation:NATO',
      'region:West Africa',
      'region:Middle East',
    ]);
  });

  it('strips the possessive and marks it', () => {
    expect(read('He praised Ghana’s Foreign Ministry and Kwame Boateng\'s work.')).toEqual(["country:Ghana's", 'name:Foreign Ministry', "name:Kwame Boateng's"]);
  });

  it('keeps an honorific apart from the name it precedes', () => {
    expect(read('The talks were opened by Dr. Amara Conteh and H.E. Lina Haddad.')).toEqual(['honorific:Dr.', 'name:Amara Conteh', 'honorific:H.E.', 'name:Lina Haddad']);
  });

  it('drops a sentence-initial word without other evidence, keeps it with evidence', () => {
    expect(read('Bilateral ties improved. Yesterday Okafor spoke. Okafor left for Lagos, where Dembele waited.')).toEqual(['name:Okafor', 'name:Okafor', 'city:Lagos', 'name:Dembele']);
  });

  it('ends a run before a new title or at an organisation head followed by a person', () => {
    expect(read('He met the CEO of the Northern Cement Company Lars Eklund and Finance Minister Sara Holm.')).toEqual([
      'title:CEO',
      'name:Northern Cement Company',
      'name:Lars Eklund',
      'title:Finance Minister',
      'name:Sara Holm',
    ]);
  });

  it('reads a surname that is also a title word as a name when no name follows it', () => {
    expect(read('Foreign Minister Julie Bishop said so. Bishop Peter Kamau prayed.')).toEqual(['title:Foreign Minister', 'name:Julie Bishop', 'title:Bishop', 'name:Peter Kamau']);
  });

  it('reads lower-case titles of office and plural titles (for the entities stage to judge)', () => {
    expect(read('Kenyan officials and the envoy met two ministers.', undefined, true)).toEqual(['demonym:Kenyan', 'title:officials', 'title:envoy', 'title:ministers']);
  });

  it('does not read days and months as names', () => {
    expect(read('The envoy arrived on Monday, 3 March, and left in May.')).toEqual([]);
  });

  it('reads only gazetteer hits and titles in an all-capitals headline', () => {
    const doc = createDoc({ headline: 'KENYAN PRESIDENT MEETS TANZANIAN LEADER IN DODOMA TALKS', body: 'Text.' });
    names(doc);
    expect(doc.names!.map((c) => `${c.kind}:${c.text}`)).toEqual(['demonym:KENYAN', 'title:PRESIDENT', 'demonym:TANZANIAN', 'title:LEADER', 'city:DODOMA']);
  });

  it('records offsets into Doc.text and token indices', () => {
    const doc = createDoc({ headline: 'H', body: 'Ambassador Ines Duarte arrived.' });
    names(doc);
    const c = doc.names!.find((n) => n.kind === 'name')!;
    expect(doc.text.slice(c.start, c.end)).toBe('Ines Duarte');
    expect(doc.sentences[c.sentence]!.tokens[c.first]!.text).toBe('Ines');
    expect(c.evidence).toMatchObject({ stage: 'names', rule: 'capitalised-run' });
  });

  it('knows the word prefixes of multi-word gazetteer names (the pre-filter of gazetteer lookups)', () => {
    const p = gazetteerPrefixes();
    for (const words of ['addis', 'addis ababa', 'mexico city', 'new york', 'united states of america', 'african union', 'east african', 'west africa', 'trinidad and tobago'])
      expect(p.has(words), words).toBe(true);
  });

  it('finds multi-word cities, countries and organisations', () => {
    expect(read('Delegates flew from Addis Ababa to Mexico City, then to Trinidad and Tobago for an African Union meeting.')).toEqual([
      'city:Addis Ababa',
      'city:Mexico City',
      'country:Trinidad and Tobago',
      'organisation:African Union',
    ]);
  });
});
