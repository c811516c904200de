/**
 * Partial dates (src/domain/partial-date.ts): words resolved against a reference day with a past
 * bias, words without one that never invent a year, EDTF (ISO 8601-2) input, explicit overrides
 * and the RangeErrors. Every EDTF string produced must itself parse as EDTF.
 */
// @ts-ignore -- edtf ships no type declarations
import edtf from 'edtf';
import { describe, expect, it } from 'vitest';
import { resolvePartialDate, unreadDateWords, type PartialDate } from '../../src/domain/partial-date.ts';

type Expected = Omit<PartialDate, 'text'>;
const day = (d: string, precision: PartialDate['precision'] = 'DAY'): Expected => ({ edtf: d, precision, earliest: d, latest: d });
const span = (edtfValue: string, earliest: string, latest: string, precision: PartialDate['precision']): Expected => ({
  edtf: edtfValue,
  precision,
  earliest,
  latest,
});
const unbounded = (precision: PartialDate['precision'], edtfValue: string | null = null): Expected => ({
  edtf: edtfValue,
  precision,
  earliest: null,
  latest: null,
});

const MONDAY = '2025-11-24';
const SUNDAY = '2025-11-23';
const EARLY_JANUARY = '2026-01-05'; // a Monday
const WEDNESDAY = '2025-11-05';

