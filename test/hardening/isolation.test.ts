/**
 * Per-request isolation: requests served concurrently by one app (one process, one database
 * client) never see each other's debug flag, SQL statement counter or credential.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

const SLUG = 'larijani-pakistan-visit';
const alone0 = { article: { headline: 'Neighbors continue high-level exchanges as Larijani heads to ‘brotherly’ Pakistan' } };
/** One, two and three root lookups: one, two and three SQL statements. */
const QUERIES = [
  `{ article(slug: "${SLUG}") { headline } }`,
  `{ a: article(slug: "${SLUG}") { slug } p: person(slug: "ali-larijani") { name } }`,
  `{ a: article(slug: "${SLUG}") { slug } b: article(slug: "${SLUG}") { datelineText } p: person(slug: "ali-larijani") { name } }`,
];

let t: TestApp;
beforeAll(async () => {
  // The executor path: its queries here differ in statement count (compiled, each would be one).
  t = await createTestApp({ config: { compiledReads: false, rateLimit: { windowSeconds: 60, anonymous: 0, credential: 0, trusted: 0, credentialHeaders: ['authorization', 'x-api-key'], trustedIpHeader: '' } } });
});
afterAll(() => t.close());

async function send(app: TestApp['app'], query: string, headers: Record<string, string>) {
  const res = await app.request('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: unknown; extensions?: { sql?: { statements: number } } } };
}

describe('per-request isolation', () => {
  it('concurrent requests with and without the debug header each get their own statement count', async () => {
    // Each query's answer and statement count, alone.
    const alone: Awaited<ReturnType<typeof send>>[] = [];
    for (const q of QUERIES) alone.push(await send(t.app, q, { 'x-newsgraph-debug': 'sql' }));
    const counts = alone.map((r) => r.body.extensions?.sql?.statements);
    expect(new Set(counts).size).toBe(QUERIES.length);

    // 90 requests in flight together: query i % 3, debug header on every other one.
    const runs = Array.from({ length: 90 }, (_, i) => ({ q: i % 3, debug: i % 2 === 0 }));
    const answers = await Promise.all(runs.map((r) => send(t.app, QUERIES[r.q]!, r.debug ? { 'x-newsgraph-debug': 'sql' } : {})));
    answers.forEach((a, i) => {
      const { q, debug } = runs[i]!;
      expect(a.status).toBe(200);
      expect(a.body.errors).toBeUndefined();
      expect(a.body.data).toEqual(alone[q]!.body.data);
      if (debug) expect(a.body.extensions).toEqual({ sql: { statements: counts[q], reusedSql: expect.any(Number), compiled: false, fallback: expect.any(String) } });
      else expect(a.body.extensions).toBeUndefined();
    });
  });

  it('concurrent requests with different credentials are limited per credential, never by another one', async () => {
    const keys = Array.from({ length: 20 }, (_, i) => `editor-key-${String(i).padStart(2, '0')}-0123456789`);
    const config = loadConfig({ RATE_LIMIT_CREDENTIAL: '1', RATE_LIMIT_ANONYMOUS: '1000', API_KEYS: keys.join(',') }, { debugSql: true });
    const app = createApp({ db: t.db, config });
    const creds = keys.map((k) => `Bearer ${k}`);
    const requests = creds.flatMap((c) => [c, c]).map((c, i) => ({ c, debug: i % 3 === 0 }));
    const answers = await Promise.all(
      requests.map((r) => send(app, QUERIES[0]!, { authorization: r.c, ...(r.debug ? { 'x-newsgraph-debug': 'sql' } : {}) })),
    );
    for (const c of creds) {
      const statuses = answers.filter((_, i) => requests[i]!.c === c).map((a) => a.status).sort();
      expect([c, statuses]).toEqual([c, [200, 429]]);
    }
    answers.forEach((a, i) => {
      if (a.status !== 200) return;
      expect(a.body.extensions?.sql !== undefined).toBe(requests[i]!.debug);
    });
  });

  it('concurrent writes: each request is authorised by its own credential only', async () => {
    const key = 'k-isolation-0123456789abcdef';
    const app = createApp({ db: t.db, config: loadConfig({ API_KEYS: key, RATE_LIMIT_ANONYMOUS: '0', RATE_LIMIT_CREDENTIAL: '0' }) });
    // No article has rowid 999999: an authorised delete answers false, and nothing is deleted.
    const mutation = `mutation { deleteArticle(id: "${btoa('Article:999999')}") }`;
    const who = Array.from({ length: 60 }, (_, i) => (['key', 'none', 'wrong'] as const)[i % 3]!);
    const answers = await Promise.all(
      who.map((w) =>
        send(app, mutation, w === 'key' ? { 'x-api-key': key } : w === 'wrong' ? { authorization: 'Bearer k-not-a-valid-key-000000' } : {}),
      ),
    );
    answers.forEach((a, i) => {
      const body = a.body as { data?: { deleteArticle?: boolean } | null; errors?: { extensions?: { code?: string } }[] };
      if (who[i] === 'key') expect([i, body.errors, body.data]).toEqual([i, undefined, { deleteArticle: false }]);
      else expect([i, body.errors?.[0]?.extensions?.code]).toEqual([i, 'UNAUTHENTICATED']);
    });
    const still = await send(t.app, QUERIES[0]!, {});
    expect(still.body.data).toEqual(alone0);
  });

  it('the debug header does nothing when DEBUG_SQL is off, even alongside an app that has it on', async () => {
    const off = createApp({ db: t.db, config: loadConfig({ DEBUG_SQL: '0', RATE_LIMIT_ANONYMOUS: '0' }) });
    const [a, b] = await Promise.all([send(off, QUERIES[0]!, { 'x-newsgraph-debug': 'sql' }), send(t.app, QUERIES[0]!, { 'x-newsgraph-debug': 'sql' })]);
    expect(a.body.extensions).toBeUndefined();
    expect(b.body.extensions?.sql?.statements).toBe(1);
    expect(a.body.data).toEqual(b.body.data);
  });
});
