/**
 * The bulk path of the one loader: many articles per write transaction, each article's writes
 * sent as part of one batch. The CLI (`npm run ingest`), text ingest of many files and the corpus
 * generator come through here; the mutations keep `loadBundle` (./load.ts).
 *
 * The outcome is the one `loadBundle` gives when the same articles are loaded one by one, in
 * order: the same rows, ids included. For each chunk of articles, in one transaction:
 *
 *   1. one read (a batch) of everything the chunk's entities can resolve to: stored entities by
 *      folded name, variant key, alias, acronym, ISO code and sameAs URI, their aliases, URIs and
 *      roles, the slugs their names could take, the articles by uri, and `sqlite_sequence`;
 *   2. entity resolution for each article in order, in memory: the planner is the `EntityStore`
 *      of ./resolve.ts's own resolution (`resolveEntitiesIn`), answering from its mirror of what
 *      the chunk read and wrote (`KindMirror`): an article sees what earlier articles of the
 *      chunk created. New rows' ids are predicted from
 *      `sqlite_sequence` (every table is AUTOINCREMENT; an insert offering a row consumes an id
 *      even when the row conflicts, so the same inserts are offered as the single path offers);
 *   3. one read of the engagements by fingerprint, then the article, link, engagement, quote and
 *      figure rows of each article (./write-article.ts, ./engagements.ts builders);
 *   4. one batch with every write: table by table in the order the single path writes one
 *      article's tables, each table's rows of all the articles, in order, in one multi-row
 *      statement (`chunkStatements`: about 20 statements a chunk, not 20 an article; SQLite
 *      compiles each statement with its triggers, which cost more than the rows). Each insert
 *      whose id was predicted returns it, and a mismatch aborts the transaction;
 *   5. the search index folded once for the chunk (its writes batched), then COMMIT.
 *
 * Over HTTP (Hrana) a chunk costs about six round trips whatever its size. An article the planner
 * does not cover is loaded by `loadBundle` on its own, in order, between chunks: a re-load of a
 * stored uri with other content, a bundle naming our own URIs (exported documents), a uri twice in
 * one chunk. Bad input is refused per article, with every problem, before any write; the others
 * load. A chunk whose write fails is rolled back whole and its articles are loaded one by one, so
 * the failing article fails alone and nothing is half-written.
 */
import type { InStatement, ResultSet, Transaction } from '@libsql/client';
import { getTableColumns, getTableName, is, SQL, sql } from 'drizzle-orm';
import { SQLiteDialect, type SQLiteColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Database } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { KIND_OF_OWNER, NODE_KINDS } from '../domain/vocabulary.ts';
import { parseOwnUri } from '../export/uris.ts';
import { foldPendingSearchDocs } from '../search/index.ts';
import type { PersonInput } from './bundle.ts';
import { engagementFacts, engagementRows, identifyEngagements, participantRows, reportRows, type IdentifiedEngagement } from './engagements.ts';
import { loadBundle, type LoadOptions, type LoadResult } from './load.ts';
import { candidateKeys, incoming, uniq, type Candidates, type EntityInput, type EntityTable, type Incoming, type OwnerColumn } from './match.ts';
import { normaliseInput } from './normalise.ts';
import { contentHash, prepareBundle, type Dates, type PreparedBundle } from './prepare.ts';
import { nameRows, pickSlugs, planRoles, resolveEntitiesIn, slugBase, type ConflictTarget, type EntityIds, type EntityKindSpec, type EntityStore, type Ids, type StoredRole } from './resolve.ts';
import { clientWriteTransaction } from './transaction.ts';
import { BundleRejected, validateNormalised, type Problem } from './validate.ts';
import { articleRow, entityLinkRows, holdsBundle, quoteAndFigureRows, type StoredArticle } from './write-article.ts';

/** Options of `loadBundles`: those of `loadBundle` but `onStep`, and the chunk size. */
export interface BulkOptions extends Omit<LoadOptions, 'onStep'> {
  /** Articles per transaction (default 100). Over HTTP a chunk is one request body of a few MB at most. */
  chunkSize?: number;
  /** Called after each chunk or single load with the number of inputs settled so far. */
  progress?: (settled: number) => void;
}

/** What happened to one input of `loadBundles`, in input order. `via` says which path wrote it. */
export type BulkOutcome =
  | { status: 'loaded'; result: LoadResult; via: 'bulk' | 'single' }
  | { status: 'rejected'; problems: Problem[] }
  | { status: 'failed'; error: string };

/** The planner cannot answer for this article from what it read: the chunk ends before it. */
class Unplannable extends Error {}

type Item = { index: number; input: unknown; p: PreparedBundle; single: boolean };

/**
 * Load many bundles (or ninjs items), in order, many per transaction. Never throws for one
 * article's fault: each input gets its outcome (loaded, rejected with every problem, failed).
 * @param inputs parsed JSON documents, as `loadBundle` takes them
 * @throws only what the database throws outside any article (e.g. the connection is gone)
 */
