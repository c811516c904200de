/**
 * People, part of the `entities` stage (./entities.ts): which name candidates are people, their
 * names without honorifics, their short forms ("Larijani", "Mia Mottley", "I.K.Azizov") and their
 * roles (title, organisation, country).
 *
 * Evidence that a name is a person, each a rule name in the mention:
 * - `title-before-name`: a title chain leads to it ("Pakistan's Interior Minister X", "President of
 *   Ghana, X", "Minister of Foreign Affairs of Mongolia X", "Deputy Chief of Staff of the
 *   Presidential Administration and Presidential Spokesman X");
 * - `apposition`: a title after it ("X, Secretary of Iran's Supreme National Security Council,",
 *   "X, the EU special envoy");
 * - `honorific`: "Mr.", "Dr", "H.E." before it (kept out of the name);
 * - `name-style`: it starts with a style that is part of the name ("Sheikh Mishal ...", "Prince
 *   Faisal ..."); a royal office before one given name is kept too ("King Salman");
 * - `cue-before`: "his counterpart X", "my sister, X";
 * - `speech-verb`: "X said", "said X", "X told";
 * - `byline`: a news agency's own person ("RIA Novosti's X").
 * A shorter form of a known person's name (surname alone, given name alone, first and last name,
 * initials) is a mention of that person when exactly one person fits (`short-form`); when two
 * fit ("Momen" with two Momens), the one mentioned last before it in the same or previous
 * paragraph, else none.
 */
import type { EntityDraft, NameCandidate } from '../document.ts';
import { foldName } from '../../domain/fold.ts';
import { ev } from '../drafts.ts';
import { isCapitalised, isUpper, lex, low, NAME_PARTICLES, SPEECH_VERBS } from '../lexicon.ts';
import type { NameContext } from '../name-context.ts';
import { pluralChain, readTitleChain, type PendingRoles, type RoleParse } from './roles.ts';

/** Words before a name that make it a person's ("his counterpart X"). */
const PERSON_CUES = new Set([
  'counterpart', 'counterparts', 'colleague', 'sister', 'brother', 'wife', 'husband', 'son', 'daughter', 'father',
  'mother', 'widow', 'successor', 'predecessor', 'deputy', 'aide', 'rival', 'opponent', 'challenger', 'friend',
  'spokesman', 'spokeswoman', 'spokesperson', 'incumbent', 'host',
]);
/** Nouns after a possessive that only a person has ("X's wife", "X's adviser"). */
const POSSESSED_BY_PEOPLE = new Set(['wife', 'husband', 'son', 'daughter', 'father', 'mother', 'brother', 'sister', 'widow', 'family', 'children', 'adviser', 'advisor', 'aide', 'aides', 'spokesman', 'spokeswoman', 'spokesperson', 'lawyer', 'lawyers', 'bodyguard', 'biographer', 'successor', 'predecessor', 'presidency', 'premiership', 'birthday', 'funeral', 'inauguration', 're-election', 'resignation']);
/** Participles after "was" / "is" / "has been" that say a person was acted on ("X was elected"). */
const PERSON_PASSIVES = new Set(['elected', 're-elected', 'removed', 'ousted', 'impeached', 'arrested', 'detained', 'jailed', 'released', 'sworn', 'appointed', 'named', 'nominated', 'born', 'killed', 'injured', 'wounded', 'kidnapped', 'sentenced', 'convicted', 'acquitted', 'charged', 'indicted', 'dismissed', 'sacked', 'fired', 'promoted', 'inaugurated', 'succeeded', 'replaced', 'quoted', 'pictured']);
const PREPOSITIONS = new Set(['at', 'of', 'in', 'from', 'for', 'with', 'by', 'to', 'on', 'about', 'against', 'between', 'among', 'the', 'a', 'an']);
/** Verbs whose subject, named with two or more words, is a person ("X met", "X arrived"). */
const PERSON_ACTS = new Set(['met', 'meets', 'visited', 'visits', 'arrived', 'arrives', 'received', 'receives', 'welcomed', 'welcomes', 'thanked', 'thanks', 'congratulated', 'congratulates', 'travelled', 'traveled', 'flew', 'departed', 'resigned', 'smiled', 'replied', 'tweeted', 'wrote', 'spoke', 'speaks', 'urged', 'urges', 'pledged', 'promised', 'praised', 'praises', 'accompanied', 'hosted', 'hosts', 'conveyed', 'expressed', 'called']);
/** A name that can be a person's: 1–6 words, no organisation, place or event head, not an acronym alone. */
export function personShaped(c: NameCandidate): boolean {
  if (c.kind !== 'name' && c.kind !== 'city') return false;
  const L = lex();
  const words = c.text.split(/\s+/);
  if (words.length > 6 || /\d/.test(c.text)) return false;
  if (words.length === 1 && isUpper(c.text) && !c.text.includes('.')) return false;
  for (const raw of words) {
    const w = low(raw);
    if (/-(?:based|led|owned|backed|run|funded|born|made)$/.test(w)) return false;
    if (L.orgHeadWords.has(w) || L.placeHeads.has(w) || L.nonEntityHeads.has(w) || L.platforms.has(w) || L.regionHeads.has(w)) return false;
    if (w === 'of' || w === 'for' || w === 'and' || w === 'the' || w === '&') return false;
  }
  if (words.length === 1) {
    const w = low(words[0]!);
    if (L.portfolio.has(w) || L.styles.has(w) || L.royal.has(w) || L.titleModifiers.has(w) || L.honorifics.match([{ text: w, start: 0, end: 0 }], 0)) return false;
  }
  return true;
}

