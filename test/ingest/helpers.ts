/**
 * Helpers for the write-path tests: temp databases, whole-database snapshots, an id-free dump
 * of the graph (for round trips), the ninjs 3.1 validator, and small bundle builders.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { createClient } from '@libsql/client/web';
import { createDatabase, type Database } from '../../src/db/client.ts';
import { loadBundle } from '../../src/ingest/load.ts';
import { openDatabase } from '../../src/ingest/open.ts';
import { startHranaServer, type HranaServer } from '../../tools/dev/hrana-server.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export { SHARED_DIR as sharedDir, hasShared } from '../helpers/shared.ts';
import { SHARED_DIR as sharedDir } from '../helpers/shared.ts';
export const seedBundle = () => JSON.parse(readFileSync(path.join(repoRoot, 'data/seed/larijani-pakistan-visit.bundle.json'), 'utf8'));

/** The IPTC example documents (name → parsed JSON). */
export function iptcExamples(): [string, Record<string, unknown>][] {
  const dir = path.join(sharedDir, 'ninjs/examples-3.1');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => [f, JSON.parse(readFileSync(path.join(dir, f), 'utf8'))]);
}

/** An ajv (draft 2020-12) validator for a ninjs schema in shared/ninjs ("3.1" or "2.2"). */
export function ninjsValidator(version: '3.1' | '2.2' = '3.1') {
  const schema = JSON.parse(readFileSync(path.join(sharedDir, `ninjs/ninjs-schema_${version}.json`), 'utf8'));
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  // No network: a permissive stand-in for the GeoJSON schema places[].geoJSON refers to.
  ajv.addSchema({ $id: 'https://geojson.org/schema/GeoJSON.json', type: 'object' });
  const validate = ajv.compile(schema);
  return (doc: unknown) => (validate(doc) ? [] : (validate.errors ?? []));
}

/** A fresh, migrated database in a temp folder. */
export async function tempDb(): Promise<{ db: Database; dir: string; file: string; close: () => void }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsgraph-ingest-'));
  const file = path.join(dir, 'test.db');
  const db = await openDatabase(`file:${file}`);
  return { db, dir, file, close: () => { db.$client.close(); rmSync(dir, { recursive: true, force: true }); } };
}

/** Run `body` on a fresh `tempDb`, closed afterwards whether it passes or throws. */
export async function withTempDb<T>(body: (db: Database) => Promise<T>): Promise<T> {
  const t = await tempDb();
  try {
    return await body(t.db);
  } finally {
    t.close();
  }
}

/**
 * `tempDb` (migrated through the embedded client) served by the Hrana dev server and reached
 * over HTTP with `@libsql/client/web`, the Worker's client.
 */
export async function tempDbOverHrana(options: { fetch?: typeof fetch } = {}): Promise<{ db: Database; close: () => Promise<void> }> {
  const t = await tempDb();
  t.db.$client.close();
  const server: HranaServer = await startHranaServer({ file: t.file, port: 0 });
  const client = createClient({ url: server.url, ...(options.fetch ? { fetch: options.fetch } : {}) });
  return {
    db: createDatabase(client),
    close: async () => {
      client.close();
      await server.close();
      t.close();
    },
  };
}

/** A fetch for the libSQL web client that counts the HTTP requests it sends (each one a round trip). */
export function countingFetch(): { requests: number; fetch: typeof fetch } {
  const counter = {
    requests: 0,
    fetch: ((input: RequestInfo | URL, init?: RequestInit) => {
      counter.requests++;
      return fetch(input, init);
    }) as typeof fetch,
  };
  return counter;
}

/** `tempDb` with the seed bundle loaded: the graph most write-path tests start from. */
export async function seededDb(): ReturnType<typeof tempDb> {
  const t = await tempDb();
  await loadBundle(t.db, seedBundle());
  return t;
}

const TABLES = [
  'articles', 'people', 'organisations', 'places', 'aliases', 'same_as', 'roles', 'article_people', 'article_organisations',
  'article_places', 'engagements', 'participants', 'engagement_articles', 'quotes', 'figures',
];

/** Every row of every Newsgraph table, in a stable order: equal snapshots mean nothing changed. */
export async function snapshot(db: Database): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    const rs = await db.$client.execute(`select * from ${table}`);
    out[table] = rs.rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

/** Row counts per table. */
export async function counts(db: Database): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) out[table] = Number((await db.$client.execute(`select count(*) as n from ${table}`)).rows[0]!.n);
  return out;
}

