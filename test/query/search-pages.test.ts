/**
 * Search that stops at the page: `articles(filter: { query })` reads the articles-only index
 * `article_fts`, whose rowid follows publication order (src/search/articles.ts). Pages come in
 * publication order (ties, fractional seconds, unknown dates, a late-ingested older article, a
 * corrected date), cursors walk without gaps or repeats, `boundedCount` is exact below the cap and
 * flagged above it, only the last word is a prefix (looked up in `article_terms` when long), and a
 * database created at the previous migration gets the index back-filled on upgrade.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from '@libsql/client';
import { sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createDatabase, type Database } from '../../src/db/client.ts';
import { decodeId } from '../../src/graphql/ids.ts';
import { deleteArticle } from '../../src/ingest/delete.ts';
import { loadBundle } from '../../src/ingest/load.ts';
import { upgradeDatabase } from '../../src/ingest/upgrade.ts';
import { ARTICLE_ROW_KEY } from '../../src/search/articles.ts';
import type { TestApp } from '../helpers/app.ts';
import { repoRoot } from '../ingest/helpers.ts';
import { appWith, bundle, walk, type FixtureArticle } from './fixtures.ts';

/** Articles about a quay, dated to exercise the order: ties, a fraction of a second, unknown dates. */
const QUAY: FixtureArticle[] = [
  { uri: 'urn:q:fees', headline: 'Quay fees rise', body: 'The quay authority raised its fees.', publishedAt: '2025-03-12T09:30:00Z' },
  { uri: 'urn:q:undated-1', headline: 'Quay notice', body: 'A notice on the quay, undated.' },
  { uri: 'urn:q:strike', headline: 'Quay strike ends', body: 'Workers on the quay went back.', publishedAt: '2025-03-12T09:30:00.250Z' },
  { uri: 'urn:q:dredging', headline: 'Quay dredging begins', body: 'Dredging at the quay started at dawn.', publishedAt: '2025-03-10T08:00:00Z' },
  { uri: 'urn:q:pilots', headline: 'Quay pilots', body: 'Pilots met at the quay.', publishedAt: '2025-03-12T09:30:00Z' },
  { uri: 'urn:q:lights', headline: 'Quay lights', body: 'New lights along the quay.', publishedAt: '2024-12-01T00:00:00Z' },
  { uri: 'urn:q:undated-2', headline: 'Quay rumour', body: 'Talk on the quay, undated.' },
  { uri: 'urn:q:old', headline: 'Quay of 1850', body: 'An archive piece about the quay.', publishedAt: '1850-06-01T12:00:00Z' },
];

const OTHERS: FixtureArticle[] = [
  { uri: 'urn:o:market', headline: 'Market report', body: 'Prices held steady.', publishedAt: '2025-03-11T10:00:00Z' },
  { uri: 'urn:o:harbourmaster', headline: 'Harbourmaster meets envoy', body: 'The harbourmaster met the envoy at noon.', publishedAt: '2025-02-01T10:00:00Z' },
  { uri: 'urn:o:harbour', headline: 'Harbour talks', body: 'Talks about the harbour continued.', publishedAt: '2025-02-02T10:00:00Z' },
  { uri: 'urn:o:lodz', headline: 'Festival in Łódź', body: 'A festival opened in Łódź.', publishedAt: '2025-02-03T10:00:00Z' },
];

/** The slugs of an article list, in its order. */
async function slugs(t: TestApp, args: string): Promise<string[]> {
  const { data, statements } = await t.ok(`{ articles(${args}) { edges { node { slug } } } }`);
  expect(statements).toBe(1);
  return data.articles.edges.map((e: { node: { slug: string } }) => e.node.slug);
}

/** The order of the unfiltered list (the articles b-tree order, no full-text index), kept to the quay articles. */
async function quayOrder(t: TestApp, order: 'PUBLISHED_DESC' | 'PUBLISHED_ASC'): Promise<string[]> {
  const { data } = await t.ok(`{ articles(first: 100, orderBy: ${order}) { edges { node { slug headline } } } }`);
  return data.articles.edges.filter((e: { node: { headline: string } }) => e.node.headline.startsWith('Quay')).map((e: { node: { slug: string } }) => e.node.slug);
}

