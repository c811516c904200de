/**
 * Article.paragraphs in SQL (src/graphql/compiled/types.ts) against the executor's
 * `body.split('\n').filter((p) => p.trim() !== '')`: carriage returns kept in the text, lines of
 * only JavaScript whitespace (NBSP, ideographic space, BOM, tabs, line separators) left out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { loadBundle } from '../../src/ingest/load.ts';
import { textBundle } from '../helpers/bundles.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

const BODY = [
  'First line of the wire copy.\r',
  '   \u00a0  ',
  '\u3000',
  '\ufeff\t',
  'Second\u2028paragraph with a line separator inside.',
  '',
  '\u2029',
  '  indented and trailing  \r',
  'Last one without a newline',
].join('\n');

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: false });
  await loadBundle(t.db, textBundle({ uri: 'urn:test:paragraphs', headline: 'Whitespace in paragraphs', body: BODY }, {}) as never);
});
afterAll(() => t.close());

describe('Article.paragraphs on the compiled path', () => {
  it('is compiled and gives what the executor gives, byte for byte', async () => {
    const query = '{ article(uri: "urn:test:paragraphs") { paragraphs } }';
    const compiled = await t.gql(query);
    expect(compiled.body.extensions.sql).toMatchObject({ compiled: true, statements: 1 });
    const executor = createApp({ db: t.db, config: { ...loadConfig({}), compiledReads: false } });
    const post = (app: typeof executor) =>
      Promise.resolve(app.request('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })).then((r) => r.text());
    const onCompiled = createApp({ db: t.db, config: { ...loadConfig({}), compiledReads: true } });
    expect(await post(onCompiled)).toBe(await post(executor));
    // The stored body as ingest kept it decides the split: the executor's rule over it.
    const stored = (await t.db.$client.execute({ sql: 'select body from articles where uri = ?', args: ['urn:test:paragraphs'] })).rows[0]!.body as string;
    expect(compiled.body.data.article.paragraphs).toEqual(stored.split('\n').filter((p) => p.trim() !== ''));
    expect(compiled.body.data.article.paragraphs.length).toBeGreaterThan(2);
  });
});
