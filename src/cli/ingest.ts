/**
 * `npm run ingest -- <file|dir|->...`: load article bundles or ninjs items (3.1, 2.x) into the
 * configured database (the embedded file by default, `LIBSQL_URL` when set) through the bulk
 * path of the one loader (src/ingest/bulk.ts): `--chunk N` articles per transaction (default
 * 100), the same database as loading them one by one. A refused or failing document is refused
 * alone, nothing of it written; the others load (the total says how many were refused).
 *
 * Prints one line per document (created / updated / unchanged / rejected with every problem /
 * failed) and a total; a progress bar on standard error when it is a terminal. Exit code 0
 * when every document loaded, 1 when any was rejected or failed, 2 on usage errors.
 *
 * Options: `--base-url <url>`: the public base URL of this API's own URIs, so exported
 * documents re-ingest onto the same entities (default `PUBLIC_BASE_URL`, else http://127.0.0.1:8787 as for
 * `npm run export`); `--quiet`: totals only; `--chunk N`: articles per transaction;
 * `--extract`: the inputs are article texts (`.txt`: headline on the first line; `.html`), each
 * checked, extracted into a bundle (src/extract/) and loaded the same way; a refused text
 * (too large, binary, empty, not English ...) is `rejected` with every problem and its code.
 */
import cliProgress from 'cli-progress';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../ingest/open.ts';
import { collectInputs, collectTextFiles, ingestMany, ingestTextFiles, tally, type Outcome } from '../ingest/files.ts';

const USAGE = 'usage: npm run ingest -- [--base-url URL] [--quiet] [--extract] [--chunk N] <file|dir|->...';

function parseArgs(argv: string[]) {
  const paths: string[] = [];
  // The export CLI's default base (src/cli/export.ts), so `export --bundle | ingest -` re-ingests onto the same graph.
  let baseUrl: string | undefined = process.env.PUBLIC_BASE_URL || 'http://127.0.0.1:8787';
  let quiet = false;
  let extract = false;
  let chunkSize = 100;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--base-url') baseUrl = argv[++i];
    else if (a === '--quiet' || a === '-q') quiet = true;
    else if (a === '--extract') extract = true;
    else if (a === '--chunk') {
      chunkSize = Number(argv[++i]);
      if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new Error('--chunk must be a positive integer');
    }
    else if (a === '--help' || a === '-h') return null;
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else paths.push(a);
  }
  return { paths, baseUrl, quiet, extract, chunkSize };
}

function describe(o: Outcome): string {
  switch (o.status) {
    case 'created':
    case 'updated':
    case 'unchanged': {
      const x = o.extracted;
      const found = x ? `: ${x.people} people, ${x.organisations} organisations, ${x.places} places, ${x.engagements} engagements, ${x.quotes} quotes, ${x.figures} figures` : '';
      return `${o.status.padEnd(9)} ${o.source} → ${o.slug} (version ${o.version})${found}`;
    }
    case 'rejected':
      return [
        `rejected  ${o.source}`,
        ...o.problems.map((p) => `            ${p.path || '(root)'}: ${'code' in p ? `${String(p.code)}: ` : ''}${p.message}`),
      ].join('\n');
    case 'failed':
      return `failed    ${o.source}: ${o.error}`;
  }
}

let args: ReturnType<typeof parseArgs>;
try {
  args = parseArgs(process.argv.slice(2));
} catch (e) {
  console.error(`${(e as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (!args || !args.paths.length) {
  console.error(USAGE);
  process.exit(args ? 2 : 0);
}

const { extract, baseUrl } = args;
const inputs = extract ? collectTextFiles(args.paths) : collectInputs(args.paths);
const limits = loadConfig({ MAX_TEXT_BYTES: process.env.MAX_TEXT_BYTES }).text;
// A loading process: no read caches or memory map, which would grow it with the file.
const db = await openDatabase(undefined, { reads: false });
const bar = process.stderr.isTTY
  ? new cliProgress.SingleBar({ format: 'ingest [{bar}] {value}/{total} {source}', stream: process.stderr, clearOnComplete: true, hideCursor: true }, cliProgress.Presets.shades_classic)
  : null;
bar?.start(inputs.length, 0, { source: '' });
const started = performance.now();
const options = { ownBaseUrls: baseUrl ? [baseUrl] : [], chunkSize: args.chunkSize };
const outcomes: Outcome[] = extract
  ? await ingestTextFiles(db, inputs as ReturnType<typeof collectTextFiles>, { ...options, limits, onFile: (o) => bar?.increment(1, { source: o.source.slice(-40) }) })
  : await ingestMany(db, inputs as ReturnType<typeof collectInputs>, { ...options, progress: (settled) => bar?.update(settled) });
bar?.stop();
const seconds = (performance.now() - started) / 1000;
if (!args.quiet) for (const o of outcomes) console.log(describe(o));
const t = tally(outcomes);
console.log(
  `${outcomes.length} document(s) in ${seconds.toFixed(2)} s: ${t.created} created, ${t.updated} updated, ${t.unchanged} unchanged, ${t.rejected} rejected, ${t.failed} failed` +
    (t.rejected || t.failed ? ' (each refused or failed document was left out whole; the others loaded)' : ''),
);
db.$client.close();
process.exit(t.rejected || t.failed ? 1 : 0);
