/**
 * Organisations, part of the `entities` stage (./entities.ts):
 * - `gazetteer-organisation`: international organisations and news agencies the gazetteer knows,
 *   by name, alias or acronym ("NATO", "the African Union (AU)", "Xinhua");
 * - `organisation-head`: a capitalised name with an organisation head word ("... Ministry",
 *   "... Council", "Awami League", "Russian Railways"), its kind from the head
 *   (knowledge/organisation-words.ts); a demonym before it joins the name and gives the country
 *   ("Mexican Foreign Ministry"), a possessive country gives the country only ("Iran's Foreign
 *   Ministry"), "of" + a country or organisation after it joins the name ("Foreign Policy
 *   Community of Indonesia"), a parenthesised acronym after it is its acronym ("Supreme National
 *   Security Council (SNSC)");
 * - `acronym`: an acronym used alone later, defined before or spelling the initials of a known
 *   organisation's name;
 * - `bare-head`: "the Government" → the government of the country the article is most about;
 * - `dateline-agency`: the agency of a dateline ("(Xinhua)", "/MONTSAME/");
 * - `state-acts`: a country named as the subject of a state's act ("Pakistan hosted", "Kenya and
 *   South Sudan signed") → an organisation of kind STATE named as the country, linked to it.
 * Social-media platforms ("X", "Twitter", "Facebook") are never organisations.
 */
import type { OrganisationKind } from '../../db/schema.ts';
import type { EntityDraft, NameCandidate } from '../document.ts';
import { ev } from '../drafts.ts';
import { countryByDemonym, countryByIso2, lookupCountry, lookupInternationalOrganisation } from '../knowledge/gazetteer.ts';
import { PROPER_INSTITUTIONS } from '../knowledge/organisation-words.ts';
import { CONNECTORS, isUpper, lex, low, organisationKind, SPEECH_VERBS, STATE_ACTION_VERBS } from '../lexicon.ts';
import type { NameContext } from '../name-context.ts';
import { namedCountry, placeHeaded } from './places.ts';

/** Words before an organisation name that are not part of it ("Senior Awami League leader"). */
const LEADING_NOISE = new Set(['senior', 'former', 'acting', 'outgoing', 'incoming', 'interim', 'caretaker', 'top', 'then', 'new', 'both']);
const ACRONYM = /^[\p{Lu}][\p{Lu}\p{N}&.-]{1,9}$/u;

/** Initials of a name's words, connectors left out ("Supreme National Security Council" → "SNSC"). */
export function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => w && !CONNECTORS.has(low(w)))
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

/** The acronym in parentheses right after token `i`, if any: its text and span. */
function parenAcronym(ctx: NameContext, sentence: number, i: number): { text: string; start: number; end: number; last: number } | undefined {
  if (ctx.word(sentence, i) !== '(' || ctx.word(sentence, i + 2) !== ')') return undefined;
  const t = ctx.token(sentence, i + 1)!;
  return ACRONYM.test(t.text) ? { text: t.text, start: t.start, end: t.end, last: i + 2 } : undefined;
}

function gazetteerOrg(ctx: NameContext, c: NameCandidate): EntityDraft {
  const { drafts } = ctx;
  const org = lookupInternationalOrganisation(c.text)!;
  const kind: OrganisationKind = org.kind;
  let e = drafts.find('organisation', org.name) ?? (org.acronym ? drafts.find('organisation', org.acronym) : undefined);
  if (!e) {
    const country = namedCountry(ctx, org.country);
    e = drafts.create('organisation', org.name, ev('gazetteer-organisation', [c.start, c.end]), { kind, ...(org.acronym ? { acronym: org.acronym } : {}), ...(country ? { country: country.id } : {}) });
  }
  drafts.alias(e, c.text.replace(/^the /i, ''));
  drafts.mention(e, c.start, c.end, 'gazetteer-organisation');
  const acr = parenAcronym(ctx, c.sentence, c.last + 1);
  if (acr) {
    drafts.setAcronym(e, acr.text);
    drafts.mention(e, acr.start, acr.end, 'acronym-defined');
  }
  return e;
}

