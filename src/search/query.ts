/**
 * User text → an FTS5 MATCH expression that can only mean "these words".
 *
 * Nothing the user types reaches FTS5 syntax: the text is cut into whitespace-separated chunks
 * (a span between double quotes, straight or curly, is one chunk: a phrase, matched whole),
 * each chunk reduced to its letters and digits (Unicode letters, marks, numbers: so quotes,
 * apostrophes, hyphens, dots, `$`, `%`, `*`, parentheses, colons fall away), and written as
 * double-quoted FTS5 strings, inside which AND, OR, NOT, NEAR and `word:` are plain words.
 * A chunk becomes a phrase ("12-day" → "12 day", "Iran’s" → "iran s": the same tokens the
 * index holds for those words), offered twice: as written (the unicode61 tokenizer folds case
 * and decomposable diacritics, and keeps non-Latin scripts as themselves) and as `foldName`
 * writes it (ł ø đ ı ß æ and modifier letters transliterated), matched against both the
 * as-written and the folded columns. A possessive as printed ("Larijani’s", "Iran's") is its
 * name: the "’s" is dropped, so the name matches where the text has no "s" after it. Every chunk
 * must match; the last one, unless quoted, is a prefix, for type-ahead (no other word is: "harbour
 * talks" does not find "harbourmaster talks").
 */
import { foldName } from '../domain/fold.ts';
import { badUserInput } from '../domain/errors.ts';

/** Longest query accepted, in characters. */
export const MAX_QUERY_LENGTH = 256;
/** Most words a query may have. */
export const MAX_QUERY_WORDS = 16;

/** A chunk of the query: its tokens as written (lower-cased) and folded; `prefix` on the last. */
export interface QueryWord {
  original: string[];
  folded: string[];
  prefix: boolean;
  /** A quoted phrase: its words in this order, none a prefix. */
  phrase?: boolean;
}

export interface SearchQuery {
  /** The FTS5 MATCH expression (safe: only quoted strings, OR, AND, and `*` after a string). */
  match: string;
  /** Each word's part of `match`: its alternatives (AND-ed in order, they make `match`). */
  parts: string[];
  words: QueryWord[];
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** Tokens of `text` as the index's tokenizer would cut them, lower-cased (diacritics kept). */
export function wordsOf(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(WORD) ?? [];
}

/** A closed pair of double quotes (straight, curly, or low-high), and what is between them. */
const QUOTED = /["“”„]([^"“”„]*)["“”„]/gu;
/** A possessive ’s (any apostrophe) ending a chunk, before trailing punctuation. */
const POSSESSIVE = /['’ʼ`´][sS](?=[^\p{L}\p{M}\p{N}]*$)/u;

/** The chunks of a query, in order: quoted phrases whole, the rest split at whitespace. */
function chunksOf(input: string): { text: string; phrase: boolean }[] {
  const chunks: { text: string; phrase: boolean }[] = [];
  const loose = (text: string) => {
    for (const c of text.split(/\s+/u)) if (c) chunks.push({ text: c.replace(POSSESSIVE, ''), phrase: false });
  };
  let at = 0;
  for (const m of input.matchAll(QUOTED)) {
    loose(input.slice(at, m.index));
    chunks.push({ text: m[1]!, phrase: true });
    at = m.index + m[0].length;
  }
  loose(input.slice(at));
  return chunks;
}

/** Tokens as one FTS5 string (a phrase), `*` after it for a prefix. */
export const quote = (tokens: string[], prefix: boolean) => `"${tokens.join(' ').replace(/"/g, '""')}"${prefix ? '*' : ''}`;

/** A word's alternatives (tokens as written and folded, distinct), as `parts` quotes them. */
export function alternativesOf(w: QueryWord): string[][] {
  const seen = new Set<string>();
  return [w.original, w.folded].filter((t) => t.length > 0 && !seen.has(t.join(' ')) && seen.add(t.join(' ')));
}

/**
 * Build the MATCH expression for a user query.
 * @returns null when nothing searchable remains (only punctuation, or empty): the answer is
 *   then an empty result, not an error
 * @throws CodedError BAD_USER_INPUT when the query is longer than MAX_QUERY_LENGTH characters
 */
export function parseSearchQuery(input: string, argument = 'query'): SearchQuery | null {
  if (input.length > MAX_QUERY_LENGTH) {
    throw badUserInput(`a search query is at most ${MAX_QUERY_LENGTH} characters, got ${input.length}`, argument);
  }
  const chunks = chunksOf(input)
    .map((chunk) => ({ original: wordsOf(chunk.text), folded: foldName(chunk.text).split(' ').filter(Boolean), phrase: chunk.phrase }))
    .filter((w) => w.original.length > 0 || w.folded.length > 0);
  if (chunks.length === 0) return null;
  if (chunks.length > MAX_QUERY_WORDS) {
    throw badUserInput(`a search query has at most ${MAX_QUERY_WORDS} words, got ${chunks.length}`, argument);
  }
  const words: QueryWord[] = chunks.map((c, i) => ({ ...c, prefix: !c.phrase && i === chunks.length - 1 }));
  const parts = words.map((w) => {
    const alternatives = alternativesOf(w).map((t) => quote(t, w.prefix));
    return alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(' OR ')})`;
  });
  return { match: parts.join(' AND '), parts, words };
}
