/**
 * Compiled plans: what compiling costs, and what a page asked for many slugs costs.
 * `npm run bench:plans -- [--articles 1000] [--slugs 500] [--n 3000]`
 *
 * Prints, per catalogue query, the time to compile its operation (src/graphql/compiled/compile.ts,
 * median of 300), then the article page through `app.request()` in process, alternating one slug
 * (its plan always cached) with a different slug each request (one plan for every slug: the
 * slug is bound per request, src/graphql/compiled/plugin.ts), p50 and p90 in ms. Figures are
 * for one run on a shared machine: compare the rows of a run, not runs.
 */
import { parse } from 'graphql';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { compileRead, type RenderSql } from '../src/graphql/compiled/compile.ts';
import { getSchema } from '../src/graphql/schema-definition.ts';
import { openDatabase } from '../src/ingest/open.ts';
import { catalogue, chooseTargets } from './catalogue.ts';
import { DEFAULT_SEED, ensureCorpus } from './generate.ts';

const argv = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const articles = opt('articles', 1000);
const slugCount = opt('slugs', 500);
const n = opt('n', 3000);

const { file } = await ensureCorpus({ articles, seed: DEFAULT_SEED });
const db = await openDatabase(`file:${file}`, { migrate: false });
const targets = await chooseTargets(db.$client, articles);
const entries = catalogue(targets);
const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1]!;
const quantile = (xs: number[], q: number) => xs.sort((a, b) => a - b)[Math.floor(xs.length * q)]!;

console.log(`## Compiling (${articles} articles): ms per compile, median of 300`);
const schema = getSchema();
const render: RenderSql = (fragment) => (db as unknown as { dialect: { sqlToQuery: RenderSql } }).dialect.sqlToQuery(fragment);
for (const e of entries) {
  const document = parse(e.query);
  const compile = () => compileRead(schema, document, undefined, e.variables, { maxPageSize: 100, defaultPageSize: 20 }, render);
  try {
    compile();
  } catch (err) {
    console.log(`${e.name.padEnd(32)} not compiled: ${(err as Error).message}`);
    continue;
  }
  const ms: number[] = [];
  for (let i = 0; i < 300; i++) {
    const t0 = performance.now();
    compile();
    ms.push(performance.now() - t0);
  }
  console.log(`${e.name.padEnd(32)} ${median(ms).toFixed(3)}`);
}

const page = entries.find((e) => e.name === 'article page')!;
const slugs = (await db.$client.execute({ sql: 'select slug from articles order by id limit ?', args: [slugCount] })).rows.map((r) => String(r.slug));
const app = createApp({ db, config: loadConfig({}, { rateLimit: { anonymous: 0, credential: 0 } as never }) });
const request = async (slug: string) =>
  (await app.request('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: page.query, variables: { slug } }) })).text();
for (let i = 0; i < 200; i++) await request(slugs[i % slugs.length]!);
const one: number[] = [];
const many: number[] = [];
for (let i = 0; i < n; i++) {
  let t0 = performance.now();
  await request(page.variables!.slug as string);
  one.push(performance.now() - t0);
  t0 = performance.now();
  await request(slugs[(i * 7) % slugs.length]!);
  many.push(performance.now() - t0);
}
console.log(`\n## The article page in process, ${n} requests each, alternating`);
console.log(`one slug:                     p50 ${quantile(one, 0.5).toFixed(3)} ms, p90 ${quantile(one, 0.9).toFixed(3)} ms`);
console.log(`${String(slugs.length).padStart(3)} slugs, a different one each: p50 ${quantile(many, 0.5).toFixed(3)} ms, p90 ${quantile(many, 0.9).toFixed(3)} ms (its slugs' pages differ in size)`);
db.$client.close();
