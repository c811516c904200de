/**
 * The shared reference material beside the repository (../shared, or NEWSGRAPH_SHARED): the API
 * contract, the IPTC ninjs schemas and examples, the sample wire article, the CAMEO reference
 * table. CI lays a copy beside the clone; a clone on its own has none, and the tests that need it
 * skip (their titles say "needs ../shared"; `test/setup/shared-notice.ts` prints one line).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** Absolute path of the shared folder (it may not exist). */
export const SHARED_DIR = process.env.NEWSGRAPH_SHARED ?? resolve(repoRoot, '../shared');

/** Files the tests read from the shared folder; all present → `hasShared`. */
const NEEDED = ['api/contract.graphql', 'ninjs/ninjs-schema_3.1.json', 'ninjs/ninjs-schema_2.2.json', 'corpus', 'reference/cameo-engagements.tsv'];

/** True when the shared material is beside the repository (or at NEWSGRAPH_SHARED). */
export const hasShared = NEEDED.every((f) => existsSync(resolve(SHARED_DIR, f)));

/** Absolute path of a file under the shared folder; throws when it is missing. */
export function sharedFile(relative: string): string {
  const path = resolve(SHARED_DIR, relative);
  if (!existsSync(path)) throw new Error(`shared material not found at ${path} (set NEWSGRAPH_SHARED)`);
  return path;
}

/** `describe` that runs only when the shared material is present; the title says what it needs. */
export const describeWithShared = (name: string, fn: () => void) => describe.skipIf(!hasShared)(`${name} (needs ../shared)`, fn);

/** `it` that runs only when the shared material is present; the title says what it needs. */
export const itWithShared = (name: string, fn: () => unknown) => it.skipIf(!hasShared)(`${name} (needs ../shared)`, fn);
