/**
 * Ingest throughput (not a test): generates N synthetic article bundles with overlapping
 * entities and loads them into (1) an embedded libSQL file and (2) the same kind of file served
 * over HTTP by the Hrana dev server (`@libsql/client/web`, as the Worker and Turso use), each
 * one by one (`loadBundle`, one write transaction each) and in bulk (`loadBundles`, --chunk
 * articles per transaction), then prints articles/s, HTTP requests (round trips) per article
 * counted at the client's fetch, and RSS after the loads of this process.
 *
 *   node bench/ingest.ts [N=200] [--concurrency C=1] [--chunk K=100] [--bulk] [--embedded] [--rss M [--rss-caches server]]
 *
 * With C > 1, C single loads are in flight at once (they queue on the write lock; the point is
 * that nothing fails and nothing is duplicated, and what queueing costs). `--bulk` skips the
 * single loads, `--embedded` the Hrana targets. Each line gives the process's CPU time for the
 * loads (`process.cpuUsage`, user + system, all threads, over Hrana the in-process server's too;
 * steadier than wall time on a shared machine). `--rss M` then loads M corpus articles one by one
 * in this process, printing RSS
 * (anonymous and file-backed) and heap after a forced GC every M/10 (the memory check: flat
 * within ± 20 MB). The database is opened as a loading process opens it (`openDatabase(url,
 * { reads: false })`: SQLite's default 2 MB page cache, no mmap), so what grows is the process.
 * `--rss-caches server` opens it as the server does instead: the page cache (anonymous, 64 MiB)
 * and the memory-mapped file (file-backed, 256 MiB) then count in RSS up to those bounds as the
 * file grows. Each target starts from an empty, migrated database in a temp folder, removed afterwards.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { join } from 'node:path';
import { createClient } from '@libsql/client/web';
import { createDatabase, type Database } from '../src/db/client.ts';
import { openDatabase } from '../src/ingest/open.ts';
import { startHranaServer } from '../tools/dev/hrana-server.ts';
import { loadBundles } from '../src/ingest/bulk.ts';
import { loadBundle } from '../src/ingest/load.ts';
import { CorpusGenerator } from '../test/fixtures/corpus.ts';
import { countingFetch } from '../test/ingest/helpers.ts';

const args = process.argv.slice(2);
const N = Number(args.find((a) => /^\d+$/.test(a)) ?? 200);
const ci = args.indexOf('--concurrency');
const C = ci >= 0 ? Math.max(1, Number(args[ci + 1])) : 1;
const ki = args.indexOf('--chunk');
const K = ki >= 0 ? Math.max(1, Number(args[ki + 1])) : 100;
const ri = args.indexOf('--rss');
const M = ri >= 0 ? Number(args[ri + 1]) : 0;
const serverCaches = args[args.indexOf('--rss-caches') + 1] === 'server';
const bulkOnly = args.includes('--bulk');
const embeddedOnly = args.includes('--embedded');
/** A forced full GC (V8's `gc`, exposed at run time), so heap and RSS figures are what is live. */
const gc = (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();
const mb = (n: number) => `${(n / 1e6).toFixed(0)} MB`;
/** Linux: anonymous and file-backed resident memory (the file's memory-mapped pages are RssFile, bounded by mmap_size). */
const rssParts = () => {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN) * 1000;
    return `, anon ${mb(kb('RssAnon'))}, file ${mb(kb('RssFile'))}`;
  } catch {
    return '';
  }
};

