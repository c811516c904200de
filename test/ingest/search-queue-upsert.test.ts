/**
 * The search queue (`search_pending`) under an outer conflict clause. SQLite runs the statements
 * of a trigger under the conflict handling of the statement that fired it when that statement
 * has one (https://sqlite.org/lang_createtrigger.html, "ON CONFLICT"); the UPDATE half of an
 * `INSERT ... ON CONFLICT DO UPDATE` runs as ABORT. So a trigger's `INSERT OR IGNORE INTO
 * search_pending` failed with a UNIQUE error on a document already queued: a single load that
 * queued a stored engagement (a participant's new alias) and re-reported it in new words was
 * refused. The triggers now queue with an `ON CONFLICT DO NOTHING` clause, which an outer clause
 * does not override.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from '@libsql/client';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../../src/db/client.ts';
import { cameoCodes } from '../../src/db/schema.ts';
import { CAMEO_CODES } from '../../src/domain/cameo.ts';
import { loadBundle } from '../../src/ingest/load.ts';
import { upgradeDatabase } from '../../src/ingest/upgrade.ts';
import { textBundle } from '../helpers/bundles.ts';
import { repoRoot, tempDb } from './helpers.ts';

/** A report of the lock-keepers' meeting: same code, date, place and participants each time (one fingerprint). */
function report(uri: string, summary: string, more: { craye?: object; board?: object; weir?: object } = {}) {
  return textBundle(
    { uri, headline: `Lock-keepers meet at Orsk weir (${uri})`, body: `Wendell Craye met the Orsk Canal Board at the weir. ${summary}.`, firstCreated: '2031-03-05T08:00:00Z' },
    {
      people: [{ key: 'craye', name: 'Wendell Craye', rel: 'about', ...more.craye }],
      organisations: [{ key: 'board', name: 'Orsk Canal Board', kind: 'GOVERNMENT_BODY', rel: 'about', ...more.board }],
      places: [{ key: 'weir', name: 'Orsk Weir', kind: 'OTHER', rel: 'about', ...more.weir }],
      engagements: [
        {
          key: 'meeting',
          kind: 'MEETING',
          cameo: '040',
          summary,
          date: { edtf: '2031-03-04' },
          place: 'weir',
          participants: [{ actor: 'craye', role: 'HOST' }, { actor: 'board', role: 'GUEST' }],
        },
      ],
    },
  );
}

const first = report('urn:queue-upsert:1', 'Craye opens the sluice talks');
// Adds an alias of Craye (queues the stored meeting through its participant) and re-reports the meeting in new words.
const second = report('urn:queue-upsert:2', 'Craye and the board settle the sluice repairs', { craye: { aliases: ['Wendy Craye'] } });

const one = async (db: Database, sql: string, args: (string | number)[] = []) => (await db.$client.execute({ sql, args })).rows[0]!;
const matching = async (db: Database, words: string) =>
  (await db.$client.execute({ sql: 'select rowid from search_fts where search_fts match ? order by rowid', args: [words] })).rows.map((r) => Number(r.rowid));

/** After `second`: one meeting in the new words, nothing left queued, the alias finding the meeting and both articles. */
async function expectSecondLoaded(db: Database) {
  const meeting = await one(db, 'select id, summary from engagements');
  expect(meeting.summary).toBe('Craye and the board settle the sluice repairs');
  expect(Number((await one(db, 'select count(*) n from engagements')).n)).toBe(1);
  expect(Number((await one(db, 'select count(*) n from engagement_articles')).n)).toBe(2);
  expect(Number((await one(db, 'select count(*) n from search_pending')).n)).toBe(0);
  const articles = (await db.$client.execute('select id from articles order by id')).rows.map((r) => Number(r.id) * 8 + 1);
  const craye = Number((await one(db, "select id from people where name = 'Wendell Craye'")).id) * 8 + 2;
  // "wendy" is only in the alias: Craye's document, and the articles and the meeting through the folded bodies the fold pass wrote.
  expect(await matching(db, 'wendy')).toEqual([...articles, craye, Number(meeting.id) * 8 + 5].sort((a, b) => a - b));
  expect(await matching(db, 'settle repairs')).toEqual(expect.arrayContaining([Number(meeting.id) * 8 + 5]));
  expect(await matching(db, 'opens')).not.toContain(Number(meeting.id) * 8 + 5);
}

