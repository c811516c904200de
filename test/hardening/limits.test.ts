/**
 * Operation limits: every shipped query (GraphiQL's default tab, the acceptance queries, the
 * ```graphql blocks of README.md and docs/*.md) stays within the defaults; each limit follows its
 * config key; page sizes are checked per request, before and during execution; the config loader.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { execute, getIntrospectionQuery, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { loadConfig, type AppConfig } from '../../src/config.ts';
import { DEFAULT_QUERY } from '../../src/graphql/default-query.ts';
import { pageSizeFor } from '../../src/graphql/connections/page-sizes.ts';
import { fieldCost, measureOperation } from '../../src/graphql/limits.ts';
import { schema } from '../../src/graphql/schema.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { ACCEPTANCE_QUERIES } from '../worker/queries.ts';

const ROOT = new URL('../../', import.meta.url);
const PAGES = { maxPageSize: 100, defaultPageSize: 20 };
const SLUG = 'larijani-pakistan-visit';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: { rateLimit: loadConfig({ RATE_LIMIT_ANONYMOUS: '0' }).rateLimit } });
});
afterAll(() => t.close());

function appWith(env: Record<string, string>) {
  const config: AppConfig = loadConfig({ RATE_LIMIT_ANONYMOUS: '0', ...env }, { debugSql: true });
  const app = createApp({ db: t.db, config });
  return async (query: string, variables?: Record<string, unknown>) => {
    const res = await app.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, body: (await res.json()) as { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
  };
}

/** The ```graphql blocks of the README and docs (queries users will paste). */
function markdownQueries(): { file: string; query: string }[] {
  const files = ['README.md', ...(existsSync(new URL('docs/', ROOT)) ? readdirSync(new URL('docs/', ROOT)).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`) : [])];
  return files
    .filter((f) => existsSync(new URL(f, ROOT)))
    .flatMap((file) => [...readFileSync(new URL(file, ROOT), 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => ({ file, query: m[1]! })));
}

describe('shipped queries stay within the default limits', () => {
  const shipped: Record<string, string> = { graphiqlDefaultTab: DEFAULT_QUERY, ...ACCEPTANCE_QUERIES };

  it('their measured depth and cost (the figures docs/limits.md quotes)', () => {
    // Depth in relation hops: Relay's edges / node / pageInfo add none (test/hardening/relay-depth.test.ts).
    expect(measureOperation(schema, parse(DEFAULT_QUERY), PAGES)).toEqual({ cost: 746, depth: 6 });
    expect(measureOperation(schema, parse(ACCEPTANCE_QUERIES.deepWalk), PAGES)).toEqual({ cost: 19463, depth: 7 });
  });

  for (const [name, query] of Object.entries(shipped)) {
    it(`${name} is answered without errors`, async () => {
      const r = await t.gql(query);
      expect(r.body.errors).toBeUndefined();
      expect(r.status).toBe(200);
    });
  }

  it("GraphiQL's introspection query is answered (depth 15 with its ofType chain)", async () => {
    const r = await t.gql(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, schemaDescription: true, specifiedByUrl: true, directiveIsRepeatable: true, oneOf: true }));
    expect([r.status, r.body.errors]).toEqual([200, undefined]);
  });

  it('every ```graphql block of README.md and docs/*.md is within the limits', async () => {
    const blocks = markdownQueries();
    expect(blocks.length).toBeGreaterThan(0);
    for (const { file, query } of blocks) {
      const r = await t.gql(query);
      const codes = (r.body.errors ?? []).map((e) => e.extensions?.code);
      expect([file, query.slice(0, 60), codes.filter((c) => c === 'QUERY_TOO_COMPLEX' || c === 'GRAPHQL_VALIDATION_FAILED' || c === 'GRAPHQL_PARSE_FAILED')]).toEqual([file, query.slice(0, 60), []]);
    }
  });
});

describe('each limit follows its config key', () => {
  it('MAX_DEPTH', async () => {
    const gql = appWith({ MAX_DEPTH: '6' });
    expect((await gql(DEFAULT_QUERY)).status).toBe(200);
    const walk = await gql(ACCEPTANCE_QUERIES.deepWalk);
    expect([walk.status, walk.body.errors?.[0]?.extensions]).toEqual([400, { code: 'QUERY_TOO_COMPLEX', limit: 'depth', max: 6, actual: 7 }]);
  });

  it('MAX_COST', async () => {
    const gql = appWith({ MAX_COST: '20000' });
    expect((await gql(ACCEPTANCE_QUERIES.deepWalk)).status).toBe(200);
    const r = await appWith({ MAX_COST: '700' })(DEFAULT_QUERY);
    expect([r.status, r.body.errors?.[0]]).toEqual([
      400,
      { message: 'Query cost of 746 exceeds the limit of 700.', extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'cost', max: 700, actual: 746 } },
    ]);
  });

  it('MAX_COST weighs only what runs: a branch @skip / @include turns off costs nothing', async () => {
    const gql = appWith({ MAX_COST: '700' });
    const q = `query Q($big: Boolean!, $small: Boolean = true, $id: ID!) {
      articles(first: 1) @include(if: $small) { edges { node { slug } } }
      big: articles(first: 50) @include(if: $big) { edges { node { people(first: 10) { edges { node { name } } } } } }
      node(id: $id) @skip(if: true) { id }
    }`;
    const off = await gql(q, { big: false, id: 'not a global id' });
    expect([off.status, off.body.errors, off.body.data?.articles?.edges?.length, 'big' in (off.body.data ?? {})]).toEqual([200, undefined, 1, false]);
    // 1651 for the big branch (see fieldCost), 4 for the small one; the skipped node(id:) nothing.
    const on = await gql(q, { big: true, id: 'not a global id' });
    expect([on.status, on.body.errors?.[0]?.extensions]).toEqual([400, { code: 'QUERY_TOO_COMPLEX', limit: 'cost', max: 700, actual: 1651 + 4 }]);
    // Only the defaults of the operation that runs count: B's `$s = true` does not skip A's branch.
    const two = `query A($s: Boolean = false) { articles(first: 50) @skip(if: $s) { edges { node { people(first: 10) { edges { node { name } } } } } } }
      query B($s: Boolean = true) { __typename @skip(if: $s) }`;
    const res = await (async () => {
      const app = createApp({ db: t.db, config: loadConfig({ RATE_LIMIT_ANONYMOUS: '0', MAX_COST: '700' }, { debugSql: true }) });
      const r = await app.request('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' }, body: JSON.stringify({ query: two, operationName: 'A' }) });
      return { status: r.status, body: (await r.json()) as { errors?: { extensions?: Record<string, unknown> }[] } };
    })();
    expect([res.status, res.body.errors?.[0]?.extensions?.limit]).toEqual([400, 'cost']);
  });

  it('MAX_TOKENS, MAX_ALIASES, MAX_DIRECTIVES, MAX_DOCUMENT_BYTES', async () => {
    const gql = appWith({ MAX_TOKENS: '80', MAX_ALIASES: '1', MAX_DIRECTIVES: '1', MAX_DOCUMENT_BYTES: '2000' });
    const code = async (q: string) => (await gql(q)).body.errors?.[0]?.extensions;
    expect(await code(`{ __typename } # ${'é'.repeat(1000)}`)).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'documentSize', max: 2000, actual: 2017 });
    expect(await code(DEFAULT_QUERY)).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'tokens', max: 80 });
    expect(await code(`{ ${'__typename '.repeat(90)} }`)).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'tokens', max: 80 });
    expect(await code('{ a: __schema { queryType { name } } b: __schema { queryType { name } } }')).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases', max: 1, actual: 2 });
    expect(await code('{ __typename @include(if: true) @skip(if: false) }')).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'directives', max: 1, actual: 2 });
    expect((await gql(`{ a: article(slug: "${SLUG}") { headline @include(if: true) } }`)).status).toBe(200);
  });
});

describe('page sizes (MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE), per request', () => {
  const people = (args: string) => `{ article(slug: "${SLUG}") { people${args} { totalCount edges { node { name } } } } }`;

  it('first/last above MAX_PAGE_SIZE or negative are BAD_USER_INPUT before execution', async () => {
    const gql = appWith({ MAX_PAGE_SIZE: '3' });
    for (const [args, argument, value] of [['(first: 4)', 'first', 4], ['(last: 100)', 'last', 100], ['(first: -1)', 'first', -1]] as const) {
      const r = await gql(people(args));
      expect(r.status).toBe(400);
      expect('data' in r.body).toBe(false);
      expect(r.body.errors).toEqual([
        { message: `"${argument}" must be an integer from 0 to 3 (the maximum page size), got ${value}`, extensions: { code: 'BAD_USER_INPUT', argument, max: 3 } },
      ]);
    }
    const v = await gql('query Q($n: Int) { article(slug: "larijani-pakistan-visit") { people(first: $n) { totalCount } } }', { n: 4 });
    expect(v.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'first', max: 3 });
    const ok = await gql(people('(first: 3)'));
    expect([ok.status, ok.body.data.article.people.edges.length, ok.body.data.article.people.totalCount]).toEqual([200, 3, 4]);
  });

  it('DEFAULT_PAGE_SIZE is the page size without first/last', async () => {
    const gql = appWith({ DEFAULT_PAGE_SIZE: '2' });
    const r = await gql(people(''));
    expect([r.body.data.article.people.edges.length, r.body.data.article.people.totalCount]).toEqual([2, 4]);
    const last = await gql(people('(last: 1)'));
    expect(last.body.data.article.people.edges.length).toBe(1);
  });

  it('the resolvers enforce the request context maximum too (execution without the limits plugin)', async () => {
    const result = await execute({
      schema,
      document: parse(people('(first: 50)')),
      contextValue: { db: t.db, maxPageSize: 3, defaultPageSize: 2 },
    });
    expect(result.errors?.map((e) => [e.message, e.extensions])).toEqual([
      ['"first" must be an integer from 0 to 3 (the maximum page size), got 50', { code: 'BAD_USER_INPUT', argument: 'first', max: 3 }],
    ]);
    const fine = await execute({ schema, document: parse(people('')), contextValue: { db: t.db, maxPageSize: 3, defaultPageSize: 2 } });
    expect((fine.data as any).article.people.edges).toHaveLength(2);
  });

  it('pageSizeFor and fieldCost', () => {
    expect(pageSizeFor({}, PAGES)).toEqual({ size: 20, max: 100 });
    expect(pageSizeFor({ last: 7 }, PAGES)).toEqual({ size: 7, max: 100 });
    expect(pageSizeFor({ first: 0 }, PAGES)).toEqual({ size: 0, max: 100 });
    expect(() => pageSizeFor({ first: 101 }, PAGES)).toThrow('"first" must be an integer from 0 to 100');
    const articles = schema.getQueryType()!.getFields().articles!;
    expect(fieldCost({ first: 50 }, PAGES, articles)).toEqual({ field: 1, multiplier: 50 });
    const edges = schema.getType('ArticleConnection') as import('graphql').GraphQLObjectType;
    expect(fieldCost({}, PAGES, edges.getFields().edges!)).toEqual({ field: 1, multiplier: 1 });
    const roles = (schema.getType('Person') as import('graphql').GraphQLObjectType).getFields().roles!;
    expect(fieldCost({}, PAGES, roles)).toEqual({ field: 1, multiplier: 10 });
    // The example in fieldCost's docstring.
    expect(measureOperation(schema, parse('{ articles(first: 50) { edges { node { people(first: 10) { edges { node { name } } } } } } }'), PAGES).cost).toBe(1651);
  });
});

describe('loadConfig', () => {
  it('reads every key from strings', () => {
    const c = loadConfig({
      MAX_PAGE_SIZE: '50', DEFAULT_PAGE_SIZE: '10', MAX_BODY_BYTES: '65536', MAX_DOCUMENT_BYTES: '8192', MAX_TOKENS: '500', MAX_DEPTH: '10',
      MAX_COST: '9999', MAX_ALIASES: '5', MAX_DIRECTIVES: '7', FIELD_SUGGESTIONS: 'yes', MASK_ERRORS: 'on', CORS_ORIGINS: 'https://a.example,https://B.example/',
      CORS_MAX_AGE: '600', RATE_LIMIT_WINDOW_SECONDS: '10', RATE_LIMIT_ANONYMOUS: '100', RATE_LIMIT_CREDENTIAL: '50', CREDENTIAL_HEADERS: 'X-Api-Key, Authorization', TRUSTED_IP_HEADER: 'CF-Connecting-IP',
    });
    // toMatchObject: other modules add their own keys (auth ...).
    expect(c).toMatchObject({
      debugSql: false, maxPageSize: 50, defaultPageSize: 10, maskErrors: true, fieldSuggestions: true,
      limits: { maxBodyBytes: 65536, maxDocumentBytes: 8192, maxTokens: 500, maxDepth: 10, maxCost: 9999, maxAliases: 5, maxDirectives: 7 },
      cors: { origins: ['https://a.example', 'https://b.example'], maxAge: 600 },
      rateLimit: { windowSeconds: 10, anonymous: 100, credential: 50, credentialHeaders: ['x-api-key', 'authorization'], trustedIpHeader: 'cf-connecting-ip' },
    });
  });
  it('names the variable of a malformed value', () => {
    expect(() => loadConfig({ MAX_DEPTH: 'deep' })).toThrow('MAX_DEPTH must be an integer');
    expect(() => loadConfig({ MAX_COST: '0' })).toThrow('MAX_COST must be an integer in 1..');
    expect(() => loadConfig({ TRUSTED_IP_HEADER: 'x-client-ip' })).toThrow('TRUSTED_IP_HEADER must be one of');
    expect(() => loadConfig({ CORS_ORIGINS: 'example.org' })).toThrow('CORS_ORIGINS entries must be origins');
    expect(() => loadConfig({ FIELD_SUGGESTIONS: 'maybe' })).toThrow('FIELD_SUGGESTIONS expected a boolean');
  });
});
