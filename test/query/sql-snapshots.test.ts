/**
 * The SQL each query of the benchmark catalogue (bench/catalogue.ts) sends, as reviewable text:
 * one named entry per query in vitest's snapshot file, `__snapshots__/sql-snapshots.test.ts.snap`
 * (`toMatchSnapshot`). A change to a type module, a connection, a filter, Drizzle or
 * plugin-drizzle that changes the SQL a front-end query produces shows up as a diff of that file,
 * not only as a statement count.
 *
 * The corpus and the recording client are the ones test/query/plans.test.ts uses
 * (test/fixtures/catalogue.ts). The text is normalised: parameters are `?` (the values are
 * not recorded: they are ids of the generated corpus), whitespace is collapsed, and each
 * sub-select and select-list item starts a line (`formatSql`), so the entries are stable across
 * runs and a one-column change is a one-line diff.
 *
 * After an intended change: `./node_modules/.bin/vitest run --project integration
 * test/query/sql-snapshots.test.ts -u`, then review and commit the changed file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE_QUERIES, openCatalogue, type CatalogueHarness } from '../fixtures/catalogue.ts';

const SNAPSHOTS = new URL('./__snapshots__/sql-snapshots.test.ts.snap', import.meta.url);
const SUITE = 'SQL of the benchmark catalogue';
/** The snapshot entry's test title for a query. */
const titleOf = (name: string) => `${name}: the SQL it sends`;

let h: CatalogueHarness;
beforeAll(async () => {
  h = await openCatalogue({ articles: 40 });
}, 120_000);
afterAll(() => h?.close());

const CLAUSES = /^(from|where|order by|group by|having|limit|offset|(?:inner |left |cross )?join|union(?: all)?)$/i;
const TOKEN = /'(?:[^']|'')*'|"(?:[^"]|"")*"|\s+|\?\d*|[(),]|[A-Za-z_][A-Za-z0-9_]*|[^\s(),'"A-Za-z_?]+/gy;

/**
 * A stable, readable layout of one SQL statement: whitespace collapsed; numbered parameters
 * (`?1`) as `?`; every sub-select indented on its own lines; a select list one item per line;
 * `from`, `where`, joins, `order by`, `limit` ... of a select at the select's indent. Function
 * arguments (json_object(...)) stay on one line. Quoted strings and identifiers are kept as sent.
 */
function formatSql(sql: string): string {
  const tokens: string[] = [];
  for (TOKEN.lastIndex = 0; TOKEN.lastIndex < sql.length; ) {
    const m = TOKEN.exec(sql);
    if (!m) throw new Error(`formatSql: cannot read the SQL at ${JSON.stringify(sql.slice(TOKEN.lastIndex, TOKEN.lastIndex + 20))}`);
    tokens.push(/^\s/.test(m[0]) ? ' ' : m[0].startsWith('?') ? '?' : m[0]);
  }
  // Two-word clause keywords as one token.
  for (let i = 0; i + 2 < tokens.length; i++) {
    const pair = `${tokens[i]} ${tokens[i + 2]}`;
    if (tokens[i + 1] === ' ' && /^(order by|group by|inner join|left join|cross join|union all)$/i.test(pair)) tokens.splice(i, 3, pair);
  }
  const next = (i: number) => tokens.slice(i + 1).find((t) => t !== ' ') ?? '';
  // One frame per open parenthesis: a sub-select (its clauses at `indent`, its select list one
  // deeper) or a function call / grouping (inline). The statement itself is a sub-select at 0.
  const frames: { sub: boolean; indent: number; inSelectList: boolean }[] = [{ sub: true, indent: 0, inSelectList: false }];
  const out: string[] = [];
  let lineIndent = 0;
  const newline = (indent: number) => {
    while (out.length && out[out.length - 1] === ' ') out.pop();
    out.push('\n' + '  '.repeat(indent));
    lineIndent = indent;
  };
  const lineStart = () => out.length === 0 || out[out.length - 1]!.startsWith('\n') || out[out.length - 1] === '(';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const top = frames[frames.length - 1]!;
    if (t === ' ') {
      if (!lineStart() && next(i) !== ')' && next(i) !== ',') out.push(' ');
    } else if (t === '(') {
      out.push('(');
      if (next(i).toLowerCase() === 'select') {
        frames.push({ sub: true, indent: lineIndent + 1, inSelectList: false });
        newline(lineIndent + 1);
      } else frames.push({ sub: false, indent: lineIndent, inSelectList: false });
    } else if (t === ')') {
      const closed = frames.pop();
      if (!closed || frames.length === 0) throw new Error('formatSql: unbalanced parentheses');
      if (closed.sub) newline(closed.indent - 1);
      out.push(')');
    } else if (top.sub && t.toLowerCase() === 'select') {
      out.push(t);
      top.inSelectList = true;
      newline(top.indent + 1);
    } else if (top.sub && CLAUSES.test(t)) {
      top.inSelectList = false;
      newline(top.indent);
      out.push(t);
    } else if (t === ',' && top.sub && top.inSelectList) {
      out.push(',');
      newline(top.indent + 1);
    } else out.push(t);
  }
  if (frames.length !== 1) throw new Error('formatSql: unbalanced parentheses');
  return out.join('').trim() + '\n';
}

describe(SUITE, () => {
  it('covers the whole catalogue', () => {
    expect(h.entries.map((e) => e.name)).toEqual(CATALOGUE_QUERIES);
  });

  it.each(CATALOGUE_QUERIES)(titleOf('%s'), async (name) => {
    const e = h.entries.find((x) => x.name === name)!;
    const { body, statements } = await h.run(e.query, e.variables);
    expect(body.errors).toBeUndefined();
    const header = [
      `-- ${name} (bench/catalogue.ts): the SQL the API sends, parameters as ?.`,
      `-- Regenerate: ./node_modules/.bin/vitest run --project integration test/query/sql-snapshots.test.ts -u`,
      `-- ${e.query.replace(/\s+/g, ' ')}`,
    ].join('\n');
    const text = `${header}\n\n${statements.map((s) => formatSql(s.sql).replace(/\n$/, ';\n')).join('\n')}`;
    expect(text).toMatchSnapshot();
  });

  it('keeps no entry for a query the catalogue no longer has', () => {
    // (A missing entry: vitest writes it on a local run and fails its query's test under CI, where CI=true.)
    const text = existsSync(SNAPSHOTS) ? readFileSync(SNAPSHOTS, 'utf8') : '';
    const keys = [...text.matchAll(/^exports\[`(.*)`\]/gm)].map((m) => m[1]);
    const expected = CATALOGUE_QUERIES.map((name) => `${SUITE} > ${titleOf(name)} 1`);
    expect(keys.filter((k) => !expected.includes(k!))).toEqual([]);
  });

  it('lays SQL out stably', () => {
    expect(formatSql(`select "d0"."id" as "id", (select count(*) from "x" where "x"."a" = "d0"."id" and f(1, 2) = ?3) as "n" from "t" as "d0" where "d0"."s" = 'a, b (select' order by "d0"."id" limit ?`)).toBe(
      [
        'select',
        '  "d0"."id" as "id",',
        '  (',
        '    select',
        '      count(*)',
        '    from "x"',
        '    where "x"."a" = "d0"."id" and f(1, 2) = ?',
        '  ) as "n"',
        'from "t" as "d0"',
        `where "d0"."s" = 'a, b (select'`,
        'order by "d0"."id"',
        'limit ?',
        '',
      ].join('\n'),
    );
  });
});
