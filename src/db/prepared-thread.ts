/**
 * A reader thread of ./prepared.ts: one reading connection to the database file (`workerData`:
 * `{ path, pragmas }`). It says `{ ready: true }` once the connection is open; each message
 * `{ id, sql, params }` is answered `{ id, value }` (the first row's first column) or
 * `{ id, error: { message, code } }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { preparedConnection, type ThreadReply } from './prepared.ts';

const { path, pragmas } = workerData as { path: string; pragmas: string[] };
const connection = preparedConnection(path, pragmas);
parentPort!.postMessage({ ready: true } satisfies ThreadReply);

parentPort!.on('message', ({ id, sql, params }: { id: number; sql: string; params: unknown[] }) => {
  let reply: ThreadReply;
  try {
    reply = { id, value: connection.read(sql, params) };
  } catch (err) {
    const e = err as Error & { code?: string };
    reply = { id, error: { message: String(e.message), code: e.code } };
  }
  parentPort!.postMessage(reply);
});
