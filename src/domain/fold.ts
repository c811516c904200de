/**
 * Name folding: the one function that turns a name or a search term into its comparison key,
 * used alike by entity resolution, prefix lookup and the search index, so both sides of every
 * comparison are folded the same way.
 */
import anyAscii from 'any-ascii';

/**
 * Fold `text` to lower-case ASCII words separated by single spaces.
 *
 * Case, diacritics and letters Unicode does not decompose (ł, ø, đ, ı, ß, æ) are
 * transliterated by `any-ascii`; modifier letters such as ʿ and ʾ (Arabic/Persian
 * transliteration) and all punctuation drop out. Non-Latin scripts are transliterated
 * too, so a name written in them is found by its romanised form on both sides.
 *
 * @example foldName("Mohammad Bāqer Qālībāf") === "mohammad baqer qalibaf"
 * @returns "" when nothing word-like remains.
 */
export function foldName(text: string): string {
  return anyAscii(text.normalize('NFKC'))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * URL slug for a name: its folded form with hyphens ("Ali Larijani" → "ali-larijani").
 * @returns "" when the name has nothing word-like; callers must supply a fallback.
 */
export function slugify(text: string): string {
  return foldName(text).replace(/ /g, '-');
}
