/**
 * A private PostgreSQL cluster for `npm run bench:peer`: initdb into a temporary directory, a
 * server on a unix socket in that directory only (no TCP), the bench corpus copied into it from
 * the SQLite file, and the CPU time of all its processes read from /proc. Never touches the
 * system's PostgreSQL service.
 */
import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import type { Client } from '@libsql/client';

/** Where Debian puts the server binaries (`postgresql-NN` packages); PATH is tried first. */
const DEBIAN_BIN = '/usr/lib/postgresql';

/**
 * The directory holding `initdb`, `pg_ctl` and `postgres`, or null when no server is installed
 * (Debian's `postgresql-client` alone has `psql` but no server). The newest Debian version wins.
 */
export function findPostgresBin(): string | null {
  const has = (dir: string) => ['initdb', 'pg_ctl', 'postgres', 'psql'].every((b) => existsSync(join(dir, b)));
  if (existsSync(DEBIAN_BIN)) {
    const versions = readdirSync(DEBIAN_BIN).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (has(join(DEBIAN_BIN, v, 'bin'))) return join(DEBIAN_BIN, v, 'bin');
  }
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir && has(dir)) return dir;
  return null;
}

/** Clock ticks per second of /proc's CPU times (`getconf CLK_TCK`, 100 on Linux). */
export const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

interface ProcStat {
  ppid: number;
  /** user + system ticks of the process itself (all its threads). */
  own: number;
  /** user + system ticks of its children that exited and were waited for. */
  children: number;
}

/** /proc/<pid>/stat, or null when the process is gone. */
export function procStat(pid: number): ProcStat | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // The command name is in parentheses and may hold spaces: fields start after the last ')'.
  const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { ppid: Number(f[1]), own: Number(f[11]) + Number(f[12]), children: Number(f[13]) + Number(f[14]) };
}

/** CPU milliseconds (user + system) of one process, 0 when it is gone. */
export function processCpuMs(pid: number): number {
  const s = procStat(pid);
  return s ? (s.own * 1000) / CLK_TCK : 0;
}

/** Options that run a command as `postgres` when this process is root (initdb refuses root). */
function asOwner(user: { uid: number; gid: number } | null): SpawnOptions {
  return user ? { uid: user.uid, gid: user.gid } : {};
}

function run(cmd: string, args: string[], opts: SpawnOptions & { input?: string } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...opts, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}:\n${out.slice(-3000)}`))));
    child.stdin!.on('error', () => {}); // an early exit is reported by 'exit'
    child.stdin!.end(opts.input ?? '');
  });
}

/** A running private cluster. */
export interface Cluster {
  /** The unix-socket directory (libpq `host`). */
  socketDir: string;
  port: number;
  database: string;
  user: string;
  /** `postgres://` URL over the socket, for node-postgres. */
  url: string;
  /** The postmaster's pid. */
  pid: () => number;
  /** CPU ms (user + system) of every process of the cluster so far, exited backends included. */
  cpuMs: () => number;
  /** Run SQL through psql (ON_ERROR_STOP): the text on stdin. */
  psql: (sql: string) => Promise<string>;
  /** Stop the server (immediate) and delete its directory; synchronous, so exit handlers can call it. */
  stopSync: () => void;
}

/**
 * initdb a cluster in a new temporary directory and start it on a unix socket there (C collation,
 * so text sorts by bytes like SQLite's BINARY; durability off, as the data is thrown away).
 * @param bin the server binaries' directory ({@link findPostgresBin})
 * @param pinCore run the postmaster (and so every backend) on this CPU core (taskset)
 */
export async function startCluster(bin: string, pinCore: number | null): Promise<Cluster> {
  const dir = mkdtempSync(join(os.tmpdir(), 'newsgraph-peer-pg-'));
  const root = process.getuid?.() === 0;
  let owner: { uid: number; gid: number } | null = null;
  if (root) {
    const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
    if (!Number.isInteger(id('-u')) || spawnSync('id', ['postgres']).status !== 0) throw new Error('running as root and there is no `postgres` user to run the cluster as (initdb refuses root)');
    owner = { uid: id('-u'), gid: id('-g') };
    chownSync(dir, owner.uid, owner.gid);
  }
  const data = join(dir, 'data');
  const port = 5432;
  const user = 'postgres';
  let stopped = false;
  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    if (existsSync(join(data, 'postmaster.pid'))) spawnSync(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], { ...asOwner(owner), stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await run(join(bin, 'initdb'), ['-D', data, '-U', user, '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'], asOwner(owner));
    const settings = [
      `-c listen_addresses=''`,
      `-k ${dir}`,
      `-p ${port}`,
      // Durability is not measured: the data is a throw-away copy.
      '-c fsync=off -c synchronous_commit=off -c full_page_writes=off',
      // JIT compiles only plans above a cost threshold and adds latency spikes to short queries.
      '-c jit=off',
      '-c max_connections=50',
    ].join(' ');
    const pgCtl = [join(bin, 'pg_ctl'), '-D', data, '-l', join(dir, 'server.log'), '-o', settings, '-w', 'start'];
    await run(pinCore == null ? pgCtl[0]! : 'taskset', pinCore == null ? pgCtl.slice(1) : ['-c', String(pinCore), ...pgCtl], asOwner(owner));
  } catch (err) {
    const log = existsSync(join(dir, 'server.log')) ? readFileSync(join(dir, 'server.log'), 'utf8').slice(-2000) : '';
    stopSync();
    throw new Error(`${(err as Error).message}${log ? `\nserver log:\n${log}` : ''}`);
  }
  const pid = () => Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const postmaster = pid();
  const cpuMs = () => {
    const main = procStat(postmaster);
    if (!main) return 0;
    let ticks = main.own + main.children; // exited backends are in the postmaster's children time
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      const s = procStat(Number(name));
      if (s && s.ppid === postmaster) ticks += s.own;
    }
    return (ticks * 1000) / CLK_TCK;
  };
  const psql = (sql: string) => run(join(bin, 'psql'), ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', dir, '-p', String(port), '-U', user, '-d', 'postgres'], { input: sql });
  return { socketDir: dir, port, database: 'postgres', user, url: `postgres://${user}@/postgres?host=${encodeURIComponent(dir)}&port=${port}`, pid, cpuMs, psql, stopSync };
}

