/**
 * The statement cache (src/graphql/statement-cache.ts): a root field's SQL is built once per
 * operation, variables and field, then reused; answers always come from the current data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundle } from '../../src/ingest/load.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StatementCache } from '../../src/graphql/statement-cache.ts';
import { SEED_DIR } from '../../src/ingest/seed.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  // The executor's statement cache: the compiled read path (its own plan cache) is off here.
  t = await createTestApp({ config: { compiledReads: false } });
});
afterAll(() => t.close());

const PERSON = `query P($slug: String!) { person(slug: $slug) { name engagements(first: 3) { totalCount edges { node { kind } } } } }`;
const LIST = `query L($first: Int!) { articles(first: $first) { totalCount edges { node { slug headline } } } }`;

describe('statement cache', () => {
  it('reuses the SQL of the same operation and variables, and builds anew for other variables', async () => {
    const first = await t.gql(PERSON, { slug: 'ali-larijani' });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.person.name).toBe('Ali Larijani');
    expect(first.body.extensions.sql).toMatchObject({ statements: 1, reusedSql: 0 });

    const again = await t.gql(PERSON, { slug: 'ali-larijani' });
    expect(again.body.data).toEqual(first.body.data);
    expect(again.body.extensions.sql).toMatchObject({ statements: 1, reusedSql: 1 });

    const other = await t.gql(PERSON, { slug: 'mohammad-baqer-qalibaf' });
    expect(other.body.extensions.sql).toMatchObject({ statements: 1, reusedSql: 0 });
    expect(other.body.data.person.name).toBe('Mohammad Baqer Qalibaf');
    expect(other.body.data).not.toEqual(first.body.data);
  });

  it('answers from the current data: a reused statement sees rows written after it was built', async () => {
    const before = await t.gql(LIST, { first: 5 });
    const total = before.body.data.articles.totalCount as number;
    const bundle = JSON.parse(readFileSync(join(SEED_DIR, 'larijani-pakistan-visit.bundle.json'), 'utf8'));
    bundle.ninjs.uri = 'urn:newsgraph:test:statement-cache';
    bundle.ninjs.headlines = [{ role: 'main', value: 'A second article, for the statement cache' }];
    await loadBundle(t.db, bundle as never);
    const after = await t.gql(LIST, { first: 5 });
    expect(after.body.extensions.sql).toMatchObject({ statements: 1, reusedSql: 1 });
    expect(after.body.data.articles.totalCount).toBe(total + 1);
    expect(after.body.data.articles.edges.map((e: { node: { headline: string } }) => e.node.headline)).toContain('A second article, for the statement cache');
  });

  it('keeps errors per request: a bad cursor is refused even when the operation is cached', async () => {
    const q = `query C($after: String) { articles(first: 1, after: $after) { edges { cursor } } }`;
    const ok = await t.gql(q, { after: null });
    expect(ok.body.errors).toBeUndefined();
    const bad = await t.gql(q, { after: 'not-a-cursor' });
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('INVALID_CURSOR');
  });

  it('search reuses its statement too, and paging with a cursor is a different statement', async () => {
    const q = `query S($q: String!, $after: String) { search(query: $q, first: 2, after: $after) { totalCount edges { cursor score node { __typename } } } }`;
    const first = await t.gql(q, { q: 'larijani' });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.search.totalCount).toBeGreaterThan(2);
    const again = await t.gql(q, { q: 'larijani' });
    expect(again.body.extensions.sql).toMatchObject({ statements: 1, reusedSql: 1 });
    expect(again.body.data).toEqual(first.body.data);
    const next = await t.gql(q, { q: 'larijani', after: first.body.data.search.edges[1].cursor });
    expect(next.body.extensions.sql).toMatchObject({ statements: 1, reusedSql: 0 });
    expect(next.body.data.search.edges[0].cursor).not.toBe(first.body.data.search.edges[0].cursor);
  });

  it('keeps at most its capacity, dropping the least recently used', () => {
    const cache = new StatementCache(2);
    const built = (sql: string) => ({ builtQuery: { sql, params: [] }, mapper: null });
    cache.set('a', built('A'));
    cache.set('b', built('B'));
    expect(cache.get('a')?.builtQuery.sql).toBe('A'); // 'a' is now the most recent
    cache.set('c', built('C'));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.builtQuery.sql).toBe('A');
    expect(cache.get('c')?.builtQuery.sql).toBe('C');
  });
});
