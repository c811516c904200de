/** Pieces every view uses: links to nodes, engagement and article rows, paged lists, states. */
import { ApiError } from '../client.ts';
import { formatPartialDate, formatTimestamp } from '../dates.ts';
import { h, type Child } from '../dom.ts';
import { kindColour, kindWord } from '../kinds.ts';
import { pathOf } from '../router.ts';
import type { ArticleItem, Connection, EngagementItem, PageInfo, QuoteItem } from '../types.ts';

/** What a view renders: the page title, its content, and work to do once the content is in the page. */
export interface View {
  title: string;
  node: Node;
  /** Runs after `node` is in the document (layouts that need sizes); the view counts as rendered when it settles. */
  mounted?: () => Promise<void> | void;
}

/** A link to a person, organisation, place, article (by slug) or engagement (by id). */
export function nodeLink(typename: string, key: string, text: Child, attrs: Record<string, string> = {}): HTMLAnchorElement {
  return h('a', { href: pathOf(typename, key), ...attrs }, text);
}

/** A coloured badge naming an engagement kind. */
export function kindBadge(kind: string): HTMLElement {
  const badge = h('span', { class: 'kind' }, kindWord(kind));
  // Through the CSSOM, not a style attribute: the page's CSP allows no inline styles.
  badge.style.setProperty('--kind', kindColour(kind));
  return badge;
}

/** A small grey badge ("Person", "Article"). */
export function typeBadge(text: string): HTMLElement {
  return h('span', { class: 'badge' }, text);
}

const ROLE_WORDS: Record<string, string> = { HOST: 'host', GUEST: 'guest', LEAD: 'lead', PARTICIPANT: 'participant', SPEAKER: 'speaker', TARGET: 'target' };

/** "host", "guest" … */
export function roleWord(role: string): string {
  return ROLE_WORDS[role] ?? role.toLowerCase();
}

/** One engagement in a list: kind, date, summary (the link), place, participants with their roles. */
export function engagementRow(e: EngagementItem, options: { hide?: string } = {}): HTMLLIElement {
  const others = e.participants.filter((p) => p.actor.id !== options.hide);
  return h(
    'li',
    { class: 'engagement', 'data-kind': e.kind },
    h('div', { class: 'meta' }, kindBadge(e.kind), h('span', { class: e.date && e.date.earliest ? 'date' : 'date undated' }, formatPartialDate(e.date)),
      e.place ? h('span', null, ' · ', nodeLink('Place', e.place.slug, e.place.name)) : null),
    h('div', null, nodeLink('Engagement', e.id, e.summary)),
    others.length
      ? h('div', { class: 'participants' }, others.map((p, i) => [i ? ', ' : '', nodeLink(p.actor.__typename, p.actor.slug, p.actor.name), h('span', { class: 'role' }, ` (${roleWord(p.role)})`)]))
      : null,
  );
}

/** One article in a list: headline (the link) and its day. */
export function articleRow(a: ArticleItem): HTMLLIElement {
  return h('li', { class: 'article' }, nodeLink('Article', a.slug, a.headline), h('span', { class: 'muted' }, ` · ${formatTimestamp(a.publishedAt)}`));
}

/** One quote: the words, who said them, where they were printed, the engagement they belong to. */
export function quoteRow(q: QuoteItem): HTMLLIElement {
  return h(
    'li',
    { class: 'quote' },
    h('blockquote', null, `“${q.text}”`),
    h('div', { class: 'muted' },
      q.speaker ? ['— ', nodeLink(q.speaker.__typename, q.speaker.slug, q.speaker.name)] : null,
      q.article ? [q.speaker ? ', in ' : 'In ', nodeLink('Article', q.article.slug, q.article.headline)] : null,
      q.engagement ? [' · ', nodeLink('Engagement', q.engagement.id, `the ${kindWord(q.engagement.kind).toLowerCase()}`)] : null),
  );
}

/** A section with a heading (and an id for links and tests). */
export function section(id: string, title: Child, ...children: Child[]): HTMLElement {
  return h('section', { class: 'panel', id, 'aria-labelledby': `${id}-h` }, h('h2', { id: `${id}-h` }, title), ...children);
}

/** The text shown when a list is empty. */
export function empty(text: string): HTMLElement {
  return h('p', { class: 'empty' }, text);
}

/** The "Loading…" state. */
export function loading(text = 'Loading…'): HTMLElement {
  return h('p', { class: 'loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), text);
}

/** An error box: the API's code and message (or the exception's), with a retry button when given. */
export function errorBox(err: unknown, retry?: () => void): HTMLElement {
  const code = err instanceof ApiError ? err.code : 'CLIENT_ERROR';
  const message = err instanceof Error ? err.message : String(err);
  // A GraphQL error usually comes with 200 (GraphQL over HTTP); say the status only when it is not.
  const status = err instanceof ApiError && err.status && err.status !== 200 ? ` (HTTP ${err.status})` : '';
  return h(
    'div',
    { class: 'error', role: 'alert', 'data-code': code },
    h('p', null, h('strong', null, 'The API refused this request'), status),
    h('p', null, h('code', { class: 'error-code' }, code), ' ', h('span', { class: 'error-message' }, message)),
    retry ? h('button', { type: 'button', onclick: retry }, 'Try again') : null,
  );
}

/**
 * A paged list: the first page's rows, a count "n of total", and a "More" button that loads the
 * next page with `more(after)` and appends it (a failure shows its error under the list).
 * `onPage` sees every page's nodes as they arrive (the first one included).
 */
export function pagedList<T>(options: {
  id: string;
  connection: Connection<T>;
  row: (node: T) => HTMLLIElement;
  more: (after: string) => Promise<Connection<T>>;
  emptyText: string;
  noun: string;
  onPage?: (nodes: T[]) => void;
}): HTMLElement {
  const { connection } = options;
  const list = h('ul', { class: 'rows', id: `${options.id}-list` });
  const count = h('p', { class: 'count muted', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'more' }, 'More');
  const problem = h('div');
  let shown = 0;
  let page: PageInfo = connection.pageInfo;
  const add = (nodes: T[]) => {
    list.append(...nodes.map(options.row));
    shown += nodes.length;
    count.textContent = `${shown} of ${connection.totalCount} ${options.noun}`;
    button.hidden = !page.hasNextPage;
    options.onPage?.(nodes);
  };
  button.addEventListener('click', async () => {
    if (!page.endCursor) return;
    button.disabled = true;
    button.textContent = 'Loading…';
    problem.replaceChildren();
    try {
      const next = await options.more(page.endCursor);
      page = next.pageInfo;
      add(next.edges.map((e) => e.node));
    } catch (err) {
      problem.replaceChildren(errorBox(err));
    } finally {
      button.disabled = false;
      button.textContent = 'More';
    }
  });
  const wrap = h('div', { class: 'paged', id: options.id });
  if (connection.totalCount === 0 && connection.edges.length === 0) {
    wrap.append(empty(options.emptyText));
    return wrap;
  }
  wrap.append(count, list, button, problem);
  add(connection.edges.map((e) => e.node));
  return wrap;
}
