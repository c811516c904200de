/**
 * The sample content: every `*.bundle.json` in data/seed, loaded through the one loader.
 * Node only (reads files).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '../db/client.ts';
import { articles } from '../db/schema.ts';
import { loadBundle, type LoadResult } from './load.ts';

export const SEED_DIR = fileURLToPath(new URL('../../data/seed', import.meta.url));

/** Load every seed bundle (idempotent: unchanged bundles change nothing). */
export async function loadSeed(db: Database): Promise<LoadResult[]> {
  const files = readdirSync(SEED_DIR).filter((f) => f.endsWith('.bundle.json')).sort();
  const results: LoadResult[] = [];
  for (const f of files) results.push(await loadBundle(db, JSON.parse(readFileSync(join(SEED_DIR, f), 'utf8'))));
  return results;
}

/** Load the seed only when the database holds no article yet. @returns whether it loaded */
export async function loadSeedIfEmpty(db: Database): Promise<boolean> {
  const any = await db.select({ id: articles.id }).from(articles).limit(1);
  if (any.length) return false;
  await loadSeed(db);
  return true;
}
