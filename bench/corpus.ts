/**
 * Deterministic synthetic news corpus for the benchmarks: article bundles shaped like
 * data/seed/*.bundle.json (ninjs 3.1 item + annotations), built from a fixed-seed PRNG.
 *
 * Every entity is a pure function of (seed, kind, index), so the same person has the same name,
 * nationality and role in every article that mentions them; articles draw entities from pools
 * sized to the corpus with a skewed distribution, so a few entities (heads of state, big
 * ministries, capitals) recur across a large share of articles and most recur a few times.
 * Some engagements are re-reported by later articles (same CAMEO code, participants, place and
 * EDTF day, hence the same fingerprint), so engagements link to several articles.
 *
 * Pure: no I/O. `generate.ts` loads the bundles through `loadBundle`.
 */
import { CAMEO_CODES } from '../src/domain/cameo.ts';

/** mulberry32: a small, fast, well-distributed 32-bit PRNG. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit hash of a few integers (for per-entity PRNG seeds). */
function mix(...xs: number[]): number {
  let h = 0x811c9dc5;
  for (const x of xs) {
    h = Math.imul(h ^ (x >>> 0), 0x01000193);
    h ^= h >>> 13;
    h = Math.imul(h, 0x5bd1e995);
    h ^= h >>> 15;
  }
  return h >>> 0;
}

type Rng = () => number;
const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
/** Skewed index in [0, n): P(i < k) = (k/n)^(1/s); s = 2 gives a long tail with a few hot entities. */
const skewed = (r: Rng, n: number, s = 2) => Math.min(n - 1, Math.floor(n * r() ** s));

// ---------------------------------------------------------------------------------------------
// Names

const COUNTRIES: ReadonlyArray<readonly [string, string, string]> = [
  // name, ISO 3166-1 alpha-2, demonym
  ['Iran', 'IR', 'Iranian'], ['Pakistan', 'PK', 'Pakistani'], ['United States', 'US', 'American'], ['China', 'CN', 'Chinese'],
  ['Russia', 'RU', 'Russian'], ['India', 'IN', 'Indian'], ['Turkey', 'TR', 'Turkish'], ['Saudi Arabia', 'SA', 'Saudi'],
  ['Egypt', 'EG', 'Egyptian'], ['France', 'FR', 'French'], ['Germany', 'DE', 'German'], ['United Kingdom', 'GB', 'British'],
  ['Japan', 'JP', 'Japanese'], ['Brazil', 'BR', 'Brazilian'], ['Nigeria', 'NG', 'Nigerian'], ['Indonesia', 'ID', 'Indonesian'],
  ['Qatar', 'QA', 'Qatari'], ['Iraq', 'IQ', 'Iraqi'], ['Afghanistan', 'AF', 'Afghan'], ['Israel', 'IL', 'Israeli'],
  ['Ukraine', 'UA', 'Ukrainian'], ['South Africa', 'ZA', 'South African'], ['Mexico', 'MX', 'Mexican'], ['Kenya', 'KE', 'Kenyan'],
  ['Oman', 'OM', 'Omani'], ['Malaysia', 'MY', 'Malaysian'], ['Italy', 'IT', 'Italian'], ['Spain', 'ES', 'Spanish'],
  ['Canada', 'CA', 'Canadian'], ['Australia', 'AU', 'Australian'], ['Argentina', 'AR', 'Argentine'], ['Ethiopia', 'ET', 'Ethiopian'],
  ['Azerbaijan', 'AZ', 'Azerbaijani'], ['Armenia', 'AM', 'Armenian'], ['Kazakhstan', 'KZ', 'Kazakh'], ['Vietnam', 'VN', 'Vietnamese'],
  ['Bangladesh', 'BD', 'Bangladeshi'], ['Algeria', 'DZ', 'Algerian'], ['Jordan', 'JO', 'Jordanian'], ['Lebanon', 'LB', 'Lebanese'],
];

