/**
 * GraphQL over HTTP conformance and the HTTP guards, against the real app on a seeded libSQL
 * file: the graphql-http server audit (every MUST, SHOULD and MAY) over a real local socket,
 * the status codes of the spec's request errors under both media types, methods, media types,
 * CSRF, body limits, and CORS (allow-list, preflight, responses with immutable headers).
 */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

const NO_RATE_LIMIT = { windowSeconds: 60, anonymous: 0, credential: 0, trusted: 0, credentialHeaders: ['authorization', 'x-api-key'], trustedIpHeader: '' as const };
const GQL = 'application/graphql-response+json';

let t: TestApp;
let server: ServerType;
let url: string;

beforeAll(async () => {
  t = await createTestApp({ config: { rateLimit: NO_RATE_LIMIT } });
  await new Promise<void>((resolve) => {
    server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  t.close();
});

describe('graphql-http server audit (real socket, Node entry stack)', () => {
  const audits = serverAudits({ url: () => url });
  it('has MUST, SHOULD and MAY audits', () => {
    const levels = new Set(audits.map((a) => a.name.split(' ')[0]));
    expect([...levels].sort()).toEqual(['MAY', 'MUST', 'SHOULD']);
  });
  for (const audit of audits) {
    it(audit.name, async () => {
      const result = await audit.fn();
      expect(result.status === 'ok' ? 'ok' : `${result.status}: ${result.reason}`).toBe('ok');
    });
  }
});

async function post(body: string, headers: Record<string, string> = {}) {
  const res = await t.app.request('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', accept: GQL, ...headers }, body });
  const text = await res.text();
  return { res, text, json: () => JSON.parse(text) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
}

describe('status codes (GraphQL over HTTP, application/graphql-response+json vs application/json)', () => {
  const cases: [string, string, number, number, string][] = [
    ['syntax error', JSON.stringify({ query: '{ articles(' }), 400, 200, 'GRAPHQL_PARSE_FAILED'],
    ['validation failure', JSON.stringify({ query: '{ nope }' }), 400, 200, 'GRAPHQL_VALIDATION_FAILED'],
    ['variable coercion', JSON.stringify({ query: 'query Q($n: Int) { articles(first: $n) { totalCount } }', variables: { n: 'ten' } }), 400, 200, 'BAD_USER_INPUT'],
    ['depth limit', JSON.stringify({ query: `{ __type(name: "Query") { ${'fields { type { ofType { ofType { ofType { ofType { '.repeat(3)} name ${'} } } } } } '.repeat(3)} } }` }), 400, 200, 'QUERY_TOO_COMPLEX'],
    ['page size', JSON.stringify({ query: '{ people(first: 101) { totalCount } }' }), 400, 200, 'BAD_USER_INPUT'],
    ['invalid JSON', '{"query": ', 400, 400, 'BAD_REQUEST'],
    ['invalid parameter', JSON.stringify({ query: 42 }), 400, 400, 'BAD_REQUEST'],
  ];
  for (const [name, body, gqlStatus, jsonStatus, code] of cases) {
    it(`${name}: ${gqlStatus} under ${GQL}, ${jsonStatus} under application/json, code ${code}`, async () => {
      const a = await post(body);
      expect(a.res.status).toBe(gqlStatus);
      expect(a.res.headers.get('content-type')).toBe(`${GQL}; charset=utf-8`);
      expect(a.json().errors?.[0]?.extensions?.code).toBe(code);
      expect('data' in a.json()).toBe(false);
      const b = await post(body, { accept: 'application/json' });
      expect(b.res.status).toBe(jsonStatus);
      expect(b.res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(b.json().errors?.[0]?.extensions?.code).toBe(code);
    });
  }

  it('a well-formed query is 200 with data under both', async () => {
    for (const accept of [GQL, 'application/json']) {
      const r = await post(JSON.stringify({ query: '{ article(slug: "larijani-pakistan-visit") { datelineText } }' }), { accept });
      expect([r.res.status, r.json()]).toEqual([200, { data: { article: { datelineText: 'TEHRAN' } } }]);
    }
  });

  it('GET runs queries; mutations over GET are 405 with Allow: POST', async () => {
    const q = await t.app.request(`/graphql?query=${encodeURIComponent('{ article(slug: "larijani-pakistan-visit") { datelineText } }')}`, { headers: { accept: GQL } });
    expect([q.status, await q.json()]).toEqual([200, { data: { article: { datelineText: 'TEHRAN' } } }]);
    const m = await t.app.request(`/graphql?query=${encodeURIComponent('mutation { __typename }')}`, { headers: { accept: GQL } });
    expect(m.status).toBe(405);
    expect(m.headers.get('allow')).toBe('POST');
  });

  it('other methods are 405 with Allow; a plain OPTIONS is 204 with Allow', async () => {
    for (const method of ['PUT', 'PATCH', 'DELETE', 'HEAD']) {
      const r = await t.app.request('/graphql', { method, headers: { accept: GQL } });
      expect([method, r.status, r.headers.get('allow')]).toEqual([method, 405, 'GET, POST, OPTIONS']);
      if (method !== 'HEAD') expect(((await r.json()) as any).errors[0].extensions.code).toBe('METHOD_NOT_ALLOWED');
    }
    const o = await t.app.request('/graphql', { method: 'OPTIONS' });
    expect([o.status, o.headers.get('allow')]).toEqual([204, 'GET, POST, OPTIONS']);
  });

  it('unsupported media types are 415; a POST without Content-Type too', async () => {
    for (const type of ['text/plain', 'application/xml', 'multipart/form-data; boundary=x', '']) {
      const r = await post('{"query":"{ __typename }"}', { 'content-type': type });
      expect([type, r.res.status, r.json().errors?.[0]?.extensions?.code]).toEqual([type, 415, 'UNSUPPORTED_MEDIA_TYPE']);
    }
  });
});

describe('CSRF (GraphQL over HTTP: preflight-forcing header for form posts)', () => {
  const form = 'query=%7B%20article(slug%3A%20%22larijani-pakistan-visit%22)%20%7B%20datelineText%20%7D%20%7D';
  it('a form POST without a preflight header is 403 CSRF_REJECTED and never executed', async () => {
    const r = await post(form, { 'content-type': 'application/x-www-form-urlencoded' });
    expect(r.res.status).toBe(403);
    expect(r.json()).toEqual({ errors: [{ message: expect.stringContaining('graphql-require-preflight'), extensions: { code: 'CSRF_REJECTED' } }] });
  });
  it('with graphql-require-preflight the form POST runs', async () => {
    const r = await post(form, { 'content-type': 'application/x-www-form-urlencoded', 'graphql-require-preflight': '1' });
    expect([r.res.status, r.json()]).toEqual([200, { data: { article: { datelineText: 'TEHRAN' } } }]);
  });
  it('application/json and application/graphql need no extra header (browsers preflight them)', async () => {
    const a = await post('{ article(slug: "larijani-pakistan-visit") { datelineText } }', { 'content-type': 'application/graphql' });
    expect([a.res.status, a.json()]).toEqual([200, { data: { article: { datelineText: 'TEHRAN' } } }]);
  });
});

describe('body size', () => {
  it('a Content-Length over MAX_BODY_BYTES is 413 before the body is read', async () => {
    const body = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(140_000) } });
    const r = await post(body, { 'content-length': String(new TextEncoder().encode(body).length) });
    expect(r.res.status).toBe(413);
    expect(r.json().errors?.[0]?.extensions).toEqual({ code: 'PAYLOAD_TOO_LARGE', max: 131072 });
  });
  it('a streamed body without Content-Length is cut off at the limit (413)', async () => {
    let sent = 0;
    const chunk = new TextEncoder().encode('x'.repeat(16_384));
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        // 1 MiB available; the guard must stop reading long before the end.
        if (sent >= 1_048_576) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const res = await t.app.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: GQL },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(sent).toBeLessThanOrEqual(131072 + 2 * 16_384);
  });
  it('MAX_BODY_BYTES is read from the config', async () => {
    const small = await createTestApp({ config: { limits: { ...loadConfig({ MAX_BODY_BYTES: '2048' }).limits }, rateLimit: NO_RATE_LIMIT } });
    try {
      const ok = await small.gql('{ article(slug: "larijani-pakistan-visit") { datelineText } }');
      expect(ok.status).toBe(200);
      const big = await small.app.request('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ __typename } #${'x'.repeat(3000)}` }) });
      expect(big.status).toBe(413);
    } finally {
      small.close();
    }
  });
});

