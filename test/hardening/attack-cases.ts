/**
 * The attack corpus as data, shared by the Node suite (test/hardening/attacks.test.ts, through
 * `app.request`) and the Worker suite (workerd, through `exports.default.fetch`). No Node APIs
 * here: only fetch-standard Request/TextEncoder, so it runs in both runtimes.
 *
 * Every case is sent with `Accept: application/graphql-response+json`, under which the GraphQL
 * over HTTP spec asks for 400 on request errors (parse, validation, limits, variables). A case
 * lists the answers it accepts (`expect`: status + `errors[0].extensions.code`, + `limit` for
 * QUERY_TOO_COMPLEX); `code: null` means a normal 200 answer without errors.
 *
 * Use: for each case, `res = await fetch(c.request(BASE))`, then
 * `expect(attackProblems(c, res.status, res.headers, await res.text())).toEqual([])`, then send
 * `normalRequest(BASE)` and check `normalProblems(...)` is empty: the server still serves.
 */

export const GRAPHQL_RESPONSE = 'application/graphql-response+json';

/** One accepted outcome of an attack. */
export interface AttackExpectation {
  status: number;
  /** `errors[0].extensions.code`, or null for a 200 answer with no errors. */
  code: string | null;
  /** `errors[0].extensions.limit` for QUERY_TOO_COMPLEX. */
  limit?: string;
  /** Headers that must be present (lower-case name -> exact value). */
  headers?: Record<string, string>;
}

export interface AttackCase {
  id: string;
  /** What the request tries to do to the server. */
  description: string;
  /** The hostile request against `base` (e.g. `http://newsgraph.test`). */
  request: (base: string) => Request;
  /** Accepted outcomes (any one). */
  expect: AttackExpectation[];
  /** The answer must have no `data` entry: refused before execution started. */
  beforeExecution?: boolean;
  /** Only meaningful when `Query` has this field (`schemaQueryFields`); skip the case otherwise. */
  needsQueryField?: string;
}

const SLUG = 'larijani-pakistan-visit';

function post(body: BodyInit, headers: Record<string, string> = {}) {
  return (base: string) =>
    new Request(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: GRAPHQL_RESPONSE, ...headers },
      body,
    });
}

function postQuery(query: string, variables?: unknown) {
  return post(JSON.stringify(variables === undefined ? { query } : { query, variables }));
}

function getQuery(search: string, headers: Record<string, string> = {}) {
  return (base: string) => new Request(`${base}/graphql?${search}`, { headers: { accept: GRAPHQL_RESPONSE, ...headers } });
}

const tooComplex = (limit: string): AttackExpectation[] => [{ status: 400, code: 'QUERY_TOO_COMPLEX', limit }];

/**
 * Connections nested `hops` times, alternating Query.articles / Article.people / Person.articles,
 * each asking for 2 items; ends with `leaf`. 3 × hops + depth of leaf field levels; `MAX_DEPTH`
 * counts hops + depth of leaf (Relay's `edges` and `node` are no hop).
 */
export function nestedConnections(hops: number, leaf: string): string {
  const fields = ['articles', 'people'];
  let inner = leaf;
  for (let i = hops - 1; i >= 0; i--) inner = `${fields[i % 2]}(first: 2) { edges { node { ${inner} } } }`;
  return `{ ${inner} }`;
}

/** A natural Relay walk, six relation hops (depth 8 counting leaves, Relay wrappers free): article → people → engagements → participants → actor → articles → places. */
export const SIX_HOPS = `{
  article(slug: "larijani-pakistan-visit") {
    headline
    people(first: 3) { totalCount pageInfo { hasNextPage } edges { rel node {
      name
      engagements(first: 3) { edges { node {
        kind
        participants { role actor {
          name
          articles(first: 3) { edges { node {
            slug
            places(first: 3) { edges { rel node { name } } }
          } } }
        } }
      } } }
    } } }
  }
}`;