/** [words, reference day, expected]. */
const withReference: [string, string, Expected][] = [
  // weekdays: the one on or before the reference day
  ['on Monday', MONDAY, day('2025-11-24')],
  ['Monday', MONDAY, day('2025-11-24')],
  ['on Tuesday', MONDAY, day('2025-11-18')],
  ['on Monday', SUNDAY, day('2025-11-17')],
  ['on Sunday', SUNDAY, day('2025-11-23')],
  ['on Tuesday', EARLY_JANUARY, day('2025-12-30')],
  ['last Monday', MONDAY, day('2025-11-17')],
  ['next Monday', SUNDAY, day('2025-11-24')],
  ['coming Friday', MONDAY, day('2025-11-28')],
  ['yesterday', MONDAY, day('2025-11-23')],
  ['yesterday', EARLY_JANUARY, day('2026-01-04')],
  ['today', MONDAY, day('2025-11-24')],
  // explicit days
  ['on 3 November 2025', MONDAY, day('2025-11-03')],
  ['on 3 November 2025', EARLY_JANUARY, day('2025-11-03')],
  ['on March 24 and 25', MONDAY, span('2025-03-24/2025-03-25', '2025-03-24', '2025-03-25', 'DAY')],
  ['24 and 25 March', EARLY_JANUARY, span('2025-03-24/2025-03-25', '2025-03-24', '2025-03-25', 'DAY')],
  ['March 24-25', MONDAY, span('2025-03-24/2025-03-25', '2025-03-24', '2025-03-25', 'DAY')],
  // parts of months
  ['late October', MONDAY, span('2025-10-21/2025-10-31', '2025-10-21', '2025-10-31', 'PART_OF_MONTH')],
  ['late October', EARLY_JANUARY, span('2025-10-21/2025-10-31', '2025-10-21', '2025-10-31', 'PART_OF_MONTH')],
  ['in late October', '2025-10-25', span('2025-10-21/2025-10-31', '2025-10-21', '2025-10-31', 'PART_OF_MONTH')],
  ['late October', '2025-10-20', span('2024-10-21/2024-10-31', '2024-10-21', '2024-10-31', 'PART_OF_MONTH')],
  ['early November', MONDAY, span('2025-11-01/2025-11-10', '2025-11-01', '2025-11-10', 'PART_OF_MONTH')],
  ['mid-June', MONDAY, span('2025-06-11/2025-06-20', '2025-06-11', '2025-06-20', 'PART_OF_MONTH')],
  ['mid June', EARLY_JANUARY, span('2025-06-11/2025-06-20', '2025-06-11', '2025-06-20', 'PART_OF_MONTH')],
  ['the end of October', MONDAY, span('2025-10-21/2025-10-31', '2025-10-21', '2025-10-31', 'PART_OF_MONTH')],
  ['late October 2024', MONDAY, span('2024-10-21/2024-10-31', '2024-10-21', '2024-10-31', 'PART_OF_MONTH')],
  ['late February', '2024-03-10', span('2024-02-21/2024-02-29', '2024-02-21', '2024-02-29', 'PART_OF_MONTH')],
  ['late February', '2025-03-10', span('2025-02-21/2025-02-28', '2025-02-21', '2025-02-28', 'PART_OF_MONTH')],
  ['earlier this month', MONDAY, span('2025-11-01/2025-11-24', '2025-11-01', '2025-11-24', 'PART_OF_MONTH')],
  // months: the most recent occurrence begun by the reference day, unless the words look forward
  ['in June', MONDAY, span('2025-06', '2025-06-01', '2025-06-30', 'MONTH')],
  ['June', EARLY_JANUARY, span('2025-06', '2025-06-01', '2025-06-30', 'MONTH')],
  ['June 2025', EARLY_JANUARY, span('2025-06', '2025-06-01', '2025-06-30', 'MONTH')],
  ['in November', MONDAY, span('2025-11', '2025-11-01', '2025-11-30', 'MONTH')],
  ['December', MONDAY, span('2024-12', '2024-12-01', '2024-12-31', 'MONTH')],
  ['next June', MONDAY, span('2026-06', '2026-06-01', '2026-06-30', 'MONTH')],
  ['the upcoming June', MONDAY, span('2026-06', '2026-06-01', '2026-06-30', 'MONTH')],
  ['in February', '2024-03-10', span('2024-02', '2024-02-01', '2024-02-29', 'MONTH')],
  ['last month', MONDAY, span('2025-10', '2025-10-01', '2025-10-31', 'MONTH')],
  ['last month', EARLY_JANUARY, span('2025-12', '2025-12-01', '2025-12-31', 'MONTH')],
  ['this month', MONDAY, span('2025-11', '2025-11-01', '2025-11-30', 'MONTH')],
  // ISO weeks, Monday..Sunday, PART_OF_MONTH even across a month or year end
  ['last week', MONDAY, span('2025-11-17/2025-11-23', '2025-11-17', '2025-11-23', 'PART_OF_MONTH')],
  ['this week', MONDAY, span('2025-11-24/2025-11-30', '2025-11-24', '2025-11-30', 'PART_OF_MONTH')],
  ['next week', MONDAY, span('2025-12-01/2025-12-07', '2025-12-01', '2025-12-07', 'PART_OF_MONTH')],
  ['last week', SUNDAY, span('2025-11-10/2025-11-16', '2025-11-10', '2025-11-16', 'PART_OF_MONTH')],
  ['this week', SUNDAY, span('2025-11-17/2025-11-23', '2025-11-17', '2025-11-23', 'PART_OF_MONTH')],
  ['next week', SUNDAY, span('2025-11-24/2025-11-30', '2025-11-24', '2025-11-30', 'PART_OF_MONTH')],
  ['last week', WEDNESDAY, span('2025-10-27/2025-11-02', '2025-10-27', '2025-11-02', 'PART_OF_MONTH')],
  ['last week', EARLY_JANUARY, span('2025-12-29/2026-01-04', '2025-12-29', '2026-01-04', 'PART_OF_MONTH')],
  // seasons (northern hemisphere, meteorological; winter Y = December Y to February Y+1)
  ['in the summer', MONDAY, span('2025-22', '2025-06-01', '2025-08-31', 'SEASON')],
  ['in spring', MONDAY, span('2025-21', '2025-03-01', '2025-05-31', 'SEASON')],
  ['in the autumn', MONDAY, span('2025-23', '2025-09-01', '2025-11-30', 'SEASON')],
  ['in the winter', MONDAY, span('2024-24', '2024-12-01', '2025-02-28', 'SEASON')],
  ['in the winter', EARLY_JANUARY, span('2025-24', '2025-12-01', '2026-02-28', 'SEASON')],
  ['in the summer', '2025-07-10', span('2025-22', '2025-06-01', '2025-08-31', 'SEASON')],
  ['last summer', '2025-07-10', span('2024-22', '2024-06-01', '2024-08-31', 'SEASON')],
  ['the summer of 2023', MONDAY, span('2023-22', '2023-06-01', '2023-08-31', 'SEASON')],
  // years and thirds of years
  ['this year', MONDAY, span('2025', '2025-01-01', '2025-12-31', 'YEAR')],
  ['this year', EARLY_JANUARY, span('2026', '2026-01-01', '2026-12-31', 'YEAR')],
  ['in 2024', MONDAY, span('2024', '2024-01-01', '2024-12-31', 'YEAR')],
  ['2024', MONDAY, span('2024', '2024-01-01', '2024-12-31', 'YEAR')],
  ['late last year', MONDAY, span('2024-09/2024-12', '2024-09-01', '2024-12-31', 'SEASON')],
  ['late last year', EARLY_JANUARY, span('2025-09/2025-12', '2025-09-01', '2025-12-31', 'SEASON')],
  ['mid-2024', MONDAY, span('2024-05/2024-08', '2024-05-01', '2024-08-31', 'SEASON')],
  // nothing recognised
  ['at a later stage', MONDAY, unbounded('UNKNOWN')],
  ['the fall of Kabul', MONDAY, unbounded('UNKNOWN')],
];

