/**
 * Extraction evidence (src/ingest/evidence.ts): the bundle's `annotations.extractor` and each
 * fact's `evidence` are validated (spans inside the printed text, every problem listed), kept with
 * the article, exported again with the bundle, unchanged by an identical re-ingest, re-keyed when
 * rows merge, and read in GraphQL inside the article's one statement. Texts are written here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_AUTH } from '../../src/auth/credentials.ts';
import { exportBundle } from '../../src/export/bundle.ts';
import { encodeGlobalID } from '../../src/graphql/ids.ts';
import { rebaseSpans } from '../../src/ingest/evidence.ts';
import { loadBundle } from '../../src/ingest/load.ts';
import { mergePeople } from '../../src/ingest/merge.ts';
import { BundleRejected, printedText, validateBundle } from '../../src/ingest/validate.ts';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { snapshot, tempDb, withTempDb } from './helpers.ts';

const HEADLINE = 'Harbour talks resume in Port Valen';
const BODY = [
  'PORT VALEN – Trade Minister Ilse Brandvold met Harbour Authority chief Omar Castellan on Tuesday.',
  '“The quays will reopen before winter,” Brandvold said, adding that repairs would cost $40 million.',
].join('\n');
const TEXT = `${HEADLINE}\n${BODY}`;
const at = (words: string, from = 0): [number, number] => {
  const i = TEXT.indexOf(words, from);
  if (i < 0) throw new Error(`not in the text: ${words}`);
  return [i, i + words.length];
};
const ev = (stage: string, rule: string, ...spans: [number, number][]) => ({ stage, rule, spans });

/** A machine-made bundle with evidence on every kind of fact; the surname mention merges into the full name. */
function extracted(uri = 'urn:evidence:1') {
  return {
    ninjs: {
      uri,
      type: 'text',
      language: 'en',
      firstCreated: '2031-03-04T08:00:00Z',
      headlines: [{ role: 'main', value: HEADLINE }],
      bodies: [{ role: 'main', contentType: 'text/plain', value: BODY }],
    },
    annotations: {
      extractor: { name: 'newsgraph-extract', version: '0.3.1' },
      people: [
        { key: 'ilse-brandvold', name: 'Ilse Brandvold', rel: 'about', relevance: 1, evidence: ev('entities', 'title-before-name', at('Ilse Brandvold')),
          roles: [{ title: 'Trade Minister' }] },
        { key: 'brandvold', name: 'Brandvold', rel: 'about', evidence: ev('entities', 'surname-mention', at('Brandvold said')) },
        { key: 'omar-castellan', name: 'Omar Castellan', rel: 'mentions', evidence: ev('entities', 'title-before-name', at('Omar Castellan')) },
      ],
      organisations: [
        { key: 'harbour-authority', name: 'Harbour Authority', kind: 'GOVERNMENT_BODY', rel: 'mentions', evidence: ev('entities', 'org-word', at('Harbour Authority')) },
      ],
      places: [{ key: 'port-valen', name: 'Port Valen', kind: 'CITY', rel: 'about', evidence: ev('gazetteer', 'dateline', at('PORT VALEN'), at('Port Valen')) }],
      engagements: [
        {
          key: 'meeting',
          kind: 'MEETING',
          cameo: '040',
          summary: 'Ilse Brandvold meets Omar Castellan',
          date: { text: 'on Tuesday' },
          place: 'port-valen',
          participants: [{ actor: 'ilse-brandvold', role: 'PARTICIPANT' }, { actor: 'omar-castellan', role: 'PARTICIPANT' }],
          evidence: ev('engagements', 'met-verb', at('met Harbour Authority chief Omar Castellan on Tuesday')),
        },
      ],
      quotes: [{ text: 'The quays will reopen before winter,', speaker: 'brandvold', evidence: ev('quotes', 'said-after-quote', at('The quays will reopen before winter,'), at('Brandvold said')) }],
      figures: [{ text: '$40 million', value: 40_000_000, currency: 'USD', metric: 'repair cost', evidence: ev('figures', 'currency-scale', at('$40 million')) }],
    },
  };
}