/** Every article's index row sits at the rowid src/search/articles.ts computes for it, and no other row exists. */
async function indexAgrees(db: Database): Promise<void> {
  const [row] = await db.all<{ articles: number; missing: number; rows: number }>(sql`select
    (select count(*) from articles) as articles,
    (select count(*) from articles a where not exists (select 1 from article_fts f where f.rowid = ${ARTICLE_ROW_KEY})) as missing,
    (select count(*) from article_fts) as rows`);
  expect(row!.missing).toBe(0);
  expect(row!.rows).toBe(row!.articles);
}

describe('articles(filter: { query }) in publication order', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Loaded out of date order; the 1850 article last, after newer ones (a late-ingested older article).
    t = await appWith([...QUAY.slice(0, -1), ...OTHERS, QUAY.at(-1)!], { config: { countCap: 3 } });
  });
  afterAll(() => t?.close());

  it('pages in publication order, both ways, whatever the ingest order', async () => {
    const desc = await quayOrder(t, 'PUBLISHED_DESC');
    expect(desc).toHaveLength(QUAY.length);
    // Sanity of the reference itself: the fraction sorts below its whole second (as text), ties by id, unknown last, 1850 before them.
    expect(desc.indexOf('quay-strike-ends')).toBeGreaterThan(desc.indexOf('quay-pilots'));
    expect(desc.slice(-3)).toEqual(['quay-of-1850', 'quay-rumour', 'quay-notice']);
    expect(await slugs(t, 'first: 100, filter: { query: "quay" }')).toEqual(desc);
    expect(await slugs(t, 'first: 3, filter: { query: "quay" }')).toEqual(desc.slice(0, 3));
    const asc = await quayOrder(t, 'PUBLISHED_ASC');
    expect(await slugs(t, 'first: 100, orderBy: PUBLISHED_ASC, filter: { query: "quay" }')).toEqual(asc);
    expect(await slugs(t, 'first: 6, orderBy: PUBLISHED_ASC, filter: { query: "quay" }')).toEqual(asc.slice(0, 6));
    await indexAgrees(t.db);
  });

  it('walks with cursors without gaps or repeats, forward and backward, in both orders', async () => {
    for (const order of ['PUBLISHED_DESC', 'PUBLISHED_ASC'] as const) {
      const expected = await quayOrder(t, order);
      for (const size of [1, 2, 3]) {
        expect(await walk(t, 'articles', `orderBy: ${order}, filter: { query: "quay" }`, 'slug', 'forward', size)).toEqual(expected);
        expect(await walk(t, 'articles', `orderBy: ${order}, filter: { query: "quay" }`, 'slug', 'backward', size)).toEqual(expected);
      }
    }
  });

  it('places a late-ingested older article by its date, and moves an article whose date is corrected', async () => {
    await loadBundle(t.db, bundle({ uri: 'urn:q:late', headline: 'Quay in the war', body: 'Late scan of the quay in 1943.', publishedAt: '1943-01-15T00:00:00Z' }));
    let desc = await quayOrder(t, 'PUBLISHED_DESC');
    expect(desc.indexOf('quay-in-the-war')).toBe(desc.indexOf('quay-of-1850') - 1);
    expect(await slugs(t, 'first: 100, filter: { query: "quay" }')).toEqual(desc);
    // The dredging article's date corrected to the newest: it moves to the top of the page.
    const corrected = { ...QUAY[3]!, publishedAt: '2025-04-01T07:00:00Z' };
    await loadBundle(t.db, bundle(corrected));
    const { data } = await t.ok('{ article(slug: "quay-dredging-begins") { publishedAt } }');
    expect(data.article.publishedAt).toBe('2025-04-01T07:00:00Z');
    desc = await quayOrder(t, 'PUBLISHED_DESC');
    expect(desc[0]).toBe('quay-dredging-begins');
    expect(await slugs(t, 'first: 2, filter: { query: "quay" }')).toEqual(desc.slice(0, 2));
    expect(await walk(t, 'articles', 'filter: { query: "quay" }', 'slug', 'forward', 3)).toEqual(desc);
    // A date removed: the article goes among the unknown dates.
    await loadBundle(t.db, bundle({ ...QUAY[5]!, publishedAt: undefined }));
    desc = await quayOrder(t, 'PUBLISHED_DESC');
    expect(desc.slice(-3)).toContain('quay-lights');
    expect(await slugs(t, 'first: 100, filter: { query: "quay" }')).toEqual(desc);
    await indexAgrees(t.db);
    // A deleted article leaves the index.
    const { data: gone } = await t.ok('{ article(slug: "quay-in-the-war") { id } }');
    expect(await deleteArticle(t.db, decodeId(gone.article.id, ['Article'], 'id').id)).toBe(true);
    expect(await slugs(t, 'first: 100, filter: { query: "quay" }')).toEqual(desc.filter((s) => s !== 'quay-in-the-war'));
    await indexAgrees(t.db);
  });

  it('counts exactly below the cap and flags the count above it; totalCount stays exact', async () => {
    const count = async (filter: string) => {
      const { data, statements } = await t.ok(`{ articles(first: 1, filter: ${filter}) { totalCount boundedCount { count exact } edges { node { slug } } } }`);
      expect(statements).toBe(1);
      return data.articles;
    };
    const quay = await count('{ query: "quay" }');
    expect(quay.totalCount).toBeGreaterThan(3);
    expect(quay.boundedCount).toEqual({ count: 3, exact: false });
    expect((await count('{ query: "dredging" }')).boundedCount).toEqual({ count: 1, exact: true });
    expect((await count('{ query: "nothingmatches" }')).boundedCount).toEqual({ count: 0, exact: true });
    // Exactly the cap is exact.
    const capped = await count('{ query: "quay", publishedFrom: "2025-03-12", publishedTo: "2025-03-12" }');
    expect(capped.totalCount).toBe(3);
    expect(capped.boundedCount).toEqual({ count: 3, exact: true });
    // Without a query too, and alone (no edges selected).
    const { data } = await t.ok('{ articles { boundedCount { count exact } } }');
    expect(data.articles.boundedCount).toEqual({ count: 3, exact: false });
  });

  it('treats only the last word as a prefix', async () => {
    // "harbour" in the middle is a whole word: the harbourmaster article does not match.
    expect(await slugs(t, 'first: 10, filter: { query: "harbour talks" }')).toEqual(['harbour-talks']);
    expect(await slugs(t, 'first: 10, filter: { query: "harbour envoy" }')).toEqual([]);
    // Last: a prefix (looked up in article_terms: 4 letters or more), newest first.
    expect(await slugs(t, 'first: 10, filter: { query: "envoy harbour" }')).toEqual(['harbourmaster-meets-envoy']);
    expect(await slugs(t, 'first: 10, filter: { query: "harbour" }')).toEqual(['harbour-talks', 'harbourmaster-meets-envoy']);
    expect(await slugs(t, 'first: 10, filter: { query: "harbourm" }')).toEqual(['harbourmaster-meets-envoy']);
    // Quoted, the last word is whole.
    expect(await slugs(t, 'first: 10, filter: { query: "\\"harbour\\"" }')).toEqual(['harbour-talks']);
    // Short prefixes (FTS5 prefix entries), folded and non-Latin forms.
    expect(await slugs(t, 'first: 10, filter: { query: "festival lo" }')).toEqual(['festival-in-lodz']);
    expect(await slugs(t, 'first: 10, filter: { query: "festival lodz" }')).toEqual(['festival-in-lodz']);
    expect(await slugs(t, 'first: 10, filter: { query: "festival łód" }')).toEqual(['festival-in-lodz']);
    expect(await slugs(t, 'first: 10, filter: { query: "quay dredg" }')).toEqual(['quay-dredging-begins']);
  });

  it('keeps the other filters and lists right beside a query', async () => {
    expect(await slugs(t, 'first: 10, filter: { query: "quay", publishedFrom: "2025-03-12", publishedTo: "2025-03-12" }')).toEqual(
      (await quayOrder(t, 'PUBLISHED_DESC')).filter((s) => ['quay-fees-rise', 'quay-strike-ends', 'quay-pilots'].includes(s)),
    );
    expect(await slugs(t, 'first: 10, orderBy: HEADLINE_ASC, filter: { query: "quay lig" }')).toEqual(['quay-lights']);
  });
});