/**
 * The organisation a name candidate denotes (created on first sight): with its demonym, "of"
 * complement and acronym. `country` is an ISO code from the context ("Iran's ...").
 */
export function organisationOf(ctx: NameContext, c: NameCandidate, country?: string): EntityDraft | undefined {
  const { drafts } = ctx;
  if (c.kind === 'organisation') return gazetteerOrg(ctx, c);
  if (c.kind !== 'name' || placeHeaded(ctx, c)) return undefined;
  const known = drafts.find('organisation', c.text);
  if (known && (ctx.used.has(c) || known.evidence.rule === 'speaking-body' || known.evidence.rule === 'listed-after-class-noun')) {
    drafts.mention(known, c.start, c.end, 'organisation-name');
    ctx.used.add(c);
    return known;
  }
  const L = lex();
  const s = c.sentence;
  let words = c.text.split(/\s+/);
  let start = c.start;
  // "Senior Awami League"
  while (words.length > 1 && (LEADING_NOISE.has(low(words[0]!)) || /-(?:based|led|owned|backed|run|funded)$/.test(low(words[0]!)))) {
    start = c.start + c.text.indexOf(words[1]!, words[0]!.length);
    words = words.slice(1);
  }
  // No head word: an organisation only when an acronym of its initials follows ("Tehrik Labbaik Pakistan (TLP)")
  const defined = parenAcronym(ctx, s, c.last + 1);
  const kind = organisationKind(words) ?? (defined && words.length >= 2 && initials(words.join(' ')) === defined.text.replace(/[.&-]/g, '') ? 'OTHER' : undefined);
  if (!kind) return undefined;
  // the head is the last word before "of" / "for" / "on" ("Commission for Cooperation")
  const cut = words.findIndex((w, k) => k > 0 && ['of', 'for', 'on'].includes(low(w)));
  const head = low(words[(cut > 0 ? cut : words.length) - 1]!);
  if (L.nonEntityHeads.has(head) && !L.orgHeadWords.has(head)) return undefined;
  let name = words.join(' ');
  const bare = name;
  let end = c.end;
  let iso = country;
  let last = c.last;
  // demonym before: "Mexican Foreign Ministry", "Russian Railways"
  const prev = ctx.endingAt(s, c.first - 1, 'demonym');
  if (prev && start === c.start) {
    name = `${prev.text} ${name}`;
    start = prev.start;
    iso ??= prev.iso2;
  }
  const before = ctx.before(s, c.first);
  if (before?.kind === 'country' && before.possessive) iso ??= before.iso2;
  // "of" + a country or an organisation: "Foreign Policy Community of Indonesia", "Committee of Permanent Representatives of ASEAN"
  if (!c.possessive && ctx.word(s, last + 1) === 'of') {
    const j = ctx.word(s, last + 2) === 'the' ? last + 3 : last + 2;
    const q = ctx.startingAt(s, j);
    if (q && (q.kind === 'country' || q.kind === 'organisation')) {
      name = `${name} of ${ctx.text(s, c.last + 2, q.last)}`;
      end = q.end;
      last = q.last;
      if (q.kind === 'country') iso ??= q.iso2;
    }
  }
  if (words.length === 1 && !prev) return bareHead(ctx, c, words[0]!);
  let e = drafts.find('organisation', name) ?? drafts.find('organisation', bare);
  const countryPlace = namedCountry(ctx, iso);
  if (!e) {
    e = drafts.create('organisation', name, ev('organisation-head', [start, end]), { kind: refineKind(kind, name), ...(countryPlace ? { country: countryPlace.id } : {}) });
  } else if (!e.country && countryPlace) e.country = countryPlace.id;
  if (bare !== name && bare.includes(' ')) drafts.alias(e, bare);
  drafts.alias(e, name);
  drafts.mention(e, start, end, 'organisation-head');
  const acr = parenAcronym(ctx, s, last + 1);
  if (acr) {
    drafts.setAcronym(e, acr.text);
    drafts.mention(e, acr.start, acr.end, 'acronym-defined');
  }
  ctx.used.add(c);
  return e;
}

