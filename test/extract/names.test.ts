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

/** Sentences and the candidates `read` finds in them (lower-case titles only where `lowerTitles`). */
const CANDIDATES: { title: string; body: string; expected: string[]; lowerTitles?: boolean }[] = [
  {
    title: 'separates a title from the name after it, any case',
    body: 'Deputy Prime Minister Tomas Varga met the foreign minister Lena Okafor.',
    lowerTitles: true,
    expected: ['title:Deputy Prime Minister', 'name:Tomas Varga', 'title:foreign minister', 'name:Lena Okafor'],
  },
  {
    title: 'keeps connectors, particles, hyphens, apostrophes and initials inside names',
    body: 'They met Ahmed bin Khalid al-Mansouri, Kofi Asante-Mensah, Sean O’Brien and John F. Doyle.',
    expected: ['name:Ahmed bin Khalid al-Mansouri', 'name:Kofi Asante-Mensah', 'name:Sean O’Brien', 'name:John F. Doyle'],
  },
  {
    title: 'joins "of" and "and" inside an organisation name, not between people',
    body: 'The Chamber of Commerce and Industry hosted Maria Lopes and Juan Perez.',
    expected: ['name:Chamber of Commerce and Industry', 'name:Maria Lopes', 'name:Juan Perez'],
  },
  {
    title: 'finds gazetteer hits: countries, demonyms, cities, international organisations, regions',
    body: 'Kenyan officials flew from Nairobi to Geneva for a NATO meeting on West Africa and the Middle East.',
    expected: ['demonym:Kenyan', 'city:Nairobi', 'city:Geneva', 'organisation:NATO', 'region:West Africa', 'region:Middle East'],
  },
  {
    title: 'strips the possessive and marks it',
    body: 'He praised Ghana’s Foreign Ministry and Kwame Boateng\'s work.',
    expected: ["country:Ghana's", 'name:Foreign Ministry', "name:Kwame Boateng's"],
  },
  {
    title: 'keeps an honorific apart from the name it precedes',
    body: 'The talks were opened by Dr. Amara Conteh and H.E. Lina Haddad.',
    expected: ['honorific:Dr.', 'name:Amara Conteh', 'honorific:H.E.', 'name:Lina Haddad'],
  },
  {
    title: 'drops a sentence-initial word without other evidence, keeps it with evidence',
    body: 'Bilateral ties improved. Yesterday Okafor spoke. Okafor left for Lagos, where Dembele waited.',
    expected: ['name:Okafor', 'name:Okafor', 'city:Lagos', 'name:Dembele'],
  },
  {
    title: 'ends a run before a new title or at an organisation head followed by a person',
    body: 'He met the CEO of the Northern Cement Company Lars Eklund and Finance Minister Sara Holm.',
    expected: ['title:CEO', 'name:Northern Cement Company', 'name:Lars Eklund', 'title:Finance Minister', 'name:Sara Holm'],
  },
  {
    title: 'reads a surname that is also a title word as a name when no name follows it',
    body: 'Foreign Minister Julie Bishop said so. Bishop Peter Kamau prayed.',
    expected: ['title:Foreign Minister', 'name:Julie Bishop', 'title:Bishop', 'name:Peter Kamau'],
  },
  {
    title: 'reads lower-case titles of office and plural titles (for the entities stage to judge)',
    body: 'Kenyan officials and the envoy met two ministers.',
    lowerTitles: true,
    expected: ['demonym:Kenyan', 'title:officials', 'title:envoy', 'title:ministers'],
  },
  {
    title: 'does not read days and months as names',
    body: 'The envoy arrived on Monday, 3 March, and left in May.',
    expected: [],
  },
  {
    title: 'finds multi-word cities, countries and organisations',
    body: 'Delegates flew from Addis Ababa to Mexico City, then to Trinidad and Tobago for an African Union meeting.',
    expected: ['city:Addis Ababa', 'city:Mexico City', 'country:Trinidad and Tobago', 'organisation:African Union'],
  },
];

describe('names stage', () => {
  for (const { title, body, expected, lowerTitles } of CANDIDATES)
    it(title, () => {
      expect(read(body, undefined, lowerTitles)).toEqual(expected);
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

});
