/**
 * The static assets the app serves from `public/` (git-ignored; the Workers static-assets
 * directory):
 *   1. the GraphiQL assets, copied from `node_modules/@graphql-yoga/graphiql/dist` into
 *      `public/graphiql-assets/`, so the page rendered by `src/graphiql.ts` works offline;
 *   2. the explorer (`explorer/`, built by Vite into `public/explore/`), skipped when its output is
 *      newer than every source file, the Vite config and package-lock.json (`--force` rebuilds).
 *
 *   node src/cli/build-assets.ts [--force]
 *
 * Idempotent: a file whose bytes already match is left alone; others are
 * written to a temporary name and renamed into place. The copy is fully
 * determined by the locked `@graphql-yoga/graphiql` version.
 *
 * External URLs in the copied files (checked for @graphql-yoga/graphiql 4.5.0):
 *   - graphiql.css: none. Fonts (woff2/woff/ttf) and images are inline `data:`
 *     URLs; no @import, no sourceMappingURL.
 *   - yoga-graphiql.umd.js: a self-contained UMD (React, GraphiQL, Monaco,
 *     graphql, the url-loader are bundled; it needs no globals and defines
 *     `YogaGraphiQL`). Its `http(s)://` strings are `<a href>` links (docs,
 *     licences, onegraph.com in the Explorer footer, VS Code keyboard PDFs),
 *     XML/SVG/MathML namespaces and `https://dummyhostname.com`, a base for
 *     `new URL()` parsing. None is fetched at runtime with our page options:
 *     the url-loader's dynamic `import()` only runs for a string `customFetch`
 *     or an SDL endpoint, and the logo is an inline SVG. No sourceMappingURL.
 *   - monacoeditorwork/*.js: only comments and JSON-Schema `$schema`
 *     identifiers (json-schema.org), which the JSON worker matches as strings
 *     and never downloads (GraphiQL configures Monaco's JSON language with
 *     `enableSchemaRequest: false`). No sourceMappingURL.
 * The browser test in test/graphiql.test.ts asserts that no request leaves the
 * origin while the page loads and runs a query.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GRAPHIQL_ASSET_LIST } from '../graphiql.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const outDir = join(repoRoot, 'public', 'graphiql-assets');

function findSourceDir(): { dir: string; version: string } {
  // Resolve through Node's resolver (respects hoisting); fall back to the repo's node_modules.
  let pkgJson: string;
  try {
    pkgJson = createRequire(join(repoRoot, 'package.json')).resolve('@graphql-yoga/graphiql/package.json');
  } catch {
    pkgJson = join(repoRoot, 'node_modules', '@graphql-yoga', 'graphiql', 'package.json');
  }
  if (!existsSync(pkgJson)) {
    throw new Error(`@graphql-yoga/graphiql is not installed (looked for ${pkgJson}); run npm ci`);
  }
  const { version } = JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string };
  return { dir: join(dirname(pkgJson), 'dist'), version };
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function main(): void {
  const { dir: srcDir, version } = findSourceDir();
  console.log(`GraphiQL assets: @graphql-yoga/graphiql@${version}`);
  console.log(`  from ${relative(repoRoot, srcDir) || '.'}`);
  console.log(`  to   ${relative(repoRoot, outDir)}`);

  let total = 0;
  let copied = 0;
  for (const file of GRAPHIQL_ASSET_LIST) {
    const src = join(srcDir, ...file.split('/'));
    const dest = join(outDir, ...file.split('/'));
    if (!existsSync(src)) throw new Error(`missing source asset ${src}`);
    const data = readFileSync(src);
    total += data.length;
    let action = 'copied   ';
    if (existsSync(dest) && statSync(dest).size === data.length && sha(readFileSync(dest)) === sha(data)) {
      action = 'unchanged';
    } else {
      mkdirSync(dirname(dest), { recursive: true });
      const tmp = `${dest}.tmp-${process.pid}`;
      writeFileSync(tmp, data);
      renameSync(tmp, dest);
      copied++;
    }
    console.log(`  ${action} ${formatSize(data.length).padStart(10)}  ${file}`);
  }

  // Report (but keep) files that are not part of the current asset list.
  const expected = new Set(GRAPHIQL_ASSET_LIST);
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(d, e.name)) : [relative(outDir, join(d, e.name)).split(sep).join('/')],
    );
  for (const extra of walk(outDir).filter((f) => !expected.has(f))) {
    console.log(`  warning: unexpected file ${extra} (not used by the GraphiQL page)`);
  }

  console.log(`  ${GRAPHIQL_ASSET_LIST.length} files, ${copied} written, total ${formatSize(total)} (${total} bytes)`);
}

const explorerDir = join(repoRoot, 'explorer');
const explorerOut = join(repoRoot, 'public', 'explore');

/** Newest modification time (ms) of the files under `dir` (recursively), or of `dir` itself when it is a file. */
function newestMtime(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), info.mtimeMs);
}

/** Build the explorer with Vite (explorer/vite.config.ts) unless public/explore/index.html is newer than its sources. */
async function buildExplorer(force: boolean): Promise<void> {
  const built = join(explorerOut, 'index.html');
  const sources = [explorerDir, join(repoRoot, 'package-lock.json')].filter(existsSync);
  if (!force && existsSync(built) && statSync(built).mtimeMs > Math.max(...sources.map(newestMtime))) {
    console.log(`Explorer: ${relative(repoRoot, explorerOut)} is up to date (--force rebuilds)`);
    return;
  }
  // Loaded only when building: starting the app does not pay for Vite.
  const { build } = await import('vite');
  const t0 = performance.now();
  await build({ configFile: join(explorerDir, 'vite.config.ts'), logLevel: 'warn' });
  const files = readdirSync(join(explorerOut, 'assets'));
  const size = files.reduce((n, f) => n + statSync(join(explorerOut, 'assets', f)).size, 0);
  console.log(`Explorer: built ${relative(repoRoot, explorerOut)} in ${Math.round(performance.now() - t0)} ms (${files.length} assets, ${formatSize(size)})`);
}

main();
await buildExplorer(process.argv.includes('--force'));
