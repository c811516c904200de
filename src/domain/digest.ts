/**
 * SHA-256 digests (FIPS 180-4) of text (its UTF-8 bytes) or bytes, computed synchronously with
 * node:crypto (Node, and workerd with nodejs_compat): WebCrypto's `digest` costs Node a
 * thread-pool round trip per call, more than the rest of a small request.
 */
import { createHash } from 'node:crypto';

/**
 * The SHA-256 of `data`.
 * @param encoding `hex` (lower case, 64 characters) or `base64url` (unpadded, 43 characters)
 */
export function sha256Digest(data: string | Uint8Array, encoding: 'hex' | 'base64url' = 'hex'): string {
  return createHash('sha256').update(data).digest(encoding);
}
