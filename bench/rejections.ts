/**
 * Benchmark of the hostile-request path (not a test: it prints figures, and exits non-zero only
 * when a normal query failed or the server answered 5xx during the load).
 *
 * 1. In process: every case of test/hardening/attack-cases.ts sent `--runs` times (default 200)
 *    to `createApp` over a temp seeded libSQL file, each run a distinct document (a unique
 *    comment is appended, so yoga's parse/validation caches do not help the attacker's cost
 *    look smaller); prints median / p99 / max milliseconds per rejection.
 * 2. Loopback load: the Node entry (src/node.ts) started on 127.0.0.1 on an ephemeral port with
 *    a temp seeded database and rate limiting off (all load comes from one address), then
 *    autocannon for `--duration` seconds (default 60) over `--connections` connections
 *    (default 16), alternating a normal query with each hostile case; prints requests, errors on
 *    normal queries, 5xx count, unexpected statuses for hostile cases, and the server's RSS
 *    before, after and at peak (VmHWM).
 *
 * Usage: npm run bench:attacks [-- --runs 200 --duration 60 --connections 16]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/ingest/open.ts';
import { loadSeed } from '../src/ingest/seed.ts';
import { ATTACK_CASES, NORMAL_QUERY, normalRequest, schemaQueryFields, type AttackCase } from '../test/hardening/attack-cases.ts';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '200' },
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '16' },
  },
});
const RUNS = Number(args.runs);
const DURATION = Number(args.duration);
const CONNECTIONS = Number(args.connections);
const BASE = 'http://newsgraph.bench';
const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** `request` with a unique `# run n` comment appended to a JSON body's `query` (same tokens, new document). */
async function unique(request: Request, n: number): Promise<Request> {
  if (request.method !== 'POST' || !request.headers.get('content-type')?.startsWith('application/json')) return request;
  const bytes = new Uint8Array(await request.arrayBuffer());
  const same = () => new Request(request.url, { method: 'POST', headers: request.headers, body: bytes });
  let text: string;
  let body: unknown;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    body = JSON.parse(text);
  } catch {
    return same(); // invalid UTF-8 or JSON: the bytes are the attack, send them as they are
  }
  let out = text;
  if (body && typeof body === 'object' && !Array.isArray(body) && typeof (body as { query?: unknown }).query === 'string') {
    (body as { query: string }).query += `\n# run ${n}`;
    try {
      out = JSON.stringify(body);
    } catch {
      // Too deeply nested for JSON.stringify (the nested-variables case): send it unchanged.
    }
  }
  return new Request(request.url, { method: 'POST', headers: request.headers, body: out });
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

const fmt = (ms: number) => ms.toFixed(ms < 10 ? 2 : 1);

async function inProcess(cases: AttackCase[]) {
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-bench-'));
  const db = await openDatabase(`file:${join(dir, 'bench.db')}`);
  await loadSeed(db);
  const app = createApp({ db, config: loadConfig({ RATE_LIMIT_ANONYMOUS: '0', RATE_LIMIT_CREDENTIAL: '0' }) });
  const rows: { case: string; status: string; median: string; p99: string; max: string }[] = [];
  const measure = async (name: string, make: (i: number) => Promise<Request>, expected: number[]) => {
    for (let i = 0; i < 5; i++) await (await app.fetch(await make(-1 - i))).arrayBuffer();
    const times: number[] = [];
    const statuses = new Set<number>();
    for (let i = 0; i < RUNS; i++) {
      const req = await make(i);
      const t0 = performance.now();
      const res = await app.fetch(req);
      await res.arrayBuffer();
      times.push(performance.now() - t0);
      statuses.add(res.status);
    }
    times.sort((a, b) => a - b);
    const unexpected = [...statuses].filter((s) => !expected.includes(s));
    rows.push({ case: name, status: [...statuses].join(',') + (unexpected.length ? ' (UNEXPECTED)' : ''), median: fmt(quantile(times, 0.5)), p99: fmt(quantile(times, 0.99)), max: fmt(times.at(-1)!) });
  };
  await measure('(normal query, repeated)', async () => normalRequest(BASE), [200]);
  await measure('(normal query, unique)', (i) => unique(normalRequest(BASE), i), [200]);
  for (const c of cases) await measure(c.id, (i) => unique(c.request(BASE), i), c.expect.map((e) => e.status));
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
  return rows;
}

