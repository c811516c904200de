/**
 * Names, the second stage: candidate proper names and gazetteer hits, in text order, in
 * `Doc.names`. Reads each sentence's tokens once, left to right; at each token it tries, in order:
 *
 * 1. an honorific ("Mr.", "Dr", "H.E.", "Datuk") → `honorific`;
 * 2. a title of office, any case ("Deputy Prime Minister", "Minister of Foreign Affairs",
 *    "foreign minister", "PM") → `title` (canonical: the title as filed);
 * 3. the longest gazetteer name (countries, international organisations and news agencies,
 *    regions, demonyms, cities) → `country` / `organisation` / `region` / `demonym` / `city`;
 * 4. otherwise a capitalised run → `name`: capitalised tokens with connectors between them
 *    ("of", "for", "the", "de", "bin", "al-"; "and" only inside an organisation name), hyphens and
 *    apostrophes inside tokens ("Akufo-Addo", "O'Brien"), initials ("John F. Kelly"). A run ends
 *    before a title, an honorific or a gazetteer name (a city or country right after a person-like
 *    name continues it: "Patricia Scotland"), after an organisation head followed by a new name
 *    ("Russian Railways | Oleg ..."), and after "X of Y" when two more capitalised words follow.
 *
 * A possessive "'s" ends a candidate and is left out of it. A sentence-initial word is a name only
 * with other evidence: a gazetteer or title hit, or the same word capitalised elsewhere in the
 * text not at a sentence start; otherwise it is dropped (with the connectors after it). Upper-case
 * sentences (all-caps headlines) yield only gazetteer hits and titles.
 */
import type { Doc, NameCandidate, NameKind, Sentence, Token } from '../document.ts';
import { countryByDemonym, gazetteerKey, lookupCity, lookupCountry, lookupInternationalOrganisation } from '../knowledge/gazetteer.ts';
import { PROPER_INSTITUTIONS } from '../knowledge/organisation-words.ts';
import { CONNECTORS, foldToken, gazetteerPrefixes, isCapitalised, isUpper, isWord, lex, low, NOT_NAMES } from '../lexicon.ts';

const STAGE = 'names';
/** Lower-case heads after a place name that make a named plan of it, not a place mention ("the Bridgetown initiative"). */
const NAMED_PLAN_HEADS = new Set(['initiative', 'process', 'plan', 'agreement', 'accord', 'accords', 'declaration', 'protocol', 'doctrine', 'formula', 'format', 'consensus', 'communique', 'communiqué', 'principles']);
/** Longest gazetteer span tried, in tokens. */
const MAX_SPAN = 7;
const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', '«', '—', '–', '-', '--', ':', '|', '#', '•', '*']);
const LOWER_TITLE_OK = new Set([
  'president', 'prime minister', 'minister', 'secretary', 'ambassador', 'envoy', 'special envoy', 'foreign secretary',
  'secretary-general', 'secretary general', 'high commissioner', 'crown prince', 'king', 'queen', 'emir', 'sultan',
  'spokesman', 'spokeswoman', 'spokesperson', 'chairman', 'governor', 'mayor', 'commissioner', 'speaker', 'senator',
  'chancellor', 'premier', 'vice president', 'vice-president', 'director-general', 'ceo', 'chief executive', 'candidate',
  'presidential candidate', 'correspondent', 'adviser', 'advisor', 'national security adviser', 'chief of staff',
  'opposition leader', 'leader', 'official', 'diplomat', 'aide',
]);

interface Piece {
  kind: NameKind;
  first: number;
  last: number;
  canonical?: string;
  iso2?: string;
  acronym?: string;
  media?: boolean;
  rule: string;
}

type TitleMatch = { last: number; head: string; plural: boolean };
/** Memos of `matchTitle` and `matchGazetteer` by token offset, for the document being read. */
let titleMemo = new Map<number, TitleMatch | null>();
let gazetteerMemo = [new Map<number, Piece | null>(), new Map<number, Piece | null>()];
let memoDoc: Doc | undefined;
function memoFor(doc: Doc): void {
  if (memoDoc === doc) return;
  memoDoc = doc;
  titleMemo = new Map();
  gazetteerMemo = [new Map(), new Map()];
}

