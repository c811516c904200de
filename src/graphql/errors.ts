/**
 * Expected errors with a machine-readable `extensions.code`. These are shown to clients as
 * they are; anything else is masked by the server (no SQL text or stack traces leak).
 */
import { GraphQLError } from 'graphql';

/** Codes a client can branch on. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'INVALID_CURSOR'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'RATE_LIMITED'
  | 'QUERY_TOO_COMPLEX'
  // Request-level rejections (src/http/, yoga), never raised by resolvers:
  | 'BAD_REQUEST'
  | 'GRAPHQL_PARSE_FAILED'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'METHOD_NOT_ALLOWED'
  | 'CSRF_REJECTED'
  | 'INTERNAL_SERVER_ERROR';

/** A GraphQLError carrying `extensions.code` (and optional extra extensions, e.g. `problems`). */
export function codedError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

/** Bad argument value: BAD_USER_INPUT, with the argument name in `extensions.argument`. */
export function badInput(message: string, argument?: string): GraphQLError {
  return codedError('BAD_USER_INPUT', message, argument ? { argument } : {});
}
