/**
 * Mutation.ingestText over the real app and a real libSQL file: an editor credential is
 * required (401 without); bad input (no body, binary, a 5 MB paste, French, too large for
 * MAX_TEXT_BYTES) is refused with its code and writes nothing; a dry run returns the draft
 * bundle and writes nothing; a real run creates the article with the people the text names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_AUTH } from '../../../src/auth/credentials.ts';
import { DEFAULT_TEXT_LIMITS } from '../../../src/config.ts';
import { createTestApp, type TestApp } from '../../helpers/app.ts';
import { counts, snapshot } from '../../ingest/helpers.ts';
import { BODY, FRENCH, HEADLINE, PASTE, PEOPLE } from '../texts.ts';

const API_KEY = 'nk_test_ingest_text_0001';
const editor = { 'x-api-key': API_KEY };
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ config: { auth: { ...NO_AUTH, apiKeys: [API_KEY] }, publicBaseUrl: 'https://newsgraph.test' } });
});
afterAll(() => t.close());

const INGEST_TEXT = `mutation($input: IngestTextInput!, $dryRun: Boolean) {
  ingestText(input: $input, dryRun: $dryRun) {
    bundle
    result { created changed article { uri slug headline people(first: 20) { edges { node { name } } } } }
  }
}`;
type Input = { headline: string; body: string; published?: string; dateline?: string; language?: string; uri?: string };
const ingestText = (input: Input, dryRun = false, headers: Record<string, string> = editor) => t.gql(INGEST_TEXT, { input, dryRun }, headers);
const article = { headline: HEADLINE, body: BODY, published: '2026-02-10T08:00:00Z', uri: 'urn:test:ingest-text:rail' };

/** Sends a request that must be refused and checks that no table changed. */
async function refused(send: () => Promise<Awaited<ReturnType<typeof ingestText>>>) {
  const before = await snapshot(t.db);
  const beforeCounts = await counts(t.db);
  const r = await send();
  expect(await counts(t.db)).toEqual(beforeCounts);
  expect(await snapshot(t.db)).toEqual(before);
  return r;
}
const problemCodes = (r: Awaited<ReturnType<typeof ingestText>>) =>
  ((r.body.errors?.[0]?.extensions?.problems ?? []) as { path: string; code: string }[]).map((p) => `${p.path}:${p.code}`);

describe('ingestText refuses', () => {
  it('without a credential: 401 UNAUTHENTICATED, nothing written', async () => {
    const r = await refused(() => ingestText(article, false, {}));
    expect(r.status).toBe(401);
    expect(r.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(r.body.data).toBeNull();
  });

  it('no body, a blank body: BAD_USER_INPUT with BODY_MISSING', async () => {
    for (const body of ['', ' \n\n ']) {
      const r = await refused(() => ingestText({ ...article, body }));
      expect(r.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
      expect(r.body.errors![0]!.extensions!.argument).toBe('input');
      expect(problemCodes(r)).toEqual(['body:BODY_MISSING']);
      expect(r.body.errors![0]!.message).toMatch(/^The text was refused: an article needs a body/);
    }
    // No body at all is not valid GraphQL input (body: String!).
    const missing = await refused(() => t.gql(INGEST_TEXT, { input: { headline: HEADLINE } }, editor));
    expect(missing.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('binary content: BINARY_CONTENT', async () => {
    const r = await refused(() => ingestText({ ...article, body: `PNG\u0000\u0001\u0002${'\u0000'.repeat(64)}` }));
    expect(problemCodes(r)).toEqual(['body:BINARY_CONTENT']);
  });

  it('French text, a French language tag: NOT_ENGLISH, LANGUAGE_UNSUPPORTED, every problem at once', async () => {
    const r = await refused(() => ingestText({ ...FRENCH, language: 'fr', published: 'mardi' }));
    expect(r.status).toBe(200);
    expect(r.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(problemCodes(r)).toEqual(['language:LANGUAGE_UNSUPPORTED', 'published:PUBLISHED_INVALID', 'body:NOT_ENGLISH']);
  });

  it('a 5 MB paste: 413 PAYLOAD_TOO_LARGE before GraphQL runs', async () => {
    const r = await refused(() => ingestText({ ...article, body: PASTE }));
    expect(r.status).toBe(413);
    expect(r.body.errors![0]!.extensions!.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('a text over MAX_TEXT_BYTES but within the request limit: TEXT_TOO_LARGE', async () => {
    const body = `${BODY.replace(/[^\x20-\x7e\n]/g, '-')}\n`.repeat(Math.ceil((DEFAULT_TEXT_LIMITS.maxTextBytes + 1000) / BODY.length));
    expect(body.length).toBeLessThan(120 * 1024); // the request stays under MAX_BODY_BYTES
    const r = await refused(() => ingestText({ ...article, body }));
    expect(problemCodes(r)).toEqual(['body:TEXT_TOO_LARGE']);
  });

  it('a dry run refuses the same way', async () => {
    const r = await refused(() => ingestText({ ...FRENCH }, true));
    expect(problemCodes(r)).toEqual(['body:NOT_ENGLISH']);
  });
});

describe('ingestText', () => {
  it('dry run: the draft bundle, no result, nothing written', async () => {
    const r = await refused(() => ingestText(article, true));
    expect(r.body.errors).toBeUndefined();
    const { bundle, result } = r.body.data.ingestText;
    expect(result).toBeNull();
    expect(bundle.ninjs.uri).toBe(article.uri);
    expect(bundle.ninjs.headlines[0].value).toBe(HEADLINE);
    const names = bundle.annotations.people.map((p: { name: string }) => p.name);
    for (const name of PEOPLE) expect(names).toContain(name);
  });

  it('creates the article with the people the text names; the same text again changes nothing', async () => {
    const before = await counts(t.db);
    const r = await ingestText(article);
    expect(r.body.errors).toBeUndefined();
    const { bundle, result } = r.body.data.ingestText;
    expect(result.created).toBe(true);
    expect(result.article.uri).toBe(article.uri);
    expect(result.article.headline).toBe(HEADLINE);
    const linked = result.article.people.edges.map((e: { node: { name: string } }) => e.node.name);
    for (const name of PEOPLE) expect(linked).toContain(name);
    expect(bundle.annotations.people.length).toBe(linked.length);
    const after = await counts(t.db);
    expect(after.articles).toBe(before.articles! + 1);
    expect(after.people).toBeGreaterThanOrEqual(before.people! + PEOPLE.length);

    const again = await ingestText(article);
    expect(again.body.data.ingestText.result).toMatchObject({ created: false, changed: false });
    expect(await counts(t.db)).toEqual(after);
  });

  it('the article is then readable like any other', async () => {
    const q = await t.gql('query($uri: String!) { article(uri: $uri) { headline language people(first: 10) { totalCount } } }', { uri: article.uri });
    expect(q.body.data.article).toMatchObject({ headline: HEADLINE, language: 'en' });
    expect(q.body.data.article.people.totalCount).toBeGreaterThanOrEqual(PEOPLE.length);
  });
});
