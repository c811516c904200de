/**
 * Build a benchmark corpus: `npm run bench:data -- --articles N [--seed S] [--out file] [--force]`.
 *
 * Generates N deterministic article bundles (test/fixtures/corpus.ts, shared with the tests) and
 * loads them through the bulk path of the one loader (`loadBundles`, many articles per
 * transaction, the same database as one by one), in this process, into a libSQL file (default `.data/bench-N.db`, or
 * `.data/bench-N-sS.db` for a non-default seed). A sidecar `<file>.json` records what the file
 * holds; a file already holding the same N and seed is reused, not regenerated.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openDatabase } from '../src/ingest/open.ts';
import { DEFAULT_SEED, GENERATOR_VERSION, loadCorpus, poolSizes } from '../test/fixtures/corpus.ts';

export { DEFAULT_SEED };
const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

export interface CorpusMeta {
  generatorVersion: number;
  articles: number;
  seed: number;
  complete: boolean;
  loadSeconds?: number;
  articlesPerSecond?: number;
  createdAt?: string;
  resumedAt?: number;
}

const CHUNK = 2500;

/**
 * Bring a reused corpus up to date after newer migrations: migrate (openDatabase does), refresh
 * the planner's statistics when a migration ran, then drain the search queue a migration may
 * have filled (src/search/index.ts), as the next `loadBundle` would.
 */
