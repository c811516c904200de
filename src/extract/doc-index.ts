/**
 * Read-only lookups over a `Doc` that the later stages (quotes, engagements, figures) share:
 * entity mentions in text order, the sentence holding an offset, the subject of a clause and
 * the resolution of pronouns and descriptions ("he", "the ministry", "the foreign minister")
 * to an `EntityDraft`. Built once per stage call from what the earlier stages wrote; pure.
 */
import type { Doc, EntityDraft, Mention, Sentence } from './document.ts';

export interface MentionRef extends Mention {
  draft: EntityDraft;
}

/** A resolved reference to an entity at some place in the text. */
export interface Ref {
  entity: string;
  start: number;
  end: number;
  rule: string;
}

const PRONOUN_RULE = /pronoun|anaphor/i;
const PREPOSITIONS = new Set([
  'of', 'to', 'with', 'by', 'for', 'from', 'at', 'in', 'on', 'between', 'among', 'than', 'into', 'onto', 'about',
  'against', 'after', 'before', 'during', 'under', 'over', 'towards', 'toward', 'via', 'including', 'like', 'as',
]);

/** Head nouns of descriptions that name an organisation, with the organisation kinds they fit. */
const ORG_HEADS: Record<string, readonly string[]> = {
  ministry: ['MINISTRY'], department: ['MINISTRY', 'GOVERNMENT_BODY'], embassy: ['EMBASSY'], 'high commission': ['EMBASSY'],
  government: ['STATE', 'GOVERNMENT_BODY'], presidency: ['GOVERNMENT_BODY'], office: ['GOVERNMENT_BODY'],
  council: ['GOVERNMENT_BODY', 'INTERNATIONAL_ORGANISATION'], commission: ['GOVERNMENT_BODY', 'INTERNATIONAL_ORGANISATION'],
  committee: ['GOVERNMENT_BODY', 'LEGISLATURE', 'OTHER'], agency: ['GOVERNMENT_BODY', 'MEDIA'], parliament: ['LEGISLATURE'],
  assembly: ['LEGISLATURE'], senate: ['LEGISLATURE'], congress: ['LEGISLATURE'], party: ['PARTY'], company: ['COMPANY'],
  firm: ['COMPANY'], group: ['COMPANY', 'OTHER'], bank: ['COMPANY', 'GOVERNMENT_BODY', 'INTERNATIONAL_ORGANISATION'],
  army: ['MILITARY'], military: ['MILITARY'], alliance: ['INTERNATIONAL_ORGANISATION'], bloc: ['INTERNATIONAL_ORGANISATION'],
  organisation: ['INTERNATIONAL_ORGANISATION', 'OTHER'], organization: ['INTERNATIONAL_ORGANISATION', 'OTHER'],
  union: ['INTERNATIONAL_ORGANISATION'], secretariat: ['INTERNATIONAL_ORGANISATION', 'GOVERNMENT_BODY'],
  newspaper: ['MEDIA'], broadcaster: ['MEDIA'], court: ['GOVERNMENT_BODY'],
};
/** Head nouns of what a speaker issues: "said the statement" means its issuer. */
const ISSUED_HEADS = new Set(['statement', 'post', 'tweet', 'communique', 'communiqué', 'release', 'readout', 'message', 'letter', 'report', 'note']);
/** Heads of descriptions of a person by office ("the Uzbek foreign minister"). */
export const PERSON_HEADS = new Set([
  'minister', 'president', 'secretary', 'ambassador', 'envoy', 'spokesman', 'spokeswoman', 'spokesperson', 'premier',
  'pm', 'chancellor', 'king', 'queen', 'prince', 'princess', 'emir', 'sheikh', 'leader', 'chief', 'head', 'governor',
  'mayor', 'speaker', 'chairman', 'chairwoman', 'chair', 'director', 'commissioner', 'diplomat', 'official', 'general',
  'counterpart', 'envoy', 'representative', 'senator', 'lawmaker', 'officer', 'ceo', 'founder', 'candidate', 'monarch',
  'sultan', 'vice-president', 'deputy', 'adviser', 'advisor', 'ruler', 'premier', 'host', 'guest', 'visitor',
]);