const FIRST_NAMES = [
  'Ali', 'Maryam', 'Hassan', 'Fatima', 'John', 'Anna', 'Li', 'Wei', 'Olga', 'Ivan', 'Priya', 'Arjun', 'Ahmet', 'Elif',
  'Omar', 'Layla', 'Pierre', 'Claire', 'Hans', 'Greta', 'James', 'Emma', 'Kenji', 'Yuki', 'Lucas', 'Ana', 'Chidi', 'Ngozi',
  'Budi', 'Siti', 'Khalid', 'Noura', 'Yusuf', 'Zainab', 'Rahim', 'Sara', 'Oleksandr', 'Iryna', 'Thabo', 'Naledi', 'Carlos',
  'Lucia', 'Wanjiru', 'Kamau', 'Said', 'Aisha', 'Marco', 'Giulia', 'Javier', 'Elena', 'Liam', 'Chloe', 'Tariq', 'Hana',
];
const CONSONANTS = 'bdfghjklmnprstvzkrs'.split('');
const VOWELS = 'aeiou'.split('');
const SYLLABLES = CONSONANTS.flatMap((c) => VOWELS.map((v) => c + v)); // 95, all CV: concatenations parse uniquely
/** An injective word for `n` (CV syllables in base 95, at least `min` syllables) with a fixed ending. */
function word(n: number, min: number, ending = ''): string {
  const parts: string[] = [];
  let x = n;
  do {
    parts.push(SYLLABLES[x % SYLLABLES.length]!);
    x = Math.floor(x / SYLLABLES.length);
  } while (x > 0 || parts.length < min);
  const w = parts.join('') + ending;
  return w[0]!.toUpperCase() + w.slice(1);
}

const CITY_ENDINGS = ['abad', 'pur', 'grad', 'ville', 'stan', 'ton', 'burg', 'polis'];
const INTERNATIONAL = [
  ['United Nations', 'UN'], ['North Atlantic Treaty Organization', 'NATO'], ['European Union', 'EU'], ['African Union', 'AU'],
  ['Organization of the Petroleum Exporting Countries', 'OPEC'], ['Association of Southeast Asian Nations', 'ASEAN'],
  ['World Health Organization', 'WHO'], ['International Atomic Energy Agency', 'IAEA'], ['Shanghai Cooperation Organisation', 'SCO'],
  ['Gulf Cooperation Council', 'GCC'], ['International Monetary Fund', 'IMF'], ['World Bank', 'WB'],
] as const;
/** Per-country organisations: suffix of the name, kind, role titles held there. */
const COUNTRY_ORGS = [
  { name: (c: string) => c, kind: 'STATE', titles: ['President', 'Prime Minister', 'Vice President'] },
  { name: (c: string) => `Ministry of Foreign Affairs (${c})`, kind: 'MINISTRY', titles: ['Foreign Minister', 'Deputy Foreign Minister', 'Spokesperson'] },
  { name: (c: string) => `Ministry of Defence (${c})`, kind: 'MINISTRY', titles: ['Defence Minister', 'Spokesperson'] },
  { name: (c: string) => `Ministry of Interior (${c})`, kind: 'MINISTRY', titles: ['Interior Minister'] },
  { name: (c: string) => `Ministry of Economy (${c})`, kind: 'MINISTRY', titles: ['Economy Minister', 'Trade Envoy'] },
  { name: (c: string) => `Parliament of ${c}`, kind: 'LEGISLATURE', titles: ['Speaker', 'Member of Parliament'] },
  { name: (c: string) => `National Security Council (${c})`, kind: 'GOVERNMENT_BODY', titles: ['Secretary', 'Adviser'] },
  { name: (c: string) => `Armed Forces of ${c}`, kind: 'MILITARY', titles: ['Chief of Staff', 'Commander'] },
] as const;
const OTHER_ORG_KINDS = [
  { kind: 'COMPANY', ending: ' Holdings', titles: ['Chief Executive', 'Chair'] },
  { kind: 'PARTY', ending: ' Party', titles: ['Party Leader', 'Party Spokesperson'] },
  { kind: 'MEDIA', ending: ' News', titles: ['Editor', 'Correspondent'] },
  { kind: 'COMPANY', ending: ' Energy', titles: ['Chief Executive'] },
] as const;

