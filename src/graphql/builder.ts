/**
 * The one Pothos SchemaBuilder: plugins (Relay, Drizzle), the request context type and the
 * scalars. Types and root fields live in ./types/, one module per GraphQL type.
 */
import SchemaBuilder from '@pothos/core';
import DrizzlePlugin from '@pothos/plugin-drizzle';
import RelayPlugin from '@pothos/plugin-relay';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import type { Database } from '../db/client.ts';
import { relations, type Relations } from '../db/relations.ts';

/** What every resolver receives: the request's database and its limits. */
export interface Context {
  db: Database;
  /** Largest `first`/`last` a connection accepts (config `MAX_PAGE_SIZE`). */
  maxPageSize: number;
}

export const builder = new SchemaBuilder<{
  Context: Context;
  DrizzleRelations: Relations;
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  Scalars: {
    DateTime: { Input: string; Output: string };
    JSON: { Input: unknown; Output: unknown };
    ID: { Input: string; Output: string | number };
  };
}>({
  plugins: [RelayPlugin, DrizzlePlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
  },
  drizzle: {
    client: (ctx) => ctx.db,
    getTableConfig,
    relations,
    defaultConnectionSize: 20,
    maxConnectionSize: 100,
  },
});

builder.queryType({});
