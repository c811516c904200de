/**
 * The knowledge tables (./knowledge/) compiled once into lookup structures the `names` and
 * `entities` stages share: token-sequence tries for titles and honorifics, word sets for heads,
 * connectors and stop words. Built lazily on first use (never at Worker start-up), read-only after.
 */
import type { OrganisationKind } from '../db/schema.ts';
import type { Token } from './document.ts';
import { COURT_MODIFIERS, NON_ENTITY_HEADS, ORGANISATION_HEADS, ORGANISATION_MODIFIER_KINDS, PLACE_HEADS, PLATFORMS, PROPER_INSTITUTIONS, REGION_HEADS, REGION_PREFIXES } from './knowledge/organisation-words.ts';
import { REGION_NOUNS, REGIONS, type Region } from './knowledge/regions.ts';
import { HONORIFICS, NAME_STYLES, PORTFOLIO_HEADS, PORTFOLIO_WORDS, ROYAL_TITLES, TITLE_ABBREVIATIONS, TITLE_HEADS, TITLE_MODIFIERS } from './knowledge/titles.ts';
import { foldName } from '../domain/fold.ts';
import { CITIES_BY_COUNTRY } from './knowledge/cities.generated.ts';
import { allCountries, gazetteerKey } from './knowledge/gazetteer.ts';
import { INTERNATIONAL_ORGANISATIONS } from './knowledge/international-organisations.ts';
import { CITY_ALIASES } from './knowledge/supplement.ts';

/** Lower-cased token text with curly apostrophes straightened. */
export function low(t: string): string {
  const l = t.toLowerCase();
  return l.includes('’') ? l.replace(/’/g, "'") : l;
}

/** Phrases (lower-case token sequences) indexed by their first token, longest first. */
export class PhraseIndex<T> {
  private readonly byFirst = new Map<string, Array<{ words: string[]; value: T }>>();

  add(phrase: string, value: T): void {
    const words = phraseWords(phrase);
    if (!words.length) return;
    let list = this.byFirst.get(words[0]!);
    if (!list) this.byFirst.set(words[0]!, (list = []));
    list.push({ words, value });
    list.sort((a, b) => b.words.length - a.words.length);
  }

  /** The longest phrase starting at token `i`: its last token index and value. */
  match(tokens: readonly Token[], i: number): { last: number; value: T } | undefined {
    const first = tokens[i];
    if (!first) return undefined;
    const list = this.byFirst.get(low(first.text));
    if (!list) return undefined;
    for (const { words, value } of list) {
      if (i + words.length > tokens.length) continue;
      let ok = true;
      for (let k = 1; k < words.length && ok; k++) ok = low(tokens[i + k]!.text) === words[k];
      if (ok) return { last: i + words.length - 1, value };
    }
    return undefined;
  }
}

/** Splits a phrase the way the tokenizer would ("secretary-general" stays one token, "'s" apart). */
function phraseWords(phrase: string): string[] {
  return low(phrase)
    .split(/\s+/)
    .flatMap((w) => (w.endsWith("'s") && w.length > 2 ? [w.slice(0, -2), "'s"] : [w]))
    .filter(Boolean);
}

export interface Lexicon {
  /** Lower-case words a title can start with (modifiers, portfolio words, heads' first words, abbreviations, plurals). */
  titleStarts: Set<string>;
  titleHeads: PhraseIndex<string>;
  titleModifiers: Set<string>;
  portfolio: Set<string>;
  portfolioHeads: Set<string>;
  honorifics: PhraseIndex<string>;
  styles: Set<string>;
  royal: Set<string>;
  abbreviations: Map<string, string>;
  orgHeads: PhraseIndex<OrganisationKind>;
  orgHeadWords: Map<string, OrganisationKind>;
  orgModifierKinds: Map<string, OrganisationKind>;
  courtModifiers: Set<string>;
  nonEntityHeads: Set<string>;
  placeHeads: Set<string>;
  regionHeads: Set<string>;
  regionPrefixes: Set<string>;
  platforms: Set<string>;
  regions: Map<string, Region>;
  regionAdjectives: Map<string, Region>;
  regionNouns: Set<string>;
}

let lexicon: Lexicon | undefined;