/** Folded name parts: words, and initials glued with dots split ("I.K.Azizov" → i, k, azizov). */
const partsMemo = new Map<string, string[]>();
export function nameParts(name: string): string[] {
  let parts = partsMemo.get(name);
  if (!parts) {
    parts = foldName(name.replace(/\./g, ' ')).split(' ').filter(Boolean);
    if (partsMemo.size > 5000) partsMemo.clear();
    partsMemo.set(name, parts);
  }
  return parts;
}

const isInitialPart = (p: string) => p.length === 1;

/**
 * `short` names the same person as `long`: its full words are an ordered subsequence of long's,
 * holding long's last word or its first given name; its initials match given names' first letters.
 */
export function isShortForm(short: string[], long: string[]): boolean {
  const L = lex();
  const full = short.filter((p) => !isInitialPart(p));
  if (!full.length || full.length > long.length) return false;
  let k = 0;
  const matched: number[] = [];
  for (const p of full) {
    while (k < long.length && long[k] !== p) k++;
    if (k === long.length) return false;
    matched.push(k++);
  }
  const firstGiven = long.findIndex((p) => !L.styles.has(p) && !L.royal.has(p) && !NAME_PARTICLES.has(p));
  const holdsLast = matched.includes(long.length - 1);
  const holdsFirst = matched.includes(firstGiven);
  if (!holdsLast && !holdsFirst) return false;
  if (full.length === 1 && (L.styles.has(full[0]!) || NAME_PARTICLES.has(full[0]!))) return false;
  // initials before the first full word must fit the given names
  const initials = short.slice(0, short.indexOf(full[0]!)).filter(isInitialPart);
  if (initials.length && !long.some((p, i) => i < matched[0]! && p.startsWith(initials[0]!))) return false;
  return true;
}

/** How full a name is: full words first, then length. */
const fullness = (name: string) => nameParts(name).filter((p) => !isInitialPart(p)).length * 100 + name.length;

/**
 * Finds or creates the person a name (with evidence) denotes. A short form that fits several
 * known people and none of them was mentioned just before is left alone (undefined).
 */
export function addPerson(ctx: NameContext, name: string, span: [number, number], rule: string, support: Array<[number, number]> = []): EntityDraft | undefined {
  const parts = nameParts(name);
  const { drafts } = ctx;
  const exact = drafts.find('person', name);
  let person = exact;
  if (!person) {
    const fits = drafts.all('person').filter((p) => {
      const q = nameParts(p.name);
      return isShortForm(parts, q) || isShortForm(q, parts);
    });
    if (fits.length === 1) person = fits[0];
    else if (fits.length > 1) {
      person = nearest(ctx, fits, span[0]);
      if (!person) return undefined;
    }
  }
  if (!person) {
    person = drafts.create('person', name, ev(rule, span, ...support));
  } else if (fullness(name) > fullness(person.name) && isShortForm(nameParts(person.name), parts)) {
    drafts.rename(person, name);
  } else drafts.alias(person, name);
  drafts.mention(person, span[0], span[1], rule);
  return person;
}

