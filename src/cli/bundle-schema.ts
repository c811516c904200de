/**
 * `npm run bundle:schema`: write the JSON Schema (draft 2020-12) of the article bundle,
 * generated from the zod schema in src/ingest/bundle.ts, to schema/article-bundle.schema.json.
 * `--check` fails (exit 1) when the file is stale.
 *
 * The schema describes the bundle as accepted on input (defaults optional). Checks that need
 * more than one field (keys resolve, quotes occur in the text, CAMEO codes exist) are in
 * src/ingest/validate.ts and are listed in docs/bundle.md.
 */
import { fileURLToPath } from 'node:url';
import * as z from 'zod/mini';
import { articleBundle } from '../ingest/bundle.ts';
import { writeOrCheck } from './generated-file.ts';

const file = fileURLToPath(new URL('../../schema/article-bundle.schema.json', import.meta.url));
const generated = z.toJSONSchema(articleBundle, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
const schema = {
  $schema: generated.$schema,
  $id: 'https://newsgraph.example/schema/article-bundle.schema.json',
  title: 'Newsgraph article bundle',
  description:
    'An IPTC ninjs 3.1 item plus Newsgraph annotations (see docs/bundle.md). Generated from src/ingest/bundle.ts by `npm run bundle:schema`; do not edit.',
  ...Object.fromEntries(Object.entries(generated).filter(([k]) => k !== '$schema')),
};
const text = `${JSON.stringify(schema, null, 2)}\n`;
writeOrCheck(file, text, 'schema/article-bundle.schema.json', 'run `npm run bundle:schema`.');
