/**
 * The depth limit counts relation hops, not Relay's wrappers: a connection's `edges` and
 * `pageInfo` and an edge's `node` add no level (src/graphql/limits.ts `documentDepth`). A six-hop
 * walk through connections is answered in one SQL statement; hostile depth is refused before any
 * SQL, through fragments, inline fragments and fragment cycles alike; introspection stays bounded;
 * the cost limit still bounds a walk with large pages.
 */
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { documentDepth } from '../../src/graphql/limits.ts';
import { schema } from '../../src/graphql/schema.ts';
import { createTestApp, testAppForSuite } from '../helpers/app.ts';
import { nestedConnections, SIX_HOPS } from './attack-cases.ts';

/** Statements the libSQL client (and the prepared reader) ran since the last reset: counted on the real client. */
let executed = 0;
const t = testAppForSuite(async () => {
  const opened = await createTestApp({ config: { rateLimit: { ...loadConfig({}).rateLimit, anonymous: 0 } } });
  // $client is the app's counting Proxy (src/db/client.ts); an own property set through it lands
  // on the libSQL client itself, beneath the Proxy, and wraps the client's own method.
  const client = opened.db.$client as unknown as Record<string, (...a: unknown[]) => unknown>;
  const proto = Object.getPrototypeOf(client) as Record<string, (...a: unknown[]) => unknown>;
  for (const method of ['execute', 'batch'] as const) {
    const real = proto[method]!;
    client[method] = function (this: unknown, ...a: unknown[]) {
      executed++;
      return real.apply(this, a);
    };
  }
  // The compiled read path's statements run on the file's prepared reading connection (src/db/prepared.ts).
  const readOne = opened.db.$readOne;
  opened.db.$readOne = (sql, params) => {
    executed++;
    return readOne(sql, params);
  };
  return opened;
});

const depth = (q: string) => documentDepth(schema, parse(q));

describe('depth in relation hops', () => {
  it("Relay's edges, node and pageInfo add no level; plain relations and leaves do", () => {
    expect(depth('{ articles(first: 1) { edges { node { slug } } } }')).toBe(2);
    expect(depth('{ articles(first: 1) { pageInfo { hasNextPage } totalCount } }')).toBe(2);
    expect(depth('{ person(slug: "x") { roles { organisation { name } } } }')).toBe(4);
    expect(depth('{ search(query: "x") { edges { node { ... on Person { name } } } } }')).toBe(2);
    expect(depth(SIX_HOPS)).toBe(8);
  });

  it('fragments and inline fragments add no level and are counted where they are spread', () => {
    const spread = `{ articles(first: 1) { edges { ...E } } } fragment E on ArticleEdge { node { people(first: 1) { edges { node { ...P } } } } } fragment P on Person { roles { title } }`;
    expect(depth(spread)).toBe(depth('{ articles(first: 1) { edges { node { people(first: 1) { edges { node { roles { title } } } } } } } }'));
    expect(depth(spread)).toBe(4);
    const inline = '{ node(id: "x") { ... on Person { articles(first: 1) { edges { node { ... on Article { dateline { name } } } } } } } }';
    expect(depth(inline)).toBe(4);
    // A fragment spread many times is measured once and counted wherever it is deepest.
    const reused = `{ a: article(slug: "x") { ...A } b: article(slug: "y") { people(first: 1) { edges { node { articles(first: 1) { edges { node { ...A } } } } } } } } fragment A on Article { dateline { country { name } } }`;
    expect(depth(reused)).toBe(6);
  });

  it('a fragment cycle neither loops nor hides depth: refused by validation', async () => {
    expect(depth('{ ...A } fragment A on Query { articles(first: 1) { edges { node { slug } } } ...B } fragment B on Query { ...A }')).toBe(2);
    const r = await t.gql('{ ...A } fragment A on Query { articles(first: 1) { totalCount } ...B } fragment B on Query { ...A }');
    expect([r.status, r.body.errors?.[0]?.extensions?.code, 'data' in r.body]).toEqual([400, 'GRAPHQL_VALIDATION_FAILED', false]);
  });
});

