/**
 * Print the size of the Worker bundle that `wrangler deploy --dry-run --outdir DIR` wrote:
 * every module in DIR (source maps and wrangler's README excluded), raw and gzip (zlib level 9),
 * in bytes and KiB, with Cloudflare's compressed Worker size limits for reference.
 *
 *   node src/cli/bundle-size.ts [DIR]        (default dist/worker; `npm run build:worker` runs it)
 *   node src/cli/bundle-size.ts DIR --json   (one JSON line: { files: [{ file, raw, gzip }], raw, gzip })
 *
 * Exits 1 when DIR holds no module (the build did not run) or the total exceeds the paid-plan limit.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Cloudflare's Worker size limits, after compression (developers.cloudflare.com/workers/platform/limits). */
export const WORKER_SIZE_LIMITS = { free: 3 * 1024 * 1024, paid: 10 * 1024 * 1024 } as const;

/** Size of one module file, in bytes. */
export interface ModuleSize {
  /** Path relative to the bundle directory, `/`-separated. */
  file: string;
  raw: number;
  /** zlib gzip at level 9. */
  gzip: number;
}

/** Measure every module under `dir` (recursively), skipping `*.map` and `README.md`. */
export function measureBundle(dir: string): { files: ModuleSize[]; raw: number; gzip: number } {
  const files: ModuleSize[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!entry.name.endsWith('.map') && entry.name !== 'README.md') {
        const data = readFileSync(full);
        files.push({ file: path.relative(dir, full).split(path.sep).join('/'), raw: data.length, gzip: gzipSync(data, { level: 9 }).length });
      }
    }
  };
  if (statSync(dir, { throwIfNoEntry: false })?.isDirectory()) walk(dir);
  return { files, raw: files.reduce((n, f) => n + f.raw, 0), gzip: files.reduce((n, f) => n + f.gzip, 0) };
}

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

function main(): void {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const dir = path.resolve(args.find((a) => !a.startsWith('--')) ?? 'dist/worker');
  const result = measureBundle(dir);
  if (result.files.length === 0) {
    console.error(`bundle-size: no Worker modules in ${dir} (run: wrangler deploy --dry-run --minify --outdir ${path.relative(process.cwd(), dir) || dir})`);
    process.exit(1);
  }
  if (json) {
    console.log(JSON.stringify(result));
  } else {
    console.log(`Worker bundle in ${path.relative(process.cwd(), dir) || dir}:`);
    for (const f of result.files) console.log(`  ${f.file.padEnd(24)} ${String(f.raw).padStart(10)} B raw (${kib(f.raw)})  ${String(f.gzip).padStart(9)} B gzip -9 (${kib(f.gzip)})`);
    console.log(`  ${'total'.padEnd(24)} ${String(result.raw).padStart(10)} B raw (${kib(result.raw)})  ${String(result.gzip).padStart(9)} B gzip -9 (${kib(result.gzip)})`);
    console.log(`  Cloudflare limit (compressed): free ${kib(WORKER_SIZE_LIMITS.free)}, paid ${kib(WORKER_SIZE_LIMITS.paid)}: ${result.gzip <= WORKER_SIZE_LIMITS.free ? 'fits both' : result.gzip <= WORKER_SIZE_LIMITS.paid ? 'paid plan only' : 'TOO LARGE'}`);
  }
  if (result.gzip > WORKER_SIZE_LIMITS.paid) process.exit(1);
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) main();
