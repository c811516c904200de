/**
 * Entity resolution and upserts: a bundle's places, organisations and people (with their roles)
 * become row ids. One generic upsert serves the three kinds; a small description per kind says
 * what differs (the new row's columns, the facts that refine a stored row).
 *
 * For each kind: match every incoming entity (./match.ts); insert those found nowhere with
 * INSERT ... ON CONFLICT DO NOTHING on the unique folded key, reading the row back if another
 * load created it first, so a name is never stored twice; refine stored rows with the facts the
 * bundle states (kind OTHER from plain ninjs never overwrites a known kind); add new names and
 * sameAs URIs in one statement each.
 */
import { and, eq, gt, inArray, lt, or } from 'drizzle-orm';
import { partialDateColumns } from '../db/partial-date-columns.ts';
import * as t from '../db/schema.ts';
import { foldName, slugify } from '../domain/fold.ts';
import { parseOwnUri } from '../export/uris.ts';
import type { ArticleBundle, OrganisationInput, PersonInput, PlaceInput } from './bundle.ts';
import { candidates, incoming, resolveIncoming, uniq, type Candidates, type EntityInput, type EntityTable, type Incoming, type OwnerColumn } from './match.ts';
import type { Dates } from './prepare.ts';
import type { Tx } from './transaction.ts';

/** Bundle key → row id. */
export type Ids = Map<string, number>;
/** Row ids of the bundle's entities, by bundle key. */
export interface EntityIds {
  placeIds: Ids;
  orgIds: Ids;
  personIds: Ids;
}

export type ConflictTarget = NonNullable<Parameters<ReturnType<ReturnType<Tx['insert']>['values']>['onConflictDoNothing']>[0]>;

/** Whether a place of this kind and folded name is stored (a refine must not make a second one). */
export type PlaceExists = (kind: t.PlaceKind, nameKey: string) => boolean | Promise<boolean>;

/** What differs between the kinds of entity in an upsert (shared with the bulk planner, ./bulk.ts). */
export interface EntityKindSpec<I extends EntityInput, S extends { id: number }> {
  owner: OwnerColumn;
  table: EntityTable;
  /** The unique folded key new rows are upserted on. */
  conflict: ConflictTarget;
  /** Groups of new entities inserted one after another (default: one group). */
  batches?: (fresh: Incoming[]) => Incoming[][];
  /** A new row's columns besides its name, keys and slug; `ids` holds this kind's ids so far. */
  newRow: (e: I, ids: Ids, c: Candidates) => Record<string, unknown>;
  /** The stored columns `refine` compares with. */
  stored: (tx: Tx, ids: number[]) => Promise<S[]>;
  /** The columns to set on stored row `s` from the facts the bundle states about it. */
  refine: (e: I, id: number, s: S, ids: Ids, c: Candidates, placeExists: PlaceExists) => Partial<S> | Promise<Partial<S>>;
}

export const PLACES: EntityKindSpec<PlaceInput, { id: number; kind: t.PlaceKind; nameKey: string; countryId: number | null; iso3166: string | null }> = {
  owner: 'placeId',
  table: t.places,
  conflict: { target: [t.places.kind, t.places.nameKey] },
  // New countries first: new cities and regions refer to them.
  batches: (fresh) => [fresh.filter((e) => e.kind === 'COUNTRY'), fresh.filter((e) => e.kind !== 'COUNTRY')],
  newRow: (p, ids, c) => ({
    kind: p.kind,
    countryId: p.country ? (ids.get(p.country) ?? null) : null,
    iso3166: p.iso3166 && !c.byIso.has(p.iso3166) ? p.iso3166 : null,
  }),
  stored: (tx, ids) =>
    tx
      .select({ id: t.places.id, kind: t.places.kind, nameKey: t.places.nameKey, countryId: t.places.countryId, iso3166: t.places.iso3166 })
      .from(t.places)
      .where(inArray(t.places.id, ids)),
  // A known kind upgrades OTHER (unless that place exists already), country, ISO code.
  refine: async (p, id, s, ids, c, placeExists) => {
    const countryId = p.country ? ids.get(p.country)! : undefined;
    const set: Partial<typeof s> = {};
    if (countryId !== undefined && countryId !== id && countryId !== s.countryId) set.countryId = countryId;
    if (p.iso3166 && s.iso3166 !== p.iso3166 && (c.byIso.get(p.iso3166) ?? id) === id && !s.iso3166) set.iso3166 = p.iso3166;
    if (p.kind !== 'OTHER' && s.kind === 'OTHER' && !(await placeExists(p.kind, s.nameKey))) set.kind = p.kind;
    return set;
  },
};

