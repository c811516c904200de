/**
 * Places, part of the `entities` stage (./entities.ts):
 * - `gazetteer-country` / `gazetteer-city` / `gazetteer-region`: countries (COUNTRY, ISO 3166),
 *   cities (CITY, with their country when the text names it), regions (REGION: "West Africa",
 *   "the Balkans", "West African sub-region");
 * - `place-head`: a capitalised name ending in a place word ("Akinola Aguda House", "Bayan
 *   Palace", "Kasarani Stadium", "Fua'amotu International Airport") or followed by one in lower
 *   case ("the Chinggis Khaan airport") → OTHER;
 * - `dateline`: the dateline's place (a CITY, from the gazetteer when it knows it);
 * - `place-preposition`: an unclassified name after "in", or both ends of "from X to Y", that is
 *   nobody's name → OTHER, or CITY when a named country follows it ("in Arusha, Tanzania").
 * Demonyms ("Pakistani officials") add no place and no mention: a country is a place of the
 * article only when the text names it (the development set's convention), and roles, cities
 * and organisations point to it only then.
 */
import type { EntityDraft, NameCandidate } from '../document.ts';
import { ev } from '../drafts.ts';
import { countryByIso2, lookupCity } from '../knowledge/gazetteer.ts';
import { isCapitalised, isUpper, lex, low } from '../lexicon.ts';
import type { NameContext } from '../name-context.ts';

const titleCaseUpper = (s: string) => (isUpper(s) ? s.toLowerCase().replace(/(^|[\s-])(\p{Ll})/gu, (_, a: string, b: string) => a + b.toUpperCase()) : s);

/** The COUNTRY place of an ISO code, when the text names that country (else undefined). */
export function namedCountry(ctx: NameContext, iso2: string | undefined): EntityDraft | undefined {
  if (!iso2) return undefined;
  return ctx.drafts.country(iso2);
}

function countryEntity(ctx: NameContext, iso2: string, c: NameCandidate): EntityDraft {
  const existing = namedCountry(ctx, iso2);
  const country = countryByIso2(iso2)!;
  const e = existing ?? ctx.drafts.create('place', country.name, ev('gazetteer-country', [c.start, c.end]), { kind: 'COUNTRY', iso3166: iso2 });
  ctx.drafts.alias(e, c.text);
  ctx.drafts.mention(e, c.start, c.end, 'gazetteer-country');
  return e;
}

/** Countries, cities and regions the gazetteer knows. */
export function findGazetteerPlaces(ctx: NameContext): void {
  const { drafts } = ctx;
  for (const c of ctx.names) {
    if (ctx.used.has(c)) continue;
    if (c.kind === 'country' && c.iso2) {
      countryEntity(ctx, c.iso2, c);
      ctx.used.add(c);
    } else if (c.kind === 'region') {
      const e = drafts.find('place', c.canonical!) ?? drafts.create('place', c.canonical!, ev(c.evidence.rule, [c.start, c.end]), { kind: 'REGION' });
      drafts.alias(e, c.text.replace(/^the /i, ''));
      drafts.mention(e, c.start, c.end, 'gazetteer-region');
      ctx.used.add(c);
    }
  }
  // Cities after countries, so a city's country is known when the text names it.
  for (const c of ctx.names) {
    if (ctx.used.has(c) || c.kind !== 'city') continue;
    addCity(ctx, c.text, c.start, c.end, ctx.doc.dateline?.span.start === c.start ? 'dateline' : 'gazetteer-city');
    ctx.used.add(c);
  }
}

/** A city by its printed name: the gazetteer's likeliest one, preferring a country the text names. */
function addCity(ctx: NameContext, printed: string, start: number, end: number, rule: string): EntityDraft {
  const { drafts } = ctx;
  const name = titleCaseUpper(printed);
  const existing = drafts.find('place', name);
  if (existing && existing.kind !== 'COUNTRY') {
    drafts.alias(existing, printed);
    drafts.mention(existing, start, end, rule);
    return existing;
  }
  const cities = lookupCity(printed);
  const named = cities.find((x) => namedCountry(ctx, x.iso2)) ?? cities[0];
  const country = named ? namedCountry(ctx, named.iso2) : undefined;
  const e = drafts.create('place', name, ev(rule, [start, end]), { kind: 'CITY', ...(country ? { country: country.id } : {}) });
  drafts.alias(e, printed);
  drafts.mention(e, start, end, rule);
  return e;
}

