/**
 * Helpers of the delivery tests: the real app on a seeded temp database with the delivery
 * switches set, and requests by GET or POST that report status, headers, body and the SQL
 * statement count (`x-newsgraph-debug: cache`, which goes through the response cache).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadConfig } from '../../src/config.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

export const API_KEY = 'delivery-test-key-0001';
export const OTHER_KEY = 'delivery-test-key-0002';

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
  /** From the `X-Newsgraph-SQL-Statements` header (present on 304s too). */
  statements: number;
}

/** The app with `env` (e.g. `{ PERSISTED_OPERATIONS: 'trusted-only' }`) over the defaults of the tests: cache on, two API keys. */
export function deliveryApp(env: Record<string, string> = {}): Promise<TestApp> {
  const config = loadConfig({ RESPONSE_CACHE_TTL: '60', API_KEYS: `${API_KEY},${OTHER_KEY}`, RATE_LIMIT_ANONYMOUS: '0', RATE_LIMIT_CREDENTIAL: '0', ...env }, { debugSql: true });
  return createTestApp({ config });
}

async function answer(res: Response): Promise<Answer> {
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null, statements: Number(res.headers.get('x-newsgraph-sql-statements')) };
}

const DEBUG = { 'x-newsgraph-debug': 'cache', accept: 'application/graphql-response+json' };

/** POST a JSON body (a query, or any other GraphQL over HTTP members). */
export async function post(t: TestApp, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Answer> {
  return answer(await t.app.request('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...DEBUG, ...headers }, body: JSON.stringify(body) }));
}

/** GET with the given parameters (objects are JSON-encoded, as GraphQL over HTTP asks). */
export async function get(t: TestApp, params: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Answer> {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) search.set(k, typeof v === 'string' ? v : JSON.stringify(v));
  return answer(await t.app.request(`/graphql?${search}`, { headers: { ...DEBUG, ...headers } }));
}

/** Hex SHA-256 of a text's UTF-8 bytes: the APQ hash, and the id of a trusted document. */
export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A trusted document of documents/: its text and id, computed here from the file. */
export function documentFile(name: string): { text: string; id: string } {
  const text = readFileSync(new URL(`../../documents/${name}`, import.meta.url), 'utf8');
  return { text, id: sha256(text) };
}
