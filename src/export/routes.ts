/**
 * The routes behind Newsgraph's own URIs (./uris.ts), so a `uri` in an exported ninjs
 * document resolves back to this API:
 *
 * - `GET /articles/<slug>`: the article as schema.org NewsArticle JSON-LD
 *   (`application/ld+json`), or as ninjs 3.1 with `?format=ninjs` or
 *   `Accept: application/ninjs+json`;
 * - `GET /people/<slug>`, `/organisations/<slug>`, `/places/<slug>`: the entity as JSON-LD
 *   (Person, Organization (or a subtype), Place (City, Country ...)), with its other names as
 *   `alternateName` and external identifiers (Wikidata ...) as `sameAs`;
 * - `GET /engagements/<id>`: the engagement as a schema.org Event.
 * Unknown ones answer 404 JSON. Read-only and public, like every read.
 */
import { Hono, type Context as HonoContext } from 'hono';
import type { AppConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import { articleToJsonLd, engagementJsonLd, organisationJsonLd, personJsonLd, placeJsonLd } from './jsonld.ts';
import { articleToNinjs } from './ninjs.ts';
import { ARTICLE_EXPORT_SELECT, loadExportArticle, type ExportEngagement } from './select.ts';

const LD = 'application/ld+json; charset=utf-8';
const names = { aliases: { columns: { name: true }, orderBy: { id: 'asc' } }, sameAs: { columns: { uri: true }, orderBy: { uri: 'asc' } } } as const;

function alternateNames(e: { name: string; aliases: { name: string }[] }) {
  const others = [...new Set(e.aliases.map((a) => a.name))].filter((n) => n !== e.name);
  return others.length ? { alternateName: others } : {};
}

/** Sub-app with the entity routes; mount with `app.route('/', exportRoutes(db, config))`. */
export function exportRoutes(db: Database, config: Pick<AppConfig, 'publicBaseUrl'>): Hono {
  const app = new Hono();
  const base = (c: HonoContext) => config.publicBaseUrl ?? new URL(c.req.url).origin;
  const json = (c: HonoContext, body: unknown, type = LD) => c.body(JSON.stringify(body), 200, { 'content-type': type, 'cache-control': 'public, max-age=60' });
  const notFound = (c: HonoContext, what: string) => c.json({ errors: [{ message: `No ${what} here.`, extensions: { code: 'NOT_FOUND' } }] }, 404);
  const context = { '@context': 'https://schema.org' };

  app.get('/articles/:slug', async (c) => {
    const a = await loadExportArticle(db, { slug: c.req.param('slug') });
    if (!a) return notFound(c, 'article');
    const wantsNinjs = c.req.query('format') === 'ninjs' || (c.req.header('accept') ?? '').includes('application/ninjs+json');
    return wantsNinjs ? json(c, articleToNinjs(a, base(c)), 'application/json; charset=utf-8') : json(c, articleToJsonLd(a, base(c)));
  });
  /** The route of one named entity: its row (with `names`) by slug, as JSON-LD with its other names. */
  const entity =
    <E extends { name: string; aliases: { name: string }[] }>(what: string, toJsonLd: (e: NoInfer<E>, base: string) => object, find: (slug: string) => PromiseLike<E | undefined>) =>
    async (c: HonoContext) => {
      const e = await find(c.req.param('slug') ?? '');
      if (!e) return notFound(c, what);
      return json(c, { ...context, ...toJsonLd(e, base(c)), ...alternateNames(e) });
    };
  app.get('/people/:slug', entity('person', personJsonLd, (slug: string) => db.query.people.findFirst({ columns: { id: true, slug: true, name: true }, where: { slug }, with: names })));
  app.get(
    '/organisations/:slug',
    entity('organisation', organisationJsonLd, (slug: string) =>
      db.query.organisations.findFirst({ columns: { id: true, slug: true, name: true, kind: true, acronym: true }, where: { slug }, with: names }),
    ),
  );
  app.get(
    '/places/:slug',
    entity('place', placeJsonLd, (slug: string) => db.query.places.findFirst({ columns: { id: true, slug: true, name: true, kind: true, iso3166: true }, where: { slug }, with: names })),
  );
  app.get('/engagements/:id', async (c) => {
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id) || id < 1) return notFound(c, 'engagement');
    const e = await db.query.engagements.findFirst({ ...ARTICLE_EXPORT_SELECT.with.engagements, where: { id } });
    if (!e) return notFound(c, 'engagement');
    return json(c, { ...context, ...engagementJsonLd(e as unknown as ExportEngagement, base(c)) });
  });
  return app;
}
