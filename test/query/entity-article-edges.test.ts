/**
 * Front-end gaps, lists: an entity's articles carry the link's `rel` and `relevance` on their
 * edges (as Article.people's edges do); Article.people / organisations / places walk through the
 * link table (one nested level) with the same order, rel filter, counts and cursors;
 * Article.engagements takes the root list's `filter` and `orderBy`. One SQL statement each.
 */
import { describe, expect, it } from 'vitest';
import { testAppForSuite } from '../helpers/app.ts';
import { FRONT_END_ARTICLES } from './front-end-fixtures.ts';
import { appWith } from './fixtures.ts';

const t = testAppForSuite(() => appWith(FRONT_END_ARTICLES));

const edges = (c: { edges: { rel: string | null; relevance: number | null; node: Record<string, unknown> }[] }, key: string) =>
  c.edges.map((e) => [e.node[key], e.rel, e.relevance]);

describe("an entity's articles: edges carry rel and relevance", () => {
  it('Person, Organisation and Place.articles (and Actor.articles), in one statement', async () => {
    const r = await t.gql(`{
      person(slug: "pia-edge") { articles { edges { rel relevance node { slug } } } }
      organisation(slug: "alpha-state") { articles(orderBy: PUBLISHED_ASC) { edges { rel relevance node { slug } } } }
      place(slug: "yown") { articles { edges { rel relevance node { slug } } } }
    }`);
    expect(r.body.errors).toBeUndefined();
    expect(edges(r.body.data.person.articles, 'slug')).toEqual([['gamma-two', 'MENTIONS', 0.3], ['gamma-one', 'ABOUT', 0.9]]);
    expect(edges(r.body.data.organisation.articles, 'slug')).toEqual([['gamma-one', 'ABOUT', 0.8], ['gamma-two', 'MENTIONS', null]]);
    expect(edges(r.body.data.place.articles, 'slug')).toEqual([['gamma-one', 'MENTIONS', 0.2]]);
    expect(r.statements).toBe(1); // compiled: the three root fields in one statement (the executor sends one per root field)
    const actor = await t.gql(`{ engagements(filter: { kinds: [STATEMENT] }) { edges { node { participants { actor { name articles { edges { rel relevance node { slug } } } } } } } } }`);
    expect(actor.body.errors).toBeUndefined();
    expect(edges(actor.body.data.engagements.edges[0].node.participants[0].actor.articles, 'slug')).toEqual([['gamma-two', 'MENTIONS', 0.3], ['gamma-one', 'ABOUT', 0.9]]);
    expect(actor.statements).toBe(1);
  });

  it('null on lists that are not an entity\'s (Query.articles, Engagement.articles)', async () => {
    const r = await t.gql('{ articles(first: 1) { edges { rel relevance } } engagements(first: 1) { edges { node { articles { edges { rel relevance } } } } } }');
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.articles.edges).toEqual([{ rel: null, relevance: null }]);
    expect(r.body.data.engagements.edges[0].node.articles.edges).toEqual([{ rel: null, relevance: null }]);
  });

  it('each edge its own link: an undated article last, an unjudged relevance null', async () => {
    const r = await t.gql('{ person(slug: "quin-edge") { articles { totalCount edges { rel relevance node { slug } } } } }');
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.person.articles.totalCount).toBe(2);
    expect(edges(r.body.data.person.articles, 'slug')).toEqual([['gamma-one', 'MENTIONS', 0.4], ['gamma-three', 'ABOUT', null]]);
  });
});

describe("Article.people / organisations / places through the link table", () => {
  it('relevance order, unjudged last, rel filter, totalCount and cursors: one statement', async () => {
    const q = (args: string) => `{ article(slug: "gamma-one") {
      people${args} { totalCount pageInfo { hasNextPage endCursor } edges { cursor rel relevance node { name } } }
      places { totalCount edges { rel relevance node { name } } } } }`;
    const all = await t.gql(q('(first: 1)'));
    expect(all.body.errors).toBeUndefined();
    expect(all.statements).toBe(1);
    const a = all.body.data.article;
    expect(edges(a.people, 'name')).toEqual([['Pia Edge', 'ABOUT', 0.9]]);
    expect([a.people.totalCount, a.people.pageInfo.hasNextPage]).toEqual([2, true]);
    // Unjudged (null) relevance sorts last.
    expect(edges(a.places, 'name')).toEqual([['Yown', 'MENTIONS', 0.2], ['Xity', 'ABOUT', null]]);
    const next = await t.gql(q(`(first: 1, after: "${a.people.pageInfo.endCursor}")`));
    expect(edges(next.body.data.article.people, 'name')).toEqual([['Quin Edge', 'MENTIONS', 0.4]]);
    expect(next.body.data.article.people.pageInfo.hasNextPage).toBe(false);
    const about = await t.gql(q('(rel: MENTIONS)'));
    expect([about.body.data.article.people.totalCount, edges(about.body.data.article.people, 'name')]).toEqual([1, [['Quin Edge', 'MENTIONS', 0.4]]]);
    // A cursor of another list is refused.
    const foreign = await t.gql(`{ article(slug: "gamma-one") { organisations(after: "${a.people.pageInfo.endCursor}") { totalCount } } }`);
    expect(foreign.body.errors?.[0]?.extensions?.code).toBe('INVALID_CURSOR');
  });
});

describe('Article.engagements takes filter and orderBy as the root list does', () => {
  const q = (args: string) => `{ article(slug: "gamma-one") { engagements${args} { totalCount edges { node { kind date { earliest } } } } } }`;
  const kinds = (r: { body: { data?: any } }) => r.body.data.article.engagements.edges.map((e: { node: { kind: string } }) => e.node.kind);

  it('latest first by default (unknown dates last), DATE_ASC on request, one statement', async () => {
    const byDefault = await t.gql(q(''));
    expect(byDefault.body.errors).toBeUndefined();
    expect(byDefault.statements).toBe(1);
    // Latest possible day: VISIT (2025-12-31), MEETING (10-31), TALKS (10-03), CALL (undated).
    expect(kinds(byDefault)).toEqual(['VISIT', 'MEETING', 'TALKS', 'CALL']);
    const asc = await t.gql(q('(orderBy: DATE_ASC)'));
    expect(kinds(asc)).toEqual(['VISIT', 'TALKS', 'MEETING', 'CALL']);
    expect(asc.statements).toBe(1);
  });

  it('filters (kinds, dates, participants) narrow the page and the count', async () => {
    const meetings = await t.gql(q('(filter: { kinds: [MEETING, TALKS] }, orderBy: DATE_ASC)'));
    expect([meetings.body.data.article.engagements.totalCount, kinds(meetings)]).toEqual([2, ['TALKS', 'MEETING']]);
    const october = await t.gql(q('(filter: { from: "2025-10-15", to: "2025-10-25" })'));
    // The YEAR date and late October overlap the range; the undated call never matches one.
    expect(kinds(october)).toEqual(['VISIT', 'MEETING']);
    const pia = await t.gql('{ person(slug: "pia-edge") { id } }');
    const withPia = await t.gql(q(`(filter: { participants: ["${pia.body.data.person.id}"] })`));
    expect([withPia.body.data.article.engagements.totalCount, kinds(withPia)]).toEqual([2, ['MEETING', 'TALKS']]);
    expect(withPia.statements).toBe(1);
  });
});
