/**
 * Segmentation, the first stage: the article as one text, split into paragraphs, sentences and
 * tokens with UTF-16 offsets into `Doc.text`, plus the dateline and the reference date.
 *
 *   createDoc({ headline, body, published?, dateline? }) → Doc
 *
 * - `Doc.text` = headline + "\n" + body; the body is plain text (lines trimmed, blank lines
 *   dropped: one line = one paragraph) or HTML reduced to paragraphs (`reduceHtml`).
 * - Sentences end at ".", "!", "?" (with any closing quotes and brackets after them); an
 *   abbreviation ("Mr.", "Gen.", "Jan."), an initial ("J. K.") or a dotted acronym ("U.S.") keeps
 *   its dot and ends a sentence only before a word that plainly starts one ("U.S. The ...").
 * - Tokens: words (inner hyphens, apostrophes, "&" and "+" kept: "Akufo-Addo", "O'Brien",
 *   "En+Group"; a possessive "'s" / "’s" is a token of its own), numbers ("1,200.5"),
 *   dotted forms ("U.S.", "Kh.Battulga", "pic.twitter.com") and single punctuation marks.
 * - The dateline ("TEHRAN –", "NAIROBI, Kenya (Reuters) -", "Jakarta, 4 Feb (Bernama) --",
 *   "PUTRAJAYA:", "Ulaanbaatar /MONTSAME/.") is read from the body's opening when the input has
 *   none; a given dateline is located in the opening when printed there.
 */
import type { Doc, ExtractInput, Sentence, Span, Token } from '../document.ts';

/** Abbreviations that keep their dot (lower-cased, without the dot). */
const ABBREVIATIONS = new Set(
  ('mr mrs ms mx dr prof rev fr sr jr st mt ft gen lt col maj capt cpt cmdr cdr adm brig sgt cpl pvt gov sen rep amb ' +
    'pres supt insp det hon messrs mme mlle sec dep asst assoc dir ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
    'no nos vol vols art fig pp ed eds est approx inc corp ltd co bros dept univ govt min av ave rd blvd ' +
    'vs etc al cf ie eg viz e.g i.e a.m p.m').split(' '),
);
/** Abbreviations that never end a sentence: a name or number always follows them. */
const NEVER_FINAL = new Set(
  'mr mrs ms mx dr prof rev fr gen lt col maj capt cpt cmdr cdr adm brig sgt cpl pvt gov sen rep amb pres supt insp det hon messrs mme mlle st mt no nos art fig pp'.split(' '),
);
/** Words that start a sentence: after an abbreviation's dot they mean the sentence ended there. */
const SENTENCE_STARTERS = new Set(
  ('the a an he she it they we i you his her its their our this that these those there but and so yet however ' +
    'meanwhile in on at after before during when while if although as according earlier later both some many ' +
    'most one two three several such').split(' '),
);

