/**
 * `npm run dev`: the Cloudflare Worker locally, for real, in one command.
 *
 *   1. migrates and seeds the embedded database file (`.data/newsgraph.db`, as `npm start` does),
 *   2. copies the GraphiQL assets into public/ (`node src/cli/build-assets.ts`),
 *   3. starts the Hrana dev server (tools/dev/hrana-server.ts) on that file, on 127.0.0.1,
 *   4. runs `wrangler dev` (src/worker.ts in workerd, on 127.0.0.1:$PORT, default 8787) with
 *      `LIBSQL_URL` pointing at the Hrana server and the variables of `.dev.vars` (credentials
 *      such as API_KEYS, limits, GRAPHIQL ...),
 *   5. waits until the Worker's `/health` answers, then prints the URL.
 *
 * DEBUG_SQL: the environment's value when set (`DEBUG_SQL=false npm run dev`), else the one in
 * `.dev.vars`, else on. LIBSQL_URL is always the Hrana server's (that is what this command is for).
 *
 * Ctrl-C, SIGTERM (also to the whole npm process group) and SIGHUP stop both: wrangler runs in its
 * own process group, which is sent SIGTERM and, if anything is still alive 5 s later, SIGKILL, so
 * no workerd is left behind; then the Hrana server closes (rolling back open transactions).
 *
 * Wrangler stays offline: no metrics, no error reports, no update check (banner hidden), no
 * `Request.cf` download (CLOUDFLARE_CF_FETCH_ENABLED=false), no remote bindings, no login.
 *
 * Usage: node tools/dev/dev.ts [--db FILE] [--hrana-port N] [--dev-vars FILE]
 *   --dev-vars  the variables file (KEY=VALUE lines; default `.dev.vars` beside wrangler.toml)
 *   PORT        Worker port (default 8787)
 *   HRANA_PORT  Hrana server port (default: an ephemeral one)
 * Exits 0 after a signal, 1 when start-up fails, wrangler's status if wrangler exits on its own.
 *
 * A development tool only: production runs the same Worker against Turso (docs/deploy.md).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, parseEnv } from 'node:util';
import { DEFAULT_DB_FILE, openDatabase } from '../../src/ingest/open.ts';
import { loadSeedIfEmpty } from '../../src/ingest/seed.ts';
import { startHranaServer, type HranaServer } from './hrana-server.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const HEALTH_TIMEOUT_MS = 120_000;
const STOP_GRACE_MS = 5_000;

/** Environment for wrangler: everything that could reach the network or prompt is off. */
export function offlineWranglerEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return {
    ...base,
    WRANGLER_SEND_METRICS: 'false',
    WRANGLER_SEND_ERROR_REPORTS: 'false',
    WRANGLER_HIDE_BANNER: 'true', // the banner is what runs the npm update check
    WRANGLER_NO_SKILLS_UPDATE_PROMPTS: 'true',
    CLOUDFLARE_CF_FETCH_ENABLED: 'false', // no download of workers.cloudflare.com/cf.json
  };
}

/** The variables of a `.dev.vars` file (dotenv syntax, as wrangler reads it); empty when there is none. */
export function readDevVars(file: string): Record<string, string> {
  return existsSync(file) ? (parseEnv(readFileSync(file, 'utf8')) as Record<string, string>) : {};
}

/**
 * The `wrangler dev` arguments (after the CLI script). The variables file is passed with
 * `--env-file`, so wrangler reads exactly that file (secrets stay off the command line); `--var`
 * wins over it, so only LIBSQL_URL is forced, and DEBUG_SQL only when the environment sets it or
 * the file does not (then on, for development).
 */
export function wranglerDevArgs(options: { port: number; libsqlUrl: string; devVarsFile: string; env?: NodeJS.ProcessEnv }): string[] {
  const env = options.env ?? process.env;
  const devVars = readDevVars(options.devVarsFile);
  const args = ['dev', '--ip', '127.0.0.1', '--port', String(options.port), '--var', `LIBSQL_URL:${options.libsqlUrl}`];
  if (existsSync(options.devVarsFile)) args.push('--env-file', options.devVarsFile);
  if (env.DEBUG_SQL !== undefined && env.DEBUG_SQL !== '') args.push('--var', `DEBUG_SQL:${env.DEBUG_SQL}`);
  else if (devVars.DEBUG_SQL === undefined) args.push('--var', 'DEBUG_SQL:true');
  args.push('--show-interactive-dev-session=false');
  return args;
}

/** Whether the Worker will report SQL statement counts (the DEBUG_SQL `wranglerDevArgs` settles on). */
function debugSqlOn(devVarsFile: string, env: NodeJS.ProcessEnv = process.env): boolean {
  return /^(1|true|yes|on)$/i.test(env.DEBUG_SQL || readDevVars(devVarsFile).DEBUG_SQL || 'true');
}

/** Path of wrangler's CLI script (run with this Node, not through a shell). */
export function wranglerBin(): string {
  const pkg = createRequire(path.join(repoRoot, 'package.json')).resolve('wrangler/package.json');
  return path.join(path.dirname(pkg), 'bin', 'wrangler.js');
}

/** Resolve when 127.0.0.1:port can be bound (then released); reject with a clear message if taken. */
function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (err: NodeJS.ErrnoException) =>
      reject(new Error(err.code === 'EADDRINUSE' ? `port ${port} on 127.0.0.1 is in use (set PORT to another port)` : err.message)),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

