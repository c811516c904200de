/**
 * The queries of the differential test (./differential.test.ts), gathered from what the project
 * ships and tests: the benchmark catalogue, every ```graphql block of README.md and docs/*.md,
 * the trusted documents (documents/*.graphql) and the explorer's operations
 * (explorer/src/operations/*.graphql) with variables taken from the database, GraphiQL's default
 * tab and the acceptance queries, and the well-formed reads of the hardening suites, including
 * those refused with coded errors (bad cursors, bad ids, page sizes, limits). The test sends
 * each (query, variables, operationName) once (`caseKey`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Kind, parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { catalogue, chooseTargets } from '../../bench/catalogue.ts';
import type { Database } from '../../src/db/client.ts';
import { DEFAULT_QUERY } from '../../src/graphql/default-query.ts';
import { encodeGlobalID } from '../../src/graphql/ids.ts';
import { CATALOGUE_QUERIES, SEARCH_TERM } from '../fixtures/catalogue.ts';
import { mulberry32 } from '../fixtures/corpus.ts';
import { DEPTH_42_QUERY, NORMAL_QUERY, SIX_HOPS, nestedConnections } from '../hardening/attack-cases.ts';
import { ACCEPTANCE_QUERIES } from '../worker/queries.ts';

const ROOT = new URL('../../', import.meta.url);

/** One request of the differential test. */
export interface DiffCase {
  /** Where it comes from and which one ("catalogue: article page", "generated #17"). */
  name: string;
  /** The source group, for the coverage line: catalogue, markdown, documents, explorer, shipped, hardening, generated. */
  source: string;
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
  /** Also send it as a GET (a query in the URL, as GraphiQL and CDNs see it). */
  get?: boolean;
}

/** An entity row the queries are about: its row id, global id, slug and name. */
export interface EntityRow {
  id: number;
  gid: string;
  slug: string;
  name: string;
}

/** Values from the database the queries take as arguments (all in row id order). */
export interface DbValues {
  articles: (EntityRow & { uri: string })[];
  people: EntityRow[];
  organisations: (EntityRow & { kind: string })[];
  places: (EntityRow & { kind: string })[];
  engagements: { id: number; gid: string }[];
  quotes: { id: number; gid: string }[];
  /** Words of headlines and names (4 letters or more, lower case): search terms. */
  words: string[];
  /** CAMEO root codes in use. */
  cameoRoots: string[];
  /** The busiest person, organisation and place (most engagements / links): the richest pages. */
  busy: { person: EntityRow; organisation: EntityRow; place: EntityRow; article: EntityRow };
}

/** Read `DbValues` from the database. */
export async function dbValues(db: Database): Promise<DbValues> {
  const rows = async (sql: string) => (await db.$client.execute(sql)).rows as unknown as Record<string, unknown>[];
  const entity = (type: string) => (r: Record<string, unknown>): EntityRow => ({
    id: Number(r.id),
    gid: encodeGlobalID(type, String(r.id)),
    slug: String(r.slug),
    name: String(r.name ?? r.headline),
  });
  const articles = (await rows('select id, slug, uri, headline from articles order by id')).map((r) => ({ ...entity('Article')(r), uri: String(r.uri) }));
  const people = (await rows('select id, slug, name from people order by id')).map(entity('Person'));
  const organisations = (await rows('select id, slug, name, kind from organisations order by id')).map((r) => ({ ...entity('Organisation')(r), kind: String(r.kind) }));
  const places = (await rows('select id, slug, name, kind from places order by id')).map((r) => ({ ...entity('Place')(r), kind: String(r.kind) }));
  const engagements = (await rows('select id from engagements order by id')).map((r) => ({ id: Number(r.id), gid: encodeGlobalID('Engagement', String(r.id)) }));
  const quotes = (await rows('select id from quotes order by id')).map((r) => ({ id: Number(r.id), gid: encodeGlobalID('Quote', String(r.id)) }));
  const words = [
    ...new Set(
      [...articles.map((a) => a.name), ...people.map((p) => p.name), ...organisations.map((o) => o.name)]
        .flatMap((t) => t.toLowerCase().split(/[^\p{L}]+/u))
        .filter((w) => w.length >= 4),
    ),
  ].sort();
  const cameoRoots = (await rows('select distinct substr(cameo_code, 1, 2) as root from engagements order by 1')).map((r) => String(r.root));
  const top = async (sql: string) => Number((await rows(sql))[0]!.id);
  const byId = <T extends EntityRow>(list: T[], id: number) => list.find((x) => x.id === id)!;
  const busy = {
    person: byId(people, await top('select person_id as id from participants where person_id is not null group by 1 order by count(*) desc, 1 limit 1')),
    organisation: byId(organisations, await top('select organisation_id as id from participants where organisation_id is not null group by 1 order by count(*) desc, 1 limit 1')),
    place: byId(places, await top('select place_id as id from article_places group by 1 order by count(*) desc, 1 limit 1')),
    article: byId(articles, await top('select article_id as id from article_people group by 1 order by count(*) desc, 1 limit 1')),
  };
  return { articles, people, organisations, places, engagements, quotes, words, cameoRoots, busy };
}

