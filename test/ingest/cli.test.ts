/**
 * `npm run ingest -- <file|dir|->`: bundles and ninjs files (3.1, 2.2, arrays, JSON Lines,
 * standard input) into the configured database, a summary per document, exit code 1 when any
 * was rejected. The CLI is run as a real process on a temp database.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/ingest/open.ts';
import { collectInputs, parseDocuments } from '../../src/ingest/files.ts';
import { bundle, repoRoot, seedBundle } from './helpers.ts';

const node = path.join(repoRoot, 'node_modules/.bin/node');
const cli = path.join(repoRoot, 'src/cli/ingest.ts');
let dir: string;
let env: NodeJS.ProcessEnv;

function run(args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(node, [cli, ...args], { env }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    if (stdin !== undefined) child.stdin!.end(stdin);
    else child.stdin!.end();
  });
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'newsgraph-cli-'));
  env = { ...process.env, LIBSQL_URL: `file:${path.join(dir, 'cli.db')}` };
  const inbox = path.join(dir, 'inbox');
  mkdirSync(path.join(inbox, 'nested'), { recursive: true });
  writeFileSync(path.join(inbox, 'a-seed.bundle.json'), JSON.stringify(seedBundle()));
  writeFileSync(
    path.join(inbox, 'b-item22.json'),
    JSON.stringify({ uri: 'urn:cli:22', versioncreated: '2025-01-01T00:00:00Z', headlines: [{ value: 'Old style' }], bodies: [{ contenttype: 'text/plain', value: 'Body.' }] }),
  );
  writeFileSync(path.join(inbox, 'c-bad.json'), JSON.stringify(bundle('urn:cli:bad', { quotes: [{ text: 'never said', speaker: 'ghost' }] })));
  writeFileSync(path.join(inbox, 'nested', 'd-array.json'), JSON.stringify([bundle('urn:cli:arr:0'), bundle('urn:cli:arr:1')]));
  writeFileSync(path.join(inbox, 'nested', 'e-lines.jsonl'), `${JSON.stringify(bundle('urn:cli:line:0'))}\n{not json\n`);
  writeFileSync(path.join(inbox, 'ignored.txt'), 'not a document');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ingest CLI', () => {
  it('loads a directory recursively, reports per document, exits 1 when any was rejected', async () => {
    const r = await run([path.join(dir, 'inbox')]);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    const status = (name: string) => lines.find((l) => l.includes(name))?.split(/\s+/)[0];
    const expected = {
      'a-seed.bundle.json': 'created',
      'b-item22.json': 'created',
      'c-bad.json': 'rejected',
      'd-array.json#0': 'created',
      'd-array.json#1': 'created',
      'e-lines.jsonl:1': 'created',
      'e-lines.jsonl:2': 'rejected',
    };
    expect(Object.fromEntries(Object.keys(expected).map((name) => [name, status(name)]))).toEqual(expected);
    expect(r.stdout).toContain('annotations.quotes.0.speaker: unknown key "ghost"');
    expect(r.stdout).toContain('annotations.quotes.0.text: quote does not occur verbatim');
    expect(r.stdout).toMatch(/7 document\(s\) in [\d.]+ s: 5 created, 0 updated, 0 unchanged, 2 rejected, 0 failed/);
    expect(r.stderr).toBe(''); // no progress bar: stderr is not a terminal
    const db = await openDatabase(env.LIBSQL_URL);
    expect(Number((await db.$client.execute('select count(*) n from articles')).rows[0]!.n)).toBe(5);
    db.$client.close();
  }, 90_000);

  it('reads standard input; unchanged documents exit 0', async () => {
    const r = await run(['-'], JSON.stringify(seedBundle()));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^unchanged\s+<stdin> → larijani-pakistan-visit \(version 1\)/m);
  }, 90_000);

  it('usage errors exit 2', async () => {
    expect((await run([])).code).toBe(2);
  }, 90_000);
});

describe('input collection', () => {
  it('splits arrays and JSON Lines, names each document, reports unreadable paths', () => {
    expect(parseDocuments('x.json', '[1, 2]').map((d) => d.source)).toEqual(['x.json#0', 'x.json#1']);
    expect(parseDocuments('x.ndjson', '{}\n\n{}\n').map((d) => d.source)).toEqual(['x.ndjson:1', 'x.ndjson:3']);
    expect(parseDocuments('x.json', '{').map((d) => d.doc.ok)).toEqual([false]);
    const missing = collectInputs([path.join(dir, 'nope.json')]);
    expect(missing).toHaveLength(1);
    expect(missing[0]!.doc.ok).toBe(false);
    expect(collectInputs(['-'], () => '{"uri":"urn:x"}')).toEqual([{ source: '<stdin>', doc: { ok: true, value: { uri: 'urn:x' } } }]);
  });
});
