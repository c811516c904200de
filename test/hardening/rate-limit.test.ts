/**
 * Rate limiting: the in-process token bucket, client keys (credential hash, socket address,
 * trusted proxy headers, IPv6 /64), 429 answers with Retry-After and RATE_LIMITED, and the
 * Cloudflare binding interface the Worker entry passes.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { loadConfig, type AppConfig } from '../../src/config.ts';
import { normaliseIp, TokenBucketLimiter, type RateLimiterBinding } from '../../src/http/rate-limit.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

const QUERY = JSON.stringify({ query: '{ article(slug: "larijani-pakistan-visit") { datelineText } }' });
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

function appWith(
  env: Record<string, string>,
  deps: { rateLimiter?: RateLimiterBinding; credentialRateLimiter?: RateLimiterBinding; trustedRateLimiter?: RateLimiterBinding } = {},
) {
  const config: AppConfig = loadConfig(env, { debugSql: true });
  return createApp({ db: t.db, config, ...deps });
}

function call(app: ReturnType<typeof createApp>, headers: Record<string, string> = {}) {
  return app.request('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers }, body: QUERY });
}

describe('TokenBucketLimiter', () => {
  it('allows a burst of `capacity`, then refills at capacity/window', () => {
    const b = new TokenBucketLimiter(3, 60);
    const t0 = 1_000_000;
    expect([b.take('a', t0), b.take('a', t0), b.take('a', t0)]).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect(b.take('a', t0)).toEqual({ ok: false, retryAfter: 20 });
    expect(b.take('a', t0 + 10_000)).toEqual({ ok: false, retryAfter: 10 });
    expect(b.take('a', t0 + 20_000)).toEqual({ ok: true });
    expect(b.take('b', t0)).toEqual({ ok: true });
  });
  it('keeps at most maxKeys clients', () => {
    const b = new TokenBucketLimiter(10, 60, 100);
    for (let i = 0; i < 5000; i++) b.take(`ip:${i}`, 1_000_000 + i);
    expect(b.size).toBeLessThanOrEqual(100);
  });
});

describe('client keys', () => {
  it('normalises addresses: IPv4 as is, mapped IPv6 to IPv4, other IPv6 to its /64', () => {
    expect(normaliseIp('203.0.113.9')).toBe('203.0.113.9');
    expect(normaliseIp('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(normaliseIp('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(normaliseIp('2001:db8:1:2::9')).toBe('2001:db8:1:2::/64');
    expect(normaliseIp('2001:0db8::1')).toBe('2001:db8:0:0::/64');
    expect(normaliseIp('[::1]')).toBe('0:0:0:0::/64');
  });
});

describe('429 RATE_LIMITED', () => {
  it('refuses the request over the anonymous limit with Retry-After, a GraphQL error body and CORS headers', async () => {
    const app = appWith({ RATE_LIMIT_ANONYMOUS: '2', RATE_LIMIT_WINDOW_SECONDS: '60' });
    expect((await call(app)).status).toBe(200);
    expect((await call(app)).status).toBe(200);
    const refused = await call(app, { origin: 'https://reader.example' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('30');
    expect(refused.headers.get('content-type')).toBe('application/graphql-response+json; charset=utf-8');
    expect(refused.headers.get('access-control-allow-origin')).toBe('*');
    expect(refused.headers.get('access-control-expose-headers')).toBe('Retry-After');
    expect(await refused.json()).toEqual({
      errors: [{ message: 'Too many requests: retry after 30 s.', extensions: { code: 'RATE_LIMITED', retryAfter: 30 } }],
    });
    // Preflights are not counted (they never carry the request).
    const preflight = await app.request('/graphql', { method: 'OPTIONS', headers: { origin: 'https://reader.example', 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(204);
  });

  it('counts each verified credential separately from the others and from anonymous calls', async () => {
    const app = appWith({ RATE_LIMIT_ANONYMOUS: '1', RATE_LIMIT_CREDENTIAL: '2', API_KEYS: 'editor-key-a-0123456789,editor-key-b-0123456789,editor-key-c-0123456789' });
    const a = { authorization: 'Bearer editor-key-a-0123456789' };
    const b = { authorization: 'Bearer editor-key-b-0123456789' };
    expect([(await call(app, a)).status, (await call(app, a)).status, (await call(app, a)).status]).toEqual([200, 200, 429]);
    expect([(await call(app, b)).status, (await call(app, b)).status]).toEqual([200, 200]);
    expect([(await call(app)).status, (await call(app)).status]).toEqual([200, 429]);
    // An API key (src/auth/ reads x-api-key too) is a credential of its own.
    const key = { 'x-api-key': 'editor-key-c-0123456789' };
    expect([(await call(app, key)).status, (await call(app, key)).status, (await call(app, key)).status]).toEqual([200, 200, 429]);
  });

  it('a credential that does not verify buys no bucket of its own: it is counted per IP', async () => {
    const app = appWith({ RATE_LIMIT_ANONYMOUS: '1', RATE_LIMIT_CREDENTIAL: '100', API_KEYS: 'editor-key-a-0123456789' });
    expect((await call(app, { authorization: 'Bearer made-up-token-000000001' })).status).toBe(200);
    // A fresh made-up credential, a wrong key, no credential: all the same address's bucket.
    expect((await call(app, { authorization: 'Bearer made-up-token-000000002' })).status).toBe(429);
    expect((await call(app, { 'x-api-key': 'editor-key-a-0123456780' })).status).toBe(429);
    expect((await call(app)).status).toBe(429);
    expect((await call(app, { 'x-api-key': 'editor-key-a-0123456789' })).status).toBe(200);
  });

  it('counts the JSON-LD export routes too (they read the database), not /health', async () => {
    const app = appWith({ RATE_LIMIT_ANONYMOUS: '1' });
    expect((await app.request('/articles/larijani-pakistan-visit')).status).not.toBe(429);
    expect((await app.request('/articles/larijani-pakistan-visit')).status).toBe(429);
    expect((await app.request('/health')).status).toBe(200);
  });

  it('uses a proxy header for the client IP only when configured as trusted', async () => {
    const untrusted = appWith({ RATE_LIMIT_ANONYMOUS: '1' });
    expect((await call(untrusted, { 'x-forwarded-for': '198.51.100.1' })).status).toBe(200);
    // A spoofed header does not buy a fresh bucket.
    expect((await call(untrusted, { 'x-forwarded-for': '198.51.100.2' })).status).toBe(429);

    const trusted = appWith({ RATE_LIMIT_ANONYMOUS: '1', TRUSTED_IP_HEADER: 'x-forwarded-for' });
    // The rightmost entry is the one the trusted proxy appended.
    expect((await call(trusted, { 'x-forwarded-for': '10.0.0.1, 198.51.100.1' })).status).toBe(200);
    expect((await call(trusted, { 'x-forwarded-for': '10.0.0.2, 198.51.100.1' })).status).toBe(429);
    expect((await call(trusted, { 'x-forwarded-for': '198.51.100.3' })).status).toBe(200);

    const cf = appWith({ RATE_LIMIT_ANONYMOUS: '1', TRUSTED_IP_HEADER: 'cf-connecting-ip' });
    expect((await call(cf, { 'cf-connecting-ip': '2001:db8:1:2::1' })).status).toBe(200);
    expect((await call(cf, { 'cf-connecting-ip': '2001:db8:1:2::ffff' })).status).toBe(429); // same /64
    expect((await call(cf, { 'cf-connecting-ip': '2001:db8:1:3::1' })).status).toBe(200);
  });

  it('keys on the socket address in the Node entry (real server on 127.0.0.1)', async () => {
    const app = appWith({ RATE_LIMIT_ANONYMOUS: '2' });
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: QUERY });
        statuses.push(res.status);
        await res.arrayBuffer();
      }
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});

/** A binding with the Workers API: `limit({ key })`, allowing `allow` calls per key. */
function binding(allow: number) {
    const calls: string[] = [];
    const counts = new Map<string, number>();
    const b: RateLimiterBinding = {
      async limit({ key }) {
        calls.push(key);
        const n = (counts.get(key) ?? 0) + 1;
        counts.set(key, n);
        return { success: n <= allow };
      },
    };
    return { b, calls };
}

