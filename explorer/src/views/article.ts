/**
 * The page of an article (one request: ArticlePage): its text with the people, organisations and
 * places it names marked and linked, the engagements it reports and its quotes beside it.
 *
 * Marks come from the extraction's evidence (UTF-16 [start, end) offsets into headline + "\n" +
 * body) when the article has one. A hand-made article has none: then the names, aliases and
 * acronyms of the entities it is linked to are marked where they occur as whole words, and the
 * page says so.
 */
import { request } from '../client.ts';
import { formatTimestamp } from '../dates.ts';
import { h } from '../dom.ts';
import { ArticlePage, MoreEngagements } from '../operations.ts';
import type { Route } from '../router.ts';
import type { Connection, EngagementItem, QuoteItem } from '../types.ts';
import { empty, engagementRow, nodeLink, pagedList, quoteRow, section, type View } from './common.ts';

interface Linked {
  id: string;
  name: string;
  slug: string;
  aliases: string[];
  acronym?: string | null;
}

interface LinkEdges {
  totalCount: number;
  edges: { rel: 'ABOUT' | 'MENTIONS'; node: Linked }[];
}

interface Article {
  id: string;
  slug: string;
  headline: string;
  body: string;
  byline: string | null;
  datelineText: string | null;
  publishedAt: string | null;
  language: string;
  uri: string;
  dateline: { name: string; slug: string } | null;
  people: LinkEdges;
  organisations: LinkEdges;
  places: LinkEdges;
  engagements: Connection<EngagementItem>;
  quotes: QuoteItem[];
  extraction: { extractor: { name: string; version: string } | null; evidence: { fact: string; subject: string | null; spans: { start: number; end: number }[] }[] } | null;
}

/** A marked stretch of the text: [start, end) and the entity it names. */
interface Mark {
  start: number;
  end: number;
  typename: 'Person' | 'Organisation' | 'Place';
  entity: Linked;
}

const FACT_TYPES: Record<string, Mark['typename']> = { PERSON: 'Person', ORGANISATION: 'Organisation', PLACE: 'Place' };

/** The page of the article `route.key` (a slug). */
export async function articleView(route: Route, signal: AbortSignal): Promise<View> {
  const { article: a } = await request<{ article: Article | null }>(ArticlePage, { slug: route.key }, signal);
  if (!a) return { title: 'Not found', node: h('div', { class: 'page' }, h('h1', { tabindex: -1 }, 'Not found'), empty(`No article has the slug “${route.key}”.`)) };

  const entities = new Map<string, { typename: Mark['typename']; entity: Linked }>();
  for (const [typename, links] of [['Person', a.people], ['Organisation', a.organisations], ['Place', a.places]] as const) {
    for (const e of links.edges) entities.set(e.node.id, { typename, entity: e.node });
  }
  const text = `${a.headline}\n${a.body}`;
  const fromEvidence = Boolean(a.extraction?.evidence.some((ev) => FACT_TYPES[ev.fact]));
  const marks = fromEvidence ? evidenceMarks(a, entities) : nameMarks(text, entities);
  const [headline, ...paragraphs] = markedParagraphs(text, marks);

  const byType = (typename: string) => marks.filter((m) => m.typename === typename).length;
  const source = fromEvidence
    ? `Marked from the extraction's evidence${a.extraction?.extractor ? ` (${a.extraction.extractor.name} ${a.extraction.extractor.version})` : ''}`
    : 'No extraction record: names of the linked entities marked where they occur';
  const legend = h('p', { class: 'legend muted', id: 'mark-legend' },
    `${source}. Marked: `, h('mark', { class: 'mention person' }, `person ×${byType('Person')}`), ' ', h('mark', { class: 'mention organisation' }, `organisation ×${byType('Organisation')}`), ' ', h('mark', { class: 'mention place' }, `place ×${byType('Place')}`));

  const engagements = pagedList<EngagementItem>({
    id: 'engagements',
    connection: a.engagements,
    row: (e) => engagementRow(e),
    more: async (after) => (await request<{ node: { engagements: Connection<EngagementItem> } }>(MoreEngagements, { id: a.id, first: 20, after })).node.engagements,
    emptyText: 'It reports no engagement.',
    noun: 'engagements',
  });
  const linked = (title: string, id: string, typename: Mark['typename'], links: LinkEdges) =>
    section(id, `${title} (${links.totalCount})`, links.edges.length
      ? h('ul', { class: 'chips' }, links.edges.map((e) => h('li', null, nodeLink(typename, e.node.slug, e.node.name), e.rel === 'ABOUT' ? h('span', { class: 'muted' }, ' · about') : null)))
      : empty('None.'));

  const page = h(
    'div',
    { class: 'page article-page', 'data-id': a.id, 'data-marks': marks.length },
    h('div', { class: 'columns' },
      h('article', { class: 'col-main text', lang: a.language },
        h('p', { class: 'eyebrow muted' }, [a.datelineText ? (a.dateline ? nodeLink('Place', a.dateline.slug, a.datelineText) : a.datelineText) : null, a.datelineText ? ' · ' : null, formatTimestamp(a.publishedAt), a.byline ? ` · ${a.byline}` : null]),
        h('h1', { tabindex: -1 }, headline),
        legend,
        h('div', { class: 'body', id: 'article-body' }, paragraphs.map((p) => h('p', null, p)))),
      h('aside', { class: 'col-side' },
        section('engagements-section', 'Engagements reported', engagements),
        section('quotes', 'Quotes', a.quotes.length ? h('ul', { class: 'rows' }, a.quotes.map(quoteRow)) : empty('No quotes.')),
        linked('People', 'people', 'Person', a.people),
        linked('Organisations', 'organisations', 'Organisation', a.organisations),
        linked('Places', 'places', 'Place', a.places))),
  );
  return { title: a.headline, node: page };
}