export async function loadBundles(db: Database, inputs: readonly unknown[], options: BulkOptions = {}): Promise<BulkOutcome[]> {
  const own = options.ownBaseUrls ?? [];
  const chunkSize = Math.max(1, options.chunkSize ?? 100);
  const outcomes: BulkOutcome[] = new Array(inputs.length);
  const items: (Item | null)[] = inputs.map((input, index) => {
    const prepared = prepareInput(input, own);
    if ('status' in prepared) {
      outcomes[index] = prepared;
      return null;
    }
    return { index, input, p: prepared, single: needsSinglePath(prepared, own) };
  });
  const single = async (item: Item) => {
    outcomes[item.index] = await loadOne(db, item.input, options);
  };

  let i = 0;
  while (i < items.length) {
    const first = items[i];
    if (!first) {
      i++;
      continue;
    }
    if (first.single) {
      await single(first);
      i++;
      options.progress?.(i);
      continue;
    }
    const chunk: Item[] = [];
    const uris = new Set<string>();
    let j = i;
    for (; j < items.length && chunk.length < chunkSize; j++) {
      const item = items[j];
      if (!item) continue;
      if (item.single || uris.has(item.p.article.uri)) break;
      uris.add(item.p.article.uri);
      chunk.push(item);
    }
    const done = await loadChunk(db, chunk, outcomes, options);
    if (done < chunk.length) {
      await single(chunk[done]!);
      i = chunk[done]!.index + 1;
    } else i = j;
    options.progress?.(i);
  }
  return outcomes;
}

/** Normalise, validate and prepare one input (pure), as `loadBundle` does before its transaction. */
function prepareInput(input: unknown, own: readonly string[]): PreparedBundle | BulkOutcome {
  try {
    const validation = validateNormalised(normaliseInput(input));
    if (!validation.ok) return { status: 'rejected', problems: validation.problems };
    const preparation = prepareBundle(validation.bundle, own);
    if (!preparation.ok) return { status: 'rejected', problems: preparation.problems };
    return preparation.prepared;
  } catch (e) {
    if (e instanceof BundleRejected) return { status: 'rejected', problems: e.problems };
    return { status: 'failed', error: (e as Error).message };
  }
}

/** Bundles naming our own URIs (an exported document coming back) resolve by slug: the single path. */
function needsSinglePath(p: PreparedBundle, own: readonly string[]): boolean {
  if (p.ownEvents.length) return true;
  const a = p.bundle.annotations;
  return [...a.people, ...a.organisations, ...a.places].some((e) => e.sameAs.some((uri) => parseOwnUri(uri, own)));
}

async function loadOne(db: Database, input: unknown, options: BulkOptions): Promise<BulkOutcome> {
  try {
    return { status: 'loaded', result: await loadBundle(db, input, options), via: 'single' };
  } catch (e) {
    if (e instanceof BundleRejected) return { status: 'rejected', problems: e.problems };
    return { status: 'failed', error: (e as Error).message };
  }
}

/**
 * Load a chunk in one transaction. Returns how many of its articles (a prefix) it settled; the
 * next one needs the single path. A failed write rolls the chunk back and loads it one by one.
 */
async function loadChunk(db: Database, chunk: Item[], outcomes: BulkOutcome[], options: BulkOptions): Promise<number> {
  let results: { item: Item; result: LoadResult }[];
  try {
    results = await clientWriteTransaction(db, async (tx) => {
      const planner = new ChunkPlanner(db, tx, options);
      const planned = await planner.plan(chunk);
      if (planned.length) {
        await planner.write();
        const executor = batchedExecutor(tx);
        await foldPendingSearchDocs(executor as never);
        await executor.flush();
      }
      return planned;
    });
  } catch (e) {
    for (const item of chunk) outcomes[item.index] = await loadOne(db, item.input, options);
    return chunk.length;
  }
  for (const r of results) outcomes[r.item.index] = { status: 'loaded', result: r.result, via: 'bulk' };
  return results.length;
}

// ---------------------------------------------------------------------------------------------
// Reading and writing through the client's transaction

const dialect = new SQLiteDialect();
const compile = (q: SQL): InStatement => {
  const { sql: text, params } = dialect.sqlToQuery(q);
  return { sql: text, args: params as never };
};
/** A JSON array parameter, read in SQL with `json_each` (no limit on the number of values). */
const list = (values: Iterable<string | number>) => sql`(select value from json_each(${JSON.stringify([...values])}))`;

/**
 * Drizzle's `all` / `run` over the client's transaction, for code that ignores what `run` returns
 * (the search fold): `run` is queued and sent with the next `all`, or by `flush` (one round trip each).
 */
