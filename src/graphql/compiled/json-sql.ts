/**
 * SQL fragments that write JSON text exactly as `JSON.stringify` writes a GraphQL response: the
 * compiled read path (./compile.ts) puts them together into one statement whose single value is
 * the response's `data`.
 *
 * Every fragment is an expression whose value is JSON text (never SQL NULL): objects are
 * concatenations ('{"a":' || … || '}'), lists `group_concat`, scalars `json_quote`. Nothing is
 * parsed back (no JSON subtype, no json()), and an object costs no nesting: SQLite's parser
 * stack bounds how deep a statement's sub-queries and function calls may nest.
 *
 * `json_quote` escapes strings as JSON.stringify does (", \, \b \f \n \r \t, other controls as
 * \u00xx; U+2028 and DEL raw) and writes integers alike. Reals differ (3.0 vs 3,
 * 15 significant digits vs the shortest round trip), so floats go through `floatJson`, which
 * writes what the executor would or, where SQL cannot, a marked string the plugin finishes in
 * JavaScript.
 */

/** A piece of SQL text with its `?` parameters, in text order. */
export interface Frag {
  sql: string;
  params: unknown[];
}

/** SQL text with no parameters. */
export const raw = (sql: string): Frag => ({ sql, params: [] });

/** A bound parameter. */
export const param = (value: unknown): Frag => ({ sql: '?', params: [value] });

/** A SQL string literal (for names the compiler itself chooses: keys, type names). */
export const literal = (text: string): Frag => raw(`'${text.replaceAll("'", "''")}'`);

/**
 * Join fragments with `sep`, keeping their parameters in text order.
 * @param parts fragments or plain SQL text
 */
export function join(parts: (Frag | string)[], sep = ''): Frag {
  const texts: string[] = [];
  const params: unknown[] = [];
  for (const p of parts) {
    if (typeof p === 'string') texts.push(p);
    else {
      texts.push(p.sql);
      for (const v of p.params) params.push(v);
    }
  }
  return { sql: texts.join(sep), params };
}

/** Tagged template: `sql\`select ${frag} from t\``; interpolations are fragments or SQL text. */
export function sql(strings: TemplateStringsArray, ...values: (Frag | string)[]): Frag {
  const parts: (Frag | string)[] = [];
  strings.forEach((s, i) => {
    parts.push(s);
    if (i < values.length) parts.push(values[i]!);
  });
  return join(parts);
}

/** Most fields in one object (a longer concatenation would near SQLite's expression depth limit). */
export const MAX_OBJECT_PAIRS = 200;

/** A JSON string literal of a name the compiler writes (type names). */
export function jsonString(text: string): Frag {
  return literal(JSON.stringify(text));
}

/** JSON text of a SQL value: a string quoted and escaped, an integer's digits, NULL as null. */
export function jsonValue(expr: Frag | string): Frag {
  return sql`json_quote(${expr})`;
}

/** An object in the given key order (keys are GraphQL response names): a concatenation. */
export function jsonObject(pairs: [string, Frag][]): Frag {
  if (pairs.length === 0) return literal('{}');
  const parts: (Frag | string)[] = [];
  pairs.forEach(([key, value], i) => {
    parts.push(literal(`${i === 0 ? '{' : ','}${JSON.stringify(key)}:`), ' || ', value, ' || ');
  });
  parts.push(literal('}'));
  // No parentheses: `||` chains associate, and each level of nesting costs parser stack.
  return join(parts);
}

/**
 * One row's JSON, or null: `select` is a complete SELECT of one JSON text column. (A compound
 * SELECT gives its first part's rows first; `limit 1` keeps the row if there is one.)
 */
export function jsonOne(select: Frag): Frag {
  return sql`(${select} union all select 'null' limit 1)`;
}

/**
 * A JSON array of `element` over the rows of `fromTail` (FROM … WHERE …), in `order` (SQL ORDER
 * BY terms, or null for the rows' own order); `[]` without rows (the aggregate's one row is
 * dropped by HAVING and the compound's second part answers).
 */
