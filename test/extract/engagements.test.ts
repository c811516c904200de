import { describe, expect, it } from 'vitest';
import { CAMEO_CODES } from '../../src/domain/cameo.ts';
import { resolvePartialDate } from '../../src/domain/partial-date.ts';
import { ENGAGEMENT_WORDS } from '../../src/extract/knowledge/engagement-verbs.ts';
import { engagements } from '../../src/extract/stages/engagements.ts';
import { quotes } from '../../src/extract/stages/quotes.ts';
import { makeDoc, type EntitySpec } from './doc.ts';

const CAST: EntitySpec[] = [
  { id: 'lena-okafor', type: 'person', name: 'Lena Okafor', aliases: ['Okafor'], roles: [{ title: 'Harbour Minister' }] },
  { id: 'kwame-mensah', type: 'person', name: 'Kwame Mensah', aliases: ['Mensah'], roles: [{ title: 'President' }] },
  { id: 'ama-boateng', type: 'person', name: 'Ama Boateng', aliases: ['Boateng'], roles: [{ title: 'Trade Minister' }] },
  { id: 'harbour-ministry', type: 'organisation', name: 'Harbour Ministry', kind: 'MINISTRY' },
  { id: 'ghana', type: 'place', name: 'Ghana', kind: 'COUNTRY', iso3166: 'GH' },
  { id: 'accra', type: 'place', name: 'Accra', kind: 'CITY', country: 'ghana' },
  { id: 'lagos', type: 'place', name: 'Lagos', kind: 'CITY' },
];
const extract = (body: string[], headline = 'Harbour minister in Ghana', published = '2025-03-12T08:00:00Z') => {
  const doc = makeDoc({ headline, body: body.join('\n'), published }, CAST);
  quotes(doc);
  engagements(doc);
  return doc;
};
const roles = (e: { participants: Array<{ entity: string; role: string }> }) => Object.fromEntries(e.participants.map((p) => [p.entity, p.role]));

describe('engagement words table', () => {
  it('uses only CAMEO codes the codebook module has', () => {
    const known = new Set(CAMEO_CODES.map((c) => c.code));
    for (const w of ENGAGEMENT_WORDS) expect(known.has(w.cameo), `${w.rule} ${w.cameo}`).toBe(true);
  });
  it('compiles every pattern', () => {
    for (const w of ENGAGEMENT_WORDS) expect(() => new RegExp(w.pattern, 'i')).not.toThrow();
  });
});

describe('engagements stage', () => {
  it('reads a planned visit with its time words, place and the host named by an invitation', () => {
    const doc = extract(['Okafor will visit Accra next week at the invitation of President Kwame Mensah.']);
    const visit = doc.engagements.find((e) => e.kind === 'VISIT')!;
    expect(visit).toMatchObject({ cameo: '042', status: 'PLANNED', place: 'accra', date: { text: 'next week' } });
    expect(roles(visit)).toEqual({ 'lena-okafor': 'GUEST', 'kwame-mensah': 'HOST' });
    expect(resolvePartialDate({ text: visit.date!.text }, doc.referenceDate).precision).not.toBe('UNKNOWN');
  });

  it('gives host and guest only where the text says so', () => {
    const doc = extract(['Okafor met Mensah in Accra on Tuesday.', 'In late January, Okafor received Trade Minister Ama Boateng in Lagos.']);
    const [met, received] = doc.engagements.filter((e) => e.kind === 'MEETING');
    expect(roles(met!)).toEqual({ 'lena-okafor': 'PARTICIPANT', 'kwame-mensah': 'PARTICIPANT' });
    expect(roles(received!)).toEqual({ 'lena-okafor': 'HOST', 'ama-boateng': 'GUEST' });
    expect(received).toMatchObject({ cameo: '043', status: 'COMPLETED', place: 'lagos', date: { text: 'In late January' } });
  });

  it('keeps a background event with its own date apart from the current one, and merges later mentions of the current one', () => {
    const doc = extract([
      'Okafor departed for Ghana on Tuesday for a three-day visit.',
      'Her visit follows a visit to Lagos by Trade Minister Ama Boateng in late January.',
      'Okafor said her visit would deepen trade ties.',
    ]);
    const visits = doc.engagements.filter((e) => e.kind === 'VISIT');
    expect(visits).toHaveLength(2);
    expect(visits[0]).toMatchObject({ place: 'ghana', date: { text: 'on Tuesday' } });
    expect(roles(visits[0]!)).toEqual({ 'lena-okafor': 'GUEST' });
    expect(visits[1]).toMatchObject({ place: 'lagos', date: { text: 'in late January' }, status: 'COMPLETED' });
    expect(roles(visits[1]!)).toEqual({ 'ama-boateng': 'GUEST' });
  });

  it('makes one statement per speaker and occasion, and links its quotes', () => {
    const doc = extract(['“We are ready,” Okafor said.', '“The port opens in May,” she added.', 'Mensah said on Monday the talks went well.']);
    const statements = doc.engagements.filter((e) => e.kind === 'STATEMENT');
    expect(statements.map((s) => s.participants[0]!.entity)).toEqual(['lena-okafor', 'kwame-mensah']);
    expect(statements[1]!.date?.text).toBe('on Monday');
    expect(doc.quotes.map((q) => q.engagement)).toEqual([statements[0]!.id, statements[0]!.id]);
  });

  it('reads delegations with their leader and members, and agreements between parties', () => {
    const doc = extract([
      'Okafor led a delegation to Accra, which included Trade Minister Ama Boateng.',
      'Okafor and Mensah signed a memorandum of understanding on port cooperation.',
    ]);
    const delegation = doc.engagements.find((e) => e.kind === 'DELEGATION')!;
    expect(roles(delegation)['lena-okafor']).toBe('LEAD');
    expect(delegation.place).toBe('accra');
    const agreement = doc.engagements.find((e) => e.kind === 'AGREEMENT')!;
    expect(agreement).toMatchObject({ cameo: '057', status: 'COMPLETED' });
    expect(Object.keys(roles(agreement)).sort()).toEqual(['kwame-mensah', 'lena-okafor']);
  });

  it('dates a meeting by the statement made at it ("Her remarks came during a meeting"), and only then', () => {
    const doc = extract([
      'In early February, Okafor said the new quay would double the port’s traffic. Her remarks came during a meeting in Accra with President Kwame Mensah, where both praised the project.',
      'Boateng said on Friday that exports had grown. Her remarks came during talks with Mensah on Saturday.',
    ]);
    const meeting = doc.engagements.find((e) => e.kind === 'MEETING')!;
    expect(meeting).toMatchObject({ date: { text: 'In early February' }, place: 'accra', status: 'COMPLETED' });
    expect(meeting.evidence.rule).toBe('meeting+date-from-statement');
    expect(Object.keys(roles(meeting)).sort()).toEqual(['kwame-mensah', 'lena-okafor']);
    // Time words of its own win over the statement's.
    const talks = doc.engagements.find((e) => e.kind === 'TALKS')!;
    expect(talks.date?.text).toBe('on Saturday');
    expect(talks.evidence.rule).not.toMatch(/date-from-statement/);
  });

  it('drops engagements nobody named takes part in, and ignores words inside quotations', () => {
    const doc = extract(['Officials said a summit may follow.', '“No visit is complete without a meeting,” a trader joked.']);
    expect(doc.engagements).toEqual([]);
  });
});
