/**
 * Writes need an editor credential: JWT (HS256 secret or EdDSA public key, verified with jose)
 * or an API key (constant-time comparison). Missing or invalid → HTTP 401 UNAUTHENTICATED;
 * valid without the scope → 403 FORBIDDEN; reads stay public. Each request's credential is its
 * own. Also: the mutations themselves (ingest, delete, merge) through GraphQL.
 */
import { exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate, NO_AUTH, WRITE_SCOPE, type AuthConfig } from '../../src/auth/credentials.ts';
import { loadConfig } from '../../src/config.ts';
import { encodeGlobalID } from '../../src/graphql/ids.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { bundle, snapshot } from '../ingest/helpers.ts';

const SECRET = 'a-test-secret-of-at-least-32-bytes!!';
const API_KEY = 'nk_test_0123456789abcdef';
let t: TestApp;
let auth: AuthConfig;
let edPrivate: CryptoKey;

beforeAll(async () => {
  const pair = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  edPrivate = pair.privateKey as CryptoKey;
  auth = { ...NO_AUTH, jwtSecret: SECRET, jwtPublicKey: await exportSPKI(pair.publicKey as CryptoKey), apiKeys: ['nk_other_key_000000000', API_KEY] };
  t = await createTestApp({ config: { auth, publicBaseUrl: 'https://newsgraph.test' } });
});
afterAll(() => t.close());

const hs256 = (claims: Record<string, unknown>, exp: string | number | null = '5m', secret = SECRET) => {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('editor-1').setIssuedAt();
  if (exp !== null) jwt.setExpirationTime(exp);
  return jwt.sign(new TextEncoder().encode(secret));
};
const eddsa = (claims: Record<string, unknown>) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'EdDSA' }).setSubject('pipeline').setExpirationTime('5m').sign(edPrivate);

const INGEST = 'mutation($b: JSON!) { ingestArticle(bundle: $b) { created changed article { uri version } } }';
const ingest = (b: unknown, headers: Record<string, string> = {}) => t.gql(INGEST, { b }, headers);
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const code = (r: Awaited<ReturnType<typeof ingest>>) => r.body.errors?.[0]?.extensions?.code;

describe('refused writes', () => {
  it('no credential → 401 UNAUTHENTICATED with WWW-Authenticate, nothing written', async () => {
    const before = await snapshot(t.db);
    const res = await t.app.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: INGEST, variables: { b: bundle('urn:auth:1') } }),
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const body = (await res.json()) as { data: unknown; errors: { extensions: Record<string, unknown> }[] };
    expect(body.data).toBeNull();
    expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    expect(body.errors[0]!.extensions).not.toHaveProperty('http');
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('invalid credentials → 401: bad signature, expired, no exp, unknown API key, unaccepted algorithm, garbage', async () => {
    const before = await snapshot(t.db);
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"scope":"newsgraph:write"}').toString('base64url')}.`;
    const tokens = [
      await hs256({ scope: WRITE_SCOPE }, '5m', 'another-secret-that-is-32-bytes-long!'),
      await hs256({ scope: WRITE_SCOPE }, Math.floor(Date.now() / 1000) - 3600),
      await hs256({ scope: WRITE_SCOPE }, null),
      'nk_test_0123456789abcdeX',
      unsigned,
      'Basic',
    ];
    for (const token of tokens) {
      const r = await ingest(bundle('urn:auth:2'), bearer(token));
      expect(r.status, token).toBe(401);
      expect(code(r), token).toBe('UNAUTHENTICATED');
    }
    const wrongScheme = await ingest(bundle('urn:auth:2'), { authorization: `Basic ${API_KEY}` });
    expect(wrongScheme.status).toBe(401);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('a valid credential without the write scope → 403 FORBIDDEN', async () => {
    for (const token of [await hs256({ scope: 'newsgraph:read' }), await hs256({}), await eddsa({ scp: ['other'] })]) {
      const r = await ingest(bundle('urn:auth:3'), bearer(token));
      expect(r.status).toBe(403);
      expect(code(r)).toBe('FORBIDDEN');
    }
  });

  it('delete and merge refuse too', async () => {
    const before = await snapshot(t.db);
    const del = await t.gql('mutation($id: ID!) { deleteArticle(id: $id) }', { id: encodeGlobalID('Article', 1) });
    expect([del.status, del.body.errors?.[0]?.extensions?.code]).toEqual([401, 'UNAUTHENTICATED']);
    const merge = await t.gql('mutation($a: ID!, $b: ID!) { mergePeople(keep: $a, merge: $b) { name } }', {
      a: encodeGlobalID('Person', 1),
      b: encodeGlobalID('Person', 2),
    }, bearer(await hs256({ scope: 'newsgraph:read' })));
    expect([merge.status, merge.body.errors?.[0]?.extensions?.code]).toEqual([403, 'FORBIDDEN']);
    expect(await snapshot(t.db)).toEqual(before);
  });
});

describe('accepted writes', () => {
  it('HS256 JWT with scope "newsgraph:write" (space-separated scope claim)', async () => {
    const r = await ingest(bundle('urn:auth:hs'), bearer(await hs256({ scope: `openid ${WRITE_SCOPE}` })));
    expect(r.status).toBe(200);
    expect(r.body.data.ingestArticle).toEqual({ created: true, changed: true, article: { uri: 'urn:auth:hs', version: 1 } });
  });

  it('EdDSA JWT with the scope in an scp array', async () => {
    const r = await ingest(bundle('urn:auth:ed'), bearer(await eddsa({ scp: [WRITE_SCOPE] })));
    expect(r.body.data.ingestArticle.created).toBe(true);
  });

  it('API key in Authorization: Bearer or X-API-Key', async () => {
    expect((await ingest(bundle('urn:auth:key1'), bearer(API_KEY))).body.data.ingestArticle.created).toBe(true);
    const r = await ingest(bundle('urn:auth:key2'), { 'x-api-key': API_KEY });
    expect(r.body.data.ingestArticle.created).toBe(true);
    const again = await ingest(bundle('urn:auth:key2'), { 'x-api-key': API_KEY });
    expect(again.body.data.ingestArticle).toMatchObject({ created: false, changed: false });
  });

  it('each request is judged on its own credential, even concurrently', async () => {
    const good = bearer(API_KEY);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => ingest(bundle(`urn:auth:mix:${i}`), i % 2 ? good : {})),
    );
    results.forEach((r, i) => expect(r.status, `request ${i}`).toBe(i % 2 ? 200 : 401));
  });

  it('a rejected bundle → BAD_USER_INPUT listing every problem with its path', async () => {
    const bad = bundle('urn:auth:bad', { people: [{ key: 'p', name: 'X', nationality: 'nowhere' }], quotes: [{ text: 'not in the body' }] });
    const r = await ingest(bad, bearer(API_KEY));
    expect(r.status).toBe(200);
    expect(code(r)).toBe('BAD_USER_INPUT');
    expect(r.body.errors![0]!.extensions!.problems).toEqual([
      { path: 'annotations.people.0.nationality', message: 'unknown key "nowhere"' },
      { path: 'annotations.quotes.0.text', message: 'quote does not occur verbatim in the headline or body' },
    ]);
  });

  it('deleteArticle deletes once, then answers false', async () => {
    const r = await ingest(bundle('urn:auth:del'), bearer(API_KEY));
    const q = await t.gql('{ article(uri: "urn:auth:del") { id } }');
    const id = q.body.data.article.id;
    expect(r.body.data.ingestArticle.created).toBe(true);
    const del = (headers = bearer(API_KEY)) => t.gql('mutation($id: ID!) { deleteArticle(id: $id) }', { id }, headers);
    expect((await del()).body.data.deleteArticle).toBe(true);
    expect((await del()).body.data.deleteArticle).toBe(false);
    expect((await t.gql('{ article(uri: "urn:auth:del") { id } }')).body.data.article).toBeNull();
    const wrongType = await t.gql('mutation($id: ID!) { deleteArticle(id: $id) }', { id: encodeGlobalID('Person', 1) }, bearer(API_KEY));
    expect(code(wrongType)).toBe('BAD_USER_INPUT');
  });
});