describe('Cloudflare Workers Rate Limiting binding', () => {
  it('is used instead of the in-process limiter, keyed by ip:… or cred:<sha-256 prefix>, never the secret', async () => {
    const anon = binding(1);
    const cred = binding(1);
    const app = appWith({ TRUSTED_IP_HEADER: 'cf-connecting-ip', RATE_LIMIT_WINDOW_SECONDS: '10', API_KEYS: 's3cret-0123456789abcdef' }, { rateLimiter: anon.b, credentialRateLimiter: cred.b });
    expect((await call(app, { 'cf-connecting-ip': '203.0.113.7' })).status).toBe(200);
    const refused = await call(app, { 'cf-connecting-ip': '203.0.113.7' });
    expect([refused.status, refused.headers.get('retry-after')]).toEqual([429, '10']);
    expect((await call(app, { authorization: 'Bearer s3cret-0123456789abcdef' })).status).toBe(200);
    expect((await call(app, { authorization: 'Bearer s3cret-0123456789abcdef' })).status).toBe(429);
    expect(anon.calls).toEqual(['ip:203.0.113.7', 'ip:203.0.113.7']);
    expect(cred.calls).toHaveLength(2);
    expect(cred.calls[0]).toMatch(/^cred:[0-9a-f]{32}$/);
    expect(cred.calls.join()).not.toContain('s3cret');
  });

  it('lets requests through when the binding fails', async () => {
    const failing: RateLimiterBinding = { limit: async () => { throw new Error('binding unavailable'); } };
    const app = appWith({}, { rateLimiter: failing });
    const original = console.error;
    console.error = () => {};
    try {
      expect((await call(app)).status).toBe(200);
    } finally {
      console.error = original;
    }
  });

  it('a limit of 0 turns that kind of limiting off', async () => {
    const anon = binding(0);
    const app = appWith({ RATE_LIMIT_ANONYMOUS: '0' }, { rateLimiter: anon.b });
    expect([(await call(app)).status, (await call(app)).status]).toEqual([200, 200]);
    expect(anon.calls).toEqual([]);
  });
});

