/**
 * `npm run ingest -- <file|dir|->...`: load article bundles or ninjs items (3.1, 2.x) into the
 * configured database (the embedded file by default, `LIBSQL_URL` when set), each through the
 * one loader in its own transaction.
 *
 * Prints one line per document (created / updated / unchanged / rejected with every problem /
 * failed) and a total; a progress bar on standard error when it is a terminal. Exit code 0
 * when every document loaded, 1 when any was rejected or failed, 2 on usage errors.
 *
 * Options: `--base-url <url>`: the public base URL of this API's own URIs, so exported
 * documents re-ingest onto the same entities (default `PUBLIC_BASE_URL`); `--quiet`: totals only.
 */
import cliProgress from 'cli-progress';
import { openDatabase } from '../db/open.ts';
import { collectInputs, ingestOne, tally, type Outcome } from '../ingest/files.ts';

const USAGE = 'usage: npm run ingest -- [--base-url URL] [--quiet] <file|dir|->...';

function parseArgs(argv: string[]) {
  const paths: string[] = [];
  let baseUrl = process.env.PUBLIC_BASE_URL || undefined;
  let quiet = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--base-url') baseUrl = argv[++i];
    else if (a === '--quiet' || a === '-q') quiet = true;
    else if (a === '--help' || a === '-h') return null;
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else paths.push(a);
  }
  return { paths, baseUrl, quiet };
}

function describe(o: Outcome): string {
  switch (o.status) {
    case 'created':
    case 'updated':
    case 'unchanged':
      return `${o.status.padEnd(9)} ${o.source} → ${o.slug} (version ${o.version})`;
    case 'rejected':
      return [`rejected  ${o.source}`, ...o.problems.map((p) => `            ${p.path || '(root)'}: ${p.message}`)].join('\n');
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

const inputs = collectInputs(args.paths);
const db = await openDatabase();
const bar = process.stderr.isTTY
  ? new cliProgress.SingleBar({ format: 'ingest [{bar}] {value}/{total} {source}', stream: process.stderr, clearOnComplete: true, hideCursor: true }, cliProgress.Presets.shades_classic)
  : null;
bar?.start(inputs.length, 0, { source: '' });
const outcomes: Outcome[] = [];
const started = performance.now();
for (const input of inputs) {
  const outcome = await ingestOne(db, input, { ownBaseUrls: args.baseUrl ? [args.baseUrl] : [] });
  outcomes.push(outcome);
  bar?.increment(1, { source: input.source.slice(-40) });
}
bar?.stop();
const seconds = (performance.now() - started) / 1000;
if (!args.quiet) for (const o of outcomes) console.log(describe(o));
const t = tally(outcomes);
console.log(
  `${outcomes.length} document(s) in ${seconds.toFixed(2)} s: ${t.created} created, ${t.updated} updated, ${t.unchanged} unchanged, ${t.rejected} rejected, ${t.failed} failed`,
);
db.$client.close();
process.exit(t.rejected || t.failed ? 1 : 0);