/** The one of `people` mentioned last before `offset` in the same or the previous paragraph. */
function nearest(ctx: NameContext, people: EntityDraft[], offset: number): EntityDraft | undefined {
  const paras = ctx.doc.paragraphs;
  const here = paras.findIndex((p) => offset >= p.start && offset <= p.end);
  const from = paras[Math.max(0, here - 1)]?.start ?? 0;
  let best: EntityDraft | undefined;
  let at = -1;
  for (const p of people)
    for (const m of p.mentions)
      if (m.start < offset && m.start >= from && m.start > at) {
        at = m.start;
        best = p;
      }
  return best;
}

/** Person evidence for a name candidate not led to by a title: honorific, style, cue, apposition, speech verb, byline. */
function otherEvidence(ctx: NameContext, c: NameCandidate): { rule: string; roles: RoleParse[] } | undefined {
  const L = lex();
  const s = c.sentence;
  const first = low(c.text.split(/\s+/)[0]!);
  const words = c.text.split(/\s+/).length;
  if (ctx.endingAt(s, c.first - 1, 'honorific')) return { rule: 'honorific', roles: [] };
  if (L.styles.has(first) && words >= 2) return { rule: 'name-style', roles: [] };
  const before = ctx.word(s, c.first - 1) === ',' ? ctx.word(s, c.first - 2) : ctx.word(s, c.first - 1);
  if (PERSON_CUES.has(before)) return { rule: 'cue-before', roles: [] };
  // "Dagalo's adviser", "Odinga's wife": what only a person has
  if (c.possessive && POSSESSED_BY_PEOPLE.has(ctx.word(s, c.last + 2))) return { rule: 'possessor', roles: [] };
  // apposition: "X, [the] [Iran's|Iranian|EU] Title ..."
  if (ctx.word(s, c.last + 1) === ',' && !c.possessive) {
    let i = c.last + 2;
    if (ctx.word(s, i) === 'the') i++;
    let cand = ctx.startingAt(s, i);
    for (let hop = 0; hop < 2 && cand && cand.kind !== 'title' && (cand.kind === 'demonym' || cand.kind === 'country' || cand.kind === 'organisation'); hop++) {
      cand = ctx.startingAt(s, ctx.after(cand));
    }
    if (cand?.kind === 'title' && !cand.evidence.rule.includes('plural')) {
      const chain = readTitleChain(ctx, cand);
      if (!chain.target || chain.target === c) return { rule: 'apposition', roles: chain.roles };
    }
  }
  // byline: "RIA Novosti's Valery Niyazmatov"
  const prev = ctx.before(s, c.first);
  if (prev?.kind === 'organisation' && prev.media && prev.possessive && words >= 2) return { rule: 'byline', roles: [{ title: 'Correspondent', span: [c.start, c.end], org: prev }] };
  // A verb of speech or a person's act beside a name of two or more words ("Lars Berg told", "said Kofi Mensah",
  // "Ana Ruiz met", "Pedro Castillo was removed"); one word alone ("Gazprom said") may as well be an
  // organisation, and a name after a preposition ("analysts at X said") is not the subject.
  const p1 = ctx.word(s, c.first - 1);
  if (words >= 2 && words <= 4 && !isUpper(c.text) && !c.evidence.rule.endsWith('truncated')) {
    const next = ctx.word(s, ctx.after(c));
    const subject = !c.possessive && !PREPOSITIONS.has(p1) && !ctx.before(s, c.first);
    if (subject && SPEECH_VERBS.has(next)) return { rule: 'speech-verb', roles: [] };
    if (/^(said|says|added|noted|wrote|stated|stressed|explained|insisted)$/.test(p1)) return { rule: 'speech-verb', roles: [] };
    if (subject && PERSON_ACTS.has(next)) return { rule: 'subject-of-act', roles: [] };
    if (subject && (next === 'was' || next === 'is' || next === 'has') && PERSON_PASSIVES.has(ctx.word(s, ctx.after(c) + (ctx.word(s, ctx.after(c) + 1) === 'been' ? 2 : 1))))
      return { rule: 'subject-of-act', roles: [] };
  }
  // A byline: "By Maria Santos" as a paragraph of its own
  if (p1 === 'by' && c.first === 1 && ctx.doc.sentences[s]!.tokens.length <= c.last + 3 && words >= 2)
    return { rule: 'byline', roles: [{ title: 'Reporter', span: [c.start, c.end] }] };
  return undefined;
}

