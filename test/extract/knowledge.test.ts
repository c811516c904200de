/** The gazetteer (src/extract/knowledge/): countries, demonyms, cities, international organisations. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { roundedThousands } from '../../src/cli/build-gazetteer.ts';
import {
  allCountries,
  capitalCity,
  countryByDemonym,
  countryByIso2,
  isCountryName,
  lookupCity,
  lookupCountry,
  lookupInternationalOrganisation,
  maxNameWords,
} from '../../src/extract/knowledge/gazetteer.ts';
import { INTERNATIONAL_ORGANISATIONS } from '../../src/extract/knowledge/international-organisations.ts';
import { CITY_ALIASES, COUNTRY_EXTRAS } from '../../src/extract/knowledge/supplement.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const localNode = `${root}node_modules/.bin/node`;
/** A Node that runs .ts files (the pinned Node 22 when vitest itself runs on an older one). */
const nodeForTs = (process.features as { typescript?: unknown }).typescript || !existsSync(localNode) ? process.execPath : localNode;

describe('countries', () => {
  it.each([
    ['United States of America', 'US'],
    ['United States', 'US'],
    ['U.S.', 'US'],
    ['US', 'US'],
    ['USA', 'US'],
    ['Britain', 'GB'],
    ['Great Britain', 'GB'],
    ['UK', 'GB'],
    ['U.K.', 'GB'],
    ['United Kingdom of Great Britain and Northern Ireland', 'GB'],
    ['Ivory Coast', 'CI'],
    ["Côte d'Ivoire", 'CI'],
    ["Cote d'Ivoire", 'CI'],
    ['Czechia', 'CZ'],
    ['Czech Republic', 'CZ'],
    ['Burma', 'MM'],
    ['Republic of Korea', 'KR'],
    ['South Korea', 'KR'],
    ['DPRK', 'KP'],
    ['North Korea', 'KP'],
    ['UAE', 'AE'],
    ['Vietnam', 'VN'],
    ['Viet Nam', 'VN'],
    ['Việt Nam', 'VN'],
    ['Turkey', 'TR'],
    ['Türkiye', 'TR'],
    ['the Netherlands', 'NL'],
    ['Holland', 'NL'],
    ['Islamic Republic of Iran', 'IR'],
    ['PAKISTAN', 'PK'],
    ['DR Congo', 'CD'],
    ['Kosovo', 'XK'],
  ])('%s → %s', (name, iso2) => {
    expect(lookupCountry(name)?.iso2).toBe(iso2);
  });

  it('does not take words, demonyms or ISO codes for country names', () => {
    for (const text of ['us', 'Us', 'Iranian', 'Saudi', 'Thai', 'IR', 'PK', 'Tehran', '']) expect(lookupCountry(text), text).toBeUndefined();
    expect(isCountryName('Kenya')).toBe(true);
    expect(isCountryName('Nairobi')).toBe(false);
  });

  it('gives every hand-written name and demonym to its country', () => {
    for (const [iso2, extra] of Object.entries(COUNTRY_EXTRAS)) {
      for (const alias of extra.aliases ?? []) expect(lookupCountry(alias)?.iso2, alias).toBe(iso2);
      for (const demonym of extra.demonyms ?? []) expect(countryByDemonym(demonym)?.iso2, demonym).toBe(iso2);
    }
  });

  it('gives code, names, demonyms and sovereignty', () => {
    const pk = countryByIso2('pk')!;
    expect(pk).toMatchObject({ iso2: 'PK', name: 'Pakistan', official: 'Islamic Republic of Pakistan', sovereign: true });
    expect(pk.demonyms).toEqual(expect.arrayContaining(['Pakistani', 'Pakistanis']));
    expect(countryByIso2('GL')?.sovereign).toBe(false);
    expect(countryByIso2('ZZ')).toBeUndefined();
  });

  it('has every ISO 3166-1 country once, with no pure codes or other scripts among the aliases', () => {
    const all = allCountries();
    expect(all.length).toBeGreaterThanOrEqual(249);
    expect(new Set(all.map((c) => c.iso2)).size).toBe(all.length);
    for (const c of all) {
      expect(c.iso2).toMatch(/^[A-Z]{2}$/);
      for (const alias of c.aliases) {
        if (c.iso2 !== 'US') expect(alias, c.iso2).not.toBe(c.iso2); // "US" is also a name
        expect(alias, c.iso2).not.toMatch(/[^\p{Script=Latin}\p{P}\p{Zs}\p{M}]/u);
      }
    }
  });
});

