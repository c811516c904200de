/**
 * The text CLIs as real processes: `npm run extract` (bundle JSON with --json, a summary
 * without; .txt, .html, standard input; --published / --uri / --dateline) and
 * `npm run ingest -- --extract` on a temp libSQL file. Bad input (no body, binary, a 5 MB
 * paste, French) gets a coded message on standard error, exit code 2 from extract, `rejected`
 * from ingest, and writes nothing (rows counted before and after).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/ingest/open.ts';
import { counts, repoRoot } from '../../ingest/helpers.ts';
import { BINARY, BODY, FRENCH, HEADLINE, HTML, PASTE, PEOPLE, TXT } from '../texts.ts';

const node = path.join(repoRoot, 'node_modules/.bin/node');
let dir: string;
let env: NodeJS.ProcessEnv;
const file = (name: string) => path.join(dir, name);

function run(script: 'extract' | 'ingest', args: string[], stdin?: string | Uint8Array): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(node, [path.join(repoRoot, `src/cli/${script}.ts`), ...args], { env, maxBuffer: 1e8 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(stdin);
  });
}

async function rowCounts() {
  const db = await openDatabase(env.LIBSQL_URL);
  try {
    return await counts(db);
  } finally {
    db.$client.close();
  }
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'newsgraph-extract-cli-'));
  env = { ...process.env, LIBSQL_URL: `file:${file('cli.db')}` };
  mkdirSync(file('good/nested'), { recursive: true });
  mkdirSync(file('bad'), { recursive: true });
  writeFileSync(file('good/rail.txt'), TXT);
  writeFileSync(file('good/nested/rail-page.html'), HTML.replace(HEADLINE, `${HEADLINE} (web)`));
  writeFileSync(file('good/notes.md'), 'not an article: skipped');
  writeFileSync(file('bad/empty.txt'), `${HEADLINE}\n\n`);
  writeFileSync(file('bad/image.txt'), BINARY);
  writeFileSync(file('bad/paste.txt'), `${HEADLINE}\n${PASTE}`);
  writeFileSync(file('bad/french.txt'), `${FRENCH.headline}\n${FRENCH.body}`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run extract', () => {
  it('--json prints the bundle: the first line is the headline, the people are found', async () => {
    const r = await run('extract', ['--json', '--published', '2026-02-10', '--uri', 'urn:test:cli:rail', file('good/rail.txt')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const bundle = JSON.parse(r.stdout);
    expect(bundle.ninjs.uri).toBe('urn:test:cli:rail');
    expect(bundle.ninjs.headlines[0].value).toBe(HEADLINE);
    expect(JSON.stringify(bundle.ninjs.bodies)).toContain('Dodoma');
    const names = bundle.annotations.people.map((p: { name: string }) => p.name);
    for (const name of PEOPLE) expect(names).toContain(name);
  }, 60_000);

  it('the README example (data/text/rail-link.txt): the meeting in Nairobi with both ministers, the quote with its speaker', async () => {
    expect(readFileSync(path.join(repoRoot, 'data/text/rail-link.txt'), 'utf8')).toBe(TXT);
    const r = await run('extract', ['--json', path.join(repoRoot, 'data/text/rail-link.txt')]);
    const a = JSON.parse(r.stdout).annotations;
    const key = (name: string) => a.people.find((p: { name: string }) => p.name === name)?.key;
    const meeting = a.engagements.find((e: { kind: string }) => e.kind === 'MEETING');
    expect(meeting.date.text).toBe('on Tuesday');
    expect(a.places.find((p: { key: string }) => p.key === meeting.place)?.name).toBe('Nairobi');
    expect(meeting.participants.map((p: { actor: string }) => p.actor).sort()).toEqual(PEOPLE.map(key).sort());
    expect(a.quotes).toEqual([expect.objectContaining({ text: 'This line will bring our markets closer together', speaker: key('Amina Otieno') })]);
    expect(a.people.find((p: { name: string }) => p.name === 'Amina Otieno').roles[0].title).toBe('Foreign Minister');
  }, 60_000);

  it('without --json: a readable summary', async () => {
    const r = await run('extract', [file('good/rail.txt')]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(HEADLINE);
    for (const section of ['People (', 'Organisations (', 'Places (', 'Engagements (', 'Quotes (', 'Figures (']) expect(r.stdout).toContain(section);
    for (const name of PEOPLE) expect(r.stdout).toContain(name);
    expect(r.stdout).toContain('$2 billion');
  }, 60_000);

  it('.html: the <h1> is the headline, the body is reduced to paragraphs; - reads standard input', async () => {
    const html = await run('extract', ['--json', file('good/nested/rail-page.html')]);
    expect(html.code).toBe(0);
    const bundle = JSON.parse(html.stdout);
    expect(bundle.ninjs.headlines[0].value).toBe(`${HEADLINE} (web)`);
    expect(JSON.stringify(bundle.ninjs.bodies)).not.toContain('<p>');
    const stdin = await run('extract', ['--json', '-'], TXT);
    expect(stdin.code).toBe(0);
    expect(JSON.parse(stdin.stdout).ninjs.headlines[0].value).toBe(HEADLINE);
  }, 60_000);

  it.each([
    ['empty.txt', 'BODY_MISSING'],
    ['image.txt', 'BINARY_CONTENT'],
    ['paste.txt', 'TEXT_TOO_LARGE'],
    ['french.txt', 'NOT_ENGLISH'],
  ])('refuses bad/%s with %s on standard error and exit code 2', async (name, code) => {
    const r = await run('extract', ['--json', file(`bad/${name}`)]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`was refused`);
    expect(r.stderr).toContain(code);
  }, 60_000);

  it('a non-English language tag, a bad date, usage errors: exit code 2', async () => {
    const tagged = await run('extract', ['--language', 'fr', '--published', 'Tuesday', file('good/rail.txt')]);
    expect(tagged.code).toBe(2);
    expect(tagged.stderr).toContain('LANGUAGE_UNSUPPORTED');
    expect(tagged.stderr).toContain('PUBLISHED_INVALID');
    expect((await run('extract', [])).code).toBe(2);
    expect((await run('extract', ['--nope', file('good/rail.txt')])).code).toBe(2);
    const missing = await run('extract', [file('good/none.txt')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read');
  }, 60_000);
});

describe('npm run ingest -- --extract', () => {
  it('refuses every bad text, writes nothing, exits 1', async () => {
    const before = await rowCounts();
    const r = await run('ingest', ['--extract', file('bad')]);
    expect(r.code).toBe(1);
    for (const [name, code] of [['empty.txt', 'BODY_MISSING'], ['image.txt', 'BINARY_CONTENT'], ['paste.txt', 'TEXT_TOO_LARGE'], ['french.txt', 'NOT_ENGLISH']] as const) {
      expect(r.stdout).toMatch(new RegExp(`^rejected  .*${name.replace('.', '\\.')}$`, 'm'));
      expect(r.stdout).toContain(code);
    }
    expect(r.stdout).toMatch(/4 document\(s\) in [\d.]+ s: 0 created, 0 updated, 0 unchanged, 4 rejected, 0 failed/);
    expect(await rowCounts()).toEqual(before);
  }, 90_000);

  it('extracts and loads each .txt and .html of a folder, recursively, with what it found', async () => {
    const r = await run('ingest', ['--extract', file('good')]);
    expect(r.stderr).toBe(''); // no progress bar: not a terminal
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^created\s+.*rail\.txt → kenya-and-tanzania-agree-to-expand-cross-border-rail-link \(version 1\): \d+ people, \d+ organisations, \d+ places, \d+ engagements, \d+ quotes, \d+ figures$/m);
    expect(r.stdout).toMatch(/^created\s+.*rail-page\.html → /m);
    expect(r.stdout).toMatch(/2 document\(s\) in [\d.]+ s: 2 created/);
    const db = await openDatabase(env.LIBSQL_URL);
    const people = (await db.$client.execute('select name from people')).rows.map((row) => row.name);
    db.$client.close();
    for (const name of PEOPLE) expect(people).toContain(name);
    // The same texts again: unchanged, no new rows.
    const before = await rowCounts();
    const again = await run('ingest', ['--extract', file('good/rail.txt')]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^unchanged /m);
    expect(await rowCounts()).toEqual(before);
  }, 90_000);

  it('reads a text from standard input', async () => {
    const r = await run('ingest', ['--extract', '-'], `Second rail story\n${BODY.replace('Tuesday', 'Wednesday')}`);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^created\s+<stdin> → second-rail-story/m);
  }, 90_000);
});
