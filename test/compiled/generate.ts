/**
 * Random read queries over the schema for the differential test (./differential.test.ts):
 * selections of random subsets of fields (graphql-js schema from src/graphql/schema.ts) under the
 * root fields, with argument values from the database (slugs, global ids, names, search words,
 * CAMEO roots) and cursors the executor handed out earlier, random aliases, named fragments
 * (on the type or on an interface it implements), inline fragments (on Actor, Node, Entity and
 * SearchResult members, bare, or under a directive), `@skip`/`@include` with literal and variable
 * conditions, `__typename`, and arguments given as literals or as variables.
 *
 * Deterministic: the same seed, database and cursor pool give the same queries. Each query is
 * valid and within the default operation limits (src/graphql/limits.ts: depth, cost, aliases,
 * tokens), except a few made to break one limit on purpose (`overLimit`), and a few with
 * arguments the API refuses (page sizes, missing or wrong ids, foreign cursors): both paths
 * must answer those identically too.
 */
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  Lexer,
  parse,
  Source,
  TokenKind,
  validate,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLInterfaceType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type GraphQLUnionType,
} from 'graphql';
import type { OperationLimits } from '../../src/config.ts';
import type { PageLimits } from '../../src/graphql/connections/page-sizes.ts';
import { encodeGlobalID } from '../../src/graphql/ids.ts';
import { measureOperation } from '../../src/graphql/limits.ts';
import { mulberry32 } from '../fixtures/corpus.ts';
import type { DbValues } from './corpus.ts';

type Rng = () => number;

/** A generated operation. */
export interface GeneratedQuery {
  query: string;
  variables: Record<string, unknown>;
  /** It breaks an operation limit on purpose (which one). */
  overLimit?: 'aliases' | 'depth' | 'cost';
}

/**
 * Cursors seen in answers, by cursor space ("Article:PUBLISHED_DESC", see
 * src/graphql/connections/cursors.ts); cursors this cannot read go under "?".
 */
export class CursorPool {
  private readonly bySpace = new Map<string, string[]>();
  private readonly all: string[] = [];

  /** Add every `cursor`, `startCursor` and `endCursor` string found in a JSON answer. */
  harvest(json: unknown): void {
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === 'object')
        for (const [k, v] of Object.entries(x)) {
          if ((k === 'cursor' || k === 'startCursor' || k === 'endCursor') && typeof v === 'string') this.add(v);
          else walk(v);
        }
    };
    walk(json);
  }

  add(cursor: string): void {
    if (this.all.includes(cursor)) return;
    this.all.push(cursor);
    const space = cursorSpaceOf(cursor);
    const list = this.bySpace.get(space) ?? [];
    list.push(cursor);
    this.bySpace.set(space, list);
  }

  /** A cursor of `space` (most of the time), else any cursor seen (probably of another list). */
  pick(r: Rng, space: string): string | undefined {
    const own = this.bySpace.get(space);
    if (own?.length && r() < 0.85) return own[Math.floor(r() * own.length)];
    return this.all.length ? this.all[Math.floor(r() * this.all.length)] : undefined;
  }

  /** How many cursors per space (for the report). */
  sizes(): Record<string, number> {
    return Object.fromEntries([...this.bySpace].map(([k, v]) => [k, v.length]));
  }
}

function cursorSpaceOf(cursor: string): string {
  try {
    const hex = cursor.startsWith('ng2.');
    const text = hex ? Buffer.from(cursor.slice(4), 'hex').toString('utf8') : Buffer.from(cursor, 'base64').toString('utf8');
    if (!hex && !text.startsWith('ng1|')) return '?';
    const rest = hex ? text : text.slice(4);
    const bar = rest.indexOf('|', rest.indexOf(':'));
    return bar === -1 ? '?' : rest.slice(0, bar);
  } catch {
    return '?';
  }
}

