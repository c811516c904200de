/**
 * Extraction inside workerd: the ingestText mutation through the real Worker (src/worker.ts), which
 * refuses eval and new Function. A dry run returns the draft bundle; French is refused with its
 * code; a real run writes through Hrana and the article reads back.
 */
/// <reference types="@cloudflare/vitest-pool-workers/types" />
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import worker, { type Env } from '../../src/worker.ts';
import { BODY, FRENCH, HEADLINE, PEOPLE } from '../extract/texts.ts';

const API_KEY = 'nk_worker_extract_test_01';
const workerEnv = { ...(env as unknown as Env), API_KEYS: API_KEY } as Env;
const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} } as unknown as ExecutionContext;

const INGEST_TEXT = `mutation($input: IngestTextInput!, $dryRun: Boolean) {
  ingestText(input: $input, dryRun: $dryRun) { bundle result { created article { slug people(first: 10) { edges { node { name } } } } } }
}`;

async function ingestText(input: Record<string, string>, dryRun: boolean): Promise<any> {
  const request = new Request('http://newsgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
    body: JSON.stringify({ query: INGEST_TEXT, variables: { input, dryRun } }),
  });
  return (await worker.fetch(request as Parameters<typeof worker.fetch>[0], workerEnv, ctx)).json();
}

describe('ingestText in the Worker', () => {
  const input = { headline: HEADLINE, body: BODY, uri: 'urn:newsgraph:test:worker-extract', published: '2026-02-10' };

  it('a dry run extracts the people and writes nothing', async () => {
    const body = await ingestText(input, true);
    expect(body.errors).toBeUndefined();
    expect(body.data.ingestText.result).toBeNull();
    const names = body.data.ingestText.bundle.annotations.people.map((p: { name: string }) => p.name);
    for (const name of PEOPLE) expect(names).toContain(name);
  });

  it('a French text is refused with NOT_ENGLISH', async () => {
    const body = await ingestText(FRENCH, false);
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].extensions.problems.map((p: { code: string }) => p.code)).toEqual(['NOT_ENGLISH']);
  });

  it('a real run creates the article with its people', async () => {
    const body = await ingestText(input, false);
    expect(body.errors).toBeUndefined();
    expect(body.data.ingestText.result.created).toBe(true);
    const linked = body.data.ingestText.result.article.people.edges.map((e: { node: { name: string } }) => e.node.name);
    for (const name of PEOPLE) expect(linked).toContain(name);
  });
});
