/**
 * The explorer's routes (the web front end built from explorer/ into public/explore/): its
 * hashed scripts and styles under /explore/assets/, and its page for /explore and every path under
 * it, so that a shared URL (/explore/person/<slug>) opens the view it names (the page routes on
 * the client with the history API).
 *
 * Files come through the entry's `assets` function (the Node entry reads public/, the Worker asks
 * its ASSETS binding); the page is asked for as `/explore/`, the path Workers static assets serve
 * explore/index.html under.
 */
import { Hono } from 'hono';

/** The path the explorer is served under. */
export const EXPLORER_BASE = '/explore';

/**
 * The page's Content-Security-Policy: scripts, styles and requests only to this origin (the
 * explorer needs no network beyond the API); no framing. Inline styles are allowed: Cytoscape
 * sets style attributes on the elements it draws in.
 */
export const EXPLORER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Routes for /explore, /explore/* and /explore/assets/*, answered from `assets` (404 when it has no such file). */
export function explorerRoutes(assets: (request: Request) => Promise<Response | null>): Hono {
  const app = new Hono();
  app.get(`${EXPLORER_BASE}/assets/*`, async (c) => (await assets(c.req.raw)) ?? c.notFound());
  const page = async (c: { req: { raw: Request; url: string } }) => {
    const res = await assets(new Request(new URL(`${EXPLORER_BASE}/`, c.req.url), { headers: c.req.raw.headers }));
    if (!res || res.status === 404) {
      return new Response('The explorer is not built: run `node src/cli/build-assets.ts`.\n', { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    }
    // A copy: the asset service's headers are immutable.
    const out = new Response(res.body, res);
    out.headers.set('content-security-policy', EXPLORER_CSP);
    out.headers.set('x-content-type-options', 'nosniff');
    out.headers.set('referrer-policy', 'same-origin');
    // Revalidate the page (it names the current hashed assets); the assets themselves never change.
    out.headers.set('cache-control', 'no-cache');
    return out;
  };
  app.get(EXPLORER_BASE, page);
  app.get(`${EXPLORER_BASE}/*`, page);
  return app;
}
