/**
 * GraphQL-shaped error responses for requests refused before yoga sees them (rate limits, body
 * size, CSRF, method, encoding). The body is a GraphQL response with `errors` and no `data`,
 * as the GraphQL over HTTP spec describes for request errors; its media type follows `Accept`.
 */
import type { ErrorCode } from '../domain/errors.ts';

const GRAPHQL_RESPONSE = 'application/graphql-response+json';

/** True when the client accepts `application/graphql-response+json` (the spec's preferred type). */
export function acceptsGraphQLResponse(request: Request): boolean {
  return (request.headers.get('accept') ?? '').toLowerCase().includes(GRAPHQL_RESPONSE);
}

/**
 * A response `{ "errors": [{ "message", "extensions": { "code", ...extensions } }] }`.
 * @param status HTTP status (4xx/5xx)
 * @param headers extra headers (e.g. Allow, Retry-After)
 */
export function errorResponse(
  request: Request,
  status: number,
  code: ErrorCode,
  message: string,
  options: { headers?: Record<string, string>; extensions?: Record<string, unknown> } = {},
): Response {
  const body = JSON.stringify({ errors: [{ message, extensions: { ...options.extensions, code } }] });
  const type = acceptsGraphQLResponse(request) ? GRAPHQL_RESPONSE : 'application/json';
  return new Response(body, {
    status,
    headers: { 'content-type': `${type}; charset=utf-8`, ...options.headers },
  });
}

/**
 * `response` with `headers` set, `append` values added to comma lists (once) and `remove`
 * deleted. Responses from `fetch`, the Cache API or an assets binding have immutable headers:
 * changing one throws a TypeError, so such a response is first copied into a new Response
 * (same body stream, status and headers).
 */
export function withHeaders(
  response: Response,
  headers: Record<string, string>,
  append: Record<string, string> = {},
  remove: string[] = [],
): Response {
  const apply = (r: Response) => {
    for (const k of remove) if (!(k in headers)) r.headers.delete(k);
    for (const [k, v] of Object.entries(headers)) r.headers.set(k, v);
    for (const [k, v] of Object.entries(append)) {
      const current = r.headers.get(k);
      if (!current?.split(',').some((t) => t.trim().toLowerCase() === v.toLowerCase())) r.headers.append(k, v);
    }
    return r;
  };
  try {
    return apply(response);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    return apply(new Response(response.body, response));
  }
}
