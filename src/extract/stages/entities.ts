/**
 * Entities, the third stage: name candidates (`Doc.names`) → people, organisations and places
 * (`Doc.entities`, `EntityDraft`s with mentions, roles and evidence). The passes, in order:
 *
 * 1. people with evidence: a title chain, an apposition, an honorific, a name style, a cue word, a
 *    verb of speech (./people.ts);
 * 2. short forms of those people: surname alone, given name alone, initials, in body and headline;
 * 3. countries, cities and regions from the gazetteer (./places.ts);
 * 4. organisations: gazetteer, head words, acronyms, the dateline's agency, names listed after
 *    a class noun ("companies X, Y and Z") (./organisations.ts);
 * 5. other places: buildings and sites, the dateline's place, names after "in" / "at";
 * 6. one-word names that speak or announce and are nobody's name (organisations of kind OTHER),
 *    and states that act (STATE organisations linked to their country);
 * 7. roles resolved to organisation and country entities (./roles.ts), then the offices of
 *    counterparts ("her Tanzanian counterpart, X");
 * 8. `rel` and `relevance` from headline and lead presence, how early and how often each is named.
 *
 * Names no rule classifies are left out (an editor adds what was missed; a wrong entity costs
 * more). Headline candidates only add mentions of entities the body establishes, and gazetteer hits.
 */
import type { Doc, EntityDraft } from '../document.ts';
import { NameContext } from '../name-context.ts';
import { findListedOrganisations, findOrganisations, findSpeakingBodies, findStates, organisationOf } from './organisations.ts';
import { findPeople, findShortForms } from './people.ts';
import { counterpartRoles, resolveRoles } from './roles.ts';
import { findGazetteerPlaces, findOtherPlaces, namedCountry } from './places.ts';

export function entities(doc: Doc): void {
  const ctx = new NameContext(doc);
  const pending = findPeople(ctx);
  findShortForms(ctx);
  findGazetteerPlaces(ctx);
  findOrganisations(ctx);
  findListedOrganisations(ctx);
  findOtherPlaces(ctx);
  findSpeakingBodies(ctx);
  findStates(ctx);
  resolveRoles(ctx, pending, (c, country) => organisationOf(ctx, c, country), (iso2) => namedCountry(ctx, iso2));
  counterpartRoles(ctx, (iso2) => namedCountry(ctx, iso2));
  for (const e of doc.entities) e.mentions.sort((a, b) => a.start - b.start || a.end - b.end);
  scoreEntities(doc);
}

/**
 * relevance = 0.4 (in the headline) + 0.2 (first named in the lead, the first body paragraph)
 * + 0.15 × how early in the body it is first named (1 at its start, 0 at its end) + 0.07 per
 * mention (at most 0.3), capped at 1, to two decimals. `about` when named in the headline, or in
 * the lead and again later, or at relevance 0.6 or more; `mentions` below; no mention → no rel.
 */
export function scoreEntities(doc: Doc): void {
  const bodyLength = Math.max(1, doc.text.length - doc.bodyStart);
  const lead = doc.paragraphs.find((p) => p.start >= doc.bodyStart);
  for (const e of doc.entities) {
    if (!e.mentions.length) continue;
    const inHeadline = e.mentions.some((m) => m.start < doc.bodyStart);
    const first = e.mentions.find((m) => m.start >= doc.bodyStart);
    const early = first ? 1 - Math.min(1, (first.start - doc.bodyStart) / bodyLength) : 0;
    const inLead = !!first && !!lead && first.start < lead.end;
    const relevance = (inHeadline ? 0.4 : 0) + (inLead ? 0.2 : 0) + 0.15 * early + Math.min(0.3, 0.07 * e.mentions.length);
    e.relevance = Math.round(Math.min(1, relevance) * 100) / 100;
    e.rel = inHeadline || (inLead && e.mentions.length >= 2) || e.relevance >= 0.6 ? 'about' : 'mentions';
  }
}

export type { EntityDraft };