/** Ask the executor path a query (to take cursors and ids from its answers). */
export type Ask = (query: string, variables?: Record<string, unknown>) => Promise<{ data?: any; errors?: unknown[] }>;

/** `n` members of `list` chosen by a seeded PRNG (deterministic), without repeats. */
export function sample<T>(list: readonly T[], n: number, seed: number): T[] {
  const r = mulberry32(seed);
  const copy = list.slice();
  const out: T[] = [];
  while (out.length < n && copy.length) out.push(copy.splice(Math.floor(r() * copy.length), 1)[0]!);
  return out;
}

function operations(doc: DocumentNode): OperationDefinitionNode[] {
  return doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
}

/** The benchmark catalogue's queries for this database (bench/catalogue.ts), plus `search (Query.search)` as test/fixtures/catalogue.ts serves it. */
export async function catalogueCases(db: Database, articles: number): Promise<DiffCase[]> {
  const entries = catalogue(await chooseTargets(db.$client, articles), { searchTerm: SEARCH_TERM });
  const cases: DiffCase[] = entries.map((e) => ({ name: `catalogue: ${e.name}`, source: 'catalogue', query: e.query, variables: e.variables, get: true }));
  cases.push({
    name: 'catalogue: search (Query.search)',
    source: 'catalogue',
    query: `query Search($q: String!) { search(query: $q, first: 10) { totalCount edges { score node { __typename ... on Article { slug } ... on Person { name } } } } }`,
    variables: { q: SEARCH_TERM },
    get: true,
  });
  const names = cases.map((c) => c.name.slice('catalogue: '.length));
  if (names.join('|') !== [...CATALOGUE_QUERIES].join('|')) throw new Error(`the catalogue changed: ${names.join(', ')} (update test/compiled/corpus.ts)`);
  return cases;
}