/** Marks from the evidence of person, organisation and place facts whose subject the article links. */
function evidenceMarks(a: Article, entities: Map<string, { typename: Mark['typename']; entity: Linked }>): Mark[] {
  const marks: Mark[] = [];
  for (const ev of a.extraction?.evidence ?? []) {
    const found = ev.subject ? entities.get(ev.subject) : undefined;
    if (!FACT_TYPES[ev.fact] || !found) continue;
    for (const span of ev.spans) marks.push({ start: span.start, end: span.end, ...found });
  }
  return withoutOverlaps(marks);
}

/** Whole-word occurrences of the entities' names, aliases and acronyms (longest first). */
function nameMarks(text: string, entities: Map<string, { typename: Mark['typename']; entity: Linked }>): Mark[] {
  const names: { name: string; typename: Mark['typename']; entity: Linked }[] = [];
  for (const { typename, entity } of entities.values()) {
    for (const name of new Set([entity.name, ...entity.aliases, entity.acronym ?? ''])) if (name.length > 1) names.push({ name, typename, entity });
  }
  names.sort((x, y) => y.name.length - x.name.length);
  const marks: Mark[] = [];
  for (const { name, typename, entity } of names) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu'))) {
      marks.push({ start: m.index, end: m.index + name.length, typename, entity });
    }
  }
  return withoutOverlaps(marks);
}

/** Sorted by start; a mark overlapping an earlier (or, at the same start, longer) one is dropped. */
function withoutOverlaps(marks: Mark[]): Mark[] {
  const sorted = [...marks].sort((x, y) => x.start - y.start || y.end - x.end);
  const out: Mark[] = [];
  for (const m of sorted) if (m.end > m.start && (!out.length || m.start >= out[out.length - 1]!.end)) out.push(m);
  return out;
}

/** The text split at "\n" into paragraphs, each a list of text and mark links. */
function markedParagraphs(text: string, marks: Mark[]): (string | Node)[][] {
  const out: (string | Node)[][] = [];
  let offset = 0;
  let i = 0;
  for (const line of text.split('\n')) {
    const end = offset + line.length;
    const parts: (string | Node)[] = [];
    let at = offset;
    while (i < marks.length && marks[i]!.start < end) {
      const m = marks[i]!;
      const s = Math.max(m.start, offset);
      const e = Math.min(m.end, end);
      if (s > at) parts.push(text.slice(at, s));
      parts.push(nodeLink(m.typename, m.entity.slug, text.slice(s, e), { class: `mention ${m.typename.toLowerCase()}`, title: `${m.typename}: ${m.entity.name}` }));
      at = e;
      if (m.end <= end) i++;
      else break;
    }
    if (at < end) parts.push(text.slice(at, end));
    out.push(parts);
    offset = end + 1;
  }
  return out;
}
