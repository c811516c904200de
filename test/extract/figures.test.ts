import { describe, expect, it } from 'vitest';
import { figures } from '../../src/extract/stages/figures.ts';
import { makeDoc, type EntitySpec } from './doc.ts';

const run = (body: string, specs: EntitySpec[] = []) => {
  const doc = makeDoc({ headline: 'Figures', body }, specs);
  figures(doc);
  return doc.figures.map(({ text, value, currency, unit, metric }) => ({ text, value, currency, unit, metric }));
};

describe('figures stage', () => {
  it('reads signs, codes and words with their scale, exactly', () => {
    const got = run('Bilateral trade passed $3 billion, with US$1.2 million in grants, five billion euros, €40m, £2bn and 3,500,000 USD.');
    expect(got.map((f) => [f.text, f.value, f.currency])).toEqual([
      ['$3 billion', '3000000000', 'USD'],
      ['US$1.2 million', '1200000', 'USD'],
      ['five billion euros', '5000000000', 'EUR'],
      ['€40m', '40000000', 'EUR'],
      ['£2bn', '2000000000', 'GBP'],
      ['3,500,000 USD', '3500000', 'USD'],
    ]);
    expect(got[0]!.metric).toBe('bilateral trade');
    expect(got[1]!.metric).toBe('grants');
  });

  it('keeps printed decimals exact and follows the article country for shared signs', () => {
    const kenya: EntitySpec = { id: 'kenya', type: 'place', name: 'Kenya', kind: 'COUNTRY', iso3166: 'KE' };
    const uganda: EntitySpec = { id: 'uganda', type: 'place', name: 'Uganda', kind: 'COUNTRY', iso3166: 'UG' };
    expect(run('Kenya set aside Sh17.91 billion for roads.', [kenya])[0]).toMatchObject({ text: 'Sh17.91 billion', value: '17910000000', currency: 'KES' });
    expect(run('Uganda set aside Sh2.5 billion.', [uganda])[0]).toMatchObject({ value: '2500000000', currency: 'UGX' });
    expect(run('The project costs Rs 500 crore.')[0]).toMatchObject({ text: 'Rs 500 crore', value: '5000000000', currency: 'INR' });
    expect(run('A loan of 9,007,199,254,740,991 USD.')[0]!.value).toBe('9007199254740991');
    // Beyond 2^53 and with more digits than a double keeps: the printed digits, exactly.
    expect(run('A loan of 9,007,199,254,740,993 USD.')[0]!.value).toBe('9007199254740993');
    expect(run('Debt reached $123,456,789.0123456789 billion.')[0]!.value).toBe('123456789012345678.9');
    expect(run('It cost $0.3 million.')[0]!.value).toBe('300000');
  });

  it('keeps clear counts and leaves out durations, years, ordinals and percentages', () => {
    const got = run('After the 12-day war and a four-day visit, 11 agreements were signed in 2019 on the 50th anniversary; trade grew 5 percent over three days.');
    expect(got).toEqual([{ text: '11 agreements', value: '11', unit: 'agreements', currency: undefined, metric: undefined }]);
  });
});