export const organisations = (placeIds: Ids): EntityKindSpec<OrganisationInput, { id: number; kind: t.OrganisationKind; acronym: string | null; countryId: number | null; parentId: number | null }> => ({
  owner: 'organisationId',
  table: t.organisations,
  conflict: { target: t.organisations.nameKey },
  newRow: (o) => ({ kind: o.kind, acronym: o.acronym ?? null, countryId: o.country ? placeIds.get(o.country)! : null }),
  stored: (tx, ids) =>
    tx
      .select({ id: t.organisations.id, kind: t.organisations.kind, acronym: t.organisations.acronym, countryId: t.organisations.countryId, parentId: t.organisations.parentId })
      .from(t.organisations)
      .where(inArray(t.organisations.id, ids)),
  refine: (o, id, s, ids) => {
    const parentId = o.parent ? ids.get(o.parent)! : undefined;
    const countryId = o.country ? placeIds.get(o.country)! : undefined;
    const set: Partial<typeof s> = {};
    if (o.kind !== 'OTHER' && o.kind !== s.kind) set.kind = o.kind;
    if (o.acronym && o.acronym !== s.acronym) set.acronym = o.acronym;
    if (countryId !== undefined && countryId !== s.countryId) set.countryId = countryId;
    if (parentId !== undefined && parentId !== id && parentId !== s.parentId) set.parentId = parentId;
    return set;
  },
});

export const people = (placeIds: Ids): EntityKindSpec<PersonInput, { id: number; nationalityId: number | null }> => ({
  owner: 'personId',
  table: t.people,
  conflict: { target: t.people.nameKey },
  newRow: (p) => ({ nationalityId: p.nationality ? placeIds.get(p.nationality)! : null }),
  stored: (tx, ids) => tx.select({ id: t.people.id, nationalityId: t.people.nationalityId }).from(t.people).where(inArray(t.people.id, ids)),
  refine: (p, _id, s) => {
    const nationalityId = p.nationality ? placeIds.get(p.nationality)! : null;
    return nationalityId && s.nationalityId !== nationalityId ? { nationalityId } : {};
  },
});

/**
 * Where entity resolution reads and writes: the load's transaction (`txStore`), or the bulk
 * planner's in-memory mirror of what its chunk read and wrote (./bulk.ts). Both run the one
 * resolution below, so a chunk resolves exactly as its articles would one by one.
 */
export interface EntityStore {
  /** `incoming` (./match.ts), which a store may remember. */
  incoming(e: EntityInput, owner: OwnerColumn): Incoming;
  /** The stored entities `list` could resolve to (`candidates`, ./match.ts). */
  candidates(owner: OwnerColumn, table: EntityTable, list: Incoming[]): Candidates | Promise<Candidates>;
  /** Offer new rows in order (`insertNew`); returns bundle key → id, a row already stored under its key giving that row's id. */
  insertNew(table: EntityTable, rows: { e: Incoming; row: Record<string, unknown> }[], target: ConflictTarget): Ids | Promise<Ids>;
  /** The stored rows of these ids, with the columns `kind.refine` compares. */
  stored<S extends { id: number }>(kind: EntityKindSpec<never, S>, ids: number[]): S[] | Promise<S[]>;
  /** Set `set` on stored row `s` (and on `s` itself). */
  update<S extends { id: number }>(table: EntityTable, s: S, set: Partial<S>): void | Promise<void>;
  /** Add the entities' names and external sameAs URIs (`nameRows`). */
  addNames(owner: OwnerColumn, entities: EntityInput[], ids: Ids): void | Promise<void>;
  /** Add the people's roles (`planRoles`). */
  upsertRoles(people: PersonInput[], personIds: Ids, orgIds: Ids, dates: Dates): void | Promise<void>;
  placeExists: PlaceExists;
}

/** The store of a load: statements in its transaction. */
function txStore(tx: Tx, own: readonly string[]): EntityStore {
  return {
    incoming,
    candidates: (owner, table, list) => candidates(tx, owner, table, list, own),
    insertNew: (table, rows, target) => insertNew(tx, table, rows, target),
    stored: (kind, ids) => kind.stored(tx, ids),
    update: async (table, s, set) => {
      await tx.update(table).set(set as never).where(eq(table.id, s.id));
      Object.assign(s, set);
    },
    addNames: (owner, entities, ids) => addNames(tx, owner, entities, ids, own),
    upsertRoles: (people, personIds, orgIds, dates) => upsertRoles(tx, people, personIds, orgIds, dates),
    placeExists: async (kind, nameKey) =>
      (await tx.select({ id: t.places.id }).from(t.places).where(and(eq(t.places.kind, kind), eq(t.places.nameKey, nameKey)))).length > 0,
  };
}

