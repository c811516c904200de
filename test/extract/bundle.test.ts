import { describe, expect, it } from 'vitest';
import { EMITS_EVIDENCE, keyOf } from '../../src/extract/bundle.ts';
import { validateBundle } from '../../src/ingest/validate.ts';
import { BODY, extracted } from './bundle-doc.ts';

describe('toBundle', () => {
  it('writes a bundle validateBundle accepts, with the ninjs item and annotations', () => {
    const { doc, bundle } = extracted();
    const v = validateBundle(bundle);
    expect(v.ok ? [] : v.problems).toEqual([]);
    expect(bundle.ninjs).toMatchObject({
      uri: 'urn:newsgraph:article:nigerias-harbour-minister-visits-ghana',
      type: 'text',
      language: 'en',
      firstCreated: '2025-03-12T08:00:00Z',
      located: 'ACCRA',
      headlines: [{ role: 'main', value: 'Nigeria’s harbour minister visits Ghana' }],
      bodies: [{ role: 'main', contentType: 'text/plain', value: BODY }],
    });
    const a = bundle.annotations;
    expect(a.referenceDate).toBe('2025-03-12');
    expect(a.dateline).toEqual({ text: 'ACCRA', place: 'accra' });
    // Country places keep the plain slug; the state organisation with the same name gets another key.
    expect(a.places.map((p) => p.key)).toEqual(['ghana', 'nigeria', 'accra']);
    expect(a.organisations.map((o) => o.key)).toEqual(['harbour-ministry', 'ghana-2']);
    expect(a.people.find((p) => p.key === 'lena-okafor')).toMatchObject({ nationality: 'nigeria', roles: [{ title: 'Harbour Minister', organisation: 'harbour-ministry' }], rel: 'about' });
    expect(a.places.find((p) => p.key === 'accra')).toMatchObject({ kind: 'CITY', country: 'ghana' });
    expect(a.quotes).toEqual([expect.objectContaining({ text: 'We have come to build', speaker: 'lena-okafor' })]);
    expect(a.quotes[0]!.engagement).toBe(a.engagements.find((e) => e.kind === 'STATEMENT')!.key);
    expect(a.figures).toContainEqual(expect.objectContaining({ text: '$1.5 billion', value: '1500000000', currency: 'USD' }));
    const visit = a.engagements.find((e) => e.kind === 'VISIT')!;
    expect(visit).toMatchObject({ cameo: '042', place: 'accra', date: { text: 'on Tuesday' } });
    expect(visit.participants).toEqual([{ actor: 'lena-okafor', role: 'GUEST' }, { actor: 'kwame-mensah', role: 'HOST' }]);
    // Every ninjs entity names an annotation key.
    const keys = new Set([...a.people, ...a.organisations, ...a.places, ...a.engagements].map((e) => e.key));
    for (const e of [...bundle.ninjs.people!, ...bundle.ninjs.organisations!, ...bundle.ninjs.places!, ...bundle.ninjs.events!]) expect(keys.has(e.literal!)).toBe(true);
    expect(doc.engagements.every((e) => e.participants.length > 0)).toBe(true);
    // The summit nobody attends is not an engagement.
    expect(a.engagements.some((e) => e.kind === 'CONFERENCE')).toBe(false);
  });

  it('keeps evidence behind one switch: emitted only when the bundle schema takes it', () => {
    const { bundle } = extracted();
    const first = bundle.annotations.people[0] as Record<string, unknown>;
    expect('evidence' in first).toBe(EMITS_EVIDENCE);
  });

  it('makes keys from names: folded, ASCII, never empty', () => {
    expect(keyOf('Mohammad Bāqer Qālībāf')).toBe('mohammad-baqer-qalibaf');
    expect(keyOf('东京', 'place')).toBe('place');
    expect(extracted({ uri: 'https://example.org/a/1' }).bundle.ninjs.uri).toBe('https://example.org/a/1');
  });
});

describe('extractArticle', () => {
  it('runs every stage and writes a bundle the validator accepts', async () => {
    const { extractArticle } = await import('../../src/extract/index.ts');
    const { bundle, doc } = extractArticle({
      headline: 'Harbour minister Okafor arrives in Ghana',
      body: 'ACCRA – Nigerian Harbour Minister Lena Okafor arrived in Accra on Tuesday for a three-day visit.\n“We have come to build,” Okafor told reporters. She said trade between the two countries passed $1.5 billion last year.',
      published: '2025-03-12T08:00:00Z',
    });
    const v = validateBundle(bundle);
    expect(v.ok ? [] : v.problems).toEqual([]);
    expect(doc.quotes.map((q) => q.text)).toEqual(['We have come to build']);
    expect(bundle.annotations.figures[0]).toMatchObject({ text: '$1.5 billion', value: '1500000000', currency: 'USD' });
  });

  it('refuses a language other than English with EXTRACT_REFUSED and every problem', async () => {
    const { extractArticle, ExtractRefused } = await import('../../src/extract/index.ts');
    let error: unknown;
    try {
      extractArticle({ headline: 'Le ministre arrive', body: '', language: 'fr' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExtractRefused);
    expect(error).toMatchObject({ code: 'EXTRACT_REFUSED' });
    expect((error as InstanceType<typeof ExtractRefused>).problems.map((p) => p.path).sort()).toEqual(['body', 'language']);
    expect(() => extractArticle({ headline: 'H', body: 'B.', language: 'en-GB' })).not.toThrow();
  });
});