describe('demonyms', () => {
  it.each([
    ['Iranian', 'IR'],
    ['Iranians', 'IR'],
    ['Pakistani', 'PK'],
    ['Pakistanis', 'PK'],
    ['Kenyan', 'KE'],
    ['American', 'US'],
    ['Americans', 'US'],
    ['British', 'GB'],
    ['Britons', 'GB'],
    ['Emirati', 'AE'],
    ['Saudi', 'SA'],
    ['Saudis', 'SA'],
    ['Chinese', 'CN'],
    ['French', 'FR'],
    ['Indian', 'IN'],
    ['Congolese', 'CD'],
    ['Dominican', 'DO'],
    ['vietnamese', 'VN'],
  ])('%s → %s', (word, iso2) => {
    expect(countryByDemonym(word)?.iso2).toBe(iso2);
  });

  it('makes no plural of invariable demonyms and knows no non-demonyms', () => {
    for (const word of ['Chineses', 'Britishs', 'Swisss', 'Pakistan', 'Tehran', 'Korean']) expect(countryByDemonym(word), word).toBeUndefined();
  });
});

describe('cities', () => {
  it('finds capitals with their country', () => {
    expect(lookupCity('Islamabad')[0]).toMatchObject({ name: 'Islamabad', iso2: 'PK', capital: true });
    expect(lookupCity('Nairobi')[0]).toMatchObject({ iso2: 'KE', capital: true });
    expect(lookupCity('Tehran')[0]).toMatchObject({ iso2: 'IR', capital: true });
    expect(capitalCity('PK')?.name).toBe('Islamabad');
  });

  it('folds diacritics, punctuation and spaces on both sides', () => {
    expect(lookupCity('Sao Paulo')[0]).toMatchObject({ name: 'São Paulo', iso2: 'BR', capital: false });
    expect(lookupCity('SÃO PAULO')[0]?.name).toBe('São Paulo');
    expect(lookupCity('Zurich')[0]?.name).toBe('Zürich');
    expect(lookupCity("Sana'a")[0]).toMatchObject({ iso2: 'YE', capital: true });
    expect(lookupCity('Sanaa')[0]?.iso2).toBe('YE');
  });

  it('returns every city of an ambiguous name, the biggest first', () => {
    const kingston = lookupCity('Kingston');
    expect(kingston.map((c) => c.iso2)).toEqual(['JM', 'NF']);
    expect(lookupCity('Georgetown').map((c) => c.iso2)).toEqual(['GY', 'KY']); // "George Town" folds the same
    for (const list of [kingston, lookupCity('Oranjestad')]) {
      expect(list.length).toBeGreaterThan(1);
      for (let i = 1; i < list.length; i++) expect(list[i - 1]!.population).toBeGreaterThan(list[i]!.population);
    }
    expect(lookupCity('Tripoli')[0]).toMatchObject({ iso2: 'LY', capital: true });
  });

  it('knows English names of cities GeoNames files under another', () => {
    expect(lookupCity('Washington')[0]).toMatchObject({ iso2: 'US', capital: true });
    expect(lookupCity('Kiev')[0]?.name).toBe('Kyiv');
    expect(lookupCity('Cologne')[0]?.name).toBe('Köln');
    expect(lookupCity('Astana')[0]).toMatchObject({ iso2: 'KZ', capital: true });
  });

  it('places every hand-written English city name on a city of the table', () => {
    for (const [alias, iso2, name] of CITY_ALIASES) {
      expect(lookupCity(alias).find((c) => c.iso2 === iso2 && c.name === name), alias).toBeDefined();
    }
  });

  it('has a capital city for every sovereign state, the most populous where it has several', () => {
    for (const country of allCountries()) if (country.sovereign) expect(capitalCity(country.iso2), country.iso2).toMatchObject({ iso2: country.iso2, capital: true });
    expect(capitalCity('za')?.name).toBe('Cape Town');
    expect(capitalCity('AQ')).toBeUndefined();
  });

  it('keeps the big towns, each country’s largest and the supplement’s, and leaves smaller towns out', () => {
    expect(lookupCity('Rio de Janeiro')[0]?.iso2).toBe('BR'); // above CITY_MIN_POPULATION
    expect(lookupCity('Zurich')[0]?.iso2).toBe('CH'); // Switzerland's largest town, not its capital
    expect(lookupCity('Geneva')[0]?.iso2).toBe('CH'); // named in supplement.ts
    expect(lookupCity('Tampere')).toEqual([]); // ~200,000 people
  });

  it('finds nothing for unknown names and small towns', () => {
    expect(lookupCity('Atlantis')).toEqual([]);
    expect(lookupCity('')).toEqual([]);
  });
});

