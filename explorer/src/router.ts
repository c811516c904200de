/**
 * History-API routing under /explore: every view has a URL (shareable; the server answers every
 * /explore/… path with this page), links are plain `<a href>` that the router takes over, and the
 * back button re-renders the previous view.
 *
 *   /explore                          start page
 *   /explore/search?q=…               search results
 *   /explore/person/<slug>            (also organisation/, place/) ?kinds=A,B&from=YYYY-MM-DD&to=YYYY-MM-DD
 *   /explore/article/<slug>
 *   /explore/engagement/<global id>
 */

/** The path the explorer is served under. */
export const BASE = '/explore';

/** A parsed location. `view` is "home", "search", "person", "organisation", "place", "article", "engagement" or "not-found". */
export interface Route {
  view: string;
  /** The path segment after the view (slug or id), decoded; "" when none. */
  key: string;
  query: URLSearchParams;
}

const KEYED = new Set(['person', 'organisation', 'place', 'article', 'engagement']);

/** The route of a pathname and search string. */
export function parseRoute(pathname: string, search: string): Route {
  const query = new URLSearchParams(search);
  if (pathname !== BASE && !pathname.startsWith(`${BASE}/`)) return { view: 'not-found', key: '', query };
  const parts = pathname.slice(BASE.length).split('/').filter(Boolean);
  let key = '';
  try {
    key = parts[1] ? decodeURIComponent(parts[1]) : '';
  } catch {
    return { view: 'not-found', key: '', query };
  }
  if (parts.length === 0) return { view: 'home', key, query };
  if (parts.length === 1 && parts[0] === 'search') return { view: 'search', key, query };
  if (parts.length === 2 && KEYED.has(parts[0]!)) return { view: parts[0]!, key, query };
  return { view: 'not-found', key, query };
}

/** The URL of a node by its GraphQL type name and slug (or id, for engagements). */
export function pathOf(typename: string, key: string): string {
  return `${BASE}/${typename.toLowerCase()}/${encodeURIComponent(key)}`;
}

type Listener = (how: 'push' | 'pop' | 'replace') => void;
let listener: Listener = () => {};

/** Go to `url` (a path under /explore, with its query), adding a history entry unless `replace`. */
export function navigate(url: string, replace = false): void {
  // Remember where the page was scrolled, so back returns there.
  history.replaceState({ ...(history.state ?? {}), scrollY: window.scrollY }, '');
  if (replace) history.replaceState({}, '', url);
  else history.pushState({}, '', url);
  listener(replace ? 'replace' : 'push');
}

/** Take over same-origin links under /explore and the back/forward buttons; `onChange` renders. */
export function startRouter(onChange: Listener): void {
  listener = onChange;
  history.scrollRestoration = 'manual';
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const a = (event.target as Element | null)?.closest?.('a');
    if (!a || a.target || a.hasAttribute('download')) return;
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin || !(url.pathname === BASE || url.pathname.startsWith(`${BASE}/`))) return;
    event.preventDefault();
    navigate(url.pathname + url.search + url.hash);
  });
  window.addEventListener('popstate', () => listener('pop'));
}
