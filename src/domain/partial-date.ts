/**
 * Partial dates: a date as a news report states it ("late October", "on Monday", "in June"),
 * kept as its words, an EDTF string, a precision and earliest/latest calendar-day bounds.
 *
 * Standards: EDTF is the Library of Congress Extended Date/Time Format, i.e. ISO 8601-2
 * (levels 0–2: "2025-10" month, "2025-10-21/2025-10-31" interval, "XXXX-10" unspecified year,
 * "2025-22" the division-of-year code for summer); bounds are ISO 8601 calendar days
 * (YYYY-MM-DD, proleptic Gregorian, inclusive at both ends).
 *
 * Decisions (see `resolvePartialDate` for the rules):
 * - Weeks ("last week", "this week", "next week") are ISO 8601 weeks, Monday to Sunday, with
 *   precision PART_OF_MONTH even when the week straddles two months: precision names how finely
 *   the words place the date (a span of about a week), not whether it aligns with a month; the
 *   bounds carry the exact days.
 * - An unknown-year part of a month ("late October" without a year or reference) gets the EDTF
 *   interval with an unspecified year, "XXXX-10-21/XXXX-10-31", so the EDTF says as much as the
 *   words (substituting the year later resolves it); "late February" ends on XXXX-02-29, the last
 *   day February can have.
 * - Seasons are northern-hemisphere meteorological seasons in whole months (spring March–May,
 *   summer June–August, autumn September–November, winter December–February) with the EDTF codes
 *   21–24; the winter of year Y is December Y to February Y+1. An unknown-year season has no EDTF
 *   (XXXX-22 is not valid below the package's non-standard level 3). EDTF input with a season
 *   code gets these bounds too: the `edtf` package maps 21–24 to calendar quarters (spring =
 *   January–March), which no news reader means.
 * - "early/mid/late <year>" are thirds of the year (January–April, May–August, September–December),
 *   EDTF month intervals ("2024-09/2024-12"), precision SEASON.
 * - News reports the past: a month, season, day or weekday without a year means its most recent
 *   occurrence that has begun by the reference day; "next", "coming", "upcoming" look forward,
 *   "last"/"past" take the most recent occurrence that ended before the reference day, "this"
 *   the occurrence containing it (else the one in its year).
 */
import * as chrono from 'chrono-node';
import type { Parser, ParsedComponents, ParsedResult, ParsingComponents, ParsingContext, ParsingResult, Refiner } from 'chrono-node';
// @ts-ignore -- edtf ships no type declarations; `EdtfValue` below types what this module reads.
import edtf from 'edtf';
import { daysInMonth, isIsoDay } from './iso-date.ts';
import type { DatePrecision } from './vocabulary.ts';

/**
 * A date as a source states it (the bundle's `partialDateInput`, src/ingest/bundle.ts, checks
 * this shape): source words, an EDTF string, a precision, explicit ISO 8601 day bounds; each optional.
 */
export interface PartialDateInput {
  text?: string;
  edtf?: string;
  precision?: DatePrecision;
  earliest?: string;
  latest?: string;
}

/** A resolved partial date: the five columns of `partialDate` in src/db/schema.ts. */
export interface PartialDate {
  /** The source's words, trimmed; null when none were given. */
  text: string | null;
  /** ISO 8601-2 / EDTF string; null when the words do not state enough to write one. */
  edtf: string | null;
  precision: DatePrecision;
  /** First possible calendar day, ISO 8601 YYYY-MM-DD (inclusive); null when unknown. */
  earliest: string | null;
  /** Last possible calendar day, ISO 8601 YYYY-MM-DD (inclusive); null when unknown. */
  latest: string | null;
}

