/**
 * Switches a deployer expects (issue 12, item 6): GraphiQL follows `GRAPHIQL`; a write to a
 * server with no credentials configured is told so; `npm start` says in its first line whether
 * writes are on and how to enable them; `npm run dev` keeps DEBUG_SQL and `.dev.vars`
 * (tools/dev/dev.ts builds the wrangler arguments; test/dev/dev.test.ts runs it for real).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { wranglerDevArgs } from '../tools/dev/dev.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { freePort } from './helpers/processes.ts';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const page = (t: TestApp) => t.app.request('/graphql', { headers: { accept: 'text/html' } });

describe('GRAPHIQL', () => {
  let on: TestApp;
  let off: TestApp;
  beforeAll(async () => {
    on = await createTestApp({ seed: false });
    off = await createTestApp({ seed: false, config: { graphiql: loadConfig({ GRAPHIQL: 'false' }).graphiql } });
  });
  afterAll(() => {
    on.close();
    off.close();
  });

  it('is on by default and off with GRAPHIQL=false', () => {
    expect(loadConfig({}).graphiql).toBe(true);
    expect(loadConfig({ GRAPHIQL: 'false' }).graphiql).toBe(false);
    expect(() => loadConfig({ GRAPHIQL: 'maybe' })).toThrow(/GRAPHIQL/);
  });

  it('serves the page when on, and no page when off (the API still answers)', async () => {
    const shown = await page(on);
    expect(shown.status).toBe(200);
    expect(await shown.text()).toMatch(/graphiql/i);
    const hidden = await page(off);
    expect(hidden.status).not.toBe(200);
    expect(await hidden.text()).not.toMatch(/graphiql/i);
    const r = await off.gql('{ __typename }');
    expect(r.body.data).toEqual({ __typename: 'Query' });
  });
});

describe('a write to a server without credentials', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: false });
  });
  afterAll(() => t.close());

  it('answers 401 "no credentials are configured", not "unknown API key"', async () => {
    for (const authorization of ['Bearer nk_test_0123456789abcdeX', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzY29wZSI6Im5ld3NncmFwaDp3cml0ZSJ9.c2ln']) {
      const r = await t.gql('mutation { deleteArticle(id: "QXJ0aWNsZTox") }', undefined, { authorization });
      expect(r.status).toBe(401);
      expect(r.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(r.body.errors?.[0]?.message).toMatch(/no credentials are configured/);
      expect(r.body.errors?.[0]?.message).not.toMatch(/unknown API key/);
    }
  });
});

/** Run the Node entry (`npm start` without the asset build) until it listens; its output so far. */
async function startOutput(env: Record<string, string>): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-start-'));
  const { API_KEYS: _k, JWT_SECRET: _s, JWT_PUBLIC_KEY: _p, ...base } = process.env;
  // The project's Node 22 (npm scripts run on it); the test runner itself may be on another.
  const node = existsSync(join(repoRoot, 'node_modules/.bin/node')) ? join(repoRoot, 'node_modules/.bin/node') : process.execPath;
  const child = spawn(node, ['src/node.ts'], {
    cwd: repoRoot,
    env: { ...base, LIBSQL_URL: `file:${join(dir, 'start.db')}`, PORT: String(await freePort()), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  try {
    const deadline = Date.now() + 60_000;
    while (!/Newsgraph .*on http/.test(output)) {
      if (child.exitCode !== null) throw new Error(`src/node.ts exited ${child.exitCode}:\n${output}`);
      if (Date.now() > deadline) throw new Error(`src/node.ts did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return output;
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('npm start', () => {
  it('says first that writes are off and how to enable them, when no credential is configured', async () => {
    const lines = (await startOutput({})).split('\n');
    expect(lines[0]).toMatch(/^Writes are off: no editor credentials are configured \(API_KEYS, JWT_SECRET and JWT_PUBLIC_KEY are unset\)/);
    expect(lines[1]).toContain('API_KEYS=<a key of 16+ characters> npm start');
  }, 70_000);

  it('says which credentials writes accept when some are configured', async () => {
    const lines = (await startOutput({ API_KEYS: 'dev-key-0123456789abcdef' })).split('\n');
    expect(lines[0]).toBe('Writes are on for editor credentials: 1 API key (API_KEYS).');
  }, 70_000);
});

describe('npm run dev: the wrangler arguments', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'newsgraph-devvars-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const vars = (name: string, text: string | null) => {
    const file = join(dir, name);
    if (text !== null) writeFileSync(file, text);
    return file;
  };
  const debugSql = (args: string[]) => args.filter((a, i) => args[i - 1] === '--var' && a.startsWith('DEBUG_SQL:'));

  it('reads the variables file with --env-file, and forces only LIBSQL_URL', () => {
    const file = vars('with-keys.vars', 'API_KEYS=dev-key-0123456789abcdef\nDEBUG_SQL=false\n');
    const args = wranglerDevArgs({ port: 8787, libsqlUrl: 'http://127.0.0.1:1', devVarsFile: file, env: {} });
    expect(args.slice(args.indexOf('--env-file'), args.indexOf('--env-file') + 2)).toEqual(['--env-file', file]);
    expect(args.filter((a, i) => args[i - 1] === '--var')).toEqual(['LIBSQL_URL:http://127.0.0.1:1']);
    expect(args.join(' ')).not.toContain('dev-key');
  });

  it('DEBUG_SQL: the environment first, then the file, else on', () => {
    const withDebug = vars('debug.vars', 'DEBUG_SQL=false\n');
    const without = vars('none.vars', 'API_KEYS=dev-key-0123456789abcdef\n');
    const missing = vars('missing.vars', null);
    const args = (devVarsFile: string, env: NodeJS.ProcessEnv) => wranglerDevArgs({ port: 8787, libsqlUrl: 'http://x', devVarsFile, env });
    expect(debugSql(args(withDebug, { DEBUG_SQL: 'true' }))).toEqual(['DEBUG_SQL:true']);
    expect(debugSql(args(withDebug, {}))).toEqual([]);
    expect(debugSql(args(without, {}))).toEqual(['DEBUG_SQL:true']);
    expect(debugSql(args(missing, { DEBUG_SQL: 'false' }))).toEqual(['DEBUG_SQL:false']);
    expect(args(missing, {})).not.toContain('--env-file');
  });
});