function batchedExecutor(tx: Transaction) {
  const queued: InStatement[] = [];
  return {
    async all(q: SQL) {
      const rs = await tx.batch([...queued.splice(0), compile(q)]);
      return rs.at(-1)!.rows.map((r) => ({ ...r }));
    },
    async run(q: SQL) {
      queued.push(compile(q));
    },
    async flush() {
      if (queued.length) await tx.batch(queued.splice(0));
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The chunk planner

type EntityRow = {
  id: number;
  nameKey: string;
  variantKey: string | null;
  kind: string | null;
  acronym: string | null;
  countryId: number | null;
  parentId: number | null;
  iso3166: string | null;
  nationalityId: number | null;
};

/** ASCII lower case, as SQLite's `lower()` without ICU. */
const sqlLower = (s: string) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
const add = <K, V>(m: Map<K, Set<V>>, k: K, v: V) => (m.get(k) ?? m.set(k, new Set()).get(k)!).add(v);

/** What the chunk read of one kind of entity, kept up to date with what its articles write. */
class KindMirror {
  readonly rows = new Map<number, EntityRow>();
  readonly byName = new Map<string, Set<number>>();
  readonly byVariant = new Map<string, Set<number>>();
  readonly byAlias = new Map<string, Set<number>>();
  readonly byAcronym = new Map<string, Set<number>>();
  readonly byIso = new Map<string, number>();
  readonly urisOf = new Map<number, string[]>();
  readonly slugs = new Set<string>();
  /** Keys the read covered: a lookup outside them cannot be answered. */
  readonly known = { names: new Set<string>(), slugBases: new Set<string>() };

  readonly owner: OwnerColumn;
  readonly table: EntityTable;
  constructor(owner: OwnerColumn, table: EntityTable) {
    this.owner = owner;
    this.table = table;
  }

  addRow(row: EntityRow) {
    this.rows.set(row.id, row);
    add(this.byName, row.nameKey, row.id);
    if (row.variantKey !== null) add(this.byVariant, row.variantKey, row.id);
    if (row.acronym) add(this.byAcronym, sqlLower(row.acronym), row.id);
    if (row.iso3166) this.byIso.set(row.iso3166, row.id);
  }

  update(row: EntityRow, set: Partial<EntityRow>) {
    if ('acronym' in set && row.acronym) this.byAcronym.get(sqlLower(row.acronym))?.delete(row.id);
    Object.assign(row, set);
    if ('acronym' in set && row.acronym) add(this.byAcronym, sqlLower(row.acronym), row.id);
    if ('iso3166' in set && row.iso3166) this.byIso.set(row.iso3166, row.id);
  }

  /** The ids of the rows holding one of these slugs' bases: `base` or `base-N` taken? */
  takenSlugs(bases: string[]) {
    for (const b of bases) if (!this.known.slugBases.has(b)) throw new Unplannable(`slug ${b}`);
    return this.slugs;
  }
}

/** A built statement (Drizzle's query builders). */
type Query = { toSQL(): { sql: string; params: unknown[] } };

/**
 * One write of the chunk: rows offered to a table by `insert ... values ...` and `tail` (its
 * conflict and returning clauses; the next write of the same table and tail is merged into it),
 * or a statement sent as it is. `returns[i]` is what RETURNING gives for row i (columns joined
 * by '/'), null if the row conflicts.
 */
type Write =
  | { table: SQLiteTable; tail: string; rows: Record<string, unknown>[]; returns?: (string | null)[] }
  | { table: SQLiteTable; query: Query };

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
const names = (columns: SQLiteColumn[]) => columns.map((c) => quoted(c.name)).join(', ');
/** Tails of the chunk's inserts. */
const IGNORE = ' on conflict do nothing';
const returning = (...columns: SQLiteColumn[]) => ` returning ${names(columns)}`;

/** A table's insertable columns (Drizzle's field name, column), in Drizzle's order. */
const insertable = (table: SQLiteTable): [string, SQLiteColumn][] => Object.entries(getTableColumns(table)).filter(([, c]) => c.generated === undefined || c.generated.type === 'byDefault');

/**
 * `insert into <table> (<columns>) values (...), (...)<tail>` binding what Drizzle's insert
 * binds for each row (drizzle-orm sqlite-core dialect `buildInsertQuery`: a missing field takes
 * the column's default, `$defaultFn`, `$onUpdateFn` or null; values go through the column's
 * encoder). Built here because Drizzle's builder costs more per value than SQLite's insert.
 */
function insertStatement(table: SQLiteTable, rows: Record<string, unknown>[], tail: string): InStatement & { sql: string } {
  const columns = insertable(table);
  const args: unknown[] = [];
  for (const row of rows)
    for (const [field, c] of columns) {
      let v = row[field];
      if (v === undefined) v = c.default ?? (c.defaultFn ? c.defaultFn() : c.onUpdateFn ? c.onUpdateFn() : null);
      if (is(v, SQL)) throw new Error(`bulk load: SQL as a value of ${c.name}`);
      args.push(v === null ? null : c.mapToDriverValue(v));
    }
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const text = `insert into ${quoted(getTableName(table))} (${names(columns.map(([, c]) => c))}) values ${rows.map(() => tuple).join(', ')}${tail}`;
  return { sql: text, args: args as never };
}

/**
 * The tables in the order the single path writes them for one article (./load.ts): each
 * statement's triggers and foreign keys see the same rows of the other tables as there, but for
 * what the chunk's later articles add, which only queues search documents the chunk's fold
 * reads in their final state. Within a table the rows keep their order (ids, conflicts).
 */
const WRITE_ORDER: SQLiteTable[] = [
  t.places, t.organisations, t.people, t.aliases, t.sameAs, t.roles,
  t.articles, t.articlePeople, t.articleOrganisations, t.articlePlaces,
  t.engagements, t.participants, t.engagementArticles, t.quotes, t.figures,
];

/** SQLite's default limit on a statement's parameters (SQLITE_MAX_VARIABLE_NUMBER, 32766 since 3.32). */
const MAX_PARAMS = 32_766;

/** The chunk's statements: writes grouped by table in `WRITE_ORDER`, runs of inserts of one kind merged (split at `MAX_PARAMS`). */
function chunkStatements(writes: Write[]): { stmt: InStatement & { sql: string }; expect?: string[] }[] {
  const byTable = new Map<SQLiteTable, Write[]>(WRITE_ORDER.map((table) => [table, []]));
  for (const w of writes) {
    const list = byTable.get(w.table);
    if (!list) throw new Error(`bulk load: ${getTableName(w.table)} has no place in WRITE_ORDER`);
    list.push(w);
  }
  const out: { stmt: InStatement & { sql: string }; expect?: string[] }[] = [];
  for (const [table, list] of byTable) {
    const perStatement = Math.max(1, Math.floor(MAX_PARAMS / insertable(table).length));
    for (let i = 0; i < list.length; ) {
      const w = list[i]!;
      if ('query' in w) {
        const { sql: text, params } = w.query.toSQL();
        out.push({ stmt: { sql: text, args: params as never } });
        i++;
        continue;
      }
      const rows: Record<string, unknown>[] = [];
      const returns: (string | null)[] = [];
      for (; i < list.length; i++) {
        const x = list[i]!;
        if ('query' in x || x.tail !== w.tail) break;
        rows.push(...x.rows);
        if (x.returns) returns.push(...x.returns);
      }
      // Triggers fired by an upsert queue with ON CONFLICT DO NOTHING (drizzle/*_search_queue_upsert),
      // so rows of one conflict key may share a statement.
      for (let k = 0; k < rows.length; k += perStatement) {
        const end = Math.min(rows.length, k + perStatement);
        const stmt = insertStatement(table, rows.slice(k, end), w.tail);
        out.push(w.returns ? { stmt, expect: returns.slice(k, end).filter((r) => r !== null) } : { stmt });
      }
    }
  }
  return out;
}

class ChunkPlanner implements EntityStore {
  private readonly kinds: Record<OwnerColumn, KindMirror> = {
    placeId: new KindMirror('placeId', t.places),
    organisationId: new KindMirror('organisationId', t.organisations),
    personId: new KindMirror('personId', t.people),
  };
  private readonly sameAs = new Map<string, { owner: OwnerColumn; id: number }>();
  private readonly roles = new Map<number, StoredRole[]>();
  private readonly seq = new Map<string, number>();
  private readonly articles = new Map<string, StoredArticle>();
  private readonly articleSlugs = new Set<string>();
  private readonly articleSlugBases = new Set<string>();
  private readonly fingerprints = new Map<string, number>();
  /** The chunk's writes in the order the single path makes them, article by article (`write` groups them by table). */
  private readonly writes: Write[] = [];

  private readonly db: Database;
  private readonly tx: Transaction;
  private readonly options: BulkOptions;
  constructor(db: Database, tx: Transaction, options: BulkOptions) {
    this.db = db;
    this.tx = tx;
    this.options = options;
  }

  private get own() {
    return this.options.ownBaseUrls ?? [];
  }

  /** Plan the chunk's writes; returns the articles planned (a prefix of `chunk`) with their results. */
  async plan(chunk: Item[]): Promise<{ item: Item; result: LoadResult }[]> {
    await this.read(chunk);
    const planned: { item: Item; ids: EntityIds; existing?: StoredArticle }[] = [];
    for (const item of chunk) {
      const existing = this.articles.get(item.p.article.uri);
      if (existing) {
        if (!holdsBundle(existing, item.p.bundleDigest)) break; // a re-load: the single path
        planned.push({ item, ids: { placeIds: new Map(), orgIds: new Map(), personIds: new Map() }, existing });
        continue;
      }
      const mark = this.writes.length;
      try {
        planned.push({ item, ids: await resolveEntitiesIn(this, item.p.bundle.annotations, item.p.dates, this.own) });
      } catch (e) {
        if (!(e instanceof Unplannable)) throw e;
        this.writes.length = mark; // the mirror may hold part of this article: nothing after it is planned
        break;
      }
    }
    // Engagements by fingerprint need the entities' ids: one more read, then the articles' own rows.
    const identified = planned.map((x) => (x.existing ? [] : identifyEngagements(x.item.p.bundle.annotations.engagements, x.item.p.dates, x.ids, x.item.p.article.uri)));
    await this.readEngagements(identified.flat());
    const results: { item: Item; result: LoadResult }[] = [];
    for (const [k, x] of planned.entries()) {
      if (x.existing) {
        const e = x.existing;
        results.push({ item: x.item, result: { articleId: e.id, slug: e.slug, created: false, changed: false, version: e.version } });
      } else results.push({ item: x.item, result: this.planArticle(x.item.p, x.ids, identified[k]!) });
    }
    return results;
  }

  /**
   * Send every planned write in one batch, table by table in the single path's order
   * (`WRITE_ORDER`), each table's writes in article order, consecutive inserts of one kind
   * merged into one statement; then check each predicted id.
   */
  async write() {
    const statements = chunkStatements(this.writes);
    if (!statements.length) return;
    const results = await this.tx.batch(statements.map((s) => s.stmt));
    for (const [i, s] of statements.entries()) {
      if (!s.expect) continue;
      const got = results[i]!.rows.map((r) => Array.from({ length: r.length }, (_, k) => String(r[k])).join('/')).sort();
      const want = s.expect.sort();
      if (got.length !== want.length || got.some((g, k) => g !== want[k])) throw new Error(`bulk load: statement ${i} did not return what was planned (${s.stmt.sql.slice(0, 80)})`);
    }
  }

  /** Offer `rows` to `table`, `tail` saying what a conflict does and what returns; `returns[i]`: what row i's RETURNING gives, null if it conflicts. */
  private insert(table: SQLiteTable, tail: string, rows: object[], returns?: (string | null)[]) {
    if (rows.length) this.writes.push({ table, tail, rows: rows as Record<string, unknown>[], ...(returns ? { returns } : {}) });
  }

  /** A statement sent as it is (updates). */
  private statement(table: SQLiteTable, q: Query) {
    this.writes.push({ table, query: q });
  }

  private next(table: string) {
    const id = (this.seq.get(table) ?? 0) + 1;
    this.seq.set(table, id);
    return id;
  }

  // -- Reads ----------------------------------------------------------------------------------

  /** Everything the chunk's entities and articles can resolve to, in one batch. */
  private async read(chunk: Item[]) {
    const keys = { placeId: newKeys(), organisationId: newKeys(), personId: newKeys() };
    const uris = new Set<string>();
    const acronyms = new Set<string>();
    for (const { p } of chunk) {
      const a = p.bundle.annotations;
      const each = (owner: OwnerColumn, list: EntityInput[]) => {
        const k = keys[owner];
        for (const e of list.map((x) => this.incoming(x, owner))) {
          for (const n of [e.nameKey, ...e.aliasKeys]) k.names.add(n);
          if (e.variantResolves) k.variants.add(e.variantKey);
          k.aliases.add(e.nameKey);
          if (e.acronymKey) (k.aliases.add(e.acronymKey), acronyms.add(e.acronymKey));
          if (e.iso3166) k.iso.add(e.iso3166);
          for (const uri of e.sameAs) uris.add(uri);
          k.slugBases.add(slugBase(e.name));
        }
      };
      each('placeId', a.places);
      each('organisationId', a.organisations);
      each('personId', a.people);
      this.articleSlugBases.add(slugBase(p.article.slug));
    }
    const q: SQL[] = [sql`select name, seq from sqlite_sequence`];
    q.push(sql`select id, uri, slug, version, ninjs_extra from articles where uri in ${list(chunk.map((x) => x.p.article.uri))}`);
    q.push(sql`select a.slug from json_each(${JSON.stringify([...this.articleSlugBases])}) b join articles a on a.slug >= b.value and a.slug < b.value || '.'`);
    const owners: OwnerColumn[] = ['placeId', 'organisationId', 'personId'];
    for (const owner of owners) {
      const k = keys[owner];
      const m = this.kinds[owner];
      const table = getTableName(m.table);
      const column = ownerColumn(owner);
      const col = sql.raw(column);
      const where = sql`(${sql.join(
        [
          sql`name_key in ${list(k.names)}`,
          sql`variant_key in ${list(k.variants)}`,
          sql`id in (select ${col} from aliases where name_key in ${list(k.aliases)})`,
          sql`id in (select ${col} from same_as where uri in ${list(uris)})`,
          ...(owner === 'placeId' ? [sql`iso3166 in ${list(k.iso)}`] : []),
          ...(owner === 'organisationId' ? [sql`lower(acronym) in ${list(acronyms)}`] : []),
        ],
        sql` or `,
      )})`;
      q.push(sql`select ${sql.raw(ROW_COLUMNS[owner])} from ${sql.raw(table)} where ${where}`);
      q.push(sql`select ${sql.raw(column)}, name_key from aliases where ${sql.raw(column)} is not null and name_key in ${list(k.aliases)}`);
      q.push(
        sql`select uri, ${sql.raw(column)} from same_as where ${sql.raw(column)} is not null and (uri in ${list(uris)} or ${sql.raw(column)} in (select id from ${sql.raw(table)} where variant_key in ${list(k.variants)}) or ${sql.raw(column)} in (select id from ${sql.raw(table)} where ${where}))`,
      );
      q.push(sql`select t.slug from json_each(${JSON.stringify([...k.slugBases])}) b join ${sql.raw(table)} t on t.slug >= b.value and t.slug < b.value || '.'`);
      for (const n of k.names) m.known.names.add(n);
      for (const b of k.slugBases) m.known.slugBases.add(b);
      if (owner === 'personId') q.push(sql`select id, person_id, title, organisation_id from roles where person_id in (select id from people where ${where})`);
    }
    // URIs naming another kind's entity also block an insert (same_as.uri is the primary key).
    q.push(sql`select uri, person_id, organisation_id, place_id from same_as where uri in ${list(uris)}`);
    const rs = await this.tx.batch(q.map(compile));
    let r = 0;
    for (const row of rs[r++]!.rows) this.seq.set(String(row[0]), Number(row[1]));
    for (const row of rs[r++]!.rows)
      this.articles.set(String(row[1]), { id: Number(row[0]), slug: String(row[2]), version: Number(row[3]), ninjsExtra: row[4] === null ? null : JSON.parse(String(row[4])) });
    for (const row of rs[r++]!.rows) this.articleSlugs.add(String(row[0]));
    for (const owner of owners) {
      const m = this.kinds[owner];
      for (const row of rs[r++]!.rows) m.addRow(entityRow(owner, row));
      for (const row of rs[r++]!.rows) add(m.byAlias, String(row[1]), Number(row[0]));
      const seen = new Set<string>();
      for (const row of rs[r++]!.rows) {
        const id = Number(row[1]);
        const uri = String(row[0]);
        if (seen.has(uri)) continue;
        seen.add(uri);
        (m.urisOf.get(id) ?? m.urisOf.set(id, []).get(id)!).push(uri);
      }
      for (const row of rs[r++]!.rows) m.slugs.add(String(row[0]));
      if (owner === 'personId')
        for (const row of rs[r++]!.rows) {
          const role = { id: Number(row[0]), personId: Number(row[1]), title: String(row[2]), organisationId: row[3] === null ? null : Number(row[3]) };
          (this.roles.get(role.personId) ?? this.roles.set(role.personId, []).get(role.personId)!).push(role);
        }
    }
    for (const row of rs[r++]!.rows) {
      const owner: OwnerColumn = row[1] !== null ? 'personId' : row[2] !== null ? 'organisationId' : 'placeId';
      this.sameAs.set(String(row[0]), { owner, id: Number(row[1] ?? row[2] ?? row[3]) });
    }
  }

  private async readEngagements(identified: IdentifiedEngagement[]) {
    if (!identified.length) return;
    const rs = await this.tx.execute(compile(sql`select id, fingerprint from engagements where fingerprint in ${list(uniq(identified.map((e) => e.fingerprint)))}`));
    for (const row of rs.rows) this.fingerprints.set(String(row[1]), Number(row[0]));
  }

  // -- Entities (./resolve.ts, in memory) -----------------------------------------------------

  // The planner is the `EntityStore` of `resolveEntitiesIn` (./resolve.ts): the single path's
  // resolution, run against the mirror, its writes queued.

  private readonly incomings = new Map<EntityInput, Incoming>();
  /** `incoming` once per bundle entity (the read and the resolution both need it). */
  incoming(e: EntityInput, owner: OwnerColumn): Incoming {
    let x = this.incomings.get(e);
    if (!x) this.incomings.set(e, (x = incoming(e, owner)));
    return x;
  }

  private mirrorOf(table: EntityTable): KindMirror {
    return Object.values(this.kinds).find((m) => m.table === table)!;
  }

  stored<S extends { id: number }>(kind: EntityKindSpec<never, S>, ids: number[]): S[] {
    const m = this.kinds[kind.owner];
    return ids.map((id) => {
      const row = m.rows.get(id);
      if (!row) throw new Unplannable(`row ${id}`);
      return row as unknown as S;
    });
  }

  update<S extends { id: number }>(table: EntityTable, s: S, set: Partial<S>) {
    this.statement(table, this.db.update(table).set(set as never).where(sql`${table.id} = ${s.id}`));
    this.mirrorOf(table).update(s as unknown as EntityRow, set as Partial<EntityRow>);
  }

  addNames(owner: OwnerColumn, entities: EntityInput[], ids: Ids) {
    const m = this.kinds[owner];
    const names = nameRows(owner, entities, ids, this.own);
    this.insert(t.aliases, IGNORE, names.aliases);
    for (const row of names.aliases) add(m.byAlias, String(row.nameKey), Number(row[owner]));
    this.insert(t.sameAs, IGNORE, names.uris);
    for (const row of names.uris) {
      const uri = String(row.uri);
      if (this.sameAs.has(uri)) continue;
      const id = Number(row[owner]);
      this.sameAs.set(uri, { owner, id });
      (m.urisOf.get(id) ?? m.urisOf.set(id, []).get(id)!).push(uri);
    }
  }

  readonly placeExists = (placeKind: string, nameKey: string) => {
    const places = this.kinds.placeId;
    if (!places.known.names.has(nameKey)) throw new Unplannable(`place ${nameKey}`);
    return [...(places.byName.get(nameKey) ?? [])].some((id) => places.rows.get(id)!.kind === placeKind);
  };

  /** What `candidates` (./match.ts) would read for this list, from the mirror. */
  candidates(owner: OwnerColumn, _table: EntityTable, list: Incoming[]): Candidates {
    const m = this.kinds[owner];
    const own = this.own;
    const isPlace = m.owner === 'placeId';
    const external = list.flatMap((e) => e.sameAs.filter((uri) => !parseOwnUri(uri, own)));
    const { nameKeys, variantKeys, aliasKeys, acronymKeys, isoCodes } = candidateKeys(list);
    for (const k of nameKeys) if (!m.known.names.has(k)) throw new Unplannable(`name ${k}`);
    const kindOf = (id: number) => (isPlace ? m.rows.get(id)!.kind : null);
    const push = (map: Map<string, { id: number; kind: string | null }[]>, k: string, id: number) =>
      (map.get(k) ?? map.set(k, []).get(k)!).push({ id, kind: kindOf(id) });

    const bySameAs = new Map<string, number>();
    for (const uri of uniq(external)) {
      const hit = this.sameAs.get(uri);
      if (hit && hit.owner === m.owner) bySameAs.set(uri, hit.id);
    }
    const byName = new Map<string, { id: number; kind: string | null }[]>();
    const byVariant = new Map<string, { id: number; kind: string | null }[]>();
    const names = new Set(nameKeys);
    const variants = new Set(variantKeys);
    const hits = new Set<number>();
    for (const k of nameKeys) for (const id of m.byName.get(k) ?? []) hits.add(id);
    for (const k of variantKeys) for (const id of m.byVariant.get(k) ?? []) hits.add(id);
    for (const id of [...hits].sort((x, y) => x - y)) {
      const row = m.rows.get(id)!;
      if (names.has(row.nameKey)) push(byName, row.nameKey, id);
      if (row.variantKey !== null && variants.has(row.variantKey)) push(byVariant, row.variantKey, id);
    }
    const sameAsOf = new Map<number, string[]>();
    const variantIds = uniq([...byVariant.values()].flat().map((h) => h.id));
    if (variantIds.length && external.length) for (const id of variantIds) if (m.urisOf.has(id)) sameAsOf.set(id, [...m.urisOf.get(id)!]);
    const byAlias = new Map<string, { id: number; kind: string | null }[]>();
    for (const k of aliasKeys) for (const id of m.byAlias.get(k) ?? []) push(byAlias, k, id);
    const byAcronym = new Map<string, { id: number; kind: string | null }[]>();
    const orgs = this.kinds.organisationId;
    for (const k of acronymKeys) for (const id of orgs.byAcronym.get(k) ?? []) (byAcronym.get(k) ?? byAcronym.set(k, []).get(k)!).push({ id, kind: null });
    const byIso = new Map<string, number>();
    const places = this.kinds.placeId;
    for (const code of isoCodes) if (places.byIso.has(code)) byIso.set(code, places.byIso.get(code)!);
    return { bySlug: new Map(), bySameAs, byName, byVariant, sameAsOf, byAlias, byAcronym, byIso };
  }

  /** `insertNew` (./resolve.ts): every row offered, in order; one already stored under its key is found instead. */
  insertNew(table: EntityTable, list: { e: Incoming; row: Record<string, unknown> }[], target: ConflictTarget): Ids {
    const m = this.mirrorOf(table);
    const ids: Ids = new Map();
    if (!list.length) return ids;
    const bases = list.map((x) => slugBase(x.e.name));
    const taken = m.takenSlugs(bases);
    const picked = new Set<string>();
    const slugs = pickSlugs(bases, { has: (s) => taken.has(s) || picked.has(s), add: (s) => picked.add(s) });
    for (const [i, { e, row }] of list.entries()) {
      const kind = (row.kind as string | undefined) ?? null;
      const stored = [...(m.byName.get(e.nameKey) ?? [])].find((id) => m.owner !== 'placeId' || m.rows.get(id)!.kind === (e.kind ?? 'OTHER'));
      const id = this.next(getTableName(m.table));
      const values = { ...row, name: e.name, nameKey: e.nameKey, variantKey: e.variantKey, slug: slugs[i]! };
      const offer = (returns: string | null) =>
        this.insert(m.table, onConflictDoNothing(target) + returning(m.table.id), [values], [returns]);
      if (stored !== undefined) {
        offer(null);
        ids.set(e.key, stored);
        continue;
      }
      offer(String(id));
      m.addRow({
        id,
        nameKey: e.nameKey,
        variantKey: e.variantKey,
        kind,
        acronym: (row.acronym as string | null | undefined) ?? null,
        countryId: (row.countryId as number | null | undefined) ?? null,
        parentId: null,
        iso3166: (row.iso3166 as string | null | undefined) ?? null,
        nationalityId: (row.nationalityId as number | null | undefined) ?? null,
      });
      m.slugs.add(slugs[i]!);
      ids.set(e.key, id);
    }
    return ids;
  }

  upsertRoles(inputs: PersonInput[], personIds: Ids, orgIds: Ids, dates: Dates) {
    const withRoles = inputs.filter((x) => x.roles.length);
    if (!withRoles.length) return;
    const existing = uniq(withRoles.map((x) => personIds.get(x.key)!)).flatMap((id) => this.roles.get(id) ?? []);
    const plan = planRoles(withRoles, personIds, orgIds, dates, existing);
    for (const u of plan.updates) this.statement(t.roles, this.db.update(t.roles).set(u.values as never).where(sql`${t.roles.id} = ${u.id}`));
    if (!plan.inserts.length) return;
    const expected = plan.inserts.map((row) => {
      const id = this.next('roles');
      const role = { id, personId: Number(row.personId), title: String(row.title), organisationId: (row.organisationId as number | null) ?? null };
      (this.roles.get(role.personId) ?? this.roles.set(role.personId, []).get(role.personId)!).push(role);
      return String(id);
    });
    this.insert(t.roles, IGNORE + returning(t.roles.id), plan.inserts, expected);
  }

  // -- The article's own rows (./write-article.ts, ./engagements.ts) --------------------------

  private planArticle(p: PreparedBundle, ids: EntityIds, engagements: IdentifiedEngagement[]): LoadResult {
    const now = this.options.now ?? new Date();
    const hash = contentHash(p, { ids, engagements });
    const row = articleRow(p, hash, ids, now);
    const base = slugBase(p.article.slug);
    if (!this.articleSlugBases.has(base)) throw new Error(`bulk load: article slug ${base} was not read`);
    const [slug] = pickSlugs([base], this.articleSlugs);
    const articleId = this.next('articles');
    const written = { articleId, slug: slug!, version: 1, ninjsExtra: row.ninjsExtra, former: { engagements: [], quotes: [], figures: [] } };

    const links = entityLinkRows(articleId, p.bundle, ids);
    this.insert(t.articlePeople, '', links.people);
    this.insert(t.articleOrganisations, '', links.orgs);
    this.insert(t.articlePlaces, '', links.places);

    const engagementIds: Ids = new Map();
    if (engagements.length) {
      const rows = engagementRows(engagements);
      const returns = rows.map((r) => {
        const next = this.next('engagements');
        const id = this.fingerprints.get(r.fingerprint) ?? next;
        this.fingerprints.set(r.fingerprint, id);
        return `${id}/${r.fingerprint}`;
      });
      this.insert(t.engagements, ENGAGEMENT_UPSERT, rows, returns);
      for (const e of engagements) engagementIds.set(e.key, this.fingerprints.get(e.fingerprint)!);
      this.insert(t.participants, IGNORE, participantRows(engagements, engagementIds));
      this.insert(t.engagementArticles, IGNORE, reportRows(articleId, engagementIds));
    }
    // The single path sets these after the engagements (`addEngagementFacts`); no trigger reads
    // them (see the triggers on articles in drizzle/), so the row is written with them at once.
    const late = engagementFacts(written, p, ids, engagementIds);
    this.insert(t.articles, returning(t.articles.id), [{ ...row, ...late, slug: slug!, version: 1 }], [String(articleId)]);
    const qf = quoteAndFigureRows(written, p.bundle, { ...ids, engagementIds });
    this.insert(t.quotes, '', qf.quotes);
    this.insert(t.figures, '', qf.figures);
    return { articleId, slug: slug!, created: true, changed: true, version: 1 };
  }
}

/** `upsertEngagements` (./engagements.ts): a known fingerprint takes the new words. */
const ENGAGEMENT_UPSERT =
  ` on conflict (${quoted(t.engagements.fingerprint.name)}) do update set ` +
  [t.engagements.summary, t.engagements.kind, t.engagements.status].map((c) => `${quoted(c.name)} = excluded.${quoted(c.name)}`).join(', ') +
  returning(t.engagements.id, t.engagements.fingerprint);

/** Drizzle's `onConflictDoNothing(target)` as a tail (a target of columns, no WHERE). */
function onConflictDoNothing(target: ConflictTarget): string {
  const { target: columns, ...rest } = target;
  if (Object.keys(rest).length) throw new Error('bulk load: a conflict target with a condition');
  return ` on conflict (${names([columns].flat() as SQLiteColumn[])}) do nothing`;
}

/** The owner column (SQL) of an entity kind's aliases, same_as and links. */
const ownerColumn = (owner: OwnerColumn) => NODE_KINDS[KIND_OF_OWNER[owner]].ownerColumn;
const ROW_COLUMNS: Record<OwnerColumn, string> = {
  placeId: 'id, name_key, variant_key, kind, null, country_id, null, iso3166, null',
  organisationId: 'id, name_key, variant_key, kind, acronym, country_id, parent_id, null, null',
  personId: 'id, name_key, variant_key, null, null, null, null, null, nationality_id',
};

const newKeys = () => ({ names: new Set<string>(), variants: new Set<string>(), aliases: new Set<string>(), iso: new Set<string>(), slugBases: new Set<string>() });

function entityRow(owner: OwnerColumn, row: ResultSet['rows'][number]): EntityRow {
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const s = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    id: Number(row[0]),
    nameKey: String(row[1]),
    variantKey: s(row[2]),
    kind: owner === 'personId' ? null : s(row[3]),
    acronym: s(row[4]),
    countryId: n(row[5]),
    parentId: n(row[6]),
    iso3166: s(row[7]),
    nationalityId: n(row[8]),
  };
}
