// Node-only test (child_process, node:fs, @hono/node-server, a real Chromium):
// it must run in vitest's Node pool, not in the Workers pool.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { createSchema, createYoga } from 'graphql-yoga';
import { Hono } from 'hono';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPHIQL_ASSET_BASE, GRAPHIQL_ASSET_LIST, renderGraphiQLPage } from '../src/graphiql.ts';
import { serveGraphiQLAsset } from '../src/graphiql-static.ts';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
// The build script is TypeScript run by Node's type stripping (Node >= 22.18, the
// `node` devDependency). When vitest itself was started by an older system node
// (e.g. `node_modules/.bin/vitest` via `#!/usr/bin/env node`), use the local one.
const localNode = `${repoRoot}node_modules/.bin/node`;
const nodeForTs =
  (process.features as { typescript?: unknown }).typescript || !existsSync(localNode) ? process.execPath : localNode;
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`[graphiql.test] ${CHROMIUM} not found: skipping the browser test (apt-get install -y chromium)`);
}

/** Every src/href value in the page (attributes), plus string literals that look like paths or URLs. */
function referencedUrls(html: string): string[] {
  const attrs = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1] ?? '');
  const literals = [...html.matchAll(/"((?:\/|[a-z][a-z0-9+.-]*:)[^"]*)"/gi)].map((m) => m[1] ?? '');
  return [...new Set([...attrs, ...literals])];
}

const assetPaths = (html: string) =>
  referencedUrls(html).filter((u) => u.startsWith(`${GRAPHIQL_ASSET_BASE}/`));

