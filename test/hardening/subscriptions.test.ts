/**
 * Subscriptions are not offered (the schema has no Subscription type): a subscription operation
 * is refused at validation with OPERATION_NOT_SUPPORTED, 400 under graphql-response+json (200
 * under application/json, as the GraphQL over HTTP spec asks of validation errors), on POST and
 * GET alike, before any resolver runs.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createTestApp, testAppForSuite } from '../helpers/app.ts';

const t = testAppForSuite(() => createTestApp({ config: { rateLimit: { ...loadConfig({}).rateLimit, anonymous: 0 } } }));

const SUBSCRIPTION = 'subscription OnArticle { articles(first: 1) { totalCount } }';

async function post(accept: string, query: string, operationName?: string) {
  const res = await t.app.request('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', accept }, body: JSON.stringify({ query, operationName }) });
  return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
}

describe('subscriptions: a coded refusal', () => {
  it('OPERATION_NOT_SUPPORTED, 400 under application/graphql-response+json, no data', async () => {
    const r = await post('application/graphql-response+json', SUBSCRIPTION);
    expect(r.status).toBe(400);
    expect('data' in r.body).toBe(false);
    expect(r.body.errors).toEqual([
      {
        message: 'Subscriptions are not offered by this API: ask with a query (poll it, or revalidate with HTTP caching).',
        locations: [{ line: 1, column: 1 }],
        extensions: { code: 'OPERATION_NOT_SUPPORTED', operation: 'subscription' },
      },
    ]);
  });

  it('200 with the same code under application/json; GET refuses it the same way', async () => {
    const r = await post('application/json', SUBSCRIPTION);
    expect([r.status, r.body.errors?.[0]?.extensions?.code, 'data' in r.body]).toEqual([200, 'OPERATION_NOT_SUPPORTED', false]);
    const get = await t.app.request(`/graphql?query=${encodeURIComponent(SUBSCRIPTION)}`, { headers: { accept: 'application/graphql-response+json' } });
    const body = (await get.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect([get.status, body.errors?.[0]?.extensions?.code]).toEqual([400, 'OPERATION_NOT_SUPPORTED']);
  });

  it('a document holding a subscription beside a query is refused whole; a query alone is served', async () => {
    // Validation covers the whole document, whichever operation is named.
    const r = await post('application/graphql-response+json', `query Q { __typename } ${SUBSCRIPTION}`, 'Q');
    expect([r.status, r.body.errors?.map((e) => e.extensions?.code)]).toEqual([400, ['OPERATION_NOT_SUPPORTED']]);
    const ok = await post('application/graphql-response+json', '{ articles(first: 1) { totalCount } }');
    expect([ok.status, ok.body.errors]).toEqual([200, undefined]);
  });
});
