/**
 * Operation limits: what a GraphQL request may ask for, checked before any resolver runs.
 *
 * | limit            | enforced by                                   | when                    |
 * |------------------|-----------------------------------------------|-------------------------|
 * | document size    | `onParams` below (UTF-8 bytes of `query`)     | before parsing          |
 * | tokens           | GraphQL Armor max-tokens (counting lexer)     | while parsing           |
 * | depth            | `relationDepthRule` below (introspection too) | validation              |
 * | aliases          | GraphQL Armor max-aliases                     | validation              |
 * | directives       | GraphQL Armor max-directives                  | validation              |
 * | introspection    | graphql-js MaxIntrospectionDepthRule          | validation              |
 * | field overlap    | graphql-js OverlappingFieldsCanBeMerged budget | validation             |
 * | page size        | `pageSizeFor` (./connections/page-sizes.ts) via the cost rule | after validation |
 * | cost             | @pothos/plugin-complexity `createComplexityRule` | after validation     |
 * | operation type   | `subscriptionRule` below (none are offered)   | validation              |
 *
 * Page size and cost depend on the request's variables (`first: $n`), so they run in
 * `onExecute` (before execution starts) rather than as validation rules: yoga caches validation
 * results per document, which would let one request's variables decide another's verdict.
 *
 * Every rejection is a GraphQLError with `extensions.code` (QUERY_TOO_COMPLEX plus
 * `extensions.limit`, or BAD_USER_INPUT for a page size) and `extensions.http = { status: 400,
 * spec: true }`: yoga answers 400 under `Accept: application/graphql-response+json` and 200 under
 * `application/json`, as the GraphQL over HTTP spec asks of request errors; `http` itself is
 * stripped from the response body by yoga.
 */
import { createComplexityRule, type FieldComplexityValue } from '@pothos/plugin-complexity';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import {
  getOperationAST,
  visit,
  type ASTNode,
  type DirectiveNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { OperationLimits } from '../config.ts';
import { pageSizeFor, type PageLimits } from './connections/page-sizes.ts';

/** Estimated size of a plain list field (roles, participants, quotes ...) for the cost. */
export const LIST_COST_MULTIPLIER = 10;

/** Which limit a QUERY_TOO_COMPLEX rejection is about (`extensions.limit`). */
export type LimitName =
  | 'documentSize'
  | 'tokens'
  | 'depth'
  | 'aliases'
  | 'directives'
  | 'introspectionDepth'
  | 'fieldOverlap'
  | 'cost';

const HTTP_400 = { status: 400, spec: true } as const;

/**
 * A rejection for exceeding a limit: `extensions = { code: 'QUERY_TOO_COMPLEX', limit, max,
 * actual?, http }`. `actual` is omitted when the check stops counting at the limit (tokens).
 */
export function limitError(limit: LimitName, message: string, max: number, actual?: number): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'QUERY_TOO_COMPLEX', limit, max, ...(actual === undefined ? {} : { actual }), http: HTTP_400 },
  });
}

/**
 * The cost of one field, for @pothos/plugin-complexity (`fieldComplexity` in the builder): 1 for
 * the field itself, and its sub-selection's cost multiplied by
 * - a connection (a field with `first`/`last`): its page size (first ?? last ?? DEFAULT_PAGE_SIZE);
 * - a connection's `edges`: 1 (the connection already counted the page);
 * - a field with a list argument `ids` (`nodes`): the number of ids;
 * - any other list: LIST_COST_MULTIPLIER (10).
 * So `articles(first: 50) { edges { node { people(first: 10) { edges { node { name } } } } } }`
 * costs 1 + 50 × (1 + 1 × (1 + 1 + 10 × (1 + 1 × (1 + 1)))) = 1651.
 * @throws PothosValidationError BAD_USER_INPUT for a page size out of range (see pageSizeFor)
 */
export function fieldCost(
  args: Record<string, unknown>,
  ctx: PageLimits,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  field: GraphQLField<unknown, any, any>,
): FieldComplexityValue {
  if (field.args.some((a) => a.name === 'first' || a.name === 'last')) {
    return { field: 1, multiplier: pageSizeFor(args, ctx).size };
  }
  const type = getNullableType(field.type);
  if (!isListType(type)) return 1;
  if (field.name === 'edges' && getNamedType(type).name.endsWith('Edge')) return { field: 1, multiplier: 1 };
  if (Array.isArray(args.ids)) return { field: 1, multiplier: args.ids.length };
  return { field: 1, multiplier: LIST_COST_MULTIPLIER };
}

/**
 * The document without the selections `@skip(if: true)` / `@include(if: false)` leave out for
 * these variables, so that the cost weighs what will run: a branch a request turns off costs
 * nothing, and its arguments (page sizes, ids) are not checked.
 */
