/**
 * The compiled read path as an envelop plugin: for a query operation the compiler covers
 * (./compile.ts), run its one statement and hand yoga the JSON text SQLite wrote, unparsed;
 * otherwise (or if the statement fails) execute as usual. Compiled statements are cached per document, operation,
 * variables and page limits, as the statement cache does for the executor's.
 *
 * List it before the response cache plugin: the cache then wraps this execute function, so
 * compiled answers are cached and served like executed ones. Under `x-newsgraph-debug: sql`
 * the answer says which path ran (`extensions.sql.compiled`, and `fallback` with the reason).
 */
import { GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { variablesKey } from '../limits.ts';
import type { Context } from '../builder.ts';
import { compileRead, lookupKeyVariables, Unsupported, VariableParam, type CompiledRead, type ComputedField, type Projection, type RenderSql } from './compile.ts';
import { countReusedSql } from '../../db/client.ts';
import { utf8Hex } from '../connections/cursors.ts';
import { articleParagraphs } from '../types/article.ts';
import { extractionShape } from '../types/extraction.ts';
import { FALLBACK_MARK, MARKED_VALUE, VALUE_MARK } from './json-sql.ts';
import { excerpt, highlightWords } from '../types/search.ts';
import type { QueryWord, SearchQuery } from '../../search/query.ts';

/** Which path answered a request, for the debug extension. */
export interface CompiledReadState {
  compiled: boolean;
  /** Why the executor answered (absent when compiled). */
  fallback?: string;
}

/** The `data` of a compiled answer: the response `{"data":…}` SQLite wrote, serialised as is. */
export class RawJson {
  /** The whole response text, `{"data":` + the data + `}`. */
  readonly response: string;
  constructor(response: string) {
    this.response = response;
  }
  /** The data's JSON text (a slice of the response: not copied). */
  get text(): string {
    return this.response.slice(8, -1);
  }
  /** For serialisers other than the result's own `stringify` (e.g. a cache that stores JSON). */
  toJSON(): unknown {
    return JSON.parse(this.text);
  }
}

/**
 * Serialise an execution result whose `data` may be `RawJson`: `{"data":…,"extensions":…}` in
 * the key order `JSON.stringify` gives an executed result. yoga calls a result's `stringify`.
 * With neither errors nor extensions a compiled answer is SQLite's text itself.
 */
export function stringifyResult(result: ExecutionResult): string {
  if (result.data instanceof RawJson && result.errors === undefined && result.extensions === undefined) return result.data.response;
  const data = result.data instanceof RawJson ? result.data.text : JSON.stringify(result.data);
  let text = `{"data":${data}`;
  if (result.errors !== undefined) text += `,"errors":${JSON.stringify(result.errors)}`;
  if (result.extensions !== undefined) text += `,"extensions":${JSON.stringify(result.extensions)}`;
  return `${text}}`;
}

type Plan = CompiledRead | { unsupported: string };

/**
 * Per-document cache of compiled plans (documents come from yoga's parse cache, so identity is
 * stable), keyed by operation, page limits and variables. A lookup-key variable (`article(slug:
 * $slug)`, `lookupKeyVariables`) given as a string is keyed by its type only: one plan serves
 * every slug, its value bound per request.
 */
class PlanCache {
  readonly #byDocument = new WeakMap<DocumentNode, Map<string, Plan>>();
  readonly #lookupKeys = new WeakMap<DocumentNode, Set<string>>();

  /** The document's lookup-key variables (scanned once per document). */
  lookupKeys(schema: GraphQLSchema, document: DocumentNode): Set<string> {
    let keys = this.#lookupKeys.get(document);
    if (!keys) this.#lookupKeys.set(document, (keys = lookupKeyVariables(schema, document)));
    return keys;
  }

  /** Plans kept per document (variables differ between requests). */
  readonly perDocument = 64;

  get(document: DocumentNode, key: string): Plan | undefined {
    return this.#byDocument.get(document)?.get(key);
  }

  set(document: DocumentNode, key: string, plan: Plan) {
    let plans = this.#byDocument.get(document);
    if (!plans) this.#byDocument.set(document, (plans = new Map()));
    plans.set(key, plan);
    if (plans.size > this.perDocument) plans.delete(plans.keys().next().value!);
  }
}

/** The request context the plugin reads and writes. */
type CompiledContext = Context & { compiledRead?: CompiledReadState };

/**
 * The plugin.
 * @param enabled config `compiledReads`; off, every request records why it was executed
 * @param responseCache the response cache plugin is on (it adds fields to documents)
 */
export function compiledReadPlugin(enabled: boolean, responseCache = false): Plugin {
  const plans = new PlanCache();
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const ctx = args.contextValue as unknown as CompiledContext;
      if (!enabled) {
        ctx.compiledRead = { compiled: false, fallback: 'compiled reads are off (COMPILED_READS)' };
        return;
      }
      setExecuteFn(async (execArgs) => {
        const context = execArgs.contextValue as CompiledContext;
        const fallback = (reason: string) => {
          context.compiledRead = { compiled: false, fallback: reason };
          return executeFn(execArgs);
        };
        const variables = execArgs.variableValues as Record<string, unknown> | undefined;
        const vars = variablesKey('', variables);
        if (vars === null) return fallback('variables not writable as JSON');
        const prefix = `${execArgs.operationName ?? ''}\u0000${context.maxPageSize}/${context.defaultPageSize}`;
        // The request's own key, and the key of the plan for every value of its lookup keys (its
        // \u0001 keeps it apart from any JSON): a value whose data forced a fallback is kept under
        // its own key, so one odd row never sends every slug to the executor.
        const exactKey = prefix + vars;
        const lookupKeys = plans.lookupKeys(execArgs.schema, execArgs.document);
        const bound = variables && lookupKeys.size ? [...lookupKeys].filter((name) => typeof variables[name] === 'string') : [];
        const key = bound.length ? `${prefix}\u0001${variablesKey('', { ...variables, ...Object.fromEntries(bound.map((name) => [name, ''])) })}` : exactKey;
        let plan = (bound.length ? plans.get(execArgs.document, exactKey) : undefined) ?? plans.get(execArgs.document, key);
        if (plan && !('unsupported' in plan) && plan.text === undefined) countReusedSql();
        if (!plan) {
          try {
            plan = compileRead(execArgs.schema, execArgs.document, execArgs.operationName, variables, context, renderer(context), responseCache, new Set(bound));
          } catch (err) {
            // Anything else the compiler meets (a GraphQL error in a directive's argument, say) is
            // the executor's to answer, with its own error.
            if (!(err instanceof Unsupported) && !(err instanceof GraphQLError)) console.warn('compiled read: not compiled after an error:', err);
            plan = { unsupported: err instanceof Unsupported ? err.message : 'an operation the executor answers with an error' };
          }
          plans.set(execArgs.document, key, plan);
        }
        if ('unsupported' in plan) return fallback(`not compiled: ${plan.unsupported}`);
        let text: unknown;
        try {
          text = plan.text ?? (await runPlan(context, plan, variables));
        } catch (err) {
          const message = String((err as Error).message);
          if (!/parser stack overflow/.test(message)) {
            console.warn('compiled read failed, executing instead:', message);
            return fallback('the statement failed');
          }
          // A parenthesis count only approximates the parser's stack: remember that this plan
          // does not parse, and let the executor answer it from now on.
          const reason = 'nesting deeper than SQLite parses in one statement';
          plans.set(execArgs.document, key, { unsupported: reason });
          return fallback(`not compiled: ${reason}`);
        }
        if (typeof text !== 'string') return fallback('the statement returned no JSON');
        if (text.includes(FALLBACK_MARK)) {
          // The data decides (a float in a cursor): the same request goes to the executor from now on.
          const reason = 'a value SQL cannot write as the executor does';
          plans.set(execArgs.document, exactKey, { unsupported: reason });
          return fallback(reason);
        }
        let json: string | null = text;
        if (json.includes(VALUE_MARK)) {
          json = finishValues(json, plan.searches, plan.computed);
          if (json === null) return fallback('a number JSON cannot hold');
        }
        context.compiledRead = { compiled: true };
        return { data: new RawJson(json) as never, stringify: stringifyResult } as ExecutionResult;
      });
    },
  };
}

