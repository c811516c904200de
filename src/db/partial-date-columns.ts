/**
 * The partial-date column codec, the one place that spells the five columns of a partial date
 * (`partialDate(prefix)` in ./schema.ts: `<prefix>_text`, `_edtf`, `_precision`, `_earliest`,
 * `_latest`; in Drizzle `<prefix>Text` ... `<prefix>Latest`).
 *
 * `partialDateColumns` writes a resolved `PartialDate` (src/domain/partial-date.ts) into them,
 * `storedPartialDate` reads it back, `partialDateSelection` names them for a relational query.
 * A row stores no date when all five are null; a resolved date always has a precision (UNKNOWN
 * when its words say nothing), and a stored one read without a precision is UNKNOWN.
 */
import type { PartialDate } from '../domain/partial-date.ts';
import type { DatePrecision } from '../domain/vocabulary.ts';

/** The partial dates the tables store: engagements' `date`, roles' `started` and `ended`. */
export type PartialDatePrefix = 'date' | 'started' | 'ended';

/** The five columns of the partial date `P`, as Drizzle names them on a row. */
export type PartialDateColumns<P extends PartialDatePrefix> = Record<
  `${P}Text` | `${P}Edtf` | `${P}Earliest` | `${P}Latest`,
  string | null
> &
  Record<`${P}Precision`, DatePrecision | null>;

/** The five column names of `P` as a Drizzle relational `columns` selection. */
export type PartialDateSelection<P extends PartialDatePrefix> = Record<keyof PartialDateColumns<P>, true>;

const names = <P extends PartialDatePrefix>(prefix: P) => ({
  text: `${prefix}Text`,
  edtf: `${prefix}Edtf`,
  precision: `${prefix}Precision`,
  earliest: `${prefix}Earliest`,
  latest: `${prefix}Latest`,
}) as const;

/**
 * Write: the five columns under `prefix` holding `date`; all null for no date.
 * @example partialDateColumns('started', { text: 'in 2024', edtf: '2024', precision: 'YEAR', earliest: '2024-01-01', latest: '2024-12-31' })
 *   // { startedText: 'in 2024', startedEdtf: '2024', startedPrecision: 'YEAR', startedEarliest: '2024-01-01', startedLatest: '2024-12-31' }
 */
export function partialDateColumns<P extends PartialDatePrefix>(prefix: P, date: PartialDate | null): PartialDateColumns<P> {
  const n = names(prefix);
  return {
    [n.text]: date?.text ?? null,
    [n.edtf]: date?.edtf ?? null,
    [n.precision]: date ? date.precision : null,
    [n.earliest]: date?.earliest ?? null,
    [n.latest]: date?.latest ?? null,
  } as PartialDateColumns<P>;
}

/**
 * Read: the partial date a row stores under `prefix`, null when all five columns are null (a
 * missing precision reads as UNKNOWN). `row` needs the five columns (see `partialDateSelection`).
 */
export function storedPartialDate<P extends PartialDatePrefix>(row: PartialDateColumns<P>, prefix: P): PartialDate | null {
  const n = names(prefix);
  const cells = row as Record<string, string | null>;
  const date = {
    text: cells[n.text] ?? null,
    edtf: cells[n.edtf] ?? null,
    precision: (cells[n.precision] ?? null) as DatePrecision | null,
    earliest: cells[n.earliest] ?? null,
    latest: cells[n.latest] ?? null,
  };
  if (Object.values(date).every((v) => v === null)) return null;
  return { ...date, precision: date.precision ?? 'UNKNOWN' };
}

/** The five columns of `prefix` to select in a relational query: `{ dateText: true, ... }`. */
export function partialDateSelection<P extends PartialDatePrefix>(prefix: P): PartialDateSelection<P> {
  return Object.fromEntries(Object.values(names(prefix)).map((name) => [name, true])) as PartialDateSelection<P>;
}
