/**
 * ISO 8601 dates, checked in one place: a calendar day "YYYY-MM-DD" that exists (proleptic
 * Gregorian, years 0000–9999), and a date or date-time in the RFC 3339 profile of ISO 8601
 * ("2025-11-24", "2025-11-24T09:30Z", "2025-11-24T09:30:00.250+05:00").
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in month `m` (1–12) of year `y` (Gregorian leap years); `y` null → the most it can have (February 29). */
export function daysInMonth(y: number | null, m: number): number {
  if (m === 2) return y == null || (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return MONTH_DAYS[m - 1] ?? 0;
}

/** Is `text` an ISO 8601 calendar day that exists ("2025-02-28" yes, "2025-02-30" no)? */
export function isIsoDay(text: string): boolean {
  const match = DAY.exec(text);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/**
 * Is `text` an ISO 8601 day or date-time whose day exists? Hours, minutes and seconds are
 * checked by shape only (Date.parse refuses "25:00" where callers convert).
 * @param zone 'required': a date-time must end in Z or an offset (ninjs, RFC 3339); 'optional': a
 *   local time is accepted too (filter bounds, read as UTC)
 */
export function isIsoDateTime(text: string, zone: 'required' | 'optional' = 'required'): boolean {
  const match = DATE_TIME.exec(text);
  if (!match || !isIsoDay(match[1]!)) return false;
  const hasTime = text.length > 10;
  return !(hasTime && zone === 'required' && match[2] === undefined) && (!hasTime || !Number.isNaN(Date.parse(match[2] ? text : `${text}Z`)));
}
