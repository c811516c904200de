/**
 * Variant keys: one key for the spellings a name takes when it is transliterated into Latin
 * letters by different conventions ("Mohammad Bagheri", "Muhammed Baqeri"), so entity resolution
 * can tell that two articles name one person although their folded names (`foldName`) differ.
 *
 * The key is `foldName`'s output (case, diacritics, scripts below U+2E00 transliterated, so
 * Slavic and Vietnamese diacritics and names printed in Arabic or Persian script are already
 * folded) rewritten by the rules below, word by word. Each rule levels one spelling choice that
 * romanisations of Arabic and Persian make differently; none guesses at sounds beyond that, and
 * rules that would merge distinct short names are kept off short words:
 *
 * 1. apostrophes inside a word go ("Khamene'i", "Sa'id" → "khamenei", "said");
 * 2. the Arabic article: "al-", "el-", "ul-" and its assimilated forms ("ad-", "ar-", "as-",
 *    "ash-", "at-", "ath-", "adh-", "az-", "an-") written with a hyphen or apostrophe before a
 *    word, anywhere; "al" / "el" written apart, except as the first word ("Al Gore",
 *    "El Salvador" keep theirs) or the last;
 * 3. "ibn" → "bin"; "Abdul", "Abdel", "Abdol", "Abdal" → "abd", also joined to the next name
 *    ("Abdelaziz" → "abd aziz", "Abdullah" / "Abdallah" → "abd lah");
 * 4. letters: "gh" → "q" (Persian and Arabic ق/غ: Araghchi / Araqchi), "ph" → "f";
 *    "ou", "oo" → "u"; in words of 4+ letters "ee" → "i" (Zareef / Zarif) and the diphthongs
 *    "ei", "ey", "ai" → "ay" (Hossein / Husayn / Husain);
 * 5. doubled letters collapse ("Mohammad" → "mohamad", "Hassan" → "hasan");
 * 6. a final "y" after a consonant → "i" (Aly / Ali, Rouhany / Rouhani);
 * 7. in words of 5+ letters, vowels neither first nor last: "o" → "u", "e" → "a"
 *    (Mohammed / Muhammad, Rohani / Rouhani, Bagheri / Baqeri). The first letter and the last
 *    stay as written (Ellen ≠ Allan, Marie ≠ Maria), and short words keep their vowels
 *    (Jan ≠ Jen, Jon ≠ Jun, Ali ≠ Ala).
 *
 * Words with characters outside [a-z0-9] (CJK, kana, Hangul kept by `foldName`) are left as
 * folded. Different names can share a key (that is the trade-off of any such key: "Stephen" and
 * "Stefan"); the loader therefore resolves on a variant key only when exactly one stored entity
 * has it, and for people only on full names (two words or more), never on a surname alone.
 */
import { foldName } from './fold.ts';

/** Hyphen, dashes and apostrophes that join an Arabic article to its word. */
const JOINER = "[-\u2010\u2011\u2012\u2013'\u2019\u02bc`]";
/** A joined Arabic article ("al-", "ash-" ...) before a letter, at the start or after a non-letter. */
const JOINED_ARTICLE = new RegExp(`(^|[^\\p{L}\\p{N}])(?:al|el|ul|ad|adh|an|ar|as|ash|at|ath|az)${JOINER}\\s*(?=\\p{L})`, 'giu');
/** An apostrophe between two letters. */
const INNER_APOSTROPHE = /(?<=\p{L})['\u2019\u02bc`](?=\p{L})/gu;
const ABD = /^abd[aeou]l(?=[a-z]{3,})/;
const ABD_WORDS = new Set(['abdul', 'abdel', 'abdol', 'abdal']);

/**
 * The variant key of a name (see the module comment for the rules).
 * @example variantKey("Mohammed Bagheri") === variantKey("Muhammad Baqeri") // "muhamad baqari"
 * @returns "" when nothing word-like remains.
 */
export function variantKey(name: string): string {
  const prepared = name.normalize('NFKC').replace(INNER_APOSTROPHE, '').replace(JOINED_ARTICLE, '$1');
  const words = foldName(prepared).split(' ').filter(Boolean);
  const kept = words.filter((w, i) => !((w === 'al' || w === 'el') && i > 0 && i < words.length - 1));
  const out: string[] = [];
  for (const word of kept) {
    if (!/^[a-z0-9]+$/.test(word)) {
      out.push(word);
      continue;
    }
    if (word === 'ibn') {
      out.push('bin');
      continue;
    }
    if (ABD_WORDS.has(word)) {
      out.push('abd');
      continue;
    }
    const abd = ABD.exec(word);
    if (abd) out.push('abd', levelWord(word.slice(abd[0].length)));
    else out.push(levelWord(word));
  }
  return out.join(' ');
}

/** Rules 4 to 7 on one word of [a-z0-9]. */
function levelWord(word: string): string {
  const long = word.length >= 5;
  let w = word.replace(/gh/g, 'q').replace(/ph/g, 'f').replace(/ou|oo/g, 'u');
  if (word.length >= 4) w = w.replace(/ee/g, 'i').replace(/ei|ey|ai/g, 'ay');
  w = w.replace(/([a-z])\1+/g, '$1');
  w = w.replace(/(?<=[b-df-hj-np-tv-z])y$/, 'i');
  if (long && w.length > 2) w = w[0] + w.slice(1, -1).replace(/o/g, 'u').replace(/e/g, 'a') + w.at(-1);
  return w;
}
