/**
 * Serve the explorer's built files from `public/explore/` for the Node entry (the Worker serves
 * the same files through its ASSETS binding).
 *
 * NODE ONLY: uses node:fs; Worker code must never import this module. The files are produced by
 * `node src/cli/build-assets.ts`.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXPLORER_BASE } from './explorer.ts';
import { fileResponse, serveGraphiQLAsset } from './graphiql-static.ts';

const ROOT = fileURLToPath(new URL('../public/explore/', import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  js: 'application/javascript; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  woff2: 'font/woff2',
};

/**
 * One explorer file by its request path: `/explore/` is the page (index.html, text/html, no-cache);
 * `/explore/assets/<name>` a built asset (hashed name: `public, max-age=31536000, immutable`).
 * Returns null for anything else: other paths, nested or dot-led names, unknown extensions,
 * missing files. Only one plain name under assets/ is accepted, so no path can leave the folder.
 */
export async function serveExplorerAsset(path: string): Promise<Response | null> {
  let file: string;
  let type: string | undefined;
  let cache: string;
  if (path === `${EXPLORER_BASE}/`) {
    file = join(ROOT, 'index.html');
    type = 'text/html; charset=utf-8';
    cache = 'no-cache';
  } else {
    const name = path.startsWith(`${EXPLORER_BASE}/assets/`) ? path.slice(`${EXPLORER_BASE}/assets/`.length) : '';
    if (!/^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/.test(name)) return null;
    type = CONTENT_TYPES[name.slice(name.lastIndexOf('.') + 1).toLowerCase()];
    file = join(ROOT, 'assets', name);
    cache = 'public, max-age=31536000, immutable';
  }
  if (!type) return null;
  return fileResponse(file, type, cache);
}

/** The Node entry's `assets` (AppDeps): explorer files under /explore/, GraphiQL's otherwise. */
export function nodeAssets(request: Request): Promise<Response | null> {
  const path = new URL(request.url).pathname;
  return path.startsWith(`${EXPLORER_BASE}/`) ? serveExplorerAsset(path) : serveGraphiQLAsset(path);
}
