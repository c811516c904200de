import { describe, expect, it } from 'vitest';
import { findQuotations, quotes } from '../../src/extract/stages/quotes.ts';
import { makeDoc, type EntitySpec } from './doc.ts';

const PEOPLE: EntitySpec[] = [
  { id: 'lena-okafor', type: 'person', name: 'Lena Okafor', aliases: ['Okafor'], roles: [{ title: 'Harbour Minister' }] },
  { id: 'tomas-varga', type: 'person', name: 'Tomas Varga', aliases: ['Varga'], roles: [{ title: 'Foreign Minister' }] },
  { id: 'harbour-ministry', type: 'organisation', name: 'Harbour Ministry', kind: 'MINISTRY' },
  { id: 'lagos', type: 'place', name: 'Lagos', kind: 'CITY' },
];
const run = (body: string[], headline = 'Port deal signed') => {
  const doc = makeDoc({ headline, body: body.join('\n') }, PEOPLE);
  quotes(doc);
  return doc.quotes.map((q) => [q.speaker, q.text]);
};

describe('quotes stage', () => {
  it('reads "X said" after and before a quotation, drops the trailing comma, keeps nested single quotes inside', () => {
    expect(run(['“The ‘new era’ starts now,” Okafor said in Lagos.', 'Varga said: "We agree."'])).toEqual([
      ['lena-okafor', 'The ‘new era’ starts now'],
      ['tomas-varga', 'We agree.'],
    ]);
  });

  it('reads "said X" and "X, who ..., said"', () => {
    expect(run(['"Ports matter," said Varga.', 'Okafor, who has run the ministry since 2021, said the deal was "a fair one for both sides."'])).toEqual([
      ['tomas-varga', 'Ports matter'],
      ['lena-okafor', 'a fair one for both sides.'],
    ]);
  });

  it('attributes a pronoun to the latest person subject, not to a person named later in the sentence', () => {
    expect(run(['Okafor thanked Varga for the talks.', 'She said the accord was “long overdue” for Varga and his team.'])).toEqual([['lena-okafor', 'long overdue']]);
  });

  it('joins a quotation running over a paragraph: each part is kept, one speaker', () => {
    const got = run(['Okafor told reporters: “The first ships arrive in May.', '“More will follow next year,” she said.']);
    expect(got).toEqual([
      ['lena-okafor', 'The first ships arrive in May.'],
      ['lena-okafor', 'More will follow next year'],
    ]);
  });

  it('reads organisations described ("the ministry said") and "according to"', () => {
    expect(run(['The Harbour Ministry announced the deal.', 'The two sides "will meet again soon," the ministry said.', 'Talks were "very warm," according to Varga.'])).toEqual([
      ['harbour-ministry', 'will meet again soon'],
      ['tomas-varga', 'very warm'],
    ]);
  });

  it('leaves out scare quotes and quotations with no speaker', () => {
    expect(run(['Critics called the deal a “giveaway”.', 'The port is a “hub” for the region.', '“Nobody knows,” one trader said.'])).toEqual([]);
  });

  it('pairs curly marks even when a closing mark opens a quotation, and skips a stray closing mark', () => {
    expect(run(['Okafor said,” It is done.”', 'She wants a fully ‘smart” port.'])).toEqual([['lena-okafor', 'It is done.']]);
  });

  it('gives a headline quotation the speaker of the body quotation it echoes', () => {
    const got = run(['Okafor said on Monday the accord was “historic and overdue”.'], 'Minister hails ‘historic’ accord');
    expect(got).toContainEqual(['lena-okafor', 'historic']);
  });

  it('finds quotation spans with offsets into the printed text', () => {
    const doc = makeDoc({ headline: 'H', body: 'A "b c" d.' });
    const [q] = findQuotations(doc);
    expect(doc.text.slice(q!.start, q!.end)).toBe('b c');
  });
});