/** [words, expected] with no reference day: a year is never invented. */
const withoutReference: [string, Expected][] = [
  // the seed article's dates
  ['on Monday', unbounded('DAY')],
  ['late October', unbounded('PART_OF_MONTH', 'XXXX-10-21/XXXX-10-31')],
  ['early November', unbounded('PART_OF_MONTH', 'XXXX-11-01/XXXX-11-10')],
  ['in June', unbounded('MONTH', 'XXXX-06')],
  // more words without a year
  ['late February', unbounded('PART_OF_MONTH', 'XXXX-02-21/XXXX-02-29')],
  ['mid-June', unbounded('PART_OF_MONTH', 'XXXX-06-11/XXXX-06-20')],
  ['December', unbounded('MONTH', 'XXXX-12')],
  ['on March 24 and 25', unbounded('DAY', 'XXXX-03-24/XXXX-03-25')],
  ['on 3 November', unbounded('DAY', 'XXXX-11-03')],
  ['yesterday', unbounded('DAY')],
  ['today', unbounded('DAY')],
  ['on Tuesday', unbounded('DAY')],
  ['last week', unbounded('PART_OF_MONTH')],
  ['next week', unbounded('PART_OF_MONTH')],
  ['last month', unbounded('MONTH')],
  ['earlier this month', unbounded('PART_OF_MONTH')],
  ['in the summer', unbounded('SEASON')],
  ['late last year', unbounded('SEASON')],
  ['this year', unbounded('YEAR')],
  ['at a later stage', unbounded('UNKNOWN')],
  // a stated year resolves without a reference
  ['in 2024', span('2024', '2024-01-01', '2024-12-31', 'YEAR')],
  ['June 2025', span('2025-06', '2025-06-01', '2025-06-30', 'MONTH')],
  ['late October 2025', span('2025-10-21/2025-10-31', '2025-10-21', '2025-10-31', 'PART_OF_MONTH')],
  ['on 3 November 2025', day('2025-11-03')],
  ['March 24 and 25, 2025', span('2025-03-24/2025-03-25', '2025-03-24', '2025-03-25', 'DAY')],
  ['early 2024', span('2024-01/2024-04', '2024-01-01', '2024-04-30', 'SEASON')],
  ['winter 2024', span('2024-24', '2024-12-01', '2025-02-28', 'SEASON')],
];

