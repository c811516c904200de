/**
 * Exact values: a figure's amount comes back exactly as given (integers beyond 2^53, decimals
 * such as 17.91 and 0.3, amounts beyond 32 bits) through ingest → storage (canonical decimal
 * TEXT) → GraphQL (`Figure.exactValue`, inside the one-statement nested JSON) → bundle export →
 * re-ingest; a JSON number that may already be rounded is refused, never rounded; the migration
 * turns stored doubles into decimal text.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '@libsql/client';
import { createDatabase } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { exportBundle } from '../../src/export/bundle.ts';
import { loadBundle } from '../../src/ingest/load.ts';
import { BundleRejected } from '../../src/ingest/validate.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { bundle, repoRoot, snapshot, tempDb } from './helpers.ts';

const BASE = 'https://newsgraph.test';
const URI = 'urn:test:exact-figures';
/** As a sender writes them: strings where a JSON number could not carry the amount. */
const GIVEN = [
  { text: '9,007,199,254,740,993 units', value: '9007199254740993', unit: 'units' },
  { text: 'Sh17.91 billion', value: '17910000000', currency: 'KES' },
  { text: '17.91 percent', value: 17.91, unit: 'percent' },
  { text: '0.3 tonnes', value: 0.3, unit: 'tonnes' },
  { text: '$4,294,967,297', value: 4_294_967_297, currency: 'USD' },
  { text: '-0.000000000000000000001 degrees', value: '-1e-21', unit: 'degrees' },
  { text: 'a very large amount', value: '123456789012345678901234567890.000000000000001' },
];
const EXACT = ['9007199254740993', '17910000000', '17.91', '0.3', '4294967297', '-0.000000000000000000001', '123456789012345678901234567890.000000000000001'];

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: { publicBaseUrl: BASE } });
  await loadBundle(t.db, bundle(URI, { figures: GIVEN }));
});
afterAll(() => t.close());

const stored = async (db: TestApp['db'], uri = URI) =>
  (
    await db.$client.execute({
      sql: 'select f.value, typeof(f.value) as type from figures f join articles a on a.id = f.article_id where a.uri = ? order by f.position',
      args: [uri],
    })
  ).rows.map((r) => [r.value, r.type]);

describe('exact figure values', () => {
  it('are stored as canonical decimal text', async () => {
    expect(await stored(t.db)).toEqual(EXACT.map((v) => [v, 'text']));
  });

  it('come back exactly through GraphQL, nested, in one SQL statement', async () => {
    const r = await t.gql(`{ articles(first: 5) { edges { node { uri figures { text value exactValue } } } } }`);
    expect(r.body.errors).toBeUndefined();
    expect(r.statements).toBe(1);
    const figures = r.body.data.articles.edges.find((e: any) => e.node.uri === URI).node.figures;
    expect(figures.map((f: any) => f.exactValue)).toEqual(EXACT);
    // `value` stays the contract's Float: the nearest double.
    expect(figures.map((f: any) => f.value)).toEqual(EXACT.map(Number));
  });

  it('are exported exactly in the bundle and re-ingest exactly', async () => {
    const exported = await exportBundle(t.db, { uri: URI }, BASE);
    const wire = JSON.parse(JSON.stringify(exported));
    expect(wire.annotations.figures.map((f: any) => f.value)).toEqual(EXACT);
    const fresh = await tempDb();
    try {
      await loadBundle(fresh.db, wire, { ownBaseUrls: [BASE] });
      expect(await stored(fresh.db)).toEqual(EXACT.map((v) => [v, 'text']));
      const again = JSON.parse(JSON.stringify(await exportBundle(fresh.db, { uri: URI }, BASE)));
      expect(again.annotations.figures).toEqual(wire.annotations.figures);
    } finally {
      fresh.close();
    }
  });

  it('a number that may already be rounded, or text that is no number, is refused with its path, nothing written', async () => {
    const before = await snapshot(t.db);
    // As JSON.parse reads them: 9007199254740993 arrives as 9007199254740992.
    const wire = JSON.parse(
      JSON.stringify(bundle('urn:test:rounded-figures', { figures: [{ text: 'a', value: 1 }, { text: 'b', value: 2 }, { text: 'c', value: '1,000' }, { text: 'd', value: 'lots' }] })),
    );
    const raw = JSON.stringify(wire).replace('"value":1}', '"value":9007199254740993}').replace('"value":2}', '"value":0.30000000000000004}');
    const err = await loadBundle(t.db, JSON.parse(raw)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BundleRejected);
    const problems = (err as BundleRejected).problems;
    expect(problems.map((p) => p.path)).toEqual([0, 1, 2, 3].map((i) => `annotations.figures.${i}.value`));
    expect(problems[0]!.message).toMatch(/beyond 2\^53.*decimal string/);
    expect(problems[1]!.message).toMatch(/significant digits.*decimal string/);
    expect(problems[2]!.message).toMatch(/expected a decimal number/);
    expect(await snapshot(t.db)).toEqual(before);
  });
});

describe('the figure migration', () => {
  it('turns stored doubles into canonical decimal text', async () => {
    const all = readdirSync(path.join(repoRoot, 'drizzle')).sort();
    const mine = all.findIndex((d) => d.endsWith('_figure_exact_values'));
    expect(mine).toBeGreaterThan(0);
    const dir = mkdtempSync(path.join(tmpdir(), 'newsgraph-figures-'));
    const before = path.join(dir, 'drizzle');
    for (const d of all.slice(0, mine)) cpSync(path.join(repoRoot, 'drizzle', d), path.join(before, d), { recursive: true });
    const db = createDatabase(createClient({ url: `file:${path.join(dir, 'db.sqlite')}` }));
    try {
      await migrate(db, { migrationsFolder: before });
      await db.$client.execute("insert into articles (uri, slug, headline, body, language, ingested_at) values ('urn:old', 'old', 'Old', 'Old body', 'en', '2025-11-24T00:00:00Z')");
      const values = [3e9, 1e10, 17.91, 0.3, -12.5, 4294967297, 12];
      for (const [i, v] of values.entries())
        await db.$client.execute({ sql: "insert into figures (article_id, position, text, value) values (1, ?, 'x', ?)", args: [i, v] });
      await migrateDatabase(db);
      expect(await stored(db, 'urn:old')).toEqual(['3000000000', '10000000000', '17.91', '0.3', '-12.5', '4294967297', '12'].map((v) => [v, 'text']));
    } finally {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