describe('a single load that queues a stored engagement and re-reports it in new words', () => {
  it('loads, and the search index has the new words and the alias', async () => {
    const t = await tempDb();
    try {
      await loadBundle(t.db, first);
      expect(Number((await one(t.db, 'select count(*) n from search_pending')).n)).toBe(0);
      await loadBundle(t.db, second);
      await expectSecondLoaded(t.db);
    } finally {
      t.close();
    }
  });

  it('the other ways a load queues its stored engagement first: an acronym for a participant, an alias for its place', async () => {
    const t = await tempDb();
    try {
      await loadBundle(t.db, first);
      await loadBundle(t.db, report('urn:queue-upsert:3', 'The board names its sluice wardens', { board: { acronym: 'OCB' } }));
      await loadBundle(t.db, report('urn:queue-upsert:4', 'Craye hands over the weir keys', { weir: { aliases: ['Orsk Lower Weir'] } }));
      expect((await one(t.db, 'select summary from engagements')).summary).toBe('Craye hands over the weir keys');
      expect(Number((await one(t.db, 'select count(*) n from engagement_articles')).n)).toBe(3);
      const meeting = Number((await one(t.db, 'select id from engagements')).id) * 8 + 5;
      expect(await matching(t.db, 'ocb')).toContain(meeting);
      expect(await matching(t.db, 'lower')).toContain(meeting);
    } finally {
      t.close();
    }
  });
});

/** A database at the migration before this fix (the triggers with `INSERT OR IGNORE`), with the CAMEO codes. */
async function previousDb(): Promise<{ db: Database; close: () => void }> {
  const all = readdirSync(path.join(repoRoot, 'drizzle')).sort();
  const mine = all.findIndex((d) => d.endsWith('_search_queue_upsert'));
  expect(mine).toBeGreaterThan(0);
  const dir = mkdtempSync(path.join(tmpdir(), 'newsgraph-queue-upsert-'));
  const before = path.join(dir, 'drizzle');
  for (const d of all.slice(0, mine)) cpSync(path.join(repoRoot, 'drizzle', d), path.join(before, d), { recursive: true });
  const db = createDatabase(createClient({ url: `file:${path.join(dir, 'db.sqlite')}` }));
  await migrate(db, { migrationsFolder: before });
  await db.insert(cameoCodes).values([...CAMEO_CODES]);
  return { db, close: () => { db.$client.close(); rmSync(dir, { recursive: true, force: true }); } };
}

describe('upgrading a database created at the previous migration', () => {
  it('refuses the load there (the bug), and takes it once upgraded', async () => {
    const t = await previousDb();
    try {
      await loadBundle(t.db, first);
      const refused = await loadBundle(t.db, second).then(() => null, (e: unknown) => e);
      // Drizzle wraps the driver's error ("Failed query: ..."); the driver's is its cause.
      expect(String((refused as Error | null)?.cause)).toMatch(/UNIQUE constraint failed: search_pending\.key/);
      expect((await one(t.db, 'select summary from engagements')).summary).toBe('Craye opens the sluice talks');
      await upgradeDatabase(t.db);
      await loadBundle(t.db, second);
      await expectSecondLoaded(t.db);
    } finally {
      t.close();
    }
  });
});

/**
 * Each trigger that queues a search document (or keeps engagement_actors) fired by a statement
 * with a conflict clause of its own, while what it writes is already there: an upsert's update
 * (the loader's form) or an explicit `OR ABORT` / `OR FAIL`. `queued` are the document keys put
 * in the queue first, `after` the keys the queue must then hold.
 */
interface Case { name: string; setup?: string[]; queued: number[]; sql: string; args?: (string | number)[]; after: number[] }

