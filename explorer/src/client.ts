/**
 * The one way the explorer talks to the API: `request(operation, variables)`, a GraphQL over HTTP
 * GET of `/graphql?documentId=sha256:<hex>&variables=…&operationName=…`. Every operation file is a
 * trusted document (`npm run documents:build` puts explorer/src/operations/ in the API's manifest),
 * so the page sends its id, not its text: short, cacheable URLs that a `trusted-only` deployment
 * accepts. Where the browser offers no SubtleCrypto (a page over plain http on a non-local host),
 * or the API does not know the id, the text is sent instead.
 */

/** Where the API answers, relative to the page's origin. */
export const ENDPOINT = '/graphql';

/** A named GraphQL operation, as written in operations/*.graphql and imported with `?raw`. */
export interface Operation {
  /** The operation's name (`query PersonPage …` → "PersonPage"), sent as `operationName`. */
  name: string;
  /** The document's full text (the operation and its fragments). */
  document: string;
}

/**
 * Wrap an operation file's text.
 * @throws Error when the text names no operation (a build-time mistake, caught on first import)
 */
export function operation(document: string): Operation {
  const name = /^\s*query\s+([_A-Za-z][_0-9A-Za-z]*)/m.exec(document)?.[1];
  if (!name) throw new Error('operation file without a named query');
  return { name, document };
}

/** One GraphQL error as the API sends it (GraphQL over HTTP; `extensions.code` is Newsgraph's code). */
export interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string } & Record<string, unknown>;
}

/**
 * The API refused or failed a request. `code` is the first error's `extensions.code`
 * (BAD_USER_INPUT, INVALID_CURSOR, RATE_LIMITED …), or NETWORK_ERROR / HTTP_<status> when no
 * GraphQL answer came back.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly code: string,
    message: string,
    /** HTTP status of the response (0 when none arrived). */
    readonly status: number,
    readonly errors: GraphQLErrorBody[] = [],
  ) {
    super(message);
  }
}

/**
 * Run `op` with `variables` and return its `data`.
 * @param signal aborts the request (a newer navigation); the promise then rejects with an AbortError
 * @throws ApiError when the response carries errors (even beside partial data), is not JSON, or has no data
 */
export async function request<T>(op: Operation, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
  const id = await documentId(op);
  if (id) {
    try {
      return await send<T>(op, { documentId: `sha256:${id}` }, variables, signal);
    } catch (err) {
      // An API whose manifest lacks this file (an older deployment): send the text once.
      if (!(err instanceof ApiError && err.code === 'PERSISTED_QUERY_NOT_FOUND')) throw err;
    }
  }
  return send<T>(op, { query: op.document }, variables, signal);
}

const ids = new WeakMap<Operation, Promise<string | null>>();

/** The operation's trusted-document id: lower-case hex SHA-256 of its file's UTF-8 text; null without SubtleCrypto. */
function documentId(op: Operation): Promise<string | null> {
  let id = ids.get(op);
  if (!id) {
    const subtle = globalThis.crypto?.subtle;
    id = subtle
      ? subtle.digest('SHA-256', new TextEncoder().encode(op.document)).then((buf) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join(''))
      : Promise.resolve(null);
    ids.set(op, id);
  }
  return id;
}

/** One GET: the document (by id or by text), its name and the defined variables. */
async function send<T>(op: Operation, document: { documentId: string } | { query: string }, variables: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
  const params = new URLSearchParams({ ...document, operationName: op.name });
  const defined = Object.fromEntries(Object.entries(variables).filter(([, v]) => v !== undefined));
  if (Object.keys(defined).length) params.set('variables', JSON.stringify(defined));
  let res: Response;
  try {
    res = await fetch(`${ENDPOINT}?${params}`, {
      headers: { accept: 'application/graphql-response+json, application/json;q=0.9' },
      signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError('NETWORK_ERROR', `The API could not be reached (${(err as Error).message}).`, 0);
  }
  let body: { data?: T | null; errors?: GraphQLErrorBody[] };
  try {
    body = (await res.json()) as typeof body;
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(`HTTP_${res.status}`, `The API answered ${res.status} ${res.statusText} without a GraphQL response.`, res.status);
  }
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.extensions?.code ?? `HTTP_${res.status}`, first.message, res.status, body.errors);
  if (body.data == null) throw new ApiError(`HTTP_${res.status}`, 'The API answered without data.', res.status);
  return body.data;
}