/** The cursor space of a connection type with an ordering (src/graphql/connections/*: cursorSpace calls). */
function spaceOf(connection: string, orderBy: string | undefined): string {
  const base = connection.replace(/Connection$/, '');
  const defaults: Record<string, string> = { Article: 'PUBLISHED_DESC', Engagement: 'DATE_DESC', Person: 'NAME_ASC', Organisation: 'NAME_ASC', Place: 'NAME_ASC' };
  return `${base}:${orderBy ?? defaults[base] ?? 'RELEVANCE'}`;
}

/** Relative weights of fields when picking; 0 = never. Fields not listed weigh 1. */
const FIELD_WEIGHT: Record<string, number> = {
  // Big computed documents and whole texts: now and then.
  ninjs: 0.1,
  jsonLd: 0.1,
  body: 0.25,
  paragraphs: 0.25,
  extraction: 0.3,
  facets: 0.35,
  // Connection parts: mostly edges.
  edges: 4,
  pageInfo: 1.2,
  totalCount: 1.5,
  node: 6,
};

const ROOT_WEIGHT: Record<string, number> = {
  article: 3, person: 2, organisation: 2, place: 1.5, engagement: 1.5,
  articles: 3, engagements: 3, people: 1.5, organisations: 1.5, places: 1,
  node: 1.5, nodes: 1, search: 1.5, possibleDuplicates: 0.3, __typename: 0.2,
};

/** Fields that add a level to the response but no relation hop (as src/graphql/limits.ts counts depth). */
function isWrapper(parent: GraphQLNamedType, field: string): boolean {
  if (!isObjectType(parent)) return false;
  const fields = parent.getFields();
  if (field === 'node') return 'cursor' in fields;
  return (field === 'edges' || field === 'pageInfo') && 'pageInfo' in fields && 'edges' in fields;
}

function weighted<T>(r: Rng, items: readonly T[], weight: (t: T) => number): T | undefined {
  const total = items.reduce((s, x) => s + weight(x), 0);
  if (total <= 0) return undefined;
  let x = r() * total;
  for (const it of items) {
    x -= weight(it);
    if (x < 0) return it;
  }
  return items[items.length - 1];
}

const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const chance = (r: Rng, p: number) => r() < p;
const subset = <T>(r: Rng, xs: readonly T[], lo: number, hi: number): T[] => {
  const copy = xs.slice();
  const n = Math.min(copy.length, int(r, lo, hi));
  return Array.from({ length: n }, () => copy.splice(Math.floor(r() * copy.length), 1)[0]!);
};

/** Tokens of a document as the MAX_TOKENS limit counts them (graphql-js lexer). */
function tokenCount(query: string): number {
  const lexer = new Lexer(new Source(query));
  let n = 0;
  while (lexer.advance().kind !== TokenKind.EOF) n++;
  return n;
}

/** Per-operation state while one query is built. */
interface Build {
  r: Rng;
  vars: string[];
  variables: Record<string, unknown>;
  fragments: string[];
  aliases: number;
  names: number;
}

/** Response keys of one selection level: key → signature (field, arguments, type); same key must mean the same field. */
type Keys = Map<string, string>;

/** Makes random read queries; see the module comment. */
export class QueryGenerator {
  private readonly r: Rng;
  private readonly schema: GraphQLSchema;
  private readonly values: DbValues;
  private readonly cursors: CursorPool;
  private readonly limits: OperationLimits;
  private readonly pages: PageLimits;

  /**
   * @param cursors the pool `after` / `before` are drawn from (the caller keeps adding to it)
   * @param seed the PRNG seed (mulberry32): the same seed, values and pool give the same queries
   * @param limits, pages the limits generated queries stay within (src/config.ts defaults)
   */
  constructor(schema: GraphQLSchema, values: DbValues, cursors: CursorPool, seed: number, limits: OperationLimits, pages: PageLimits) {
    this.r = mulberry32(seed);
    this.schema = schema;
    this.values = values;
    this.cursors = cursors;
    this.limits = limits;
    this.pages = pages;
  }

