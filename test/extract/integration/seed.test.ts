/**
 * Extraction against the hand annotation of the seed article (data/seed/): from the headline and
 * body alone, the extractor finds the annotated people (with their roles), the organisations the
 * text names, every place, every quote with its speaker and the four engagements the issue
 * names; and the extracted bundle, ingested beside the hand-annotated one, resolves to the same
 * entities instead of creating duplicates.
 *
 * Where the hand annotation knows more than the text says it is not asked of the extractor: the
 * seed infers bodies the text never names (the embassy in Tehran, the interior ministry) and
 * annotates the platform X as a company, which the extraction conventions leave out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldName } from '../../../src/domain/fold.ts';
import { resolvePartialDate, type PartialDateInput } from '../../../src/domain/partial-date.ts';
import type { ArticleBundle } from '../../../src/ingest/bundle.ts';
import { loadBundle } from '../../../src/ingest/load.ts';
import { extractArticle } from '../../../src/extract/index.ts';
import { counts, seedBundle, tempDb } from '../../ingest/helpers.ts';

const seed = seedBundle() as ArticleBundle;
const headline = seed.ninjs.headlines![0]!.value;
const body = seed.ninjs.bodies![0]!.value;
const { bundle } = extractArticle({ headline, body, uri: 'urn:newsgraph:test:extracted-seed' });
const a = bundle.annotations;

type Named = { key: string; name: string; aliases?: string[]; acronym?: string };
const namesOf = (e: Named) => [e.name, ...(e.aliases ?? []), ...(e.acronym ? [e.acronym] : [])].map(foldName);
/** The extracted entity of `list` that goes by `name` (its name, an alias or its acronym). */
const find = <T extends Named>(list: T[], name: string) => list.find((e) => namesOf(e).includes(foldName(name)));
const keyName = (key: string | undefined) =>
  [...a.people, ...a.organisations, ...a.places].find((e) => e.key === key)?.name;

