/** The extracted bundle (../bundle-doc.ts) loads into a libSQL file database, and loads again unchanged. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundle } from '../../../src/ingest/load.ts';
import { tempDb } from '../../ingest/helpers.ts';
import { extracted } from '../bundle-doc.ts';

describe('the extracted bundle loads', () => {
  let db: Awaited<ReturnType<typeof tempDb>>;
  beforeAll(async () => {
    db = await tempDb();
  });
  afterAll(() => db?.close());

  it('into a libSQL file database, and again unchanged', async () => {
    const { bundle } = extracted();
    const first = await loadBundle(db.db, bundle, { now: new Date('2025-03-12T09:00:00Z') });
    expect(first.created).toBe(true);
    const rows = await db.db.$client.execute('select kind, cameo_code from engagements order by id');
    expect(rows.rows.length).toBe(bundle.annotations.engagements.length);
    const quotesRows = await db.db.$client.execute('select text from quotes');
    expect(quotesRows.rows.map((r) => r.text)).toEqual(['We have come to build']);
    const again = await loadBundle(db.db, extracted().bundle, { now: new Date('2025-03-12T10:00:00Z') });
    expect(again).toMatchObject({ created: false, changed: false });
  });
});
