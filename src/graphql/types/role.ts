/** Role: a position a person holds or held (Secretary of a council, Ambassador to a country). */
import { builder } from '../builder.ts';
import { PartialDate, partialDateOf } from './partial-date.ts';

export const Role = builder.drizzleObject('roles', {
  name: 'Role',
  description: 'A position a person holds or held, e.g. Secretary of a council, Ambassador to a country.',
  fields: (t) => ({
    title: t.exposeString('title'),
    person: t.relation('person'),
    organisation: t.relation('organisation', { nullable: true }),
    started: t.field({ type: PartialDate, nullable: true, resolve: (r) => partialDateOf(r, 'started') }),
    ended: t.field({ type: PartialDate, nullable: true, resolve: (r) => partialDateOf(r, 'ended') }),
  }),
});