  /** The `i`th query: valid, and within the limits unless it is one of the 1 in 25 made to break one. */
  next(i: number): GeneratedQuery {
    const over = i % 25 === 24 ? pick(this.r, ['aliases', 'depth', 'cost'] as const) : undefined;
    for (let attempt = 0; ; attempt++) {
      const q = this.attempt(i, over);
      const doc = parse(q.query);
      if (validate(this.schema, doc).length > 0) {
        if (attempt < 50) continue;
        return q; // a rare invalid one: both paths refuse it with GRAPHQL_VALIDATION_FAILED
      }
      if (tokenCount(q.query) > this.limits.maxTokens * 0.9 && !over) continue;
      let measured: { cost: number; depth: number } | null = null;
      try {
        measured = measureOperation(this.schema, doc, this.pages, q.variables);
      } catch {
        return q; // a page size out of range: refused before execution
      }
      if (!over && (measured.cost > this.limits.maxCost || measured.depth > this.limits.maxDepth)) continue;
      return over ? { ...q, overLimit: over } : q;
    }
  }

  private attempt(i: number, over?: 'aliases' | 'depth' | 'cost'): GeneratedQuery {
    const r = this.r;
    const b: Build = { r, vars: [], variables: {}, fragments: [], aliases: 0, names: 0 };
    const query = this.schema.getQueryType()!;
    const maxDepth = pick(r, [2, 3, 3, 4, 4, 4, 5]);
    const keys: Keys = new Map();
    const parts: string[] = [];
    const roots = Object.values(query.getFields()).filter((f) => (ROOT_WEIGHT[f.name] ?? 0) > 0);
    const n = int(r, 1, 3);
    for (let k = 0; k < n; k++) {
      const f = weighted(r, roots, (x) => ROOT_WEIGHT[x.name] ?? 0)!;
      const s = this.field(b, query, f, maxDepth, keys);
      if (s) parts.push(s);
    }
    if (chance(r, 0.1)) parts.push(`${this.alias(b, keys, '__typename', '__typename:Query', true)}__typename`);
    if (over === 'aliases') {
      for (let k = b.aliases; k <= this.limits.maxAliases; k++) parts.push(`over${k}: articles(first: 1) { totalCount }`);
    } else if (over === 'depth') {
      let inner = 'slug';
      for (let h = this.limits.maxDepth; h >= 0; h--) inner = `${h % 2 ? 'people' : 'articles'}(first: 1) { edges { node { ${inner} } } }`;
      parts.push(`overDepth: ${inner}`);
    } else if (over === 'cost') {
      parts.push('overCost: articles(first: 100) { edges { node { people(first: 100) { edges { node { articles(first: 10) { edges { node { slug } } } } } } } } }');
    }
    if (!parts.length) parts.push('__typename');
    const named = b.vars.length > 0 || chance(r, 0.5);
    const head = named ? `query G${i}${b.vars.length ? `(${b.vars.join(', ')})` : ''} ` : '';
    return { query: `${head}{\n  ${parts.join('\n  ')}\n}${b.fragments.map((f) => `\n${f}`).join('')}`, variables: b.variables };
  }

  /** An alias prefix ("x: ") when `key` is taken by another field, or now and then anyway; null when the alias budget is spent. */
  private alias(b: Build, keys: Keys, name: string, signature: string, free = false): string | null {
    const taken = keys.get(name);
    // The same key twice is fine only for the same leaf; composite fields get their own key (no merging of sub-selections).
    const need = taken !== undefined && (taken !== signature || signature.endsWith('{'));
    const want = need || chance(b.r, 0.12);
    if (!want) {
      keys.set(name, signature);
      return '';
    }
    if (!free && b.aliases >= this.limits.maxAliases - 3) {
      if (need) return null;
      keys.set(name, signature);
      return '';
    }
    // Aliases that read like other fields' names now and then ("name: slug"), else fresh ones.
    const candidates = ['name', 'id', 'slug', 'kind', 'node', 'first', 'a', 'b', 'x'].filter((c) => !keys.has(c));
    const key = chance(b.r, 0.3) && candidates.length ? pick(b.r, candidates) : `${name.replace(/^__/, 't')}${++b.names}`;
    if (keys.has(key)) return null;
    keys.set(key, signature);
    if (!free || name !== '__typename') b.aliases++;
    return `${key}: `;
  }