/** Resolve or create every entity of the bundle (places, then organisations, then people and their roles). */
export function resolveEntities(tx: Tx, a: ArticleBundle['annotations'], dates: Dates, own: readonly string[]): Promise<EntityIds> {
  return resolveEntitiesIn(txStore(tx, own), a, dates, own);
}

/** `resolveEntities` against any store (./bulk.ts passes its mirror). */
export async function resolveEntitiesIn(store: EntityStore, a: ArticleBundle['annotations'], dates: Dates, own: readonly string[]): Promise<EntityIds> {
  const placeIds = await upsertEntities(store, PLACES, a.places, own);
  const orgIds = await upsertEntities(store, organisations(placeIds), a.organisations, own);
  const personIds = await upsertEntities(store, people(placeIds), a.people, own);
  await store.upsertRoles(a.people, personIds, orgIds, dates);
  return { placeIds, orgIds, personIds };
}

/** Match, insert what is new, refine what is stored, add names: one kind of entity. */
async function upsertEntities<I extends EntityInput, S extends { id: number }>(store: EntityStore, kind: EntityKindSpec<I, S>, inputs: I[], own: readonly string[]): Promise<Ids> {
  if (!inputs.length) return new Map();
  const list = inputs.map((e) => store.incoming(e, kind.owner));
  const c = await store.candidates(kind.owner, kind.table, list);
  const ids: Ids = new Map();
  for (const e of list) {
    const id = resolveIncoming(e, kind.owner, c, own);
    if (id !== undefined) ids.set(e.key, id);
  }
  const input = new Map(inputs.map((e) => [e.key, e]));
  const fresh = list.filter((e) => !ids.has(e.key));
  for (const batch of kind.batches?.(fresh) ?? [fresh]) {
    const rows = batch.map((e) => ({ e, row: kind.newRow(input.get(e.key)!, ids, c) }));
    for (const [key, id] of await store.insertNew(kind.table, rows, kind.conflict)) ids.set(key, id);
  }
  const stored = new Map((await store.stored(kind, uniq(ids.values()))).map((s) => [s.id, s]));
  for (const e of inputs) {
    const id = ids.get(e.key)!;
    const s = stored.get(id)!;
    const set = await kind.refine(e, id, s, ids, c, store.placeExists);
    if (Object.keys(set).length) await store.update(kind.table, s, set);
  }
  await store.addNames(kind.owner, inputs, ids);
  return ids;
}

/**
 * Insert entities that resolved to nothing, in the given order. Each is an upsert on the
 * unique folded key: when the row exists already (a concurrent load, or two keys of this
 * bundle with one name), that row's id is read back instead.
 */
async function insertNew(tx: Tx, table: EntityTable, list: { e: Incoming; row: Record<string, unknown> }[], target: ConflictTarget): Promise<Ids> {
  const ids: Ids = new Map();
  const slugs = await freeSlugs(tx, table, list.map((x) => x.e.name));
  for (const [i, { e, row }] of list.entries()) {
    const [inserted] = await tx
      .insert(table)
      .values({ ...row, name: e.name, nameKey: e.nameKey, variantKey: e.variantKey, slug: slugs[i]! } as never)
      .onConflictDoNothing(target)
      .returning({ id: table.id });
    if (inserted) {
      ids.set(e.key, inserted.id);
      continue;
    }
    const scope = table === t.places ? eq(t.places.kind, e.kind ?? 'OTHER') : undefined;
    const [existing] = await tx.select({ id: table.id }).from(table).where(and(eq(table.nameKey, e.nameKey), scope)).limit(1);
    ids.set(e.key, existing!.id);
  }
  return ids;
}

/** Add every entity's names (name, aliases, acronym) and external sameAs URIs; existing ones are kept. */
async function addNames(tx: Tx, owner: OwnerColumn, entities: EntityInput[], ids: Ids, own: readonly string[]) {
  const { aliases, uris } = nameRows(owner, entities, ids, own);
  if (aliases.length) await tx.insert(t.aliases).values(aliases as never).onConflictDoNothing();
  if (uris.length) await tx.insert(t.sameAs).values(uris as never).onConflictDoNothing();
}