describe('trusted readers (read scope): their own, higher limit', () => {
  const READER = 'ssr-reader-key-0123456789';
  const EDITOR = 'editor-key-a-0123456789';
  const SECRET = 'a-jwt-secret-of-at-least-32-bytes-long!!';
  const env = { RATE_LIMIT_ANONYMOUS: '2', RATE_LIMIT_CREDENTIAL: '2', RATE_LIMIT_TRUSTED: '5', READ_API_KEYS: READER, API_KEYS: EDITOR, JWT_SECRET: SECRET };
  const statuses = async (app: ReturnType<typeof createApp>, n: number, headers: Record<string, string> = {}) => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push((await call(app, headers)).status);
    return out;
  };

  it('an SSR server behind one address is not throttled at the anonymous rate', async () => {
    const app = appWith(env);
    // Anonymous readers at the same address are spent...
    expect(await statuses(app, 3)).toEqual([200, 200, 429]);
    // ...the trusted reader's key has its own bucket of RATE_LIMIT_TRUSTED.
    expect(await statuses(app, 6, { 'x-api-key': READER })).toEqual([200, 200, 200, 200, 200, 429]);
    const refused = await call(app, { authorization: `Bearer ${READER}` });
    expect([refused.status, ((await refused.json()) as any).errors[0].extensions.code]).toEqual([429, 'RATE_LIMITED']);
    // An editor's key (write scope only) keeps RATE_LIMIT_CREDENTIAL.
    expect(await statuses(app, 3, { 'x-api-key': EDITOR })).toEqual([200, 200, 429]);
  });

  it('a JWT with the newsgraph:read scope is trusted; one without it is not', async () => {
    const app = appWith(env);
    const jwt = (scope: string) => new SignJWT({ scope }).setProtectedHeader({ alg: 'HS256' }).setSubject('ssr-1').setExpirationTime('5m').sign(new TextEncoder().encode(SECRET));
    expect(await statuses(app, 6, { authorization: `Bearer ${await jwt('newsgraph:read')}` })).toEqual([200, 200, 200, 200, 200, 429]);
    expect(await statuses(app, 3, { authorization: `Bearer ${await jwt('openid')}` })).toEqual([200, 200, 429]);
  });

  it('the read scope reads only: a write with a reader key is 403 FORBIDDEN', async () => {
    const app = appWith(env);
    const res = await app.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', 'x-api-key': READER },
      body: JSON.stringify({ query: `mutation { deleteArticle(id: "${btoa('Article:999999')}") }` }),
    });
    expect([res.status, ((await res.json()) as any).errors[0].extensions.code]).toEqual([403, 'FORBIDDEN']);
  });

  it('uses the trusted binding when the Worker passes one, and never the anonymous binding for trusted readers', async () => {
    const anon = binding(1);
    const trusted = binding(3);
    const app = appWith({ ...env, RATE_LIMIT_TRUSTED: '1000' }, { rateLimiter: anon.b, trustedRateLimiter: trusted.b });
    expect(await statuses(app, 4, { 'x-api-key': READER })).toEqual([200, 200, 200, 429]);
    expect(trusted.calls).toHaveLength(4);
    expect(trusted.calls[0]).toMatch(/^cred:[0-9a-f]{32}$/);
    expect(anon.calls).toEqual([]);
    // Without a trusted binding, trusted readers stay in process at RATE_LIMIT_TRUSTED.
    const anonOnly = binding(1);
    const fallback = appWith(env, { rateLimiter: anonOnly.b });
    expect(await statuses(fallback, 6, { 'x-api-key': READER })).toEqual([200, 200, 200, 200, 200, 429]);
    expect(anonOnly.calls).toEqual([]);
  });

  it('loadConfig reads RATE_LIMIT_TRUSTED (default 6000) and READ_API_KEYS', () => {
    expect(loadConfig({}).rateLimit.trusted).toBe(6000);
    const c = loadConfig({ RATE_LIMIT_TRUSTED: '12000', READ_API_KEYS: ` ${READER} , other-reader-0123456789` });
    expect([c.rateLimit.trusted, c.auth.readApiKeys]).toEqual([12000, [READER, 'other-reader-0123456789']]);
    expect(() => loadConfig({ READ_API_KEYS: 'short' })).toThrow('READ_API_KEYS entries must be at least 16 characters');
    expect(() => loadConfig({ RATE_LIMIT_TRUSTED: '-1' })).toThrow('RATE_LIMIT_TRUSTED must be an integer');
  });
});
