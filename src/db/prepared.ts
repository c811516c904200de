/**
 * Prepared reads on an embedded libSQL file (Node only): a second, read-only connection to the
 * same file whose statements are prepared once and kept (an LRU by SQL text). @libsql/client
 * prepares every statement anew; for the compiled read path's one statement per request
 * (src/graphql/compiled/, a few KB of SQL) preparing costs more than running it. In WAL mode a
 * read on this connection sees every committed write of the main one.
 */
import Database from 'libsql';
import { countStatements, type ReadOne } from './client.ts';

/** Statements kept prepared (each is one compiled operation). */
const CAPACITY = 128;

/** A reader and the means to close it with the database. */
export interface PreparedReader {
  readOne: ReadOne;
  close: () => void;
}

/**
 * Open a prepared reader on the database file at `path`.
 * @param pragmas statements run once on the connection (page cache, memory map)
 */
export function preparedReader(path: string, pragmas: readonly string[] = []): PreparedReader {
  const connection = new Database(path, { timeout: 5000 } as never);
  for (const pragma of pragmas) connection.exec(pragma);
  const statements = new Map<string, ReturnType<InstanceType<typeof Database>['prepare']>>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (statement) {
      // Refresh: the first key of the Map is the least recently used.
      statements.delete(sql);
    } else {
      statement = connection.prepare(sql).raw(true);
      if (statements.size >= CAPACITY) statements.delete(statements.keys().next().value!);
    }
    statements.set(sql, statement);
    return statement;
  };
  return {
    readOne: async (sql, params) => {
      countStatements(1);
      const statement = prepared(sql) as unknown as { all: (...args: unknown[]) => unknown[][] };
      const rows = statement.all(...params);
      return rows[0]?.[0];
    },
    close: () => connection.close(),
  };
}