/** The place word a candidate ends in, when its last word is one (and not a court, a house of a legislature). */
export function placeHeaded(ctx: NameContext, c: NameCandidate): boolean {
  if (c.kind !== 'name') return false;
  const L = lex();
  const words = c.text.split(/\s+/).map(low);
  const last = words.at(-1)!;
  if (!L.placeHeads.has(last) || words.length < 2) return false;
  if (last === 'court' && L.courtModifiers.has(words.at(-2)!)) return false;
  if (words.includes('of') && (last === 'house' || last === 'hall')) return false;
  // unless the last two words are an organisation head ("White House")
  const hit = L.orgHeads.match(words.slice(-2).map((text) => ({ text, start: 0, end: 0 })), 0);
  return !(hit && hit.last > 0);
}

/** "Republic of Buryatia", "Province of Punjab", "Kandahar Province", "Donetsk Oblast": a region that is not a country. */
export function regionNamed(text: string): boolean {
  const L = lex();
  const words = text.split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  const prefix = `${low(words[0]!)} ${low(words[1]!)}`;
  if (L.regionPrefixes.has(prefix) && words.length >= 3) return true;
  const last = low(words.at(-1)!);
  return ['province', 'oblast', 'governorate', 'prefecture', 'region', 'district', 'county', 'krai', 'canton'].includes(last) && words.slice(0, -1).every((w) => isCapitalised(w));
}

/** Buildings, sites and named places; the dateline; names after "in" / "at". */
export function findOtherPlaces(ctx: NameContext): void {
  const { drafts, doc } = ctx;
  const L = lex();
  for (const c of ctx.names) {
    if (ctx.used.has(c) || c.kind !== 'name' || c.headline) continue;
    let name: string | undefined;
    let end = c.end;
    if (regionNamed(c.text)) {
      const e = drafts.find('place', c.text) ?? drafts.create('place', c.text, ev('region-head', [c.start, c.end]), { kind: 'REGION' });
      drafts.mention(e, c.start, c.end, 'region-head');
      ctx.used.add(c);
      continue;
    }
    if (placeHeaded(ctx, c)) name = c.text;
    else {
      const next = ctx.token(c.sentence, c.last + 1);
      if (next && !c.possessive && !isCapitalised(next.text) && L.placeHeads.has(low(next.text)) && /^[a-z]/.test(next.text) && ['airport', 'palace', 'stadium', 'railway', 'bridge', 'border', 'port', 'dam', 'square', 'hotel', 'camp', 'base', 'crossing'].includes(low(next.text))) {
        name = `${c.text} ${next.text}`;
        end = next.end;
      }
    }
    if (!name) continue;
    const e = drafts.find('place', name) ?? drafts.create('place', name, ev('place-head', [c.start, end]), { kind: 'OTHER' });
    drafts.mention(e, c.start, end, 'place-head');
    ctx.used.add(c);
  }
  // The dateline's place.
  const d = doc.dateline;
  if (d && d.span.end > d.span.start) {
    const known = drafts.find('place', titleCaseUpper(d.text));
    const e = known ?? addCity(ctx, d.text, d.span.start, d.span.end, 'dateline');
    drafts.mention(e, d.span.start, d.span.end, 'dateline');
    d.place = e.id;
    for (const c of ctx.names) if (c.start === d.span.start) ctx.used.add(c);
  }
  // Unclassified names: a known place's name again; after "in"; the ends of "from X to Y".
  for (const c of ctx.names) {
    if (ctx.used.has(c) || c.kind !== 'name' || c.headline || c.possessive) continue;
    const prev = ctx.word(c.sentence, c.first - 1);
    const known = drafts.find('place', titleCaseUpper(c.text));
    if (known) {
      drafts.mention(known, c.start, c.end, 'place-name');
      ctx.used.add(c);
      continue;
    }
    // "in X"; "from X to Y" (a route: both ends are places)
    const route =
      (prev === 'from' && ctx.word(c.sentence, c.last + 1) === 'to' && !!ctx.startingAt(c.sentence, c.last + 2)) ||
      (prev === 'to' && ctx.word(c.sentence, c.first - 3) === 'from' && !!ctx.endingAt(c.sentence, c.first - 2));
    if (prev !== 'in' && !route) continue;
    const words = c.text.split(/\s+/);
    if (words.length > 3 || words.some((w) => L.orgHeadWords.has(low(w)) || L.nonEntityHeads.has(low(w)) || L.platforms.has(low(w))) || isUpper(c.text)) continue;
    if (drafts.find('person', c.text) || drafts.find('organisation', c.text)) continue;
    // "in Arusha, Tanzania": a town the gazetteer lacks, placed in a named country
    const after = ctx.word(c.sentence, c.last + 1) === ',' ? ctx.startingAt(c.sentence, c.last + 2, 'country') : undefined;
    const country = after ? namedCountry(ctx, after.iso2) : undefined;
    const e = drafts.create('place', c.text, ev('place-preposition', [c.start, c.end]), { kind: country ? 'CITY' : 'OTHER', ...(country ? { country: country.id } : {}) });
    drafts.mention(e, c.start, c.end, 'place-preposition');
    ctx.used.add(c);
  }
}
