/**
 * Expected errors, in the API's words: a machine-readable `code` (GraphQL `extensions.code`)
 * and, where it is not 200, the HTTP status. Lower layers (search, auth, ingest) throw
 * `CodedError`; graphql-js copies an error's `extensions` onto the GraphQLError it wraps it in,
 * and the masking (src/graphql/masking.ts) lets it through as an expected error.
 */

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

/**
 * An expected error: `extensions` = `{ code, ...extra }`, where `extra` may hold `argument`,
 * `problems`, or `http: { status, headers }` (read by yoga for the response status).
 */
export class CodedError extends Error {
  readonly extensions: Record<string, unknown> & { code: ErrorCode };
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message);
    this.name = 'CodedError';
    this.extensions = { ...extra, code };
  }
}

/** Bad argument value: BAD_USER_INPUT, with the argument name in `extensions.argument`. */
export function badUserInput(message: string, argument?: string): CodedError {
  return new CodedError('BAD_USER_INPUT', message, argument ? { argument } : {});
}
