/**
 * The extraction pipeline, as a visible list (the spaCy idea): `createDoc` (stage `segment`:
 * text, paragraphs, sentences, tokens, dateline, reference date) builds the `Doc`, then each
 * stage of `PIPELINE` reads it and adds its annotations, in this order; `toBundle` writes the
 * article bundle. Pure and deterministic: no I/O, no clock, no randomness.
 */
import type { ArticleBundle } from '../ingest/bundle.ts';
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

/** Problems with an input, as `{ path, message }` (the same shape as `BundleRejected`). */
export interface ExtractProblem {
  path: string;
  message: string;
}

/** The extractor will not read this input (not English, no headline or body); nothing was produced. */
export class ExtractRefused extends Error {
  readonly code = 'EXTRACT_REFUSED';
  readonly problems: ExtractProblem[];
  constructor(problems: ExtractProblem[]) {
    super(`extraction refused: ${problems.map((p) => `${p.path || '(input)'}: ${p.message}`).join('; ')}`);
    this.name = 'ExtractRefused';
    this.problems = problems;
  }
}

/** BCP 47 tags the rules are written for: English and its regional variants. */
const ENGLISH = /^en(?:-[A-Za-z0-9]{1,8})*$/i;

/** Why `input` cannot be extracted; empty when it can. */
export function inputProblems(input: ExtractInput): ExtractProblem[] {
  const problems: ExtractProblem[] = [];
  if (typeof input?.headline !== 'string' || !input.headline.trim()) problems.push({ path: 'headline', message: 'an article needs a headline' });
  if (typeof input?.body !== 'string' || !input.body.trim()) problems.push({ path: 'body', message: 'an article needs a body' });
  if (input?.language !== undefined && !ENGLISH.test(String(input.language).trim()))
    problems.push({ path: 'language', message: `only English is extracted (language "${input.language}")` });
  return problems;
}

/**
 * Extract one article: `{ bundle, doc }`, the bundle as `loadBundle` takes it and the annotated
 * document (for explanations and tests).
 * @throws ExtractRefused (code EXTRACT_REFUSED) for a non-English language or an empty headline or body
 */
export function extractArticle(input: ExtractInput): { bundle: ArticleBundle; doc: Doc } {
  const problems = inputProblems(input);
  if (problems.length) throw new ExtractRefused(problems);
  const doc = createDoc(input);
  for (const stage of PIPELINE) stage(doc);
  return { bundle: toBundle(doc), doc };
}
