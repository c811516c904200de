/**
 * The search box in the header: suggestions as you type (people, organisations, places, articles;
 * the API folds case, diacritics and transliterations and finds aliases), as an ARIA combobox:
 * ↓/↑ move through the suggestions, Enter opens the chosen one (or the search page), Escape closes.
 */
import { request } from './client.ts';
import { h } from './dom.ts';
import { Search } from './operations.ts';
import { BASE, navigate, pathOf } from './router.ts';
import { describeHit, highlightNode, type Hit } from './views/search.ts';

/** What the suggestions offer: the first few results of these types (engagements only on the search page). */
const SUGGESTIONS = { first: 8, types: ['PERSON', 'ORGANISATION', 'PLACE', 'ARTICLE'] };
/** Wait this long after the last keystroke before asking (ms). */
const DEBOUNCE_MS = 120;

/** The search form; `setQuery` shows a query (the search page's) in it. */
export function searchBox(): { node: HTMLElement; setQuery(q: string): void } {
  const input = h('input', {
    type: 'search', id: 'search', name: 'q', autocomplete: 'off', spellcheck: 'false', placeholder: 'Search people, organisations, places, articles',
    role: 'combobox', 'aria-expanded': 'false', 'aria-controls': 'suggestions', 'aria-autocomplete': 'list', 'aria-label': 'Search',
  });
  const list = h('ul', { id: 'suggestions', role: 'listbox', 'aria-label': 'Suggestions', hidden: true });
  const status = h('span', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  let options: { el: HTMLLIElement; href: string }[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | undefined;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const setActive = (i: number) => {
    options[active]?.el.setAttribute('aria-selected', 'false');
    active = i;
    const opt = options[active];
    if (!opt) return input.removeAttribute('aria-activedescendant');
    opt.el.setAttribute('aria-selected', 'true');
    input.setAttribute('aria-activedescendant', opt.el.id);
    opt.el.scrollIntoView({ block: 'nearest' });
  };
  const go = (href: string) => {
    clearTimeout(timer);
    controller?.abort();
    close();
    navigate(href);
  };
  const show = (q: string, hits: Hit[], total: number) => {
    options = hits.map((hit, i) => {
      const { title, key, detail } = describeHit(hit);
      const href = pathOf(hit.node.__typename, key);
      // The name always; the highlight too when it shows where else the words matched (an alias, the text).
      const highlight = hit.highlight ? highlightNode(hit.highlight) : null;
      const el = h('li', { id: `suggestion-${i}`, role: 'option', 'aria-selected': 'false', 'data-href': href, 'data-type': hit.node.__typename },
        h('span', { class: 'badge' }, hit.node.__typename), ' ', h('span', { class: 'title' }, title), detail ? h('span', { class: 'muted' }, ` · ${detail}`) : null,
        highlight && highlight.textContent !== title ? h('div', { class: 'muted small' }, highlight) : null);
      // mousedown, not click: it fires before the input loses focus and closes the list.
      el.addEventListener('mousedown', (event) => {
        event.preventDefault();
        go(href);
      });
      return { el, href };
    });
    const all = h('li', { id: `suggestion-${options.length}`, role: 'option', 'aria-selected': 'false', class: 'all' }, total ? `All results for “${q}”` : `Nothing found for “${q}”; search anyway`);
    const allHref = `${BASE}/search?q=${encodeURIComponent(q)}`;
    all.addEventListener('mousedown', (event) => {
      event.preventDefault();
      go(allHref);
    });
    options.push({ el: all, href: allHref });
    list.replaceChildren(...options.map((o) => o.el));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    active = -1;
    status.textContent = `${hits.length} suggestions`;
  };
  const suggest = async () => {
    const q = input.value.trim();
    controller?.abort();
    if (!q) return close();
    controller = new AbortController();
    try {
      const { search } = await request<{ search: { totalCount: number; edges: Hit[] } }>(Search, { query: q, ...SUGGESTIONS }, controller.signal);
      if (input.value.trim() === q && document.activeElement === input) show(q, search.edges, search.totalCount);
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      list.replaceChildren(h('li', { class: 'error-option', role: 'option', 'aria-disabled': 'true' }, `Suggestions failed: ${(err as Error).message}`));
      list.hidden = false;
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(suggest, DEBOUNCE_MS);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (list.hidden) {
        if (input.value.trim()) void suggest();
        return;
      }
      event.preventDefault();
      const n = options.length;
      setActive(event.key === 'ArrowDown' ? (active + 1) % n : (active - 1 + n) % n);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const opt = options[active];
      if (!list.hidden && opt) go(opt.href);
      else if (input.value.trim()) go(`${BASE}/search?q=${encodeURIComponent(input.value.trim())}`);
    } else if (event.key === 'Escape') {
      if (!list.hidden) {
        event.preventDefault();
        close();
      }
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 0));

  const form = h('form', { class: 'search', role: 'search', action: `${BASE}/search`, method: 'get', onsubmit: (e: Event) => e.preventDefault() }, input, list, status);
  return { node: form, setQuery: (q) => (input.value = q) };
}
