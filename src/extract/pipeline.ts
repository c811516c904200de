/**
 * The extraction pipeline, as a visible list (the spaCy idea): `createDoc` (stage `segment`:
 * text, paragraphs, sentences, tokens, dateline, reference date) builds the `Doc`, then each
 * stage of `PIPELINE` reads it and adds its annotations, in this order; `toBundle` writes the
 * article bundle. Pure and deterministic: no I/O, no clock, no randomness.
 */
import type { ArticleBundle } from '../ingest/bundle.ts';
import { DEFAULT_TEXT_LIMITS, type TextLimits } from '../config.ts';
import { checkArticleText, ExtractRefused, type ArticleTextInput } from './check.ts';
import { toBundle } from './bundle.ts';
import type { Doc, ExtractInput, Stage } from './document.ts';
import { createDoc } from './stages/segment.ts';
import { names } from './stages/names.ts';
import { entities } from './stages/entities.ts';
import { quotes } from './stages/quotes.ts';
import { engagements } from './stages/engagements.ts';
import { figures } from './stages/figures.ts';

/** The stages after `createDoc` (segment), in order. */
export const PIPELINE: readonly Stage[] = [names, entities, quotes, engagements, figures];
/** Stage names in order, `segment` first (evidence `stage` values). */
export const STAGE_NAMES = ['segment', 'names', 'entities', 'quotes', 'engagements', 'figures'] as const;

/**
 * Extract one article: `{ bundle, doc }`, the bundle as `loadBundle` takes it and the annotated
 * document (for explanations and tests). The input is checked first by `checkArticleText`
 * (./check.ts: headline, body, language, size, binary content, English, published, uri,
 * dateline); empty optional fields are ignored.
 * @throws ExtractRefused (code EXTRACT_REFUSED) with every problem when the check fails
 */
export function extractArticle(input: ArticleTextInput, limits: TextLimits = DEFAULT_TEXT_LIMITS): { bundle: ArticleBundle; doc: Doc } {
  const problems = checkArticleText(input, limits);
  if (problems.length) throw new ExtractRefused(problems);
  const defined = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== null && v !== '')) as unknown as ExtractInput;
  const doc = createDoc(defined);
  for (const stage of PIPELINE) stage(doc);
  return { bundle: toBundle(doc), doc };
}