describe('CORS', () => {
  const preflight = (app: { request: TestApp['app']['request'] }, origin: string) =>
    app.request('/graphql', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' } });

  it('by default any origin may GET/POST, without credentials', async () => {
    const r = await post('{"query":"{ __typename }"}', { origin: 'https://reader.example' });
    expect(r.res.headers.get('access-control-allow-origin')).toBe('*');
    expect(r.res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(r.res.headers.get('access-control-expose-headers')).toBe('Retry-After');
    const p = await preflight(t.app, 'https://reader.example');
    expect(p.status).toBe(204);
    expect(Object.fromEntries([...p.headers].filter(([k]) => k.startsWith('access-control')))).toEqual({
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, POST',
      'access-control-allow-headers': 'content-type, accept, authorization, x-api-key, x-newsgraph-debug, graphql-require-preflight, x-graphql-csrf, apollo-require-preflight, x-apollo-operation-name',
      'access-control-max-age': '7200',
    });
  });

  it('with CORS_ORIGINS, only listed origins are allowed, and responses vary by Origin', async () => {
    const config = { ...loadConfig({ CORS_ORIGINS: 'https://news.example, https://Desk.Example/' }, { debugSql: true }), rateLimit: NO_RATE_LIMIT };
    const app = createApp({ db: t.db, config });
    const ok = await app.request('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://desk.example' }, body: '{"query":"{ __typename }"}' });
    // Vary lists Origin among what else changes the answer (the HTTP caching adds its own).
    const varies = (r: Response) => (r.headers.get('vary') ?? '').split(',').map((v) => v.trim().toLowerCase());
    expect([ok.status, ok.headers.get('access-control-allow-origin'), varies(ok).includes('origin')]).toEqual([200, 'https://desk.example', true]);
    const other = await app.request('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body: '{"query":"{ __typename }"}' });
    expect([other.headers.get('access-control-allow-origin'), varies(other).includes('origin')]).toEqual([null, true]);
    const p1 = await preflight(app, 'https://news.example');
    expect([p1.status, p1.headers.get('access-control-allow-origin'), p1.headers.get('access-control-allow-methods')]).toEqual([204, 'https://news.example', 'GET, POST']);
    const p2 = await preflight(app, 'https://evil.example');
    expect([p2.status, p2.headers.get('access-control-allow-origin'), p2.headers.get('access-control-allow-methods')]).toEqual([204, null, null]);
  });

  it('adds headers to responses whose headers are immutable (fetch, redirects) instead of failing', async () => {
    // Real fetch responses (undici): their headers are immutable, as in Workers (fetch, cache, ASSETS).
    // The redirect is the app's own `/` -> `/graphql`, fetched over the socket without following it.
    const root = url.replace(/graphql$/, '');
    const upstream = (pathname: string) => (pathname.endsWith('/moved') ? fetch(root, { redirect: 'manual' }) : fetch('data:text/plain,asset'));
    for (const probe of [await upstream('/file.js'), await upstream('/moved')]) {
      expect(() => probe.headers.set('x-probe', '1')).toThrow(TypeError);
    }
    const config = { ...loadConfig({ CORS_ORIGINS: 'https://news.example' }), rateLimit: NO_RATE_LIMIT };
    const app = createApp({ db: t.db, config, assets: (req) => upstream(new URL(req.url).pathname) });
    for (const origin of ['https://news.example', 'https://evil.example']) {
      const a = await app.request('/graphiql-assets/file.js', { headers: { origin } });
      expect([a.status, await a.text()]).toEqual([200, 'asset']);
      expect(a.headers.get('access-control-allow-origin')).toBe(origin === 'https://news.example' ? origin : null);
      expect(a.headers.get('vary')).toBe('Origin');
      const m = await app.request('/graphiql-assets/moved', { headers: { origin } });
      expect([m.status, m.headers.get('location'), m.headers.get('vary')]).toEqual([302, '/graphql', 'Origin']);
      expect(m.headers.get('access-control-allow-origin')).toBe(origin === 'https://news.example' ? origin : null);
    }
    const p = await app.request('/graphiql-assets/file.js', { method: 'OPTIONS', headers: { origin: 'https://news.example', 'access-control-request-method': 'GET' } });
    expect([p.status, p.headers.get('access-control-allow-origin')]).toEqual([204, 'https://news.example']);
  });
});