async function cases(db: Database): Promise<Case[]> {
  const id = async (table: string) => Number((await one(db, `select id from ${table}`)).id);
  const [a, p, o, l, e] = [await id('articles'), await id('people'), await id('organisations'), await id('places'), await id('engagements')];
  const row = await one(db, 'select a.uri, a.body, g.fingerprint, x.name_key person, y.name_key org, z.name_key place from articles a, engagements g, people x, organisations y, places z');
  const [A, P, O, L, E] = [a * 8 + 1, p * 8 + 2, o * 8 + 3, l * 8 + 4, e * 8 + 5];
  return [
    {
      name: 'engagement upsert, new summary',
      queued: [E],
      sql: "insert into engagements (fingerprint, kind, cameo_code, summary, status) values (?, 'MEETING', '040', 'The sluice talks resume', 'COMPLETED') on conflict (fingerprint) do update set summary = excluded.summary",
      args: [String(row.fingerprint)],
      after: [E],
    },
    {
      name: 'article upsert on uri, new headline (two triggers queue the same key)',
      queued: [A],
      sql: "insert into articles (uri, slug, headline, body, language, ingested_at) values (?, 'x', 'Sluice talks resume at Orsk', ?, 'en', '2031-03-06T00:00:00Z') on conflict (uri) do update set headline = excluded.headline",
      args: [String(row.uri), String(row.body)],
      after: [A],
    },
    {
      name: 'person upsert on name_key',
      queued: [P],
      sql: "insert into people (slug, name, name_key) values ('x', 'Wendell Craye', ?) on conflict (name_key) do update set name_key = excluded.name_key",
      args: [String(row.person)],
      after: [P],
    },
    {
      name: 'organisation upsert gives an acronym (queues its articles and engagements too)',
      queued: [O, E],
      sql: "insert into organisations (slug, name, name_key, kind) values ('x', 'Orsk Canal Board', ?, 'GOVERNMENT_BODY') on conflict (name_key) do update set acronym = 'OCB'",
      args: [String(row.org)],
      after: [A, O, E],
    },
    {
      name: 'place upsert on kind and name_key',
      queued: [L],
      sql: "insert into places (slug, name, name_key, kind) values ('x', 'Orsk Weir', ?, 'OTHER') on conflict (kind, name_key) do update set name_key = excluded.name_key",
      args: [String(row.place)],
      after: [L],
    },
    {
      name: 'new alias of a participant with two roles (its SELECT yields the engagement twice), OR ABORT',
      setup: [`insert into participants (engagement_id, person_id, role) values (${e}, ${p}, 'SPEAKER')`],
      queued: [E],
      sql: `insert or abort into aliases (person_id, name, name_key) values (${p}, 'W. C. Craye', 'w c craye')`,
      after: [A, P, E],
    },
    {
      name: 'second role of an actor (engagement_actors has the pair), OR FAIL',
      queued: [E],
      sql: `insert or fail into participants (engagement_id, organisation_id, role) values (${e}, ${o}, 'SPEAKER')`,
      after: [E],
    },
    {
      name: 'participant row rewritten in place (engagement_actors has the pair), OR ABORT',
      queued: [],
      sql: `update or abort participants set person_id = person_id where engagement_id = ${e} and person_id = ${p} and role = 'HOST'`,
      after: [],
    },
    {
      name: 'article link to another person, OR ABORT',
      setup: ["insert into people (slug, name, name_key) values ('ysolde-marr', 'Ysolde Marr', 'ysolde marr')"],
      queued: [A],
      sql: `insert or abort into article_people (article_id, rel, person_id) values (${a}, 'mentions', (select id from people where slug = 'ysolde-marr'))`,
      after: [A],
    },
    ...[
      ['articles', `(id, uri, slug, headline, body, language, ingested_at) values (${a + 100}, 'urn:queue-upsert:x', 'x', 'Weir', 'Weir.', 'en', '2031-03-06T00:00:00Z')`, (a + 100) * 8 + 1],
      ['engagements', `(id, fingerprint, kind, cameo_code, summary, status) values (${e + 100}, 'fp-x', 'TALKS', '040', 'Weir talks', 'PLANNED')`, (e + 100) * 8 + 5],
      ['people', `(id, slug, name, name_key) values (${p + 100}, 'idris-vane', 'Idris Vane', 'idris vane')`, (p + 100) * 8 + 2],
      ['organisations', `(id, slug, name, name_key, kind) values (${o + 100}, 'weir-guild', 'Weir Guild', 'weir guild', 'OTHER')`, (o + 100) * 8 + 3],
      ['places', `(id, slug, name, name_key, kind) values (${l + 100}, 'orsk', 'Orsk', 'orsk', 'CITY')`, (l + 100) * 8 + 4],
    ].map(([table, rest, key]) => ({ name: `new ${table} row whose document key is queued, OR ABORT`, queued: [key as number], sql: `insert or abort into ${table} ${rest}`, after: [key as number] })),
  ];
}

const queue = async (db: Database) => (await db.$client.execute('select key from search_pending order by key')).rows.map((r) => Number(r.key));

async function runCase(db: Database, c: Case) {
  for (const s of c.setup ?? []) await db.$client.execute(s);
  await db.$client.execute('delete from search_pending');
  for (const key of c.queued) await db.$client.execute({ sql: 'insert into search_pending (key) values (?)', args: [key] });
  return db.$client.execute({ sql: c.sql, args: c.args ?? [] });
}

describe('queueing triggers under an outer conflict clause', () => {
  it('at the previous migration, every case fails with a UNIQUE error (what the cases exercise)', async () => {
    const t = await previousDb();
    try {
      await loadBundle(t.db, first);
      for (const c of await cases(t.db)) await expect(runCase(t.db, c), c.name).rejects.toThrow(/UNIQUE constraint failed/);
    } finally {
      t.close();
    }
  });

  it('now, every case succeeds and the queue holds what it should', async () => {
    const t = await tempDb();
    try {
      await loadBundle(t.db, first);
      for (const c of await cases(t.db)) {
        const result = await runCase(t.db, c);
        expect(result.rowsAffected, c.name).toBe(1);
        expect(await queue(t.db), c.name).toEqual([...c.after].sort((x, y) => x - y));
      }
      expect((await one(t.db, 'select summary from engagements where id = (select min(id) from engagements)')).summary).toBe('The sluice talks resume');
      expect(Number((await one(t.db, "select count(*) n from engagement_actors where organisation_id is not null")).n)).toBe(1);
    } finally {
      t.close();
    }
  });

  it('no trigger carries an OR clause of its own (the firing statement would override it)', async () => {
    const t = await tempDb();
    try {
      const triggers = (await t.db.$client.execute("select name, sql from sqlite_master where type = 'trigger'")).rows;
      expect(triggers.length).toBeGreaterThan(40);
      expect(triggers.filter((r) => /\b(insert|update)\s+or\s+(ignore|replace|abort|fail|rollback)\b/i.test(String(r.sql))).map((r) => r.name)).toEqual([]);
    } finally {
      t.close();
    }
  });
});
