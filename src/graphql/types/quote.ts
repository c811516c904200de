/** Quote (quoted words exactly as printed, with speaker and engagement) and Figure (an amount stated). */
import { builder } from '../builder.ts';
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

export const Figure = builder.drizzleObject('figures', {
  name: 'Figure',
  description: "An amount stated in an article, e.g. '$3 billion' → value 3000000000, currency USD.",
  fields: (t) => ({
    text: t.exposeString('text'),
    value: t.exposeFloat('value'),
    currency: t.exposeString('currency', { nullable: true, description: 'ISO 4217 code.' }),
    unit: t.exposeString('unit', { nullable: true }),
    metric: t.exposeString('metric', { nullable: true, description: "What is measured, e.g. 'bilateral trade'." }),
  }),
});
