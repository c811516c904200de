/**
 * The root fields of the named entities, one factory for person, organisation and place:
 * - `Query.<one>(id | slug)`: a lookup (src/graphql/lookups.ts), one statement;
 * - `Query.<many>(query, orderBy, ...)`: the root connection, a name query (prefix of a folded
 *   word of the name or an alias: connections/name-query.ts) in name order, with `totalCount`
 *   in the page's statement (connections/totals.ts);
 * - `Mutation.merge<Many>(keep, merge)`: fold one record into another (src/ingest/merge.ts),
 *   editor credential required.
 * Each type module (person.ts, organisation.ts, place.ts) calls it once with its node type.
 */
import type { ArgBuilder, ObjectRef } from '@pothos/core';
import type { GraphQLResolveInfo } from 'graphql';
import { requireScope } from '../../auth/credentials.ts';
import type { Database } from '../../db/client.ts';
import { builder, type BuilderTypes, type Context } from '../builder.ts';
import { codedError } from '../errors.ts';
import { decodeId } from '../ids.ts';
import { lookupArgs, lookupWhere } from '../lookups.ts';
import { runPlanned } from '../statement-cache.ts';
import { cursorSpace, type ConnectionArgs } from '../connections/cursors.ts';
import { nameOrder } from '../connections/orderings.ts';
import { countRows, keepTotal, withTotal } from '../connections/totals.ts';
import { NameOrderEnum } from './filters.ts';

type EntityTable = 'people' | 'organisations' | 'places';

/** What differs between people, organisations and places. */
interface EntityRoots<Args extends object> {
  table: EntityTable;
  /** The node type and its GraphQL name. */
  node: ObjectRef<BuilderTypes, object>;
  typename: 'Person' | 'Organisation' | 'Place';
  /** Root field names: the lookup, the list, the merge mutation. */
  one: 'person' | 'organisation' | 'place';
  many: EntityTable;
  /** The merge mutation, named as its writer in src/ingest/merge.ts (which throws MergeRefused). */
  merge: 'mergePeople' | 'mergeOrganisations' | 'mergePlaces';
  /** The `query` argument's description. */
  queryDescription: string;
  /** Arguments the list takes besides `query` and `orderBy` (organisations: `kinds`). */
  filterArgs?: (arg: ArgBuilder<BuilderTypes>) => Record<string, unknown>;
  /** The list's `where` for its arguments (name query and filters). */
  where: (args: Args & ListArgs) => object;
  /** The merge mutation's description. */
  mergeDescription: string;
  /** "person", for the message when the kept row is gone. */
  noun: string;
}

/** The arguments of a root entity list (besides `filterArgs`). */
type ListArgs = ConnectionArgs & { query?: string | null; orderBy?: 'NAME_ASC' | 'NAME_DESC' | null };

/** A query API of one entity table, as the root fields use it. */
type EntityQueries = {
  findFirst: (config: unknown) => PromiseLike<unknown>;
  findMany: (config: unknown) => PromiseLike<unknown[]>;
};

/**
 * Define the root fields of one entity type and its connection type
 * (`<Typename>Connection` / `<Typename>Edge`, cursor space "<Typename>:<NameOrder>").
 * @returns the connection type
 */
export function entityRootFields<Args extends object>(entity: EntityRoots<Args>) {
  const cursors = cursorSpace(entity.typename, 'NAME_ASC');
  const queries = (db: Database) => db.query[entity.table] as unknown as EntityQueries;

  const connection = builder.connectionObject(
    { type: entity.node, name: `${entity.typename}Connection`, fields: cursors.connectionFields },
    { name: `${entity.typename}Edge`, fields: cursors.edgeFields },
  );

  builder.queryFields((t) => ({
    [entity.one]: t.drizzleField({
      type: entity.table,
      nullable: true,
      args: lookupArgs,
      resolve: (query: (q: object) => unknown, _root: unknown, args: { id?: string | null; slug?: string | null }, ctx: Context, info: GraphQLResolveInfo) => {
        const where = lookupWhere(entity.typename, args);
        return where ? runPlanned(ctx, info, queries(ctx.db).findFirst(query({ where }))) : null;
      },
    } as never),
    [entity.many]: t.drizzleConnection(
      {
        type: entity.table,
        args: {
          query: t.arg.string({ required: false, description: entity.queryDescription }),
          ...entity.filterArgs?.(t.arg),
          orderBy: t.arg({ type: NameOrderEnum, required: false }),
        },
        totalCount: (_parent: unknown, args: Args & ListArgs, ctx: Context) => {
          cursors.prepare(args);
          return countRows(queries(ctx.db) as never, entity.where(args));
        },
        resolve: (query: (q: object) => unknown, _root: unknown, args: Args & ListArgs, ctx: Context, info: GraphQLResolveInfo) => {
          cursors.prepare(args);
          const q = { where: entity.where(args), ...nameOrder(args.orderBy) };
          return keepTotal(args, runPlanned(ctx, info, queries(ctx.db).findMany(query(withTotal(q, info, entity.table)))));
        },
      } as never,
      connection,
    ),
  }));

  builder.mutationFields((t) => ({
    [entity.merge]: t.drizzleField({
      type: entity.table,
      description: entity.mergeDescription,
      args: { keep: t.arg.id({ required: true }), merge: t.arg.id({ required: true }) },
      resolve: async (query: (q: object) => unknown, _root: unknown, args: { keep: string; merge: string }, ctx: Context) => {
        await requireScope(ctx.auth ?? (async () => ({ kind: 'anonymous' }) as const));
        const keep = decodeId(String(args.keep), [entity.typename], 'keep').id;
        const merge = decodeId(String(args.merge), [entity.typename], 'merge').id;
        // The write path loads on the first merge, not at Worker start-up.
        const merges = await import('../../ingest/merge.ts');
        try {
          await merges[entity.merge](ctx.db, keep, merge);
        } catch (err) {
          if (err instanceof merges.MergeRefused) throw codedError(err.code, err.message);
          throw err;
        }
        const kept = await queries(ctx.db).findFirst(query({ where: { id: keep } }));
        if (!kept) throw codedError('NOT_FOUND', `The kept ${entity.noun} no longer exists.`);
        return kept;
      },
    } as never),
  }));

  return connection;
}
