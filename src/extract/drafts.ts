/**
 * The entity table the `entities` stage fills (people, organisations, places as `EntityDraft`s):
 * one draft per entity, found again by folded name, alias or acronym, with stable bundle-safe ids
 * (`[a-z0-9][a-z0-9-]*`, unique across types). Mentions are kept in text order, one per span and
 * entity.
 */
import type { OrganisationKind, PlaceKind } from '../db/schema.ts';
import { foldName, slugify } from '../domain/fold.ts';
import type { Doc, EntityDraft, EntityType, Evidence, Mention, RoleDraft } from './document.ts';

export const STAGE = 'entities';

export const ev = (rule: string, ...spans: Array<[number, number]>): Evidence => ({ stage: STAGE, rule, spans });

export class Drafts {
  readonly doc: Doc;
  private readonly byKey = new Map<string, EntityDraft>();
  private readonly ids = new Map<string, EntityDraft>();
  private readonly countries = new Map<string, EntityDraft>();
  /** Spans already claimed by a mention: "start:end" → entity ids. */
  readonly claimed = new Map<string, Set<string>>();

  constructor(doc: Doc) {
    this.doc = doc;
    for (const e of doc.entities) this.index(e);
  }

  private key(type: EntityType, name: string): string {
    return `${type}:${foldName(name)}`;
  }

  private index(e: EntityDraft): void {
    this.ids.set(e.id, e);
    if (e.type === 'place' && e.kind === 'COUNTRY' && e.iso3166 && !this.countries.has(e.iso3166)) this.countries.set(e.iso3166, e);
    for (const n of [e.name, ...e.aliases, ...(e.acronym ? [e.acronym] : [])]) {
      const k = this.key(e.type, n);
      if (!this.byKey.has(k)) this.byKey.set(k, e);
    }
  }

  /** The entity of this type known by this name, alias or acronym. */
  find(type: EntityType, name: string): EntityDraft | undefined {
    return this.byKey.get(this.key(type, name));
  }

  all(type?: EntityType): EntityDraft[] {
    return type ? this.doc.entities.filter((e) => e.type === type) : this.doc.entities;
  }

  byId(id: string): EntityDraft | undefined {
    return this.ids.get(id);
  }

  /** The COUNTRY place with this ISO 3166-1 alpha-2 code, if there is one. */
  country(iso2: string): EntityDraft | undefined {
    return this.countries.get(iso2);
  }

  create(type: EntityType, name: string, evidence: Evidence, fields: { kind?: OrganisationKind | PlaceKind; acronym?: string; country?: string; iso3166?: string } = {}): EntityDraft {
    const base = slugify(name) || type;
    let id = base;
    if (this.ids.has(id)) id = `${base}-${type === 'organisation' ? 'org' : type}`;
    for (let n = 2; this.ids.has(id); n++) id = `${base}-${n}`;
    const e: EntityDraft = { id, type, name, aliases: [], roles: [], mentions: [], evidence };
    if (fields.kind) e.kind = fields.kind;
    if (fields.acronym) e.acronym = fields.acronym;
    if (fields.country) e.country = fields.country;
    if (fields.iso3166) e.iso3166 = fields.iso3166;
    this.doc.entities.push(e);
    this.index(e);
    return e;
  }

  /** Adds a name the text uses for `e` (not its name or acronym, not already there). */
  alias(e: EntityDraft, text: string): void {
    const f = foldName(text);
    if (!f || f === foldName(e.name) || (e.acronym && f === foldName(e.acronym))) return;
    if (e.aliases.some((a) => foldName(a) === f)) return;
    e.aliases.push(text);
    const k = this.key(e.type, text);
    if (!this.byKey.has(k)) this.byKey.set(k, e);
  }

  setAcronym(e: EntityDraft, acronym: string): void {
    if (e.acronym) return this.alias(e, acronym);
    e.acronym = acronym;
    e.aliases = e.aliases.filter((a) => foldName(a) !== foldName(acronym));
    const k = this.key(e.type, acronym);
    if (!this.byKey.has(k)) this.byKey.set(k, e);
  }

  /** Renames `e` (a longer full form found later); the old name becomes an alias. */
  rename(e: EntityDraft, name: string): void {
    if (foldName(name) === foldName(e.name)) return;
    const old = e.name;
    e.name = name;
    e.aliases = e.aliases.filter((a) => foldName(a) !== foldName(name));
    this.byKey.set(this.key(e.type, name), e);
    this.alias(e, old);
  }

  /** Records a mention of `e` at [start, end), once per span. */
  mention(e: EntityDraft, start: number, end: number, rule: string): Mention | undefined {
    const k = `${start}:${end}`;
    let set = this.claimed.get(k);
    if (set?.has(e.id)) return undefined;
    if (!set) this.claimed.set(k, (set = new Set()));
    set.add(e.id);
    const m: Mention = { start, end, text: this.doc.text.slice(start, end), entity: e.id, rule };
    e.mentions.push(m);
    return m;
  }

  /** Is [start, end) already a mention of some entity of this type (or any, when type is omitted)? */
  isClaimed(start: number, end: number, type?: EntityType): boolean {
    const set = this.claimed.get(`${start}:${end}`);
    if (!set) return false;
    if (!type) return set.size > 0;
    for (const id of set) if (this.byId(id)?.type === type) return true;
    return false;
  }

  addRole(e: EntityDraft, role: RoleDraft): void {
    const same = e.roles.find(
      (r) => r.title.toLowerCase() === role.title.toLowerCase() && (r.organisation ?? role.organisation) === (role.organisation ?? r.organisation) && (r.country ?? role.country) === (role.country ?? r.country),
    );
    if (same) {
      same.organisation ??= role.organisation;
      same.country ??= role.country;
      return;
    }
    // A role that refines one without organisation or country ("President" → "President" of Ghana)
    e.roles.push(role);
  }

  /** Merges `from` into `into` (mentions, aliases, roles); `from` is removed. */
  merge(into: EntityDraft, from: EntityDraft): void {
    if (into === from) return;
    this.alias(into, from.name);
    for (const a of from.aliases) this.alias(into, a);
    for (const m of from.mentions) this.mention(into, m.start, m.end, m.rule);
    for (const r of from.roles) this.addRole(into, r);
    this.doc.entities.splice(this.doc.entities.indexOf(from), 1);
    this.ids.set(from.id, into);
    for (const [k, v] of this.byKey) if (v === from) this.byKey.set(k, into);
    for (const e of this.doc.entities) {
      for (const r of e.roles) if (r.organisation === from.id) r.organisation = into.id;
      if (e.country === from.id) e.country = into.id;
      if (e.nationality === from.id) e.nationality = into.id;
    }
    for (const set of this.claimed.values()) if (set.delete(from.id)) set.add(into.id);
  }
}