/** A royal office before one given name stays in the name ("King Salman"): the title candidate, if so. */
function royalBefore(ctx: NameContext, c: NameCandidate): NameCandidate | undefined {
  const t = ctx.endingAt(c.sentence, c.first - 1, 'title');
  if (!t || t.first !== t.last || !lex().royal.has(low(t.text)) || !isCapitalised(t.text)) return undefined;
  const parts = c.text.split(/\s+/);
  return parts.length <= 2 && !lex().styles.has(low(parts[0]!)) ? t : undefined;
}

/** Pass 1: names with person evidence become people; their roles wait for organisations and places. */
export function findPeople(ctx: NameContext): PendingRoles[] {
  const pending: PendingRoles[] = [];
  const chained = new Map<NameCandidate, RoleParse[]>();
  for (const t of ctx.names) {
    if (t.kind !== 'title' || t.headline) continue;
    if (t.evidence.rule.includes('plural')) {
      for (const [target, role] of pluralChain(ctx, t)) chained.set(target, [...(chained.get(target) ?? []), role]);
      continue;
    }
    const chain = readTitleChain(ctx, t);
    if (chain.target && !chain.target.headline) chained.set(chain.target, [...(chained.get(chain.target) ?? []), ...chain.roles]);
  }
  for (const c of ctx.names) {
    if (c.headline || ctx.used.has(c) || !(c.kind === 'name' || (c.kind === 'city' && chained.has(c)))) continue;
    let rule: string | undefined;
    let roles: RoleParse[] = [];
    if (chained.has(c) && personShaped({ ...c, kind: 'name' })) {
      rule = 'title-before-name';
      roles = chained.get(c)!;
      const more = otherEvidence(ctx, c);
      if (more?.rule === 'apposition') roles.push(...more.roles);
    } else if (personShaped(c)) {
      const other = otherEvidence(ctx, c);
      if (other) ({ rule, roles } = other);
    }
    if (!rule) continue;
    const royal = royalBefore(ctx, c);
    let name = royal ? `${royal.text} ${c.text}` : c.text;
    let span: [number, number] = royal ? [royal.start, c.end] : [c.start, c.end];
    // An unknown abbreviation before a full name is a title, not part of it ("CSG Patricia Scotland")
    const lead = /^(\p{Lu}{2,6})\s+(?=\S+\s+\S)/u.exec(name);
    if (lead && !royal) {
      name = name.slice(lead[0].length);
      span = [span[0] + lead[0].length, span[1]];
    }
    const person = addPerson(ctx, name, span, rule, roles.map((r) => r.span));
    if (!person) continue;
    ctx.used.add(c);
    if (royal) roles.push({ title: royal.text, span: [royal.start, royal.end] });
    if (roles.length) pending.push({ person, roles });
  }
  return pending;
}