/**
 * The graph with names instead of ids: entities (with aliases, sameAs, roles, nationality,
 * country, parent), articles with their links, engagements with participants and dates,
 * quotes and figures. Two databases holding the same graph dump equal.
 */
export async function graphDump(db: Database) {
  const q = async (sql: string) => (await db.$client.execute(sql)).rows.map((r) => ({ ...r })).map((r) => JSON.stringify(r)).sort();
  return {
    people: await q(`select p.name, p.slug, (select name from places where id = p.nationality_id) nationality,
      (select group_concat(name, '|') from (select name from aliases where person_id = p.id order by name_key)) aliases,
      (select group_concat(uri, '|') from (select uri from same_as where person_id = p.id order by uri)) same_as from people p`),
    organisations: await q(`select o.name, o.slug, o.kind, o.acronym, (select name from places where id = o.country_id) country,
      (select name from organisations where id = o.parent_id) parent,
      (select group_concat(name, '|') from (select name from aliases where organisation_id = o.id order by name_key)) aliases,
      (select group_concat(uri, '|') from (select uri from same_as where organisation_id = o.id order by uri)) same_as from organisations o`),
    places: await q(`select p.name, p.slug, p.kind, p.iso3166, (select name from places where id = p.country_id) country,
      (select group_concat(name, '|') from (select name from aliases where place_id = p.id order by name_key)) aliases,
      (select group_concat(uri, '|') from (select uri from same_as where place_id = p.id order by uri)) same_as from places p`),
    roles: await q(`select (select name from people where id = r.person_id) person, r.title, (select name from organisations where id = r.organisation_id) org,
      r.started_text, r.started_edtf, r.started_precision, r.started_earliest, r.started_latest,
      r.ended_text, r.ended_edtf, r.ended_precision, r.ended_earliest, r.ended_latest from roles r`),
    articles: await q(`select uri, slug, headline, body, language, dateline_text, (select name from places where id = a.dateline_place_id) dateline,
      published_at, reference_date, byline from articles a`),
    links: await q(`select a.uri, 'person' kind, e.name, l.rel, l.relevance from article_people l join articles a on a.id = l.article_id join people e on e.id = l.person_id
      union all select a.uri, 'organisation', e.name, l.rel, l.relevance from article_organisations l join articles a on a.id = l.article_id join organisations e on e.id = l.organisation_id
      union all select a.uri, 'place', e.name, l.rel, l.relevance from article_places l join articles a on a.id = l.article_id join places e on e.id = l.place_id`),
    engagements: await q(`select e.kind, e.cameo_code, e.summary, e.status, e.date_text, e.date_edtf, e.date_precision, e.date_earliest, e.date_latest,
      (select name from places where id = e.place_id) place,
      (select group_concat(x, '|') from (select coalesce((select name from people where id = p.person_id), (select name from organisations where id = p.organisation_id)) || ':' || p.role x
         from participants p where p.engagement_id = e.id order by x)) participants,
      (select group_concat(uri, '|') from (select a.uri from engagement_articles ea join articles a on a.id = ea.article_id where ea.engagement_id = e.id order by a.uri)) articles
      from engagements e`),
    quotes: await q(`select (select uri from articles where id = q.article_id) article, q.position, q.text,
      coalesce((select name from people where id = q.speaker_person_id), (select name from organisations where id = q.speaker_organisation_id)) speaker,
      (select summary from engagements where id = q.engagement_id) engagement from quotes q`),
    figures: await q(`select (select uri from articles where id = f.article_id) article, f.position, f.text, f.value, f.currency, f.unit, f.metric from figures f`),
  };
}

/** A small valid bundle: one article with the given people, organisations and places (all linked). */
export function bundle(
  uri: string,
  parts: {
    people?: Record<string, unknown>[];
    organisations?: Record<string, unknown>[];
    places?: Record<string, unknown>[];
    engagements?: Record<string, unknown>[];
    quotes?: Record<string, unknown>[];
    figures?: Record<string, unknown>[];
    body?: string;
  } = {},
) {
  return {
    ninjs: {
      uri,
      type: 'text',
      language: 'en',
      headlines: [{ role: 'main', value: `Headline of ${uri}` }],
      bodies: [{ role: 'main', contentType: 'text/plain', value: parts.body ?? `Body of ${uri}. “Quoted words” said someone.` }],
    },
    annotations: {
      people: parts.people ?? [],
      organisations: parts.organisations ?? [],
      places: parts.places ?? [],
      engagements: parts.engagements ?? [],
      quotes: parts.quotes ?? [],
      figures: parts.figures ?? [],
    },
  };
}
