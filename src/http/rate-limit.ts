/**
 * Rate limiting per client. A request carrying a credential (`CREDENTIAL_HEADERS`, default
 * `authorization` and `x-api-key`) that verifies (src/auth/) is counted per credential (its
 * SHA-256, never the secret itself): at `RATE_LIMIT_TRUSTED` when it holds the read scope (a
 * trusted reader's key, `READ_API_KEYS`: a server-side renderer serving many readers from one
 * address), else at `RATE_LIMIT_CREDENTIAL`. Everything else, a credential that does not verify
 * included (it must not buy a bucket of its own), is counted per client IP (an IPv6 address per
 * /64, the block one subscriber gets). The IP comes from the socket, or from `TRUSTED_IP_HEADER`
 * when a proxy you control sets it (`cf-connecting-ip` on Cloudflare).
 *
 * Two back ends behind one interface:
 * - Cloudflare's Workers Rate Limiting bindings (`RateLimiterBinding`), passed by the Worker
 *   entry; their limit and period are set in wrangler.toml;
 * - `TokenBucketLimiter`, in process, for the Node entry (and a Worker without the binding of
 *   a kind): `limit` requests per window, refilled continuously, memory bounded by `maxKeys`.
 * A refused request gets 429 with `Retry-After` (seconds) and `extensions.code: RATE_LIMITED`.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { authenticate, credentialHeader, NO_AUTH, READ_SCOPE, type AuthConfig, type Principal } from '../auth/credentials.ts';
import type { RateLimitConfig } from '../config.ts';
import { sha256Digest } from '../domain/digest.ts';
import { errorResponse } from './responses.ts';

/** Cloudflare's Workers Rate Limiting binding (`[[ratelimits]]` in wrangler.toml). */
export interface RateLimiterBinding {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

/** Outcome of one attempt: allowed, or refused with seconds until a request would be allowed. */
export type Verdict = { ok: true } | { ok: false; retryAfter: number };

/**
 * Token buckets keyed by client: each holds up to `capacity` tokens and refills at
 * `capacity / windowSeconds` per second; a request takes one.
 */
export class TokenBucketLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly ratePerMs: number;
  private readonly capacity: number;
  private readonly maxKeys: number;

  /**
   * @param capacity requests allowed in a burst (and per window on average)
   * @param windowSeconds time to refill an empty bucket completely
   * @param maxKeys most clients tracked; beyond it, full (idle) buckets are dropped, then the oldest
   */
  constructor(capacity: number, windowSeconds: number, maxKeys = 50_000) {
    this.capacity = capacity;
    this.maxKeys = maxKeys;
    this.ratePerMs = capacity / (windowSeconds * 1000);
  }

  /** Take one token for `key` at time `now` (ms). */
  take(key: string, now = Date.now()): Verdict {
    let bucket = this.buckets.get(key);
    if (bucket) {
      bucket.tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.at) * this.ratePerMs);
      bucket.at = now;
    } else {
      if (this.buckets.size >= this.maxKeys) this.evict(now);
      bucket = { tokens: this.capacity, at: now };
      this.buckets.set(key, bucket);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfter: Math.max(1, Math.ceil((1 - bucket.tokens) / this.ratePerMs / 1000)) };
  }

  /** Number of clients tracked. */
  get size(): number {
    return this.buckets.size;
  }

  private evict(now: number) {
    for (const [key, b] of this.buckets) {
      if (b.tokens + (now - b.at) * this.ratePerMs >= this.capacity) this.buckets.delete(key);
    }
    // Still full of active clients: drop the least recently created tenth.
    if (this.buckets.size >= this.maxKeys) {
      let n = Math.ceil(this.maxKeys / 10);
      for (const key of this.buckets.keys()) {
        if (n-- <= 0) break;
        this.buckets.delete(key);
      }
    }
  }
}

/**
 * The client's IP for rate limiting.
 * @returns the trusted header's value (`x-forwarded-for`: its rightmost entry, the one the proxy
 *   added), else the socket's remote address (Node: `c.env.incoming`), else `"unknown"`;
 *   IPv4-mapped IPv6 becomes IPv4, other IPv6 its /64 prefix
 */
export function clientIp(c: Context, trustedHeader: RateLimitConfig['trustedIpHeader']): string {
  let ip: string | undefined;
  if (trustedHeader) {
    const value = c.req.header(trustedHeader);
    if (value) ip = trustedHeader === 'x-forwarded-for' ? value.split(',').map((s) => s.trim()).filter(Boolean).at(-1) : value.trim();
  }
  if (!ip) {
    const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
    ip = env?.incoming?.socket?.remoteAddress;
  }
  return ip ? normaliseIp(ip) : 'unknown';
}

