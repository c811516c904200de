/**
 * The real Worker (src/worker.ts, configured by wrangler.toml) running in workerd, reaching the
 * seeded database over HTTP through the Hrana dev server, exactly as it reaches Turso in
 * production. Its answers to the acceptance queries must equal the Node stack's answers
 * (computed in global-setup.ts on the same file), each in one SQL statement.
 */
/// <reference types="@cloudflare/vitest-pool-workers/types" />
import { exports } from 'cloudflare:workers';
import { describe, expect, inject, it } from 'vitest';
import { ACCEPTANCE_QUERIES, type AcceptanceName, type GqlBody } from './queries.ts';

/** The Worker under test (src/worker.ts, the pool's `main`), called through its loopback binding. */
const SELF = (exports as unknown as { default: Fetcher }).default;

async function gql(query: string, headers: Record<string, string> = { 'x-newsgraph-debug': 'sql' }): Promise<{ status: number; body: GqlBody }> {
  const res = await SELF.fetch('http://newsgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, body: (await res.json()) as GqlBody };
}

const nodeAnswers = inject('nodeAnswers');

describe('Worker in workerd over Hrana: acceptance queries', () => {
  it('answers /health', async () => {
    const res = await SELF.fetch('http://newsgraph.test/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  for (const name of Object.keys(ACCEPTANCE_QUERIES) as AcceptanceName[]) {
    it(`${name}: same answer as Node, one SQL statement`, async () => {
      const { status, body } = await gql(ACCEPTANCE_QUERIES[name]);
      expect(body.errors).toBeUndefined();
      expect(status).toBe(200);
      expect(body.extensions?.sql?.statements).toBe(1);
      expect(nodeAnswers[name].body.extensions?.sql?.statements).toBe(1);
      expect(body.data).toEqual(nodeAnswers[name].body.data);
    });
  }

  it('Larijani: Secretary of the SNSC; his three engagements with their CAMEO codes and places', async () => {
    const { body } = await gql(ACCEPTANCE_QUERIES.larijani);
    const person = body.data.person;
    expect(person.roles).toEqual([{ title: 'Secretary', organisation: { name: 'Supreme National Security Council', acronym: 'SNSC' } }]);
    const nodes = person.engagements.edges.map((e: { node: unknown }) => e.node);
    expect(nodes.map((n: any) => [n.kind, n.cameo.code, n.place?.name ?? null, n.date?.text ?? null])).toEqual([
      ['VISIT', '042', 'Islamabad', null],
      ['MEETING', '040', 'Tehran', 'late October'],
      ['STATEMENT', '051', null, null],
    ]);
    expect(nodes[1].participants).toEqual([
      { role: 'HOST', actor: { name: 'Ali Larijani' } },
      { role: 'GUEST', actor: { name: 'Syed Mohsin Naqvi' } },
      { role: 'HOST', actor: { name: 'Iran' } },
      { role: 'GUEST', actor: { name: 'Pakistan' } },
    ]);
  });

  it('deep walk: the four officials, and the walk comes back to the article', async () => {
    const { body } = await gql(ACCEPTANCE_QUERIES.deepWalk);
    const article = body.data.article;
    expect(article.headline).toBe('Neighbors continue high-level exchanges as Larijani heads to ‘brotherly’ Pakistan');
    expect(article.people.totalCount).toBe(4);
    expect(article.people.edges.map((e: any) => e.node.name).sort()).toEqual(['Ali Larijani', 'Mohammad Baqer Qalibaf', 'Muhammad Mudassir Tipu', 'Syed Mohsin Naqvi']);
    const reached = article.people.edges.flatMap((e: any) =>
      e.node.roles.flatMap((r: any) => (r.organisation?.engagements.edges ?? []).flatMap((g: any) => g.node.articles.edges.map((x: any) => x.node.slug))),
    );
    expect(reached).toContain('larijani-pakistan-visit');
  });

  it("Tipu's two quotes, from his remarks on Monday", async () => {
    const { body } = await gql(ACCEPTANCE_QUERIES.tipuQuotes);
    expect(body.data.person.quotes).toEqual([
      { text: 'broad and ongoing interactions', engagement: { date: { text: 'on Monday', precision: 'DAY' } } },
      {
        text: 'undoubtedly play an important role in further consolidating the historic and deep-rooted relations between Iran and Pakistan.',
        engagement: { date: { text: 'on Monday', precision: 'DAY' } },
      },
    ]);
  });

  it('the bilateral trade figure is 3000000000 USD', async () => {
    const { body } = await gql(ACCEPTANCE_QUERIES.figures);
    expect(body.data.article.figures).toContainEqual({ text: '$3 billion', value: 3_000_000_000, currency: 'USD', unit: null, metric: 'bilateral trade' });
  });

  it('reports no statement count without the debug header', async () => {
    const { body } = await gql(ACCEPTANCE_QUERIES.figures, {});
    expect(body.extensions?.sql).toBeUndefined();
    expect(body.data.article.figures).toHaveLength(3);
  });

  it('serves concurrent requests from one isolate-wide client', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => gql(ACCEPTANCE_QUERIES.tipuQuotes)));
    for (const r of results) {
      expect(r.body.extensions?.sql?.statements).toBe(1);
      expect(r.body.data).toEqual(nodeAnswers.tipuQuotes.body.data);
    }
  });
});
