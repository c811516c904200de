/**
 * The cost check remembers accepted (operation, variables) pairs per document
 * (src/graphql/limits.ts): a repeat is accepted without walking the document, and anything else,
 * such as other page sizes through variables or a repeat of a refused request, is checked again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  const base = loadConfig({}, { debugSql: true });
  t = await createTestApp({ config: { limits: { ...base.limits, maxCost: 3000 } } });
});
afterAll(() => t.close());

const Q = `query Q($n: Int!) { articles(first: $n) { edges { node { people(first: $n) { edges { node { name } } } } } } }`;

describe('cost check with remembered acceptances', () => {
  it('checks every new variables set and every refused request again', async () => {
    const ok = await t.gql(Q, { n: 10 });
    expect(ok.status).toBe(200);
    expect(ok.body.errors).toBeUndefined();
    expect((await t.gql(Q, { n: 10 })).body.errors).toBeUndefined();
    for (let i = 0; i < 2; i++) {
      const big = await t.gql(Q, { n: 100 });
      expect(big.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    }
    expect((await t.gql(Q, { n: 10 })).body.errors).toBeUndefined();
  });
});