/** `matchTitle`, memoised for the document being read. */
function titleAt(tokens: readonly Token[], i: number): TitleMatch | undefined {
  const tok = tokens[i];
  if (!tok) return undefined;
  let m = titleMemo.get(tok.start);
  if (m === undefined) titleMemo.set(tok.start, (m = matchTitle(tokens, i) ?? null));
  return m ?? undefined;
}

/** A title starting at token `i` (any case): its last token, its head as filed, whether plural. */
export function matchTitle(tokens: readonly Token[], i: number): TitleMatch | undefined {
  const L = lex();
  const t0 = tokens[i];
  if (!t0 || !L.titleStarts.has(low(t0.text)) || !isWord(t0.text)) return undefined;
  const abbr = L.abbreviations.get(low(t0.text));
  if (abbr && (isUpper(t0.text) || t0.text.endsWith('.'))) {
    // "Sec Gen": two-token abbreviations
    const two = tokens[i + 1] ? L.abbreviations.get(`${low(t0.text)} ${low(tokens[i + 1]!.text)}`) : undefined;
    if (two) return { last: i + 1, head: two, plural: false };
    return { last: i, head: abbr, plural: false };
  }
  if (tokens[i + 1] && L.abbreviations.has(`${low(t0.text)} ${low(tokens[i + 1]!.text)}`))
    return { last: i + 1, head: L.abbreviations.get(`${low(t0.text)} ${low(tokens[i + 1]!.text)}`)!, plural: false };
  // [modifiers | portfolio words]* HEAD [of|for portfolio words]
  let j = i;
  let head: { last: number; value: string } | undefined;
  let plural = false;
  for (let guard = 0; guard < 8; guard++) {
    const tok = tokens[j];
    if (!tok) return undefined;
    head = L.titleHeads.match(tokens, j);
    if (head) {
      // a head that is also a modifier before another head: "General Secretary", "Chief Commercial Officer"
      if (L.titleModifiers.has(head.value) && tokens[head.last + 1] && tokens[head.last + 1]!.start - tokens[head.last]!.end === 1) {
        const more = matchTitle(tokens, head.last + 1);
        if (more && !more.plural && more.head !== more.head.toUpperCase()) head = { last: more.last, value: more.head };
      }
      break;
    }
    const w = low(tok.text);
    const pl = w.endsWith('ies') ? w.slice(0, -3) + 'y' : w.endsWith('s') ? w.slice(0, -1) : '';
    if (pl && j > i && L.titleHeads.match([{ ...tok, text: pl }], 0)) {
      head = { last: j, value: pl };
      plural = true;
      break;
    }
    if (pl && j === i && ['heads', 'ministers', 'presidents', 'secretaries', 'ambassadors', 'envoys', 'leaders', 'officials', 'chiefs'].includes(w)) {
      head = { last: j, value: pl };
      plural = true;
      break;
    }
    if (j > i && isUpper(tok.text) && L.abbreviations.has(w)) {
      head = { last: j, value: L.abbreviations.get(w)! };
      break;
    }
    const next = tokens[j + 1];
    const joiner = (w === 'and' || w === '&') && j > i;
    if (L.orgHeadWords.has(w) && !L.portfolio.has(w)) return undefined;
    if (!(L.titleModifiers.has(w) || L.portfolio.has(w) || joiner) || !next) return undefined;
    // Portfolio words must keep the case of the title they lead into ("Energy Minister", "energy minister").
    j++;
  }
  if (!head) return undefined;
  let last = head.last;
  // A lone modifier-like head ("general", "chief") written in lower case is no title.
  const headText = head.value;
  if (L.portfolioHeads.has(headText.split(' ').at(-1)!)) {
    // "Minister of Foreign Affairs", "Secretary of Homeland Security", "Minister for Trade and Industry"
    const of = tokens[last + 1];
    if (of && (low(of.text) === 'of' || low(of.text) === 'for')) {
      let k = last + 2;
      if (tokens[k] && low(tokens[k]!.text) === 'the') k++;
      let end = -1;
      while (tokens[k] && (L.portfolio.has(low(tokens[k]!.text)) || ((low(tokens[k]!.text) === 'and' || tokens[k]!.text === '&') && end >= 0))) {
        if (L.portfolio.has(low(tokens[k]!.text))) end = k;
        k++;
      }
      // "of State" alone is a portfolio only for Secretary ("Secretary of State"); a country after "of" is not a portfolio.
      if (end >= 0 && isCapitalised(tokens[last + 2]!.text) && !lookupCountry(sliceText(tokens, last + 2, end))) last = end;
    }
  }
  // Lower-case titles count only for strong offices; upper-case ones always.
  const words = tokens.slice(i, last + 1);
  const anyCap = words.some((t) => isCapitalised(t.text));
  if (!anyCap && !LOWER_TITLE_OK.has(headText) && !plural) return undefined;
  return { last, head: headText, plural };
}

