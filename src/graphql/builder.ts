/**
 * The one Pothos SchemaBuilder: plugins (Relay, Drizzle), the request context type and the
 * scalars. Types and root fields live in ./types/, one module per GraphQL type.
 */
import SchemaBuilder from '@pothos/core';
import DrizzlePlugin from '@pothos/plugin-drizzle';
import RelayPlugin from '@pothos/plugin-relay';
import ComplexityPlugin from '@pothos/plugin-complexity';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import type { Principal } from '../auth/credentials.ts';
import type { TextLimits } from '../config.ts';
import type { Database, RequestLoad } from '../db/client.ts';
import { relations, type Relations } from '../db/relations.ts';
import { badInput } from './errors.ts';
import { isRowId } from './ids.ts';
import { pageSizeFor } from './connections/page-sizes.ts';
import { fieldCost } from './limits.ts';

/** What every resolver receives: the request's database and its limits. */
import type { StatementCache } from './statement-cache.ts';

export interface Context {
  db: Database;
  /** Largest `first`/`last` a connection accepts (config `MAX_PAGE_SIZE`). */
  maxPageSize: number;
  /** Page size of a connection asked for neither `first` nor `last` (config `DEFAULT_PAGE_SIZE`). */
  defaultPageSize: number;
  /**
   * The request's credential, verified on first call (src/auth/credentials.ts). Optional so
   * contexts built outside HTTP (scripts, tests) need not supply it: writes then refuse.
   */
  auth?: () => Promise<Principal>;
  /** Base of Newsgraph's own URIs in exported documents (config `PUBLIC_BASE_URL`, else the request origin). */
  publicBaseUrl?: string;
  /** Limits on an article submitted as text (config `MAX_TEXT_BYTES`); absent: the defaults. */
  textLimits?: TextLimits;
  /** Cap of `boundedCount` (config `COUNT_CAP`); absent: 1000. */
  countCap?: number;
  /** The app's cache of built root-field SQL (src/graphql/statement-cache.ts); absent: no caching. */
  statements?: StatementCache;
  /** The app's GraphQL requests in flight and arrived (src/db/client.ts); absent: reads stay on the event loop. */
  requestLoad?: RequestLoad;
}

export const builder = new SchemaBuilder<{
  Context: Context;
  DrizzleRelations: Relations;
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  Scalars: {
    DateTime: { Input: string; Output: string };
    Decimal: { Input: string; Output: string };
    JSON: { Input: unknown; Output: unknown };
    ID: { Input: string; Output: string | number };
  };
}>({
  plugins: [RelayPlugin, DrizzlePlugin, ComplexityPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
    // node/nodes answer null for ids that name nothing (deleted rows, other types, non-canonical
    // numbers) instead of failing the request: a refetch of a deleted article is not an error.
    nodeQueryOptions: {
      resolve: async (_root, args, _ctx, _info, resolveNode) =>
        isRowId(args.id) ? Promise.resolve(resolveNode(args.id)).then((n: unknown) => n ?? null, nullWhenMissing) : null,
    },
    nodesQueryOptions: {
      resolve: async (_root, args, _ctx, _info, resolveNodes) => {
        const all = args.ids;
        if (all.length > MAX_NODES) throw badInput(`nodes takes at most ${MAX_NODES} ids`, 'ids');
        // The plugin resolves `args.ids` (the callback's argument is ignored): narrow it in place.
        const valid = all.filter(isRowId);
        args.ids = valid;
        let found: unknown[];
        try {
          found = valid.length ? await resolveNodes(valid) : [];
        } catch (error) {
          if (!isMissing(error)) throw error;
          // Some id names no row: resolve one by one so the others still answer (rare path).
          found = await Promise.all(
            valid.map((id) => {
              args.ids = [id];
              return resolveNodes([id]).then((n) => n[0] ?? null, nullWhenMissing);
            }),
          );
        }
        const byId = new Map(valid.map((id, i) => [id, found[i] ?? null]));
        return all.map((id) => byId.get(id) ?? null);
      },
    },
  },
  drizzle: {
    client: (ctx) => ctx.db,
    // The schema holds views too (engagement_places, search_docs): the plugin only asks for the
    // configs of tables it pages or loads, so the cast is all a view needs.
    getTableConfig: getTableConfig as never,
    relations,
    // Per request, from the config (Context): the plugin accepts `(args, ctx) => number` at run
    // time though its option type says number. `pageSizeFor` throws BAD_USER_INPUT above the max.
    defaultConnectionSize: ((_args: unknown, ctx: Context) => ctx.defaultPageSize) as unknown as number,
    maxConnectionSize: ((args: { first?: number | null; last?: number | null }, ctx: Context) =>
      pageSizeFor(args, ctx).max) as unknown as number,
  },
  // Cost per field (connections weighted by page size), enforced before execution by the
  // validation rule in ./limits.ts; the plugin's own execution-time check is off.
  complexity: { disabled: true, fieldComplexity: fieldCost },
});

builder.queryType({});

/** Most ids `nodes` resolves in one request (a page of any connection). */
export const MAX_NODES = 100;

/** The Drizzle plugin's refusal for a row that is not there ("Model people(9) not found"). */
function isMissing(error: unknown): boolean {
  return /^Model \w+\(.*\) not found$/.test(String((error as { message?: unknown })?.message ?? ''));
}

function nullWhenMissing(error: unknown): null {
  if (isMissing(error)) return null;
  throw error;
}

/** The builder's type parameters, for helpers that build fields outside a type module. */
export type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
