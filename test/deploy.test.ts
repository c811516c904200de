/**
 * Deploy tooling, offline: wrangler.toml's runtime choices, `wrangler deploy --dry-run` bundling
 * the Worker (with the bundle measured by src/cli/bundle-size.ts), and `npm run db:migrate`
 * (src/cli/migrate.ts) applying the migrations over HTTP, with a token, to the Hrana dev server
 * standing in for Turso.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createClient } from '@libsql/client';
import { getNodeCompat } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureBundle } from '../src/cli/bundle-size.ts';
import { redactUrl } from '../src/cli/migrate.ts';
import { offlineWranglerEnv, wranglerBin } from '../tools/dev/dev.ts';
import { startHranaServer, type HranaServer } from '../tools/dev/hrana-server.ts';

const run = promisify(execFile);
/** The newest compatibility date the installed workerd supports (the `workerd` package exports it). */
const workerdDate: string = (createRequire(import.meta.url)('workerd') as { compatibilityDate: string }).compatibilityDate;
const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const toml = readFileSync(join(repoRoot, 'wrangler.toml'), 'utf8');
const tomlString = (key: string) => new RegExp(`^${key}\\s*=\\s*"([^"]*)"`, 'm').exec(toml)?.[1];
// Node 22 (the `node` devDependency) runs the .ts CLIs; vitest may run under another node.
const node = join(repoRoot, 'node_modules/node/bin/node');

describe('wrangler.toml', () => {
  it('names the Worker and its entry', () => {
    expect(tomlString('name')).toBe('newsgraph');
    expect(tomlString('main')).toBe('src/worker.ts');
  });

  it('uses a compatibility date the bundled workerd supports, with Node.js compatibility on', () => {
    const date = tomlString('compatibility_date')!;
    expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(workerdDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(date <= workerdDate, `${date} is later than workerd's ${workerdDate}`).toBe(true);
    const flags = [...(/^compatibility_flags\s*=\s*\[([^\]]*)\]/m.exec(toml)?.[1] ?? '').matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
    expect(getNodeCompat(date, flags).isNodejsCompatEnabled).toBe(true);
  });

  it('keeps secrets out: LIBSQL_URL and LIBSQL_AUTH_TOKEN are not vars', () => {
    expect(toml).not.toMatch(/^\s*LIBSQL_(URL|AUTH_TOKEN)\s*=/m);
    expect(tomlString('DEBUG_SQL')).toBe('false');
    expect(tomlString('MASK_ERRORS')).toBe('true');
  });
});

describe('wrangler deploy --dry-run (offline)', () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'newsgraph-bundle-'));
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('bundles src/worker.ts and the bundle fits the free plan', async () => {
    await run(node, [join(repoRoot, 'src/cli/build-assets.ts')], { cwd: repoRoot });
    const { stdout } = await run(node, [wranglerBin(), 'deploy', '--dry-run', '--minify', '--outdir', out], {
      cwd: repoRoot,
      env: offlineWranglerEnv(),
      timeout: 120_000,
    });
    expect(stdout).toContain('--dry-run: exiting now.');
    expect(stdout).toMatch(/env\.ASSETS\s+Assets/);
    const size = measureBundle(out);
    expect(size.files.map((f) => f.file)).toEqual(['worker.js']);
    expect(size.gzip).toBeGreaterThan(50_000);
    expect(size.gzip).toBeLessThan(3 * 1024 * 1024);
    const bundle = readFileSync(join(out, 'worker.js'), 'utf8');
    // The Node-only modules stay out of the Worker.
    expect(bundle).not.toContain('libsql/sqlite3');
    expect(bundle).not.toContain('graphiql-static');
    const printed = await run(node, [join(repoRoot, 'src/cli/bundle-size.ts'), out], { cwd: repoRoot });
    expect(printed.stdout).toMatch(new RegExp(`total\\s+${size.raw} B raw .* ${size.gzip} B gzip -9`));
  }, 180_000);
});

describe('npm run db:migrate over HTTP', () => {
  let dir: string;
  let server: HranaServer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'newsgraph-migrate-'));
    server = await startHranaServer({ file: join(dir, 'remote.db'), authToken: 'migrate-test-token' });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const migrate = (env: Record<string, string>, args: string[] = []) =>
    run(node, [join(repoRoot, 'src/cli/migrate.ts'), ...args], { cwd: repoRoot, env: { PATH: process.env.PATH, ...env } }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it('applies the migrations once, then finds nothing to do; --seed loads the sample once', async () => {
    const env = { LIBSQL_URL: server.url, LIBSQL_AUTH_TOKEN: 'migrate-test-token' };
    const migrations = readdirSync(join(repoRoot, 'drizzle'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    expect(migrations.length).toBeGreaterThan(0);
    const first = await migrate(env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`db:migrate: ${server.url} (with auth token)`);
    for (const m of migrations) expect(first.stdout).toContain(`applied   ${m}`);
    expect(first.stdout).toMatch(new RegExp(`${migrations.length} migration\\(s\\) applied, 0 already there; \\d+ CAMEO codes`));

    const client = createClient({ url: server.url, authToken: 'migrate-test-token' });
    try {
      const tables = await client.execute("select name from sqlite_master where type = 'table' and name in ('articles', 'people', 'engagements', 'cameo_codes') order by name");
      expect(tables.rows.map((r) => r.name)).toEqual(['articles', 'cameo_codes', 'engagements', 'people']);
      const cameo = await client.execute("select name from cameo_codes where code = '042'");
      expect(cameo.rows).toHaveLength(1);
      expect((await client.execute('select count(*) as n from articles')).rows[0]!.n).toBe(0);
      const second = await migrate(env, ['--seed']);
      expect(second.code, second.stderr).toBe(0);
      expect(second.stdout).toContain(`0 migration(s) applied, ${migrations.length} already there`);
      expect(second.stdout).toContain('seed: sample articles loaded');
      const slugs = await client.execute('select slug from articles');
      expect(slugs.rows.map((r) => r.slug)).toContain('larijani-pakistan-visit');
      expect((await migrate(env, ['--seed'])).stdout).toContain('seed: skipped (the database already has articles)');
    } finally {
      client.close();
    }
  }, 120_000);

  it('fails clearly without LIBSQL_URL or with a wrong token', async () => {
    const none = await migrate({});
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('set LIBSQL_URL');
    const wrong = await migrate({ LIBSQL_URL: server.url, LIBSQL_AUTH_TOKEN: 'wrong' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/db:migrate failed: .*Unauthorized/i);
  }, 60_000);

  it('never prints credentials in the target URL', () => {
    expect(redactUrl('libsql://newsgraph-acme.turso.io?authToken=abc.def')).toBe('libsql://newsgraph-acme.turso.io');
    expect(redactUrl('https://user:pw@db.example:8080/path?authToken=x')).toBe('https://db.example:8080/path');
    expect(redactUrl('file:/tmp/x.db')).toBe('file:/tmp/x.db');
  });
});
