/**
 * The explorer under test: the real app (createApp) on a seeded libSQL file, served over HTTP on a
 * free loopback port with the Node entry's asset functions, and Debian's Chromium driven by
 * playwright-core. Shared by test/browser/explore.test.ts and bench/explore.ts.
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { nodeAssets } from '../../src/explorer-static.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

/** Debian's Chromium (test/setup/browser.ts installs it when allowed). */
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** The seeded app over HTTP; `api` is the same database through the test helper (POST, SQL counts). */
export interface ExplorerServer {
  origin: string;
  api: TestApp;
  close(): Promise<void>;
}

/** Start the app with the explorer on 127.0.0.1 (a free port) over a fresh seeded database. */
export async function startExplorer(): Promise<ExplorerServer> {
  const api = await createTestApp();
  const app = createApp({
    db: api.db,
    config: loadConfig({}, { debugSql: true }),
    assets: nodeAssets,
  });
  let server!: ServerType;
  const origin = await new Promise<string>((done) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => done(`http://127.0.0.1:${info.port}`));
  });
  return {
    origin,
    api,
    close: () =>
      new Promise<void>((done) =>
        server.close(() => {
          api.close();
          done();
        }),
      ),
  };
}

/** Chromium, headless, with nothing that reaches the network on its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/** Desktop and phone viewports. */
export const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 375, height: 812 } } as const;

/** A browser context that lets only same-origin, data: and blob: requests through, recording every request. */
export async function isolatedContext(browser: Browser, origin: string, viewport: { width: number; height: number }): Promise<{ context: BrowserContext; requests: string[] }> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const allowed = (u: string) => u.startsWith(`${origin}/`) || u.startsWith('data:') || u.startsWith('blob:');
  await context.route('**/*', (route) => (allowed(route.request().url()) ? route.continue() : route.abort()));
  return { context, requests };
}

/** Wait until the explorer has rendered its view (or its error): `<main data-state>`. */
export async function viewSettled(page: Page, timeout = 20_000): Promise<string> {
  await page.waitForSelector('main[data-state="ready"], main[data-state="error"]', { timeout });
  return (await page.getAttribute('main', 'data-state')) ?? '';
}

/** First render of a page load: navigation start → the view's `explore:rendered` mark (ms), and the bytes transferred for it. */
export interface ViewFigures {
  view: string;
  path: string;
  renderMs: number;
  bytes: number;
  requests: number;
  graphqlRequests: number;
}

/** Open `path` in a fresh context (empty cache) and measure its first render and transferred bytes. */
export async function measureView(browser: Browser, origin: string, view: string, path: string, viewport: { width: number; height: number } = VIEWPORTS.desktop): Promise<ViewFigures> {
  const { context } = await isolatedContext(browser, origin, viewport);
  try {
    const page = await context.newPage();
    await page.goto(`${origin}${path}`, { waitUntil: 'load' });
    await viewSettled(page);
    // Resource timing's transferSize counts headers and body as received (encoded), per request.
    return await page.evaluate(
      ({ view, path }) => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
        const rendered = performance.getEntriesByName('explore:rendered').at(-1);
        return {
          view,
          path,
          renderMs: Math.round(rendered ? rendered.startTime : Number.NaN),
          bytes: nav.transferSize + resources.reduce((n, r) => n + r.transferSize, 0),
          requests: 1 + resources.length,
          graphqlRequests: resources.filter((r) => new URL(r.name).pathname === '/graphql').length,
        };
      },
      { view, path },
    );
  } finally {
    await context.close();
  }
}

/** The views measured, one URL each, on the seed. */
export function seedViews(engagementId: string): [string, string][] {
  return [
    ['home', '/explore'],
    ['search', '/explore/search?q=Larijani'],
    ['person', '/explore/person/ali-larijani'],
    ['organisation', '/explore/organisation/pakistan'],
    ['place', '/explore/place/tehran'],
    ['engagement', `/explore/engagement/${encodeURIComponent(engagementId)}`],
    ['article', '/explore/article/larijani-pakistan-visit'],
  ];
}

/** Figures as aligned text lines. */
export function formatFigures(rows: ViewFigures[]): string {
  const lines = rows.map((r) => `  ${r.view.padEnd(13)} ${String(r.renderMs).padStart(6)} ms ${String(r.bytes).padStart(9)} B  ${String(r.requests).padStart(3)} requests (${r.graphqlRequests} GraphQL)  ${r.path}`);
  return [`  ${'view'.padEnd(13)} ${'render'.padStart(9)} ${'transferred'.padStart(11)}`, ...lines].join('\n');
}
