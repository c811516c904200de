/** CameoCode: a CAMEO 1.1b3 event code with its root, QuadClass and Goldstein score. */
import { builder } from '../builder.ts';

export const CameoCode = builder.drizzleObject('cameoCodes', {
  name: 'CameoCode',
  description: 'A CAMEO event code (string: the leading zero is part of the code).',
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    rootCode: t.exposeString('rootCode'),
    quadClass: t.exposeInt('quadClass', {
      description: '1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.',
    }),
    goldstein: t.exposeFloat('goldstein', { description: 'Goldstein scale, -10 (conflict) to +10 (cooperation).' }),
  }),
});
