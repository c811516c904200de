/**
 * A hand-built document of a short harbour-minister article (the project's own text) scored as
 * the entities stage scores it (rel, relevance), run through the quotes, engagements and figures
 * stages and written as a bundle: the fixture of the bundle
 * tests, the pure one (../bundle.test.ts) and the database one (./integration/bundle-load.test.ts).
 */
import { toBundle } from '../../src/extract/bundle.ts';
import { engagements } from '../../src/extract/stages/engagements.ts';
import { scoreEntities } from '../../src/extract/stages/entities.ts';
import { figures } from '../../src/extract/stages/figures.ts';
import { quotes } from '../../src/extract/stages/quotes.ts';
import { makeDoc, type EntitySpec } from './doc.ts';

export const CAST: EntitySpec[] = [
  { id: 'p1', type: 'person', name: 'Lena Okafor', aliases: ['Okafor'], roles: [{ title: 'Harbour Minister', organisation: 'o1', country: 'c2' }] },
  { id: 'p2', type: 'person', name: 'Kwame Mensah', aliases: ['Mensah'], roles: [{ title: 'President' }] },
  { id: 'o1', type: 'organisation', name: 'Harbour Ministry', kind: 'MINISTRY', country: 'c2' },
  { id: 'o2', type: 'organisation', name: 'Ghana', kind: 'STATE', country: 'c1' },
  { id: 'c1', type: 'place', name: 'Ghana', kind: 'COUNTRY', iso3166: 'GH' },
  { id: 'c2', type: 'place', name: 'Nigeria', kind: 'COUNTRY', iso3166: 'NG' },
  { id: 'a1', type: 'place', name: 'Accra', kind: 'CITY', country: 'c1' },
];
export const BODY = [
  'ACCRA – Harbour Minister Lena Okafor arrived in Accra on Tuesday for a three-day visit at the invitation of President Kwame Mensah.',
  '“We have come to build,” Okafor said. The two leaders are expected to sign a port agreement worth $1.5 billion next week.',
  'A summit is planned.',
].join('\n');

export function extracted(input: { headline?: string; uri?: string } = {}) {
  const doc = makeDoc({ headline: input.headline ?? 'Nigeria’s harbour minister visits Ghana', body: BODY, published: '2025-03-12T08:00:00Z', uri: input.uri }, CAST);
  doc.dateline = { text: 'ACCRA', place: 'a1', span: { start: doc.bodyStart, end: doc.bodyStart + 5 } };
  scoreEntities(doc);
  quotes(doc);
  engagements(doc);
  figures(doc);
  return { doc, bundle: toBundle(doc) };
}