function refineKind(kind: OrganisationKind, name: string): OrganisationKind {
  if (kind === 'COMPANY' && /\b(Central|Reserve|National) Bank\b/.test(name)) return 'GOVERNMENT_BODY';
  // "Kenya Private Sector Alliance", "Foreign Policy Community of Indonesia": a national body, not an international one
  if (kind === 'INTERNATIONAL_ORGANISATION' && name.split(/[\s-]+/).some((w) => /^\p{Lu}/u.test(w) && (lookupCountry(w) || countryByDemonym(w)))) {
    const byHead = organisationKind(name.split(/\s+/), false);
    return byHead && byHead !== 'INTERNATIONAL_ORGANISATION' ? byHead : 'OTHER';
  }
  return kind;
}

/** "the Government" alone: the government of the country the article names most; other bare heads attach to a known organisation of that head. */
function bareHead(ctx: NameContext, c: NameCandidate, head: string): EntityDraft | undefined {
  const { drafts } = ctx;
  const w = low(head);
  const proper = PROPER_INSTITUTIONS[w];
  if (proper) {
    const e = drafts.find('organisation', head) ?? drafts.create('organisation', head, ev('proper-institution', [c.start, c.end]), { kind: proper });
    drafts.mention(e, c.start, c.end, 'proper-institution');
    ctx.used.add(c);
    return e;
  }
  const same = drafts.all('organisation').filter((o) => low(o.name.split(/\s+/).at(-1)!) === w || o.name.toLowerCase().startsWith(`${w} of`));
  if (same.length === 1) {
    drafts.mention(same[0]!, c.start, c.end, 'bare-head');
    ctx.used.add(c);
    return same[0];
  }
  if (w !== 'government') return undefined;
  const country = mainCountry(ctx);
  if (!country) return undefined;
  const name = `Government of ${country.name}`;
  const e = drafts.find('organisation', name) ?? drafts.create('organisation', name, ev('bare-head', [c.start, c.end]), { kind: 'GOVERNMENT_BODY', country: country.id });
  drafts.alias(e, head);
  drafts.mention(e, c.start, c.end, 'bare-head');
  ctx.used.add(c);
  return e;
}

/** The country the text names most (ties: the first named). */
function mainCountry(ctx: NameContext): EntityDraft | undefined {
  let best: EntityDraft | undefined;
  for (const p of ctx.drafts.all('place')) if (p.kind === 'COUNTRY' && p.mentions.length && (!best || p.mentions.length > best.mentions.length)) best = p;
  return best;
}

