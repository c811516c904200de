/**
 * Where does a catalogue query's time go? `npm run bench:profile -- [--articles 1000] [--query "article page"] [--requests 300]`
 *
 * Runs the query through `app.request()` under the V8 sampling profiler (node:inspector) and
 * prints self time by package and the hottest functions. Figures are indicative (noisy machine).
 */
import { Session } from 'node:inspector/promises';
import { createClient } from '@libsql/client';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/ingest/open.ts';
import { catalogue, chooseTargets } from './catalogue.ts';
import { DEFAULT_SEED, ensureCorpus } from './generate.ts';

const argv = process.argv.slice(2);
const opt = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const articles = Number(opt('articles') ?? 1000);
const wanted = opt('query') ?? 'article page';
const requests = Number(opt('requests') ?? 300);

const { file } = await ensureCorpus({ articles, seed: DEFAULT_SEED });
const db = await openDatabase(`file:${file}`);
const raw = createClient({ url: `file:${file}` });
const targets = await chooseTargets(raw, articles);
const entry = catalogue(targets, { rootTotalCount: false }).find((e) => e.name.startsWith(wanted));
if (!entry) throw new Error(`no catalogue query named "${wanted}"`);
const app = createApp({ db, config: loadConfig({}, { rateLimit: { anonymous: 0, credential: 0 } as never }) });
const body = JSON.stringify({ query: entry.query, variables: entry.variables });
const once = async () => (await app.request('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body })).text();
for (let i = 0; i < 30; i++) await once();

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
const t0 = performance.now();
for (let i = 0; i < requests; i++) await once();
const elapsed = performance.now() - t0;
const { profile } = await session.post('Profiler.stop');

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] };
const nodes = new Map<number, Node>((profile.nodes as Node[]).map((n) => [n.id, n]));
const dt = new Map<number, number>();
const samples = profile.samples as number[];
const deltas = profile.timeDeltas as number[];
samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (deltas[i] ?? 0) / 1000));
const total = [...dt.values()].reduce((a, b) => a + b, 0);
const pkgOf = (url: string) => {
  if (!url) return '(native/V8: GC, libsql binding, idle)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1]!;
  if (url.includes('/src/')) return 'newsgraph src/' + (url.split('/src/')[1] ?? '').split('/')[0];
  if (url.startsWith('node:')) return 'node core';
  return url.split('/').slice(-2).join('/');
};
const byPkg = new Map<string, number>();
const byFn = new Map<string, number>();
for (const [id, t] of dt) {
  const n = nodes.get(id)!;
  const pkg = pkgOf(n.callFrame.url);
  byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + t);
  const fn = `${n.callFrame.functionName || '(anonymous)'}  ${pkg}:${n.callFrame.lineNumber + 1}`;
  byFn.set(fn, (byFn.get(fn) ?? 0) + t);
}
console.log(`${entry.name} @ ${articles} articles: ${requests} requests in ${elapsed.toFixed(0)} ms (${(elapsed / requests).toFixed(2)} ms/request wall); profiled ${total.toFixed(0)} ms`);
console.log('\nself time by package:');
for (const [k, v] of [...byPkg].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${((100 * v) / total).toFixed(1).padStart(5)}%  ${(v / requests).toFixed(3)} ms/req  ${k}`);
console.log('\nhottest functions (self time):');
for (const [k, v] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
raw.close();
db.$client.close();
