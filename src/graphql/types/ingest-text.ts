/**
 * Mutation.ingestText: an article as plain text (or HTML) → the extractor (src/extract/) → the
 * one loader, as ingestArticle loads a hand-made bundle. A dry run returns the draft bundle and
 * writes nothing. Refusals are BAD_USER_INPUT with every problem in `extensions.problems`:
 * `{ path, message, code }` for the text (src/extract/input.ts), `{ path, message }` for the
 * extracted bundle (paths in the bundle, as ingestArticle reports them).
 */
import { requireScope } from '../../auth/credentials.ts';
import { DEFAULT_TEXT_LIMITS } from '../../config.ts';
import type { LoadResult } from '../../ingest/load.ts';
import type { Problem } from '../../ingest/validate.ts';
import { builder } from '../builder.ts';
import { codedError } from '../errors.ts';
import { anonymous, IngestResult, publicBase, writePath } from './article.ts';

export const IngestTextInput = builder.inputType('IngestTextInput', {
  description: 'One article as text, for ingestText. Only English is extracted.',
  fields: (t) => ({
    headline: t.string({ required: true, description: 'The main headline, plain text.' }),
    body: t.string({
      required: true,
      description: 'The body: plain text, one paragraph a line, or HTML (reduced to paragraphs). At most MAX_TEXT_BYTES (98 304 by default) with the headline.',
    }),
    published: t.string({ description: 'Publication time, ISO 8601 day or date-time; time words ("on Monday") resolve against its day.' }),
    dateline: t.string({ description: 'The dateline as printed ("TEHRAN"); read from the body\'s opening when absent.' }),
    language: t.string({ description: 'BCP 47 language tag; only English ("en", "en-GB" ...) is accepted. Default: en.' }),
    uri: t.string({ description: 'The ninjs uri of the article (re-ingesting it updates the article); derived from the headline when absent.' }),
  }),
});

interface IngestTextOutcome {
  bundle: unknown;
  result: LoadResult | null;
}

export const IngestTextResult = builder.objectRef<IngestTextOutcome>('IngestTextResult').implement({
  description: 'What ingesting one article text did: the bundle extracted from it and, unless a dry run, what loading it did.',
  fields: (t) => ({
    bundle: t.field({
      type: 'JSON',
      description: 'The article bundle extracted from the text (ninjs 3.1 item + annotations, each fact with its evidence), as ingestArticle takes it.',
      resolve: (o) => o.bundle,
    }),
    result: t.field({
      type: IngestResult,
      nullable: true,
      description: 'What loading the bundle did; null on a dry run (nothing was written).',
      resolve: (o) => o.result,
    }),
  }),
});

const refused = (message: string, problems: Problem[]) =>
  codedError('BAD_USER_INPUT', `${message}: ${problems.map((p) => p.message).join('; ')}.`, { argument: 'input', problems });

builder.mutationFields((t) => ({
  ingestText: t.field({
    type: IngestTextResult,
    description:
      'Extract an article bundle from English text (people, roles, organisations, places, engagements, quotes, figures) and ingest it as ingestArticle does; with dryRun, return the draft bundle and write nothing.',
    args: {
      input: t.arg({ type: IngestTextInput, required: true }),
      dryRun: t.arg.boolean({ defaultValue: false, description: 'Extract and validate only: nothing is written, `result` is null.' }),
    },
    resolve: async (_root, { input, dryRun }, ctx) => {
      await requireScope(ctx.auth ?? anonymous);
      // The extractor (gazetteer, lexicon, chrono) and the loader load on the first call (see writePath).
      const [{ extractArticle, ExtractRefused }, { loadBundle, BundleRejected, validateBundle }] = await Promise.all([
        import('../../extract/index.ts'),
        writePath(),
      ]);
      let bundle: unknown;
      try {
        ({ bundle } = extractArticle(input, ctx.textLimits ?? DEFAULT_TEXT_LIMITS));
      } catch (err) {
        if (err instanceof ExtractRefused) throw refused('The text was refused', err.problems);
        throw err;
      }
      if (dryRun) {
        const v = validateBundle(bundle);
        if (!v.ok) throw refused('The extracted bundle was rejected', v.problems);
        return { bundle, result: null };
      }
      try {
        return { bundle, result: await loadBundle(ctx.db, bundle, { ownBaseUrls: [publicBase(ctx)] }) };
      } catch (err) {
        if (err instanceof BundleRejected) throw refused('The extracted bundle was rejected', err.problems);
        throw err;
      }
    },
  }),
}));
