/**
 * The hand-annotated seed bundle (data/seed/larijani-pakistan-visit.bundle.json): it parses as an
 * article bundle, its ninjs part is valid IPTC ninjs 3.1, every quote is printed in the source,
 * every key it refers to exists, and the facts the article states are annotated as read.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { articleBundle, type ArticleBundle } from '../src/ingest/bundle.ts';
import { foldName } from '../src/domain/fold.ts';
import { resolvePartialDate } from '../src/domain/partial-date.ts';
import { SEED_DATE_BOUNDS } from './helpers/seed-facts.ts';
import { SHARED_DIR as sharedDir, itWithShared } from './helpers/shared.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundlePath = path.join(repoRoot, 'data/seed/larijani-pakistan-visit.bundle.json');
const sourcePath = path.join(sharedDir, 'corpus/000_146379523fd9d4b2.txt');

const raw: unknown = JSON.parse(readFileSync(bundlePath, 'utf8'));
const parsed = articleBundle.safeParse(raw);
const bundle: ArticleBundle = parsed.success ? parsed.data : (raw as ArticleBundle);
const { ninjs, annotations: a } = bundle;
const headline = ninjs.headlines?.[0]?.value ?? '';
const body = ninjs.bodies?.[0]?.value ?? '';

const peopleKeys = new Set(a.people.map((p) => p.key));
const organisationKeys = new Set(a.organisations.map((o) => o.key));
const placeKeys = new Set(a.places.map((p) => p.key));
const countryKeys = new Set(a.places.filter((p) => p.kind === 'COUNTRY').map((p) => p.key));
const engagementKeys = new Set(a.engagements.map((e) => e.key));
const actorKeys = new Set([...peopleKeys, ...organisationKeys]);
const engagement = (key: string) => a.engagements.find((e) => e.key === key);

/** Every passage between curly quotes, headline first, in reading order. */
function printedQuotes(): string[] {
  const inHeadline = [...headline.matchAll(/‘([^’]+)’|“([^”]+)”/g)];
  const inBody = [...body.matchAll(/“([^”]+)”/g)];
  return [...inHeadline, ...inBody].map((m) => (m[1] ?? m[2]) as string);
}

