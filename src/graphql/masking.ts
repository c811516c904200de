/**
 * Error masking for yoga (`maskedErrors.maskError`), on whenever config `MASK_ERRORS` is (the
 * default), whatever NODE_ENV says:
 * - a GraphQLError raised on purpose (a resolver's `codedError`, a lower layer's `CodedError`,
 *   a validation or limit rejection, yoga's request errors) passes through with its message and
 *   `extensions.code`;
 * - anything else (a libSQL/driver error, SQL text, a TypeError, a stack) becomes
 *   `{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }`;
 * - `extensions.originalError`, which yoga adds to some of its own errors (e.g. the JSON parser's
 *   message on invalid JSON), is kept out of the response body.
 */
import { GraphQLError } from 'graphql';
import { maskError as yogaMaskError, type YogaServerOptions } from 'graphql-yoga';
import { CodedError } from '../domain/errors.ts';

type MaskError = NonNullable<Extract<YogaServerOptions<object, object>['maskedErrors'], object>['maskError']>;

/**
 * Is `error` (or its cause chain) SQLite's parser refusing a statement nested too deeply?
 * libSQL's SQLite (3.45) has a fixed 100-entry parser stack: each nested relation of a
 * planned query costs about two sub-query levels, so past ~8 relations the one statement
 * cannot be parsed. That is the client's query shape, not a server fault.
 */
function nestsTooDeep(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 8; depth++) {
    if (/parser stack overflow/i.test(String((e as { message?: unknown }).message ?? ''))) return true;
    e = (e as { originalError?: unknown; cause?: unknown }).originalError ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Mask like yoga in production mode (`isDev` forced false), then hide `extensions.originalError`
 * from the response body: it is made non-enumerable in place, so JSON serialisation skips it
 * while yoga's status logic still sees it (a non-GraphQL `originalError`, e.g. the JSON parser's
 * SyntaxError, is how yoga keeps 400 for unparseable bodies under `Accept: application/json`).
 * In place, because yoga logs every error its mask function replaces, and a client's malformed
 * JSON is not worth a log line (a flood of them would be a cheap way to fill the logs).
 */
export const maskError: MaskError = (error, message) => {
  if (nestsTooDeep(error)) {
    const path = error instanceof GraphQLError ? error.path : undefined;
    return new GraphQLError(
      'The selection nests more relations than one SQL statement can hold (about 8 levels; ' +
        'Article.people/organisations/places count as two). Split it into two requests.',
      { path, extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'relationNesting' } },
    );
  }
  // An expected error from a lower layer (src/domain/errors.ts): graphql-js already copied its
  // code onto the GraphQLError; pass it through like a resolver's own codedError.
  if (error instanceof GraphQLError && error.originalError instanceof CodedError) return error;
  const masked = yogaMaskError(error, message, false);
  const extensions = masked instanceof GraphQLError ? (masked.extensions as Record<string, unknown>) : undefined;
  if (extensions && Object.prototype.propertyIsEnumerable.call(extensions, 'originalError')) {
    Object.defineProperty(extensions, 'originalError', { value: extensions.originalError, enumerable: false });
  }
  return masked;
};