export function withoutSkipped(document: DocumentNode, variables: Record<string, unknown> = {}, operationName?: string | null): DocumentNode {
  // A variable the request leaves out takes the default the operation that runs declares
  // (`$all: Boolean = true`); another operation's defaults in the same document do not count.
  const defaults = new Map<string, boolean>();
  for (const v of getOperationAST(document, operationName)?.variableDefinitions ?? []) {
    if (v.defaultValue?.kind === Kind.BOOLEAN) defaults.set(v.variable.name.value, v.defaultValue.value);
  }
  const flag = (node: ASTNode & { directives?: readonly DirectiveNode[] }, name: string): boolean | undefined => {
    const value = node.directives?.find((d) => d.name.value === name)?.arguments?.find((a) => a.name.value === 'if')?.value;
    if (!value) return undefined;
    if (value.kind === Kind.BOOLEAN) return value.value;
    if (value.kind !== Kind.VARIABLE) return undefined;
    const given = variables[value.name.value];
    return typeof given === 'boolean' ? given : defaults.get(value.name.value);
  };
  const skipped = (node: ASTNode & { directives?: readonly DirectiveNode[] }) => flag(node, 'skip') === true || flag(node, 'include') === false;
  return visit(document, {
    Field: (node) => (skipped(node) ? null : undefined),
    InlineFragment: (node) => (skipped(node) ? null : undefined),
    FragmentSpread: (node) => (skipped(node) ? null : undefined),
  });
}

/**
 * Depth and cost of an operation as the limits see them (for docs, tests and the benchmark).
 * @returns `cost` as weighed by `fieldCost`; `depth` as `documentDepth` counts it (relation
 *   hops: field levels, leaves included, Relay connection wrappers not)
 * @throws GraphQLError when the document does not validate against the schema
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  pages: PageLimits,
  variableValues: Record<string, unknown> = {},
): { cost: number; depth: number } {
  const specErrors = validate(schema, document);
  if (specErrors.length > 0) throw specErrors[0]!;
  let measured = { cost: 0, depth: 0 };
  const errors = validate(schema, document, [
    createComplexityRule({
      context: pages,
      variableValues,
      onResult: (r) => {
        measured = { cost: r.complexity, depth: 0 };
      },
    }),
  ]);
  if (errors.length > 0) throw errors[0]!;
  return { ...measured, depth: documentDepth(schema, document) };
}

/**
 * Is `field` of `parent` a Relay connection wrapper, which adds a level to the response but no
 * relation hop: a connection's `edges` and `pageInfo`, an edge's `node`. Told by shape (the Relay
 * Cursor Connections spec), not by name alone: a connection has `edges` (a list of objects with
 * `node` and `cursor`) and `pageInfo`; an edge has `node` and `cursor`.
 */
function isConnectionWrapper(parent: GraphQLNamedType | undefined, field: string): boolean {
  if (!parent || !isObjectType(parent)) return false;
  const fields = parent.getFields();
  const isEdge = (t: GraphQLNamedType) => isObjectType(t) && 'node' in t.getFields() && 'cursor' in t.getFields();
  if (field === 'node') return isEdge(parent);
  if (field !== 'edges' && field !== 'pageInfo') return false;
  const edges = fields.edges;
  return !!edges && !!fields.pageInfo && isListType(getNullableType(edges.type)) && isEdge(getNamedType(edges.type));
}

/**
 * The depth of a document as `MAX_DEPTH` counts it: the deepest chain of fields, leaves
 * included, where a Relay connection's `edges`, `node` and `pageInfo` count nothing, so
 * `people(first: 5) { edges { node { name } } }` is 2 levels, as `roles { title }` is. Fragments
 * (named or inline) add no level: a spread counts as the fields it brings. Each named fragment
 * is measured once (memoised, so a document is walked in linear time, however often a fragment
 * is spread), and a spread of a fragment still being measured (a cycle, which graphql-js'
 * NoFragmentCyclesRule refuses anyway) counts 0 instead of looping. A field the schema does not
 * know counts a level, and its sub-selection counts in full. Introspection is measured like data
 * (`__type { fields { type { ofType ... } } }`); `@include`/`@skip` are ignored (every branch
 * counts), so the depth does not depend on variables and may be cached with the document.
 * @returns the deepest of the document's operations (0 for a document without operations)
 */