/**
 * Run a compiled statement (prepared once where the database allows: `$readOne`); its one value
 * is the JSON text, its lookup keys bound to this request's values. While other requests are in
 * flight or arriving it may run off the event loop.
 */
function runPlan(context: CompiledContext, plan: CompiledRead, variables: Record<string, unknown> | undefined): Promise<unknown> {
  const params = plan.bound ? plan.params.map((p) => (p instanceof VariableParam ? variables![p.name] : p)) : plan.params;
  return context.db.$readOne(plan.sql, params, context.requestLoad ? { load: context.requestLoad } : undefined);
}

/**
 * Write the values SQL marked (`MARKED_VALUE`: numbers, numbers inside hex cursors, search
 * highlights, article paragraphs) as JavaScript does; null when a number is not finite (the executor then refuses it
 * as GraphQL's Float does).
 * @param searches the plan's parsed search queries, by the index a highlight mark names
 * @param computed the plan's computed fields, by the index a computed mark names
 */
function finishValues(text: string, searches: SearchQuery[] = [], computed: ComputedField[] = []): string | null {
  let finite = true;
  const words = new Map<string, QueryWord[]>();
  const out = text.replace(MARKED_VALUE, (_m, kind: string, source: string) => {
    if (kind === 'j') {
      const colon = source.indexOf(':');
      const field = computed[Number(source.slice(0, colon))]!;
      const value = COMPUTED[field.name](JSON.parse(source.slice(colon + 1)) as unknown[]);
      return JSON.stringify(project(value, field.projection));
    }
    if (kind === 'h') {
      const colon = source.indexOf(':');
      const [title, body, matched] = JSON.parse(source.slice(colon + 1)) as [string | null, string | null, string | null];
      // The words of one search field (and the alternatives its statement found): once per answer.
      const key = `${source.slice(0, colon)}:${matched ?? ''}`;
      let marked = words.get(key);
      if (!marked) words.set(key, (marked = highlightWords(searches[Number(source.slice(0, colon))]!, matched)));
      return JSON.stringify(excerpt({ title, body }, marked));
    }
    if (kind === 'p') return JSON.stringify(articleParagraphs(JSON.parse(source) as string));
    const n = Number(source);
    if (!Number.isFinite(n)) finite = false;
    return kind === 'x' ? utf8Hex(String(n)) : JSON.stringify(n);
  });
  return finite ? out : null;
}

