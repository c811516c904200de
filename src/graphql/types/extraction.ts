/**
 * Extraction: what a machine recorded about an article's facts, read-only (`Article.extraction`):
 * the extractor's name and version and, per fact, the stage and rule that made it and the
 * spans of the article's text it was read from (src/ingest/evidence.ts).
 *
 * Statements: none of its own. It is the article's `extraction` column (with the headline and
 * body for the spans' text), loaded in the article's one statement.
 */
import type { Evidence as StoredEvidence, StoredExtraction } from '../../db/schema.ts';
import { builder } from '../builder.ts';
import { encodeGlobalID } from '../ids.ts';
import { Article } from './article.ts';

const FACTS = ['PERSON', 'ORGANISATION', 'PLACE', 'ENGAGEMENT', 'QUOTE', 'FIGURE'] as const;
type Fact = (typeof FACTS)[number];

export const EvidenceFactEnum = builder.enumType('EvidenceFact', {
  description: 'The kind of fact a piece of evidence is about.',
  values: FACTS,
});

interface SpanShape {
  start: number;
  end: number;
  text: string;
}
interface EvidenceShape {
  fact: Fact;
  subject: string | null;
  position: number | null;
  stage: string;
  rule: string;
  spans: SpanShape[];
}
interface ExtractionShape {
  extractor: { name: string; version: string } | null;
  evidence: EvidenceShape[];
}

const EvidenceSpan = builder.objectRef<SpanShape>('EvidenceSpan').implement({
  description: 'Where a fact is printed: [start, end) UTF-16 offsets into the article text, headline + "\\n" + body.',
  fields: (t) => ({
    start: t.exposeInt('start'),
    end: t.exposeInt('end'),
    text: t.exposeString('text', { description: 'The printed words the span covers.' }),
  }),
});

const Evidence = builder.objectRef<EvidenceShape>('Evidence').implement({
  description: 'Why an extractor put a fact in the article: the stage and rule that made it, and where it read it.',
  fields: (t) => ({
    fact: t.field({ type: EvidenceFactEnum, resolve: (e) => e.fact }),
    subject: t.id({
      nullable: true,
      description: 'The global id of the person, organisation, place or engagement (null for quotes and figures).',
      resolve: (e) => e.subject,
    }),
    position: t.int({
      nullable: true,
      description: "The quote's or figure's position among the article's quotes or figures, from 0 (null for other facts).",
      resolve: (e) => e.position,
    }),
    stage: t.exposeString('stage', { description: 'The extractor stage ("entities", "quotes" ...).' }),
    rule: t.exposeString('rule', { description: 'The rule inside the stage.' }),
    spans: t.field({ type: [EvidenceSpan], resolve: (e) => e.spans }),
  }),
});

const Extractor = builder.objectRef<{ name: string; version: string }>('Extractor').implement({
  description: 'The program that made an article bundle.',
  fields: (t) => ({ name: t.exposeString('name'), version: t.exposeString('version') }),
});

const Extraction = builder.objectRef<ExtractionShape>('Extraction').implement({
  description: 'What an extractor recorded about an article: itself, and the evidence of each fact.',
  fields: (t) => ({
    extractor: t.field({ type: Extractor, nullable: true, description: 'Null when a person wrote the evidence.', resolve: (x) => x.extractor }),
    evidence: t.field({ type: [Evidence], resolve: (x) => x.evidence }),
  }),
});

const TYPENAME: Record<string, { fact: Fact; typename?: string }> = {
  person: { fact: 'PERSON', typename: 'Person' },
  organisation: { fact: 'ORGANISATION', typename: 'Organisation' },
  place: { fact: 'PLACE', typename: 'Place' },
  engagement: { fact: 'ENGAGEMENT', typename: 'Engagement' },
  quote: { fact: 'QUOTE' },
  figure: { fact: 'FIGURE' },
};

/** The stored JSON as GraphQL shapes: facts in a stable order (kind, then id or position). */
export function extractionShape(stored: StoredExtraction | null, text: string): ExtractionShape | null {
  if (!stored) return null;
  const evidence = Object.entries(stored.evidence).flatMap(([key, e]: [string, StoredEvidence]) => {
    const [kind, n] = key.split(':') as [string, string];
    const type = TYPENAME[kind];
    if (!type) return [];
    return [
      {
        fact: type.fact,
        subject: type.typename ? encodeGlobalID(type.typename, Number(n)) : null,
        position: type.typename ? null : Number(n),
        stage: e.stage,
        rule: e.rule,
        spans: e.spans.map(([start, end]) => ({ start, end, text: text.slice(start, end) })),
        order: [FACTS.indexOf(type.fact), Number(n)] as const,
      },
    ];
  });
  evidence.sort((x, y) => x.order[0] - y.order[0] || x.order[1] - y.order[1]);
  return { extractor: stored.extractor ?? null, evidence: evidence.map(({ order: _order, ...e }) => e) };
}

builder.drizzleObjectFields(Article, (t) => ({
  extraction: t.field({
    type: Extraction,
    nullable: true,
    description: 'What an extractor recorded about this article (its name and version, and why each fact is here); null for hand-made articles.',
    select: { columns: { extraction: true, headline: true, body: true } },
    resolve: (a) => extractionShape(a.extraction, `${a.headline}\n${a.body}`),
  }),
}));