const sliceText = (tokens: readonly Token[], a: number, b: number) => tokens.slice(a, b + 1).map((t) => t.text).join(' ');


/** Gazetteer hit starting at token `i`, longest first (memoised by token). */
function matchGazetteer(doc: Doc, tokens: readonly Token[], i: number, upperSentence: boolean): Piece | undefined {
  const tok = tokens[i];
  if (!tok) return undefined;
  const memo = gazetteerMemo[upperSentence ? 1 : 0]!;
  let m = memo.get(tok.start);
  if (m === undefined) memo.set(tok.start, (m = readGazetteer(doc, tokens, i, upperSentence) ?? null));
  return m ? { ...m } : undefined;
}

function readGazetteer(doc: Doc, tokens: readonly Token[], i: number, upperSentence: boolean): Piece | undefined {
  const L = lex();
  if (!isCapitalised(tokens[i]!.text) || low(tokens[i]!.text) === 'the') return undefined;
  let best: Piece | undefined;
  const limit = Math.min(tokens.length - 1, i + MAX_SPAN - 1);
  const known = gazetteerPrefixes();
  let words = '';
  for (let j = i; j <= limit; j++) {
    const t = tokens[j]!;
    const f = foldToken(t.text);
    if (f) {
      words = words ? `${words} ${f}` : f;
      if (!known.has(words)) break;
    }
    if (j > i) {
      const w = low(t.text);
      const gap = t.start - tokens[j - 1]!.end;
      if (gap > 1) break;
      if (!(isCapitalised(t.text) || CONNECTORS.has(w) || t.text === '-' || t.text === '.' || t.text === "'s" || t.text === '’s')) break;
    }
    if (!isCapitalised(t.text) || t.text === "'s" || t.text === '’s') continue;
    const text = doc.text.slice(tokens[i]!.start, t.end);
    if (upperSentence && text.replace(/[^\p{L}]/gu, '').length < 4) continue;
    const n = j - i + 1;
    const country = lookupCountry(text);
    if (country) {
      best = { kind: 'country', first: i, last: j, canonical: country.name, iso2: country.iso2, rule: 'gazetteer-country' };
      continue;
    }
    const org = lookupInternationalOrganisation(text);
    if (org) {
      best = { kind: 'organisation', first: i, last: j, canonical: org.name, iso2: org.country, acronym: org.acronym, media: org.kind === 'MEDIA', rule: 'gazetteer-organisation' };
      continue;
    }
    const region = L.regions.get(gazetteerKey(text));
    if (region) {
      best = { kind: 'region', first: i, last: j, canonical: region.name, rule: 'gazetteer-region' };
      continue;
    }
    if (n <= 2) {
      const dem = countryByDemonym(text);
      if (dem && !upperSentenceShort(text)) {
        best = { kind: 'demonym', first: i, last: j, canonical: dem.name, iso2: dem.iso2, rule: 'gazetteer-demonym' };
        continue;
      }
    }
    const cities = lookupCity(text);
    if (cities.length && (n > 1 || text.length > 2)) {
      best = { kind: 'city', first: i, last: j, canonical: cities[0]!.name, iso2: cities[0]!.iso2, rule: 'gazetteer-city' };
    }
  }
  return best;
}

const upperSentenceShort = (text: string) => text.length < 3;

/** The document's word statistics for the sentence-initial rule. */
interface WordStats {
  /** Capitalised words seen where capitals prove something (not sentence-initial, not in the headline). */
  capitalisedInside: Set<string>;
  /** Words seen in lower case. */
  lower: Set<string>;
}

