/**
 * The one check of an article submitted for extraction, and the error that refuses it. Every
 * way in (`extractArticle` in ./pipeline.ts, so `npm run extract`, `npm run ingest -- --extract`
 * and the `ingestText` mutation) runs `checkArticleText` before any extraction work; pure, the
 * same code in Node and the Worker.
 *
 * Every problem is reported at once, as `{ path, message, code }` (`path` the input field:
 * `headline`, `body`, `language`, `published`, `uri`, `dateline`). Codes:
 *
 * | code                   | when |
 * |------------------------|------|
 * | `HEADLINE_MISSING`     | no headline, or only white space |
 * | `BODY_MISSING`         | no body, or no text once HTML is reduced to paragraphs |
 * | `TEXT_TOO_LARGE`       | headline + body over `maxTextBytes` UTF-8 bytes (config `MAX_TEXT_BYTES`); the content is then not scanned further |
 * | `BINARY_CONTENT`       | a NUL character, or more than 1% control or U+FFFD replacement characters (a file that is not UTF-8 text) |
 * | `LANGUAGE_UNSUPPORTED` | a language tag other than English (`fr`, `de-AT` ...) |
 * | `LANGUAGE_INVALID`     | a language tag that is not BCP 47 shaped |
 * | `NOT_ENGLISH`          | the text does not read as English (see `englishShare`) |
 * | `PUBLISHED_INVALID`    | `published` is not an ISO 8601 day or date-time |
 * | `URI_INVALID`          | `uri` is not an absolute URI |
 * | `DATELINE_INVALID`     | a dateline longer than 100 characters or spanning lines |
 */
import { DEFAULT_TEXT_LIMITS, type TextLimits } from '../config.ts';
import type { ExtractInput } from './document.ts';
import { bodyText } from './stages/segment.ts';

export type ArticleTextCode =
  | 'HEADLINE_MISSING'
  | 'BODY_MISSING'
  | 'TEXT_TOO_LARGE'
  | 'BINARY_CONTENT'
  | 'LANGUAGE_UNSUPPORTED'
  | 'LANGUAGE_INVALID'
  | 'NOT_ENGLISH'
  | 'PUBLISHED_INVALID'
  | 'URI_INVALID'
  | 'DATELINE_INVALID';

/** One reason the text cannot be extracted; `path` names the input field. */
export interface ArticleTextProblem {
  path: string;
  message: string;
  code: ArticleTextCode;
}

/** Input as it arrives (CLI, GraphQL): fields may be missing or not strings. */
export type ArticleTextInput = { [K in keyof ExtractInput]?: unknown };

/**
 * Common English function words (and "said", the wire's verb). "her" is left out: it is Turkish
 * for "each". See `englishShare`.
 */
const ENGLISH_WORDS = new Set(
  ('the of and to in a an is was for on that with said says as at by from he she his it its has have had will would ' +
    'which who this these are were be been not but or their they them we our after also than into about over between ' +
    'more could should can may there what when while during').split(' '),
);

/** Below this share of function words a text of at least `MIN_WORDS_TO_JUDGE` words is not English. */
export const ENGLISH_MIN_SHARE = 0.25;
/** Fewer judged words than this and the language is not judged (too little evidence: a one-line brief). */
export const MIN_WORDS_TO_JUDGE = 10;
/** Share of control / U+FFFD characters above which a text is binary (or not UTF-8). */
export const BINARY_MAX_SHARE = 0.01;

const WORD = /\p{L}+(?:['’]\p{L}+)*/gu;

/**
 * How English a text reads: the share of judged words that are common English function words.
 * Judged words are words starting with a lower-case letter plus any word (in any case) in the
 * function word list; capitalised words outside it (names: "Juma Wekesa", "AU") are left out,
 * so a name-heavy English brief is not penalised and German nouns do not dilute the count.
 *
 * Measured on texts written for the project (test/extract/language-samples.ts): English wire
 * copy 0.39 to 0.75 (whole wire articles 0.40 to 0.63); French 0.03, Spanish 0.03, Portuguese
 * 0.03, Italian 0.06, German 0.05, Indonesian, Swahili, Turkish 0, Dutch 0.17 (its "in", "is",
 * "was", "over"). `ENGLISH_MIN_SHARE` (0.25) sits between Dutch and the lowest English text. A language model
 * (franc-min 55 KB, tinyld 34 KB gzip) was measured and is too large for the Worker budget.
 *
 * @returns `share` in 0..1 and `words`, the number of judged words
 */
export function englishShare(text: string): { share: number; words: number } {
  let words = 0;
  let hits = 0;
  for (const match of text.matchAll(WORD)) {
    const w = match[0];
    const lower = w.toLowerCase();
    const known = ENGLISH_WORDS.has(lower.replace('’', "'"));
    if (!known && w[0] === lower[0]) {
      words++;
    } else if (known) {
      words++;
      hits++;
    }
  }
  return { share: words ? hits / words : 0, words };
}

/** UTF-8 length of a string without encoding it. */
function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** True when `s` has a NUL or more than `BINARY_MAX_SHARE` control / replacement characters (tab and line breaks are text). */
function isBinary(s: string): boolean {
  if (s.includes('\0')) return true;
  let bad = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f || c === 0xfffd || (c >= 0x80 && c < 0xa0)) bad++;
  }
  return bad > s.length * BINARY_MAX_SHARE;
}

