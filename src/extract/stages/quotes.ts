/**
 * Stage `quotes`: quotations and their speakers → `Doc.quotes`.
 *
 * Finding quotations: straight and curly double marks paired in order within a paragraph (a
 * mark that closes nothing and follows a letter is a stray and skipped); single curly marks
 * are quotations in the headline and where a paragraph has no double marks, and are left
 * inside a double quotation (nested). A paragraph whose last quotation does not close, followed
 * by one that opens with a mark, continues it: each part is a quotation, one speaker.
 * The text is the words between the marks, trimmed, a trailing comma dropped.
 *
 * Speakers (rules, in order): a speech verb right after the quotation with its subject
 * ("…,” X said / said X / X, the envoy, stated / according to X); a speech verb before it in
 * the sentence ("X said: “…”", "X said he had “…”", "…, adding “…”"); a speech verb later in
 * the sentence ("… “…” …, the ministry said Wednesday."); another part of the same quotation;
 * a quotation paragraph right after an attributed one; a headline quotation whose words an
 * attributed body quotation contains. Subjects are names (mentions), pronouns (the latest
 * person subject), descriptions ("the ministry", "the foreign minister", "the statement").
 * A quotation with no speaker is left out (scare quotes included).
 */
import { DocIndex, type Ref } from '../doc-index.ts';
import type { Doc, QuoteDraft, Span } from '../document.ts';
import { SPEECH_PARTICIPLES, SPEECH_VERBS, WEAK_SPEECH } from '../knowledge/engagement-verbs.ts';

interface Found extends Span {
  /** The marks' offsets: the quotation is (open, close), exclusive. */
  open: number;
  close: number;
  paragraph: number;
  /** Index of the quotation it continues (paragraph-spanning), or -1. */
  continues: number;
  speaker?: Ref;
  rule?: string;
}

const DOUBLE = new Set(['"', '“', '”', '„', '«', '»', '‟']);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const verbAlt = [...SPEECH_VERBS].sort((a, b) => b.length - a.length).map(escape).join('|');
const partAlt = [...SPEECH_PARTICIPLES].sort((a, b) => b.length - a.length).map(escape).join('|');
/** A speech verb (finite or participle) as a whole word. */
// Case-sensitive: "United States" is not a speech verb.
const SPEECH = new RegExp(`\\b(?:(${verbAlt})|(${partAlt}))\\b`, 'g');
const ACCORDING = /\baccording to\s+/gi;
const LETTER = /[\p{L}\p{N}]/u;

/** Quotation spans in paragraph order (exported for tests and the engagements stage). */
export function findQuotations(doc: Doc): Found[] {
  const text = doc.text;
  const out: Found[] = [];
  let pendingFrom = -1; // index in `out` of an open quotation that ran to its paragraph's end
  doc.paragraphs.forEach((p, pi) => {
    const marks: number[] = [];
    for (let i = p.start; i < p.end; i++) if (DOUBLE.has(text[i]!)) marks.push(i);
    const firstNonSpace = (() => {
      let i = p.start;
      while (i < p.end && /\s/.test(text[i]!)) i++;
      return i;
    })();
    const continuing = pendingFrom >= 0 && marks[0] === firstNonSpace;
    const continued = pendingFrom;
    pendingFrom = -1;
    let open = -1;
    let firstHere = true;
    for (const m of marks) {
      if (open < 0) {
        const prev = text[m - 1] ?? ' ';
        const next = text[m + 1] ?? ' ';
        // A closing mark after a letter with nothing open is a stray ("‘smart” government").
        if (m > p.start && LETTER.test(prev) && (text[m] === '”' || !LETTER.test(next))) continue;
        open = m;
      } else {
        push(open, m, pi, firstHere && continuing ? continued : -1);
        firstHere = false;
        open = -1;
      }
    }
    if (open >= 0) {
      // Unclosed: it continues when the next paragraph opens with a mark.
      const next = doc.paragraphs[pi + 1];
      if (next) {
        let i = next.start;
        while (i < next.end && /\s/.test(text[i]!)) i++;
        if (DOUBLE.has(text[i]!)) {
          let end = p.end;
          while (end > open && /\s/.test(text[end - 1]!)) end--;
          push(open, end, pi, firstHere && continuing ? continued : -1);
          pendingFrom = out.length - 1;
        }
      }
    }
    if (!marks.length || pi === 0) singleQuotes(p, pi);
  });
  return out;

  function push(open: number, close: number, paragraph: number, continues: number) {
    let start = open + 1;
    let end = close;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /[\s,]/.test(text[end - 1]!)) end--;
    if (!LETTER.test(text.slice(start, end))) return;
    out.push({ open, close, start, end, paragraph, continues });
  }

  function singleQuotes(p: Span, pi: number) {
    // ‘…’ (and '…' in a headline): an opener at a word start, a closer not followed by a letter.
    const re = pi === 0 ? /(?<=^|[\s(\[—–-])[‘'](?=\S)(.+?)(?<=\S)[’'](?=$|[\s,.;:!?)\]—–-])/g : /(?<=^|[\s(\[—–-])‘(?=\S)(.+?)(?<=\S)’(?=$|[\s,.;:!?)\]—–-])/g;
    const chunk = text.slice(p.start, p.end);
    for (const m of chunk.matchAll(re)) {
      const open = p.start + m.index;
      const close = open + m[0].length - 1;
      if (out.some((q) => q.open <= open && close <= q.close)) continue; // nested in a double quotation
      push(open, close, pi, -1);
    }
  }
}

