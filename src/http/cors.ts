/**
 * CORS for every route: origins from the configured allow-list (`CORS_ORIGINS`, default any),
 * methods GET and POST, never credentials (the API reads no cookies; a credential travels in
 * its own header, which a preflight must allow). Preflights (`OPTIONS` with
 * `Access-Control-Request-Method`) are answered here with 204 and never reach a handler.
 * Headers are added with `withHeaders`, so responses with immutable headers (from `fetch`, a
 * cache or an assets binding) are copied rather than crashing the request.
 */
import type { MiddlewareHandler } from 'hono';
import type { CorsConfig } from '../config.ts';
import { withHeaders } from './responses.ts';

/** Methods a cross-origin page may use. */
export const CORS_METHODS = 'GET, POST';
/** Response headers a cross-origin page may read beyond the safelisted ones. */
export const CORS_EXPOSE = 'Retry-After';
const CORS_RESPONSE_HEADERS = ['access-control-allow-origin', 'access-control-allow-credentials', 'access-control-expose-headers'];

/**
 * @param config allowed origins and preflight cache lifetime
 * @param allowHeaders request headers a cross-origin page may send (content-type, the credential
 *   header, the debug and CSRF headers ...), lower case
 */
export function corsMiddleware(config: CorsConfig, allowHeaders: string[]): MiddlewareHandler {
  const allowed = config.origins === '*' ? null : new Set(config.origins);
  const allowHeadersValue = [...new Set(allowHeaders.map((h) => h.toLowerCase()))].join(', ');

  /** The Access-Control-Allow-Origin value for a request's Origin, or null (not allowed / no Origin). */
  const allowOrigin = (origin: string | undefined): string | null => {
    if (!allowed) return '*';
    if (!origin) return null;
    return allowed.has(origin.toLowerCase()) ? origin : null;
  };

  return async (c, next) => {
    const origin = c.req.header('origin');
    const acao = allowOrigin(origin);
    const vary: Record<string, string> = allowed ? { Vary: 'Origin' } : {};

    if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method')) {
      const headers: Record<string, string> = { ...vary };
      if (acao) {
        headers['Access-Control-Allow-Origin'] = acao;
        headers['Access-Control-Allow-Methods'] = CORS_METHODS;
        headers['Access-Control-Allow-Headers'] = allowHeadersValue;
        headers['Access-Control-Max-Age'] = String(config.maxAge);
      }
      // Without the Allow-* headers the browser refuses the actual request.
      return new Response(null, { status: 204, headers });
    }

    await next();
    const set: Record<string, string> = acao ? { 'Access-Control-Allow-Origin': acao, 'Access-Control-Expose-Headers': CORS_EXPOSE } : {};
    // This policy is authoritative: CORS headers of a proxied or cached response are replaced.
    const res = withHeaders(c.res, set, vary, CORS_RESPONSE_HEADERS);
    if (res !== c.res) {
      // Hono's `c.res` setter copies the previous response's headers onto the new one, which
      // would undo the changes above: clear it first.
      c.res = undefined;
      c.res = res;
    }
  };
}
