/**
 * Benchmarks: `npm run bench -- [--quick] [--articles 1000,10000] [--seed S] [--no-startup]
 *   [--search-sizes 1000,10000[,100000]|none] [--ingest-articles N] [--ingest-rss M|0] [--no-ingest]`.
 *
 * One run, so the ratios hold. For each corpus size (built by bench/generate.ts when missing):
 * - per catalogue query (bench/catalogue.ts): SQL statements per request and which path answered
 *   (`x-newsgraph-debug: sql` on a probe app; the timed apps run without DEBUG_SQL), in-process
 *   time per request through `app.request()` of the compiled read path (config compiledReads on)
 *   and of the fallback (the same app code with compiledReads off: the GraphQL executor), and of
 *   the hand-written single SQL statement producing the same JSON on the same libSQL client,
 *   interleaved (the order rotates each iteration); CPU per request (process.cpuUsage deltas, p50
 *   and p99) and GC ms per request (PerformanceObserver 'gc' entries attributed to the request
 *   they fall in); whether the JSON is identical to the reference and between both paths;
 * - a bounded loopback load (autocannon, 10 connections, 10 s; 3 s with --quick) per query
 *   against the Node entry (src/node.ts, compiled reads on) started as a child process on an
 *   ephemeral port, next to the `{ __typename }` floor's (no debug header, DEBUG_SQL off);
 * - the query plans of the statements the API issues (full scans and temp B-trees flagged).
 * Then the growth of p50 between sizes, the search rows (bench/search.ts; `--search-sizes`,
 * default 1000,10000: sizes above the generated one replicate it inside SQLite, and the 100k
 * build takes minutes, so 100000 only when asked), the ingest rows (bench/ingest.ts run as a
 * child process, its lines parsed: articles/s embedded and over Hrana, single and bulk, round
 * trips per article, RSS after its loads and over `--ingest-rss` single loads), module start-up
 * time (child process) and the Worker bundle size (`npm run build:worker`).
 *
 * Figures are printed, never asserted: this is not a test. Timings on a shared machine are noisy.
 */
import { spawn, spawnSync } from 'node:child_process';
import { PerformanceObserver } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import os from 'node:os';
import { createClient, type Client } from '@libsql/client';
// @ts-ignore -- autocannon ships no type declarations (bench/ is outside tsconfig's include anyway).
import autocannon from 'autocannon';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { preparedReader } from '../src/db/prepared.ts';
import { createDatabase } from '../src/db/client.ts';
import { openDatabase } from '../src/ingest/open.ts';
import { catalogue, chooseTargets, type CatalogueEntry } from './catalogue.ts';
import { DEFAULT_SEED, ensureCorpus } from './generate.ts';
import { searchBench } from './search.ts';
import { recordingClient, type RecordedStatement, type StatementRecorder } from '../test/fixtures/catalogue.ts';
import { PERSISTED_DOCUMENTS } from '../src/graphql/delivery/persisted-documents.generated.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

// ------------------------------------------------------------------------------------------
// Arguments

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const opt = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
};
const quick = flag('quick');
const sizes = (opt('articles') ?? (quick ? '1000' : '1000,10000')).split(',').map((s) => Number(s.trim()));
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--articles takes a comma-separated list of positive integers');
const seed = Number(opt('seed') ?? DEFAULT_SEED);
const MEASURE_MS = Number(opt('measure-ms') ?? (quick ? 1000 : 4000));
const LOAD_SECONDS = Number(opt('load-seconds') ?? (quick ? 3 : 10));
const LOAD_CONNECTIONS = 10;
const MIN_ITERATIONS = quick ? 15 : 40;

// ------------------------------------------------------------------------------------------
// Statistics and formatting

const quantile = (xs: number[], q: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
};
const ms = (x: number) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)) : 'n/a');
const ratio = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : 'n/a');
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
const gcMs = (xs: number[]) => (xs.length ? mean(xs).toFixed(3) : 'n/a');

