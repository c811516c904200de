/**
 * Errors: masking from the config (never NODE_ENV) on a real database failure, expected errors
 * passing through with their code, field suggestions, introspection, and the app's last-resort
 * error handler.
 */
import { getIntrospectionQuery } from 'graphql';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

const NO_RATE_LIMIT = { windowSeconds: 60, anonymous: 0, credential: 0, trusted: 0, credentialHeaders: ['authorization', 'x-api-key'], trustedIpHeader: '' as const };
const SLUG = 'larijani-pakistan-visit';
/** Text that must never reach a client. */
const LEAKS = /select |from "|no such column|SQLITE|libsql|headline_renamed|\bat .+:\d+:\d+|stack/i;

describe('masking a real database failure', () => {
  let broken: TestApp;
  const nodeEnv = process.env.NODE_ENV;
  beforeAll(async () => {
    broken = await createTestApp({ config: { rateLimit: NO_RATE_LIMIT } });
    // A schema drift the code does not expect: every article query now fails inside libSQL.
    await broken.db.$client.execute('ALTER TABLE articles RENAME COLUMN headline TO headline_renamed');
  });
  afterAll(() => broken.close());
  afterEach(() => {
    process.env.NODE_ENV = nodeEnv;
  });

  const query = `{ article(slug: "${SLUG}") { headline } }`;

  it('answers "Unexpected error." with INTERNAL_SERVER_ERROR and no SQL, driver message or stack, even with NODE_ENV=development', async () => {
    process.env.NODE_ENV = 'development';
    const original = console.error;
    const logged: unknown[] = [];
    console.error = (...args: unknown[]) => logged.push(args);
    try {
      const res = await broken.app.request('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: JSON.stringify({ query }),
      });
      const text = await res.text();
      expect(res.status).toBe(200);
      expect(JSON.parse(text)).toEqual({
        data: { article: null },
        errors: [{ message: 'Unexpected error.', locations: [{ line: 1, column: 3 }], path: ['article'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
      });
      expect(text).not.toMatch(LEAKS);
    } finally {
      console.error = original;
    }
  });

  it('shows the original message only when MASK_ERRORS is off', async () => {
    const config = { ...loadConfig({ MASK_ERRORS: 'false' }), rateLimit: NO_RATE_LIMIT };
    const app = createApp({ db: broken.db, config });
    const res = await app.request('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const body = (await res.json()) as { errors: { message: string }[] };
    expect(body.errors[0]!.message).toMatch(/headline/);
    expect(body.errors[0]!.message).not.toBe('Unexpected error.');
  });
});

describe('expected errors, suggestions, introspection', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { rateLimit: NO_RATE_LIMIT } });
  });
  afterAll(() => t.close());

  it('a coded error from a resolver passes through with its message and code', async () => {
    const r = await t.gql('{ article { headline } }');
    expect(r.status).toBe(200);
    expect(r.body.errors).toEqual([
      { message: 'give exactly one of id, slug or uri', locations: [{ line: 1, column: 3 }], path: ['article'], extensions: { code: 'BAD_USER_INPUT' } },
    ]);
  });

  it('field suggestions are off by default and on with FIELD_SUGGESTIONS', async () => {
    const off = await t.gql(`{ article(slug: "${SLUG}") { headlin } }`);
    expect(off.status).toBe(400);
    expect(off.body.errors?.[0]?.message).toBe('Cannot query field "headlin" on type "Article".');
    const app = createApp({ db: t.db, config: { ...loadConfig({ FIELD_SUGGESTIONS: '1' }), rateLimit: NO_RATE_LIMIT } });
    const on = await app.request('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ article(slug: "${SLUG}") { headlin } }` }) });
    expect(((await on.json()) as any).errors[0].message).toBe('Cannot query field "headlin" on type "Article". Did you mean "headline"?');
  });

  it("introspection is on: GraphiQL's full introspection query is answered", async () => {
    const r = await t.gql(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }));
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
    const types = r.body.data.__schema.types.map((x: { name: string }) => x.name);
    expect(types).toEqual(expect.arrayContaining(['Article', 'Person', 'Organisation', 'Engagement', 'Query']));
  });

  it('an exception outside GraphQL is a masked 500 in the GraphQL error shape', async () => {
    const app = createApp({
      db: t.db,
      config: { ...loadConfig({}), rateLimit: NO_RATE_LIMIT },
      assets: async () => {
        throw new Error('ENOENT: /srv/secret/path/graphiql.js');
      },
    });
    const original = console.error;
    console.error = () => {};
    try {
      const res = await app.request('/graphiql-assets/graphiql.js', { headers: { accept: 'application/json' } });
      const text = await res.text();
      expect(res.status).toBe(500);
      expect(JSON.parse(text)).toEqual({ errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      expect(text).not.toContain('secret');
    } finally {
      console.error = original;
    }
  });
});
