/**
 * `npm run export -- <slug> [--bundle | --jsonld] [--base-url URL]`: write one article of the
 * configured database (embedded file, or `LIBSQL_URL`) to standard output: its ninjs 3.1
 * document (default), the full article bundle (ninjs + annotations, re-ingestable as is), or
 * its schema.org JSON-LD. Entity URIs are made under `--base-url` (default `PUBLIC_BASE_URL`,
 * else http://127.0.0.1:8787, the Node entry's address). Exit 1 when there is no such article.
 */
import { openDatabase } from '../ingest/open.ts';
import { exportBundle } from '../export/bundle.ts';
import { articleToJsonLd } from '../export/jsonld.ts';
import { articleToNinjs } from '../export/ninjs.ts';
import { loadExportArticle } from '../export/select.ts';

const USAGE = 'usage: npm run export -- <slug> [--bundle | --jsonld] [--base-url URL]';
const argv = process.argv.slice(2);
let slug: string | undefined;
let format: 'ninjs' | 'bundle' | 'jsonld' = 'ninjs';
let base = process.env.PUBLIC_BASE_URL || 'http://127.0.0.1:8787';
for (let i = 0; i < argv.length; i++) {
  const a = argv[i]!;
  if (a === '--bundle') format = 'bundle';
  else if (a === '--jsonld') format = 'jsonld';
  else if (a === '--base-url' && argv[i + 1]) base = argv[++i]!;
  else if (!a.startsWith('--') && !slug) slug = a;
  else {
    console.error(USAGE);
    process.exit(2);
  }
}
if (!slug) {
  console.error(USAGE);
  process.exit(2);
}

const db = await openDatabase();
let out: unknown = null;
if (format === 'bundle') out = await exportBundle(db, { slug }, base);
else {
  const article = await loadExportArticle(db, { slug });
  if (article) out = format === 'jsonld' ? articleToJsonLd(article, base) : articleToNinjs(article, base);
}
db.$client.close();
if (!out) {
  console.error(`no article with slug "${slug}"`);
  process.exit(1);
}
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
