/**
 * Article texts written for the surface tests (CLI, mutation): a short wire story with two
 * officials, a meeting, a quote and a figure; bad inputs. Never copied from a source.
 */
import { OTHER } from './language-samples.ts';

export const HEADLINE = 'Kenya and Tanzania agree to expand cross-border rail link';

export const BODY = [
  'NAIROBI – Kenyan Foreign Minister Amina Otieno met her Tanzanian counterpart, Joseph Mrema, in Nairobi on Tuesday to discuss a planned railway between the two countries.',
  '“This line will bring our markets closer together,” Otieno told reporters after the meeting.',
  'Mrema said Tanzania would host the next round of talks in Dodoma in early March.',
  'The two governments expect bilateral trade to reach $2 billion by 2027, officials said.',
].join('\n');

/** The people the text names (full names). */
export const PEOPLE = ['Amina Otieno', 'Joseph Mrema'];

/** The article as a .txt file: headline on the first line. */
export const TXT = `${HEADLINE}\n${BODY}\n`;

/** The article as an HTML page. */
export const HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Rail link | The Daily Example</title></head>
<body><nav><a href="/">Home</a></nav>
<h1>${HEADLINE}</h1>
${BODY.split('\n').map((p) => `<p>${p.replace(/&/g, '&amp;')}</p>`).join('\n')}
</body></html>`;

export const FRENCH = { headline: 'Le Kenya et la Tanzanie vont prolonger leur ligne ferroviaire', body: OTHER.french! };

/** Bytes that are not text (a PNG signature, then noise with NULs). */
export const BINARY = Uint8Array.from({ length: 2048 }, (_, i) => (i < 8 ? [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a][i]! : (i * 131 + 7) % 256));

/** A 5 MB paste: the article over and over. */
export const PASTE = `${BODY}\n`.repeat(Math.ceil(5_000_000 / BODY.length));