/** [EDTF, expected]. */
const fromEdtf: [string, Expected][] = [
  ['2025-10-21', day('2025-10-21')],
  ['2025-10', span('2025-10', '2025-10-01', '2025-10-31', 'MONTH')],
  ['2025-10~', span('2025-10~', '2025-10-01', '2025-10-31', 'MONTH')],
  ['2025-10-XX', span('2025-10-XX', '2025-10-01', '2025-10-31', 'MONTH')],
  ['2025-10-2X', span('2025-10-2X', '2025-10-20', '2025-10-29', 'PART_OF_MONTH')],
  ['2025-10-21/2025-10-31', span('2025-10-21/2025-10-31', '2025-10-21', '2025-10-31', 'PART_OF_MONTH')],
  ['2025-10-27/2025-11-02', span('2025-10-27/2025-11-02', '2025-10-27', '2025-11-02', 'PART_OF_MONTH')],
  ['2025-03-24/2025-03-25', span('2025-03-24/2025-03-25', '2025-03-24', '2025-03-25', 'DAY')],
  ['2025-10/2025-11', span('2025-10/2025-11', '2025-10-01', '2025-11-30', 'MONTH')],
  ['2024-09/2024-12', span('2024-09/2024-12', '2024-09-01', '2024-12-31', 'SEASON')],
  ['2025-22', span('2025-22', '2025-06-01', '2025-08-31', 'SEASON')],
  ['2025-21', span('2025-21', '2025-03-01', '2025-05-31', 'SEASON')],
  ['2024-24', span('2024-24', '2024-12-01', '2025-02-28', 'SEASON')],
  ['2025-34', span('2025-34', '2025-04-01', '2025-06-30', 'SEASON')],
  ['2024', span('2024', '2024-01-01', '2024-12-31', 'YEAR')],
  ['2025-XX', span('2025-XX', '2025-01-01', '2025-12-31', 'YEAR')],
  ['19XX', span('19XX', '1900-01-01', '1999-12-31', 'YEAR')],
  ['[2025-10-01,2025-10-05]', span('[2025-10-01,2025-10-05]', '2025-10-01', '2025-10-05', 'PART_OF_MONTH')],
  ['2025-10-21T23:30:00-05:00', { ...day('2025-10-22'), edtf: '2025-10-21T23:30:00-05:00' }],
  ['../2025-11', { edtf: '../2025-11', precision: 'UNKNOWN', earliest: null, latest: '2025-11-30' }],
  ['2025-10-21/..', { edtf: '2025-10-21/..', precision: 'UNKNOWN', earliest: '2025-10-21', latest: null }],
  // unspecified year: no bounds, precision from what is specified
  ['XXXX-10', unbounded('MONTH', 'XXXX-10')],
  ['XXXX-10-21', unbounded('DAY', 'XXXX-10-21')],
  ['XXXX-10-21/XXXX-10-31', unbounded('PART_OF_MONTH', 'XXXX-10-21/XXXX-10-31')],
  ['XXXX-02-21/XXXX-02-29', unbounded('PART_OF_MONTH', 'XXXX-02-21/XXXX-02-29')],
  ['XXXX', unbounded('UNKNOWN', 'XXXX')],
];

describe('resolvePartialDate: words with a reference day', () => {
  it.each(withReference)('%j with reference %s', (text, reference, expected) => {
    expect(resolvePartialDate({ text }, reference)).toEqual({ text, ...expected });
  });

  it('takes the calendar date of a timestamp reference as written', () => {
    expect(resolvePartialDate({ text: 'on Monday' }, '2025-11-24T23:30:00-05:00')).toMatchObject(day('2025-11-24'));
    expect(resolvePartialDate({ text: 'yesterday' }, '2025-11-24T09:30:00Z')).toMatchObject(day('2025-11-23'));
  });

  it('keeps the words trimmed', () => {
    expect(resolvePartialDate({ text: '  late October ' }, MONDAY).text).toBe('late October');
  });
});

