/**
 * Evidence of extracted facts, kept with the article (`articles.extraction`, `StoredExtraction`
 * in src/db/schema.ts): the extractor's name and version, and for each fact the stage and rule
 * that made it and where it is printed.
 *
 * A bundle carries evidence on its facts (people, organisations, places, engagements, quotes,
 * figures: `evidence: { stage, rule, spans }`, ./bundle.ts). The loader stores it keyed by what the
 * fact became: `person:<id>`, `organisation:<id>`, `place:<id>`, `engagement:<id>` (row ids, so
 * the export and GraphQL find the fact whatever bundle key it had), `quote:<position>`,
 * `figure:<position>`. Two bundle facts that became one row (two keys resolving to one person)
 * share one entry: the first's stage and rule, the spans of both. Merging rows rewrites the keys
 * of the articles whose evidence names the merged row (`renameEvidence`).
 *
 * Offsets are UTF-16 [start, end) into the article's text as stored, `headline + "\n" + body`.
 * That is the bundle's printed text (`printedText`, ./validate.ts) for a bundle with one headline
 * and one plain-text body, as extractors write; otherwise each span is moved to the nearest
 * occurrence of its words in the stored text, and dropped when they no longer occur there.
 */
import { inArray, isNotNull, and, eq } from 'drizzle-orm';
import * as t from '../db/schema.ts';
import type { Evidence, StoredExtraction } from '../db/schema.ts';
import type { ArticleBundle, EvidenceInput } from './bundle.ts';
import type { Tx } from './transaction.ts';

/** One entry for two facts that became one row: the first's stage and rule, the spans of both (sorted, no repeats). */
export function combineEvidence(a: EvidenceInput | undefined, b: EvidenceInput | undefined): EvidenceInput | undefined {
  if (!a || !b) return a ?? b;
  const seen = new Set<string>();
  const spans = [...a.spans, ...b.spans]
    .filter(([s, e]) => !seen.has(`${s}:${e}`) && (seen.add(`${s}:${e}`), true))
    .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  return { stage: a.stage, rule: a.rule, spans };
}

/**
 * Spans over `printed` moved onto `stored`: unchanged when the texts are equal, else each to the
 * occurrence of its words in `stored` nearest its old start (dropped when there is none).
 */
export function rebaseSpans(printed: string, stored: string, spans: [number, number][]): [number, number][] {
  if (printed === stored) return spans.map(([s, e]) => [s, e]);
  const out: [number, number][] = [];
  for (const [start, end] of spans) {
    const words = printed.slice(start, end);
    let best = -1;
    for (let i = stored.indexOf(words); i !== -1; i = stored.indexOf(words, i + 1)) {
      if (best === -1 || Math.abs(i - start) < Math.abs(best - start)) best = i;
      if (i > start) break;
    }
    if (best !== -1) out.push([best, best + words.length]);
  }
  return out;
}

/** Row ids the bundle's facts became (bundle key → id). */
export interface FactIds {
  personIds: Map<string, number>;
  orgIds: Map<string, number>;
  placeIds: Map<string, number>;
  engagementIds?: Map<string, number>;
}

/**
 * What `articles.extraction` holds for a bundle: null when it names no extractor and carries no
 * evidence. Engagements are included once `ids.engagementIds` is known.
 * @param stored the article's text as stored: headline + "\n" + body
 */
export function storedExtraction(bundle: ArticleBundle, printed: string, stored: string, ids: FactIds): StoredExtraction | null {
  const a = bundle.annotations;
  const evidence: Record<string, Evidence> = {};
  const add = (key: string, e: EvidenceInput | undefined) => {
    if (!e) return;
    const moved = { ...e, spans: rebaseSpans(printed, stored, e.spans) };
    evidence[key] = combineEvidence(evidence[key], moved)!;
  };
  for (const p of a.people) add(`person:${ids.personIds.get(p.key)}`, p.evidence);
  for (const o of a.organisations) add(`organisation:${ids.orgIds.get(o.key)}`, o.evidence);
  for (const p of a.places) add(`place:${ids.placeIds.get(p.key)}`, p.evidence);
  if (ids.engagementIds) for (const e of a.engagements) add(`engagement:${ids.engagementIds.get(e.key)}`, e.evidence);
  a.quotes.forEach((q, i) => add(`quote:${i}`, q.evidence));
  a.figures.forEach((f, i) => add(`figure:${i}`, f.evidence));
  if (!a.extractor && !Object.keys(evidence).length) return null;
  return { ...(a.extractor ? { extractor: { name: a.extractor.name, version: a.extractor.version } } : {}), evidence };
}

/** Whether any engagement of the bundle carries evidence. */
export const engagementsHaveEvidence = (bundle: ArticleBundle) => bundle.annotations.engagements.some((e) => e.evidence);

/** A fact's evidence key: `person:12`, `quote:0` ... */
export type EvidenceKind = 'person' | 'organisation' | 'place' | 'engagement';

/**
 * After row `from` was merged into row `to` (people, organisations, places, engagements), make
 * the evidence of the given articles name `to`: an entry under `from` moves to `to`, combined
 * with one already there. Articles without evidence for `from` are left alone.
 */
export async function renameEvidence(tx: Tx, articleIds: readonly number[], kind: EvidenceKind, from: number, to: number): Promise<void> {
  if (!articleIds.length) return;
  const rows = await tx
    .select({ id: t.articles.id, extraction: t.articles.extraction })
    .from(t.articles)
    .where(and(inArray(t.articles.id, [...new Set(articleIds)]), isNotNull(t.articles.extraction)));
  for (const row of rows) {
    const x = row.extraction!;
    const old = x.evidence[`${kind}:${from}`];
    if (!old) continue;
    const evidence = { ...x.evidence };
    delete evidence[`${kind}:${from}`];
    evidence[`${kind}:${to}`] = combineEvidence(evidence[`${kind}:${to}`], old)! as Evidence;
    await tx.update(t.articles).set({ extraction: { ...x, evidence } }).where(eq(t.articles.id, row.id));
  }
}