// ------------------------------------------------------------------------------------------
// The corpus, copied from the SQLite file

/** The tables the catalogue reads, parents first (foreign keys are added after the copy anyway). */
export const PEER_TABLES = [
  'places',
  'people',
  'organisations',
  'aliases',
  'same_as',
  'roles',
  'articles',
  'article_people',
  'article_organisations',
  'article_places',
  'cameo_codes',
  'engagements',
  'participants',
  'engagement_actors',
  'engagement_articles',
  'quotes',
  'figures',
] as const;

const pgType = (sqliteType: string) => {
  const t = sqliteType.toUpperCase();
  if (t.includes('INT')) return 'integer';
  if (t.includes('REAL') || t.includes('FLOA') || t.includes('DOUB')) return 'double precision';
  return 'text';
};

/** A value in COPY's text format. */
const copyValue = (v: unknown) => {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'bigint' || typeof v === 'number') return String(v);
  if (v instanceof ArrayBuffer) throw new Error('blob columns are not copied');
  return String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
};

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * SQL (for psql) that creates the catalogue's tables with the SQLite file's columns, copies their
 * rows with the same ids, then adds what SQLite declares: primary keys, foreign keys, unique
 * indexes on plain columns as unique constraints (PostGraphile's `*By<Key>` root fields), and the
 * other plain-column indexes. Expression and partial indexes are left to `extra` (hand-written
 * access paths). Ends with VACUUM ANALYZE so autovacuum stays quiet while the benchmark runs.
 */
export async function corpusSql(raw: Client, extra: string): Promise<string> {
  const out: string[] = ['set client_min_messages = warning;', 'begin;'];
  const after: string[] = [];
  for (const table of PEER_TABLES) {
    const cols = (await raw.execute(`pragma table_info(${q(table)})`)).rows as unknown as { name: string; type: string; notnull: number; pk: number }[];
    const pk = cols.filter((c) => Number(c.pk) > 0).sort((a, b) => Number(a.pk) - Number(b.pk)).map((c) => c.name);
    out.push(`create table ${q(table)} (\n  ${cols.map((c) => `${q(c.name)} ${pgType(c.type)}${Number(c.notnull) || pk.includes(c.name) ? ' not null' : ''}`).join(',\n  ')}\n);`);
    if (pk.length) after.push(`alter table ${q(table)} add primary key (${pk.map(q).join(', ')});`);
    const fks = (await raw.execute(`pragma foreign_key_list(${q(table)})`)).rows as unknown as { id: number; table: string; from: string; to: string }[];
    const byId = new Map<number, typeof fks>();
    for (const fk of fks) byId.set(Number(fk.id), [...(byId.get(Number(fk.id)) ?? []), fk]);
    for (const group of byId.values()) {
      if (!(PEER_TABLES as readonly string[]).includes(group[0]!.table)) continue;
      after.push(`alter table ${q(table)} add foreign key (${group.map((g) => q(g.from)).join(', ')}) references ${q(group[0]!.table)} (${group.map((g) => q(g.to)).join(', ')});`);
    }
    const indexes = (await raw.execute(`pragma index_list(${q(table)})`)).rows as unknown as { name: string; unique: number; origin: string; partial: number }[];
    for (const ix of indexes) {
      if (ix.origin === 'pk' || Number(ix.partial)) continue;
      const info = (await raw.execute(`pragma index_xinfo(${q(ix.name)})`)).rows as unknown as { cid: number; name: string | null; desc: number; key: number }[];
      const keys = info.filter((k) => Number(k.key));
      if (keys.some((k) => k.name === null)) continue; // an expression: see `extra`
      const list = keys.map((k) => `${q(k.name!)}${Number(k.desc) ? ' desc' : ''}`).join(', ');
      if (Number(ix.unique)) after.push(`alter table ${q(table)} add constraint ${q(ix.name)} unique (${list});`);
      else after.push(`create index ${q(ix.name)} on ${q(table)} (${list});`);
    }
    const rows = await raw.execute(`select ${cols.map((c) => q(c.name)).join(', ')} from ${q(table)}`);
    out.push(`copy ${q(table)} (${cols.map((c) => q(c.name)).join(', ')}) from stdin;`);
    for (const r of rows.rows) out.push(cols.map((c) => copyValue(r[c.name])).join('\t'));
    out.push('\\.');
  }
  out.push(...after, extra, 'commit;', 'vacuum analyze;');
  return out.join('\n') + '\n';
}
