/**
 * Segmentation (src/extract/stages/segment.ts): Doc.text, paragraphs, sentences (abbreviations,
 * initials and dotted acronyms do not split), tokens with offsets, datelines, HTML bodies,
 * reference date. Texts written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { createDoc, decodeEntities, looksLikeHtml, readDateline, reduceHtml, tokenize } from '../../src/extract/stages/segment.ts';

const sentences = (body: string) => {
  const doc = createDoc({ headline: 'Headline here', body });
  return doc.sentences.filter((s) => s.paragraph > 0).map((s) => doc.text.slice(s.start, s.end));
};

/** Bodies and the sentences `createDoc` splits them into. */
const SPLITS: { title: string; body: string; expected: string[] }[] = [
  {
    title: 'splits sentences but not after titles, months, initials or dotted acronyms',
    body: 'Mr. Dlamini met Gen. Okoro on Jan. 12 in the U.S. capital. J. K. Mensah, the envoy, agreed. Talks end today! Will they resume? Nobody knows.',
    expected: ['Mr. Dlamini met Gen. Okoro on Jan. 12 in the U.S. capital.', 'J. K. Mensah, the envoy, agreed.', 'Talks end today!', 'Will they resume?', 'Nobody knows.'],
  },
  {
    title: 'ends a sentence at a dotted acronym before a word that starts one, and keeps closing quotes',
    body: 'The talks moved to the U.S. The delegation left. “We are done.” He went home.',
    expected: ['The talks moved to the U.S.', 'The delegation left.', '“We are done.”', 'He went home.'],
  },
  {
    title: 'ends a sentence after a single capital when the next word plainly starts one ("posted on X. Egypt ...")',
    body: 'She posted on X. Egypt, which mediated, agreed. Plan B. The rest followed. Talks with J. Smith went on.',
    expected: ['She posted on X.', 'Egypt, which mediated, agreed.', 'Plan B.', 'The rest followed.', 'Talks with J. Smith went on.'],
  },
];

describe('createDoc', () => {
  it('joins headline and body, one paragraph a line, the headline paragraph 0', () => {
    const doc = createDoc({ headline: '  Ports reopen  ', body: 'First line.\r\n\r\n  Second line.  \nThird.' });
    expect(doc.text).toBe('Ports reopen\nFirst line.\nSecond line.\nThird.');
    expect(doc.bodyStart).toBe(13);
    expect(doc.paragraphs.map((p) => doc.text.slice(p.start, p.end))).toEqual(['Ports reopen', 'First line.', 'Second line.', 'Third.']);
    expect(doc.entities).toEqual([]);
  });

  for (const { title, body, expected } of SPLITS)
    it(title, () => {
      expect(sentences(body)).toEqual(expected);
    });

  it('tokenizes with offsets: hyphens and apostrophes inside names, possessives apart, dotted forms joined', () => {
    const doc = createDoc({ headline: 'H', body: "Akufo-Addo's aide O'Brien met Kh.Batbayar of En+Group in the U.S. for 1,250.5 tonnes." });
    const tokens = doc.sentences[1]!.tokens;
    expect(tokens.map((t) => t.text)).toEqual(['Akufo-Addo', "'s", 'aide', "O'Brien", 'met', 'Kh.Batbayar', 'of', 'En+Group', 'in', 'the', 'U.S.', 'for', '1,250.5', 'tonnes', '.']);
    for (const t of tokens) expect(doc.text.slice(t.start, t.end)).toBe(t.text);
  });

  it('keeps a curly possessive apart and does not glue a word to the next sentence', () => {
    expect(tokenize('Kenya’s envoy left tonight.The next day').map((t) => t.text)).toEqual(['Kenya', '’s', 'envoy', 'left', 'tonight', '.', 'The', 'next', 'day']);
  });

  it('takes the reference date from the publication day, null without one or when invalid', () => {
    expect(createDoc({ headline: 'H', body: 'B.', published: '2025-11-24T22:30:00+03:30' }).referenceDate).toBe('2025-11-24');
    expect(createDoc({ headline: 'H', body: 'B.', published: '2025-11-24' }).referenceDate).toBe('2025-11-24');
    expect(createDoc({ headline: 'H', body: 'B.' }).referenceDate).toBeNull();
    expect(createDoc({ headline: 'H', body: 'B.', published: '2025-02-30' }).referenceDate).toBeNull();
  });
});

describe('datelines', () => {
  it.each([
    ['LUSAKA – The minister arrived.', 'LUSAKA', undefined],
    ['ACCRA, Ghana (Reuters) - The minister arrived.', 'ACCRA', 'Reuters'],
    ['Hanoi, 4 Feb (Bernama) -- The minister arrived.', 'Hanoi', 'Bernama'],
    ['SAN JOSE, March 3 (AFP) -- The minister arrived.', 'SAN JOSE', 'AFP'],
    ['DODOMA: The minister arrived.', 'DODOMA', undefined],
    ['Windhoek /NAMPA/. The minister arrived.', 'Windhoek', 'NAMPA'],
  ])('reads %j', (body, place, agency) => {
    const doc = createDoc({ headline: 'H', body });
    expect(doc.dateline?.text).toBe(place);
    expect(doc.text.slice(doc.dateline!.span.start, doc.dateline!.span.end)).toBe(place);
    expect(doc.dateline?.agency?.text).toBe(agency);
    if (agency) expect(doc.text.slice(doc.dateline!.agency!.span.start, doc.dateline!.agency!.span.end)).toBe(agency);
  });

  it('finds none in an ordinary opening', () => {
    expect(readDateline('The minister arrived in Lusaka - late.')).toBeUndefined();
    expect(readDateline('President Banda: a profile.')).toBeUndefined();
    expect(createDoc({ headline: 'H', body: 'Officials met on Monday.' }).dateline).toBeUndefined();
  });

  it('uses a given dateline, located where printed', () => {
    const doc = createDoc({ headline: 'H', body: 'LUSAKA – The minister arrived.', dateline: 'Lusaka' });
    expect(doc.dateline).toMatchObject({ text: 'Lusaka', span: { start: 2, end: 8 } });
  });
});

describe('HTML bodies', () => {
  it('is recognised by its tags, not by a stray "<"', () => {
    expect(looksLikeHtml('<p>Hello</p>')).toBe(true);
    expect(looksLikeHtml('Trade grew <5% and >2% a year.')).toBe(false);
  });

  it('reduces to paragraphs: blocks to lines, tags dropped, entities decoded, scripts gone', () => {
    const html =
      '<html><head><style>p{}</style></head><body><h1>Port&nbsp;deal</h1><p>Minister <b>Ana Silva</b> said &ldquo;yes&rdquo; &amp; left.</p><!-- note --><script>x()</script><p>Talks&#8212;resumed&#x2e;<br>Next line</p></body></html>';
    expect(reduceHtml(html)).toBe('Port deal\nMinister Ana Silva said “yes” & left.\nTalks—resumed.\nNext line');
    const doc = createDoc({ headline: 'Deal', body: html });
    expect(doc.paragraphs).toHaveLength(5);
    expect(doc.text.split('\n')[2]).toBe('Minister Ana Silva said “yes” & left.');
  });

  it('decodes named, decimal and hexadecimal references and leaves unknown ones', () => {
    expect(decodeEntities('&eacute;&#233;&#xE9; &bogus; &amp;amp;')).toBe('ééé &bogus; &amp;');
  });
});
