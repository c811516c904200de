/**
 * Stage `engagements`: visits, meetings, talks, calls, statements, agreements, conferences,
 * delegations, conflicts and ceremonies → `Doc.engagements`, and each quote's engagement.
 *
 * Per sentence, every engagement word of the table (../knowledge/engagement-verbs.ts) outside
 * quotations is read through its frame: who acts (the subject before it, coordinated subjects,
 * a possessor "X's visit", "his visit", a plural "the two leaders" = the last engagement's
 * parties), who undergoes it (people and organisations after it in its clause), the explicit
 * host–guest relation ("received", "welcomed by", "at the invitation of", "called on", a courtesy
 * call), the place (a place after it in its clause), the time words nearest to it in its clause
 * that the partial-date resolver reads, and the status (tense, modal and time words, and the
 * resolved date against the reference date). Speech verbs with a speaker (and the quotes
 * stage's speakers) make STATEMENTs. Mentions of one event are merged: same kind, one party set
 * contained in the other, compatible place (a city lies in the country) and time words; a
 * definite "the visit" with no party of its own is the latest visit. Engagements with no
 * participant are dropped.
 */
import { DocIndex, type MentionRef, type Ref } from '../doc-index.ts';
import { findDateWords, readableDate } from '../date-words.ts';
import type { DateWords, Doc, EngagementDraft, Evidence, ParticipantDraft } from '../document.ts';
import type { EngagementKind, EngagementStatus, ParticipantRole } from '../../db/schema.ts';
import { ENGAGEMENT_WORDS, SPEECH_PARTICIPLES, SPEECH_VERBS, WEAK_SPEECH, type EngagementWord } from '../knowledge/engagement-verbs.ts';
import { findQuotations } from './quotes.ts';

const TRIGGERS = new RegExp(`(?<![\\w-])(?:${ENGAGEMENT_WORDS.map((w) => `(${w.pattern})`).join('|')})(?![\\w-])`, 'gi');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Case-sensitive: "United States" is not a speech verb.
const SPEECH = new RegExp(`(?<![\\w-])(?:(${SPEECH_VERBS.map(escape).join('|')})|(${SPEECH_PARTICIPLES.map(escape).join('|')}))(?![\\w-])`, 'g');

const CLAUSE_LEFT = /;|:|,\s+(?=(?:and|but|while|whereas|where|when|which|who|adding|saying|as)\b)|\b(?:where|when|while|whereas|after|before|because|which|who)\b/gi;
const CLAUSE_RIGHT = /;|,\s+(?:and|but|while|whereas|where|which|who|adding|saying|as|following)\b|\s+and\s+(?=(?:also\s+)?(?:[a-z]+(?:ed|es)|have|hold|meet|sign|visit|attend|discuss|travel|take|make|pay|then)\b)|\s(?:where|when|while|whereas|because|which|who)\b|,\s+(?:the\s+)?[\w\s]{0,40}?\b(?:said|added|stated|noted)\b/gi;
const MODAL = /(?:\s+|^)(?:will|would|shall|is|are|was|were|has|have|had|be|been|being|also|then|later|jointly|officially|reportedly|subsequently|successfully|briefly|first|again|not|set to|expected to|scheduled to|schedued to|schedueld to|due to|plans? to|planning to|going to|to|are to|is to|was to|were to|would also|will also|finally|recently|already|earlier|formally|scheduled|schedued|schedueld|expected|set|due|slated|planning|going|able|agreed to|decided to|promised to|pledged to|vowed to|hopes? to|wants? to|intends? to|plans? to)\s*$/i;
const PLANNED = /\b(?:will|shall|would|set to|expected to|scheduled|schedued|schedueld|due to|plans? to|planned|planning|upcoming|forthcoming|next|tomorrow|later this|is to|are to|was to|were to|to be held|to be signed|intends? to|hopes? to|proposed|invited|invitation to)\b/i;
const ONGOING = /\b(?:is|are) (?:visiting|on (?:an?|his|her|the) [\w\s-]*(?:visit|tour|trip)|holding|meeting|attending|in talks)|\b(?:currently|starting today|arrived|arrives|has arrived|have arrived|touched down|touches down|heads? to|departed for|departs for|has departed|left for|is accompanied|begins|began|kicked off|underway|ongoing)\b/i;
const COMPLETED = /\b(?:met|held|visited|signed|said|told|wrote|made|paid|completed|concluded|ended|received|hosted|welcomed|discussed|led|spoke|agreed|attended|returned|went|took place|was held|were held|last|ago|earlier|yesterday|previous|previously|former)\b/i;
/** "the two leaders", "both sides", "the heads of state of X and Y", "they": the parties of the latest engagement. */
const PLURAL_PARTIES = /(?:\b(?:the two|both|the|both the|the two)\s+(?:[\w-]+\s+)?(?:leaders|presidents|sides|heads of (?:state|government)|ministers|counterparts|delegations|officials|prime ministers|countries|parties|envoys|visitors|pair|duo)(?:\s+of\s+[A-Z][\w\s]*?)?|\bthe two|\b[Tt]hey)\s*$/i;
/** "the delegation", "the visiting team": the guests of the latest visit or delegation. */
const GROUP = /\b(?:the|this|our|his|her|their)\s+(?:[\w-]+\s+)?(?:delegation|team|entourage|visitors|party)\s*$/i;
/** A schedule: what it lists is the visitor's. */
const PROGRAMME = /\b(?:programmes?|programs?|agenda|itinerary|schedule)\b/i;
/** Verbs that take an event noun as object ("made a visit", "held a meeting"): their subject takes part. */
const LIGHT = /\b(?:made|make|makes|making|pay|paid|pays|paying|began|begin|begins|completed|completes|complete|concluded|ended|undertook|undertake|undertaking|is on|was on|are on|were on|held|hold|holds|holding|have|has|had|attend|attended|attends|attending|joined|join|joins|led|lead|leads|chaired|chair|addressed|sign|signed|reached|take part in|took part in|takes part in|taking part in|participated in|participate in|participates in|to have)\b/gi;
/**
 * Rule `date-from-statement`: "His comments came during a meeting", "Her remarks were made at a
 * news conference", "Their statement, at a summit": the event is where a statement just
 * reported was made, so it takes that statement's time words when it has none of its own.
 * Group 1 is the cue ("His comments came during").
 */
