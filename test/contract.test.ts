/**
 * The public contract (../shared/api/contract.graphql) holds: nothing in it is missing,
 * renamed or changed in the schema the code builds, and schema/schema.graphql is current.
 */
import { readFileSync } from 'node:fs';
import { buildSchema, findBreakingChanges, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/graphql/schema.ts';
import { itWithShared, sharedFile } from './helpers/shared.ts';

describe('API contract', () => {
  itWithShared('every name and shape in the contract exists unchanged', () => {
    const contract = buildSchema(readFileSync(sharedFile('api/contract.graphql'), 'utf8'));
    const breaking = findBreakingChanges(contract, schema).map((c) => c.description);
    expect(breaking).toEqual([]);
  });

  it('schema/schema.graphql is printed from the code', () => {
    const file = readFileSync(new URL('../schema/schema.graphql', import.meta.url), 'utf8');
    expect(file).toBe(`${printSchema(schema)}\n`);
  });
});