  /** A directive on a field or fragment now and then: `@include` / `@skip` with a literal or a variable. */
  private directive(b: Build): string {
    if (!chance(b.r, 0.08)) return '';
    const which = chance(b.r, 0.5) ? 'include' : 'skip';
    if (chance(b.r, 0.4)) return ` @${which}(if: ${chance(b.r, 0.5)})`;
    const name = `c${b.vars.length}`;
    if (chance(b.r, 0.25)) {
      b.vars.push(`$${name}: Boolean = ${chance(b.r, 0.5)}`);
    } else {
      b.vars.push(`$${name}: Boolean!`);
      b.variables[name] = chance(b.r, 0.5);
    }
    return ` @${which}(if: $${name})`;
  }

  /** One field of `parent` with its arguments and sub-selection; '' when nothing fits the depth left. */
  private field(b: Build, parent: GraphQLObjectType | GraphQLInterfaceType, f: GraphQLField<unknown, unknown>, depth: number, keys: Keys): string {
    const named = getNamedType(f.type);
    const wrapper = isWrapper(parent, f.name);
    const leaf = isLeafType(named);
    if (depth < 1 || (!leaf && !wrapper && depth < 2)) return '';
    const args = this.args(b, parent, f);
    const signature = `${f.name}(${args}):${String(f.type)}${leaf ? '' : '{'}`;
    const alias = this.alias(b, keys, f.name, signature);
    if (alias === null) return '';
    const dir = this.directive(b);
    if (leaf) return `${alias}${f.name}${args}${dir}`;
    const sub = this.selection(b, named, wrapper ? depth : depth - 1);
    return `${alias}${f.name}${args}${dir} { ${sub} }`;
  }

  /** A selection set's content on `type` with `depth` levels left (at least 1). */
  private selection(b: Build, type: GraphQLNamedType, depth: number): string {
    const r = b.r;
    const keys: Keys = new Map();
    // A named fragment now and then: on the type itself or on an interface it implements.
    if (chance(r, 0.12)) {
      const on = isObjectType(type) && type.getInterfaces().length && chance(r, 0.4) ? pick(r, type.getInterfaces()) : type;
      const content = this.content(b, on, depth, keys);
      const name = `F${b.fragments.length}`;
      b.fragments.push(`fragment ${name} on ${on.name} { ${content} }`);
      const rest = chance(r, 0.4) ? this.content(b, type, depth, keys) : '';
      return `...${name}${this.directive(b)} ${rest}`.trim();
    }
    // An inline fragment on the same type, bare, or under a directive, now and then.
    if (isObjectType(type) && chance(r, 0.1)) {
      const head = pick(r, [`... on ${type.name}`, '...', '... @include(if: true)', '... @skip(if: false)']);
      return `${head} { ${this.content(b, type, depth, keys)} } ${chance(r, 0.5) ? this.content(b, type, depth, keys) : ''}`.trim();
    }
    return this.content(b, type, depth, keys);
  }

