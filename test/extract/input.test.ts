/**
 * Checks on an article submitted as text (src/extract/check.ts): every problem at once, with a
 * code; size refused before any scan; binary; language tag and text language; HTML bodies;
 * reading .txt / .html files. Texts are the project's own (./language-samples.ts).
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { checkArticleText, englishShare, ENGLISH_MIN_SHARE, sizeProblem } from '../../src/extract/check.ts';
import { articleFromFile } from '../../src/extract/input.ts';
import { ENGLISH, OTHER } from './language-samples.ts';

const HEADLINE = 'Ministers meet in Kampala';
const codes = (input: Parameters<typeof checkArticleText>[0], limits?: Parameters<typeof checkArticleText>[1]) =>
  checkArticleText(input, limits).map((p) => `${p.path}:${p.code}`);

describe('English or not', () => {
  it.each(Object.entries(ENGLISH))('English %s passes', (_name, body) => {
    expect(checkArticleText({ headline: HEADLINE, body })).toEqual([]);
  });

  it.each(Object.entries(OTHER))('%s is refused as NOT_ENGLISH', (_name, body) => {
    const problems = checkArticleText({ headline: 'Kampala', body });
    expect(problems.map((p) => p.code)).toEqual(['NOT_ENGLISH']);
    expect(problems[0]!.message).toMatch(/does not read as English/);
  });

  it('the threshold leaves a margin on both sides', () => {
    const judged = (t: string) => englishShare(`${HEADLINE}\n${t}`);
    const english = Object.values(ENGLISH).map(judged).filter((s) => s.words >= 10).map((s) => s.share);
    const other = Object.values(OTHER).map(judged).map((s) => s.share);
    expect(Math.min(...english)).toBeGreaterThan(ENGLISH_MIN_SHARE + 0.1);
    expect(Math.max(...other)).toBeLessThan(ENGLISH_MIN_SHARE - 0.05);
  });

  it('a name-heavy English brief counts its lower-case words only', () => {
    expect(englishShare(ENGLISH.names!).words).toBeLessThan(10); // too few to judge: accepted
    expect(checkArticleText({ headline: 'AU, IGAD chiefs in Addis Ababa', body: ENGLISH.names })).toEqual([]);
  });

  it('an English headline does not carry a French body; an English body carries a French quote', () => {
    expect(codes({ headline: 'Minister meets counterpart in Paris', body: OTHER.french })).toEqual(['body:NOT_ENGLISH']);
    const body = `${ENGLISH.wire}\nShe added: "Nous sommes prêts à signer l'accord le mois prochain."`;
    expect(checkArticleText({ headline: HEADLINE, body })).toEqual([]);
  });

  it('language tags: English variants pass, others are unsupported, malformed ones invalid', () => {
    for (const language of ['en', 'EN', 'en-GB', 'en-US', ' en ']) expect(checkArticleText({ headline: HEADLINE, body: ENGLISH.wire, language })).toEqual([]);
    expect(codes({ headline: HEADLINE, body: ENGLISH.wire, language: 'fr' })).toEqual(['language:LANGUAGE_UNSUPPORTED']);
    expect(codes({ headline: HEADLINE, body: ENGLISH.wire, language: 'de-AT' })).toEqual(['language:LANGUAGE_UNSUPPORTED']);
    expect(codes({ headline: HEADLINE, body: ENGLISH.wire, language: 'English' })).toEqual(['language:LANGUAGE_INVALID']);
  });
});

describe('empty, binary, too large', () => {
  it('no body, an empty or blank body, an HTML body without text', () => {
    for (const body of [undefined, '', '  \n\t \n', '<p> </p><div><br></div>', '<p><script>var x = 1;</script></p>'])
      expect(codes({ headline: HEADLINE, body }), String(body)).toEqual(['body:BODY_MISSING']);
    expect(checkArticleText({ headline: HEADLINE, body: '<p></p>' })[0]!.message).toBe('the HTML body has no text');
  });

  it('no headline, and values that are not strings', () => {
    expect(codes({ headline: ' ', body: ENGLISH.wire })).toEqual(['headline:HEADLINE_MISSING']);
    expect(codes({ headline: 42, body: 7 })).toEqual(['headline:HEADLINE_MISSING', 'body:BODY_MISSING']);
  });

  it('binary: a NUL, control characters, invalid UTF-8 decoded to U+FFFD', () => {
    expect(codes({ headline: HEADLINE, body: `${ENGLISH.wire}\u0000` })).toEqual(['body:BINARY_CONTENT']);
    const png = new Uint8Array(4096).map((_, i) => (i * 131 + 7) % 256);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(codes({ headline: HEADLINE, body: new TextDecoder().decode(png) })).toEqual(['body:BINARY_CONTENT']);
    // Latin-1 bytes read as UTF-8: a stray accented letter is tolerated, a text full of them is not.
    const latin1 = (t: string) => new TextDecoder().decode(Uint8Array.from(t, (c) => c.charCodeAt(0) & 0xff));
    const plain = ENGLISH.wire!.replace(/[^\x00-\x7f]/g, '-');
    expect(checkArticleText({ headline: HEADLINE, body: latin1(plain.replace('Uzbekistan', 'Uzb\u00e9kistan')) })).toEqual([]);
    expect(codes({ headline: HEADLINE, body: latin1(plain.replace(/e/g, '\u00e9')) })).toEqual(['body:BINARY_CONTENT']);
    expect(codes({ headline: HEADLINE, body: `${ENGLISH.wire!.slice(0, 300)}${'\u0007\u001b'.repeat(10)}` })).toEqual(['body:BINARY_CONTENT']);
  });

  it('a 5 MB paste is refused on its length, before any scan of its content', () => {
    const paste = `${ENGLISH.wire}\n`.repeat(Math.ceil(5_000_000 / ENGLISH.wire!.length));
    const t0 = performance.now();
    const problems = checkArticleText({ headline: HEADLINE, body: `${paste}\u0000`, language: 'fr' });
    expect(performance.now() - t0).toBeLessThan(20);
    expect(problems.map((p) => `${p.path}:${p.code}`)).toEqual(['language:LANGUAGE_UNSUPPORTED', 'body:TEXT_TOO_LARGE']);
    expect(problems[1]!.message).toMatch(/over 98304 bytes \(config MAX_TEXT_BYTES\)/);
  });

  it('the limit is MAX_TEXT_BYTES, in UTF-8 bytes of headline and body', () => {
    const limits = loadConfig({ MAX_TEXT_BYTES: '2048' }).text;
    expect(limits).toEqual({ maxTextBytes: 2048 });
    expect(loadConfig({}).text).toEqual({ maxTextBytes: 96 * 1024 });
    expect(() => loadConfig({ MAX_TEXT_BYTES: 'big' })).toThrow('MAX_TEXT_BYTES must be an integer');
    const body = `${ENGLISH.wire}\n`.repeat(6).replace(/[^\x00-\x7f]/g, '-').slice(0, 2048 - HEADLINE.length);
    expect(checkArticleText({ headline: HEADLINE, body }, limits)).toEqual([]);
    // Same length in UTF-16, over the limit in UTF-8 ("é" is two bytes).
    expect(codes({ headline: HEADLINE, body: body.replace(/e/g, 'é') }, limits)).toEqual(['body:TEXT_TOO_LARGE']);
    expect(sizeProblem(2049, limits)?.code).toBe('TEXT_TOO_LARGE');
    expect(sizeProblem(2048, limits)).toBeNull();
  });
});

describe('other fields, and every problem at once', () => {
  it('published, uri and dateline are checked', () => {
    const ok = { headline: HEADLINE, body: ENGLISH.wire };
    for (const published of ['2025-11-24', '2025-11-24T09:30:00Z', '2025-11-24T09:30:00+05:00']) expect(checkArticleText({ ...ok, published })).toEqual([]);
    for (const published of ['24/11/2025', 'yesterday', '2025-13-40']) expect(codes({ ...ok, published }), published).toEqual(['published:PUBLISHED_INVALID']);
    expect(checkArticleText({ ...ok, uri: 'urn:newsgraph:article:x' })).toEqual([]);
    expect(codes({ ...ok, uri: 'not a uri' })).toEqual(['uri:URI_INVALID']);
    expect(codes({ ...ok, dateline: 'TEHRAN\nmore' })).toEqual(['dateline:DATELINE_INVALID']);
  });

  it('reports every problem together', () => {
    expect(codes({ headline: '', body: OTHER.german, language: 'de', published: 'Monday', uri: 'x y' })).toEqual([
      'headline:HEADLINE_MISSING',
      'language:LANGUAGE_UNSUPPORTED',
      'published:PUBLISHED_INVALID',
      'uri:URI_INVALID',
      'body:NOT_ENGLISH',
    ]);
  });

  it('HTML bodies are judged on their text', () => {
    const html = (t: string) => `<article>${t.split('\n').map((p) => `<p class="x">${p.replace(/"/g, '&quot;')}</p>`).join('')}</article>`;
    expect(checkArticleText({ headline: HEADLINE, body: html(ENGLISH.wire!) })).toEqual([]);
    expect(codes({ headline: HEADLINE, body: html(OTHER.spanish!) })).toEqual(['body:NOT_ENGLISH']);
  });
});

describe('articleFromFile', () => {
  it('.txt: the first non-blank line is the headline, the rest the body', () => {
    expect(articleFromFile('a.txt', '\uFEFF\n  Ministers meet  \r\nFirst paragraph.\r\n\r\nSecond.\n')).toEqual({ headline: 'Ministers meet', body: 'First paragraph.\r\n\r\nSecond.'.replace(/\r\n/g, '\n') });
    expect(articleFromFile('a.txt', '\n \n')).toEqual({ headline: '', body: '' });
    expect(articleFromFile('<stdin>', 'Headline\nBody.')).toEqual({ headline: 'Headline', body: 'Body.' });
  });

  it('.html: the <h1> (taken out of the body), else the <title>; the <body> content', () => {
    const page = `<!doctype html><html><head><title>Site | Ministers meet</title><style>p{}</style></head>
      <body><h1>Ministers&nbsp;meet in <em>Kampala</em></h1><p>First &amp; only paragraph.</p></body></html>`;
    const a = articleFromFile('page.html', page);
    expect(a.headline).toBe('Ministers meet in Kampala');
    expect(a.body).not.toContain('<h1');
    expect(a.body).toContain('<p>First &amp; only paragraph.</p>');
    expect(articleFromFile('page.htm', '<html><head><title>Only a title</title></head><body><p>Text.</p></body></html>').headline).toBe('Only a title');
    // No .html extension, but an HTML document.
    expect(articleFromFile('<stdin>', page).headline).toBe('Ministers meet in Kampala');
  });
});
