/**
 * Roles, part of the `entities` stage (./entities.ts): title chains read from a title candidate
 * ("Pakistan's Interior Minister", "Minister of Foreign Affairs of Mongolia", "Ambassador to
 * Tehran", "Deputy Chief of Staff of the Presidential Administration and Presidential
 * Spokesman", "the Russian and Uzbek presidents X and Y") into `RoleParse`s, resolved once
 * organisations and places are entities into `RoleDraft`s: title as the text calls the office
 * (without the country; abbreviations spelt out), organisation, country.
 */
import type { EntityDraft, NameCandidate, RoleDraft } from '../document.ts';
import { ev } from '../drafts.ts';
import { countryByDemonym } from '../knowledge/gazetteer.ts';
import { isCapitalised, isUpper, lex, low } from '../lexicon.ts';
import type { NameContext } from '../name-context.ts';
/** Heads after "to" that the title keeps ("Ambassador to Tehran"). */
const TO_HEADS = new Set(['ambassador', 'high commissioner', 'envoy', 'special envoy', 'commissioner', 'consul', 'consul general', 'representative', 'permanent representative', 'delegate', 'nuncio']);

/** One role as the text gives it, before organisations and countries are entities. */
export interface RoleParse {
  title: string;
  span: [number, number];
  /** Candidate of the organisation ("of NATO", "NATO Secretary General", "of the Presidential Administration"). */
  org?: NameCandidate;
  /** ISO 3166-1 alpha-2 of the country ("Pakistan's", "Iranian", "of Ghana"). */
  country?: string;
  /** An organisation candidate's country, when the text gives it ("Iran's Supreme National Security Council"). */
  orgCountry?: string;
}

export interface PendingRoles {
  person: EntityDraft;
  roles: RoleParse[];
}

const titleCase = (s: string) => s.replace(/(^|[\s-])(\p{Ll})/gu, (_, a: string, b: string) => a + b.toUpperCase()).replace(/\b(Of|For|And|The|To|In|On)\b/g, (w) => w.toLowerCase());

/** The title as the text calls the office: printed words, capitalised, abbreviations spelt out ("PM" → "Prime Minister"). */
function titleText(ctx: NameContext, t: NameCandidate): string {
  const L = lex();
  const tokens = ctx.tokens(t).slice(t.first, t.last + 1);
  const words: string[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const w = tokens[k]!.text;
    const two = k + 1 < tokens.length ? L.abbreviations.get(`${low(w)} ${low(tokens[k + 1]!.text)}`) : undefined;
    if (two) {
      words.push(two);
      k++;
    } else if (L.abbreviations.has(low(w)) && (isUpper(w) || w.endsWith('.'))) words.push(L.abbreviations.get(low(w))!);
    else words.push(w);
  }
  const text = words.join(' ');
  const mixed = words.some((w) => /^\p{Ll}/u.test(w) && !['of', 'for', 'and', 'the', 'to'].includes(w)) || isUpper(text);
  return mixed ? titleCase(text.toLowerCase()) : text;
}

/** Country and organisation written before a title: "Pakistan's", "Iranian", "South Sudan", "NATO", "the EU", "Kenya's newly elected". */
function preContext(ctx: NameContext, t: NameCandidate, role: RoleParse): void {
  let k = t.first - 1;
  // skip up to three lower-case words ("newly elected") after a possessive
  let skipped = 0;
  while (k >= 0 && skipped < 3 && /^\p{Ll}+$/u.test(ctx.token(t.sentence, k)!.text) && !['the', 'and', 'of', 'with', 'by', 'to', 'in', 'at', 'for', 'on', 'from', 'his', 'her', 'their'].includes(ctx.word(t.sentence, k))) {
    k--;
    skipped++;
  }
  if (skipped && ctx.word(t.sentence, k) !== "'s") return;
  const prev = ctx.before(t.sentence, k + 1);
  if (!prev) return;
  if (prev.kind === 'demonym' || prev.kind === 'country') role.country ??= prev.iso2;
  else if (prev.kind === 'organisation' && !prev.media) role.org ??= prev;
  else if (prev.kind === 'name' && (prev.possessive || prev.last === t.first - 1) && (orgLike(prev) || (prev.first === prev.last && isCapitalised(t.text))))
    role.org ??= prev; // "Airbus Chief Executive": kept when it turns out to be an organisation
  // "Iran's Supreme National Security Council Secretary": the organisation's country
  if ((prev.kind === 'organisation' || prev.kind === 'name') && role.org === prev) {
    const before = ctx.before(prev.sentence, prev.first);
    if (before && (before.kind === 'demonym' || (before.kind === 'country' && before.possessive))) role.orgCountry = before.iso2;
  }
}

