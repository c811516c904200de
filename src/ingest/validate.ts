/**
 * Bundle validation: shape (zod) and meaning (keys resolve, quotes occur in the text) in one
 * pass, so a rejected bundle reports every problem at once with its JSON path.
 */
import { CAMEO_CODES } from '../domain/cameo.ts';
import { foldName } from '../domain/fold.ts';
import { resolvePartialDate, unreadDateWords } from '../domain/partial-date.ts';
import { articleBundle, type ArticleBundle } from './bundle.ts';
import { normaliseInput } from './normalise.ts';

const KNOWN_CAMEO = new Set(CAMEO_CODES.map((c) => c.code));

/** One problem with an input: `path` is a JSON Pointer-like dotted path ("annotations.quotes.3.speaker"). */
export interface Problem {
  path: string;
  message: string;
}

export type Validation = { ok: true; bundle: ArticleBundle } | { ok: false; problems: Problem[] };

/** Thrown by the loader when a bundle is refused; `problems` lists every reason. */
export class BundleRejected extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(`bundle rejected: ${problems.map((p) => `${p.path || '(root)'}: ${p.message}`).join('; ')}`);
    this.name = 'BundleRejected';
    this.problems = problems;
  }
}

/** Headline plus bodies as printed: quotes must occur verbatim in it. */
export function printedText(bundle: ArticleBundle): string {
  const { headlines = [], bodies = [] } = bundle.ninjs;
  return [...headlines.map((h) => h.value), ...bodies.map((b) => b.value)].join('\n');
}

/**
 * Validate an article bundle or a plain ninjs item (normalised first, see ./normalise.ts).
 * Never throws: returns the parsed bundle or every problem found. Paths are those of the
 * input: a plain ninjs item's problems have no `ninjs.` prefix.
 * Checks: the zod schema (./bundle.ts); keys unique across people, organisations, places and
 * engagements; every key referenced exists and has the right type (a participant is a person
 * or organisation, a country is a COUNTRY place ...); CAMEO codes are in the codebook; names
 * have something to fold; ninjs `literal`s name annotation keys; quotes occur verbatim in the
 * headline or body; evidence spans lie within the printed text; partial dates resolve and their
 * words are read whole unless stated unknown (`dateProblems`); a headline exists, and a body
 * for text items.
 */
export function validateBundle(input: unknown): Validation {
  return validateNormalised(normaliseInput(input));
}

/** `validateBundle` for an input already normalised (`normaliseInput`, the loader's first step). */
export function validateNormalised({ bundle: normalised, form }: ReturnType<typeof normaliseInput>): Validation {
  if (form === 'unknown')
    return { ok: false, problems: [{ path: '', message: 'expected an article bundle { ninjs, annotations } or a ninjs item (an object with a uri)' }] };
  const result = checkBundle(normalised);
  if (result.ok || form === 'bundle') return result;
  // A plain ninjs item: report paths within the item itself.
  return {
    ok: false,
    problems: result.problems.map((p) => ({ ...p, path: p.path === 'ninjs' ? '' : p.path.replace(/^ninjs\./, '') })),
  };
}

/**
 * Strings holding U+0000 anywhere in the bundle: SQLite stores them, but text read back is cut
 * at the NUL on some paths (a row's own column), so a value would not read back whole.
 */
function nulProblems(value: unknown, path: string[] = []): Problem[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [{ path: path.join('.'), message: 'contains a NUL character (U+0000), which text cannot hold' }] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => nulProblems(v, [...path, String(i)]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => nulProblems(v, [...path, k]));
  return [];
}

