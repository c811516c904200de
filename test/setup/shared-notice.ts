/**
 * Global set-up of the integration project: one line when the shared reference material is
 * missing, so the skipped tests that need it are never silent.
 */
import { SHARED_DIR, hasShared } from '../helpers/shared.ts';

export default function setup(): void {
  if (!hasShared)
    console.log(`[newsgraph] ${SHARED_DIR} not found: tests that need ../shared (API contract, IPTC ninjs schemas, sample corpus) are skipped; set NEWSGRAPH_SHARED to run them.`);
}
