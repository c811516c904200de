/**
 * Extraction benchmark (not a test: it prints figures and never fails on them):
 *
 *   npm run bench:extract [-- --runs 200] [--verbose]
 *
 * 1. Quality: `node ../shared/extraction/score.mjs -- node src/cli/extract.ts --json` over the
 *    development set (../shared/extraction/dev, 12 hand-annotated articles): per-article F1 and
 *    the micro precision / recall / F1 table per class (people, organisations, places,
 *    engagements, quotes). `--verbose` lists what was missed and what was spurious.
 * 2. CPU time per article in the Worker-equivalent build: src/extract/index.ts bundled by
 *    esbuild as wrangler bundles the Worker (platform browser, conditions workerd / worker /
 *    browser, ES2024, ESM, minified), the bundle imported, and `extractArticle` run on each dev
 *    article: a warm-up round, then `--runs` rounds in one process; p50 / p99 / max of the
 *    process CPU time (user + system) of one call, over every article and run.
 * 3. Size: the Worker (src/worker.ts) bundled the same way twice, as is and with the ingestText
 *    module (src/graphql/types/ingest-text.ts, the Worker's only way into src/extract/) emptied;
 *    the gzip -9 difference is what extraction adds (budget: 60 KiB). Also the extractor alone,
 *    and its largest inputs.
 *
 * Without ../shared (or NEWSGRAPH_SHARED) it prints a one-line notice and exits 0.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { articleFromFile } from '../src/extract/input.ts';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const SHARED = process.env.NEWSGRAPH_SHARED ?? path.resolve(ROOT, '../shared');
const DEV = path.join(SHARED, 'extraction/dev');
const SCORE = path.join(SHARED, 'extraction/score.mjs');

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '200' }, verbose: { type: 'boolean', default: false } } });
const RUNS = Math.max(1, Number(args.runs));

if (!existsSync(SCORE) || !existsSync(DEV)) {
  console.log(`bench:extract: no development set at ${DEV} (../shared is missing); nothing to measure.`);
  process.exit(0);
}

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
};

/** esbuild options of a wrangler Worker build (wrangler's bundleWorker: target, conditions, loaders; `--minify`). */
const WORKER_BUILD: esbuild.BuildOptions = {
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'browser',
  target: 'es2024',
  minify: true,
  conditions: ['workerd', 'worker', 'browser'],
  external: ['node:*', 'cloudflare:*'],
  // wrangler.toml [alias]
  alias: { 'graphql/language/parser': path.join(ROOT, 'node_modules/graphql/language/parser.mjs') },
  loader: { '.js': 'jsx', '.mjs': 'jsx', '.cjs': 'jsx' },
  logLevel: 'error',
  metafile: true,
};

// ------------------------------------------------------------------------------------------
// 1. Quality

console.log('## Quality on the development set (score.mjs)\n');
const node = process.execPath;
const score = spawnSync(node, [SCORE, ...(args.verbose ? ['--verbose'] : []), '--', node, path.join(ROOT, 'src/cli/extract.ts'), '--json'], {
  cwd: ROOT,
  encoding: 'utf8',
  maxBuffer: 1e8,
});
process.stdout.write(score.stdout);
if (score.status !== 0) console.log(`score.mjs exited ${score.status}: ${score.stderr.trim().split('\n').slice(-3).join(' | ')}`);

// ------------------------------------------------------------------------------------------
// 2. CPU time per article, Worker-equivalent build

