/**
 * Newsgraph's own URIs for what it publishes: `<base>/articles/<slug>`, `<base>/people/<slug>`,
 * `<base>/organisations/<slug>`, `<base>/places/<slug>`, `<base>/engagements/<id>`.
 *
 * They are absolute `https` (or `http`) URLs of routes the app serves (src/export/routes.ts),
 * answering JSON-LD, so a ninjs `uri` in an exported document resolves back to this API. The
 * base is the configured public base URL (`PUBLIC_BASE_URL`) or, when that is unset, the
 * request's origin. Re-ingesting a document that carries these URIs resolves each entity to
 * the one it names (see `parseOwnUri` and the loader), so an export round-trips.
 */
import { NODE_KINDS, type UriKind } from '../domain/vocabulary.ts';

/** The kind whose URIs have this path segment (`NODE_KINDS[kind].path`). */
const KIND_OF_PATH = new Map<string, UriKind>();
for (const [kind, { path }] of Object.entries(NODE_KINDS)) if (path) KIND_OF_PATH.set(path, kind as UriKind);

/** A base URL without its trailing slash. */
export function trimBase(base: string): string {
  return base.replace(/\/+$/, '');
}

/** The URI of an entity: `ref` is the slug (the engagement's row id for engagements). */
export function entityUri(base: string, kind: UriKind, ref: string | number): string {
  return `${trimBase(base)}/${NODE_KINDS[kind].path}/${encodeURIComponent(String(ref))}`;
}

/**
 * Recognise one of our own URIs under any of `bases`.
 * @returns the kind and the slug (or engagement id, as a string), or null for any other URI
 */
export function parseOwnUri(uri: string, bases: readonly string[]): { kind: UriKind; ref: string } | null {
  for (const base of bases) {
    const prefix = `${trimBase(base)}/`;
    if (!uri.startsWith(prefix)) continue;
    const [segment, ref, ...rest] = uri.slice(prefix.length).split('/');
    const kind = segment ? KIND_OF_PATH.get(segment) : undefined;
    if (!kind || !ref || rest.length || /[?#]/.test(ref)) continue;
    try {
      return { kind, ref: decodeURIComponent(ref) };
    } catch {
      return null;
    }
  }
  return null;
}