function rssOf(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

async function startServer(dir: string): Promise<{ url: string; pid: number; stop: () => void; heap: number[] }> {
  // --expose-gc and a probe: every 5 s a full GC, then the live heap (heapUsed) on stderr, which
  // separates retained memory from V8 simply not having returned freed pages (RSS).
  const probe = "setInterval(()=>{globalThis.gc();process.stderr.write('heap-after-gc '+process.memoryUsage().heapUsed+'\\n')},5000).unref()";
  const child = spawn(process.execPath, ['--expose-gc', `--import=data:text/javascript,${encodeURIComponent(probe)}`, 'src/node.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      LIBSQL_URL: `file:${join(dir, 'load.db')}`,
      PORT: '0',
      HOST: '127.0.0.1',
      DEBUG_SQL: '0',
      RATE_LIMIT_ANONYMOUS: '0',
      RATE_LIMIT_CREDENTIAL: '0',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  process.on('exit', stop);
  let stderr = '';
  const heap: number[] = [];
  child.stderr.on('data', (d: Buffer) => {
    const text = d.toString();
    for (const m of text.matchAll(/heap-after-gc (\d+)/g)) heap.push(Number(m[1]) / 2 ** 20);
    stderr += text.replace(/heap-after-gc \d+\n/g, '');
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s: ${stderr}`)), 60_000);
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /on (http:\/\/127\.0\.0\.1:\d+)\/graphql/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${stderr}`)));
  });
  return { url, pid: child.pid!, stop, heap };
}

async function toCannonRequest(r: Request) {
  const u = new URL(r.url);
  const body = r.method === 'POST' ? Buffer.from(await r.arrayBuffer()) : undefined;
  return { method: r.method as 'GET' | 'POST' | 'PUT', path: u.pathname + u.search, headers: Object.fromEntries(r.headers), body };
}

async function load(cases: AttackCase[]) {
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-load-'));
  const server = await startServer(dir);
  try {
    // Settle, then one normal request so the schema and first statement are warm.
    await (await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: NORMAL_QUERY }) })).text();
    await new Promise((r) => setTimeout(r, 1000));
    const before = rssOf(server.pid);

    const tally = { normal: 0, normalErrors: 0, hostile: 0, hostileUnexpected: 0, oversizedResets: 0, status5xx: 0, statuses: new Map<string, number>() };
    const requests = [];
    const normal = await toCannonRequest(normalRequest(server.url));
    const oversized = cases.filter((c) => c.expect.every((e) => e.status === 413));
    for (const c of cases.filter((x) => !oversized.includes(x))) {
      requests.push({
        ...normal,
        onResponse: (status: number, body: string) => {
          tally.normal++;
          if (status >= 500) tally.status5xx++;
          if (status !== 200 || body.includes('"errors"') || !body.includes('Neighbors continue')) {
            tally.normalErrors++;
            const key = `normal after ${c.id}: ${status} ${body.slice(0, 80)}`;
            tally.statuses.set(key, (tally.statuses.get(key) ?? 0) + 1);
          }
        },
      });
      const expected = c.expect.map((e) => e.status);
      requests.push({
        ...(await toCannonRequest(c.request(server.url))),
        onResponse: (status: number) => {
          tally.hostile++;
          if (status >= 500) tally.status5xx++;
          if (!expected.includes(status)) {
            tally.hostileUnexpected++;
            const key = `${c.id}: ${status}`;
            tally.statuses.set(key, (tally.statuses.get(key) ?? 0) + 1);
          }
        },
      });
    }
    const peakSamples: number[] = [];
    const sampler = setInterval(() => peakSamples.push(rssOf(server.pid).rss), 1000);
    // Oversized bodies are answered (413) before they are read, with `Connection: close`;
    // autocannon's request sequence loses its place when a connection closes under it, so these
    // go through fetch on their own connections, two loops in parallel with the load.
    const deadline = Date.now() + DURATION * 1000;
    const oversizedLoops = [0, 1].map(async () => {
      while (Date.now() < deadline) {
        for (const c of oversized) {
          let res: Response;
          try {
            res = await fetch(c.request(server.url));
            await res.arrayBuffer();
          } catch {
            // The server answered 413 and closed the connection while the client was still
            // sending the body: the client sees a reset (EPIPE) instead of the answer.
            tally.oversizedResets++;
            continue;
          }
          tally.hostile++;
          if (res.status >= 500) tally.status5xx++;
          if (!c.expect.some((e) => e.status === res.status)) {
            tally.hostileUnexpected++;
            tally.statuses.set(`${c.id}: ${res.status}`, (tally.statuses.get(`${c.id}: ${res.status}`) ?? 0) + 1);
          }
        }
      }
    });
    const result = await autocannon({ url: server.url, connections: CONNECTIONS, duration: DURATION, requests, timeout: 20 });
    await Promise.all(oversizedLoops);
    clearInterval(sampler);
    const after = rssOf(server.pid);
    await new Promise((r) => setTimeout(r, 5000));
    const settled = rssOf(server.pid);
    return { result, tally, before, after, settled, maxSampled: Math.max(...peakSamples), samples: peakSamples, heap: [...server.heap] };
  } finally {
    server.stop();
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dir, { recursive: true, force: true });
  }
}

