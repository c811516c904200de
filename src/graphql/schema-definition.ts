/**
 * The GraphQL schema's definition: imports every type module for its side effects (each registers
 * its types on the builder) and builds the schema on first use. The Worker builds it with its app,
 * on the first request, not while its module is evaluated at start-up (src/worker.ts);
 * src/graphql/schema.ts builds it on import for the Node entry, the CLIs and the tests.
 */
import type { GraphQLSchema } from 'graphql';
import { builder } from './builder.ts';
import './types/partial-date.ts';
import './types/cameo.ts';
import './types/filters.ts';
import './types/actor.ts';
import './types/place.ts';
import './types/person.ts';
import './types/organisation.ts';
import './types/role.ts';
import './types/engagement.ts';
import './types/quote.ts';
import './types/article.ts';
import './types/ingest-text.ts';
import './types/search.ts';
import './types/possible-duplicate.ts';
import './types/extraction.ts';
import './types/facets.ts';

builder.scalarType('DateTime', {
  description: 'An ISO 8601 timestamp in UTC, e.g. 2025-11-24T09:30:00Z.',
  serialize: (v) => v,
  parseValue: (v) => String(v),
});
builder.scalarType('JSON', {
  description: 'Arbitrary JSON (used for ninjs and JSON-LD documents).',
  serialize: (v) => v,
  parseValue: (v) => v,
});

let built: GraphQLSchema | undefined;

/**
 * The schema, built by the first call (tens of milliseconds: Pothos runs its plugins over every
 * field, then sorts the schema) and the same object on every later call.
 */
export function getSchema(): GraphQLSchema {
  // toSchema already sorts the schema lexicographically (Pothos' `sortSchema`, on by default):
  // sorting it again rebuilt every type a second time at Worker start-up.
  built ??= builder.toSchema();
  return built;
}
