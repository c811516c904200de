/**
 * Words that make a capitalised phrase an organisation, a place or neither, and which kind:
 * general English knowledge about how institutions are named ("... Ministry", "... Council",
 * "... Airport"). Lower case; read by the `names` and `entities` stages, which compile them once.
 */
import type { OrganisationKind } from '../../db/schema.ts';

/**
 * Head words of organisation names and the kind they give. The last head in a name decides
 * ("Ministry of Foreign Affairs" → MINISTRY); `ORGANISATION_MODIFIER_KINDS` may refine it.
 */
export const ORGANISATION_HEADS: Readonly<Record<string, OrganisationKind>> = {
  ministry: 'MINISTRY', ministries: 'MINISTRY', department: 'MINISTRY', 'state department': 'MINISTRY',
  // government bodies
  government: 'GOVERNMENT_BODY', administration: 'GOVERNMENT_BODY', cabinet: 'GOVERNMENT_BODY',
  presidency: 'GOVERNMENT_BODY', council: 'GOVERNMENT_BODY', commission: 'GOVERNMENT_BODY',
  authority: 'GOVERNMENT_BODY', authorities: 'GOVERNMENT_BODY', agency: 'GOVERNMENT_BODY',
  bureau: 'GOVERNMENT_BODY', directorate: 'GOVERNMENT_BODY', secretariat: 'GOVERNMENT_BODY',
  office: 'GOVERNMENT_BODY', service: 'GOVERNMENT_BODY', services: 'GOVERNMENT_BODY', police: 'GOVERNMENT_BODY',
  tribunal: 'GOVERNMENT_BODY', judiciary: 'GOVERNMENT_BODY', inspectorate: 'GOVERNMENT_BODY',
  board: 'GOVERNMENT_BODY', kremlin: 'GOVERNMENT_BODY', 'white house': 'GOVERNMENT_BODY',
  'central bank': 'GOVERNMENT_BODY', 'reserve bank': 'GOVERNMENT_BODY', 'national bank': 'GOVERNMENT_BODY',
  'high court': 'GOVERNMENT_BODY', 'supreme court': 'GOVERNMENT_BODY', 'constitutional court': 'GOVERNMENT_BODY',
  'court of appeal': 'GOVERNMENT_BODY', 'appeals court': 'GOVERNMENT_BODY', 'district court': 'GOVERNMENT_BODY',
  'federal court': 'GOVERNMENT_BODY', 'criminal court': 'GOVERNMENT_BODY', 'court of justice': 'GOVERNMENT_BODY',
  'electoral commission': 'GOVERNMENT_BODY',
  // legislatures
  parliament: 'LEGISLATURE', assembly: 'LEGISLATURE', senate: 'LEGISLATURE', congress: 'LEGISLATURE',
  legislature: 'LEGISLATURE', duma: 'LEGISLATURE', knesset: 'LEGISLATURE', majlis: 'LEGISLATURE', sejm: 'LEGISLATURE',
  bundestag: 'LEGISLATURE', bundesrat: 'LEGISLATURE', rada: 'LEGISLATURE', 'lok sabha': 'LEGISLATURE',
  'rajya sabha': 'LEGISLATURE', storting: 'LEGISLATURE', riksdag: 'LEGISLATURE', folketing: 'LEGISLATURE',
  'house of representatives': 'LEGISLATURE', 'house of commons': 'LEGISLATURE', 'house of lords': 'LEGISLATURE',
  'house of assembly': 'LEGISLATURE', 'house of delegates': 'LEGISLATURE', 'national assembly': 'LEGISLATURE',
  // parties
  party: 'PARTY', league: 'PARTY', front: 'PARTY', movement: 'PARTY',
  // military
  army: 'MILITARY', navy: 'MILITARY', 'air force': 'MILITARY', forces: 'MILITARY', force: 'MILITARY',
  'armed forces': 'MILITARY', 'defence force': 'MILITARY', 'defense force': 'MILITARY', guard: 'MILITARY',
  guards: 'MILITARY', corps: 'MILITARY', military: 'MILITARY', command: 'MILITARY', brigade: 'MILITARY',
  regiment: 'MILITARY', battalion: 'MILITARY', militia: 'MILITARY', 'coast guard': 'MILITARY', marines: 'MILITARY',
  // embassies and missions
  embassy: 'EMBASSY', 'high commission': 'EMBASSY', consulate: 'EMBASSY', 'consulate general': 'EMBASSY',
  'permanent mission': 'EMBASSY',
  // international bodies
  union: 'INTERNATIONAL_ORGANISATION', organisation: 'INTERNATIONAL_ORGANISATION',
  organization: 'INTERNATIONAL_ORGANISATION', community: 'INTERNATIONAL_ORGANISATION',
  nations: 'INTERNATIONAL_ORGANISATION', bloc: 'INTERNATIONAL_ORGANISATION', alliance: 'INTERNATIONAL_ORGANISATION',
  // companies
  company: 'COMPANY', companies: 'COMPANY', corporation: 'COMPANY', corp: 'COMPANY', 'corp.': 'COMPANY',
  incorporated: 'COMPANY', inc: 'COMPANY', 'inc.': 'COMPANY', ltd: 'COMPANY', 'ltd.': 'COMPANY', limited: 'COMPANY',
  plc: 'COMPANY', llc: 'COMPANY', ag: 'COMPANY', sa: 'COMPANY', gmbh: 'COMPANY', holdings: 'COMPANY', holding: 'COMPANY',
  group: 'COMPANY', bank: 'COMPANY', airlines: 'COMPANY', airways: 'COMPANY', railways: 'COMPANY', railway: 'COMPANY',
  motors: 'COMPANY', industries: 'COMPANY', enterprises: 'COMPANY', petroleum: 'COMPANY', telecom: 'COMPANY',
  fund: 'COMPANY', partners: 'COMPANY', capital: 'COMPANY', investments: 'COMPANY', energy: 'COMPANY',
  technologies: 'COMPANY', systems: 'COMPANY', mining: 'COMPANY', pharmaceuticals: 'COMPANY', exchange: 'COMPANY',
  securities: 'COMPANY', insurance: 'COMPANY', consulting: 'COMPANY', consultants: 'COMPANY', logistics: 'COMPANY',
  bancorp: 'COMPANY', banco: 'COMPANY', banque: 'COMPANY', oil: 'COMPANY', gas: 'COMPANY', steel: 'COMPANY',
  cement: 'COMPANY', shipping: 'COMPANY', telecommunications: 'COMPANY', electric: 'COMPANY', electricity: 'COMPANY',
  watch: 'OTHER', international: 'OTHER',
  // media
  news: 'MEDIA', 'news agency': 'MEDIA', times: 'MEDIA', post: 'MEDIA', herald: 'MEDIA', tribune: 'MEDIA',
  gazette: 'MEDIA', journal: 'MEDIA', radio: 'MEDIA', television: 'MEDIA', tv: 'MEDIA', broadcasting: 'MEDIA',
  'broadcasting corporation': 'MEDIA', press: 'MEDIA', daily: 'MEDIA', telegraph: 'MEDIA', chronicle: 'MEDIA',
  observer: 'MEDIA', courier: 'MEDIA', monitor: 'MEDIA', 'news service': 'MEDIA',
  // others
  university: 'OTHER', universitas: 'OTHER', universidad: 'OTHER', université: 'OTHER', universität: 'OTHER',
  college: 'OTHER', school: 'OTHER', academy: 'OTHER', institute: 'OTHER', institution: 'OTHER',
  foundation: 'OTHER', association: 'OTHER', chamber: 'OTHER', society: 'OTHER', federation: 'OTHER',
  confederation: 'OTHER', club: 'OTHER', trust: 'OTHER', committee: 'OTHER', centre: 'OTHER', center: 'OTHER',
  network: 'OTHER', coalition: 'OTHER',
  institutes: 'OTHER', think: 'OTHER', 'think tank': 'OTHER', 'red cross': 'OTHER', 'red crescent': 'OTHER',
  church: 'OTHER', hospital: 'OTHER',
};