  /** Fields (and, on abstract types, inline fragments) of `type` at one level sharing `keys`. */
  private content(b: Build, type: GraphQLNamedType, depth: number, keys: Keys): string {
    const r = b.r;
    const parts: string[] = [];
    if (isUnionType(type) || isInterfaceType(type)) {
      const possible = this.schema.getPossibleTypes(type as GraphQLUnionType | GraphQLInterfaceType);
      if (chance(r, 0.7)) {
        const a = this.alias(b, keys, '__typename', '__typename:String!', true);
        if (a !== null) parts.push(`${a}__typename`);
      }
      if (isInterfaceType(type)) parts.push(...this.fields(b, type, depth, keys, int(r, 0, 2)));
      for (const t of subset(r, possible, 1, 3)) {
        const inner = this.fields(b, t, depth, keys, int(r, 1, 2));
        if (inner.length) parts.push(`... on ${t.name}${this.directive(b)} { ${inner.join(' ')} }`);
      }
      if (!parts.length) parts.push('__typename');
      return parts.join(' ');
    }
    const obj = type as GraphQLObjectType;
    if (chance(r, 0.15)) {
      const a = this.alias(b, keys, '__typename', '__typename:String!', true);
      if (a !== null) parts.push(`${a}__typename`);
    }
    const isConnection = 'edges' in obj.getFields() && 'pageInfo' in obj.getFields();
    parts.push(...this.fields(b, obj, depth, keys, isConnection ? int(r, 1, 2) : int(r, 1, 4)));
    if (!parts.length) parts.push('__typename');
    return parts.join(' ');
  }

  private fields(b: Build, type: GraphQLObjectType | GraphQLInterfaceType, depth: number, keys: Keys, n: number): string[] {
    const all = Object.values(type.getFields());
    const out: string[] = [];
    for (let k = 0; k < n; k++) {
      const fits = all.filter((f) => {
        const leaf = isLeafType(getNamedType(f.type));
        return depth >= 2 || leaf || isWrapper(type, f.name);
      });
      const f = weighted(b.r, fits, (x) => FIELD_WEIGHT[x.name] ?? 1);
      if (!f) break;
      const s = this.field(b, type, f, depth, keys);
      if (s) out.push(s);
    }
    return out;
  }

  // -------------------------------------------------------------------------------------------
  // Arguments

  /** The field's arguments as `(a: 1, b: $v0)`, or ''. */
  private args(b: Build, parent: GraphQLObjectType | GraphQLInterfaceType, f: GraphQLField<unknown, unknown>): string {
    const given = this.argValues(b.r, parent, f);
    const parts: string[] = [];
    for (const a of f.args) {
      if (!(a.name in given)) continue;
      const value = given[a.name];
      if (chance(b.r, 0.25)) {
        const name = `v${b.vars.length}`;
        b.vars.push(`$${name}: ${String(a.type)}`);
        b.variables[name] = value;
        parts.push(`${a.name}: $${name}`);
      } else {
        parts.push(`${a.name}: ${literal(value, a.type)}`);
      }
    }
    return parts.length ? `(${parts.join(', ')})` : '';
  }