/**
 * Resolve a partial date from what a bundle gives (`partialDateInput` in src/ingest/bundle.ts).
 *
 * Precedence, field by field: explicit `earliest`/`latest` win over derived bounds, an explicit
 * `precision` wins over the derived one; the rest is derived from `edtf` when given (then `text`
 * is only kept), else from `text`:
 * - `edtf`: validated with the `edtf` package (plus a check that every stated day exists);
 *   bounds are its minimum and maximum as UTC days, except seasons (see the module notes) and
 *   an unspecified year ("XXXX-…"), which gives no bounds; an open or unknown interval end gives
 *   a null bound. Precision: a day → DAY, a partly unspecified day ("2025-10-2X") →
 *   PART_OF_MONTH, a month → MONTH, a season (21–32) → SEASON, a year (or decade, century) →
 *   YEAR, nothing known ("XXXX") → UNKNOWN; intervals, lists and sets by the length of their
 *   span (≤ 3 days DAY, one calendar month or ≤ 62 days MONTH, other ≤ 31 days PART_OF_MONTH,
 *   ≤ 123 days SEASON, else YEAR); an open-ended interval → UNKNOWN. The EDTF is kept as given.
 * - `text` with a reference day: read with chrono-node plus parsers for what it misses (parts of
 *   months and years, seasons, ISO weeks, "earlier this month", "24 and 25 March", "in 2024"),
 *   resolved against the reference day, past-biased as described in the module notes.
 * - `text` without a reference day: the same reading, but only what the words state is used:
 *   no year is invented, so bounds stay null unless the words state the year ("June 2025",
 *   "in 2024", "on 3 November 2025" resolve fully); the precision still follows the words and
 *   the EDTF uses an unspecified year where it can ("XXXX-06", "XXXX-10-21/XXXX-10-31",
 *   "XXXX-11-03"); a weekday or a relative phrase ("yesterday", "last week") has no EDTF.
 * - Words nothing recognises: text kept, precision UNKNOWN, everything else null (bundle validation
 *   refuses such words, and words read only in part, unless stated unknown: `unreadDateWords`).
 * - Only explicit bounds, no edtf: the EDTF is written from them ("a/b", "a/..", "../b") and, if
 *   nothing else gave a precision, it follows their span as for EDTF intervals.
 *
 * @param input The bundle's partial date: `{ text?, edtf?, precision?, earliest?, latest? }`.
 * @param referenceDate The day relative words resolve against, ISO 8601 "YYYY-MM-DD" (a
 *   timestamp such as "2025-11-24T09:30:00Z" is accepted; its calendar date as written is used),
 *   normally the article's publication day or the bundle's referenceDate; null when unknown.
 * @throws RangeError when `edtf` is not valid EDTF or names a day that does not exist, when
 *   `earliest`, `latest` or `referenceDate` is not a real ISO 8601 day, or when earliest > latest.
 * @example resolvePartialDate({ text: 'late October' }, '2025-11-24')
 *   // { text: 'late October', edtf: '2025-10-21/2025-10-31', precision: 'PART_OF_MONTH',
 *   //   earliest: '2025-10-21', latest: '2025-10-31' }
 */
export function resolvePartialDate(input: PartialDateInput, referenceDate: string | null): PartialDate {
  const text = input.text?.trim() || null;
  const edtfValue = input.edtf?.trim() || null;
  const reference = referenceDate == null ? null : parseReferenceDay(referenceDate);
  const explicitEarliest = input.earliest == null ? null : checkDay(input.earliest, 'earliest');
  const explicitLatest = input.latest == null ? null : checkDay(input.latest, 'latest');

  const derived: Derived = edtfValue ? derivedOnce(edtfValue, () => fromEdtf(edtfValue)) : text ? derivedOnce(`${reference}\u0000${text}`, () => fromText(text, reference)) : UNKNOWN_DATE;
  const earliest = explicitEarliest ?? derived.earliest;
  const latest = explicitLatest ?? derived.latest;
  if (earliest != null && latest != null && earliest > latest) {
    const source = (given: boolean) => (given ? 'given' : `derived from ${edtfValue ? 'edtf' : 'text'}`);
    throw new RangeError(
      `partial date: earliest ${earliest} (${source(explicitEarliest != null)}) is after latest ${latest} (${source(explicitLatest != null)})`,
    );
  }

  let precision = input.precision ?? derived.precision;
  let edtfOut = derived.edtf;
  if (edtfOut == null && !edtfValue && (explicitEarliest != null || explicitLatest != null)) {
    edtfOut = earliest != null && earliest === latest ? earliest : `${earliest ?? '..'}/${latest ?? '..'}`;
    if (input.precision == null && precision === 'UNKNOWN' && earliest != null && latest != null) {
      precision = spanPrecision(dayNumber(earliest), dayNumber(latest));
    }
  }
  return { text, edtf: edtfOut, precision, earliest, latest };
}

// ---------------------------------------------------------------------------------------------
// Readings, each computed once

type Derived = Readonly<Omit<PartialDate, 'text'>>;
const UNKNOWN_DATE: Derived = Object.freeze({ edtf: null, precision: 'UNKNOWN', earliest: null, latest: null });

/**
 * `compute()` for `key`, computed once and kept in `cache`: the readings are pure, a load reads
 * each date twice (validation, then preparation) and often the same strings across articles, and
 * the `edtf` package rebuilds its grammar on every parse. Bounded: past `size` entries the oldest
 * goes. A failure (RangeError) is not kept, so each call throws its own error.
 */
function remembered<V>(cache: Map<string, V>, size: number, key: string, compute: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute();
    if (cache.size >= size) cache.delete(cache.keys().next().value!);
    cache.set(key, value);
  }
  return value;
}

/** Derived dates by EDTF string or by reference day and words: a load's distinct dates, a few hundred KB at most. */
const derivedCache = new Map<string, Derived>();
const derivedOnce = (key: string, derive: () => Derived): Derived => remembered(derivedCache, 2048, key, () => Object.freeze(derive()));

// ---------------------------------------------------------------------------------------------
// Calendar days as integers (days since 1970-01-01, UTC)

