/**
 * Out: every exported ninjs document is valid ninjs 3.1 (ajv, draft 2020-12, against
 * shared/ninjs/ninjs-schema_3.1.json); the IPTC examples ingest cleanly as plain ninjs; entity
 * URIs resolve back to this API; JSON-LD is a schema.org NewsArticle; the seed round-trips
 * (exported ninjs and exported bundle re-ingest to the same graph); the export CLI works.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle } from '../../src/export/bundle.ts';
import { articleToNinjs } from '../../src/export/ninjs.ts';
import { loadExportArticle } from '../../src/export/select.ts';
import { loadBundle } from '../../src/ingest/load.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { describeWithShared } from '../helpers/shared.ts';
import { graphDump, hasShared, iptcExamples, ninjsValidator, repoRoot, seedBundle, tempDb, withTempDb } from './helpers.ts';

const BASE = 'https://newsgraph.test';
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: { publicBaseUrl: BASE } });
  if (hasShared) for (const [, doc] of iptcExamples()) await loadBundle(t.db, doc);
});
afterAll(() => t.close());

const ARTICLE_FIELDS = 'uri slug ninjs jsonLd';

describeWithShared('ninjs 3.1 out', () => {
  it('the IPTC examples ingest cleanly as plain ninjs', () =>
    withTempDb(async (db) => {
      for (const [name, doc] of iptcExamples()) {
        const r = await loadBundle(db, doc);
        expect(r.created, name).toBe(true);
        expect((await loadBundle(db, doc)).changed, `${name} again`).toBe(false);
      }
      const places = (await db.$client.execute('select name, kind from places order by name')).rows.map((r) => `${r.name}:${r.kind}`);
      expect(places).toEqual(['Grossetto:OTHER', 'Italy:OTHER', 'LITEXPO:OTHER', 'Tuscany:OTHER']);
      const sameAs = (await db.$client.execute('select uri from same_as order by uri')).rows.map((r) => r.uri);
      expect(sameAs).toEqual(['http://cvx.iptc.org/iso3166-1a2/it', 'http://www.wikidata.org/entity/Q4421821']);
    }));

  it('every article exported through GraphQL is valid ninjs 3.1', async () => {
    const validate = ninjsValidator('3.1');
    const r = await t.gql(`{ articles(first: 50) { edges { node { ${ARTICLE_FIELDS} } } } }`);
    expect(r.body.errors).toBeUndefined();
    const docs = r.body.data.articles.edges.map((e: any) => e.node);
    expect(docs.length).toBe(4);
    for (const a of docs) expect(validate(a.ninjs), a.slug).toEqual([]);
  });

  it('the seed article: people, organisations and places with rel and own uris; engagements as events', async () => {
    const r = await t.gql(`{ article(slug: "larijani-pakistan-visit") { ninjs } }`);
    const n = r.body.data.article.ninjs;
    const seed = seedBundle().ninjs;
    expect(n).toMatchObject({ uri: seed.uri, type: 'text', language: 'en', version: '1', located: 'Tehran', slugline: seed.slugline });
    expect(n.headlines).toEqual([{ role: 'main', value: seed.headlines[0].value }]);
    expect(n.bodies).toEqual([{ role: 'main', contentType: 'text/plain', value: seed.bodies[0].value }]);
    const byName = (list: any[]) => Object.fromEntries(list.map((e) => [e.name, e]));
    const people = byName(n.people);
    expect(people['Ali Larijani']).toEqual({ name: 'Ali Larijani', rel: 'about', uri: `${BASE}/people/ali-larijani`, literal: 'ali-larijani' });
    expect(Object.keys(people).sort()).toEqual(seed.people.map((p: any) => p.name).sort());
    expect(n.organisations.map((o: any) => `${o.name}:${o.rel}`).sort()).toEqual(seed.organisations.map((o: any) => `${o.name}:${o.rel}`).sort());
    expect(n.places.map((o: any) => `${o.name}:${o.rel}`).sort()).toEqual(seed.places.map((o: any) => `${o.name}:${o.rel}`).sort());
    for (const e of [...n.people, ...n.organisations, ...n.places]) expect(e.uri).toMatch(new RegExp(`^${BASE}/(people|organisations|places)/[a-z0-9-]+$`));
    // Engagements as events, with the names and rels the source gave them.
    expect(n.events.map((e: any) => `${e.name}:${e.rel}`).sort()).toEqual(seed.events.map((e: any) => `${e.name}:${e.rel}`).sort());
    for (const e of n.events) expect(e.uri).toMatch(new RegExp(`^${BASE}/engagements/\\d+$`));
  });

  it('ninjs and jsonLd stay within the article statement', async () => {
    const r = await t.gql(`{ article(slug: "larijani-pakistan-visit") { headline dateline { name } ninjs jsonLd } }`);
    expect(r.body.errors).toBeUndefined();
    expect(r.statements).toBe(1);
  });

  it('entity uris resolve back to this API as JSON-LD', async () => {
    const r = await t.gql(`{ article(slug: "larijani-pakistan-visit") { ninjs } }`);
    const n = r.body.data.article.ninjs;
    for (const e of [...n.people, ...n.organisations, ...n.places, ...n.events]) {
      const res = await t.app.request(e.uri.replace(BASE, ''));
      expect(res.status, e.uri).toBe(200);
      expect(res.headers.get('content-type')).toContain('application/ld+json');
      const doc = (await res.json()) as Record<string, unknown>;
      expect(doc['@id']).toBe(e.uri);
      expect(doc['@context']).toBe('https://schema.org');
    }
    const iran = (await (await t.app.request('/places/iran')).json()) as Record<string, unknown>;
    expect(iran).toMatchObject({ '@type': 'Country', name: 'Iran', identifier: 'IR', sameAs: ['http://www.wikidata.org/entity/Q794'] });
    expect((await t.app.request('/people/nobody')).status).toBe(404);
    const ninjs = await t.app.request('/articles/larijani-pakistan-visit?format=ninjs');
    expect(((await ninjs.json()) as { uri: string }).uri).toBe('urn:newsgraph:article:larijani-pakistan-visit');
  });
});

describe('JSON-LD out', () => {
  it('is a schema.org NewsArticle with about, mentions, dateline, contentLocation and engagements as Events', async () => {
    const r = await t.gql(`{ article(slug: "larijani-pakistan-visit") { jsonLd } }`);
    const ld = r.body.data.article.jsonLd;
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      '@id': `${BASE}/articles/larijani-pakistan-visit`,
      identifier: 'urn:newsgraph:article:larijani-pakistan-visit',
      inLanguage: 'en',
      dateline: 'TEHRAN',
      contentLocation: { '@type': 'City', name: 'Tehran', sameAs: ['http://www.wikidata.org/entity/Q3616'] },
    });
    expect(ld.datePublished).toBe('2025-11-24T00:00:00Z'); // the seed's publication day (its edNote says where it comes from)
    const aboutTypes = ld.about.map((x: any) => x['@type']);
    expect(aboutTypes).toEqual(expect.arrayContaining(['Person', 'GovernmentOrganization', 'Country', 'Event']));
    expect(ld.mentions.map((x: any) => x.name)).toContain('Muhammad Mudassir Tipu');
    const visit = ld.about.find((x: any) => x['@type'] === 'Event' && x.location?.name === 'Islamabad');
    expect(visit.attendee.map((a: any) => a.name)).toEqual(expect.arrayContaining(['Ali Larijani', 'Pakistan']));
    expect(visit.organizer.map((a: any) => a.name)).toEqual(['Pakistan']);
    // The visit spans 24–25 November 2025: startDate/endDate are given for one known day only.
    expect(visit).not.toHaveProperty('startDate');
    const remarks = [...ld.about, ...ld.mentions].find((x: any) => x['@type'] === 'Event' && /Ambassador to Tehran/.test(x.name));
    expect(remarks).toMatchObject({ startDate: '2025-11-24', endDate: '2025-11-24' }); // "on Monday"
  });

  it('datePublished and an Event startDate/endDate appear when known', () =>
    withTempDb(async (db) => {
      const b = seedBundle();
      b.ninjs.uri = 'urn:test:dated';
      b.ninjs.firstCreated = '2025-11-24T09:30:00Z';
      b.annotations.referenceDate = '2025-11-24';
      await loadBundle(db, b);
      const { articleToJsonLd } = await import('../../src/export/jsonld.ts');
      const ld = articleToJsonLd((await loadExportArticle(db, { uri: 'urn:test:dated' }))!, BASE) as any;
      expect(ld.datePublished).toBe('2025-11-24T09:30:00Z');
      // "on Monday" before 2025-11-24 (a Monday) resolves to a day.
      const dated = ld.about.filter((x: any) => x['@type'] === 'Event' && x.startDate);
      expect(dated.length).toBeGreaterThan(0);
      for (const e of dated) expect(e.startDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }));
});

describeWithShared('round trip', () => {
  it('the seed exported as ninjs re-ingests (into an empty database) to the same articles, entities and links', async () => {
    const validate = ninjsValidator('3.1');
    const a = await loadExportArticle(t.db, { slug: 'larijani-pakistan-visit' });
    const ninjs = articleToNinjs(a!, BASE);
    expect(validate(ninjs)).toEqual([]);
    await withTempDb(async (db) => {
      await loadBundle(db, ninjs, { ownBaseUrls: [BASE] });
      const again = articleToNinjs((await loadExportArticle(db, { uri: ninjs.uri }))!, BASE);
      // Same document, but for the events: a bare ninjs event (no participants, no CAMEO code)
      // is carried along, not turned into an engagement.
      const strip = ({ events: _e, ...rest }: Record<string, unknown>) => rest;
      expect(strip(again)).toEqual(strip(ninjs));
      expect(validate(again)).toEqual([]);
      const dump = await graphDump(db);
      const original = await graphDump(t.db);
      // ninjs has no relevance: links come back with their rel, relevance unjudged.
      const noRelevance = (links: string[]) => links.map((l) => ({ ...JSON.parse(l), relevance: null }));
      expect(noRelevance(dump.links)).toEqual(noRelevance(original.links.filter((l) => l.includes('larijani-pakistan-visit'))));
    });
  });

  it('re-ingesting the exported ninjs onto the same database resolves every entity to itself (own uris)', () =>
    withTempDb(async (db) => {
      await loadBundle(db, seedBundle());
      const before = await graphDump(db);
      const ninjs = articleToNinjs((await loadExportArticle(db, { slug: 'larijani-pakistan-visit' }))!, BASE);
      const r = await loadBundle(db, ninjs, { ownBaseUrls: [BASE] });
      expect(r).toMatchObject({ created: false, version: 2 });
      const after = await graphDump(db);
      for (const k of ['people', 'organisations', 'places'] as const) expect(after[k], k).toEqual(before[k]);
      // Same links with the same rel; ninjs carries no relevance, so that is cleared.
      const noRelevance = (links: string[]) => links.map((l) => ({ ...JSON.parse(l), relevance: null }));
      expect(noRelevance(after.links)).toEqual(noRelevance(before.links));
      // The events name the article's engagements by their own uris: still linked.
      expect(after.engagements.map((e) => JSON.parse(e).summary)).toEqual(before.engagements.map((e) => JSON.parse(e).summary));
    }));

  it('the seed exported as a bundle re-ingests into an empty database to the same graph', async () => {
    const bundle = await exportBundle(t.db, { slug: 'larijani-pakistan-visit' }, BASE);
    expect(ninjsValidator('3.1')(bundle!.ninjs)).toEqual([]);
    const { db, close } = await tempDb();
    const ref = await tempDb();
    try {
      await loadBundle(ref.db, seedBundle());
      await loadBundle(db, bundle, { ownBaseUrls: [BASE] });
      expect(await graphDump(db)).toEqual(await graphDump(ref.db));
    } finally {
      close();
      ref.close();
    }
  });
});

describeWithShared('export CLI', () => {
  it('npm run export -- <slug> writes the ninjs (and --bundle, --jsonld)', async () => {
    const run = promisify(execFile);
    const env = { ...process.env, LIBSQL_URL: `file:${path.join(t.dir, 'test.db')}`, PUBLIC_BASE_URL: BASE };
    const node = path.join(repoRoot, 'node_modules/.bin/node');
    const cli = path.join(repoRoot, 'src/cli/export.ts');
    const ninjs = JSON.parse((await run(node, [cli, 'larijani-pakistan-visit'], { env })).stdout);
    expect(ninjsValidator('3.1')(ninjs)).toEqual([]);
    expect(ninjs.people[0].uri.startsWith(`${BASE}/people/`)).toBe(true);
    const bundle = JSON.parse((await run(node, [cli, 'larijani-pakistan-visit', '--bundle'], { env })).stdout);
    expect(bundle.annotations.engagements.length).toBe(seedBundle().annotations.engagements.length);
    await expect(run(node, [cli, 'no-such-article'], { env })).rejects.toMatchObject({ code: 1 });
  }, 90_000);
});
