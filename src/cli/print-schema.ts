/**
 * Print the SDL of the code-first schema to schema/schema.graphql, or with `--check` fail
 * (exit 1) when that file is stale.
 */
import { fileURLToPath } from 'node:url';
import { printSchema } from 'graphql';
import { schema } from '../graphql/schema.ts';
import { writeOrCheck } from './generated-file.ts';

const file = fileURLToPath(new URL('../../schema/schema.graphql', import.meta.url));
const sdl = `${printSchema(schema)}\n`;
writeOrCheck(file, sdl, 'schema/schema.graphql', 'run `npm run schema:print` and commit it.');