describe('evidence in bundles', () => {
  it('is accepted on every kind of fact, and spans index headline + "\\n" + body', () => {
    const r = validateBundle(extracted());
    expect(r.ok).toBe(true);
    if (r.ok) expect(printedText(r.bundle)).toBe(TEXT);
  });

  it('refuses spans outside the text, empty or reversed, and non-integer offsets, listing every one', () => {
    const b = extracted();
    b.annotations.people[0]!.evidence.spans = [[5, 5], [0, TEXT.length + 1]];
    b.annotations.quotes[0]!.evidence.spans = [[10, 4]];
    (b.annotations.figures[0]!.evidence.spans as unknown) = [[1.5, 3]];
    (b.annotations.places[0]!.evidence as unknown) = { stage: 'gazetteer', spans: [] };
    const r = validateBundle(b);
    expect(r.ok).toBe(false);
    const paths = r.ok ? [] : r.problems.map((p) => p.path).sort();
    expect(paths).toEqual([
      'annotations.figures.0.evidence.spans.0.0',
      'annotations.places.0.evidence.rule',
    ]);
    // Shape problems come first (zod); with the shape right, every span problem is listed at once.
    const c = extracted();
    c.annotations.people[0]!.evidence.spans = [[5, 5], [0, TEXT.length + 1]];
    c.annotations.quotes[0]!.evidence.spans = [[10, 4]];
    const s = validateBundle(c);
    expect(s.ok ? [] : s.problems.map((p) => p.path)).toEqual([
      'annotations.people.0.evidence.spans.0',
      'annotations.people.0.evidence.spans.1',
      'annotations.quotes.0.evidence.spans.0',
    ]);
  });

  it('moves spans onto the stored text when the printed text differs (a second headline, untrimmed body)', () => {
    const printed = `Headline\nSub headline\n  Body words here.`;
    const stored = `Headline\nBody words here.`;
    // "Headline" stays, "Body" moves up, "headline" (of the sub headline) is no longer printed: dropped.
    expect(rebaseSpans(printed, stored, [[0, 8], [24, 28], [13, 21]])).toEqual([[0, 8], [9, 13]]);
    expect(rebaseSpans(stored, stored, [[9, 13]])).toEqual([[9, 13]]);
  });
});

describe('evidence through the loader', () => {
  it('round trip: ingest → export → ingest elsewhere → export gives the same evidence and extractor', async () => {
    const one = await tempDb();
    const two = await tempDb();
    try {
      await loadBundle(one.db, extracted());
      const exported = (await exportBundle(one.db, { uri: 'urn:evidence:1' }, 'https://news.example'))!;
      const a = exported.annotations;
      expect(a.extractor).toEqual({ name: 'newsgraph-extract', version: '0.3.1' });
      // The surname mention became the full-named person: one entry, both spans.
      const ilse = a.people.find((p) => p.name === 'Ilse Brandvold')!;
      expect(ilse.evidence).toEqual(ev('entities', 'title-before-name', at('Ilse Brandvold'), at('Brandvold said')));
      expect(a.people.find((p) => p.name === 'Omar Castellan')!.evidence).toEqual(ev('entities', 'title-before-name', at('Omar Castellan')));
      expect(a.organisations[0]!.evidence).toEqual(ev('entities', 'org-word', at('Harbour Authority')));
      expect(a.places[0]!.evidence).toEqual(ev('gazetteer', 'dateline', at('PORT VALEN'), at('Port Valen')));
      expect(a.engagements[0]!.evidence!.rule).toBe('met-verb');
      expect(a.quotes[0]!.evidence!.spans).toEqual([at('The quays will reopen before winter,'), at('Brandvold said')]);
      expect(a.figures[0]!.evidence).toEqual(ev('figures', 'currency-scale', at('$40 million')));
      // The exported text is the text the spans index.
      expect(printedText(exported)).toBe(TEXT);

      await loadBundle(two.db, exported);
      const again = (await exportBundle(two.db, { uri: 'urn:evidence:1' }, 'https://news.example'))!;
      const evidenceOf = (b: typeof exported) =>
        Object.fromEntries(
          (['people', 'organisations', 'places', 'engagements', 'quotes', 'figures'] as const).map((k) => [
            k,
            (b.annotations[k] as { evidence?: unknown }[]).map((x) => x.evidence ?? null),
          ]),
        );
      expect(evidenceOf(again)).toEqual(evidenceOf(exported));
      expect(again.annotations.extractor).toEqual(exported.annotations.extractor);
    } finally {
      one.close();
      two.close();
    }
  });

  it('an identical re-ingest changes nothing; changed evidence is a change', () =>
    withTempDb(async (db) => {
      const first = await loadBundle(db, extracted());
      const before = await snapshot(db);
      const same = await loadBundle(db, extracted());
      expect(same).toMatchObject({ created: false, changed: false, version: first.version });
      expect(await snapshot(db)).toEqual(before);
      const moved = extracted();
      moved.annotations.figures[0]!.evidence.rule = 'amount-words';
      expect(await loadBundle(db, moved)).toMatchObject({ changed: true, version: first.version + 1 });
      const stored = (await db.$client.execute("select extraction from articles where uri = 'urn:evidence:1'")).rows[0]!.extraction;
      expect(JSON.parse(String(stored)).evidence['figure:0'].rule).toBe('amount-words');
      // A bundle without evidence clears it.
      const plain = extracted();
      delete (plain.annotations as { extractor?: unknown }).extractor;
      for (const list of Object.values(plain.annotations)) if (Array.isArray(list)) for (const x of list) delete (x as { evidence?: unknown }).evidence;
      await loadBundle(db, plain);
      expect((await db.$client.execute("select extraction from articles where uri = 'urn:evidence:1'")).rows[0]!.extraction).toBeNull();
    }));

  it('a rejected bundle writes nothing', () =>
    withTempDb(async (db) => {
      const before = await snapshot(db);
      const b = extracted();
      b.annotations.figures[0]!.evidence.spans = [[0, TEXT.length + 40]];
      await expect(loadBundle(db, b)).rejects.toBeInstanceOf(BundleRejected);
      expect(await snapshot(db)).toEqual(before);
    }));

  it('merging a person moves its evidence to the kept person', () =>
    withTempDb(async (db) => {
      await loadBundle(db, extracted());
      // Another article names the chief differently, by hand, without evidence.
      const other = extracted('urn:evidence:2');
      other.annotations.people[2]!.name = 'O. Castellan';
      await loadBundle(db, other);
      const id = async (name: string) => Number((await db.$client.execute({ sql: 'select id from people where name = ?', args: [name] })).rows[0]!.id);
      const keep = await id('Omar Castellan');
      const merge = await id('O. Castellan');
      await mergePeople(db, keep, merge);
      const x = JSON.parse(String((await db.$client.execute("select extraction from articles where uri = 'urn:evidence:2'")).rows[0]!.extraction));
      expect(x.evidence[`person:${merge}`]).toBeUndefined();
      expect(x.evidence[`person:${keep}`]).toEqual(ev('entities', 'title-before-name', at('Omar Castellan')));
    }));
});