describe('seed bundle: larijani-pakistan-visit', () => {
  it('parses as an article bundle', () => {
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  itWithShared('ninjs validates against the IPTC ninjs 3.1 schema', () => {
    const schema = JSON.parse(readFileSync(path.join(sharedDir, 'ninjs/ninjs-schema_3.1.json'), 'utf8'));
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    // No network: a permissive stand-in for the GeoJSON schema places[].geoJSON refers to.
    ajv.addSchema({ $id: 'https://geojson.org/schema/GeoJSON.json', type: 'object' });
    const validate = ajv.compile(schema);
    const ok = validate((raw as { ninjs: unknown }).ninjs);
    expect(ok ? [] : validate.errors).toEqual([]);
  });

  itWithShared('headline and body are the source text exactly, dateline included', () => {
    const lines = readFileSync(sourcePath, 'utf8').replace(/\n$/, '').split('\n');
    expect(headline).toBe(lines[0]);
    expect(body).toBe(lines.slice(1).join('\n'));
    expect(body.startsWith('TEHRAN – ')).toBe(true);
  });

  it('is dated Monday 24 November 2025, the day "on Monday" names, and says where that comes from', () => {
    // The source prints no date: the day comes from other outlets' reports of the visit (edNote).
    expect(ninjs.firstCreated).toBe('2025-11-24T00:00:00Z');
    expect(a.referenceDate).toBe('2025-11-24');
    expect(new Date(`${a.referenceDate}T12:00:00Z`).getUTCDay()).toBe(1);
    expect(ninjs.edNote).toMatch(/24-25 November 2025/);
    expect(ninjs.located).toBe('Tehran');
    expect(a.dateline).toEqual({ text: 'TEHRAN', place: 'tehran' });
  });

  it('keys are unique across people, organisations and places, and engagement keys are unique', () => {
    const entityKeys = [...a.people, ...a.organisations, ...a.places].map((e) => e.key);
    expect(new Set(entityKeys).size).toBe(entityKeys.length);
    expect(engagementKeys.size).toBe(a.engagements.length);
    for (const k of engagementKeys) expect(entityKeys).not.toContain(k);
  });

  it('every referenced key exists and has the right type', () => {
    const missing: string[] = [];
    const need = (ok: boolean, what: string) => ok || missing.push(what);
    for (const p of a.places) if (p.country) need(countryKeys.has(p.country), `place ${p.key} country ${p.country}`);
    for (const o of a.organisations) {
      if (o.country) need(countryKeys.has(o.country), `organisation ${o.key} country ${o.country}`);
      if (o.parent) need(organisationKeys.has(o.parent), `organisation ${o.key} parent ${o.parent}`);
    }
    for (const p of a.people) {
      if (p.nationality) need(countryKeys.has(p.nationality), `person ${p.key} nationality ${p.nationality}`);
      for (const r of p.roles) if (r.organisation) need(organisationKeys.has(r.organisation), `role of ${p.key} in ${r.organisation}`);
    }
    for (const e of a.engagements) {
      if (e.place) need(placeKeys.has(e.place), `engagement ${e.key} place ${e.place}`);
      for (const p of e.participants) need(actorKeys.has(p.actor), `engagement ${e.key} participant ${p.actor}`);
    }
    for (const q of a.quotes) {
      if (q.speaker) need(actorKeys.has(q.speaker), `quote speaker ${q.speaker}`);
      if (q.engagement) need(engagementKeys.has(q.engagement), `quote engagement ${q.engagement}`);
    }
    if (a.dateline?.place) need(placeKeys.has(a.dateline.place), `dateline place ${a.dateline.place}`);
    expect(missing).toEqual([]);
  });

  it('every ninjs entity links by literal to the annotated entity of the same kind, name and rel', () => {
    const pairs = [
      ['people', ninjs.people ?? [], a.people],
      ['organisations', ninjs.organisations ?? [], a.organisations],
      ['places', ninjs.places ?? [], a.places],
    ] as const;
    for (const [kind, linked, annotated] of pairs) {
      for (const n of linked) {
        const e = annotated.find((x) => x.key === n.literal);
        expect(e, `${kind}: literal ${n.literal}`).toBeDefined();
        expect(n.name).toBe(e?.name);
        expect(n.rel).toBe(e?.rel);
        if (n.uri) {
          expect(n.uri).toMatch(/^http:\/\/www\.wikidata\.org\/entity\/Q\d+$/);
          expect(e?.sameAs).toContain(n.uri);
        }
      }
      // An annotated entity with a rel is linked to the article, so ninjs lists it.
      const literals = linked.map((n) => n.literal);
      expect(literals.sort()).toEqual(annotated.filter((e) => e.rel).map((e) => e.key).sort());
    }
    expect((ninjs.events ?? []).map((e) => e.literal)).toEqual(a.engagements.map((e) => e.key));
  });

  it('Wikidata ids only where certain: the four countries and two cities', () => {
    const uris = Object.fromEntries(a.places.map((p) => [p.key, p.sameAs]));
    expect(uris).toEqual({
      iran: ['http://www.wikidata.org/entity/Q794'],
      pakistan: ['http://www.wikidata.org/entity/Q843'],
      israel: ['http://www.wikidata.org/entity/Q801'],
      'united-states': ['http://www.wikidata.org/entity/Q30'],
      tehran: ['http://www.wikidata.org/entity/Q3616'],
      islamabad: ['http://www.wikidata.org/entity/Q1362'],
    });
    for (const e of [...a.people, ...a.organisations]) expect(e.sameAs, e.key).toEqual([]);
  });

  it('names fold to distinct keys: no alias repeats its own name or another alias', () => {
    for (const e of [...a.people, ...a.organisations, ...a.places]) {
      const folded = [e.name, ...e.aliases].map(foldName);
      expect(new Set(folded).size, e.key).toBe(folded.length);
    }
    const organisationNames = a.organisations.map((o) => foldName(o.name));
    expect(new Set(organisationNames).size).toBe(organisationNames.length);
  });

  it('annotates every quoted passage, verbatim, in reading order', () => {
    for (const q of a.quotes) expect(headline.includes(q.text) || body.includes(q.text), q.text).toBe(true);
    expect(a.quotes.map((q) => q.text)).toEqual(printedQuotes());
    for (const q of a.quotes) expect(q.speaker, q.text).toBeDefined();
  });

  it('Tipu has exactly his two quotes, both from his remarks on Monday', () => {
    const tipu = a.quotes.filter((q) => q.speaker === 'muhammad-mudassir-tipu');
    expect(tipu.map((q) => q.text)).toEqual([
      'broad and ongoing interactions',
      'undoubtedly play an important role in further consolidating the historic and deep-rooted relations between Iran and Pakistan.',
    ]);
    for (const q of tipu) expect(q.engagement).toBe('tipu-remarks-on-larijani-visit');
    expect(engagement('tipu-remarks-on-larijani-visit')?.date).toEqual({ text: 'on Monday', precision: 'DAY' });
  });

  it('the figures are the article’s three amounts', () => {
    expect(a.figures).toEqual([
      { text: '12-day', value: '12', unit: 'day', metric: 'war duration' },
      { text: '$3 billion', value: '3000000000', currency: 'USD', metric: 'bilateral trade' },
      { text: '$10 billion', value: '10000000000', currency: 'USD', metric: 'bilateral trade target' },
    ]);
    for (const f of a.figures) expect(body).toContain(f.text);
  });

  it('the people hold the roles the article gives them', () => {
    const roles = Object.fromEntries(a.people.map((p) => [p.key, p.roles.map((r) => [r.title, r.organisation])]));
    expect(roles).toEqual({
      'ali-larijani': [['Secretary', 'snsc']],
      'muhammad-mudassir-tipu': [['Ambassador to Iran', 'pakistan-embassy-tehran']],
      'syed-mohsin-naqvi': [['Interior Minister', 'pakistan-interior-ministry']],
      'mohammad-baqer-qalibaf': [['Speaker', 'iran-parliament']],
    });
  });

  it('dates keep the source’s words; the one date the text does not print (the visit) is EDTF', () => {
    for (const e of a.engagements) {
      if (!e.date) continue;
      if (e.key === 'larijani-visit-pakistan') continue;
      expect(body, e.key).toContain(e.date.text);
      expect(e.date.edtf ?? e.date.earliest ?? e.date.latest, e.key).toBeUndefined();
    }
  });

  it('every relative date resolves against the reference date to real bounds', () => {
    const bounds = Object.fromEntries(
      a.engagements.filter((e) => e.date).map((e) => {
        const d = resolvePartialDate(e.date!, a.referenceDate ?? null);
        return [e.date!.text ?? e.date!.edtf, [d.earliest, d.latest]];
      }),
    );
    expect(bounds).toEqual(SEED_DATE_BOUNDS);
  });

  it('summaries are plain public sentences, without coding notes', () => {
    for (const e of a.engagements) {
      expect(e.summary, e.key).not.toMatch(/\bcoded\b|\(|\bCAMEO\b|\broot \d/i);
      expect(e.summary, e.key).toMatch(/^[A-Z].*\.$/);
    }
  });

  itWithShared('CAMEO codes are in the reference table', () => {
    const codes = new Set(
      readFileSync(path.join(sharedDir, 'reference/cameo-engagements.tsv'), 'utf8')
        .split('\n')
        .slice(1)
        .map((l) => l.split('\t')[0]),
    );
    for (const e of a.engagements) expect(codes.has(e.cameo), `${e.key}: ${e.cameo}`).toBe(true);
  });

  it('engagements between Iran and Pakistan (all of both states) include the visit, the meeting and the delegation', () => {
    const between = a.engagements
      .filter((e) => ['iran-state', 'pakistan-state'].every((k) => e.participants.some((p) => p.actor === k)))
      .map((e) => e.key);
    expect(between).toEqual(
      expect.arrayContaining(['larijani-visit-pakistan', 'larijani-naqvi-meeting-tehran', 'qalibaf-delegation-pakistan']),
    );
  });

  it('the current visit: Larijani and Iran guests of Pakistan in Islamabad, ongoing, on 24–25 November 2025', () => {
    expect(engagement('larijani-visit-pakistan')).toMatchObject({
      kind: 'VISIT',
      cameo: '042',
      status: 'ONGOING',
      place: 'islamabad',
      participants: expect.arrayContaining([
        { actor: 'ali-larijani', role: 'GUEST' },
        { actor: 'pakistan-state', role: 'HOST' },
      ]),
    });
    expect(engagement('larijani-visit-pakistan')?.date).toEqual({ edtf: '2025-11-24/2025-11-25' });
  });
});