export function jsonArray(element: Frag, order: string | null, fromTail: Frag | string): Frag {
  const ordered = order ? ` order by ${order}` : '';
  return sql`(select '[' || group_concat(${element}, ','${ordered}) || ']' ${fromTail} having count(*) union all select '[]' limit 1)`;
}

/**
 * Marks in the statement's text where SQL could not write a value as the executor does. They
 * are raw U+0001 characters, which no JSON string of the answer can hold (`json_quote` writes a
 * control character as \u0001), so stored text can never pass for a mark:
 * - `FALLBACK_MARK` (a cursor over a float SQL cannot write): the executor answers instead;
 * - `\u0001n:<source>\u0001` (a number): the plugin writes `JSON.stringify(Number(source))` there;
 * - `\u0001x:<source>\u0001` (a number inside a hex cursor): the plugin writes the upper-case hex
 *   of `String(Number(source))` there (src/graphql/connections/cursors.ts `utf8Hex`);
 * - `\u0001h:<i>:<json>\u0001` (a search hit's highlight, computed in JavaScript): `json` is the
 *   JSON array [title, body, matched] (json_array escapes control characters too), `i` the search
 *   field's index in the plan (its parsed query); the plugin writes the highlight's JSON there;
 * - `\u0001p:<json>\u0001` (an article's paragraphs, split in JavaScript): `json` is the body as
 *   a JSON string; the plugin writes the list `articleParagraphs` makes of it;
 * - `\u0001j:<i>:<json>\u0001` (a value computed in JavaScript from the row, e.g. `extraction`):
 *   `json` is the array of its inputs, `i` the computed field's index in the plan (its function
 *   and the selection to write).
 */
export const FALLBACK_MARK = '\u0001fallback\u0001';
/** A marked value in the text: group 1 its kind (`n` a number, `x` a number's hex, `h` a highlight, `p` paragraphs, `j` a computed value), group 2 its source (a decimal's digits, SQLite's `%!0.15g` / `%!.17g`, or JSON). */
export const MARKED_VALUE = /\u0001([nxhpj]):([^\u0001]*)\u0001/g;
/** The start of a mark the plugin finishes (any kind), to test for any. */
export const VALUE_MARK = '\u0001';

const markedNumber = (source: Frag) => sql`char(1) || 'n:' || ${source} || char(1)`;

/**
 * A REAL's full-precision decimal source: `%!.17g` (17 significant digits always name the same
 * double; the `!` flag lifts SQLite's default 16-digit cap, and SQLite 3.43 on converts exactly:
 * checked over 1.5 million doubles, random bit patterns and subnormals included).
 */
const exactText = (expr: Frag | string) => sql`printf('%!.17g', ${expr})`;

/** A REAL read at full precision by the executor (a root row's column, not through JSON): JSON as `JSON.stringify` writes it (a marked number). */
export function exactFloatJson(expr: Frag | string): Frag {
  return markedNumber(exactText(expr));
}

/** A search hit's highlight for the plugin to write: search `index` of the plan, the hit's title and body, the MATCH expression run (or NULL). */
export function highlightMark(index: number, title: string, body: string, matched: string): Frag {
  return sql`char(1) || 'h:${String(index)}:' || json_array(${title}, ${body}, ${matched}) || char(1)`;
}

/**
 * An article body's paragraphs for the plugin to write (a marked value): in SQL the split is a
 * recursive walk whose cost grows with the square of the body's length; in JavaScript it is the
 * resolver's own `articleParagraphs`, so both paths split alike.
 */
export function paragraphsMark(body: Frag): Frag {
  return sql`char(1) || 'p:' || json_quote(${body}) || char(1)`;
}

/** A value the plugin computes in JavaScript (computed field `index` of the plan) from `inputs`, SQL expressions of the row. */
export function computedMark(index: number, inputs: Frag[]): Frag {
  return sql`char(1) || 'j:${String(index)}:' || json_array(${join(inputs, ', ')}) || char(1)`;
}