/** A candidate that names an organisation (gazetteer, or a name with an organisation head). */
export function orgLike(c: NameCandidate): boolean {
  if (c.kind === 'organisation') return true;
  if (c.kind !== 'name') return false;
  const L = lex();
  const words = c.text.split(/\s+/).map(low);
  return words.some((w) => L.orgHeadWords.has(w)) && !L.placeHeads.has(words.at(-1)!);
}

/**
 * Reads a title chain from title candidate `t`: qualifiers ("of Ghana", "of the Presidential
 * Administration", "to Mongolia"), "and" another title, a comma, honorifics; returns the roles
 * and the name candidate it leads to, if any.
 */
export function readTitleChain(ctx: NameContext, t: NameCandidate): { roles: RoleParse[]; target?: NameCandidate; end: number } {
  const roles: RoleParse[] = [];
  const role: RoleParse = { title: titleText(ctx, t), span: [t.start, t.end] };
  preContext(ctx, t, role);
  roles.push(role);
  const s = t.sentence;
  let i = t.last + 1;
  for (let guard = 0; guard < 4; guard++) {
    const w = ctx.word(s, i);
    const toHead = TO_HEADS.has(role.title.toLowerCase().replace(/^(deputy|acting|special|senior|former) /, ''));
    if (w === 'of' || (w === 'for' && !(toHead && placeAt(ctx, s, i + 1))) || w === 'in') {
      let j = i + 1;
      if (ctx.word(s, j) === 'the') j++;
      let q = ctx.startingAt(s, j);
      if (!q) break;
      if ((q.kind === 'country' && q.possessive) || q.kind === 'demonym') {
        // "of Iran's Supreme National Security Council" (past the 's); "of Russian Railways":
        // demonym + organisation ("of the Russian Federation" is a country)
        const org = ctx.startingAt(s, q.last + (q.kind === 'demonym' ? 1 : 2));
        if (org && orgLike(org)) {
          role.org ??= org;
          role.orgCountry = q.iso2;
          q = org;
        } else break;
      } else if (q.kind === 'country') role.country ??= q.iso2;
      else if (q.kind === 'organisation' || orgLike(q)) {
        if (w === 'in' && !orgLike(q)) break;
        role.org ??= q;
      } else if (q.kind === 'region' || (q.kind === 'name' && headedRegion(q))) {
        // "Head of Republic of Buryatia": the region is part of the title
        role.title += ` of ${q.text}`;
      } else break;
      i = q.last + 1 + (q.possessive ? 1 : 0);
      continue;
    }
    if ((w === 'to' || w === 'for') && TO_HEADS.has(role.title.toLowerCase().replace(/^(deputy|acting|special|senior|former) /, ''))) {
      const q = ctx.startingAt(s, i + 1);
      if (q && (q.kind === 'country' || q.kind === 'city')) {
        role.title += ` ${w} ${q.text}`;
        role.span[1] = q.end;
        i = q.last + 1;
        continue;
      }
    }
    if (w === 'and') {
      // "... Minister and Senior Awami League leader X": an organisation name before the next title
      const o = ctx.startingAt(s, i + 1);
      const t2 = o && o.kind !== 'title' && (orgLike(o) || o.kind === 'demonym') ? ctx.startingAt(s, o.last + 1, 'title') : ctx.startingAt(s, i + 1, 'title');
      if (t2 && !t2.evidence.rule.includes('plural')) {
        const more = readTitleChain(ctx, t2);
        for (const r of more.roles) {
          r.country ??= role.country;
          roles.push(r);
        }
        return { roles, target: more.target, end: more.end };
      }
    }
    break;
  }
  if (ctx.word(s, i) === ',') i++;
  while (ctx.startingAt(s, i, 'honorific')) i = ctx.startingAt(s, i)!.last + 1;
  // "Uganda's Minister of Works, Gen. Edward ...": a second title before the name
  const t2 = ctx.startingAt(s, i, 'title');
  if (t2 && t2 !== t && !t2.evidence.rule.includes('plural') && ctx.word(s, i - 1) === ',') {
    const more = readTitleChain(ctx, t2);
    if (more.target) return { roles: [...roles, ...more.roles], target: more.target, end: more.end };
  }
  const target = ctx.startingAt(s, i);
  return { roles, target: target && (target.kind === 'name' || target.kind === 'city') ? target : undefined, end: i };
}

/** A country or city candidate at token `i`. */
function placeAt(ctx: NameContext, s: number, i: number): boolean {
  const q = ctx.startingAt(s, i);
  return !!q && (q.kind === 'country' || q.kind === 'city');
}

function headedRegion(c: NameCandidate): boolean {
  return /^(Republic|Province|State|Region|Oblast|Governorate|Canton|Emirate) of /u.test(c.text);
}