async function catchUp(file: string, log: (line: string) => void) {
  const applied = async () => {
    const before = await openDatabase(`file:${file}`, { migrate: false });
    try {
      return Number((await before.$client.execute('select count(*) n from __drizzle_migrations')).rows[0]!.n);
    } finally {
      before.$client.close();
    }
  };
  const migrationsBefore = await applied();
  const db = await openDatabase(`file:${file}`, { reads: false });
  try {
    // New migrations may add indexes: refresh the planner's statistics, as a fresh build does.
    if ((await applied()) !== migrationsBefore) {
      const t0 = performance.now();
      await db.$client.execute('ANALYZE');
      log(`  newer migrations applied; ANALYZE (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    }
    const pending = await db.$client.execute(`select count(*) n from sqlite_master where name = 'search_pending'`);
    if (Number(pending.rows[0]!.n) === 0) return;
    const n = Number((await db.$client.execute('select count(*) n from search_pending')).rows[0]!.n);
    if (!n) return;
    const search = (await import('../src/search/index.ts').catch(() => null)) as { foldPendingSearchDocs?: (db: unknown) => Promise<number> } | null;
    const { writeTransaction } = await import('../src/ingest/transaction.ts');
    if (!search?.foldPendingSearchDocs) return;
    const t0 = performance.now();
    const done = await writeTransaction(db, (tx) => search.foldPendingSearchDocs!(tx));
    log(`  search index: folded ${done} pending documents queued by a newer migration (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  } finally {
    db.$client.close();
  }
}

/** How many articles 0..k-1 of this seed the file holds (0 when it holds anything else). */
async function loadedPrefix(file: string, seed: number): Promise<number> {
  try {
    const db = await openDatabase(`file:${file}`, { migrate: false });
    const prefix = `urn:newsgraph:bench:${seed}:`;
    const r = (await db.$client.execute({ sql: `select count(*) n, max(cast(substr(uri, ?) as integer)) m, (select count(*) from articles) total from articles where uri like ?`, args: [prefix.length + 1, `${prefix}%`] })).rows[0]!;
    db.$client.close();
    const n = Number(r.n);
    return n > 0 && Number(r.m) === n - 1 && Number(r.total) === n ? n : 0;
  } catch {
    return 0;
  }
}

/** Load articles [from, to) of the corpus into `out`. */
async function loadChunk(from: number, to: number, articles: number, seed: number, out: string) {
  const db = await openDatabase(`file:${out}`);
  // Durability is irrelevant for a throw-away corpus; WAL + synchronous=NORMAL is SQLite's usual
  // fast-and-safe setting. Everything else goes through the real write path.
  await db.$client.execute('PRAGMA synchronous = NORMAL');
  const started = performance.now();
  let last = started;
  await loadCorpus(db, { articles, seed }, {
    from,
    to,
    now: new Date(Date.UTC(2026, 0, 1)),
    progress: (loaded) => {
      const now = performance.now();
      if (now - last > 5000) {
        console.log(`    ${from + loaded}/${articles}  ${(loaded / ((now - started) / 1000)).toFixed(1)} articles/s in this chunk, rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
        last = now;
      }
    },
  });
  db.$client.close();
}

export function defaultCorpusFile(articles: number, seed = DEFAULT_SEED): string {
  return resolve(ROOT, '.data', seed === DEFAULT_SEED ? `bench-${articles}.db` : `bench-${articles}-s${seed}.db`);
}

export function readMeta(file: string): CorpusMeta | null {
  try {
    return JSON.parse(readFileSync(`${file}.json`, 'utf8')) as CorpusMeta;
  } catch {
    return null;
  }
}

/**
 * Make sure `file` holds the corpus of `articles` articles for `seed`; build it if not.
 * @returns the file and its metadata (with the ingest rate when it was built now or before)
 */
export async function ensureCorpus(options: { articles: number; seed?: number; out?: string; force?: boolean; log?: (line: string) => void }): Promise<{ file: string; meta: CorpusMeta; reused: boolean }> {
  const seed = options.seed ?? DEFAULT_SEED;
  const file = resolve(options.out ?? defaultCorpusFile(options.articles, seed));
  const log = options.log ?? ((line: string) => console.log(line));
  const meta = readMeta(file);
  if (!options.force && existsSync(file) && meta?.complete && meta.articles === options.articles && meta.seed === seed && meta.generatorVersion === GENERATOR_VERSION) {
    log(`reusing ${file} (${meta.articles} articles, seed ${meta.seed}${meta.articlesPerSecond ? `, built at ${meta.articlesPerSecond.toFixed(1)} articles/s` : ''})`);
    await catchUp(file, log);
    return { file, meta, reused: true };
  }
  // Resume a build that stopped part-way (same N and seed, articles 0..k-1 present), else start afresh.
  let resumeFrom = 0;
  if (!options.force && existsSync(file) && (!meta || (!meta.complete && meta.articles === options.articles && meta.seed === seed))) {
    resumeFrom = await loadedPrefix(file, seed);
    if (resumeFrom > 0) log(`resuming ${file} at article ${resumeFrom} (a previous build stopped there)`);
  }
  if (resumeFrom === 0) for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`, `${file}.json`]) rmSync(f, { force: true });
  mkdirSync(dirname(file), { recursive: true }); // a fresh clone has no .data/ yet
  writeFileSync(`${file}.json`, JSON.stringify({ generatorVersion: GENERATOR_VERSION, articles: options.articles, seed, complete: false }, null, 2) + '\n');

  log(`building ${file}: ${options.articles} articles, seed ${seed}, pools ${JSON.stringify(poolSizes(options.articles))}`);
  // One process: RSS stays flat since the loader lets the event loop turn after each transaction
  // (src/ingest/transaction.ts); CHUNK only paces the progress lines and the resume points.
  const started = performance.now();
  for (let from = resumeFrom; from < options.articles; from += CHUNK) {
    const to = Math.min(options.articles, from + CHUNK);
    await loadChunk(from, to, options.articles, seed, file);
    const now = performance.now();
    const rate = (to - resumeFrom) / ((now - started) / 1000);
    log(`  ${to}/${options.articles}  ${rate.toFixed(1)} articles/s overall${to < options.articles ? `, ETA ${((options.articles - to) / rate).toFixed(0)} s` : ''}, rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
  }
  const db = await openDatabase(`file:${file}`);
  const seconds = (performance.now() - started) / 1000;
  await db.$client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
  await db.$client.execute('ANALYZE');
  const counts = await db.$client.execute(
    `select (select count(*) from articles) articles, (select count(*) from people) people, (select count(*) from organisations) organisations,
            (select count(*) from places) places, (select count(*) from engagements) engagements, (select count(*) from participants) participants,
            (select count(*) from engagement_articles) engagement_articles, (select count(*) from quotes) quotes, (select count(*) from article_people) article_people`,
  );
  db.$client.close();
  const done: CorpusMeta = {
    generatorVersion: GENERATOR_VERSION,
    articles: options.articles,
    seed,
    complete: true,
    loadSeconds: Math.round(seconds * 10) / 10,
    articlesPerSecond: Math.round(((options.articles - resumeFrom) / seconds) * 10) / 10,
    ...(resumeFrom ? { resumedAt: resumeFrom } : {}),
    createdAt: new Date().toISOString(),
  };
  writeFileSync(`${file}.json`, JSON.stringify({ ...done, rows: counts.rows[0] }, null, 2) + '\n');
  log(`loaded ${options.articles - resumeFrom} articles${resumeFrom ? ` (resumed at ${resumeFrom})` : ""} in ${seconds.toFixed(1)} s: ${done.articlesPerSecond} articles/s through loadBundles`);
  log(`rows: ${JSON.stringify(counts.rows[0])}`);
  return { file, meta: done, reused: false };
}

function parseArgs(argv: string[]) {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    if (i >= 0) return argv[i + 1];
    const eq = argv.find((a) => a.startsWith(`--${name}=`));
    return eq?.slice(name.length + 3);
  };
  const articles = Number(get('articles') ?? 1000);
  if (!Number.isInteger(articles) || articles < 1) throw new Error('--articles must be a positive integer');
  const seed = Number(get('seed') ?? DEFAULT_SEED);
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  const out = get('out');
  return { articles, seed, ...(out ? { out } : {}), force: argv.includes('--force') };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await ensureCorpus(parseArgs(process.argv.slice(2)));
}
