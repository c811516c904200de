/**
 * Article files as extractor input (`npm run extract`, `npm run ingest -- --extract`): a .txt or
 * .html file's bytes or text → `{ headline, body }`. Pure: no I/O. The checks of the text are
 * ./check.ts (`checkArticleText`), which `extractArticle` runs.
 *
 *   readArticleFile(name, bytes, limits?) → ExtractInput      (a .txt / .html file's bytes)
 *   articleFromFile(name, text) → { headline, body }
 */
import { DEFAULT_TEXT_LIMITS, type TextLimits } from '../config.ts';
import { ExtractRefused, sizeProblem } from './check.ts';
import type { ExtractInput } from './document.ts';
import { looksLikeHtml, reduceHtml } from './stages/segment.ts';

/**
 * An article file as extractor input: `.txt` (and anything not HTML): the first non-blank line
 * is the headline, the rest the body; `.html` / `.htm` (or content that looks like HTML): the
 * first `<h1>` is the headline (removed from the body), else `<title>`; the body is the
 * `<body>` element's content (else the whole file), left as HTML for the segment stage to reduce.
 */
export function articleFromFile(name: string, content: string): { headline: string; body: string } {
  const text = content.replace(/^\uFEFF/, '');
  const html = /\.html?$/i.test(name) || (!/\.txt$/i.test(name) && /^\s*<(?:!doctype|html|head|body)\b/i.test(text));
  if (!html) {
    const lines = text.replace(/\r\n?/g, '\n').split('\n');
    const first = lines.findIndex((l) => l.trim());
    if (first < 0) return { headline: '', body: '' };
    return { headline: lines[first]!.trim(), body: lines.slice(first + 1).join('\n').trim() };
  }
  let body = /<body\b[^>]*>([\s\S]*?)(?:<\/body\s*>|$)/i.exec(text)?.[1] ?? text.replace(/<head\b[\s\S]*?<\/head\s*>/i, '');
  const h1 = /<h1\b[^>]*>([\s\S]*?)<\/h1\s*>/i.exec(body);
  let headline = h1 ? reduceHtml(h1[1]!).replace(/\n/g, ' ') : '';
  if (headline) body = body.replace(h1![0], '');
  else headline = reduceHtml(/<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(text)?.[1] ?? '').replace(/\n/g, ' ');
  return { headline, body: looksLikeHtml(body) ? body : reduceHtml(body) };
}

/**
 * An article file's bytes → extractor input: over the size limit is refused before decoding;
 * bytes are decoded as UTF-8 (invalid sequences become U+FFFD, which the binary check counts).
 * @throws ExtractRefused (TEXT_TOO_LARGE)
 */
export function readArticleFile(name: string, bytes: Uint8Array, limits: TextLimits = DEFAULT_TEXT_LIMITS): ExtractInput {
  const large = sizeProblem(bytes.length, limits);
  if (large) throw new ExtractRefused([large]);
  return articleFromFile(name, new TextDecoder('utf-8').decode(bytes));
}
