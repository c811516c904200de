import { defineConfig } from 'drizzle-kit';

/** drizzle-kit: generates SQL migrations into drizzle/ from src/db/schema.ts. */
export default defineConfig({
  dialect: 'turso',
  schema: './src/db/schema.ts',
  out: './drizzle',
  dbCredentials: { url: process.env.LIBSQL_URL ?? 'file:.data/newsgraph.db', authToken: process.env.LIBSQL_AUTH_TOKEN },
});
