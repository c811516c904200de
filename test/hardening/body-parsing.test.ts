/**
 * A JSON POST body is read once, by the UTF-8 guard, and parsed from that text
 * (`checkedBodyPlugin`, src/http/guards.ts) instead of by yoga's own JSON parser. Differential:
 * for bodies at the edges of what the parser accepts, the app answers with the status and body
 * that yoga answers over the same schema and error masking, reading the body itself.
 */
import { createYoga } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../src/graphql/schema.ts';
import { maskError } from '../../src/graphql/masking.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

const NO_RATE_LIMIT = { windowSeconds: 60, anonymous: 0, credential: 0, trusted: 0, credentialHeaders: ['authorization', 'x-api-key'], trustedIpHeader: '' as const };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: false, config: { rateLimit: NO_RATE_LIMIT } });
});
afterAll(() => t.close());

// yoga as it parses bodies itself: same schema, same masking, no guards in front.
const plain = createYoga({ schema, graphqlEndpoint: '/graphql', landingPage: false, graphiql: false, batching: false, multipart: false, maskedErrors: { isDev: false, errorMessage: 'Unexpected error.', maskError } });

const BODIES = ['null', '42', '"text"', 'true', '[]', '{"query": ', '', '{}', '{"query":"{ __typename }"}', '{"query":"{ __typename }","variables":null}', '{"query":42}'];
const TYPES = ['application/json', 'application/json; charset=utf-8'];

describe('JSON bodies parsed from the guard\'s text answer as yoga\'s parser does', () => {
  for (const type of TYPES) {
    for (const accept of ['application/graphql-response+json', 'application/json']) {
      it(`${type}, Accept ${accept}`, async () => {
        for (const body of BODIES) {
          const init = () => ({ method: 'POST', headers: { 'content-type': type, accept }, body });
          const ours = await t.app.request('/graphql', init());
          const theirs = await plain.fetch('http://localhost/graphql', init());
          const answer = async (r: Response) => [r.status, r.headers.get('content-type'), await r.text()];
          expect([body, ...(await answer(ours))]).toEqual([body, ...(await answer(theirs))]);
        }
      });
    }
  }

  it('a body that is not UTF-8 is still refused before parsing', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('{"query":"{ __typename }" '), 0xff, 0x7d]);
    const res = await t.app.request('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: bytes });
    expect([res.status, ((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code]).toEqual([400, 'BAD_REQUEST']);
  });
});