export function documentDepth(schema: GraphQLSchema, document: DocumentNode, fragments?: ReadonlyMap<string, FragmentDefinitionNode>): number {
  const defs = fragments ?? new Map(document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const memo = new Map<string, number>();
  const inProgress = new Set<string>();

  const fieldType = (parent: GraphQLNamedType | undefined, name: string): GraphQLNamedType | undefined => {
    if (name === '__schema') return getNamedType(SchemaMetaFieldDef.type);
    if (name === '__type') return getNamedType(TypeMetaFieldDef.type);
    if (parent && (isObjectType(parent) || isInterfaceType(parent))) {
      const f = parent.getFields()[name];
      return f ? getNamedType(f.type) : undefined;
    }
    return undefined;
  };

  const fragmentDepth = (name: string): number => {
    const known = memo.get(name);
    if (known !== undefined) return known;
    const def = defs.get(name);
    if (!def || inProgress.has(name)) return 0;
    inProgress.add(name);
    const depth = setDepth(def.selectionSet, schema.getType(def.typeCondition.name.value) ?? undefined);
    inProgress.delete(name);
    memo.set(name, depth);
    return depth;
  };

  function setDepth(set: SelectionSetNode | undefined, parent: GraphQLNamedType | undefined): number {
    let deepest = 0;
    for (const s of set?.selections ?? []) {
      let d: number;
      if (s.kind === Kind.FIELD) {
        const own = isConnectionWrapper(parent, s.name.value) ? 0 : 1;
        d = own + setDepth(s.selectionSet, fieldType(parent, s.name.value));
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        d = setDepth(s.selectionSet, s.typeCondition ? (schema.getType(s.typeCondition.name.value) ?? undefined) : parent);
      } else {
        d = fragmentDepth(s.name.value);
      }
      if (d > deepest) deepest = d;
    }
    return deepest;
  }

  let deepest = 0;
  for (const def of document.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION) continue;
    deepest = Math.max(deepest, setDepth(def.selectionSet, schema.getRootType(def.operation) ?? undefined));
  }
  return deepest;
}

/**
 * Validation rule refusing a document deeper than `max` (as `documentDepth` counts) with
 * QUERY_TOO_COMPLEX / limit `depth` (`max`, `actual`). It throws, like GraphQL Armor's rules,
 * so validation stops at once and the limit error is the only one. yoga caches the verdict
 * with the document: the depth depends on nothing else.
 */
export function relationDepthRule(max: number): ValidationRule {
  return (context) => ({
    Document: {
      enter(document) {
        const fragments = new Map(document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
        const depth = documentDepth(context.getSchema(), document, fragments);
        if (depth > max) throw limitError('depth', `Query depth limit of ${max} exceeded, found ${depth}.`, max, depth);
      },
    },
  });
}

/**
 * Validation rule refusing subscriptions: the API offers none (no `Subscription` type). Without
 * it graphql-js answers at execution with an uncoded "Schema is not configured to execute
 * subscription operation." and status 200. Refused as a request error instead:
 * OPERATION_NOT_SUPPORTED, 400 under `application/graphql-response+json` (200 under
 * `application/json`), as the GraphQL over HTTP spec asks of a document that fails validation
 * (graphql-js 17's KnownOperationTypesRule makes it a validation error too).
 */
export const subscriptionRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation !== 'subscription' || context.getSchema().getSubscriptionType()) return;
    context.reportError(
      new GraphQLError('Subscriptions are not offered by this API: ask with a query (poll it, or revalidate with HTTP caching).', {
        nodes: [node],
        extensions: { code: 'OPERATION_NOT_SUPPORTED', operation: 'subscription', http: HTTP_400 },
      }),
    );
  },
});

/** UTF-8 length of a string in bytes, without allocating it. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** graphql-js' own bounded checks (in `specifiedRules`), by the message of their rejection. */
const VALIDATION_LIMITS: Record<string, LimitName> = {
  'Maximum introspection depth exceeded': 'introspectionDepth',
  'Validation aborted.': 'fieldOverlap',
};

/** Armor's messages start with a misleading "Syntax Error: "; keep the rest ("... limit of N exceeded, found M."). */
function armorReject(limit: LimitName, max: number): GraphQLArmorRejectCallback {
  return (_ctx, error) => {
    const message = error.message.replace(/^Syntax Error: /, '');
    const found = /found (\d+)/.exec(message);
    throw limitError(limit, message, max, found ? Number(found[1]) : undefined);
  };
}

/**
 * Most (operation, variables) pairs remembered as accepted per parsed document (see
 * `operationLimitsPlugin`): a bound on memory for documents sent with ever-new variables.
 */
const MAX_ACCEPTED_PER_DOCUMENT = 64;

/**
 * `operationName` and the variables as one string, or null when the variables cannot be written
 * as JSON (nested too deep for the stack: such a request is checked in full, never remembered).
 */
export function variablesKey(operationName: string, variables: unknown): string | null {
  try {
    return `${operationName}\u0000${JSON.stringify(variables ?? {})}`;
  } catch {
    return null;
  }
}

