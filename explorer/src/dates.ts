/**
 * Partial dates as the API gives them (PartialDate: the source's words, EDTF, and the earliest and
 * latest calendar days it allows): their labels, and the day range a timeline draws. All days are
 * calendar days in UTC; a range's end is exclusive (the day after `latest`).
 */

/** The API's PartialDate (schema type PartialDate). */
export interface PartialDate {
  text?: string | null;
  edtf?: string | null;
  /** YYYY-MM-DD or null when unknown. */
  earliest?: string | null;
  latest?: string | null;
  precision: 'DAY' | 'MONTH' | 'PART_OF_MONTH' | 'SEASON' | 'YEAR' | 'UNKNOWN';
}

const DAY_MS = 86_400_000;
const dayFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
const dayMonth = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' });
const monthYear = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'long', year: 'numeric' });

/** A YYYY-MM-DD day as a Date at 00:00 UTC, or null when not such a day. */
export function parseDay(day: string | null | undefined): Date | null {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const d = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** The half-open range [earliest 00:00, day after latest 00:00) in UTC; null unless both bounds are known. */
export function dayRange(date: PartialDate | null | undefined): [Date, Date] | null {
  const from = parseDay(date?.earliest);
  const to = parseDay(date?.latest);
  if (!from || !to || to < from) return null;
  return [from, new Date(to.getTime() + DAY_MS)];
}

/** "21–31 Oct 2025", "24 Nov 2025", "Oct 2025", "30 Dec 2025 – 2 Jan 2026" from the bounds alone. */
export function formatRange(earliest: Date, latestInclusive: Date): string {
  const a = earliest.toISOString().slice(0, 10);
  const b = latestInclusive.toISOString().slice(0, 10);
  if (a === b) return dayFormat.format(earliest);
  const lastOfMonth = new Date(Date.UTC(earliest.getUTCFullYear(), earliest.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
  if (a.endsWith('-01') && b === lastOfMonth) return monthYear.format(earliest);
  if (a.slice(0, 7) === b.slice(0, 7)) return `${earliest.getUTCDate()}–${dayFormat.format(latestInclusive)}`;
  if (a.slice(0, 4) === b.slice(0, 4)) return `${dayMonth.format(earliest)} – ${dayFormat.format(latestInclusive)}`;
  return `${dayFormat.format(earliest)} – ${dayFormat.format(latestInclusive)}`;
}

const PRECISION_WORDS: Record<PartialDate['precision'], string> = {
  DAY: 'day',
  MONTH: 'month',
  PART_OF_MONTH: 'part of a month',
  SEASON: 'season',
  YEAR: 'year',
  UNKNOWN: 'unknown',
};

/** How precise a date is, in words ("part of a month"). */
export function precisionWords(date: PartialDate | null | undefined): string {
  return PRECISION_WORDS[date?.precision ?? 'UNKNOWN'];
}

/**
 * A date's label: the days it covers, after the source's words when they say something else
 * ("late October · 21–31 Oct 2025"); "date unknown" when the API knows no bounds.
 */
export function formatPartialDate(date: PartialDate | null | undefined): string {
  const range = dayRange(date);
  const words = date?.text?.trim();
  if (!range) {
    const one = parseDay(date?.earliest) ?? parseDay(date?.latest);
    const bound = one ? `${date?.earliest ? 'from' : 'until'} ${dayFormat.format(one)}` : '';
    return [words, bound].filter(Boolean).join(' · ') || 'date unknown';
  }
  const days = formatRange(range[0], new Date(range[1].getTime() - DAY_MS));
  return words && words.toLowerCase() !== days.toLowerCase() ? `${words} · ${days}` : days;
}

/** A timestamp's day ("24 Nov 2025"), or "undated". */
export function formatTimestamp(iso: string | null | undefined): string {
  if (!iso) return 'undated';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dayFormat.format(d);
}
