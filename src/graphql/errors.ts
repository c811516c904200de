/**
 * Expected errors with a machine-readable `extensions.code`. These are shown to clients as
 * they are; anything else is masked by the server (no SQL text or stack traces leak).
 */
import { GraphQLError } from 'graphql';

import type { ErrorCode } from '../domain/errors.ts';

export type { ErrorCode };

/** A GraphQLError carrying `extensions.code` (and optional extra extensions, e.g. `problems`). */
export function codedError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

/** Bad argument value: BAD_USER_INPUT, with the argument name in `extensions.argument`. */
export function badInput(message: string, argument?: string): GraphQLError {
  return codedError('BAD_USER_INPUT', message, argument ? { argument } : {});
}
