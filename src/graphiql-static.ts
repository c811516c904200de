/**
 * Serve the GraphiQL assets from `public/graphiql-assets/` for the Node entry.
 *
 * NODE ONLY: uses node:fs. The Cloudflare Worker serves the same files through
 * its static-assets (ASSETS) binding, so Worker code must never import this
 * module (keep it out of the Worker's import graph).
 *
 * The files are produced by `node src/cli/build-assets.ts`.
 */
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GRAPHIQL_ASSET_BASE } from './graphiql.ts';

const ASSET_ROOT = resolve(fileURLToPath(new URL('../public/graphiql-assets/', import.meta.url)));

const CONTENT_TYPES: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  js: 'application/javascript; charset=utf-8',
};

/**
 * Look up one asset. `path` may be the full request path
 * (`/graphiql-assets/graphiql.css`) or the part after the prefix
 * (`graphiql.css`, `monacoeditorwork/json.worker.bundle.js`); percent-encoding
 * is decoded. Returns a 200 Response with the file, its Content-Type and
 * `cache-control: public, max-age=86400`, or null when the path is not a
 * servable asset (missing file, directory, unknown extension, `.`/`..`
 * segments, backslashes, NUL, malformed encoding, or anything resolving
 * outside the asset directory).
 */
export async function serveGraphiQLAsset(path: string): Promise<Response | null> {
  let p = path.split(/[?#]/, 1)[0] ?? '';
  try {
    p = decodeURIComponent(p);
  } catch {
    return null;
  }
  if (p === GRAPHIQL_ASSET_BASE || p.startsWith(`${GRAPHIQL_ASSET_BASE}/`)) {
    p = p.slice(GRAPHIQL_ASSET_BASE.length);
  }
  p = p.replace(/^\/+/, '');
  if (p === '' || p.includes('\\') || p.includes('\0')) return null;
  const segments = p.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return null;

  const ext = /\.([a-z0-9]+)$/i.exec(p)?.[1]?.toLowerCase();
  const contentType = ext ? CONTENT_TYPES[ext] : undefined;
  if (!contentType) return null;

  const file = resolve(join(ASSET_ROOT, ...segments));
  const rel = relative(ASSET_ROOT, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null;

  return fileResponse(file, contentType, 'public, max-age=86400');
}

/**
 * A file as a 200 Response with its Content-Type, Content-Length, `cache-control` and
 * Last-Modified; null when it is missing or not a file. The caller has already confined `file`
 * to its folder.
 * @throws the file system's other errors (permissions, I/O)
 */
export async function fileResponse(file: string, contentType: string, cacheControl: string): Promise<Response | null> {
  try {
    const info = await stat(file);
    if (!info.isFile()) return null;
    const body = await readFile(file);
    return new Response(body, {
      status: 200,
      headers: {
        'content-type': contentType,
        'content-length': String(body.byteLength),
        'cache-control': cacheControl,
        'last-modified': info.mtime.toUTCString(),
      },
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') {
      return null;
    }
    throw err;
  }
}