describe('extraction of the seed article, against its hand annotation', () => {
  it('finds every annotated person, by name or alias', () => {
    for (const p of seed.annotations.people) expect(find(a.people, p.name), p.name).toBeDefined();
    expect(a.people).toHaveLength(seed.annotations.people.length);
  });

  it('finds each person’s office, and the organisation where the text names it', () => {
    const titleOf = (name: string) => find(a.people, name)!.roles.map((r) => r.title.toLowerCase());
    expect(titleOf('Ali Larijani').some((t) => t.includes('secretary'))).toBe(true);
    expect(titleOf('Muhammad Mudassir Tipu').some((t) => t.includes('ambassador'))).toBe(true);
    expect(titleOf('Syed Mohsin Naqvi').some((t) => t.includes('interior minister'))).toBe(true);
    expect(titleOf('Mohammad Baqer Qalibaf').some((t) => t.includes('speaker'))).toBe(true);
    const larijaniRole = find(a.people, 'Ali Larijani')!.roles.find((r) => r.title.toLowerCase().includes('secretary'))!;
    expect(keyName(larijaniRole.organisation)).toBe('Supreme National Security Council');
  });

  it('gives each person the nationality the text states ("Pakistan’s Ambassador", "Iran’s Parliament Speaker")', () => {
    const nationality = (name: string) => keyName(find(a.people, name)!.nationality);
    expect(nationality('Ali Larijani')).toBe('Iran');
    expect(nationality('Muhammad Mudassir Tipu')).toBe('Pakistan');
    expect(nationality('Syed Mohsin Naqvi')).toBe('Pakistan');
    expect(nationality('Mohammad Baqer Qalibaf')).toBe('Iran');
  });

  it('finds the SNSC with its acronym, and Iran and Pakistan acting as states', () => {
    expect(find(a.organisations, 'SNSC')).toMatchObject({ name: 'Supreme National Security Council', acronym: 'SNSC' });
    expect(find(a.organisations, 'Iran')?.kind).toBe('STATE');
    expect(find(a.organisations, 'Pakistan')?.kind).toBe('STATE');
    expect(find(a.organisations, 'X'), 'a social-media platform is not an organisation').toBeUndefined();
  });

  it('finds every annotated place with its kind, and the dateline', () => {
    for (const p of seed.annotations.places) expect(find(a.places, p.name)?.kind, p.name).toBe(p.kind);
    expect(find(a.places, 'Iran')?.iso3166).toBe('IR');
    expect(keyName(find(a.places, 'Islamabad')?.country)).toBe('Pakistan');
    expect(a.dateline).toMatchObject({ text: 'TEHRAN' });
    expect(keyName(a.dateline?.place)).toBe('Tehran');
  });

  it('finds every quotation with its speaker, words exactly as printed', () => {
    const got = a.quotes.map((q) => `${keyName(q.speaker)}: ${q.text}`);
    const seedSpeaker = (key?: string) => seed.annotations.people.find((p) => p.key === key)?.name;
    // The extraction convention (../shared/extraction README) drops a quote's trailing comma; the seed keeps it.
    for (const q of seed.annotations.quotes) expect(got).toContain(`${seedSpeaker(q.speaker)}: ${q.text.replace(/,$/, '')}`);
  });

  it('finds the visit, the remarks on Monday, the late-October meeting and the early-November delegation', () => {
    const withActor = (name: string) => a.engagements.filter((e) => e.participants.some((p) => keyName(p.actor) === name));
    expect(withActor('Ali Larijani').some((e) => e.kind === 'VISIT')).toBe(true);
    expect(withActor('Muhammad Mudassir Tipu').some((e) => e.kind === 'STATEMENT' && /Monday/.test(e.date?.text ?? ''))).toBe(true);
    const meeting = withActor('Syed Mohsin Naqvi').find((e) => e.kind === 'MEETING');
    expect(meeting?.date?.text).toMatch(/late October/);
    expect(meeting?.participants.map((p) => keyName(p.actor))).toEqual(expect.arrayContaining(['Ali Larijani', 'Syed Mohsin Naqvi']));
    expect(keyName(meeting?.place)).toBe('Tehran');
    const delegation = withActor('Mohammad Baqer Qalibaf').find((e) => e.kind === 'DELEGATION' || e.kind === 'VISIT');
    expect(delegation?.date?.text).toMatch(/early November/);
  });

  it('given the seed’s publication time, dates the remarks, the meeting and the delegation as the hand annotation does', () => {
    const dated = extractArticle({ headline, body, published: seed.ninjs.firstCreated, uri: 'urn:newsgraph:test:extracted-seed-dated' }).bundle.annotations;
    const reference = dated.referenceDate ?? seed.ninjs.firstCreated!.slice(0, 10);
    expect(reference).toBe(seed.annotations.referenceDate);
    const bounds = (date: PartialDateInput, ref: string | null | undefined) => {
      const d = resolvePartialDate(date, ref ?? null);
      return [d.earliest, d.latest];
    };
    for (const key of ['tipu-remarks-on-larijani-visit', 'larijani-naqvi-meeting-tehran', 'qalibaf-delegation-pakistan']) {
      const hand = seed.annotations.engagements.find((e) => e.key === key)!.date!;
      const words = hand.text!.replace(/^(on|in) /, '');
      const extracted = dated.engagements.find((e) => e.date?.text?.includes(words));
      expect(extracted, key).toBeDefined();
      expect(bounds(extracted!.date!, reference), key).toEqual(bounds(hand, seed.annotations.referenceDate));
    }
  });

  it('finds both trade figures exactly', () => {
    expect(a.figures.map((f) => [f.text, f.value, f.currency])).toEqual(
      expect.arrayContaining([
        ['$3 billion', '3000000000', 'USD'],
        ['$10 billion', '10000000000', 'USD'],
      ]),
    );
  });
});

describe('the extracted bundle beside the hand-annotated seed', () => {
  let t: Awaited<ReturnType<typeof tempDb>>;
  beforeAll(async () => {
    t = await tempDb();
    await loadBundle(t.db, seed);
  });
  afterAll(() => t.close());

  it('loads, and resolves every person and place to the seed’s entity instead of creating another', async () => {
    const before = await counts(t.db);
    const result = await loadBundle(t.db, bundle);
    expect(result.created).toBe(true);
    const after = await counts(t.db);
    expect(after.people).toBe(before.people);
    expect(after.places).toBe(before.places);
    expect(after.articles).toBe(before.articles! + 1);
  });

  it('creates no organisation that goes by a name, alias or acronym of another', async () => {
    const rows = (
      await t.db.$client.execute(`select o.id, o.name, o.acronym, (select group_concat(a.name, '|') from aliases a where a.organisation_id = o.id) aliases from organisations o`)
    ).rows;
    const owner = new Map<string, number>();
    for (const r of rows) {
      const names = [r.name, r.acronym, ...String(r.aliases ?? '').split('|')].filter(Boolean).map((n) => foldName(String(n)));
      for (const n of new Set(names)) {
        expect(owner.get(n) ?? r.id, `"${n}" names two organisations`).toBe(r.id);
        owner.set(n, Number(r.id));
      }
    }
  });
});
