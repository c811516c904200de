/**
 * The document every extraction stage reads and annotates (the spaCy `Doc` idea): the article's
 * text once, split into paragraphs, sentences and tokens with character offsets, plus the
 * annotations each stage adds. Stages run in the order `PIPELINE` lists (./pipeline.ts); each
 * reads what earlier stages wrote and adds its own, never rewriting another stage's output.
 *
 * Offsets are UTF-16 code-unit offsets into `Doc.text` (JavaScript string indices), start
 * inclusive, end exclusive. `Doc.text` is the headline, a line break, then the body: the article's
 * printed text exactly as `printedText` (src/ingest/validate.ts) builds it from the bundle the
 * extractor writes, so evidence spans index that text; `start >= Doc.bodyStart` lies in the body.
 */
import type { EngagementKind, EngagementStatus, OrganisationKind, ParticipantRole, PlaceKind } from '../db/schema.ts';

/** What the extractor takes: one article. */
export interface ExtractInput {
  /** The main headline, plain text. */
  headline: string;
  /** The body: plain text (paragraphs separated by line breaks) or HTML (reduced to paragraphs). */
  body: string;
  /** Publication time, ISO 8601 date-time or day; relative time words resolve against its day. */
  published?: string;
  /** The dateline as printed ("TEHRAN"); read from the body's opening when absent. */
  dateline?: string;
  /** BCP 47 language tag; only English ("en", "en-GB" ...) is extracted. */
  language?: string;
  /** The ninjs uri the bundle gets; derived from the headline when absent. */
  uri?: string;
}

/** Why a fact is in the output: the stage and rule that made it, and where in `Doc.text`. */
export interface Evidence {
  /** Stage file name without extension ("entities", "quotes" ...). */
  stage: string;
  /** The rule inside the stage, a short stable identifier ("title-before-name", "said-after-quote"). */
  rule: string;
  /** [start, end) offsets into `Doc.text`. */
  spans: Array<[number, number]>;
}

export interface Span {
  start: number;
  end: number;
}

export interface Token extends Span {
  text: string;
}

export interface Sentence extends Span {
  /** Index into `Doc.paragraphs`. */
  paragraph: number;
  tokens: Token[];
}

export type EntityType = 'person' | 'organisation' | 'place';

/** One occurrence of an entity (or of something that refers to one: a pronoun, "the ministry"). */
export interface Mention extends Span {
  text: string;
  /** Id of the EntityDraft it refers to. */
  entity: string;
  rule: string;
}

export interface RoleDraft {
  title: string;
  /** EntityDraft id of an organisation. */
  organisation?: string;
  /** EntityDraft id of a COUNTRY place. */
  country?: string;
  evidence: Evidence;
}

/** A person, organisation or place found in the text, before it becomes a bundle entity. */
export interface EntityDraft {
  /** Stable within one extraction; becomes the bundle key. */
  id: string;
  type: EntityType;
  name: string;
  /** Other strings the text uses for it (surname alone, variant spellings, an acronym used alone). */
  aliases: string[];
  /** Organisations: OrganisationKind; places: PlaceKind; people: undefined. */
  kind?: OrganisationKind | PlaceKind;
  acronym?: string;
  /** EntityDraft id of the COUNTRY place it belongs to (cities, organisations, a person's nationality). */
  country?: string;
  /** ISO 3166-1 alpha-2, countries only. */
  iso3166?: string;
  roles: RoleDraft[];
  mentions: Mention[];
  /** People: EntityDraft id of the COUNTRY place of their nationality ("the Pakistani minister"). */
  nationality?: string;
  /**
   * How the article relates to it ('about': in the headline or opening and mentioned again);
   * undefined for an entity recorded but not named in the text (a country known only from a
   * demonym or a role), which the bundle keeps without linking it to the article.
   */
  rel?: 'about' | 'mentions';
  /** 0..1, from headline and lead presence, how early and how often it is named (stage `entities`). */
  relevance?: number;
  evidence: Evidence;
}