describe('reads stay public', () => {
  it('with no credential, and with an invalid one', async () => {
    for (const headers of [{}, bearer('garbage.token.here'), bearer('nk_wrong_key_000000000')]) {
      const r = await t.gql('{ article(slug: "larijani-pakistan-visit") { headline } }', undefined, headers);
      expect(r.status).toBe(200);
      expect(r.body.data.article.headline).toBeTruthy();
    }
  });
});

describe('credential parsing', () => {
  it('authenticate() reads only the request it is given', async () => {
    const config = { ...NO_AUTH, apiKeys: [API_KEY] };
    expect(await authenticate(new Headers(), config)).toEqual({ kind: 'anonymous' });
    expect(await authenticate(new Headers({ 'x-api-key': API_KEY }), config)).toMatchObject({ kind: 'api-key', scopes: [WRITE_SCOPE] });
    expect(await authenticate(new Headers({ 'x-api-key': 'nope' }), config)).toMatchObject({ kind: 'invalid' });
    // No keys configured: every key is invalid, including the empty one.
    expect(await authenticate(new Headers({ 'x-api-key': '' }), NO_AUTH)).toMatchObject({ kind: 'invalid' });
    // A JWT when no JWT key is configured.
    expect(await authenticate(new Headers(bearer(await hs256({ scope: WRITE_SCOPE }))), config)).toMatchObject({ kind: 'invalid' });
  });

  it('the API key principal id is a digest prefix, never the key', async () => {
    const p = await authenticate(new Headers(bearer(API_KEY)), { ...NO_AUTH, apiKeys: [API_KEY] });
    expect(p).toMatchObject({ kind: 'api-key', id: expect.stringMatching(/^key:[0-9a-f]{16}$/) });
    expect(JSON.stringify(p)).not.toContain(API_KEY);
  });

  it('configuration refuses weak secrets and short keys', () => {
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ API_KEYS: 'abc' })).toThrow(/API_KEYS/);
    expect(() => loadConfig({ JWT_PUBLIC_KEY: 'not a key' })).toThrow(/JWT_PUBLIC_KEY/);
    expect(() => loadConfig({ PUBLIC_BASE_URL: 'ftp://x' })).toThrow(/PUBLIC_BASE_URL/);
    const c = loadConfig({ JWT_SECRET: SECRET, API_KEYS: ` ${API_KEY} , nk_other_key_000000000 `, PUBLIC_BASE_URL: 'https://api.example.org/' });
    expect(c.auth.apiKeys).toEqual([API_KEY, 'nk_other_key_000000000']);
    expect(c.publicBaseUrl).toBe('https://api.example.org');
  });
});