const WORD = String.raw`[\p{L}\p{M}\p{N}]+(?:[-'’&+][\p{L}\p{M}\p{N}]+)*`;
/** Numbers, words, or any other single non-space character. Linear: every repetition consumes a delimiter. */
const TOKEN = new RegExp(String.raw`\p{N}+(?:[.,]\p{N}+)*(?![\p{L}])|${WORD}|--|\.\.\.|\S`, 'gu');
const POSSESSIVE = /^(.+?)(['’][sS])$/u;
const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»', '›']);
const FINAL = new Set(['.', '!', '?', '…', '...']);

/** True when the body is HTML rather than plain text (a tag or a paragraph element). */
export function looksLikeHtml(body: string): boolean {
  return /<(?:p|div|br|h[1-6]|li|ul|ol|span|a|b|i|em|strong|blockquote|article|section|body|html|table|tr|td|figure|figcaption)(?:\s[^<>]*)?\/?>/i.test(
    body,
  );
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', shy: '', zwj: '', zwnj: '',
  eacute: 'é', egrave: 'è', aacute: 'á', agrave: 'à', iacute: 'í', oacute: 'ó', uacute: 'ú', ntilde: 'ñ',
  ccedil: 'ç', uuml: 'ü', ouml: 'ö', auml: 'ä', szlig: 'ß', euro: '€', pound: '£', yen: '¥', copy: '©',
  reg: '®', trade: '™', deg: '°', middot: '·', bull: '•', times: '×',
};

/** Decodes named, decimal and hexadecimal HTML character references. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/g, (all, ref: string) => {
    if (ref[0] === '#') {
      const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : all;
    }
    return NAMED_ENTITIES[ref] ?? NAMED_ENTITIES[ref.toLowerCase()] ?? all;
  });
}

const BLOCK = /<\/?(?:p|div|br|h[1-6]|li|ul|ol|dl|dt|dd|blockquote|article|section|header|footer|aside|figure|figcaption|table|tr|td|th|pre|hr)(?:\s[^<>]*)?\/?>/gi;

/**
 * HTML → paragraphs: script, style and comments dropped, block elements become line breaks,
 * other tags are dropped, character references decoded, white space inside a line collapsed;
 * one paragraph a line, blank lines dropped.
 */
export function reduceHtml(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|noscript|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/\s+/g, ' ')
    .replace(BLOCK, '\n')
    .replace(/<[^<>]*>/g, '');
  return plainParagraphs(decodeEntities(text).replace(/\u00a0/g, ' '));
}

/** Plain text → one paragraph a line: line ends normalised, lines trimmed, blank lines dropped. */
function plainParagraphs(body: string): string {
  return body
    .split(/\r\n?|\n|\u2028|\u2029/)
    .map((line) => line.replace(/[ \t\f\v\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** The body as `Doc.text` holds it. */
export function bodyText(body: string): string {
  return looksLikeHtml(body) ? reduceHtml(body) : plainParagraphs(body);
}

/** Tokens of `text` (a paragraph) at `offset` in the document. */
export function tokenize(text: string, offset = 0): Token[] {
  const raw: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const start = offset + m.index!;
    const t = m[0];
    const pm = t.length > 2 ? POSSESSIVE.exec(t) : null;
    if (pm && /\p{L}/u.test(pm[1]!.slice(-1))) {
      raw.push({ text: pm[1]!, start, end: start + pm[1]!.length });
      raw.push({ text: pm[2]!, start: start + pm[1]!.length, end: start + t.length });
    } else raw.push({ text: t, start, end: start + t.length });
  }
  // Dots: "U.S." / "Kh.Battulga" / "pic.twitter.com" joined; an abbreviation or initial takes its dot.
  const out: Token[] = [];
  for (let i = 0; i < raw.length; i++) {
    let tok = raw[i]!;
    for (;;) {
      const dot = raw[i + 1];
      if (!dot || dot.text !== '.' || dot.start !== tok.end || !/\p{L}$/u.test(tok.text)) break;
      const next = raw[i + 2];
      const last = tok.text.slice(tok.text.lastIndexOf('.') + 1);
      const glued = next && next.start === dot.end && /^\p{L}/u.test(next.text);
      if (glued && (last.length <= 3 || /^\p{Ll}/u.test(next.text)) && !/[\d]/.test(next.text)) {
        tok = { text: tok.text + '.' + next.text, start: tok.start, end: next.end };
        i += 2;
        continue;
      }
      if (isAbbreviation(tok.text)) {
        tok = { text: tok.text + '.', start: tok.start, end: dot.end };
        i += 1;
      }
      break;
    }
    out.push(tok);
  }
  return out;
}

/** An abbreviation, an initial ("J", "Kh") or a dotted acronym ("U.S") that takes a following dot. */
function isAbbreviation(word: string): boolean {
  if (word.includes('.')) return /^(?:\p{L}{1,3}\.)+\p{L}{1,3}$/u.test(word);
  if (word.length === 1) return /\p{Lu}/u.test(word);
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** Splits one paragraph's tokens into sentences. */
function splitSentences(tokens: Token[], paragraph: number): Sentence[] {
  const sentences: Sentence[] = [];
  let current: Token[] = [];
  const close = () => {
    if (!current.length) return;
    sentences.push({ start: current[0]!.start, end: current.at(-1)!.end, paragraph, tokens: current });
    current = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    current.push(tok);
    const next = tokens[i + 1];
    if (!next) break;
    let ends = false;
    if (FINAL.has(tok.text)) ends = true;
    else if (tok.text.endsWith('.') && tok.text.length > 1) {
      // An abbreviation's dot ends the sentence only before a word that plainly starts one.
      const bare = tok.text.slice(0, -1).toLowerCase();
      const starter = SENTENCE_STARTERS.has(next.text.toLowerCase()) && /^\p{Lu}/u.test(next.text);
      if (tok.text.length > 2) ends = !NEVER_FINAL.has(bare) && starter;
      // A capital letter and a dot is an initial, unless a sentence plainly ends there ("posted on X. The ...", "... on X. Egypt, ...")
      else ends = /^\p{Lu}/u.test(next.text) && (starter || ['on', 'via', 'plan', 'grade', 'class', 'group', 'vitamin'].includes(tokens[i - 1]?.text.toLowerCase() ?? ''));
    }
    if (!ends) continue;
    // Closing quotes and brackets belong to the sentence they close.
    while (tokens[i + 1] && CLOSERS.has(tokens[i + 1]!.text) && !opensAfter(tokens, i + 1)) current.push(tokens[++i]!);
    const after = tokens[i + 1];
    if (after && startsSentence(after.text)) close();
  }
  close();
  return sentences;
}

/** A quote mark directly followed (no space) by a word opens a quotation rather than closing one. */
function opensAfter(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  const next = tokens[i + 1];
  return (t.text === '"' || t.text === "'") && !!next && next.start === t.end && t.start > (tokens[i - 1]?.end ?? -1);
}

function startsSentence(word: string): boolean {
  return /^[\p{Lu}\p{N}"“‘'(\[«¿¡#@]/u.test(word) || /^\p{Lo}/u.test(word);
}

// Dateline: PLACE[, Region][, date] [(Agency)] separator.
const DATE_WORDS = String.raw`(?:\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+\p{Lu}\p{Ll}{2,8}\.?(?:\s+\d{4})?)`;
const DATELINE = new RegExp(
  String.raw`^(\p{Lu}[\p{L}.'’]*(?:[ -]\p{Lu}[\p{L}.'’]*){0,3})` + // place, up to four words
    String.raw`(?:,\s*(\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*){0,2}))??` + // region or country
    String.raw`(?:,?\s*(${DATE_WORDS}))?` + // date
    String.raw`\s*(?:\(([^()\n]{1,60})\))?` + // agency
    String.raw`\s*(--|[–—:]|-(?=\s))\s*`,
  'u',
);
const SLASH_DATELINE = /^(\p{Lu}[\p{L}'’]*(?: \p{Lu}[\p{L}'’]*){0,2})\s*\/\s*(\p{Lu}[\p{L}\p{N} .&-]{0,40}?)\s*\/\.?\s+/u;

export interface DatelineMatch {
  /** The place as printed. */
  text: string;
  span: Span;
  agency?: { text: string; span: Span };
  /** Offset (in the body) just past the separator: where the story proper starts. */
  end: number;
}

/** Reads a dateline from the opening of a body (offsets relative to the body). */
export function readDateline(body: string): DatelineMatch | undefined {
  const slash = SLASH_DATELINE.exec(body);
  if (slash) {
    const agencyStart = body.indexOf(slash[2]!, slash[1]!.length);
    return {
      text: slash[1]!,
      span: { start: 0, end: slash[1]!.length },
      agency: { text: slash[2]!, span: { start: agencyStart, end: agencyStart + slash[2]!.length } },
      end: slash[0].length,
    };
  }
  const m = DATELINE.exec(body);
  if (!m) return undefined;
  const [whole, place, region, date, agency, sep] = m as unknown as [string, string, string | undefined, string | undefined, string | undefined, string];
  const letters = place.replace(/[^\p{L}]/gu, '');
  const upper = letters.length >= 2 && letters === letters.toUpperCase();
  // A mixed-case opening is a dateline only with a date or an agency ("Jakarta, 4 Feb (Bernama) --").
  if (!upper && !date && !agency) return undefined;
  if (sep === ':' && !upper) return undefined;
  if (region && !upper && region.split(' ').length > 2) return undefined;
  const out: DatelineMatch = { text: place, span: { start: 0, end: place.length }, end: whole.length };
  if (agency) {
    const open = whole.lastIndexOf('(' + agency + ')');
    out.agency = { text: agency, span: { start: open + 1, end: open + 1 + agency.length } };
  }
  return out;
}

/** The day of an ISO 8601 day or date-time, as printed (the publisher's own calendar day). */
function dayOf(published: string | undefined): string | null {
  const m = published ? /^(\d{4})-(\d{2})-(\d{2})/.exec(published.trim()) : null;
  if (!m) return null;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== m[0] ? null : m[0];
}

/** Builds the document: text, paragraphs, sentences, tokens, dateline and reference date. */
export function createDoc(input: ExtractInput): Doc {
  const headline = input.headline.replace(/\s+/g, ' ').trim();
  const body = bodyText(input.body);
  const text = `${headline}\n${body}`;
  const bodyStart = headline.length + 1;
  const paragraphs: Span[] = [{ start: 0, end: headline.length }];
  let at = bodyStart;
  for (const line of body.split('\n')) {
    if (line) paragraphs.push({ start: at, end: at + line.length });
    at += line.length + 1;
  }
  const sentences: Sentence[] = [];
  paragraphs.forEach((p, i) => sentences.push(...splitSentences(tokenize(text.slice(p.start, p.end), p.start), i)));

  const doc: Doc = {
    input,
    text,
    bodyStart,
    referenceDate: dayOf(input.published),
    paragraphs,
    sentences,
    entities: [],
    quotes: [],
    engagements: [],
    figures: [],
  };
  const given = input.dateline?.trim();
  const found = readDateline(body);
  if (found && (!given || given.toLowerCase() === found.text.toLowerCase())) {
    doc.dateline = {
      text: given ?? found.text,
      span: { start: bodyStart + found.span.start, end: bodyStart + found.span.end },
      end: bodyStart + found.end,
    };
    if (found.agency)
      doc.dateline.agency = {
        text: found.agency.text,
        span: { start: bodyStart + found.agency.span.start, end: bodyStart + found.agency.span.end },
      };
  } else if (given) {
    // Given but not printed at the opening: located at its first occurrence, if any.
    const i = body.toLowerCase().indexOf(given.toLowerCase());
    const start = i >= 0 ? bodyStart + i : bodyStart;
    doc.dateline = { text: given, span: { start, end: i >= 0 ? start + given.length : start } };
  }
  return doc;
}
