/**
 * Time words in running text ("on Monday", "in late October", "next week", "on the night of
 * September 2", "a few days ago"), as printed, kept only when `resolvePartialDate` (the
 * loader's own resolver, src/domain/partial-date.ts) reads them as a date: the bundle carries
 * the words and the loader resolves them against the reference date.
 */
import { resolvePartialDate, type PartialDate } from '../domain/partial-date.ts';
import type { DateWords } from './document.ts';

const MONTH = String.raw`(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sep(?:tember|t\.|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)`;
const WEEKDAY = String.raw`(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`;
const PART = String.raw`(?:morning|afternoon|evening|night)`;
const DAY = String.raw`(?:\d{1,2}(?:st|nd|rd|th)?)`;
const YEAR = String.raw`(?:1[89]\d\d|20\d\d)`;
const EDGE = String.raw`(?:early|mid|late|the end of|the beginning of|the start of|the middle of|the first half of|the second half of)`;
const REL = String.raw`(?:last|next|this|coming|past|previous|following)`;
const UNIT = String.raw`(?:week|month|year|weekend|spring|summer|autumn|fall|winter)`;
const NUMWORD = String.raw`(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|few|several|\d+)`;

const ALTERNATIVES = [
  // "on the night of September 2", "on Sunday evening", "on Feb. 23", "on 3 November 2025"
  String.raw`(?:on\s+)?the\s+${PART}\s+of\s+(?:${MONTH}\s+${DAY}|${DAY}\s+${MONTH})(?:,?\s+${YEAR})?`,
  String.raw`(?:(?:on|by)\s+)?(?:${WEEKDAY},?\s+)?(?:${MONTH}\s+${DAY}|${DAY}\s+(?:of\s+)?${MONTH})(?:,?\s+${YEAR})?`,
  String.raw`(?:(?:on|by|last|next|this|coming)\s+)?${WEEKDAY}(?:\s+${PART})?`,
  // "in late October", "in June 2004", "at the end of 2019", "in early 2024"
  String.raw`(?:(?:in|at|by|during|of)\s+)?(?:${EDGE}[-\s]+)?${MONTH}(?:\s+${YEAR})?(?!\s*\d)`,
  String.raw`(?:(?:in|at|by|during)\s+)?(?:${EDGE}[-\s]+)?${YEAR}(?![\d-])`,
  // "next week", "last month", "earlier this year", "later this month", "in coming days"
  String.raw`(?:(?:earlier|later)\s+)?${REL}\s+${UNIT}`,
  String.raw`(?:in\s+)?(?:the\s+)?(?:coming|next|past|last|few)\s+(?:few\s+)?(?:days|weeks|months)`,
  String.raw`${NUMWORD}\s+(?:days?|weeks?|months?|years?)\s+(?:ago|earlier|later)`,
  String.raw`(?:yesterday|today|tomorrow|tonight)(?:\s+${PART})?`,
];
// Not after "since", "until", "from": those bound a span, they do not date an event.
const DATE_WORDS = new RegExp(String.raw`(?<![\w-])(?<!\b(?:since|until|till|from|of the|than)\s+)(?:${ALTERNATIVES.join('|')})(?![\w-])`, 'gi');
/** A capitalised "May", "March" are months only beside a day or year or after "in"/"on": "Theresa May" is not. */
const AMBIGUOUS_MONTH = /^(?:may|march)$/i;

const cache = new Map<string, PartialDate | null>();
/** The resolver's reading of `text`, or null when it reads nothing (memoised; pure). */
export function readableDate(text: string, referenceDate: string | null): PartialDate | null {
  const k = `${referenceDate ?? ''}\u0000${text}`;
  if (cache.has(k)) return cache.get(k)!;
  let out: PartialDate | null = null;
  try {
    const r = resolvePartialDate({ text }, referenceDate);
    out = r.precision === 'UNKNOWN' ? null : r;
  } catch {
    out = null;
  }
  if (cache.size > 5000) cache.clear();
  cache.set(k, out);
  return out;
}

/** Time words in [from, to) of `text` that the resolver reads, in text order. */
export function findDateWords(text: string, from: number, to: number, referenceDate: string | null): DateWords[] {
  const out: DateWords[] = [];
  const chunk = text.slice(from, to);
  DATE_WORDS.lastIndex = 0;
  for (const m of chunk.matchAll(DATE_WORDS)) {
    let words = m[0];
    if (/^(?:a|an|one)\s/i.test(words) && !/ago|earlier|later/i.test(words)) continue;
    if (AMBIGUOUS_MONTH.test(words.trim())) continue;
    if (/^(?:this|that|the)$/i.test(words)) continue;
    // Trailing whitespace never belongs to the words.
    words = words.replace(/\s+$/, '');
    const start = from + m.index;
    // "this year’s mission": a possessive names a thing, not the event's time.
    if (/^['’]s\b/.test(text.slice(start + words.length, start + words.length + 2))) continue;
    if (!readableDate(words, referenceDate)) {
      // The preposition may be what the resolver stumbles on: try the bare words.
      const bare = /^(?:on|in|at|by|during|from|until|since|of)\s+/i.exec(words);
      if (!bare || !readableDate(words.slice(bare[0].length), referenceDate)) continue;
    }
    out.push({ start, end: start + words.length, text: words });
  }
  return out;
}
