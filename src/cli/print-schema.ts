/**
 * Print the SDL of the code-first schema to schema/schema.graphql, or with `--check` fail
 * (exit 1) when that file is stale.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printSchema } from 'graphql';
import { schema } from '../graphql/schema.ts';

const file = fileURLToPath(new URL('../../schema/schema.graphql', import.meta.url));
const sdl = `${printSchema(schema)}\n`;
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {}
  if (current !== sdl) {
    console.error('schema/schema.graphql is stale: run `npm run schema:print` and commit it.');
    process.exit(1);
  }
  console.log('schema/schema.graphql is up to date.');
} else {
  mkdirSync(fileURLToPath(new URL('../../schema', import.meta.url)), { recursive: true });
  writeFileSync(file, sdl);
  console.log(`wrote ${file}`);
}
