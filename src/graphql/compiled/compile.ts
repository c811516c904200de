/**
 * The read compiler: a validated query operation → one SQL statement whose single value is the
 * response's `data` as JSON text, in the response's key order (./json-sql.ts writes it).
 *
 * It walks the operation as graphql-js executes it (fields collected per concrete type through
 * fragments and inline fragments, aliases, `@skip` / `@include`, `__typename`, the Actor
 * interface by its two tables), reading what each field is in SQL from ./types.ts and reusing
 * the executor's own filter and count builders for root lists (src/graphql/types/filters.ts,
 * src/graphql/connections/), so both paths read the same rows by the same access paths.
 * Connections page as the Drizzle plugin does (first/after, last/before, keyset cursors,
 * pageInfo), with the executor's cursors (src/graphql/connections/cursors.ts). `search` ranks
 * with the executor's own SQL (src/graphql/types/search.ts `searchSql`); what only JavaScript
 * writes exactly (full-precision scores, highlights) is marked for the plugin to finish.
 *
 * Whatever it does not cover throws `Unsupported` with the reason, and the operation goes
 * through the executor (./plugin.ts): arguments the executor would refuse (bad ids, page sizes,
 * cursors, filters), other fields computed in JavaScript, `facets`, nesting past SQLite's
 * parser.
 */
import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getVariableValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  isObjectType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { sql as dsql, type SQL } from 'drizzle-orm';
import { decodeBase64, decodeCursorChunk } from '@pothos/core';
import { decodeCursor } from '../connections/cursors.ts';
import { articleFilterCount, articleFilterWhere, boundedArticleCount, DEFAULT_COUNT_CAP } from '../connections/articles.ts';
import { pageSizeFor, type PageLimits } from '../connections/page-sizes.ts';
import { countSql, whereSql } from '../connections/totals.ts';
import { lookupWhere } from '../lookups.ts';
import { isRowId } from '../ids.ts';
import { MAX_NODES } from '../builder.ts';
import { organisationsWhere } from '../types/organisation.ts';
import { nameQueryWhere } from '../connections/name-query.ts';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { articleLinkCount, engagementActorCount, engagementWhere } from '../types/filters.ts';
import { searchRequest, searchSql, SEARCH_TYPES, type SearchRequest } from '../types/search.ts';
import { hasSlips } from '../../search/match.ts';
import type { SearchQuery } from '../../search/query.ts';
import { DOC_KIND } from '../../search/index.ts';
import { utf8Hex } from '../connections/cursors.ts';
import { computedMark, exactFloatHex, exactFloatJson, FALLBACK_MARK, floatJson, paragraphsMark, globalIdSql, highlightMark, join, jsonArray, jsonObject, jsonOne, jsonString, jsonValue, literal, MAX_OBJECT_PAIRS, numberText, param, raw, sql, type Frag } from './json-sql.ts';
import { ACTOR_TYPES, articleKeys, articleSpace, engagementKeys, engagementSpace, TYPES, type ConnectionSql, type FieldSql, type SortKey } from './types.ts';

/** Why an operation is not compiled (it goes through the executor). */
export class Unsupported extends Error {}

/**
 * A statement parameter bound per request: the value of variable `name`, a root lookup's `slug`
 * or `uri` that nothing else reads (`lookupKeyVariables`), so one plan serves every value.
 */
export class VariableParam {
  readonly name: string;
  constructor(name: string) {
    this.name = name;
  }
}

/** Root lookups (`lookupWhere`): their `slug` and `uri` are compared with a column and nothing else. */
const LOOKUP_FIELDS = new Set(['article', 'person', 'organisation', 'place', 'engagement']);

/**
 * The variables of `document` whose every use is the `slug` or `uri` argument of a root lookup
 * (`article(slug: $slug)`). Such a value is only compared with a column: nothing refuses it and
 * no SQL depends on it, so a plan compiled for one string serves every string (the plan cache
 * keys these variables by their type, not their value: ./plugin.ts).
 */
export function lookupKeyVariables(schema: GraphQLSchema, document: DocumentNode): Set<string> {
  const uses = new Map<string, number>();
  const keyUses = new Map<string, number>();
  const typeInfo = new TypeInfo(schema);
  const query = schema.getQueryType();
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Variable(node, key, parent) {
        // The declaration `$slug: String!` is not a use.
        if ((parent as { kind?: string } | undefined)?.kind === Kind.VARIABLE_DEFINITION) return;
        const name = node.name.value;
        uses.set(name, (uses.get(name) ?? 0) + 1);
        const argument = parent as { kind?: string; name?: { value: string } } | undefined;
        const isKey =
          key === 'value' &&
          argument?.kind === Kind.ARGUMENT &&
          (argument.name?.value === 'slug' || argument.name?.value === 'uri') &&
          typeInfo.getParentType() === query &&
          LOOKUP_FIELDS.has(typeInfo.getFieldDef()?.name ?? '') &&
          getNamedType(typeInfo.getInputType())?.name === 'String';
        if (isKey) keyUses.set(name, (keyUses.get(name) ?? 0) + 1);
      },
    }),
  );
  return new Set([...keyUses].filter(([name, n]) => uses.get(name) === n).map(([name]) => name));
}

/** Renders a Drizzle SQL object (filters and counts reused from the executor) to text and parameters. */
export type RenderSql = (fragment: SQL) => { sql: string; params: unknown[] };

/**
 * A compiled operation: one statement, whose value is the response `{"data":…}`, its parameters, and
 * the parsed query of each search field (by index: its highlights' words); `text`, when the answer
 * is constant (only literals: an empty search, `nodes(ids: [])`), is the response itself, and no
 * statement runs (as the executor runs none).
 */
export interface CompiledRead {
  sql: string;
  params: unknown[];
  searches?: SearchQuery[];
  text?: string;
  /** Some parameters are `VariableParam`s, bound per request. */
  bound?: boolean;
  /** The computed fields marked in the text (by index): each one's function and the selection to write. */
  computed?: ComputedField[];
}

/** A field the plugin computes in JavaScript (a `computed` FieldSql): its function's name and the selection to write of its value. */
export interface ComputedField {
  name: 'extraction';
  projection: Projection;
}

/**
 * The selection on a plain value (objects and lists of objects, no arguments): per response key,
 * the value's property (`field`) and the projection of its own selection (null for a leaf), or a
 * constant `typename` for `__typename`.
 */
export type Projection = { key: string; field: string; typename?: string; sub: Projection | null }[];

/**
 * Fields envelop's response cache adds to a document for its entity tags (and strips from the
 * answer): `__responseCacheTypeName: __typename`, `__responseCacheId: id`.
 */
const RESPONSE_CACHE_FIELDS: Record<string, string> = { __responseCacheTypeName: '__typename', __responseCacheId: 'id' };