function checkBundle(input: unknown): Validation {
  const parsed = articleBundle.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    };
  }
  const bundle = parsed.data;
  const problems: Problem[] = [];
  const a = bundle.annotations;
  const kinds = new Map<string, 'person' | 'organisation' | 'place' | 'engagement'>();
  const placeKinds = new Map(a.places.map((p) => [p.key, p.kind]));

  const declare = (list: { key: string }[], kind: 'person' | 'organisation' | 'place' | 'engagement', path: string) =>
    list.forEach((e, i) => {
      if (kinds.has(e.key)) problems.push({ path: `${path}.${i}.key`, message: `duplicate key "${e.key}"` });
      else kinds.set(e.key, kind);
    });
  declare(a.places, 'place', 'annotations.places');
  declare(a.organisations, 'organisation', 'annotations.organisations');
  declare(a.people, 'person', 'annotations.people');
  declare(a.engagements, 'engagement', 'annotations.engagements');

  const expect = (key: string | undefined, allowed: string[], path: string) => {
    if (key === undefined) return;
    const kind = kinds.get(key);
    if (!kind) problems.push({ path, message: `unknown key "${key}"` });
    else if (!allowed.includes(kind)) problems.push({ path, message: `"${key}" is a ${kind}; expected ${allowed.join(' or ')}` });
  };
  const expectCountry = (key: string | undefined, path: string) => {
    expect(key, ['place'], path);
    if (key && placeKinds.has(key) && placeKinds.get(key) !== 'COUNTRY')
      problems.push({ path, message: `"${key}" is not a COUNTRY place` });
  };

  const named = (list: { name: string; aliases: string[] }[], path: string) =>
    list.forEach((e, i) => {
      if (!foldName(e.name)) problems.push({ path: `${path}.${i}.name`, message: 'a name needs at least one letter or digit' });
      e.aliases.forEach((alias, j) => {
        if (!foldName(alias)) problems.push({ path: `${path}.${i}.aliases.${j}`, message: 'an alias needs at least one letter or digit' });
      });
    });
  named(a.places, 'annotations.places');
  named(a.organisations, 'annotations.organisations');
  named(a.people, 'annotations.people');

  a.places.forEach((p, i) => {
    expectCountry(p.country, `annotations.places.${i}.country`);
    if (p.country === p.key) problems.push({ path: `annotations.places.${i}.country`, message: 'a place cannot lie in itself' });
  });
  a.organisations.forEach((o, i) => {
    expectCountry(o.country, `annotations.organisations.${i}.country`);
    expect(o.parent, ['organisation'], `annotations.organisations.${i}.parent`);
    if (o.parent === o.key) problems.push({ path: `annotations.organisations.${i}.parent`, message: 'an organisation cannot be its own parent' });
  });
  a.people.forEach((p, i) => {
    expectCountry(p.nationality, `annotations.people.${i}.nationality`);
    p.roles.forEach((r, j) => expect(r.organisation, ['organisation'], `annotations.people.${i}.roles.${j}.organisation`));
  });
  a.engagements.forEach((e, i) => {
    if (!KNOWN_CAMEO.has(e.cameo)) problems.push({ path: `annotations.engagements.${i}.cameo`, message: `unknown CAMEO code "${e.cameo}"` });
    expect(e.place, ['place'], `annotations.engagements.${i}.place`);
    e.participants.forEach((p, j) =>
      expect(p.actor, ['person', 'organisation'], `annotations.engagements.${i}.participants.${j}.actor`),
    );
  });
  if (a.dateline) expect(a.dateline.place, ['place'], 'annotations.dateline.place');
  problems.push(...dateProblems(bundle));

  const text = printedText(bundle);
  // Evidence offsets index the printed text: 0 ≤ start < end ≤ its length.
  const spansWithin = (list: { evidence?: { spans: [number, number][] } | undefined }[], path: string) =>
    list.forEach((e, i) =>
      e.evidence?.spans.forEach(([start, end], j) => {
        if (!(start < end && end <= text.length))
          problems.push({
            path: `${path}.${i}.evidence.spans.${j}`,
            message: `a span is [start, end) with 0 ≤ start < end ≤ ${text.length} (the length of headline + "\n" + body), got [${start}, ${end}]`,
          });
      }),
    );
  for (const list of ['people', 'organisations', 'places', 'engagements', 'quotes', 'figures'] as const) spansWithin(a[list], `annotations.${list}`);
  a.quotes.forEach((q, i) => {
    expect(q.speaker, ['person', 'organisation'], `annotations.quotes.${i}.speaker`);
    expect(q.engagement, ['engagement'], `annotations.quotes.${i}.engagement`);
    if (!text.includes(q.text)) problems.push({ path: `annotations.quotes.${i}.text`, message: 'quote does not occur verbatim in the headline or body' });
  });

  const entityLists = { people: 'person', organisations: 'organisation', places: 'place', events: 'engagement' } as const;
  for (const [list, kind] of Object.entries(entityLists)) {
    (bundle.ninjs[list as keyof typeof entityLists] ?? []).forEach((e, i) => {
      if (e.literal !== undefined && kinds.has(e.literal) && kinds.get(e.literal) !== kind)
        problems.push({ path: `ninjs.${list}.${i}.literal`, message: `"${e.literal}" is a ${kinds.get(e.literal)}, not a ${kind}` });
      if (e.rel !== undefined && !['about', 'mentions'].includes(e.rel.toLowerCase()))
        problems.push({ path: `ninjs.${list}.${i}.rel`, message: `rel must be "about" or "mentions", got "${e.rel}"` });
      if ((e.name === undefined || (list !== 'events' && !foldName(e.name))) && (e.literal === undefined || !kinds.has(e.literal)))
        problems.push({ path: `ninjs.${list}.${i}.name`, message: 'an entity needs a name (with a letter or digit) or a literal naming an annotation key' });
    });
  }
  if (!bundle.ninjs.headlines?.some((h) => h.value.trim()))
    problems.push({ path: 'ninjs.headlines', message: 'an article needs a headline' });
  // Text items need a body; an event, picture or planning item may have none.
  const isText = bundle.ninjs.type === undefined || bundle.ninjs.type === 'text';
  if (isText && !bundle.ninjs.bodies?.some((b) => b.value.trim())) problems.push({ path: 'ninjs.bodies', message: 'a text item needs a body' });

  problems.push(...nulProblems(bundle));
  return problems.length ? { ok: false, problems } : { ok: true, bundle };
}