const FIRST = ['Ada', 'Alan', 'Grace', 'Edsger', 'Barbara', 'Donald', 'Frances', 'John', 'Katherine', 'Tim', 'Radia', 'Ken'];
const LAST = ['Lovelace', 'Turing', 'Hopper', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Backus', 'Johnson', 'Berners-Lee', 'Perlman', 'Thompson'];
const ORGS = ['United Nations', 'World Bank', 'African Union', 'Red Cross', 'OPEC', 'ASEAN', 'Interpol', 'UNESCO'];
const CITIES: [string, string][] = [['Geneva', 'Switzerland'], ['Nairobi', 'Kenya'], ['Havana', 'Cuba'], ['Oslo', 'Norway'], ['Lima', 'Peru'], ['Hanoi', 'Vietnam']];

/** Article i: 6 people (from a pool of 144), 3 organisations, a city and its country, 2 engagements, 2 quotes, 2 figures. */
function synthetic(i: number) {
  const person = (k: number) => `${FIRST[(i + k) % FIRST.length]} ${LAST[(i * 7 + k * 5) % LAST.length]}`;
  const people = Array.from({ length: 6 }, (_, k) => person(k)).filter((n, k, all) => all.indexOf(n) === k);
  const [city, country] = CITIES[i % CITIES.length]!;
  const body = `${city} – ${people.join(', ')} met. “Quote ${i} one” said one. “Quote ${i} two” said another. It cost $${i + 1} million over ${i % 9 + 1} days.`;
  return {
    ninjs: {
      uri: `urn:bench:article:${i}`,
      type: 'text',
      language: 'en',
      firstCreated: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(),
      headlines: [{ role: 'main', value: `Synthetic article ${i} from ${city}` }],
      bodies: [{ role: 'main', contentType: 'text/plain', value: body }],
    },
    annotations: {
      dateline: { text: city.toUpperCase(), place: 'city' },
      people: people.map((name, k) => ({ key: `p${k}`, name, aliases: [name.split(' ').at(-1)!], rel: k < 2 ? 'about' : 'mentions', relevance: 1 - k / 10 })),
      organisations: [0, 1, 2].map((k) => ({ key: `o${k}`, name: ORGS[(i + k) % ORGS.length]!, kind: 'INTERNATIONAL_ORGANISATION', rel: 'mentions' })),
      places: [
        { key: 'city', name: city, kind: 'CITY', country: 'country', rel: 'about' },
        { key: 'country', name: country, kind: 'COUNTRY', rel: 'mentions' },
      ],
      engagements: [
        { key: 'meet', kind: 'MEETING', cameo: '043', summary: `Meeting in ${city}`, place: 'city', date: { edtf: `2025-${String((i % 12) + 1).padStart(2, '0')}` },
          participants: [{ actor: 'p0', role: 'HOST' }, { actor: 'p1', role: 'GUEST' }, { actor: 'o0', role: 'PARTICIPANT' }] },
        { key: 'say', kind: 'STATEMENT', cameo: '010', summary: `Statement ${i}`, participants: [{ actor: 'p2', role: 'SPEAKER' }] },
      ],
      quotes: [
        { text: `Quote ${i} one`, speaker: 'p0', engagement: 'meet' },
        { text: `Quote ${i} two`, speaker: 'p2', engagement: 'say' },
      ],
      figures: [
        { text: `$${i + 1} million`, value: (i + 1) * 1e6, currency: 'USD', metric: 'cost' },
        { text: `${i % 9 + 1} days`, value: (i % 9) + 1, unit: 'day', metric: 'duration' },
      ],
    },
  };
}

async function run(name: string, db: Database, bundles: unknown[], bulk: boolean, counter?: { requests: number }) {
  let next = 0;
  const requestsBefore = counter?.requests ?? 0;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const worker = async () => {
    while (next < bundles.length) await loadBundle(db, bundles[next++]);
  };
  if (bulk) {
    const outcomes = await loadBundles(db, bundles, { chunkSize: K });
    const single = outcomes.filter((o) => o.status !== 'loaded' || o.via !== 'bulk').length;
    if (single) console.log(`  (${single} articles not through the bulk path)`);
  } else await Promise.all(Array.from({ length: C }, worker));
  const seconds = (performance.now() - started) / 1000;
  const cpuUsed = process.cpuUsage(cpuBefore);
  const cpu = (cpuUsed.user + cpuUsed.system) / 1e6;
  const trips = counter ? `  ${((counter.requests - requestsBefore) / bundles.length).toFixed(2)} round trips/article` : '';
  const people = Number((await db.$client.execute('select count(*) n from people')).rows[0]!.n);
  const articles = Number((await db.$client.execute('select count(*) n from articles')).rows[0]!.n);
  console.log(
    `${name.padEnd(44)} ${String(bundles.length).padStart(5)} articles in ${seconds.toFixed(2).padStart(6)} s = ${(bundles.length / seconds).toFixed(1).padStart(7)} articles/s${trips}` +
      `  (${bulk ? `chunks of ${K}` : `concurrency ${C}`}; CPU ${cpu.toFixed(2)} s = ${((cpu * 1000) / bundles.length).toFixed(2)} ms/article; ${articles} articles, ${people} people stored)`,
  );
}

/** A fetch counting the HTTP requests of the web client: each is one round trip. */
const bundles = Array.from({ length: N }, (_, i) => synthetic(i));
const dir = mkdtempSync(join(tmpdir(), 'newsgraph-bench-'));
try {
  const modes = bulkOnly ? [true] : [false, true];
  for (const bulk of modes) {
    const embedded = await openDatabase(`file:${join(dir, `embedded-${bulk}.db`)}`);
    await run(`embedded file (@libsql/client), ${bulk ? 'bulk' : 'single'}`, embedded, bundles, bulk);
    embedded.$client.close();
  }
  for (const bulk of embeddedOnly ? [] : modes) {
    const file = join(dir, `hrana-${bulk}.db`);
    (await openDatabase(`file:${file}`)).$client.close(); // migrate
    const server = await startHranaServer({ file, port: 0 });
    const counter = countingFetch();
    const client = createClient({ url: server.url, fetch: counter.fetch });
    await run(`HTTP/Hrana (@libsql/client/web), ${bulk ? 'bulk' : 'single'}`, createDatabase(client), bundles, bulk, counter);
    client.close();
    await server.close();
  }
  console.log(`RSS after these loads: ${mb(process.memoryUsage().rss)} (heap ${mb(process.memoryUsage().heapUsed)})`);
  if (M > 0) {
    // Memory over many single loads in one process: the corpus generator's articles, one transaction each.
    // Opened as a loading process opens it (CLI ingest, the corpus generator), or as the server does.
    const db = await openDatabase(`file:${join(dir, 'rss.db')}`, { reads: serverCaches });
    const gen = new CorpusGenerator({ articles: M, seed: 1 });
    gc();
    const start = process.memoryUsage().rss;
    console.log(`  ${'start'.padStart(6)} (${serverCaches ? 'opened as the server: 64 MiB page cache, 256 MiB mmap' : 'opened for loading: default page cache, no mmap'}): rss ${mb(start)}${rssParts()}, heap ${mb(process.memoryUsage().heapUsed)}`);
    const started = performance.now();
    for (let i = 0; i < M; i++) {
      await loadBundle(db, gen.bundle(i));
      if ((i + 1) % Math.max(1, Math.floor(M / 10)) === 0) {
        gc();
        const m = process.memoryUsage();
        console.log(`  ${String(i + 1).padStart(6)} single loads: rss ${mb(m.rss)} (${m.rss >= start ? '+' : ''}${mb(m.rss - start)}${rssParts()}), heap ${mb(m.heapUsed)}, ${((i + 1) / ((performance.now() - started) / 1000)).toFixed(1)} articles/s`);
      }
    }
    db.$client.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
