/**
 * Every filter and ordering of the benchmark catalogue (bench/catalogue.ts: the front end's
 * article page, person page, "between A and B", filtered list, search, deep walk) reads through
 * an index: EXPLAIN QUERY PLAN of each statement the API sends has no full scan of a table.
 *
 * The corpus is a small generated one WITHOUT `ANALYZE`: with no statistics SQLite assumes every
 * table is large, so a plan here shows what the schema's indexes allow, not what a tiny table
 * makes cheap. A change that drops an index or writes a filter no index serves fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE_QUERIES, openCatalogue, type CatalogueHarness, type RecordedStatement } from '../fixtures/catalogue.ts';

let h: CatalogueHarness;
beforeAll(async () => {
  h = await openCatalogue({ articles: 40 });
}, 120_000);
afterAll(() => h?.close());

/** The deep walk (bench/catalogue.ts) cut in two overlapping halves, each shallower than the whole. */
const DEEP_WALK_HALVES = [
  `query Deep($slug: String!) { article(slug: $slug) { people(first: 5) { edges { node { name roles { title organisation { name
    engagements(first: 5) { edges { node { summary } } } } } } } } } }`,
  `query Deep($slug: String!) { article(slug: $slug) { engagements(first: 5) { edges { node { summary articles(first: 5) { edges { node { slug dateline { name } } } } } } } } }`,
];

/** The statements the API sends for each query (each must succeed). */
async function capture(queries: string[], variables: Record<string, unknown>) {
  const out: RecordedStatement[] = [];
  for (const query of queries) {
    const { body, statements } = await h.run(query, variables);
    expect(body.errors).toBeUndefined();
    out.push(...statements);
  }
  return out;
}

/**
 * Full scans in a plan: `SCAN x` of a table, with or without a covering index (both read every
 * row). Scans of the statement's own sub-queries (co-routines, materialised views) and FTS5
 * MATCH lookups (`VIRTUAL TABLE INDEX`) are not table scans.
 */
function fullScans(plan: string[]): string[] {
  const subqueries = new Set(plan.flatMap((d) => /^(?:CO-ROUTINE|MATERIALIZE) (\S+)/.exec(d)?.[1] ?? []));
  return plan.filter((d) => {
    const m = /^SCAN (\S+)(.*)$/.exec(d);
    if (!m) return false;
    // A SELECT without FROM (the compiled statement's outer level) reads no table.
    if (m[1] === 'CONSTANT' && m[2] === ' ROW') return false;
    if (subqueries.has(m[1]!)) return false;
    if (/VIRTUAL TABLE INDEX \d+:M/.test(m[2]!)) return false;
    return true;
  });
}

describe('catalogue query plans', () => {
  it('covers the whole catalogue', () => {
    expect(h.entries.map((e) => e.name)).toEqual(CATALOGUE_QUERIES);
  });

  it.each(CATALOGUE_QUERIES)(
    '%s: one statement, no full table scan',
    async (name) => {
      const e = h.entries.find((x) => x.name === name)!;
      const { body, statements } = await h.run(e.query, e.variables);
      expect(body.errors).toBeUndefined();
      expect(statements).toHaveLength(1);
      // The deep walk's statement sits at the edge of SQLite's parser stack (see
      // src/graphql/masking.ts), and the EXPLAIN prefix tips it over: explain its two halves.
      if (name === 'deep walk (6 levels)') statements.splice(0, 1, ...(await capture(DEEP_WALK_HALVES, e.variables)));
      for (const c of statements) {
        const plan = (await h.raw.execute({ sql: `EXPLAIN QUERY PLAN ${c.sql}`, args: c.args as never })).rows.map((r) => String(r.detail));
        expect(plan.length).toBeGreaterThan(0);
        expect(fullScans(plan), `${name}: ${plan.join(' | ')}`).toEqual([]);
      }
    },
  );

  it('the scan detector sees a full scan when there is one', async () => {
    const plan = (await h.raw.execute(`EXPLAIN QUERY PLAN select * from articles where byline = 'x'`)).rows.map((r) => String(r.detail));
    expect(fullScans(plan)).toEqual(['SCAN articles']);
    const indexed = (await h.raw.execute(`EXPLAIN QUERY PLAN select * from articles where slug = 'x'`)).rows.map((r) => String(r.detail));
    expect(fullScans(indexed)).toEqual([]);
  });
});