export interface QuoteDraft {
  /** The words between the marks, exactly as printed (trailing comma dropped). */
  text: string;
  /** EntityDraft id of the speaker (person or organisation). */
  speaker: string;
  /** EngagementDraft id of the statement or meeting it was said at (set by the engagements stage). */
  engagement?: string;
  evidence: Evidence;
}

export interface ParticipantDraft {
  entity: string;
  role: ParticipantRole;
}

export interface DateWords extends Span {
  /** The time words exactly as printed ("in late October", "on Monday"). */
  text: string;
}

export interface EngagementDraft {
  id: string;
  kind: EngagementKind;
  /** CAMEO 1.1b3 code as a string ("042"). */
  cameo: string;
  status: EngagementStatus;
  summary: string;
  participants: ParticipantDraft[];
  /** EntityDraft id of a place. */
  place?: string;
  date?: DateWords;
  evidence: Evidence;
}

export interface FigureDraft {
  /** As printed ("$3 billion"). */
  text: string;
  /** The exact amount, a canonical decimal string (src/domain/decimal.ts). */
  value: string;
  /** ISO 4217. */
  currency?: string;
  unit?: string;
  metric?: string;
  evidence: Evidence;
}

/** The document: text and structure (from `segment`), then each stage's annotations. */
export interface Doc {
  input: ExtractInput;
  /** Headline + "\n" + body (HTML reduced to paragraphs joined by "\n"). */
  text: string;
  /** Offset of the body's first character in `text`. */
  bodyStart: number;
  /** ISO day relative dates resolve against, or null. */
  referenceDate: string | null;
  /** The headline is paragraph 0. */
  paragraphs: Span[];
  sentences: Sentence[];
  /**
   * The dateline: `text` the place as printed ("TEHRAN"), `span` its offsets, `place` the place
   * EntityDraft id (set by the entities stage), `agency` a news agency printed in it ("(Reuters)",
   * "/MONTSAME/"), `end` the offset just past its separator (where the story proper starts).
   */
  dateline?: { text: string; place?: string; span: Span; agency?: { text: string; span: Span }; end?: number };
  /** Candidate proper names and gazetteer hits, in text order (the `names` stage). */
  names?: NameCandidate[];
  entities: EntityDraft[];
  quotes: QuoteDraft[];
  engagements: EngagementDraft[];
  figures: FigureDraft[];
}

/**
 * What a run of tokens is, as the `names` stage reads it: a title ("Foreign Minister"), an
 * honorific ("Mr.", "H.E."), a gazetteer hit (country, demonym, city, region, international
 * organisation or news agency) or a proper name not (yet) classified.
 */
export type NameKind = 'name' | 'title' | 'honorific' | 'country' | 'demonym' | 'city' | 'region' | 'organisation';

/** A candidate proper name or gazetteer hit (the `names` stage); `start`/`end` offsets into `Doc.text`. */
export interface NameCandidate extends Span {
  /** As printed, possessive "'s" left out. */
  text: string;
  kind: NameKind;
  /** Index into `Doc.sentences`, and the first and last token (inclusive) in that sentence. */
  sentence: number;
  first: number;
  last: number;
  /** In the headline (paragraph 0), where capitals prove little. */
  headline: boolean;
  /** Followed by a possessive "'s" / "’s". */
  possessive: boolean;
  /** Every letter upper case ("SNSC", "MEXICO CITY"). */
  upper: boolean;
  /** The gazetteer's or table's canonical form: country or city name, title as filed, organisation name. */
  canonical?: string;
  /** ISO 3166-1 alpha-2: a country, a demonym's country, a city's country (the likeliest one). */
  iso2?: string;
  /** International organisations: the acronym, and whether the entry is a news agency. */
  acronym?: string;
  media?: boolean;
  evidence: Evidence;
}

/** A pipeline stage: reads the document and adds its annotations in place. */
export type Stage = (doc: Doc) => void;