/** The ```graphql blocks of README.md and docs/*.md; mutations are left out, and so are operations whose required variables cannot be supplied. */
export function markdownCases(values: DbValues): { cases: DiffCase[]; skipped: string[] } {
  const files = ['README.md', ...readdirSync(new URL('docs/', ROOT)).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];
  const cases: DiffCase[] = [];
  const skipped: string[] = [];
  for (const file of files) {
    const blocks = [...readFileSync(new URL(file, ROOT), 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
    blocks.forEach((query, i) => {
      const ops = operations(parse(query));
      if (ops.some((o) => o.operation !== 'query')) return skipped.push(`${file} #${i + 1} (${ops[0]?.operation})`);
      const variables = guessVariables(ops[0]!, values);
      if (!variables) return skipped.push(`${file} #${i + 1} (variables)`);
      cases.push({ name: `${file} #${i + 1}`, source: 'markdown', query, ...(Object.keys(variables).length ? { variables } : {}) });
    });
  }
  return { cases, skipped };
}

/** Values for an operation's required variables by their names, or null when one is unknown. */
function guessVariables(op: OperationDefinitionNode, v: DbValues): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  for (const def of op.variableDefinitions ?? []) {
    const name = def.variable.name.value;
    if (def.type.kind !== Kind.NON_NULL_TYPE || def.defaultValue) continue;
    const known: Record<string, unknown> = { slug: v.busy.article.slug, id: v.busy.article.gid, query: SEARCH_TERM, q: SEARCH_TERM, first: 5 };
    if (!(name in known)) return null;
    out[name] = known[name];
  }
  return out;
}

const read = (path: string) => readFileSync(new URL(path, ROOT), 'utf8');
const graphqlFiles = (dir: string) => (existsSync(new URL(dir, ROOT)) ? readdirSync(new URL(dir, ROOT)).filter((f) => f.endsWith('.graphql')).sort() : []);

/**
 * The trusted documents (documents/*.graphql) and the explorer's operations, each with variables
 * from the database: seed and corpus entities, the busiest pages, and cursors the executor hands out.
 * An operation this table does not know gets variables by name (`guessVariables`) or is skipped.
 */
export async function documentCases(values: DbValues, ask: Ask): Promise<{ cases: DiffCase[]; skipped: string[] }> {
  const v = values;
  const articleSlugs = ['larijani-pakistan-visit', v.busy.article.slug, ...sample(v.articles, 2, 11).map((a) => a.slug)];
  const personSlugs = ['ali-larijani', 'muhammad-mudassir-tipu', v.busy.person.slug, ...sample(v.people, 2, 12).map((p) => p.slug)];
  const actors = [v.busy.person, v.busy.organisation, ...sample(v.people, 1, 13), ...sample(v.organisations, 1, 14)];
  const nodesWithPages = [v.busy.person, v.busy.organisation, v.busy.place, v.engagements[0]!, ...sample(v.engagements, 1, 15)];
  const filter = { kinds: ['VISIT', 'MEETING', 'TALKS'] };

  /** endCursor of the first page of `field` on node `id` (from the executor). */
  const cursorOf = async (id: string, field: 'articles' | 'engagements', first: number, f?: unknown) => {
    const ordered = field === 'articles' ? 'orderBy: PUBLISHED_DESC' : 'orderBy: DATE_ASC';
    const on = ['Person', 'Organisation', 'Place'].map((t) => `... on ${t} { ${field}(first: $first, filter: $filter, ${ordered}) { pageInfo { endCursor } } }`).join(' ');
    const plain = `... on ${field === 'articles' ? 'Engagement' : 'Article'} { ${field}(first: $first) { pageInfo { endCursor } } }`;
    const r = await ask(`query C($id: ID!, $first: Int!, $filter: ${field === 'articles' ? 'ArticleFilter' : 'EngagementFilter'}) { node(id: $id) { ${on} ${plain} } }`, { id, first, filter: f ?? null });
    return (r.data?.node?.[field]?.pageInfo?.endCursor as string | null) ?? null;
  };
  const latestCursor = async (first: number) => (await ask(`query L($first: Int) { articles(first: $first) { pageInfo { endCursor } } }`, { first })).data?.articles?.pageInfo?.endCursor as string;
  const searchCursor = async (q: string, first: number) => (await ask(`query S($q: String!, $first: Int) { search(query: $q, first: $first) { pageInfo { endCursor } } }`, { q, first })).data?.search?.pageInfo?.endCursor as string | null;

  const table: Record<string, () => Promise<Record<string, unknown>[]>> = {
    ArticleGraph: async () => articleSlugs.map((slug) => ({ slug })),
    'ArticlePage@documents': async () => [...articleSlugs.map((slug) => ({ slug })), { slug: v.busy.article.slug, people: 2 }, { slug: 'no-such-article' }],
    LatestArticles: async () => [{}, { first: 3 }, { first: 4, after: await latestCursor(4) }, { first: 2, after: 'bm90IGEgY3Vyc29y' }, { first: 101 }],
    PersonPage: async () => personSlugs.map((slug, i) => (i % 2 ? { slug, first: 10 } : { slug })),
    PersonQuotes: async () => personSlugs.map((slug) => ({ slug })),
    'ArticlePage@explorer': async () => articleSlugs.map((slug) => ({ slug })),
    EngagementPage: async () => [...sample(v.engagements, 3, 16).map((e) => ({ id: e.gid })), { id: v.engagements[0]!.gid }, { id: v.busy.person.gid }, { id: 'not-an-id' }],
    EntityPage: async () => [
      ...[v.busy.person, ...sample(v.people, 1, 17)].map((p) => ({ slug: p.slug, first: 10, person: true })),
      ...[v.busy.organisation, ...sample(v.organisations, 1, 18)].map((o) => ({ slug: o.slug, first: 10, organisation: true, filter })),
      ...[v.busy.place, ...sample(v.places, 1, 19)].map((p) => ({ slug: p.slug, first: 5, place: true })),
      { slug: 'ali-larijani', first: 3, person: true, filter: { cameoRoots: ['04'] } },
    ],
    Home: async () => [{}],
    MoreArticles: async () =>
      (await Promise.all(nodesWithPages.map(async (n) => ({ id: n.gid, first: 3, after: await cursorOf(n.gid, 'articles', 2) })))).filter((x) => x.after),
    MoreEngagements: async () => [
      ...(await Promise.all([...actors, v.busy.place, v.busy.article].map(async (n) => ({ id: n.gid, first: 3, after: await cursorOf(n.gid, 'engagements', 2) })))).filter((x) => x.after),
      { id: v.busy.organisation.gid, first: 2, after: await cursorOf(v.busy.organisation.gid, 'engagements', 1, filter), filter },
      // A cursor of another list: INVALID_CURSOR on both paths.
      { id: v.busy.person.gid, first: 2, after: await latestCursor(1) },
    ],
    Search: async () => [
      { query: SEARCH_TERM, first: 10 },
      { query: v.busy.person.name.split(' ')[0]!.slice(0, 4), first: 5, types: ['PERSON', 'ORGANISATION', 'PLACE', 'ARTICLE'] },
      { query: v.busy.organisation.name, first: 3, after: await searchCursor(v.busy.organisation.name, 3) },
      { query: 'larijani', first: 5, types: ['ENGAGEMENT'] },
    ],
  };

  const cases: DiffCase[] = [];
  const skipped: string[] = [];
  for (const [dir, source] of [['documents/', 'documents'], ['explorer/src/operations/', 'explorer']] as const) {
    for (const file of graphqlFiles(dir)) {
      const query = read(`${dir}${file}`);
      const op = operations(parse(query))[0]!;
      const name = op.name?.value ?? file;
      const make = table[`${name}@${source}`] ?? table[name];
      const sets = make ? await make() : [guessVariables(op, v)].filter((x): x is Record<string, unknown> => x !== null);
      if (!sets.length) skipped.push(`${dir}${file}`);
      sets.forEach((variables, i) => cases.push({ name: `${dir}${file} [${i}]`, source, query, variables, operationName: name, get: i === 0 }));
    }
  }
  return { cases, skipped };
}

/** GraphiQL's default tab and the acceptance queries the Worker suite shares (test/worker/queries.ts). */
export function shippedCases(): DiffCase[] {
  return [
    { name: 'GraphiQL default tab', source: 'shipped', query: DEFAULT_QUERY, get: true },
    ...Object.entries(ACCEPTANCE_QUERIES).map(([name, query]) => ({ name: `acceptance: ${name}`, source: 'shipped', query })),
  ];
}

/**
 * The well-formed reads of the hardening suites (test/hardening/): the normal query and the
 * six-hop walk, and requests refused with coded errors, before SQL (page sizes, cursors, ids,
 * limits) or by a resolver (`article` without an argument), which both paths must refuse alike.
 */
export async function hardeningCases(values: DbValues, ask: Ask): Promise<DiffCase[]> {
  const v = values;
  const slug = 'larijani-pakistan-visit';
  const people = (args: string) => `{ article(slug: "${slug}") { people${args} { totalCount edges { node { name } } } } }`;
  const cursors = (await ask(`{ articles(first: 2) { pageInfo { endCursor } } people(first: 2) { pageInfo { endCursor } } engagements(first: 2) { pageInfo { endCursor } } }`)).data;
  const articleCursor = cursors.articles.pageInfo.endCursor as string;
  const personCursor = cursors.people.pageInfo.endCursor as string;
  const engagementCursor = cursors.engagements.pageInfo.endCursor as string;
  // Same space, damaged content; and a base64 that is not ours.
  const damaged = Buffer.from(Buffer.from(articleCursor, 'base64').toString('utf8').replace(/\|[^|]*$/, '|RENDOmdhcmJhZ2U=')).toString('base64');
  const foreign = Buffer.from('arrayconnection:3').toString('base64');
  const q = (name: string, query: string, variables?: Record<string, unknown>): DiffCase => ({ name: `hardening: ${name}`, source: 'hardening', query, ...(variables ? { variables } : {}) });
  const person = (i: number) => encodeGlobalID('Person', String(i));
  return [
    q('normal query', NORMAL_QUERY),
    q('six hops', SIX_HOPS),
    q('six hops, pages of 20', SIX_HOPS.replaceAll('first: 3', 'first: 20')),
    q('nested connections, 4 hops', nestedConnections(4, 'slug')),
    q('nested connections, 16 hops (depth)', nestedConnections(15, 'slug')),
    q('42 levels (depth)', DEPTH_42_QUERY),
    q('cost of nested pages', '{ articles(first: 100) { edges { node { people(first: 100) { edges { node { articles(first: 100) { edges { node { body } } } } } } } } } }'),
    q('16 aliases', `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: articles(first: 1) { totalCount }`).join(' ')} }`),
    q('first: 101', '{ articles(first: 101) { edges { node { id } } } }'),
    q('last: -5', '{ articles(last: -5) { edges { node { id } } } }'),
    q('first and last', '{ articles(first: 2, last: 2) { edges { node { id } } } }'),
    q('page size in a variable', 'query Q($n: Int) { articles(first: $n) { edges { node { id } } } }', { n: 1000 }),
    q('nested page size too large', people('(first: 101)')),
    q('first: 0', people('(first: 0)')),
    q('default page size', people('')),
    q('last: 2', people('(last: 2)')),
    q('article without an argument', '{ article { headline } }'),
    q('article with two arguments', `{ article(slug: "${slug}", uri: "x") { headline } }`),
    q('unknown field', `{ article(slug: "${slug}") { headlin } }`),
    q('fragment cycle', '{ ...A } fragment A on Query { articles(first: 1) { totalCount } ...B } fragment B on Query { ...A }'),
    q('syntax error', '{ articles(first: 1) { edges { node { id }'),
    q('skip/include with variables, off', `query Q($big: Boolean!, $small: Boolean = true, $id: ID!) {
      articles(first: 1) @include(if: $small) { edges { node { slug } } }
      big: articles(first: 50) @include(if: $big) { edges { node { people(first: 10) { edges { node { name } } } } } }
      node(id: $id) @skip(if: true) { id } }`, { big: false, id: 'not a global id' }),
    q('bad cursor: not ours', `{ articles(first: 2, after: "${foreign}") { edges { node { slug } } } }`),
    q('bad cursor: garbage', '{ articles(first: 2, after: "%%%") { edges { node { slug } } } }'),
    q('bad cursor: damaged', `{ articles(first: 2, after: "${damaged}") { edges { node { slug } } } }`),
    q('bad cursor: another list', `{ articles(first: 2, after: "${personCursor}") { edges { node { slug } } } }`),
    q('bad cursor: another ordering', `{ articles(first: 2, orderBy: PUBLISHED_ASC, after: "${articleCursor}") { edges { node { slug } } } }`),
    q('bad cursor: nested', `{ person(slug: "ali-larijani") { engagements(first: 2, before: "${articleCursor}") { edges { node { summary } } } } }`),
    q('good cursors', `{ articles(first: 2, after: "${articleCursor}") { edges { cursor node { slug } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
      engagements(last: 2, before: "${engagementCursor}") { edges { cursor node { summary } } pageInfo { hasNextPage hasPreviousPage } } }`),
    q('bad id: not an id', '{ node(id: "nope") { id } }'),
    q('bad id: wrong type', `{ person(id: "${v.busy.organisation.gid}") { name } }`),
    q('bad id: no such row', `{ article(id: "${encodeGlobalID('Article', '999999')}") { headline } node(id: "${encodeGlobalID('Person', '999999')}") { id } }`),
    q('bad id: unknown type', `{ node(id: "${encodeGlobalID('Widget', '1')}") { id } }`),
    q('bad id: not canonical', `{ node(id: "${encodeGlobalID('Person', '01')}") { id } }`),
    q('nodes with good and bad ids', `query N($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Person { name } ... on Article { slug } } }`, {
      ids: [v.busy.person.gid, 'nope', v.articles[0]!.gid, encodeGlobalID('Person', '999999'), v.engagements[0]!.gid],
    }),
    q('engagement with a person id', `{ engagement(id: "${v.busy.person.gid}") { summary } }`),
    q('filter id lists capped', `query($ids: [ID!]) { engagements(filter: { participants: $ids }) { totalCount } }`, { ids: Array.from({ length: 51 }, (_, i) => person(i + 1)) }),
    q('filter place with a person id', `{ engagements(filter: { place: "${person(1)}" }) { totalCount } }`),
    q('filter engagement with a person id', `{ articles(filter: { engagement: "${person(1)}" }) { totalCount } }`),
    q('name query too long', 'query($q: String) { people(query: $q) { totalCount } }', { q: 'x'.repeat(50_000) }),
    q('a day that does not exist', '{ engagements(filter: { from: "2025-02-30" }) { totalCount } }'),
    q('a leap day', '{ engagements(filter: { from: "2024-02-29" }) { totalCount } }'),
    q('publishedTo before publishedFrom', '{ articles(filter: { publishedFrom: "2025-06-01", publishedTo: "2025-01-01" }) { totalCount } }'),
    q('FTS syntax in filter.query', 'query Q($q: String) { articles(first: 5, filter: { query: $q }) { edges { node { slug } } } }', { q: '"unbalanced NEAR( OR * AND headline: ^ --' }),
    q('FTS syntax in search', 'query Q($q: String!) { search(query: $q) { totalCount } }', { q: '"unbalanced NEAR( OR * AND headline: ^ --' }),
    q('introspection: __type', '{ __type(name: "Article") { name fields { name } } }'),
    q('introspection with data', `{ __typename article(slug: "${slug}") { __typename headline } __schema { queryType { name } } }`),
    { ...q('operationName picks one of two', 'query A { articles(first: 1) { totalCount } } query B { people(first: 1) { totalCount } }'), operationName: 'B' },
    q('two operations, no operationName', 'query A { articles(first: 1) { totalCount } } query B { people(first: 1) { totalCount } }'),
  ];
}

/** Exact numbers: figures with large exact values and decimals (an article the test loads), relevance and goldstein. */
export function numberCases(uri: string): DiffCase[] {
  return [
    {
      name: 'numbers: exact figures',
      source: 'numbers',
      query: `query F($uri: String!) { article(uri: $uri) { figures { text value exactValue currency unit metric } } }`,
      variables: { uri },
      get: true,
    },
    {
      name: 'numbers: figures in a list',
      source: 'numbers',
      query: '{ articles(first: 50, orderBy: HEADLINE_ASC) { edges { node { slug figures { value exactValue } } } } }',
    },
    {
      name: 'numbers: relevance and goldstein',
      source: 'numbers',
      query:
        '{ articles(first: 10) { edges { node { people(first: 5) { edges { relevance node { name } } } engagements(first: 3) { edges { node { cameo { goldstein quadClass } } } } } } } }',
    },
    { name: 'numbers: search scores', source: 'numbers', query: `{ search(query: "${SEARCH_TERM}", first: 20) { edges { score highlight } } }` },
    {
      name: 'numbers: 17-digit relevance, sameAs order',
      source: 'numbers',
      query: `query P($uri: String!) { article(uri: $uri) { people(first: 5) { edges { relevance node { name sameAs } } } } }`,
      variables: { uri },
    },
    {
      name: 'numbers: sameAs beside the JSON-LD that reads it ordered',
      source: 'numbers',
      query: `query P($uri: String!) { article(uri: $uri) { jsonLd people(first: 5) { edges { node { sameAs } } } } people(query: "zebulon") { edges { node { sameAs articles(first: 1) { edges { relevance node { ninjs } } } } } } }`,
      variables: { uri },
    },
  ];
}

/**
 * `Query.search` (compiled since issue 13): the union by its fragments (inline, named, on Node and
 * Actor), scores and cursors, paging forward and backward with cursors the executor handed out
 * (totalCount on every page), the `types` filter, a misspelt name (its slip alternatives), a
 * phrase, prefixes, only punctuation, nested lists under the nodes, and `highlight`.
 */
export async function searchCases(values: DbValues, ask: Ask): Promise<DiffCase[]> {
  const v = values;
  const page = `totalCount edges { cursor score node { __typename ... on Node { id } ... on Article { slug } ... on Person { name } ... on Organisation { name } ... on Place { name } ... on Engagement { summary } } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;
  const S = `query S($q: String!, $first: Int, $after: String, $last: Int, $before: String, $types: [SearchType!]) {
    search(query: $q, first: $first, after: $after, last: $last, before: $before, types: $types) { ${page} } }`;
  const q = (name: string, variables: Record<string, unknown>, query = S): DiffCase => ({ name: `search: ${name}`, source: 'search', query, variables });
  const cursorsOf = async (variables: Record<string, unknown>) =>
    ((await ask(`query C($q: String!, $first: Int, $after: String) { search(query: $q, first: $first, after: $after) { edges { cursor } } }`, variables)).data?.search?.edges ?? []).map(
      (e: { cursor: string }) => e.cursor,
    ) as string[];
  const term = SEARCH_TERM;
  const cursors = await cursorsOf({ q: term, first: 12 });
  const person = v.busy.person.name;
  // A word of a person's name, one letter off (a slip the fallback finds).
  const word = person.split(' ').filter((w) => w.length >= 6).sort((a, b) => b.length - a.length)[0] ?? 'larijani';
  const misspelt = `${word.slice(0, -2)}${word.at(-2) === 'x' ? 'y' : 'x'}${word.at(-1)}`.toLowerCase();
  const headlineWords = v.busy.article.name.split(/\s+/).filter((w) => /^\p{L}{3,}$/u.test(w));
  const phrase = `"${headlineWords.slice(0, 2).join(' ')}"`;
  const cases = [
    q('a page', { q: term, first: 10 }),
    q('a person by name', { q: person, first: 5 }),
    q('the second page', { q: term, first: 4, after: cursors[3] }),
    q('past the end', { q: term, first: 4, after: cursors.at(-1) }),
    q('backward from a cursor', { q: term, last: 3, before: cursors[6] }),
    q('the last page', { q: term, last: 3 }),
    q('between two cursors', { q: term, first: 5, after: cursors[1], before: cursors[5] }),
    q('backward between two cursors', { q: term, last: 2, after: cursors[0], before: cursors[4] }),
    q('types: people and organisations', { q: person.split(' ')[0]!, types: ['PERSON', 'ORGANISATION'] }),
    q('types: engagements, twice', { q: term, types: ['ENGAGEMENT', 'ENGAGEMENT'], first: 5 }),
    q('a misspelt name', { q: misspelt, first: 10 }),
    q('a misspelt name and a word', { q: `${misspelt} ${term.split(' ')[0]}`, first: 10 }),
    q('a phrase', { q: phrase }),
    q('a short prefix', { q: term.slice(0, 3) }),
    q('a long prefix', { q: term.split(' ')[0]!.slice(0, 6), first: 20 }),
    q('only punctuation', { q: '¿?! -- "…"' }),
    q('a page of one', { q: term, first: 1 }),
    q('a cursor of another list', { q: term, first: 2, after: (await ask('{ people(first: 1) { pageInfo { endCursor } } }')).data?.people?.pageInfo?.endCursor }),
    q('a damaged cursor', { q: term, first: 2, after: `${cursors[0]!.slice(0, -4)}ZZ` }),
    q('first and last', { q: term, first: 2, last: 2 }),
    q('highlight', { q: term }, `query H($q: String!) { search(query: $q, first: 5) { edges { score highlight node { __typename } } } }`),
    q('highlight of a misspelt name, backward', { q: misspelt, last: 4 }, `query H($q: String!, $last: Int) { search(query: $q, last: $last) { edges { highlight cursor node { __typename } } } }`),
    q(
      'named fragments on the union and Actor, nested lists',
      { q: person, n: 2 },
      `query N($q: String!, $n: Int) { search(query: $q, first: 6) { __typename edges { __typename node { ...R } } } }
      fragment R on SearchResult { __typename ... on Actor { name engagements(first: $n) { totalCount edges { node { summary } } } }
        ... on Article { headline people(first: 2) { edges { relevance node { name } } } } ... on Engagement { date { text } place { name } } }`,
    ),
    q(
      'two searches, aliases and directives',
      { q: term, yes: true },
      `query A($q: String!, $yes: Boolean!) { a: search(query: $q, first: 2) { totalCount pageInfo { endCursor } }
        b: search(query: $q, last: 2) { edges { s: score c: cursor node { ... on Article @include(if: $yes) { slug } ... on Person @skip(if: $yes) { name } } } pageInfo { startCursor } } }`,
    ),
  ];
  return cases;
}

/** What makes two cases the same request: the query (whitespace folded), variables and operationName. */
export function caseKey(c: DiffCase): string {
  return JSON.stringify([c.query.replace(/\s+/g, ' ').trim(), c.variables ?? null, c.operationName ?? null]);
}