describe('the six-hop walk through connections', () => {
  it('is accepted and answered in one SQL statement, with real values at every hop', async () => {
    executed = 0;
    const r = await t.gql(SIX_HOPS);
    expect(r.body.errors).toBeUndefined();
    // The debug header's count and the client's own (which the refusals below expect at 0).
    expect([r.status, r.statements, executed]).toEqual([200, 1, 1]);
    const article = r.body.data.article;
    expect(article.headline).toMatch(/Larijani/);
    const people = article.people.edges;
    expect(people.length).toBeGreaterThan(0);
    expect(people.map((e: { node: { name: string } }) => e.node.name)).toContain('Ali Larijani');
    const larijani = people.find((e: { node: { name: string } }) => e.node.name === 'Ali Larijani').node;
    const participants = larijani.engagements.edges.flatMap((e: { node: { participants: unknown[] } }) => e.node.participants);
    expect(participants.length).toBeGreaterThan(1);
    const places = participants.flatMap((p: any) => p.actor.articles.edges.flatMap((a: any) => a.node.places.edges));
    expect(places.map((p: { node: { name: string } }) => p.node.name)).toContain('Pakistan');
    for (const p of places) expect(['ABOUT', 'MENTIONS']).toContain(p.rel);
  });

  it('with large pages the cost limit still refuses it, before any SQL', async () => {
    executed = 0;
    const r = await t.gql(SIX_HOPS.replaceAll('first: 3', 'first: 20'));
    expect([r.status, r.body.errors?.[0]?.extensions?.code, r.body.errors?.[0]?.extensions?.limit, 'data' in r.body]).toEqual([400, 'QUERY_TOO_COMPLEX', 'cost', false]);
    expect(executed).toBe(0);
  });
});

describe('hostile depth is refused before any SQL', () => {
  const refused = async (query: string, limit = 'depth') => {
    executed = 0;
    const r = await t.gql(query);
    expect([r.status, r.body.errors?.[0]?.extensions?.code, r.body.errors?.[0]?.extensions?.limit, 'data' in r.body]).toEqual([400, 'QUERY_TOO_COMPLEX', limit, false]);
    expect(executed).toBe(0);
    return r.body.errors![0]!;
  };

  it('16 hops through connections (the limit is 15)', async () => {
    const e = await refused(nestedConnections(15, 'slug'));
    expect(e).toMatchObject({ message: 'Query depth limit of 15 exceeded, found 16.', extensions: { max: 15, actual: 16 } });
    // 15 hops pass the depth limit (and are then weighed by cost).
    expect(depth(nestedConnections(14, 'slug'))).toBe(15);
  });

  it('the same depth hidden in named fragments, inline fragments, or on edge types', async () => {
    const parts: string[] = [];
    for (let i = 0; i < 16; i++) {
      const [on, field] = i === 0 ? ['Query', 'articles'] : i % 2 ? ['Article', 'people'] : ['Person', 'articles'];
      parts.push(`fragment F${i} on ${on} { ${field}(first: 1) { edges { node { ${i + 1 < 16 ? `...F${i + 1}` : 'id'} } } } }`);
    }
    expect((await refused(`{ ...F0 } ${parts.join(' ')}`)).extensions).toMatchObject({ actual: 17 });
    let inline = 'id';
    for (let i = 15; i >= 0; i--) inline = `... on ${i % 2 ? 'Article' : 'Person'} { ${i % 2 ? 'people' : 'articles'}(first: 1) { edges { ... on ${i % 2 ? 'ArticlePersonEdge' : 'ArticleEdge'} { node { ${inline} } } } } }`;
    expect((await refused(`{ person(slug: "ali-larijani") { ${inline} } }`)).extensions).toMatchObject({ actual: 18 });
  });

  it('introspection is still bounded (an ofType chain counts every level)', async () => {
    let chain = 'name';
    for (let i = 0; i < 14; i++) chain = `ofType { ${chain} }`;
    await refused(`{ __type(name: "Article") { fields { type { ${chain} } } } }`);
    expect(depth(`{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }`)).toBe(8);
  });
});