  /** Values for some of a field's arguments (all of its required ones, mostly valid). */
  private argValues(r: Rng, parent: GraphQLObjectType | GraphQLInterfaceType, f: GraphQLField<unknown, unknown>): Record<string, unknown> {
    const v = this.values;
    const out: Record<string, unknown> = {};
    const has = (name: string) => f.args.some((a) => a.name === name);
    const arg = (name: string) => f.args.find((a) => a.name === name)!;
    const root = parent.name === 'Query';

    // Singular roots: exactly one of id / slug / uri (now and then none, two, or one that finds nothing).
    if (root && ['article', 'person', 'organisation', 'place'].includes(f.name)) {
      const list = (v as unknown as Record<string, { slug: string; gid: string; uri?: string }[]>)[f.name === 'person' ? 'people' : `${f.name}s`]!;
      const e = chance(r, 0.5) ? this.busy(f.name) : pick(r, list);
      const x = r();
      if (x < 0.55) out.slug = e.slug;
      else if (x < 0.85) out.id = e.gid;
      else if (x < 0.92 && e.uri) out.uri = e.uri;
      else if (x < 0.95) out.slug = `${e.slug}-missing`;
      else if (x < 0.97) out.id = pick(r, [v.engagements[0]!.gid, 'bm9wZQ==', encodeGlobalID(f.name === 'person' ? 'Person' : 'Article', '999999')]);
      else if (x < 0.985) Object.assign(out, { slug: e.slug, id: e.gid });
      else out.slug = e.slug;
      return out;
    }
    if (root && f.name === 'engagement') return { id: chance(r, 0.95) ? pick(r, v.engagements).gid : v.busy.person.gid };
    if (root && f.name === 'node') return { id: this.anyId(r) };
    if (root && f.name === 'nodes') return { ids: Array.from({ length: int(r, 1, 4) }, () => this.anyId(r)) };

    const connection = has('first') && has('last');
    if (connection) {
      const mode = r();
      const size = () => (chance(r, 0.03) ? pick(r, [0, 101, -1]) : int(r, 1, 5));
      if (mode < 0.7) out.first = size();
      else if (mode < 0.85) out.last = size();
      else if (mode < 0.87) Object.assign(out, { first: 2, last: 2 });
      if (has('orderBy') && chance(r, 0.6)) out.orderBy = pick(r, enumValues(arg('orderBy').type));
      if ((has('after') || has('before')) && chance(r, 0.3)) {
        const cursor = this.cursors.pick(r, spaceOf(getNamedType(f.type).name, out.orderBy as string | undefined)) ?? 'bm90IGEgY3Vyc29y';
        out[out.last !== undefined ? (chance(r, 0.9) ? 'before' : 'after') : chance(r, 0.9) ? 'after' : 'before'] = cursor;
      }
    } else if (has('first') && chance(r, 0.7)) {
      out.first = chance(r, 0.02) ? 101 : int(r, 0, 5);
    }
    if (has('rel') && chance(r, 0.3)) out.rel = pick(r, enumValues(arg('rel').type));
    if (has('filter') && chance(r, 0.4)) {
      const type = getNamedType(arg('filter').type).name;
      out.filter = type === 'ArticleFilter' ? this.articleFilter(r) : this.engagementFilter(r);
    }
    if (has('query')) {
      const required = isNonNullType(arg('query').type);
      if (required) out.query = chance(r, 0.2) ? 'security cooperation' : this.word(r);
      else if (chance(r, 0.4)) out.query = this.word(r).slice(0, int(r, 2, 5));
    }
    if (has('kinds') && chance(r, 0.3)) out.kinds = subset(r, enumValues(arg('kinds').type), 1, 2);
    if (has('types') && chance(r, 0.4)) out.types = subset(r, enumValues(arg('types').type), 1, 3);
    // Any other required argument: a plain value of its type.
    for (const a of f.args) if (isNonNullType(a.type) && !(a.name in out)) out[a.name] = plainValue(r, a, v);
    return out;
  }

  private busy(root: string) {
    const b = this.values.busy;
    return (root === 'article' ? { ...b.article, uri: this.values.articles.find((a) => a.id === b.article.id)!.uri } : root === 'person' ? b.person : root === 'organisation' ? b.organisation : b.place) as { slug: string; gid: string; uri?: string };
  }

  private word(r: Rng): string {
    return pick(r, this.values.words);
  }

  private anyId(r: Rng): string {
    const v = this.values;
    const lists: { gid: string }[][] = [v.articles, v.people, v.organisations, v.places, v.engagements, v.quotes];
    if (chance(r, 0.05)) return pick(r, ['nope', encodeGlobalID('Person', '999999'), encodeGlobalID('Widget', '1'), '']);
    return pick(r, pick(r, lists.filter((l) => l.length))).gid;
  }

  private actorId(r: Rng): string {
    const v = this.values;
    return chance(r, 0.5) ? pick(r, [v.busy.person.gid, v.busy.organisation.gid]) : pick(r, chance(r, 0.5) ? v.people : v.organisations).gid;
  }

  private date(r: Rng): string {
    const day = new Date(Date.UTC(2024, 0, 1) + int(r, 0, 730) * 86_400_000).toISOString();
    return chance(r, 0.7) ? day.slice(0, 10) : day.replace('.000', '');
  }