// Engagement templates: CAMEO code, kind, participant roles (first actor, others), summary verb.
const ENGAGEMENT_TEMPLATES = [
  { cameo: '042', kind: 'VISIT', roles: ['GUEST', 'HOST'], verb: 'visits' },
  { cameo: '043', kind: 'VISIT', roles: ['HOST', 'GUEST'], verb: 'hosts' },
  { cameo: '040', kind: 'MEETING', roles: ['PARTICIPANT', 'PARTICIPANT'], verb: 'consults with' },
  { cameo: '044', kind: 'MEETING', roles: ['PARTICIPANT', 'PARTICIPANT'], verb: 'meets at a third location with' },
  { cameo: '046', kind: 'TALKS', roles: ['LEAD', 'PARTICIPANT'], verb: 'holds negotiations with' },
  { cameo: '041', kind: 'CALL', roles: ['PARTICIPANT', 'PARTICIPANT'], verb: 'speaks by telephone with' },
  { cameo: '051', kind: 'STATEMENT', roles: ['SPEAKER', 'TARGET'], verb: 'praises' },
  { cameo: '013', kind: 'STATEMENT', roles: ['SPEAKER', 'TARGET'], verb: 'is optimistic about' },
  { cameo: '012', kind: 'STATEMENT', roles: ['SPEAKER', 'TARGET'], verb: 'voices concern over' },
  { cameo: '036', kind: 'STATEMENT', roles: ['SPEAKER', 'TARGET'], verb: 'offers talks to' },
  { cameo: '057', kind: 'AGREEMENT', roles: ['PARTICIPANT', 'PARTICIPANT'], verb: 'signs an agreement with' },
  { cameo: '030', kind: 'DELEGATION', roles: ['LEAD', 'PARTICIPANT'], verb: 'leads a delegation to' },
  { cameo: '111', kind: 'STATEMENT', roles: ['SPEAKER', 'TARGET'], verb: 'criticises' },
  { cameo: '190', kind: 'CONFLICT', roles: ['PARTICIPANT', 'TARGET'], verb: 'clashes with' },
] as const;
const KNOWN_CAMEO = new Set(CAMEO_CODES.map((c) => c.code));
for (const t of ENGAGEMENT_TEMPLATES) if (!KNOWN_CAMEO.has(t.cameo)) throw new Error(`bench corpus: CAMEO ${t.cameo} unknown`);

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const TOPICS = ['trade', 'security', 'energy', 'water', 'border', 'migration', 'investment', 'climate', 'transport', 'health'];
const QUOTE_PHRASES = [
  'we are ready to deepen our cooperation in every field',
  'the two sides agreed to remove the obstacles to trade',
  'our relations rest on mutual respect and shared interests',
  'this visit opens a new chapter between our countries',
  'we will not accept any interference in our internal affairs',
  'dialogue remains the only path to lasting security',
  'the agreement will benefit ordinary people on both sides',
  'we expect concrete steps before the end of the year',
  'the region needs calm and restraint, not escalation',
  'our doors remain open to constructive proposals',
];

// ---------------------------------------------------------------------------------------------
// Pools

export interface CorpusSpec {
  articles: number;
  seed: number;
}

/** Pool sizes for a corpus of `n` articles: entities recur across articles at every size. */
export function poolSizes(n: number) {
  const countries = Math.min(COUNTRIES.length, 12 + Math.floor(n / 250));
  return {
    countries,
    citiesPerCountry: Math.max(3, Math.min(40, Math.floor(n / 400))),
    people: Math.max(150, Math.floor(n / 2)),
    otherOrgs: Math.max(30, Math.floor(n / 20)),
  };
}

