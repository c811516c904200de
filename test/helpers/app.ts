/**
 * Test harness: a real libSQL database in a temp file, migrated and seeded through the real
 * loader, served by the real app (createApp) without a network socket.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, expect } from 'vitest';
import { createApp } from '../../src/app.ts';
import { loadConfig, type AppConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/client.ts';
import { openDatabase } from '../../src/ingest/open.ts';
import { loadSeed } from '../../src/ingest/seed.ts';

export interface TestApp {
  app: Hono;
  db: Database;
  dir: string;
  /** POST a GraphQL request with the SQL debug header; returns status, body and statement count. */
  gql: (query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => Promise<GqlResponse>;
  /** POST a GraphQL request that must succeed (the test fails unless status 200 and no errors); its data and statement count. */
  ok: (query: string, variables?: Record<string, unknown>) => Promise<{ data: any; statements: number | undefined }>;
  close: () => void;
}

export interface GqlResponse {
  status: number;
  body: { data?: any; errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[]; extensions?: any };
  statements: number | undefined;
}

/** Open a fresh database (optionally seeded) and an app over it. */
export async function createTestApp(options: { seed?: boolean; config?: Partial<AppConfig> } = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-test-'));
  const db = await openDatabase(`file:${join(dir, 'test.db')}`);
  if (options.seed !== false) await loadSeed(db);
  const config = { ...loadConfig({}, { debugSql: true }), ...options.config };
  const app = createApp({ db, config });
  const gql = async (query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const res = await app.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', 'x-newsgraph-debug': 'sql', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as GqlResponse['body'];
    return { status: res.status, body, statements: body.extensions?.sql?.statements };
  };
  const ok = async (query: string, variables?: Record<string, unknown>) => {
    const res = await gql(query, variables);
    expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
    expect(res.status).toBe(200);
    return { data: res.body.data, statements: res.statements };
  };
  return { app, db, dir, gql, ok, close: () => { db.$client.close(); rmSync(dir, { recursive: true, force: true }); } };
}

/**
 * The app shared by the tests of a file, or of the `describe` it is called in: `open` (default: a
 * seeded createTestApp()) runs in beforeAll, and the app is closed in afterAll. The returned
 * TestApp forwards to that app, so use it inside tests and hooks only.
 * @throws Error when used before beforeAll opened the app
 */
export function testAppForSuite(open: () => Promise<TestApp> = () => createTestApp()): TestApp {
  let opened: TestApp | undefined;
  beforeAll(async () => {
    opened = await open();
  });
  afterAll(() => opened?.close());
  const t = (): TestApp => {
    if (!opened) throw new Error('testAppForSuite: the app opens in beforeAll; use it inside tests and hooks');
    return opened;
  };
  return {
    get app() { return t().app; },
    get db() { return t().db; },
    get dir() { return t().dir; },
    gql: (...args) => t().gql(...args),
    ok: (...args) => t().ok(...args),
    close: () => t().close(),
  };
}
