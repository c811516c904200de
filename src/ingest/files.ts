/**
 * Bulk ingest from files (the `npm run ingest` CLI and the bench): collect inputs from files,
 * directories and standard input, load each through the one loader, and report per input.
 *
 * An input file holds one JSON document (a bundle or a ninjs item) or a JSON array of them;
 * `.jsonl` / `.ndjson` files hold one per line. Directories are walked recursively for
 * `.json`, `.jsonl` and `.ndjson` files, in name order. `-` reads standard input.
 *
 * With `--extract` the inputs are article texts instead (`.txt`: headline on the first line;
 * `.html` / `.htm`), each checked and extracted into a bundle (src/extract/) and then loaded
 * through the same loader: `collectTextFiles`, `ingestTextFile`.
 *
 * `ingestMany` and `ingestTextFiles` load many documents through the bulk path (./bulk.ts): many
 * articles per transaction, the same database as one by one. A refused or failing document is
 * reported alone and nothing of it is written; the others load.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { TextLimits } from '../config.ts';
import type { Database } from '../db/client.ts';
import { extractArticle, ExtractRefused, readArticleFile, type ExtractInput } from '../extract/index.ts';
import { loadBundles, type BulkOptions, type BulkOutcome } from './bulk.ts';
import { loadBundle, type LoadOptions } from './load.ts';
import { BundleRejected, type Problem } from './validate.ts';

/** One document to ingest, named for the report (`file`, `file#3` for the 4th of an array or line). */
export interface InputDoc {
  source: string;
  /** The parsed document, or the reason it could not be read/parsed. */
  doc: { ok: true; value: unknown } | { ok: false; problems: Problem[] };
}

export type Outcome =
  | { source: string; status: 'created' | 'updated' | 'unchanged'; slug: string; version: number; extracted?: ExtractedCounts }
  | { source: string; status: 'rejected'; problems: Problem[] }
  | { source: string; status: 'failed'; error: string };

/** How much the extractor found in one text (`--extract`). */
export interface ExtractedCounts {
  people: number;
  organisations: number;
  places: number;
  engagements: number;
  quotes: number;
  figures: number;
}

const EXTENSIONS = /\.(json|jsonl|ndjson)$/i;
const TEXT_EXTENSIONS = /\.(txt|html?)$/i;

function listFiles(path: string, extensions = EXTENSIONS): string[] {
  const stat = statSync(path);
  if (!stat.isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => {
      const child = join(path, e.name);
      if (e.isDirectory()) return listFiles(child, extensions);
      return extensions.test(e.name) ? [child] : [];
    });
}

/** Split one file's text into documents. */
export function parseDocuments(source: string, text: string): InputDoc[] {
  const bad = (src: string, message: string): InputDoc => ({ source: src, doc: { ok: false, problems: [{ path: '', message }] } });
  if (/\.(jsonl|ndjson)$/i.test(source)) {
    return text
      .split('\n')
      .map((line, i) => ({ line, i }))
      .filter(({ line }) => line.trim())
      .map(({ line, i }) => {
        try {
          return { source: `${source}:${i + 1}`, doc: { ok: true as const, value: JSON.parse(line) as unknown } };
        } catch (e) {
          return bad(`${source}:${i + 1}`, `not JSON: ${(e as Error).message}`);
        }
      });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return [bad(source, `not JSON: ${(e as Error).message}`)];
  }
  if (Array.isArray(value)) return value.map((v, i) => ({ source: `${source}#${i}`, doc: { ok: true as const, value: v } }));
  return [{ source, doc: { ok: true, value } }];
}

/**
 * Collect the documents named by CLI arguments.
 * @param readStdin reads standard input (for `-`)
 */
export function collectInputs(args: string[], readStdin: () => string = () => readFileSync(0, 'utf8')): InputDoc[] {
  const out: InputDoc[] = [];
  for (const arg of args) {
    if (arg === '-') {
      out.push(...parseDocuments('<stdin>', readStdin()));
      continue;
    }
    let files: string[];
    try {
      files = listFiles(arg);
    } catch (e) {
      out.push({ source: arg, doc: { ok: false, problems: [{ path: '', message: `cannot read: ${(e as Error).message}` }] } });
      continue;
    }
    for (const file of files) {
      try {
        out.push(...parseDocuments(file, readFileSync(file, 'utf8')));
      } catch (e) {
        out.push({ source: file, doc: { ok: false, problems: [{ path: '', message: `cannot read: ${(e as Error).message}` }] } });
      }
    }
  }
  return out;
}

/** Load one document and say what happened. Never throws. */
export async function ingestOne(db: Database, input: InputDoc, options: LoadOptions = {}): Promise<Outcome> {
  if (!input.doc.ok) return { source: input.source, status: 'rejected', problems: input.doc.problems };
  try {
    const r = await loadBundle(db, input.doc.value, options);
    const status = r.created ? 'created' : r.changed ? 'updated' : 'unchanged';
    return { source: input.source, status, slug: r.slug, version: r.version };
  } catch (e) {
    if (e instanceof BundleRejected) return { source: input.source, status: 'rejected', problems: e.problems };
    return { source: input.source, status: 'failed', error: (e as Error).message };
  }
}

/** Count outcomes by status. */
export function tally(outcomes: Outcome[]): Record<Outcome['status'], number> {
  const t = { created: 0, updated: 0, unchanged: 0, rejected: 0, failed: 0 };
  for (const o of outcomes) t[o.status]++;
  return t;
}

/** One article text to extract (`--extract`): read when its turn comes, so a large folder is never held in memory. */
export interface TextFile {
  source: string;
  /** The raw bytes; throws when the file cannot be read. */
  read: () => Uint8Array;
}