export function quotes(doc: Doc): void {
  const idx = new DocIndex(doc);
  const text = doc.text;
  const found = findQuotations(doc);
  idx.quotations = found;
  const inQuote = (pos: number) => found.some((q) => q.open <= pos && pos <= q.close);

  /** Speech verbs in [from, to) outside quotations. */
  const verbsIn = (from: number, to: number) => {
    const out: Array<{ start: number; end: number; participle: boolean; weak: boolean; word: string }> = [];
    if (to <= from) return out;
    SPEECH.lastIndex = 0;
    const chunk = text.slice(from, to);
    for (const m of chunk.matchAll(SPEECH)) {
      const start = from + m.index;
      if (inQuote(start)) continue;
      const word = m[0].toLowerCase();
      out.push({ start, end: start + m[0].length, participle: !!m[2], weak: WEAK_SPEECH.has(word), word });
    }
    return out;
  };

  /** The subject of a speech verb at `v`, reading back no further than `from`. */
  const subjectOfVerb = (v: { start: number; participle: boolean }, from: number, sentenceIndex: number, sameSentence: Found[]): Ref | null => {
    const left = text.slice(from, v.start);
    // "instead of saying", "without saying": no utterance is reported.
    if (v.participle && /\b(?:of|without)\s+$/i.test(left)) return null;
    if (!v.participle && !/\band\s+$/i.test(left)) {
      const r = idx.subjectEndingAt(from, v.start);
      if (r) return r;
    }
    if (v.participle || /(?:\band|,)\s*$/i.test(left)) {
      // A participle or coordinated verb: the clause's speaker, else the sentence subject.
      const prior = sameSentence.filter((q) => q.close < v.start && q.speaker).pop();
      if (prior?.speaker) return prior.speaker;
      const s = idx.subjectOf(sentenceIndex);
      if (s && s.start >= (doc.sentences[sentenceIndex]?.start ?? 0)) return s;
    }
    return null;
  };

  for (let qi = 0; qi < found.length; qi++) {
    const q = found[qi]!;
    const si = idx.sentenceIndex(q.open);
    const s = doc.sentences[si];
    const sEnd = doc.sentences[idx.sentenceIndex(Math.max(q.close - 1, q.open))]?.end ?? q.close;
    const sStart = s ? Math.min(s.start, q.open) : q.open;
    const sameSentence = found.filter((o) => o !== q && o.open >= sStart && o.close <= sEnd);
    const para = doc.paragraphs[q.paragraph]!;

    // 1. Right after the quotation: "…,” X said" / "said X" / "according to X".
    const afterFrom = q.close + 1;
    const nextQuote = found.find((o) => o.open > q.close && o.paragraph === q.paragraph);
    const tailEnd = Math.min(nextQuote ? nextQuote.open : para.end, Math.max(sEnd, afterFrom));
    const tail = text.slice(afterFrom, tailEnd);
    const closedWithComma = /[,?!—–-]\s*$/.test(text.slice(q.start, q.close)) || /^\s*,/.test(tail);
    if (closedWithComma) {
      const inverted = new RegExp(`^\\s*,?\\s*(?:${verbAlt})\\s+`, 'i').exec(tail);
      if (inverted) {
        const r = idx.subjectStartingAt(afterFrom + inverted[0].length, tailEnd);
        if (r) set(q, r, 'said-X-after-quote');
      }
      if (!q.speaker) {
        const v = verbsIn(afterFrom, Math.min(tailEnd, afterFrom + 160))[0];
        // "…,” X said: “…”": a verb introducing the next quotation is not this one's.
        const introducesNext = v && /^\s*:/.test(text.slice(v.end, v.end + 3));
        if (v && !v.participle && !introducesNext && !/[.;!?]/.test(text.slice(afterFrom, v.start).replace(/\b(?:[A-Z]|Mr|Mrs|Ms|Dr|St|Gen|U\.S|Sec)\./g, ''))) {
          const r = idx.subjectEndingAt(afterFrom, v.start);
          if (r) set(q, r, 'X-said-after-quote');
        }
      }
      if (!q.speaker) {
        const acc = /^\s*,?\s*according to\s+/i.exec(tail);
        if (acc) {
          const r = idx.subjectStartingAt(afterFrom + acc[0].length, tailEnd);
          if (r) set(q, r, 'according-to');
        }
      }
    }
    // 2. Before it in the sentence: "X said: “…”", "X said he had “…”", "…, adding “…”".
    if (!q.speaker && s) {
      const prevQuote = sameSentence.filter((o) => o.close < q.open).pop();
      const from = prevQuote ? prevQuote.close + 1 : sStart;
      const verbs = verbsIn(from, q.open);
      const v = verbs[verbs.length - 1];
      if (v) {
        const r = subjectOfVerb(v, sStart, si, sameSentence);
        if (r) {
          const between = text.slice(v.end, q.open);
          const adjacent = /^\s*[:,]?\s*(?:that\s*)?$/i.test(between);
          if (adjacent || !v.weak) set(q, r, adjacent ? 'X-said-colon-quote' : 'X-said-before-quote');
        }
      } else if (prevQuote?.speaker) {
        set(q, prevQuote.speaker, 'same-sentence');
      } else {
        ACCORDING.lastIndex = 0;
        const acc = [...text.slice(from, q.open).matchAll(ACCORDING)].pop();
        if (acc) {
          const r = idx.subjectStartingAt(from + acc.index + acc[0].length, q.open);
          if (r) set(q, r, 'according-to');
        }
      }
    }
    // 3. Later in the sentence: "… “…” between two sides, the ministry said Wednesday."
    if (!q.speaker && s) {
      const later = verbsIn(q.close + 1, sEnd).filter((v) => !v.participle && !v.weak && !/^\s*[:"“”]/.test(text.slice(v.end, v.end + 3)));
      for (const v of later) {
        const r = idx.subjectEndingAt(q.close + 1, v.start);
        if (r) {
          set(q, r, 'sentence-ends-X-said');
          break;
        }
      }
      if (!q.speaker) {
        const acc = /,\s*according to\s+/i.exec(text.slice(q.close + 1, sEnd));
        if (acc) {
          const r = idx.subjectStartingAt(q.close + 1 + acc.index + acc[0].length, sEnd);
          if (r) set(q, r, 'according-to');
        }
      }
    }
    if (q.speaker) idx.extraSubjects.push({ ...q.speaker, start: q.start });
  }

  // 4. Parts of one paragraph-spanning quotation share the speaker (either way).
  for (let pass = 0; pass < 2; pass++)
    for (const q of found) {
      if (q.continues < 0) continue;
      const prev = found[q.continues]!;
      if (!q.speaker && prev.speaker) set(q, prev.speaker, 'continued-quote');
      if (!prev.speaker && q.speaker) set(prev, q.speaker, 'continued-quote');
    }
  // 5. A paragraph that is only a quotation, right after a paragraph whose last quotation has a speaker.
  for (const q of found) {
    if (q.speaker || q.paragraph === 0) continue;
    const p = doc.paragraphs[q.paragraph]!;
    const whole = text.slice(p.start, q.open).trim() === '' && text.slice(q.close + 1, p.end).trim() === '';
    const prev = found.filter((o) => o.paragraph === q.paragraph - 1).pop();
    if (whole && prev?.speaker) set(q, prev.speaker, 'quote-paragraph-follows');
  }
  // 6. A headline quotation echoing an attributed body quotation.
  for (const q of found) {
    if (q.speaker || q.start >= doc.bodyStart) continue;
    const words = text.slice(q.start, q.end).toLowerCase();
    const echo = found.find((o) => o.speaker && o.start >= doc.bodyStart && text.slice(o.start, o.end).toLowerCase().includes(words));
    if (echo?.speaker) set(q, echo.speaker, 'headline-echo');
  }

  for (const q of found) {
    if (!q.speaker) continue;
    const words = text.slice(q.start, q.end);
    const draft: QuoteDraft = {
      text: words,
      speaker: q.speaker.entity,
      evidence: { stage: 'quotes', rule: q.rule!, spans: [[q.start, q.end], [q.speaker.start, q.speaker.end]] },
    };
    doc.quotes.push(draft);
  }

  function set(q: Found, r: Ref, rule: string) {
    q.speaker = r;
    q.rule = rule;
  }
}