/**
 * Compile one operation of a validated document.
 * @param variables the request's variables as sent (coerced here as the executor does)
 * @param responseCache the response cache plugin is on (see RESPONSE_CACHE_FIELDS)
 * @param lookupKeys variables (of `lookupKeyVariables`, given as strings) bound per request: their
 *   parameters are `VariableParam`s
 * @returns the statement
 * @throws Unsupported with the reason when the operation has parts the compiler does not cover
 */
export function compileRead(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  limits: PageLimits,
  render: RenderSql,
  responseCache = false,
  lookupKeys: ReadonlySet<string> = new Set(),
): CompiledRead {
  const operation = pickOperation(document, operationName);
  if (operation.operation !== 'query') throw new Unsupported(`a ${operation.operation}`);
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) throw new Unsupported('variables the executor refuses');
  const compiler = new ReadCompiler(schema, document, coerced.coerced, limits, render, responseCache, lookupKeys);
  // The whole response, not only `data`: the answer then leaves as the one flat string SQLite wrote
  // (a concatenation in JavaScript is copied again when yoga measures and encodes it).
  const statement = sql`select '{"data":' || ${compiler.root(schema.getQueryType()!, operation.selectionSet)} || '}'`;
  if (parenthesisDepth(statement.sql) > MAX_PARENTHESIS_DEPTH) throw new Unsupported('nesting deeper than SQLite parses in one statement');
  const text = constantText(statement);
  const bound = statement.params.some((p) => p instanceof VariableParam);
  return {
    sql: statement.sql,
    params: statement.params,
    ...(compiler.searches.length ? { searches: compiler.searches } : {}),
    ...(text !== null ? { text } : {}),
    ...(bound ? { bound } : {}),
    ...(compiler.computed.length ? { computed: compiler.computed } : {}),
  };
}

/** A statement of string literals only (`select '…' || '…'`): its value; else null. */
const CONSTANT = /^select '(?:[^']|'')*'(?: \|\| '(?:[^']|'')*')*$/;

function constantText(statement: Frag): string | null {
  if (statement.params.length > 0 || !CONSTANT.test(statement.sql)) return null;
  return [...statement.sql.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]!.replaceAll("''", "'")).join('');
}

/**
 * The deepest parenthesis nesting of our statements SQLite's parser stack takes (measured over
 * the test, catalogue and generated queries: up to 16 parsed, 17 did not).
 * Deeper plans go through the executor rather than cost a failed statement; a plan the parser
 * refuses anyway (a parenthesis count only approximates its stack) is remembered (./plugin.ts).
 */
const MAX_PARENTHESIS_DEPTH = 16;

function parenthesisDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let quoted = false;
  // By UTF-16 code unit (a statement is a few KB, compiled once per plan): ' ( ) are ASCII.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 39) quoted = !quoted;
    else if (quoted) continue;
    else if (c === 40) {
      if (++depth > max) max = depth;
    } else if (c === 41) depth--;
  }
  return max;
}

function pickOperation(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation) throw new Unsupported('no single operation to run');
  return operation;
}

/** The fields of one response object: response key → the field nodes merged under it. */
type Collected = Map<string, FieldNode[]>;

class ReadCompiler {
  readonly #fragments: Map<string, FragmentDefinitionNode>;
  #aliases = 0;

  readonly schema: GraphQLSchema;
  readonly variables: Record<string, unknown>;
  readonly limits: PageLimits;
  readonly render: RenderSql;
  /** The response cache is on: the fields it adds to documents are left out (it strips them from executed answers). */
  readonly responseCache: boolean;
  /** The parsed query of each search field compiled, for the plugin's highlights (`highlightMark`). */
  readonly searches: SearchQuery[] = [];
  /** The computed fields marked (`computedMark`), by index. */
  readonly computed: ComputedField[] = [];
  /** Variables bound per request (`VariableParam`). */
  readonly lookupKeys: ReadonlySet<string>;

