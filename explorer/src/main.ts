/**
 * The explorer's start: the header with the search box, and the router that renders one view per
 * URL. Each navigation makes one API request; the page shows a loading state meanwhile, the view
 * when it arrives, or the API's error (its code and message). When a view is in place the page
 * sets `data-state="ready"` on <main> and a performance mark `explore:rendered` (with the view's
 * name in `detail`), which the browser tests and `npm run bench:explore` read.
 */
import './style.css';
import { h } from './dom.ts';
import { BASE, parseRoute, startRouter, type Route } from './router.ts';
import { searchBox } from './search-box.ts';
import { articleView } from './views/article.ts';
import { errorBox, loading, type View } from './views/common.ts';
import { engagementView } from './views/engagement.ts';
import { entityView } from './views/entity.ts';
import { homeView, searchView } from './views/search.ts';

const VIEWS: Record<string, (route: Route, signal: AbortSignal) => Promise<View>> = {
  home: homeView,
  search: searchView,
  person: entityView,
  organisation: entityView,
  place: entityView,
  article: articleView,
  engagement: engagementView,
  'not-found': async () => ({ title: 'Not found', node: h('div', { class: 'page' }, h('h1', { tabindex: -1 }, 'Not found'), h('p', { class: 'empty' }, 'The explorer has no page at this address. ', h('a', { href: BASE }, 'Start again'), '.')) }),
};

const search = searchBox();
const main = h('main', { id: 'main', tabindex: -1 });
document.body.append(
  h('a', { href: '#main', class: 'skip' }, 'Skip to content'),
  h('header', { class: 'top' }, h('a', { href: BASE, class: 'brand' }, 'Newsgraph', h('span', null, ' explorer')), search.node),
  main,
  h('footer', { class: 'foot muted' }, 'Data from the Newsgraph GraphQL API (', h('a', { href: '/graphql', rel: 'external' }, '/graphql'), ').'),
);

let controller: AbortController | undefined;
let navigations = 0;

async function render(how: 'push' | 'pop' | 'replace' | 'load'): Promise<void> {
  controller?.abort();
  const mine = new AbortController();
  controller = mine;
  const n = ++navigations;
  const route = parseRoute(location.pathname, location.search);
  const scrollY = how === 'pop' ? Number((history.state as { scrollY?: number } | null)?.scrollY ?? 0) : 0;
  if (route.view === 'search') search.setQuery(route.query.get('q') ?? '');
  performance.mark('explore:navigate', { detail: route.view });
  main.dataset.view = route.view;
  main.dataset.state = 'loading';
  main.setAttribute('aria-busy', 'true');
  // Show "Loading…" only if the answer takes a moment: no flash on a fast API.
  const slow = setTimeout(() => n === navigations && main.replaceChildren(loading()), 150);
  const show = (title: string, node: Node) => {
    clearTimeout(slow);
    document.title = `${title} · Newsgraph explorer`;
    main.replaceChildren(node);
    window.scrollTo(0, scrollY);
  };
  try {
    const view = await VIEWS[route.view]!(route, mine.signal);
    if (n !== navigations) return;
    show(view.title, view.node);
    await view.mounted?.();
    if (n !== navigations) return;
    main.dataset.state = 'ready';
  } catch (err) {
    if (n !== navigations || (err as Error).name === 'AbortError') return;
    show('Error', h('div', { class: 'page' }, h('h1', { tabindex: -1 }, 'Something went wrong'), errorBox(err, () => void render('replace'))));
    main.dataset.state = 'error';
  }
  main.removeAttribute('aria-busy');
  performance.mark('explore:rendered', { detail: route.view });
  // Move focus to the new page's heading (not on first load: the reader has not acted yet).
  if (how !== 'load') (main.querySelector<HTMLElement>('h1') ?? main).focus({ preventScroll: true });
}

startRouter((how) => void render(how));
void render('load');
