/**
 * The floor: what a request costs before any SQL. `npm run bench:floor -- [--n 20000] [--rounds 4] [--profile "app POST"]`
 *
 * Sends `{ __typename }` in process (`app.fetch(new Request(...))`, no socket) through the full
 * app by POST and by GET, and through pieces of it, interleaved in rounds so the pieces share the
 * machine's state. Per variant: CPU µs per request (`process.cpuUsage`, user + system), wall p50
 * and p99 (µs), GC ms per request (PerformanceObserver 'gc'). The differences between rows are the
 * breakdown (the full app against yoga alone, against Hono's middleware alone ...).
 * `--profile <variant>` then runs that variant under the V8 sampling profiler (node:inspector),
 * prints self time by function and package, and writes `.data/floor.cpuprofile` (open it in
 * Chrome DevTools). The loopback rows end with two servers that answer the same bytes with no
 * GraphQL at all (node:http alone; Hono on @hono/node-server alone): the part no server can go below. Figures are CPU of this process only; a real server adds the socket and HTTP
 * parsing (`npm run bench` measures that under load).
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PerformanceObserver } from 'node:perf_hooks';
import { Session } from 'node:inspector/promises';
import { createClient } from '@libsql/client';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { Hono } from 'hono';
import { createYoga } from 'graphql-yoga';
import { createApp } from '../src/app.ts';
import { loadConfig, type AppConfig } from '../src/config.ts';
import { createDatabase } from '../src/db/client.ts';
import { schema } from '../src/graphql/schema.ts';
import { operationLimitsPlugin } from '../src/graphql/limits.ts';
import { corsMiddleware } from '../src/http/cors.ts';
import { bodySizeGuard, csrfGuard, methodGuard, utf8Guard } from '../src/http/guards.ts';
import { rateLimitMiddleware } from '../src/http/rate-limit.ts';

const argv = process.argv.slice(2);
const opt = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const N = Number(opt('n') ?? 20_000);
const ROUNDS = Number(opt('rounds') ?? 4);
const WARMUP = Number(opt('warmup') ?? 3000);
const profileVariant = opt('profile');
const LOOPBACK = Number(opt('loopback') ?? 20_000);

// No statement runs for `{ __typename }`; the database only has to exist.
const db = createDatabase(createClient({ url: ':memory:' }));
// A limit no run reaches, so the limiter does its work without refusing.
const config = (overrides: Partial<AppConfig> = {}) =>
  loadConfig({}, { rateLimit: { anonymous: 10_000_000, credential: 10_000_000, trusted: 10_000_000 } as never, ...overrides });

const QUERY = '{ __typename }';
const POST_BODY = JSON.stringify({ query: QUERY });
const URL_BASE = 'http://localhost/graphql';
// With Content-Length, as HTTP clients send a fixed body (without it the body-size guard counts a stream).
const POST_HEADERS = { 'content-type': 'application/json', accept: 'application/graphql-response+json', 'content-length': String(Buffer.byteLength(POST_BODY)) };
const post = () => new Request(URL_BASE, { method: 'POST', headers: POST_HEADERS, body: POST_BODY });
const get = () => new Request(`${URL_BASE}?query=${encodeURIComponent(QUERY)}`, { headers: { accept: 'application/graphql-response+json' } });

type Fetch = (r: Request) => Response | Promise<Response>;
interface Variant {
  name: string;
  fetch: Fetch;
  request: () => Request;
}

// Loopback: the full app behind @hono/node-server in a child process (`--serve <setup>`), loaded
// by autocannon from this one; the child reports its own CPU, so the client's is not counted.
const SERVERS: Record<string, () => AppConfig> = {
  'server (loadConfig defaults)': () => config(),
  // What src/node.ts runs: the response cache on (60 s), DEBUG_SQL allowed (no header sent).
  'server (node entry: response cache 60 s)': () => config({ debugSql: true, delivery: { ...config().delivery, responseCacheTtl: 60 } }),
};
// The same answer with no GraphQL at all: what node:http alone, and Hono on @hono/node-server
// alone, cost per request here (the part of the floor no GraphQL server can go below).
const ANSWER = JSON.stringify({ data: { __typename: 'Query' } });
const ANSWER_HEADERS = { 'content-type': 'application/graphql-response+json; charset=utf-8' };
const BARE: Record<string, () => Server> = {
  'bare node:http, constant answer': () =>
    createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(200, ANSWER_HEADERS).end(ANSWER));
    }).listen(0, '127.0.0.1', function (this: Server) {
      process.send!({ port: (this.address() as AddressInfo).port });
    }),
  'bare Hono on @hono/node-server, constant answer': () => {
    const hono = new Hono();
    hono.on(['GET', 'POST'], '/graphql', async (c) => {
      if (c.req.method === 'POST') await c.req.text();
      return new Response(ANSWER, { headers: ANSWER_HEADERS });
    });
    return serve({ fetch: hono.fetch, port: 0, hostname: '127.0.0.1' }, (info) => process.send!({ port: info.port })) as Server;
  },
};
if (opt('serve')) {
  const bare = BARE[opt('serve')!];
  const app = bare ? null : createApp({ db, config: SERVERS[opt('serve')!]!() });
  let cpu0 = process.cpuUsage();
  const server = bare ? bare() : serve({ fetch: app!.fetch, port: 0, hostname: '127.0.0.1' }, (info) => process.send!({ port: info.port }));
  const session = opt('profile-server') ? new Session() : null;
  process.on('message', async (m: { cmd: string; requests?: number; title?: string; method?: string }) => {
    if (m.cmd === 'start') {
      if (session) {
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.setSamplingInterval', { interval: 50 });
        await session.post('Profiler.start');
      }
      cpu0 = process.cpuUsage();
      process.send!({ started: true });
    }
    if (m.cmd === 'stop') {
      const c = process.cpuUsage(cpu0);
      if (session) {
        const { profile } = await session.post('Profiler.stop');
        session.disconnect();
        mkdirSync('.data', { recursive: true });
        writeFileSync(`.data/floor-server-${m.method}.cpuprofile`, JSON.stringify(profile));
        summarise(profile as unknown as Profile, m.requests!, `server profile of ${m.title}`);
      }
      process.send!({ cpuUs: c.user + c.system, systemUs: c.system });
    }
    if (m.cmd === 'exit') server.close(() => process.exit(0));
  });
  await new Promise(() => {});
}

const full = createApp({ db, config: config() });
const noLimiter = createApp({ db, config: config({ rateLimit: { ...config().rateLimit, anonymous: 0, credential: 0, trusted: 0 } }) });
const noPersisted = createApp({ db, config: config({ delivery: { ...config().delivery, persistedOperations: 'off' } }) });
const base = config();
const yogaOptions = { schema, graphqlEndpoint: '/graphql', landingPage: false, graphiql: false, cors: false, batching: false, multipart: false, maskedErrors: false } as const;
const bareYoga = createYoga(yogaOptions);
const limitedYoga = createYoga({ ...yogaOptions, plugins: [operationLimitsPlugin(base.limits, { maxPageSize: base.maxPageSize, defaultPageSize: base.defaultPageSize }, false)] });
// Hono with the app's middleware in the app's order, answering a constant instead of yoga.
const middleware = new Hono();
middleware.use('*', corsMiddleware(base.cors, ['content-type']));
middleware.use('*', rateLimitMiddleware(base.rateLimit, {}, base.auth));
middleware.use('/graphql', methodGuard(), bodySizeGuard(base.limits.maxBodyBytes), utf8Guard(), csrfGuard());
middleware.on(['GET', 'POST'], '/graphql', (c) => c.json({ data: { __typename: 'Query' } }));
const constant = () => new Response('{"data":{"__typename":"Query"}}', { headers: { 'content-type': 'application/json' } });

const variants: Variant[] = [
  { name: 'app POST', fetch: (r) => full.fetch(r), request: post },
  { name: 'app GET', fetch: (r) => full.fetch(r), request: get },
  { name: 'app POST, no rate limiter', fetch: (r) => noLimiter.fetch(r), request: post },
  { name: 'app POST, persisted ops off', fetch: (r) => noPersisted.fetch(r), request: post },
  { name: 'yoga alone POST (no plugins)', fetch: (r) => bareYoga.fetch(r), request: post },
  { name: 'yoga + limits POST', fetch: (r) => limitedYoga.fetch(r), request: post },
  { name: 'Hono middleware POST (constant)', fetch: (r) => middleware.fetch(r), request: post },
  { name: 'harness (Request + Response)', fetch: () => constant(), request: post },
];

// Every variant must answer the floor, or its figures mean nothing.
for (const v of variants) {
  const res = await v.fetch(v.request());
  const text = await res.text();
  if (res.status !== 200 || !text.includes('"__typename":"Query"')) throw new Error(`${v.name}: ${res.status} ${text.slice(0, 200)}`);
}

let gcMs = 0;
const gcObserver = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcMs += e.duration;
});
gcObserver.observe({ entryTypes: ['gc'] });

async function run(v: Variant, n: number): Promise<{ cpuUs: number; wall: Float64Array; gcMs: number }> {
  const wall = new Float64Array(n);
  const gc0 = gcMs;
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await v.fetch(v.request());
    await res.arrayBuffer();
    wall[i] = performance.now() - t0;
  }
  const cpu = process.cpuUsage(cpu0);
  // GC entries are delivered asynchronously: let the observer catch up.
  await new Promise((r) => setTimeout(r, 0));
  return { cpuUs: cpu.user + cpu.system, wall, gcMs: gcMs - gc0 };
}

const quantile = (xs: number[], q: number) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

for (const v of variants) await run(v, WARMUP);
const per = ROUNDS > 0 ? Math.ceil(N / ROUNDS) : N;
const acc = new Map(variants.map((v) => [v.name, { cpuUs: 0, gcMs: 0, n: 0, wall: [] as number[] }]));
for (let r = 0; r < ROUNDS; r++) {
  for (const v of variants) {
    const m = await run(v, per);
    const a = acc.get(v.name)!;
    a.cpuUs += m.cpuUs;
    a.gcMs += m.gcMs;
    a.n += per;
    for (const w of m.wall) a.wall.push(w);
  }
}
gcObserver.disconnect();

console.log(`floor: { __typename } in process, ${per * ROUNDS} requests per variant (${ROUNDS} interleaved rounds) after ${WARMUP} warm-up; node ${process.version}`);
console.log(`${'variant'.padEnd(34)} ${'CPU µs/req'.padStart(10)} ${'p50 µs'.padStart(8)} ${'p99 µs'.padStart(8)} ${'GC ms/req'.padStart(10)}`);
for (const v of variants) {
  const a = acc.get(v.name)!;
  const wall = a.wall.sort((x, y) => x - y);
  console.log(
    `${v.name.padEnd(34)} ${(a.cpuUs / a.n).toFixed(0).padStart(10)} ${(quantile(wall, 0.5) * 1000).toFixed(0).padStart(8)} ${(quantile(wall, 0.99) * 1000).toFixed(0).padStart(8)} ${(a.gcMs / a.n).toFixed(4).padStart(10)}`,
  );
}

if (LOOPBACK > 0) {
  console.log(`\nloopback: autocannon, 10 connections, ${LOOPBACK} requests after ${WARMUP} warm-up; CPU is the server process's (user + system)`);
  console.log(`${'setup, method'.padEnd(48)} ${'CPU µs/req'.padStart(10)} ${'(system)'.padStart(8)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)}`);
  for (const name of [...Object.keys(SERVERS), ...Object.keys(BARE)]) {
    const args = [fileURLToPath(import.meta.url), '--serve', name, ...(opt('profile-server') === name ? ['--profile-server', name] : [])];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const message = <T>() => new Promise<T>((resolve) => child.once('message', (m) => resolve(m as T)));
    const { port } = await message<{ port: number }>();
    for (const method of ['POST', 'GET'] as const) {
      const opts = {
        url: method === 'POST' ? `http://127.0.0.1:${port}/graphql` : `http://127.0.0.1:${port}/graphql?query=${encodeURIComponent(QUERY)}`,
        method,
        headers: method === 'POST' ? { 'content-type': 'application/json', accept: 'application/graphql-response+json' } : { accept: 'application/graphql-response+json' },
        body: method === 'POST' ? POST_BODY : undefined,
        connections: 10,
      };
      // `amount`: stop after that many requests (autocannon's option; bench/autocannon.d.ts omits it).
      const requests = (amount: number) => autocannon({ ...opts, amount } as Parameters<typeof autocannon>[0]);
      await requests(WARMUP);
      child.send({ cmd: 'start' });
      await message();
      const r = await requests(LOOPBACK);
      child.send({ cmd: 'stop', requests: r.requests.total, title: `${name}, ${method} (.data/floor-server-${method}.cpuprofile)`, method });
      const { cpuUs, systemUs } = await message<{ cpuUs: number; systemUs: number }>();
      const ok = r.requests.total - r.non2xx - r.errors;
      console.log(`${`${name}, ${method}`.padEnd(48)} ${(cpuUs / r.requests.total).toFixed(0).padStart(10)} ${(systemUs / r.requests.total).toFixed(0).padStart(8)} ${r.requests.average.toFixed(0).padStart(7)} ${String(r.latency.p50).padStart(7)} ${String(r.latency.p99).padStart(7)}${ok === r.requests.total ? '' : `  (${r.requests.total - ok} failed)`}`);
    }
    child.send({ cmd: 'exit' });
    await new Promise((r) => child.once('exit', r));
  }
}

type Profile = { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] };

/** Print self time by package and the hottest functions of a V8 CPU profile, per request. */
function summarise(profile: Profile, requests: number, title: string) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const pkgOf = (url: string) => {
    if (!url) return '(native/V8: GC, builtins)';
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
    if (m) return m[1]!;
    if (url.includes('/src/')) return 'src/' + (url.split('/src/')[1] ?? '');
    if (url.startsWith('node:')) return 'node core';
    return url.split('/').slice(-2).join('/');
  };
  const byPkg = new Map<string, number>();
  const byFn = new Map<string, number>();
  let total = 0;
  for (const [id, us] of self) {
    const n = nodes.get(id)!;
    if (n.callFrame.functionName === '(idle)' || n.callFrame.functionName === '(program)') continue;
    total += us;
    const pkg = pkgOf(n.callFrame.url).replace(/^src\/.*/, (x) => x.split('/').slice(0, 2).join('/'));
    byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + us);
    const fn = `${n.callFrame.functionName || '(anonymous)'}  ${pkgOf(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + us);
  }
  console.log(`\n${title}: ${requests} requests, ${(total / requests).toFixed(1)} µs/req sampled (idle and (program) left out)`);
  console.log('self time by package:');
  for (const [k, us] of [...byPkg].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / requests).toFixed(1).padStart(6)} µs/req  ${k}`);
  console.log('hottest functions (self time):');
  for (const [k, us] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / requests).toFixed(1).padStart(6)} µs/req  ${k}`);
}

if (profileVariant) {
  const v = variants.find((x) => x.name === profileVariant);
  if (!v) throw new Error(`no variant "${profileVariant}"; one of: ${variants.map((x) => x.name).join(', ')}`);
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 50 });
  await session.post('Profiler.start');
  await run(v, N);
  const { profile } = await session.post('Profiler.stop');
  mkdirSync('.data', { recursive: true });
  writeFileSync('.data/floor.cpuprofile', JSON.stringify(profile));
  summarise(profile as unknown as Profile, N, `profile of "${v.name}" (.data/floor.cpuprofile)`);
}
db.$client.close();