const tmp = mkdtempSync(path.join(tmpdir(), 'newsgraph-bench-extract-'));
try {
  const alone = await esbuild.build({ ...WORKER_BUILD, entryPoints: [path.join(ROOT, 'src/extract/index.ts')] });
  const code = alone.outputFiles![0]!.contents;
  const file = path.join(tmp, 'extract.mjs');
  writeFileSync(file, code);
  const { extractArticle } = (await import(pathToFileURL(file).href)) as typeof import('../src/extract/index.ts');

  const articles = readdirSync(DEV)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f.replace(/\.txt$/, ''), input: articleFromFile(f, readFileSync(path.join(DEV, f), 'utf8')) }));
  const inputs = articles;
  for (const a of inputs) extractArticle(a.input); // warm-up: JIT, lazily built tables
  const all: number[] = [];
  const per = new Map<string, number[]>(inputs.map((a) => [a.name, []]));
  for (let r = 0; r < RUNS; r++) {
    for (const a of inputs) {
      const c0 = process.cpuUsage();
      extractArticle(a.input);
      const c = process.cpuUsage(c0);
      const ms = (c.user + c.system) / 1000;
      all.push(ms);
      per.get(a.name)!.push(ms);
    }
  }
  console.log(`\n## CPU time per article (Worker-equivalent esbuild bundle, ${inputs.length} articles × ${RUNS} runs, one process)\n`);
  for (const [name, xs] of per) console.log(`  ${name.padEnd(40)} p50 ${quantile(xs, 0.5).toFixed(2)} ms  p99 ${quantile(xs, 0.99).toFixed(2)} ms`);
  console.log(`  ${'all articles'.padEnd(40)} p50 ${quantile(all, 0.5).toFixed(2)} ms  p99 ${quantile(all, 0.99).toFixed(2)} ms  max ${Math.max(...all).toFixed(2)} ms  (budget: p50 ≤ 5 ms)`);

  // ----------------------------------------------------------------------------------------
  // 3. Size

  const worker = path.join(ROOT, 'src/worker.ts');
  const without: esbuild.Plugin = {
    name: 'without-extraction',
    setup(b) {
      b.onLoad({ filter: /[\\/]src[\\/]graphql[\\/]types[\\/]ingest-text\.ts$/ }, () => ({ contents: '', loader: 'ts' }));
    },
  };
  const [withX, withoutX] = await Promise.all([
    esbuild.build({ ...WORKER_BUILD, entryPoints: [worker] }),
    esbuild.build({ ...WORKER_BUILD, entryPoints: [worker], plugins: [without] }),
  ]);
  const gz = (r: esbuild.BuildResult) => gzipSync(r.outputFiles![0]!.contents, { level: 9 }).length;
  const raw = (r: esbuild.BuildResult) => r.outputFiles![0]!.contents.length;
  const leftover = Object.keys(withoutX.metafile!.inputs).filter((p) => p.startsWith('src/extract/'));
  console.log('\n## Size (esbuild as wrangler bundles the Worker, minified, gzip -9)\n');
  console.log(`  Worker with extraction      ${String(raw(withX)).padStart(9)} B raw  ${String(gz(withX)).padStart(8)} B gzip (${kib(gz(withX))})`);
  console.log(`  Worker without extraction   ${String(raw(withoutX)).padStart(9)} B raw  ${String(gz(withoutX)).padStart(8)} B gzip (${kib(gz(withoutX))})`);
  console.log(`  extraction adds             ${String(raw(withX) - raw(withoutX)).padStart(9)} B raw  ${String(gz(withX) - gz(withoutX)).padStart(8)} B gzip (${kib(gz(withX) - gz(withoutX))}; budget 60 KiB)`);
  console.log(`  the extractor alone         ${String(code.length).padStart(9)} B raw  ${String(gzipSync(code, { level: 9 }).length).padStart(8)} B gzip (with what it shares with the Worker)`);
  if (leftover.length) console.log(`  note: the build without ingestText still holds ${leftover.join(', ')}`);
  const inputs2 = Object.entries(withX.metafile!.outputs)[0]![1].inputs;
  const largest = Object.entries(inputs2)
    .filter(([p]) => p.startsWith('src/extract/') || p.endsWith('ingest-text.ts'))
    .sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)
    .slice(0, 8);
  console.log(`  largest extraction modules (minified bytes in the Worker): ${largest.map(([p, v]) => `${p.replace(/^src\/extract\//, '')} ${v.bytesInOutput}`).join(', ')}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