/**
 * Collect the article texts named by CLI arguments: files as given, directories walked
 * recursively for `.txt`, `.html` and `.htm` in name order, `-` for standard input.
 * An unreadable path becomes a file whose `read` throws (reported as rejected).
 */
export function collectTextFiles(args: string[], readStdin: () => Uint8Array = () => readFileSync(0)): TextFile[] {
  const out: TextFile[] = [];
  for (const arg of args) {
    if (arg === '-') {
      out.push({ source: '<stdin>', read: readStdin });
      continue;
    }
    try {
      for (const file of listFiles(arg, TEXT_EXTENSIONS)) out.push({ source: file, read: () => readFileSync(file) });
    } catch (e) {
      const message = (e as Error).message;
      out.push({ source: arg, read: () => { throw new Error(message); } });
    }
  }
  return out;
}

/**
 * Extract one article text and load the bundle through the one loader. Never throws: an
 * unreadable file or a refused text (every problem, with its code) is `rejected`.
 * @param input fields added to every article (`published`, `language` ...)
 */
export async function ingestTextFile(
  db: Database,
  file: TextFile,
  options: LoadOptions & { limits?: TextLimits; input?: Partial<ExtractInput> } = {},
): Promise<Outcome> {
  const x = extractTextFile(file, options);
  if (!('bundle' in x)) return x;
  try {
    const r = await loadBundle(db, x.bundle, options);
    return { source: file.source, status: r.created ? 'created' : r.changed ? 'updated' : 'unchanged', slug: r.slug, version: r.version, extracted: x.counts };
  } catch (e) {
    return refusedOrFailed(file.source, e);
  }
}

/** A text file read and extracted into a bundle (with what was found), or its rejected/failed outcome. Never throws. */
function extractTextFile(file: TextFile, options: { limits?: TextLimits; input?: Partial<ExtractInput> }): { source: string; bundle: unknown; counts: ExtractedCounts } | Outcome {
  let bytes: Uint8Array;
  try {
    bytes = file.read();
  } catch (e) {
    return { source: file.source, status: 'rejected', problems: [{ path: '', message: `cannot read: ${(e as Error).message}` }] };
  }
  try {
    const { bundle } = extractArticle({ ...options.input, ...readArticleFile(file.source, bytes, options.limits) }, options.limits);
    const a = bundle.annotations;
    const counts = { people: a.people.length, organisations: a.organisations.length, places: a.places.length, engagements: a.engagements.length, quotes: a.quotes.length, figures: a.figures.length };
    return { source: file.source, bundle, counts };
  } catch (e) {
    return refusedOrFailed(file.source, e);
  }
}

/** A refusal (every problem, with its code) is `rejected`; anything else `failed`. */
function refusedOrFailed(source: string, e: unknown): Outcome {
  if (e instanceof ExtractRefused || e instanceof BundleRejected) return { source, status: 'rejected', problems: e.problems };
  return { source, status: 'failed', error: (e as Error).message };
}

/** A bulk outcome as the CLI reports it. */
function outcomeOf(source: string, o: BulkOutcome, extracted?: ExtractedCounts): Outcome {
  if (o.status === 'rejected') return { source, status: 'rejected', problems: o.problems };
  if (o.status === 'failed') return { source, status: 'failed', error: o.error };
  const r = o.result;
  return { source, status: r.created ? 'created' : r.changed ? 'updated' : 'unchanged', slug: r.slug, version: r.version, ...(extracted ? { extracted } : {}) };
}

/**
 * Load many documents through the bulk path, in order (`loadBundles`, ./bulk.ts). Never throws
 * for a document's fault: an unreadable or refused one is `rejected` with every problem.
 */
export async function ingestMany(db: Database, inputs: InputDoc[], options: BulkOptions = {}): Promise<Outcome[]> {
  const readable = inputs.filter((x) => x.doc.ok);
  const loaded = await loadBundles(db, readable.map((x) => (x.doc as { value: unknown }).value), options);
  const bySource = new Map(readable.map((x, i) => [x, loaded[i]!]));
  return inputs.map((x) => (x.doc.ok ? outcomeOf(x.source, bySource.get(x)!) : { source: x.source, status: 'rejected', problems: x.doc.problems }));
}

/**
 * Extract many article texts and load the bundles through the bulk path, `window` files at a
 * time (read, extracted, loaded), so a large folder is never held in memory. Never throws: an
 * unreadable file or a refused text is `rejected` with every problem (and its code).
 * @param options.window files per window (default: the chunk size, 100)
 */
export async function ingestTextFiles(
  db: Database,
  files: TextFile[],
  options: BulkOptions & { limits?: TextLimits; input?: Partial<ExtractInput>; window?: number; onFile?: (o: Outcome) => void } = {},
): Promise<Outcome[]> {
  const out: Outcome[] = [];
  const window = Math.max(1, options.window ?? options.chunkSize ?? 100);
  for (let from = 0; from < files.length; from += window) {
    const extracted = files.slice(from, from + window).map((file) => extractTextFile(file, options));
    const toLoad = extracted.filter((x): x is { source: string; bundle: unknown; counts: ExtractedCounts } => 'bundle' in x);
    const loaded = await loadBundles(db, toLoad.map((x) => x.bundle), options);
    const byItem = new Map(toLoad.map((x, i) => [x, loaded[i]!]));
    for (const x of extracted) {
      const o = 'bundle' in x ? outcomeOf(x.source, byItem.get(x)!, x.counts) : x;
      out.push(o);
      options.onFile?.(o);
    }
  }
  return out;
}
