/**
 * Self-contained GraphiQL page for Newsgraph.
 *
 * graphql-yoga's built-in page (`graphql-yoga/esm/graphiql-html.js`) pulls its
 * stylesheet, the `yoga-graphiql.umd.js` bundle and three Monaco web workers
 * from unpkg, and its favicon from raw.githubusercontent.com, so it is blank
 * without internet access. This module renders the same page, calling the same
 * `YogaGraphiQL.renderYogaGraphiQL(root, opts)` entry point, but every asset
 * comes from our own origin under {@link GRAPHIQL_ASSET_BASE}:
 *
 *   - `${GRAPHIQL_ASSET_BASE}/graphiql.css`          stylesheet; its fonts and
 *     images are already inlined as `data:` URLs, it has no @import and no
 *     source map reference.
 *   - `${GRAPHIQL_ASSET_BASE}/yoga-graphiql.umd.js`  the UMD bundle; it bundles
 *     React, GraphiQL, Monaco and the GraphQL client (no globals needed other
 *     than the `YogaGraphiQL` it defines). The `https://` strings it contains
 *     are only `<a href>` links (docs, licences, "OneGraph"), XML namespaces and
 *     a dummy base URL used for URL parsing; none is fetched at runtime with the
 *     options below (no `customFetch` string, no SDL URL, default inline SVG logo).
 *   - `${GRAPHIQL_ASSET_BASE}/monacoeditorwork/{editor.worker.bundle.js,
 *     json.worker.bundle.js, graphql.worker..bundle.js}` the Monaco workers
 *     (the double dot in the GraphQL worker's name is upstream's).
 *   - the favicon is an inline `data:` URI, so the browser never asks for
 *     `/favicon.ico` either.
 *
 * Upstream fetches each worker script and wraps it in a `blob:` URL because
 * unpkg is cross-origin and `new Worker()` refuses cross-origin scripts. Ours are
 * same-origin, so `MonacoEnvironment.getWorkerUrl` returns their paths directly:
 * Monaco creates them lazily with `new Worker(url, { type: 'module' })`, exactly
 * as it does for upstream's blobs, and rendering no longer waits for 2.7 MB of
 * worker code to download first.
 *
 * The files are copied from `node_modules/@graphql-yoga/graphiql/dist` into
 * `public/graphiql-assets/` by `node src/cli/build-assets.ts`. The Worker serves
 * them through its static-assets binding, the Node entry through
 * `serveGraphiQLAsset` in `src/graphiql-static.ts`.
 *
 * Everything here is pure string building (no I/O), so it runs in a Worker.
 */

/** URL path prefix under which the GraphiQL assets are served. */
export const GRAPHIQL_ASSET_BASE = '/graphiql-assets';

/** Files the page needs, relative to GRAPHIQL_ASSET_BASE and to `@graphql-yoga/graphiql/dist`. */
export const GRAPHIQL_ASSET_FILES = {
  css: 'graphiql.css',
  script: 'yoga-graphiql.umd.js',
  workers: {
    editorWorkerService: 'monacoeditorwork/editor.worker.bundle.js',
    json: 'monacoeditorwork/json.worker.bundle.js',
    // Sic: upstream's file name has two dots.
    graphql: 'monacoeditorwork/graphql.worker..bundle.js',
  },
} as const;

/** Every asset file name, relative to GRAPHIQL_ASSET_BASE. */
export const GRAPHIQL_ASSET_LIST: readonly string[] = [
  GRAPHIQL_ASSET_FILES.css,
  GRAPHIQL_ASSET_FILES.script,
  ...Object.values(GRAPHIQL_ASSET_FILES.workers),
];

export interface GraphiQLPageOptions {
  /** Page and GraphiQL header title. Defaults to "Newsgraph GraphiQL". */
  title?: string;
  /** URL (usually a same-origin path such as `/graphql`) queries are sent to. */
  endpoint: string;
  /** Query shown in a fresh tab (GraphiQL prefers a tab stored in localStorage). */
  defaultQuery: string;
  /** JSON text for the variables editor of a fresh tab. */
  defaultVariables?: string;
  /** Initial contents of the headers editor. */
  headers?: Record<string, string>;
}

// A GraphQL-pink hexagon. Base64-encoded so the page carries no literal
// `http://` string: the SVG namespace below is an identifier, never fetched.
const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' +
  '<polygon points="16,2 28,9 28,23 16,30 4,23 4,9" fill="none" stroke="#e10098" stroke-width="3"/>' +
  '<circle cx="16" cy="16" r="5" fill="#e10098"/></svg>';
const FAVICON_DATA_URI = `data:image/svg+xml;base64,${btoa(FAVICON_SVG)}`;

/** Escape text for HTML element content and double-quoted attribute values. */
function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * JSON-encode a value for embedding inside an inline `<script>`: `<` (so
 * neither `</script>` nor `<!--` can end or alter the script), `>`, `&` and the
 * JS line terminators U+2028/U+2029 become `\uXXXX` escapes, which JSON and JS
 * both decode back to the same characters.
 */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Render the complete GraphiQL HTML page. The result references only
 * same-origin paths under GRAPHIQL_ASSET_BASE plus a `data:` favicon.
 */
export function renderGraphiQLPage(opts: GraphiQLPageOptions): string {
  const title = opts.title || 'Newsgraph GraphiQL';
  const base = GRAPHIQL_ASSET_BASE;

  // Options for YogaGraphiQL (@graphql-yoga/graphiql 4.5): it opens with
  // `?query=` from the URL, else `query`, else its welcome text, so `query`
  // is what actually sets the initial editor content; `defaultQuery` is also
  // passed (GraphiQL uses it for new tabs). `variables` fills the variables
  // editor, `headers` (a JSON string) the headers editor. The title is
  // rendered with dangerouslySetInnerHTML, hence escaped here.
  const graphiqlOptions: Record<string, unknown> = {
    title: escapeHtml(title),
    endpoint: opts.endpoint,
    query: opts.defaultQuery,
    defaultQuery: opts.defaultQuery,
    shouldPersistHeaders: false,
  };
  if (opts.defaultVariables !== undefined) graphiqlOptions.variables = opts.defaultVariables;
  if (opts.headers !== undefined) graphiqlOptions.headers = JSON.stringify(opts.headers);

  const workerUrls: Record<string, string> = {};
  for (const [label, file] of Object.entries(GRAPHIQL_ASSET_FILES.workers)) {
    workerUrls[label] = `${base}/${file}`;
  }

  const t = escapeHtml(title);
  return (
    '<!doctype html>' +
    '<html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${t}</title>` +
    `<link rel="icon" href="${FAVICON_DATA_URI}">` +
    `<link rel="stylesheet" href="${base}/${GRAPHIQL_ASSET_FILES.css}">` +
    '</head><body id="body" class="no-focus-outline">' +
    '<noscript>You need to enable JavaScript to run this app.</noscript>' +
    `<div id="root">Loading ${t}...</div>` +
    '<script>' +
    `var workerUrls=${scriptJson(workerUrls)};` +
    // Monaco calls getWorkerUrl(moduleId, label) and then new Worker(url, {type:"module"}).
    'self.MonacoEnvironment={globalAPI:false,getWorkerUrl:function(_moduleId,label){' +
    'return workerUrls[label]||workerUrls.editorWorkerService}};' +
    '</script>' +
    `<script src="${base}/${GRAPHIQL_ASSET_FILES.script}"></script>` +
    '<script>' +
    `YogaGraphiQL.renderYogaGraphiQL(document.getElementById("root"),${scriptJson(graphiqlOptions)});` +
    '</script>' +
    '</body></html>'
  );
}
