/**
 * Where the shared reference material lives (IPTC ninjs schemas, the API contract): beside the
 * repository as ../shared, or at NEWSGRAPH_SHARED. CI lays a copy beside the clone.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export const SHARED_DIR = process.env.NEWSGRAPH_SHARED ?? resolve(repoRoot, '../shared');

/** Absolute path of a file under the shared folder; throws when the folder is missing. */
export function sharedFile(relative: string): string {
  const path = resolve(SHARED_DIR, relative);
  if (!existsSync(path)) throw new Error(`shared material not found at ${path} (set NEWSGRAPH_SHARED)`);
  return path;
}