const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i;
const ISO_DAY_OR_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const ABSOLUTE_URI = /^[a-z][a-z0-9+.-]*:[^\s]+$/i;

const tooLarge = (limits: TextLimits): ArticleTextProblem => ({
  path: 'body',
  code: 'TEXT_TOO_LARGE',
  message: `headline and body together are over ${limits.maxTextBytes} bytes (config MAX_TEXT_BYTES); send one article at a time`,
});

/** `TEXT_TOO_LARGE` when `bytes` (of a text, or of a file before it is read as an article) is over the limit, else null. */
export function sizeProblem(bytes: number, limits: TextLimits = DEFAULT_TEXT_LIMITS): ArticleTextProblem | null {
  return bytes > limits.maxTextBytes ? tooLarge(limits) : null;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * Every problem with an article submitted as text, at once; empty when it may be extracted.
 * A text over the size limit is refused on its length alone (`string.length`, then its UTF-8
 * byte count), before any scan of its content: a 5 MB paste costs microseconds.
 */
export function checkArticleText(input: ArticleTextInput, limits: TextLimits = DEFAULT_TEXT_LIMITS): ArticleTextProblem[] {
  const problems: ArticleTextProblem[] = [];
  const add = (path: string, code: ArticleTextCode, message: string) => problems.push({ path, code, message });
  const headline = text(input.headline) ?? '';
  const body = text(input.body) ?? '';

  if (input.headline !== undefined && typeof input.headline !== 'string') add('headline', 'HEADLINE_MISSING', 'the headline must be a string');
  else if (!headline.trim()) add('headline', 'HEADLINE_MISSING', 'an article needs a headline');
  if (input.body !== undefined && typeof input.body !== 'string') add('body', 'BODY_MISSING', 'the body must be a string');

  const language = text(input.language)?.trim();
  if (language) {
    if (!LANGUAGE_TAG.test(language)) add('language', 'LANGUAGE_INVALID', `"${language.slice(0, 40)}" is not a BCP 47 language tag (e.g. "en", "en-GB")`);
    else if (language.split('-')[0]!.toLowerCase() !== 'en')
      add('language', 'LANGUAGE_UNSUPPORTED', `only English is extracted; the language tag is "${language}"`);
  }
  const published = text(input.published)?.trim();
  if (published && (!ISO_DAY_OR_TIME.test(published) || Number.isNaN(Date.parse(published.length === 10 ? `${published}T00:00:00Z` : published))))
    add('published', 'PUBLISHED_INVALID', `"${published.slice(0, 40)}" is not an ISO 8601 day or date-time (2025-11-24, 2025-11-24T09:30:00Z)`);
  const uri = text(input.uri)?.trim();
  if (uri && (!ABSOLUTE_URI.test(uri) || uri.length > 2048)) add('uri', 'URI_INVALID', 'the uri must be an absolute URI (https://..., urn:...) of at most 2048 characters');
  const dateline = text(input.dateline);
  if (dateline && (dateline.length > 100 || /[\r\n]/.test(dateline))) add('dateline', 'DATELINE_INVALID', 'a dateline is one line of at most 100 characters ("TEHRAN")');

  // Size first, on the length alone: bytes >= UTF-16 length, so a long string is refused without a scan.
  const large = headline.length + body.length > limits.maxTextBytes ? tooLarge(limits) : sizeProblem(utf8Bytes(headline) + utf8Bytes(body), limits);
  if (large) {
    problems.push(large);
    return problems;
  }
  if (isBinary(headline) || isBinary(body)) {
    const where = isBinary(body) ? 'body' : 'headline';
    add(where, 'BINARY_CONTENT', `the ${where} is binary data or not UTF-8 text (NUL, control characters or invalid byte sequences); send UTF-8 text`);
    return problems;
  }
  const plain = bodyText(body);
  if (!plain) {
    if (input.body !== undefined && typeof input.body !== 'string') return problems; // reported above
    add('body', 'BODY_MISSING', !body.trim() ? 'an article needs a body' : 'the HTML body has no text');
    return problems;
  }
  const { share, words } = englishShare(`${headline}\n${plain}`);
  if (words >= MIN_WORDS_TO_JUDGE && share < ENGLISH_MIN_SHARE)
    add('body', 'NOT_ENGLISH', `the text does not read as English (${Math.round(share * 100)}% common English words, at least ${Math.round(ENGLISH_MIN_SHARE * 100)}% expected); only English is extracted`);
  return problems;
}

/** The extractor will not read this input; nothing was produced. `problems` lists every reason, with its code. */
export class ExtractRefused extends Error {
  readonly code = 'EXTRACT_REFUSED';
  readonly problems: ArticleTextProblem[];
  constructor(problems: ArticleTextProblem[]) {
    super(`extraction refused: ${problems.map((p) => `${p.path || '(input)'}: ${p.message}`).join('; ')}`);
    this.name = 'ExtractRefused';
    this.problems = problems;
  }
}
