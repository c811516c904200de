/**
 * Builds a `Doc` by hand for stage tests, so each later stage (quotes, engagements, figures,
 * bundle) is tested alone: a plain paragraph/sentence split and entity mentions found by
 * searching the given names and aliases as whole words.
 */
import type { Doc, EntityDraft, EntityType, ExtractInput, RoleDraft, Sentence, Span } from '../../src/extract/document.ts';

export interface EntitySpec {
  id: string;
  type: EntityType;
  name: string;
  aliases?: string[];
  kind?: EntityDraft['kind'];
  acronym?: string;
  country?: string;
  iso3166?: string;
  roles?: Array<{ title: string; organisation?: string; country?: string }>;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function makeDoc(input: ExtractInput, specs: EntitySpec[] = [], referenceDate: string | null = input.published?.slice(0, 10) ?? null): Doc {
  const text = `${input.headline}\n${input.body}`;
  const bodyStart = input.headline.length + 1;
  const paragraphs: Span[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    if (line.trim()) paragraphs.push({ start: at, end: at + line.length });
    at += line.length + 1;
  }
  const sentences: Sentence[] = [];
  paragraphs.forEach((p, pi) => {
    const chunk = text.slice(p.start, p.end);
    const re = /[^.!?]+(?:[.!?]+["”’]?|$)\s*/g;
    let start = 0;
    for (const m of chunk.matchAll(re)) {
      const end = m.index + m[0].length;
      const piece = chunk.slice(start, end);
      // Join after abbreviations ("Mr.", "U.S.") and initials.
      if (/\b(?:[A-Z]|Mr|Mrs|Ms|Dr|St|Gen|Jan|Feb|Aug|Sept|Oct|Nov|Dec|U\.S)\.\s*$/.test(piece) && end < chunk.length) continue;
      const trimmed = piece.replace(/\s+$/, '');
      if (trimmed) {
        const s0 = p.start + start;
        const tokens = [...trimmed.matchAll(/\w+|[^\w\s]/g)].map((t) => ({ start: s0 + t.index, end: s0 + t.index + t[0].length, text: t[0] }));
        sentences.push({ start: s0, end: s0 + trimmed.length, paragraph: pi, tokens });
      }
      start = end;
    }
  });
  const entities: EntityDraft[] = specs.map((s) => {
    const names = [s.name, ...(s.aliases ?? []), ...(s.acronym ? [s.acronym] : [])].sort((a, b) => b.length - a.length);
    return {
      id: s.id,
      type: s.type,
      name: s.name,
      aliases: s.aliases ?? [],
      kind: s.kind,
      acronym: s.acronym,
      country: s.country,
      iso3166: s.iso3166,
      roles: (s.roles ?? []).map((r): RoleDraft => ({ ...r, evidence: { stage: 'test', rule: 'given', spans: [] } })),
      mentions: [],
      evidence: { stage: 'test', rule: 'given', spans: [] },
    };
  });
  // Longest names first; a span is taken once.
  const taken: Span[] = [];
  const all = entities.flatMap((e) => [e.name, ...e.aliases, ...(e.acronym ? [e.acronym] : [])].map((n) => ({ e, n }))).sort((a, b) => b.n.length - a.n.length);
  for (const { e, n } of all) {
    for (const m of text.matchAll(new RegExp(`(?<![\\w-])${escape(n)}(?![\\w-])`, 'g'))) {
      const span = { start: m.index, end: m.index + n.length };
      if (taken.some((t) => t.start < span.end && span.start < t.end)) continue;
      taken.push(span);
      e.mentions.push({ ...span, text: n, entity: e.id, rule: 'test' });
    }
  }
  for (const e of entities) {
    e.mentions.sort((a, b) => a.start - b.start);
    if (e.mentions[0]) e.evidence.spans.push([e.mentions[0].start, e.mentions[0].end]);
  }
  return { input, text, bodyStart, referenceDate, paragraphs, sentences, entities, quotes: [], engagements: [], figures: [] };
}
