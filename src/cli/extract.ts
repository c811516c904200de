/**
 * `npm run extract -- [--json] [options] <file.txt|file.html|->`: extract an article bundle
 * from one article text and print it; nothing is written to the database.
 *
 * - `.txt` (or standard input, `-`): the first non-blank line is the headline, the rest the body;
 *   `.html` / `.htm` (or input that is an HTML document): the `<h1>`, else the `<title>`, is the
 *   headline and the `<body>` is reduced to paragraphs (src/extract/input.ts `articleFromFile`).
 * - `--json`: the bundle as `loadBundle` and `ingestArticle` take it (docs/bundle.md); without it,
 *   a readable summary: people with roles, organisations, places, engagements (kind, CAMEO code,
 *   date words, place, participants), quotes with speakers, figures.
 * - `--published <ISO 8601>`: publication day or time ("on Monday" resolves against it);
 *   `--dateline <text>`; `--uri <uri>`: the ninjs uri; `--language <tag>` (English only).
 *
 * The text is checked first (src/extract/input.ts: size `MAX_TEXT_BYTES`, binary, empty,
 * non-English ...). Exit codes: 0 extracted; 2 refused input (every problem on standard error,
 * with its code) or a usage error; 1 an unexpected failure.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { extractArticle, ExtractRefused, readArticleFile } from '../extract/index.ts';
import type { ArticleBundle } from '../ingest/bundle.ts';

const USAGE = 'usage: npm run extract -- [--json] [--published ISO] [--dateline TEXT] [--uri URI] [--language TAG] <file.txt|file.html|->';

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      published: { type: 'string' },
      dateline: { type: 'string' },
      uri: { type: 'string' },
      language: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return null;
  if (positionals.length !== 1) throw new Error(positionals.length ? 'one file at a time (npm run ingest -- --extract takes many)' : 'no input file');
  return { ...values, file: positionals[0]! };
}

/** The readable summary of a bundle. */
export function summarise(bundle: ArticleBundle): string {
  const a = bundle.annotations;
  const names = new Map<string, string>();
  for (const e of [...(a.people ?? []), ...(a.organisations ?? []), ...(a.places ?? [])]) names.set(e.key, e.name);
  const name = (key: string | undefined) => (key ? (names.get(key) ?? key) : undefined);
  const join = (...parts: (string | undefined | false)[]) => parts.filter(Boolean).join(', ');
  const lines: string[] = [];
  const section = <T>(title: string, list: T[] | undefined, line: (x: T) => string) => {
    lines.push('', `${title} (${list?.length ?? 0})`);
    for (const x of list ?? []) lines.push(`  ${line(x)}`);
  };
  lines.push(bundle.ninjs.headlines?.[0]?.value ?? '(no headline)');
  lines.push(`  ${join(bundle.ninjs.uri, bundle.ninjs.firstCreated && `published ${bundle.ninjs.firstCreated}`, a.dateline?.text && `dateline ${a.dateline.text}`)}`);
  section('People', a.people, (p) => {
    const roles = (p.roles ?? []).map((r) => join(r.title, name(r.organisation)));
    const aliases = p.aliases?.length ? ` (also ${p.aliases.join(', ')})` : '';
    return `${p.name}${aliases}${roles.length ? ` — ${roles.join('; ')}` : ''}${p.nationality ? ` [${name(p.nationality)}]` : ''}${p.rel ? ` · ${p.rel}` : ''}`;
  });
  section('Organisations', a.organisations, (o) => `${o.name}${o.acronym ? ` (${o.acronym})` : ''} — ${join(o.kind, name(o.country)) || 'OTHER'}${o.rel ? ` · ${o.rel}` : ''}`);
  section('Places', a.places, (p) => `${p.name} — ${join(p.kind, name(p.country)) || 'OTHER'}${p.rel ? ` · ${p.rel}` : ''}`);
  section('Engagements', a.engagements, (e) => {
    const who = (e.participants ?? []).map((p) => `${name(p.actor)}${p.role ? ` (${p.role})` : ''}`).join(', ');
    const when = e.date?.text ? `“${e.date.text}”` : e.date?.edtf;
    const head = join(`${e.kind}${e.cameo ? ` ${e.cameo}` : ''}`, when, name(e.place), e.status && e.status !== 'COMPLETED' && e.status.toLowerCase());
    return `${head}${who ? ` — ${who}` : ''}${e.summary ? `\n      ${e.summary}` : ''}`;
  });
  section('Quotes', a.quotes, (q) => `“${q.text}” — ${name(q.speaker) ?? '?'}`);
  section('Figures', a.figures, (f) => `${f.text}${f.value !== undefined ? ` = ${f.value}${f.currency ? ` ${f.currency}` : ''}${f.unit ? ` ${f.unit}` : ''}` : ''}${f.metric ? ` (${f.metric})` : ''}`);
  return lines.join('\n');
}

let args: ReturnType<typeof parse>;
try {
  args = parse(process.argv.slice(2));
} catch (e) {
  console.error(`extract: ${(e as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (!args) {
  console.log(USAGE);
  process.exit(0);
}

const limits = loadConfig({ MAX_TEXT_BYTES: process.env.MAX_TEXT_BYTES }).text;
const source = args.file === '-' ? '<stdin>' : args.file;
let bytes: Uint8Array;
try {
  bytes = readFileSync(args.file === '-' ? 0 : args.file);
} catch (e) {
  console.error(`extract: cannot read ${source}: ${(e as Error).message}`);
  process.exit(2);
}
try {
  const options = { published: args.published, dateline: args.dateline, uri: args.uri, language: args.language };
  const input = { ...readArticleFile(source, bytes, limits), ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) };
  const { bundle } = extractArticle(input, limits);
  console.log(args.json ? JSON.stringify(bundle, null, 2) : summarise(bundle));
} catch (e) {
  if (e instanceof ExtractRefused) {
    console.error(`extract: ${source} was refused:\n${e.problems.map((p) => `  ${p.path || '(input)'}: ${'code' in p ? `${p.code}: ` : ''}${p.message}`).join('\n')}`);
    process.exit(2);
  }
  console.error(`extract: ${source}: ${(e as Error).stack ?? e}`);
  process.exit(1);
}
