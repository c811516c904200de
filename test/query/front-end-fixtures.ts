/**
 * Three small articles for the front-end gap tests (entity-article-edges, engagement-facets):
 * links with rel and relevance, and engagements dated by day, part of a month, year, or not at all.
 */
import type { FixtureArticle } from './fixtures.ts';

const alpha = { key: 'a', name: 'Alpha State', kind: 'STATE' };
const late = { text: 'late October', edtf: '2025-10-21/2025-10-31', earliest: '2025-10-21', latest: '2025-10-31', precision: 'PART_OF_MONTH' };
const year = { text: 'this year', edtf: '2025', earliest: '2025-01-01', latest: '2025-12-31', precision: 'YEAR' };
const day = (d: string) => ({ text: `on ${d}`, edtf: d, earliest: d, latest: d, precision: 'DAY' });

export const FRONT_END_ARTICLES: FixtureArticle[] = [
  {
    uri: 'urn:t:g1',
    headline: 'Gamma one',
    publishedAt: '2025-10-05T08:00:00Z',
    people: [
      { key: 'p', name: 'Pia Edge', rel: 'about', relevance: 0.9 },
      { key: 'q', name: 'Quin Edge', rel: 'mentions', relevance: 0.4 },
    ],
    organisations: [{ ...alpha, rel: 'about', relevance: 0.8 }],
    places: [
      { key: 'x', name: 'Xity', kind: 'CITY', rel: 'about' },
      { key: 'y', name: 'Yown', kind: 'CITY', rel: 'mentions', relevance: 0.2 },
    ],
    engagements: [
      { key: 'e1', kind: 'MEETING', cameo: '040', summary: 'Alpha met Pia late in October', date: late, participants: [{ actor: 'a', role: 'HOST' }, { actor: 'p', role: 'GUEST' }] },
      { key: 'e2', kind: 'VISIT', cameo: '042', summary: 'Alpha visited this year', date: year, participants: [{ actor: 'a', role: 'GUEST' }] },
      { key: 'e3', kind: 'CALL', cameo: '040', summary: 'Alpha called Quin', participants: [{ actor: 'a', role: 'HOST' }, { actor: 'q', role: 'GUEST' }] },
      { key: 'e4', kind: 'TALKS', cameo: '046', summary: 'Alpha and Pia held talks', date: day('2025-10-03'), participants: [{ actor: 'a', role: 'HOST' }, { actor: 'p', role: 'GUEST' }] },
    ],
  },
  {
    uri: 'urn:t:g2',
    headline: 'Gamma two',
    publishedAt: '2025-11-02T09:00:00Z',
    people: [{ key: 'p', name: 'Pia Edge', rel: 'mentions', relevance: 0.3 }],
    organisations: [{ ...alpha, rel: 'mentions' }],
    engagements: [
      { key: 'e5', kind: 'MEETING', cameo: '040', summary: 'Alpha met Pia in November', date: day('2025-11-10'), participants: [{ actor: 'a', role: 'HOST' }, { actor: 'p', role: 'GUEST' }] },
      { key: 'e6', kind: 'STATEMENT', cameo: '010', summary: 'Pia made a statement', participants: [{ actor: 'p', role: 'SPEAKER' }] },
    ],
  },
  { uri: 'urn:t:g3', headline: 'Gamma three', people: [{ key: 'q', name: 'Quin Edge', rel: 'about' }] },
];