function sentenceStart(tokens: readonly Token[]): number {
  let i = 0;
  while (i < tokens.length && !isWord(tokens[i]!.text)) i++;
  return i;
}

/** Token positions whose capital proves nothing: the sentence's first word, the first word after an opening quote or colon. */
function initialPositions(tokens: readonly Token[]): Set<number> {
  const out = new Set<number>([sentenceStart(tokens)]);
  for (let i = 1; i < tokens.length; i++) {
    const prev = tokens[i - 1]!.text;
    if (isWord(tokens[i]!.text) && (OPENERS.has(prev) && prev !== '(' && prev !== '#')) out.add(i);
  }
  return out;
}

function isUpperSentence(tokens: readonly Token[]): boolean {
  let words = 0;
  let upper = 0;
  for (const t of tokens) {
    if (!/\p{L}/u.test(t.text)) continue;
    words++;
    if (isUpper(t.text) || (t.text.length === 1 && /\p{Lu}/u.test(t.text))) upper++;
  }
  return words >= 3 && upper / words > 0.7;
}

function wordStats(doc: Doc): WordStats {
  const capitalisedInside = new Set<string>();
  const lower = new Set<string>();
  for (const s of doc.sentences) {
    if (s.paragraph === 0 || isUpperSentence(s.tokens)) continue;
    const initial = initialPositions(s.tokens);
    s.tokens.forEach((t, i) => {
      if (!isWord(t.text)) return;
      if (isCapitalised(t.text)) {
        if (!initial.has(i)) capitalisedInside.add(t.text);
      } else lower.add(t.text);
    });
  }
  return { capitalisedInside, lower };
}

/** Is token `i` a possible part of a name (capitalised, not a function word, day or month)? */
function nameToken(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (!t || !isWord(t.text) || !isCapitalised(t.text)) return false;
  const w = low(t.text).replace(/\.$/, '');
  // A single capital before another capitalised word is an initial ("A K Abdul Momen").
  if (/^\p{Lu}\.?$/u.test(t.text) && tokens[i + 1] && isCapitalised(tokens[i + 1]!.text) && tokens[i + 1]!.start - t.end === 1) return true;
  if (NOT_NAMES.has(w) && !(w === 'may' || (t.text.length > 1 && isUpper(t.text) && w !== 'i'))) return false;
  if (w === 'may') {
    const prev = tokens[i - 1] ? low(tokens[i - 1]!.text) : '';
    const next = tokens[i + 1]?.text ?? '';
    if (/^\d/.test(next) || ['in', 'on', 'since', 'until', 'by', 'of', 'last', 'next', 'early', 'late', 'mid', 'from', 'through'].includes(prev)) return false;
  }
  return /\p{L}/u.test(t.text);
}

