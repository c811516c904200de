/**
 * What a served GraphiQL page asks the browser to load: every `src=` / `href=` attribute value
 * and every URL the inline scripts hand to the browser (the Monaco worker URLs), so a test can
 * check they are all same-origin and all served. Pure string code: runs in Node and in workerd.
 */

/** Every URL-like value the page references (attributes, plus quoted `/...` or `scheme:` literals in scripts). */
export function pageUrls(html: string): string[] {
  const attrs = [...html.matchAll(/\b(?:src|href)\s*=\s*["']([^"']*)["']/gi)].map((m) => m[1] ?? '');
  const literals = [...html.matchAll(/"((?:\/|[a-z][a-z0-9+.-]*:)[^"]*)"/gi)].map((m) => m[1] ?? '');
  return [...new Set([...attrs, ...literals])];
}

/**
 * Whether `url`, as the page at `pageUrl` references it, stays on the page's origin (or is inline
 * `data:`). Protocol-relative `//host/...` and absolute `http(s)://` URLs elsewhere fail.
 */
export function isSameOriginOrInline(url: string, pageUrl: string): boolean {
  if (url.startsWith('data:')) return true;
  const resolved = new URL(url, pageUrl);
  return resolved.origin === new URL(pageUrl).origin;
}

/** The same-origin paths (no `data:`) the page will fetch: stylesheet, scripts and worker scripts. */
export function fetchedPaths(html: string, pageUrl: string): string[] {
  const origin = new URL(pageUrl).origin;
  return pageUrls(html)
    .filter((u) => !u.startsWith('data:'))
    .map((u) => new URL(u, pageUrl))
    .filter((u) => u.origin === origin && u.pathname !== new URL(pageUrl).pathname)
    .map((u) => u.pathname);
}
