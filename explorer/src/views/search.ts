/** The start page (one request: Home) and the search results page (one request: Search, then "More"). */
import { request } from '../client.ts';
import { formatPartialDate, formatTimestamp } from '../dates.ts';
import { h } from '../dom.ts';
import { kindWord } from '../kinds.ts';
import { Home, Search } from '../operations.ts';
import type { Route } from '../router.ts';
import type { EngagementItem, PageInfo } from '../types.ts';
import { empty, engagementRow, nodeLink, pagedList, section, typeBadge, type View } from './common.ts';
const SEARCH_PAGE = 20;

/** A search result (SearchResult union) as the Search operation selects it (for the search page and the suggestions). */
export interface Hit {
  highlight: string | null;
  node: {
    __typename: 'Person' | 'Organisation' | 'Place' | 'Article' | 'Engagement';
    id: string;
    name?: string;
    slug?: string;
    acronym?: string | null;
    placeKind?: string;
    headline?: string;
    publishedAt?: string | null;
    kind?: string;
    summary?: string;
    date?: EngagementItem['date'];
  };
}

/** A page of the search connection: its edges are the hits. */
interface HitPage {
  totalCount: number;
  pageInfo: PageInfo;
  edges: Hit[];
}

/** A hit's title, its URL key (slug or id) and a detail line. */
export function describeHit(hit: Hit): { title: string; key: string; detail: string } {
  const n = hit.node;
  switch (n.__typename) {
    case 'Article':
      return { title: n.headline ?? '', key: n.slug ?? '', detail: formatTimestamp(n.publishedAt) };
    case 'Engagement':
      return { title: n.summary ?? '', key: n.id, detail: `${kindWord(n.kind ?? 'OTHER')} · ${formatPartialDate(n.date)}` };
    case 'Organisation':
      return { title: n.name ?? '', key: n.slug ?? '', detail: n.acronym ?? '' };
    case 'Place':
      return { title: n.name ?? '', key: n.slug ?? '', detail: kindWord(n.placeKind ?? '') };
    default:
      return { title: n.name ?? '', key: n.slug ?? '', detail: '' };
  }
}

/** The API's highlight: HTML-escaped text with `<mark>` around matched words (schema: SearchEdge.highlight). */
export function highlightNode(html: string): HTMLElement {
  const span = h('span', { class: 'highlight' });
  span.innerHTML = html;
  // Keep only text and <mark>: the API promises no other markup, and this makes sure of it.
  for (const el of [...span.querySelectorAll('*')]) if (el.tagName !== 'MARK') el.replaceWith(el.textContent ?? '');
  return span;
}

function hitRow(hit: Hit): HTMLLIElement {
  const { title, key, detail } = describeHit(hit);
  const showHighlight = hit.highlight && hit.highlight.replace(/<\/?mark>/g, '') !== title;
  return h('li', { class: 'hit', 'data-type': hit.node.__typename },
    typeBadge(hit.node.__typename), ' ', nodeLink(hit.node.__typename, key, title),
    detail ? h('span', { class: 'muted' }, ` · ${detail}`) : null,
    showHighlight ? h('div', { class: 'muted' }, highlightNode(hit.highlight!)) : null);
}

/** /explore/search?q=…: every kind of result, most relevant first. */
export async function searchView(route: Route, signal: AbortSignal): Promise<View> {
  const q = (route.query.get('q') ?? '').trim();
  if (!q) return { title: 'Search', node: h('div', { class: 'page' }, h('h1', { tabindex: -1 }, 'Search'), empty('Type a name, a place or words of an article in the search box above.')) };
  const { search } = await request<{ search: HitPage }>(Search, { query: q, first: SEARCH_PAGE }, signal);
  // A hit is an edge (it has a highlight), so page the edges themselves.
  const edges = { ...search, edges: search.edges.map((e) => ({ node: e })) };
  const list = pagedList<Hit>({
    id: 'results',
    connection: edges,
    row: hitRow,
    more: async (after) => {
      const next = await request<{ search: HitPage }>(Search, { query: q, first: SEARCH_PAGE, after });
      return { ...next.search, edges: next.search.edges.map((e) => ({ node: e })) };
    },
    emptyText: `Nothing found for “${q}”.`,
    noun: 'results',
  });
  return { title: `Search: ${q}`, node: h('div', { class: 'page' }, h('h1', { tabindex: -1 }, 'Results for “', q, '”'), list) };
}

/** /explore: what the explorer is, and the latest engagements. */
export async function homeView(_route: Route, signal: AbortSignal): Promise<View> {
  const { engagements } = await request<{ engagements: { totalCount: number; edges: { node: EngagementItem }[] } }>(Home, {}, signal);
  // The example is an actor of the latest engagement: whatever this database holds.
  const example = engagements.edges[0]?.node.participants[0]?.actor;
  const node = h(
    'div',
    { class: 'page home' },
    h('h1', { tabindex: -1 }, 'Who met whom, when and where'),
    h(
      'p',
      { class: 'lead' },
      'Search a person, an organisation, a place or an article above',
      example ? [' (try ', nodeLink(example.__typename, example.slug, example.name), ')'] : '',
      ', then follow the links: timelines, networks of co-participants, quotes and the articles that report them.',
    ),
    section('latest', `Latest engagements (${engagements.totalCount})`, engagements.edges.length ? h('ul', { class: 'rows' }, engagements.edges.map((e) => engagementRow(e.node))) : empty('No engagements yet.')),
  );
  return { title: 'Explorer', node };
}