/** The names stage. */
export function names(doc: Doc): void {
  const L = lex();
  memoFor(doc);
  const stats = wordStats(doc);
  const out: NameCandidate[] = [];
  doc.sentences.forEach((sentence, si) => {
    const tokens = sentence.tokens;
    const upperSentence = isUpperSentence(tokens);
    const initial = initialPositions(tokens);
    const pieces: Piece[] = [];
    let i = 0;
    while (i < tokens.length) {
      const tok = tokens[i]!;
      if (!isWord(tok.text)) {
        i++;
        continue;
      }
      // 1. honorific
      if (isCapitalised(tok.text)) {
        const h = L.honorifics.match(tokens, i);
        if (h && nameToken(tokens, h.last + 1) && !titleAt(tokens, i)) {
          pieces.push({ kind: 'honorific', first: i, last: h.last, canonical: h.value, rule: 'honorific' });
          i = h.last + 1;
          continue;
        }
      }
      // 2. title (inside a run, a title word with no name after it is a surname: runEnd keeps "Julie Bishop" whole)
      const title = titleAt(tokens, i);
      if (title) {
        pieces.push({ kind: 'title', first: i, last: title.last, canonical: title.head, rule: title.plural ? 'title-plural' : 'title' });
        i = title.last + 1;
        continue;
      }
      // 3. gazetteer
      const gaz = matchGazetteer(doc, tokens, i, upperSentence);
      if (gaz && !(gaz.kind === 'demonym' && gaz.first === gaz.last && isRegionAdjectiveBeforeNoun(tokens, i))) {
        // A country or city leading an organisation or place name ("Kenya Airways", "Nairobi National Park") is part of it.
        if (
          !upperSentence &&
          (((gaz.kind === 'country' || gaz.kind === 'city' || gaz.kind === 'region' || (gaz.kind === 'organisation' && isUpper(tok.text))) && headedRunAfter(doc, tokens, gaz.last + 1)) ||
            (gaz.kind === 'city' && gaz.first === gaz.last && givenNameBefore(doc, tokens, gaz.last + 1)))
        ) {
          // fall through to a name run
        } else {
          pieces.push(gaz);
          i = gaz.last + 1;
          continue;
        }
      }
      // region adjective + "region" / "sub-region" ("West African sub-region", "Caribbean region")
      const region = regionPhrase(tokens, i);
      if (region) {
        pieces.push(region);
        i = region.last + 1;
        continue;
      }
      // 4. a capitalised run
      if (!nameToken(tokens, i) || upperSentence) {
        i++;
        continue;
      }
      const last = runEnd(doc, tokens, i, upperSentence);
      pieces.push({ kind: 'name', first: i, last, rule: 'capitalised-run' });
      i = last + 1;
    }
    // Sentence-initial words need evidence.
    for (let p = 0; p < pieces.length; p++) {
      const piece = pieces[p]!;
      if (piece.kind !== 'name' || !initial.has(piece.first)) continue;
      const word = tokens[piece.first]!.text;
      if (stats.capitalisedInside.has(word) && !stats.lower.has(word.toLowerCase())) continue;
      if (PROPER_INSTITUTIONS[low(word)]) continue; // "Kremlin spokesman ...
      if (stats.capitalisedInside.has(word) && sentence.paragraph === 0) continue;
      // "Lars Berg told ...": a two-word run or longer keeps a first word that reads as no common English word
      if (piece.last > piece.first && nameToken(tokens, piece.first + 1) && !stats.lower.has(word.toLowerCase()) && !/(?:ing|ly)$/.test(word) && !isUpper(word) && !L.titleModifiers.has(low(word)) && !L.portfolio.has(low(word)) && sentence.paragraph > 0)
        continue;
      // An organisation name keeps its first word ("Human Rights Watch", "Supreme Court").
      let headed = false;
      for (let k = piece.first + 1; k <= piece.last && !headed; k++) headed = L.orgHeadWords.has(low(tokens[k]!.text));
      if (headed && !stats.lower.has(word.toLowerCase()) && !/(?:ing|ly)$/.test(word)) continue;
      // Drop the first word and any connectors after it.
      let f = piece.first + 1;
      while (f <= piece.last && !nameToken(tokens, f)) f++;
      if (f > piece.last) pieces.splice(p--, 1);
      else {
        // the rest of a run whose first word was dropped ("[Human] Rights Watch") is no name of its own
        piece.first = f;
        // an abbreviation before it ("CSG Amelia Grant") leaves a whole name
        if (!isUpper(word)) piece.rule = 'capitalised-run-truncated';
      }
    }
    for (const piece of pieces) out.push(candidate(doc, sentence, si, piece));
  });
  // A one-word title with no name after it that ends a name elsewhere is that surname ("Bishop said", after "Julie Bishop").
  const surnames = new Set<string>();
  for (const c of out) if (c.kind === 'name' && c.last > c.first) surnames.add(doc.sentences[c.sentence]!.tokens[c.last]!.text);
  for (const c of out) {
    if (c.kind !== 'title' || c.first !== c.last || !surnames.has(c.text)) continue;
    const tokens = doc.sentences[c.sentence]!.tokens;
    if (nameToken(tokens, c.last + 1) || low(tokens[c.last + 1]?.text ?? '') === 'of') continue;
    c.kind = 'name';
    c.evidence = { stage: STAGE, rule: 'surname-not-title', spans: c.evidence.spans };
  }
  doc.names = out;
}