describe('GraphiQL page', () => {
  beforeAll(() => {
    execFileSync(nodeForTs, ['src/cli/build-assets.ts'], { cwd: repoRoot, stdio: 'pipe' });
  }, 60_000);

  const html = renderGraphiQLPage({
    title: 'Newsgraph <GraphiQL> & "co"',
    endpoint: '/graphql',
    defaultQuery: '# </script><script>alert(1)</script>\n{ hello }',
    defaultVariables: '{"a": "</script>"}',
    headers: { 'x-test': '</SCRIPT>' },
  });

  it('contains no http:// or https:// URL', () => {
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/\/\/(unpkg|cdn|raw\.githubusercontent)/i);
    for (const u of referencedUrls(html)) {
      expect(u.startsWith('/') || u.startsWith('data:'), u).toBe(true);
      expect(u.startsWith('//'), u).toBe(false);
    }
  });

  it('embeds user strings safely', () => {
    // Exactly the three script tags we emit; the default query cannot close one.
    expect(html.match(/<script\b/gi)).toHaveLength(3);
    expect(html.match(/<\/script>/gi)).toHaveLength(3);
    expect(html).toContain('<title>Newsgraph &lt;GraphiQL&gt; &amp; &quot;co&quot;</title>');
    const m = /renderYogaGraphiQL\(document\.getElementById\("root"\),(.*)\);<\/script>/.exec(html);
    expect(m).not.toBeNull();
    const opts = JSON.parse(m![1]!) as Record<string, unknown>;
    expect(opts).toMatchObject({
      endpoint: '/graphql',
      query: '# </script><script>alert(1)</script>\n{ hello }',
      defaultQuery: '# </script><script>alert(1)</script>\n{ hello }',
      variables: '{"a": "</script>"}',
      title: 'Newsgraph &lt;GraphiQL&gt; &amp; &quot;co&quot;',
      headers: JSON.stringify({ 'x-test': '</SCRIPT>' }),
      shouldPersistHeaders: false,
    });
  });

  it('references the CSS, the UMD script and the three Monaco workers, all built', () => {
    const paths = assetPaths(html);
    expect(paths.sort()).toEqual(GRAPHIQL_ASSET_LIST.map((f) => `${GRAPHIQL_ASSET_BASE}/${f}`).sort());
    expect(paths).toContain(`${GRAPHIQL_ASSET_BASE}/monacoeditorwork/graphql.worker..bundle.js`);
    for (const p of paths) {
      const file = `${repoRoot}public${p}`;
      expect(existsSync(file), file).toBe(true);
      expect(statSync(file).size, file).toBeGreaterThan(1000);
    }
  });

  it('serveGraphiQLAsset serves each asset with its content type and rejects traversal', async () => {
    for (const p of assetPaths(html)) {
      const res = await serveGraphiQLAsset(p);
      expect(res, p).not.toBeNull();
      expect(res!.status).toBe(200);
      expect(res!.headers.get('content-type')).toMatch(p.endsWith('.css') ? /^text\/css\b/ : /^application\/javascript\b/);
      expect(res!.headers.get('cache-control')).toBe('public, max-age=86400');
      expect((await res!.arrayBuffer()).byteLength).toBe(statSync(`${repoRoot}public${p}`).size);
    }
    // The same file by its path relative to the prefix.
    expect((await serveGraphiQLAsset('graphiql.css'))?.status).toBe(200);
    for (const bad of [
      '../package.json',
      `${GRAPHIQL_ASSET_BASE}/../package.json`,
      `${GRAPHIQL_ASSET_BASE}/%2e%2e/%2e%2e/package.json`,
      `${GRAPHIQL_ASSET_BASE}/monacoeditorwork/../../../src/graphiql.ts`,
      '..%2f..%2fsrc%2fgraphiql.ts',
      '..\\..\\package.json',
      '/etc/passwd',
      `${GRAPHIQL_ASSET_BASE}/nope.js`,
      `${GRAPHIQL_ASSET_BASE}/monacoeditorwork`,
      `${GRAPHIQL_ASSET_BASE}/%E0%A4%A`,
      '',
    ]) {
      expect(await serveGraphiQLAsset(bad), bad).toBeNull();
    }
  });

  describe.skipIf(!hasChromium)(`in Chromium (${CHROMIUM})`, () => {
    let server: ServerType;
    let origin: string;

    beforeAll(async () => {
      const yoga = createYoga({
        schema: createSchema({
          typeDefs: 'type Query { hello: String }',
          resolvers: { Query: { hello: () => 'world' } },
        }),
        graphiql: false,
      });
      const app = new Hono();
      app.get('/graphql', (c) =>
        c.html(renderGraphiQLPage({ title: 'Newsgraph test', endpoint: '/graphql', defaultQuery: '{ hello }' })),
      );
      app.post('/graphql', (c) => yoga.fetch(c.req.raw));
      app.get(`${GRAPHIQL_ASSET_BASE}/*`, async (c) => (await serveGraphiQLAsset(c.req.path)) ?? c.notFound());
      await new Promise<void>((done) => {
        server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
          origin = `http://127.0.0.1:${info.port}`;
          done();
        });
      });
    });

    afterAll(async () => {
      await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
    });

    it('renders offline, runs { hello } and shows "world"', async () => {
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
          '--disable-sync',
        ],
      });
      try {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const requests: string[] = [];
        const failed: string[] = [];
        const pageErrors: string[] = [];
        // Record every request; let same-origin, blob: and data: through, abort the rest
        // so the test never touches the network even if the assertion below fails.
        const sameOrigin = (u: string) => u.startsWith(`${origin}/`) || u.startsWith('blob:') || u.startsWith('data:');
        context.on('request', (r) => requests.push(r.url()));
        context.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
        await context.route('**/*', (route) => (sameOrigin(route.request().url()) ? route.continue() : route.abort()));
        const page = await context.newPage();
        page.on('request', (r) => requests.push(r.url()));
        page.on('pageerror', (e) => pageErrors.push(String(e)));
        page.on('console', (m) => {
          if (m.type() === 'error') pageErrors.push(`console: ${m.text()}`);
        });

        const res = await page.goto(`${origin}/graphql`, { waitUntil: 'load' });
        expect(res?.status()).toBe(200);
        expect(res?.headers()['content-type']).toMatch(/^text\/html/);

        const run = page.locator('.graphiql-execute-button');
        await run.waitFor({ state: 'visible', timeout: 30_000 });
        // The query editor (Monaco) shows the default query before we run it.
        await page.waitForFunction(
          () => document.querySelector('.graphiql-query-editor')?.textContent?.includes('hello'),
          undefined,
          { timeout: 30_000 },
        );
        await run.click();
        await page.waitForFunction(
          () => document.querySelector('.graphiql-response')?.textContent?.includes('"world"'),
          undefined,
          { timeout: 30_000 },
        );
        // Monaco starts its workers lazily; all five assets (CSS, UMD, three workers,
        // including the double-dot graphql.worker..bundle.js) must have been fetched from us.
        const expectedAssets = GRAPHIQL_ASSET_LIST.map((f) => `${origin}${GRAPHIQL_ASSET_BASE}/${f}`);
        await expect
          .poll(() => expectedAssets.filter((u) => !requests.includes(u)), { timeout: 20_000 })
          .toEqual([]);
        await page.waitForTimeout(500);
        await page.screenshot({ path: '/tmp/graphiql.png' });

        const responseText = await page.locator('.graphiql-response').textContent();
        expect(responseText).toContain('"hello"');
        expect(responseText).toContain('"world"');

        const outside = requests.filter((u) => !sameOrigin(u));
        expect(outside, `requests that left ${origin}`).toEqual([]);
        expect(failed).toEqual([]);
        expect(pageErrors).toEqual([]);
      } finally {
        await browser.close();
      }
    }, 120_000);
  });
});
