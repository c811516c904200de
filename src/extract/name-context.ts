/**
 * What the `entities` stage reads around a name candidate (`Doc.names`): its tokens, the words and
 * candidates just before and after it, and which candidates are already assigned to an entity.
 * Built once per document; lookups are by sentence and token index (no scans of the text).
 */
import type { Doc, NameCandidate, NameKind, Token } from './document.ts';
import { Drafts } from './drafts.ts';
import { low } from './lexicon.ts';

export class NameContext {
  readonly doc: Doc;
  readonly drafts: Drafts;
  readonly names: NameCandidate[];
  /** Candidates by "sentence:firstToken". */
  private readonly byStart = new Map<string, NameCandidate>();
  /** Candidates by "sentence:lastToken". */
  private readonly byEnd = new Map<string, NameCandidate>();
  /** Candidates assigned to an entity (or judged not to be one). */
  readonly used = new Set<NameCandidate>();

  constructor(doc: Doc) {
    this.doc = doc;
    this.drafts = new Drafts(doc);
    this.names = doc.names ?? [];
    for (const c of this.names) {
      this.byStart.set(`${c.sentence}:${c.first}`, c);
      this.byEnd.set(`${c.sentence}:${c.last}`, c);
    }
  }

  tokens(c: NameCandidate): readonly Token[] {
    return this.doc.sentences[c.sentence]!.tokens;
  }

  token(sentence: number, i: number): Token | undefined {
    return this.doc.sentences[sentence]?.tokens[i];
  }

  /** Lower-cased word at token `i` of the sentence, or "". */
  word(sentence: number, i: number): string {
    const t = this.token(sentence, i);
    return t ? low(t.text) : '';
  }

  startingAt(sentence: number, i: number, kind?: NameKind): NameCandidate | undefined {
    const c = this.byStart.get(`${sentence}:${i}`);
    return c && (!kind || c.kind === kind) ? c : undefined;
  }

  endingAt(sentence: number, i: number, kind?: NameKind): NameCandidate | undefined {
    const c = this.byEnd.get(`${sentence}:${i}`);
    return c && (!kind || c.kind === kind) ? c : undefined;
  }

  /** Token index just past the candidate and its possessive "'s". */
  after(c: NameCandidate): number {
    return c.possessive ? c.last + 2 : c.last + 1;
  }

  /** The candidate right after `c` (past its possessive), skipping the words given ("the", ","). */
  next(c: NameCandidate, skip: readonly string[] = []): NameCandidate | undefined {
    let i = this.after(c);
    while (skip.includes(this.word(c.sentence, i))) i++;
    return this.startingAt(c.sentence, i);
  }

  /** The candidate ending right before token `i`, skipping the words given. */
  before(sentence: number, i: number, skip: readonly string[] = []): NameCandidate | undefined {
    let k = i - 1;
    while (k >= 0 && skip.includes(this.word(sentence, k))) k--;
    return this.endingAt(sentence, k) ?? (this.word(sentence, k) === "'s" ? this.endingAt(sentence, k - 1) : undefined);
  }

  /** Text of tokens [a, b] as printed. */
  text(sentence: number, a: number, b: number): string {
    const s = this.doc.sentences[sentence]!.tokens;
    return this.doc.text.slice(s[a]!.start, s[b]!.end);
  }

  span(c: NameCandidate): [number, number] {
    return [c.start, c.end];
  }
}
