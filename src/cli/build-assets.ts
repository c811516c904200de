/**
 * Copy the GraphiQL assets from `node_modules/@graphql-yoga/graphiql/dist` into
 * `public/graphiql-assets/` (git-ignored; the Workers static-assets directory is
 * `public/`), so the page rendered by `src/graphiql.ts` works offline.
 *
 *   node src/cli/build-assets.ts
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

main();