describe('resolvePartialDate: words without a reference day', () => {
  it.each(withoutReference)('%j', (text, expected) => {
    expect(resolvePartialDate({ text }, null)).toEqual({ text, ...expected });
  });
});

describe('resolvePartialDate: EDTF', () => {
  it.each(fromEdtf)('%s', (value, expected) => {
    expect(resolvePartialDate({ edtf: value }, null)).toEqual({ text: null, ...expected });
  });

  it('prefers the EDTF to the words, keeping the words', () => {
    expect(resolvePartialDate({ text: 'late October', edtf: '2025-10-28' }, MONDAY)).toEqual({ text: 'late October', ...day('2025-10-28') });
  });

  it.each(['garbage', '2025-13', '2025-02-29', '2025-04-31', 'XXXX-04-31', '2025-10-31/2025-10-21', '2025-W47'])(
    'rejects %j with a RangeError naming it',
    (value) => {
      expect(() => resolvePartialDate({ edtf: value }, MONDAY)).toThrow(RangeError);
      expect(() => resolvePartialDate({ edtf: value }, MONDAY)).toThrow(JSON.stringify(value));
    },
  );
});

describe('resolvePartialDate: explicit fields', () => {
  it('explicit precision wins over the derived one', () => {
    expect(resolvePartialDate({ text: 'late October', precision: 'MONTH' }, MONDAY)).toEqual({
      text: 'late October',
      ...span('2025-10-21/2025-10-31', '2025-10-21', '2025-10-31', 'MONTH'),
    });
  });

  it('explicit bounds win, one by one', () => {
    expect(resolvePartialDate({ text: 'late October', earliest: '2025-10-25' }, MONDAY)).toEqual({
      text: 'late October',
      ...span('2025-10-21/2025-10-31', '2025-10-25', '2025-10-31', 'PART_OF_MONTH'),
    });
    expect(resolvePartialDate({ text: 'on Monday', earliest: '2025-11-24', latest: '2025-11-24' }, null)).toEqual({
      text: 'on Monday',
      ...day('2025-11-24'),
    });
  });

  it('bounds alone give an EDTF interval and a precision from their span', () => {
    expect(resolvePartialDate({ earliest: '2025-10-21', latest: '2025-10-31' }, null)).toEqual({
      text: null,
      ...span('2025-10-21/2025-10-31', '2025-10-21', '2025-10-31', 'PART_OF_MONTH'),
    });
    expect(resolvePartialDate({ earliest: '2025-10-21' }, null)).toEqual({
      text: null,
      edtf: '2025-10-21/..',
      precision: 'UNKNOWN',
      earliest: '2025-10-21',
      latest: null,
    });
  });

  it('nothing given is unknown', () => {
    expect(resolvePartialDate({}, MONDAY)).toEqual({ text: null, ...unbounded('UNKNOWN') });
  });

  it('rejects earliest after latest, given or derived', () => {
    expect(() => resolvePartialDate({ earliest: '2025-11-02', latest: '2025-11-01' }, null)).toThrow(RangeError);
    expect(() => resolvePartialDate({ earliest: '2025-11-02', latest: '2025-11-01' }, null)).toThrow(
      'earliest 2025-11-02 (given) is after latest 2025-11-01 (given)',
    );
    expect(() => resolvePartialDate({ text: 'late October 2025', earliest: '2025-11-05' }, null)).toThrow(
      'earliest 2025-11-05 (given) is after latest 2025-10-31 (derived from text)',
    );
  });

  it('rejects days that are not ISO 8601 calendar days', () => {
    expect(() => resolvePartialDate({ earliest: '2025-02-30' }, null)).toThrow(RangeError);
    expect(() => resolvePartialDate({ latest: '24/11/2025' }, null)).toThrow(RangeError);
    expect(() => resolvePartialDate({ text: 'on Monday' }, 'Nov 24')).toThrow(RangeError);
  });
});