/** The alias and sameAs rows `addNames` offers (one per entity and folded name, one per external URI), in order. */
export function nameRows(owner: OwnerColumn, entities: EntityInput[], ids: Ids, own: readonly string[]) {
  const aliases = new Map<string, Record<string, unknown>>();
  const uris = new Map<string, Record<string, unknown>>();
  for (const e of entities) {
    const id = ids.get(e.key)!;
    for (const name of [e.name, ...e.aliases, ...(e.acronym ? [e.acronym] : [])]) {
      const nameKey = foldName(name);
      if (nameKey && !aliases.has(`${id}/${nameKey}`)) aliases.set(`${id}/${nameKey}`, { [owner]: id, name, nameKey });
    }
    // A URI already naming another entity stays with it (same_as.uri is the primary key); ours are not stored.
    for (const uri of e.sameAs) if (!parseOwnUri(uri, own) && !uris.has(uri)) uris.set(uri, { uri, [owner]: id });
  }
  return { aliases: [...aliases.values()], uris: [...uris.values()] };
}

/** People's roles: one read for all, inserts in one statement, updates only where dates are given. */
async function upsertRoles(tx: Tx, people: PersonInput[], personIds: Ids, orgIds: Ids, dates: Dates) {
  const withRoles = people.filter((p) => p.roles.length);
  if (!withRoles.length) return;
  const existing = await tx
    .select({ id: t.roles.id, personId: t.roles.personId, title: t.roles.title, organisationId: t.roles.organisationId })
    .from(t.roles)
    .where(inArray(t.roles.personId, uniq(withRoles.map((p) => personIds.get(p.key)!))));
  const plan = planRoles(withRoles, personIds, orgIds, dates, existing);
  for (const u of plan.updates) await tx.update(t.roles).set(u.values as never).where(eq(t.roles.id, u.id));
  if (plan.inserts.length) await tx.insert(t.roles).values(plan.inserts as never).onConflictDoNothing();
}

/** A stored role as `planRoles` needs it. */
export type StoredRole = { id: number; personId: number; title: string; organisationId: number | null };

/**
 * What `upsertRoles` writes, given the stored roles of the people (`existing`): dates set on
 * stored roles, in order, and the new roles (one per person, title and organisation).
 */
export function planRoles(withRoles: PersonInput[], personIds: Ids, orgIds: Ids, dates: Dates, existing: StoredRole[]) {
  const updates: { id: number; values: Record<string, unknown> }[] = [];
  const roleKey = (personId: number, title: string, organisationId: number | null) => `${personId}\u0000${title}\u0000${organisationId ?? 0}`;
  const found = new Map(existing.map((r) => [roleKey(r.personId, r.title, r.organisationId), r.id]));
  const inserts = new Map<string, Record<string, unknown>>();
  for (const p of withRoles) {
    const personId = personIds.get(p.key)!;
    for (const [j, r] of p.roles.entries()) {
      const d = dates.roles.get(`${p.key}/${j}`)!;
      const organisationId = r.organisation ? orgIds.get(r.organisation)! : null;
      const values = { ...partialDateColumns('started', d.started), ...partialDateColumns('ended', d.ended) };
      const k = roleKey(personId, r.title, organisationId);
      const roleId = found.get(k);
      if (roleId !== undefined) {
        if (d.started || d.ended) updates.push({ id: roleId, values });
      } else if (!inserts.has(k) || d.started || d.ended) {
        inserts.set(k, { personId, organisationId, title: r.title, ...values });
      }
    }
  }
  return { updates, inserts: [...inserts.values()] };
}

/** Slugs for new rows of `table`: the slugified name, else name-2, name-3 ... (one statement for all). */
export async function freeSlugs(tx: Tx, table: typeof t.articles | EntityTable, names: string[]): Promise<string[]> {
  const bases = names.map(slugBase);
  if (!bases.length) return [];
  const taken = new Set(
    (
      await tx
        .select({ slug: table.slug })
        .from(table)
        // "base-…" as a range ('-' + 1 = '.'), so the unique slug index serves it (a LIKE would scan).
        .where(or(inArray(table.slug, uniq(bases)), ...uniq(bases).map((b) => and(gt(table.slug, `${b}-`), lt(table.slug, `${b}.`)))))
    ).map((r) => r.slug),
  );
  return pickSlugs(bases, taken);
}

/** The slug for each base, given the slugs `taken` (added to as slugs are picked): base, else base-2, base-3 ... */
export function pickSlugs(bases: string[], taken: { has(slug: string): boolean; add(slug: string): unknown }): string[] {
  return bases.map((base) => {
    let slug = base;
    for (let i = 2; taken.has(slug); i++) slug = `${base}-${i}`;
    taken.add(slug);
    return slug;
  });
}

/** The base slug of a name (`freeSlugs`). */
export const slugBase = (name: string) => slugify(name) || 'entity';
