/**
 * Matching incoming people, organisations and places against the stored ones, within one kind.
 * `candidates` fetches in bulk every stored entity the incoming ones could match (own URI,
 * sameAs, ISO code, folded name, alias, acronym, variant key: at most seven statements), and
 * `resolveIncoming` applies the order of precedence to one incoming entity (docs/bundle.md,
 * "Entity resolution"). Statement count matters: over HTTP every statement is a round trip.
 */
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import * as t from '../db/schema.ts';
import { foldName } from '../domain/fold.ts';
import { variantKey } from '../domain/variant.ts';
import { KIND_OF_OWNER, type OwnerField } from '../domain/vocabulary.ts';
import { parseOwnUri } from '../export/uris.ts';
import type { Tx } from './transaction.ts';

/** Where an entity kind's aliases and sameAs rows point (`aliases.person_id` ...). */
export type OwnerColumn = OwnerField;
export type EntityTable = typeof t.people | typeof t.organisations | typeof t.places;

/** An incoming entity as matching sees it. */
export interface Incoming {
  key: string;
  name: string;
  nameKey: string;
  /** `variantKey(name)`: transliteration variants of the name share it. */
  variantKey: string;
  /** Whether the variant key may resolve the entity: for people a full name (two words or more), never a surname alone. */
  variantResolves: boolean;
  /** Folded aliases. */
  aliasKeys: string[];
  /** Folded acronym (organisations). */
  acronymKey?: string | undefined;
  sameAs: string[];
  /** Place kind (places only): scopes name and alias matches. */
  kind?: t.PlaceKind | undefined;
  iso3166?: string | undefined;
}

/** What `incoming` reads of a bundle's person, organisation or place. */
export interface EntityInput {
  key: string;
  name: string;
  aliases: string[];
  sameAs: string[];
  acronym?: string | undefined;
  kind?: string;
  iso3166?: string | undefined;
}

interface Hit {
  id: number;
  kind: string | null;
}

export const uniq = <T>(xs: Iterable<T>) => [...new Set(xs)];
const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => (m.get(k) ?? m.set(k, []).get(k)!).push(v);

/** A bundle entity of kind `owner` as matching sees it. */
export function incoming(e: EntityInput, owner: OwnerColumn): Incoming {
  const place = owner === 'placeId';
  const variant = variantKey(e.name);
  return {
    key: e.key,
    name: e.name,
    nameKey: foldName(e.name),
    variantKey: variant,
    variantResolves: variant !== '' && (owner !== 'personId' || variant.includes(' ')),
    aliasKeys: e.aliases.map(foldName).filter(Boolean),
    acronymKey: e.acronym ? foldName(e.acronym) || undefined : undefined,
    sameAs: e.sameAs,
    kind: place ? (e.kind as t.PlaceKind) : undefined,
    iso3166: place ? e.iso3166 : undefined,
  };
}

/** Every stored entity of one kind that the incoming ones could resolve to (at most seven statements). */
export async function candidates(tx: Tx, owner: OwnerColumn, table: EntityTable, list: Incoming[], own: readonly string[]) {
  const ownSlugs: string[] = [];
  const external: string[] = [];
  for (const e of list)
    for (const uri of e.sameAs) {
      const ref = parseOwnUri(uri, own);
      if (!ref) external.push(uri);
      else if (ref.kind === KIND_OF_OWNER[owner]) ownSlugs.push(ref.ref);
    }
  const isPlace = table === t.places;
  const kindColumn = isPlace ? t.places.kind : sql<string | null>`null`;
  const { nameKeys, variantKeys, aliasKeys, acronymKeys, isoCodes } = candidateKeys(list);

  const bySlug = new Map<string, number>();
  if (ownSlugs.length)
    for (const r of await tx.select({ id: table.id, slug: table.slug }).from(table).where(inArray(table.slug, uniq(ownSlugs)))) bySlug.set(r.slug, r.id);
  const bySameAs = new Map<string, number>();
  if (external.length)
    for (const r of await tx
      .select({ uri: t.sameAs.uri, id: t.sameAs[owner] })
      .from(t.sameAs)
      .where(and(inArray(t.sameAs.uri, uniq(external)), sql`${t.sameAs[owner]} is not null`)))
      if (r.id !== null) bySameAs.set(r.uri, r.id);
  // Names and variant keys in one statement (two index lookups).
  const byName = new Map<string, Hit[]>();
  const byVariant = new Map<string, Hit[]>();
  const names = new Set(nameKeys);
  const variants = new Set(variantKeys);
  for (const r of await tx
    .select({ id: table.id, nameKey: table.nameKey, variantKey: table.variantKey, kind: kindColumn })
    .from(table)
    .where(variantKeys.length ? or(inArray(table.nameKey, nameKeys), inArray(table.variantKey, variantKeys)) : inArray(table.nameKey, nameKeys))
    .orderBy(table.id)) {
    if (names.has(r.nameKey)) push(byName, r.nameKey, { id: r.id, kind: r.kind });
    if (r.variantKey !== null && variants.has(r.variantKey)) push(byVariant, r.variantKey, { id: r.id, kind: r.kind });
  }
  // External identifiers of the entities a variant key could resolve to: a variant match is no
  // match when both sides are identified by one authority and disagree (two Mohammad Bagheris).
  const sameAsOf = new Map<number, string[]>();
  const variantIds = uniq([...byVariant.values()].flat().map((h) => h.id));
  if (variantIds.length && external.length)
    for (const r of await tx.select({ uri: t.sameAs.uri, id: t.sameAs[owner] }).from(t.sameAs).where(inArray(t.sameAs[owner], variantIds)))
      if (r.id !== null) push(sameAsOf, r.id, r.uri);
  const byAlias = new Map<string, Hit[]>();
  for (const r of await tx
    .select({ id: table.id, nameKey: t.aliases.nameKey, kind: kindColumn })
    .from(t.aliases)
    .innerJoin(table, eq(table.id, t.aliases[owner]))
    .where(inArray(t.aliases.nameKey, aliasKeys)))
    push(byAlias, r.nameKey, { id: r.id, kind: r.kind });
  const byAcronym = new Map<string, Hit[]>();
  if (acronymKeys.length)
    for (const r of await tx
      .select({ id: t.organisations.id, acronym: sql<string>`lower(${t.organisations.acronym})` })
      .from(t.organisations)
      .where(inArray(sql`lower(${t.organisations.acronym})`, acronymKeys)))
      push(byAcronym, r.acronym, { id: r.id, kind: null });
  const byIso = new Map<string, number>();
  if (isoCodes.length)
    for (const r of await tx.select({ id: t.places.id, iso: t.places.iso3166 }).from(t.places).where(inArray(t.places.iso3166, isoCodes)))
      if (r.iso) byIso.set(r.iso, r.id);
  return { bySlug, bySameAs, byName, byVariant, sameAsOf, byAlias, byAcronym, byIso };
}
export type Candidates = Awaited<ReturnType<typeof candidates>>;

