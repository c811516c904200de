/**
 * Request guards in front of the GraphQL endpoint, cheapest first: method, body size,
 * encoding, CSRF. Each refuses with a GraphQL-shaped error body (see ./responses.ts):
 *
 * | guard        | refusal                                                                  |
 * |--------------|--------------------------------------------------------------------------|
 * | method       | 405 METHOD_NOT_ALLOWED, `Allow: GET, POST, OPTIONS`                       |
 * | body size    | 413 PAYLOAD_TOO_LARGE (Content-Length, or counted while streaming)       |
 * | UTF-8        | 400 BAD_REQUEST: body or query string not valid UTF-8                    |
 * | media type   | 415 UNSUPPORTED_MEDIA_TYPE unless JSON, application/graphql or a form     |
 * | CSRF         | 403 CSRF_REJECTED for a form POST without a preflight-forcing header     |
 */
import type { Context as HonoContext, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createGraphQLError, type GraphQLParams, type Plugin } from 'graphql-yoga';
import { errorResponse } from './responses.ts';

/** Methods the endpoint serves. */
export const ALLOW = 'GET, POST, OPTIONS';

/** 405 for any other method; a plain (non-CORS) OPTIONS gets 204 with `Allow`. */
export function methodGuard(): MiddlewareHandler {
  return async (c, next) => {
    const method = c.req.method;
    if (method === 'OPTIONS') return new Response(null, { status: 204, headers: { Allow: ALLOW } });
    if (method !== 'GET' && method !== 'POST') {
      return errorResponse(c.req.raw, 405, 'METHOD_NOT_ALLOWED', `Method ${method} is not allowed: use GET or POST.`, {
        headers: { Allow: ALLOW },
      });
    }
    return next();
  };
}

/**
 * 413 when the body exceeds `maxBytes`: by its Content-Length, before reading it, else (a chunked
 * body) counted while Hono's body-limit reads it. The rest of the body is never read, so the
 * answer carries `Connection: close`: a keep-alive client must not reuse a connection whose
 * unread bytes the server discards by closing it (Node; the header is hop-by-hop and ignored by
 * the Workers runtime).
 */
export function bodySizeGuard(maxBytes: number): MiddlewareHandler {
  const tooLarge = (c: HonoContext) =>
    errorResponse(c.req.raw, 413, 'PAYLOAD_TOO_LARGE', `Request body exceeds ${maxBytes} bytes.`, {
      headers: { Connection: 'close' },
      extensions: { max: maxBytes },
    });
  const counted = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return async (c, next) => {
    const req = c.req.raw;
    if (req.method === 'GET' || req.method === 'HEAD') return next();
    // Hono's body-limit asks for `request.body` first, which makes @hono/node-server build a
    // full Request and stream for every request: the header is read here, as body-limit would.
    const length = req.headers.get('content-length');
    if (length !== null && !req.headers.has('transfer-encoding')) return Number.parseInt(length, 10) > maxBytes ? tooLarge(c) : next();
    return counted(c, next);
  };
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

/** True when every `%XX` sequence (and literal) of a query string decodes as UTF-8. */
function queryStringIsUtf8(search: string): boolean {
  if (!search.includes('%')) return true;
  try {
    for (const part of search.replace(/^\?/, '').split('&')) decodeURIComponent(part.replace(/\+/g, ' '));
    return true;
  } catch {
    return false;
  }
}

/** Is `text` a JSON object (or null, which the spec allows for an absent map)? */
function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return value === null || (typeof value === 'object' && !Array.isArray(value));
  } catch {
    return false;
  }
}

/**
 * Bodies `utf8Guard` read and decoded, by the bodiless request it handed on in their place
 * (`checkedBodyPlugin` gives them to yoga's JSON parsing).
 */
const checkedBodies = new WeakMap<Request, string>();

/** Is `request` a JSON POST as yoga tells one (`application/json` or `application/graphql+json`, parameters allowed)? */
function isJsonPost(request: Request): boolean {
  const type = request.headers.get('content-type')?.split(',')[0];
  if (!type) return false;
  return ['application/json', 'application/graphql+json'].some((t) => type === t || type.startsWith(`${t};`));
}

/**
 * 400 when a POST body or GET query string is not valid UTF-8 (the spec's only encoding; a
 * lenient decoder would turn bad bytes into U+FFFD and run a different query than was sent).
 * The body, already bounded by `bodySizeGuard`, is read once. A JSON body's text goes on to yoga
 * beside a bodiless copy of the request (`checkedBodyPlugin`), so it is neither copied into a new
 * body stream nor read and decoded a second time; other media types get a new request over the
 * bytes. A GET goes on as a bodiless copy too (see below).
 */