type Place = { key: string; name: string; kind: 'COUNTRY' | 'CITY'; iso3166?: string; country?: number; aliases: string[]; sameAs: string[] };
type Org = { key: string; name: string; kind: string; acronym?: string; country?: number; parent?: number; aliases: string[]; titles: readonly string[] };
type Person = { key: string; name: string; aliases: string[]; nationality: number; role: { title: string; org: number; startedYear?: number } | null };

/** The entity universe of a corpus: every entity a pure function of its index. */
export class Universe {
  readonly sizes: ReturnType<typeof poolSizes>;
  readonly seed: number;
  private placeCache = new Map<number, Place>();
  private orgCache = new Map<number, Org>();
  private personCache = new Map<number, Person>();
  /** Org index layout: [countries × COUNTRY_ORGS][INTERNATIONAL][other orgs]. */
  readonly countryOrgCount: number;

  constructor(spec: CorpusSpec) {
    this.seed = spec.seed;
    this.sizes = poolSizes(spec.articles);
    this.countryOrgCount = this.sizes.countries * COUNTRY_ORGS.length;
  }
  get orgCount() {
    return this.countryOrgCount + INTERNATIONAL.length + this.sizes.otherOrgs;
  }
  /** Place index: countries are 0..countries-1; cities follow, `citiesPerCountry` per country. */
  get placeCount() {
    return this.sizes.countries * (1 + this.sizes.citiesPerCountry);
  }
  cityOf(country: number, j: number) {
    return this.sizes.countries + country * this.sizes.citiesPerCountry + j;
  }
  stateOf(country: number) {
    return country * COUNTRY_ORGS.length;
  }

  place(i: number): Place {
    let p = this.placeCache.get(i);
    if (p) return p;
    if (i < this.sizes.countries) {
      const [name, iso] = COUNTRIES[i]!;
      p = { key: `c${i}`, name, kind: 'COUNTRY', iso3166: iso, aliases: [], sameAs: [`https://example.org/bench/place/${iso}`] };
    } else {
      const j = i - this.sizes.countries;
      const country = Math.floor(j / this.sizes.citiesPerCountry);
      p = { key: `t${i}`, name: word(j + 95, 2, CITY_ENDINGS[j % CITY_ENDINGS.length]!), kind: 'CITY', country, aliases: [], sameAs: [] };
    }
    this.placeCache.set(i, p);
    return p;
  }

  org(i: number): Org {
    let o = this.orgCache.get(i);
    if (o) return o;
    if (i < this.countryOrgCount) {
      const country = Math.floor(i / COUNTRY_ORGS.length);
      const t = COUNTRY_ORGS[i % COUNTRY_ORGS.length]!;
      const cname = COUNTRIES[country]![0];
      o = {
        key: `o${i}`,
        name: t.name(cname),
        kind: t.kind,
        country,
        ...(t.kind === 'STATE' ? {} : { parent: this.stateOf(country) }),
        aliases: t.kind === 'STATE' ? [`Government of ${cname}`] : [],
        titles: t.titles,
      };
    } else if (i < this.countryOrgCount + INTERNATIONAL.length) {
      const [name, acronym] = INTERNATIONAL[i - this.countryOrgCount]!;
      o = { key: `o${i}`, name, kind: 'INTERNATIONAL_ORGANISATION', acronym, aliases: [], titles: ['Secretary-General', 'Envoy'] };
    } else {
      const j = i - this.countryOrgCount - INTERNATIONAL.length;
      const r = mulberry32(mix(this.seed, 2, j));
      const t = OTHER_ORG_KINDS[j % OTHER_ORG_KINDS.length]!;
      o = { key: `o${i}`, name: word(j + 9025, 3, t.ending), kind: t.kind, country: int(r, 0, this.sizes.countries - 1), aliases: [], titles: t.titles };
    }
    this.orgCache.set(i, o);
    return o;
  }