const OCCASION_OF_STATEMENT = /\b((?:his|her|their|the)\s+(?:comments?|remarks?|statements?|words|speech|address)(?:,?\s+(?:came|come|were|was)(?:\s+(?:made|delivered|given))?)?(?:\s+(?:during|at|on|in the course of)|,\s+(?:made\s+)?(?:during|at)))\s+(?:an?|the|his|her|their)\s+(?:[\w-]+\s+){0,2}$/i;
const AGREEMENT_OBJECT = /\b(?:agreements?|memorand(?:um|a)|MoUs?|accords?|treat(?:y|ies)|deals?|protocols?|documents?|declarations?|contracts?|pacts?|charters?|conventions?)\b/i;

interface Candidate {
  kind: EngagementKind;
  cameo: string;
  participants: ParticipantDraft[];
  place?: string;
  date?: DateWords;
  status: EngagementStatus;
  /** Offset of the words that named it. */
  at: number;
  spans: Array<[number, number]>;
  rule: string;
  /** "the visit", "his meeting": may name an event already seen. */
  definite: boolean;
  /** Its parties join the latest engagement of its kind ("The meeting was attended by X"). */
  attach?: boolean;
  quotes: number[];
}

const ROLE_RANK: Record<ParticipantRole, number> = { HOST: 3, GUEST: 3, LEAD: 3, SPEAKER: 2, TARGET: 2, PARTICIPANT: 1 };
const KIND_LABEL: Record<EngagementKind, string> = {
  VISIT: 'Visit', MEETING: 'Meeting', TALKS: 'Talks', CALL: 'Call', STATEMENT: 'Statement', AGREEMENT: 'Agreement',
  DELEGATION: 'Delegation', CONFERENCE: 'Conference', CONFLICT: 'Conflict', OTHER: 'Event',
};

