/**
 * `npm run dev` end to end: the real command (npm -> tools/dev/dev.ts -> Hrana dev server +
 * `wrangler dev` -> workerd) on a temp database and a free port. The Worker answers the acceptance
 * queries over HTTP in one SQL statement, serves GraphiQL with same-origin assets through Workers
 * static assets, and SIGTERM to the npm process group stops every process it started.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPHIQL_ASSET_BASE, GRAPHIQL_ASSET_LIST } from '../../src/graphiql.ts';
import { fetchedPaths, isSameOriginOrInline, pageUrls } from '../helpers/graphiql-urls.ts';
import { freePort, startNpmDev } from '../helpers/processes.ts';
import { ACCEPTANCE_QUERIES } from '../worker/queries.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const START_TIMEOUT_MS = 150_000;

/** Every live process whose parent chain leads to `root` (root included), from /proc. */
function descendants(root: number): number[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parent.set(Number(name), ppid);
    } catch {
      // exited while listing
    }
  }
  const out = [root];
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parent) if (out.includes(ppid) && !out.includes(pid)) (out.push(pid), (grew = true));
  }
  return out.filter((pid) => parent.has(pid));
}

const alive = (pid: number) => existsSync(`/proc/${pid}`) && !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));

describe.skipIf(process.platform !== 'linux')('npm run dev', () => {
  let dir: string;
  let child: ChildProcess;
  let port: number;
  let output: () => string;
  let base: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'newsgraph-dev-test-'));
    port = await freePort();
    base = `http://127.0.0.1:${port}`;
    ({ child, output } = await startNpmDev(['--db', join(dir, 'dev.db')], { ...process.env, PORT: String(port), HRANA_PORT: '' }, START_TIMEOUT_MS));
  }, START_TIMEOUT_MS + 10_000);

  afterAll(() => {
    if (child?.pid && child.exitCode === null) {
      for (const pid of descendants(child.pid)) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone
        }
      }
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the URL once /health answers', async () => {
    expect(output()).toContain(`Newsgraph Worker (wrangler dev) on ${base}/graphql`);
    expect(output()).toMatch(/Hrana dev server \(libSQL over HTTP\) on http:\/\/127\.0\.0\.1:\d+/);
    expect(output()).toContain('the Worker reads the database over HTTP (first article: larijani-pakistan-visit)');
    const res = await fetch(`${base}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers the acceptance queries, each in one SQL statement', async () => {
    const ask = async (query: string) => {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-newsgraph-debug': 'sql' },
        body: JSON.stringify({ query }),
      });
      const body = (await res.json()) as any;
      expect(body.errors).toBeUndefined();
      expect(body.extensions.sql.statements).toBe(1);
      return body.data;
    };
    const larijani = await ask(ACCEPTANCE_QUERIES.larijani);
    expect(larijani.person.roles).toEqual([{ title: 'Secretary', organisation: { name: 'Supreme National Security Council', acronym: 'SNSC' } }]);
    expect(larijani.person.engagements.edges.map((e: any) => e.node.cameo.code)).toEqual(['042', '040', '051']);
    const walk = await ask(ACCEPTANCE_QUERIES.deepWalk);
    expect(walk.article.people.totalCount).toBe(4);
    expect(JSON.stringify(walk)).toContain('"slug":"larijani-pakistan-visit"');
    const tipu = await ask(ACCEPTANCE_QUERIES.tipuQuotes);
    expect(tipu.person.quotes.map((q: any) => q.text)).toEqual([
      'broad and ongoing interactions',
      'undoubtedly play an important role in further consolidating the historic and deep-rooted relations between Iran and Pakistan.',
    ]);
    const figures = await ask(ACCEPTANCE_QUERIES.figures);
    expect(figures.article.figures).toContainEqual({ text: '$3 billion', value: 3_000_000_000, currency: 'USD', unit: null, metric: 'bilateral trade' });
  });

  it('serves GraphiQL whose every asset is same-origin and served 200 (Workers static assets)', async () => {
    const page = `${base}/graphql`;
    const res = await fetch(page, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toMatch(/https?:\/\//i);
    for (const u of pageUrls(html)) expect(isSameOriginOrInline(u, page), u).toBe(true);
    const paths = fetchedPaths(html, page).sort();
    expect(paths).toEqual(GRAPHIQL_ASSET_LIST.map((f) => `${GRAPHIQL_ASSET_BASE}/${f}`).sort());
    for (const p of paths) {
      const asset = await fetch(`${base}${p}`);
      expect(asset.status, p).toBe(200);
      expect(asset.headers.get('content-type'), p).toMatch(p.endsWith('.css') ? /^text\/css/ : /javascript/);
      expect((await asset.arrayBuffer()).byteLength, p).toBeGreaterThan(10_000);
    }
  });

  it('stops everything (wrangler, workerd, the Hrana server) on SIGTERM to the npm process group', async () => {
    const tree = descendants(child.pid!);
    const commands = tree.map((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      } catch {
        return '';
      }
    });
    expect(commands.some((c) => c.includes('workerd serve'))).toBe(true);
    expect(commands.some((c) => c.includes('tools/dev/dev.ts'))).toBe(true);

    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
    const deadline = Date.now() + 15_000;
    while (tree.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(tree.filter(alive)).toEqual([]);
    await expect(fetch(`${base}/health`)).rejects.toThrow();
  }, 30_000);
});

describe.skipIf(process.platform !== 'linux')('npm run dev with a .dev.vars file', () => {
  const API_KEY = 'dev-vars-key-0123456789abcdef';
  let dir: string;
  let child: ChildProcess;
  let base: string;
  let output: () => string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'newsgraph-dev-vars-test-'));
    const vars = join(dir, 'dev.vars');
    writeFileSync(vars, `API_KEYS=${API_KEY}\nDEBUG_SQL=false\n`);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const { DEBUG_SQL: _d, API_KEYS: _k, ...env } = process.env;
    ({ child, output } = await startNpmDev(['--db', join(dir, 'dev.db'), '--dev-vars', vars], { ...env, PORT: String(port), HRANA_PORT: '' }, START_TIMEOUT_MS));
  }, START_TIMEOUT_MS + 10_000);

  afterAll(async () => {
    if (child?.pid && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  const post = (query: string, headers: Record<string, string> = {}) =>
    fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-newsgraph-debug': 'sql', ...headers }, body: JSON.stringify({ query }) });

  it('keeps DEBUG_SQL from the file (no statement counts) and names the variables it read, not their values', async () => {
    const body = (await (await post('{ articles(first: 1) { totalCount } }')).json()) as any;
    expect(body.errors).toBeUndefined();
    expect(body.extensions?.sql).toBeUndefined();
    expect(output()).toMatch(/dev: variables from .*dev\.vars: API_KEYS, DEBUG_SQL/);
    expect(output()).not.toContain(API_KEY);
  });

  it('accepts the API key of the file for writes', async () => {
    const write = 'mutation { deleteArticle(id: "QXJ0aWNsZTo5OTk5") }';
    const anonymous = await post(write);
    expect(anonymous.status).toBe(401);
    const res = await post(write, { authorization: `Bearer ${API_KEY}` });
    const body = (await res.json()) as any;
    expect(res.status, JSON.stringify(body)).not.toBe(401);
    expect(body.errors?.[0]?.extensions?.code).not.toBe('UNAUTHENTICATED');
  });
});