export class DocIndex {
  readonly doc: Doc;
  readonly mentions: MentionRef[];
  readonly byId = new Map<string, EntityDraft>();
  /** Subject of each sentence (entity id), filled lazily. */
  private subjects = new Map<number, Ref | null>();
  /** Speakers resolved by the quotes stage, by offset: they count as subjects for pronouns. */
  readonly extraSubjects: Ref[] = [];
  /** Quotation spans [open, close] (set by the stage that found them): names inside are not subjects. */
  quotations: Array<{ open: number; close: number }> = [];

  inQuotation(pos: number): boolean {
    return this.quotations.some((q) => q.open < pos && pos < q.close);
  }

  constructor(doc: Doc) {
    this.doc = doc;
    const all: MentionRef[] = [];
    for (const e of doc.entities) {
      this.byId.set(e.id, e);
      for (const m of e.mentions) all.push({ ...m, draft: e });
    }
    all.sort((a, b) => a.start - b.start || b.end - a.end);
    this.mentions = all;
  }

  entity(id: string): EntityDraft | undefined {
    return this.byId.get(id);
  }

  /** Index of the sentence containing `offset` (binary search), or -1. */
  sentenceIndex(offset: number): number {
    const s = this.doc.sentences;
    let lo = 0;
    let hi = s.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const x = s[mid]!;
      if (offset < x.start) hi = mid - 1;
      else if (offset >= x.end) lo = mid + 1;
      else return mid;
    }
    // Between sentences (white space): the next one.
    return lo < s.length ? lo : s.length - 1;
  }

  sentence(offset: number): Sentence | undefined {
    const i = this.sentenceIndex(offset);
    return i >= 0 ? this.doc.sentences[i] : undefined;
  }

  /** Mentions lying in [start, end), in text order. */
  mentionsIn(start: number, end: number): MentionRef[] {
    const out: MentionRef[] = [];
    let lo = 0;
    let hi = this.mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.mentions[mid]!.start < start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.mentions.length && this.mentions[i]!.start < end; i++) {
      const m = this.mentions[i]!;
      if (m.end <= end) out.push(m);
    }
    return out;
  }

  /** The non-pronoun mention ending exactly at `end` (the longest), if any. */
  mentionEndingAt(end: number): MentionRef | undefined {
    let best: MentionRef | undefined;
    for (const m of this.mentionsIn(Math.max(0, end - 200), end)) if (m.end === end && (!best || m.start < best.start)) best = m;
    return best;
  }

  /** The mention starting exactly at `start` (the longest), if any. */
  mentionStartingAt(start: number): MentionRef | undefined {
    let best: MentionRef | undefined;
    for (const m of this.mentionsIn(start, start + 200)) if (m.start === start && (!best || m.end > best.end)) best = m;
    return best;
  }

  /**
   * The entity a noun phrase or pronoun ending at `end` refers to, reading backwards from `end`
   * in `[from, end)`: a mention, a pronoun, a description ("the ministry"), or the name before
   * an apposition or relative clause ("X, who ..., said"). Null when none is plain.
   */
  subjectEndingAt(from: number, end: number): Ref | null {
    const text = this.doc.text;
    let left = text.slice(from, end);
    // Auxiliaries and adverbs between a subject and its verb.
    const aux = /(?:\s+(?:also|later|then|further|again|reportedly|has|had|have|was|is|were|earlier|once|subsequently|separately|meanwhile|had earlier|previously|quickly|simply|only|just|himself|herself|themselves|too|in turn|in a statement|in remarks|in a post|in a tweet))+\s*$/i;
    left = left.replace(aux, '');
    left = left.replace(/\s+$/, '');
    // "X (pix) will", "X (AFP) said": a parenthesis after a name.
    if (/\)$/.test(left)) {
      const open = left.lastIndexOf('(');
      if (open > 0 && left.length - open < 40) {
        const m0 = this.mentionEndingAt(from + open) ?? this.mentionEndingAt(this.trimEnd(from + open));
        if (m0 && m0.draft.type !== 'place' && !/^[A-Z]{2,}\)$/.test(left.slice(open + 1))) return { entity: m0.entity, start: m0.start, end: m0.end, rule: 'name' };
      }
    }
    const e = from + left.length;
    if (!left) return null;
    const m = this.mentionEndingAt(e);
    if (m && (m.draft.type !== 'place' || m.draft.kind === 'COUNTRY')) {
      if (PRONOUN_RULE.test(m.rule) || /^(he|she|it|they|we)$/i.test(m.text)) {
        if (m.draft.type !== 'place') return { entity: m.entity, start: m.start, end: m.end, rule: 'pronoun' };
      } else if (m.draft.type === 'place') {
        const state = this.stateOf(m.draft.id);
        return state ? { entity: state, start: m.start, end: m.end, rule: 'state' } : null;
      } else return { entity: m.entity, start: m.start, end: m.end, rule: 'name' };
    }
    const pron = /\b(he|she|He|She)$/.exec(left);
    if (pron) {
      const start = from + pron.index;
      const r = this.resolvePronoun(start);
      return r ? { ...r, start, end: e } : null;
    }
    const desc = /\b(?:the|The|its|his|her|their)\s+((?:[A-Za-z.’'-]+\s+){0,4}?[A-Za-z-]+)$/.exec(left);
    if (desc) {
      const start = from + desc.index;
      const r = this.resolveDescription(desc[1]!, start);
      if (r) return { entity: r, start, end: e, rule: 'description' };
    }
    // "X, who ..., said" / "X, the envoy for ..., said": the name before the inserted phrase.
    if (left.endsWith(',') || left.endsWith(')')) {
      const body = left.slice(0, -1);
      for (let i = body.length - 1, depth = 0; i >= Math.max(0, body.length - 220); i--) {
        const c = body[i];
        if (c === ')') depth++;
        else if (c === '(') depth--;
        else if ((c === ',' || (c === '(' && depth < 0)) && depth <= 0) {
          const before = from + i;
          const mm = this.mentionEndingAt(before) ?? this.mentionEndingAt(this.trimEnd(before));
          if (mm && mm.draft.type !== 'place') return { entity: mm.entity, start: mm.start, end: mm.end, rule: 'apposition' };
          // Keep looking past a nested comma ("X, 64, who ..., said") once.
        }
      }
    }
    return null;
  }

  private trimEnd(pos: number): number {
    const t = this.doc.text;
    while (pos > 0 && /\s/.test(t[pos - 1]!)) pos--;
    return pos;
  }

  /** A STATE organisation for a country place, when the entities stage made one. */
  stateOf(placeId: string): string | undefined {
    for (const e of this.doc.entities) if (e.type === 'organisation' && e.kind === 'STATE' && e.country === placeId) return e.id;
    return undefined;
  }

  /** The entity a noun phrase starting at `start` refers to (a name, a description): for "said X", "according to X". */
  subjectStartingAt(start: number, limit: number): Ref | null {
    const text = this.doc.text;
    const window = text.slice(start, Math.min(limit, start + 160));
    // Titles before a name ("said Foreign Minister X"): the first mention before any clause punctuation.
    const stop = window.search(/[,;:.!?“”"]/);
    const span = stop >= 0 ? window.slice(0, stop) : window;
    for (const m of this.mentionsIn(start, start + span.length)) {
      if (m.draft.type === 'place') {
        continue;
      }
      if (PRONOUN_RULE.test(m.rule)) continue;
      return { entity: m.entity, start: m.start, end: m.end, rule: 'name' };
    }
    const desc = /^\s*(?:the|The|a|an)\s+((?:[A-Za-z.’'-]+\s+){0,4}?)([A-Za-z-]+)(?=\s|$)/.exec(span);
    if (desc) {
      // The longest description first, then shorter ones ("a post on the ministry's account").
      const r = this.resolveDescription(`${desc[1]}${desc[2]}`, start);
      if (r) return { entity: r, start, end: start + desc[0].length, rule: 'description' };
    }
    const pron = /^\s*(he|she|him|her)\b/i.exec(span);
    if (pron) {
      const r = this.resolvePronoun(start);
      if (r) return { ...r, start, end: start + pron[0].length };
    }
    // "according to a post on the ministry's account": a description further in.
    const inner = /\b(?:the|its|his|her)\s+([A-Za-z-]+)(?:['’]s)?\b/g;
    for (const mm of span.matchAll(inner)) {
      const r = this.resolveDescription(mm[1]!, start + mm.index);
      if (r) return { entity: r, start: start + mm.index, end: start + mm.index + mm[0].length, rule: 'description' };
    }
    return null;
  }

  /**
   * A description ("foreign ministry", "Uzbek foreign minister", "statement") to an entity id:
   * an organisation of the head noun's kind or name, a person holding that office, or the issuer
   * of a statement; the nearest before `pos`, else the first after.
   */
  resolveDescription(phrase: string, pos: number): string | null {
    const words = phrase.toLowerCase().replace(/['’]s$/, '').split(/\s+/).filter(Boolean);
    const head = words[words.length - 1] ?? '';
    if (!head) return null;
    const two = words.slice(-2).join(' ');
    const orgKinds = ORG_HEADS[two] ?? ORG_HEADS[head];
    if (orgKinds) {
      const mods = words.slice(0, -1).filter((w) => w.length > 2);
      const score = (e: EntityDraft) => {
        const name = e.name.toLowerCase();
        let s = 0;
        if (name.includes(head)) s += 2;
        if (e.kind && orgKinds.includes(e.kind)) s += 2;
        for (const w of mods) if (name.includes(w.replace(/n$/, ''))) s += 1;
        return s;
      };
      return this.nearest(pos, (e) => e.type === 'organisation' && score(e) >= 2, score);
    }
    if (ISSUED_HEADS.has(head)) return this.issuerOf(head, pos);
    if (PERSON_HEADS.has(head)) {
      const mods = words.slice(0, -1);
      const fits = (e: EntityDraft) =>
        e.type === 'person' && e.roles.some((r) => r.title.toLowerCase().includes(head) && mods.every((w) => this.modifierFits(w, e, r.title)));
      const found = this.nearest(pos, fits, () => 1);
      if (found) return found;
    }
    return null;
  }

  private modifierFits(word: string, person: EntityDraft, title: string): boolean {
    const t = title.toLowerCase();
    if (t.includes(word)) return true;
    // A nationality word ("Uzbek", "Ghanaian"): accept; the office decides.
    if (/^[a-z]/.test(word) && !/^(new|former|acting|deputy|top|senior|visiting)$/.test(word)) return true;
    return !person.roles.length;
  }

  /** Issuer of the nearest earlier "statement"/"post": the subject of the sentence naming it. */
  private issuerOf(head: string, pos: number): string | null {
    const text = this.doc.text;
    const re = new RegExp(`\\b${head === 'statement' ? 'statement' : `(?:${head}|statement)`}\\b`, 'gi');
    let last = -1;
    for (const m of text.slice(0, pos).matchAll(re)) last = m.index;
    if (last < 0) return null;
    const si = this.sentenceIndex(last);
    const s = this.doc.sentences[si];
    if (!s) return null;
    const spoke = this.extraSubjects.find((x) => x.start >= s.start && x.start < s.end);
    if (spoke) return spoke.entity;
    const near = this.mentionsIn(s.start, s.end).filter((m) => m.draft.type !== 'place' && !PRONOUN_RULE.test(m.rule) && !this.inQuotation(m.start));
    const subj = this.subjectOf(si);
    return subj?.entity ?? near[0]?.entity ?? null;
  }

  /** The best-scoring entity mentioned nearest before `pos`, else the first after. */
  private nearest(pos: number, ok: (e: EntityDraft) => boolean, score: (e: EntityDraft) => number): string | null {
    let best: { id: string; at: number; score: number } | null = null;
    for (const m of this.mentions) {
      if (m.start >= pos) break;
      if (!ok(m.draft)) continue;
      const s = score(m.draft);
      if (!best || s >= best.score) best = { id: m.entity, at: m.start, score: s };
    }
    if (best) return best.id;
    for (const m of this.mentions) if (m.start >= pos && ok(m.draft)) return m.entity;
    return null;
  }

  /**
   * The subject of sentence `i`: its first person or organisation mention not governed by a
   * preposition or a possessive ("Ahead of X's arrival, Y said" → Y).
   */
  subjectOf(i: number): Ref | null {
    if (this.subjects.has(i)) return this.subjects.get(i)!;
    this.subjects.set(i, null); // a pronoun subject resolves through earlier sentences only
    const s = this.doc.sentences[i];
    let out: Ref | null = null;
    if (s) {
      const text = this.doc.text;
      // The dateline ("MEXICO CITY, Feb. 16 (Xinhua) --") is not part of the sentence's grammar.
      const dl = this.doc.dateline;
      const from = dl && dl.span.start >= s.start && dl.span.start < s.end ? Math.max(s.start, dl.end ?? dl.span.end) : s.start;
      for (const m of this.mentionsIn(from, s.end)) {
        if (m.draft.type === 'place' || this.inQuotation(m.start)) continue;
        const lead = text.slice(from, m.start);
        // A finite verb before it: the subject was earlier (or is not named).
        if (/\b(?:is|are|was|were|has|have|had|will|would|said|says|met|held|[a-z]{3,}ed)\b/.test(lead.replace(/[“"][^”"]*[”"]/g, ''))) break;
        // "President of the Russian Federation X": a title phrase is part of the subject.
        const titleOnly = /^[\s\W]*(?:(?:[A-Z][\w.’'-]*|of|the|for|and)[\s,]+)*$/.test(lead);
        const prev = /([A-Za-z]+)[\s,]*(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){0,4}$/.exec(lead);
        if (!titleOnly && prev && PREPOSITIONS.has(prev[1]!.toLowerCase())) continue;
        const after = text.slice(m.end, m.end + 2);
        if (/^['’]s/.test(after)) continue;
        // "Secretary General of NATO Jens Stoltenberg": the organisation is part of a person's title.
        if (m.draft.type === 'organisation') {
          const next = this.mentionsIn(m.end, Math.min(s.end, m.end + 60)).find((x) => x.draft.type === 'person');
          if (next && /^\s*(?:(?:\(\w+\))?\s*(?:[A-Z][\w.’'-]*|of|the)\s*)*$/.test(text.slice(m.end, next.start))) continue;
        }
        out = { entity: m.entity, start: m.start, end: m.end, rule: PRONOUN_RULE.test(m.rule) ? 'pronoun' : 'subject' };
        break;
      }
      if (!out) {
        const pron = /^\W*(?:[A-Z][a-z]+,\s+)?(He|She|His|Her)\b/.exec(text.slice(from, s.end));
        if (pron) {
          const at = from + pron.index + pron[0].length - pron[1]!.length;
          const r = this.resolvePronounBefore(at, i);
          if (r) out = { ...r, start: at, end: at + pron[1]!.length };
        }
      }
    }
    this.subjects.set(i, out);
    return out;
  }

  /** "he"/"she" at `pos`: the latest person subject before it (same sentence first, then earlier ones). */
  resolvePronoun(pos: number): Ref | null {
    const m = this.mentionStartingAt(pos);
    if (m && m.draft.type === 'person') return { entity: m.entity, start: m.start, end: m.end, rule: 'pronoun' };
    return this.resolvePronounBefore(pos, this.sentenceIndex(pos));
  }

  private resolvePronounBefore(pos: number, si: number): Ref | null {
    let best: Ref | null = null;
    for (const x of this.extraSubjects) {
      const e = this.byId.get(x.entity);
      if (x.start < pos && e?.type === 'person' && (!best || x.start > best.start)) best = x;
    }
    for (let i = si; i >= 0 && i >= si - 6; i--) {
      const subj = i === si ? this.subjectBefore(i, pos) : this.subjectOf(i);
      if (subj && this.byId.get(subj.entity)?.type === 'person' && subj.start < pos) {
        if (!best || subj.start > best.start) best = { ...subj, rule: 'pronoun' };
        break;
      }
    }
    return best ? { ...best, rule: 'pronoun' } : null;
  }

  private subjectBefore(i: number, pos: number): Ref | null {
    const subj = this.subjectOf(i);
    return subj && subj.end <= pos ? subj : null;
  }
}