export function lex(): Lexicon {
  if (lexicon) return lexicon;
  const titleHeads = new PhraseIndex<string>();
  for (const h of TITLE_HEADS) titleHeads.add(h, h);
  const honorifics = new PhraseIndex<string>();
  for (const h of HONORIFICS) honorifics.add(h, h);
  const orgHeads = new PhraseIndex<OrganisationKind>();
  const orgHeadWords = new Map<string, OrganisationKind>();
  for (const [h, k] of Object.entries({ ...ORGANISATION_HEADS, ...PROPER_INSTITUTIONS })) {
    orgHeads.add(h, k);
    const words = phraseWords(h);
    if (words.length === 1) orgHeadWords.set(words[0]!, k);
  }
  const regions = new Map<string, Region>();
  const regionAdjectives = new Map<string, Region>();
  for (const r of REGIONS) {
    for (const n of [r.name, ...(r.aliases ?? [])]) if (!regions.has(gazetteerKey(n))) regions.set(gazetteerKey(n), r);
    for (const a of r.adjectives ?? []) if (!regionAdjectives.has(gazetteerKey(a))) regionAdjectives.set(gazetteerKey(a), r);
  }
  const titleStarts = new Set<string>([...TITLE_MODIFIERS, ...PORTFOLIO_WORDS, ...Object.keys(TITLE_ABBREVIATIONS).map((a) => a.split(' ')[0]!)]);
  for (const h of TITLE_HEADS) {
    const first = phraseWords(h)[0]!;
    titleStarts.add(first);
    titleStarts.add(first.endsWith('y') ? `${first.slice(0, -1)}ies` : `${first}s`);
  }
  return (lexicon = {
    titleStarts,
    titleHeads,
    titleModifiers: new Set(TITLE_MODIFIERS),
    portfolio: new Set(PORTFOLIO_WORDS),
    portfolioHeads: new Set(PORTFOLIO_HEADS),
    honorifics,
    styles: new Set(NAME_STYLES),
    royal: new Set(ROYAL_TITLES),
    abbreviations: new Map(Object.entries(TITLE_ABBREVIATIONS)),
    orgHeads,
    orgHeadWords,
    orgModifierKinds: new Map(Object.entries(ORGANISATION_MODIFIER_KINDS)),
    courtModifiers: new Set(COURT_MODIFIERS),
    nonEntityHeads: new Set(NON_ENTITY_HEADS),
    placeHeads: new Set(PLACE_HEADS),
    regionHeads: new Set(REGION_HEADS),
    regionPrefixes: new Set(REGION_PREFIXES),
    platforms: new Set(PLATFORMS),
    regions,
    regionAdjectives,
    regionNouns: new Set(REGION_NOUNS),
  });
}

/** Words that join the parts of a name ("Ministry of Foreign Affairs", "Faisal bin Farhan", "Chamber of Commerce and Industry"). */
export const CONNECTORS = new Set([
  'of', 'for', 'and', '&', 'the', 'on', 'de', 'du', 'da', 'di', 'do', 'dos', 'das', 'del', 'della', 'der', 'den', 'van',
  'von', 'al', 'el', 'bin', 'binti', 'bint', 'ibn', 'ben', 'abu', 'y', 'la', 'le', 'ter', 'zu', 'and the', 'of the',
]);
/** Particles inside people's names (not "of", "for", "and", "the"). */
export const NAME_PARTICLES = new Set([
  'de', 'du', 'da', 'di', 'do', 'dos', 'das', 'del', 'della', 'der', 'den', 'van', 'von', 'al', 'el', 'bin', 'binti',
  'bint', 'ibn', 'ben', 'abu', 'y', 'la', 'le', 'ter', 'zu',
]);

/** Capitalised words that are never (part of) a name: function words, days, months. */
export const NOT_NAMES = new Set(
  ('i the a an he she it they we you his her its their our my your this that these those there here but and or so ' +
    'yet nor if in on at by for from with without to of as after before during since until while when where which ' +
    'who whom whose what why how all both each every some any many most several such no not also however meanwhile ' +
    'earlier later today tomorrow yesterday tonight now then thus therefore although though because despite ' +
    'according among between under over into onto about against via amid amidst upon within' +
    ' monday tuesday wednesday thursday friday saturday sunday january february march april june july august ' +
    'september october november december jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'mr mrs ms dr his her').split(/\s+/),
);

/** Capitalised like a name: an upper-case first letter, or a particle then one ("al-Sabah", "el-Sisi"). */
export function isCapitalised(text: string): boolean {
  return /^[\p{Lu}\p{Lt}]/u.test(text) || /^(?:al|el|ad|ar|as|ash|at|az|an|ud|ul|bin|ben|abu|ibn|de|d|l|o)[-'’]\p{Lu}/u.test(text);
}

/** Every letter upper case, at least two letters ("SNSC", "U.S.", "MEXICO"). */
export function isUpper(text: string): boolean {
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) letters++;
    else if (c > 127) {
      const ch = text[i]!;
      const up = ch.toUpperCase();
      if (up === ch.toLowerCase()) continue;
      if (ch !== up) return false;
      letters++;
    }
  }
  return letters >= 2;
}

