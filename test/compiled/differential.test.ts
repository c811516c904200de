/**
 * Same answers, proved (issue 13, part 2): every query of the benchmark catalogue, the README's
 * and the docs' examples, the trusted documents and the explorer's operations, the shipped and
 * hardening queries (./corpus.ts) and a few hundred generated ones (./generate.ts) go through
 * both read paths, the compiled one (config `compiledReads`, src/graphql/compiled/) and the
 * GraphQL executor, two apps over ONE database (the seed, a 60-article generated corpus and an
 * article of exact figures). Each request is sent to both without the debug header: same HTTP
 * status, same content-type and caching headers, byte-identical body (errors included). Then once
 * more to the compiled app with `x-newsgraph-debug: sql`, for coverage: `extensions.sql.compiled`
 * (absent = false), `extensions.sql.fallback` (the reason) and the statement count, summed up in
 * one printed line. When any answer carries `compiled`, the compiler is present and the catalogue
 * must be compiled, in at most one statement.
 */
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { loadConfig, type AppConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/client.ts';
import { schema } from '../../src/graphql/schema.ts';
import { loadBundle } from '../../src/ingest/load.ts';
import { openDatabase } from '../../src/ingest/open.ts';
import { loadSeed } from '../../src/ingest/seed.ts';
import { DEFAULT_SEED, loadCorpus } from '../fixtures/corpus.ts';
import { ATTACK_CASES } from '../hardening/attack-cases.ts';
import { bundle } from '../ingest/helpers.ts';
import {
  catalogueCases,
  dbValues,
  caseKey,
  documentCases,
  hardeningCases,
  markdownCases,
  numberCases,
  searchCases,
  shippedCases,
  type Ask,
  type DbValues,
  type DiffCase,
} from './corpus.ts';
import { CursorPool, QueryGenerator } from './generate.ts';

const ARTICLES = 60;
const GENERATED = 300;
const GENERATOR_SEED = 13_02;
const NOW = new Date('2025-12-01T12:00:00Z');
const DEBUG_HEADER = 'x-newsgraph-debug';
const GRAPHQL_RESPONSE = 'application/graphql-response+json';
/** Headers both paths must agree on besides the status (the body's ETag follows from the body). */
const COMPARED_HEADERS = ['content-type', 'cache-control', 'etag', 'vary'];

/** Figures with exact values beyond a double (as test/ingest/figures.test.ts loads them): both paths must print the same digits. */
const FIGURES_URI = 'urn:test:differential-figures';
const FIGURES = [
  { text: '9,007,199,254,740,993 units', value: '9007199254740993', unit: 'units' },
  { text: 'Sh17.91 billion', value: '17910000000', currency: 'KES' },
  { text: '17.91 percent', value: 17.91, unit: 'percent' },
  { text: '0.3 tonnes', value: 0.3, unit: 'tonnes' },
  { text: 'a third', value: '0.333333333333333333333', unit: 'share' },
  { text: '-0.000000000000000000001 degrees', value: '-1e-21', unit: 'degrees' },
  { text: 'a very large amount', value: '123456789012345678901234567890.000000000000001' },
];

/**
 * People of that article: sameAs URIs stored out of alphabetical order (the executor reads them
 * without ORDER BY, in the owner index's order, where JSON-LD sorts them), and relevances given
 * with 17 significant digits (a double's shortest form can need 17; SQLite's JSON prints 15).
 */
const NUMBERS_PEOPLE = [
  { key: 'zq', name: 'Zebulon Quarry', aliases: [], sameAs: ['https://z.example/people/zq', 'http://www.wikidata.org/entity/Q999999991'], rel: 'about', relevance: 0.30000000000000004 },
  { key: 'ay', name: 'Abelard Yew', aliases: [], sameAs: [], rel: 'mentions', relevance: 0.123456789012345678 },
];

interface Answer {
  status: number;
  headers: Record<string, string | null>;
  text: string;
}

/** What the compiled app's debug answer says about one request. */
interface Coverage {
  name: string;
  source: string;
  compiled: boolean;
  /** `extensions.sql.compiled` was present at all. */
  reported: boolean;
  fallback: string | null;
  statements: number | null;
  status: number;
  /** The answer carries an INTERNAL_SERVER_ERROR (a failure, masked): identical on both paths, still a bug. */
  internal: boolean;
}

let dir: string;
let db: Database;
let compiledApp: Hono;
let executorApp: Hono;
let values: DbValues;
const coverage: Coverage[] = [];
const cursors = new CursorPool();
const seen = new Set<string>();
/** `DIFFERENTIAL_DUMP=file.jsonl`: write every case with the executor's answer and the debug extensions, one JSON a line (to replay or inspect). */
const DUMP = process.env.DIFFERENTIAL_DUMP;
if (DUMP) writeFileSync(DUMP, '');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newsgraph-differential-'));
  db = await openDatabase(`file:${join(dir, 'differential.db')}`);
  await loadSeed(db);
  await loadCorpus(db, { articles: ARTICLES, seed: DEFAULT_SEED }, { now: NOW });
  await loadBundle(db, bundle(FIGURES_URI, { figures: FIGURES, people: NUMBERS_PEOPLE }), { now: NOW });
  const config: AppConfig = loadConfig({}, { debugSql: true, rateLimit: { anonymous: 0, credential: 0, trusted: 0 } as never });
  compiledApp = createApp({ db, config: { ...config, compiledReads: true } });
  executorApp = createApp({ db, config: { ...config, compiledReads: false } });
  values = await dbValues(db);
}, 120_000);

