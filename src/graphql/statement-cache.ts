/**
 * A cache of built SQL for root fields, keyed by what alone determines that SQL: the parsed
 * operation (yoga's parse cache hands back the same document object for the same text), the
 * variables, the field's response path and the page-size limits.
 *
 * Why: building a relational query's SQL in Drizzle (walking the nested config, escaping,
 * joining chunks) and generating its row mapper cost about a quarter of a request's CPU
 * (`npm run bench:profile`). A front end sends the same few operations over and over, so the
 * second request with the same operation and variables reuses the statement text, its
 * parameters and the mapper, and goes straight to libSQL.
 *
 * Only root fields whose query config is a pure function of that key use it (the lookups, the
 * root connections and `search`). Queries whose filters come from data (mutations, the Relay
 * node loader) are never cached. The cache lives on the context's app (`Context.statements`), is
 * bounded (LRU by entry count) and is dropped with the app.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { countReusedSql } from '../db/client.ts';
import { variablesKey } from './limits.ts';
import type { PageLimits } from './connections/page-sizes.ts';

/** The part of the resolver Context (./builder.ts) the cache reads: its page limits and the app's cache. */
export interface PlannedContext extends PageLimits {
  statements?: StatementCache;
}

/** What Drizzle built for one relational query: SQL text with parameters, and the row mapper. */
interface Built {
  builtQuery: { sql: string; params: unknown[] };
  mapper: unknown;
}

/** The parts of Drizzle's SQLiteAsyncRelationalQuery (drizzle-orm 1.0.0-rc.4) used here. */
interface RelationalQuery<T> extends PromiseLike<T> {
  mode: 'first' | 'many';
  dialect: { mapperGenerators: { relationalRows: (o: object) => unknown } };
  session: { prepareQuery: (q: Built['builtQuery'], mode: 'arrays', prepare: false, method: 'all', mapper: unknown) => { execute: () => Promise<T> } };
  _toSQL: () => { query: { selection: unknown }; builtQuery: Built['builtQuery'] };
}

/** Bounded LRU of built statements, one per app. */
export class StatementCache {
  readonly #entries = new Map<string, Built>();
  readonly #byOperation = new WeakMap<object, string>();
  #operations = 0;

  /** Most statements kept (each is its SQL text, typically 5–40 KB, and a mapper). */
  readonly capacity: number;

  constructor(capacity = 256) {
    this.capacity = capacity;
  }

  /** A short stable id for an operation node (object identity: the parse cache keeps it alive). */
  #operationId(operation: object): string {
    let id = this.#byOperation.get(operation);
    if (!id) this.#byOperation.set(operation, (id = String(++this.#operations)));
    return id;
  }

  /** The key of a root field's statement in this request; null when it has none (variables not writable as JSON). */
  key(info: GraphQLResolveInfo, ctx: PageLimits): string | null {
    const variables = variablesKey('', info.variableValues);
    return variables === null ? null : `${this.#operationId(info.operation)}\u0000${String(info.path.key)}\u0000${ctx.maxPageSize}/${ctx.defaultPageSize}${variables}`;
  }

  get(key: string): Built | undefined {
    const hit = this.#entries.get(key);
    if (hit) {
      // Refresh: Map keeps insertion order, so the first key is the least recently used.
      this.#entries.delete(key);
      this.#entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, built: Built) {
    this.#entries.set(key, built);
    if (this.#entries.size > this.capacity) this.#entries.delete(this.#entries.keys().next().value!);
  }
}

/**
 * Run a root field's relational query, reusing the SQL built for the same operation, variables
 * and field before. Without a cache on the context it simply runs the query.
 * @param query a Drizzle relational query (`db.query.<table>.findFirst|findMany(...)`), not yet awaited
 * @returns the query's result (a row or undefined for findFirst, rows for findMany)
 */
export async function runPlanned<T>(ctx: PlannedContext, info: GraphQLResolveInfo, query: PromiseLike<T>): Promise<T> {
  const cache = ctx.statements;
  if (!cache) return await query;
  const q = query as RelationalQuery<T>;
  const key = cache.key(info, ctx);
  if (key === null) return await query;
  let built = cache.get(key);
  if (built) countReusedSql();
  else {
    const { query: rq, builtQuery } = q._toSQL();
    // The mapper Drizzle's own _prepare() makes for relational rows (sqlite-core/async/query.js).
    const mapper = q.dialect.mapperGenerators.relationalRows({
      isFirst: q.mode === 'first',
      parseJson: true,
      parseJsonIfString: false,
      rootJsonMappers: false,
      selection: rq.selection,
      arrayModeRoot: true,
    });
    built = { builtQuery, mapper };
    cache.set(key, built);
  }
  return q.session.prepareQuery(built.builtQuery, 'arrays', false, 'all', built.mapper).execute();
}
