/**
 * Engagement words → engagement kind and CAMEO 1.1b3 code (Schrodt 2012, the codebook's verb
 * dictionary facts: 010 make statement, 030 express intent to cooperate, 036 express intent to
 * meet, 040 consult, 041 discuss by telephone, 042 make a visit, 043 host a visit, 046 engage in
 * negotiation, 051 praise, 057 sign formal agreement, 190 use conventional military force ...).
 * Every code here is in `CAMEO_CODES` (src/domain/cameo.ts); the table test checks it.
 *
 * Each entry: a pattern (a regular expression source, matched case-insensitively at word
 * boundaries outside quotations), the kind and code it gives, and the frame that says how
 * participants are read around it (see src/extract/stages/engagements.ts). General English
 * only: no names, nothing fitted to one article.
 */
import type { EngagementKind } from '../../db/schema.ts';

export type Frame =
  /** Subject visits; the place after to/in/for; "at the invitation of Z" → Z hosts. */
  | 'visit'
  /** Subject hosts, object is the guest; passive "was welcomed by Z" → Z hosts. */
  | 'host'
  /** Subject calls on object: subject is the guest, object the host. */
  | 'call-on'
  /** Subject and object (or "between X and Y") meet as equals. */
  | 'meet'
  /** Subject speaks; object of "told" is the target. */
  | 'statement'
  /** Subject and object (or "between X and Y") agree or sign. */
  | 'agreement'
  /** A gathering: organisations named in the phrase take part. */
  | 'conference'
  /** Subject leads; people listed after "accompanied by", "included" are members. */
  | 'delegation'
  /** Subject (or "by X") acts; "against Y" is the target. */
  | 'conflict'
  /** Subject and object take part. */
  | 'other';

export interface EngagementWord {
  /** Regular expression source (case-insensitive), whole words. */
  pattern: string;
  kind: EngagementKind;
  /** CAMEO 1.1b3 code. */
  cameo: string;
  frame: Frame;
  /** A noun ("visit", "meeting") names the event; a verb reports it with a subject. */
  pos: 'verb' | 'noun';
  /** Stable rule id for evidence. */
  rule: string;
}

const V = (pattern: string, kind: EngagementKind, cameo: string, frame: Frame, rule: string): EngagementWord => ({ pattern, kind, cameo, frame, pos: 'verb', rule });
const N = (pattern: string, kind: EngagementKind, cameo: string, frame: Frame, rule: string): EngagementWord => ({ pattern, kind, cameo, frame, pos: 'noun', rule });