describe('Article.extraction', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { auth: { ...NO_AUTH } } });
    await loadBundle(t.db, extracted());
  });
  afterAll(() => t.close());

  it('lists the extractor and every fact with its spans and words, in the article statement', async () => {
    const r = await t.gql(`{ article(uri: "urn:evidence:1") { headline people(first: 5) { edges { node { name } } }
      extraction { extractor { name version } evidence { fact subject position stage rule spans { start end text } } } } }`);
    expect(r.body.errors).toBeUndefined();
    expect(r.statements).toBe(1);
    const x = r.body.data.article.extraction;
    expect(x.extractor).toEqual({ name: 'newsgraph-extract', version: '0.3.1' });
    expect(x.evidence.map((e: { fact: string }) => e.fact)).toEqual(['PERSON', 'PERSON', 'ORGANISATION', 'PLACE', 'ENGAGEMENT', 'QUOTE', 'FIGURE']);
    const ilseId = Number((await t.db.$client.execute("select id from people where name = 'Ilse Brandvold'")).rows[0]!.id);
    const ilse = x.evidence.find((e: { subject: string }) => e.subject === encodeGlobalID('Person', ilseId));
    expect(ilse.spans.map((s: { text: string }) => s.text)).toEqual(['Ilse Brandvold', 'Brandvold said']);
    expect(x.evidence.find((e: { fact: string }) => e.fact === 'FIGURE')).toMatchObject({ subject: null, position: 0, stage: 'figures', spans: [{ text: '$40 million' }] });
  });

  it('is null for a hand-made article', async () => {
    const r = await t.gql('{ article(slug: "larijani-pakistan-visit") { extraction { extractor { name } } } }');
    expect(r.body.data.article.extraction).toBeNull();
  });

  it('is answered by the compiled read path byte for byte as by the executor: aliases, fragments, __typename, nested articles', async () => {
    const query = `query X($uri: String!) {
      article(uri: $uri) { extraction { __typename by: extractor { version name } evidence { ...E } } }
      articles(first: 3) { edges { node { uri extraction { evidence { fact spans { text } } } } } } }
      fragment E on Evidence { rule fact __typename spans { end start words: text } subject @include(if: true) position @skip(if: true) }`;
    const send = async (compiledReads: boolean) => {
      const app = createApp({ db: t.db, config: { ...loadConfig({}, { debugSql: true }), compiledReads } });
      const res = await app.request('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', 'x-newsgraph-debug': 'sql' }, body: JSON.stringify({ query, variables: { uri: 'urn:evidence:1' } }) });
      return (await res.json()) as { data: { article: { extraction: { by: unknown; evidence: unknown[] } } }; extensions: { sql: { compiled: boolean; statements: number } } };
    };
    const [compiled, executed] = [await send(true), await send(false)];
    expect(compiled.extensions.sql).toMatchObject({ compiled: true, statements: 1 });
    expect(executed.extensions.sql).toMatchObject({ compiled: false });
    expect(JSON.stringify(compiled.data)).toBe(JSON.stringify(executed.data));
    expect(compiled.data.article.extraction.by).toEqual({ version: '0.3.1', name: 'newsgraph-extract' });
    expect(compiled.data.article.extraction.evidence).toHaveLength(7);
  });
});