  constructor(
    schema: GraphQLSchema,
    document: DocumentNode,
    variables: Record<string, unknown>,
    limits: PageLimits,
    render: RenderSql,
    responseCache: boolean,
    lookupKeys: ReadonlySet<string>,
  ) {
    this.lookupKeys = lookupKeys;
    this.responseCache = responseCache;
    this.schema = schema;
    this.variables = variables;
    this.limits = limits;
    this.render = render;
    this.#fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  }

  /** A fresh table alias (the executor's filters use short names: l, a0, o; these never clash). */
  alias(): string {
    return `g${++this.#aliases}`;
  }

  /** The `data` object: each root field a sub-query. */
  root(query: GraphQLObjectType, selectionSet: SelectionSetNode): Frag {
    const fields = this.collect(query, [selectionSet]);
    if ([...fields.values()].every((nodes) => nodes[0]!.name.value === '__typename')) throw new Unsupported('nothing to read');
    const pairs: [string, Frag][] = [];
    for (const [key, nodes] of fields) {
      const name = nodes[0]!.name.value;
      if (name === '__typename') {
        pairs.push([key, jsonString(query.name)]);
        continue;
      }
      const def = query.getFields()[name];
      if (!def) throw new Unsupported(`Query.${name}`);
      pairs.push([key, this.rootField(def, nodes)]);
    }
    return this.object(pairs);
  }

  /** The JSON object of the pairs (at most MAX_OBJECT_PAIRS). */
  object(pairs: [string, Frag][]): Frag {
    if (pairs.length > MAX_OBJECT_PAIRS) throw new Unsupported(`more than ${MAX_OBJECT_PAIRS} fields in one object`);
    return jsonObject(pairs);
  }

  /** The arguments of a field as the executor coerces them. */
  args(def: GraphQLField<unknown, unknown>, node: FieldNode): Record<string, unknown> {
    try {
      return getArgumentValues(def, node, this.variables);
    } catch {
      throw new Unsupported('arguments the executor refuses');
    }
  }

  /**
   * Collect the fields of `selectionSets` for an object of concrete type `type`, in the order
   * graphql-js gives them (first appearance), honouring @skip / @include and type conditions.
   */
  collect(type: GraphQLObjectType, selectionSets: readonly SelectionSetNode[]): Collected {
    const fields: Collected = new Map();
    const visited = new Set<string>();
    const visit = (set: SelectionSetNode) => {
      for (const s of set.selections) {
        if (!this.included(s)) continue;
        if (s.kind === Kind.FIELD) {
          const key = s.alias?.value ?? s.name.value;
          if (this.responseCache && RESPONSE_CACHE_FIELDS[key] === s.name.value) continue;
          const list = fields.get(key);
          if (list) list.push(s);
          else fields.set(key, [s]);
        } else if (s.kind === Kind.INLINE_FRAGMENT) {
          if (!s.typeCondition || this.applies(s.typeCondition.name.value, type)) visit(s.selectionSet);
        } else {
          const name = s.name.value;
          if (visited.has(name)) continue;
          visited.add(name);
          const fragment = this.#fragments.get(name);
          if (fragment && this.applies(fragment.typeCondition.name.value, type)) visit(fragment.selectionSet);
        }
      }
    };
    for (const set of selectionSets) visit(set);
    return fields;
  }

  included(node: { directives?: readonly unknown[] }): boolean {
    if (!node.directives?.length) return true;
    const n = node as Parameters<typeof getDirectiveValues>[1];
    if (getDirectiveValues(GraphQLSkipDirective, n, this.variables)?.if === true) return false;
    return getDirectiveValues(GraphQLIncludeDirective, n, this.variables)?.if !== false;
  }

  applies(condition: string, type: GraphQLObjectType): boolean {
    if (condition === type.name) return true;
    const conditionType = this.schema.getType(condition);
    return !!conditionType && isAbstractType(conditionType) && this.schema.isSubType(conditionType, type);
  }

  /** The JSON object of a row `r` of object type `typeName`, for the merged selection sets. */
  objectOf(typeName: string, r: string, selectionSets: readonly SelectionSetNode[]): Frag {
    const type = this.schema.getType(typeName);
    const rows = TYPES[typeName];
    if (!type || !isObjectType(type) || !rows) throw new Unsupported(`type ${typeName}`);
    const pairs: [string, Frag][] = [];
    for (const [key, nodes] of this.collect(type, selectionSets)) {
      const name = nodes[0]!.name.value;
      if (name === '__typename') {
        pairs.push([key, jsonString(typeName)]);
        continue;
      }
      const field = rows.fields[name];
      const def = type.getFields()[name];
      if (!field || !def) throw new Unsupported(`${typeName}.${name}`);
      pairs.push([key, this.field(typeName, r, field, def, nodes)]);
    }
    return this.object(pairs);
  }

  /** Sub-selections of merged field nodes. */
  subs(nodes: FieldNode[]): SelectionSetNode[] {
    return nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
  }

  field(typeName: string, r: string, field: FieldSql, def: GraphQLField<unknown, unknown>, nodes: FieldNode[]): Frag {
    const args = this.args(def, nodes[0]!);
    if (field.kind !== 'connection' && field.kind !== 'engagedWith' && Object.values(args).some((v) => v !== undefined)) throw new Unsupported(`${typeName}.${def.name} with arguments`);
    switch (field.kind) {
      case 'scalar': {
        const expr = raw(field.expr(r));
        switch (field.form) {
          case 'float':
            return floatJson(expr);
          case 'decimalFloat':
            return floatJson(expr, true);
          case 'paragraphs':
            return paragraphsMark(expr);
          default:
            return jsonValue(expr);
        }
      }
      case 'id':
        return globalIdSql(field.typename, raw(`${r}.id`));
      case 'one': {
        const t = this.alias();
        return jsonOne(sql`select ${this.objectOf(field.type, t, this.subs(nodes))} from ${field.table} ${t} where ${field.where(t, r)}`);
      }
      case 'list': {
        const t = this.alias();
        return jsonArray(this.objectOf(field.type, t, this.subs(nodes)), field.order(t), field.from(t, r));
      }
      case 'strings':
        return jsonArray(jsonValue(field.value), field.order, field.from(r));
      case 'actor':
        return this.actor(field.person(r), field.organisation(r), this.subs(nodes));
      case 'partialDate':
        return this.partialDate(r, field.prefix, this.subs(nodes));
      case 'connection':
        return this.nestedConnection(r, field.connection, def, args, nodes);
      case 'engagedWith':
        return this.engagedWith(r, field.owner, def, args, nodes);
      case 'computed': {
        this.computed.push({ name: field.name, projection: this.projection(getNamedType(def.type), nodes) ?? [] });
        return computedMark(this.computed.length - 1, field.inputs(r).map(raw));
      }
    }
  }

  /** The selection on a computed field's value (`Projection`); null for a scalar or an enum. */
  projection(type: ReturnType<typeof getNamedType>, nodes: FieldNode[]): Projection | null {
    if (!isObjectType(type)) {
      if (isAbstractType(type)) throw new Unsupported(`a computed ${type.name}`);
      return null;
    }
    const out: Projection = [];
    for (const [key, fieldNodes] of this.collect(type, this.subs(nodes))) {
      const name = fieldNodes[0]!.name.value;
      if (name === '__typename') {
        out.push({ key, field: name, typename: type.name, sub: null });
        continue;
      }
      const def = type.getFields()[name];
      if (!def) throw new Unsupported(`${type.name}.${name}`);
      if (Object.values(this.args(def, fieldNodes[0]!)).some((v) => v !== undefined)) throw new Unsupported(`${type.name}.${name} with arguments`);
      out.push({ key, field: name, sub: this.projection(getNamedType(def.type), fieldNodes) });
    }
    return out;
  }

  /** A Person or an Organisation by its two foreign keys (null when neither is set). */
  actor(personId: string, organisationId: string, selectionSets: SelectionSetNode[]): Frag {
    const [person, organisation] = ACTOR_TYPES.map((typeName) => {
      const t = this.alias();
      return sql`(select ${this.objectOf(typeName, t, selectionSets)} from ${TYPES[typeName]!.table} ${t} where ${t}.id = ${personIdOr(typeName, personId, organisationId)})`;
    });
    return sql`coalesce(${person!}, ${organisation!}, 'null')`;
  }

  /**
   * `engagedWith` (src/graphql/types/actor.ts): the actor's `co_actors` rows, most shared first,
   * ties by the other actor's key, the first page only (`first`, default page size).
   */
  engagedWith(r: string, owner: string, def: GraphQLField<unknown, unknown>, args: Record<string, unknown>, nodes: FieldNode[]): Frag {
    let size: number;
    try {
      size = pageSizeFor(args, this.limits).size;
    } catch {
      throw new Unsupported('a page size the executor refuses');
    }
    const type = getNamedType(def.type) as GraphQLObjectType;
    const pairs: [string, Frag][] = [];
    for (const [key, fieldNodes] of this.collect(type, this.subs(nodes))) {
      const name = fieldNodes[0]!.name.value;
      if (name === '__typename') pairs.push([key, jsonString(type.name)]);
      else if (name === 'count') pairs.push([key, jsonValue('p.shared')]);
      else if (name === 'actor') pairs.push([key, this.actor('p.other_person_id', 'p.other_organisation_id', this.subs(fieldNodes))]);
      else throw new Unsupported(`${type.name}.${name}`);
    }
    const t = this.alias();
    const rows = `select * from co_actors ${t} where ${t}.${owner} = ${r}.id order by ${t}.shared desc, ${t}.other_key asc limit ${size}`;
    return jsonArray(this.object(pairs), 'p.shared desc, p.other_key asc', `from (${rows}) p`);
  }

  /** A PartialDate from `<prefix>_*` columns: null when it has no words, EDTF or bounds (as `partialDateOf`). */
  partialDate(r: string, prefix: string, selectionSets: SelectionSetNode[]): Frag {
    const type = this.schema.getType('PartialDate') as GraphQLObjectType;
    const c = (f: string) => `${r}.${prefix}_${f}`;
    const pairs: [string, Frag][] = [];
    for (const [key, nodes] of this.collect(type, selectionSets)) {
      const name = nodes[0]!.name.value;
      if (name === '__typename') pairs.push([key, jsonString('PartialDate')]);
      else if (name === 'precision') pairs.push([key, jsonValue(`coalesce(${c('precision')}, 'UNKNOWN')`)]);
      else if (['text', 'edtf', 'earliest', 'latest'].includes(name)) pairs.push([key, jsonValue(c(name))]);
      else throw new Unsupported(`PartialDate.${name}`);
    }
    const known = ['text', 'edtf', 'earliest', 'latest'].map((f) => `nullif(${c(f)}, '')`).join(', ');
    return sql`case when coalesce(${known}) is not null then ${this.object(pairs)} else 'null' end`;
  }

  /**
   * A page's size, direction and cursor bounds as the executor checks them (refusals and cursors
   * of another shape go through the executor).
   */
  page(args: Record<string, unknown>, space: string, keys: SortKey[]): Page {
    if (args.first != null && args.last != null) throw new Unsupported('first with last');
    let size: number;
    try {
      size = pageSizeFor(args, this.limits).size;
    } catch {
      throw new Unsupported('a page size the executor refuses');
    }
    if (size === 0) throw new Unsupported('an empty page (first: 0 or last: 0)');
    const bound = (argument: 'after' | 'before') => {
      if (args[argument] == null) return { values: null, inner: null };
      let inner: string;
      let values: unknown;
      try {
        inner = decodeCursor(space, String(args[argument]), argument);
        values = decodeCursorChunk(decodeBase64(inner).slice('DC:'.length));
      } catch {
        throw new Unsupported('a cursor the executor refuses');
      }
      const list = Array.isArray(values) ? values : [values];
      const fits = list.length === keys.length && list.every((v, i) => (keys[i]!.kind === 'S' ? typeof v === 'string' : typeof v === 'number'));
      if (!fits) throw new Unsupported('a cursor of another shape');
      return { values: list, inner };
    };
    const after = bound('after');
    const before = bound('before');
    return { size, backward: args.first == null && args.last != null, after: after.values, before: before.values, inner: after.inner };
  }

  /**
   * A connection's JSON in its selection's key order: `totalCount`, `edges` (node, cursor, rel,
   * relevance), `pageInfo` (first page or after a cursor), `__typename`.
   * @param page its FROM … WHERE … clause (row alias `t`, link alias `l`), sort keys, size and cursor
   * @param edge builds an edge's link fields (rel, relevance) or null
   */
  connection(
    def: GraphQLField<unknown, unknown>,
    nodes: FieldNode[],
    node: { type: string; t: string; l: string },
    page: { from: Frag; keys: SortKey[]; space: string } & Page,
    count: () => Frag,
    edge?: { rel: (l: string) => string; relevance: (l: string) => string },
    bounded?: { count: Frag; cap: number },
  ): Frag {
    const connectionType = getNamedType(def.type) as GraphQLObjectType;
    // The list's order, and the order rows are read in: reversed for a backward page (last), whose
    // rows are then given in the list's order, as the Drizzle plugin does.
    const read = orderSql(page.keys, page.backward);
    const bounds = [page.after ? keyset(page.keys, page.after, false) : null, page.before ? keyset(page.keys, page.before, true) : null].filter((b) => b !== null);
    const from = bounds.length ? join([page.from, ...bounds.flatMap((b) => [' and ', b])]) : page.from;
    const cursor = cursorParts(page.space, page.keys);
    const pairs: [string, Frag][] = [];
    for (const [key, fieldNodes] of this.collect(connectionType, this.subs(nodes))) {
      const name = fieldNodes[0]!.name.value;
      if (name === '__typename') pairs.push([key, jsonString(connectionType.name)]);
      // A count sub-query is an integer, never NULL: its digits are its JSON.
      else if (name === 'totalCount') pairs.push([key, count()]);
      else if (name === 'pageInfo') pairs.push([key, this.pageInfo(connectionType, fieldNodes, from, read, cursor, page)]);
      else if (name === 'boundedCount') pairs.push([key, this.boundedCount(connectionType, fieldNodes, nodes, from, page, count, bounded)]);
      else if (name === 'edges') {
        const edgeType = getNamedType(connectionType.getFields().edges!.type) as GraphQLObjectType;
        const edgePairs: [string, Frag][] = [];
        for (const [edgeKey, edgeNodes] of this.collect(edgeType, this.subs(fieldNodes))) {
          const edgeField = edgeNodes[0]!.name.value;
          if (edgeField === '__typename') edgePairs.push([edgeKey, jsonString(edgeType.name)]);
          else if (edgeField === 'node') edgePairs.push([edgeKey, this.objectOf(node.type, node.t, this.subs(edgeNodes))]);
          else if (edgeField === 'cursor') edgePairs.push([edgeKey, CURSOR]);
          else if (edgeField === 'rel') edgePairs.push([edgeKey, edge ? jsonValue(edge.rel('p')) : literal('null')]);
          else if (edgeField === 'relevance') edgePairs.push([edgeKey, edge ? floatJson(raw(edge.relevance('p'))) : literal('null')]);
          else throw new Unsupported(`${edgeType.name}.${edgeField}`);
        }
        // The page's rows are read (in reading order, limited) in a derived table `p` that holds
        // their rowid, link columns and sort keys; the edges are built over it, joined back to the
        // node table, and aggregated in the list's order. The node's own sub-queries then sit one
        // level below the connection (a derived table in FROM is off their path), which keeps
        // deep selections within SQLite's parser stack, and the rows are read once.
        const link = edge ? `, ${node.l}.rel as rel, ${node.l}.relevance as relevance` : '';
        const keyColumns = page.keys.map((k, i) => `${k.expr} as k${i}_`).join(', ');
        const rows = sql`select ${node.t}.rowid as r_${link}, ${keyColumns} ${from} order by ${read} limit ${String(page.size)}`;
        const pageKeys = page.keys.map((k, i) => ({ ...k, expr: `p.k${i}_` }));
        const edgeObject = this.object(edgePairs.map(([k, v]) => [k, v === CURSOR ? raw(cursorSql(page.space, pageKeys)) : v]));
        const table = TYPES[node.type]!.table;
        pairs.push([key, jsonArray(edgeObject, orderSql(pageKeys, false), sql`from (${rows}) p join ${table} ${node.t} on ${node.t}.rowid = p.r_`)]);
      } else throw new Unsupported(`${connectionType.name}.${name}`);
    }
    return this.object(pairs);
  }

  /**
   * PageInfo of a forward page, as the Drizzle plugin computes it: the page is read with one row
   * more, `hasNextPage` when that row exists, `hasPreviousPage` when the page is after a cursor,
   * and the first and last edges' cursors (null on an empty page).
   */
  pageInfo(connectionType: GraphQLObjectType, nodes: FieldNode[], from: Frag, read: string, cursor: { text: string; bad: string | null }, page: Page): Frag {
    const type = getNamedType(connectionType.getFields().pageInfo!.type) as GraphQLObjectType;
    const size = page.size;
    // Over the rows read (one more than the page, in reading order): n, and their cursors cs.
    const full = `n > ${size}`;
    // wrapConnectionResult (@pothos/plugin-drizzle): hasNextPage / hasPreviousPage.
    const hasNext = page.before ? `'true'` : page.backward ? `'false'` : `iif(${full}, 'true', 'false')`;
    const hasPrevious = page.after ? `'true'` : page.backward ? `iif(${full}, 'true', 'false')` : `'false'`;
    // The page's rows are the first min(n, size) read; a backward page gives them reversed.
    const at = (position: 'first' | 'last') => {
      const index = (position === 'first') !== page.backward ? '0' : `min(n, ${size}) - 1`;
      const pick = `json_quote(json_extract(cs, '$[' || (${index}) || ']'))`;
      return `case when n = 0 then 'null'${cursor.bad ? ` when bad then char(1) || 'fallback' || char(1)` : ''} else ${pick} end`;
    };
    const pairs: [string, Frag][] = [];
    for (const [key, fieldNodes] of this.collect(type, this.subs(nodes))) {
      const name = fieldNodes[0]!.name.value;
      if (name === '__typename') pairs.push([key, jsonString(type.name)]);
      else if (name === 'hasNextPage') pairs.push([key, raw(hasNext)]);
      else if (name === 'hasPreviousPage') pairs.push([key, raw(hasPrevious)]);
      else if (name === 'startCursor') pairs.push([key, raw(at('first'))]);
      else if (name === 'endCursor') pairs.push([key, raw(at('last'))]);
      else throw new Unsupported(`${type.name}.${name}`);
    }
    const rows = sql`select ${cursor.text} as c, ${cursor.bad ?? '0'} as b, row_number() over (order by ${read}) as rn ${from} order by ${read} limit ${String(size + 1)}`;
    return sql`(select ${this.object(pairs)} from (select count(*) as n, json_group_array(c order by rn) as cs, max(b) as bad from (${rows})))`;
  }

  /**
   * `ArticleConnection.boundedCount` as the executor gives it (src/graphql/connections/articles.ts):
   * on Query.articles the filtered set counted up to the cap, `exact` when within it (0 on an empty
   * page without a cursor, null on an empty page after one); on a nested list the exact totalCount,
   * only when totalCount is selected too (else null).
   */
  boundedCount(
    connectionType: GraphQLObjectType,
    nodes: FieldNode[],
    connectionNodes: FieldNode[],
    from: Frag,
    page: Page,
    count: () => Frag,
    bounded?: { count: Frag; cap: number },
  ): Frag {
    const type = getNamedType(connectionType.getFields().boundedCount!.type) as GraphQLObjectType;
    const object = (n: Frag, exact: Frag) => {
      const pairs: [string, Frag][] = [];
      for (const [key, fieldNodes] of this.collect(type, this.subs(nodes))) {
        const name = fieldNodes[0]!.name.value;
        if (name === '__typename') pairs.push([key, jsonString(type.name)]);
        else if (name === 'count') pairs.push([key, n]);
        else if (name === 'exact') pairs.push([key, exact]);
        else throw new Unsupported(`${type.name}.${name}`);
      }
      return this.object(pairs);
    };
    if (!bounded) {
      const totalSelected = [...this.collect(connectionType, this.subs(connectionNodes)).values()].some((f) => f[0]!.name.value === 'totalCount');
      return totalSelected ? object(count(), raw(`'true'`)) : literal('null');
    }
    const n = bounded.count;
    const counted = object(sql`min(${n}, ${String(bounded.cap)})`, sql`iif(${n} <= ${String(bounded.cap)}, 'true', 'false')`);
    const cursor = page.after || page.before;
    return sql`case when exists (select 1 ${from}) then ${counted} else ${cursor ? literal('null') : object(raw('0'), raw(`'true'`))} end`;
  }

  nestedConnection(r: string, c: ConnectionSql, def: GraphQLField<unknown, unknown>, args: Record<string, unknown>, nodes: FieldNode[]): Frag {
    for (const [name, value] of Object.entries(args)) {
      if (value == null || ['first', 'after', 'before', 'last'].includes(name)) continue;
      if (!c.args?.includes(name)) throw new Unsupported(`${def.name}(${name})`);
    }
    // A filtered list names its rows by the bare table name, as the executor's filter SQL does
    // (whereSql); the parent is always an alias, so the names never mix.
    const filtered = args.filter != null;
    const t = filtered ? c.table : this.alias();
    const l = this.alias();
    const orderBy = typeof args.orderBy === 'string' ? args.orderBy : null;
    const keys = c.keys(t, l, orderBy);
    const space = c.space(orderBy);
    const page = this.page(args, space, keys);
    const rel = typeof args.rel === 'string' ? args.rel : null;
    const conditions: Frag[] = [];
    if (rel) conditions.push(sql` and ${l}.rel = ${param(rel)}`);
    if (filtered) conditions.push(sql` and ${this.nestedFilter(c, args.filter)}`);
    const from = join([c.from(t, l, r), ...conditions]);
    const count = () => (rel || filtered ? sql`(select count(*) ${from})` : raw(c.count(r)));
    return this.connection(def, nodes, { type: c.node, t, l }, { from, keys, space, ...page }, count, c.edge);
  }

  /** A nested list's filter as the executor builds it (articleConnectionQuery, engagementConnectionQuery). */
  nestedFilter(c: ConnectionSql, filter: unknown): Frag {
    let where: SQL | undefined;
    try {
      where =
        c.node === 'Article'
          ? whereSql('articles', articleFilterWhere(filter as Parameters<typeof articleFilterWhere>[0]))
          : whereSql('engagements', engagementWhere(filter as Parameters<typeof engagementWhere>[0]));
    } catch {
      throw new Unsupported('a filter the executor refuses');
    }
    if (!where) return raw('1');
    const rendered = this.render(where);
    return { sql: `(${rendered.sql})`, params: rendered.params };
  }

  /** A root field: a lookup (article, person, …) or a root list (articles, engagements). */
  rootField(def: GraphQLField<unknown, unknown>, nodes: FieldNode[]): Frag {
    const args = this.args(def, nodes[0]!);
    switch (def.name) {
      case 'article':
        return this.lookup('Article', args, this.subs(nodes), nodes[0]!);
      case 'person':
        return this.lookup('Person', args, this.subs(nodes), nodes[0]!);
      case 'organisation':
        return this.lookup('Organisation', args, this.subs(nodes), nodes[0]!);
      case 'place':
        return this.lookup('Place', args, this.subs(nodes), nodes[0]!);
      case 'engagement':
        return this.lookup('Engagement', args, this.subs(nodes), nodes[0]!);
      case 'articles':
        return this.rootArticles(def, args, nodes);
      case 'engagements':
        return this.rootEngagements(def, args, nodes);
      case 'search':
        return this.search(def, args, nodes);
      case 'people':
        return this.rootEntities(def, args, nodes, 'Person', 'people', 'person_id');
      case 'organisations':
        return this.rootEntities(def, args, nodes, 'Organisation', 'organisations', 'organisation_id');
      case 'places':
        return this.rootEntities(def, args, nodes, 'Place', 'places', 'place_id');
      case 'node':
        return this.node(args.id, this.subs(nodes));
      case 'nodes': {
        const ids = args.ids as unknown[];
        if (!Array.isArray(ids) || ids.length > MAX_NODES) throw new Unsupported('ids the executor refuses');
        if (ids.length === 0) return literal('[]');
        return join([literal('['), ' || ', join(ids.map((id) => this.node(id, this.subs(nodes))), ` || ',' || `), ' || ', literal(']')]);
      }
      default:
        throw new Unsupported(`Query.${def.name}`);
    }
  }

  /** A root lookup by id, slug or uri (`lookupWhere`, as the executor): one row or null. */
  lookup(typeName: 'Article' | 'Person' | 'Organisation' | 'Place' | 'Engagement', args: Record<string, unknown>, selection: SelectionSetNode[], node: FieldNode): Frag {
    let where: { id?: number; slug?: string; uri?: string } | null;
    try {
      where = lookupWhere(typeName, args as { id?: string; slug?: string; uri?: string });
    } catch {
      throw new Unsupported('lookup arguments the executor refuses');
    }
    if (!where) {
      // An id of another type names nothing, but the executor still builds the selection and
      // refuses its bad arguments (a nested cursor): compiled for those refusals only.
      this.objectOf(typeName, this.alias(), selection);
      return literal('null');
    }
    const [column, value] = Object.entries(where)[0]!;
    // A slug or uri from a lookup-key variable is bound per request: the plan serves every value.
    const given = node.arguments?.find((a) => a.name.value === column)?.value;
    const bound = given?.kind === Kind.VARIABLE && typeof value === 'string' && this.lookupKeys.has(given.name.value) ? new VariableParam(given.name.value) : value;
    const t = this.alias();
    return jsonOne(sql`select ${this.objectOf(typeName, t, selection)} from ${TYPES[typeName]!.table} ${t} where ${t}.${column} = ${param(bound)}`);
  }

  rootArticles(def: GraphQLField<unknown, unknown>, args: Record<string, unknown>, nodes: FieldNode[]): Frag {
    const filter = (args.filter ?? null) as Parameters<typeof articleFilterWhere>[0];
    const order = (args.orderBy ?? 'PUBLISHED_DESC') as 'PUBLISHED_DESC' | 'PUBLISHED_ASC' | 'HEADLINE_ASC';
    const t = 'articles';
    const keys = articleKeys(t, null, order);
    const space = articleSpace(order);
    const page = this.page(args, space, keys);
    let pageWhere: SQL | undefined;
    let count: () => Frag;
    let bounded: { count: Frag; cap: number };
    try {
      const cap = (this.limits as { countCap?: number }).countCap ?? DEFAULT_COUNT_CAP;
      const boundedSql = this.render(boundedArticleCount(filter, cap));
      bounded = { count: { sql: boundedSql.sql, params: boundedSql.params }, cap };
      // As Query.articles' resolver: a forward page may be cut to its rows inside the filter.
      const forward = !page.before && !page.backward;
      pageWhere = whereSql('articles', forward ? articleFilterWhere(filter, { rows: page.size + 1, order, after: page.inner }) : articleFilterWhere(filter));
      const counted = articleLinkCount(filter) ?? articleFilterCount(filter) ?? countSql('articles', articleFilterWhere(filter));
      const rendered = this.render(counted);
      count = () => ({ sql: rendered.sql, params: [...rendered.params] });
    } catch {
      throw new Unsupported('a filter the executor refuses');
    }
    return this.connection(def, nodes, { type: 'Article', t, l: t }, { from: this.rootFrom('articles', pageWhere), keys, space, ...page }, count, undefined, bounded);
  }

  rootEngagements(def: GraphQLField<unknown, unknown>, args: Record<string, unknown>, nodes: FieldNode[]): Frag {
    const filter = (args.filter ?? null) as Parameters<typeof engagementWhere>[0];
    const order = (args.orderBy ?? 'DATE_DESC') as 'DATE_DESC' | 'DATE_ASC';
    const t = 'engagements';
    const keys = engagementKeys(t, null, order);
    const space = engagementSpace(order);
    const page = this.page(args, space, keys);
    let pageWhere: SQL | undefined;
    let count: () => Frag;
    try {
      // As Query.engagements' resolver: only a first page is cut to its rows.
      const firstPage = !page.after && !page.before && !page.backward;
      pageWhere = whereSql('engagements', firstPage ? engagementWhere(filter, { rows: page.size + 1, order }) : engagementWhere(filter));
      const counted = engagementActorCount(filter) ?? countSql('engagements', engagementWhere(filter));
      const rendered = this.render(counted);
      count = () => ({ sql: rendered.sql, params: [...rendered.params] });
    } catch {
      throw new Unsupported('a filter the executor refuses');
    }
    return this.connection(def, nodes, { type: 'Engagement', t, l: t }, { from: this.rootFrom('engagements', pageWhere), keys, space, ...page }, count);
  }

  /**
   * `Query.node`: the object a global id names, null when it names nothing here (another kind,
   * a non-canonical number, no such row), as the executor's node resolver answers.
   */
  node(id: unknown, selection: SelectionSetNode[]): Frag {
    let decoded: { typename: string; id: string };
    try {
      decoded = decodeGlobalID(String(id));
    } catch {
      throw new Unsupported('an id the executor refuses');
    }
    if (!isRowId(decoded)) return literal('null');
    const rows = TYPES[decoded.typename];
    if (!rows || rows.fields.id?.kind !== 'id') throw new Unsupported(`node of type ${decoded.typename}`);
    const t = this.alias();
    return jsonOne(sql`select ${this.objectOf(decoded.typename, t, selection)} from ${rows.table} ${t} where ${t}.id = ${param(Number(decoded.id))}`);
  }

  /**
   * `Query.people`, `organisations`, `places` (src/graphql/types/entity-roots.ts): the name query
   * (and organisation kinds) in name order; the count over the same filter.
   */
  rootEntities(
    def: GraphQLField<unknown, unknown>,
    args: Record<string, unknown>,
    nodes: FieldNode[],
    typename: 'Person' | 'Organisation' | 'Place',
    table: 'people' | 'organisations' | 'places',
    owner: 'person_id' | 'organisation_id' | 'place_id',
  ): Frag {
    const orderBy = (args.orderBy ?? 'NAME_ASC') as string;
    const dir = orderBy === 'NAME_DESC' ? 'desc' : 'asc';
    const keys: SortKey[] = [
      { expr: `${table}.name`, dir, kind: 'S' },
      { expr: `${table}.id`, dir, kind: 'N' },
    ];
    const space = `${typename}:${orderBy}`;
    const page = this.page(args, space, keys);
    let where: SQL | undefined;
    try {
      // The `where` each root field's resolver builds (entity-roots.ts `where`).
      const filter =
        table === 'organisations'
          ? organisationsWhere(args as Parameters<typeof organisationsWhere>[0])
          : (nameQueryWhere(args.query as string | null | undefined, owner) ?? {});
      where = whereSql(table, filter);
      const rendered = this.render(countSql(table, filter));
      const count = () => ({ sql: rendered.sql, params: [...rendered.params] });
      return this.connection(def, nodes, { type: typename, t: table, l: table }, { from: this.rootFrom(table, where), keys, space, ...page }, count);
    } catch (err) {
      if (err instanceof Unsupported) throw err;
      throw new Unsupported('arguments the executor refuses');
    }
  }

  /**
   * `Query.search` (src/graphql/types/search.ts), from the executor's own SQL (`searchSql`): the
   * ranked page (one row past it) is read once into `pg` (key, kind, score, reading position),
   * and the connection is written over it: each node by its kind's table (the union's fragments
   * collected per concrete type), `score` at full precision and the cursor's score as JavaScript
   * writes them (marked values the plugin finishes), `totalCount` the executor's count, pageInfo as
   * the resolver computes it. A query with nothing to search is the executor's empty connection.
   * `highlight` is computed in JavaScript by the plugin, from the hit's title and body and the
   * MATCH expression run (marked values), with the executor's own function.
   */
  search(def: GraphQLField<unknown, unknown>, args: Record<string, unknown>, nodes: FieldNode[]): Frag {
    let request: SearchRequest;
    try {
      request = searchRequest(args as unknown as Parameters<typeof searchRequest>[0], this.limits);
    } catch {
      throw new Unsupported('arguments the executor refuses');
    }
    const { size, backward, parsed, types } = request;
    if (size === 0) throw new Unsupported('an empty page (first: 0 or last: 0)');
    const connectionType = getNamedType(def.type) as GraphQLObjectType;
    const edgeType = getNamedType(connectionType.getFields().edges!.type) as GraphQLObjectType;
    const pageInfoType = getNamedType(connectionType.getFields().pageInfo!.type) as GraphQLObjectType;
    // The page's rows, read once; named by the CTE itself where read (a plan shows its scans as the CTE's).
    const p = `${this.alias()}pg`;
    // The cursor: "ng2." + hex("Search:RELEVANCE|" + encodeCursorTuple([score, key])), the score's text by the plugin.
    const prefix = utf8Hex(`Search:RELEVANCE|T:["N:`);
    const cursorOf = (r: string) => sql`'"ng2.${prefix}' || ${exactFloatHex(`${r}.s`)} || hex('","N:' || ${r}.k || '"]') || '"'`;
    const position = (edge: 'first' | 'last') => ((edge === 'first') !== backward ? '1' : `min(n, ${size})`);
    const pageInfo = (fieldNodes: FieldNode[], empty: boolean): Frag => {
      const pairs: [string, Frag][] = [];
      for (const [key, infoNodes] of this.collect(pageInfoType, this.subs(fieldNodes))) {
        const name = infoNodes[0]!.name.value;
        if (name === '__typename') pairs.push([key, jsonString(pageInfoType.name)]);
        else if (name === 'hasNextPage') pairs.push([key, raw(empty ? `'false'` : backward ? (args.before != null ? `'true'` : `'false'`) : `iif(n > ${size}, 'true', 'false')`)]);
        else if (name === 'hasPreviousPage') pairs.push([key, raw(empty ? `'false'` : backward ? `iif(n > ${size}, 'true', 'false')` : args.after != null ? `'true'` : `'false'`)]);
        else if (name === 'startCursor' || name === 'endCursor') {
          pairs.push([key, empty ? literal('null') : sql`coalesce((select ${cursorOf(p)} from ${p} where ${p}.rn = ${position(name === 'startCursor' ? 'first' : 'last')}), 'null')`]);
        } else throw new Unsupported(`${pageInfoType.name}.${name}`);
      }
      return this.object(pairs);
    };
    // As the resolver: nothing to search (only punctuation) answers an empty connection, with no SQL of its own.
    if (!parsed) {
      const pairs: [string, Frag][] = [];
      for (const [key, fieldNodes] of this.collect(connectionType, this.subs(nodes))) {
        const name = fieldNodes[0]!.name.value;
        if (name === '__typename') pairs.push([key, jsonString(connectionType.name)]);
        else if (name === 'totalCount') pairs.push([key, literal('0')]);
        else if (name === 'edges') pairs.push([key, literal('[]')]);
        else if (name === 'pageInfo') pairs.push([key, pageInfo(fieldNodes, true)]);
        else throw new Unsupported(`${connectionType.name}.${name}`);
      }
      return this.object(pairs);
    }
    const ranked = searchSql(parsed, types, request);
    const d = { fts: dsql.raw('d.fts'), kind: dsql.raw('d.kind'), key: dsql.raw('d.key') };
    const inPage = ranked.inPage(d);
    const where = inPage ? dsql`${ranked.matches(d)} and ${inPage}` : ranked.matches(d);
    const dir = backward ? dsql.raw('asc') : dsql.raw('desc');
    const back = backward ? dsql.raw('desc') : dsql.raw('asc');
    let highlights = false;
    const pairs: [string, Frag][] = [];
    for (const [key, fieldNodes] of this.collect(connectionType, this.subs(nodes))) {
      const name = fieldNodes[0]!.name.value;
      if (name === '__typename') pairs.push([key, jsonString(connectionType.name)]);
      else if (name === 'totalCount') {
        const total = this.render(ranked.total);
        pairs.push([key, { sql: total.sql, params: total.params }]);
      } else if (name === 'pageInfo') pairs.push([key, pageInfo(fieldNodes, false)]);
      else if (name === 'edges') {
        const edgePairs: [string, Frag][] = [];
        for (const [edgeKey, edgeNodes] of this.collect(edgeType, this.subs(fieldNodes))) {
          const edgeField = edgeNodes[0]!.name.value;
          if (edgeField === '__typename') edgePairs.push([edgeKey, jsonString(edgeType.name)]);
          else if (edgeField === 'cursor') edgePairs.push([edgeKey, cursorOf(p)]);
          else if (edgeField === 'score') edgePairs.push([edgeKey, exactFloatJson(`${p}.s`)]);
          else if (edgeField === 'node') edgePairs.push([edgeKey, this.searchNode(p, types, this.subs(edgeNodes))]);
          else if (edgeField === 'highlight') {
            highlights = true;
            edgePairs.push([edgeKey, highlightMark(this.searches.length, `${p}.ti`, `${p}.bo`, 'matched_')]);
          } else throw new Unsupported(`${edgeType.name}.${edgeField}`);
        }
        pairs.push([key, jsonArray(this.object(edgePairs), `${p}.s desc, ${p}.k asc`, `from ${p} where ${p}.rn <= ${size}`)]);
      } else throw new Unsupported(`${connectionType.name}.${name}`);
    }
    // The hits' texts only for highlights; the MATCH expression run (computed once) only when it may hold slip alternatives.
    const texts = highlights ? dsql`, d.title as ti, d.body as bo` : dsql``;
    const rows = this.render(
      dsql`select k, kd, s${highlights ? dsql`, ti, bo` : dsql``}, row_number() over (order by s ${dir}, k ${back}) as rn from (select d.key as k, d.kind as kd, ${ranked.rank(d)} as s${texts} from search_docs d where ${where} order by s ${dir}, k ${back} limit ${dsql.raw(String(size + 1))})`,
    );
    const matched = highlights && hasSlips(parsed) ? this.render(ranked.match) : null;
    if (highlights) this.searches.push(parsed);
    const outer = highlights ? sql`, ${matched ? { sql: matched.sql, params: matched.params } : 'null'} as matched_` : raw('');
    return sql`(with ${p} as materialized (${{ sql: rows.sql, params: rows.params }}) select ${this.object(pairs)} from (select count(*) as n${outer} from ${p}))`;
  }

  /**
   * A search hit's node (row `p`: key k, kind kd) by its kind's table. A document whose row is
   * gone (the index is kept in sync: never expected) is `FALLBACK_MARK`: the executor answers.
   */
  searchNode(p: string, types: readonly string[] | null, selection: SelectionSetNode[]): Frag {
    const whens = (types ?? Object.keys(SEARCH_TYPES)).map((type) => {
      const typeName = SEARCH_TYPES[type as keyof typeof SEARCH_TYPES]!;
      const t = this.alias();
      const object = sql`(select ${this.objectOf(typeName, t, selection)} from ${TYPES[typeName]!.table} ${t} where ${t}.id = ${p}.k / 8)`;
      return sql` when ${String(DOC_KIND[type as keyof typeof DOC_KIND])} then coalesce(${object}, ${literal(FALLBACK_MARK)})`;
    });
    return sql`case ${p}.kd${join(whens)} else ${literal(FALLBACK_MARK)} end`;
  }

  /** `from <table> [where <filter>]` of a root list: the table unaliased, as the executor's filters name it. */
  rootFrom(table: string, where: SQL | undefined): Frag {
    if (!where) return raw(`from ${table} where 1`);
    const rendered = this.render(where);
    return join([`from ${table} where `, { sql: rendered.sql, params: rendered.params }]);
  }
}

/** Placeholder of an edge's cursor until the page's derived table names the sort keys. */
const CURSOR: Frag = raw('');

/** A page: its size, direction (backward: `last`), the cursors' values, and `after` as the plugin's cursor. */
interface Page {
  size: number;
  backward: boolean;
  after: unknown[] | null;
  before: unknown[] | null;
  inner: string | null;
}

/** ORDER BY terms of `keys`, reversed for reading a backward page. */
function orderSql(keys: SortKey[], reversed: boolean): string {
  return keys.map((k) => `${k.expr} ${(k.dir === 'desc') !== reversed ? 'desc' : 'asc'}`).join(', ');
}

/**
 * The rows after (or, `before`, before) a cursor in the order of `keys` (the executor's keyset
 * condition): k1 beyond v1, or k1 = v1 and k2 beyond v2, and so on.
 */
function keyset(keys: SortKey[], values: unknown[], before: boolean): Frag {
  const terms = keys.map((_k, i) =>
    join(
      keys.slice(0, i + 1).map((k, j) => sql`${k.expr} ${j < i ? '=' : (k.dir === 'desc') !== before ? '<' : '>'} ${param(values[j])}`),
      ' and ',
    ),
  );
  return sql`(${join(terms.map((term) => sql`(${term})`), ' or ')})`;
}

/**
 * A row's cursor as src/graphql/connections/cursors.ts writes it: "ng2." and the hex of
 * "space|T:" + the JSON array of its tagged sort values (@pothos/core `encodeCursorTuple`);
 * `bad`: the condition under which a float key cannot be written as JavaScript does (null when
 * the keys hold no float).
 */
function cursorParts(space: string, keys: SortKey[]): { text: string; bad: string | null } {
  const chunks = keys.map((k) => (k.kind === 'S' ? `'S:' || ${k.expr}` : k.kind === 'N' ? `'N:' || ${k.expr}` : `'N:' || (${numberText(k.expr).sql})`));
  const text = `'ng2.' || hex('${space.replaceAll("'", "''")}|T:' || json_array(${chunks.join(', ')}))`;
  const floats = keys.filter((k) => k.kind === 'F').map((k) => `(${numberText(k.expr).sql}) is null`);
  return { text, bad: floats.length ? floats.join(' or ') : null };
}

/** An edge's cursor as a JSON string, or `FALLBACK_MARK` where it cannot be written (the executor then answers). */
function cursorSql(space: string, keys: SortKey[]): string {
  const { text, bad } = cursorParts(space, keys);
  return bad ? `case when ${bad} then char(1) || 'fallback' || char(1) else json_quote(${text}) end` : `json_quote(${text})`;
}

/** The foreign key of an actor row of `typeName`. */
function personIdOr(typeName: 'Person' | 'Organisation', personId: string, organisationId: string): string {
  return typeName === 'Person' ? personId : organisationId;
}
