/**
 * A reader thread of ./prepared.ts: one reading connection to the database file (`workerData`:
 * `{ path, pragmas }`). It says `{ ready: true }` once the connection is open; each message
 * `{ id, sql, params }` is answered `{ id, value }` (the first row's first column) or
 * `{ id, error: { message, code } }`; `{ close: true }` closes the connection and ends the thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { preparedConnection, type ThreadReply, type ThreadRequest } from './prepared.ts';

const { path, pragmas } = workerData as { path: string; pragmas: string[] };
const connection = preparedConnection(path, pragmas);
parentPort!.postMessage({ ready: true } satisfies ThreadReply);

parentPort!.on('message', (request: ThreadRequest) => {
  if ('close' in request) {
    // After the reads sent before it: the thread ends once its port is closed.
    connection.close();
    parentPort!.close();
    return;
  }
  const { id, sql, params } = request;
  let reply: ThreadReply;
  try {
    reply = { id, value: connection.read(sql, params) };
  } catch (err) {
    const e = err as Error & { code?: string };
    reply = { id, error: { message: String(e.message), code: e.code } };
  }
  parentPort!.postMessage(reply);
});
