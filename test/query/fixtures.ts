/**
 * Purpose-built article bundles for the query tests: small, readable, loaded through the one
 * loader (`loadBundle`), so every row the API reads was written the way production writes it.
 */
import type { AppConfig } from '../../src/config.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { loadBundle } from '../../src/ingest/load.ts';

type Rel = 'about' | 'mentions';

export interface FixtureEntity {
  key: string;
  name: string;
  aliases?: string[];
  rel?: Rel;
  relevance?: number;
}

export interface FixtureArticle {
  uri: string;
  headline: string;
  body?: string;
  publishedAt?: string;
  referenceDate?: string;
  language?: string;
  people?: FixtureEntity[];
  organisations?: (FixtureEntity & { kind?: string; acronym?: string; country?: string })[];
  places?: (FixtureEntity & { kind?: string; country?: string; iso3166?: string })[];
  engagements?: {
    key: string;
    kind?: string;
    cameo?: string;
    summary: string;
    date?: { text?: string; edtf?: string; earliest?: string; latest?: string; precision?: string };
    place?: string;
    participants: { actor: string; role: string }[];
  }[];
}

/** A bundle from a compact description (defaults: English, no date, entities linked as "mentions"). */
export function bundle(a: FixtureArticle) {
  return {
    ninjs: {
      uri: a.uri,
      type: 'text',
      language: a.language ?? 'en',
      headlines: [{ role: 'main', value: a.headline }],
      bodies: [{ role: 'main', contentType: 'text/plain', value: a.body ?? a.headline }],
      ...(a.publishedAt ? { firstCreated: a.publishedAt } : {}),
    },
    annotations: {
      ...(a.referenceDate ? { referenceDate: a.referenceDate } : {}),
      people: (a.people ?? []).map((p) => ({ rel: 'mentions', ...p, aliases: p.aliases ?? [] })),
      organisations: (a.organisations ?? []).map((o) => ({ rel: 'mentions', kind: 'OTHER', ...o, aliases: o.aliases ?? [] })),
      places: (a.places ?? []).map((p) => ({ rel: 'mentions', kind: 'CITY', ...p, aliases: p.aliases ?? [] })),
      engagements: (a.engagements ?? []).map((e) => ({ kind: 'MEETING', cameo: '040', status: 'COMPLETED', ...e })),
      quotes: [],
      figures: [],
    },
  };
}

/** A fresh app (seeded unless told otherwise) with the given articles loaded. */
export async function appWith(articles: FixtureArticle[], options: { seed?: boolean; config?: Partial<AppConfig> } = {}): Promise<TestApp> {
  const t = await createTestApp({ seed: options.seed ?? false, ...(options.config ? { config: options.config } : {}) });
  for (const a of articles) await loadBundle(t.db, bundle(a));
  return t;
}

/** One page of a connection, as `pageThrough` reads it. */
export interface ConnectionPage<N> {
  edges: { node: N }[];
  pageInfo: { hasNextPage?: boolean; hasPreviousPage?: boolean; startCursor?: string | null; endCursor?: string | null };
}

/**
 * Every value of a connection, page by page: forward (`first: <size>, after: <endCursor>`) or
 * backward (`last: <size>, before: <startCursor>`) until the page info says there is no more.
 * `page` fetches one page given those arguments; `value` is what a node contributes.
 * @throws after 100 pages (a cursor that never reaches the end)
 */
export async function pageThrough<N>(
  page: (paging: string) => Promise<ConnectionPage<N>>,
  value: (node: N) => string,
  direction: 'forward' | 'backward',
  size = 2,
): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null | undefined = null;
  for (let i = 0; i < 100; i++) {
    const paging: string =
      direction === 'forward'
        ? `first: ${size}${cursor ? `, after: ${JSON.stringify(cursor)}` : ''}`
        : `last: ${size}${cursor ? `, before: ${JSON.stringify(cursor)}` : ''}`;
    const conn: ConnectionPage<N> = await page(paging);
    const values = conn.edges.map((e) => value(e.node));
    if (direction === 'forward') {
      seen.push(...values);
      if (!conn.pageInfo.hasNextPage) return seen;
      cursor = conn.pageInfo.endCursor;
    } else {
      seen.unshift(...values);
      if (!conn.pageInfo.hasPreviousPage) return seen;
      cursor = conn.pageInfo.startCursor;
    }
  }
  throw new Error('did not terminate');
}

/** Walk a root connection page by page (`pageThrough`), collecting the first field of `pick` of each node. */
export async function walk(
  t: TestApp,
  field: string,
  args: string,
  pick: string,
  direction: 'forward' | 'backward',
  size = 2,
): Promise<string[]> {
  const page = async (paging: string) => {
    const res = await t.gql(`{ ${field}(${[paging, args].filter(Boolean).join(', ')}) {
      edges { node { ${pick} } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`);
    if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
    return res.body.data[field] as ConnectionPage<Record<string, string>>;
  };
  return pageThrough(page, (node) => node[pick.split(/\s/)[0]!]!, direction, size);
}

/** The global id of a node found by a root lookup. */
export async function idOf(t: TestApp, field: 'person' | 'organisation' | 'place' | 'article', slug: string): Promise<string> {
  const res = await t.gql(`{ ${field}(slug: ${JSON.stringify(slug)}) { id } }`);
  const id = res.body.data?.[field]?.id;
  if (!id) throw new Error(`no ${field} ${slug}: ${JSON.stringify(res.body)}`);
  return id;
}
