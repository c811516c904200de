/**
 * The core issue's acceptance, on the seed, through the real app over a real libSQL file:
 * nested walks in every direction answered by one SQL statement each.
 */
import { describe, expect, it } from 'vitest';
import { loadSeed } from '../src/ingest/seed.ts';
import { testAppForSuite } from './helpers/app.ts';

const t = testAppForSuite();

describe('the seed article as a graph', () => {
  it('Ali Larijani: Secretary of the SNSC, guest on the visit to Pakistan, in the late-October meeting with Naqvi', async () => {
    const { data, statements } = await t.ok(`{
      person(slug: "ali-larijani") {
        name
        aliases
        roles { title organisation { name acronym kind country { name } } }
        engagements(first: 20) {
          totalCount
          edges { node {
            kind summary
            cameo { code name rootCode quadClass goldstein }
            place { name kind country { name iso3166 } }
            date { text edtf precision earliest latest }
            participants { role actor { __typename name slug } }
          } }
        }
      }
    }`);
    expect(statements).toBe(1);
    const p = data.person;
    expect(p.name).toBe('Ali Larijani');
    expect(p.aliases).toContain('Larijani');
    expect(p.roles).toContainEqual({
      title: 'Secretary',
      organisation: { name: 'Supreme National Security Council', acronym: 'SNSC', kind: 'GOVERNMENT_BODY', country: { name: 'Iran' } },
    });
    const engagements = p.engagements.edges.map((e: any) => e.node);
    expect(p.engagements.totalCount).toBe(engagements.length);

    const visit = engagements.find((e: any) => e.kind === 'VISIT');
    expect(visit.cameo).toEqual({ code: '042', name: 'Make a visit', rootCode: '04', quadClass: 1, goldstein: 1.9 });
    expect(visit.place).toEqual({ name: 'Islamabad', kind: 'CITY', country: { name: 'Pakistan', iso3166: 'PK' } });
    expect(visit.participants).toContainEqual({ role: 'GUEST', actor: { __typename: 'Person', name: 'Ali Larijani', slug: 'ali-larijani' } });
    expect(visit.participants).toContainEqual({ role: 'HOST', actor: { __typename: 'Organisation', name: 'Pakistan', slug: 'pakistan' } });

    const meeting = engagements.find((e: any) => e.place?.name === 'Tehran');
    expect(meeting.date).toEqual({ text: 'late October', edtf: '2025-10-21/2025-10-31', precision: 'PART_OF_MONTH', earliest: '2025-10-21', latest: '2025-10-31' });
    expect(meeting.participants.map((x: any) => x.actor.name)).toEqual(expect.arrayContaining(['Ali Larijani', 'Syed Mohsin Naqvi']));
  });

  it("Muhammad Mudassir Tipu's quotes are exactly the two passages the article attributes to him", async () => {
    const { data, statements } = await t.ok(`{ person(slug: "muhammad-mudassir-tipu") {
      roles { title organisation { name kind } }
      quotes { text speaker { name } article { slug } engagement { kind date { text precision } } }
    } }`);
    expect(statements).toBe(1);
    expect(data.person.quotes.map((q: any) => q.text)).toEqual([
      'broad and ongoing interactions',
      'undoubtedly play an important role in further consolidating the historic and deep-rooted relations between Iran and Pakistan.',
    ]);
    for (const q of data.person.quotes) {
      expect(q.speaker.name).toBe('Muhammad Mudassir Tipu');
      expect(q.article.slug).toBe('larijani-pakistan-visit');
      expect(q.engagement.date).toEqual({ text: 'on Monday', precision: 'DAY' });
    }
  });

  it('article → people → roles → organisation → engagements → articles returns the seed article, in one statement', async () => {
    const { data, statements } = await t.ok(`{ article(slug: "larijani-pakistan-visit") {
      uri headline datelineText dateline { name } publishedAt language
      people(first: 10) { totalCount edges { rel relevance node {
        name
        roles { title organisation {
          name
          engagements(first: 10) { edges { node {
            kind
            articles(first: 5) { edges { node { slug } } }
          } } }
        } }
      } } }
    } }`);
    expect(statements).toBe(1);
    const a = data.article;
    expect(a.headline).toBe('Neighbors continue high-level exchanges as Larijani heads to ‘brotherly’ Pakistan');
    expect(a.datelineText).toBe('TEHRAN');
    expect(a.dateline).toEqual({ name: 'Tehran' });
    expect(a.publishedAt).toBe('2025-11-24T00:00:00Z');
    expect(a.people.totalCount).toBe(4);
    expect(a.people.edges.map((e: any) => e.node.name).sort()).toEqual(
      ['Ali Larijani', 'Mohammad Baqer Qalibaf', 'Muhammad Mudassir Tipu', 'Syed Mohsin Naqvi'],
    );
    const reached = a.people.edges.flatMap((e: any) =>
      e.node.roles.flatMap((r: any) =>
        (r.organisation?.engagements.edges ?? []).flatMap((g: any) => g.node.articles.edges.map((x: any) => x.node.slug)),
      ),
    );
    expect(reached).toContain('larijani-pakistan-visit');
  });

  it('the four officials, their titles and organisations', async () => {
    const { data } = await t.ok(`{ people(first: 50) { edges { node { name roles { title organisation { name } } nationality { name } } } } }`);
    const byName = Object.fromEntries(data.people.edges.map((e: any) => [e.node.name, e.node]));
    expect(data.people.edges).toHaveLength(4);
    expect(byName['Muhammad Mudassir Tipu'].roles[0].title).toBe('Ambassador to Iran');
    expect(byName['Syed Mohsin Naqvi'].roles[0]).toEqual({ title: 'Interior Minister', organisation: { name: 'Ministry of Interior (Pakistan)' } });
    expect(byName['Mohammad Baqer Qalibaf'].roles[0].title).toBe('Speaker');
    expect(byName['Mohammad Baqer Qalibaf'].nationality).toEqual({ name: 'Iran' });
  });

  it('figures keep full precision: "$3 billion" is 3000000000 USD', async () => {
    const { data } = await t.ok(`{ article(slug: "larijani-pakistan-visit") { figures { text value currency unit metric } } }`);
    expect(data.article.figures).toContainEqual({ text: '$3 billion', value: 3_000_000_000, currency: 'USD', unit: null, metric: 'bilateral trade' });
    expect(data.article.figures.find((f: any) => f.text === '$10 billion').value).toBe(10_000_000_000);
  });

  it('walks in the other directions: place → engagements → participants → actor → articles', async () => {
    const { data, statements } = await t.ok(`{ place(slug: "islamabad") {
      kind country { name }
      engagements(first: 10) { edges { node { kind participants { role actor {
        __typename name
        ... on Person { roles { title } articles(first: 3) { edges { node { slug } } } }
        ... on Organisation { kind articles(first: 3) { totalCount } }
      } } } } }
    } }`);
    expect(statements).toBe(1);
    expect(data.place.country.name).toBe('Pakistan');
    const kinds = data.place.engagements.edges.map((e: any) => e.node.kind).sort();
    expect(kinds).toEqual(['DELEGATION', 'VISIT']);
    const actors = data.place.engagements.edges.flatMap((e: any) => e.node.participants.map((p: any) => p.actor));
    expect(actors.find((x: any) => x.name === 'Mohammad Baqer Qalibaf').articles.edges[0].node.slug).toBe('larijani-pakistan-visit');
    expect(actors.find((x: any) => x.name === 'Pakistan')).toMatchObject({ __typename: 'Organisation', kind: 'STATE' });
  });

  it('organisation → members → person → quotes → engagement → place, one statement', async () => {
    const { data, statements } = await t.ok(`{ organisation(slug: "supreme-national-security-council") {
      acronym parent { name kind }
      members { title person { name quotes { text engagement { kind place { name } } } } }
    } }`);
    expect(statements).toBe(1);
    expect(data.organisation.acronym).toBe('SNSC');
    const quotes = data.organisation.members[0].person.quotes;
    expect(quotes.find((q: any) => q.text === 'lasting strategic partnership.').engagement).toEqual({ kind: 'MEETING', place: { name: 'Tehran' } });
  });
});

