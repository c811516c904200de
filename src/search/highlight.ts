/**
 * Highlights: a short excerpt of a document's text with the words that matched the query
 * wrapped in `<mark>…</mark>`. The rest of the excerpt is HTML-escaped, so a front end may
 * insert it as HTML. Matching folds both sides as the index does (case, diacritics,
 * transliteration by `foldName`), so "lodz" marks "Łódź" and "тегеран" marks "Тегеран".
 */
import { foldName } from '../domain/fold.ts';
import type { QueryWord } from './query.ts';

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** Lower-case and strip decomposable diacritics, as the unicode61 tokenizer does. */
function plain(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Whether one word of the text matches a query token (exactly, or as a prefix for the last word). */
function matcher(words: QueryWord[]) {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const w of words) {
    const tokens = [...w.original.map(plain), ...w.folded];
    tokens.forEach((t, i) => {
      const lastOfItsForm = i === w.original.length - 1 || i === tokens.length - 1;
      if (w.prefix && lastOfItsForm) prefixes.push(t);
      else exact.add(t);
    });
  }
  return (word: string) => {
    const forms = [plain(word), ...foldName(word).split(' ')];
    return forms.some((f) => f !== '' && (exact.has(f) || prefixes.some((p) => f.startsWith(p))));
  };
}

/**
 * An excerpt of `text` around its first matching word, at most `maxWords` words long.
 * @returns null when no word of `text` matches
 */
export function highlight(text: string, words: QueryWord[], maxWords = 24): string | null {
  const isMatch = matcher(words);
  const found = [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, hit: isMatch(m[0]) }));
  const first = found.findIndex((w) => w.hit);
  if (first === -1) return null;
  const from = Math.max(0, Math.min(first - 6, found.length - maxWords));
  const to = Math.min(found.length, from + maxWords);
  const startAt = from === 0 ? 0 : found[from]!.start;
  const endAt = to === found.length ? text.length : found[to - 1]!.end;
  let out = from === 0 ? '' : '…';
  let at = startAt;
  for (const w of found.slice(from, to)) {
    out += escapeHtml(text.slice(at, w.start));
    const word = escapeHtml(text.slice(w.start, w.end));
    out += w.hit ? `<mark>${word}</mark>` : word;
    at = w.end;
  }
  out += escapeHtml(text.slice(at, endAt)) + (to === found.length ? '' : '…');
  return out.replace(/\s+/g, ' ').trim();
}
