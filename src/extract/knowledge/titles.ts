/**
 * Titles of office, honorifics and styles: general knowledge about how English news copy names an
 * office before or beside a person ("Foreign Minister X", "X, Secretary of ...", "the Iranian
 * president, X"). Words and phrases only, lower case, never people's names. Read by the `names`
 * and `entities` stages (src/extract/stages/), which compile them once into lookup maps.
 *
 * A title is read as: [modifiers] [portfolio words] HEAD [of|for portfolio words], e.g.
 * "Deputy Prime Minister", "Road Transport and Highways Minister", "Minister of Foreign Affairs",
 * "Secretary of Homeland Security", "Acting President", "Special Envoy".
 */

/** Heads of a title: the office itself. Multi-word heads are matched before single words. */
export const TITLE_HEADS: readonly string[] = [
  // heads of state and government
  'president', 'vice president', 'vice-president', 'prime minister', 'premier', 'chancellor', 'vice chancellor',
  'vice-chancellor', 'head of state', 'head of government', 'taoiseach', 'governor-general', 'governor general',
  'king', 'queen', 'emir', 'amir', 'sultan', 'crown prince', 'monarch', 'shah', 'supreme leader', 'custodian of the two holy mosques',
  // ministers and secretaries
  'minister', 'secretary', 'state secretary', 'secretary of state', 'foreign secretary', 'home secretary',
  'cabinet secretary', 'principal secretary', 'permanent secretary', 'chief secretary', 'under-secretary',
  'undersecretary', 'under secretary', 'minister of state', 'minister-counsellor', 'attorney general', 'attorney-general',
  'solicitor general', 'solicitor-general', 'chief of staff', 'national security adviser', 'national security advisor',
  // international organisations
  'secretary-general', 'secretary general', 'deputy secretary-general', 'director-general', 'director general',
  'high representative', 'commissioner', 'high commissioner', 'special rapporteur', 'special representative',
  'special envoy', 'envoy', 'special coordinator', 'coordinator', 'representative', 'permanent representative',
  'sec gen', 'secgen',
  // diplomats
  'ambassador', 'ambassador-at-large', 'ambassador at large', "charge d'affaires", 'chargé d’affaires',
  "chargé d'affaires", 'consul', 'consul general', 'consul-general', 'diplomat', 'attache', 'attaché',
  // legislatures and parties
  'speaker', 'deputy speaker', 'senator', 'congressman', 'congresswoman', 'lawmaker', 'legislator', 'mp', 'mep',
  'chairman', 'chairwoman', 'chairperson', 'chair', 'party leader', 'leader', 'opposition leader', 'whip',
  'member of parliament',
  // executives and officials
  'governor', 'deputy governor', 'mayor', 'deputy mayor', 'director', 'executive director', 'managing director',
  'ceo', 'chief executive', 'chief executive officer', 'cfo', 'coo', 'founder', 'co-founder', 'head', 'chief',
  'spokesman', 'spokeswoman', 'spokesperson', 'press secretary', 'adviser', 'advisor', 'aide', 'counsellor',
  'counselor', 'official', 'officer', 'administrator', 'registrar', 'auditor-general', 'auditor general',
  'inspector general', 'inspector-general', 'ombudsman', 'commissioner-general', 'vice-chairman', 'vice chairman',
  'deputy chairman', 'vice-chair', 'rector', 'dean', 'provost', 'correspondent', 'editor', 'editor-in-chief',
  'chief justice', 'justice', 'judge', 'prosecutor', 'chief prosecutor', 'attorney',
  // military and police
  'general', 'lieutenant general', 'lieutenant-general', 'major general', 'major-general', 'brigadier general',
  'brigadier', 'colonel', 'lieutenant colonel', 'major', 'captain', 'admiral', 'vice admiral', 'rear admiral',
  'marshal', 'field marshal', 'air marshal', 'commander', 'commander-in-chief', 'chief of defence staff',
  'chief of general staff', 'chief of army staff', 'chief of the general staff', 'inspector', 'police chief',
  'commissioner of police', 'sergeant',
  // religious offices
  'pope', 'cardinal', 'archbishop', 'bishop', 'patriarch', 'grand mufti', 'mufti', 'imam', 'rabbi', 'chief rabbi',
  'ayatollah', 'grand ayatollah',
  // candidates
  'candidate', 'presidential candidate', 'nominee',
];

/** Words before a head that stay part of the title ("Deputy", "Acting", "Foreign" ...). */
export const TITLE_MODIFIERS: readonly string[] = [
  'deputy', 'vice', 'acting', 'assistant', 'associate', 'senior', 'junior', 'former', 'first', 'second', 'third',
  'interim', 'caretaker', 'principal', 'permanent', 'special', 'presidential', 'executive', 'chief', 'general',
  'lead', 'top', 'state', 'federal', 'regional', 'provincial', 'junior', 'outgoing', 'incoming', 'designate',
  'cabinet', 'shadow', 'foreign', 'prime', 'supreme', 'grand', 'royal', 'military', 'press', 'political',
  'economic', 'commercial', 'defence', 'defense', 'senior', 'technical', 'legal', 'personal', 'honorary',
];