/** The functions of computed fields (`computed` in ./types.ts): the resolvers' own, over the inputs SQL marked. */
const COMPUTED: Record<ComputedField['name'], (inputs: unknown[]) => unknown> = {
  // The stored JSON text (Drizzle's json mode parses it), the headline and the body.
  extraction: ([stored, headline, body]) => extractionShape(typeof stored === 'string' ? JSON.parse(stored) : null, `${headline}\n${body}`),
};

/**
 * A computed value as the selection asks (`Projection`): lists element by element, objects by
 * response key in selection order (null-prototype objects, as graphql-js builds them).
 */
function project(value: unknown, projection: Projection | null): unknown {
  if (value === null || value === undefined) return null;
  if (!projection) return value;
  if (Array.isArray(value)) return value.map((v) => project(v, projection));
  const out: Record<string, unknown> = Object.create(null);
  for (const { key, field, typename, sub } of projection) out[key] = typename ?? project((value as Record<string, unknown>)[field], sub);
  return out;
}

/** Drizzle's dialect of the context's database renders the executor's filter and count SQL. */
function renderer(ctx: CompiledContext): RenderSql {
  const dialect = (ctx.db as unknown as { dialect: { sqlToQuery: RenderSql } }).dialect;
  return (fragment) => dialect.sqlToQuery(fragment);
}