afterAll(() => {
  db?.$client.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function request(c: DiffCase, method: 'GET' | 'POST', debug: boolean): Request {
  const headers: Record<string, string> = { accept: GRAPHQL_RESPONSE, ...(debug ? { [DEBUG_HEADER]: 'sql' } : {}) };
  if (method === 'GET') {
    const params = new URLSearchParams({ query: c.query });
    if (c.variables) params.set('variables', JSON.stringify(c.variables));
    if (c.operationName) params.set('operationName', c.operationName);
    return new Request(`http://newsgraph.test/graphql?${params}`, { headers });
  }
  const body = JSON.stringify({ query: c.query, ...(c.variables ? { variables: c.variables } : {}), ...(c.operationName ? { operationName: c.operationName } : {}) });
  return new Request('http://newsgraph.test/graphql', { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body });
}

async function answer(app: Hono, req: Request): Promise<Answer> {
  const res = await app.request(req);
  return { status: res.status, headers: Object.fromEntries(COMPARED_HEADERS.map((h) => [h, res.headers.get(h)])), text: await res.text() };
}

/** Where two texts first differ, with 200 characters of context from each. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 100);
  return `first difference at character ${i} (lengths ${a.length} / ${b.length}):\n  compiled: …${a.slice(from, from + 200)}…\n  executor: …${b.slice(from, from + 200)}…`;
}

/**
 * Queries the executor refuses only because its statement nests more relations than SQLite's
 * parser takes (QUERY_TOO_COMPLEX, limit relationNesting) and the compiled path answers, in one
 * statement: the one difference allowed, listed in the summary.
 */
const beyondExecutor: string[] = [];

/** The differences between the two paths' answers ('' when none), readable. */
function compare(label: string, c: { query: string; variables?: unknown }, compiled: Answer, executor: Answer): string {
  if (executor.text.includes('"limit":"relationNesting"') && compiled.status === 200 && !compiled.text.includes('"errors"')) {
    beyondExecutor.push(label);
    return '';
  }
  const problems: string[] = [];
  if (compiled.status !== executor.status) problems.push(`status ${compiled.status} (compiled) vs ${executor.status} (executor)`);
  for (const h of COMPARED_HEADERS) {
    if (compiled.headers[h] !== executor.headers[h]) problems.push(`header ${h}: ${compiled.headers[h]} (compiled) vs ${executor.headers[h]} (executor)`);
  }
  if (compiled.text !== executor.text) problems.push(firstDifference(compiled.text, executor.text));
  if (!problems.length) return '';
  return `── ${label}\nquery: ${c.query.slice(0, 2000)}\nvariables: ${JSON.stringify(c.variables ?? null).slice(0, 1000)}\n${problems.join('\n')}`;
}

/**
 * Send `c` to both apps (POST, and GET too when `c.get`), then POST it with the debug header to
 * the compiled app for coverage. Returns the mismatches ('' entries dropped) and the executor's
 * parsed answer.
 */
async function differ(c: DiffCase): Promise<{ problems: string[]; body: any }> {
  // Each request once across all sources (the README and the acceptance queries share some).
  const key = caseKey(c);
  if (seen.has(key)) return { problems: [], body: null };
  seen.add(key);
  const problems: string[] = [];
  const methods: ('POST' | 'GET')[] = c.get ? ['POST', 'GET'] : ['POST'];
  let plain: Answer | undefined;
  let plainCompiled: Answer | undefined;
  for (const method of methods) {
    const [compiled, executor] = [await answer(compiledApp, request(c, method, false)), await answer(executorApp, request(c, method, false))];
    problems.push(compare(`${c.name} (${method})`, c, compiled, executor));
    if (method === 'POST') [plain, plainCompiled] = [executor, compiled];
  }
  const debug = await answer(compiledApp, request(c, 'POST', true));
  let body: any;
  let compiledBody: any;
  let debugBody: any;
  try {
    body = JSON.parse(plain!.text);
    compiledBody = JSON.parse(plainCompiled!.text);
    debugBody = JSON.parse(debug.text);
  } catch {
    problems.push(`── ${c.name}: an answer is not JSON: ${plain!.text.slice(0, 200)} / ${debug.text.slice(0, 200)}`);
  }
  const sql = debugBody?.extensions?.sql ?? {};
  coverage.push({
    name: c.name,
    source: c.source,
    compiled: sql.compiled === true,
    reported: 'compiled' in sql,
    fallback: typeof sql.fallback === 'string' ? sql.fallback : null,
    statements: typeof sql.statements === 'number' ? sql.statements : null,
    status: debug.status,
    internal: (body?.errors ?? []).some((e: { extensions?: { code?: string } }) => e.extensions?.code === 'INTERNAL_SERVER_ERROR'),
  });
  if (DUMP) appendFileSync(DUMP, `${JSON.stringify({ ...c, status: plain!.status, answer: plain!.text, sql })}\n`);
  // The compiled app's debug answer is its plain answer plus extensions (else coverage would describe another answer).
  const strip = (b: any) => JSON.stringify({ data: b.data, errors: b.errors });
  if (compiledBody && debugBody && strip(debugBody) !== strip(compiledBody)) {
    problems.push(`── ${c.name}: the compiled app's debug answer differs from its plain one\n${firstDifference(strip(debugBody), strip(compiledBody))}`);
  }
  return { problems: problems.filter(Boolean), body };
}

/** Run cases in order; fail listing the first mismatches in full. */
async function runAll(cases: DiffCase[]): Promise<void> {
  const problems: string[] = [];
  for (const c of cases) {
    const r = await differ(c);
    problems.push(...r.problems);
    cursors.harvest(r.body);
  }
  if (problems.length) console.error(problems.slice(0, 5).join('\n\n'));
  expect(problems.length, `${problems.length} mismatch(es); the first:\n${problems[0]}`).toBe(0);
}

const ask: Ask = async (query, variables) => {
  const res = await executorApp.request(request({ name: 'ask', source: 'ask', query, ...(variables ? { variables } : {}) }, 'POST', false));
  const body = (await res.json()) as { data?: any; errors?: unknown[] };
  cursors.harvest(body);
  return body;
};

describe('the compiled read path answers byte for byte as the executor', () => {
  it('the benchmark catalogue (POST and GET)', async () => {
    const cases = await catalogueCases(db, ARTICLES);
    expect(cases.length).toBe(7);
    await runAll(cases);
  });

  it('the ```graphql examples of README.md and docs/*.md', async () => {
    const { cases } = markdownCases(values);
    expect(cases.length).toBeGreaterThanOrEqual(7);
    await runAll(cases);
  });

  it('the trusted documents and the explorer operations, with variables from the database', async () => {
    const { cases, skipped } = await documentCases(values, ask);
    expect(skipped).toEqual([]);
    expect(cases.length).toBeGreaterThan(40);
    await runAll(cases);
  });

  it("GraphiQL's default tab, the acceptance queries, exact numbers", async () => {
    await runAll([...shippedCases(), ...numberCases(FIGURES_URI)]);
    // The figures really are there, with their digits: the comparison above is about them.
    const r = await ask(`{ article(uri: "${FIGURES_URI}") { figures { exactValue } } }`);
    expect(r.data.article.figures.map((f: { exactValue: string }) => f.exactValue)).toContain('123456789012345678901234567890.000000000000001');
  });

  it('search: the union, scores, cursors both ways, types, slips, refusals', async () => {
    const cases = await searchCases(values, ask);
    expect(cases.length).toBeGreaterThan(20);
    await runAll(cases);
    // Compiled, but for the refusals (bad cursors, first with last).
    const search = coverage.filter((c) => c.source === 'search');
    expect(search.filter((c) => !c.compiled).map((c) => c.name).sort()).toEqual(
      ['search: a cursor of another list', 'search: a damaged cursor', 'search: first and last'],
    );
  });

  it('the hardening reads, refusals with coded errors included', async () => {
    const cases = await hardeningCases(values, ask);
    await runAll(cases);
    // They are refusals indeed: both paths said the same, and it was a coded error.
    const refused = coverage.filter((c) => c.source === 'hardening' && c.status === 400).length;
    expect(refused).toBeGreaterThanOrEqual(15);
  });

  it('the attack corpus: the same refusals from both apps', async () => {
    const problems: string[] = [];
    for (const a of ATTACK_CASES) {
      const [compiled, executor] = [await answer(compiledApp, a.request('http://newsgraph.test')), await answer(executorApp, a.request('http://newsgraph.test'))];
      problems.push(compare(`attack ${a.id}`, { query: a.description }, compiled, executor));
    }
    expect(problems.filter(Boolean)).toEqual([]);
  });

  it(`${GENERATED} generated queries (fragments, aliases, directives, connections with cursors)`, async () => {
    // Cursors from the answers so far, and a first page of every list, for `after` / `before`.
    await ask(`{ articles(first: 3) { edges { cursor } } a: articles(first: 3, orderBy: PUBLISHED_ASC) { edges { cursor } } h: articles(first: 3, orderBy: HEADLINE_ASC) { edges { cursor } }
      engagements(first: 3) { edges { cursor } } e: engagements(first: 3, orderBy: DATE_ASC) { edges { cursor } }
      people(first: 3) { edges { cursor } } organisations(first: 3) { edges { cursor } } places(first: 3, orderBy: NAME_DESC) { edges { cursor } }
      search(query: "security", first: 3) { edges { cursor } }
      article(slug: "${values.busy.article.slug}") { people(first: 2) { edges { cursor } } organisations(first: 2) { edges { cursor } } places(first: 2) { edges { cursor } } } }`);
    const config = loadConfig({});
    const generator = new QueryGenerator(schema, values, cursors, GENERATOR_SEED, config.limits, { maxPageSize: config.maxPageSize, defaultPageSize: config.defaultPageSize });
    const cases: DiffCase[] = [];
    const problems: string[] = [];
    for (let i = 0; i < GENERATED; i++) {
      const g = generator.next(i);
      const c: DiffCase = { name: `generated #${i}${g.overLimit ? ` (over the ${g.overLimit} limit)` : ''}`, source: 'generated', query: g.query, ...(Object.keys(g.variables).length ? { variables: g.variables } : {}), get: i % 10 === 3 };
      cases.push(c);
      const r = await differ(c);
      problems.push(...r.problems);
      cursors.harvest(r.body);
    }
    if (problems.length) console.error(problems.slice(0, 5).join('\n\n'));
    expect(problems.length, `${problems.length} mismatch(es); the first:\n${problems[0]}`).toBe(0);
    // The generated set is worth something: mostly answered with data, some refused, a few over a limit.
    const generated = coverage.filter((c) => c.source === 'generated');
    const ok = generated.filter((c) => c.status === 200).length;
    expect(ok).toBeGreaterThan(GENERATED * 0.65);
    expect(generated.filter((c) => c.status === 400).length).toBeGreaterThan(GENERATED * 0.04);
  });

  it('coverage: one line; with the compiler present, the catalogue is compiled into one statement', () => {
    const compiled = coverage.filter((c) => c.compiled);
    const reasons = new Map<string, number>();
    for (const c of coverage.filter((x) => !x.compiled)) {
      const reason = c.fallback ?? (c.reported ? '(no reason)' : '(no extensions.sql: refused before execution)');
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
    const bySource = [...new Set(coverage.map((c) => c.source))].map((s) => `${s} ${coverage.filter((c) => c.source === s && c.compiled).length}/${coverage.filter((c) => c.source === s).length}`);
    const histogram = (list: Coverage[]) => {
      const h = new Map<string, number>();
      for (const c of list) h.set(String(c.statements ?? '-'), (h.get(String(c.statements ?? '-')) ?? 0) + 1);
      return JSON.stringify(Object.fromEntries([...h].sort()));
    };
    const internal = coverage.filter((c) => c.internal).map((c) => c.name);
    console.log(
      `differential: ${coverage.length} queries, ${compiled.length} compiled (${bySource.join(', ')}); ` +
        `fallback reasons ${JSON.stringify(Object.fromEntries([...reasons].sort((a, b) => b[1] - a[1])))}; ` +
        `statements compiled ${histogram(compiled)}, executed ${histogram(coverage.filter((c) => !c.compiled))}; ` +
        `INTERNAL_SERVER_ERROR on both paths ${JSON.stringify(internal)}; compiled where the executor nests too deep ${beyondExecutor.length}; cursors ${JSON.stringify(cursors.sizes())}`,
    );
    expect(coverage.length).toBeGreaterThan(GENERATED + 100);
    // The compiled path must be there and cover a good part of the corpus (290 of 456 today).
    expect(compiled.length).toBeGreaterThan(200);
    // Every catalogue query (relevance search included) compiles, and a compiled answer is one statement (0 when refused before SQL).
    const catalogue = coverage.filter((c) => c.source === 'catalogue');
    expect([
      ...catalogue.filter((c) => !c.compiled).map((c) => `${c.name}: not compiled (${c.fallback})`),
      ...compiled.filter((c) => (c.statements ?? 0) > 1).map((c) => `${c.name}: compiled into ${c.statements} statements`),
    ]).toEqual([]);
  });
});
