/**
 * The attack corpus (./attack-cases.ts) against the real app on a real seeded libSQL file:
 * each hostile request is refused with the expected status and `extensions.code`, the next
 * normal request is answered, and repeating the whole corpus does not grow the heap.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/config.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import {
  ATTACK_CASES,
  attackProblems,
  normalProblems,
  normalRequest,
  schemaQueryFields,
  type AttackCase,
} from './attack-cases.ts';

const BASE = 'http://newsgraph.test';
let t: TestApp;
let queryFields: Set<string>;

const send = (r: Request) => t.app.fetch(r);

beforeAll(async () => {
  // Rate limiting is covered by rate-limit.test.ts; here every request must reach the limits.
  t = await createTestApp({ config: { rateLimit: { windowSeconds: 60, anonymous: 0, credential: 0, trusted: 0, credentialHeaders: ['authorization', 'x-api-key'], trustedIpHeader: '' } } });
  queryFields = await schemaQueryFields(send, BASE);
});
afterAll(() => t.close());

async function run(c: AttackCase): Promise<string[]> {
  const res = await send(c.request(BASE));
  const problems = attackProblems(c, res.status, res.headers, await res.text());
  const normal = await send(normalRequest(BASE));
  return [...problems, ...normalProblems(normal.status, await normal.text())];
}

describe('attack corpus (Node, app.fetch, real libSQL)', () => {
  it('the defaults are the documented ones', () => {
    expect(DEFAULT_LIMITS).toEqual({
      maxBodyBytes: 131072,
      maxDocumentBytes: 32768,
      maxTokens: 1000,
      maxDepth: 15,
      maxCost: 50000,
      maxAliases: 15,
      maxDirectives: 50,
    });
  });

  for (const c of ATTACK_CASES) {
    it(`${c.id}: ${c.description}`, async (ctx) => {
      if (c.needsQueryField && !queryFields.has(c.needsQueryField)) {
        ctx.skip(`Query.${c.needsQueryField} is not in the schema yet`);
        return;
      }
      expect(await run(c)).toEqual([]);
    });
  }

  it('under Accept: application/json, limit and validation rejections are 200 with the same code', async () => {
    const specCodes = new Set(['QUERY_TOO_COMPLEX', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_USER_INPUT']);
    let checked = 0;
    for (const c of ATTACK_CASES) {
      const e = c.expect[0]!;
      if (e.status !== 400 || !e.code || !specCodes.has(e.code)) continue;
      const hostile = c.request(BASE);
      const headers = new Headers(hostile.headers);
      headers.set('accept', 'application/json');
      const res = await send(new Request(hostile, { headers }));
      const body = (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string; limit?: string } }[] };
      expect([c.id, res.status, res.headers.get('content-type')]).toEqual([c.id, 200, 'application/json; charset=utf-8']);
      expect([c.id, body.errors?.[0]?.extensions?.code, body.errors?.[0]?.extensions?.limit]).toEqual([c.id, e.code, e.limit]);
      expect('data' in body).toBe(false);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(18);
  });

  it('repeating the corpus 20 times keeps the heap bounded and the server serving', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const cases = ATTACK_CASES.filter((c) => !c.needsQueryField || queryFields.has(c.needsQueryField));
    const round = async () => {
      for (const c of cases) expect(await run(c)).toEqual([]);
    };
    await round(); // warm caches (parse/validation LRU, JIT)
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 20; i++) await round();
    gc();
    const grownMiB = (process.memoryUsage().heapUsed - before) / 2 ** 20;
    // yoga's parse/validation caches are LRU-bounded; the rest must be garbage.
    expect(grownMiB).toBeLessThan(32);
  }, 120_000);
});
