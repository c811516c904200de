/**
 * CAMEO event codes Newsgraph knows (CAMEO 1.1b3 codebook, Schrodt 2012, as used by GDELT),
 * with the Goldstein scale score of each (-10 conflict .. +10 cooperation, GDELT's
 * CAMEO.goldsteinscale table) and its QuadClass. Codes are strings: the leading zero is part
 * of the code and the first two digits are the root code.
 *
 * The table holds every root code and the sub-codes that news engagements use. It is loaded
 * into `cameo_codes` by the migration step (src/db/migrate.ts), so engagements can reference
 * it with a foreign key and filters can join it.
 */
export interface CameoCode {
  /** "042" */
  code: string;
  name: string;
  /** "04" */
  rootCode: string;
  /** 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
  quadClass: 1 | 2 | 3 | 4;
  /** -10 .. +10 */
  goldstein: number;
}

/** QuadClass of a root code ("01".."20"): 01–05 → 1, 06–09 → 2, 10–14 → 3, 15–20 → 4. */
export function quadClassOf(rootCode: string): 1 | 2 | 3 | 4 {
  const root = Number(rootCode);
  if (!Number.isInteger(root) || root < 1 || root > 20) throw new RangeError(`not a CAMEO root code: ${rootCode}`);
  return root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
}

// code, name, Goldstein score
const ROWS: ReadonlyArray<readonly [string, string, number]> = [
  ['010', 'Make statement', 0.0],
  ['011', 'Decline comment', -0.1],
  ['012', 'Make pessimistic comment', -0.4],
  ['013', 'Make optimistic comment', 0.4],
  ['014', 'Consider policy option', 0.0],
  ['015', 'Acknowledge or claim responsibility', 0.0],
  ['016', 'Deny responsibility', 3.4],
  ['017', 'Engage in symbolic act', 0.0],
  ['018', 'Make empathetic comment', 3.4],
  ['019', 'Express accord', 3.4],
  ['020', 'Make an appeal or request', 3.0],
  ['030', 'Express intent to cooperate', 4.0],
  ['031', 'Express intent to engage in material cooperation', 5.2],
  ['0311', 'Express intent to cooperate economically', 5.2],
  ['036', 'Express intent to meet or negotiate', 4.0],
  ['040', 'Consult', 1.0],
  ['041', 'Discuss by telephone', 1.0],
  ['042', 'Make a visit', 1.9],
  ['043', 'Host a visit', 2.8],
  ['044', 'Meet at a "third" location', 2.5],
  ['045', 'Mediate', 5.0],
  ['046', 'Engage in negotiation', 7.0],
  ['050', 'Engage in diplomatic cooperation', 3.5],
  ['051', 'Praise or endorse', 3.4],
  ['052', 'Defend verbally', 3.5],
  ['053', 'Rally support on behalf of', 3.8],
  ['054', 'Grant diplomatic recognition', 6.0],
  ['055', 'Apologize', 7.0],
  ['056', 'Forgive', 7.0],
  ['057', 'Sign formal agreement', 8.0],
  ['060', 'Engage in material cooperation', 6.0],
  ['061', 'Cooperate economically', 6.4],
  ['062', 'Cooperate militarily', 7.4],
  ['063', 'Engage in judicial cooperation', 7.4],
  ['064', 'Share intelligence or information', 7.0],
  ['070', 'Provide aid', 7.0],
  ['080', 'Yield', 5.0],
  ['090', 'Investigate', -2.0],
  ['100', 'Demand', -5.0],
  ['110', 'Disapprove', -2.0],
  ['111', 'Criticize or denounce', -2.0],
  ['112', 'Accuse', -2.0],
  ['120', 'Reject', -4.0],
  ['130', 'Threaten', -4.4],
  ['140', 'Protest', -6.5],
  ['150', 'Exhibit military posture', -7.2],
  ['160', 'Reduce relations', -4.0],
  ['170', 'Coerce', -7.0],
  ['180', 'Use unconventional violence', -9.0],
  ['190', 'Use conventional military force', -10.0],
  ['200', 'Use unconventional mass violence', -10.0],
];

/** Every CAMEO code Newsgraph accepts, in code order. */
export const CAMEO_CODES: readonly CameoCode[] = ROWS.map(([code, name, goldstein]) => {
  const rootCode = code.slice(0, 2);
  return { code, name, rootCode, quadClass: quadClassOf(rootCode), goldstein };
});
