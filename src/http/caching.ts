/**
 * HTTP caching of GraphQL answers (RFC 9111 Cache-Control, RFC 9110 validators):
 *
 * | answer                                                         | Cache-Control                                   | ETag |
 * |----------------------------------------------------------------|-------------------------------------------------|------|
 * | GET query (text, APQ hash or documentId), 200, no errors, no credential, not introspection | `public, max-age=N, stale-while-revalidate=M` | strong, SHA-256 of the body |
 * | the same GET with the debug header (its answer carries per-request statistics) | `private, no-store` | strong, as above |
| anything else: POST, mutations, errors, a credential, introspection | `private, no-store`                        | none |
 *
 * `Vary` (on public answers: the others are never stored) names every request header that
 * changes the answer: `Accept` (media type), the credential headers and the debug header; CDNs
 * ignore Vary on arbitrary headers, so a debug answer is never public. A GET whose `If-None-Match` matches the ETag gets
 * 304 with no body. The answer is computed first, so a 304 costs no SQL only when the response
 * cache holds the answer (src/graphql/delivery/response-cache.ts).
 */
import { credentialHeader } from '../auth/credentials.ts';
import { sha256Digest } from '../domain/digest.ts';
import type { DeliveryState } from '../graphql/delivery/response-cache.ts';

/** Settings of `withHttpCaching`. */
export interface HttpCachingOptions {
  /** `max-age`, seconds. */
  maxAge: number;
  /** `stale-while-revalidate`, seconds. */
  staleWhileRevalidate: number;
  /** Request headers that carry a credential (lower case). */
  credentialHeaders: readonly string[];
  /** The debug header (its answers carry statistics). */
  debugHeader: string;
}

/** The `Cache-Control` of every answer a shared cache must not keep. */
export const NO_STORE = 'private, no-store';

/**
 * A strong entity tag: the quoted base64url (unpadded) SHA-256 of `body` (a string: of its UTF-8
 * bytes). node:crypto (Node, and workerd with nodejs_compat) hashes synchronously; WebCrypto's
 * `digest` costs Node a thread-pool round trip, more than the rest of a small answer.
 */
export function strongETag(body: string | Uint8Array): string {
  return `"${sha256Digest(body, 'base64url')}"`;
}

/** Does `If-None-Match` (a list of entity tags, or `*`) match `etag`? Weak comparison, as RFC 9110 §13.1.2 asks. */
export function ifNoneMatchMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => opaque(tag) === opaque(etag));
}

/**
 * Set the caching headers of a GraphQL answer, or answer 304 to a matching `If-None-Match`.
 * @param response yoga's answer to `request` (its body is read when it may be cached)
 * @param delivery what the GraphQL layer learnt about the request (introspection, errors)
 */
export async function withHttpCaching(request: Request, response: Response, delivery: DeliveryState, options: HttpCachingOptions): Promise<Response> {
  // The answer is rebuilt with its body as one string and its headers as a plain record: the
  // Node server then writes it in one piece (a streamed body costs a write per chunk), and a
  // public answer needs its text for the ETag anyway. yoga's response cache sets its own
  // validators (the cache key): only ours are sent.
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    // yoga's Headers (a ponyfill in Node) may keep the case a header was set with.
    const key = name.toLowerCase();
    if (key !== 'etag' && key !== 'last-modified') headers[key] = value;
  });
  const body = response.body === null ? null : await response.text();
  const credentialed = credentialHeader(request.headers, options.credentialHeaders) !== null;
  if (request.method !== 'GET' || response.status !== 200 || credentialed || delivery.introspection || delivery.errors || body === null) {
    headers['cache-control'] = NO_STORE;
    return new Response(body, { status: response.status, statusText: response.statusText, headers });
  }
  const etag = strongETag(body);
  headers.etag = etag;
  // Only answers a cache may store need Vary (CORS adds Origin when origins are listed).
  headers.vary = ['Accept', ...options.credentialHeaders, options.debugHeader].join(', ');
  // A debug answer keeps its ETag (revalidation is what `cache` debugging measures) but no shared cache may keep it.
  const debug = !!request.headers.get(options.debugHeader)?.trim();
  headers['cache-control'] = debug ? NO_STORE : `public, max-age=${options.maxAge}, stale-while-revalidate=${options.staleWhileRevalidate}`;
  if (ifNoneMatchMatches(request.headers.get('if-none-match'), etag)) {
    delete headers['content-type'];
    delete headers['content-length'];
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { status: 200, headers });
}