const app0 = createApp({ db: await openDatabase(`file:${join(mkdtempSync(join(tmpdir(), 'newsgraph-schema-')), 's.db')}`), config: loadConfig({ RATE_LIMIT_ANONYMOUS: '0' }) });
const fields = await schemaQueryFields((r) => app0.fetch(r), BASE);
const cases = ATTACK_CASES.filter((c) => !c.needsQueryField || fields.has(c.needsQueryField));
const skipped = ATTACK_CASES.filter((c) => !cases.includes(c)).map((c) => c.id);

console.log(`\n== Rejection time in process (app.fetch, ${RUNS} runs each, unique documents; ms) ==`);
console.table(await inProcess(cases));
if (skipped.length) console.log(`skipped (schema lacks the field): ${skipped.join(', ')}`);

console.log(`\n== Loopback load: Node entry, ${DURATION} s, ${CONNECTIONS} connections, normal and hostile alternating ==`);
const { result, tally, before, after, settled, maxSampled, samples, heap } = await load(cases);
const mib = (n: number) => `${n.toFixed(1)} MiB`;
console.table({
  'requests (autocannon)': result.requests.total,
  'requests/s (mean)': Math.round(result.requests.average),
  'latency p50 ms': result.latency.p50,
  'latency p99 ms': result.latency.p99,
  'normal queries': tally.normal,
  'errors on normal queries': tally.normalErrors,
  'hostile requests': tally.hostile,
  'hostile with unexpected status': tally.hostileUnexpected,
  'oversized bodies cut off (reset before the 413 was read)': tally.oversizedResets,
  '5xx responses': tally.status5xx,
  'socket errors': result.errors,
  timeouts: result.timeouts,
  'RSS before': mib(before.rss),
  'RSS after': mib(after.rss),
  'RSS 5 s after': mib(settled.rss),
  'RSS peak (VmHWM)': mib(after.hwm),
  'RSS max sampled': mib(maxSampled),
});
console.log(`RSS sampled each second during the load (MiB): ${samples.map((n) => n.toFixed(0)).join(' ')}`);
console.log(`Live heap after a full GC, every 5 s (MiB): ${heap.map((n) => n.toFixed(1)).join(' ')}`);
if (tally.statuses.size) console.log('unexpected answers:', Object.fromEntries(tally.statuses));
const ok = tally.normalErrors === 0 && tally.status5xx === 0 && tally.hostileUnexpected === 0;
console.log(ok ? 'OK: 0 errors on normal queries, 0 5xx.' : 'FAILED: see the counts above.');
process.exit(ok ? 0 : 1);