/** Ordered: a longer phrase before the shorter one it contains. */
export const ENGAGEMENT_WORDS: readonly EngagementWord[] = [
  // Calls (041)
  N('(?:tele)?phone (?:call|conversation|talks?)|telephone(?:d)?|video (?:call|conference|link)|phone(?:d)?', 'CALL', '041', 'meet', 'phone-call'),
  V('sp(?:oke|eaks?|eaking) (?:by|on the|over the) (?:tele)?phone', 'CALL', '041', 'meet', 'spoke-by-phone'),
  // Delegations (042: a delegation makes a visit)
  V('led (?:an? |the |his |her )?(?:[\\w-]+ ){0,3}delegations?|leading (?:an? |the )?(?:[\\w-]+ ){0,3}delegations?|heads? (?:an? |the )(?:[\\w-]+ ){0,3}delegations?', 'DELEGATION', '042', 'delegation', 'led-delegation'),
  V('(?:is|was|were|are|will be|being) accompanied by|accompanied by', 'DELEGATION', '042', 'delegation', 'accompanied-by'),
  N('delegations?', 'DELEGATION', '042', 'delegation', 'delegation'),
  // Courtesy calls: the caller is the guest (042/043)
  N('courtesy (?:call|visit)s?', 'MEETING', '043', 'call-on', 'courtesy-call'),
  V('call(?:ed|s|ing)? on|call(?:ed)? upon|paid a call on', 'MEETING', '043', 'call-on', 'called-on'),
  // Hosting (043)
  V('(?:was |were |is |are |been |being )?(?:received|hosted|welcomed|greeted)(?= by)', 'MEETING', '043', 'host', 'hosted-by'),
  V('receiv(?:ed|es|ing)|host(?:ed|s|ing)|welcom(?:ed|es|ing)|greet(?:ed|s|ing)|play(?:ed|s)? host to|extend(?:ed|s)? (?:a |an )?(?:warm |cordial )?welcome to', 'MEETING', '043', 'host', 'received'),
  // Visits (042)
  V('arriv(?:ed|es|ing|e) (?:in|at)|touch(?:ed|es)? down (?:in|at)|land(?:ed|s) in|reach(?:ed|es) ', 'VISIT', '042', 'visit', 'arrived-in'),
  V('depart(?:ed|s|ing)? for|left for|leaves for|head(?:ed|s|ing)? (?:to|for)|travel(?:l?ed|s|l?ing)? (?:on )?to|fl(?:ew|ies|y) to|went to|go(?:es)? to|will go to|set off for|en route to', 'VISIT', '042', 'visit', 'departed-for'),
  V('visit(?:ed|s|ing)?(?! to\\b)', 'VISIT', '042', 'visit', 'visited'),
  N('(?:state |official |working |two-day |three-day |four-day |five-day |maiden |first |return |reciprocal )*visits?|trips?|tours?|arrival', 'VISIT', '042', 'visit', 'visit'),
  // Negotiations and talks (046 / 040)
  N('negotiations?|negotiat(?:ed|ing|es)', 'TALKS', '046', 'meet', 'negotiations'),
  V('(?:held|hold|holding|holds|sit in|sat in|sits in|have|had|has) (?:[\\w-]+ ){0,2}(?:talks|consultations)', 'TALKS', '040', 'meet', 'held-talks'),
  N('talks|dialogue|consultations', 'TALKS', '040', 'meet', 'talks'),
  // Meetings (040)
  V('met(?! with the (?:press|media))|meets?(?: with)?(?= [A-Z])|meets with|will meet|to meet', 'MEETING', '040', 'meet', 'met'),
  N('meetings?|summit meeting|tête-à-tête|sessions? with', 'MEETING', '040', 'meet', 'meeting'),
  V('discuss(?:ed|es|ing)?|held discussions|discussions', 'MEETING', '040', 'meet', 'discussed'),
  // Conferences and summits
  N('summit|conference|forum|congress|convention|ministerial', 'CONFERENCE', '040', 'conference', 'summit'),
  // Agreements (057 signing, 030 agreeing to cooperate)
  V('sign(?:ed|s|ing)?|ink(?:ed|s)', 'AGREEMENT', '057', 'agreement', 'signed'),
  N('memorand(?:um|a) of understanding|MoUs?|agreements?|accords?|treat(?:y|ies)|deals?|protocol', 'AGREEMENT', '057', 'agreement', 'agreement'),
  V('agreed (?:to|that|on)', 'AGREEMENT', '030', 'agreement', 'agreed'),
  // Armed conflict (190)
  N('wars?|invasion|offensive|air ?strikes?|attacks?|bombing|clashes', 'CONFLICT', '190', 'conflict', 'war'),
  // Ceremonies and commemorations
  N('ceremony|inauguration|celebrations?|commemoration|parade|sworn[- ]in', 'OTHER', '017', 'other', 'ceremony'),
  // Statements (010 and the commenting codes)
  N('press conference|news conference|press briefing|joint statement|statement|remarks|communiqu[eé]|announcement', 'STATEMENT', '010', 'statement', 'statement'),
  V('announc(?:ed|es|ing)|declar(?:ed|es)', 'STATEMENT', '010', 'statement', 'announced'),
  V('prais(?:ed|es|ing)|commend(?:ed|s)|congratulat(?:ed|es)|thank(?:ed|s)', 'STATEMENT', '051', 'statement', 'praised'),
  V('urg(?:ed|es)|call(?:ed|s) for|appeal(?:ed|s) (?:to|for)', 'STATEMENT', '020', 'statement', 'urged'),
  V('demand(?:ed|s)', 'STATEMENT', '100', 'statement', 'demanded'),
  V('condemn(?:ed|s)|criticis(?:ed|es)|criticiz(?:ed|es)|denounc(?:ed|es)', 'STATEMENT', '111', 'statement', 'criticised'),
  V('expressed (?:hope|optimism|confidence)', 'STATEMENT', '013', 'statement', 'optimistic'),
  V('expressed (?:concern|regret)|warned', 'STATEMENT', '012', 'statement', 'pessimistic'),
  V('expressed (?:condolences|sympathy)|extended (?:his |her |their )?(?:good wishes|condolences|greetings)|conveyed (?:the )?(?:greetings|condolences|good wishes)', 'STATEMENT', '018', 'statement', 'empathetic'),
];

/**
 * Verbs that report speech: a quotation's speaker is their subject ("X said", "said X").
 * Finite and participle forms; the quotes stage reads them, the engagements stage makes one
 * STATEMENT (010) per speaker and occasion from them.
 */
export const SPEECH_VERBS: readonly string[] = [
  'said', 'says', 'say', 'told', 'tells', 'stated', 'states', 'noted', 'notes', 'stressed', 'stresses', 'added', 'adds',
  'wrote', 'writes', 'tweeted', 'posted', 'announced', 'announces', 'declared', 'declares', 'explained', 'explains',
  'insisted', 'insists', 'replied', 'replies', 'responded', 'remarked', 'commented', 'observed', 'argued', 'argues',
  'warned', 'warns', 'urged', 'urges', 'emphasised', 'emphasized', 'emphasises', 'emphasizes', 'underlined',
  'underscored', 'recalled', 'concluded', 'acknowledged', 'admitted', 'affirmed', 'assured', 'claimed', 'continued',
  'asked', 'smiled', 'laughed', 'joked', 'quipped', 'described', 'called', 'pointed out', 'highlighted', 'reiterated',
  'maintained', 'confirmed', 'reported', 'vowed', 'pledged', 'promised', 'predicted', 'suggested', 'added that',
  'called for', 'calls for', 'appealed for',
];
/** Participles that continue a clause whose subject spoke: "..., he wrote, stressing that ...". */
export const SPEECH_PARTICIPLES: readonly string[] = [
  'saying', 'adding', 'noting', 'stressing', 'describing', 'calling', 'telling', 'writing', 'stating', 'emphasising',
  'emphasizing', 'underscoring', 'underlining', 'declaring', 'insisting', 'urging', 'warning', 'recalling', 'explaining',
  'arguing', 'highlighting', 'reiterating', 'pointing out', 'asking', 'replying', 'announcing', 'affirming',
];
/** Speech verbs that can name a past event rather than an utterance ("called" a meeting): weaker cues. */
export const WEAK_SPEECH = new Set(['called', 'described', 'highlighted', 'reported', 'continued', 'asked', 'posted', 'confirmed', 'promised', 'pledged', 'vowed', 'suggested', 'maintained', 'predicted', 'smiled', 'laughed']);
