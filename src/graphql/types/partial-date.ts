/**
 * PartialDate: a date as the source gives it (words, EDTF, precision, earliest/latest day).
 * Rows carry the five `<prefix>_*` columns from `partialDate()` in the schema, read by the
 * codec in src/db/partial-date-columns.ts; this module turns them into the GraphQL object.
 */
import { storedPartialDate, type PartialDateColumns, type PartialDatePrefix } from '../../db/partial-date-columns.ts';
import { DATE_PRECISIONS } from '../../db/schema.ts';
import type { PartialDate as ResolvedPartialDate } from '../../domain/partial-date.ts';
import { builder } from '../builder.ts';

export const DatePrecisionEnum = builder.enumType('DatePrecision', {
  description: 'How precisely the source dates something; PART_OF_MONTH is e.g. "late October".',
  values: DATE_PRECISIONS,
});

/** The GraphQL shape of a partial date: the resolved one (EDTF = ISO 8601-2; days are YYYY-MM-DD). */
export type PartialDateShape = ResolvedPartialDate;

export const PartialDate = builder.objectRef<PartialDateShape>('PartialDate').implement({
  description: 'A date as the source gives it: its words, its EDTF form and the calendar bounds it allows.',
  fields: (t) => ({
    text: t.exposeString('text', { nullable: true, description: "The source's words, e.g. 'late October', 'on Monday'." }),
    edtf: t.exposeString('edtf', { nullable: true, description: "EDTF (ISO 8601-2) form, e.g. '2025-10-21/2025-10-31'." }),
    precision: t.field({ type: DatePrecisionEnum, resolve: (d) => d.precision }),
    earliest: t.exposeString('earliest', {
      nullable: true,
      description: 'Earliest calendar day it can be (YYYY-MM-DD), null when unknown.',
    }),
    latest: t.exposeString('latest', { nullable: true, description: 'Latest calendar day it can be (YYYY-MM-DD), null when unknown.' }),
  }),
});

/**
 * Read the partial date stored under `prefix` on a row; null when the row has none
 * (no words, no EDTF and no bounds).
 */
export function partialDateOf<P extends PartialDatePrefix>(row: PartialDateColumns<P>, prefix: P): PartialDateShape | null {
  const d = storedPartialDate(row, prefix);
  return d && (d.text || d.edtf || d.earliest || d.latest) ? d : null;
}