function table(headers: string[], rows: (string | number)[][], align: ('l' | 'r')[] = []) {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => '| ' + r.map((c, i) => ((align[i] ?? (i === 0 ? 'l' : 'r')) === 'l' ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ') + ' |';
  const sep = '|' + widths.map((w, i) => ((align[i] ?? (i === 0 ? 'l' : 'r')) === 'l' ? ':' + '-'.repeat(w + 1) : '-'.repeat(w + 1) + ':')).join('|') + '|';
  return [line(headers), sep, ...cells.slice(1).map(line)].join('\n');
}

/** First path where two JSON values differ (for the "same JSON" column's explanation). */
function firstDiff(a: unknown, b: unknown, path = '$'): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array vs object`;
    if (Array.isArray(a) && Array.isArray(b) && a.length !== b.length) return `${path}: length ${a.length} vs ${b.length}`;
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const d = firstDiff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
      if (d) return d;
    }
  }
  return `${path}: ${JSON.stringify(a)?.slice(0, 80)} vs ${JSON.stringify(b)?.slice(0, 80)}`;
}

// ------------------------------------------------------------------------------------------
// The app over a bench database, with a client that can record the SQL it is sent

interface Harness {
  client: Client;
  raw: Client;
  /** DEBUG_SQL on: the probe request (statements, path, plans). */
  app: ReturnType<typeof createApp>;
  /** DEBUG_SQL off, compiled reads on / off: the timed apps. */
  compiled: ReturnType<typeof createApp>;
  fallback: ReturnType<typeof createApp>;
  /** Records the SQL the app sends while `recorder.captured` is a list. */
  recorder: StatementRecorder;
  close: () => void;
}

async function openHarness(file: string): Promise<Harness> {
  // Migrate (a no-op when current) with the project's own opener, then reopen with a recording client.
  const migrated = await openDatabase(`file:${file}`);
  migrated.$client.close();
  const raw = createClient({ url: `file:${file}` });
  await raw.execute('PRAGMA foreign_keys = ON');
  await raw.execute('PRAGMA busy_timeout = 5000');
  const h = { raw, recorder: recordingClient(raw) } as Harness;
  const db = createDatabase(h.recorder.client);
  h.client = db.$client;
  const config = (debugSql: boolean, compiledReads: boolean) =>
    loadConfig({}, { debugSql, compiledReads, maskErrors: true, rateLimit: { anonymous: 0, credential: 0 } as never });
  h.app = createApp({ db, config: config(true, true) });
  // The timed apps read as the Node entry does (src/ingest/open.ts): compiled statements on the
  // file's prepared reading connection (src/db/prepared.ts).
  const reader = preparedReader(file, ['PRAGMA cache_size = -65536', 'PRAGMA mmap_size = 268435456']);
  const timed = createDatabase(h.recorder.client, reader.readOne);
  h.compiled = createApp({ db: timed, config: config(false, true) });
  h.fallback = createApp({ db: timed, config: config(false, false) });
  h.close = () => {
    reader.close();
    raw.close();
  };
  return h;
}

const HEADERS = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };

async function gql(h: Harness, body: string, debug = false) {
  const res = await h.app.request('/graphql', { method: 'POST', headers: debug ? { ...HEADERS, 'x-newsgraph-debug': 'sql' } : HEADERS, body });
  return { status: res.status, text: await res.text() };
}

/**
 * One request to a timed app (no debug header): its body as text, or (`bytes`, the timed requests)
 * only read, as a server writes it: decoding it into a string is a client's work, and in process it
 * would be charged to the request (a 7.6 KB answer with one non-ASCII character is a 15 KB string).
 */
async function post(app: ReturnType<typeof createApp>, body: string, bytes = false): Promise<string> {
  const res = await app.request('/graphql', { method: 'POST', headers: HEADERS, body });
  if (!bytes) return res.text();
  await res.arrayBuffer();
  return '';
}

// GC pauses, attributed afterwards to the request whose interval holds their start.
const gcPauses: { start: number; ms: number }[] = [];
const gcObserver = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcPauses.push({ start: e.startTime, ms: e.duration });
});
gcObserver.observe({ entryTypes: ['gc'] });

/** GC ms in each [start, end) interval (intervals in time order, not overlapping). */
async function gcPerInterval(intervals: [number, number][]): Promise<number[]> {
  await new Promise((r) => setTimeout(r, 20)); // observer callbacks are delivered asynchronously
  const out = intervals.map(() => 0);
  const pauses = gcPauses.splice(0).sort((a, b) => a.start - b.start);
  let k = 0;
  for (const p of pauses) {
    while (k < intervals.length && intervals[k]![1] <= p.start) k++;
    if (k < intervals.length && intervals[k]![0] <= p.start) out[k]! += p.ms;
  }
  return out;
}

// ------------------------------------------------------------------------------------------
// Targets: entities the catalogue queries are about, chosen from the corpus

// ------------------------------------------------------------------------------------------
// Measurements

interface QueryResult {
  name: string;
  statements: number | string;
  /** Which path answered the probe (`extensions.sql.compiled`, and the fallback's reason). */
  path: string;
  same: string;
  /** Whether the fallback's answer is byte-identical to the compiled one. */
  fallbackSame: string;
  bytes: number;
  errors: string | null;
  gqlMs: number[];
  gqlCpu: number[];
  gqlGc: number[];
  fbMs: number[];
  fbCpu: number[];
  fbGc: number[];
  refMs: number[];
  refCpu: number[];
  /** The API's own SQL statement(s), executed alone on the same client: the database's share of the API time. */
  sqlMs: number[];
  plans: { sql: string; plan: string[] }[];
  load?: { rps: number; p50: number; p90: number; p99: number; max: number; non2xx: number; errors: number };
}

const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;

async function measureEntry(h: Harness, e: CatalogueEntry, floor = false): Promise<QueryResult> {
  const body = JSON.stringify({ query: e.query, variables: e.variables });
  const r: QueryResult = {
    name: e.name, statements: '?', path: '?', same: 'n/a', fallbackSame: 'n/a', bytes: 0, errors: null,
    gqlMs: [], gqlCpu: [], gqlGc: [], fbMs: [], fbCpu: [], fbGc: [], refMs: [], refCpu: [], sqlMs: [], plans: [],
  };

  // One request with the debug header (not for the floor, which must pay nothing of it): statement
  // count, path, errors, and the SQL it sends.
  const captured: RecordedStatement[] = (h.recorder.captured = []);
  const first = await gql(h, body, !floor);
  h.recorder.captured = null;
  let parsed: { data?: unknown; errors?: { message: string }[]; extensions?: { sql?: { statements?: number; compiled?: boolean; fallback?: string } } };
  try {
    parsed = JSON.parse(first.text);
  } catch {
    r.errors = `HTTP ${first.status}: ${first.text.slice(0, 200)}`;
    return r;
  }
  r.statements = floor ? captured.length : (parsed.extensions?.sql?.statements ?? `? (${captured.length} seen)`);
  const sqlExt = parsed.extensions?.sql;
  r.path = floor ? 'n/a' : sqlExt?.compiled === true ? 'compiled' : sqlExt?.compiled === false ? `fallback: ${sqlExt.fallback ?? '?'}` : 'not reported';
  {
    const [a, b] = [await post(h.compiled, body), await post(h.fallback, body)];
    r.fallbackSame = a === b ? 'yes' : `no: ${(() => { try { return firstDiff(JSON.parse(a), JSON.parse(b)) ?? 'bytes differ'; } catch { return 'bytes differ'; } })()}`;
  }
  if (parsed.errors?.length) r.errors = parsed.errors.map((x) => x.message).join('; ').slice(0, 300);
  r.bytes = Buffer.byteLength(first.text);

  for (const c of captured) {
    try {
      const plan = await h.raw.execute({ sql: `EXPLAIN QUERY PLAN ${c.sql}`, args: c.args as never });
      r.plans.push({ sql: c.sql, plan: plan.rows.map((row) => `${row.parent === 0 ? '' : '  '}${String(row.detail)}`) });
    } catch (err) {
      r.plans.push({ sql: c.sql, plan: [`(EXPLAIN failed: ${(err as Error).message})`] });
    }
  }

  const ref = e.reference;
  const runRef = ref ? async () => String((await h.client.execute({ sql: ref.sql, args: ref.args })).rows[0]!.json) : null;
  if (runRef) {
    try {
      const refJson = JSON.parse(await runRef());
      const d = firstDiff(parsed.data, refJson.data);
      r.same = d ? `no: ${d}` : 'yes';
    } catch (err) {
      r.same = `ref failed: ${(err as Error).message.slice(0, 120)}`;
    }
  }
  if (r.errors && !parsed.data) return r;

  // Warm up, then interleave compiled, fallback, the API's own SQL and the reference (the order
  // rotating each iteration) so all see the same noise.
  const useRef = runRef && !r.same.startsWith('ref failed');
  for (let i = 0; i < 20; i++) {
    await post(h.compiled, body);
    await post(h.fallback, body);
    if (useRef) await runRef!();
  }
  type Kind = 'compiled' | 'fallback' | 'sql' | 'ref';
  const kinds: Kind[] = ['compiled', 'fallback', ...(captured.length ? ['sql' as const] : []), ...(useRef ? ['ref' as const] : [])];
  const gcIntervals: { compiled: [number, number][]; fallback: [number, number][] } = { compiled: [], fallback: [] };
  const timed = async (kind: Kind) => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    if (kind === 'compiled') await post(h.compiled, body, true);
    else if (kind === 'fallback') await post(h.fallback, body, true);
    else if (kind === 'sql') for (const c of captured) await h.raw.execute({ sql: c.sql, args: c.args as never });
    else await runRef!();
    const t1 = performance.now();
    const cpu = cpuMs(process.cpuUsage(c0));
    if (kind === 'compiled') (r.gqlMs.push(t1 - t0), r.gqlCpu.push(cpu), gcIntervals.compiled.push([t0, t1]));
    else if (kind === 'fallback') (r.fbMs.push(t1 - t0), r.fbCpu.push(cpu), gcIntervals.fallback.push([t0, t1]));
    else if (kind === 'sql') r.sqlMs.push(t1 - t0);
    else (r.refMs.push(t1 - t0), r.refCpu.push(cpu));
  };
  gcPauses.length = 0;
  const started = performance.now();
  let i = 0;
  while ((performance.now() - started < MEASURE_MS || i < MIN_ITERATIONS) && i < 20000) {
    for (let k = 0; k < kinds.length; k++) await timed(kinds[(i + k) % kinds.length]!);
    i++;
  }
  // Both kinds' intervals interleave in time: attribute over the merged list.
  const all = [...gcIntervals.compiled.map((iv) => ['compiled', iv] as const), ...gcIntervals.fallback.map((iv) => ['fallback', iv] as const)].sort((a, b) => a[1][0] - b[1][0]);
  const gc = await gcPerInterval(all.map(([, iv]) => iv));
  for (const [k, [kind]] of all.entries()) (kind === 'compiled' ? r.gqlGc : r.fbGc).push(gc[k]!);
  return r;
}

interface DeliveryRow {
  name: string;
  statements: Set<number>;
  statuses: Set<number>;
  ms: number[];
}

/**
 * Delivery (docs/deploy.md): the trusted document documents/article-page.graphql for one article,
 * (1) executed (POST, `x-newsgraph-debug: sql`, which skips the response cache), (2) by GET
 * `documentId` answered from the response cache, (3) the same GET revalidated with If-None-Match
 * (304). Alternated per iteration on one app with the response cache on.
 */
async function measureDelivery(h: Harness, slug: string): Promise<DeliveryRow[]> {
  const [id] = Object.entries(PERSISTED_DOCUMENTS).find(([, d]) => d.file === 'documents/article-page.graphql')!;
  const config = loadConfig({ RESPONSE_CACHE_TTL: '3600' }, { debugSql: true, maskErrors: true, rateLimit: { anonymous: 0, credential: 0 } as never });
  const app = createApp({ db: createDatabase(h.recorder.client), config });
  const variables = { slug };
  const getUrl = `/graphql?documentId=sha256:${id}&variables=${encodeURIComponent(JSON.stringify(variables))}`;
  const cache = { accept: 'application/graphql-response+json', 'x-newsgraph-debug': 'cache' };
  const warm = await app.request(getUrl, { headers: cache });
  const etag = warm.headers.get('etag') ?? '';
  await warm.text();
  const requests: [string, () => Response | Promise<Response>][] = [
    ['article page document, executed (POST, no cache)', () => app.request('/graphql', { method: 'POST', headers: { ...HEADERS, 'x-newsgraph-debug': 'sql' }, body: JSON.stringify({ documentId: id, variables }) })],
    ['same, GET documentId from the response cache', () => app.request(getUrl, { headers: cache })],
    ['same, GET If-None-Match → 304', () => app.request(getUrl, { headers: { ...cache, 'if-none-match': etag } })],
  ];
  const rows: DeliveryRow[] = requests.map(([name]) => ({ name, statements: new Set(), statuses: new Set(), ms: [] }));
  const started = performance.now();
  for (let i = 0; (performance.now() - started < MEASURE_MS || i < MIN_ITERATIONS) && i < 20000; i++) {
    for (const [k, [, send]] of requests.entries()) {
      const t0 = performance.now();
      const res = await send();
      await res.arrayBuffer();
      if (i >= 20) rows[k]!.ms.push(performance.now() - t0); // the first 20 warm up
      rows[k]!.statements.add(Number(res.headers.get('x-newsgraph-sql-statements')));
      rows[k]!.statuses.add(res.status);
    }
  }
  return rows;
}

/** Start the Node entry on an ephemeral port over `file`; resolves with its URL and a stop function. */
async function startNodeServer(file: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [resolve(ROOT, 'src/node.ts')], {
    cwd: ROOT,
    env: { ...process.env, LIBSQL_URL: `file:${file}`, PORT: '0', HOST: '127.0.0.1', RATE_LIMIT_ANONYMOUS: '0', RATE_LIMIT_CREDENTIAL: '0', DEBUG_SQL: '0', RESPONSE_CACHE_TTL: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new Error(`Node entry did not start in 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolvePort(`http://127.0.0.1:${m[1]}/graphql`);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Node entry exited (${code}):\n${output}`));
    });
  });
  return {
    url,
    stop: () =>
      new Promise<void>((done) => {
        child.removeAllListeners('exit');
        child.once('exit', () => done());
        child.kill('SIGTERM');
        setTimeout(() => {
          if (child.exitCode === null) child.kill('SIGKILL');
        }, 3000);
      }),
  };
}

async function load(url: string, e: CatalogueEntry) {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: HEADERS,
    body: JSON.stringify({ query: e.query, variables: e.variables }),
    connections: LOAD_CONNECTIONS,
    duration: LOAD_SECONDS,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

// ------------------------------------------------------------------------------------------
// Ingest rows: bench/ingest.ts (owned by the ingest work, which exports nothing) as a child process

/**
 * Run `bench/ingest.ts N [--rss M]` and parse its lines: one per load ("<name> N articles in S s =
 * X articles/s[  R round trips/article]"), "RSS after these loads: …" and the --rss progress lines
 * (the last one is RSS after M single loads). Lines it does not recognise are passed through.
 */
function ingestRows(n: number, rss: number): Promise<{ rows: string[][]; notes: string[] }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [resolve(ROOT, 'bench/ingest.ts'), String(n), ...(rss ? ['--rss', String(rss)] : [])], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const timer = setTimeout(() => child.kill('SIGTERM'), 600_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      const rows: string[][] = [];
      const notes: string[] = [];
      let lastRss: string | null = null;
      for (const line of out.split('\n')) {
        const load = /^(.+?)\s+(\d+) articles in\s+([\d.]+) s =\s+([\d.]+) articles\/s(?:\s+([\d.]+) round trips\/article)?/.exec(line);
        const progress = /^\s+(\d+) single loads: (rss .*)$/.exec(line);
        if (load) rows.push([load[1]!.trim(), load[2]!, load[4]!, load[5] ?? 'n/a (embedded)']);
        else if (progress) lastRss = `RSS after ${progress[1]} single loads in one process: ${progress[2]}`;
        else if (/^RSS after/.test(line) || /^\s+\(/.test(line)) notes.push(line.trim());
        else if (line.trim()) notes.push(`  ${line}`);
      }
      if (lastRss) notes.push(lastRss);
      if (code !== 0) notes.push(`(bench/ingest.ts exited ${code})`);
      done({ rows, notes });
    });
  });
}

// ------------------------------------------------------------------------------------------
// Start-up time and Worker bundle

function measureStartup(runs: number) {
  const script = `
    const t0 = performance.now();
    const m = await import(${JSON.stringify(pathToFileURL(resolve(ROOT, 'src/app.ts')).href)});
    const t1 = performance.now();
    const { loadConfig } = await import(${JSON.stringify(pathToFileURL(resolve(ROOT, 'src/config.ts')).href)});
    const app = m.createApp({ db: {}, config: loadConfig({}) });
    const t2 = performance.now();
    const res = await app.request('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    await res.text();
    const t3 = performance.now();
    console.log(JSON.stringify({ importMs: t1 - t0, createAppMs: t2 - t1, firstRequestMs: t3 - t2}));
  `;
  const samples: { importMs: number; createAppMs: number; firstRequestMs: number; wallMs: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const out = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    const wallMs = performance.now() - t0;
    const line = out.stdout.trim().split('\n').pop() ?? '';
    try {
      samples.push({ ...JSON.parse(line), wallMs });
    } catch {
      return { error: (out.stderr || out.stdout).slice(0, 500) };
    }
  }
  const med = (k: keyof (typeof samples)[number]) => quantile(samples.map((s) => s[k]), 0.5);
  return { importMs: med('importMs'), createAppMs: med('createAppMs'), firstRequestMs: med('firstRequestMs'), wallMs: med('wallMs') };
}

/** Run `npm run build:worker` (the Worker helper's script) if it exists; resolves with what to print. */
function workerBundle(): Promise<string> {
  const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  if (!pkg.scripts?.['build:worker']) return Promise.resolve('skipped: package.json has no `build:worker` script yet (the Worker helper adds it).');
  return new Promise((done) => {
    const child = spawn('npm', ['run', '--silent', 'build:worker'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const timer = setTimeout(() => child.kill('SIGTERM'), 180_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      done(`$ npm run build:worker  (exit ${code})\n${out.trim()}`);
    });
  });
}

// ------------------------------------------------------------------------------------------
// Main

function schemaHasSearch() {
  try {
    const sdl = readFileSync(resolve(ROOT, 'schema/schema.graphql'), 'utf8');
    const query = /type Query \{([\s\S]*?)\n\}/.exec(sdl)?.[1] ?? '';
    const search = /^\s*(search\(.*)$/m.exec(query)?.[1] ?? null;
    const filterQuery = /input ArticleFilter \{[\s\S]*?\n\s+query: String[\s\S]*?\n\}/.test(sdl);
    return { search, filterQuery };
  } catch {
    return { search: null, filterQuery: false };
  }
}

const FLOOR_QUERY = '{ __typename }';
const started = performance.now();
console.log(`# Newsgraph benchmarks${quick ? ' (--quick)' : ''}`);
console.log(`node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log('NOTE: a shared machine (other agents run tests on the same cores): figures are noisy; compare ratios measured side by side, not absolute times across runs.');
console.log(`in-process: each query ≥ ${MEASURE_MS} ms interleaving compiled, fallback, the API SQL and the reference; load: autocannon ${LOAD_CONNECTIONS} connections × ${LOAD_SECONDS} s per query against src/node.ts\n`);

const search = schemaHasSearch();
// --quick builds the Worker bundle in the background (it takes ~10-25 s) so the run stays under a minute.
const workerBuild = quick ? workerBundle() : null;
if (quick) console.log('(--quick: `npm run build:worker` runs in the background meanwhile: it adds noise to the timings)');
const perSize = new Map<number, QueryResult[]>();

for (const n of sizes) {
  const { file, meta } = await ensureCorpus({ articles: n, seed });
  const h = await openHarness(file);
  const targets = await chooseTargets(h.raw, n);
  const counts = (await h.raw.execute(`select (select count(*) from articles) a, (select count(*) from people) p, (select count(*) from organisations) o, (select count(*) from engagements) e, (select count(*) from participants) pa`)).rows[0]!;
  console.log(`\n## ${n} articles  (${file}; ${counts.a} articles, ${counts.p} people, ${counts.o} organisations, ${counts.e} engagements, ${counts.pa} participants; ingest ${meta.articlesPerSecond ?? '?'} articles/s)`);
  console.log(`targets: article ${targets.articleSlug}; person ${targets.person.name} (${targets.person.slug}); between ${targets.stateA.name} and ${targets.stateB.name} (${targets.shared} shared engagements)`);

  // Search: the ArticleFilter.query field if the API answers it; Query.search if the schema has one.
  let searchTerm: string | null = null;
  if (search.filterQuery) {
    const probe = JSON.parse((await gql(h, JSON.stringify({ query: '{ articles(first: 1, filter: { query: "cooperation" }) { edges { cursor } } }' }))).text);
    if (probe.errors) console.log(`search: ArticleFilter.query not answered (${probe.errors[0].message}); skipped`);
    else searchTerm = 'security cooperation';
  }
  const entries = catalogue(targets, { searchTerm });
  if (search.search) {
    entries.splice(entries.length - 1, 0, {
      name: 'search (Query.search)',
      query: `query Search($q: String!) { search(query: $q, first: 10) { totalCount edges { score cursor node { __typename ... on Article { slug } } } } }`,
      variables: { q: 'security cooperation' },
      reference: null,
    });
  } else console.log('search: schema/schema.graphql has no Query.search; only ArticleFilter.query (if answered) is measured');
  // The floor: a request that reads nothing still goes through Hono, yoga, validation and
  // execution. Every catalogue query pays it on top of its SQL.
  entries.push({ name: 'floor ({ __typename }, no SQL)', query: FLOOR_QUERY, variables: {}, reference: null });

  const results: QueryResult[] = [];
  const fallback = catalogue(targets, { searchTerm, rootTotalCount: false });
  for (const [k, e0] of entries.entries()) {
    let e = e0;
    process.stdout.write(`  measuring ${e.name} ... `);
    const isFloor = e.query === FLOOR_QUERY;
    let r = await measureEntry(h, e, isFloor);
    const alt = fallback.find((f) => f.name === e.name);
    if (r.errors && alt && alt.query !== e.query) {
      // The API failed; retry without the root connection's totalCount (a known gap while the query surface changes).
      process.stdout.write(`failed (${r.errors.slice(0, 60)}); retrying without root totalCount ... `);
      e = { ...alt, name: `${alt.name} (no totalCount)` };
      entries[k] = e;
      const failedCount = r.statements;
      r = await measureEntry(h, e, isFloor);
      r.errors = r.errors ?? `with totalCount: API error (${failedCount} statements); measured without it`;
    }
    process.stdout.write(`${r.gqlMs.length} requests\n`);
    results.push(r);
  }
  process.stdout.write('  measuring delivery (persisted document, response cache, 304) ... ');
  const delivery = await measureDelivery(h, targets.articleSlug);
  process.stdout.write(`${delivery[0]!.ms.length} requests each\n`);
  h.close();

  // Loopback load against the Node entry.
  try {
    const server = await startNodeServer(file);
    try {
      for (const [k, e] of entries.entries()) {
        if (results[k]!.errors && !results[k]!.gqlMs.length) continue;
        process.stdout.write(`  load ${e.name} ... `);
        results[k]!.load = await load(server.url, e);
        process.stdout.write(`${results[k]!.load!.rps.toFixed(0)} req/s\n`);
      }
    } finally {
      await server.stop();
    }
  } catch (err) {
    console.log(`load: Node entry failed: ${(err as Error).message.slice(0, 500)}`);
  }
  perSize.set(n, results);

  const floorResult = results.find((r) => r.name.startsWith('floor'));
  const floorRps = floorResult?.load?.rps ?? NaN;
  console.log(`\n### ${n} articles: per request (compiled = compiledReads on, fallback = off: the executor; interleaved in one process; CPU and GC of the compiled path)`);
  console.log(
    table(
      ['query', 'SQL stmts', 'path (probe)', 'same JSON as ref', 'fallback same', 'compiled p50 ms', 'fallback p50 ms', 'ref p50 ms', 'compiled/ref', 'fallback/ref', "API's SQL p50 ms", 'CPU p50 ms', 'CPU p99 ms', 'fallback CPU p99 ms', 'GC ms/req', 'fallback GC ms/req', 'resp KB', 'load req/s', 'floor req/s', 'req/s ÷ floor', 'load p50 ms', 'load p99 ms'],
      results.map((r) => [
        r.name,
        r.statements,
        r.path.startsWith('fallback') ? 'fallback (see below)' : r.path,
        r.same.startsWith('no') ? 'no (see below)' : r.same.startsWith('ref failed') ? 'ref failed' : r.same,
        r.fallbackSame.startsWith('no') ? 'no (see below)' : r.fallbackSame,
        ms(quantile(r.gqlMs, 0.5)),
        ms(quantile(r.fbMs, 0.5)),
        ms(quantile(r.refMs, 0.5)),
        ratio(quantile(r.gqlMs, 0.5) / quantile(r.refMs, 0.5)),
        ratio(quantile(r.fbMs, 0.5) / quantile(r.refMs, 0.5)),
        ms(quantile(r.sqlMs, 0.5)),
        ms(quantile(r.gqlCpu, 0.5)),
        ms(quantile(r.gqlCpu, 0.99)),
        ms(quantile(r.fbCpu, 0.99)),
        gcMs(r.gqlGc),
        gcMs(r.fbGc),
        (r.bytes / 1024).toFixed(1),
        r.load ? r.load.rps.toFixed(0) : 'n/a',
        Number.isFinite(floorRps) ? floorRps.toFixed(0) : 'n/a',
        r.load ? `${((100 * r.load.rps) / floorRps).toFixed(0)} %` : 'n/a',
        r.load ? String(r.load.p50) : 'n/a',
        r.load ? String(r.load.p99) : 'n/a',
      ]),
    ),
  );
  if (floorResult) {
    const f99 = quantile(floorResult.gqlCpu, 0.99);
    console.log(`  floor: CPU p50 ${ms(quantile(floorResult.gqlCpu, 0.5))} ms, p99 ${ms(f99)} ms per request in process; each query's CPU p99 ÷ floor's: ${results.filter((r) => r !== floorResult).map((r) => `${r.name} ${ratio(quantile(r.gqlCpu, 0.99) / f99)}`).join('; ')}`);
  }
  for (const r of results) {
    if (r.path.startsWith('fallback')) console.log(`  ${r.name}: ${r.path}`);
    if (r.fallbackSame.startsWith('no')) console.log(`  ${r.name}: compiled and fallback answers differ: ${r.fallbackSame}`);
    if (r.errors) console.log(`  ${r.name}: errors: ${r.errors}`);
    if (r.same.startsWith('no') || r.same.startsWith('ref failed')) console.log(`  ${r.name}: reference JSON differs: ${r.same}`);
    if (r.load && (r.load.non2xx || r.load.errors)) console.log(`  ${r.name}: load: ${r.load.non2xx} non-2xx, ${r.load.errors} errors/timeouts`);
  }
  console.log(`  (reference CPU p50/p99 ms: ${results.map((r) => `${r.name} ${ms(quantile(r.refCpu, 0.5))}/${ms(quantile(r.refCpu, 0.99))}`).join('; ')})`);

  console.log(`\n### ${n} articles: delivery (documents/article-page.graphql for ${targets.articleSlug}; in-process, alternated)`);
  const uncached = quantile(delivery[0]!.ms, 0.5);
  console.log(
    table(
      ['request', 'HTTP status', 'SQL stmts', 'p50 ms', 'p99 ms', 'p50 ÷ executed'],
      delivery.map((d) => [d.name, [...d.statuses].join('/'), [...d.statements].join('/'), ms(quantile(d.ms, 0.5)), ms(quantile(d.ms, 0.99)), ratio(quantile(d.ms, 0.5) / uncached)]),
    ),
  );

  console.log(`\n### ${n} articles: query plans of the statements the API sends (SCAN = full scan of a table, TEMP B-TREE = sort without an index)`);
  for (const r of results) {
    for (const [k, p] of r.plans.entries()) {
      // SCAN of a co-routine/materialised sub-query (Drizzle's `t`, CTEs) is not a table scan.
      const subqueries = new Set(p.plan.map((l) => /(?:CO-ROUTINE|MATERIALIZE) (\S+)/.exec(l)?.[1]).filter(Boolean));
      const flagged = [
        ...new Set(
          p.plan
            .map((l) => l.trim())
            .filter((l) => (/^SCAN (\S+)/.test(l) && !subqueries.has(/^SCAN (\S+)/.exec(l)![1]) && !/^SCAN CONSTANT/.test(l)) || /TEMP B-TREE/.test(l)),
        ),
      ].map((l) => (/^SCAN \S+ USING (COVERING )?INDEX/.test(l) ? `${l} (walks the index in order)` : l));
      const temp = p.plan.filter((l) => /TEMP B-TREE/.test(l)).length;
      const scans = flagged.filter((l) => !/TEMP B-TREE/.test(l));
      console.log(
        `- ${r.name}, statement ${k + 1}/${r.plans.length}: ${scans.length ? `full/ordered scans: ${scans.join(' · ')}` : 'no table scans'}; ${temp} temp B-tree sort(s)`,
      );
    }
  }
}

if (sizes.length > 1) {
  const base = sizes[0]!;
  console.log(`\n## Growth: p50 at each size ÷ p50 at ${base} articles (budget ≤ 1.5×)`);
  const baseResults = perSize.get(base)!;
  const headers = ['query', ...sizes.map((n) => `API p50 @${n}`), ...sizes.slice(1).map((n) => `growth @${n}`), ...sizes.map((n) => `ref p50 @${n}`), ...sizes.slice(1).map((n) => `ref growth @${n}`), ...sizes.map((n) => `CPU p99 @${n}`)];
  const rows = baseResults.map((b, k) => {
    const at = (n: number) => perSize.get(n)!.find((r) => r.name === b.name) ?? perSize.get(n)![k]!;
    return [
      b.name,
      ...sizes.map((n) => ms(quantile(at(n).gqlMs, 0.5))),
      ...sizes.slice(1).map((n) => ratio(quantile(at(n).gqlMs, 0.5) / quantile(b.gqlMs, 0.5))),
      ...sizes.map((n) => ms(quantile(at(n).refMs, 0.5))),
      ...sizes.slice(1).map((n) => ratio(quantile(at(n).refMs, 0.5) / quantile(b.refMs, 0.5))),
      ...sizes.map((n) => ms(quantile(at(n).gqlCpu, 0.99))),
    ];
  });
  console.log(table(headers, rows));
}

// Full plans at the largest size: the highest API/ref ratio, the slowest p50, the largest growth,
// and any statement scanning a table.
{
  const last = perSize.get(sizes.at(-1)!)!;
  const first = perSize.get(sizes[0]!)!;
  const p50 = (r: QueryResult) => quantile(r.gqlMs, 0.5);
  const byRatio = [...last].filter((r) => r.refMs.length).sort((a, b) => p50(b) / quantile(b.refMs, 0.5) - p50(a) / quantile(a.refMs, 0.5))[0];
  const slowest = [...last].sort((a, b) => p50(b) - p50(a))[0];
  const growth = sizes.length > 1 ? [...last].sort((a, b) => p50(b) / p50(first.find((f) => f.name === b.name) ?? b) - p50(a) / p50(first.find((f) => f.name === a.name) ?? a))[0] : undefined;
  const scanning = last.filter((r) => r.plans.some((p) => p.plan.some((l) => /^\s*SCAN (\S+)$/.test(l) && !/SCAN (t|CONSTANT)\b/.test(l))));
  const shown = new Set<string>();
  const show: [string, QueryResult | undefined][] = [['highest API/ref ratio', byRatio], ['slowest p50', slowest], ['largest growth', growth], ...scanning.map((r) => ['full table scan', r] as [string, QueryResult])];
  for (const [label, r] of show) {
    if (!r || shown.has(r.name)) continue;
    shown.add(r.name);
    console.log(`\n## EXPLAIN QUERY PLAN at ${sizes.at(-1)} articles (${label}): ${r.name}`);
    for (const [k, p] of r.plans.entries()) console.log(`statement ${k + 1} (${p.sql.length} chars of SQL):\n${p.plan.map((l) => `  ${l}`).join('\n')}`);
  }
}

{
  // 100k only when asked: its replica (bench/replicate.ts) takes minutes to build the first time.
  const searchSizes = opt('search-sizes') ?? '1000,10000';
  if (searchSizes !== 'none') {
    console.log('\n## Search: articles(filter: { query }) and Query.search at growing sizes (bench/search.ts)');
    await searchBench(searchSizes.split(',').map((s) => Number(s.trim())), { measureMs: MEASURE_MS, seed });
  }
}

if (!flag('no-ingest')) {
  const n = Number(opt('ingest-articles') ?? (quick ? 100 : 500));
  const rss = Number(opt('ingest-rss') ?? (quick ? 500 : 2000));
  console.log(`\n## Ingest (bench/ingest.ts ${n}${rss ? ` --rss ${rss}` : ''}, a child process: fresh databases in a temp folder)`);
  const ingest = await ingestRows(n, rss);
  if (ingest.rows.length) console.log(table(['load', 'articles', 'articles/s', 'round trips/article'], ingest.rows));
  for (const line of ingest.notes) console.log(line);
}

if (!flag('no-startup')) {
  console.log(`\n## Module start-up (child process: import src/app.ts, which registers the types; createApp, which builds the schema; first "{ __typename }" request; median of ${quick ? 1 : 5})`);
  const s = measureStartup(quick ? 1 : 5);
  if ('error' in s) console.log(`failed: ${s.error}`);
  else console.log(table(['import app.ts ms', 'createApp ms', 'first request ms', 'process wall ms'], [[ms(s.importMs), ms(s.createAppMs), ms(s.firstRequestMs), ms(s.wallMs)]]));
}

console.log('\n## Worker bundle');
console.log(await (workerBuild ?? workerBundle()));
gcObserver.disconnect();
console.log(`\ndone in ${((performance.now() - started) / 1000).toFixed(0)} s`);
