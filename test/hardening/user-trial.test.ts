/**
 * Regressions from a new user's trial: inputs that used to reach the database or the parser
 * unchecked now get a 400/BAD_USER_INPUT with a code, and the server keeps serving.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const person = (n: number) => Buffer.from(`Person:${n}`).toString('base64');

describe('input a front end can send by mistake', () => {
  it('GET with malformed variables or extensions → 400 BAD_REQUEST, not 500', async () => {
    for (const name of ['variables', 'extensions']) {
      const url = `/graphql?query=${encodeURIComponent('{ __typename }')}&${name}=notjson`;
      const res = await t.app.request(url, { headers: { accept: 'application/graphql-response+json' } });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
      expect(body.errors[0]!.extensions.code).toBe('BAD_REQUEST');
    }
    const ok = await t.app.request(`/graphql?query=${encodeURIComponent('query($s: String) { person(slug: $s) { name } }')}&variables=${encodeURIComponent('{"s":"ali-larijani"}')}`, {
      headers: { accept: 'application/graphql-response+json' },
    });
    expect(await ok.json()).toMatchObject({ data: { person: { name: 'Ali Larijani' } } });
  });

  it('filter id lists are capped (BAD_USER_INPUT), not sent to SQLite by the hundred', async () => {
    const ids = Array.from({ length: 51 }, (_, i) => person(i + 1));
    for (const field of ['participants', 'anyParticipants']) {
      const res = await t.gql(`query($ids: [ID!]) { engagements(filter: { ${field}: $ids }) { totalCount } }`, { ids });
      expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const people = await t.gql(`query($ids: [ID!]) { articles(filter: { people: $ids }) { totalCount } }`, { ids });
    expect(people.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a name query longer than a name → BAD_USER_INPUT', async () => {
    const res = await t.gql('query($q: String) { people(query: $q) { totalCount } }', { q: 'x'.repeat(50_000) });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('days that do not exist are refused, not rolled into the next month', async () => {
    const res = await t.gql('{ engagements(filter: { from: "2025-02-30" }) { totalCount } }');
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const leap = await t.gql('{ engagements(filter: { from: "2024-02-29" }) { totalCount } }');
    expect(leap.body.errors).toBeUndefined();
  });

  it('error messages use the right article before a type name', async () => {
    const res = await t.gql(`{ engagements(filter: { place: "${person(1)}" }) { totalCount } }`);
    expect(res.body.errors?.[0]?.message).toMatch(/is not the id of a Place/);
    const eng = await t.gql(`{ articles(filter: { engagement: "${person(1)}" }) { totalCount } }`);
    expect(eng.body.errors?.[0]?.message).toMatch(/is not the id of an Engagement/);
  });
});