export function utf8Guard(): MiddlewareHandler {
  return async (c, next) => {
    const req = c.req.raw;
    const url = req.url;
    // The query string without `new URL` (a parse per request for one substring).
    const q = url.indexOf('?');
    const hash = q < 0 ? -1 : url.indexOf('#', q);
    const search = q < 0 ? '' : url.slice(q, hash < 0 ? undefined : hash);
    if (!queryStringIsUtf8(search)) {
      return errorResponse(req, 400, 'BAD_REQUEST', 'The query string is not valid percent-encoded UTF-8.');
    }
    if (req.method === 'GET') {
      if (search) {
        // GraphQL over HTTP: `variables` and `extensions` in a query string are JSON-encoded maps.
        const params = new URLSearchParams(search);
        for (const name of ['variables', 'extensions']) {
          const raw = params.get(name);
          if (raw !== null && raw !== '' && !isJsonObject(raw)) {
            return errorResponse(req, 400, 'BAD_REQUEST', `The "${name}" parameter must be a JSON-encoded map.`);
          }
        }
      }
      // yoga asks every request for its `body` (to wrap it in its size limit), which makes
      // @hono/node-server build a full Request and stream; a plain bodiless copy answers null.
      c.req.raw = new Request(url, { headers: req.headers });
    }
    if (req.method === 'POST') {
      // Not `req.body` first: in @hono/node-server that builds a stream, which arrayBuffer() skips.
      const bytes = new Uint8Array(await req.arrayBuffer());
      let text: string;
      try {
        text = fatalUtf8.decode(bytes);
      } catch {
        return errorResponse(req, 400, 'BAD_REQUEST', 'The request body is not valid UTF-8.');
      }
      if (isJsonPost(req)) {
        // Without the signal: nothing downstream reads it (yoga cancels no execution on disconnect).
        const bodiless = new Request(url, { method: 'POST', headers: req.headers });
        checkedBodies.set(bodiless, text);
        c.req.raw = bodiless;
      } else c.req.raw = new Request(req, { body: bytes });
    }
    return next();
  };
}

const badRequest = (message: string, extensions: Record<string, unknown> = {}) =>
  createGraphQLError(message, { extensions: { http: { status: 400 }, code: 'BAD_REQUEST', ...extensions } });

/**
 * yoga plugin: a JSON POST whose body `utf8Guard` read is parsed from that text, as yoga's own
 * JSON parser would parse it (same checks, messages and codes: an object or array, else 400
 * BAD_REQUEST; invalid JSON is 400 "POST body sent invalid JSON." with the parser's message in
 * `originalError`). Requests the guard did not read keep yoga's parsers.
 */
export function checkedBodyPlugin(): Plugin {
  return {
    onRequestParse({ request, setRequestParser }) {
      const text = checkedBodies.get(request);
      if (text === undefined) return;
      setRequestParser(() => {
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch (err) {
          const e = err as Error;
          throw badRequest('POST body sent invalid JSON.', { http: { spec: true, status: 400 }, originalError: { name: e.name, message: e.message } });
        }
        if (body == null) throw badRequest(`POST body is expected to be object but received ${body}`);
        if (typeof body !== 'object') throw badRequest(`POST body is expected to be object but received ${typeof body}`);
        return body as GraphQLParams;
      });
    },
  };
}

/** Content types a browser sends cross-origin without a preflight (the CORS "simple" ones). */
const SIMPLE_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);
/** POST media types yoga parses here (multipart is off: the schema takes no uploads). */
const SUPPORTED_TYPES = new Set(['application/json', 'application/graphql', 'application/x-www-form-urlencoded']);

/** Headers whose presence proves a preflight happened (any non-safelisted header would). */
export const PREFLIGHT_HEADERS = ['graphql-require-preflight', 'x-graphql-csrf', 'apollo-require-preflight', 'x-apollo-operation-name'];

/**
 * Media type and CSRF protection as the GraphQL over HTTP spec recommends: a POST must be
 * `application/json` (or `application/graphql`, or a form), else 415; a form POST, which a
 * browser sends from any page without a preflight, must also carry one of `PREFLIGHT_HEADERS`,
 * else 403. `text/plain` and multipart, the other preflight-free types, are refused outright.
 * `application/json` always forces a preflight, so CORS governs it. GET is left open: it only
 * runs queries (mutations over GET get 405) and the API reads no cookies, so a forged GET has no
 * ambient authority to abuse.
 */
export function csrfGuard(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const mediaType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!SUPPORTED_TYPES.has(mediaType)) {
      return errorResponse(
        c.req.raw,
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        mediaType ? `Unsupported media type ${mediaType}: send application/json.` : 'POST requests need Content-Type: application/json.',
      );
    }
    if (SIMPLE_TYPES.has(mediaType) && !PREFLIGHT_HEADERS.some((h) => c.req.header(h))) {
      return errorResponse(
        c.req.raw,
        403,
        'CSRF_REJECTED',
        `A ${mediaType} POST must carry a "graphql-require-preflight" header (CSRF protection); prefer application/json.`,
      );
    }
    return next();
  };
}