/**
 * "Russian and Uzbek presidents Vladimir Putin and Islam Karimov": a plural title before a list of
 * names; each name gets the title (singular), and the demonyms before it in order when they pair up.
 */
export function pluralChain(ctx: NameContext, t: NameCandidate): Array<[NameCandidate, RoleParse]> {
  const s = t.sentence;
  const targets: NameCandidate[] = [];
  let i = t.last + 1;
  for (;;) {
    const c = ctx.startingAt(s, i);
    if (!c || c.kind !== 'name') break;
    targets.push(c);
    const w = ctx.word(s, c.last + 1);
    if (w !== ',' && w !== 'and') break;
    i = c.last + 2;
    if (w === ',' && ctx.word(s, i) === 'and') i++;
  }
  if (targets.length < 2 && !(targets.length === 1 && ctx.word(s, targets[0]!.last + 1) !== 'and')) return [];
  // demonyms before the title: "Russian and Uzbek"
  const demonyms: string[] = [];
  let k = t.first - 1;
  while (k >= 0) {
    const d = ctx.endingAt(s, k, 'demonym');
    if (!d) break;
    demonyms.unshift(d.iso2!);
    k = d.first - 1;
    if (ctx.word(s, k) === 'and' || ctx.word(s, k) === ',') k--;
    else break;
  }
  const title = titleCase(t.canonical ?? t.text);
  return targets.map((c, n) => {
    const role: RoleParse = { title, span: [t.start, t.end] };
    if (demonyms.length === targets.length) role.country = demonyms[n];
    else if (demonyms.length === 1) role.country = demonyms[0];
    return [c, role];
  });
}

/** Pass 3: roles resolved to organisation and country entities. */
export function resolveRoles(
  ctx: NameContext,
  pending: PendingRoles[],
  organisationOf: (c: NameCandidate, country?: string) => EntityDraft | undefined,
  countryPlace: (iso2: string) => EntityDraft | undefined,
): void {
  for (const { person, roles } of pending) {
    for (const r of roles) {
      const org = r.org ? organisationOf(r.org, r.orgCountry) : undefined;
      const country = r.country ? countryPlace(r.country) : r.orgCountry ? countryPlace(r.orgCountry) : org?.country ? ctx.drafts.byId(org.country) : undefined;
      const role: RoleDraft = { title: r.title, evidence: ev('title-chain', r.span) };
      if (org && org.kind !== 'STATE') role.organisation = org.id;
      if (country) role.country = country.id;
      ctx.drafts.addRole(person, role);
    }
    const countries = new Set(person.roles.map((r) => r.country).filter(Boolean));
    if (countries.size === 1) person.nationality = [...countries][0];
  }
}

/** "his Tanzanian counterpart, X" / "her counterpart X" just before a person's mention. */
const COUNTERPART = /\b(?:his|her|their)\s+(?:([A-Z][\p{L}-]+)\s+)?counterparts?\s*,?\s*$/u;

/**
 * Pass 4, `counterpart`: a person with no office of their own, named as another person's
 * counterpart ("Kenyan Foreign Minister A met her Tanzanian counterpart, B"), holds the same
 * office, in the country of the demonym when one is given and the text names that country. The
 * other person is the sentence's first person with an office, mentioned before the cue.
 */
export function counterpartRoles(ctx: NameContext, countryPlace: (iso2: string) => EntityDraft | undefined): void {
  const doc = ctx.doc;
  const people = doc.entities.filter((e) => e.type === 'person');
  for (const person of people) {
    if (person.roles.length) continue;
    for (const m of person.mentions) {
      const sentence = doc.sentences.find((x) => x.start <= m.start && m.start < x.end);
      const cue = sentence && COUNTERPART.exec(doc.text.slice(sentence.start, m.start));
      if (!sentence || !cue) continue;
      const cueStart = sentence.start + cue.index;
      const other = people
        .filter((p) => p !== person && p.roles.length)
        .map((p) => ({ p, at: p.mentions.find((x) => x.start >= sentence.start && x.end <= cueStart)?.start }))
        .filter((x): x is { p: EntityDraft; at: number } => x.at !== undefined)
        .sort((a, b) => a.at - b.at)[0]?.p;
      if (!other) continue;
      const role: RoleDraft = { title: other.roles[0]!.title, evidence: ev('counterpart', [cueStart, m.end]) };
      const country = cue[1] ? countryByDemonym(cue[1]) : undefined;
      const place = country ? countryPlace(country.iso2) : undefined;
      if (place) role.country = place.id;
      ctx.drafts.addRole(person, role);
      if (place && !person.nationality) person.nationality = place.id;
      break;
    }
  }
}