type DateInput = Parameters<typeof resolvePartialDate>[0];

/**
 * Dates are never guessed: a partial date derived from its words alone (no `edtf`, `earliest`
 * or `latest`) needs words the resolver reads whole (`unreadDateWords`), unless the bundle
 * states the date unknown on purpose with `precision: "UNKNOWN"` (the words are then kept as
 * printed, unread); and every date must resolve (`resolvePartialDate` throws on an invalid EDTF,
 * an impossible day, earliest after latest). Reference day as the loader's: the bundle's
 * referenceDate, else the publication day.
 */
function dateProblems(bundle: ArticleBundle): Problem[] {
  const n = bundle.ninjs;
  const published = n.firstCreated ?? n.contentCreated ?? n.versionCreated;
  const reference = bundle.annotations.referenceDate ?? (published ? new Date(published).toISOString().slice(0, 10) : null);
  const problems: Problem[] = [];
  const check = (date: DateInput | undefined, path: string) => {
    if (!date) return;
    const fromWords = date.text != null && date.edtf == null && date.earliest == null && date.latest == null;
    const unread = fromWords && date.precision !== 'UNKNOWN' ? unreadDateWords(date.text!, reference) : null;
    if (unread) {
      problems.push({ path: `${path}.text`, message: `${unread}; give edtf or earliest/latest, or state the date unknown with precision "UNKNOWN"` });
      return;
    }
    try {
      resolvePartialDate(date, reference);
    } catch (e) {
      problems.push({ path, message: (e as Error).message });
    }
  };
  bundle.annotations.engagements.forEach((e, i) => check(e.date, `annotations.engagements.${i}.date`));
  bundle.annotations.people.forEach((p, i) =>
    p.roles.forEach((r, j) => {
      check(r.started, `annotations.people.${i}.roles.${j}.started`);
      check(r.ended, `annotations.people.${i}.roles.${j}.ended`);
    }),
  );
  return problems;
}