/** 42 levels: 13 hops (39 levels) ending on an Article, then `dateline { country { name } }` (3 levels): depth 16 in hops. */
export const DEPTH_42_QUERY = nestedConnections(13, 'dateline { country { name } }');

function fragmentChain(levels: number): string {
  // F0 on Query -> articles -> node spreads F1 (Article) -> people -> node spreads F2 (Person) ...
  const parts: string[] = [];
  for (let i = 0; i < levels; i++) {
    const on = i === 0 ? 'Query' : i % 2 ? 'Article' : 'Person';
    const field = i % 2 ? 'people' : 'articles';
    const next = i + 1 < levels ? `...F${i + 1}` : 'id';
    parts.push(`fragment F${i} on ${on} { ${field}(first: 2) { edges { node { ${next} } } } }`);
  }
  return `{ ...F0 } ${parts.join(' ')}`;
}

function repeat(n: number, f: (i: number) => string, sep = ' '): string {
  return Array.from({ length: n }, (_, i) => f(i)).join(sep);
}

function ofTypeChain(n: number): string {
  let inner = 'name';
  for (let i = 0; i < n; i++) inner = `ofType { ${inner} }`;
  return inner;
}

const encoder = new TextEncoder();

/** Bytes of `text` with the bytes 0xFF 0xFE (never valid in UTF-8) where `@@` stands. */
function withInvalidUtf8(text: string): Uint8Array<ArrayBuffer> {
  const [a = '', b = ''] = text.split('@@');
  return new Uint8Array([...encoder.encode(a), 0xff, 0xfe, ...encoder.encode(b)]);
}

/** FTS5 operators, quotes and column filters that break a naive MATCH expression. */
export const FTS_ATTACK_TEXT = '"unbalanced NEAR( OR * AND headline: ^ -- \'); DROP TABLE articles; --';

