/**
 * Search: every class of user input searches literally (never FTS5 syntax), folding on both
 * sides (case, diacritics, letters Unicode does not decompose, modifier letters), non-Latin
 * scripts searchable as themselves, prefix on the last word, relevance paging, the index kept in
 * sync by the write path, and the statement cost (one, whatever the nodes select).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articles as articlesTable, people as peopleTable } from '../../src/db/schema.ts';
import { loadBundle } from '../../src/ingest/load.ts';
import type { TestApp } from '../helpers/app.ts';
import { appWith, bundle, type FixtureArticle } from './fixtures.ts';

const folding: FixtureArticle = {
  uri: 'urn:t:folding',
  headline: 'Names that do not decompose',
  body: 'A list of names.',
  people: [
    { key: 'l', name: 'Łukasz Żółć' },
    { key: 'o', name: 'Søren Ødegård' },
    { key: 'd', name: 'Đorđe Balašević' },
    { key: 'i', name: 'Işıl Yılmaz' },
    { key: 's', name: 'Hans Großmann' },
    { key: 'ae', name: 'Æsa Ærø' },
    { key: 'ayn', name: 'ʿAlī al-Sīstānī' },
    { key: 'hamza', name: 'Muḥammad ʾAbd' },
    { key: 'q', name: 'Mohammad Qalibaf', aliases: ['Ghalibaf'] },
  ],
};

const punctuation: FixtureArticle = {
  uri: 'urn:t:punctuation',
  headline: 'Iran’s trade with O’Brien & Co. tops $3 billion',
  body: [
    'The 12-day war ended. U.S. officials said 50% of it was (parenthetical) and *starred*.',
    'To be or not to be near the title: field, said O\'Brien.',
    'A <b>bold</b> claim with "quoted words".',
  ].join('\n'),
};

const scripts: FixtureArticle = {
  uri: 'urn:t:scripts',
  headline: 'Тегеран и Исламабад',
  body: 'طهران لاریجانی 伊朗总统访问 Ελλάδα',
  people: [{ key: 'larijani-fa', name: 'علی لاریجانی' }],
};

const engagement: FixtureArticle = {
  uri: 'urn:t:engagement',
  headline: 'Quiet day',
  body: 'Nothing much.',
  organisations: [{ key: 'x', name: 'Xylophone Council', kind: 'OTHER', acronym: 'XYC' }],
  engagements: [{ key: 'e', summary: 'The Xylophone Council held a concert in Łódź', participants: [{ actor: 'x', role: 'HOST' }] }],
};

const possessive: FixtureArticle = {
  uri: 'urn:t:possessive',
  headline: 'Envoy arrives',
  body: 'Ali Larijani said the talks were serious. Sources say so.',
  people: [{ key: 'l', name: 'Ali Larijani' }],
};

const alias: FixtureArticle = {
  uri: 'urn:t:alias',
  headline: 'Envoys received',
  body: 'Bagher Zolghadr met the envoys.',
  people: [{ key: 'z', name: 'Bagher Zolghadr', aliases: ['Zolqadr'] }],
  engagements: [{ key: 'm', summary: 'Zolghadr met the envoys', participants: [{ actor: 'z', role: 'HOST' }] }],
};

const misspelt: FixtureArticle = {
  uri: 'urn:t:misspelt',
  headline: 'A letter to Qalibaff',
  body: 'The name is misspelt here.',
};

let t: TestApp;
beforeAll(async () => {
  t = await appWith([folding, punctuation, scripts, engagement, possessive, alias, misspelt]);
});
afterAll(() => t.close());

interface Hit {
  score: number;
  highlight: string | null;
  node: { __typename: string; name?: string; headline?: string; summary?: string };
}

async function search(query: string, extra = ''): Promise<{ hits: Hit[]; totalCount: number; statements: number | undefined }> {
  const res = await t.gql(
    `query($q: String!) { search(query: $q, first: 20${extra}) { totalCount edges { score highlight node { __typename
      ... on Person { name } ... on Organisation { name } ... on Place { name } ... on Article { headline } ... on Engagement { summary } } } } }`,
    { q: query },
  );
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  return { hits: res.body.data.search.edges, totalCount: res.body.data.search.totalCount, statements: res.statements };
}

const labels = (hits: Hit[]) => hits.map((h) => h.node.name ?? h.node.headline ?? h.node.summary);

describe('user input is searched literally, never as FTS5 syntax', () => {
  const punctuationHeadline = 'Iran’s trade with O’Brien & Co. tops $3 billion';
  const cases: [string, string][] = [
    ['double quotes', '"quoted words"'],
    ['an unbalanced quote', '"quoted'],
    ['a straight apostrophe', "Iran's"],
    ['a curly apostrophe', 'Iran’s'],
    ["a straight apostrophe inside a name", "O'Brien"],
    ['hyphens', '12-day'],
    ['dots', 'U.S.'],
    ['a dollar sign', '$3 billion'],
    ['a percent sign', '50%'],
    ['an asterisk', '*starred*'],
    ['parentheses', '(parenthetical)'],
    ['an unbalanced parenthesis', 'parenthetical)'],
    ['OR as a word', 'be OR not'],
    ['NOT as a word', 'not to be'],
    ['AND as a word', 'trade AND billion'],
    ['NEAR as a word', 'near the'],
    ['NEAR() syntax', 'NEAR(the title)'],
    ['a column-like word:', 'title: field'],
    ['an ampersand', 'O’Brien & Co.'],
    ['HTML', '<b>bold</b>'],
  ];
  for (const [what, query] of cases) {
    it(`${what}: ${query}`, async () => {
      const { hits } = await search(query);
      expect(labels(hits)).toContain(punctuationHeadline);
    });
  }

  it('words that are not in the text still narrow the result (every word must match)', async () => {
    expect((await search('trade AND xylophone')).hits).toEqual([]);
    expect((await search('headline: trade')).hits).toEqual([]); // "headline" is not a word of it: no column filter
  });

  it('a query of only punctuation is an empty result, not an error, and costs no statement', async () => {
    for (const query of ['', '   ', '?!', '"', "'", '’', '-', '...', '$', '%', '*', '()', ':', '—…·', '"*" ()', ':-) ;-(']) {
      const { hits, totalCount, statements } = await search(query);
      expect(hits, query).toEqual([]);
      expect(totalCount).toBe(0);
      expect(statements).toBe(0);
    }
  });

  it('a query longer than 256 characters is BAD_USER_INPUT', async () => {
    const res = await t.gql('query($q: String!) { search(query: $q) { totalCount } }', { q: 'a '.repeat(200) });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('folding on both sides', () => {
  const finds = async (query: string, name: string) => expect(labels((await search(query)).hits), query).toContain(name);

  it('case and decomposable diacritics', async () => {
    await finds('HANS', 'Hans Großmann');
    await finds('balasevic', 'Đorđe Balašević');
    await finds('sistani', 'ʿAlī al-Sīstānī');
    await finds('Qālībāf', 'Mohammad Qalibaf'); // diacritics in the query, none in the name
  });
  it('ł ż ó ć', async () => {
    await finds('lukasz zolc', 'Łukasz Żółć');
    await finds('Łukasz', 'Łukasz Żółć');
  });
  it('ø and å', () => finds('soren odegard', 'Søren Ødegård'));
  it('đ', () => finds('dorde', 'Đorđe Balašević'));
  it('dotless ı (and ş)', () => finds('isil yilmaz', 'Işıl Yılmaz'));
  it('ß', () => finds('grossmann', 'Hans Großmann'));
  it('æ', () => finds('aesa aero', 'Æsa Ærø'));
  it('modifier letters ʿ and ʾ', async () => {
    await finds('ali al-sistani', 'ʿAlī al-Sīstānī');
    await finds('ʿAli', 'ʿAlī al-Sīstānī');
    await finds('abd', 'Muḥammad ʾAbd');
  });
  it('in article and engagement text too (folded by the loader, not only entity names)', async () => {
    await finds('lodz concert', 'The Xylophone Council held a concert in Łódź');
  });
  it('aliases and acronyms', async () => {
    await finds('ghalibaf', 'Mohammad Qalibaf');
    await finds('xyc', 'Xylophone Council');
  });
});

describe('non-Latin text is searchable as itself (and by its transliteration)', () => {
  const finds = async (query: string, label: string) => expect(labels((await search(query)).hits), query).toContain(label);
  it('Cyrillic, any case', async () => {
    await finds('Тегеран', 'Тегеран и Исламабад');
    await finds('ИСЛАМАБАД', 'Тегеран и Исламабад');
    await finds('тегеран исламабад', 'Тегеран и Исламабад');
  });
  it('Arabic and Persian', async () => {
    await finds('طهران', 'Тегеран и Исламабад');
    await finds('لاریجانی', 'علی لاریجانی');
  });
  it('Greek', () => finds('ελλαδα', 'Тегеран и Исламабад'));
  it('CJK: a run is a token; its start finds it (type-ahead prefix)', () => finds('伊朗', 'Тегеран и Исламабад'));
});

describe('ranking, types, prefix, highlight, paging', () => {
  it('the last word is a prefix; earlier words are whole words', async () => {
    expect(labels((await search('qali')).hits)).toContain('Mohammad Qalibaf');
    expect(labels((await search('qali mohammad')).hits)).not.toContain('Mohammad Qalibaf');
    expect(labels((await search('mohammad qali')).hits)).toContain('Mohammad Qalibaf');
  });

  it('types narrows the union', async () => {
    const people = await search('council', ', types: [PERSON]');
    expect(people.hits).toEqual([]);
    const orgs = await search('council', ', types: [ORGANISATION, ENGAGEMENT]');
    expect(orgs.hits.map((h) => h.node.__typename).sort()).toEqual(['Engagement', 'Organisation']);
    expect(orgs.totalCount).toBe(2);
  });

  it('scores are positive and descending; highlights mark the matched words, folded, HTML-escaped', async () => {
    const { hits } = await search('council');
    expect(hits.length).toBe(2);
    expect(hits[0]!.score).toBeGreaterThanOrEqual(hits[1]!.score);
    for (const h of hits) expect(h.score).toBeGreaterThan(0);
    expect((await search('lukasz')).hits[0]!.highlight).toBe('<mark>Łukasz</mark> Żółć');
    expect((await search('bold')).hits[0]!.highlight).toContain('&lt;b&gt;<mark>bold</mark>&lt;/b&gt;');
    expect((await search('ghalib')).hits[0]!.highlight).toBe('<mark>Ghalibaf</mark>');
  });

  it('pages through results in rank order without repeats, forward and backward', async () => {
    const all = (await search('a')).hits.map((h) => labels([h])[0]);
    expect(all.length).toBeGreaterThan(3);
    const forward: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: Awaited<ReturnType<TestApp['gql']>> = await t.gql('query($a: String) { search(query: "a", first: 2, after: $a) { edges { node { ... on Person { name } ... on Article { headline } ... on Engagement { summary } ... on Organisation { name } ... on Place { name } } } pageInfo { hasNextPage endCursor } } }', { a: after });
      const c = res.body.data.search;
      forward.push(...c.edges.map((e: { node: Hit['node'] }) => e.node.name ?? e.node.headline ?? e.node.summary));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(forward).toEqual(all);
    const backward: string[] = [];
    let before: string | null = null;
    for (;;) {
      const res: Awaited<ReturnType<TestApp['gql']>> = await t.gql('query($b: String) { search(query: "a", last: 3, before: $b) { edges { node { ... on Person { name } ... on Article { headline } ... on Engagement { summary } ... on Organisation { name } ... on Place { name } } } pageInfo { hasPreviousPage startCursor } } }', { b: before });
      const c = res.body.data.search;
      backward.unshift(...c.edges.map((e: { node: Hit['node'] }) => e.node.name ?? e.node.headline ?? e.node.summary));
      if (!c.pageInfo.hasPreviousPage) break;
      before = c.pageInfo.startCursor;
    }
    expect(backward).toEqual(all);
  });

  it('statements: one for the ranked page, its count and every node with its relations', async () => {
    const res = await t.gql(`{ search(query: "council", first: 10) { totalCount edges { node {
      ... on Organisation { name country { name } members { title } engagements(first: 2) { totalCount edges { node { summary } } } }
      ... on Engagement { summary participants { role actor { name } } place { name } } } } } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.statements).toBe(1);
    expect(res.body.data.search.totalCount).toBe(2);
    const nodes = res.body.data.search.edges.map((e: { node: unknown }) => e.node);
    expect(nodes).toContainEqual({ name: 'Xylophone Council', country: null, members: [], engagements: { totalCount: 1, edges: [{ node: { summary: 'The Xylophone Council held a concert in Łódź' } }] } });
    expect(nodes).toContainEqual({ summary: 'The Xylophone Council held a concert in Łódź', participants: [{ role: 'HOST', actor: { name: 'Xylophone Council' } }], place: null });
  });
});

describe('what a reader types', () => {
  it('a possessive as printed finds the name and highlights only it', async () => {
    for (const query of ['Larijani’s', "Larijani's", 'larijani’s,']) {
      const { hits } = await search(query);
      expect(labels(hits), query).toContain('Ali Larijani');
      expect(labels(hits), query).toContain('Envoy arrives');
      for (const h of hits) expect(h.highlight, query).not.toMatch(/<mark>(said|serious|Sources|say|so)<\/mark>/);
      expect(hits.find((h) => h.node.name === 'Ali Larijani')!.highlight).toBe('Ali <mark>Larijani</mark>');
    }
    expect(labels((await search('Iran’s trade')).hits)).toContain('Iran’s trade with O’Brien & Co. tops $3 billion');
  });

  it("an alias spelling finds the entity's articles and engagements, in one statement", async () => {
    const res = await t.gql(`{ search(query: "zolqadr", first: 10) { totalCount edges { node { __typename
      ... on Person { name } ... on Article { headline } ... on Engagement { summary } } } } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.statements).toBe(1);
    const found = res.body.data.search.edges.map((e: { node: Hit['node'] }) => labels([e as unknown as Hit])[0]);
    expect(found).toEqual(expect.arrayContaining(['Bagher Zolghadr', 'Envoys received', 'Zolghadr met the envoys']));
    const filtered = await t.gql('{ articles(first: 5, filter: { query: "Zolqadr" }) { edges { node { headline } } } }');
    expect(filtered.body.data.articles.edges).toEqual([{ node: { headline: 'Envoys received' } }]);
  });

  it('an alias added later reaches the articles already indexed', async () => {
    const s = await appWith([{ uri: 'urn:t:later-1', headline: 'First visit', body: 'Hossein Vrelkani arrived.', people: [{ key: 'v', name: 'Hossein Vrelkani' }] }]);
    try {
      const count = async (q: string) => (await s.gql(`{ search(query: "${q}", types: [ARTICLE]) { totalCount } }`)).body.data.search.totalCount;
      expect(await count('vrelkanee')).toBe(0);
      await loadBundle(s.db, bundle({ uri: 'urn:t:later-2', headline: 'Second visit', body: 'Vrelkani again.', people: [{ key: 'v', name: 'Hossein Vrelkani', aliases: ['Vrelkanee'] }] }));
      expect(await count('vrelkanee')).toBe(2);
    } finally {
      s.close();
    }
  });

  it('a quoted phrase searches the phrase', async () => {
    const headline = 'Iran’s trade with O’Brien & Co. tops $3 billion';
    expect(labels((await search('near be to')).hits)).toContain(headline);
    expect(labels((await search('"near be to"')).hits)).not.toContain(headline);
    expect(labels((await search('"to be near"')).hits)).toContain(headline);
    expect(labels((await search('“to be near”')).hits)).toContain(headline);
    expect(labels((await search('"be near" title')).hits)).toContain(headline);
    expect(labels((await search('"to be ne"')).hits)).not.toContain(headline); // a phrase's last word is whole, not a prefix
  });
});

describe('a small spelling slip in a name', () => {
  it('still finds it, ranked below exact matches, in one statement', async () => {
    const { hits, totalCount, statements } = await search('Qalibaff');
    expect(statements).toBe(1);
    expect(labels(hits)).toEqual(['A letter to Qalibaff', 'Mohammad Qalibaf']);
    expect(totalCount).toBe(2);
    expect(hits[0]!.score).toBeGreaterThan(1);
    expect(hits[1]!.score).toBeGreaterThan(0);
    expect(hits[1]!.score).toBeLessThan(1);
    expect(hits[1]!.highlight).toBe('Mohammad <mark>Qalibaf</mark>');
  });

  it('a letter added, dropped or replaced; before other words; in an alias', async () => {
    const finds = async (query: string, label: string) => expect(labels((await search(query)).hits), query).toContain(label);
    await finds('qalbaf mohammad', 'Mohammad Qalibaf');
    await finds('mohammad qalobaf', 'Mohammad Qalibaf');
    await finds('ghalibaaf', 'Mohammad Qalibaf');
    await finds('larijanni', 'Ali Larijani');
    await finds('zolqadrr', 'Envoys received'); // the alias's slip reaches the entity's article
  });

  it('only for long, unquoted words that are not themselves a name', async () => {
    expect(labels((await search('"qalibaff"')).hits)).toEqual(['A letter to Qalibaff']);
    expect(labels((await search('hanz')).hits)).toEqual([]); // four letters: no alternatives
    expect(labels((await search('xylophone')).hits)).not.toContain('Mohammad Qalibaf');
  });

  it('pages through exact and slip results without repeats', async () => {
    const all = labels((await search('qalibaff')).hits);
    const paged: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: Awaited<ReturnType<TestApp['gql']>> = await t.gql('query($a: String) { search(query: "qalibaff", first: 1, after: $a) { totalCount edges { node { ... on Person { name } ... on Article { headline } } } pageInfo { hasNextPage endCursor } } }', { a: after });
      expect(res.statements).toBe(1);
      const c = res.body.data.search;
      paged.push(...c.edges.map((e: { node: Hit['node'] }) => e.node.name ?? e.node.headline));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(paged).toEqual(all);
  });
});

describe('the index follows the write path', () => {
  it('re-ingesting an article re-indexes it; deleting it (or an entity) removes it', async () => {
    const s = await appWith([{ uri: 'urn:t:sync', headline: 'Original zanzibar headline', people: [{ key: 'p', name: 'Quentin Syncwell' }] }]);
    try {
      const count = async (q: string) => (await s.gql(`{ search(query: "${q}") { totalCount } }`)).body.data.search.totalCount;
      expect(await count('zanzibar')).toBe(1);
      await loadBundle(s.db, bundle({ uri: 'urn:t:sync', headline: 'Revised łódź headline', people: [{ key: 'p', name: 'Quentin Syncwell', aliases: ['Q. Syncwell'] }] }));
      expect(await count('zanzibar')).toBe(0);
      expect(await count('lodz')).toBe(1); // folded by the loader's pass
      expect(await count('syncwell')).toBe(1);
      await s.db.delete(articlesTable).where(sql`uri = 'urn:t:sync'`);
      expect(await count('lodz')).toBe(0);
      await s.db.delete(peopleTable).where(sql`name = 'Quentin Syncwell'`);
      expect(await count('syncwell')).toBe(0);
      const pending = await s.db.all<{ n: number }>(sql`select count(*) as n from search_pending`);
      expect(pending[0]!.n).toBe(0);
    } finally {
      s.close();
    }
  });
});

describe('on the seed', () => {
  it('"qalibaf" finds the person and the article; "$3 billion" answers 200 without errors', async () => {
    const s = await appWith([], { seed: true });
    try {
      const q = await s.gql('{ search(query: "qalibaf") { totalCount edges { node { __typename ... on Person { name } ... on Article { slug } } } } }');
      expect(q.status).toBe(200);
      expect(q.body.errors).toBeUndefined();
      const nodes = q.body.data.search.edges.map((e: { node: unknown }) => e.node);
      expect(nodes).toContainEqual({ __typename: 'Person', name: 'Mohammad Baqer Qalibaf' });
      expect(nodes).toContainEqual({ __typename: 'Article', slug: 'larijani-pakistan-visit' });
      const money = await s.gql('{ search(query: "$3 billion") { totalCount edges { highlight node { __typename } } } }');
      expect(money.status).toBe(200);
      expect(money.body.errors).toBeUndefined();
      expect(money.body.data.search.edges.map((e: { node: { __typename: string } }) => e.node.__typename)).toContain('Article');
      const filtered = await s.gql('{ articles(first: 5, filter: { query: "$3 billion" }) { totalCount } }');
      expect(filtered.body.data.articles.totalCount).toBe(1);
    } finally {
      s.close();
    }
  });
});