describe('Relay ids', () => {
  it('node(id:) resolves every id the API hands out', async () => {
    const { data } = await t.ok(`{ article(slug: "larijani-pakistan-visit") { id
      people(first: 20) { edges { node { id } } }
      organisations(first: 30) { edges { node { id } } }
      places(first: 20) { edges { node { id } } }
      engagements(first: 30) { edges { node { id } } }
      quotes { id }
    } }`);
    const a = data.article;
    const ids: string[] = [
      a.id,
      ...['people', 'organisations', 'places', 'engagements'].flatMap((k) => a[k].edges.map((e: any) => e.node.id)),
      ...a.quotes.map((q: any) => q.id),
    ];
    expect(ids.length).toBeGreaterThan(30);
    const res = await t.ok(`query($ids: [ID!]!) { nodes(ids: $ids) { id __typename } }`, { ids });
    expect(res.data.nodes.map((n: any) => n.id)).toEqual(ids);
    for (const id of ids.slice(0, 5)) {
      const one = await t.ok(`query($id: ID!) { node(id: $id) { id } }`, { id });
      expect(one.data.node.id).toBe(id);
    }
  });

  it('unknown slug → null, not an error', async () => {
    const { data } = await t.ok(`{ person(slug: "nobody") { name } organisation(slug: "nothing") { name } place(slug: "nowhere") { name } article(slug: "none") { headline } }`);
    expect(data).toEqual({ person: null, organisation: null, place: null, article: null });
  });

  it('an id of another type → null; a malformed id → BAD_USER_INPUT', async () => {
    const { data } = await t.ok(`{ article(slug: "larijani-pakistan-visit") { id } }`);
    const wrong = await t.ok(`query($id: ID) { person(id: $id) { name } }`, { id: data.article.id });
    expect(wrong.data.person).toBeNull();
    const bad = await t.gql(`{ person(id: "%%%") { name } }`);
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('data integrity', () => {
  it('foreign keys are enforced on the connection', async () => {
    const rows = await t.db.$client.execute('PRAGMA foreign_keys');
    expect(Number(rows.rows[0]![0])).toBe(1);
    await expect(t.db.$client.execute('insert into article_people (article_id, person_id, rel) values (999999, 999999, \'about\')')).rejects.toThrow(/FOREIGN KEY/);
  });

  it('loading the seed twice changes nothing', async () => {
    const tables = ['articles', 'people', 'organisations', 'places', 'engagements', 'participants', 'quotes', 'figures', 'aliases', 'roles'];
    const snapshot = async () =>
      Object.fromEntries(
        await Promise.all(tables.map(async (tb) => [tb, (await t.db.$client.execute(`select * from ${tb} order by 1`)).rows.map((r) => JSON.stringify(r))])),
      );
    const before = await snapshot();
    const [result] = await loadSeed(t.db);
    expect(result).toMatchObject({ created: false, changed: false, version: 1 });
    expect(await snapshot()).toEqual(before);
  });
});

describe('node and nodes on ids that name nothing', () => {
  const id = (s: string) => Buffer.from(s).toString('base64');
  it('a missing row, a non-node type or a non-canonical number → null; the other ids still answer', async () => {
    const { data } = await t.ok(`{ person(slug: "ali-larijani") { id } }`);
    const res = await t.ok(`query($ids: [ID!]!, $one: ID!, $fig: ID!, $odd: ID!) {
      nodes(ids: $ids) { id }
      missing: node(id: $one) { id }
      figure: node(id: $fig) { id }
      odd: node(id: $odd) { id }
    }`, { ids: [id('Person:9999'), data.person.id, id('Article:424242')], one: id('Quote:999'), fig: id('Figure:1'), odd: id('Person:01') });
    expect(res.data.nodes).toEqual([null, { id: data.person.id }, null]);
    expect(res.data).toMatchObject({ missing: null, figure: null, odd: null });
  });
});

describe('a country page', () => {
  it('Place.engagements on a country lists what happened in its cities, in one statement', async () => {
    const { data, statements } = await t.ok(`{
      pakistan: place(slug: "pakistan") { engagements(first: 10) { totalCount edges { node { kind place { name } } } } }
      islamabad: place(slug: "islamabad") { engagements(first: 10) { totalCount } }
    }`);
    expect(statements).toBe(1); // compiled: both root fields in one statement (the executor sends one each)
    expect(data.pakistan.engagements.totalCount).toBe(2);
    expect(data.pakistan.engagements.edges.map((e: any) => e.node.place.name)).toEqual(['Islamabad', 'Islamabad']);
    expect(data.islamabad.engagements.totalCount).toBe(2);
  });
});

describe('facets under a country', () => {
  it('count the same engagements the country page lists', async () => {
    const res = await t.gql(`{ place(slug: "pakistan") { engagements(first: 10) { totalCount facets { places { node { name } count } } } } }`);
    expect(res.body.errors).toBeUndefined();
    const e = res.body.data.place.engagements;
    expect(e.facets.places).toEqual([{ node: { name: 'Islamabad' }, count: e.totalCount }]);
  });
});