describe('upgrading a database created at the previous migration', () => {
  it('back-fills article_fts and article_terms from the search index, folded text included', async () => {
    const all = readdirSync(path.join(repoRoot, 'drizzle')).sort();
    const mine = all.findIndex((d) => d.endsWith('_article_search'));
    expect(mine).toBeGreaterThan(0);
    const dir = mkdtempSync(path.join(tmpdir(), 'newsgraph-article-search-'));
    const before = path.join(dir, 'drizzle');
    for (const d of all.slice(0, mine)) cpSync(path.join(repoRoot, 'drizzle', d), path.join(before, d), { recursive: true });
    const db = createDatabase(createClient({ url: `file:${path.join(dir, 'db.sqlite')}` }));
    try {
      await migrate(db, { migrationsFolder: before });
      const insert = (id: number, headline: string, body: string, published: string | null) =>
        db.$client.execute({
          sql: "insert into articles (id, uri, slug, headline, body, language, published_at, ingested_at) values (?, ?, ?, ?, ?, 'en', ?, '2025-01-01T00:00:00Z')",
          args: [id, `urn:old:${id}`, `old-${id}`, headline, body, published],
        });
      await insert(1, 'Pier opens', 'The pier in Gdańsk opened.', '2025-01-02T00:00:00Z');
      await insert(2, 'Pier closes', 'The pier closed for repairs.', '2025-01-05T00:00:00Z');
      await insert(3, 'Pier undated', 'A pier, no date.', null);
      // The fold pass of that time wrote the folded text of 1 and 2 ("gdansk" only in the folded column); 3 stays queued.
      await db.$client.execute("delete from search_fts where rowid in (9, 17)");
      await db.$client.execute("insert into search_fts (rowid, title, title_folded, body, body_folded) values (9, 'Pier opens', 'pier opens', 'The pier in Gdańsk opened.', 'the pier in gdansk opened'), (17, 'Pier closes', 'pier closes', 'The pier closed for repairs.', 'the pier closed for repairs')");
      await db.$client.execute('delete from search_pending where key in (9, 17)');

      await upgradeDatabase(db);
      await indexAgrees(db);
      const terms = (await db.$client.execute("select term from article_terms where term in ('gdansk', 'pier', 'repairs', 'undated')")).rows.map((r) => r.term);
      expect(terms.sort()).toEqual(['gdansk', 'pier', 'repairs', 'undated']);
      const app = createApp({ db, config: loadConfig({}, { debugSql: true }) });
      const ask = async (query: string) => {
        const res = await app.request('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
          body: JSON.stringify({ query: `{ articles(first: 10, filter: { query: ${JSON.stringify(query)} }) { totalCount edges { node { slug } } } }` }),
        });
        const body = (await res.json()) as { data: { articles: { totalCount: number; edges: { node: { slug: string } }[] } } };
        return body.data.articles;
      };
      expect(await ask('pier')).toEqual({ totalCount: 3, edges: [{ node: { slug: 'old-2' } }, { node: { slug: 'old-1' } }, { node: { slug: 'old-3' } }] });
      expect((await ask('gdansk')).edges).toEqual([{ node: { slug: 'old-1' } }]);
      expect((await ask('pier gdan')).edges).toEqual([{ node: { slug: 'old-1' } }]);
    } finally {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * Articles whose index rowids tie on the date part while their sort keys differ: fractions of one
 * second, and dates clamped together (before 1900, after 2988). Loaded so that id order runs
 * against publication order inside each tie.
 */
const WHARF: FixtureArticle[] = [
  { uri: 'urn:w:f900', headline: 'Wharf 900', body: 'The wharf at nine tenths.', publishedAt: '2025-05-01T10:00:00.900Z' },
  { uri: 'urn:w:f500', headline: 'Wharf 500', body: 'The wharf at half past.', publishedAt: '2025-05-01T10:00:00.500Z' },
  { uri: 'urn:w:f100', headline: 'Wharf 100', body: 'The wharf at one tenth.', publishedAt: '2025-05-01T10:00:00.100Z' },
  { uri: 'urn:w:whole', headline: 'Wharf whole', body: 'The wharf on the second.', publishedAt: '2025-05-01T10:00:00Z' },
  { uri: 'urn:w:1890', headline: 'Wharf 1890', body: 'The wharf in 1890.', publishedAt: '1890-01-01T00:00:00Z' },
  { uri: 'urn:w:1850', headline: 'Wharf 1850', body: 'The wharf in 1850.', publishedAt: '1850-01-01T00:00:00Z' },
  { uri: 'urn:w:1820', headline: 'Wharf 1820', body: 'The wharf in 1820.', publishedAt: '1820-01-01T00:00:00Z' },
  { uri: 'urn:w:3100', headline: 'Wharf 3100', body: 'The wharf in 3100.', publishedAt: '3100-01-01T00:00:00Z' },
  { uri: 'urn:w:3050', headline: 'Wharf 3050', body: 'The wharf in 3050.', publishedAt: '3050-01-01T00:00:00Z' },
  { uri: 'urn:w:2025', headline: 'Wharf 2025', body: 'The wharf in 2025.', publishedAt: '2025-01-01T00:00:00Z' },
  { uri: 'urn:w:undated', headline: 'Wharf undated', body: 'The wharf, no date.' },
];

describe('articles(filter: { query }) across rowid ties (fractions of a second, clamped dates)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await appWith(WHARF);
  });
  afterAll(() => t?.close());

  /** The headlines of every forward page of `size` after cursors, each page one statement. */
  async function forward(order: 'PUBLISHED_DESC' | 'PUBLISHED_ASC', size: number): Promise<string[]> {
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 50; guard++) {
      const { data, statements } = await t.ok(
        `query ($after: String) { articles(first: ${size}, after: $after, orderBy: ${order}, filter: { query: "wharf" }) {
          edges { node { headline } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      expect(statements).toBe(1);
      seen.push(...data.articles.edges.map((e: { node: { headline: string } }) => e.node.headline));
      if (!data.articles.pageInfo.hasNextPage) return seen;
      after = data.articles.pageInfo.endCursor;
    }
    throw new Error('no last page');
  }

  it('gives every article once, in publication order, page by page in both orders', async () => {
    for (const order of ['PUBLISHED_DESC', 'PUBLISHED_ASC'] as const) {
      const { data } = await t.ok(`{ articles(first: 100, orderBy: ${order}) { edges { node { headline } } } }`);
      const expected = data.articles.edges.map((e: { node: { headline: string } }) => e.node.headline);
      expect(expected).toHaveLength(WHARF.length);
      for (const size of [1, 2, 3]) expect(await forward(order, size)).toEqual(expected);
    }
    // Sanity of the reference: fractions below their whole second (as text), clamped dates by date, not by id.
    const { data } = await t.ok('{ articles(first: 100) { edges { node { headline } } } }');
    expect(data.articles.edges.map((e: { node: { headline: string } }) => e.node.headline)).toEqual([
      'Wharf 3100', 'Wharf 3050', 'Wharf whole', 'Wharf 900', 'Wharf 500', 'Wharf 100', 'Wharf 2025', 'Wharf 1890', 'Wharf 1850', 'Wharf 1820', 'Wharf undated',
    ]);
  });

  it('answers boundedCount on an empty page after a cursor within the one statement', async () => {
    const { data: last } = await t.ok('{ articles(last: 1, filter: { query: "wharf" }) { pageInfo { endCursor } } }');
    const { data, statements } = await t.ok(
      `query ($after: String) { articles(first: 2, after: $after, filter: { query: "wharf" }) { boundedCount { count exact } edges { node { headline } } } }`,
      { after: last.articles.pageInfo.endCursor },
    );
    expect(statements).toBe(1);
    expect(data.articles.edges).toEqual([]);
    expect(data.articles.boundedCount).toBeNull();
  });
});

/**
 * Many articles in one clamped date group (before 1900), as a digitised archive has them: several
 * on one date (ties), ids running against date order. "ledger" is in all of them (the group's
 * matches are many: a page walks the group in date order), "ferry" in every 20th of the older half
 * and in all of the newer half (the walk from the old end finds too few and falls back to the
 * group's whole read), "tide" in every 9th (few: read whole). A few articles after 1900 and one
 * undated make pages cross the group's edges.
 */
describe('articles(filter: { query }) with many articles in one clamped date group', () => {
  let t: TestApp;
  const rows: { id: number; slug: string; published: string | null; body: string }[] = [];
  beforeAll(async () => {
    t = await appWith([]);
    const n = 520;
    for (let i = 0; i < n; i++) {
      // Day i / 3 from 1801 on (three articles share each date), inserted newest first: ids run against dates.
      const day = new Date(Date.UTC(1801, 0, 1) + Math.floor((n - 1 - i) / 3) * 86400000).toISOString().replace('.000Z', 'Z');
      const older = n - 1 - i < n / 2;
      const words = ['ledger', ...(!older || (n - 1 - i) % 20 === 0 ? ['ferry'] : []), ...((n - 1 - i) % 9 === 0 ? ['tide'] : [])];
      rows.push({ id: 1000 + i, slug: `archive-${i}`, published: day, body: `Archive page with ${words.join(' and ')}.` });
    }
    rows.push({ id: 5000, slug: 'modern-1', published: '1950-05-05T05:05:05Z', body: 'Modern ledger with ferry and tide.' });
    rows.push({ id: 5001, slug: 'modern-2', published: '2020-02-02T02:02:02.500Z', body: 'Modern ledger with ferry and tide.' });
    rows.push({ id: 5002, slug: 'undated', published: null, body: 'Undated ledger with ferry and tide.' });
    for (let i = 0; i < rows.length; i += 100) {
      await t.db.$client.batch(
        rows.slice(i, i + 100).map((r) => ({
          sql: "insert into articles (id, uri, slug, headline, body, language, published_at, ingested_at) values (?, ?, ?, 'Archive', ?, 'en', ?, '2025-01-01T00:00:00Z')",
          args: [r.id, `urn:archive:${r.id}`, r.slug, r.body, r.published],
        })),
        'write',
      );
    }
  });
  afterAll(() => t?.close());

  /** The slugs an order lists for a word, from the inserted rows (unknown dates last both ways). */
  function expected(word: string, order: 'PUBLISHED_DESC' | 'PUBLISHED_ASC'): string[] {
    const list = rows.filter((r) => r.body.includes(` ${word}`) || r.body.includes(`${word} `));
    const known = list.filter((r) => r.published).sort((a, b) => (a.published! < b.published! ? -1 : a.published! > b.published! ? 1 : a.id - b.id));
    const unknown = list.filter((r) => !r.published).sort((a, b) => (order === 'PUBLISHED_ASC' ? a.id - b.id : b.id - a.id));
    return [...(order === 'PUBLISHED_ASC' ? known : known.reverse()), ...unknown].map((r) => r.slug);
  }

  /** Every forward page of `size` after cursors, each one statement. */
  async function forward(word: string, order: 'PUBLISHED_DESC' | 'PUBLISHED_ASC', size: number): Promise<string[]> {
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 1000; guard++) {
      const { data, statements } = await t.ok(
        `query ($after: String, $q: String!) { articles(first: ${size}, after: $after, orderBy: ${order}, filter: { query: $q }) {
          edges { node { slug } } pageInfo { hasNextPage endCursor } } }`,
        { after, q: word },
      );
      expect(statements).toBe(1);
      seen.push(...data.articles.edges.map((e: { node: { slug: string } }) => e.node.slug));
      if (!data.articles.pageInfo.hasNextPage) return seen;
      after = data.articles.pageInfo.endCursor;
    }
    throw new Error('no last page');
  }

  it('keeps the reference order itself: one group holds the archive, ties on a date', () => {
    expect(expected('ledger', 'PUBLISHED_ASC')).toHaveLength(523);
    expect(expected('ferry', 'PUBLISHED_ASC').length).toBeGreaterThan(256 + 3);
    expect(expected('ledger', 'PUBLISHED_ASC').slice(0, 3)).toEqual(['archive-517', 'archive-518', 'archive-519']);
  });

  it('pages through the group in date order, both ways, many matches, few, and a walk that falls back', async () => {
    for (const word of ['ledger', 'ferry', 'tide']) {
      for (const order of ['PUBLISHED_ASC', 'PUBLISHED_DESC'] as const) {
        const want = expected(word, order);
        for (const size of [5, 40]) expect(await forward(word, order, size), `${word} ${order} ${size}`).toEqual(want);
      }
    }
  });

  it('gives the first page of each order exactly', async () => {
    for (const order of ['PUBLISHED_ASC', 'PUBLISHED_DESC'] as const) {
      for (const word of ['ledger', 'ferry', 'tide']) {
        const { data } = await t.ok(`{ articles(first: 7, orderBy: ${order}, filter: { query: "${word}" }) { edges { node { slug } } } }`);
        expect(data.articles.edges.map((e: { node: { slug: string } }) => e.node.slug)).toEqual(expected(word, order).slice(0, 7));
      }
    }
  });
});
