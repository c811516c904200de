/**
 * The explorer from the Worker: /explore and any deep link under it answer with the explorer's
 * page (from the ASSETS binding, with its CSP), and its hashed assets are served.
 */
/// <reference types="@cloudflare/vitest-pool-workers/types" />
import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

/** The Worker under test (src/worker.ts), called through its loopback binding. */
const SELF = (exports as unknown as { default: Fetcher }).default;

const ORIGIN = 'https://newsgraph.example';

async function page(path: string): Promise<{ status: number; type: string | null; csp: string | null; html: string }> {
  const res = await SELF.fetch(`${ORIGIN}${path}`, { headers: { accept: 'text/html' } });
  return { status: res.status, type: res.headers.get('content-type'), csp: res.headers.get('content-security-policy'), html: await res.text() };
}

describe('explorer served by the Worker', () => {
  it('answers /explore and deep links with the same page', async () => {
    const home = await page('/explore');
    expect(home.status).toBe(200);
    expect(home.type).toMatch(/^text\/html/);
    expect(home.html).toContain('<title>Newsgraph explorer</title>');
    expect(home.html).toMatch(/<script type="module" crossorigin src="\/explore\/assets\/[^"]+\.js">/);
    expect(home.csp).toContain("connect-src 'self'");
    for (const path of ['/explore/', '/explore/person/x', '/explore/engagement/RW5nYWdlbWVudDo0', '/explore/search?q=Larijani']) {
      const deep = await page(path);
      expect(deep.status, path).toBe(200);
      expect(deep.html, path).toBe(home.html);
    }
  });

  it('serves the assets the page names, and 404 for one that does not exist', async () => {
    const { html } = await page('/explore/person/x');
    const assets = [...html.matchAll(/(?:src|href)="(\/explore\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
    for (const a of assets) {
      const res = await SELF.fetch(`${ORIGIN}${a}`);
      expect(res.status, a).toBe(200);
      expect(res.headers.get('content-type'), a).toMatch(a.endsWith('.css') ? /^text\/css/ : /javascript/);
      expect((await res.arrayBuffer()).byteLength, a).toBeGreaterThan(1000);
    }
    const missing = await SELF.fetch(`${ORIGIN}/explore/assets/nope.js`);
    expect(missing.status).toBe(404);
    await missing.arrayBuffer();
  });
});