  private articleFilter(r: Rng): Record<string, unknown> {
    const v = this.values;
    const keys = subset(r, ['people', 'organisations', 'places', 'rel', 'publishedFrom', 'publishedTo', 'query', 'engagement'], 1, 2);
    const f: Record<string, unknown> = {};
    for (const k of keys) {
      if (k === 'people') f.people = [chance(r, 0.6) ? v.busy.person.gid : pick(r, v.people).gid];
      if (k === 'organisations') f.organisations = [chance(r, 0.6) ? v.busy.organisation.gid : pick(r, v.organisations).gid];
      if (k === 'places') f.places = [chance(r, 0.6) ? v.busy.place.gid : pick(r, v.places).gid];
      if (k === 'rel') f.rel = pick(r, ['ABOUT', 'MENTIONS']);
      if (k === 'publishedFrom') f.publishedFrom = this.date(r);
      if (k === 'publishedTo') f.publishedTo = this.date(r);
      if (k === 'query') f.query = chance(r, 0.3) ? 'security cooperation' : this.word(r);
      if (k === 'engagement') f.engagement = pick(r, v.engagements).gid;
    }
    return f;
  }

  private engagementFilter(r: Rng): Record<string, unknown> {
    const v = this.values;
    const keys = subset(r, ['participants', 'anyParticipants', 'kinds', 'cameoRoots', 'quadClasses', 'from', 'to', 'place'], 1, 2);
    const f: Record<string, unknown> = {};
    for (const k of keys) {
      if (k === 'participants') f.participants = Array.from({ length: int(r, 1, 2) }, () => this.actorId(r));
      if (k === 'anyParticipants') f.anyParticipants = Array.from({ length: int(r, 1, 3) }, () => this.actorId(r));
      if (k === 'kinds') f.kinds = subset(r, ['VISIT', 'MEETING', 'TALKS', 'CALL', 'AGREEMENT', 'STATEMENT', 'CONFERENCE'], 1, 3);
      if (k === 'cameoRoots') f.cameoRoots = subset(r, v.cameoRoots, 1, 2);
      if (k === 'quadClasses') f.quadClasses = subset(r, [1, 2, 3, 4], 1, 2);
      if (k === 'from') f.from = this.date(r).slice(0, 10);
      if (k === 'to') f.to = this.date(r).slice(0, 10);
      if (k === 'place') f.place = chance(r, 0.6) ? v.busy.place.gid : pick(r, v.places).gid;
    }
    return f;
  }
}

function enumValues(type: GraphQLInputType): string[] {
  const named = getNamedType(type);
  return isEnumType(named) ? named.getValues().map((x) => x.name) : [];
}

function plainValue(r: Rng, a: GraphQLArgument, v: DbValues): unknown {
  const named = getNamedType(a.type);
  const list = isListType(getNullableType(a.type));
  const one = (): unknown => {
    if (isEnumType(named)) return pick(r, named.getValues()).name;
    if (named.name === 'ID') return pick(r, v.articles).gid;
    if (named.name === 'Int') return 2;
    if (named.name === 'Boolean') return true;
    return pick(r, v.words);
  };
  return list ? [one()] : one();
}

/** A GraphQL literal of `value` for an input of `type`. */
export function literal(value: unknown, type: GraphQLInputType): string {
  const t = getNullableType(type) as GraphQLInputType;
  if (value === null || value === undefined) return 'null';
  if (isListType(t)) return Array.isArray(value) ? `[${value.map((x) => literal(x, t.ofType)).join(', ')}]` : literal(value, t.ofType);
  if (isInputObjectType(t)) {
    const fields = t.getFields();
    return `{ ${Object.entries(value as Record<string, unknown>)
      .map(([k, x]) => `${k}: ${literal(x, fields[k]!.type)}`)
      .join(', ')} }`;
  }
  if (isEnumType(t)) return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}
