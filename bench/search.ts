/**
 * Search rows of the benchmark: `node bench/search.ts [--sizes 1000,10000,100000] [--measure-ms N]`,
 * also run by `npm run bench` (bench/run.ts, `--search-sizes`).
 *
 * At each size, in-process through `app.request()` (median and p99 per request, SQL statements
 * per request): `articles(filter: { query })` pages (the first page, a page after a cursor,
 * PUBLISHED_ASC, a quoted query with no trailing prefix), with `boundedCount` and with the exact
 * `totalCount`, and `Query.search` (a ranked page; its totalCount). The first size is the
 * generated corpus (bench/generate.ts); larger sizes replicate it inside SQLite (bench/replicate.ts).
 * Figures are printed, never asserted.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/ingest/open.ts';
import { DEFAULT_SEED, ensureCorpus } from './generate.ts';
import { ensureReplicated } from './replicate.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

interface Row {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  /** Fetches a cursor first (a page after it). */
  after?: boolean;
}

/** The rows measured; `q` is a two-word type-ahead query (the last word a prefix), `whole` the same words none a prefix. */
function rows(q: string, whole: string): Row[] {
  const page = '{ edges { cursor node { slug headline publishedAt } } pageInfo { hasNextPage endCursor } }';
  return [
    { name: 'filter.query page (first 10)', query: `query($q: String!) { articles(first: 10, filter: { query: $q }) ${page} }`, variables: { q } },
    { name: 'filter.query page after a cursor', query: `query($q: String!, $after: String) { articles(first: 10, after: $after, filter: { query: $q }) ${page} }`, variables: { q }, after: true },
    { name: 'filter.query page, PUBLISHED_ASC', query: `query($q: String!) { articles(first: 10, orderBy: PUBLISHED_ASC, filter: { query: $q }) ${page} }`, variables: { q } },
    { name: 'filter.query page, no trailing prefix', query: `query($q: String!) { articles(first: 10, filter: { query: $q }) ${page} }`, variables: { q: whole } },
    { name: 'filter.query page + boundedCount', query: `query($q: String!) { articles(first: 10, filter: { query: $q }) { boundedCount { count exact } edges { node { slug } } } }`, variables: { q } },
    { name: 'filter.query page + totalCount (exact)', query: `query($q: String!) { articles(first: 10, filter: { query: $q }) { totalCount edges { node { slug } } } }`, variables: { q } },
    { name: 'Query.search page (first 10)', query: `query($q: String!) { search(query: $q, first: 10) { edges { score node { __typename ... on Article { slug } ... on Person { name } } } } }`, variables: { q } },
    { name: 'Query.search totalCount', query: `query($q: String!) { search(query: $q, first: 10) { totalCount } }`, variables: { q } },
  ];
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]! : NaN;
};
const ms = (x: number) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)) : 'n/a');

/** The database file of a size: the generated corpus at `base`, else a replica of it. */
async function corpusFile(n: number, base: number, seed: number): Promise<string> {
  const { file } = await ensureCorpus({ articles: base, seed });
  if (n === base) return file;
  if (n % base !== 0) throw new Error(`search sizes must be multiples of ${base}, got ${n}`);
  const out = resolve(ROOT, `.data/bench-search-${n}${seed === DEFAULT_SEED ? "" : `-s${seed}`}.db`);
  await ensureReplicated(file, n / base, out);
  return out;
}

/**
 * Measure the search rows at each size and print one table per size and the growth table.
 * @param sizes article counts; the first is generated, the others replicate it
 */
export async function searchBench(sizes: number[], opts: { measureMs?: number; seed?: number; term?: string } = {}): Promise<void> {
  const measureMs = opts.measureMs ?? 3000;
  const term = opts.term ?? 'security coop';
  // A quoted last word is no prefix.
  const whole = opts.term ? `${opts.term.replace(/(\S+)$/, '"$1"')}` : 'security "cooperation"';
  const base = sizes[0]!;
  const p50s = new Map<string, Map<number, number>>();
  for (const n of sizes) {
    const file = await corpusFile(n, base, opts.seed ?? DEFAULT_SEED);
    const db = await openDatabase(`file:${file}`);
    const count = Number((await db.$client.execute('select count(*) as n from articles')).rows[0]!.n);
    const app = createApp({ db, config: loadConfig({}, { debugSql: true, maskErrors: true, rateLimit: { anonymous: 0, credential: 0 } as never }) });
    const post = async (query: string, variables: Record<string, unknown>, debug = false) => {
      const res = await app.request('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(debug ? { 'x-newsgraph-debug': 'sql' } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return JSON.parse(await res.text()) as { data?: any; errors?: { message: string }[]; extensions?: { sql?: { statements?: number } } };
    };
    console.log(`\n### search at ${n} articles (${file}; ${count} articles; query "${term}")`);
    const lines: string[][] = [];
    for (const row of rows(term, whole)) {
      const variables = { ...row.variables };
      if (row.after) {
        const first = await post(`query($q: String!) { articles(first: 10, filter: { query: $q }) { pageInfo { endCursor } } }`, { q: term });
        variables.after = first.data?.articles?.pageInfo?.endCursor ?? null;
      }
      const probe = await post(row.query, variables, true);
      const note = probe.errors?.length ? `error: ${probe.errors[0]!.message.slice(0, 80)}` : summary(probe.data);
      const times: number[] = [];
      const until = performance.now() + measureMs;
      while (performance.now() < until || times.length < 10) {
        const t0 = performance.now();
        await post(row.query, variables);
        times.push(performance.now() - t0);
        if (times.length >= 2000) break;
      }
      p50s.set(row.name, (p50s.get(row.name) ?? new Map()).set(n, quantile(times, 0.5)));
      lines.push([row.name, String(probe.extensions?.sql?.statements ?? '?'), ms(quantile(times, 0.5)), ms(quantile(times, 0.99)), String(times.length), note]);
    }
    print(['row', 'SQL stmts', 'p50 ms', 'p99 ms', 'requests', 'answer'], lines);
    db.$client.close();
  }
  if (sizes.length > 1) {
    console.log(`\n### search: p50 at each size ÷ p50 at ${base} articles (target for the filter.query page at 100k: ≤ 2×)`);
    print(
      ['row', ...sizes.map((n) => `p50 @${n}`), ...sizes.slice(1).map((n) => `growth @${n}`)],
      [...p50s].map(([name, at]) => [name, ...sizes.map((n) => ms(at.get(n)!)), ...sizes.slice(1).map((n) => `${(at.get(n)! / at.get(base)!).toFixed(2)}×`)]),
    );
  }
}

/** A short description of an answer (edges, counts) for the table. */
function summary(data: any): string {
  const c = data?.articles ?? data?.search;
  if (!c) return '';
  const parts = [];
  if (c.edges) parts.push(`${c.edges.length} edges`);
  if (c.totalCount !== undefined) parts.push(`totalCount ${c.totalCount}`);
  if (c.boundedCount) parts.push(`boundedCount ${c.boundedCount.count}${c.boundedCount.exact ? '' : '+'}`);
  return parts.join(', ');
}

function print(headers: string[], rows: string[][]) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => '| ' + r.map((c, i) => (i === 0 || i === r.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ') + ' |';
  console.log([line(headers), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...rows.map(line)].join('\n'));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  const opt = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const sizes = (opt('sizes') ?? '1000,10000,100000').split(',').map(Number);
  await searchBench(sizes, { measureMs: Number(opt('measure-ms') ?? 3000), ...(opt('term') ? { term: opt('term')! } : {}) });
}