/** The upper-case hex of a REAL as JavaScript's `String()` writes it at full precision, for a hex cursor (a marked value). */
export function exactFloatHex(expr: Frag | string): Frag {
  return sql`char(1) || 'x:' || ${exactText(expr)} || char(1)`;
}

/**
 * A number as JavaScript's `String()` writes it, where SQL can be sure of that, else NULL:
 * integral below 2^53 (its digits), or 1e-4 ≤ |x| < 1e15 (`%.15g`: 15 significant digits,
 * which JavaScript writes back unchanged as they are what the executor parsed).
 * @param v a SQL expression of a number (repeated: keep it a column or a cast)
 */
export function numberText(v: Frag | string): Frag {
  return sql`case when ${v} = cast(${v} as integer) and abs(${v}) < 9007199254740992 then printf('%d', ${v})
    when abs(${v}) >= 0.0001 and abs(${v}) < 1e15 then printf('%.15g', ${v}) end`;
}

/**
 * A GraphQL Float as the executor writes it. The executor reads a nested row's REAL through
 * SQLite's JSON (`%!0.15g`) and a decimal TEXT as text, then `Number()` and `JSON.stringify` in
 * JavaScript; so a REAL is `numberText` where it can be, a decimal only when integral below 2^53;
 * anything else is a marked number the plugin finishes. NULL is null.
 * @param expr a SQL expression of a REAL, or (decimalText) of a canonical decimal TEXT
 */
export function floatJson(expr: Frag, decimalText = false): Frag {
  // The expression is a column (or its cast): repeated rather than bound in a sub-query, which
  // would cost a co-routine per value and a level of nesting.
  if (decimalText) {
    const v = sql`cast(${expr} as real)`;
    return sql`case when ${expr} is null then 'null' when ${v} = cast(${v} as integer) and abs(${v}) < 9007199254740992 then printf('%d', ${v}) else ${markedNumber(expr)} end`;
  }
  return sql`case when ${expr} is null then 'null' else coalesce(${numberText(expr)}, ${markedNumber(sql`printf('%!0.15g', ${expr})`)}) end`;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * A Relay global id as a JSON string: base64 of "Typename:rowid" (@pothos/plugin-relay's encoding), written by
 * SQL: the prefix's whole 3-byte groups are constant; the rest ("e:" + digits and so on, ASCII)
 * is encoded group by group with SQLite's bit operators.
 * @param typename a node type name (ASCII)
 * @param rowid a SQL expression of the integer row id
 */
export function globalIdSql(typename: string, rowid: Frag): Frag {
  const prefix = `${typename}:`;
  const whole = prefix.length - (prefix.length % 3);
  const constant = btoa(prefix.slice(0, whole));
  const rest = prefix.slice(whole);
  // t = the rest of the prefix and the digits: at most 2 + 16 characters → 6 groups.
  const t = sql`${literal(rest)} || ${rowid}`;
  const groups: string[] = [];
  const u = (i: number) => `unicode(substr(t, ${i + 1}, 1))`;
  const ch = (index: string) => `substr('${BASE64}', (${index}) + 1, 1)`;
  for (let g = 0; g < 6; g++) {
    const a = u(3 * g);
    const b = `coalesce(${u(3 * g + 1)}, 0)`;
    const c = `coalesce(${u(3 * g + 2)}, 0)`;
    const start = 3 * g;
    groups.push(
      `case when n > ${start} then ${ch(`${a} >> 2`)} || ${ch(`((${a} & 3) << 4) | (${b} >> 4)`)} || ` +
        `case when n > ${start + 1} then ${ch(`((${b} & 15) << 2) | (${c} >> 6)`)} else '=' end || ` +
        `case when n > ${start + 2} then ${ch(`${c} & 63`)} else '=' end else '' end`,
    );
  }
  return sql`(select '"' || ${literal(constant)} || ${groups.join(' || ')} || '"' from (select t, length(t) as n from (select ${t} as t)))`;
}
