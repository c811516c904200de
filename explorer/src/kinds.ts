/** Engagement kinds (schema enum EngagementKind), their words and colours (distinct for colour-blind readers first). */

export const ENGAGEMENT_KINDS = ['MEETING', 'VISIT', 'TALKS', 'CALL', 'AGREEMENT', 'CONFERENCE', 'DELEGATION', 'STATEMENT', 'CONFLICT', 'OTHER'] as const;

export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];

/** Fill colours by kind; each has contrast ≥ 3:1 against white. */
export const KIND_COLOURS: Record<EngagementKind, string> = {
  MEETING: '#0072b2',
  VISIT: '#b3541e',
  TALKS: '#6a3d9a',
  CALL: '#0e7c86',
  AGREEMENT: '#007a5a',
  CONFERENCE: '#b4407f',
  DELEGATION: '#9c6b00',
  STATEMENT: '#5f6b00',
  CONFLICT: '#c0392b',
  OTHER: '#6b6b6b',
};

/** "MEETING" → "Meeting". */
export function kindWord(kind: string): string {
  return kind.charAt(0) + kind.slice(1).toLowerCase().replaceAll('_', ' ');
}

/** The colour of a kind (grey for one this build does not know). */
export function kindColour(kind: string): string {
  return KIND_COLOURS[kind as EngagementKind] ?? KIND_COLOURS.OTHER;
}
