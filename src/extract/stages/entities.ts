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
 * 7. roles resolved to organisation and country entities (./roles.ts);
 * 8. `rel` and `relevance` from headline and opening presence and the number of mentions.
 *
 * Names no rule classifies are left out (an editor adds what was missed; a wrong entity costs
 * more). Headline candidates only add mentions of entities the body establishes, and gazetteer hits.
 */
import type { Doc, EntityDraft } from '../document.ts';
import { NameContext } from '../name-context.ts';
import { findListedOrganisations, findOrganisations, findSpeakingBodies, findStates, organisationOf } from './organisations.ts';
import { findPeople, findShortForms } from './people.ts';
import { resolveRoles } from './roles.ts';
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
  for (const e of doc.entities) e.mentions.sort((a, b) => a.start - b.start || a.end - b.end);
  score(doc);
}

/**
 * relevance = 0.35 (in the headline) + 0.25 (in the first body paragraph) + 0.1 per mention
 * (at most 0.4), capped at 1; `about` from 0.5, `mentions` below; no mention → no rel.
 */
function score(doc: Doc): void {
  const first = doc.paragraphs[1];
  for (const e of doc.entities) {
    if (!e.mentions.length) continue;
    const inHeadline = e.mentions.some((m) => m.end <= doc.bodyStart);
    const inOpening = !!first && e.mentions.some((m) => m.start >= first.start && m.end <= first.end);
    const relevance = Math.min(1, (inHeadline ? 0.35 : 0) + (inOpening ? 0.25 : 0) + Math.min(0.4, 0.1 * e.mentions.length));
    e.relevance = Math.round(relevance * 100) / 100;
    e.rel = relevance >= 0.5 ? 'about' : 'mentions';
  }
}

export type { EntityDraft };