/**
 * The yoga plugin enforcing `limits` and the page-size bounds.
 * @param limits the configured operation limits (AppConfig.limits)
 * @param pages the page-size bounds (AppConfig.maxPageSize / defaultPageSize)
 * @param fieldSuggestions keep graphql-js' "Did you mean ...?" hints (false: GraphQL Armor masks them)
 */
export function operationLimitsPlugin(
  limits: OperationLimits,
  pages: PageLimits,
  fieldSuggestions: boolean,
): Plugin {
  const armor = EnvelopArmorPlugin({
    blockFieldSuggestion: { enabled: !fieldSuggestions, mask: '' },
    maxTokens: { n: limits.maxTokens, onReject: [armorReject('tokens', limits.maxTokens)], propagateOnRejection: false },
    // Depth is `relationDepthRule` (below): Armor's counts Relay's edges/node as levels.
    maxDepth: { enabled: false },
    maxAliases: { n: limits.maxAliases, onReject: [armorReject('aliases', limits.maxAliases)], propagateOnRejection: false },
    maxDirectives: {
      n: limits.maxDirectives,
      onReject: [armorReject('directives', limits.maxDirectives)],
      propagateOnRejection: false,
    },
    // Cost is weighed by @pothos/plugin-complexity below: it sees variables and default page sizes.
    costLimit: { enabled: false },
  });

  // (operation, variables) pairs whose cost was checked and accepted, per parsed document: yoga's
  // parse cache hands back the same document object for the same text, and the WeakMap lets an
  // entry go with its document. Per plugin instance, so per app and its limits.
  const acceptedCosts = new WeakMap<object, Set<string>>();
  // Built once, not per request: the rule depends on the limits alone (yoga caches its verdict per document).
  const depthRule = relationDepthRule(limits.maxDepth);
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(armor as Plugin);
    },

    onParams({ params }) {
      const query = params.query;
      if (typeof query === 'string' && query.length > limits.maxDocumentBytes / 3) {
        const bytes = utf8Length(query);
        if (bytes > limits.maxDocumentBytes) {
          throw limitError(
            'documentSize',
            `Query document of ${bytes} bytes exceeds the limit of ${limits.maxDocumentBytes} bytes.`,
            limits.maxDocumentBytes,
            bytes,
          );
        }
      }
    },

    onValidate({ addValidationRule }) {
      addValidationRule(depthRule);
      addValidationRule(subscriptionRule);
      return ({ result }) => {
        // graphql-js' MaxIntrospectionDepthRule (in specifiedRules) bounds nested introspection
        // lists (`fields { type { fields ...`); give its rejection the limit's code.
        // graphql-js' OverlappingFieldsCanBeMergedRule meters its comparisons and aborts with
        // "Validation aborted." on documents built to make it quadratic (field duplication).
        for (const error of result) {
          const limit = VALIDATION_LIMITS[error.message];
          if (limit) {
            const ext = error.extensions as Record<string, unknown>;
            ext.code ??= 'QUERY_TOO_COMPLEX';
            ext.limit ??= limit;
          }
        }
      };
    },

    onExecute({ args, setResultAndStopExecution }) {
      const params = (args.contextValue as { params?: { operationName?: string | null } }).params;
      // The cost is a function of the document, the operation and the variables (page sizes), so
      // a request repeating an accepted one is accepted without walking its document again.
      const operationName = args.operationName ?? params?.operationName ?? '';
      const key = variablesKey(operationName, args.variableValues);
      let accepted = acceptedCosts.get(args.document);
      if (key !== null && accepted?.has(key)) return;
      const errors = validate(args.schema, withoutSkipped(args.document, args.variableValues as Record<string, unknown> | undefined, args.operationName ?? params?.operationName), [
        createComplexityRule({
          context: pages,
          variableValues: (args.variableValues ?? {}) as Record<string, unknown>,
          operationName: args.operationName ?? params?.operationName ?? undefined,
          validate: (result, report) => {
            if (result.complexity > limits.maxCost) {
              report(
                limitError(
                  'cost',
                  `Query cost of ${result.complexity} exceeds the limit of ${limits.maxCost}.`,
                  limits.maxCost,
                  result.complexity,
                ),
              );
            }
          },
        }),
      ]);
      if (errors.length === 0) {
        if (key === null) return;
        if (!accepted) acceptedCosts.set(args.document, (accepted = new Set()));
        if (accepted.size < MAX_ACCEPTED_PER_DOCUMENT) accepted.add(key);
      } else {
        setResultAndStopExecution({
          errors: errors.map((e) =>
            new GraphQLError(e.message, {
              nodes: e.nodes,
              extensions: { code: 'BAD_USER_INPUT', ...e.extensions, http: HTTP_400 },
            }),
          ),
        });
      }
    },
  };
}
