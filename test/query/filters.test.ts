/**
 * EngagementFilter and ArticleFilter exactly as the contract has them, the `query` of the entity
 * lists, and partial dates end to end: resolved by the loader against a bundle's reference date
 * (or its publication day), then filtered by range overlap and ordered by DATE.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { appWith, idOf, type FixtureArticle } from './fixtures.ts';

const places = [
  { key: 'iran', name: 'Iran', kind: 'COUNTRY', iso3166: 'IR' },
  { key: 'pakistan', name: 'Pakistan', kind: 'COUNTRY', iso3166: 'PK' },
  { key: 'tehran', name: 'Tehran', kind: 'CITY', country: 'iran', rel: 'about' as const },
  { key: 'islamabad', name: 'Islamabad', kind: 'CITY', country: 'pakistan' },
];
const states = [
  { key: 'iran-state', name: 'Iran', kind: 'STATE', country: 'iran', rel: 'about' as const },
  { key: 'pakistan-state', name: 'Pakistan', kind: 'STATE', country: 'pakistan' },
  { key: 'turkey-state', name: 'Türkiye', kind: 'STATE', aliases: ['Turkey'] },
];
const both = [
  { actor: 'iran-state', role: 'GUEST' },
  { actor: 'pakistan-state', role: 'HOST' },
];

const articles: FixtureArticle[] = [
  {
    // No referenceDate: relative dates resolve against the publication day, Monday 24 November 2025.
    uri: 'urn:t:news-1',
    headline: 'Iran and Pakistan, a month of visits',
    publishedAt: '2025-11-24T09:30:00Z',
    people: [
      { key: 'xerxes', name: 'Xerxes Filter', rel: 'about' },
      { key: 'yasmin', name: 'Yasmin Filter' },
      { key: 'lech', name: 'Łukasz Żółć-Wałęsa', aliases: ['Wałęsa'] },
    ],
    organisations: states,
    places,
    engagements: [
      { key: 'visit', kind: 'VISIT', cameo: '042', summary: 'current visit, date not given', place: 'islamabad', participants: both },
      { key: 'late-oct', kind: 'MEETING', cameo: '040', summary: 'late October meeting', date: { text: 'late October' }, place: 'tehran', participants: both },
      { key: 'early-nov', kind: 'DELEGATION', cameo: '042', summary: 'early November delegation', date: { text: 'early November' }, place: 'islamabad', participants: both },
      { key: 'monday', kind: 'STATEMENT', cameo: '013', summary: 'remarks on Monday', date: { text: 'on Monday' }, participants: [{ actor: 'pakistan-state', role: 'SPEAKER' }] },
      { key: 'june-war', kind: 'CONFLICT', cameo: '190', summary: 'June conflict', date: { text: 'in June' }, place: 'tehran', participants: [{ actor: 'turkey-state', role: 'PARTICIPANT' }, { actor: 'iran-state', role: 'TARGET' }] },
      { key: 'june-talks', kind: 'TALKS', cameo: '043', summary: 'June talks of three', date: { text: 'in June' }, participants: [...both, { actor: 'turkey-state', role: 'PARTICIPANT' }] },
    ],
  },
  {
    // A referenceDate other than the publication day wins: "last week" is 6..12 October 2025.
    uri: 'urn:t:news-2',
    headline: 'Older piece',
    publishedAt: '2025-10-01T12:00:00Z',
    referenceDate: '2025-10-15',
    people: [{ key: 'xerxes', name: 'Xerxes Filter', rel: 'mentions' }],
    organisations: [{ key: 'turkey-state', name: 'Türkiye', kind: 'STATE' }],
    engagements: [
      { key: 'last-week', kind: 'CALL', cameo: '040', summary: 'a call last week', date: { text: 'last week' }, participants: [{ actor: 'turkey-state', role: 'SPEAKER' }] },
    ],
  },
  {
    uri: 'urn:t:news-3',
    headline: 'Undated piece',
    people: [{ key: 'yasmin', name: 'Yasmin Filter', rel: 'about' }],
    places: [{ key: 'islamabad', name: 'Islamabad', kind: 'CITY', rel: 'about' }],
  },
];

let t: TestApp;
const ids: Record<string, string> = {};
beforeAll(async () => {
  t = await appWith(articles);
  for (const [k, slug] of [['iranState', 'iran'], ['pakistanState', 'pakistan'], ['turkeyState', 'turkiye']] as const) ids[k] = await idOf(t, 'organisation', slug);
  for (const [k, slug] of [['xerxes', 'xerxes-filter'], ['yasmin', 'yasmin-filter']] as const) ids[k] = await idOf(t, 'person', slug);
  const res = await t.gql('{ places(first: 20) { edges { node { id name kind } } } }');
  for (const { node } of res.body.data.places.edges) ids[`${node.kind}:${node.name}`] = node.id;
});
afterAll(() => t.close());

async function engagements(filter: string, orderBy = 'DATE_ASC'): Promise<string[]> {
  const res = await t.gql(`{ engagements(first: 50, orderBy: ${orderBy}, filter: { ${filter} }) { totalCount edges { node { summary } } } }`);
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  expect(res.statements).toBe(1);
  const list = res.body.data.engagements.edges.map((e: { node: { summary: string } }) => e.node.summary);
  expect(res.body.data.engagements.totalCount).toBe(list.length);
  return list;
}

describe('partial dates through the loader', () => {
  it('resolve against the publication day, or the bundle referenceDate when given', async () => {
    const res = await t.gql('{ engagements(first: 50, orderBy: DATE_ASC) { edges { node { summary date { text edtf precision earliest latest } } } } }');
    const by = Object.fromEntries(res.body.data.engagements.edges.map((e: { node: { summary: string; date: unknown } }) => [e.node.summary, e.node.date]));
    expect(by['remarks on Monday']).toMatchObject({ edtf: '2025-11-24', precision: 'DAY', earliest: '2025-11-24', latest: '2025-11-24' });
    expect(by['late October meeting']).toMatchObject({ precision: 'PART_OF_MONTH', earliest: '2025-10-21', latest: '2025-10-31' });
    expect(by['early November delegation']).toMatchObject({ earliest: '2025-11-01', latest: '2025-11-10' });
    expect(by['June conflict']).toMatchObject({ precision: 'MONTH', earliest: '2025-06-01', latest: '2025-06-30' });
    expect(by['a call last week']).toMatchObject({ earliest: '2025-10-06', latest: '2025-10-12' });
    expect(by['current visit, date not given']).toBeNull();
  });

  it('"late October 2025" overlaps 2025-10-25..2025-11-05; unknown dates never match a range', async () => {
    expect(await engagements('from: "2025-10-25", to: "2025-11-05"')).toEqual(['late October meeting', 'early November delegation']);
    expect(await engagements('from: "2025-11-11"')).toEqual(['remarks on Monday']);
    expect(await engagements('to: "2025-06-01"')).toEqual(['June conflict', 'June talks of three']);
    expect(await engagements('from: "2025-10-31", to: "2025-10-31"')).toEqual(['late October meeting']);
    expect(await engagements('from: "2025-11-11", to: "2025-11-23"')).toEqual([]);
  });

  it('DATE ordering puts early November after late October, unknown dates last, both directions', async () => {
    const asc = await engagements('');
    expect(asc).toEqual([
      'June conflict',
      'June talks of three',
      'a call last week',
      'late October meeting',
      'early November delegation',
      'remarks on Monday',
      'current visit, date not given',
    ]);
    const desc = await engagements('', 'DATE_DESC');
    expect(desc).toEqual([
      'remarks on Monday',
      'early November delegation',
      'late October meeting',
      'a call last week',
      'June talks of three', // the two June engagements tie on their latest day: id breaks the tie (desc)
      'June conflict',
      'current visit, date not given',
    ]);
  });
});

describe('EngagementFilter', () => {
  it('participants: ALL of the actors ("between Iran and Pakistan"); anyParticipants: ANY', async () => {
    expect(await engagements(`participants: ["${ids.iranState}", "${ids.pakistanState}"]`)).toEqual([
      'June talks of three',
      'late October meeting',
      'early November delegation',
      'current visit, date not given',
    ]);
    expect(await engagements(`participants: ["${ids.iranState}", "${ids.pakistanState}", "${ids.turkeyState}"]`)).toEqual(['June talks of three']);
    expect((await engagements(`anyParticipants: ["${ids.turkeyState}", "${ids.pakistanState}"]`)).length).toBe(7);
    expect(await engagements(`anyParticipants: ["${ids.turkeyState}"], participants: ["${ids.iranState}"]`)).toEqual(['June conflict', 'June talks of three']);
  });

  it('kinds, CAMEO roots and QuadClass', async () => {
    expect(await engagements('kinds: [VISIT, DELEGATION]')).toEqual(['early November delegation', 'current visit, date not given']);
    expect(await engagements('cameoRoots: ["19"]')).toEqual(['June conflict']);
    expect(await engagements('cameoRoots: ["01", "19"]')).toEqual(['June conflict', 'remarks on Monday']);
    expect(await engagements('quadClasses: [4]')).toEqual(['June conflict']);
    expect((await engagements('quadClasses: [1]')).length).toBe(6);
  });

  it('place: a city, or anywhere in a country', async () => {
    expect(await engagements(`place: "${ids['CITY:Tehran']}"`)).toEqual(['June conflict', 'late October meeting']);
    expect(await engagements(`place: "${ids['COUNTRY:Iran']}"`)).toEqual(['June conflict', 'late October meeting']);
    expect(await engagements(`place: "${ids['COUNTRY:Pakistan']}"`)).toEqual(['early November delegation', 'current visit, date not given']);
    expect(await engagements(`place: "${ids['COUNTRY:Pakistan']}", from: "2025-11-01"`)).toEqual(['early November delegation']);
  });

  it('the same filter on a nested connection, in the parent statement', async () => {
    const res = await t.gql(`{ organisation(slug: "iran") { engagements(first: 2, orderBy: DATE_ASC, filter: { participants: ["${ids.pakistanState}"], from: "2025-10-01" }) {
      totalCount edges { node { summary } } } } }`);
    expect(res.statements).toBe(1);
    expect(res.body.data.organisation.engagements).toEqual({
      totalCount: 2,
      edges: [{ node: { summary: 'late October meeting' } }, { node: { summary: 'early November delegation' } }],
    });
  });

  it('bad values are BAD_USER_INPUT naming the argument', async () => {
    for (const filter of [
      'cameoRoots: ["4"]',
      'quadClasses: [5]',
      'from: "2025-11-05", to: "2025-10-25"',
      'from: "25 October"',
      `place: "${ids.iranState}"`,
      `participants: ["${ids['CITY:Tehran']}"]`,
      'anyParticipants: ["garbage"]',
    ]) {
      const res = await t.gql(`{ engagements(first: 1, filter: { ${filter} }) { totalCount } }`);
      expect(res.body.errors?.[0]?.extensions?.code, filter).toBe('BAD_USER_INPUT');
      expect(res.body.errors?.[0]?.extensions?.argument, filter).toMatch(/^filter\./);
    }
  });
});

describe('ArticleFilter', () => {
  async function uris(filter: string): Promise<string[]> {
    const res = await t.gql(`{ articles(first: 50, orderBy: PUBLISHED_ASC, filter: { ${filter} }) { totalCount edges { node { uri } } } }`);
    expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
    expect(res.statements).toBe(1);
    const list = res.body.data.articles.edges.map((e: { node: { uri: string } }) => e.node.uri);
    expect(res.body.data.articles.totalCount).toBe(list.length);
    return list;
  }

  it('linked entities (all of them), with rel', async () => {
    expect(await uris(`people: ["${ids.xerxes}"]`)).toEqual(['urn:t:news-2', 'urn:t:news-1']);
    expect(await uris(`people: ["${ids.xerxes}"], rel: ABOUT`)).toEqual(['urn:t:news-1']);
    expect(await uris(`people: ["${ids.xerxes}", "${ids.yasmin}"]`)).toEqual(['urn:t:news-1']);
    expect(await uris(`people: ["${ids.yasmin}"], rel: ABOUT`)).toEqual(['urn:t:news-3']);
    expect(await uris(`organisations: ["${ids.turkeyState}"]`)).toEqual(['urn:t:news-2', 'urn:t:news-1']);
    expect(await uris(`organisations: ["${ids.iranState}"], rel: ABOUT`)).toEqual(['urn:t:news-1']);
    expect(await uris(`places: ["${ids['CITY:Islamabad']}"]`)).toEqual(['urn:t:news-1', 'urn:t:news-3']);
    expect(await uris(`places: ["${ids['CITY:Islamabad']}"], rel: ABOUT`)).toEqual(['urn:t:news-3']);
  });

  it('publication range (a date includes its whole day; undated articles never match)', async () => {
    expect(await uris('publishedFrom: "2025-11-01"')).toEqual(['urn:t:news-1']);
    expect(await uris('publishedTo: "2025-10-01"')).toEqual(['urn:t:news-2']);
    expect(await uris('publishedFrom: "2025-10-01T12:00:00Z", publishedTo: "2025-11-24T09:30:00Z"')).toEqual(['urn:t:news-2', 'urn:t:news-1']);
    expect(await uris('publishedFrom: "2025-10-01T12:00:01+00:00"')).toEqual(['urn:t:news-1']);
  });

  it('engagement and query', async () => {
    const e = await t.gql('{ engagements(first: 1, filter: { kinds: [CALL] }) { edges { node { id } } } }');
    expect(await uris(`engagement: "${e.body.data.engagements.edges[0].node.id}"`)).toEqual(['urn:t:news-2']);
    expect(await uris('query: "visits"')).toEqual(['urn:t:news-1']);
    expect(await uris(`query: "piece", people: ["${ids.yasmin}"]`)).toEqual(['urn:t:news-3']);
    expect(await uris('query: "?!"')).toEqual([]);
  });

  it('bad values are BAD_USER_INPUT', async () => {
    for (const filter of ['publishedFrom: "yesterday"', `people: ["${ids.iranState}"]`, 'engagement: "x"']) {
      const res = await t.gql(`{ articles(first: 1, filter: { ${filter} }) { totalCount } }`);
      expect(res.body.errors?.[0]?.extensions?.code, filter).toBe('BAD_USER_INPUT');
    }
  });
});

describe('query on people, organisations and places: a folded prefix of a word of a name or alias', () => {
  async function names(field: string, query: string): Promise<string[]> {
    const res = await t.gql(`{ ${field}(first: 50, query: ${JSON.stringify(query)}) { totalCount edges { node { name } } } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.statements).toBe(1);
    return res.body.data[field].edges.map((e: { node: { name: string } }) => e.node.name);
  }

  it('prefix of the name or of any word of it, case and diacritics folded', async () => {
    expect(await names('people', 'xer')).toEqual(['Xerxes Filter']);
    expect(await names('people', 'FILTER')).toEqual(['Xerxes Filter', 'Yasmin Filter']);
    expect(await names('people', 'xerxes fil')).toEqual(['Xerxes Filter']);
    expect(await names('people', 'lukasz zolc')).toEqual(['Łukasz Żółć-Wałęsa']);
    expect(await names('people', 'walesa')).toEqual(['Łukasz Żółć-Wałęsa']);
    expect(await names('people', 'Wałę')).toEqual(['Łukasz Żółć-Wałęsa']);
  });

  it('aliases count, and the kind filter still applies', async () => {
    expect(await names('organisations', 'turk')).toEqual(['Türkiye']);
    expect(await names('organisations', 'turkiye')).toEqual(['Türkiye']);
    const res = await t.gql('{ organisations(first: 5, query: "i", kinds: [STATE]) { totalCount edges { node { name } } } }');
    expect(res.body.data.organisations.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(['Iran']);
    expect(await names('places', 'teh')).toEqual(['Tehran']);
    expect(await names('places', 'I')).toEqual(['Iran', 'Islamabad']);
    expect(await names('places', 'isl')).toEqual(['Islamabad']);
  });

  it('nothing word-like matches nothing', async () => {
    expect(await names('people', '--')).toEqual([]);
    expect(await names('places', 'zzz')).toEqual([]);
  });
});

describe('on the seed', () => {
  it('engagements between Iran and Pakistan (all-of, the STATE organisations) include the visit, the late-October meeting and the early-November parliamentary visit', async () => {
    const s = await appWith([], { seed: true });
    try {
      const iran = await idOf(s, 'organisation', 'iran');
      const pakistan = await idOf(s, 'organisation', 'pakistan');
      const res = await s.gql(`{ engagements(first: 20, filter: { participants: ["${iran}", "${pakistan}"] }) { totalCount edges { node { kind date { text } place { name } } } } }`);
      expect(res.body.errors).toBeUndefined();
      expect(res.statements).toBe(1);
      const found = res.body.data.engagements.edges.map((e: { node: { kind: string; date: { text: string } | null; place: { name: string } | null } }) => e.node);
      expect(found).toContainEqual({ kind: 'VISIT', date: { text: null }, place: { name: 'Islamabad' } });
      expect(found).toContainEqual({ kind: 'MEETING', date: { text: 'late October' }, place: { name: 'Tehran' } });
      expect(found).toContainEqual({ kind: 'DELEGATION', date: { text: 'early November' }, place: { name: 'Islamabad' } });
      expect(res.body.data.engagements.totalCount).toBe(found.length);
    } finally {
      s.close();
    }
  });
});