const MS_PER_DAY = 86_400_000;


function dayNum(y: number, m: number, d: number): number {
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return Math.floor(date.getTime() / MS_PER_DAY);
}

function ymd(n: number): { y: number; m: number; d: number } {
  const date = new Date(n * MS_PER_DAY);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const isoDay = (n: number) => {
  const { y, m, d } = ymd(n);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
};
const dayNumber = (iso: string) => dayNum(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
/** Monday (ISO 8601 week start) of the week containing day `n`. */
const mondayOf = (n: number) => n - ((new Date(n * MS_PER_DAY).getUTCDay() + 6) % 7);

/** A real calendar day "YYYY-MM-DD" → itself; anything else → RangeError naming `what`. */
function checkDay(value: string, what: string): string {
  if (!isIsoDay(value)) {
    throw new RangeError(`partial date: ${what} ${JSON.stringify(value)} is not an ISO 8601 calendar day (YYYY-MM-DD)`);
  }
  return value;
}

/** The reference day as a day number; a timestamp contributes its calendar date as written. */
function parseReferenceDay(value: string): number {
  const day = /^\d{4}-\d{2}-\d{2}(?=$|T)/.exec(value)?.[0];
  if (!day) {
    throw new RangeError(`partial date: reference date ${JSON.stringify(value)} is not an ISO 8601 day or timestamp`);
  }
  return dayNumber(checkDay(day, 'reference date'));
}

/**
 * Length-based precision of the inclusive day span a..b: ≤ 3 days DAY ("24 and 25 March"),
 * exactly one calendar month MONTH, ≤ 31 days PART_OF_MONTH, ≤ 62 MONTH, ≤ 123 (a season or a
 * third of a year) SEASON, longer YEAR.
 */
function spanPrecision(a: number, b: number): DatePrecision {
  const days = b - a + 1;
  if (days <= 3) return 'DAY';
  const start = ymd(a);
  const end = ymd(b);
  if (start.d === 1 && start.y === end.y && start.m === end.m && end.d === daysInMonth(end.y, end.m)) return 'MONTH';
  if (days <= 31) return 'PART_OF_MONTH';
  if (days <= 62) return 'MONTH';
  if (days <= 123) return 'SEASON';
  return 'YEAR';
}

/**
 * Day span of ISO 8601-2 division-of-year `code` in year `y`. Seasons (21–32) are meteorological,
 * in whole months; a season starting in December runs into February of year y + 1. Quarters
 * (33–36), quadrimesters (37–39) and semesters (40–41) as ISO 8601-2 defines them.
 */
function divisionSpan(y: number, code: number): [number, number] {
  const [startMonth, months] = DIVISIONS[code] ?? [1, 12];
  const endMonthIndex = startMonth - 1 + months - 1; // 0-based, may pass December
  const endYear = y + Math.floor(endMonthIndex / 12);
  const endMonth = (endMonthIndex % 12) + 1;
  return [dayNum(y, startMonth, 1), dayNum(endYear, endMonth, daysInMonth(endYear, endMonth))];
}
const DIVISIONS: Record<number, [startMonth: number, months: number]> = {
  21: [3, 3], 22: [6, 3], 23: [9, 3], 24: [12, 3], // spring, summer, autumn, winter (northern)
  25: [3, 3], 26: [6, 3], 27: [9, 3], 28: [12, 3], // explicitly northern hemisphere
  29: [9, 3], 30: [12, 3], 31: [3, 3], 32: [6, 3], // southern hemisphere spring, summer, autumn, winter
  33: [1, 3], 34: [4, 3], 35: [7, 3], 36: [10, 3], // quarters
  37: [1, 4], 38: [5, 4], 39: [9, 4], // quadrimesters
  40: [1, 6], 41: [7, 6], // semesters
};

// ---------------------------------------------------------------------------------------------
// EDTF input

/** What this module reads from an `edtf` package value. */
interface EdtfValue {
  type: 'Date' | 'Year' | 'Decade' | 'Century' | 'Season' | 'Interval' | 'List' | 'Set';
  min: number | null;
  max: number | null;
  /** Date: 0 with a time of day, 1 year, 2 month, 3 day. */
  precision?: number;
  /** Bits: year digits 1|2|4|8, month 16|32, day 64|128. */
  unspecified?: { value: number };
  year?: number;
  season?: number;
  /** Interval ends: null unknown, Infinity open (".."). */
  lower?: EdtfValue | null | number;
  upper?: EdtfValue | null | number;
}

const parseEdtfPackage = edtf as (value: string) => EdtfValue;

function parseEdtf(value: string): EdtfValue {
  let parsed: EdtfValue;
  try {
    parsed = parseEdtfPackage(value);
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '').trim().replace(/:$/, '') : String(error);
    throw new RangeError(`partial date: edtf ${JSON.stringify(value)} is not valid EDTF (ISO 8601-2): ${reason}`, { cause: error });
  }
  // The package rolls impossible days over ("2025-02-29" → 2025-03-01); reject them instead.
  const days = value.replace(/[?~%]/g, '').matchAll(/(?<![\dX])(-?[\dX]{4})-(\d{2})-(\d{2})(?!\d)/g);
  for (const [, year, month, day] of days) {
    const y = /^-?\d{4}$/.test(year!) ? Number(year) : null;
    const m = Number(month);
    if (m >= 1 && m <= 12 && Number(day) > daysInMonth(y, m)) {
      throw new RangeError(`partial date: edtf ${JSON.stringify(value)} is not valid EDTF (ISO 8601-2): ${year}-${month}-${day} does not exist`);
    }
  }
  return parsed;
}

/** Whether some date in the EDTF string has an unspecified year (its first digit is X: "XXXX-10"). */
const hasUnknownYear = (value: string) => /(?:^|[/[{,.])[?~%]?-?X/.test(value);

const isEdtfObject = (end: EdtfValue['lower']): end is EdtfValue => typeof end === 'object' && end !== null;

function dayOfMs(ms: number | null | undefined): number | null {
  if (ms == null || !Number.isFinite(ms)) return null;
  const year = new Date(ms).getUTCFullYear();
  return year < 0 || year > 9999 ? null : Math.floor(ms / MS_PER_DAY);
}

/** Inclusive day bounds of a parsed EDTF value (null where open, unknown or out of YYYY range). */
function edtfBounds(e: EdtfValue): [number | null, number | null] {
  if (e.type === 'Season') {
    const [a, b] = divisionSpan(e.year ?? 0, e.season ?? 21);
    return [dayOfMs(a * MS_PER_DAY), dayOfMs(b * MS_PER_DAY)];
  }
  if (e.type === 'Interval') {
    return [
      isEdtfObject(e.lower) ? edtfBounds(e.lower)[0] : null,
      isEdtfObject(e.upper) ? edtfBounds(e.upper)[1] : null,
    ];
  }
  return [dayOfMs(e.min), dayOfMs(e.max)];
}

function edtfPrecision(e: EdtfValue, value: string): DatePrecision {
  switch (e.type) {
    case 'Date': {
      const unspecified = e.unspecified?.value ?? 0;
      if (e.precision === 0) return 'DAY';
      if (e.precision === 3 && (unspecified & 192) === 0) return 'DAY';
      if (e.precision === 3 && (unspecified & 192) !== 192) return 'PART_OF_MONTH';
      if ((e.precision ?? 0) >= 2 && (unspecified & 48) === 0) return 'MONTH';
      return (unspecified & 15) === 15 ? 'UNKNOWN' : 'YEAR';
    }
    case 'Year':
    case 'Decade':
    case 'Century':
      return 'YEAR';
    case 'Season': {
      const code = e.season ?? 21;
      return code <= 32 ? 'SEASON' : spanPrecision(...divisionSpan(2001, code));
    }
    default: {
      if (e.type === 'Interval' && !(isEdtfObject(e.lower) && isEdtfObject(e.upper))) return 'UNKNOWN';
      // An unknown year is measured as if every date fell in the same leap year.
      const measured = hasUnknownYear(value) ? parseEdtf(value.replace(/X{4}/g, '2000')) : e;
      const [a, b] = edtfBounds(measured);
      return a == null || b == null ? 'UNKNOWN' : spanPrecision(a, b);
    }
  }
}

function fromEdtf(value: string): Derived {
  const parsed = parseEdtf(value);
  const precision = edtfPrecision(parsed, value);
  if (hasUnknownYear(value)) return { edtf: value, precision, earliest: null, latest: null };
  const [a, b] = edtfBounds(parsed);
  return { edtf: value, precision, earliest: a == null ? null : isoDay(a), latest: b == null ? null : isoDay(b) };
}

// ---------------------------------------------------------------------------------------------
// Reading words with chrono-node

/**
 * What a chrono component denotes. Custom parsers tag their components "newsgraph/<kind>/<param>";
 * untagged (chrono's own) components are read from their certain fields.
 */
type Kind = 'day' | 'month' | 'partOfMonth' | 'season' | 'partOfYear' | 'year' | 'week' | 'toDate';
interface Reading {
  kind: Kind;
  /** partOfMonth/partOfYear: early|mid|late; season: EDTF code; toDate: earlier|later:week|month|year. */
  param: string;
}
const TAG = 'newsgraph';

function readingOf(c: ParsedComponents): Reading | null {
  for (const tag of c.tags()) {
    const [prefix, kind, param = ''] = tag.split('/');
    if (prefix === TAG) return { kind: kind as Kind, param };
  }
  if (c.isCertain('day') || c.isCertain('weekday')) return { kind: 'day', param: '' };
  if (c.isCertain('month')) return { kind: 'month', param: '' };
  if (c.isCertain('year')) return { kind: 'year', param: '' };
  return null;
}

const PART_DAYS = { early: [1, 10], mid: [11, 20], late: [21, 31] } as const;
const PART_MONTHS = { early: [1, 4], mid: [5, 8], late: [9, 12] } as const;
type Part = keyof typeof PART_DAYS;

/** Inclusive day span a reading denotes when its component holds year y, month m, day d. */
function spanOf(r: Reading, y: number, m: number, d: number): [number, number] {
  switch (r.kind) {
    case 'day':
      return [dayNum(y, m, d), dayNum(y, m, d)];
    case 'month':
      return [dayNum(y, m, 1), dayNum(y, m, daysInMonth(y, m))];
    case 'partOfMonth': {
      const [from, to] = PART_DAYS[r.param as Part];
      return [dayNum(y, m, from), dayNum(y, m, Math.min(to, daysInMonth(y, m)))];
    }
    case 'season':
      return divisionSpan(y, Number(r.param));
    case 'partOfYear': {
      const [from, to] = PART_MONTHS[r.param as Part];
      return [dayNum(y, from, 1), dayNum(y, to, daysInMonth(y, to))];
    }
    case 'year':
      return [dayNum(y, 1, 1), dayNum(y, 12, 31)];
    case 'week':
      return [dayNum(y, m, d), dayNum(y, m, d) + 6];
    case 'toDate': {
      const [direction, period] = r.param.split(':');
      const ref = dayNum(y, m, d);
      const [start, end] =
        period === 'week' ? [mondayOf(ref), mondayOf(ref) + 6]
        : period === 'month' ? [dayNum(y, m, 1), dayNum(y, m, daysInMonth(y, m))]
        : [dayNum(y, 1, 1), dayNum(y, 12, 31)];
      return direction === 'earlier' ? [start, ref] : [ref, end];
    }
  }
}

function precisionOf(r: Reading): DatePrecision {
  switch (r.kind) {
    case 'day':
      return 'DAY';
    case 'month':
      return 'MONTH';
    case 'partOfMonth':
    case 'week':
      return 'PART_OF_MONTH';
    case 'season':
    case 'partOfYear':
      return 'SEASON';
    case 'year':
      return 'YEAR';
    case 'toDate':
      return r.param.endsWith(':year') ? 'YEAR' : 'PART_OF_MONTH';
  }
}

/** Kinds whose EDTF is a single date (so two of them make an EDTF interval "A/B"). */
const isPlain = (r: Reading) => r.kind === 'day' || r.kind === 'month' || r.kind === 'year';

function edtfOf(r: Reading, y: number, m: number, [a, b]: [number, number]): string {
  switch (r.kind) {
    case 'day':
      return isoDay(a);
    case 'month':
      return `${pad(y, 4)}-${pad(m)}`;
    case 'year':
      return pad(y, 4);
    case 'season':
      return `${pad(y, 4)}-${r.param}`;
    case 'partOfYear':
      return `${isoDay(a).slice(0, 7)}/${isoDay(b).slice(0, 7)}`;
    default:
      return `${isoDay(a)}/${isoDay(b)}`;
  }
}

/** EDTF with an unspecified year from what the words state (month, day), or null. */
function unknownYearEdtf(r: Reading, month: number | null, day: number | null): string | null {
  if (month == null) return null;
  switch (r.kind) {
    case 'day':
      return day == null ? null : `XXXX-${pad(month)}-${pad(day)}`;
    case 'month':
      return `XXXX-${pad(month)}`;
    case 'partOfMonth': {
      const [from, to] = PART_DAYS[r.param as Part];
      return `XXXX-${pad(month)}-${pad(from)}/XXXX-${pad(month)}-${pad(Math.min(to, daysInMonth(null, month)))}`;
    }
    default:
      return null;
  }
}

const values = (c: ParsedComponents) => [c.get('year') ?? 0, c.get('month') ?? 1, c.get('day') ?? 1] as const;

// --- custom parsers ---------------------------------------------------------------------------

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH = '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\b\\.?';
const monthNumber = (name: string) => MONTHS[name.toLowerCase().slice(0, 3)]!;
const YEAR = '(\\d{4})\\b(?![-–/]\\d)';
const ORDINAL = '(?:st|nd|rd|th)?';
const PART = '(?:(early|mid|late)(?:\\s+|\\s*-\\s*)(?:in\\s+)?|(?:the\\s+)?(beginning|start|middle|end)\\s+of\\s+(?:the\\s+)?)';
const partOf = (word: string | undefined, phrase: string | undefined): Part =>
  word ? (word.toLowerCase() as Part) : ({ beginning: 'early', start: 'early', middle: 'mid', end: 'late' } as const)[phrase!.toLowerCase() as 'end'];

/** The reference day of a chrono context (always passed as noon UTC). */
const contextDay = (context: ParsingContext) => Math.floor(context.reference.instant.getTime() / MS_PER_DAY);

const tagged = (context: ParsingContext, kind: Kind, param: string, known: { year?: number; month?: number; day?: number }, implied: { year?: number; month?: number; day?: number }) => {
  const c = context.createParsingComponents(known);
  for (const [key, value] of Object.entries(implied)) c.imply(key as 'year', value);
  return c.addTag(`${TAG}/${kind}/${param}`);
};

/** Components assigned the day `n` (certain: chrono treats them as stated, probes see they move). */
const onDay = (n: number) => {
  const { y, m, d } = ymd(n);
  return { year: y, month: m, day: d };
};

const SEASON_CODES: Record<string, number> = { spring: 21, summer: 22, autumn: 23, fall: 23, winter: 24 };

const customParsers: Parser[] = [
  // "late October", "mid-June 2025", "the end of October"
  {
    pattern: () => new RegExp(`\\b${PART}${MONTH}(?:\\s*,?\\s*${YEAR})?`, 'i'),
    extract(context, match) {
      const month = monthNumber(match[3]!);
      const year = match[4] ? Number(match[4]) : undefined;
      const part = partOf(match[1], match[2]);
      const known = year == null ? { month } : { month, year };
      return tagged(context, 'partOfMonth', part, known, { year: ymd(contextDay(context)).y, day: PART_DAYS[part][0] });
    },
  },
  // "early 2024", "mid-2024", "late last year", "the end of this year"
  {
    pattern: () => new RegExp(`\\b${PART}(?:${YEAR}|(last|this|next)\\s+year\\b)`, 'i'),
    extract(context, match) {
      const part = partOf(match[1], match[2]);
      const offset = { last: -1, this: 0, next: 1 }[match[4]?.toLowerCase() as 'last'] ?? 0;
      const year = match[3] ? Number(match[3]) : ymd(contextDay(context)).y + offset;
      return tagged(context, 'partOfYear', part, { year }, { month: PART_MONTHS[part][0], day: 1 });
    },
  },
  // "March 24 and 25", "24 and 25 March 2025" (chrono reads only the first day)
  {
    pattern: () =>
      new RegExp(
        `\\b(?:${MONTH}\\s+(\\d{1,2})${ORDINAL}\\s*(?:and|&)\\s*(\\d{1,2})${ORDINAL}|(\\d{1,2})${ORDINAL}\\s*(?:and|&)\\s*(\\d{1,2})${ORDINAL}\\s+(?:of\\s+)?${MONTH})\\b(?:\\s*,?\\s*${YEAR})?`,
        'i',
      ),
    extract(context, match) {
      const month = monthNumber((match[1] ?? match[6])!);
      const [first, second] = [Number(match[2] ?? match[4]), Number(match[3] ?? match[5])];
      const year = match[7] ? Number(match[7]) : undefined;
      if (first < 1 || second <= first || second > daysInMonth(year ?? null, month)) return null;
      const refYear = ymd(contextDay(context)).y;
      const component = (day: number) => {
        const c = context.createParsingComponents(year == null ? { month, day } : { year, month, day });
        return c.imply('year', refYear);
      };
      return context.createParsingResult(match.index!, match[0], component(first), component(second));
    },
  },
  // "in the summer", "last winter", "spring 2024", "the autumn of 2024"; not "the fall of Kabul", "Arab Spring"
  {
    pattern: () =>
      /(?:\b(this|last|next|past|coming|upcoming)\s+|\b(?:in|during|over|through|throughout|by|since|until|early|late|mid)\s+(?:the\s+)?|\bthe\s+|^)(spring|summer|autumn|fall|winter)\b(?:\s+(?:of\s+)?(\d{4})\b)?(?!\s+of\b)/i,
    extract(context, match) {
      const code = SEASON_CODES[match[2]!.toLowerCase()]!;
      const year = match[3] ? Number(match[3]) : undefined;
      const known = year == null ? {} : { year };
      return tagged(context, 'season', String(code), known, { year: ymd(contextDay(context)).y, month: DIVISIONS[code]![0], day: 1 });
    },
  },
  // "last week", "this week", "next week": ISO weeks
  {
    pattern: () => /\b(last|past|previous|this|next|coming|following)\s+week\b/i,
    extract(context, match) {
      const offset = { last: -1, past: -1, previous: -1, this: 0 }[match[1]!.toLowerCase() as 'last'] ?? 1;
      return tagged(context, 'week', '', onDay(mondayOf(contextDay(context)) + 7 * offset), {});
    },
  },
  // "earlier this month", "later this year"
  {
    pattern: () => /\b(earlier|later)\s+this\s+(week|month|year)\b/i,
    extract(context, match) {
      return tagged(context, 'toDate', `${match[1]!.toLowerCase()}:${match[2]!.toLowerCase()}`, onDay(contextDay(context)), {});
    },
  },
  // "in 2024", "during 2024" (chrono has no year-only parser)
  {
    pattern: () => new RegExp(`\\b(?:in|during|throughout)\\s+(?:the\\s+year\\s+)?${YEAR}`, 'i'),
    extract(context, match) {
      return tagged(context, 'year', '', { year: Number(match[1]) }, { month: 1, day: 1 });
    },
  },
];

// --- past bias ------------------------------------------------------------------------------------

type Direction = 'past' | 'future' | 'this' | 'last';
const FORWARD = new Set(['next', 'coming', 'upcoming', 'forthcoming']);
const BACKWARD = new Set(['last', 'past', 'previous']);

/** The modifier in force: the word just before the match or any inside it ("next June", "last summer"). */
function directionOf(context: ParsingContext, result: ParsingResult): Direction {
  const before = /([a-z]+)\W*$/i.exec(context.text.slice(0, result.index))?.[1] ?? '';
  for (const word of [before, ...result.text.split(/\W+/)].map((w) => w.toLowerCase())) {
    if (FORWARD.has(word)) return 'future';
    if (BACKWARD.has(word)) return 'last';
    if (word === 'this') return 'this';
  }
  return 'past';
}

function shiftYear(c: ParsingComponents, delta: number) {
  if (!c.isCertain('year')) c.imply('year', (c.get('year') ?? 0) + delta);
}

/**
 * chrono picks the nearest occurrence of a yearless month or day and of a bare weekday; news
 * reports the past, so this refiner picks per `directionOf`: past (default) → the latest occurrence
 * begun by the reference day; future → the first beginning after it; last → the latest ended
 * before it; this → the one containing it, else the one in its year.
 */
const pastBias: Refiner = {
  refine(context, results) {
    const ref = contextDay(context);
    for (const result of results) {
      const start = result.start;
      const reading = readingOf(start);
      if (!reading) continue;
      if (start.isCertain('weekday') && !start.isCertain('day')) {
        if (/\b(this|next|last|past|previous)\b/i.test(result.text)) continue; // chrono resolved those
        const [y, m, d] = values(start);
        const current = dayNum(y, m, d);
        const behind = (((ref - current) % 7) + 7) % 7; // days since the weekday last fell, 0 if ref is one
        const target = directionOf(context, result) === 'future' ? ref - behind + 7 : ref - behind;
        const delta = target - current;
        for (const c of result.end ? [start, result.end] : [start]) {
          const [cy, cm, cd] = values(c);
          const moved = ymd(dayNum(cy, cm, cd) + delta);
          c.imply('year', moved.y).imply('month', moved.m).imply('day', moved.d);
        }
        continue;
      }
      if (start.isCertain('year') || !(start.isCertain('month') || reading.kind === 'season')) continue;
      const [y0, m, d] = values(start);
      const span = (y: number) => spanOf(reading, y, m, d);
      const refYear = ymd(ref).y;
      let y = refYear + 1;
      switch (directionOf(context, result)) {
        case 'past':
          while (span(y)[0] > ref) y--;
          break;
        case 'last':
          while (span(y)[1] >= ref) y--;
          break;
        case 'future':
          y = refYear - 1;
          while (span(y)[0] <= ref) y++;
          break;
        case 'this': {
          const containing = [refYear - 1, refYear].find((year) => span(year)[0] <= ref && ref <= span(year)[1]);
          y = containing ?? refYear;
          break;
        }
      }
      shiftYear(start, y - y0);
      if (result.end) shiftYear(result.end, y - y0);
    }
    return results;
  },
};

const reader = chrono.casual.clone();
reader.parsers.unshift(...customParsers);
reader.refiners.push(pastBias);

/** chrono's readings of words on a day (only read, never changed), shared by validation's `unreadDateWords` and `fromText`. */
const parsedCache = new Map<string, readonly ParsedResult[]>();
const parseAt = (text: string, day: number): readonly ParsedResult[] =>
  remembered(parsedCache, 256, `${day}\u0000${text}`, () => reader.parse(text, { instant: new Date(day * MS_PER_DAY + MS_PER_DAY / 2), timezone: 0 }) as ParsedResult[]);

/** Two unrelated probe days (different year, month, day and weekday) to tell stated fields from implied ones. */
const PROBES = [dayNumber('2001-02-03'), dayNumber('2013-09-18')] as const;

function firstReadable(results: readonly ParsedResult[]): ParsedResult | null {
  return results.find((r) => readingOf(r.start) != null) ?? null;
}

/** Precision, EDTF and bounds of a result whose every year is known. */
function resolved(result: ParsedResult): Derived {
  const startReading = readingOf(result.start)!;
  const [y, m, d] = values(result.start);
  const startSpan = spanOf(startReading, y, m, d);
  if (!result.end) {
    return {
      edtf: edtfOf(startReading, y, m, startSpan),
      precision: precisionOf(startReading),
      earliest: isoDay(startSpan[0]),
      latest: isoDay(startSpan[1]),
    };
  }
  const endReading = readingOf(result.end) ?? startReading;
  const [ey, em, ed] = values(result.end);
  const endSpan = spanOf(endReading, ey, em, ed);
  const a = Math.min(startSpan[0], endSpan[0]);
  const b = Math.max(startSpan[1], endSpan[1]);
  const ordered = startSpan[1] < endSpan[0];
  const edtfValue =
    ordered && isPlain(startReading) && isPlain(endReading)
      ? `${edtfOf(startReading, y, m, startSpan)}/${edtfOf(endReading, ey, em, endSpan)}`
      : `${isoDay(a)}/${isoDay(b)}`;
  return { edtf: edtfValue, precision: spanPrecision(a, b), earliest: isoDay(a), latest: isoDay(b) };
}

function fromText(text: string, reference: number | null): Derived {
  // chrono drops a bare number as an unlikely date; a text that is only a year means that year.
  const words = /^\d{4}$/.test(text) ? `in ${text}` : text;
  if (reference != null) {
    const result = firstReadable(parseAt(words, reference));
    return result ? resolved(result) : UNKNOWN_DATE;
  }

  // No reference: read against two probes; a field is stated when certain and equal in both.
  const result = firstReadable(parseAt(words, PROBES[0]));
  if (!result) return UNKNOWN_DATE;
  const twin = parseAt(words, PROBES[1]).find((r) => r.index === result.index && r.text === result.text);
  const stated = (which: 'start' | 'end', field: 'year' | 'month' | 'day') => {
    const c = result[which];
    const other = twin?.[which];
    return c != null && other != null && c.isCertain(field) && c.get(field) === other.get(field) ? c.get(field) : null;
  };
  if (stated('start', 'year') != null && (!result.end || stated('end', 'year') != null)) return resolved(result);

  const startReading = readingOf(result.start)!;
  const startEdtf = unknownYearEdtf(startReading, stated('start', 'month'), stated('start', 'day'));
  if (!result.end) return { edtf: startEdtf, precision: precisionOf(startReading), earliest: null, latest: null };
  // A range: precision from its length as read against the first probe.
  const endReading = readingOf(result.end) ?? startReading;
  const endEdtf = unknownYearEdtf(endReading, stated('end', 'month'), stated('end', 'day'));
  const startSpan = spanOf(startReading, ...values(result.start));
  const endSpan = spanOf(endReading, ...values(result.end));
  const joinable = startEdtf && endEdtf && isPlain(startReading) && isPlain(endReading) && startEdtf < endEdtf;
  return {
    edtf: joinable ? `${startEdtf}/${endEdtf}` : null,
    precision: spanPrecision(Math.min(startSpan[0], endSpan[0]), Math.max(startSpan[1], endSpan[1])),
    earliest: null,
    latest: null,
  };
}

// ---------------------------------------------------------------------------------------------
// Whether words are read whole

/** Words around a date that add nothing to it ("on Monday", "sometime in June", "around 3 November"). */
const CONNECTING = new Set(['on', 'in', 'at', 'by', 'during', 'of', 'the', 'around', 'about', 'circa', 'sometime', 'some', 'time']);
/** Words that direct a yearless month, season or weekday (`directionOf`), and only those. */
const DIRECTING = new Set([...FORWARD, ...BACKWARD, 'this']);

/**
 * Why the resolver cannot read `text` as a date, or null when it reads it whole: the words must
 * hold a date the resolver reads (`resolvePartialDate` would give precision UNKNOWN otherwise),
 * and every other word must only connect it ("on", "in", "the" ...) or direct a yearless month,
 * season or weekday ("next June"). "in the 12th month", "2025-02-30" read nothing; "sometime
 * next yesterday" reads "yesterday" and leaves "next", which directs nothing there: both are
 * unreadable, never guessed. ISO 8601 days are read only when they exist.
 * @param referenceDate as for `resolvePartialDate` (the reading does not depend on it)
 */
export function unreadDateWords(text: string, referenceDate: string | null): string | null {
  const words = text.trim();
  if (/^\d{4}$/.test(words)) return null;
  const day = referenceDate == null ? PROBES[0] : parseReferenceDay(referenceDate);
  const result = firstReadable(parseAt(words, day));
  if (!result) return `no date could be read from ${JSON.stringify(words)}`;
  const start = result.start;
  const directs = !start.isCertain('year') && (start.isCertain('month') || start.isCertain('weekday') || readingOf(start)?.kind === 'season');
  const rest = `${words.slice(0, result.index)} ${words.slice(result.index + result.text.length)}`;
  const unread = rest
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !CONNECTING.has(w) && !(directs && DIRECTING.has(w)));
  if (unread.length) return `${JSON.stringify(words)} is not read whole: ${unread.map((w) => JSON.stringify(w)).join(', ')} unread beside ${JSON.stringify(result.text)}`;
  return null;
}