/** Gazetteer organisations and names with organisation heads; then acronyms used alone and the dateline agency. */
export function findOrganisations(ctx: NameContext): void {
  const L = lex();
  const { drafts } = ctx;
  for (const c of ctx.names) {
    if (ctx.used.has(c)) continue;
    if (c.kind === 'organisation') {
      gazetteerOrg(ctx, c);
      ctx.used.add(c);
    }
  }
  for (const c of ctx.names) {
    if (ctx.used.has(c) || c.kind !== 'name' || c.headline) continue;
    if (L.platforms.has(low(c.text))) {
      ctx.used.add(c);
      continue;
    }
    organisationOf(ctx, c);
  }
  // The dateline's agency.
  const agency = ctx.doc.dateline?.agency;
  if (agency) {
    const [, org, person] = /^(.+?)['’]s\s+(.+)$/u.exec(agency.text) ?? [];
    const text = org ?? agency.text;
    const known = lookupInternationalOrganisation(text);
    const covered = ctx.names.find((c) => c.start === agency.span.start && c.kind === 'organisation');
    if (!covered && (known || (text.split(/\s+/).length <= 3 && !person))) {
      const name = known?.name ?? text;
      const e = drafts.find('organisation', name) ?? drafts.create('organisation', name, ev('dateline-agency', [agency.span.start, agency.span.start + text.length]), { kind: 'MEDIA' });
      drafts.alias(e, text);
      drafts.mention(e, agency.span.start, agency.span.start + text.length, 'dateline-agency');
      for (const c of ctx.names) if (c.start === agency.span.start) ctx.used.add(c);
    }
  }
  // Acronyms used alone.
  const orgs = drafts.all('organisation');
  const byInitials = new Map<string, EntityDraft[]>();
  for (const o of orgs) {
    const i = initials(o.name);
    if (i.length >= 2) byInitials.set(i, [...(byInitials.get(i) ?? []), o]);
  }
  for (const c of ctx.names) {
    if (ctx.used.has(c) || c.kind !== 'name' || !isUpper(c.text) || c.text.includes(' ')) continue;
    const e = drafts.find('organisation', c.text) ?? (byInitials.get(c.text.replace(/\./g, ''))?.length === 1 ? byInitials.get(c.text.replace(/\./g, ''))![0] : undefined);
    if (!e) continue;
    if (!e.acronym) drafts.setAcronym(e, c.text);
    drafts.mention(e, c.start, c.end, 'acronym');
    ctx.used.add(c);
  }
  // Names equal to a known organisation's name or alias ("the Foreign Ministry" after "Mexican Foreign Ministry").
  for (const c of ctx.names) {
    if (ctx.used.has(c) || c.kind !== 'name') continue;
    const e = drafts.find('organisation', c.text);
    if (e) {
      drafts.mention(e, c.start, c.end, 'organisation-name');
      ctx.used.add(c);
    }
  }
}

/**
 * A one-word name nobody else claims as the subject of a verb of speech or announcement
 * ("Airbus said", "Boeing, Airbus's rival, announced"): an organisation of unknown kind. People
 * are first named in full, so a lone unknown word that speaks is more likely a body.
 */
export function findSpeakingBodies(ctx: NameContext): void {
  const { drafts } = ctx;
  for (const c of ctx.names) {
    if (ctx.used.has(c) || c.kind !== 'name' || c.headline || c.possessive || c.first !== c.last || isUpper(c.text)) continue;
    if (c.evidence.rule.endsWith('truncated') || drafts.find('person', c.text) || lex().platforms.has(low(c.text))) continue;
    const s = c.sentence;
    const prev = ctx.word(s, c.first - 1);
    if (!SUBJECT_BEFORE.has(prev) || prev === 'and' || ctx.before(s, c.first)) continue;
    const verb = verbAfter(ctx, s, c.last + 1);
    if (!verb || !(SPEECH_VERBS.has(verb) || STATE_ACTION_VERBS.has(verb))) continue;
    const e = drafts.find('organisation', c.text) ?? drafts.create('organisation', c.text, ev('speaking-body', [c.start, c.end]), { kind: 'OTHER' });
    drafts.mention(e, c.start, c.end, 'speaking-body');
    ctx.used.add(c);
  }
  // the same word elsewhere ("Airbus Chief Commercial Officer ...")
  for (const c of ctx.names) {
    if (ctx.used.has(c) || c.kind !== 'name') continue;
    const e = drafts.find('organisation', c.text);
    if (e && e.evidence.rule === 'speaking-body') {
      drafts.mention(e, c.start, c.end, 'organisation-name');
      ctx.used.add(c);
    }
  }
}

/** Plural class nouns that introduce a list of organisation names ("companies Rosneft, Inter and ..."). */
const CLASS_NOUNS: Readonly<Record<string, OrganisationKind>> = {
  companies: 'COMPANY', company: 'COMPANY', firms: 'COMPANY', firm: 'COMPANY', corporations: 'COMPANY', conglomerates: 'COMPANY',
  banks: 'COMPANY', bank: 'COMPANY', lenders: 'COMPANY', lender: 'COMPANY', carriers: 'COMPANY', carrier: 'COMPANY',
  airlines: 'COMPANY', airline: 'COMPANY', manufacturers: 'COMPANY', manufacturer: 'COMPANY', producers: 'COMPANY',
  producer: 'COMPANY', maker: 'COMPANY', makers: 'COMPANY', giant: 'COMPANY', giants: 'COMPANY', insurer: 'COMPANY',
  operator: 'COMPANY', startup: 'COMPANY', retailer: 'COMPANY', miner: 'COMPANY', developer: 'COMPANY',
  groups: 'OTHER', newspapers: 'MEDIA', newspaper: 'MEDIA', broadcasters: 'MEDIA', broadcaster: 'MEDIA', outlets: 'MEDIA',
  parties: 'PARTY', party: 'PARTY', universities: 'OTHER',
};

/** "energy companies Rosneft, En+Group, Inter and Technopromexport": each listed name an organisation of the noun's kind. */
export function findListedOrganisations(ctx: NameContext): void {
  const { drafts } = ctx;
  for (const c of ctx.names) {
    if (ctx.used.has(c) || c.kind !== 'name' || c.headline) continue;
    const s = c.sentence;
    let k = c.first - 1;
    if (ctx.word(s, k) === ':' || ctx.word(s, k) === 'including' || ctx.word(s, k) === 'like') k--;
    if (ctx.word(s, k) === 'as' && ctx.word(s, k - 1) === 'such') k -= 2;
    const kind = CLASS_NOUNS[ctx.word(s, k)];
    if (!kind) continue;
    const list: NameCandidate[] = [];
    for (let cur: NameCandidate | undefined = c; cur && cur.kind === 'name' && !ctx.used.has(cur); ) {
      list.push(cur);
      const w = ctx.word(s, cur.last + 1);
      if (w !== ',' && w !== 'and') break;
      let i = cur.last + 2;
      if (w === ',' && ctx.word(s, i) === 'and') i++;
      cur = ctx.startingAt(s, i);
    }
    for (const item of list) {
      if (drafts.find('person', item.text)) continue;
      const e = drafts.find('organisation', item.text) ?? drafts.create('organisation', item.text, ev('listed-after-class-noun', [item.start, item.end]), { kind });
      drafts.mention(e, item.start, item.end, 'listed-after-class-noun');
      ctx.used.add(item);
    }
  }
}

const AUXILIARIES = new Set(['has', 'have', 'had', 'will', 'would', 'could', 'should', 'can', 'may', 'might', 'must', 'did', 'does', 'do', 'shall']);
const COPULAS = new Set(['is', 'was', 'are', 'were']);
const DAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const ADVERBS = new Set(['yesterday', 'today', 'tonight', 'also', 'then', 'later', 'already', 'still', 'now', 'jointly', 'formally', 'officially', 'reportedly', 'not', 'never', 'once', 'again', 'recently', 'previously', 'subsequently', 'further']);
/** Words after a country that make it a modifier or a noun phrase, not a subject ("Kenya officials", "Iran is ..."). */
const NOT_VERBS = new Set(['officials', 'forces', 'troops', 'authorities', 'people', 'citizens', 'nationals', 'leaders', 'ministers', 'delegates', 'diplomats', 'residents', 'exports', 'imports', 'relations', 'ties', 'talks', 'as', 'is', 'was', 'its', 'this', 'that', 'a', 'an', 'the', 'to', 'and', 'or', 'of', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'been', 'being', 'plus', 'news', 'sources', 'series', 'species']);
/** Words in -ing after "is" / "was" that are adjectives, not a verb's progressive ("Mexico is unwilling"). */
const ING_ADJECTIVES = new Set(['willing', 'unwilling', 'ongoing', 'outstanding', 'interesting', 'upcoming', 'pending', 'existing', 'missing', 'remaining', 'leading', 'promising', 'lacking', 'wanting', 'worrying', 'encouraging', 'disappointing', 'surprising', 'convincing', 'demanding', 'developing', 'emerging', 'booming', 'thriving', 'struggling', 'neighbouring', 'neighboring']);
const SUBJECT_BEFORE = new Set(['', ',', 'but', 'while', 'that', 'as', 'when', 'after', 'because', 'if', 'since', 'and', 'though', 'although', 'whereas', '“', '"', '—', '–', '-', '--', ':', '(']);

/** The verb after a subject ending at token `i - 1`: past an apposition, adverbs and an auxiliary; undefined when none follows. */
function verbAfter(ctx: NameContext, s: number, i: number): string | undefined {
  if (ctx.word(s, i) === ',') {
    // "Pakistan, Iran's most populous neighbour, has seen ...": skip the apposition
    let k = i + 1;
    while (k < i + 14 && ctx.token(s, k) && ctx.word(s, k) !== ',') k++;
    if (ctx.word(s, k) !== ',') return undefined;
    i = k + 1;
  }
  const skip = () => {
    for (;;) {
      const w = ctx.word(s, i);
      if (ADVERBS.has(w) || /^[a-z]+ly$/.test(w)) i++;
      else if (w === 'on' && DAYS.has(ctx.word(s, i + 1))) i += 2; // "Kenya on Monday signed"
      else break;
    }
  };
  skip();
  let w = ctx.word(s, i);
  if (AUXILIARIES.has(w)) {
    i++;
    skip();
    w = ctx.word(s, i);
    if (w === 'been') w = ctx.word(s, ++i);
    return /^[a-z][a-z-]+$/.test(w) && !NOT_VERBS.has(w) ? w : undefined;
  }
  if (COPULAS.has(w)) {
    // "Kenya is hosting" (active), not "Kenya was invaded" (passive) nor "Kenya is ready"
    w = ctx.word(s, i + 1);
    return /^[a-z]+ing$/.test(w) && !ING_ADJECTIVES.has(w) ? w : undefined;
  }
  if (STATE_ACTION_VERBS.has(w) || SPEECH_VERBS.has(w)) return w;
  if (NOT_VERBS.has(w) || !/^[a-z]{3,}(?:ed|es|s)$/.test(w) || /(?:ss|us|is|ics)$/.test(w)) return undefined;
  return w;
}

/**
 * A country named as the subject of a verb ("Pakistan hosted", "Kenya and South Sudan signed",
 * "Iran attaches", "Pakistan, Iran's neighbour, has seen"): a STATE organisation named as the
 * country and linked to its country place, with the subject as its mention (`state-acts`).
 */
export function findStates(ctx: NameContext): void {
  const { drafts } = ctx;
  for (const c of ctx.names) {
    if (c.kind !== 'country' || c.possessive || !c.iso2 || c.headline) continue;
    const s = c.sentence;
    const prev = c.first === 0 ? '' : ctx.word(s, c.first - 1);
    if (!SUBJECT_BEFORE.has(prev) && ctx.before(s, c.first)?.kind !== 'title') continue;
    if (prev === 'and' && ctx.endingAt(s, c.first - 2, 'country')) continue; // read from the first of the pair
    // "Kenya and South Sudan signed": the verb after the last country of the pair
    let subjects = [c];
    let i = c.last + 1;
    if (ctx.word(s, i) === 'and') {
      const other = ctx.startingAt(s, i + 1, 'country');
      if (!other || other.possessive) continue;
      subjects = [c, other];
      i = other.last + 1;
    }
    if (!verbAfter(ctx, s, i)) continue;
    for (const sub of subjects) {
      const place = namedCountry(ctx, sub.iso2);
      const country = countryByIso2(sub.iso2!)!;
      if (!country.sovereign) continue;
      const e =
        drafts.all('organisation').find((o) => o.kind === 'STATE' && o.country === place?.id) ??
        drafts.create('organisation', country.name, ev('state-acts', [sub.start, sub.end]), { kind: 'STATE', ...(place ? { country: place.id } : {}) });
      drafts.mention(e, sub.start, sub.end, 'state-acts');
    }
  }
}