export const ATTACK_CASES: AttackCase[] = [
  {
    id: 'deep-nesting-42',
    description: '42 levels (16 hops), each connection asking for 2 items (2^13 paths): must be refused before execution',
    request: postQuery(DEPTH_42_QUERY),
    expect: tooComplex('depth'),
    beforeExecution: true,
  },
  {
    id: 'deep-nesting-fragments',
    description: '60 levels (21 hops) hidden in a chain of 20 fragments',
    request: postQuery(fragmentChain(20)),
    expect: tooComplex('depth'),
    beforeExecution: true,
  },
  {
    id: 'alias-amplification',
    description: '60 aliases of a 100-item connection',
    request: postQuery(`{ ${repeat(60, (i) => `a${i}: articles(first: 100) { totalCount }`)} }`),
    expect: tooComplex('aliases'),
    beforeExecution: true,
  },
  {
    id: 'field-duplication-tokens',
    description: '3000 copies of one field (beyond the token limit)',
    request: postQuery(`{ articles(first: 100) { edges { node { ${'body '.repeat(3000)} } } } }`),
    expect: tooComplex('tokens'),
    beforeExecution: true,
  },
  {
    id: 'field-duplication-overlap',
    description: '990 copies of one field within the token limit (quadratic field-merge validation)',
    request: postQuery(`{ article(slug: "${SLUG}") { ${'headline '.repeat(990)} } }`),
    expect: tooComplex('fieldOverlap'),
    beforeExecution: true,
  },
  {
    id: 'directive-overloading',
    description: '100 directives on one field',
    request: postQuery(`{ __typename ${'@include(if: true) '.repeat(100)} }`),
    expect: tooComplex('directives'),
    beforeExecution: true,
  },
  {
    id: 'fragment-cycle',
    description: 'fragments spreading each other in a cycle',
    request: postQuery('{ ...A } fragment A on Query { articles(first: 1) { totalCount } ...B } fragment B on Query { ...A }'),
    expect: [{ status: 400, code: 'GRAPHQL_VALIDATION_FAILED' }],
    beforeExecution: true,
  },
  {
    id: 'batched-array',
    description: 'a JSON array of 50 operations in one request (batching is off)',
    request: post(JSON.stringify(Array.from({ length: 50 }, () => ({ query: `{ articles(first: 100) { edges { node { body } } } }` })))),
    expect: [{ status: 400, code: 'BAD_REQUEST' }],
    beforeExecution: true,
  },
  {
    id: 'page-size-100000000',
    description: 'first: 100000000',
    request: postQuery('{ articles(first: 100000000) { edges { node { id } } } }'),
    expect: [{ status: 400, code: 'BAD_USER_INPUT' }],
    beforeExecution: true,
  },
  {
    id: 'page-size-negative',
    description: 'last: -5',
    request: postQuery('{ articles(last: -5) { edges { node { id } } } }'),
    expect: [{ status: 400, code: 'BAD_USER_INPUT' }],
    beforeExecution: true,
  },
  {
    id: 'page-size-in-variable',
    description: 'first: $n with n = 1000 (limits see variables)',
    request: postQuery('query Q($n: Int) { articles(first: $n) { edges { node { id } } } }', { n: 1000 }),
    expect: [{ status: 400, code: 'BAD_USER_INPUT' }],
    beforeExecution: true,
  },
  {
    id: 'cost-nested-pages',
    description: 'three nested connections of 100 (10^6 rows estimated), within depth',
    request: postQuery('{ articles(first: 100) { edges { node { people(first: 100) { edges { node { articles(first: 100) { edges { node { body } } } } } } } } } }'),
    expect: tooComplex('cost'),
    beforeExecution: true,
  },
  {
    id: 'cost-default-pages',
    description: 'nested connections without first (default page size counts)',
    request: postQuery('{ articles { edges { node { people { edges { node { articles { edges { node { people { edges { node { name } } } } } } } } } } } } }'),
    expect: tooComplex('cost'),
    beforeExecution: true,
  },
  {
    id: 'document-300kb',
    description: 'a 300 KB document (beyond the body limit)',
    request: postQuery(`{ __typename } # ${'x'.repeat(300_000)}`),
    expect: [{ status: 413, code: 'PAYLOAD_TOO_LARGE' }],
    beforeExecution: true,
  },
  {
    id: 'document-40kb',
    description: 'a 40 KB document (within the body limit, beyond the document limit)',
    request: postQuery(`{ __typename } # ${'x'.repeat(40_000)}`),
    expect: tooComplex('documentSize'),
    beforeExecution: true,
  },
  {
    id: 'many-operations',
    description: '500 operations in one document',
    request: postQuery(repeat(500, (i) => `query Q${i} { __typename }`)),
    expect: tooComplex('tokens'),
    beforeExecution: true,
  },
  {
    id: 'invalid-json',
    description: 'a truncated JSON body',
    request: post('{"query": "{ __typename }"'),
    expect: [{ status: 400, code: 'BAD_REQUEST' }],
    beforeExecution: true,
  },
  {
    id: 'invalid-utf8-body',
    description: 'bytes 0xFF 0xFE inside a JSON string',
    request: post(withInvalidUtf8(`{"query": "{ article(slug: \\"@@\\") { id } }"}`)),
    expect: [{ status: 400, code: 'BAD_REQUEST' }],
    beforeExecution: true,
  },
  {
    id: 'invalid-utf8-query-string',
    description: 'GET with %FF in the query',
    request: getQuery('query=%7B__typename%7D%FF'),
    expect: [{ status: 400, code: 'BAD_REQUEST' }],
    beforeExecution: true,
  },
  {
    id: 'huge-variables',
    description: '1 MB of variables',
    request: postQuery('query Q($s: String) { __typename }', { s: 'a'.repeat(1_000_000) }),
    expect: [{ status: 413, code: 'PAYLOAD_TOO_LARGE' }],
    beforeExecution: true,
  },
  {
    id: 'deeply-nested-variables',
    description: 'a variable nested 50 000 arrays deep (within the body limit)',
    request: post(`{"query":"query Q($ids: [ID!]!) { nodes(ids: $ids) { id } }","variables":{"ids":${'['.repeat(50_000)}${']'.repeat(50_000)}}}`),
    expect: [{ status: 400, code: 'BAD_USER_INPUT' }],
    beforeExecution: true,
  },
  {
    id: 'variables-not-an-object',
    description: 'variables given as a string',
    request: post('{"query":"{ __typename }","variables":"{}"}'),
    expect: [{ status: 400, code: 'BAD_REQUEST' }],
    beforeExecution: true,
  },
  {
    id: 'introspection-list-nesting',
    description: '__type { fields { type { fields { type { fields ... (cyclic introspection)',
    request: postQuery('{ __type(name: "Article") { fields { type { fields { type { fields { type { fields { name } } } } } } } } }'),
    expect: tooComplex('introspectionDepth'),
    beforeExecution: true,
  },
  {
    id: 'introspection-schema-cycle',
    description: '__schema { types { fields { type { interfaces { possibleTypes ...',
    request: postQuery('{ __schema { types { fields { type { interfaces { possibleTypes { fields { name } } } } } } } }'),
    expect: tooComplex('introspectionDepth'),
    beforeExecution: true,
  },
  {
    id: 'introspection-oftype-chain',
    description: '__type { fields { type { ofType { ofType ... 40 deep',
    request: postQuery(`{ __type(name: "Article") { fields { type { ${ofTypeChain(40)} } } } }`),
    expect: tooComplex('depth'),
    beforeExecution: true,
  },
  {
    id: 'syntax-error',
    description: 'an unterminated selection set',
    request: postQuery('{ articles(first: 1) { edges { node { id }'),
    expect: [{ status: 400, code: 'GRAPHQL_PARSE_FAILED' }],
    beforeExecution: true,
  },
  {
    id: 'fts-syntax-in-filter',
    description: 'FTS5 syntax in ArticleFilter.query: treated as text, or refused as bad input; never a 5xx',
    request: postQuery('query Q($q: String) { articles(first: 5, filter: { query: $q }) { edges { node { slug } } } }', { q: FTS_ATTACK_TEXT }),
    expect: [
      { status: 200, code: null },
      { status: 400, code: 'BAD_USER_INPUT' },
      { status: 200, code: 'BAD_USER_INPUT' },
    ],
  },
  {
    id: 'fts-syntax-in-search',
    description: 'FTS5 syntax in Query.search: treated as text, or refused as bad input; never a 5xx',
    request: post(JSON.stringify({ query: 'query Q($q: String!) { search(query: $q) { __typename } }', variables: { q: FTS_ATTACK_TEXT } })),
    expect: [
      { status: 200, code: null },
      { status: 400, code: 'BAD_USER_INPUT' },
      { status: 200, code: 'BAD_USER_INPUT' },
    ],
    needsQueryField: 'search',
  },
  {
    id: 'method-not-allowed',
    description: 'PUT /graphql',
    request: (base) => new Request(`${base}/graphql`, { method: 'PUT', headers: { accept: GRAPHQL_RESPONSE, 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' }),
    expect: [{ status: 405, code: 'METHOD_NOT_ALLOWED', headers: { allow: 'GET, POST, OPTIONS' } }],
    beforeExecution: true,
  },
  {
    id: 'mutation-over-get',
    description: 'a mutation sent with GET',
    request: getQuery(`query=${encodeURIComponent('mutation M { __typename }')}`),
    expect: [{ status: 405, code: 'BAD_REQUEST', headers: { allow: 'POST' } }],
    beforeExecution: true,
  },
  {
    id: 'unsupported-media-type',
    description: 'a text/plain POST (a cross-site form could send one without a preflight)',
    request: post('{"query":"{ __typename }"}', { 'content-type': 'text/plain' }),
    expect: [{ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' }],
    beforeExecution: true,
  },
  {
    id: 'csrf-form-post',
    description: 'a form-encoded POST without a preflight-forcing header (CSRF)',
    request: post('query=%7B__typename%7D', { 'content-type': 'application/x-www-form-urlencoded' }),
    expect: [{ status: 403, code: 'CSRF_REJECTED' }],
    beforeExecution: true,
  },
];

/** A normal query every attack must leave answerable. */
export const NORMAL_QUERY = `{ article(slug: "${SLUG}") { headline people(first: 2) { totalCount } } }`;

export function normalRequest(base: string): Request {
  return postQuery(NORMAL_QUERY)(base);
}

interface Body {
  data?: unknown;
  errors?: { message?: string; extensions?: { code?: string; limit?: string } }[];
}

/**
 * What is wrong with an attack's answer (empty when it matches one accepted outcome).
 * Also checks, for every answer: a GraphQL JSON body of the negotiated media type, no 5xx, no
 * `data` when `beforeExecution`, and no stack trace or SQL in any message.
 */
export function attackProblems(c: AttackCase, status: number, headers: Headers, text: string): string[] {
  const problems: string[] = [];
  let body: Body;
  try {
    body = JSON.parse(text) as Body;
  } catch {
    return [`${c.id}: body is not JSON (status ${status}): ${text.slice(0, 120)}`];
  }
  const type = headers.get('content-type') ?? '';
  if (!type.startsWith(GRAPHQL_RESPONSE)) problems.push(`${c.id}: content-type ${type}`);
  if (status >= 500) problems.push(`${c.id}: status ${status}`);
  const code = body.errors?.[0]?.extensions?.code ?? null;
  const limit = body.errors?.[0]?.extensions?.limit;
  const matches = c.expect.some(
    (e) =>
      e.status === status &&
      e.code === code &&
      (e.code !== null || !body.errors) &&
      (e.limit === undefined || e.limit === limit) &&
      Object.entries(e.headers ?? {}).every(([k, v]) => headers.get(k) === v),
  );
  if (!matches) {
    problems.push(
      `${c.id}: got ${status} ${code}${limit ? `/${limit}` : ''} (${body.errors?.[0]?.message?.slice(0, 160)}), expected ${c.expect
        .map((e) => `${e.status} ${e.code}${e.limit ? `/${e.limit}` : ''}`)
        .join(' or ')}`,
    );
  }
  if (c.beforeExecution && 'data' in body) problems.push(`${c.id}: has a data entry (was executed)`);
  for (const e of body.errors ?? []) {
    if (/\bat .+:\d+:\d+|select .+ from |sqlite|libsql/i.test(e.message ?? '')) problems.push(`${c.id}: message leaks internals: ${e.message}`);
  }
  return problems;
}

/** What is wrong with the normal query's answer after an attack. */
export function normalProblems(status: number, text: string): string[] {
  try {
    const body = JSON.parse(text) as { data?: { article?: { headline?: string; people?: { totalCount?: number } } }; errors?: unknown };
    if (status !== 200) return [`normal query: status ${status}: ${text.slice(0, 200)}`];
    if (body.errors) return [`normal query: errors ${JSON.stringify(body.errors).slice(0, 200)}`];
    if (!body.data?.article?.headline?.startsWith('Neighbors continue')) return [`normal query: unexpected data ${text.slice(0, 200)}`];
    return [];
  } catch {
    return [`normal query: not JSON (${status}): ${text.slice(0, 200)}`];
  }
}

/** The names of `Query`'s fields, to decide `needsQueryField` cases. */
export async function schemaQueryFields(fetchFn: (r: Request) => Response | Promise<Response>, base: string): Promise<Set<string>> {
  const res = await fetchFn(postQuery('{ __type(name: "Query") { fields { name } } }')(base));
  const body = (await res.json()) as { data?: { __type?: { fields?: { name: string }[] } } };
  return new Set((body.data?.__type?.fields ?? []).map((f) => f.name));
}
