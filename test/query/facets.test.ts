/**
 * Co-occurrence (`engagedWith` on actors) and facets (counts over a connection's filtered set),
 * with their statement cost; and the indexes that serve the orderings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { appWith, idOf, type FixtureArticle } from './fixtures.ts';

const orgs = [
  { key: 'a', name: 'Alpha State', kind: 'STATE' },
  { key: 'b', name: 'Beta State', kind: 'STATE' },
  { key: 'c', name: 'Gamma State', kind: 'STATE' },
];
const articles: FixtureArticle[] = [
  {
    uri: 'urn:t:f1',
    headline: 'First',
    publishedAt: '2025-11-01T00:00:00Z',
    organisations: orgs.map((o) => ({ ...o, rel: 'about' as const })),
    people: [{ key: 'p', name: 'Pia Facet', rel: 'about' }],
    places: [{ key: 'x', name: 'Xity', kind: 'CITY', rel: 'about' }],
    engagements: [
      { key: 'e1', cameo: '040', summary: 'a+b', participants: [{ actor: 'a', role: 'HOST' }, { actor: 'b', role: 'GUEST' }], place: 'x' },
      { key: 'e2', cameo: '042', summary: 'a+b again', participants: [{ actor: 'a', role: 'GUEST' }, { actor: 'a', role: 'SPEAKER' }, { actor: 'b', role: 'HOST' }] },
      { key: 'e3', cameo: '190', summary: 'a+c', participants: [{ actor: 'a', role: 'TARGET' }, { actor: 'c', role: 'PARTICIPANT' }] },
      { key: 'e4', cameo: '013', summary: 'a+b+pia', participants: [{ actor: 'a', role: 'HOST' }, { actor: 'b', role: 'GUEST' }, { actor: 'p', role: 'LEAD' }], place: 'x' },
    ],
  },
  {
    uri: 'urn:t:f2',
    headline: 'Second',
    publishedAt: '2025-11-02T00:00:00Z',
    // Gamma is annotated (an engagement participant) but not linked to this article.
    organisations: [{ ...orgs[1]!, rel: 'mentions' }, { ...orgs[2]!, rel: undefined }],
    people: [{ key: 'p', name: 'Pia Facet', rel: 'mentions' }],
    engagements: [{ key: 'e5', cameo: '040', summary: 'b+c', participants: [{ actor: 'b', role: 'HOST' }, { actor: 'c', role: 'GUEST' }] }],
  },
];

let t: TestApp;
beforeAll(async () => {
  t = await appWith(articles);
});
afterAll(() => t.close());

describe('engagedWith: other actors sharing engagements, most first, one statement', () => {
  it('counts distinct shared engagements (two roles count once), most first, ties by actor', async () => {
    const res = await t.gql(`{ organisation(slug: "alpha-state") { engagedWith { count actor { __typename name ... on Organisation { kind country { name } } } } }
      person(slug: "pia-facet") { engagedWith(first: 1) { count actor { name } } } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.organisation.engagedWith).toEqual([
      { count: 3, actor: { __typename: 'Organisation', name: 'Beta State', kind: 'STATE', country: null } },
      // a tie: broken by a stable actor key (co_actors.other_key), the same on every request
      { count: 1, actor: { __typename: 'Person', name: 'Pia Facet' } },
      { count: 1, actor: { __typename: 'Organisation', name: 'Gamma State', kind: 'STATE', country: null } },
    ]);
    expect(res.body.data.person.engagedWith).toEqual([{ count: 1, actor: { name: 'Alpha State' } }]);
    expect(res.statements).toBe(1); // compiled: both root fields in one statement (the executor sends one per root field)
  });

  it('through the Actor interface, nested in a list, still one statement', async () => {
    const res = await t.gql(`{ engagements(first: 10) { edges { node { participants { actor { name engagedWith(first: 2) { count actor { name
      ... on Organisation { engagements(first: 1) { totalCount } } } } } } } } } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.statements).toBe(1);
  });

  it('co_actors always equals a recount from participants, after loads, re-ingests and deletes', async () => {
    const s = await appWith(articles);
    const recount = `select coalesce(a.person_id * 2, a.organisation_id * 2 + 1) as actor_key, coalesce(b.person_id * 2, b.organisation_id * 2 + 1) as other_key, count(*) as shared
      from engagement_actors a join engagement_actors b on b.engagement_id = a.engagement_id
      where not (b.person_id is a.person_id and b.organisation_id is a.organisation_id) group by 1, 2 order by 1, 2`;
    const same = async () => {
      const kept = await s.db.$client.execute('select actor_key, other_key, shared from co_actors order by 1, 2');
      const counted = await s.db.$client.execute(recount);
      expect(kept.rows.map((r) => [...Object.values(r)])).toEqual(counted.rows.map((r) => [...Object.values(r)]));
    };
    try {
      await same();
      // re-ingest the first article without e2 and with a new engagement
      const changed = { ...articles[0]!, engagements: [...articles[0]!.engagements!.filter((e) => e.key !== 'e2'), { key: 'e9', summary: 'c+pia', participants: [{ actor: 'c', role: 'HOST' }, { actor: 'p', role: 'GUEST' }, { actor: 'p', role: 'SPEAKER' }] }] };
      const { loadBundle } = await import('../../src/ingest/load.ts');
      const { bundle } = await import('./fixtures.ts');
      await loadBundle(s.db, bundle(changed));
      await same();
      await s.db.$client.execute("delete from articles where uri = 'urn:t:f2'");
      await s.db.$client.execute('delete from engagements where id not in (select engagement_id from engagement_articles)');
      await same();
      // what merging does (src/ingest/merge.ts): participant rows move to another actor or engagement
      await s.db.$client.execute("update or ignore participants set organisation_id = (select id from organisations where slug = 'alpha-state') where organisation_id = (select id from organisations where slug = 'gamma-state')");
      await same();
      await s.db.$client.execute("update or ignore participants set engagement_id = (select min(id) from engagements) where engagement_id = (select max(id) from engagements)");
      await same();
      await s.db.$client.execute("update participants set role = 'PARTICIPANT' where role = 'HOST'");
      await same();
      await s.db.$client.execute("delete from people where slug = 'pia-facet'");
      await same();
    } finally {
      s.close();
    }
  });

  it('follows deletions (the co_actors table is kept by triggers)', async () => {
    const s = await appWith(articles);
    try {
      await s.db.$client.execute("delete from engagements where summary = 'a+c'");
      const res = await s.gql('{ organisation(slug: "gamma-state") { engagedWith { count actor { name } } } }');
      expect(res.body.data.organisation.engagedWith).toEqual([{ count: 1, actor: { name: 'Beta State' } }]);
    } finally {
      s.close();
    }
  });
});

describe('facets: counts over the whole filtered set', () => {
  it('on Query.engagements: per participant (each engagement once per actor), place and CAMEO root', async () => {
    const b = await idOf(t, 'organisation', 'beta-state');
    const res = await t.gql(`{ engagements(first: 1, filter: { participants: ["${b}"] }) { totalCount facets {
      organisations { count node { name } } people { count node { name } } places { count node { name } } cameoRoots { code name count } } } }`);
    expect(res.body.errors).toBeUndefined();
    const { totalCount, facets } = res.body.data.engagements;
    expect(totalCount).toBe(4);
    expect(facets.organisations).toEqual([
      { count: 4, node: { name: 'Beta State' } },
      { count: 3, node: { name: 'Alpha State' } },
      { count: 1, node: { name: 'Gamma State' } },
    ]);
    expect(facets.people).toEqual([{ count: 1, node: { name: 'Pia Facet' } }]);
    expect(facets.places).toEqual([{ count: 2, node: { name: 'Xity' } }]);
    expect(facets.cameoRoots).toEqual([
      { code: '04', name: 'Consult', count: 3 },
      { code: '01', name: expect.any(String), count: 1 },
    ]);
    // the page and its count: 1; each facet list: 1 (counting and loading its nodes)
    expect(res.statements).toBe(5);
  });

  it('on Query.articles and on a nested connection (its parent is part of the set)', async () => {
    const res = await t.gql(`{ articles(first: 1) { facets { organisations(first: 2) { count node { name } } people { count node { name } } cameoRoots { code count } } }
      person(slug: "pia-facet") { articles(first: 1, filter: { rel: MENTIONS, people: [] }) { totalCount facets { organisations { count node { name } } } } } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.articles.facets.organisations).toEqual([
      { count: 2, node: { name: 'Beta State' } },
      { count: 1, node: { name: 'Alpha State' } },
    ]);
    expect(res.body.data.articles.facets.people).toEqual([{ count: 2, node: { name: 'Pia Facet' } }]);
    expect(res.body.data.articles.facets.cameoRoots).toEqual([
      { code: '04', count: 2 },
      { code: '01', count: 1 },
      { code: '19', count: 1 },
    ]);
    expect(res.body.data.person.articles.totalCount).toBe(2);
    expect(res.body.data.person.articles.facets.organisations).toEqual([
      { count: 2, node: { name: 'Beta State' } },
      { count: 1, node: { name: 'Alpha State' } },
      { count: 1, node: { name: 'Gamma State' } },
    ]);
  });
});

describe('indexes serve the orderings (no sort step)', () => {
  const plans: [string, string, string][] = [
    ['PUBLISHED_DESC', `select d0.id from articles d0 order by coalesce("d0"."published_at", '') desc, "d0"."id" desc limit 5`, 'articles_published_desc_idx'],
    ['PUBLISHED_ASC', `select d0.id from articles d0 where coalesce("d0"."published_at", '9999') > '2025' order by coalesce("d0"."published_at", '9999') asc, "d0"."id" asc limit 5`, 'articles_published_asc_idx'],
    ['DATE_ASC', `select d0.id from engagements d0 order by coalesce("d0"."date_earliest", '9999-99-99') asc, "d0"."id" asc limit 5`, 'engagements_date_asc_idx'],
    ['DATE_DESC', `select d0.id from engagements d0 order by coalesce("d0"."date_latest", '') desc, "d0"."id" desc limit 5`, 'engagements_date_desc_idx'],
    ['NAME_ASC', `select d0.id from people d0 order by "d0"."name" asc, "d0"."id" asc limit 5`, 'people_name_idx'],
  ];
  for (const [order, query, index] of plans) {
    it(`${order} reads ${index}`, async () => {
      const plan = await t.db.$client.execute(`explain query plan ${query}`);
      const detail = plan.rows.map((r) => String(r.detail)).join('\n');
      expect(detail).toContain(index);
      expect(detail).not.toContain('TEMP B-TREE');
    });
  }
});