/** Poll `url` until it answers 200, the child exits, or the timeout passes. */
async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`wrangler dev exited (${child.exitCode ?? child.signalCode}) before ${url} answered`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** One GraphQL query through the Worker to the database; describes the outcome (never throws). */
async function smokeQuery(port: number): Promise<string> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-newsgraph-debug': 'sql' },
      body: JSON.stringify({ query: '{ articles(first: 1) { edges { node { slug } } } }' }),
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await res.json()) as { data?: { articles?: { edges: { node: { slug: string } }[] } }; errors?: { message: string }[] };
    const edges = body.data?.articles?.edges;
    if (body.errors?.length || !edges) return `warning: the Worker could not query the database: ${JSON.stringify(body.errors ?? body)}`;
    return `the Worker reads the database over HTTP (${edges.length ? `first article: ${edges[0]!.node.slug}` : 'no articles yet'})`;
  } catch (err) {
    return `warning: the Worker could not query the database: ${(err as Error).message}`;
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Signal a whole process group; a group that is already gone is fine. */
function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
}

/** SIGTERM the group, SIGKILL it after the grace period; resolves once every member is gone. */
async function stopGroup(pid: number): Promise<void> {
  signalGroup(pid, 'SIGTERM');
  const deadline = Date.now() + STOP_GRACE_MS;
  while (groupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (groupAlive(pid)) {
    signalGroup(pid, 'SIGKILL');
    while (groupAlive(pid)) await new Promise((r) => setTimeout(r, 20));
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { db: { type: 'string' }, 'hrana-port': { type: 'string' }, 'dev-vars': { type: 'string' } } });
  const file = path.resolve(values.db ?? DEFAULT_DB_FILE);
  const devVarsFile = path.resolve(values['dev-vars'] ?? path.join(repoRoot, '.dev.vars'));
  const port = Number(process.env.PORT || 8787);
  const hranaPort = Number(values['hrana-port'] ?? process.env.HRANA_PORT ?? 0);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`PORT must be a TCP port, got "${process.env.PORT}"`);
  if (!Number.isInteger(hranaPort) || hranaPort < 0 || hranaPort > 65535) throw new Error(`HRANA_PORT must be a TCP port, got "${hranaPort}"`);

  let hrana: HranaServer | undefined;
  let wrangler: ChildProcess | undefined;
  let stopping: Promise<void> | undefined;
  const stop = (code: number): Promise<void> =>
    (stopping ??= (async () => {
      if (wrangler?.pid !== undefined) await stopGroup(wrangler.pid);
      await hrana?.close();
      process.exit(code);
    })());
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(0));
  // Last resort if this process dies of an error: never leave the wrangler group running.
  process.on('exit', () => {
    if (wrangler?.pid !== undefined) signalGroup(wrangler.pid, 'SIGKILL');
  });

  try {
    await assertPortFree(port);

    // 1. The database file, migrated and seeded (the same code path as `npm start`).
    const db = await openDatabase(`file:${file}`);
    const seeded = await loadSeedIfEmpty(db);
    db.$client.close();
    console.log(`dev: database ${path.relative(process.cwd(), file) || file} ${seeded ? '(migrated, seeded)' : '(migrated)'}`);

    // 2. GraphiQL assets into public/ (the Worker's static assets).
    const assets = spawnSync(process.execPath, [path.join(repoRoot, 'src/cli/build-assets.ts')], { stdio: 'inherit', cwd: repoRoot });
    if (assets.status !== 0) throw new Error('building the GraphiQL assets failed');

    // 3. libSQL over HTTP for the Worker.
    hrana = await startHranaServer({ file, port: hranaPort, host: '127.0.0.1' });
    console.log(`dev: Hrana dev server (libSQL over HTTP) on ${hrana.url}`);

    // 4. The Worker in workerd, in its own process group (so stopping it stops workerd too).
    const devVars = Object.keys(readDevVars(devVarsFile));
    if (devVars.length) console.log(`dev: variables from ${path.relative(process.cwd(), devVarsFile) || devVarsFile}: ${devVars.join(', ')}`);
    const args = [wranglerBin(), ...wranglerDevArgs({ port, libsqlUrl: hrana.url, devVarsFile })];
    wrangler = spawn(process.execPath, args, { cwd: repoRoot, env: offlineWranglerEnv(), stdio: ['ignore', 'inherit', 'inherit'], detached: true });
    wrangler.once('exit', (code, signal) => {
      if (stopping) return;
      console.error(`dev: wrangler dev exited (${code ?? signal}); stopping`);
      void stop(code || 1);
    });

    // 5. Ready when the Worker answers (which also proves it reaches the Hrana server's host).
    await waitForHealth(`http://127.0.0.1:${port}/health`, wrangler, HEALTH_TIMEOUT_MS);
    console.log(`dev: ${await smokeQuery(port)}`);
    console.log(`\nNewsgraph Worker (wrangler dev) on http://127.0.0.1:${port}/graphql  (${debugSqlOn(devVarsFile) ? 'x-newsgraph-debug: sql is on' : 'DEBUG_SQL is off'})\n`);
  } catch (err) {
    console.error(`dev: ${(err as Error).message}`);
    await stop(1);
  }
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) await main();
