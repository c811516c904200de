/**
 * Editor credentials for writes. Reads are public; every mutation calls `requireScope`.
 *
 * A request may present:
 * - a JWT as `Authorization: Bearer <jwt>`, verified with `jose`: HS256 with the shared secret
 *   `JWT_SECRET` (at least 32 bytes), or EdDSA (Ed25519) with the public key `JWT_PUBLIC_KEY`
 *   (SPKI PEM, or a JWK as JSON). `exp` is required; `iss` / `aud` are checked when
 *   `JWT_ISSUER` / `JWT_AUDIENCE` are set. Scopes come from the `scope` claim (space-separated,
 *   RFC 8693) or `scp` (array or string);
 * - an API key as `Authorization: Bearer <key>` or `X-API-Key: <key>`, one of `API_KEYS`
 *   (comma-separated; an editor's key, holding the write scope) or of `READ_API_KEYS` (a
 *   trusted reader's key, e.g. a server-side renderer's: the read scope only, which buys a
 *   higher rate limit, src/http/rate-limit.ts). Keys are compared in constant time: both sides
 *   are hashed with SHA-256 and every configured key's digest is compared in full, whatever
 *   matches.
 *
 * Nothing is parsed at module load (jose itself loads with the first JWT, ./jwt.ts) and nothing is
 * cached between requests: each request's credential is read from that request, once, when a
 * resolver first asks (see `authenticator`).
 *
 * Outcomes: no credential → anonymous; a credential that does not verify → 401
 * UNAUTHENTICATED (also when presented to a write: an invalid credential is never treated as
 * absent; on a server with no credentials configured the 401 says so, not "unknown API key");
 * valid but without the scope → 403 FORBIDDEN. Errors carry `extensions.http.status`
 * (graphql-yoga sets the response status from it) and, for 401, a `WWW-Authenticate` header.
 */
import type { JWTPayload } from 'jose';
import { CodedError } from '../domain/errors.ts';

/** The scope a credential needs for ingestArticle, deleteArticle and the merge mutations. */
export const WRITE_SCOPE = 'newsgraph:write';

/**
 * The scope of a trusted reader (a server-side renderer, an app's back end): reads are public,
 * but a credential holding it is counted at `RATE_LIMIT_TRUSTED` rather than per IP.
 */
export const READ_SCOPE = 'newsgraph:read';

/** Authentication settings (from the environment, see src/config.ts). */
export interface AuthConfig {
  /** HS256 shared secret (`JWT_SECRET`). */
  jwtSecret: string | null;
  /** EdDSA public key, SPKI PEM or JWK JSON (`JWT_PUBLIC_KEY`). */
  jwtPublicKey: string | null;
  /** Required `iss` (`JWT_ISSUER`). */
  jwtIssuer: string | null;
  /** Required `aud` (`JWT_AUDIENCE`). */
  jwtAudience: string | null;
  /** Editors' API keys (`API_KEYS`, comma-separated): the write scope. */
  apiKeys: readonly string[];
  /** Trusted readers' API keys (`READ_API_KEYS`, comma-separated): the read scope only. */
  readApiKeys: readonly string[];
}

export const NO_AUTH: AuthConfig = { jwtSecret: null, jwtPublicKey: null, jwtIssuer: null, jwtAudience: null, apiKeys: [], readApiKeys: [] };

/** Who is asking. `id` is stable per credential (JWT `sub`, or a digest of the API key) and never secret. */
export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'jwt' | 'api-key'; id: string; scopes: readonly string[] }
  | { kind: 'invalid'; reason: string };

const encoder = new TextEncoder();

async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
}

/** Constant-time comparison of two equal-length digests. */
function digestsEqual(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ (b[i] ?? 0);
  return diff === 0;
}

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

/**
 * The first of `names` (credential headers, lower case) that `headers` carries with a non-blank
 * value, trimmed; null when none does. Says only that a credential is present, not that it verifies.
 */
export function credentialHeader(headers: Headers, names: readonly string[]): { name: string; value: string } | null {
  for (const name of names) {
    const value = headers.get(name)?.trim();
    if (value) return { name, value };
  }
  return null;
}

/** The credential a request presents, if any. */
export function presentedCredential(headers: Headers): { type: 'jwt' | 'key'; value: string } | null {
  const authorization = headers.get('authorization');
  if (authorization) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) return { type: 'key', value: '' };
    const value = match[1]!;
    return { type: /^[\w-]+\.[\w-]+\.[\w-]*$/.test(value) ? 'jwt' : 'key', value };
  }
  const key = headers.get('x-api-key');
  return key !== null ? { type: 'key', value: key.trim() } : null;
}

function scopesOf(payload: JWTPayload): string[] {
  const out: string[] = [];
  const add = (v: unknown) => {
    if (typeof v === 'string') out.push(...v.split(/\s+/).filter(Boolean));
    else if (Array.isArray(v)) for (const x of v) if (typeof x === 'string') out.push(x);
  };
  add(payload.scope);
  add(payload.scp);
  return out;
}

