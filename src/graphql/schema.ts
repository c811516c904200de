/**
 * The GraphQL schema, built on import from its definition (src/graphql/schema-definition.ts).
 * `schema/schema.graphql` is printed from this (npm run schema:print).
 */
import { getSchema } from './schema-definition.ts';

export const schema = getSchema();
