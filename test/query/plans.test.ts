/**
 * Every filter and ordering of the benchmark catalogue (bench/catalogue.ts: the front end's
 * article page, person page, "between A and B", filtered list, search, deep walk) reads through
 * an index: EXPLAIN QUERY PLAN of each statement the API sends has no full scan of a table.
 *
 * The corpus is a small generated one WITHOUT `ANALYZE`: with no statistics SQLite assumes every
 * table is large, so a plan here shows what the schema's indexes allow, not what a tiny table
 * makes cheap. A change that drops an index or writes a filter no index serves fails here.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Client, type InStatement } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogue, chooseTargets, type CatalogueEntry } from '../../bench/catalogue.ts';
import { CorpusGenerator } from '../../bench/corpus.ts';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createDatabase } from '../../src/db/client.ts';
import { openDatabase } from '../../src/db/open.ts';
import { loadBundle } from '../../src/ingest/load.ts';

const ARTICLES = 40;
let dir: string;
let raw: Client;
let app: ReturnType<typeof createApp>;
let entries: CatalogueEntry[];
const captured: { sql: string; args: unknown[] }[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newsgraph-plans-'));
  const file = join(dir, 'plans.db');
  const db = await openDatabase(`file:${file}`);
  const gen = new CorpusGenerator({ articles: ARTICLES, seed: 20251124 });
  for (let i = 0; i < ARTICLES; i++) await loadBundle(db, gen.bundle(i) as never);
  db.$client.close();
  raw = createClient({ url: `file:${file}` });
  const recording = new Proxy(raw, {
    get(target, prop, receiver) {
      if (prop === 'execute')
        return (stmt: InStatement) => {
          captured.push(typeof stmt === 'string' ? { sql: stmt, args: [] } : { sql: stmt.sql, args: (stmt.args ?? []) as unknown[] });
          return target.execute(stmt);
        };
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  app = createApp({ db: createDatabase(recording as Client), config: loadConfig({}, { rateLimit: { anonymous: 0, credential: 0 } as never }) });
  const targets = await chooseTargets(raw, ARTICLES);
  entries = catalogue(targets, { searchTerm: 'security cooperation' });
  entries.push({
    name: 'search (Query.search)',
    query: `query Search($q: String!) { search(query: $q, first: 10) { totalCount edges { score node { __typename ... on Article { slug } ... on Person { name } } } } }`,
    variables: { q: 'security cooperation' },
    reference: null,
  });
}, 120_000);
afterAll(() => {
  raw?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The deep walk (bench/catalogue.ts) cut in two overlapping halves, each shallower than the whole. */
const DEEP_WALK_HALVES = [
  `query Deep($slug: String!) { article(slug: $slug) { people(first: 5) { edges { node { name roles { title organisation { name
    engagements(first: 5) { edges { node { summary } } } } } } } } } }`,
  `query Deep($slug: String!) { article(slug: $slug) { engagements(first: 5) { edges { node { summary articles(first: 5) { edges { node { slug dateline { name } } } } } } } } }`,
];

/** The statements the API sends for each query (each must succeed). */
async function capture(queries: string[], variables: Record<string, unknown>) {
  const out: { sql: string; args: unknown[] }[] = [];
  for (const query of queries) {
    captured.length = 0;
    const res = await app.request('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    expect(((await res.json()) as { errors?: unknown }).errors).toBeUndefined();
    out.push(...captured);
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
    if (subqueries.has(m[1]!)) return false;
    if (/VIRTUAL TABLE INDEX \d+:M/.test(m[2]!)) return false;
    return true;
  });
}

describe('catalogue query plans', () => {
  it('covers the whole catalogue', () => {
    expect(entries.map((e) => e.name)).toEqual([
      'article page',
      'person page',
      'between A and B',
      'filtered article list',
      'search (articles filter.query)',
      'deep walk (6 levels)',
      'search (Query.search)',
    ]);
  });

  it.each(['article page', 'person page', 'between A and B', 'filtered article list', 'search (articles filter.query)', 'deep walk (6 levels)', 'search (Query.search)'])(
    '%s: one statement, no full table scan',
    async (name) => {
      const e = entries.find((x) => x.name === name)!;
      captured.length = 0;
      const res = await app.request('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: e.query, variables: e.variables }),
      });
      const body = (await res.json()) as { data?: unknown; errors?: unknown };
      expect(body.errors).toBeUndefined();
      expect(captured).toHaveLength(1);
      const statements = [...captured];
      // The deep walk's statement sits at the edge of SQLite's parser stack (see
      // src/graphql/masking.ts), and the EXPLAIN prefix tips it over: explain its two halves.
      if (name === 'deep walk (6 levels)') statements.splice(0, 1, ...(await capture(DEEP_WALK_HALVES, e.variables)));
      for (const c of statements) {
        const plan = (await raw.execute({ sql: `EXPLAIN QUERY PLAN ${c.sql}`, args: c.args as never })).rows.map((r) => String(r.detail));
        expect(plan.length).toBeGreaterThan(0);
        expect(fullScans(plan), `${name}: ${plan.join(' | ')}`).toEqual([]);
      }
    },
  );

  it('the scan detector sees a full scan when there is one', async () => {
    const plan = (await raw.execute(`EXPLAIN QUERY PLAN select * from articles where byline = 'x'`)).rows.map((r) => String(r.detail));
    expect(fullScans(plan)).toEqual(['SCAN articles']);
    const indexed = (await raw.execute(`EXPLAIN QUERY PLAN select * from articles where slug = 'x'`)).rows.map((r) => String(r.detail));
    expect(fullScans(indexed)).toEqual([]);
  });
});
