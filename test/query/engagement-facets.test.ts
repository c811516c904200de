/**
 * Facets by engagement kind and a per-month date histogram, on engagement and article
 * connections, root and nested. An engagement counts in the month of its earliest possible day;
 * one without an earliest bound is `undated`, never put in a month. Each facet list asked for is
 * one grouped statement beside the page's.
 */
import { describe, expect, it } from 'vitest';
import { testAppForSuite } from '../helpers/app.ts';
import { appWith } from './fixtures.ts';
import { FRONT_END_ARTICLES } from './front-end-fixtures.ts';

const t = testAppForSuite(() => appWith(FRONT_END_ARTICLES));

const FACETS = 'facets { kinds { kind count } months { buckets { month count } undated } }';

describe('engagement facets: kind and month', () => {
  it('Query.engagements: kinds most frequent first (ties by kind), months earliest first, undated apart', async () => {
    const r = await t.gql(`{ engagements(first: 1) { totalCount ${FACETS} } }`);
    expect(r.body.errors).toBeUndefined();
    const f = r.body.data.engagements.facets;
    expect(f.kinds).toEqual([
      { kind: 'MEETING', count: 2 },
      { kind: 'CALL', count: 1 },
      { kind: 'STATEMENT', count: 1 },
      { kind: 'TALKS', count: 1 },
      { kind: 'VISIT', count: 1 },
    ]);
    // "late October" (2025-10-21..31) and 2025-10-03 in October; the year-precise "2025" in
    // January, its earliest day; the undated call and statement in no month.
    expect(f.months).toEqual({ buckets: [{ month: '2025-01', count: 1 }, { month: '2025-10', count: 2 }, { month: '2025-11', count: 1 }], undated: 2 });
    const total = f.months.buckets.reduce((n: number, b: { count: number }) => n + b.count, f.months.undated);
    expect(total).toBe(r.body.data.engagements.totalCount);
    // The page, then one statement per facet list.
    expect(r.statements).toBe(3);
  });

  it('follow the connection filter, and the parent of a nested list (Person, Article)', async () => {
    const r = await t.gql(`{
      engagements(filter: { kinds: [MEETING, CALL] }) { ${FACETS} }
      person(slug: "pia-edge") { engagements { totalCount ${FACETS} } }
      article(slug: "gamma-one") { engagements(filter: { from: "2025-10-01", to: "2025-10-31" }) { totalCount ${FACETS} } }
    }`);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.engagements.facets).toEqual({
      kinds: [{ kind: 'MEETING', count: 2 }, { kind: 'CALL', count: 1 }],
      months: { buckets: [{ month: '2025-10', count: 1 }, { month: '2025-11', count: 1 }], undated: 1 },
    });
    expect(r.body.data.person.engagements).toEqual({
      totalCount: 4,
      facets: {
        kinds: [{ kind: 'MEETING', count: 2 }, { kind: 'STATEMENT', count: 1 }, { kind: 'TALKS', count: 1 }],
        months: { buckets: [{ month: '2025-10', count: 2 }, { month: '2025-11', count: 1 }], undated: 1 },
      },
    });
    // In October: the talks, late October's meeting and the year-precise visit (its range overlaps).
    expect(r.body.data.article.engagements).toEqual({
      totalCount: 3,
      facets: {
        kinds: [{ kind: 'MEETING', count: 1 }, { kind: 'TALKS', count: 1 }, { kind: 'VISIT', count: 1 }],
        months: { buckets: [{ month: '2025-01', count: 1 }, { month: '2025-10', count: 2 }], undated: 0 },
      },
    });
  });

  it('kinds takes first (MAX_PAGE_SIZE bounds it)', async () => {
    const r = await t.gql('{ engagements { facets { kinds(first: 2) { kind count } } } }');
    expect(r.body.data.engagements.facets.kinds).toEqual([{ kind: 'MEETING', count: 2 }, { kind: 'CALL', count: 1 }]);
    const bad = await t.gql('{ engagements { facets { kinds(first: 1000) { kind } } } }');
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('the same facets on article connections', () => {
  it('articles per kind of the engagements they report, and per month of publication (UTC)', async () => {
    const r = await t.gql(`{ articles { totalCount ${FACETS} } person(slug: "quin-edge") { articles { ${FACETS} } } }`);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.articles.totalCount).toBe(3);
    expect(r.body.data.articles.facets).toEqual({
      kinds: [
        { kind: 'MEETING', count: 2 },
        { kind: 'CALL', count: 1 },
        { kind: 'STATEMENT', count: 1 },
        { kind: 'TALKS', count: 1 },
        { kind: 'VISIT', count: 1 },
      ],
      // Gamma three has no publication date: undated, not a month.
      months: { buckets: [{ month: '2025-10', count: 1 }, { month: '2025-11', count: 1 }], undated: 1 },
    });
    expect(r.body.data.person.articles.facets).toEqual({
      kinds: [{ kind: 'CALL', count: 1 }, { kind: 'MEETING', count: 1 }, { kind: 'TALKS', count: 1 }, { kind: 'VISIT', count: 1 }],
      months: { buckets: [{ month: '2025-10', count: 1 }], undated: 1 },
    });
  });
});