/**
 * Single words that name one institution on their own, used bare in copy ("the Kremlin said",
 * "the Knesset voted"), with their kind.
 */
export const PROPER_INSTITUTIONS: Readonly<Record<string, OrganisationKind>> = {
  kremlin: 'GOVERNMENT_BODY', pentagon: 'MINISTRY', knesset: 'LEGISLATURE', duma: 'LEGISLATURE', bundestag: 'LEGISLATURE',
  bundesrat: 'LEGISLATURE', sejm: 'LEGISLATURE', storting: 'LEGISLATURE', riksdag: 'LEGISLATURE', folketing: 'LEGISLATURE',
  majlis: 'LEGISLATURE', oireachtas: 'LEGISLATURE', dail: 'LEGISLATURE', 'dáil': 'LEGISLATURE', althing: 'LEGISLATURE',
  eduskunta: 'LEGISLATURE', 'élysée': 'GOVERNMENT_BODY', elysee: 'GOVERNMENT_BODY', 'zhongnanhai': 'GOVERNMENT_BODY',
  'bundeswehr': 'MILITARY', 'tatmadaw': 'MILITARY', 'politburo': 'PARTY',
};

/** Words in an organisation's name that decide its kind whatever the head ("International ... Fund"). */
export const ORGANISATION_MODIFIER_KINDS: Readonly<Record<string, OrganisationKind>> = {
  international: 'INTERNATIONAL_ORGANISATION',
  world: 'INTERNATIONAL_ORGANISATION',
  'united nations': 'INTERNATIONAL_ORGANISATION',
  un: 'INTERNATIONAL_ORGANISATION',
  global: 'INTERNATIONAL_ORGANISATION',
  intergovernmental: 'INTERNATIONAL_ORGANISATION',
};

