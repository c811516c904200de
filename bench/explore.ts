/**
 * The explorer's first render and transferred bytes per view on the seed: the real app on a
 * seeded database over HTTP, each view opened `--runs` times (default 5) in a fresh Chromium
 * context (empty cache). Prints the median render time (navigation start → the view's
 * `explore:rendered` mark) and the bytes over the wire (served uncompressed by the Node entry),
 * plus the gzip size of each built asset.
 *
 *   npm run bench:explore [-- --runs 10]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { formatFigures, hasChromium, launchChromium, measureView, seedViews, startExplorer, type ViewFigures } from '../test/browser/explore-harness.ts';

const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
if (!hasChromium) {
  console.error('bench:explore needs /usr/bin/chromium (apt-get install -y chromium)');
  process.exit(1);
}

const assetsDir = fileURLToPath(new URL('../public/explore/assets/', import.meta.url));
console.log('Built assets (public/explore/assets), raw and gzip -9 bytes:');
for (const f of readdirSync(assetsDir).sort()) {
  const data = readFileSync(`${assetsDir}${f}`);
  console.log(`  ${f.padEnd(28)} ${String(data.length).padStart(8)} ${String(gzipSync(data, { level: 9 }).length).padStart(8)}`);
}

const server = await startExplorer();
const browser = await launchChromium();
try {
  const { person } = (await server.api.gql('{ person(slug: "ali-larijani") { engagements(first: 1) { edges { node { id } } } } }')).body.data;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const rows: ViewFigures[] = [];
  for (const [view, path] of seedViews(person.engagements.edges[0].node.id)) {
    const samples: ViewFigures[] = [];
    // One unmeasured load first: the server's parse and statement caches warm up, as in production.
    await measureView(browser, server.origin, view, path);
    for (let i = 0; i < runs; i++) samples.push(await measureView(browser, server.origin, view, path));
    rows.push({ ...samples[0]!, renderMs: median(samples.map((s) => s.renderMs)), bytes: median(samples.map((s) => s.bytes)) });
  }
  console.log(`\nFirst render per view, median of ${runs} loads (fresh context each), desktop 1280×900:\n${formatFigures(rows)}`);
} finally {
  await browser.close();
  await server.close();
}