  person(i: number): Person {
    let p = this.personCache.get(i);
    if (p) return p;
    const r = mulberry32(mix(this.seed, 3, i));
    const surname = word(i, 2, pick(r, ['', 'i', 'ov', 'ez', 'son', 'ani']));
    const first = pick(r, FIRST_NAMES);
    const nationality = skewed(r, this.sizes.countries, 1.5);
    let role: Person['role'] = null;
    const u = r();
    if (u < 0.7) {
      // Mostly a national office; hot people (low index) hold the top ones.
      const k = i < this.sizes.countries * 2 ? 0 : int(r, 0, COUNTRY_ORGS.length - 1);
      const org = nationality * COUNTRY_ORGS.length + k;
      role = { title: pick(r, this.org(org).titles), org, ...(r() < 0.5 ? { startedYear: int(r, 2015, 2024) } : {}) };
    } else if (u < 0.9) {
      const org = this.countryOrgCount + INTERNATIONAL.length + int(r, 0, this.sizes.otherOrgs - 1);
      role = { title: pick(r, this.org(org).titles), org };
    } else if (u < 0.95) {
      const org = this.countryOrgCount + int(r, 0, INTERNATIONAL.length - 1);
      role = { title: pick(r, this.org(org).titles), org };
    }
    p = { key: `p${i}`, name: `${first} ${surname}`, aliases: [surname], nationality, role };
    this.personCache.set(i, p);
    return p;
  }
}

// ---------------------------------------------------------------------------------------------
// Articles

/** A reportable engagement kept for re-reporting (EDTF day date so its fingerprint is stable). */
type PooledEngagement = {
  template: (typeof ENGAGEMENT_TEMPLATES)[number];
  actors: { kind: 'p' | 'o'; i: number }[];
  place: number | null;
  day: string;
  summary: string;
};

const DAY_MS = 86_400_000;
export const CORPUS_START = Date.UTC(2024, 0, 1);
export const CORPUS_DAYS = 730;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Generates the corpus's bundles in order. `bundle(i)` must be called for i = 0, 1, 2 ...
 * (re-reported engagements come from earlier articles).
 */
export class CorpusGenerator {
  readonly u: Universe;
  private readonly spec: CorpusSpec;
  private readonly recent: PooledEngagement[] = [];

  constructor(spec: CorpusSpec) {
    this.spec = spec;
    this.u = new Universe(spec);
  }