/** IPv4 as is; `::ffff:a.b.c.d` as `a.b.c.d`; other IPv6 as its first four groups (`/64`). */
export function normaliseIp(ip: string): string {
  const s = ip.trim().toLowerCase().replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (mapped) return mapped[1]!;
  if (!s.includes(':')) return s;
  const [head = '', tail = ''] = s.split('::');
  const h = head ? head.split(':') : [];
  const t = s.includes('::') ? (tail ? tail.split(':') : []) : [];
  const groups = s.includes('::') ? [...h, ...Array(Math.max(0, 8 - h.length - t.length)).fill('0'), ...t] : h;
  return `${groups.slice(0, 4).map((g) => (g || '0').replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/**
 * The principals the middleware verified, by request context (the guards may replace
 * `c.req.raw`, never `c`): the GraphQL context reuses them
 * (`verifiedPrincipal`) rather than verifying the credential (a JWT signature, the API key
 * digests) a second time.
 */
const verified = new WeakMap<Context, Principal>();

/** The principal `rateLimitMiddleware` verified for the request of `c` (with the `auth` it was given), if it verified one. */
export function verifiedPrincipal(c: Context): Principal | undefined {
  return verified.get(c);
}

/** How a request is counted: per IP, per editor credential, or per trusted reader's credential. */
export type ClientKind = 'anonymous' | 'credential' | 'trusted';

/**
 * The limiter key of a request: `cred:<sha256 prefix of the principal's id>` when it carries a
 * credential that verifies against `auth` (kind `trusted` when it holds the read scope, else `credential`),
 * else `ip:<address>` (kind `anonymous`), a credential that does not verify included.
 */
export async function clientKey(c: Context, config: RateLimitConfig, auth: AuthConfig = NO_AUTH): Promise<{ key: string; kind: ClientKind }> {
  if (credentialHeader(c.req.raw.headers, config.credentialHeaders)) {
    const principal = await authenticate(c.req.raw.headers, auth);
    verified.set(c, principal);
    // Keyed on who verified (the key's digest, the JWT's subject), not on the header's text: one
    // key sent in either header, or fresh tokens of one subject, share one bucket. The first 16
    // bytes of the digest are enough to tell clients apart.
    if (principal.kind !== 'anonymous' && principal.kind !== 'invalid') {
      return { key: `cred:${sha256Digest(principal.id).slice(0, 32)}`, kind: principal.scopes.includes(READ_SCOPE) ? 'trusted' : 'credential' };
    }
  }
  return { key: `ip:${clientIp(c, config.trustedIpHeader)}`, kind: 'anonymous' };
}

/**
 * Optional Cloudflare bindings: one for anonymous clients, one for editor credentials (defaults
 * to the first), one for trusted readers (no default: without it their higher limit is kept in
 * process, never the anonymous binding's).
 */
export interface RateLimitBindings {
  anonymous?: RateLimiterBinding;
  credential?: RateLimiterBinding;
  trusted?: RateLimiterBinding;
}

/**
 * Hono middleware counting each request against its client's limit; 429 when refused. A limit
 * of 0 in the config turns that kind of limiting off. A failing binding lets requests through
 * (an outage of the limiter must not take the API down).
 * @param auth the credentials a presented one is verified against (AppConfig.auth); without
 *   them every request is counted per IP
 */
export function rateLimitMiddleware(config: RateLimitConfig, bindings: RateLimitBindings = {}, auth: AuthConfig = NO_AUTH): MiddlewareHandler {
  const bucket = (n: number) => (n > 0 ? new TokenBucketLimiter(n, config.windowSeconds) : null);
  const local: Record<ClientKind, TokenBucketLimiter | null> = {
    anonymous: bucket(config.anonymous),
    credential: bucket(config.credential),
    trusted: bucket(config.trusted),
  };
  const binding: Record<ClientKind, RateLimiterBinding | undefined> = {
    anonymous: bindings.anonymous,
    credential: bindings.credential ?? bindings.anonymous,
    trusted: bindings.trusted,
  };

  return async (c, next) => {
    const { key, kind } = await clientKey(c, config, auth);
    if (!local[kind]) return next();
    let verdict: Verdict;
    const remote = binding[kind];
    if (remote) {
      try {
        verdict = (await remote.limit({ key })).success ? { ok: true } : { ok: false, retryAfter: config.windowSeconds };
      } catch (e) {
        console.error('rate limiter binding failed; request let through', e);
        verdict = { ok: true };
      }
    } else {
      verdict = local[kind]!.take(key);
    }
    if (verdict.ok) return next();
    return errorResponse(c.req.raw, 429, 'RATE_LIMITED', `Too many requests: retry after ${verdict.retryAfter} s.`, {
      headers: { 'Retry-After': String(verdict.retryAfter) },
      extensions: { retryAfter: verdict.retryAfter },
    });
  };
}