describe('every EDTF produced is valid EDTF', () => {
  const produced = [
    ...withReference.map(([text, reference]) => resolvePartialDate({ text }, reference).edtf),
    ...withoutReference.map(([text]) => resolvePartialDate({ text }, null).edtf),
  ].filter((value): value is string => value != null);

  it.each([...new Set(produced)])('%s', (value) => {
    expect(() => edtf(value)).not.toThrow();
  });
});

describe('unreadDateWords: words read whole, or why not', () => {
  const read = ['on Monday', 'late October', 'early November', 'in June', 'next June', 'last summer', 'this Monday', 'yesterday', 'next week',
    'a few days ago', 'on Sunday evening', 'earlier this month', 'in 2024', '2025', '2025-02-28', '24 and 25 November', 'sometime in June', 'on Feb. 23'];
  it.each(read)('reads %s whole', (text) => {
    expect(unreadDateWords(text, '2025-11-24')).toBeNull();
    expect(unreadDateWords(text, null)).toBeNull();
  });
  it.each(['in the 12th month', 'sometime next yesterday', '2025-02-30', 'soon', '先週', 'next yesterday'])('cannot read %s', (text) => {
    expect(unreadDateWords(text, '2025-11-24')).toMatch(/no date could be read|not read whole/);
  });
});

describe('repeated readings (each string is read once, then remembered, within a bound)', () => {
  it('words read against another reference day resolve against that day', () => {
    expect(resolvePartialDate({ text: 'on Monday' }, MONDAY)).toMatchObject(day('2025-11-24'));
    expect(resolvePartialDate({ text: 'on Monday' }, WEDNESDAY)).toMatchObject(day('2025-11-03'));
    expect(resolvePartialDate({ text: 'on Monday' }, null)).toMatchObject(unbounded('DAY'));
    expect(resolvePartialDate({ text: 'on Monday' }, MONDAY)).toMatchObject(day('2025-11-24'));
  });

  it('explicit bounds and precision of one call do not carry over to the next', () => {
    expect(resolvePartialDate({ edtf: '2024-10', earliest: '2024-10-05', precision: 'DAY' }, null)).toMatchObject({ earliest: '2024-10-05', latest: '2024-10-31', precision: 'DAY' });
    expect(resolvePartialDate({ edtf: '2024-10' }, null)).toMatchObject(span('2024-10', '2024-10-01', '2024-10-31', 'MONTH'));
  });

  it('a result changed by its caller leaves the next one as it was', () => {
    const first = resolvePartialDate({ edtf: '2023-06-07' }, null);
    first.latest = '2099-01-01';
    first.precision = 'YEAR';
    expect(resolvePartialDate({ edtf: '2023-06-07' }, null)).toMatchObject(day('2023-06-07'));
  });

  it('invalid EDTF is refused every time, each call with its own error', () => {
    const errors = [0, 1].map(() => {
      try {
        resolvePartialDate({ edtf: '2023-02-29' }, null);
      } catch (e) {
        return e;
      }
      return null;
    });
    expect(errors[0]).toBeInstanceOf(RangeError);
    expect(errors[1]).toBeInstanceOf(RangeError);
    expect(errors[1]).not.toBe(errors[0]);
    expect((errors[1] as Error).message).toBe((errors[0] as Error).message);
  });

  it('more distinct dates than the bound: every one still resolves to its own day', () => {
    const days = Array.from({ length: 2600 }, (_, i) => new Date(Date.UTC(1990, 0, 1) + i * 86_400_000).toISOString().slice(0, 10));
    for (const d of days) expect(resolvePartialDate({ edtf: d }, null)).toMatchObject(day(d));
    for (const d of [days[0]!, days[1]!, days.at(-1)!]) expect(resolvePartialDate({ edtf: d }, null)).toMatchObject(day(d));
  });
});
