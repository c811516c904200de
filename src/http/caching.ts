/**
 * HTTP caching of GraphQL answers (RFC 9111 Cache-Control, RFC 9110 validators):
 *
 * | answer                                                         | Cache-Control                                   | ETag |
 * |----------------------------------------------------------------|-------------------------------------------------|------|
 * | GET query (text, APQ hash or documentId), 200, no errors, no credential, not introspection | `public, max-age=N, stale-while-revalidate=M` | strong, SHA-256 of the body |
 * | anything else: POST, mutations, errors, a credential, introspection | `private, no-store`                        | none |
 *
 * `Vary` (on public answers: the others are never stored) names every request header that
 * changes the answer: `Accept` (media type), the credential headers and the debug header. A GET whose `If-None-Match` matches the ETag gets
 * 304 with no body. The answer is computed first, so a 304 costs no SQL only when the response
 * cache holds the answer (src/graphql/delivery/response-cache.ts).
 */
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

/** A strong entity tag: the quoted base64url SHA-256 of `bytes`. */
export async function strongETag(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return `"${btoa(String.fromCharCode(...digest)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}"`;
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
 * @param delivery what the GraphQL layer learnt about the request (introspection)
 */
export async function withHttpCaching(request: Request, response: Response, delivery: DeliveryState, options: HttpCachingOptions): Promise<Response> {
  const headers = new Headers(response.headers);
  // yoga's response cache sets its own validators (the cache key); only ours are sent.
  headers.delete('ETag');
  headers.delete('Last-Modified');
  const credentialed = options.credentialHeaders.some((h) => request.headers.get(h)?.trim());
  if (request.method !== 'GET' || response.status !== 200 || credentialed || delivery.introspection) {
    headers.set('Cache-Control', NO_STORE);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  let hasErrors = true;
  try {
    hasErrors = (JSON.parse(new TextDecoder().decode(bytes)) as { errors?: unknown[] }).errors !== undefined;
  } catch {}
  if (hasErrors) {
    headers.set('Cache-Control', NO_STORE);
    return new Response(bytes, { status: response.status, headers });
  }
  const etag = await strongETag(bytes);
  headers.set('ETag', etag);
  // Only answers a cache may store need Vary (CORS adds Origin when origins are listed).
  headers.set('Vary', ['Accept', ...options.credentialHeaders, options.debugHeader].join(', '));
  headers.set('Cache-Control', `public, max-age=${options.maxAge}, stale-while-revalidate=${options.staleWhileRevalidate}`);
  if (ifNoneMatchMatches(request.headers.get('if-none-match'), etag)) {
    for (const h of ['content-type', 'content-length']) headers.delete(h);
    return new Response(null, { status: 304, headers });
  }
  return new Response(bytes, { status: 200, headers });
}