/**
 * Portfolio words: what a minister, ministry or secretary is for ("Foreign", "Home Affairs",
 * "Road Transport and Highways"). Joined by "and" / "&"; lower case.
 */
export const PORTFOLIO_WORDS: readonly string[] = (
  'foreign affairs external home interior internal defence defense finance financial treasury economy economic ' +
  'economics development planning trade industry industries industrial commerce investment investments energy ' +
  'power petroleum oil gas mines mining mineral minerals resources natural water waters irrigation agriculture ' +
  'agricultural livestock fisheries fishery food forestry forests environment environmental climate change health ' +
  'education higher science sciences technology technologies innovation research information communication ' +
  'communications digital broadcasting media culture cultural arts heritage tourism sport sports youth women ' +
  'gender children child family families social welfare labour labor employment justice legal law laws ' +
  'constitutional security national homeland public works infrastructure transport transportation road roads ' +
  'highways highway railway railways aviation shipping maritime ports housing urban rural local government ' +
  'regional land lands immigration migration refugees religious religion endowments islamic veterans intelligence ' +
  'emergency emergencies disaster disasters relief cooperation co-operation integration european african pacific ' +
  'diaspora overseas cabinet parliamentary legislative budget revenue customs taxation telecommunications post ' +
  'posts unity reconciliation peace humanitarian human rights civil service services consumer protection ' +
  'enterprise enterprises small medium cooperatives antiquities wildlife solidarity electricity hydrocarbons ' +
  'affairs people peoples indigenous minority minorities gulf asian asia europe africa americas ' +
  'trade-related strategic policy policies global multilateral bilateral consular protocol ' +
  'mineral-resources state states territory territories water-resources logistics'
)
  .split(' ')
  .filter(Boolean);

/** Heads that take portfolio words before them or after "of" ("Energy Minister", "Minister of Energy"). */
export const PORTFOLIO_HEADS: readonly string[] = ['minister', 'secretary', 'commissioner', 'adviser', 'advisor', 'spokesman', 'spokesperson', 'spokeswoman', 'envoy', 'coordinator', 'director'];

/**
 * Honorifics: forms of address kept out of a name ("Mr.", "Dr", "H.E.", "Datuk"). Lower case,
 * with and without the dot; multi-word forms matched first.
 */
export const HONORIFICS: readonly string[] = [
  'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'miss', 'mx', 'mx.', 'dr', 'dr.', 'prof', 'prof.', 'professor', 'sir', 'dame',
  'lord', 'lady', 'h.e.', 'h.e', 'he.', 'his excellency', 'her excellency', 'excellency', 'hh', 'h.h.', 'hrh', 'h.r.h.',
  'his highness', 'her highness', 'his royal highness', 'her royal highness', 'his majesty', 'her majesty',
  'datuk', 'datuk seri', 'dato', "dato'", 'dato’', 'dato seri', "dato' seri", 'datin', 'tan sri', 'puan sri', 'tun', 'toh puan',
  'pehin', 'haji', 'hajji', 'hajjah', 'alhaji', 'alhaja', 'hon', 'hon.', 'honourable', 'honorable', 'the honourable',
  'rev', 'rev.', 'reverend', 'the reverend', 'engr', 'engr.', 'eng.', 'comrade', 'monsieur', 'madame', 'señor', 'señora',
  'senhor', 'herr', 'frau', 'shri', 'sri', 'smt', 'smt.', 'shrimati', 'janab', 'mallam', 'chief', 'dr.-ing.',
];

/**
 * Styles that are part of how a person is named in wire copy ("Sheikh Mishal ...", "Prince
 * Faisal ..."): kept in the name when a given name follows.
 */
export const NAME_STYLES: readonly string[] = ['sheikh', 'sheikha', 'shaikh', 'shaykh', 'prince', 'princess', 'sayyid', 'sharif'];

/**
 * Royal offices that are also how the holder is named ("King Salman", "Queen Margrethe", "Emir
 * Tamim"): before a single given name they stay in the name and are also the role's title.
 */
export const ROYAL_TITLES: readonly string[] = ['king', 'queen', 'emir', 'amir', 'sultan', 'shah', 'pope'];

/** Short forms of titles ("PM" → "Prime Minister"). */
export const TITLE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  pm: 'Prime Minister',
  dpm: 'Deputy Prime Minister',
  fm: 'Foreign Minister',
  vp: 'Vice President',
  sg: 'Secretary-General',
  'sec gen': 'Secretary-General',
  secgen: 'Secretary-General',
  unsg: 'Secretary-General',
  mp: 'MP',
  mep: 'MEP',
  ceo: 'CEO',
  gen: 'General',
  'gen.': 'General',
  'lt.': 'Lieutenant',
  'col.': 'Colonel',
  'maj.': 'Major',
  'capt.': 'Captain',
  'adm.': 'Admiral',
  'gov.': 'Governor',
  'sen.': 'Senator',
  'rep.': 'Representative',
  'amb.': 'Ambassador',
  'pres.': 'President',
  'sec.': 'Secretary',
};