describe('international organisations', () => {
  it('finds NATO by acronym, name and spelling, but acronyms only in capitals', () => {
    const nato = lookupInternationalOrganisation('NATO');
    expect(nato).toMatchObject({ acronym: 'NATO', kind: 'INTERNATIONAL_ORGANISATION' });
    expect(lookupInternationalOrganisation('North Atlantic Treaty Organization')).toBe(nato);
    expect(lookupInternationalOrganisation('Nato')).toBe(nato);
    expect(lookupInternationalOrganisation('WHO')?.name).toBe('World Health Organization');
    expect(lookupInternationalOrganisation('who')).toBeUndefined();
    expect(lookupInternationalOrganisation('U.N.')?.name).toBe('United Nations');
    expect(lookupInternationalOrganisation('UN Security Council')?.parent).toBe('United Nations');
    expect(lookupInternationalOrganisation('dpa')).toMatchObject({ kind: 'MEDIA', country: 'DE' });
    expect(lookupInternationalOrganisation('The Associated Press')?.acronym).toBe('AP');
    expect(lookupInternationalOrganisation('Xinhua')).toMatchObject({ kind: 'MEDIA', country: 'CN' });
    expect(lookupInternationalOrganisation('Pakistan')).toBeUndefined();
  });

  it('gives every name, acronym and alias to exactly one organisation', () => {
    for (const org of INTERNATIONAL_ORGANISATIONS) {
      for (const name of [org.name, ...(org.acronym ? [org.acronym] : []), ...org.aliases]) {
        expect(lookupInternationalOrganisation(name), `${name} → ${org.name}`).toBe(org);
      }
      if (org.parent) expect(lookupInternationalOrganisation(org.parent), org.parent).toBeDefined();
    }
  });
});

describe('generated tables', () => {
  it('are current (npm run gazetteer:build -- --check)', () => {
    const out = execFileSync(nodeForTs, ['src/cli/build-gazetteer.ts', '--check'], { cwd: root, encoding: 'utf8' });
    expect(out).toContain('countries.generated.ts is up to date');
    expect(out).toContain('cities.generated.ts is up to date');
  });

  it('round populations to the R10 series in thousands', () => {
    expect([601_600, 11_624_000, 100_000, 20_000, 0].map(roundedThousands)).toEqual([630, 13000, 100, 20, 0]);
  });

  it('bound n-gram lookups', () => {
    expect(maxNameWords()).toBeGreaterThanOrEqual(3);
  });
});