/** "West African sub-region", "Caribbean region", "Gulf region". */
function regionPhrase(tokens: readonly Token[], i: number): Piece | undefined {
  const L = lex();
  for (const n of [2, 1]) {
    const noun = tokens[i + n];
    if (!noun || !L.regionNouns.has(low(noun.text))) continue;
    const text = tokens.slice(i, i + n).map((t) => t.text).join(' ');
    const r = L.regionAdjectives.get(gazetteerKey(text)) ?? L.regions.get(gazetteerKey(text));
    if (r && tokens.slice(i, i + n).every((t) => isCapitalised(t.text)))
      return { kind: 'region', first: i, last: i + n, canonical: r.name, rule: 'region-phrase' };
  }
  return undefined;
}

function isRegionAdjectiveBeforeNoun(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  return !!next && lex().regionNouns.has(low(next.text)) && lex().regionAdjectives.has(gazetteerKey(tokens[i]!.text));
}

/** A capitalised run starting at `from` that holds an organisation or place head ("Airways", "Park"). */
function headedRunAfter(doc: Doc, tokens: readonly Token[], from: number): boolean {
  const L = lex();
  const t = tokens[from];
  if (!t || t.start - tokens[from - 1]!.end > 1) return false;
  // "the Bridgetown initiative": a named plan or event, not the place
  if (!isCapitalised(t.text) && NAMED_PLAN_HEADS.has(low(t.text))) return true;
  if (!nameToken(tokens, from) || titleAt(tokens, from)) return false;
  for (let k = from; k < tokens.length && k < from + 6; k++) {
    const w = low(tokens[k]!.text);
    if (k > from && (w === 'and' || w === '&') && nameToken(tokens, k + 1)) return headedTail(tokens, k + 1);
    if (k > from && w === 'of' && nameToken(tokens, k + 1)) continue;
    if (!isCapitalised(tokens[k]!.text)) return false;
    if (L.orgHeadWords.has(w) || L.placeHeads.has(w) || L.nonEntityHeads.has(w)) return true;
    if (matchGazetteer(doc, tokens, k, false)) return false;
  }
  return false;
}

/** A city name directly followed by a surname-like word ("Vladimir Putin", "Florence Nightingale"). */
function givenNameBefore(doc: Doc, tokens: readonly Token[], k: number): boolean {
  const L = lex();
  const t = tokens[k];
  if (!t || t.start - tokens[k - 1]!.end > 1 || !nameToken(tokens, k) || isUpper(t.text)) return false;
  const w = low(t.text);
  if (L.orgHeadWords.has(w) || L.placeHeads.has(w) || L.nonEntityHeads.has(w) || L.portfolio.has(w)) return false;
  return !titleAt(tokens, k) && !matchGazetteer(doc, tokens, k, false);
}