  bundle(i: number): Record<string, unknown> {
    const u = this.u;
    const r = mulberry32(mix(this.spec.seed, 1, i));
    // Published over two years, in order, at a random time of day.
    const publishedMs = CORPUS_START + Math.floor(((i + r()) / this.spec.articles) * CORPUS_DAYS) * DAY_MS + int(r, 6, 21) * 3_600_000 + int(r, 0, 59) * 60_000;
    const published = new Date(publishedMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const refDay = published.slice(0, 10);

    // Entities linked to the article (rel set), and supporting ones (nationality, role org: no rel).
    const people = new Map<number, 'about' | 'mentions' | undefined>();
    const orgs = new Map<number, 'about' | 'mentions' | undefined>();
    const places = new Map<number, 'about' | 'mentions' | undefined>();
    const link = (m: Map<number, 'about' | 'mentions' | undefined>, k: number, rel: 'about' | 'mentions') => {
      if (m.get(k) !== 'about') m.set(k, rel);
    };
    const targetPeople = int(r, 3, 12);
    const targetOrgs = int(r, 3, 12);
    const targetPlaces = int(r, 3, 12);

    // Focus: one to three countries.
    const nFocus = int(r, 1, 3);
    const focus: number[] = [];
    while (focus.length < nFocus) {
      const c = skewed(r, u.sizes.countries, 1.5);
      if (!focus.includes(c)) focus.push(c);
    }
    for (const c of focus) {
      link(places, c, 'about');
      link(orgs, u.stateOf(c), 'about');
    }

    // Engagements: 1–4, some re-reported from recent articles.
    const engagements: { key: string; pooled: PooledEngagement; date: Record<string, string> | undefined; status: string }[] = [];
    const nEng = int(r, 1, 4);
    for (let e = 0; e < nEng; e++) {
      let pooled: PooledEngagement | undefined;
      let fresh = false;
      if (this.recent.length && r() < 0.25) pooled = pick(r, this.recent);
      if (!pooled) {
        const template = pick(r, ENGAGEMENT_TEMPLATES);
        const n = int(r, 2, 6);
        const actors: PooledEngagement['actors'] = [];
        // The focus states first, then people and organisations.
        for (const c of focus) if (actors.length < n && r() < 0.7) actors.push({ kind: 'o', i: u.stateOf(c) });
        let guard = 0;
        while (actors.length < n && guard++ < 50) {
          const a = r() < 0.6 ? { kind: 'p' as const, i: skewed(r, u.sizes.people) } : { kind: 'o' as const, i: skewed(r, u.orgCount) };
          if (!actors.some((x) => x.kind === a.kind && x.i === a.i)) actors.push(a);
        }
        const c = focus[int(r, 0, focus.length - 1)]!;
        const place = r() < 0.8 ? u.cityOf(c, skewed(r, u.sizes.citiesPerCountry)) : null;
        const day = isoDay(publishedMs - int(r, 0, 20) * DAY_MS);
        const name = (a: { kind: 'p' | 'o'; i: number }) => (a.kind === 'p' ? u.person(a.i).name : u.org(a.i).name);
        const summary = `${name(actors[0]!)} ${template.verb} ${actors.slice(1).map(name).join(', ')}${place !== null ? ` in ${u.place(place).name}` : ''}, on ${pick(r, TOPICS)}.`;
        pooled = { template, actors, place, day, summary };
        fresh = true;
      }
      if (engagements.some((x) => x.pooled === pooled)) continue;
      // Dates: EDTF days (stable across reports), or words resolved against the reference day.
      const d = new Date(pooled.day + 'T00:00:00Z');
      const roll = r();
      let date: Record<string, string> | undefined;
      if (!fresh || roll < 0.4) {
        date = { edtf: pooled.day };
        // Only EDTF-dated engagements are re-reported: the same day gives the same fingerprint.
        if (fresh) {
          this.recent.push(pooled);
          if (this.recent.length > 300) this.recent.shift();
        }
      }
      else if (roll < 0.6) date = { text: `on ${WEEKDAYS[d.getUTCDay()]}`, precision: 'DAY' };
      else if (roll < 0.75) date = { text: `${pick(r, ['early', 'mid', 'late'])} ${MONTHS[d.getUTCMonth()]}`, precision: 'PART_OF_MONTH' };
      else if (roll < 0.9) date = { text: `in ${MONTHS[d.getUTCMonth()]}`, precision: 'MONTH' };
      engagements.push({ key: `e${engagements.length}`, pooled, date, status: pick(r, ['COMPLETED', 'COMPLETED', 'ONGOING', 'PLANNED']) });
      for (const a of pooled.actors) link(a.kind === 'p' ? people : orgs, a.i, engagements.length === 1 ? 'about' : 'mentions');
      if (pooled.place !== null) link(places, pooled.place, 'mentions');
    }

    // Fill to the targets with more mentions (skewed: hot entities recur).
    let guard = 0;
    while (people.size < targetPeople && guard++ < 100) link(people, skewed(r, u.sizes.people), 'mentions');
    guard = 0;
    while (orgs.size < targetOrgs && guard++ < 100) link(orgs, skewed(r, u.orgCount), 'mentions');
    guard = 0;
    while (places.size < targetPlaces && guard++ < 100) {
      const c = focus[int(r, 0, focus.length - 1)]!;
      link(places, r() < 0.3 ? skewed(r, u.sizes.countries, 1.5) : u.cityOf(c, skewed(r, u.sizes.citiesPerCountry)), 'mentions');
    }
    const dateline = u.cityOf(focus[0]!, skewed(r, u.sizes.citiesPerCountry));
    link(places, dateline, 'mentions');

    // Supporting entities: what linked ones refer to (kept unlinked unless already linked).
    const support = <K>(m: Map<K, 'about' | 'mentions' | undefined>, k: K) => {
      if (!m.has(k)) m.set(k, undefined);
    };
    for (const p of [...people.keys()]) {
      const person = u.person(p);
      support(places, person.nationality);
      if (person.role) support(orgs, person.role.org);
    }
    for (const o of [...orgs.keys()]) {
      const org = u.org(o);
      if (org.parent !== undefined) support(orgs, org.parent);
    }
    for (const o of [...orgs.keys()]) {
      const org = u.org(o);
      if (org.country !== undefined) support(places, org.country);
    }
    for (const p of [...places.keys()]) {
      const place = u.place(p);
      if (place.country !== undefined) support(places, place.country);
    }

    // Quotes (verbatim in the body) by people in the article, some tied to a statement.
    const peopleList = [...people.entries()].filter(([, rel]) => rel);
    const quotes: { text: string; speaker: string; engagement?: string }[] = [];
    const nQuotes = int(r, 0, 4);
    for (let q = 0; q < nQuotes && peopleList.length; q++) {
      const speaker = pick(r, peopleList)[0];
      const text = pick(r, QUOTE_PHRASES);
      if (quotes.some((x) => x.text === text)) continue;
      const statement = engagements.find((e) => e.pooled.template.kind === 'STATEMENT' && e.pooled.actors.some((a) => a.kind === 'p' && a.i === speaker));
      quotes.push({ text, speaker: `p${speaker}`, ...(statement ? { engagement: statement.key } : {}) });
    }
    const figureBillions = r() < 0.5 ? int(r, 1, 40) : null;

    // Body: paragraphs mentioning the entities, the engagements and the quotes.
    const topic = pick(r, TOPICS);
    const focusNames = focus.map((c) => u.place(c).name);
    const datelineName = u.place(dateline).name;
    const paragraphs: string[] = [];
    const first = engagements[0]!.pooled;
    paragraphs.push(`${datelineName.toUpperCase()} – ${first.summary.replace(/\.$/, '')}, in a move aimed at deepening ${topic} cooperation between ${focusNames.join(' and ')}.`);
    for (const e of engagements) {
      paragraphs.push(`${e.pooled.summary} ${e.date?.text ? `The exchange took place ${e.date.text}.` : ''} Officials described the talks on ${pick(r, TOPICS)} as ${pick(r, ['constructive', 'frank', 'productive', 'difficult', 'cordial'])}.`.replace(/ +/g, ' '));
    }
    for (const q of quotes) {
      const speaker = u.person(Number(q.speaker.slice(1)));
      paragraphs.push(`“${q.text},” ${speaker.name} said, adding that ${pick(r, TOPICS)} and ${pick(r, TOPICS)} would remain priorities.`);
    }
    const mentionPeople = peopleList.map(([p]) => u.person(p));
    for (let k = 0; k < mentionPeople.length; k += 3) {
      const group = mentionPeople.slice(k, k + 3);
      paragraphs.push(
        `${group.map((p) => (p.role ? `${p.name}, ${p.role.title} of ${u.org(p.role.org).name}` : p.name)).join('; ')} ${group.length > 1 ? 'were' : 'was'} also named in reports on the ${topic} file, which has drawn attention across ${focusNames[0]}.`,
      );
    }
    const orgNames = [...orgs.entries()].filter(([, rel]) => rel).map(([o]) => u.org(o).name);
    paragraphs.push(`Institutions involved include ${orgNames.join(', ')}.`);
    if (figureBillions !== null)
      paragraphs.push(`Bilateral ${topic} between the sides reached $${figureBillions} billion last year, and both governments say they want to raise it further.`);
    paragraphs.push(`Analysts in ${[...places.entries()].filter(([, rel]) => rel).map(([p]) => u.place(p).name).join(', ')} said the coming months would show whether the commitments hold.`);

    const headline = `${first.summary.replace(/\.$/, '').replace(/, on \w+$/, '')} as ${focusNames.join('–')} ${topic} ties ${pick(r, ['deepen', 'are tested', 'come into focus', 'draw scrutiny'])}`;
    const slug = `bench-${i}`;

    const placeList = [...places.entries()].map(([p, rel]) => {
      const place = u.place(p);
      return {
        key: place.key,
        name: place.name,
        aliases: place.aliases,
        sameAs: place.sameAs,
        ...(rel ? { rel, relevance: rel === 'about' ? 0.9 : Math.round(r() * 50) / 100 } : {}),
        kind: place.kind,
        ...(place.iso3166 ? { iso3166: place.iso3166 } : {}),
        ...(place.country !== undefined ? { country: u.place(place.country).key } : {}),
      };
    });
    const orgList = [...orgs.entries()].map(([o, rel]) => {
      const org = u.org(o);
      return {
        key: org.key,
        name: org.name,
        aliases: org.aliases,
        sameAs: [],
        ...(rel ? { rel, relevance: rel === 'about' ? 0.9 : Math.round(r() * 50) / 100 } : {}),
        kind: org.kind,
        ...(org.acronym ? { acronym: org.acronym } : {}),
        ...(org.country !== undefined ? { country: u.place(org.country).key } : {}),
        ...(org.parent !== undefined ? { parent: u.org(org.parent).key } : {}),
      };
    });
    const personList = [...people.entries()].map(([p, rel]) => {
      const person = u.person(p);
      return {
        key: person.key,
        name: person.name,
        aliases: person.aliases,
        sameAs: [],
        ...(rel ? { rel, relevance: rel === 'about' ? 1 : Math.round(r() * 60) / 100 } : {}),
        nationality: u.place(person.nationality).key,
        roles: person.role
          ? [{ title: person.role.title, organisation: u.org(person.role.org).key, ...(person.role.startedYear ? { started: { edtf: String(person.role.startedYear) } } : {}) }]
          : [],
      };
    });
    const engagementList = engagements.map((e) => {
      const roles = e.pooled.template.roles;
      return {
        key: e.key,
        kind: e.pooled.template.kind,
        cameo: e.pooled.template.cameo,
        summary: e.pooled.summary,
        status: e.status,
        ...(e.date ? { date: e.date } : {}),
        ...(e.pooled.place !== null ? { place: u.place(e.pooled.place).key } : {}),
        participants: e.pooled.actors.map((a, k) => ({ actor: a.kind === 'p' ? `p${a.i}` : `o${a.i}`, role: k === 0 ? roles[0] : roles[1] })),
      };
    });
    const ninjsRef = (list: { key: string; name: string; rel?: string }[]) =>
      list.filter((e) => e.rel).map((e) => ({ name: e.name, rel: e.rel, literal: e.key }));

    return {
      ninjs: {
        uri: `urn:newsgraph:bench:${this.spec.seed}:${i}`,
        standard: { name: 'ninjs', version: '3.1', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#' },
        type: 'text',
        language: 'en',
        slugline: slug,
        firstCreated: published,
        versionCreated: published,
        located: datelineName,
        by: `${pick(r, FIRST_NAMES)} ${word(int(r, 0, 500), 2)}`,
        headlines: [{ role: 'main', value: headline }],
        bodies: [{ role: 'main', contentType: 'text/plain', value: paragraphs.join('\n') }],
        people: ninjsRef(personList),
        organisations: ninjsRef(orgList),
        places: ninjsRef(placeList),
        events: engagementList.map((e) => ({ name: e.summary, rel: 'mentions', literal: e.key })),
      },
      annotations: {
        referenceDate: refDay,
        dateline: { text: datelineName.toUpperCase(), place: u.place(dateline).key },
        people: personList,
        organisations: orgList,
        places: placeList,
        engagements: engagementList,
        quotes,
        figures: figureBillions !== null ? [{ text: `$${figureBillions} billion`, value: figureBillions * 1e9, currency: 'USD', metric: `bilateral ${topic}` }] : [],
      },
    };
  }
}
