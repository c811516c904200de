/**
 * Operation limits: what a GraphQL request may ask for, checked before any resolver runs.
 *
 * | limit            | enforced by                                   | when                    |
 * |------------------|-----------------------------------------------|-------------------------|
 * | document size    | `onParams` below (UTF-8 bytes of `query`)     | before parsing          |
 * | tokens           | GraphQL Armor max-tokens (counting lexer)     | while parsing           |
 * | depth            | GraphQL Armor max-depth (introspection too)   | validation              |
 * | aliases          | GraphQL Armor max-aliases                     | validation              |
 * | directives       | GraphQL Armor max-directives                  | validation              |
 * | introspection    | graphql-js MaxIntrospectionDepthRule          | validation              |
 * | field overlap    | graphql-js OverlappingFieldsCanBeMerged budget | validation             |
 * | page size        | `pageSizeFor` (./connections/page-sizes.ts) via the cost rule | after validation |
 * | cost             | @pothos/plugin-complexity `createComplexityRule` | after validation     |
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
  getNamedType,
  getNullableType,
  GraphQLError,
  isListType,
  validate,
  type DocumentNode,
  type GraphQLField,
  type GraphQLSchema,
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
 * Depth and cost of an operation as the limits see them (for docs, tests and the benchmark).
 * @returns `cost` as weighed by `fieldCost`; `depth` in field levels, leaves included
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
        measured = { cost: r.complexity, depth: r.depth };
      },
    }),
  ]);
  if (errors.length > 0) throw errors[0]!;
  return measured;
}

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
    maxDepth: {
      n: limits.maxDepth,
      // Count introspection too: `__schema`/`__type { ofType { ofType ...` is bounded like data.
      ignoreIntrospection: false,
      // Fragments add no level of their own: depth is what the response's nesting will be.
      flattenFragments: true,
      onReject: [armorReject('depth', limits.maxDepth)],
      propagateOnRejection: false,
    },
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

    onValidate() {
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
      const errors = validate(args.schema, args.document, [
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