/**
 * Heads that need more than themselves: "Court" is a court only after one of these words
 * ("Supreme Court"); otherwise a building ("Ilaro Court").
 */
export const COURT_MODIFIERS: readonly string[] = [
  'supreme', 'high', 'constitutional', 'appeal', 'appeals', 'appellate', 'district', 'federal', 'criminal',
  'international', 'magistrate', 'magistrates', 'military', 'crown', 'county', 'circuit', 'superior', 'family',
  'juvenile', 'labour', 'labor', 'administrative', 'arbitration', 'electoral', 'special', 'national', 'state',
  'sharia', 'islamic', 'revolutionary', 'tax', 'commercial', 'european', 'african', 'inter-american',
];

/**
 * Heads of names that are neither an organisation nor a place nor a person: events, plans,
 * documents, days ("Victory Day", "Bridgetown Initiative", "Paris Agreement").
 */
export const NON_ENTITY_HEADS: readonly string[] = [
  'day', 'days', 'week', 'month', 'year', 'anniversary', 'summit', 'conference', 'meeting', 'talks', 'dialogue',
  'agreement', 'agreements', 'treaty', 'protocol', 'accord', 'accords', 'declaration', 'convention', 'charter',
  'plan', 'strategy', 'act', 'bill', 'law', 'resolution', 'doctrine', 'vision', 'agenda', 'goals', 'framework',
  'partnership', 'corridor', 'project', 'projects', 'pact', 'deal', 'procedures', 'procedure', 'guidelines',
  'festival', 'games', 'olympics', 'cup', 'championship', 'award', 'awards', 'prize', 'battle', 'battles', 'war',
  'wars', 'revolution', 'crisis', 'pandemic', 'epidemic', 'outbreak', 'visit', 'tour', 'mission', 'expo', 'exhibition',
  'fair', 'forum', 'index', 'report', 'budget', 'policy', 'reform', 'reforms', 'elections', 'election', 'referendum',
  'ceremony', 'parade', 'march', 'rally', 'celebrations', 'celebration', 'initiative', 'operation', 'exercise',
  'exercises', 'drill', 'drills', 'pipeline', 'route',
  'liberation', 'independence', 'victory', 'covid', 'covid-19', 'eid', 'ramadan', 'christmas', 'easter', 'diwali',
  'relations', 'cooperation', 'friendship', 'heads', 'members', 'member', 'people', 'citizens',
];

/** Head words of named places other than cities and countries: buildings, sites, features. */
export const PLACE_HEADS: readonly string[] = [
  'house', 'palace', 'airport', 'international airport', 'stadium', 'arena', 'court', 'square', 'hall', 'hotel',
  'bridge', 'harbour', 'harbor', 'dam', 'park', 'tower', 'towers', 'castle', 'fort', 'mosque', 'cathedral',
  'temple', 'shrine', 'monastery', 'base', 'air base', 'naval base', 'camp', 'crossing', 'checkpoint', 'terminal',
  'station', 'port', 'island', 'islands', 'lake', 'river', 'mountain', 'mountains', 'mount', 'sea', 'ocean', 'valley',
  'desert', 'peninsula', 'strait', 'straits', 'canal', 'bay', 'coast', 'plateau', 'delta', 'gorge', 'pass',
  'heights', 'plain', 'plains', 'forest', 'reserve', 'field', 'fields', 'memorial', 'monument', 'museum',
  'cemetery', 'mausoleum', 'villa', 'residence', 'lodge', 'manor', 'estate', 'gardens', 'garden', 'complex',
  'building', 'centre', 'center', 'plaza', 'boulevard', 'avenue', 'street', 'compound', 'railway', 'zone', 'quarter',
];

/** Head words of region names ("Republic of Buryatia" is read by `REGION_PREFIXES`). */
export const REGION_HEADS: readonly string[] = [
  'region', 'sub-region', 'subregion', 'province', 'district', 'county', 'governorate', 'oblast', 'krai', 'prefecture',
  'territory', 'canton', 'state', 'emirate', 'municipality', 'department', 'division', 'area', 'belt', 'basin',
];

/** Prefixes of first-level region names when the name is not a country ("Republic of X", "Province of X"). */
export const REGION_PREFIXES: readonly string[] = ['republic of', 'province of', 'state of', 'region of', 'oblast of', 'governorate of', 'canton of', 'emirate of'];

/**
 * Social-media platforms and services: named in copy ("a post on X") but never organisations
 * of an article's graph.
 */
export const PLATFORMS: readonly string[] = [
  'x', 'twitter', 'facebook', 'instagram', 'youtube', 'tiktok', 'telegram', 'whatsapp', 'linkedin', 'threads',
  'truth social', 'weibo', 'wechat', 'snapchat', 'reddit', 'bluesky', 'mastodon', 'vk', 'vkontakte', 'signal',
];