/**
 * Resolve one incoming entity against the candidates, in order: one of our own URIs (an
 * exported document coming back), another sameAs URI, a place's ISO 3166 code, the folded name
 * (places: same kind first, then a compatible one: same kind, or either OTHER), the name being
 * exactly one entity's alias ("Larijani" → Ali Larijani), one of its aliases being exactly one
 * entity's name ("Islamic Republic of Iran" with alias "Iran" → Iran), its acronym being
 * exactly one organisation's acronym or alias, and last its variant key (src/domain/variant.ts:
 * "Muhammed Baqeri" → Mohammad Bagheri) being exactly one entity's, for people only on a full
 * name, and not when both carry sameAs URIs of one authority that differ. Alias against alias is
 * no evidence: "Imran Khan" and "Sadiq Khan" share the alias "Khan"; nor is a variant key two
 * entities share (the new one is kept apart, and `possible_duplicates` lists it).
 * @returns the stored entity's id, or undefined when it is new
 */
export function resolveIncoming(e: Incoming, owner: OwnerColumn, c: Candidates, own: readonly string[]): number | undefined {
  for (const uri of e.sameAs) {
    const ref = parseOwnUri(uri, own);
    const id = ref ? (ref.kind === KIND_OF_OWNER[owner] ? c.bySlug.get(ref.ref) : undefined) : c.bySameAs.get(uri);
    if (id !== undefined) return id;
  }
  if (e.iso3166 && c.byIso.has(e.iso3166)) return c.byIso.get(e.iso3166);
  const compatible = (h: Hit) => !e.kind || e.kind === 'OTHER' || h.kind === e.kind || h.kind === 'OTHER';
  const one = (hits: Hit[]) => {
    const ids = uniq(hits.filter(compatible).map((h) => h.id));
    return ids.length === 1 ? ids[0] : undefined;
  };
  const named = (c.byName.get(e.nameKey) ?? []).filter(compatible);
  const exact = named.find((h) => h.kind === (e.kind ?? null)) ?? named[0];
  if (exact) return exact.id;
  return (
    one(c.byAlias.get(e.nameKey) ?? []) ??
    one(e.aliasKeys.flatMap((k) => c.byName.get(k) ?? [])) ??
    (e.acronymKey ? one([...(c.byAcronym.get(e.acronymKey) ?? []), ...(c.byAlias.get(e.acronymKey) ?? [])]) : undefined) ??
    (e.variantResolves ? variantMatch(e, one(c.byVariant.get(e.variantKey) ?? []), c, own) : undefined)
  );
}

/** The entity a unique variant-key hit names, unless the two carry differing URIs of one authority. */
function variantMatch(e: Incoming, id: number | undefined, c: Candidates, own: readonly string[]): number | undefined {
  if (id === undefined) return undefined;
  const authority = (uri: string) => {
    try {
      return new URL(uri).host || uri.split(':')[0];
    } catch {
      return uri;
    }
  };
  const theirs = new Set((c.sameAsOf.get(id) ?? []).map(authority));
  const clash = e.sameAs.some((uri) => !parseOwnUri(uri, own) && theirs.has(authority(uri)));
  return clash ? undefined : id;
}

/**
 * The keys `candidates` looks a list up by, each list de-duplicated: names (and alias names),
 * variant keys of names that resolve by variant, alias keys (names and acronyms), acronyms and
 * ISO 3166 codes. Shared with the bulk planner (./bulk.ts), which reads the same keys for a chunk.
 */
export function candidateKeys(list: Incoming[]): { nameKeys: string[]; variantKeys: string[]; aliasKeys: string[]; acronymKeys: string[]; isoCodes: string[] } {
  return {
    nameKeys: uniq(list.flatMap((e) => [e.nameKey, ...e.aliasKeys])),
    variantKeys: uniq(list.flatMap((e) => (e.variantResolves ? [e.variantKey] : []))),
    aliasKeys: uniq(list.flatMap((e) => [e.nameKey, ...(e.acronymKey ? [e.acronymKey] : [])])),
    acronymKeys: uniq(list.flatMap((e) => (e.acronymKey ? [e.acronymKey] : []))),
    isoCodes: uniq(list.flatMap((e) => (e.iso3166 ? [e.iso3166] : []))),
  };
}
