/** Quote (quoted words exactly as printed, with speaker and engagement), Figure (an amount stated) and its Decimal scalar. */
import { canonicalDecimal } from '../../domain/decimal.ts';
import { builder } from '../builder.ts';
import { badInput } from '../errors.ts';
import { Actor, asActor } from './actor.ts';

export const Quote = builder.drizzleNode('quotes', {
  name: 'Quote',
  id: { column: (q) => q.id },
  fields: (t) => ({
    text: t.exposeString('text', { description: 'The quoted words exactly as printed.' }),
    speaker: t.field({
      type: Actor,
      nullable: true,
      select: (_args, _ctx, nested) => ({
        with: {
          speakerPerson: nested(true, [], 'Person') as true,
          speakerOrganisation: nested(true, [], 'Organisation') as true,
        },
      }),
      resolve: (q) =>
        asActor((q as { speakerPerson?: object }).speakerPerson, 'Person') ??
        asActor((q as { speakerOrganisation?: object }).speakerOrganisation, 'Organisation'),
    }),
    article: t.relation('article'),
    engagement: t.relation('engagement', { nullable: true }),
  }),
});

builder.scalarType('Decimal', {
  description:
    'An exact decimal number as a string, canonical: optional "-", integer digits without leading zeros, "." and fraction digits without trailing zeros when there is a fraction; no exponent ("3000000000", "17.91", "9007199254740993").',
  serialize: (v) => v,
  parseValue: (v) => {
    const decimal = typeof v === 'string' ? canonicalDecimal(v) : null;
    if (decimal == null) throw badInput('a Decimal is a decimal number written as a string, e.g. "17.91"');
    return decimal;
  },
});

export const Figure = builder.drizzleObject('figures', {
  name: 'Figure',
  description: "An amount stated in an article, e.g. '$3 billion' → exactValue \"3000000000\", currency USD.",
  fields: (t) => ({
    text: t.exposeString('text'),
    value: t.float({
      description: 'The amount as the nearest double: rounded beyond 2^53 or 15-17 significant digits. exactValue is exact.',
      resolve: (f) => Number(f.value),
    }),
    exactValue: t.field({
      type: 'Decimal',
      description: 'The amount exactly as stated, a decimal string ("17.91", "9007199254740993").',
      resolve: (f) => f.value,
    }),
    currency: t.exposeString('currency', { nullable: true, description: 'ISO 4217 code.' }),
    unit: t.exposeString('unit', { nullable: true }),
    metric: t.exposeString('metric', { nullable: true, description: "What is measured, e.g. 'bilateral trade'." }),
  }),
});