/** Where a capitalised run starting at `i` ends (inclusive). */
function runEnd(doc: Doc, tokens: readonly Token[], i: number, upperSentence: boolean): number {
  const L = lex();
  let last = i;
  let hasHead = L.orgHeadWords.has(low(tokens[i]!.text));
  let ofAt = -1;
  let k = i + 1;
  while (k < tokens.length) {
    const t = tokens[k]!;
    if (t.start - tokens[k - 1]!.end > 1) break;
    const w = low(t.text);
    if (nameToken(tokens, k)) {
      // an organisation head followed by a new name: "Russian Railways | Oleg Belozyorov"
      const prevWord = low(tokens[last]!.text);
      if (k === last + 1 && hasHead && (L.orgHeadWords.has(prevWord) || (ofAt >= 0 && L.portfolio.has(prevWord))) && !L.orgHeadWords.has(w) && personLike(tokens, k)) break;
      // a title followed by a name ends the run ("... Administration and Presidential Spokesman Dmitry")
      const title = titleAt(tokens, k);
      if (title && !title.plural && (nameToken(tokens, title.last + 1) || title.last > k)) break;
      if (L.honorifics.match(tokens, k) && nameToken(tokens, k + 1) && !isInitial(t.text)) break;
      const gaz = matchGazetteer(doc, tokens, k, upperSentence);
      if (gaz && gaz.kind !== 'city' && gaz.kind !== 'country') break;
      if (gaz && (hasHead || last > i + 1)) break;
      // "X of Y Z W": after "of" one word, then a new name of two or more
      if (ofAt >= 0 && k === ofAt + 2 && !L.portfolio.has(low(tokens[k - 1]!.text)) && personLike(tokens, k) && !L.orgHeadWords.has(w)) break;
      last = k;
      if (L.orgHeadWords.has(w)) hasHead = true;
      k++;
      continue;
    }
    // connectors: "of", "for", "the", "de", "bin" ... ("and" only inside an organisation name)
    if (CONNECTORS.has(w) || t.text === '&') {
      let m = k;
      while (m < tokens.length && (CONNECTORS.has(low(tokens[m]!.text)) || tokens[m]!.text === '&') && m - k < 2) m++;
      if (!nameToken(tokens, m) || tokens[m]!.start - tokens[m - 1]!.end > 1) break;
      // "Chamber of Commerce and Industry" (a head before, portfolio words after); "China Road and Bridge Corporation" (the head after)
      if ((w === 'and' || w === '&') && (m > k + 1 || !(hasHead ? shortTail(tokens, m) : headedTail(tokens, m)))) break;
      if (w === 'and' && titleAt(tokens, m)) break;
      const gaz = matchGazetteer(doc, tokens, m, upperSentence);
      if (gaz && (w === 'of' || w === 'for' || w === 'and' || w === 'the')) break;
      if (titleAt(tokens, m) && !hasHead) break;
      if (w === 'of') ofAt = m - 1;
      k = m;
      continue;
    }
    break;
  }
  return last;
}

const isInitial = (text: string) => /^\p{Lu}\.?$/u.test(text);

/** After "and" in a name with no head yet: one to three capitalised words ending in an organisation head. */
function headedTail(tokens: readonly Token[], m: number): boolean {
  const L = lex();
  let n = 0;
  while (nameToken(tokens, m + n) && n < 4) n++;
  return n >= 1 && n <= 3 && L.orgHeadWords.has(low(tokens[m + n - 1]!.text)) && !titleAt(tokens, m);
}

/** After "and" in an organisation name: one or two portfolio words, no new head ("Commerce and Industry"). */
function shortTail(tokens: readonly Token[], m: number): boolean {
  const L = lex();
  let n = 0;
  while (nameToken(tokens, m + n)) {
    const w = low(tokens[m + n]!.text);
    if (L.orgHeadWords.has(w) || !(L.portfolio.has(w) || L.titleModifiers.has(w))) return false;
    n++;
  }
  return n >= 1 && n <= 2;
}

/** Two or more name-like tokens from `k`: capitalised, no heads, no titles. */
function personLike(tokens: readonly Token[], k: number): boolean {
  const L = lex();
  let n = 0;
  for (let m = k; m < tokens.length && n < 4; m++) {
    const t = tokens[m]!;
    if (!nameToken(tokens, m)) {
      if (L.honorifics.match(tokens, m)) return false;
      break;
    }
    const w = low(t.text);
    if (L.orgHeadWords.has(w) || L.placeHeads.has(w) || L.nonEntityHeads.has(w) || L.portfolio.has(w) || L.titleModifiers.has(w)) return false;
    if (titleAt(tokens, m)) return false;
    n++;
  }
  return n >= 2;
}

function candidate(doc: Doc, sentence: Sentence, si: number, p: Piece): NameCandidate {
  const tokens = sentence.tokens;
  const start = tokens[p.first]!.start;
  const end = tokens[p.last]!.end;
  const text = doc.text.slice(start, end);
  const after = tokens[p.last + 1];
  const c: NameCandidate = {
    start,
    end,
    text,
    kind: p.kind,
    sentence: si,
    first: p.first,
    last: p.last,
    headline: sentence.paragraph === 0,
    possessive: !!after && (after.text === "'s" || after.text === '’s') && after.start === end,
    upper: isUpper(text),
    evidence: { stage: STAGE, rule: p.rule, spans: [[start, end]] },
  };
  if (p.canonical !== undefined) c.canonical = p.canonical;
  if (p.iso2 !== undefined) c.iso2 = p.iso2;
  if (p.acronym !== undefined) c.acronym = p.acronym;
  if (p.media) c.media = true;
  return c;
}