async function verifyJwt(token: string, config: AuthConfig): Promise<Principal> {
  const { decodeProtectedHeader, importJWK, importSPKI, jwtVerify } = await import('./jwt.ts');
  let alg: string | undefined;
  try {
    alg = decodeProtectedHeader(token).alg;
  } catch {
    return { kind: 'invalid', reason: 'malformed token' };
  }
  let key: CryptoKey | Uint8Array;
  if (alg === 'HS256' && config.jwtSecret) {
    key = encoder.encode(config.jwtSecret);
  } else if ((alg === 'EdDSA' || alg === 'Ed25519') && config.jwtPublicKey) {
    try {
      const text = config.jwtPublicKey.trim();
      key = text.startsWith('{') ? ((await importJWK(JSON.parse(text), alg)) as CryptoKey) : await importSPKI(text, alg);
    } catch {
      return { kind: 'invalid', reason: 'the server cannot read its JWT public key' };
    }
  } else {
    return { kind: 'invalid', reason: `tokens signed with ${alg ?? 'no algorithm'} are not accepted` };
  }
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: [alg],
      requiredClaims: ['exp'],
      clockTolerance: 30,
      ...(config.jwtIssuer ? { issuer: config.jwtIssuer } : {}),
      ...(config.jwtAudience ? { audience: config.jwtAudience } : {}),
    });
    return { kind: 'jwt', id: `jwt:${payload.sub ?? 'anonymous'}`, scopes: scopesOf(payload) };
  } catch (err) {
    const code = (err as { code?: string }).code;
    return { kind: 'invalid', reason: code === 'ERR_JWT_EXPIRED' ? 'token expired' : 'token rejected' };
  }
}

async function verifyApiKey(value: string, config: AuthConfig): Promise<Principal> {
  const presented = await sha256(value);
  let editor = false;
  let reader = false;
  // No early exit: the time taken does not depend on which key (if any) matched.
  for (const key of config.apiKeys) if (digestsEqual(presented, await sha256(key))) editor = true;
  for (const key of config.readApiKeys ?? []) if (digestsEqual(presented, await sha256(key))) reader = true;
  if (!(editor || reader) || !value) return { kind: 'invalid', reason: 'unknown API key' };
  const scopes = editor && reader ? [WRITE_SCOPE, READ_SCOPE] : editor ? [WRITE_SCOPE] : [READ_SCOPE];
  return { kind: 'api-key', id: `key:${hex(presented).slice(0, 16)}`, scopes };
}

/** Whether any editor credential can verify: an API key, a JWT secret or a JWT public key. */
export function credentialsConfigured(config: AuthConfig): boolean {
  return config.apiKeys.length > 0 || (config.readApiKeys?.length ?? 0) > 0 || config.jwtSecret !== null || config.jwtPublicKey !== null;
}

/** The reason given when a server has no credentials at all (so no presented one can be right). */
export const NO_CREDENTIALS_CONFIGURED = 'no credentials are configured on this server (set API_KEYS, READ_API_KEYS, JWT_SECRET or JWT_PUBLIC_KEY)';

/** Read and verify the credential of one request. Never throws. */
export async function authenticate(headers: Headers, config: AuthConfig): Promise<Principal> {
  const credential = presentedCredential(headers);
  if (!credential) return { kind: 'anonymous' };
  if (!credentialsConfigured(config)) return { kind: 'invalid', reason: NO_CREDENTIALS_CONFIGURED };
  if (credential.type === 'jwt') return verifyJwt(credential.value, config);
  return verifyApiKey(credential.value, config);
}

/**
 * A per-request authenticator: verifies the request's credential on first call and returns
 * the same promise afterwards. Build one per request (the yoga context factory does).
 */
export function authenticator(headers: Headers, config: AuthConfig): () => Promise<Principal> {
  let result: Promise<Principal> | undefined;
  return () => (result ??= authenticate(headers, config));
}

function unauthenticated(message: string): CodedError {
  return new CodedError('UNAUTHENTICATED', message, {
    http: { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="newsgraph"' } },
  });
}

/**
 * Require a credential holding `scope`.
 * @returns the principal
 * @throws CodedError UNAUTHENTICATED (HTTP 401) without a valid credential, FORBIDDEN (403) without the scope
 */
export async function requireScope(auth: () => Promise<Principal>, scope: string = WRITE_SCOPE): Promise<Extract<Principal, { id: string }>> {
  const principal = await auth();
  if (principal.kind === 'anonymous') throw unauthenticated('Writes need an editor credential (Authorization: Bearer <token or API key>).');
  if (principal.kind === 'invalid') throw unauthenticated(`Invalid credential: ${principal.reason}.`);
  if (!principal.scopes.includes(scope)) throw new CodedError('FORBIDDEN', `This credential lacks the "${scope}" scope.`, { http: { status: 403 } });
  return principal;
}
