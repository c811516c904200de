/**
 * Extraction: plain article text → an article bundle (docs/bundle.md) that `loadBundle` takes
 * as it takes a hand-annotated one. Pure TypeScript, deterministic, no I/O: the same code runs
 * in the Node entry, the CLI and the Worker.
 *
 *   extractArticle({ headline, body, published?, dateline?, language?, uri? }) → { bundle, doc }
 *
 * The stages run in the order `PIPELINE` lists (./pipeline.ts) over one `Doc` (./document.ts);
 * every fact in the bundle carries `evidence` (stage, rule, offsets) and the bundle's
 * `annotations.extractor` says a machine made it.
 */
export type { ExtractInput, Doc, Evidence } from './document.ts';
export type { Stage, EntityDraft, EngagementDraft, QuoteDraft, FigureDraft } from './document.ts';
export { extractArticle, PIPELINE, STAGE_NAMES } from './pipeline.ts';
export { checkArticleText, ExtractRefused, sizeProblem, type ArticleTextProblem, type ArticleTextCode } from './check.ts';
export { toBundle, EXTRACTOR } from './bundle.ts';
export { articleFromFile, readArticleFile } from './input.ts';
