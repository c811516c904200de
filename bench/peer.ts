/**
 * Newsgraph against a peer, side by side: `npm run bench:peer -- [--quick] [--pin] [--duration S]
 * [--rounds N] [--warmup S] [--connections C] [--articles N] [--serve]`.
 *
 * The peer is PostGraphile v5 (Amber preset, grafserv on Node's http) over PostgreSQL, serving the
 * same corpus (.data/bench-<N>.db, built by bench/generate.ts) copied into a private cluster with
 * the same ids (bench/peer/postgres.ts; initdb in a temporary directory, unix socket only, stopped
 * on exit). PostGraphile is installed by this script into .data/peer (git-ignored) from the exact
 * versions in bench/peer/package.json; it is never one of Newsgraph's dependencies.
 *
 * For each query of the catalogue (bench/catalogue.ts) and the `{ __typename }` floor, its
 * PostGraphile equivalent (bench/peer/queries.ts, link tables walked explicitly) must give the
 * same answer once normalised to Newsgraph's shape ("same answer", or the first difference).
 * Then both servers are loaded in alternation, in short rounds per query (autocannon, 10
 * connections, loopback): Newsgraph's Node entry (src/node.ts, a child process, response cache off,
 * no debug header) and PostGraphile. Printed per query and side: requests/s, p50 and p99 latency
 * (ms, over every response of every round), and CPU ms per request of the server process plus,
 * for PostGraphile, every process of the PostgreSQL cluster (/proc utime + stime, before and after
 * each round), with Newsgraph/PostGraphile ratios.
 *
 * `--pin`: both servers and the cluster on one core (taskset; the last core, or `--pin-core K`),
 * the load generator on the others. `--serve`: start everything, check the answers, print the two
 * URLs and wait for Ctrl-C (no load). Figures are printed, never asserted: this is not a test.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { createClient } from '@libsql/client';
import autocannon from 'autocannon';
import { catalogue, chooseTargets } from './catalogue.ts';
import { ensureCorpus } from './generate.ts';
import { corpusSql, findPostgresBin, processCpuMs, startCluster, type Cluster } from './peer/postgres.ts';
import { peerQueries, type PeerEntry } from './peer/queries.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const PEER_SRC = resolve(ROOT, 'bench/peer');
const PEER_DIR = resolve(ROOT, '.data/peer');

const argv = process.argv.slice(2);
const has = (name: string) => argv.includes(`--${name}`);
const opt = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const quick = has('quick');
const DURATION = Number(opt('duration') ?? (quick ? 2 : 5));
const ROUNDS = Number(opt('rounds') ?? (quick ? 2 : 4));
const WARMUP = Number(opt('warmup') ?? (quick ? 1 : 3));
const CONNECTIONS = Number(opt('connections') ?? 10);
const ARTICLES = Number(opt('articles') ?? 1000);
const CORES = os.availableParallelism();
const PIN_CORE = has('pin') || opt('pin-core') ? Number(opt('pin-core') ?? CORES - 1) : null;
const SEARCH_TERM = 'security cooperation';
const HEADERS = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };

// ------------------------------------------------------------------------------------------
// Clean-up: the cluster and the servers go with this process, however it ends.

const children = new Set<ChildProcess>();
let cluster: Cluster | null = null;
const cleanUp = () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  cluster?.stopSync();
};
process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the servers and the PostgreSQL cluster`);
    cleanUp();
    process.exit(130);
  });
}

// ------------------------------------------------------------------------------------------
// Setup

const bin = findPostgresBin();
if (!bin) {
  console.error('bench:peer needs a PostgreSQL server (initdb, pg_ctl): on Debian/Ubuntu run `sudo apt-get install -y postgresql`, then `npm run bench:peer` again.');
  process.exit(1);
}
if (PIN_CORE != null && spawnSync('taskset', ['--version']).status !== 0) {
  console.error('--pin needs taskset: on Debian/Ubuntu run `sudo apt-get install -y util-linux`.');
  process.exit(1);
}

/** Install the versions of bench/peer/package.json into .data/peer unless they are there. */
function ensurePostGraphile() {
  const wanted = (JSON.parse(readFileSync(resolve(PEER_SRC, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies;
  const installed = (name: string) => {
    const file = resolve(PEER_DIR, 'node_modules', name, 'package.json');
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : null;
  };
  if (Object.entries(wanted).every(([name, version]) => installed(name) === version)) return;
  console.log(`installing ${Object.entries(wanted).map(([n, v]) => `${n}@${v}`).join(' ')} into .data/peer (once; not a Newsgraph dependency) ...`);
  mkdirSync(PEER_DIR, { recursive: true });
  copyFileSync(resolve(PEER_SRC, 'package.json'), resolve(PEER_DIR, 'package.json'));
  const r = spawnSync('npm', ['install', '--prefix', PEER_DIR, '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock', '--loglevel=error'], { cwd: PEER_DIR, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm install of PostGraphile into .data/peer failed');
}

/** Run `args` (with `taskset -c core` in front when pinned); resolves once its output matches `ready`. */
async function startServer(name: string, args: string[], env: Record<string, string>, ready: RegExp): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const command = PIN_CORE == null ? args : ['taskset', '-c', String(PIN_CORE), ...args];
  const child = spawn(command[0]!, command.slice(1), { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let output = '';
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`${name} did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = ready.exec(output);
      if (m) {
        clearTimeout(timer);
        done(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`${name} exited (${code}):\n${output}`));
    });
  });
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((done) => {
        child.removeAllListeners('exit');
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
        setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 3000);
      }),
  };
}

async function post(url: string, query: string, variables: Record<string, unknown>) {
  const res = await fetch(url, { method: 'POST', headers: HEADERS, body: JSON.stringify({ query, variables }) });
  const text = await res.text();
  return { status: res.status, text, json: JSON.parse(text) as { data?: unknown; errors?: { message: string }[] } };
}

/** The path and values of the first difference between two JSON values, or null when equal. */
function firstDiff(a: unknown, b: unknown, path = 'data'): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  const show = (v: unknown) => (JSON.stringify(v) ?? 'undefined').slice(0, 80);
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const d = firstDiff(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return `${path}: ${a.length} items against ${b.length}`;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    for (const k of new Set([...ka, ...kb])) {
      const d = firstDiff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
      if (d) return d;
    }
    return `${path}: key order ${ka.join(',')} against ${kb.join(',')}`;
  }
  return `${path}: Newsgraph ${show(a)}, PostGraphile ${show(b)}`;
}

// ------------------------------------------------------------------------------------------
// Load

interface Side {
  name: 'Newsgraph' | 'PostGraphile';
  url: string;
  /** CPU ms of the server process and of its database's processes (0 when in process). */
  cpu: () => { server: number; db: number };
}

interface Tally {
  ok: number;
  failed: number;
  seconds: number;
  serverMs: number;
  dbMs: number;
  latencies: number[];
}

type Tracker = Promise<{ duration: number; errors: number; timeouts: number }> & {
  on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
};

/** One autocannon run of `seconds` against a side; adds to `tally` unless it is a warm-up. */
async function round(side: Side, query: string, variables: Record<string, unknown>, seconds: number, tally: Tally | null) {
  const before = side.cpu();
  const tracker = autocannon({ url: side.url, method: 'POST', headers: HEADERS, body: JSON.stringify({ query, variables }), connections: CONNECTIONS, duration: seconds }) as unknown as Tracker;
  let ok = 0;
  let failed = 0;
  const latencies: number[] = [];
  tracker.on('response', (_client, status, _bytes, ms) => {
    if (status >= 200 && status < 300) ok++;
    else failed++;
    latencies.push(ms);
  });
  const result = await tracker;
  const after = side.cpu();
  if (!tally) return;
  tally.ok += ok;
  tally.failed += failed + result.errors + result.timeouts;
  tally.seconds += result.duration;
  tally.serverMs += after.server - before.server;
  tally.dbMs += after.db - before.db;
  for (const l of latencies) tally.latencies.push(l);
}

// ------------------------------------------------------------------------------------------
// Main

ensurePostGraphile();
copyFileSync(resolve(PEER_SRC, 'server.mjs'), resolve(PEER_DIR, 'server.mjs'));

const { file } = await ensureCorpus({ articles: ARTICLES, log: (line) => console.log(line) });
const raw = createClient({ url: `file:${file}` });
const targets = await chooseTargets(raw, ARTICLES);

const t0 = performance.now();
cluster = await startCluster(bin, PIN_CORE);
const pg = cluster;
const loadSql = await corpusSql(raw, readFileSync(resolve(PEER_SRC, 'schema.sql'), 'utf8'));
raw.close();
await pg.psql(loadSql);
const version = /PostgreSQL [\d.]+/.exec(await pg.psql('select version();'))?.[0] ?? 'PostgreSQL ?';
console.log(`${version}; corpus copied from ${file} in ${((performance.now() - t0) / 1000).toFixed(1)} s (private cluster, socket in ${pg.socketDir})`);

const newsgraph = await startServer(
  'Newsgraph (src/node.ts)',
  [process.execPath, resolve(ROOT, 'src/node.ts')],
  // As bench/run.ts: no rate limit, no SQL statistics; and no response cache: the peer has none.
  { LIBSQL_URL: `file:${file}`, PORT: '0', HOST: '127.0.0.1', RATE_LIMIT_ANONYMOUS: '0', RATE_LIMIT_CREDENTIAL: '0', DEBUG_SQL: '0', RESPONSE_CACHE_TTL: '0', NODE_ENV: 'production' },
  /(http:\/\/127\.0\.0\.1:\d+\/graphql)/,
);
const postgraphile = await startServer(
  'PostGraphile',
  [process.execPath, resolve(PEER_DIR, 'server.mjs')],
  { PEER_PG_URL: pg.url, NODE_ENV: 'production' },
  /PostGraphile on (http:\/\/127\.0\.0\.1:\d+\/graphql)/,
);
if (PIN_CORE != null) {
  // The load generator (this process) on the other cores.
  const others = Array.from({ length: CORES }, (_, i) => i).filter((i) => i !== PIN_CORE);
  if (others.length) spawnSync('taskset', ['-a', '-p', '-c', others.join(','), String(process.pid)], { stdio: 'ignore' });
}
const postgraphilePkg = JSON.parse(readFileSync(resolve(PEER_DIR, 'node_modules/postgraphile/package.json'), 'utf8')) as { version: string };
console.log(`Newsgraph ${newsgraph.url} (pid ${newsgraph.pid}); PostGraphile ${postgraphilePkg.version} ${postgraphile.url} (pid ${postgraphile.pid}); node ${process.version}; ${CORES} cores${PIN_CORE != null ? `; servers and PostgreSQL pinned to core ${PIN_CORE}` : ''}`);
console.log(`targets: article ${targets.articleSlug}; person ${targets.person.name}; between ${targets.stateA.name} and ${targets.stateB.name}`);

// The catalogue and its PostGraphile equivalents, answers checked.
const entries = catalogue(targets, { searchTerm: SEARCH_TERM });
entries.push({ name: 'floor ({ __typename })', query: '{ __typename }', variables: {}, reference: null });
const peers = peerQueries(targets, SEARCH_TERM);
interface Pair {
  name: string;
  ours: { query: string; variables: Record<string, unknown> };
  peer: PeerEntry;
  same: string;
}
const pairs: Pair[] = [];
const skipped: string[] = [];
console.log('\nanswers (PostGraphile normalised to Newsgraph\'s shape, bench/peer/queries.ts):');
for (const e of entries) {
  const peer = peers.find((p) => p.name === e.name);
  if (!peer) {
    console.log(`  ${e.name.padEnd(32)} no PostGraphile equivalent: skipped`);
    skipped.push(`${e.name}: no PostGraphile equivalent`);
    continue;
  }
  const ours = await post(newsgraph.url, e.query, e.variables);
  const theirs = await post(postgraphile.url, peer.query, peer.variables);
  let same: string;
  if (ours.json.errors || ours.status !== 200) same = `Newsgraph failed (${ours.status}): ${JSON.stringify(ours.json.errors ?? ours.text).slice(0, 200)}`;
  else if (theirs.json.errors || theirs.status !== 200) same = `PostGraphile failed (${theirs.status}): ${JSON.stringify(theirs.json.errors ?? theirs.text).slice(0, 200)}`;
  else {
    const d = firstDiff(ours.json.data, peer.normalise(theirs.json.data));
    same = d ? `DIFFERENT: ${d}` : 'same answer';
  }
  console.log(`  ${e.name.padEnd(32)} ${same}${peer.note ? `  (${peer.note})` : ''}  [${ours.text.length} / ${theirs.text.length} bytes]`);
  if (same.includes('failed')) {
    skipped.push(`${e.name}: ${same}`);
    continue;
  }
  pairs.push({ name: e.name, ours: { query: e.query, variables: e.variables }, peer, same });
}

if (has('serve')) {
  console.log(`\nserving until Ctrl-C:\n  Newsgraph    ${newsgraph.url}\n  PostGraphile ${postgraphile.url}  (psql -h ${pg.socketDir} -U postgres)`);
  await new Promise(() => {});
}

const sides: Side[] = [
  { name: 'Newsgraph', url: newsgraph.url, cpu: () => ({ server: processCpuMs(newsgraph.pid), db: 0 }) },
  { name: 'PostGraphile', url: postgraphile.url, cpu: () => ({ server: processCpuMs(postgraphile.pid), db: pg.cpuMs() }) },
];
const request = (side: Side, p: Pair) => (side.name === 'Newsgraph' ? p.ours : { query: p.peer.query, variables: p.peer.variables });
const tallies = new Map<string, Tally>();
const tally = (side: Side, p: Pair) => {
  const key = `${p.name}\u0000${side.name}`;
  if (!tallies.has(key)) tallies.set(key, { ok: 0, failed: 0, seconds: 0, serverMs: 0, dbMs: 0, latencies: [] });
  return tallies.get(key)!;
};

const total = pairs.length * 2 * (ROUNDS * DURATION + WARMUP);
console.log(`\nload: autocannon, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${DURATION} s per query and side, alternating (which side goes first alternates too), after ${WARMUP} s warm-up each; about ${Math.ceil(total / 60)} min`);
for (const p of pairs) for (const side of sides) await round(side, request(side, p).query, request(side, p).variables, WARMUP, null);
for (let r = 0; r < ROUNDS; r++) {
  process.stdout.write(`  round ${r + 1}/${ROUNDS} ...`);
  for (const [k, p] of pairs.entries()) {
    const order = (r + k) % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) await round(side, request(side, p).query, request(side, p).variables, DURATION, tally(side, p));
  }
  process.stdout.write(' done\n');
}

await newsgraph.stop();
await postgraphile.stop();

// ------------------------------------------------------------------------------------------
// Report

const quantile = (xs: number[], q: number) => (xs.length ? xs[Math.min(xs.length - 1, Math.floor(q * xs.length))]! : NaN);
interface Figures {
  rps: number;
  p50: number;
  p99: number;
  cpu: number;
  db: number;
  failed: number;
}
const figures = (t: Tally): Figures => {
  const l = t.latencies.sort((a, b) => a - b);
  return { rps: t.ok / t.seconds, p50: quantile(l, 0.5), p99: quantile(l, 0.99), cpu: (t.serverMs + t.dbMs) / t.ok, db: t.dbMs / t.ok, failed: t.failed };
};
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(x >= 100 ? 0 : x >= 10 ? 1 : 2) : 'n/a');
const ratio = (a: number, b: number) => (b > 0 && Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : 'n/a');

const header = ['query', 'answer', 'NG req/s', 'PG req/s', 'req/s NG/PG', 'NG p50', 'PG p50', 'NG p99', 'PG p99', 'p50 NG/PG', 'NG CPU', 'PG CPU (db)', 'CPU NG/PG'];
const rows: string[][] = [];
for (const p of pairs) {
  const ng = figures(tally(sides[0]!, p));
  const pgf = figures(tally(sides[1]!, p));
  const failures = ng.failed + pgf.failed ? ` (${ng.failed}/${pgf.failed} failed)` : '';
  rows.push([
    p.name + failures,
    p.same === 'same answer' ? 'same' : 'DIFFERENT',
    f1(ng.rps),
    f1(pgf.rps),
    ratio(ng.rps, pgf.rps),
    f1(ng.p50),
    f1(pgf.p50),
    f1(ng.p99),
    f1(pgf.p99),
    ratio(ng.p50, pgf.p50),
    f1(ng.cpu),
    `${f1(pgf.cpu)} (${f1(pgf.db)})`,
    ratio(ng.cpu, pgf.cpu),
  ]);
}
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
console.log(`\n## Newsgraph (NG) against PostGraphile ${postgraphilePkg.version} (PG) on ${version}, ${ARTICLES} articles, ${PIN_CORE != null ? `pinned to core ${PIN_CORE}` : 'unpinned'}`);
console.log('latency in ms over every response; CPU ms per request: server process, plus for PG every process of its PostgreSQL cluster (its share in brackets)');
console.log('req/s NG/PG above 1 and p50, CPU NG/PG below 1 mean Newsgraph is ahead');
console.log(line(header));
console.log(line(header.map((_, i) => '-'.repeat(widths[i]!))));
for (const r of rows) console.log(line(r));
for (const s of skipped) console.log(`not measured: ${s}`);

const out = resolve(ROOT, '.data/bench-peer.json');
writeFileSync(out, JSON.stringify({ articles: ARTICLES, pinned: PIN_CORE, rounds: ROUNDS, duration: DURATION, skipped, postgraphile: postgraphilePkg.version, postgres: version, rows: pairs.map((p) => ({ name: p.name, same: p.same, newsgraph: figures(tally(sides[0]!, p)), postgraphile: figures(tally(sides[1]!, p)) })) }, null, 2));
console.log(`\n(figures also in ${out})`);
process.exit(0);