/** Pass 2: short forms of known people ("Larijani", "Prince Faisal"), in body and headline; handles ("@FaisalbinFarhan"). */
export function findShortForms(ctx: NameContext): void {
  const people = ctx.drafts.all('person');
  if (!people.length) return;
  const parts = new Map(people.map((p) => [p, [nameParts(p.name), ...p.aliases.map(nameParts)]]));
  for (const c of ctx.names) {
    if (ctx.used.has(c) || (c.kind !== 'name' && c.kind !== 'city' && c.kind !== 'country')) continue;
    if (c.kind !== 'name' && !c.headline && !isPersonOnly(ctx, c, parts)) continue;
    const hit = matchPeople(ctx, c.text, c.start, parts);
    if (hit) {
      ctx.drafts.mention(hit, c.start, c.end, 'short-form');
      ctx.drafts.alias(hit, c.text);
      ctx.used.add(c);
      continue;
    }
    // A fuller form of a known name ("Salva Kiir" after "President Kiir"): the person's name becomes it.
    if (c.kind === 'name' && !c.headline && personShaped(c)) {
      const full = nameParts(c.text);
      const fits = people.filter((p) => isShortForm(nameParts(p.name), full));
      if (fits.length === 1) {
        const p = fits[0]!;
        if (fullness(c.text) > fullness(p.name)) ctx.drafts.rename(p, c.text);
        ctx.drafts.mention(p, c.start, c.end, 'fuller-form');
        parts.set(p, [nameParts(p.name), ...p.aliases.map(nameParts)]);
        ctx.used.add(c);
        continue;
      }
    }
    // "CSG Patricia Scotland" in a headline: a known name at the end of a longer run
    if (c.kind === 'name') {
      const words = c.text.split(/\s+/);
      for (let k = 1; k < words.length; k++) {
        const tail = words.slice(k).join(' ');
        const start = c.start + c.text.lastIndexOf(tail);
        const p = matchPeople(ctx, tail, start, parts);
        if (p) {
          ctx.drafts.mention(p, start, c.end, 'short-form');
          ctx.drafts.alias(p, tail);
          ctx.used.add(c);
          break;
        }
      }
    }
  }
  // "X, known as MBS", "X (MBS)": another name for a person right after a mention of them
  const byEnd = new Map(ctx.names.map((n) => [n.end, n]));
  for (const p of people) {
    for (const m of [...p.mentions]) {
      const c = byEnd.get(m.end);
      if (!c) continue;
      const s = c.sentence;
      let i = c.last + 1;
      let alt: NameCandidate | undefined;
      if (ctx.word(s, i) === '(' && ctx.word(s, i + 2) === ')') alt = ctx.startingAt(s, i + 1);
      else {
        if (ctx.word(s, i) === ',') i++;
        if (ctx.word(s, i) === 'also' || ctx.word(s, i) === 'better' || ctx.word(s, i) === 'widely') i++;
        if (ctx.word(s, i) === 'known' && ctx.word(s, i + 1) === 'as') alt = ctx.startingAt(s, i + 2);
      }
      if (!alt || alt.kind !== 'name' || ctx.used.has(alt)) continue;
      ctx.drafts.alias(p, alt.text);
      ctx.drafts.mention(p, alt.start, alt.end, 'known-as');
      ctx.used.add(alt);
      for (const n of ctx.names) if (!ctx.used.has(n) && n.kind === 'name' && n.text === alt.text) {
        ctx.drafts.mention(p, n.start, n.end, 'known-as');
        ctx.used.add(n);
      }
    }
  }
  // "@FaisalbinFarhan": a handle spelling a known name without spaces
  const text = ctx.doc.text;
  for (const m of text.matchAll(/@([A-Za-z][A-Za-z0-9_]{2,30})/g)) {
    const handle = m[1]!.toLowerCase();
    for (const p of people) {
      const ps = nameParts(p.name);
      let found = false;
      for (let a = 0; a < ps.length && !found; a++)
        for (let b = a + 2; b <= ps.length && !found; b++) if (ps.slice(a, b).join('') === handle) found = true;
      if (found) {
        ctx.drafts.alias(p, m[1]!);
        ctx.drafts.mention(p, m.index! + 1, m.index! + m[0].length, 'handle');
        break;
      }
    }
  }
}

/** A gazetteer hit that is really a person's short form: "Scotland" after "Patricia Scotland" (and no place of that name mentioned by title). */
function isPersonOnly(ctx: NameContext, c: NameCandidate, parts: Map<EntityDraft, string[][]>): boolean {
  const f = foldName(c.text);
  for (const [, list] of parts) for (const q of list) if (q.length > 1 && q.at(-1) === f) return true;
  return false;
}

function matchPeople(ctx: NameContext, text: string, offset: number, parts: Map<EntityDraft, string[][]>): EntityDraft | undefined {
  const short = nameParts(text);
  if (!short.length) return undefined;
  const fits: EntityDraft[] = [];
  for (const [p, list] of parts) if (list.some((q) => q.join(' ') === short.join(' ') || isShortForm(short, q))) fits.push(p);
  if (fits.length === 1) return fits[0];
  if (fits.length > 1) return nearest(ctx, fits, offset);
  return undefined;
}