export function engagements(doc: Doc): void {
  const idx = new DocIndex(doc);
  const text = doc.text;
  const quotations = findQuotations(doc);
  idx.quotations = quotations;
  const inQuote = (pos: number) => quotations.some((q) => q.open < pos && pos < q.close);
  // A quoted release in the third person ("The minister is scheduled to call on ...") reports
  // events; one in the first or second person is someone's speech.
  const reportive = quotations.map((q) => {
    const words = text.slice(q.start, q.end);
    return words.split(/\s+/).length >= 8 && !/\b(?:I|we|We|us|our|Our|my|My|me|you|You|your|Your)\b/.test(words);
  });
  const inSpeech = (pos: number) => quotations.some((q, i) => q.open < pos && pos < q.close && !reportive[i]);
  const candidates: Candidate[] = [];
  // Speakers from the quotes stage count as sentence subjects for pronouns.
  for (const q of doc.quotes) {
    const sp = q.evidence.spans[1];
    if (sp) idx.extraSubjects.push({ entity: q.speaker, start: q.evidence.spans[0]![0], end: q.evidence.spans[0]![1], rule: 'speaker' });
  }
  const insideName = (start: number, end: number) =>
    idx.mentionsIn(Math.max(0, start - 120), end + 120).some((m) => m.draft.type !== 'person' && m.start <= start && end <= m.end && m.end - m.start > end - start);

  /** A person or organisation a mention stands for (a country place → its STATE organisation). */
  const actorOf = (m: MentionRef): string | undefined => {
    if (m.draft.type === 'place') return m.draft.kind === 'COUNTRY' ? idx.stateOf(m.draft.id) : undefined;
    return m.entity;
  };
  /** An organisation named only as part of someone's office ("Minister of Foreign Affairs of Mongolia X"). */
  const inOffice = (m: MentionRef): boolean => {
    if (m.draft.type !== 'organisation') return false;
    const after = text.slice(m.end, m.end + 60);
    if (/^\s*(?:['’]s\s+)?(?:\(\w+\)\s*)?(?:[A-Z][\w.-]*\s+){0,4}?(?:Secretary|Minister|President|Ambassador|Spokes\w+|Chief|Head|Chair\w*|Director|Envoy|Representative|Commissioner|Governor|Speaker|Leader|CEO|Sec)\b/.test(after)) return true;
    const before = text.slice(Math.max(0, m.start - 60), m.start);
    if (/\b(?:Secretary|Minister|President|Ambassador|Spokes\w+|Chief|Head|Chair\w*|Director|Envoy|Representative|Commissioner|Governor|Speaker|Leader|CEO|Adviser|Advisor|General|member)\b[\w\s,-]{0,25}\b(?:of|to|at|in)\s+(?:the\s+)?$/i.test(before)) return true;
    return idx.doc.entities.some((p) => p.type === 'person' && p.roles.some((r) => r.organisation === m.entity) && p.mentions.some((pm) => Math.abs(pm.start - m.end) < 50 || Math.abs(m.start - pm.end) < 50));
  };
  const possessiveState = (m: MentionRef) => m.draft.type !== 'person' && /^['’]s?\b/.test(text.slice(m.end, m.end + 2)) && m.draft.kind !== 'MINISTRY';

  const clauseOf = (s: { start: number; end: number }, ts: number, te: number) => {
    let start = s.start;
    const left = text.slice(s.start, ts);
    CLAUSE_LEFT.lastIndex = 0;
    for (const m of left.matchAll(CLAUSE_LEFT)) if (!inQuote(s.start + m.index)) start = s.start + m.index + m[0].length;
    let end = s.end;
    const right = text.slice(te, s.end);
    CLAUSE_RIGHT.lastIndex = 0;
    for (const m of right.matchAll(CLAUSE_RIGHT)) {
      if (inQuote(te + m.index)) continue;
      end = te + m.index;
      break;
    }
    return { start, end };
  };

  /** Actors right after `from` in the clause, skipping offices, possessive states, "of X". */
  const actorsIn = (from: number, to: number, opts: { skipAfterBy?: boolean; statesOk?: boolean; topics?: boolean } = {}): Array<{ id: string; m: MentionRef }> => {
    const out: Array<{ id: string; m: MentionRef }> = [];
    if (!opts.topics) {
      // What follows "about", "on", "to discuss" is the topic, not a party.
      const topic = /\s(?:about|regarding|concerning|to discuss|to review|as part of|within the framework of)\s/i.exec(text.slice(from, to));
      if (topic) to = from + topic.index;
    }
    let covered = -1;
    for (const m of idx.mentionsIn(from, to)) {
      if (m.start < covered) continue; // a name inside a longer one ("... of ASEAN")
      covered = m.end;
      if (inSpeech(m.start)) continue;
      if (m.draft.type === 'place' && !opts.statesOk) continue;
      if (inOffice(m) || possessiveState(m)) continue;
      const before = text.slice(Math.max(from, m.start - 30), m.start);
      if (opts.skipAfterBy && /\b(?:by|of)\s+(?:the\s+)?(?:[A-Z][\w.-]*\s+){0,4}$/.test(before)) continue;
      if (/\b(?:invitation of|on behalf of|according to)\s+(?:the\s+)?(?:[A-Z][\w.-]*\s+){0,4}$/i.test(before)) continue;
      const id = actorOf(m);
      if (id && !out.some((x) => x.id === id)) out.push({ id, m });
    }
    return out;
  };

  /** The subject(s) ending before `end`, reading back to `from`: "X and Y", "X's", "his", "the two leaders". */
  const subjectsBefore = (from: number, end: number, prevSubjects: string[], noun = false): string[] => {
    let left = text.slice(from, end);
    for (let i = 0; i < 6; i++) {
      let next = left.replace(MODAL, '');
      // Time words between subject and verb ("X on Sunday evening received Y").
      const d = findDateWords(text, from, from + next.trimEnd().length, doc.referenceDate).pop();
      if (d && d.end === from + next.trimEnd().length) next = text.slice(from, d.start);
      if (next === left) break;
      left = next;
    }
    left = left.replace(/\s+$/, '');
    const e = from + left.length;
    // Possessor: "X's visit", "his (official) visit".
    const poss = /(?:['’]s?|\b(?:his|her|its|their))\s+(?:(?!(?:a|an|the|this|that|these|those|was|is|were|are|follows|followed|after|before)\b)[\w-]+\s+){0,2}$/i.exec(left + ' ');
    if (poss && poss.index + poss[0].length >= left.length) {
      const pron = /\b(his|her)\s+(?:[\w-]+\s+){0,2}$/i.exec(left + ' ');
      if (pron) {
        const r = idx.resolvePronoun(from + pron.index);
        if (r) return [r.entity];
      } else if (/\btheir\s+(?:[\w-]+\s+){0,3}$/i.test(left + ' ')) {
        return pluralParties(e);
      } else {
        const at = from + poss.index;
        const m = idx.mentionEndingAt(at);
        if (m) {
          const id = actorOf(m);
          return id ? [id] : [];
        }
        const before = left.slice(0, poss.index);
        // "the SNSC secretary's meetings": a description of a person by office.
        const desc = /\b(?:the|its)\s+((?:[\w.-]+\s+){0,3}[\w-]+)$/i.exec(before);
        const described = desc ? idx.resolveDescription(desc[1]!, from + poss.index) : null;
        if (described) return [described];
        if (GROUP.test(before)) return groupParties(e);
        if (PLURAL_PARTIES.test(before)) return pluralParties(e);
      }
    }
    if (noun) return [];
    // "The delegation, made up of ..., will travel": drop the inserted phrase.
    const bare = left.replace(/,[^,]{1,100},$/, '');
    if (GROUP.test(bare)) return groupParties(e);
    if (PLURAL_PARTIES.test(bare)) return pluralParties(e);
    if (/\band\s*$/.test(left) && prevSubjects.length) return prevSubjects;
    const first = idx.subjectEndingAt(from, e);
    if (!first) return [];
    const out = [first.entity];
    // Coordinated subjects: "X and (President) Y".
    let cursor = first.start;
    for (let i = 0; i < 4; i++) {
      const chunk = text.slice(Math.max(from, cursor - 80), cursor);
      const co = /(?:,|\band\b|&)\s*(?:(?:the\s+)?(?:[A-Z][\w.’'-]*|of|the|and)\s+){0,6}$/.exec(chunk);
      if (!co) break;
      const at = Math.max(from, cursor - 80) + co.index;
      const m = idx.mentionEndingAt(at) ?? idx.mentionEndingAt(at - 1);
      if (!m || m.start < from) break;
      const id = actorOf(m);
      if (id && !inOffice(m) && !out.includes(id)) out.unshift(id);
      cursor = m.start;
    }
    return out;
  };

  /** Guests (or leaders) of the latest visit or delegation. */
  const groupParties = (pos: number): string[] => {
    for (let i = candidates.length - 1; i >= 0; i--) {
      const c = candidates[i]!;
      if (c.at > pos || (c.kind !== 'VISIT' && c.kind !== 'DELEGATION')) continue;
      const ids = c.participants.filter((p) => p.role === 'GUEST' || p.role === 'LEAD').map((p) => p.entity);
      if (ids.length) return ids;
    }
    return [];
  };
  /** Parties of the latest engagement with two or more, else the two latest person subjects. */
  const pluralParties = (pos: number): string[] => {
    for (let i = candidates.length - 1; i >= 0; i--) {
      const c = candidates[i]!;
      if (c.at > pos || c.kind === 'STATEMENT' || c.kind === 'DELEGATION' || c.kind === 'OTHER' || c.kind === 'CONFERENCE') continue;
      const ids = c.participants.filter((p) => idx.entity(p.entity)?.type === 'person').map((p) => p.entity);
      if (ids.length >= 2) return ids;
    }
    return [];
  };

  const placeIn = (from: number, to: number, direct = false): string | undefined => {
    if (direct) {
      // Up to the first clause punctuation: "trip in a post on X, describing ... Tehran" is not a trip to Tehran.
      const stop = text.slice(from, to).search(/[,;:“”"(]/);
      if (stop >= 0) to = from + stop;
    }
    for (const m of idx.mentionsIn(from, to)) {
      if (m.draft.type !== 'place' || inSpeech(m.start)) continue;
      if (/^['’]s?\b/.test(text.slice(m.end, m.end + 2))) continue;
      if (direct && /^\s*$/.test(text.slice(from, m.start))) return m.entity; // "visited Accra"
      const before = text.slice(Math.max(0, m.start - 16), m.start);
      if (/\b(?:to|in|at|for|into|from|of)\s+(?:the\s+)?(?:capital\s+|city of\s+)?$/i.test(before) || /,\s*$/.test(before)) return m.entity;
    }
    return undefined;
  };

  const statusOf = (ctxBefore: string, trigger: string, date: DateWords | undefined): EngagementStatus => {
    const resolved = date ? readableDate(date.text, doc.referenceDate) : null;
    const near = `${ctxBefore.slice(-60)} ${trigger}`;
    // Modal and future words first: the resolver reads a bare weekday as the past one.
    if (PLANNED.test(near) || (date && /\b(?:next|tomorrow|coming|upcoming)\b/i.test(date.text))) return 'PLANNED';
    if (resolved && doc.referenceDate) {
      if (resolved.latest && resolved.latest < doc.referenceDate) return 'COMPLETED';
      if (resolved.earliest && resolved.earliest > doc.referenceDate) return 'PLANNED';
    }
    if (ONGOING.test(near) || (date && /\b(?:today|tonight|this week)\b/i.test(date.text))) return 'ONGOING';
    if (COMPLETED.test(trigger) || /(?:ed|met|held|led|paid|went|spoke|took)\s*$/i.test(trigger) || COMPLETED.test(near.slice(-30)) || (date && /\b(?:last|ago|yesterday|earlier)\b/i.test(date.text))) return 'COMPLETED';
    if (resolved && doc.referenceDate && resolved.earliest && resolved.earliest <= doc.referenceDate) return 'COMPLETED';
    return 'UNKNOWN';
  };

  const nearestDate = (from: number, to: number, at: number): DateWords | undefined => {
    const found = findDateWords(text, from, to, doc.referenceDate).filter((d) => !inSpeech(d.start));
    let best: DateWords | undefined;
    for (const d of found) if (!best || Math.abs(d.start - at) < Math.abs(best.start - at)) best = d;
    return best;
  };

  /**
   * The latest dated statement before `pos` in this or the two sentences before it, by the
   * person a "his"/"her" at `pos` stands for when `pronoun` (by anyone otherwise).
   */
  const statementDated = (pos: number, pronoun: boolean): Candidate | undefined => {
    const speaker = pronoun ? idx.resolvePronoun(pos)?.entity : undefined;
    const since = doc.sentences[Math.max(0, idx.sentenceIndex(pos) - 2)]!.start;
    let best: Candidate | undefined;
    for (const c of candidates) {
      if (c.kind !== 'STATEMENT' || !c.date || c.at < since || c.at >= pos || (best && best.at > c.at)) continue;
      if (!speaker || c.participants.some((p) => p.entity === speaker)) best = c;
    }
    return best;
  };

  const add = (c: Omit<Candidate, 'quotes'> & { quotes?: number[] }) => candidates.push({ quotes: [], ...c });
  const parts = (ids: string[], role: ParticipantRole): ParticipantDraft[] => ids.map((entity) => ({ entity, role }));

  doc.sentences.forEach((s, si) => {
    const sText = text.slice(s.start, s.end);
    let prevSubjects: string[] = [];
    TRIGGERS.lastIndex = 0;
    const hits = [...sText.matchAll(TRIGGERS)]
      .map((m) => ({ m, ts: s.start + m.index, te: s.start + m.index + m[0].length }))
      .filter((h) => !inSpeech(h.ts) && !insideName(h.ts, h.te))
      // Inside a quoted release only events count: its own "said", "conveyed" are the quotation's.
      .filter((h) => !inQuote(h.ts) || !/STATEMENT/.test(ENGAGEMENT_WORDS[h.m.findIndex((g, i) => i > 0 && g !== undefined) - 1]?.kind ?? ''));
    for (let hi = 0; hi < hits.length; hi++) {
      const { m, ts, te } = hits[hi]!;
      const wi = m.findIndex((g, i) => i > 0 && g !== undefined) - 1;
      let w: EngagementWord | undefined = ENGAGEMENT_WORDS[wi];
      if (!w) continue;
      const clause0 = clauseOf(s, ts, te);
      // "the forthcoming visit", "held a meeting with": a verb form used as a noun.
      const nounish = w.pos === 'verb' && /(?:\b(?:the|a|an|his|her|their|its|this|that|whose|forthcoming|upcoming)|['’]s?)\s+(?:(?:[a-z-]*[a-rt-z-]|\d+-day)\s+){0,2}$/.test(text.slice(clause0.start, ts));
      if (nounish && w.frame === 'visit') w = ENGAGEMENT_WORDS.find((x) => x.rule === 'visit')!;
      else if (nounish && w.rule === 'met') w = ENGAGEMENT_WORDS.find((x) => x.rule === 'meeting')!;
      const clause = clause0;
      // Time and place words belong to the nearest engagement word: search between the neighbours.
      const seg = { start: Math.max(clause.start, hits[hi - 1]?.te ?? 0), end: Math.min(clause.end, hits[hi + 1]?.ts ?? Infinity) };
      const before = text.slice(clause.start, ts);
      const definite = w.pos === 'noun' && /\b(?:the|this|that|his|her|their|its)\s+(?:(?:[a-z-]*[a-rt-z-]|\d+-day)\s+){0,2}$/i.test(before);
      // "thanked X for visiting": a gerund after a preposition has no subject of its own here.
      const gerund = w.pos === 'verb' && /ing$/i.test(m[0]) && /\b(?:for|of|after|before|by|on|without|about)\s+$/i.test(before);
      let subjects = gerund ? [] : subjectsBefore(clause.start, ts, prevSubjects, w.pos === 'noun');
      if (!subjects.length && !gerund && w.pos === 'verb' && clause.start === s.start) {
        // "X and the ambassadors of ... met": the named subjects before the verb.
        const subj = idx.subjectOf(si);
        if (subj && subj.end <= ts) subjects = [subj.entity];
      }
      if (!subjects.length && w.pos === 'noun') {
        // "X made a visit", "X will hold a meeting": the subject of the light verb.
        LIGHT.lastIndex = 0;
        const light = [...before.matchAll(LIGHT)].pop();
        if (light && /^[^,;]*$/.test(before.slice(light.index + light[0].length))) subjects = subjectsBefore(clause.start, clause.start + light.index, prevSubjects);
      }
      // "X, who led a delegation": the relative pronoun's antecedent.
      if (!subjects.length && /,\s*who\s*$/.test(text.slice(s.start, clause.start))) {
        const comma = text.slice(s.start, clause.start).search(/,\s*who\s*$/);
        const m0 = idx.mentionEndingAt(s.start + comma);
        const id = m0 && actorOf(m0);
        if (id) subjects = [id];
      }
      // "In remarks on Monday, X noted": a statement noun's speaker is the sentence subject.
      if (!subjects.length && w.kind === 'STATEMENT' && w.pos === 'noun') {
        const subj = idx.subjectOf(si);
        if (subj) subjects = [subj.entity];
      }
      // "Tomorrow's programme includes a meeting with X": the visitor's schedule.
      if (!subjects.length && PROGRAMME.test(text.slice(s.start, ts))) subjects = groupParties(ts);
      // A noun ("his visit") takes time words after it only: those before date the clause's verb.
      let date = nearestDate(w.pos === 'noun' ? ts : seg.start, seg.end, ts);
      let rule = w.rule;
      const spans: Array<[number, number]> = [[ts, te]];
      // "His comments came during a meeting ...": the occasion of a statement just reported.
      const occasion = !date && w.pos === 'noun' && w.kind !== 'STATEMENT' ? OCCASION_OF_STATEMENT.exec(text.slice(s.start, ts)) : null;
      if (occasion) {
        const from = statementDated(s.start + occasion.index, /^(?:his|her)\b/i.test(occasion[0]));
        if (from?.date) {
          date = from.date;
          rule = `${w.rule}+date-from-statement`;
          spans.push([s.start + occasion.index, s.start + occasion.index + occasion[1]!.length], [from.date.start, from.date.end]);
        }
      }
      const status = statusOf(text.slice(s.start, ts), m[0], date);
      const base = { kind: w.kind, cameo: w.cameo, at: ts, spans, rule, definite, date, status };
      const rightAll = () => actorsIn(te, clause.end);
      switch (w.frame) {
        case 'visit': {
          let guests = subjects;
          const after = text.slice(te, clause.end);
          const by = w.pos === 'noun' ? /^\s*(?:(?:to|in)\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*\s+(?:[\w’'.-]+\s+){0,5}?)?(?:by|of)\s+/.exec(after) : null;
          if (!guests.length && by) guests = actorsIn(te + by[0].length, clause.end).filter((a) => a.m.draft.type === 'person').slice(0, 2).map((a) => a.id);
          // The visit's own place: right after it ("visited Accra", "trip to X", "arrival in Y").
          const own = /^\s*(?:[\w-]+\s+){0,2}?(?:to|in|into|at|for)?\s*(?:the\s+)?/i.exec(text.slice(te, seg.end));
          const place = placeIn(te, Math.min(seg.end, te + (own ? own[0].length : 0) + 60), true);
          const participants = parts(guests, 'GUEST');
          const inv = /\bat the invitation of\s+/i.exec(sText);
          if (inv) {
            const r = idx.subjectStartingAt(s.start + inv.index + inv[0].length, s.end);
            if (r) participants.push({ entity: r.entity, role: 'HOST' });
          }
          const hosted = /\bhosted by\s+/i.exec(after);
          if (hosted) {
            const r = idx.subjectStartingAt(te + hosted.index + hosted[0].length, clause.end);
            if (r) participants.push({ entity: r.entity, role: 'HOST' });
          }
          add({ ...base, participants, place });
          break;
        }
        case 'host': {
          const passive = w.rule === 'hosted-by' || /\b(?:was|were|been|being|is|are)\s+$/i.test(before);
          let hosts: string[];
          let guests: string[];
          if (passive) {
            const by = /\bby\s+/i.exec(text.slice(te, clause.end));
            hosts = by ? actorsIn(te + by.index + by[0].length, clause.end).map((a) => a.id) : [];
            guests = subjects;
          } else {
            hosts = subjects;
            guests = rightAll().filter((a) => a.m.draft.type !== 'place').map((a) => a.id);
          }
          if (!hosts.length || !guests.length) break; // a host–guest relation needs both
          const place = placeIn(te, clause.end);
          add({ ...base, participants: [...parts(hosts.slice(0, 1), 'HOST'), ...parts(hosts.slice(1), 'PARTICIPANT'), ...parts(guests, 'GUEST')], place });
          break;
        }
        case 'call-on': {
          const after = text.slice(te, clause.end);
          if (w.rule === 'called-on' && /^\s+(?:the\s+)?[\w\s.-]{0,60}?\bto\s+[a-z]+/.test(after) && !/\bcourtesy\b/i.test(before)) break; // "called on X to act": an appeal
          const hosts = rightAll().map((a) => a.id);
          if (!hosts.length) break;
          // "called on A and B": a call on each.
          for (const h of hosts) add({ ...base, participants: [...parts(subjects, 'GUEST'), ...parts([h], 'HOST')], place: placeIn(te, seg.end) });
          break;
        }
        case 'meet':
        case 'other': {
          // "discussed the summit with X": the topic is not a party; who it was discussed with is.
          const onlyWith = w.rule === 'discussed' || (w.pos === 'noun' && w.frame === 'meet') || w.rule === 'held-talks';
          const afterText = text.slice(te, clause.end);
          const topicAt = afterText.search(/\s(?:about|regarding|concerning|to discuss|to review)\s/i);
          const near = w.pos === 'noun' ? /^\s*(?:(?:in|at)\s+[A-Z][\w’'-]*\s+)?(?:[\w-]+\s+){0,2}?(?:of|by)\s/i.exec(afterText) : null;
          let withAt = onlyWith ? (near ? near.index : afterText.search(w.rule === 'discussed' ? /\bwith\b/i : /\b(?:with|between|among)\b/i)) : 0;
          if (topicAt >= 0 && withAt > topicAt) withAt = -1;
          const objects = withAt < 0 ? [] : actorsIn(te + withAt, clause.end).map((a) => a.id);
          // "met and held talks", "met ... and discussed": the same meeting.
          const prevHere = candidates.length ? candidates[candidates.length - 1] : undefined;
          const coordinated = prevHere && prevHere.at >= s.start && (prevHere.kind === 'MEETING' || prevHere.kind === 'TALKS') && /\band\s+(?:also\s+)?$/i.test(text.slice(hits[hi - 1]?.te ?? s.start, ts));
          if (coordinated || (w.rule === 'discussed' && withAt < 0 && prevHere && prevHere.at >= s.start && (prevHere.kind === 'MEETING' || prevHere.kind === 'TALKS'))) {
            prevHere!.spans.push([ts, te]);
            break;
          }
          // "His comments came during a meeting with Y": the sentence's subject was there too.
          if (!subjects.length && objects.length && w.pos === 'noun') {
            const subj = idx.subjectOf(si);
            if (subj && !objects.includes(subj.entity) && idx.entity(subj.entity)?.type === 'person') subjects = [subj.entity];
          }
          const all = [...new Set([...subjects, ...objects])];
          // "The meeting was attended by X": more parties of the meeting just reported.
          const attended = definite && /^\s*(?:was|were|is|will be)?\s*(?:attended by|joined by|held in the presence of)\b/i.test(text.slice(te, clause.end));
          const kind = w.rule === 'discussed' && withAt >= 0 ? 'TALKS' : base.kind;
          add({ ...base, kind, participants: parts(all, 'PARTICIPANT'), place: placeIn(te, seg.end), ...(attended ? { attach: true } : {}) });
          break;
        }
        case 'agreement': {
          const after = text.slice(te, clause.end);
          const between = /^\s*(?:[\w-]+\s+){0,3}?(?:between|among|with)\s+/i.exec(after);
          if (w.pos === 'noun' && !between && !/\b(?:sign|signed|signing|signs|ink|inked|concluded|reached|ratif\w+)\b/i.test(sText)) break;
          if (w.rule === 'signed' && !AGREEMENT_OBJECT.test(text.slice(te, clause.end)) && !AGREEMENT_OBJECT.test(before)) break;
          let ids = [...subjects];
          if (between) for (const a of actorsIn(te + between.index, clause.end, { statesOk: true })) if (!ids.includes(a.id)) ids.push(a.id);
          add({ ...base, participants: parts(ids, 'PARTICIPANT'), place: placeIn(te, clause.end) });
          break;
        }
        case 'conference': {
          const ids: string[] = [];
          const near = idx.mentionsIn(Math.max(clause.start, ts - 60), ts).filter((mm) => /^\s*(?:\(\w+\)\s*)?(?:[\w-]+\s+)?$/.test(text.slice(mm.end, ts)));
          for (const mm of near) {
            const id = actorOf(mm);
            if (id && mm.draft.type === 'organisation') ids.push(id);
          }
          const of = /^\s*(?:of|of the)\s+/i.exec(text.slice(te, clause.end));
          if (of) {
            const r = idx.mentionsIn(te + of[0].length, Math.min(clause.end, te + of[0].length + 80))[0];
            if (r && r.draft.type === 'organisation') ids.push(r.entity);
          }
          if (/\b(?:attend|attended|attending|attends|take part|took part|participate|participated|address|addressed|host|hosted|hosting|chair|chaired)\b/i.test(before)) ids.push(...subjects);
          add({ ...base, participants: parts([...new Set(ids)], 'PARTICIPANT'), place: placeIn(te, clause.end) });
          break;
        }
        case 'delegation': {
          let leads = subjects;
          const after = text.slice(te, s.end);
          const ledBy = /^\s*(?:[\w-]+\s+){0,3}?led by\s+/i.exec(after);
          if (ledBy) {
            const r = idx.subjectStartingAt(te + ledBy.index + ledBy[0].length, s.end);
            if (r) leads = [r.entity];
          }
          const members: string[] = [];
          const list = w.rule === 'accompanied-by' ? 0 : /\b(?:included?|includes|comprising|comprised|consisting of|made up of)\s+/i.exec(after)?.index;
          if (list !== undefined) {
            for (const a of actorsIn(te + list, w.rule === 'accompanied-by' ? clause.end : s.end, {})) if (!leads.includes(a.id) && a.m.draft.type !== 'place') members.push(a.id);
          }
          const place = placeIn(te, seg.end);
          add({ ...base, participants: [...parts(leads, 'LEAD'), ...parts(members, 'PARTICIPANT')], place });
          break;
        }
        case 'conflict': {
          const after = text.slice(te, clause.end);
          const ids = [...subjects];
          const by = /\b(?:by|between)\s+/i.exec(after);
          const against = /\bagainst\s+/i.exec(after);
          if (by) for (const a of actorsIn(te + by.index, against ? te + against.index : clause.end, { statesOk: true })) if (!ids.includes(a.id)) ids.push(a.id);
          const targets = against ? actorsIn(te + against.index, clause.end, { statesOk: true }).map((a) => a.id) : [];
          add({ ...base, participants: [...parts(ids, 'PARTICIPANT'), ...parts(targets, 'TARGET')] });
          break;
        }
        case 'statement': {
          add({ ...base, participants: parts(subjects, 'SPEAKER') });
          break;
        }
      }
      if (subjects.length && w.pos === 'verb') prevSubjects = subjects;
    }

    // Speech verbs with a subject: statements.
    SPEECH.lastIndex = 0;
    for (const m of sText.matchAll(SPEECH)) {
      const vs = s.start + m.index;
      const ve = vs + m[0].length;
      if (inQuote(vs) || WEAK_SPEECH.has(m[0].toLowerCase())) continue;
      let r: Ref | null = null;
      if (m[1]) r = idx.subjectEndingAt(s.start, vs);
      if (!r && m[1]) r = idx.subjectStartingAt(ve, s.end); // "…,” said X
      if (!r) {
        const q = doc.quotes.find((qq) => qq.evidence.spans[0]![0] >= s.start && qq.evidence.spans[0]![1] <= s.end);
        if (q) r = { entity: q.speaker, start: vs, end: ve, rule: 'quote' };
      }
      if (!r) continue;
      if (idx.entity(r.entity)?.type === 'place') continue;
      // Time words right after the verb ("said Wednesday") or opening the sentence ("On Monday, X said").
      const after = findDateWords(text, ve, Math.min(s.end, ve + 30), doc.referenceDate)[0];
      const lead = findDateWords(text, s.start, Math.min(vs, s.start + 40), doc.referenceDate).find((d) => d.start - s.start < 6 && !inQuote(d.start));
      const date = after && after.start - ve <= 2 && !inQuote(after.start) ? after : lead;
      const told = /^told$/i.test(m[0]) ? idx.mentionStartingAt(text.slice(ve).search(/\S/) + ve) : undefined;
      const participants: ParticipantDraft[] = [{ entity: r.entity, role: 'SPEAKER' }];
      if (told && told.draft.type !== 'place' && told.draft.kind !== 'MEDIA' && told.entity !== r.entity) participants.push({ entity: told.entity, role: 'TARGET' });
      add({ kind: 'STATEMENT', cameo: '010', participants, date, status: statusOf('', m[0], date), at: vs, spans: [[vs, ve]], rule: 'speech-verb', definite: false });
    }
  });
  // Quotes attach to their speaker's statement in that sentence (or make one).
  doc.quotes.forEach((q, qi) => {
    const [qs] = q.evidence.spans[0]!;
    const si = idx.sentenceIndex(qs);
    const s = doc.sentences[si];
    const c = candidates.find((x) => x.kind === 'STATEMENT' && x.participants.some((p) => p.entity === q.speaker) && s && x.at >= s.start && x.at < s.end);
    if (c) c.quotes.push(qi);
    else add({ kind: 'STATEMENT', cameo: '010', participants: [{ entity: q.speaker, role: 'SPEAKER' }], status: 'COMPLETED', at: qs, spans: [[qs, q.evidence.spans[0]![1]]], rule: 'quote', definite: false, quotes: [qi] });
  });

  const merged = merge(candidates.sort((a, b) => a.at - b.at), idx);
  let n = 0;
  for (const c of merged) {
    if (!c.participants.length) continue;
    const id = `e${++n}`;
    const evidence: Evidence = { stage: 'engagements', rule: c.rule, spans: c.spans };
    const draft: EngagementDraft = { id, kind: c.kind, cameo: c.cameo, status: c.status, summary: summaryOf(c, idx), participants: c.participants, evidence };
    if (c.place) draft.place = c.place;
    if (c.date) draft.date = c.date;
    doc.engagements.push(draft);
    for (const qi of c.quotes) doc.quotes[qi]!.engagement = id;
  }
}

function summaryOf(c: Candidate, idx: DocIndex): string {
  const name = (id: string) => idx.entity(id)?.name ?? id;
  const by = (role: ParticipantRole) => c.participants.filter((p) => p.role === role).map((p) => name(p.entity));
  const join = (xs: string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
  const all = join(c.participants.map((p) => name(p.entity)));
  let s: string;
  const guests = by('GUEST');
  const hosts = by('HOST');
  if (c.kind === 'VISIT') s = `${join(guests.length ? guests : [all])} visit${c.place ? ` to ${name(c.place)}` : ''}${hosts.length ? `, hosted by ${join(hosts)}` : ''}`;
  else if (c.kind === 'STATEMENT') s = `Statement by ${join(by('SPEAKER').length ? by('SPEAKER') : [all])}${by('TARGET').length ? ` to ${join(by('TARGET'))}` : ''}`;
  else if (c.kind === 'DELEGATION') s = `Delegation led by ${join(by('LEAD').length ? by('LEAD') : [all])}${c.place ? ` to ${name(c.place)}` : ''}`;
  else if (hosts.length && guests.length) s = `${KIND_LABEL[c.kind]}: ${join(hosts)} receives ${join(guests)}${c.place ? ` in ${name(c.place)}` : ''}`;
  else s = `${KIND_LABEL[c.kind]}: ${all}${c.place ? ` in ${name(c.place)}` : ''}`;
  return c.date ? `${s} (${c.date.text})` : s;
}

/** Merges mentions of one event (see the module notes). */
function merge(cands: Candidate[], idx: DocIndex): Candidate[] {
  const out: Candidate[] = [];
  const persons = (c: Candidate) => new Set(c.participants.map((p) => p.entity));
  const placeFits = (a?: string, b?: string) => {
    if (!a || !b || a === b) return true;
    const pa = idx.entity(a);
    const pb = idx.entity(b);
    return pa?.country === b || pb?.country === a;
  };
  const dateKey = (d?: DateWords) => d?.text.toLowerCase().replace(/^(?:on|in|at|during|by)\s+/, '');
  const dateFits = (a?: DateWords, b?: DateWords) => !a || !b || dateKey(a) === dateKey(b);
  for (const c of cands) {
    const cs = persons(c);
    let target: Candidate | undefined;
    for (let i = out.length - 1; i >= 0; i--) {
      const d = out[i]!;
      if (!d.participants.length) continue; // nobody to be the same event with
      if (d.kind !== c.kind || !placeFits(c.place, d.place) || !dateFits(c.date, d.date)) continue;
      // Statements: an undated one and a dated one far apart are two occasions.
      if (c.kind === 'STATEMENT' && !c.date !== !d.date && c.at - d.at > 400) continue;
      const ds = persons(d);
      if (c.attach) {
        target = d;
        break;
      }
      if (!cs.size) {
        if (c.definite && c.kind !== 'STATEMENT') {
          target = d;
          break;
        }
        continue;
      }
      const sub = [...cs].every((x) => ds.has(x)) || [...ds].every((x) => cs.has(x));
      const shared = [...cs].some((x) => ds.has(x));
      if (sub && shared) {
        target = d;
        break;
      }
    }
    // "the meeting of the council": a definite description of an event just reported.
    if (!target && c.definite)
      target = [...out].reverse().find((d) => d.participants.length && d.kind === c.kind && c.at - d.at < 800 && placeFits(c.place, d.place) && dateFits(c.date, d.date));
    if (!target) {
      out.push({ ...c, participants: [...c.participants], spans: [...c.spans], quotes: [...c.quotes] });
      continue;
    }
    for (const p of c.participants) {
      const have = target.participants.find((x) => x.entity === p.entity);
      if (!have) target.participants.push(p);
      else if (ROLE_RANK[p.role] > ROLE_RANK[have.role]) have.role = p.role;
    }
    if (c.place && (!target.place || idx.entity(c.place)?.country === target.place)) target.place = c.place;
    target.date ??= c.date;
    if (target.status === 'UNKNOWN') target.status = c.status;
    target.spans.push(...c.spans);
    target.quotes.push(...c.quotes);
    if (target.cameo === '010' && c.cameo !== '010') target.cameo = c.cameo;
  }
  return out;
}
