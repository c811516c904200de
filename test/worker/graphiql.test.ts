/**
 * GraphiQL from the Worker: the page the Worker serves on GET /graphql (Accept: text/html)
 * references nothing outside its own origin, and every asset it loads (stylesheet, UMD script,
 * Monaco worker scripts) is served by the Worker from its static-assets binding.
 */
/// <reference types="@cloudflare/vitest-pool-workers/types" />
import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { GRAPHIQL_ASSET_BASE, GRAPHIQL_ASSET_LIST } from '../../src/graphiql.ts';
import { fetchedPaths, isSameOriginOrInline, pageUrls } from '../helpers/graphiql-urls.ts';

/** The Worker under test (src/worker.ts, the pool's `main`), called through its loopback binding. */
const SELF = (exports as unknown as { default: Fetcher }).default;

const PAGE = 'https://newsgraph.example/graphql';

async function page(): Promise<{ status: number; type: string | null; html: string }> {
  const res = await SELF.fetch(PAGE, { headers: { accept: 'text/html,application/xhtml+xml' } });
  return { status: res.status, type: res.headers.get('content-type'), html: await res.text() };
}

describe('GraphiQL served by the Worker', () => {
  it('is an HTML page with no http(s) URL in it', async () => {
    const { status, type, html } = await page();
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/html/);
    expect(html).toContain('YogaGraphiQL.renderYogaGraphiQL');
    expect(html).not.toMatch(/https?:\/\//i);
  });

  it('references only same-origin or inline URLs', async () => {
    const { html } = await page();
    const urls = pageUrls(html);
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(isSameOriginOrInline(u, PAGE), u).toBe(true);
  });

  it('loads exactly the five GraphiQL assets, each served 200 by the Worker with a script/style type', async () => {
    const { html } = await page();
    const paths = fetchedPaths(html, PAGE).sort();
    expect(paths).toEqual(GRAPHIQL_ASSET_LIST.map((f) => `${GRAPHIQL_ASSET_BASE}/${f}`).sort());
    for (const p of paths) {
      const res = await SELF.fetch(new URL(p, PAGE).href);
      expect(res.status, p).toBe(200);
      expect(res.headers.get('content-type'), p).toMatch(p.endsWith('.css') ? /^text\/css/ : /javascript/);
      const body = await res.arrayBuffer();
      expect(body.byteLength, p).toBeGreaterThan(10_000);
    }
  });

  it('answers 404 for an asset that does not exist', async () => {
    const res = await SELF.fetch(new URL(`${GRAPHIQL_ASSET_BASE}/nope.js`, PAGE).href);
    expect(res.status).toBe(404);
    await res.arrayBuffer();
  });
});