export function isWord(text: string): boolean {
  return /^[\p{L}\p{N}]/u.test(text);
}

/** Verbs of speech that put a person (or an organisation) beside them. */
export const SPEECH_VERBS = new Set(
  ('said says say told tells added adds noted notes stressed stresses stated states explained explains announced ' +
    'announces insisted insists warned warns urged urges argued argues wrote writes tweeted tweets replied replies ' +
    'remarked remarks emphasised emphasized emphasises emphasizes underlined underlines observed observes declared ' +
    'declares recalled recalls concluded concludes continued continues highlighted highlights confirmed confirms ' +
    'denied denies asked asks acknowledged acknowledges reiterated reiterates affirmed affirms admitted admits ' +
    'pointed points commented comments posted posts thanked thanks praised praises smiled').split(' '),
);

/** Verbs of a state acting ("Pakistan hosted", "Kenya and South Sudan signed"). */
export const STATE_ACTION_VERBS = new Set(
  ('hosted hosts signed signs agreed agrees announced announces condemned condemns welcomed welcomes rejected rejects ' +
    'accused accuses recalled recalls expelled expels imposed imposes voted votes pledged pledges offered offers ' +
    'sent sends deployed deploys invaded invades attacked attacks launched launches threatened threatens ' +
    'demanded demands urged urges protested protests summoned summons recognised recognized recognises recognizes ' +
    'sanctioned sanctions ratified ratifies suspended suspends resumed resumes established establishes ' +
    'concluded concludes negotiated negotiates proposed proposes backed backs supported supports donated donates ' +
    'granted grants received receives invited invites called calls').split(' '),
);

/** The kind an organisation name's words give, or undefined when no head word is in it. */
export function organisationKind(words: readonly string[], byModifiers = true): OrganisationKind | undefined {
  const L = lex();
  let kind: OrganisationKind | undefined;
  for (let i = 0; i < words.length; i++) {
    const w = low(words[i]!);
    const two = i + 1 < words.length ? `${w} ${low(words[i + 1]!)}` : '';
    if (two && L.orgHeadWords.has(two)) kind = L.orgHeadWords.get(two);
    if (w === 'court') {
      if (i > 0 && L.courtModifiers.has(low(words[i - 1]!))) kind = 'GOVERNMENT_BODY';
      continue;
    }
    const k = L.orgHeadWords.get(w);
    if (k) kind = k;
  }
  // multi-word heads ("supreme court", "house of representatives")
  const joined = words.map(low);
  for (let i = 0; i < joined.length; i++) {
    const hit = L.orgHeads.match(joined.map((text) => ({ text, start: 0, end: 0 })), i);
    if (hit && hit.last > i) kind = hit.value;
  }
  if (byModifiers && kind && kind !== 'MEDIA' && kind !== 'EMBASSY')
    for (const w of joined) if (L.orgModifierKinds.has(w)) return L.orgModifierKinds.get(w);
  return kind;
}

const foldedWords = new Map<string, string>();
/** foldName of one token (memoised). */
export function foldToken(text: string): string {
  let f = foldedWords.get(text);
  if (f === undefined) {
    f = foldName(text);
    if (foldedWords.size > 20_000) foldedWords.clear();
    foldedWords.set(text, f);
  }
  return f;
}

let prefixes: Set<string> | undefined;

/**
 * Every word prefix (folded words joined by one space, a leading "the" dropped) of every name the
 * gazetteer and the region table know: countries (names, aliases, demonyms), cities, international
 * organisations, regions. The `names` stage looks a span up only while it is such a prefix.
 */
export function gazetteerPrefixes(): Set<string> {
  if (prefixes) return prefixes;
  const out = new Set<string>();
  const add = (name: string) => {
    let words = foldName(name).split(' ').filter(Boolean);
    if (words[0] === 'the') words = words.slice(1);
    for (let k = 1; k <= words.length; k++) out.add(words.slice(0, k).join(' '));
  };
  for (const c of allCountries()) for (const n of [c.name, c.official, ...c.aliases, ...c.demonyms]) add(n);
  for (const packed of Object.values(CITIES_BY_COUNTRY))
    for (const entry of packed.split('|')) for (const n of entry.replace(/=.*$/, '').replace(/\*$/, '').split('/')) add(n);
  for (const [alias] of CITY_ALIASES) add(alias);
  for (const o of INTERNATIONAL_ORGANISATIONS) for (const n of [o.name, ...(o.acronym ? [o.acronym] : []), ...o.aliases]) add(n);
  for (const r of lex().regions.keys()) out.add(r);
  for (const r of REGIONS) for (const n of [r.name, ...(r.aliases ?? []), ...(r.adjectives ?? [])]) add(n);
  return (prefixes = out);
}
